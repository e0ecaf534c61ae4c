"""Shared fixtures: the sample board, built once per test run with the real tools."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings

from returnboard.content.board import read_board
from returnboard.settings import BoardSettings
from tests.boardtools import ROOT, SAMPLE_TODAY, build

# CI runs the same generated examples every time, so a run passes or fails on the code alone;
# on a developer's machine each run tries new ones.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The sample content built into a folder, as `make html` does, on a fixed date."""
    output = tmp_path_factory.mktemp("sample") / "output"
    result = build(ROOT / "content", output)
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="session")
def sample_board():
    """The sample content as the board reads it, on the same fixed date: what pages should show."""
    board = read_board(ROOT / "content", BoardSettings.from_settings({"BOARD_TODAY": SAMPLE_TODAY, "BOARD_WORKERS": 1}))
    assert not board.errors
    return board
