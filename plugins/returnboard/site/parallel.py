"""Spread independent work over the machine's cores by forking.

Forked workers start with a copy of everything already read (the board, the templates,
the items themselves), so only an index goes to each and only its result comes back. Small batches run in-process, where a
fork would cost more than it saves; BOARD_WORKERS=1 turns forking off.
"""

from __future__ import annotations

import multiprocessing
import os
from typing import Callable, Iterable, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_ITEMS_TO_FORK = 200
_task: Callable | None = None
_items: list = []


def workers() -> int:
    return max(1, int(os.environ.get("BOARD_WORKERS") or os.cpu_count() or 1))


def _run(index: int):
    return _task(_items[index])


def parallel_map(task: Callable[[Item], Result], items: Iterable[Item]) -> list[Result]:
    """`[task(item) for item in items]`, in order, over every core when it pays."""
    global _task, _items
    items = list(items)
    count = workers()
    if count == 1 or len(items) < MIN_ITEMS_TO_FORK:
        return [task(item) for item in items]
    _task, _items = task, items
    try:
        with multiprocessing.get_context("fork").Pool(count) as pool:
            return pool.map(_run, range(len(items)), chunksize=max(1, len(items) // (count * 8)))
    finally:
        _task, _items = None, []
