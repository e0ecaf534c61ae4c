"""The rules for one loaded file beyond its schema: links, look-alike hosts, photos, and a listing's field rules.

Each adds its findings to the file's problems; none needs another content file but the employers.
"""

from __future__ import annotations

import datetime as dt

from .field_rules import check_date_range, check_listing, check_markdown_links, check_web_address
from .loading import LoadedFile
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
    if photo and not (loaded.path.parent / photo["src"]).is_file():
        loaded.problem_at(("photo", "src"), f"there is no file `{photo['src']}` beside the story",
                          "put the photo in content/stories/, or leave `photo` out")
    for finding in check_markdown_links(loaded.body, ()):
        line = loaded.body_line + loaded.body.count("\n", 0, finding.offset)
        loaded.problem(Position(line, 1), "(story)", finding.message, finding.hint, finding.severity)


def check_placement_file(loaded: LoadedFile, today: dt.date, employer_website: str | None,
                         apply_hosts: frozenset[str]) -> None:
    data = loaded.data
    for finding in check_listing(data, today, employer_website, apply_hosts):
        position = loaded.document.position_of(finding.path) if finding.offset is None \
            else loaded.document.text_position(finding.path, finding.offset)
        loaded.problem(position, field_name(finding.path), finding.message, finding.hint,
                       finding.severity)
