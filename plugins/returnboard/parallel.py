"""Spread independent work over the machine's cores by forking.

Forked workers start with a copy of everything already read (the board, the templates,
the items themselves), so nothing is sent to them and only results come back. Small
batches run in-process, where a fork would cost more than it saves. A worker that dies
(a crash in a C library, say) stops the run with the item it was working on, never a hang.
"""

from __future__ import annotations

import gc
import multiprocessing
import traceback
from multiprocessing.connection import wait
from typing import Callable, Iterable, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_ITEMS_TO_FORK = 200
BATCH = 32  # results sent back at once: fewer messages, and a pipe never holds much


class WorkerDied(Exception):
    """A forked worker ended without finishing; `index` is the item it was working on."""

    def __init__(self, index: int, exitcode: int | None):
        self.index, self.exitcode = index, exitcode
        super().__init__(f"a worker stopped (exit code {exitcode}) while working on item {index}")


class WorkerFailed(Exception):
    """The task raised in a worker; the worker's traceback is the message."""


def parallel_map(task: Callable[[Item], Result], items: Iterable[Item], workers: int) -> list[Result]:
    """`[task(item) for item in items]`, in order, over `workers` processes when it pays."""
    items = list(items)
    if workers <= 1 or len(items) < MIN_ITEMS_TO_FORK:
        return [task(item) for item in items]
    context = multiprocessing.get_context("fork")
    current = context.Array("q", workers, lock=False)  # the item each worker is on
    results: list = [None] * len(items)
    running = {}
    # A worker's garbage collector would otherwise visit every object it was forked with,
    # writing to (and so copying) every page of the parent's memory.
    gc.freeze()
    for slot in range(workers):
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_work, args=(task, items, slot, workers, current, sender), daemon=True)
        process.start()
        sender.close()
        running[receiver] = (slot, process)
    gc.unfreeze()
    try:
        while running:
            for receiver in wait(list(running)):
                slot, process = running[receiver]
                try:
                    message = receiver.recv()
                except EOFError:  # the pipe closed with no "done": the worker died
                    process.join()
                    raise WorkerDied(current[slot], process.exitcode) from None
                if message is None:
                    del running[receiver]
                    process.join()
                elif isinstance(message, str):
                    raise WorkerFailed(message)
                else:
                    for index, result in message:
                        results[index] = result
    finally:
        for slot, process in running.values():
            process.kill()
            process.join()
    return results


def _work(task, items, slot: int, workers: int, current, sender) -> None:
    """A worker's loop: every `workers`-th item from `slot`, results sent back in batches."""
    batch = []
    try:
        for index in range(slot, len(items), workers):
            current[slot] = index
            batch.append((index, task(items[index])))
            if len(batch) == BATCH:
                sender.send(batch)
                batch = []
        sender.send(batch)
        sender.send(None)
    except Exception:  # noqa: BLE001 - sent to the parent, which raises it there
        sender.send(traceback.format_exc())
