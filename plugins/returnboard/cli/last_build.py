"""Whether a build would change anything: a digest of everything a build reads, and the
identity of every file it wrote, as the last build recorded them in the store (kept.py).

A rebuild whose inputs are all the same, into an output nobody has touched since, would write
the same bytes; it stops at once instead. A file's identity is its inode, size and modified
and changed times: a file written, replaced or added since (a pull request's, say) differs,
as the changed time cannot be set by hand.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Mapping

from ..content.check_cache import CODE
from ..content.schema_check import SCHEMA_DIR
from ..digests import add_file, add_folder, add_settings
from ..kept import Shelf
from ..settings import PROJECT, BoardSettings

RECORDS = "builds"


def inputs_digest(settings: Mapping) -> str:
    """Everything a build reads: Python, the settings (overrides and "today" included), and every
    file of the content, theme, plugins, schemas, data and pinned requirements."""
    digest = hashlib.sha256(sys.version.encode())
    add_settings(digest, settings)
    board = BoardSettings.from_settings(settings)
    digest.update(str(board.today).encode())
    # The board's own code by where it runs from, whatever the settings' plugin paths say.
    folders = [settings["PATH"], settings["THEME"], CODE, *settings.get("PLUGIN_PATHS", []), SCHEMA_DIR,
               board.data_path]
    for folder in folders:
        add_folder(digest, folder)
    for path in sorted(PROJECT.glob("requirements*.txt")):
        add_file(digest, path)
    return digest.hexdigest()


def outputs_digest(output: Path) -> str:
    """Every file in the output, by name and identity (a large site has tens of thousands: each
    is stated once, and no path object is made for it)."""
    digest = hashlib.sha256()

    def visit(folder: str, relative: str) -> None:
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda entry: entry.name):
                if entry.is_dir(follow_symlinks=False):
                    visit(entry.path, f"{relative}{entry.name}/")
                else:
                    found = entry.stat(follow_symlinks=False)
                    digest.update(f"{relative}{entry.name}\0{found.st_ino} {found.st_size} {found.st_mtime_ns} "
                                  f"{found.st_ctime_ns}\0".encode(errors="surrogateescape"))

    visit(str(output), "")
    return digest.hexdigest()


class LastBuild:
    """The record of the last build into one output folder, on the store's `builds` shelf, which
    is never one inside the project, where a pull request could write a record that matches."""

    def __init__(self, cache: Path, output: Path):
        self.shelf = Shelf(cache, RECORDS)
        self.key = hashlib.sha256(str(output.resolve()).encode()).hexdigest()
        self.output = output

    def is_current(self, inputs: str) -> bool:
        """Whether the output is the untouched result of a build of exactly these inputs."""
        recorded = self.shelf.get([self.key]).get(self.key)
        if recorded is None or not self.output.is_dir():
            return False
        try:
            recorded = json.loads(recorded)
        except ValueError:
            return False
        return (isinstance(recorded, dict) and recorded.get("inputs") == inputs
                and recorded.get("outputs") == outputs_digest(self.output))

    def remember(self, inputs: str) -> None:
        """Record the build just swapped into place; a record that cannot be kept only means a full build next time."""
        self.shelf.keep(self.key, json.dumps({"inputs": inputs, "outputs": outputs_digest(self.output)}).encode())
        self.shelf.flush()
