"""axe-core finds nothing wrong on any kind of page, checked as the page is shown."""

from __future__ import annotations

import pytest

from tests.browser.conftest import PHONE, check_and_close, open_context
from tests.browser.pages import (ABOUT, ACCESSIBILITY, CLOSED, DESKTOP, EMPLOYER, FOR_EMPLOYERS, HOME, INSIGHTS,
                                 LISTING, MISSING, REGION, SCHEMAS, SEARCH, SECTOR, STORIES, STORY, axe_violations,
                                 describe, search_settled)

PAGES = {
    "home": HOME, "listing": LISTING, "closed listing": CLOSED, "region": REGION,
    "sector": SECTOR, "employer": EMPLOYER, "stories": STORIES, "story": STORY,
    "for employers": FOR_EMPLOYERS, "about": ABOUT, "accessibility statement": ACCESSIBILITY,
    "schemas": SCHEMAS, "alerts": "/alerts/", "alerts for a region": REGION.replace("/regions/", "/alerts/regions/"),
    "page not found": MISSING, "search with results": SEARCH + "?q=engineer&region=north-east",
    # Several towns, hours a week, a contract and full-time-equivalent pay; partners; a card with them.
    "listing with every optional fact": "/placements/structural-engineer-part-time-yorkshire/",
    "programme run with partners": "/placements/civil-engineering-returners-programme-leeds/",
    "search with a contract": SEARCH + "?q=structural",
    "insights": INSIGHTS,
}


@pytest.fixture(scope="module")
def axe_page(browser, site, axe_source):
    # axe goes in as an init script: the site's Content-Security-Policy (rightly) blocks
    # scripts added to the page, and this way the policy stays on while axe checks.
    context = open_context(browser, site.url)
    context.add_init_script(axe_source)
    yield context.new_page()
    check_and_close(context)


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_accessibility_failures(axe_page, path):
    response = axe_page.goto(path)
    assert response.status == (404 if path == MISSING else 200)
    if path.startswith(SEARCH):
        assert search_settled(axe_page).count() > 0
    violations = axe_violations(axe_page)
    assert not violations, describe(violations)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_search_with_its_filters_open_and_in_use_has_no_accessibility_failures(browser, site, axe_source, viewport):
    context = open_context(browser, site.url, viewport=viewport)
    context.add_init_script(axe_source)
    page = context.new_page()
    page.goto(SEARCH + "?q=engineer&region=north-east&min_pay=30000&sort=pay&tab=stories")
    search_settled(page)
    if page.locator("#filters-toggle").is_visible():
        page.locator("#filters-toggle").click()
    page.eval_on_selector_all("details.filter", "all => all.forEach(d => { d.open = true; })")
    violations = axe_violations(page)
    assert not violations, describe(violations)
    page.goto(SEARCH + "?sort=closing&page=2")
    search_settled(page)
    violations = axe_violations(page)
    assert not violations, describe(violations)
    check_and_close(context)
