"""Index the written site for search with Pagefind, in one pass over the pages that can be results."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ..content.problems import BoardError

# Only these pages can be search results; reading the long list pages too would double the time.
SEARCHABLE_PAGES = "{placements,stories}/*/index.html"


class IndexingFailed(BoardError):
    """Pagefind could not index the site."""


def index_site(folder: Path) -> None:
    """Write Pagefind's index into `folder`/pagefind/."""
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(folder), "--glob", SEARCHABLE_PAGES, "--silent"],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise IndexingFailed(f"search indexing failed: {result.stderr.strip() or result.stdout.strip()}")
