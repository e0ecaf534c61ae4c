"""Shared fixtures: the sample board, built once per test run with the real tools."""

from __future__ import annotations

import pytest

from tests.boardtools import ROOT, build


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory):
    """The sample content built into a folder, as `make html` does, on a fixed date."""
    output = tmp_path_factory.mktemp("sample") / "output"
    result = build(ROOT / "content", output)
    assert result.returncode == 0, result.stderr
    return output
