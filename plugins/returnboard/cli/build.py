"""`python -m returnboard build`: build and index the site in a new folder, then swap it in.

A failure at any step leaves the previous output exactly as it was.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import sys
import tempfile
import time
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

from ..content.problems import BoardInvalid
from ..kept import Shelf
from ..site.minify import minify_theme
from ..site.search_index import index_site, remember_index, reuse_index
from ..settings import BoardSettings
from .environment import settings_from_environment
from .last_build import LastBuild, inputs_digest
from .validate import report


def site_settings(settings_file: str, output: Path, content: str | None, overrides: dict | None = None) -> dict:
    """Pelican's settings from `settings_file`; `overrides` are settings that win over the file's."""
    override = {"OUTPUT_PATH": str(output), **(overrides or {})}
    if content:
        override["PATH"] = str(Path(content).resolve())
    return read_settings(settings_file, override=override)


def render_site(settings: dict, folder: Path) -> None:
    """Run Pelican with `settings` into `folder`."""
    # Pelican's own summary counts articles, which this site does not have.
    with contextlib.redirect_stdout(io.StringIO()):
        Pelican(dict(settings, OUTPUT_PATH=str(folder))).run()


def swap_into_place(built: Path, output: Path) -> None:
    """Replace `output` with `built` using renames, so no half-built site is ever served."""
    retired = None
    if output.exists():
        retired = Path(tempfile.mkdtemp(prefix=f".{output.name}-old-", dir=output.parent))
        output.rename(retired / output.name)
    built.rename(output)
    if retired:
        shutil.rmtree(retired)


def build_into(settings: dict, output: Path, cache: Path) -> None:
    """Render, minify and index the site in a new folder beside `output`, then swap it in."""
    output.parent.mkdir(parents=True, exist_ok=True)
    workspace = Path(tempfile.mkdtemp(prefix=f".{output.name}-build-", dir=output.parent))
    built = workspace / "site"
    try:
        render_site(settings, built)
        minify_theme(built)
        record = Shelf(cache, "search-index")
        if not reuse_index(built, output, record):
            index_site(built)
            remember_index(built / "pagefind", record)
        swap_into_place(built, output)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)


def main(settings_file: str, output: str, content: str | None = None) -> int:
    started = time.perf_counter()
    output_path = Path(output).resolve()
    try:
        settings = site_settings(settings_file, output_path, content, settings_from_environment())
        cache = BoardSettings.from_settings(settings).cache_path
        last_build, inputs = LastBuild(cache, output_path), inputs_digest(settings)
        if last_build.is_current(inputs):
            print(f"Nothing has changed since the last build: {output} is up to date.")
            return 0
        build_into(settings, output_path, cache)
        last_build.remember(inputs)
    except BoardInvalid as invalid:
        report(invalid.problems)
        print(f"Nothing was published: fix the errors above. {output} is unchanged.", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - any failure must leave the old site and explain itself
        print(f"Build failed: {error}\n{output} is unchanged.", file=sys.stderr)
        return 1
    pages = sum(1 for _ in output_path.rglob("*.html"))
    print(f"Built {pages} pages into {output} in {time.perf_counter() - started:.1f} s.")
    return 0
