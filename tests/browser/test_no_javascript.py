"""With JavaScript off, everything but the search box works, and search says how to browse."""

from __future__ import annotations

import re

import pytest

from tests.boardtools import ROOT
from tests.browser.conftest import check_and_close, open_context
from tests.browser.pages import (CLOSED, EMPLOYER, HOME, INSIGHTS, LISTING, REGION, SEARCH, SECTOR,
                                 listing_paths)


@pytest.fixture
def nojs(browser, site):
    context = open_context(browser, site.url, java_script_enabled=False)
    yield context.new_page()
    check_and_close(context)


@pytest.mark.parametrize("path", [REGION, SECTOR, EMPLOYER], ids=["region", "sector", "employer"])
def test_browse_pages_lead_to_listings(nojs, path):
    nojs.goto(path)
    cards = listing_paths(nojs)
    assert cards
    nojs.locator(f'.cards .card__title a[href="{cards[0]}"]').click()
    nojs.wait_for_url(f"**{cards[0]}")
    assert nojs.get_by_role("heading", level=1).is_visible()
    assert nojs.locator(".apply a").first.is_visible(), "the listing says how to apply"


def test_every_listing_page_works(nojs):
    nojs.goto(HOME)
    open_listings = set(listing_paths(nojs))
    every = {f"/placements/{path.stem}/" for path in (ROOT / "content" / "placements").glob("*.yaml")}
    closed = every - open_listings
    assert CLOSED in closed and len(closed) >= 2
    for path in sorted(every):
        response = nojs.goto(path, wait_until="domcontentloaded")
        assert response.status == 200, path
        assert nojs.locator("h1").count() == 1, path
        if path in closed:
            assert nojs.get_by_role("heading", name="This opportunity has closed").is_visible(), path
            assert nojs.locator(".apply").count() == 0, path
        else:
            assert nojs.locator(".apply a").first.is_visible(), path


def test_search_page_says_how_to_browse_instead(nojs):
    nojs.goto(SEARCH)
    assert nojs.locator("#search").is_hidden()
    notice = nojs.locator("[data-search-fallback]")
    assert notice.is_visible()
    assert "Search needs JavaScript" in notice.inner_text()
    # Each filter's values lead to their plain browsing pages, each with its count.
    region = notice.get_by_role("link", name=re.compile(r"^North East \(\d+\)$"))
    count = int(region.inner_text().split("(")[1].rstrip(")"))
    region.click()
    nojs.wait_for_url("**/regions/north-east/")
    assert len(listing_paths(nojs)) == count
    for heading in ("By region", "By sector", "By type", "By workplace", "By hours"):
        nojs.goto(SEARCH)
        assert notice.get_by_role("heading", name=heading).is_visible()


def test_listing_page_needs_no_script(nojs):
    nojs.goto(LISTING)
    # Besides schema.org data for search engines, which never runs, its scripts only mark it
    # closed once its date has passed and offer "Back to results" after a search; without them
    # the page is whole, with its way to apply.
    assert nojs.eval_on_selector_all("script:not([type='application/ld+json'])",
                                     "scripts => scripts.map(s => new URL(s.src).pathname)") == \
        ["/theme/js/closing.js", "/theme/js/back-to-results.js"]
    assert nojs.locator("script[type='application/ld+json']").count() == 1
    assert nojs.locator(".apply a.button").is_visible()
    assert nojs.locator("[data-back-to-results]").is_hidden()
    assert not nojs.get_by_role("heading", name="This opportunity has closed").is_visible()


@pytest.mark.parametrize("path", [HOME, REGION], ids=["home", "region"])
def test_pagination_works_without_javascript(browser, paged_site, path):
    context = open_context(browser, paged_site.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(path)
    first = listing_paths(page)
    assert len(first) == 50
    pages = page.get_by_role("navigation", name="Pages")
    assert "Showing 1 to 50 of 55" in pages.inner_text()
    pages.get_by_role("link", name="Next page").click()
    page.wait_for_url(f"{paged_site.url}{path}page/2/")
    second = listing_paths(page)
    assert len(second) == 5 and not set(first) & set(second)
    assert "Showing 51 to 55 of 55" in pages.inner_text()
    pages.get_by_role("link", name="Page 1").click()
    page.wait_for_url(f"{paged_site.url}{path}")
    assert listing_paths(page) == first
    check_and_close(context)


def test_insights_needs_no_script(nojs):
    nojs.goto(HOME)
    nojs.get_by_role("link", name="See where the gaps are").click()
    nojs.wait_for_url(f"**{INSIGHTS}")
    assert nojs.locator("script").count() == 0
    for chart in ("Open opportunities per million people, highest first",
                  "Open opportunities per million people on a map of the UK"):
        image = nojs.get_by_role("img", name=chart)
        assert image.is_visible() and image.bounding_box()["height"] > 100
    first = nojs.get_by_role("table").first.get_by_role("row").nth(1)
    # The table beside the ranked chart lists the regions in the chart's order.
    assert first.get_by_role("rowheader").inner_text() == nojs.locator(".bar-chart__label").first.text_content()
    download = nojs.request.get(nojs.get_by_role("link", name="Download these figures (CSV)").get_attribute("href"))
    assert download.ok and download.text().startswith("region,name,itl1,population_millions,open,open_per_million")
