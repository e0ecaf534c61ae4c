"""Problems as GitHub Actions annotations, and a Markdown report for the job summary."""

from __future__ import annotations

from ..content.problems import Problem


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    """One `::error file=…,line=…,col=…,title=…::message` line, shown on the PR's changed lines."""
    level = "error" if problem.is_error else "warning"
    fix = f" Fix: {problem.hint}" if problem.hint else ""
    return (f"::{level} file={_escape_property(problem.file)},line={problem.line},"
            f"col={problem.column},title={_escape_property(problem.field)}::"
            f"{_escape_data(problem.message + '.' + fix)}")


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def summary(problems: list[Problem], checked: str) -> str:
    """A Markdown report of every problem, for $GITHUB_STEP_SUMMARY."""
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
        lines.append(f"| {mark} | `{_cell(problem.file)}` | {problem.line} | `{_cell(problem.field)}` | "
                     f"{_cell(problem.message)} | {_cell(problem.hint)} |")
    return "\n".join(lines) + "\n"
