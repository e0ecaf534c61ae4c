"""`python -m returnboard check-links`: check every open listing's apply link and its employer's
website, print each dead one with the file to fix and what went wrong, and exit 1 if any is dead.

With --markdown FILE it also writes the report as an issue's body. The addresses come from
listings, so they go in a code block that no address can close, each kept to one line.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from ..content.board import read_board
from ..content.problems import BoardInvalid
from ..domain.text import printable
from .environment import board_settings
from .issue_reply import code_block
from .link_checker import TIMEOUT, Result, check_all


@dataclass(frozen=True)
class Link:
    file: str  # the file to fix
    field: str
    url: str


def board_links(board) -> list[Link]:
    """Each open listing's apply link, and the website of each employer with an open listing."""
    links, employers = [], {}
    for placement in board.placements:
        if not placement.is_open:
            continue
        if placement.apply_url:
            links.append(Link(placement.source, "apply", placement.apply_url))
        employers.setdefault(placement.employer.id, placement.employer)
    links += [Link(employer.source, "website", employer.website) for employer in employers.values()]
    return links


def report_lines(links: list[Link], results: dict[str, Result], unsure: bool) -> list[str]:
    return sorted(f"{link.file}: {link.field} {printable(link.url)}: {results[link.url].problem}"
                  for link in links
                  if results[link.url].problem and results[link.url].unsure is unsure)


def issue_body(dead: list[str], unsure: list[str], day) -> str:
    parts = [f"The nightly check on {day:%-d %B %Y} found {len(dead)} dead link(s) on open listings. "
             "Fix each in the file named (or close the listing by setting `closes` to yesterday); "
             "this issue is updated every night and closed once every link works.", "", code_block(dead), ""]
    if unsure:
        parts += ["These answered, but turned the checker away; please check them in a browser:", "",
                  code_block(unsure), ""]
    return "\n".join(parts)


def main(content: str, timeout: float | None = None, markdown: str | None = None) -> int:
    timeout = timeout or TIMEOUT
    settings = board_settings()
    board = read_board(Path(content), settings)
    if board.errors:
        raise BoardInvalid(board.problems)
    links = board_links(board)
    results = check_all([link.url for link in links], timeout=timeout)
    dead, unsure = report_lines(links, results, unsure=False), report_lines(links, results, unsure=True)
    for line in dead:
        print(line)
    for line in unsure:
        print(f"{line} (turned the checker away: check it in a browser)")
    if markdown:
        Path(markdown).write_text(issue_body(dead, unsure, settings.today), encoding="utf-8")
    print(f"{len(results)} address(es) checked: {len(dead)} dead, {len(unsure)} to check by hand.",
          file=sys.stderr)
    return 1 if dead else 0
