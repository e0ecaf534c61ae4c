"""The rules for one loaded file beyond its schema: links, look-alike hosts, photos, page addresses,
and a listing's field rules.

Each adds its findings to the file's problems; none needs another content file but the employers.
"""

from __future__ import annotations

import datetime as dt

from .field_rules import check_date_range, check_listing, check_markdown_links, check_web_address
from .loading import LoadedFile
from .photos import photo_problem
from .yaml_loader import Position, field_name


def check_employer_file(loaded: LoadedFile) -> None:
    data = loaded.data
    for finding in check_markdown_links(data.get("about", ""), ("about",)):
        loaded.problem(loaded.document.text_position(finding.path, finding.offset), "about",
                       finding.message, finding.hint, finding.severity)
    for finding in check_web_address(data["website"], ("website",)):
        loaded.problem_at(finding.path, finding.message, finding.hint, finding.severity)


def check_story_file(loaded: LoadedFile) -> None:
    for finding in check_date_range(loaded.data, ("published",)):
        loaded.problem_at(finding.path, finding.message, finding.hint)
    photo = loaded.data.get("photo")
    problem = photo and photo_problem(loaded.path, photo["src"])
    if problem:
        loaded.problem_at(("photo", "src"), *problem)
    _check_body(loaded, "(story)")


def check_page_file(loaded: LoadedFile, board_folders: frozenset[str]) -> None:
    """A page's address is its file name, so that name must not be one the board's own pages use."""
    if loaded.path.stem in board_folders:
        loaded.problem(Position(1, 1), "(file)",
                       f"this page would be at /{loaded.path.stem}/, which is the board's own address",
                       "rename the file: its name is the page's address")
    _check_body(loaded, "(page)")


def _check_body(loaded: LoadedFile, field: str) -> None:
    """The links and raw HTML in the Markdown after a file's details, each at its line of the file."""
    for finding in check_markdown_links(loaded.body, ()):
        line = loaded.body_line + loaded.body.count("\n", 0, finding.offset)
        loaded.problem(Position(line, 1), field, finding.message, finding.hint, finding.severity)


def check_placement_file(loaded: LoadedFile, today: dt.date, employer_website: str | None,
                         apply_hosts: frozenset[str]) -> None:
    data = loaded.data
    for finding in check_listing(data, today, employer_website, apply_hosts):
        position = loaded.document.position_of(finding.path) if finding.offset is None \
            else loaded.document.text_position(finding.path, finding.offset)
        loaded.problem(position, field_name(finding.path), finding.message, finding.hint,
                       finding.severity)
