"""A large board is read and written over every core; the result must not depend on how many."""

from __future__ import annotations

import filecmp
import os

import pytest

from returnboard.content.board import BoardReader
from returnboard.parallel import MIN_ITEMS_TO_FORK, WorkerDied, WorkerFailed, parallel_map
from returnboard.settings import BoardSettings
from tests.boardtools import listing, run_board, write_content

COUNT = 260  # over the size at which work is forked


def test_a_large_batch_is_worked_on_in_forked_processes_and_keeps_its_order():
    items = list(range(MIN_ITEMS_TO_FORK + 50))
    results = parallel_map(lambda item: (item * item, os.getpid()), items, workers=2)
    assert [square for square, _ in results] == [item * item for item in items]
    workers = {pid for _, pid in results}
    assert workers and os.getpid() not in workers


@pytest.mark.parametrize("items, workers", [(MIN_ITEMS_TO_FORK - 1, 2), (MIN_ITEMS_TO_FORK + 50, 1)])
def test_a_small_batch_or_one_worker_stays_in_process(items, workers):
    assert {pid for pid in parallel_map(lambda _: os.getpid(), range(items), workers)} == {os.getpid()}


@pytest.fixture(scope="module")
def large_board(tmp_path_factory):
    root = tmp_path_factory.mktemp("large")
    listings = {f"role-{n:03d}": listing(title=f"Returner role {n}", posted=f"2026-10-{n % 28 + 1:02d}",
                                         regions=[["north-east"], ["wales"], ["uk-wide"]][n % 3])
                for n in range(COUNT)}
    listings["broken-one"] = listing(title="Broken", regions=["North East"])
    listings["broken-two"] = listing(title="Returner role 7")  # repeats role-007's title
    return root, write_content(root, listings)


def test_validation_reports_the_same_problems_in_the_same_order(large_board):
    _, content = large_board
    serial = run_board("validate", "--content", content, env={"BOARD_WORKERS": "1"})
    forked = run_board("validate", "--content", content, env={"BOARD_WORKERS": "2"})
    assert serial.returncode == forked.returncode == 1
    assert forked.stderr == serial.stderr
    assert "'North East' is not a region id" in forked.stderr
    assert "broken-two.yaml already lists `Returner role 7`" in forked.stderr


def test_the_site_is_the_same_built_on_one_core_or_two(large_board):
    root, content = large_board
    for name in ("broken-one", "broken-two"):
        (content / "placements" / f"{name}.yaml").unlink()
    serial, forked = root / "serial", root / "forked"
    for output, workers in ((serial, "1"), (forked, "2")):
        result = run_board("build", "--content", content, "--output", output, env={"BOARD_WORKERS": workers})
        assert result.returncode == 0, result.stderr
    pages = sorted(path.relative_to(serial) for path in serial.rglob("*.html"))
    assert len(pages) > COUNT
    assert pages == sorted(path.relative_to(forked) for path in forked.rglob("*.html"))
    _, mismatched, errors = filecmp.cmpfiles(serial, forked, [str(p) for p in pages], shallow=False)
    assert mismatched == [] and errors == []


def _die_on(bad: int):
    def task(item):
        if item == bad:
            os._exit(3)  # as a crash in a C library ends a process: no exception, no goodbye
        return item
    return task


def test_a_worker_that_dies_stops_the_run_with_its_item_instead_of_hanging():
    with pytest.raises(WorkerDied) as died:
        parallel_map(_die_on(123), range(MIN_ITEMS_TO_FORK + 50), workers=2)
    assert died.value.index == 123 and died.value.exitcode == 3


def test_an_error_in_a_worker_is_raised_in_the_parent_with_its_traceback():
    def task(item):
        if item == 77:
            raise ValueError("item 77 is bad")
        return item
    with pytest.raises(WorkerFailed, match="item 77 is bad"):
        parallel_map(task, range(MIN_ITEMS_TO_FORK + 50), workers=2)


def test_a_listing_that_kills_its_worker_is_named_and_the_rest_are_still_checked(large_board, tmp_path):
    _, content = large_board

    class CrashingReader(BoardReader):
        def check_placement(self, path):
            if path.stem == "role-100":
                os._exit(11)
            return super().check_placement(path)

    settings = BoardSettings.from_settings({"BOARD_TODAY": "2026-11-22", "BOARD_WORKERS": 2,
                                            "BOARD_CACHE": tmp_path})  # nothing remembered: all checked
    board = CrashingReader(content, settings).read()
    [stopped] = [problem for problem in board.errors if "stopped the checker" in problem.message]
    assert stopped.file.endswith("role-100.yaml") and "exit code 11" in stopped.message
    assert len(board.placements) == COUNT - 1
