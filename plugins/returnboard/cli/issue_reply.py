"""The reply posted on a New listing issue that cannot be converted yet.

The reasons quote the employer's answers, so they go in a code block that no answer can close:
its fence is longer than any run of backticks in them, and each reason stays on one line.
"""

from __future__ import annotations

import re

from ..domain.text import printable


def code_block(lines: list[str]) -> str:
    text = "\n".join(printable(line) for line in lines)
    fence = "`" * max(3, max(map(len, re.findall("`+", text)), default=0) + 1)
    return f"{fence}text\n{text}\n{fence}"


def reply(reasons: list[str]) -> str:
    """The comment's Markdown: thanks, what to fix, and what happens next."""
    return "\n".join([
        "Thank you! Some answers need a change before this can become a listing:",
        "",
        code_block([f"- {reason}" for reason in reasons]),
        "",
        "Please edit the issue. A maintainer will then convert it again.",
        "",
    ])
