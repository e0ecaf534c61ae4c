"""A listing page as a returner meets it on a phone and a desktop: the key facts, then a button
that says where it leads, on the first screen; the description after."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from tests.boardtools import ROOT, SAMPLE_TODAY
from tests.browser.conftest import PHONE
from tests.browser.pages import DESKTOP, LISTING, SEARCH, search_settled

SIZES = {"phone": PHONE, "desktop": DESKTOP}
EMAIL_LISTING = "/placements/bridge-engineer-job-share-leeds/"
EMAIL_TITLE = "Senior bridge engineer, job share"


def open_sample_listings() -> list[str]:
    """Every open listing of the sample board, URL and email applications alike."""
    paths = []
    for path in sorted((ROOT / "content" / "placements").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if str(data["closes"]) >= SAMPLE_TODAY:
            paths.append(f"/placements/{path.stem}/")
    return paths


def apply_button(page):
    return page.locator(".apply a.button")


def bottom(locator) -> float:
    box = locator.bounding_box()
    return box["y"] + box["height"]


@pytest.mark.parametrize("path", open_sample_listings())
def test_on_a_phone_the_apply_button_is_on_the_first_screen(page, path):
    page.goto(path)
    button = apply_button(page)
    assert button.count() == 1
    assert bottom(button) <= PHONE["height"], f"{path}: the apply button ends {bottom(button):.0f} px down"


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_key_facts_come_first_then_the_button_then_the_description(page, size):
    page.set_viewport_size(size)
    page.goto(LISTING)
    facts = page.locator(".key-facts .summary-list")
    description = page.locator(".placement .prose")
    assert facts.locator("dt").first.text_content() == "Closing date"
    assert bottom(facts) <= apply_button(page).bounding_box()["y"]
    assert bottom(apply_button(page)) <= description.bounding_box()["y"]
    assert bottom(apply_button(page)) <= size["height"]


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_a_url_application_names_the_employers_website(page, size):
    page.set_viewport_size(size)
    page.goto(LISTING)
    button = apply_button(page)
    assert button.text_content() == "Apply on Northumbria Robotics’s website"
    assert button.get_attribute("href").startswith("https://")


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_an_email_application_names_the_address_says_what_to_send_and_fills_in_the_subject(page, size):
    page.set_viewport_size(size)
    page.goto(EMAIL_LISTING)
    button = apply_button(page)
    assert button.text_content() == "Email returners@aire-calder-engineers.example"
    href = button.get_attribute("href")
    address = urlsplit(href)
    assert (address.scheme, address.path) == ("mailto", "returners@aire-calder-engineers.example")
    assert parse_qs(address.query) == {"subject": [EMAIL_TITLE]}
    assert "%20" in address.query and "," not in address.query, "the subject is URL-encoded"
    note = page.locator(".apply__note")
    assert note.is_visible()
    assert "Send your CV" in note.text_content()
    assert bottom(button) <= note.bounding_box()["y"] < size["height"], "the note follows the button, in sight"


def test_back_to_results_returns_to_the_very_search_the_returner_came_from(page):
    search = SEARCH + "?q=engineer&region=north-east&sort=closing"
    page.goto(search)
    search_settled(page)
    first = page.locator("#search-results .card__title a").first
    listing = first.get_attribute("href")
    first.click()
    page.wait_for_url(f"**{listing}")
    back = page.get_by_role("link", name="Back to results")
    back.click()
    page.wait_for_url(f"**{search}")
    search_settled(page)
    assert page.locator("#search-results .card__title a").first.get_attribute("href") == listing
    # Come to a listing any other way, and there is no such link.
    page.goto(LISTING)
    assert page.locator("[data-back-to-results]").is_hidden()
