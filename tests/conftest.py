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


@pytest.fixture(scope="session")
def reach_site(tmp_path_factory):
    """A small board built on the sample's date, for what carries listings off the site: feeds,
    calendars, open data. Titles and summaries are hostile; one listing closed this year, one long ago."""
    from tests.reach_board import build_reach_board

    return build_reach_board(tmp_path_factory.mktemp("reach"))
