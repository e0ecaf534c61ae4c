"""Index the written site for search with Pagefind, in one pass over the pages that can be results."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

from ..content.problems import BoardError
from ..kept import Shelf

# Only these pages can be search results; reading the long list pages too would double the time.
SEARCHABLE_FOLDERS = ("placements", "stories")
SEARCHABLE_PAGES = "{" + ",".join(SEARCHABLE_FOLDERS) + "}/*/index.html"
LAST_INDEX = "last"  # the record's one entry: the index the board's last build made


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


def searchable_pages(folder: Path) -> dict[str, str]:
    """The pages Pagefind reads, by path, each with a hash of its bytes: two sites' pages are
    compared without holding both in memory."""
    return {str(page.relative_to(folder)): hashlib.sha256(page.read_bytes()).hexdigest()
            for name in SEARCHABLE_FOLDERS for page in sorted((folder / name).glob("*/index.html"))}


def index_digest(index: Path) -> str:
    """One hash of every file of an index, by name and bytes."""
    digest = hashlib.sha256()
    for path in sorted(index.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(index)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def remember_index(index: Path, record: Shelf) -> None:
    """Note, outside the site, the index this build made: only that one may be reused."""
    record.keep(LAST_INDEX, index_digest(index).encode())
    record.flush()


def reuse_index(built: Path, previous: Path, record: Shelf) -> bool:
    """Give `built` the previous build's index if Pagefind would read exactly the same pages;
    True if it did. Pagefind has no partial update, so any change to them means a new index.

    The previous site's folder could hold files nobody built (a pull request can add any file,
    pagefind.js included), so its index is reused only if it is, byte for byte, the one the
    board's own last build recorded on the store's shelf `record`, never one inside the project."""
    index = previous / "pagefind"
    recorded = record.get([LAST_INDEX]).get(LAST_INDEX)
    if recorded is None or not _made_by_this_pagefind(index) or searchable_pages(built) != searchable_pages(previous):
        return False
    if recorded != index_digest(index).encode():
        return False
    # Hard links: the previous site is retired once the new one is in place, and its files are never written to.
    shutil.copytree(index, built / "pagefind", copy_function=os.link)
    return True


def _made_by_this_pagefind(index: Path) -> bool:
    try:
        entry = json.loads((index / "pagefind-entry.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(entry, dict) and entry.get("version") == version("pagefind")
