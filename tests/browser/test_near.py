"""Near me: a returner on a phone ranks opportunities by distance from a town, a postcode
district or their own location, which never leaves the page."""

from __future__ import annotations

import re

import pytest

from returnboard.cli.serve import Site
from tests.boardtools import build, listing, write_content
from tests.browser.conftest import check_and_close, open_context
from tests.browser.pages import SEARCH, result_paths, search_settled

DURHAM = {"latitude": 54.777, "longitude": -1.576}
# Each listing's town, and where a search near Durham must rank it.
TOWNS = {
    "durham-role": dict(location="Durham"),
    "sedgefield-role": dict(location="Sedgefield"),
    "newcastle-role": dict(location="Newcastle upon Tyne"),
    "leeds-role": dict(location="Leeds", regions=["yorkshire-and-the-humber"]),
    "london-role": dict(location="London", regions=["london"]),
    "remote-role": dict(workplace="remote", location=None, regions=["uk-wide"]),
}


@pytest.fixture(scope="module")
def near_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("near")
    listings = {slug: listing(title=f"Test engineer {slug.split('-')[0].title()} returnship", **changes)
                for slug, changes in TOWNS.items()}
    result = build(write_content(root, listings), root / "output")
    assert result.returncode == 0, result.stderr
    with Site(root / "output", record=True) as running:
        yield running


@pytest.fixture
def phone(browser, near_site, page_errors):
    context = open_context(browser, near_site.url, geolocation=DURHAM)
    page = context.new_page()
    page.on("pageerror", lambda error: page_errors.append(f"script error: {error}"))
    yield page
    check_and_close(context)
    assert not page_errors, page_errors


def slugs(page) -> list[str]:
    return [path.split("/")[2] for path in result_paths(page)]


def distances(page) -> list[str]:
    return page.locator("#search-results .card__distance").all_inner_texts()


def test_near_a_town_ranks_results_by_distance_with_work_from_anywhere_after(phone):
    phone.goto(SEARCH + "?near=Durham")
    search_settled(phone)
    assert slugs(phone) == ["durham-role", "sedgefield-role", "newcastle-role", "leeds-role", "london-role",
                            "remote-role"]
    shown = distances(phone)
    assert shown[:2] == ["Under a mile away", "9.9 miles away"]
    miles = [float(re.match(r"([\d.]+) miles away", text).group(1)) for text in shown[1:5]]
    assert miles == sorted(miles) and 200 < miles[-1] < 260
    assert shown[5].startswith("Remote")
    assert phone.locator("#search-status").inner_text() == "6 opportunities found near Durham"
    assert phone.get_by_label("Sort by").input_value() == "distance"


@pytest.mark.parametrize("a, b, miles", [
    ((36.12, -86.67), (33.94, -118.40), 1793.6),  # Nashville to Los Angeles: 2,886.4 km on a 6,371 km sphere
    ((51.5074, -0.1278), (48.8566, 2.3522), 213.5),  # London to Paris: 343.6 km
    ((54.77676, -1.57566), (54.77676, -1.57566), 0.0),
])
def test_distances_are_great_circle_miles_both_ways(phone, a, b, miles):
    """The sum search itself uses, from the page's own near.js."""
    phone.goto(SEARCH)
    between = """async ([a, b]) => (await import('/theme/js/near.js')).milesBetween(
        {latitude: a[0], longitude: a[1]}, {latitude: b[0], longitude: b[1]})"""
    assert phone.evaluate(between, [a, b]) == pytest.approx(miles, abs=0.1)
    assert phone.evaluate(between, [b, a]) == pytest.approx(miles, abs=0.1)


def test_a_distance_keeps_the_towns_within_it_and_work_from_anywhere(phone):
    phone.goto(SEARCH + "?near=Durham")
    search_settled(phone)
    phone.get_by_label("Distance").select_option("10")
    phone.wait_for_function("() => location.search === '?near=Durham&within=10'")
    search_settled(phone)
    assert slugs(phone) == ["durham-role", "sedgefield-role", "remote-role"]
    assert phone.locator("#search-status").inner_text() == "3 opportunities found within 10 miles of Durham"
    # Another order keeps the same distance, and each card still says how far it is.
    phone.get_by_label("Sort by").select_option("closing")
    phone.wait_for_function("() => location.search === '?near=Durham&within=10&sort=closing'")
    search_settled(phone)
    assert sorted(slugs(phone)) == ["durham-role", "remote-role", "sedgefield-role"]
    assert "9.9 miles away" in distances(phone)


def test_filter_counts_keep_to_the_distance_as_the_results_do(phone):
    phone.goto(SEARCH + "?near=Durham&within=10")
    search_settled(phone)
    phone.get_by_role("button", name="Filters").click()
    search_settled(phone)
    # Durham, Sedgefield, and the remote role open to all; not Newcastle, 14 miles off.
    assert phone.locator("#f-region-north-east").evaluate("box => box.labels[0].textContent").endswith("(3)")
    assert len(slugs(phone)) == 3


def test_a_postcode_district_or_a_whole_postcode_is_a_place_too(phone):
    for near in ("DH1", "dh1+3le"):
        phone.goto(SEARCH + f"?near={near}&within=20")
        search_settled(phone)
        assert slugs(phone) == ["durham-role", "sedgefield-role", "newcastle-role", "remote-role"]


def test_a_place_not_known_says_so_and_searches_everywhere(phone):
    phone.goto(SEARCH + "?near=Sedgefeld")
    search_settled(phone)
    status = phone.locator("#search-status").inner_text()
    assert "“Sedgefeld” is known" in status and status.endswith("6 opportunities found")
    assert not distances(phone)


def test_my_location_is_asked_for_only_on_the_button_and_never_leaves_the_page(phone, near_site):
    near_site.sent.clear()
    phone.goto(SEARCH)
    search_settled(phone)
    assert not [path for path, _ in near_site.sent if path.endswith("places.json")], "loaded only for Near"
    phone.context.grant_permissions(["geolocation"])
    phone.get_by_role("button", name="Use my location").click()
    phone.wait_for_function("() => document.getElementById('search-status').textContent.includes('near your location')")
    search_settled(phone)
    assert slugs(phone)[:2] == ["durham-role", "sedgefield-role"]
    assert phone.get_by_label("Near").input_value() == "My location"
    # Neither the address nor any request carries where the returner is.
    assert "54.7" not in phone.url and "near=" not in phone.url
    assert not [path for path, _ in near_site.sent if "54.7" in path]


def test_near_fetches_under_150_kb_more_than_the_first_search(phone, near_site):
    phone.goto(SEARCH)
    search_settled(phone)
    phone.wait_for_load_state("networkidle")
    near_site.sent.clear()
    phone.get_by_label("Near").fill("Durham")
    phone.get_by_role("button", name="Search").click()
    phone.wait_for_function("() => location.search === '?near=Durham'")
    search_settled(phone)
    phone.wait_for_load_state("networkidle")
    sent = near_site.sent
    assert any(path.endswith("places.json") for path, _ in sent)
    assert sum(size for _, size in sent) < 150 * 1024, sent
