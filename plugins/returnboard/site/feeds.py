"""Atom feeds of open opportunities: one for the whole board and one a region."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from feedgenerator import Atom1Feed

from ..domain.dates import UK

FEED_LIMIT = 100


class PlainTextAtomFeed(Atom1Feed):
    """An Atom feed whose entries' summaries are plain text, as the board's summaries are.

    feedgenerator sends a summary as `type="html"`, so a reader would run any markup in it as
    HTML; with `type="text"` it shows the text as written. Titles are text already (no type).
    """

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


def feed_url(region_id: str | None = None) -> str:
    return f"feeds/{region_id}.atom.xml" if region_id else "feeds/all.atom.xml"


def _summary(placement) -> str:
    """Its summary, closing date and key facts: where, pay or cost, hours and contract."""
    facts = [f"Where: {placement.place}.", f"{placement.price_label}: {placement.price}." if placement.price else "",
             f"{placement.work_pattern_label}: {placement.work_pattern}."]
    return " ".join(filter(None, [placement.summary, f"Closes {placement.closes:%-d %B %Y}.", *facts]))


def _write(path: Path, title: str, link: str, feed_link: str, placements) -> None:
    feed = PlainTextAtomFeed(title=title, link=link, description=title, language="en-GB", feed_url=feed_link)
    for placement in placements[:FEED_LIMIT]:
        url = f"{link}{placement.url}"
        feed.add_item(
            title=f"{placement.title}, {placement.employer.name}",
            link=url,
            unique_id=url,
            description=_summary(placement),
            pubdate=dt.datetime.combine(placement.posted, dt.time(), tzinfo=UK),
            categories=[placement.type.name, *(term.name for term in placement.regions)],
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as stream:
        feed.write(stream, "utf-8")


def write_feeds(settings, output_path, open_placements, regions, region_members) -> None:
    """Write the board's feed and a feed for each region, newest first."""
    site = settings["SITEURL"].rstrip("/") + "/"
    name = settings["SITENAME"]
    output = Path(output_path)
    _write(output / feed_url(), f"{name}: all open opportunities", site, site + feed_url(),
           open_placements)
    for region in regions:
        _write(output / feed_url(region.id), f"{name}: opportunities {region.in_words}",
               site, site + feed_url(region.id), region_members[region.id])
