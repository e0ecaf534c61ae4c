"""Problems as GitHub Actions annotations, and a Markdown report for the job summary."""

from __future__ import annotations

import re

from ..content.problems import Problem
from ..domain.text import printable


def _escape_data(text: str) -> str:
    """A workflow command's message, as GitHub's toolkit escapes it (`escapeData`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """A workflow command's property value, as GitHub's toolkit escapes it (`escapeProperty`)."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    """One `::error file=…,line=…,col=…,title=…::message` line, shown on the PR's changed lines.

    Every part shows invisible characters and line breaks as escapes, as the text report does;
    a file whose name holds one is refused anyway (file names are lowercase letters, digits and
    hyphens), so the annotation for it still reaches the job's summary.
    """
    level = "error" if problem.is_error else "warning"
    fix = f" Fix: {problem.hint}" if problem.hint else ""
    return (f"::{level} file={_escape_property(printable(problem.file))},line={problem.line},"
            f"col={problem.column},title={_escape_property(printable(problem.field))}::"
            f"{_escape_data(printable(problem.message + '.' + fix))}")


def _code(text: str) -> str:
    """Text as a code span in a table cell: shown as written, never read as Markdown, HTML or a link.

    The span's backtick fence is longer than any run of backticks in the text, so nothing in it
    can close the span; a `|` is escaped, as GitHub's tables ask, so nothing can split the cell.
    """
    text = printable(text).replace("|", "\\|")
    if not text.strip():
        return ""
    fence = "`" * (max(map(len, re.findall("`+", text)), default=0) + 1)
    return f"{fence} {text} {fence}"


def summary(problems: list[Problem], checked: str) -> str:
    """A Markdown report of every problem, for $GITHUB_STEP_SUMMARY; what came from content is in code spans."""
    errors = sum(problem.is_error for problem in problems)
    if not problems:
        return f"### Listings check: all good\n\n{checked} checked, no problems found.\n"
    lines = [
        f"### Listings check: {errors} error(s), {len(problems) - errors} warning(s)\n",
        "Errors must be fixed before the listing can be published; warnings are for the reviewer.\n",
        "| | File | Line | Field | Problem | How to fix it |",
        "|---|---|---|---|---|---|",
    ]
    for problem in problems:
        mark = "❌ error" if problem.is_error else "⚠️ warning"
        lines.append(f"| {mark} | {_code(problem.file)} | {problem.line} | {_code(problem.field)} | "
                     f"{_code(problem.message)} | {_code(problem.hint)} |")
    return "\n".join(lines) + "\n"
