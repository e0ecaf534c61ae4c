"""Page weight on a phone, and privacy: small pages, no needless JavaScript, nothing off-site."""

from __future__ import annotations

import pytest
from playwright.sync_api import Error

from tests.browser.pages import HOME, LISTING, SEARCH, search_settled

KB = 1024


def record(page) -> list:
    """Every response the page receives from now on, in order."""
    responses = []
    page.on("response", lambda response: responses.append(response))
    return responses


def transferred(site) -> int:
    """Bytes the server sent (headers and gzipped bodies) since its log was cleared.

    Counted at the server, not in the page, so that fetches made by any worker count too.
    """
    return sum(size for _, size in site.sent)


def test_a_listing_with_all_it_loads_is_under_60_kb_and_loads_two_tiny_scripts(page, site):
    responses = record(page)
    site.sent.clear()
    page.goto(LISTING, wait_until="load")
    size = transferred(site)
    assert {r.request.resource_type for r in responses} <= {"document", "stylesheet", "image", "script", "other"}
    # Only the script that marks it closed when its closing date passes before a rebuild, and
    # the one that offers "Back to results" after a search.
    scripts = [(path, sent) for path, sent in site.sent if path.endswith(".js")]
    assert sorted(path for path, _ in scripts) == ["/theme/js/back-to-results.js", "/theme/js/closing.js"]
    assert all(sent < 2 * KB for _, sent in scripts)
    assert 1 * KB < size < 60 * KB, f"{size / KB:.1f} KB: {site.sent}"


def test_the_search_page_with_its_first_query_fetches_under_150_kb_on_a_phone(page, site):
    site.sent.clear()
    page.goto(SEARCH + "?q=engineer")
    assert search_settled(page).count() > 0
    page.wait_for_load_state("networkidle")
    size = transferred(site)
    assert any(path.startswith("/pagefind/") for path, _ in site.sent), "the search must really have run"
    assert size < 150 * KB, f"{size / KB:.1f} KB: {site.sent}"


def test_on_a_phone_the_filter_counts_load_only_when_the_filters_open(page, site):
    site.sent.clear()
    page.goto(SEARCH + "?q=engineer")
    search_settled(page)
    page.wait_for_load_state("networkidle")
    before = {path for path, _ in site.sent if path.startswith("/pagefind/filter/")}
    whole_board = page.locator("#search-filters [data-count]").all_text_contents()
    page.get_by_role("button", name="Filters").click()
    search_settled(page)
    after = {path for path, _ in site.sent if path.startswith("/pagefind/filter/")}
    assert len(before) <= 1 < len(after), "only the index of opportunities and stories at first"
    counts = page.locator("#search-filters [data-count]").all_text_contents()
    assert counts != whole_board, "counts are for this search, not the whole board"


def test_the_home_page_is_light_and_loads_no_javascript(page, site):
    responses = record(page)
    site.sent.clear()
    page.goto(HOME, wait_until="load")
    assert not [r.url for r in responses if r.request.resource_type == "script"]
    assert transferred(site) < 60 * KB


def test_a_request_off_the_site_is_caught(context):
    page = context.new_page()
    with pytest.raises(Error):
        page.goto("http://example.org/")
    assert context.guard.offsite == ["http://example.org/"]
    context.guard.offsite.clear()  # seen and refused: the fixture need not fail this test


def test_browsing_sets_no_cookies_and_stays_on_the_site(page, context):
    for path in (HOME, LISTING, SEARCH + "?q=data"):
        page.goto(path)
    search_settled(page)
    assert context.cookies() == []
    assert page.evaluate("() => [localStorage.length, sessionStorage.length, document.cookie]") == [0, 0, ""]
