"""Minify the theme's own scripts and stylesheets in a built site, so every visit downloads less:
the comments that explain them stay in the source."""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

# rjsmin keeps a template literal as it is, but not one nested in another's ${…}: the theme's
# scripts nest none, and a test checks that each survives minifying.
MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def minify_theme(folder: Path) -> None:
    """Rewrite each .js and .css file under `folder`/theme/ minified."""
    for path in sorted((folder / "theme").rglob("*")):
        minify = MINIFIERS.get(path.suffix)
        if minify and path.is_file():
            path.write_text(minify(path.read_text(encoding="utf-8")), encoding="utf-8")
