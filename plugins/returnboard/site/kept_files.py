"""Files a build made, kept for the next one by a hash of everything each is made from.

Whoever can write a kept file decides what is published, so a folder inside the project,
which a pull request can fill, is never used: every file is then made afresh.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..content.check_cache import inside_project


class KeptFiles:
    """One folder of files, each named by its key."""

    def __init__(self, folder: Path | None):
        self.folder = None if folder is None or inside_project(folder) else Path(folder)

    def get(self, key: str) -> bytes | None:
        try:
            return (self.folder / key).read_bytes() if self.folder else None
        except OSError:
            return None

    def keep(self, key: str, made: bytes) -> None:
        """Keep a file this build made, written to a new file then renamed, so a reader never sees half of one."""
        if not self.folder or (self.folder / key).exists():
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder)
            with os.fdopen(handle, "wb") as stream:
                stream.write(made)
            os.replace(temporary, self.folder / key)
        except OSError:  # a file that cannot be kept only makes the next build slower
            pass

    def keep_only(self, keys) -> None:
        """Drop every file but these: a file no build makes now is not kept."""
        if not self.folder:
            return
        wanted = set(keys)
        try:
            for old in self.folder.iterdir():
                if old.name not in wanted:
                    old.unlink()
        except OSError:
            pass
