"""Spread independent work over the machine's cores by forking.

Forked workers start with a copy of everything already read (the board, the templates,
the items themselves), so only an index goes to each and only its result comes back.
Small batches run in-process, where a fork would cost more than it saves.
"""

from __future__ import annotations

import multiprocessing
from typing import Callable, Iterable, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_ITEMS_TO_FORK = 200
_task: Callable | None = None
_items: list = []


def _run(index: int):
    return _task(_items[index])


def parallel_map(task: Callable[[Item], Result], items: Iterable[Item], workers: int) -> list[Result]:
    """`[task(item) for item in items]`, in order, over `workers` processes when it pays."""
    global _task, _items
    items = list(items)
    if workers <= 1 or len(items) < MIN_ITEMS_TO_FORK:
        return [task(item) for item in items]
    _task, _items = task, items
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(_run, range(len(items)), chunksize=max(1, len(items) // (workers * 8)))
    finally:
        _task, _items = None, []
