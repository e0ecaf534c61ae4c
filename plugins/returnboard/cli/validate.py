"""`python -m returnboard validate [FILES]`: check the content and report every problem."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from ..content.board import Board, read_board
from ..content.problems import Problem, report_lines
from ..settings import BoardSettings
from .environment import board_settings
from .github_output import annotation, summary


def check_content(content: Path, files: list[str] | None, settings: BoardSettings,
                  drafts: dict[Path, bytes] | None = None) -> Board:
    """The board checked: all of it, or just `files` and the `drafts` (files not written yet)."""
    only = [Path(name) for name in files] if files or drafts else None
    return read_board(content, settings, only, drafts)


def report(problems: list[Problem], stream=sys.stderr) -> None:
    """Print problems for people, with a count at the end."""
    for line in report_lines(problems):
        print(line, file=stream)


def report_github(problems: list[Problem], checked: str) -> None:
    """Annotations on stdout, and the Markdown report where the job summary is written."""
    for problem in problems:
        print(annotation(problem))
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_file:
        with open(summary_file, "a", encoding="utf-8") as stream:
            stream.write(summary(problems, checked))


def main(content: str, files: list[str], output_format: str = "text") -> int:
    board = check_content(Path(content), files, board_settings())
    checked = f"{len(files)} file(s)" if files else \
        f"{len(board.placements)} listing(s) and {len(board.employers)} employer(s)"
    if output_format == "github":
        report_github(board.problems, checked)
    else:
        report(board.problems)
    if board.errors:
        return 1
    print(f"All good: {checked} checked.")
    return 0
