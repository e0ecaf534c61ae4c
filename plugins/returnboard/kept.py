"""What a build keeps for the next, in one SQLite file in the board's cache: each listing's
checks, and the listing pages, feeds and calendars made from them, each kind on a shelf of its
own, found by a hash of everything the entry is made from.

Whoever can write the store decides what is published (an entry can say a listing passed its
checks), so a cache folder inside the project, which a pull request can fill, is never opened:
every build is then a clean one. A store that cannot be opened or written (damaged, or busy with
another build) only makes a build slower, never an error. One file written in a few transactions
costs far less than thousands of small files, which on some disks cost more than they save.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Iterable

from .settings import inside_project

STORE = "kept.sqlite"
FLUSH_BYTES = 16 << 20  # entries wait in memory up to this much, then go in one transaction
QUERY_KEYS = 500  # keys asked for in one query, well under SQLite's limit on parameters


def _connect(path: Path) -> sqlite3.Connection:
    store = sqlite3.connect(path, timeout=10, isolation_level=None)
    store.execute("PRAGMA journal_mode=WAL")
    store.execute("PRAGMA synchronous=OFF")  # a cache lost in a crash is only rebuilt
    store.execute("CREATE TABLE IF NOT EXISTS kept (shelf TEXT, key TEXT, data BLOB, PRIMARY KEY (shelf, key))"
                  " WITHOUT ROWID")
    return store


def _open(cache: Path | None) -> sqlite3.Connection | None:
    if cache is None or inside_project(cache):
        return None
    path = Path(cache) / STORE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return _connect(path)
    except sqlite3.DatabaseError as error:
        if not isinstance(error, sqlite3.OperationalError):  # damaged, not busy: start a new store
            return _start_again(path)
        return None
    except OSError:
        return None


def _start_again(path: Path) -> sqlite3.Connection | None:
    try:
        for damaged in (path, path.with_name(f"{STORE}-wal"), path.with_name(f"{STORE}-shm")):
            damaged.unlink(missing_ok=True)
        return _connect(path)
    except (OSError, sqlite3.Error):
        return None


class Shelf:
    """One kind of entry in the store, by key."""

    def __init__(self, cache: Path | None, name: str):
        self.name = name
        self.store = _open(cache)
        self.waiting: dict[str, bytes] = {}
        self.waiting_bytes = 0

    @property
    def enabled(self) -> bool:
        return self.store is not None

    def _run(self, statements) -> None:
        """Run `statements(store)` in one transaction; a store that fails is not used again."""
        if self.store is None:
            return
        try:
            with self.store:
                self.store.execute("BEGIN")
                statements(self.store)
        except sqlite3.Error:
            self.store = None

    def get(self, keys: list[str]) -> dict[str, bytes]:
        """The entries kept under these keys, by key; a key with none is left out."""
        found = {key: self.waiting[key] for key in keys if key in self.waiting}
        if self.store is None:
            return found
        wanted = [key for key in keys if key not in found]
        try:
            for start in range(0, len(wanted), QUERY_KEYS):
                chosen = wanted[start:start + QUERY_KEYS]
                found.update(self.store.execute(
                    f"SELECT key, data FROM kept WHERE shelf = ? AND key IN ({','.join('?' * len(chosen))})",
                    (self.name, *chosen)))
        except sqlite3.Error:
            pass
        return found

    def keep(self, key: str, data: bytes) -> None:
        if self.store is None:
            return
        self.waiting[key] = data
        self.waiting_bytes += len(data)
        if self.waiting_bytes > FLUSH_BYTES:
            self.flush()

    def flush(self) -> None:
        """Write what waits, in one transaction."""
        waiting = [(self.name, key, data) for key, data in self.waiting.items()]
        self.waiting, self.waiting_bytes = {}, 0
        self._run(lambda store: store.executemany("INSERT OR REPLACE INTO kept VALUES (?, ?, ?)", waiting))

    def keep_only(self, keys: Iterable[str]) -> None:
        """Write what waits, and drop every other entry on the shelf: one no build makes now."""
        self.flush()
        wanted = [(key,) for key in keys]

        def drop_the_rest(store):
            store.execute("CREATE TEMP TABLE IF NOT EXISTS wanted (key TEXT PRIMARY KEY)")
            store.execute("DELETE FROM wanted")
            store.executemany("INSERT OR IGNORE INTO wanted VALUES (?)", wanted)
            store.execute("DELETE FROM kept WHERE shelf = ? AND key NOT IN (SELECT key FROM wanted)", (self.name,))

        self._run(drop_the_rest)

    def drop_other_shelves(self, prefix: str) -> None:
        """Drop the shelves named `prefix`… but this one: entries of another version no build can use."""
        self._run(lambda store: store.execute("DELETE FROM kept WHERE shelf LIKE ? AND shelf != ?",
                                              (f"{prefix}%", self.name)))
