"""`python -m returnboard validate [FILES]`: check the content and report every problem."""

from __future__ import annotations

import sys
from pathlib import Path

from .dates import board_today
from .problems import Problem
from .reader import Board, read_board
from .vocab import load_vocabularies


def check_content(content: Path, files: list[str] | None = None) -> Board:
    only = [Path(name) for name in files] if files else None
    return read_board(content, load_vocabularies(), board_today(), only)


def report(problems: list[Problem], stream=sys.stderr) -> None:
    """Print problems for people, with a count at the end."""
    for problem in problems:
        print(("warning: " if not problem.is_error else "") + str(problem), file=stream)
    errors = sum(problem.is_error for problem in problems)
    warnings = len(problems) - errors
    if problems:
        print(f"{errors} error(s), {warnings} warning(s).", file=stream)


def main(content: str, files: list[str]) -> int:
    board = check_content(Path(content), files)
    report(board.problems)
    if board.errors:
        return 1
    checked = f"{len(files)} file(s)" if files else \
        f"{len(board.placements)} listing(s) and {len(board.employers)} employer(s)"
    print(f"All good: {checked} checked.")
    return 0
