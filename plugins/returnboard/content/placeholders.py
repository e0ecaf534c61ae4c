"""Text left from the template, or from `make new`'s guidance: an error wherever it stands."""

from __future__ import annotations

import re
from typing import Iterator

from .yaml_loader import DataPath

# `make new` writes this as a description, for the employer to replace with their own words.
GUIDANCE_DESCRIPTION = """\
## About the role

Say what the work is, who the team are and what a usual week looks like.

## Coming back after a break

Say how you help people back: mentoring, training, a phased start or flexible hours.

## About you

Say what experience you ask for. Time away from work is welcome here.
"""
GUIDANCE = [line for line in GUIDANCE_DESCRIPTION.splitlines() if line.startswith("Say ")]
# `<the name of the role>`: angle brackets round words, which no link, address, comment or HTML tag looks like.
TEMPLATE_MARKS = re.compile(
    r"<(?![a-z][a-z0-9+.-]*:|[!?])[^<>@=/\n]*\s[^<>@=/\n]*>"
    r"|\b(?:TODO|TBC|TBD|FIXME|XXX+|REPLACE(?: ME)?|lorem ipsum)\b|\[\[.*?\]\]",
    re.I,
)
HINT = "replace it with your own words"


def placeholders_in(data, path: DataPath = ()) -> Iterator[tuple[DataPath, int, str]]:
    """Every placeholder in every text of `data`: where it is, its offset in that text, and what it says."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from placeholders_in(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from placeholders_in(value, path + (index,))
    elif isinstance(data, str):
        found = TEMPLATE_MARKS.search(data)
        if found:
            yield path, found.start(), found.group(0)
        for sentence in GUIDANCE:
            offset = data.find(sentence)
            if offset >= 0:
                yield path, offset, sentence
                break
