"""How pages look when shared (Open Graph and Twitter cards), and what search engines are told:
canonical addresses and the JobPosting's identifier, on the published site's real address."""

from __future__ import annotations

import json
from xml.etree import ElementTree

import pytest
from PIL import Image

from tests.boardtools import build, listing, run_board, write_content
from tests.htmltools import page
from tests.reach_board import HOSTILE_TITLE

PUBLIC = "https://returntostem.org.uk"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    root = tmp_path_factory.mktemp("published")
    output = root / "output"
    content = write_content(root, {"role": listing(), "hostile": listing(title=HOSTILE_TITLE)})
    result = build(content, output, settings="publishconf.py")
    assert result.returncode == 0, result.stderr
    return output


def meta(html, key: str) -> str:
    (tag,) = html.head.find_all("meta", attrs={"property": key}) or html.head.find_all("meta", attrs={"name": key})
    return tag["content"]


@pytest.mark.parametrize("url", ["", "placements/role/", "regions/north-east/", "alerts/",
                                 "employers/tyne-test-works/"])
def test_every_page_has_share_tags_with_its_own_title_summary_and_address(published, url):
    html = page(published, url)
    canonical = html.head.find("link", rel="canonical")["href"]
    assert canonical == f"{PUBLIC}/{url}"
    assert meta(html, "og:url") == canonical
    assert meta(html, "og:title") == meta(html, "twitter:title") == html.title.string
    assert meta(html, "og:description") == meta(html, "twitter:description") == \
        html.head.find("meta", attrs={"name": "description"})["content"]
    assert meta(html, "og:site_name") == "Return to STEM"
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "og:image") == meta(html, "twitter:image") == f"{PUBLIC}/theme/images/share.png"
    assert meta(html, "og:image:alt")


def test_the_share_image_is_the_size_the_tags_say(published):
    html = page(published, "")
    with Image.open(published / "theme" / "images" / "share.png") as image:
        assert image.format == "PNG"
        assert image.size == (int(meta(html, "og:image:width")), int(meta(html, "og:image:height"))) == (1200, 630)
    assert (published / "theme" / "images" / "share.png").stat().st_size < 20_000


def test_a_listing_is_shared_with_its_own_title_and_summary_as_text(published):
    html = page(published, "placements/hostile/")
    assert meta(html, "og:title") == f"{HOSTILE_TITLE}, Tyne Test Works – Return to STEM"
    assert meta(html, "og:description") == listing()["summary"]


def test_the_page_not_found_claims_no_address(published):
    html = (published / "404.html").read_text(encoding="utf-8")
    assert 'rel="canonical"' not in html and "og:url" not in html


def test_the_job_posting_names_the_listing_by_the_boards_own_identifier(published):
    (script,) = page(published, "placements/role/").find_all("script", type="application/ld+json")
    posting = json.loads(script.string)
    assert posting["identifier"] == {"@type": "PropertyValue", "name": "Return to STEM", "value": "role"}
    assert posting["url"] == f"{PUBLIC}/placements/role/"


def test_the_sitemap_says_when_each_listing_last_changed(tmp_path):
    output = tmp_path / "output"
    content = write_content(tmp_path, {"changed": listing(title="Changed returnship", updated="2026-11-20"),
                                       "unchanged": listing(title="Unchanged returnship")})
    assert build(content, output).returncode == 0
    root = ElementTree.parse(output / "sitemap.xml").getroot()
    lastmod = {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod") for url in root}
    assert lastmod["/placements/changed/"] == "2026-11-20"
    assert lastmod["/placements/unchanged/"] == listing()["posted"]


@pytest.mark.parametrize("updated, why", [("2026-10-01", "not between posting (2026-11-01) and today (2026-11-22)"),
                                          ("2026-11-23", "not between posting (2026-11-01) and today (2026-11-22)"),
                                          ("2026-11-31", "not a real date")])
def test_a_last_change_before_posting_or_after_today_is_refused(tmp_path, updated, why):
    content = write_content(tmp_path, {"role": listing(updated=updated)})
    result = run_board("validate", "--content", content, cwd=tmp_path)
    assert result.returncode == 1
    assert "updated" in result.stderr and why in result.stderr, result.stderr
