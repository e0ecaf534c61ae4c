"""Feeds for the whole board and for every facet value, in Atom (read with feedparser, as feed
readers do) and JSON Feed 1.1, each announced on its page with a "Get alerts" page of its own."""

from __future__ import annotations

import datetime as dt
import json

import feedparser
import pytest
import yaml

from tests.boardtools import ROOT
from tests.htmltools import page, text
from tests.reach_board import HOSTILE_EMPLOYER, HOSTILE_SUMMARY, HOSTILE_TITLE

VOCABULARIES = yaml.safe_load((ROOT / "data" / "vocabularies.yaml").read_text())
FACETS = [key for key, spec in VOCABULARIES.items() if spec.get("path")]
# Every feed the reach board has, by key, with the listings it must hold.
EXPECTED = {
    "all": {"hostile", "remote-job"},
    "regions/north-east": {"hostile"},
    "regions/wales": {"remote-job"},
    "regions/london": set(),
    "sectors/engineering": {"hostile"},
    "sectors/data-and-maths": {"remote-job"},
    "types/returnship": {"hostile"},
    "types/job": {"remote-job"},
    "workplaces/remote": {"remote-job"},
    "workplaces/hybrid": {"hostile"},
    "hours/part-time": {"hostile", "remote-job"},
    "hours/full-time": {"hostile"},
}


def every_key() -> list[str]:
    return ["all"] + [f"{VOCABULARIES[facet]['path']}/{value['id']}"
                      for facet in FACETS for value in VOCABULARIES[facet]["values"]]


def atom(site, key):
    parsed = feedparser.parse((site / "feeds" / f"{key}.atom.xml").read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return parsed


def json_feed(site, key) -> dict:
    return json.loads((site / "feeds" / f"{key}.json").read_text(encoding="utf-8"))


def slug_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def test_there_is_a_feed_in_both_formats_for_the_board_and_every_facet_value(reach_site):
    keys = every_key()
    assert len(keys) == 1 + sum(len(VOCABULARIES[facet]["values"]) for facet in FACETS)
    for key in keys:
        assert atom(reach_site, key).entries is not None
        assert json_feed(reach_site, key)["version"] == "https://jsonfeed.org/version/1.1"
    assert sorted(path.relative_to(reach_site / "feeds").as_posix().removesuffix(".atom.xml")
                  for path in (reach_site / "feeds").rglob("*.atom.xml")) == sorted(keys)


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_each_feed_holds_the_open_listings_its_page_lists(reach_site, key):
    assert {slug_of(entry.link) for entry in atom(reach_site, key).entries} == EXPECTED[key]
    assert {slug_of(item["url"]) for item in json_feed(reach_site, key)["items"]} == EXPECTED[key]


def test_an_atom_entry_has_an_author_the_key_facts_and_the_closing_date_as_text(reach_site):
    feed = atom(reach_site, "regions/north-east")
    assert feed.feed.title == "Return to STEM: opportunities in the North East"
    assert feed.feed.author == "Return to STEM"
    (entry,) = feed.entries
    assert entry.title == f"{HOSTILE_TITLE}, {HOSTILE_EMPLOYER['name']}"
    assert entry.author == HOSTILE_EMPLOYER["name"]
    assert entry.summary_detail.type == "text/plain"
    assert entry.summary.startswith(f"{HOSTILE_SUMMARY} Closes 31 January 2027. Returnship. ")
    for fact in ("Where: Newcastle upon Tyne (hybrid).", "Pay: £36,000 to £40,000 a year",
                 "Hours: Full time, part time."):
        assert fact in entry.summary
    assert entry.published_parsed[:3] == (2026, 11, 1)


def test_a_json_feed_follows_json_feed_1_1_and_carries_text_as_text(reach_site):
    feed = json_feed(reach_site, "sectors/engineering")
    assert feed["title"] == "Return to STEM: Engineering opportunities"
    assert feed["home_page_url"] == "/sectors/engineering/"
    assert feed["feed_url"] == "/feeds/sectors/engineering.json"
    assert feed["authors"] == [{"name": "Return to STEM", "url": "/"}]
    (item,) = feed["items"]
    # 1.1: an item needs an id and content; content_html would be shown as HTML, so there is none.
    assert item["id"] == item["url"] == "/placements/hostile/"
    assert "content_html" not in item
    atom_entry = atom(reach_site, "sectors/engineering").entries[0]
    assert item["content_text"] == atom_entry.summary and item["title"] == atom_entry.title
    assert item["summary"] == HOSTILE_SUMMARY
    assert item["authors"] == [{"name": HOSTILE_EMPLOYER["name"], "url": HOSTILE_EMPLOYER["website"]}]
    assert dt.datetime.fromisoformat(item["date_published"]).date() == dt.date(2026, 11, 1)
    # Extensions start with an underscore, which readers that do not know them ignore.
    assert item["_listing"] == {"closes": "2027-01-31"}


def alternates(html) -> dict[str, str]:
    return {link["type"]: link["href"] for link in html.head.select('link[rel~="alternate"]')
            if link["href"] != "/feeds/all.atom.xml" and link["href"] != "/feeds/all.json"}


def alerts_link(html):
    (link,) = [a for a in html.main.find_all("a") if text(a).startswith("Get alerts")]
    return link


@pytest.mark.parametrize("key", every_key()[1:])
def test_each_facet_page_announces_its_feeds_and_links_to_its_alerts(reach_site, key):
    html = page(reach_site, key)
    assert alternates(html) == {"application/atom+xml": f"/feeds/{key}.atom.xml",
                                "application/feed+json": f"/feeds/{key}.json"}
    link = alerts_link(html)
    assert link["href"] == f"/alerts/{key}/"
    alerts = page(reach_site, link["href"])
    assert text(alerts.h1) == text(link)
    codes = [text(code) for code in alerts.main.find_all("code")]
    assert codes == [f"/feeds/{key}.atom.xml", f"/feeds/{key}.json"]
    assert alternates(alerts) == alternates(html)


def test_every_page_announces_the_board_feed_and_the_footer_links_to_alerts(reach_site):
    for url in ("", "placements/hostile/", "regions/wales/", "alerts/"):
        html = page(reach_site, url)
        announced = {link["href"] for link in html.head.select('link[rel~="alternate"]')}
        assert {"/feeds/all.atom.xml", "/feeds/all.json"} <= announced
        assert html.footer.find("a", href="/alerts/")
    assert alerts_link(page(reach_site, ""))["href"] == "/alerts/"


def test_the_alerts_page_explains_feeds_in_plain_words_and_stores_nothing(reach_site):
    html = page(reach_site, "alerts/")
    headings = [text(heading) for heading in html.main.find_all("h2")]
    for heading in ("What a feed is", "The address to use", "Follow it in a feed reader", "Get them by email",
                    "Nothing to sign up to here", "Closing dates in your calendar"):
        assert heading in headings
    assert not html.find("form") and not html.find("input")  # nothing to fill in, nothing sent to us
    # It leads to every other feed's alerts page.
    linked = {a["href"] for a in html.main.find_all("a")}
    assert {f"/alerts/{key}/" for key in every_key()[1:]} <= linked
    assert "/closing-dates.ics" in [text(code) for code in html.main.find_all("code")]
