"""Search, used as a person would on a phone and on a desktop: typing, filtering, sorting,
paging and sharing the address."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from returnboard.domain.vocabularies import filter_vocabularies
from tests.browser.conftest import BOARD_NOON, PHONE, check_and_close, open_context
from tests.browser.pages import (CLOSED, CLOSED_TITLE, DESKTOP, HOME, REGION, SEARCH, listing_paths,
                                 result_paths, search_settled)

SCREENS = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture(params=SCREENS.keys())
def screen(request, browser, site, page_errors):
    """A page at a phone's size and then at a desktop's: each test below runs on both."""
    context = open_context(browser, site.url, viewport=SCREENS[request.param])
    page = context.new_page()
    page.on("pageerror", lambda error: page_errors.append(f"script error: {error}"))
    page.screen = request.param
    yield page
    check_and_close(context)
    assert not page_errors, page_errors


def address(page) -> dict:
    return parse_qs(urlsplit(page.url).query)


def wait_for_address(page, search: str):
    """Wait until the address bar shows `search` (e.g. "?q=engineer"), as it does when a search starts."""
    page.wait_for_function("expected => location.search === expected", arg=search)


def open_filters(page):
    """On a phone the filters wait behind their button; on a desktop they are always there."""
    toggle = page.locator("#filters-toggle")
    if toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false":
        toggle.click()


def tick(page, name: str, value: str):
    open_filters(page)
    group = page.locator(f"details[data-filter={name}]")
    if group.get_attribute("open") is None:
        group.locator("summary").click()
    page.locator(f"#f-{name}-{value}").check()


def status(page) -> str:
    return page.locator("#search-status").inner_text()


def each_page(page):
    """Wait for each page of the current search's results in turn, following "Next" to the last."""
    search_settled(page)
    yield
    following = page.get_by_role("navigation", name="Pages of results").get_by_role("link", name="Next page")
    while following.count():
        before = page.url
        following.click()
        page.wait_for_function("before => location.href !== before", arg=before)
        search_settled(page)
        yield


def all_results(page) -> list[str]:
    """Every result of the current search, on every page."""
    return [path for _ in each_page(page) for path in result_paths(page)]


def shown_counts(page) -> dict[str, dict[str, int]]:
    """The count beside every filter option, by filter and option, once the filters are open."""
    open_filters(page)
    search_settled(page)
    return page.eval_on_selector_all("#search-filters input:not([value=''])", """boxes => {
        const counts = {};
        for (const box of boxes) {
            counts[box.name] ??= {};
            counts[box.name][box.value] = Number(box.labels[0].querySelector('[data-count]').textContent.slice(1, -1));
        }
        return counts;
    }""")


def test_typing_a_query_shows_matching_open_listings(screen):
    screen.goto(SEARCH)
    search_settled(screen)
    screen.get_by_label("Job title, skill, employer or place").fill("bioinformatician")
    wait_for_address(screen, "?q=bioinformatician")
    results = search_settled(screen)
    assert "/placements/part-time-bioinformatician-cambridge/" in result_paths(screen)
    found = results.count()
    assert status(screen) == f"{found} {'opportunity' if found == 1 else 'opportunities'} found"
    for card in results.all():
        assert card.locator(".card__title a").inner_text()
        assert card.locator(".card__employer").inner_text()


def test_results_come_first_on_a_phone_and_filters_open_from_their_button(browser, site):
    context = open_context(browser, site.url)
    page = context.new_page()
    page.goto(SEARCH + "?region=north-east")
    first = search_settled(page).first
    # The count and the first result are on the first screen; the filters are not in the way.
    assert first.bounding_box()["y"] < PHONE["height"] - 100
    assert page.locator("#search-status").bounding_box()["y"] < first.bounding_box()["y"]
    panel = page.locator("#search-filters")
    toggle = page.get_by_role("button", name="Filters (1)")
    assert panel.is_hidden() and toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert panel.is_visible() and toggle.get_attribute("aria-expanded") == "true"
    assert panel.bounding_box()["y"] < first.bounding_box()["y"], "open filters come before the results"
    found = len(listing_paths(page))
    page.get_by_role("button", name=f"Show {found} results").click()
    assert panel.is_hidden() and toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("() => document.activeElement.id") == "results-heading"
    check_and_close(context)


def test_on_a_desktop_the_filters_stand_in_a_column_beside_the_results(browser, site):
    context = open_context(browser, site.url, viewport=DESKTOP)
    page = context.new_page()
    page.goto(SEARCH + "?q=engineer&region=north-east")
    first = search_settled(page).first
    panel = page.locator("#search-filters")
    assert panel.is_visible() and page.locator("#filters-toggle").is_hidden()
    column, results = panel.bounding_box(), page.locator(".filter-layout__results").bounding_box()
    assert column["x"] + column["width"] <= results["x"]
    assert abs(column["y"] - page.locator(".search-actions").bounding_box()["y"]) < 5
    assert first.bounding_box()["y"] < DESKTOP["height"] - 100
    check_and_close(context)


def test_choosing_a_region_narrows_the_results_and_the_address_follows(screen):
    screen.goto(SEARCH + "?q=engineer")
    everywhere = all_results(screen)
    screen.goto(REGION)
    north_east = set(listing_paths(screen))

    screen.goto(SEARCH + "?q=engineer")
    search_settled(screen)
    tick(screen, "region", "north-east")
    wait_for_address(screen, "?q=engineer&region=north-east")
    narrowed = all_results(screen)
    assert narrowed and len(narrowed) < len(everywhere)
    assert set(narrowed) <= north_east & set(everywhere)
    assert status(screen).startswith(f"{len(narrowed)} opportunit")


def test_each_active_filter_is_a_chip_that_removes_it(screen):
    screen.goto(SEARCH + "?q=engineer&region=north-east&hours=part-time")
    search_settled(screen)
    chips = screen.locator("#chips button")
    assert chips.count() == 2
    assert screen.get_by_role("button", name="Remove filter: Part time", exact=True).is_visible()
    narrowed = status(screen)
    screen.get_by_role("button", name="Remove filter: North East").click()
    wait_for_address(screen, "?q=engineer&hours=part-time")
    search_settled(screen)
    assert screen.locator("#chips button").count() == 1
    assert status(screen) != narrowed, "the count is announced anew"
    if screen.screen == "phone":
        assert screen.get_by_role("button", name="Filters (1)").is_visible()
    screen.get_by_role("button", name="Clear filters").click()
    wait_for_address(screen, "?q=engineer")
    assert screen.locator("#selected-filters").is_hidden()


def test_a_shared_address_arrives_with_everything_set(screen):
    screen.goto(SEARCH + "?q=engineer&region=north-east&hours=part-time&sort=closing")
    results = all_results(screen)
    assert screen.get_by_label("Job title, skill, employer or place").input_value() == "engineer"
    open_filters(screen)
    assert screen.get_by_label("North East").is_checked()
    assert screen.locator("#f-hours-part-time").is_checked()
    assert not screen.get_by_label("London").is_checked()
    assert screen.get_by_label("Sort by").input_value() == "closing"
    assert results, "the sample has part-time engineering roles in the North East"
    screen.goto(REGION)
    assert set(results) <= set(listing_paths(screen))


def test_the_page_and_the_sort_live_in_the_address(screen, sample_board):
    open_count = sum(p.is_open for p in sample_board.placements)
    assert open_count > 20, "the sample needs three pages of results"
    screen.goto(SEARCH + "?sort=closing&page=2")
    search_settled(screen)
    pages = screen.get_by_role("navigation", name="Pages of results")
    assert pages.get_by_role("link", name="Page 2", exact=True).get_attribute("aria-current") == "page"
    assert status(screen) == f"{open_count} opportunities found, page 2 of {-(-open_count // 10)}"
    second = result_paths(screen)
    pages.get_by_role("link", name="Previous page").click()
    wait_for_address(screen, "?sort=closing")
    search_settled(screen)
    first = result_paths(screen)
    assert len(first) == 10 and not set(first) & set(second)
    assert screen.evaluate("() => document.activeElement.id") == "results-heading"
    screen.get_by_label("Sort by").select_option("pay")
    wait_for_address(screen, "?sort=pay")
    # A page number past the end shows the last page.
    screen.goto(SEARCH + "?q=engineer&page=99")
    search_settled(screen)
    assert address(screen)["page"] != ["99"]


@pytest.mark.parametrize("sort", ["closing", "newest", "pay"])
def test_sorting_orders_every_result(screen, sample_board, sort):
    by_path = {f"/{p.url}": p for p in sample_board.placements if p.is_open}
    key = {"closing": lambda p: p.closes, "newest": lambda p: p.posted, "pay": lambda p: p.yearly_pay or 0}[sort]
    screen.goto(SEARCH + f"?sort={sort}")
    found = all_results(screen)
    assert sorted(found) == sorted(by_path)
    keys = [key(by_path[path]) for path in found]
    assert keys == sorted(keys, reverse=sort != "closing")
    assert len(set(keys)) > 3, "the sample has enough different values to show an order"


def test_with_words_the_best_match_comes_first_and_relevance_is_offered(screen):
    screen.goto(SEARCH + "?q=bioinformatician")
    search_settled(screen)
    assert screen.get_by_label("Sort by").input_value() == "relevance"
    assert result_paths(screen)[0] == "/placements/part-time-bioinformatician-cambridge/"
    screen.goto(SEARCH)
    search_settled(screen)
    assert screen.get_by_label("Sort by").input_value() == "newest"
    assert screen.locator("#sort option[value=relevance]").evaluate("o => o.hidden")


def test_every_filter_option_shows_how_many_it_finds(screen, sample_board):
    open_placements = [p for p in sample_board.placements if p.is_open]
    expected = {vocabulary.filter: {term.id: sum(term in p.listed_under(vocabulary) for p in open_placements)
                                    for term in vocabulary}
                for vocabulary in filter_vocabularies(sample_board.vocabularies)}
    screen.goto(SEARCH)
    search_settled(screen)
    assert shown_counts(screen) == expected
    # The filters returners asked for, each found as counted; the sample has some of each.
    for name, value in [("cost", "free"), ("route", "permanent"), ("contract", "fixed-term"),
                        ("support", "phased-return"), ("min_pay", "40000")]:
        assert 0 < expected[name][value] < len(open_placements), (name, value)
        screen.goto(SEARCH + f"?{name}={value}")
        assert len(all_results(screen)) == expected[name][value], (name, value)


def test_counts_of_a_filter_in_use_are_what_choosing_each_would_give(screen):
    screen.goto(SEARCH + "?region=north-east")
    search_settled(screen)
    counts = shown_counts(screen)
    found = len(all_results(screen))
    assert counts["region"]["north-east"] == found
    # Another region would add its own listings, so its count is not narrowed to the North East's.
    screen.goto(SEARCH + "?region=london")
    assert counts["region"]["london"] == len(all_results(screen))


def test_minimum_pay_is_a_single_choice(screen):
    screen.goto(SEARCH)
    search_settled(screen)
    tick(screen, "min_pay", "30000")
    wait_for_address(screen, "?min_pay=30000")
    at_30 = len(all_results(screen))
    screen.goto(SEARCH + "?min_pay=30000")
    search_settled(screen)
    tick(screen, "min_pay", "40000")
    wait_for_address(screen, "?min_pay=40000")
    assert len(all_results(screen)) < at_30
    tick(screen, "min_pay", "any")
    wait_for_address(screen, "")


def test_browsing_everything_in_search_gives_exactly_the_open_listings(screen):
    screen.goto(HOME)
    open_listings = listing_paths(screen)
    screen.goto(SEARCH)
    found = all_results(screen)
    assert sorted(found) == sorted(open_listings)
    assert CLOSED not in found


def test_region_filter_alone_matches_the_region_page_with_no_stories_counted(screen):
    screen.goto(REGION)
    expected = listing_paths(screen)
    screen.goto(SEARCH + "?region=north-east")
    assert sorted(all_results(screen)) == sorted(expected)
    assert status(screen) == f"{len(expected)} opportunities found"
    assert screen.get_by_role("link", name=f"Opportunities ({len(expected)})").is_visible()


def test_a_closed_listing_is_never_a_result(screen):
    screen.goto(SEARCH + "?q=" + CLOSED_TITLE.replace(" ", "+"))
    assert CLOSED not in all_results(screen)
    screen.goto(SEARCH + "?q=regulatory+affairs")
    assert "/placements/regulatory-affairs-job-share-nottingham/" not in all_results(screen)


def test_no_match_says_what_to_try(screen):
    screen.goto(SEARCH + "?q=zzqxvw")
    search_settled(screen)
    assert "No opportunities match" in status(screen)
    assert screen.locator("#search-results").is_hidden()
    assert screen.get_by_role("navigation", name="Pages of results").is_hidden()


def test_stories_are_searched_apart_with_their_own_count(screen):
    screen.goto(SEARCH + "?q=robotics")
    search_settled(screen)
    assert not [path for path in result_paths(screen) if path.startswith("/stories/")]
    stories_tab = screen.locator("a[data-tab=stories]")
    stories = int(stories_tab.inner_text().split("(")[1].rstrip(")"))
    assert stories >= 1
    stories_tab.click()
    wait_for_address(screen, "?q=robotics&tab=stories")
    search_settled(screen)
    paths = result_paths(screen)
    assert len(paths) == stories and all(path.startswith("/stories/") for path in paths)
    assert "/stories/back-to-robotics-after-six-years/" in paths
    assert status(screen) == f"{stories} {'story' if stories == 1 else 'stories'} found"
    assert stories_tab.get_attribute("aria-current") == "page"


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
    found = {}
    for _ in each_page(page):
        found |= page.eval_on_selector_all("#search-results > li.card", CARDS)
    assert found.keys() == listed.keys()
    assert found == listed
    # The sample has jobs with no length, and returnships and programmes with one: both come out the same.
    lengths = [any(part == ["DT", "Length"] for row in card["facts"] for part in row) for card in found.values()]
    assert any(lengths) and not all(lengths)


@pytest.mark.parametrize("search, feed", [
    ("?region=north-east", "/alerts/regions/north-east/"), ("?hours=part-time", "/alerts/hours/part-time/"),
    ("", "/alerts/"),
])
def test_a_search_a_feed_follows_offers_its_alerts(screen, search, feed):
    screen.goto(SEARCH + search)
    search_settled(screen)
    alerts = screen.get_by_role("link", name=re.compile("^Get alerts for "))
    assert alerts.get_attribute("href") == feed
    alerts.click()
    screen.wait_for_url(f"**{feed}")
    assert screen.locator("h1").inner_text()


@pytest.mark.parametrize("search", ["?q=engineer", "?region=north-east&region=wales", "?cost=free", "?near=Leeds"])
def test_a_search_no_feed_follows_offers_none(screen, search):
    screen.goto(SEARCH + search)
    search_settled(screen)
    assert screen.locator("#search-alerts").is_hidden()


def test_a_result_that_has_closed_since_the_build_is_marked_closed(browser, site, sample_board):
    soon = min((p for p in sample_board.placements if p.is_open), key=lambda p: p.closes)
    after = BOARD_NOON + dt.timedelta(days=(soon.closes - BOARD_NOON.date()).days + 1)
    context = open_context(browser, site.url, now=after)
    page = context.new_page()
    page.goto(SEARCH + "?sort=closing")
    search_settled(page)
    first = page.locator("#search-results > li").first
    assert first.locator(".card__title a").get_attribute("href") == f"/{soon.url}"
    assert first.locator(".tag--closing").inner_text() == "Closed"
    check_and_close(context)
