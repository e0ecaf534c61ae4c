"""The sample board and small fixture boards, built with the real Pelican and Pagefind."""

from __future__ import annotations

import datetime as dt
import json
import re
from xml.etree import ElementTree

import pytest
import yaml

from tests.boardtools import ROOT, build, listing, write_content
from tests.htmltools import facts, link_to, listing_links, page, parse, rel_link, text

SAMPLE = ROOT / "content" / "placements"
VOCABULARIES = yaml.safe_load((ROOT / "data" / "vocabularies.yaml").read_text())
ATOM = "{http://www.w3.org/2005/Atom}"


def sample_listings() -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text()) for path in sorted(SAMPLE.glob("*.yaml"))}


def test_sample_board_is_believable():
    listings = sample_listings()
    assert len(listings) >= 30
    assert len(list((ROOT / "content" / "employers").glob("*.yaml"))) >= 10
    regions = {region for data in listings.values() for region in data["regions"]}
    assert regions == {value["id"] for value in VOCABULARIES["regions"]["values"]}
    assert {data["type"] for data in listings.values()} == {"returnship", "job", "programme"}
    assert all(path.read_text().startswith("# Example content") for path in SAMPLE.glob("*.yaml"))


def test_every_listing_has_a_page_with_what_a_returner_needs(sample_site):
    kinds = set()
    for slug, data in sample_listings().items():
        html = page(sample_site, f"placements/{slug}/")
        (heading,) = html.find_all("h1")
        assert text(heading) == data["title"] and heading.get("data-pagefind-meta") == "title"
        shown = facts(html.article)
        for label in ("Closing date", "Where", "Hours", "Support", "Career break"):
            assert shown.get(label), (slug, label)
        paid = data["type"] in ("returnship", "job")
        assert ("£" in shown.get("Pay", "")) is paid, slug
        assert ("How long" in shown) is ("duration_weeks" in data), slug
        kinds.add((paid, "duration_weeks" in data))
    assert kinds == {(True, True), (True, False), (False, True)}, "the sample needs each kind of listing"


def test_home_lists_open_listings_newest_first_and_never_closed_ones(sample_site):
    listings = sample_listings()
    open_slugs = [slug for slug, data in listings.items() if str(data["closes"]) >= "2026-11-22"]
    closed = set(listings) - set(open_slugs)
    assert closed, "the sample needs a closed listing"
    shown = listing_links(page(sample_site, "/"))
    assert sorted(shown) == sorted(open_slugs)
    posted = [str(listings[slug]["posted"]) for slug in shown]
    assert posted == sorted(posted, reverse=True)


def test_closed_listing_stays_up_with_a_notice_and_noindex(sample_site):
    listings = sample_listings()
    slug = next(s for s, d in listings.items() if str(d["closes"]) < "2026-11-22")
    html = page(sample_site, f"placements/{slug}/")
    assert "This opportunity has closed" in [text(heading) for heading in html.find_all(["h1", "h2"])]
    assert [meta["content"] for meta in html.head.find_all("meta", attrs={"name": "robots"})] == ["noindex"]
    assert html.select("[data-pagefind-body]") == []
    assert "How to apply" not in text(html)
    listed = set()
    for facet in ("regions", "sectors", "types", "workplaces", "hours"):
        for term in VOCABULARIES[facet]["values"]:
            shown = listing_links(page(sample_site, f"{facet}/{term['id']}/"))
            assert slug not in shown
            listed.update(shown)
    assert listed == {s for s, d in listings.items() if str(d["closes"]) >= "2026-11-22"}


def test_closing_soon_is_highlighted_with_the_days_left(sample_site):
    listings = sample_listings()
    soon = {s: d for s, d in listings.items() if "2026-11-22" <= str(d["closes"]) < "2026-12-06"}
    assert soon
    for slug, data in soon.items():
        days = (dt.date.fromisoformat(str(data["closes"])) - dt.date(2026, 11, 22)).days
        words = {0: "Closes today", 1: "Closes tomorrow"}.get(days, f"Closes in {days} days")
        assert words in text(page(sample_site, f"placements/{slug}/").article)
    later = next(s for s, d in listings.items() if str(d["closes"]) > "2027-03-01")
    assert not re.search(r"Closes (today|tomorrow|in)", text(page(sample_site, f"placements/{later}/")))


def test_region_pages_have_counts_and_include_uk_wide(sample_site):
    listings = {s: d for s, d in sample_listings().items() if str(d["closes"]) >= "2026-11-22"}
    index = page(sample_site, "regions/").main
    for region in VOCABULARIES["regions"]["values"]:
        expected = {s for s, d in listings.items()
                    if region["id"] in d["regions"] or "uk-wide" in d["regions"]}
        if region["id"] == "uk-wide":
            expected = {s for s, d in listings.items() if "uk-wide" in d["regions"]}
        html = page(sample_site, f"regions/{region['id']}/")
        assert set(listing_links(html)) == expected, region["id"]
        assert link_to(html.main, f"/search/?region={region['id']}")
        noun = "opportunity" if len(expected) == 1 else "opportunities"
        link = link_to(index, f"/regions/{region['id']}/")
        assert text(link) == region["name"]
        assert re.fullmatch(rf"{re.escape(region['name'])} {len(expected)} open {noun}( .*)?",
                            text(link.find_parent("li"))), region["id"]


def test_search_index_holds_open_listings_only_with_filters(sample_site):
    entry = json.loads((sample_site / "pagefind" / "pagefind-entry.json").read_text())
    open_count = sum(str(d["closes"]) >= "2026-11-22" for d in sample_listings().values())
    stories = len(list((ROOT / "content" / "stories").glob("*.md")))
    assert sum(language["page_count"] for language in entry["languages"].values()) == open_count + stories
    html = page(sample_site, "placements/robotics-software-returnship/")
    filters = {element["data-pagefind-filter"] for element in html.select("[data-pagefind-filter]")}
    assert {"section:opportunities", "region:north-east", "sector:engineering", "type:returnship",
            "workplace:hybrid", "hours:part-time", "cost:paid", "min_pay:30000", "route:permanent",
            "support:mentoring"} <= filters
    assert "min_pay:40000" not in filters, "£38,000 a year reaches the £30,000 floor, not the £40,000 one"
    sorts = {element["data-pagefind-sort"] for element in html.select("[data-pagefind-sort]")}
    assert sorts == {"posted:2026-11-02", "closes:2027-01-15", "pay:000038000"}
    search = page(sample_site, "search/")
    assert [element["data-filter"] for element in search.select("[data-filter]")] == \
        ["region", "sector", "type", "workplace", "hours", "cost", "min_pay", "support", "route", "contract"]


def test_the_built_theme_scripts_and_styles_are_minified(sample_site):
    literals_checked = 0
    for source in [*(ROOT / "theme" / "static").rglob("*.js"), *(ROOT / "theme" / "static").rglob("*.css")]:
        built = (sample_site / "theme" / source.relative_to(ROOT / "theme" / "static")).read_text(encoding="utf-8")
        assert len(built) < 0.8 * len(source.read_text(encoding="utf-8")), source.name
        assert "/*" not in built and not re.search(r"^\s*//", built, re.M), f"{source.name} keeps comments"
        if source.suffix == ".js":
            # Text inside a template literal is text: minifying must not touch a character of it.
            code = re.sub(r"/\*.*?\*/", "", source.read_text(encoding="utf-8"), flags=re.S)
            code = re.sub(r"^\s*//.*$", "", code, flags=re.M)
            literals = re.findall(r"`[^`]*`", code)
            literals_checked += len(literals)
            assert all(literal in built for literal in literals), source.name
            # A literal nested in another's ${…} would be read as code: none may be.
            assert all(literal.count("${") == literal.count("}") for literal in literals), source.name
    assert literals_checked > 10


def test_employer_sector_and_other_facet_pages_exist(sample_site):
    for facet in ("sectors", "types", "workplaces", "hours"):
        for term in VOCABULARIES[facet]["values"]:
            assert (sample_site / facet / term["id"] / "index.html").exists()
    employers = list((ROOT / "content" / "employers").glob("*.yaml"))
    assert employers
    for employer in employers:
        name = yaml.safe_load(employer.read_text())["name"]
        assert text(page(sample_site, f"employers/{employer.stem}/").h1) == name
    assert (sample_site / "404.html").exists()
    assert (sample_site / "schemas" / "placement.schema.json").exists()
    feed = ElementTree.parse(sample_site / "feeds" / "regions" / "north-east.atom.xml").getroot()
    assert feed.findall(f"{ATOM}entry")


@pytest.fixture(scope="module")
def big_site(tmp_path_factory):
    """120 listings in one region, to see pagination at work."""
    root = tmp_path_factory.mktemp("big")
    listings = {
        f"role-{n:03d}": listing(title=f"Returner role number {n}", posted=f"2026-10-{(n % 28) + 1:02d}",
                                 closes="2027-02-20")
        for n in range(120)
    }
    output = root / "output"
    result = build(write_content(root, listings), output)
    assert result.returncode == 0, result.stderr
    return output


def pages_of(site, first: str) -> list:
    """Every page of a paginated list, following its "next" links from the first."""
    pages, url = [], first
    while url is not None:
        pages.append(page(site, url))
        url = rel_link(pages[-1], "next")
        assert len(pages) <= 10, "the next links go round in a circle"
    return pages


def pagination_addresses(html) -> tuple:
    """Where a page's previous and next links go, and which numbered page it marks as current."""
    current = html.main.select('a[aria-current="page"][href]')
    return rel_link(html.main, "prev"), rel_link(html.main, "next"), [link["href"] for link in current]


@pytest.mark.parametrize("first", ["/", "/regions/north-east/", "/employers/tyne-test-works/"])
def test_lists_paginate_at_fifty_with_links_between_pages(big_site, first):
    pages = pages_of(big_site, first)
    shown = [listing_links(html) for html in pages]
    assert [len(items) for items in shown] == [50, 50, 20]
    assert sorted(sum(shown, [])) == [f"role-{n:03d}" for n in range(120)]
    addresses = [first, f"{first}page/2/", f"{first}page/3/"]
    assert [pagination_addresses(html) for html in pages] == [
        (None, addresses[1], [addresses[0]]),
        (addresses[0], addresses[2], [addresses[1]]),
        (addresses[1], None, [addresses[2]]),
    ]
    assert not (big_site / first.strip("/") / "page" / "4").exists()
    assert [re.findall(r"\(page \d+ of \d+\)", text(html.title)) for html in pages] == \
        [[], ["(page 2 of 3)"], ["(page 3 of 3)"]]
    for html in pages:
        assert any("120 open opportunities" in text(heading) for heading in html.main.find_all("h2"))


def test_only_the_first_page_of_a_list_carries_its_introduction(big_site):
    home = pages_of(big_site, "/")
    assert ["What is a returnship?" in text(html) for html in home] == [True, False, False]
    assert [bool(html.find("form", action="/search/")) for html in home] == [True, True, True]
    employer = pages_of(big_site, "/employers/tyne-test-works/")
    assert ["We test things" in text(html) for html in employer] == [True, False, False]


def test_untrusted_text_cannot_inject_html(tmp_path):
    hostile = listing(
        title="Engineer <script>alert(1)</script>",
        summary='A returnship "><img src=x onerror=alert(1)> for engineers coming back to work.',
        description="## Role\n\nText <script>alert(2)</script> <a href=\"https://evil.example\" onclick=\"alert(3)\">click</a> "
                    "<iframe src=https://evil.example></iframe> and **bold** text here for you.",
    )
    output = tmp_path / "output"
    result = build(write_content(tmp_path, {"hostile": hostile}), output)
    assert result.returncode == 0, result.stderr
    html = page(output, "placements/hostile/")
    # Its JobPosting data, and our own scripts that close it in the browser and lead back to a
    # search; nothing else.
    assert [(script.get("type"), script.get("src")) for script in html.find_all("script")] == \
        [("application/ld+json", None), (None, "/theme/js/closing.js"), (None, "/theme/js/back-to-results.js")]
    assert html.find_all(["img", "iframe"]) == []
    assert [element.name for element in html.find_all(lambda tag: "onerror" in tag.attrs)] == []
    assert [element.name for element in html.find_all(lambda tag: "onclick" in tag.attrs)] == []
    assert not [link for link in html.find_all("a", href=True) if "evil.example" in link["href"]]
    assert text(html.h1) == "Engineer <script>alert(1)</script>"
    assert text(html.select_one(".lede")) == hostile["summary"]
    prose = html.article.select_one(".prose")
    assert [text(bold) for bold in prose.find_all("strong")] == ["bold"]
    # Raw HTML is left out of the page (the validator warns the employer); its text stays as text.
    assert "alert(2)" in text(prose) and "<script" not in text(prose) and "click" in text(prose)


def test_every_page_has_the_policy_and_nothing_inline(sample_site):
    pages = list(sample_site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        html = parse(path.read_text(encoding="utf-8"))
        policies = html.head.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert len(policies) == 1, path
        assert policies[0]["content"].startswith(
            "default-src 'self'; script-src 'self' 'wasm-unsafe-eval';"), path
        # Data blocks (JSON-LD) are never run; any other script must come from a file.
        assert not [script for script in html.find_all("script")
                    if not script.get("src") and script.get("type") != "application/ld+json"], path
        assert html.find_all("style") == [], path
        assert not [(element.name, name) for element in html.find_all(True) for name in element.attrs
                    if name == "style" or name.startswith("on")], path


def job_postings(html) -> list[dict]:
    return [json.loads(script.string) for script in html.find_all("script", type="application/ld+json")]


def test_open_jobs_and_returnships_carry_job_posting_data(sample_site):
    listings = sample_listings()
    carried = set()
    for slug, data in listings.items():
        postings = job_postings(page(sample_site, f"placements/{slug}/"))
        is_open = str(data["closes"]) >= "2026-11-22"
        if data["type"] == "programme" or not is_open:
            assert postings == [], slug
            continue
        (posting,) = postings
        carried.add(slug)
        assert posting["@type"] == "JobPosting" and posting["title"] == data["title"]
        assert posting["validThrough"].startswith(str(data["closes"]))
        # Full-time-equivalent pay is nobody's pay when the role cannot be worked full time.
        pay, hours = data["pay"], set(data["hours"])
        pro_rata = pay["period"] == "year" and hours & {"part-time", "job-share", "term-time"}
        full_time_equivalent = pay.get("basis", "full-time-equivalent" if pro_rata else "actual") == \
            "full-time-equivalent"
        assert ("full-time equivalent, paid pro rata" in posting["description"]) == full_time_equivalent
        if full_time_equivalent and not hours & {"full-time", "compressed-hours"}:
            assert "baseSalary" not in posting
        else:
            assert posting["baseSalary"]["value"]["minValue"] == data["pay"]["min"]
            assert posting["baseSalary"]["value"]["unitText"] == data["pay"]["period"].upper()
        if data["workplace"] == "remote":
            assert posting["jobLocationType"] == "TELECOMMUTE"
        else:
            towns = data["location"] if isinstance(data["location"], list) else [data["location"]]
            places = posting["jobLocation"] if isinstance(posting["jobLocation"], list) else [posting["jobLocation"]]
            assert [place["address"]["addressLocality"] for place in places] == towns
    assert {listings[slug]["workplace"] == "remote" for slug in carried} == {True, False}
