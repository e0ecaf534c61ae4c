"""Whether a build would change anything: a digest of everything a build reads, and the
identity of every file it wrote, as the last build recorded them outside the project.

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
import tempfile
from pathlib import Path
from typing import Mapping

from ..content.check_cache import CODE
from ..content.schema_check import SCHEMA_DIR
from ..digests import add_file, add_folder, add_settings
from ..settings import PROJECT, BoardSettings, inside_project

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
    """The record of the last build into one output folder, kept in the board's cache: never in
    a folder inside the project, where a pull request could write a record that matches."""

    def __init__(self, cache: Path, output: Path):
        name = hashlib.sha256(str(output.resolve()).encode()).hexdigest()
        self.record = None if inside_project(cache) else Path(cache) / RECORDS / name
        self.output = output

    def is_current(self, inputs: str) -> bool:
        """Whether the output is the untouched result of a build of exactly these inputs."""
        if self.record is None or not self.output.is_dir():
            return False
        try:
            recorded = json.loads(self.record.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        return (isinstance(recorded, dict) and recorded.get("inputs") == inputs
                and recorded.get("outputs") == outputs_digest(self.output))

    def remember(self, inputs: str) -> None:
        """Record the build just swapped into place; a record that cannot be written only means a full build next time."""
        if self.record is None:
            return
        try:
            self.record.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.record.parent)
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump({"inputs": inputs, "outputs": outputs_digest(self.output)}, stream)
            os.replace(temporary, self.record)
        except OSError:
            pass
