"""A problem found in a content file, reported as `file:line:column: field: what (fix)`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..domain.text import printable

_PLAIN_FIELD = re.compile(r"[A-Za-z0-9_.()-]+")
_PLAIN_PATH_START = re.compile(r"[A-Za-z0-9_./]")


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    field: str
    message: str
    hint: str
    severity: str = "error"

    def __str__(self) -> str:
        """One line, whatever the content put in the file's name, a field's name or a message.

        A CI log reads a line that starts with `::` (or `##[`) as a command to the runner: a path
        that could start one, or a field name that is not plain, is quoted; line breaks and
        other invisible characters in any part are shown as escapes.
        """
        file = self.file if _PLAIN_PATH_START.match(self.file) and self.file.isprintable() else repr(self.file)
        field = self.field if _PLAIN_FIELD.fullmatch(self.field) else repr(self.field)
        text = f"{file}:{self.line}:{self.column}: {field}: {printable(self.message)}"
        return f"{text} ({printable(self.hint)})" if self.hint else text

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    @property
    def line_for_people(self) -> str:
        """The problem as `validate` prints it: warnings say so."""
        return str(self) if self.is_error else f"warning: {self}"


def report_lines(problems: list[Problem]) -> list[str]:
    """Every problem, then a count: what `validate` and a failed build print."""
    if not problems:
        return []
    errors = sum(problem.is_error for problem in problems)
    return [problem.line_for_people for problem in problems] + [
        f"{errors} error(s), {len(problems) - errors} warning(s)."]


class BoardError(Exception):
    """The board cannot be built; the message says why, in full, with no traceback needed."""

    exitcode = 1


class BoardInvalid(BoardError):
    """Raised to stop a build when content has errors; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(["the content has errors, so nothing was built:", *report_lines(problems)]))
