"""Remember each listing's checks between builds: its parsed data, its problems, its rendered
description and its places of work, keyed by everything that could change them.

An entry's key is the file's bytes and the name it is reported under, plus a version of all
the rest: the code, the schemas, the data files, the employers, the requirements and "today".
Any change there starts afresh, so a cached build is the build a clean one would be.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import sys
import tempfile
from pathlib import Path

from ..digests import add_file
from ..settings import PROJECT
from .files import display_path
from .schema_check import SCHEMA_DIR

CODE = Path(__file__).resolve().parents[1]


def _hash_files(digest, paths, drafts: dict[Path, bytes] | None = None) -> None:
    """Each file's name and bytes; a draft (a file not written yet) by the bytes it will have."""
    for path in sorted(paths):
        add_file(digest, path, (drafts or {}).get(path))


def checks_version(data_path: Path, employer_files: list[Path], today,
                   drafts: dict[Path, bytes] | None = None) -> str:
    """What every listing's checks depend on besides the listing itself."""
    digest = hashlib.sha256(sys.version.encode())
    digest.update(str(today).encode())
    _hash_files(digest, CODE.rglob("*.py"))
    _hash_files(digest, SCHEMA_DIR.glob("*.json"))
    _hash_files(digest, [PROJECT / "requirements.txt"])
    _hash_files(digest, (path for path in Path(data_path).rglob("*") if path.is_file()))
    _hash_files(digest, employer_files, drafts)
    return digest.hexdigest()


def inside_project(folder: Path) -> bool:
    """Whether a folder is in the project, where anything a pull request adds would be read."""
    return Path(folder).resolve().is_relative_to(PROJECT)


class CheckCache:
    """Entries in `folder`/<version>/, one file each; a folder of another version is stale.

    An entry says a listing passed its checks and holds its rendered HTML, so whoever can write
    one decides what is published: a folder inside the project, which a pull request can fill,
    is never used (every build is then a clean one).
    """

    def __init__(self, folder: Path, version: str):
        self.folder = Path(folder) / version
        self.version = version
        self.enabled = not inside_project(folder)

    def forget_other_versions(self) -> None:
        """Remove entries no build can use again, so the cache holds one version's at most."""
        if not self.enabled:
            return
        for stale in self.folder.parent.glob("*"):
            if stale != self.folder:
                shutil.rmtree(stale, ignore_errors=True)

    def _key(self, path: Path, raw: bytes) -> str:
        return hashlib.sha256(display_path(path).encode() + b"\0" + raw).hexdigest()

    def _entry(self, path: Path, raw: bytes) -> Path:
        key = self._key(path, raw)
        return self.folder / key[:2] / key

    def fingerprint(self, path: Path, raw: bytes) -> str:
        """A hash of everything what is read from this file depends on: the same means the same placement."""
        return f"{self.version}-{self._key(path, raw)}"

    def get(self, path: Path, raw: bytes):
        """The checks remembered for this file's bytes, or None."""
        if not self.enabled:
            return None
        try:
            return pickle.loads(self._entry(path, raw).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError):
            return None

    def put(self, path: Path, raw: bytes, result) -> None:
        """Remember a result; written to a new file then renamed, so a reader never sees half of one.
        A cache that cannot be written is only slower, never an error."""
        if not self.enabled:
            return
        entry = self._entry(path, raw)
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=entry.parent)
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(result, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, entry)
        except OSError:
            pass
