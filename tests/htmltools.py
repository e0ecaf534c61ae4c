"""Read HTML as a browser does (the HTML5 parsing rules), then look at elements, attributes and text.

Tests ask what a page means (this heading, that link, these facts) rather than how its markup is
spelt, so they keep checking the same things when the templates are rearranged.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html5lib")


def page(site: Path, url: str) -> BeautifulSoup:
    """The built page at a site address, parsed."""
    return parse((site / url.strip("/") / "index.html").read_text(encoding="utf-8"))


def text(element: Tag) -> str:
    """An element's text as a reader gets it: whitespace runs are one space."""
    return " ".join(element.get_text(" ").split())


def hrefs(element: Tag, selector: str = "a[href]") -> list[str]:
    return [link["href"] for link in element.select(selector)]


def slugs(element: Tag, section: str) -> list[str]:
    """Slugs of the cards in `section` (placements or stories), in page order, from their title links."""
    found = []
    for href in hrefs(element, ".card__title a[href]"):
        match = re.fullmatch(rf"/{section}/([a-z0-9-]+)/", href)
        if match:
            found.append(match.group(1))
    return found


def listing_links(element: Tag) -> list[str]:
    """The listings a page shows as cards, in order."""
    return slugs(element, "placements")


def facts(element: Tag) -> dict[str, str]:
    """Term and description pairs of every description list inside `element`, by term."""
    pairs = {}
    for term in element.select("dl dt"):
        description = term.find_next_sibling("dd")
        pairs.setdefault(text(term), text(description) if description else "")
    return pairs


def link_to(element: Tag, href: str) -> Tag | None:
    return element.find("a", href=href)


def rel_link(element: Tag, rel: str) -> str | None:
    """The address of the link with this `rel` (next, prev), or None."""
    link = element.select_one(f'a[rel~="{rel}"]')
    return link["href"] if link else None
