"""Remember each listing's checks between builds, on the store's `checks/` shelf (kept.py): its
parsed data, its problems, its rendered description and its places of work, keyed by everything
that could change them.

An entry's key is the file's bytes and the name it is reported under, plus a version of all
the rest: the code, the schemas, the data files, the employers, the requirements and "today".
Any change there starts afresh, so a cached build is the build a clean one would be.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from pathlib import Path

from ..digests import add_file, add_folder
from ..kept import Shelf
from ..settings import PROJECT
from .files import display_path
from .schema_check import SCHEMA_DIR

CODE = Path(__file__).resolve().parents[1]
SHELF = "checks/"


def checks_version(data_path: Path, employer_files: list[Path], today,
                   drafts: dict[Path, bytes] | None = None) -> str:
    """What every listing's checks depend on besides the listing itself."""
    digest = hashlib.sha256(sys.version.encode())
    digest.update(str(today).encode())
    for folder in (CODE, SCHEMA_DIR, Path(data_path)):
        add_folder(digest, folder)
    add_file(digest, PROJECT / "requirements.txt")
    for path in sorted(employer_files):
        add_file(digest, path, (drafts or {}).get(path))
    return digest.hexdigest()


class CheckCache:
    """Entries on the store's shelf `checks/<version>`; a shelf of another version is stale.

    An entry says a listing passed its checks and holds its rendered HTML: the store is never
    one inside the project (kept.py).
    """

    def __init__(self, cache: Path | None, version: str):
        self.version = version
        self.shelf = Shelf(cache, f"{SHELF}{version}")

    def forget_other_versions(self) -> None:
        """Remove entries no build can use again, so the cache holds one version's at most."""
        self.shelf.drop_other_shelves(SHELF)

    def _key(self, path: Path, raw: bytes) -> str:
        return hashlib.sha256(display_path(path).encode() + b"\0" + raw).hexdigest()

    def fingerprint(self, path: Path, raw: bytes) -> str:
        """A hash of everything what is read from this file depends on: the same means the same placement."""
        return f"{self.version}-{self._key(path, raw)}"

    def get(self, files: dict[Path, bytes]) -> dict:
        """The checks remembered for these files' bytes, by path; a file with none is left out."""
        keys = {self._key(path, raw): path for path, raw in files.items()}
        found = {}
        for key, kept in self.shelf.get(list(keys)).items():
            try:
                found[keys[key]] = pickle.loads(kept)
            except (pickle.UnpicklingError, EOFError):
                pass
        return found

    def put(self, path: Path, raw: bytes, result) -> None:
        """Remember a result, written with the others at `flush`."""
        self.shelf.keep(self._key(path, raw), pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))

    def flush(self) -> None:
        self.shelf.flush()
