"""The board is a well-behaved Pelican plugin: plain `pelican` builds it, other plugins see every page.

These run Pelican itself, not the board's command line, with a settings file and plugins of their own.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.boardtools import ROOT, listing, run_board, write_content

COUNT = 260  # over the size at which rendering is forked

COUNTING_PLUGIN = '''
"""Records every page Pelican's Writer reports, with the process that reported it."""
import os
from pelican import signals

def _count(path, context):
    with open({log!r}, "a", encoding="utf-8") as stream:
        stream.write(f"{{os.getpid()}} {{path}}\\n")

def register():
    signals.content_written.connect(_count)
'''


def settings_file(folder: Path, **settings) -> Path:
    """A settings file that extends the board's own, with more plugins and settings."""
    lines = [f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa\n"]
    lines += [f"{name} = {value!r}\n" for name, value in settings.items()]
    path = folder / "testconf.py"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def pelican(settings: Path, content: Path, output: Path):
    """Plain `pelican`, as someone who knows Pelican would run it."""
    return subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", str(settings), "-o", str(output)],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "plugins"), COLUMNS="400"),
    )


@pytest.fixture(scope="module")
def large_board(tmp_path_factory):
    root = tmp_path_factory.mktemp("contract")
    listings = {f"role-{n:03d}": listing(title=f"Returner role {n}", posted=f"2026-10-{n % 28 + 1:02d}")
                for n in range(COUNT)}
    return root, write_content(root, listings)


def test_another_plugin_sees_every_page_written_once_on_two_cores(large_board):
    root, content = large_board
    log = root / "written.log"
    plugins = root / "plugins"
    plugins.mkdir()
    (plugins / "count_written.py").write_text(COUNTING_PLUGIN.format(log=str(log)), encoding="utf-8")
    settings = settings_file(root, PLUGIN_PATHS=[str(ROOT / "plugins"), str(plugins)],
                             PLUGINS=["returnboard", "count_written"], BOARD_WORKERS=2)
    output = root / "site"
    result = run_board("build", "--settings", settings, "--content", content, "--output", output)
    assert result.returncode == 0, result.stderr

    reports = [line.split(" ", 1) for line in log.read_text(encoding="utf-8").splitlines()]
    written = Counter(re.sub(r"^.*-build-[^/]+/site/", "", path) for _, path in reports)
    on_disk = {str(path.relative_to(output)) for path in output.rglob("*")
               if path.suffix == ".html" or path.name in ("sitemap.xml", "robots.txt")}
    assert len(on_disk) > COUNT
    assert set(written) == on_disk
    assert [path for path, times in written.items() if times > 1] == []
    # Every page is written by the one process that owns the Writer, whatever rendered it.
    assert len({pid for pid, _ in reports}) == 1


def test_plain_pelican_on_a_bad_board_names_every_problem_without_a_traceback(tmp_path):
    content = write_content(tmp_path, {
        "good-one": listing(),
        "bad-region": listing(title="Another returnship", regions=["North East"]),
        "bad-date": listing(title="A third returnship", closes="2027-02-30"),
    })
    settings = settings_file(tmp_path, BOARD_TODAY="2026-11-22")
    result = pelican(settings, content, tmp_path / "out")
    assert result.returncode != 0
    printed = result.stdout + result.stderr
    assert "Traceback" not in printed and "BoardInvalid" not in printed
    validated = run_board("validate", "--content", content)
    assert validated.returncode == 1
    problems = [line for line in validated.stderr.splitlines() if "yaml:" in line]
    assert len(problems) == 2
    flat = " ".join(printed.split())
    for problem in problems:
        assert " ".join(problem.split()) in flat


def test_plain_pelican_builds_a_good_board_on_the_day_its_settings_give(tmp_path):
    content = write_content(tmp_path, {"good-one": listing(closes="2026-12-01")})
    for today, shown_as_open in (("2026-11-22", True), ("2026-12-02", False)):
        output = tmp_path / today
        result = pelican(settings_file(tmp_path, BOARD_TODAY=today), content, output)
        assert result.returncode == 0, result.stdout + result.stderr
        home = (output / "index.html").read_text(encoding="utf-8")
        assert ("placements/good-one/" in home) is shown_as_open


@pytest.mark.parametrize("setting, value", [("BOARD_TODAY", "31/03/2027"), ("BOARD_WORKERS", "none")])
def test_a_setting_that_cannot_be_used_is_named_without_a_traceback(tmp_path, setting, value):
    content = write_content(tmp_path, {"good-one": listing()})
    result = pelican(settings_file(tmp_path, **{setting: value}), content, tmp_path / "out")
    printed = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{setting}={value!r}" in printed and "Traceback" not in printed
    environment = {"today": value} if setting == "BOARD_TODAY" else {"env": {setting: value}}
    from_the_command_line = run_board("validate", "--content", content, **environment)
    assert from_the_command_line.returncode == 2
    assert f"{setting}={value!r}" in from_the_command_line.stderr
