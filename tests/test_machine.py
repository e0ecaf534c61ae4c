"""make sets up a machine by itself: it remakes a half-made .venv, stamps only what installed,
gets npm's tools without a system Node.js, and stops at once, saying how, without Chromium.

Each test runs the real make in a copy of the project, with pip's cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.boardtools import ROOT, SAMPLE_TODAY

LEFT_OUT = shutil.ignore_patterns(".git", ".venv", "output", ".output-*", "node_modules", "__pycache__",
                                  ".pytest_cache", ".hypothesis", "docs", "bench-output")


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the project with no .venv and no installed tools."""
    copy = tmp_path_factory.mktemp("machine") / "board"
    shutil.copytree(ROOT, copy, ignore=LEFT_OUT, symlinks=True)
    return copy


def make(project: Path, *args, path: str | None = None) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items()
           if key not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "VIRTUAL_ENV", "PYTHONPATH"}}
    env.update(BOARD_TODAY=SAMPLE_TODAY, PATH=path or env["PATH"])
    return subprocess.run(["make", "--no-print-directory", *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=600)


def validates(project: Path) -> subprocess.CompletedProcess:
    result = make(project, "validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "problem" not in result.stdout.lower() or "0 problem" in result.stdout.lower()
    assert (project / ".venv" / ".ready").is_file()
    return result


def test_without_chromium_make_test_stops_at_once_with_the_one_command(project):
    result = make(project, "test", "CHROMIUM=/nonexistent/chromium", "AS_ROOT=no")
    assert result.returncode != 0
    assert "Chromium is not at /nonexistent/chromium" in result.stderr
    assert "    sudo apt-get install chromium fonts-dejavu-core" in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 3, result.stderr
    assert not (project / ".venv").exists(), "nothing else should have run"


def half_made_venv(project: Path, *how: str) -> None:
    """A .venv as a crash leaves it, stamped as ready, made with `python -m venv *how`."""
    shutil.rmtree(project / ".venv", ignore_errors=True)
    subprocess.run(["python3", "-m", "venv", *how, project / ".venv"], check=True)
    (project / ".venv" / ".ready").touch()


def test_a_venv_whose_python_is_gone_is_remade(project):
    half_made_venv(project, "--without-pip")
    python = project / ".venv" / "bin" / "python"
    python.unlink()
    python.symlink_to(project / "no-such-python")
    result = validates(project)
    assert "Making .venv" in result.stdout
    assert subprocess.run([python, "-c", "import pelican"]).returncode == 0


def test_serving_needs_only_the_sites_requirements(project):
    validates(project)
    installed = subprocess.run([project / ".venv" / "bin" / "python", "-m", "pip", "list"],
                               capture_output=True, text=True, check=True).stdout.lower()
    assert "pelican" in installed and "pytest" not in installed and "playwright" not in installed
    assert not (project / ".venv" / ".test-ready").exists()


def test_an_interrupted_install_is_finished_next_time(project):
    validates(project)
    python = project / ".venv" / "bin" / "python"
    # As an install stopped halfway leaves it: a package missing and no stamp.
    subprocess.run([python, "-m", "pip", "uninstall", "--yes", "--quiet", "nh3"], check=True)
    (project / ".venv" / ".ready").unlink()
    result = validates(project)
    assert "Making .venv" not in result.stdout
    assert subprocess.run([python, "-c", "import nh3"]).returncode == 0


def test_a_failed_install_writes_no_stamp_and_is_tried_again(project):
    validates(project)
    stamp = project / ".venv" / ".ready"
    requirements = project / "requirements.txt"
    pinned = requirements.read_text(encoding="utf-8")
    requirements.write_text(pinned + "this is not a requirement\n", encoding="utf-8")
    try:
        for _ in range(2):
            result = make(project, "validate")
            assert result.returncode != 0
            assert "Invalid requirement" in result.stderr
            assert stamp.stat().st_mtime < requirements.stat().st_mtime
    finally:
        requirements.write_text(pinned, encoding="utf-8")
    validates(project)
    assert stamp.stat().st_mtime >= requirements.stat().st_mtime


def test_a_venv_without_pip_is_remade(project):
    half_made_venv(project, "--without-pip")
    result = validates(project)
    assert "Making .venv" in result.stdout
    assert subprocess.run([project / ".venv" / "bin" / "python", "-m", "pip", "--version"]).returncode == 0


def test_npm_tools_install_with_the_venvs_node_not_the_systems(project, tmp_path):
    """Any node, npm or npx found on PATH fails loudly: only the venv's own may run."""
    poison = tmp_path / "poison"
    poison.mkdir()
    for name in ("node", "npm", "npx"):
        tool = poison / name
        tool.write_text(f"#!/bin/sh\necho 'the system {name} was run' >&2\nexit 97\n", encoding="utf-8")
        tool.chmod(0o755)
    result = make(project, "tools/browser/node_modules/.ready", path=f"{poison}{os.pathsep}{os.environ['PATH']}")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "the system" not in result.stderr
    assert (project / ".venv" / ".test-ready").is_file()
    assert (project / "tools" / "browser" / "node_modules" / "axe-core" / "axe.min.js").is_file()
