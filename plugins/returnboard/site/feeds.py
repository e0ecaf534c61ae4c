"""Feeds of open opportunities, in Atom and JSON Feed 1.1: one for the whole board and one for
each value of every facet (each region, sector, type, workplace and hours), newest first."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import dataclass
from pathlib import Path

from feedgenerator import Atom1Feed

from ..domain.dates import UK
from ..kept import Shelf
from ..settings import site_root

FEED_LIMIT = 100
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
ALERTS = "alerts/"


class PlainTextAtomFeed(Atom1Feed):
    """An Atom feed whose entries' summaries are plain text, as the board's summaries are.

    feedgenerator sends a summary as `type="html"`, so a reader would run any markup in it as
    HTML; with `type="text"` it shows the text as written. Titles are text already (no type).
    """

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


@dataclass(frozen=True)
class Feed:
    """One feed, in both formats, of the open opportunities a page lists."""

    key: str  # "all", or "<facet path>/<term id>"
    topic: str  # what it holds, as a sentence says it: opportunities in the North East
    page_url: str  # the page whose list it follows
    placements: list

    @property
    def atom_url(self) -> str:
        return f"feeds/{self.key}.atom.xml"

    @property
    def json_url(self) -> str:
        return f"feeds/{self.key}.json"

    @property
    def alerts_url(self) -> str:
        """Its "Get alerts" page, which says how to follow it."""
        return ALERTS if self.key == "all" else f"{ALERTS}{self.key}/"


def topic(term) -> str:
    """Opportunities in the North East; Energy opportunities; Part time opportunities."""
    return f"opportunities {term.in_words}" if term.in_words else f"{term.name} opportunities"


def board_feeds(open_placements, facets, members) -> dict:
    """The board's feed under "all", and each facet value's under "<facet path>/<id>"."""
    feeds = {"all": Feed("all", "all open opportunities", "", open_placements)}
    for facet in facets:
        for term in facet:
            key = feed_key(term)
            feeds[key] = Feed(key, topic(term), term.url, members[facet.key][term.id])
    return feeds


def feed_key(term=None) -> str:
    """The key of a facet value's feed, or with no value the board's."""
    return f"{term.path}/{term.id}" if term else "all"


def feed_title(feed: Feed, site_name: str) -> str:
    return f"{site_name}: {feed.topic}"


def _facts(placement) -> str:
    """Its summary, closing date and key facts: type, where, pay or cost, hours and contract."""
    facts = [f"{placement.type.name}.", f"Where: {placement.place}.",
             f"{placement.price_label}: {placement.price}." if placement.price else "",
             f"{placement.work_pattern_label}: {placement.work_pattern}."]
    return " ".join(filter(None, [placement.summary, f"Closes {placement.closes:%-d %B %Y}.", *facts]))


def _posted(placement) -> dt.datetime:
    return dt.datetime.combine(placement.posted, dt.time(), tzinfo=UK)


def _entry_title(placement) -> str:
    return f"{placement.title}, {placement.employer.name}"


def atom(feed: Feed, site: str, site_name: str) -> PlainTextAtomFeed:
    title = feed_title(feed, site_name)
    document = PlainTextAtomFeed(title=title, link=f"{site}{feed.page_url}", description=title,
                                 language="en-GB", feed_url=f"{site}{feed.atom_url}", author_name=site_name)
    for placement in feed.placements[:FEED_LIMIT]:
        url = f"{site}{placement.url}"
        document.add_item(title=_entry_title(placement), link=url, unique_id=url, description=_facts(placement),
                          pubdate=_posted(placement), author_name=placement.employer.name,
                          categories=[placement.type.name, *(term.name for term in placement.regions)])
    return document


def json_feed(feed: Feed, site: str, site_name: str) -> dict:
    """JSON Feed 1.1; text goes in `content_text`, which readers show as text."""
    return {
        "version": JSON_FEED_VERSION,
        "title": feed_title(feed, site_name),
        "home_page_url": f"{site}{feed.page_url}",
        "feed_url": f"{site}{feed.json_url}",
        "language": "en-GB",
        "authors": [{"name": site_name, "url": site}],
        "items": [{
            "id": f"{site}{placement.url}",
            "url": f"{site}{placement.url}",
            "title": _entry_title(placement),
            "summary": placement.summary,
            "content_text": _facts(placement),
            "date_published": _posted(placement).isoformat(),
            "authors": [{"name": placement.employer.name, "url": placement.employer.website}],
            "tags": [placement.type.name, *(term.name for term in placement.regions)],
            "_listing": {"closes": placement.closes.isoformat()},
        } for placement in feed.placements[:FEED_LIMIT]],
    }


def feed_files(feed: Feed, site: str, site_name: str) -> tuple[bytes, bytes]:
    """A feed's Atom and JSON Feed files."""
    atom_file = io.BytesIO()
    atom(feed, site, site_name).write(atom_file, "utf-8")
    return atom_file.getvalue(), json.dumps(json_feed(feed, site, site_name), ensure_ascii=False).encode()


def write_feeds(settings, output_path, feeds: dict, keys: dict[str, str], kept: Shelf) -> None:
    """Write every feed in both formats: kept from an earlier build under its key in `keys`
    (a hash of everything it is made from), or made afresh."""
    site = site_root(settings)
    name = settings["SITENAME"]
    output = Path(output_path)
    found = kept.get([f"{key}-{kind}" for key in keys.values() for kind in ("atom", "json")])
    for feed in feeds.values():
        key = keys[feed.key]
        files = (found.get(f"{key}-atom"), found.get(f"{key}-json"))
        if None in files:
            files = feed_files(feed, site, name)
            kept.keep(f"{key}-atom", files[0])
            kept.keep(f"{key}-json", files[1])
        (output / feed.atom_url).parent.mkdir(parents=True, exist_ok=True)
        (output / feed.atom_url).write_bytes(files[0])
        (output / feed.json_url).write_bytes(files[1])
    kept.keep_only(f"{keys[feed.key]}-{kind}" for feed in feeds.values() for kind in ("atom", "json"))
