"""Hashes of what a build reads: files by name and bytes, folders, and settings.

A file is read in pieces, and a link or anything but a regular file is hashed by what it is,
never opened: a named pipe under content/ would otherwise never end.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Iterator, Mapping


def files_under(folder: Path, skip: Path | None = None) -> Iterator[Path]:
    """Every file under `folder` (but under `skip`), in a fixed order, without following links."""
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders
                            if name != "__pycache__" and Path(root) / name != skip)
        for name in sorted(names):
            yield Path(root) / name


def add_file(digest, path: Path, raw: bytes | None = None) -> None:
    """A file's name and bytes (`raw`, if it is a draft not written yet)."""
    digest.update(b"\0" + str(path).encode(errors="surrogateescape") + b"\0")
    if raw is not None:
        digest.update(raw)
        return
    try:
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            digest.update(b"link:" + os.readlink(path).encode(errors="surrogateescape"))
        elif not stat.S_ISREG(mode):
            digest.update(f"kind:{stat.S_IFMT(mode)}".encode())
        else:
            with path.open("rb") as stream:
                for piece in iter(lambda: stream.read(1 << 20), b""):
                    digest.update(piece)
    except OSError:  # the build reports an unreadable file; here it only has to differ from any bytes
        digest.update(b"\0unreadable")


def add_folder(digest, folder: Path, skip: Path | None = None) -> None:
    digest.update(b"\1" + str(folder).encode(errors="surrogateescape"))
    for path in files_under(Path(folder), skip):
        add_file(digest, path)


# Settings that change where or how fast a build works, never what it writes: the output folder
# (a build first writes into a temporary one), its workers and its cache.
NOT_WRITTEN = ("OUTPUT_PATH", "BOARD_WORKERS", "BOARD_CACHE")


def add_settings(digest, settings: Mapping) -> None:
    """Pelican's settings but those NOT_WRITTEN. A value with no stable form (an object's address)
    makes every hash new: never a false match."""
    digest.update(json.dumps({key: value for key, value in settings.items() if key not in NOT_WRITTEN},
                             sort_keys=True, default=repr).encode())
