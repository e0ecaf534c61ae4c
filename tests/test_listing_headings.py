"""A listing's own headings sit under the page's h2 without a gap, however the employer wrote them."""

from __future__ import annotations

import pytest

from returnboard.content.markdown_html import render_markdown
from tests.htmltools import parse

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


def levels(markdown: str) -> list[int]:
    return [int(heading.name[1]) for heading in parse(str(render_markdown(markdown))).find_all(HEADINGS)]


@pytest.mark.parametrize("text, expected", [
    ("## About the role\n\ntext\n\n## Support\n\n### Mentoring", [3, 3, 4]),
    ("# Top\n\n## Under it", [3, 4]),
    ("### Only small ones\n\n#### Smaller", [3, 4]),
    ("## Sure\n\n###### Deep", [3, 6]),
    ("No headings at all.", []),
])
def test_the_highest_heading_becomes_h3_and_the_rest_follow(text, expected):
    assert levels(text) == expected
