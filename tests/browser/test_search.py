"""Search, used as a person would: typing, ticking a region, sharing the address."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from tests.browser.pages import (CLOSED, CLOSED_TITLE, HOME, REGION, SEARCH, listing_paths,
                                 result_paths, search_settled)


def address(page) -> dict:
    return parse_qs(urlsplit(page.url).query)


def wait_for_address(page, search: str):
    """Wait until the address bar shows `search` (e.g. "?q=engineer"), as it does when a search starts."""
    page.wait_for_function("expected => location.search === expected", arg=search)


def all_results(page) -> list[str]:
    """Every listing found by the current search, pressing "Show more results" until none are left."""
    search_settled(page)
    more = page.locator("#search-more")
    while more.is_visible():
        shown = page.locator("#search-results > li").count()
        more.click()
        page.wait_for_function("n => document.querySelectorAll('#search-results > li').length > n", arg=shown)
    return [path for path in result_paths(page) if path.startswith("/placements/")]


def test_typing_a_query_shows_matching_open_listings(page):
    page.goto(SEARCH)
    search_settled(page)
    page.get_by_label("Job title, skill, employer or place").fill("bioinformatician")
    wait_for_address(page, "?q=bioinformatician")
    results = search_settled(page)
    assert "/placements/part-time-bioinformatician-cambridge/" in result_paths(page)
    found = results.count()
    said = f"{found} {'result' if found == 1 else 'results'} found"
    assert page.locator("#search-status").inner_text() == said
    for card in results.all():
        assert card.locator(".card__title a").inner_text()
        assert card.locator(".card__employer").inner_text()


def test_choosing_a_region_narrows_the_results_and_the_address_follows(page):
    page.goto(SEARCH + "?q=engineer")
    everywhere = all_results(page)
    page.goto(REGION)
    north_east = set(listing_paths(page))

    page.goto(SEARCH + "?q=engineer")
    search_settled(page)
    page.locator("details[data-filter=region] > summary").click()
    page.get_by_label("North East").check()
    wait_for_address(page, "?q=engineer&region=north-east")
    narrowed = all_results(page)
    assert narrowed and len(narrowed) < len(everywhere)
    assert set(narrowed) <= north_east & set(everywhere)

    page.get_by_label("North East").uncheck()
    wait_for_address(page, "?q=engineer")
    assert sorted(all_results(page)) == sorted(everywhere)


def test_a_shared_address_arrives_with_its_query_and_filters_set(page):
    page.goto(SEARCH + "?q=engineer&region=north-east&hours=part-time")
    results = all_results(page)
    assert page.get_by_label("Job title, skill, employer or place").input_value() == "engineer"
    assert page.get_by_label("North East").is_checked()
    assert page.get_by_label("Part time").is_checked()
    assert not page.get_by_label("London").is_checked()
    assert page.locator("details[data-filter=region]").get_attribute("open") is not None
    assert results, "the sample has part-time engineering roles in the North East"
    page.goto(REGION)
    assert set(results) <= set(listing_paths(page))

    page.goto(SEARCH + "?q=engineer&region=north-east&hours=part-time")
    search_settled(page)
    page.get_by_role("button", name="Clear filters").click()
    wait_for_address(page, "?q=engineer")


def test_browsing_everything_in_search_gives_exactly_the_open_listings(page):
    page.goto(HOME)
    open_listings = listing_paths(page)
    page.goto(SEARCH)
    assert sorted(all_results(page)) == sorted(open_listings)
    assert CLOSED not in open_listings
    assert page.locator("#search-more").is_hidden()


def test_region_filter_alone_matches_the_region_page(page):
    page.goto(REGION)
    expected = listing_paths(page)
    page.goto(SEARCH + "?region=north-east")
    assert sorted(all_results(page)) == sorted(expected)
    assert page.locator("#search-more").is_hidden(), "no more to show, so no button"


def test_a_closed_listing_is_never_a_result(page):
    page.goto(SEARCH + "?q=" + CLOSED_TITLE.replace(" ", "+"))
    assert CLOSED not in all_results(page)
    page.goto(SEARCH + "?q=regulatory+affairs")
    assert "/placements/regulatory-affairs-job-share-nottingham/" not in all_results(page)


def test_no_match_says_what_to_try(page):
    page.goto(SEARCH + "?q=zzqxvw")
    search_settled(page)
    assert "Nothing matches" in page.locator("#search-status").inner_text()
    assert page.locator("#search-results").is_hidden()
    assert page.locator("#search-more").is_hidden()


def test_a_search_for_a_role_finds_returners_stories_too(page):
    page.goto(SEARCH + "?q=robotics")
    search_settled(page)
    assert "/stories/back-to-robotics-after-six-years/" in result_paths(page)
    page.goto(SEARCH + "?q=robotics&type=story")
    search_settled(page)
    paths = result_paths(page)
    assert paths and all(path.startswith("/stories/") for path in paths)
    assert page.get_by_label("Returners’ stories").is_checked()


# Each placement card on a page, by its address: its classes, its tags and its facts, as shown.
CARDS = """cards => Object.fromEntries(cards.map(card => [card.querySelector('.card__title a').pathname, {
    classes: card.className,
    tags: [...card.querySelectorAll('.tag')].map(tag => [tag.className, tag.textContent]),
    facts: [...card.querySelector('.card__facts').children].map(
        row => [...row.children].map(part => [part.tagName, part.textContent])),
}]))"""


def test_each_result_card_shows_what_its_card_on_the_lists_shows(page):
    page.goto(HOME)
    listed = page.eval_on_selector_all("li.card:not(.card--story)", CARDS)
    page.goto(SEARCH)
    all_results(page)
    found = page.eval_on_selector_all("#search-results > li.card:not(.card--story)", CARDS)
    assert found.keys() == listed.keys()
    assert found == listed
    # The sample has jobs with no length, and returnships and programmes with one: both come out the same.
    lengths = [any(part == ["DT", "Length"] for row in card["facts"] for part in row) for card in found.values()]
    assert any(lengths) and not all(lengths)
