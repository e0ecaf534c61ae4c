"""The sample board and small fixture boards, built with the real Pelican and Pagefind."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from tests.boardtools import ROOT, build, listing, write_content

SAMPLE = ROOT / "content" / "placements"
VOCABULARIES = yaml.safe_load((ROOT / "data" / "vocabularies.yaml").read_text())


def sample_listings() -> dict[str, dict]:
    return {path.stem: yaml.safe_load(path.read_text()) for path in sorted(SAMPLE.glob("*.yaml"))}


def page(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


def listing_links(html: str) -> list[str]:
    return re.findall(r'<h3 class="card__title"><a href="/placements/([a-z0-9-]+)/">', html)


def test_sample_board_is_believable():
    listings = sample_listings()
    assert len(listings) >= 30
    assert len(list((ROOT / "content" / "employers").glob("*.yaml"))) >= 10
    regions = {region for data in listings.values() for region in data["regions"]}
    assert regions == {value["id"] for value in VOCABULARIES["regions"]["values"]}
    assert {data["type"] for data in listings.values()} == {"returnship", "job", "programme"}
    assert all(path.read_text().startswith("# Example content") for path in SAMPLE.glob("*.yaml"))


def test_every_listing_has_a_page_with_what_a_returner_needs(sample_site):
    for slug, data in sample_listings().items():
        html = page(sample_site, f"placements/{slug}/")
        assert f"<h1 data-pagefind-meta=\"title\">{data['title']}" in html.replace("&#39;", "'")
        for label in ("Closing date", "Where", "Hours", "Support", "Career break"):
            assert f"<dt>{label}</dt>" in html
        if data["type"] in ("returnship", "job"):
            assert "<dt>Pay</dt>" in html and "£" in html
        if "duration_weeks" in data:
            assert "<dt>How long</dt>" in html


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
    assert "This opportunity has closed" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "data-pagefind-body" not in html
    assert "How to apply" not in html
    for facet in ("regions", "sectors", "types", "workplaces", "hours"):
        for term in VOCABULARIES[facet]["values"]:
            assert slug not in listing_links(page(sample_site, f"{facet}/{term['id']}/"))


def test_closing_soon_is_highlighted(sample_site):
    listings = sample_listings()
    soon = [s for s, d in listings.items() if "2026-11-22" <= str(d["closes"]) < "2026-12-06"]
    assert soon
    html = page(sample_site, f"placements/{soon[0]}/")
    assert "Closing soon" in html
    later = next(s for s, d in listings.items() if str(d["closes"]) > "2027-03-01")
    assert "Closing soon" not in page(sample_site, f"placements/{later}/")


def test_region_pages_have_counts_and_include_uk_wide(sample_site):
    listings = {s: d for s, d in sample_listings().items() if str(d["closes"]) >= "2026-11-22"}
    index = page(sample_site, "regions/")
    for region in VOCABULARIES["regions"]["values"]:
        expected = {s for s, d in listings.items()
                    if region["id"] in d["regions"] or "uk-wide" in d["regions"]}
        if region["id"] == "uk-wide":
            expected = {s for s, d in listings.items() if "uk-wide" in d["regions"]}
        html = page(sample_site, f"regions/{region['id']}/")
        assert set(listing_links(html)) == expected, region["id"]
        assert f'href="/search/?region={region["id"]}"' in html
        noun = "opportunity" if len(expected) == 1 else "opportunities"
        assert re.search(rf'{region["id"]}/">{re.escape(region["name"])}</a> '
                         rf'<span class="facet-list__count">{len(expected)} open {noun}', index)


def test_search_index_holds_open_listings_only_with_filters(sample_site):
    entry = json.loads((sample_site / "pagefind" / "pagefind-entry.json").read_text())
    open_count = sum(str(d["closes"]) >= "2026-11-22" for d in sample_listings().values())
    stories = len(list((ROOT / "content" / "stories").glob("*.md")))
    assert sum(language["page_count"] for language in entry["languages"].values()) == open_count + stories
    html = page(sample_site, "placements/robotics-software-returnship/")
    for filter_value in ("region:north-east", "sector:engineering", "type:returnship",
                         "workplace:hybrid", "hours:part-time"):
        assert f'data-pagefind-filter="{filter_value}"' in html
    search = page(sample_site, "search/")
    for facet in ("region", "sector", "type", "workplace", "hours"):
        assert f'data-filter="{facet}"' in search


def test_employer_sector_and_other_facet_pages_exist(sample_site):
    for facet in ("sectors", "types", "workplaces", "hours"):
        for term in VOCABULARIES[facet]["values"]:
            assert (sample_site / facet / term["id"] / "index.html").exists()
    for employer in (ROOT / "content" / "employers").glob("*.yaml"):
        name = yaml.safe_load(employer.read_text())["name"]
        assert name in page(sample_site, f"employers/{employer.stem}/").replace("&#39;", "'")
    assert (sample_site / "404.html").exists()
    assert (sample_site / "schemas" / "placement.schema.json").exists()
    assert "<entry>" in (sample_site / "feeds" / "north-east.atom.xml").read_text()


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


def test_lists_paginate_at_fifty_with_links_between_pages(big_site):
    first, second, third = (page(big_site, url) for url in
                            ("regions/north-east/", "regions/north-east/page/2/", "regions/north-east/page/3/"))
    seen = listing_links(first) + listing_links(second) + listing_links(third)
    assert [len(listing_links(html)) for html in (first, second, third)] == [50, 50, 20]
    assert len(set(seen)) == 120
    assert 'rel="next" href="/regions/north-east/page/2/"' in first
    assert 'rel="prev" href="/regions/north-east/page/2/"' in third
    assert not (big_site / "regions" / "north-east" / "page" / "4").exists()
    assert len(listing_links(page(big_site, "page/3/"))) == 20
    employer = [page(big_site, url) for url in ("employers/tyne-test-works/", "employers/tyne-test-works/page/2/",
                                                 "employers/tyne-test-works/page/3/")]
    assert [len(listing_links(html)) for html in employer] == [50, 50, 20]
    assert "We test things" in employer[0] and "We test things" not in employer[1]


def test_untrusted_text_cannot_inject_html(tmp_path):
    hostile = listing(
        title="Engineer <script>alert(1)</script>",
        summary='A returnship "><img src=x onerror=alert(1)> for engineers coming back to work.',
        description="## Role\n\n<script>alert(2)</script> <a href=\"javascript:alert(3)\">click</a> "
                    "<iframe src=https://evil.example></iframe> and **bold** text here for you.",
    )
    output = tmp_path / "output"
    result = build(write_content(tmp_path, {"hostile": hostile}), output)
    assert result.returncode == 0, result.stderr
    html = page(output, "placements/hostile/")
    assert "<script>alert" not in html and "<img src=x" not in html and "<iframe" not in html
    assert not re.search(r"<a[^>]*javascript:", html)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<strong>bold</strong>" in html


def test_every_page_has_the_policy_and_nothing_inline(sample_site):
    pages = list(sample_site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; ' \
               "script-src 'self' 'wasm-unsafe-eval';" in html, path
        # Data blocks (JSON-LD) are never run; any other script must come from a file.
        assert not re.search(r"<script(?![^>]*\b(?:src=|type=\"application/ld\+json\"))[^>]*>", html), path
        assert not re.search(r"<style|\sstyle=|\son[a-z]+=", html), path


def job_postings(html: str) -> list[dict]:
    return [json.loads(block) for block in
            re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def test_open_jobs_and_returnships_carry_job_posting_data(sample_site):
    listings = sample_listings()
    for slug, data in listings.items():
        postings = job_postings(page(sample_site, f"placements/{slug}/"))
        is_open = str(data["closes"]) >= "2026-11-22"
        if data["type"] == "programme" or not is_open:
            assert postings == [], slug
            continue
        (posting,) = postings
        assert posting["@type"] == "JobPosting" and posting["title"] == data["title"]
        assert posting["validThrough"].startswith(str(data["closes"]))
        assert posting["baseSalary"]["value"]["minValue"] == data["pay"]["min"]
        assert posting["baseSalary"]["value"]["unitText"] == data["pay"]["period"].upper()
        if data["workplace"] == "remote":
            assert posting["jobLocationType"] == "TELECOMMUTE"
        else:
            assert posting["jobLocation"]["address"]["addressLocality"] == data["location"]
