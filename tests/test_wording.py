"""How the board words what it shows: break lengths, regions after "in", hours, and the email
to apply with."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from markupsafe import Markup

from returnboard.content.data_files import load_vocabularies
from returnboard.content.links import link_problem
from returnboard.content.to_models import employer_from, placement_from
from returnboard.domain.models import Story, years_long
from tests.boardtools import EMPLOYER, listing
from tests.htmltools import page, text

VOCABULARIES = load_vocabularies()


def story(break_years: float, reason: str | None = None) -> Story:
    return Story(slug="s", source="s", title="Back", name="Sam", role="Engineer",
                 region=VOCABULARIES["regions"].by_id["wales"], sectors=[], break_years=break_years,
                 returned=2025, type=VOCABULARIES["types"].by_id["job"], quote="Q",
                 published=dt.date(2026, 1, 1), body_html=Markup(""), break_reason=reason)


def placement(**changes):
    employer = employer_from(EMPLOYER, "tyne-test-works", "e", VOCABULARIES)
    return placement_from(listing(**changes), "test-role", "p", employer, Markup(""), VOCABULARIES,
                          dt.date(2026, 11, 22))


@pytest.mark.parametrize("years, words", [(1, "a 1-year break"), (2.5, "a 2.5-year break"),
                                          (6, "a 6-year break"), (15, "a 15-year break")])
def test_a_break_length_is_hyphenated_and_singular(years, words):
    assert story(years).break_text == words
    assert f"after {words}, " in story(years).return_summary


def test_a_break_with_its_reason_reads_as_a_phrase():
    assert years_long(0.5) == "0.5-year"
    assert story(1, "caring for my mum").break_with_reason == "A 1-year break: “caring for my mum”"
    assert story(3).break_with_reason == "A 3-year break"


@pytest.mark.parametrize("months, words", [(1, "a break of 1 month or more"),
                                           (18, "a break of 18 months or more")])
def test_a_minimum_break_is_counted_in_months(months, words):
    assert placement(min_break_months=months).break_welcome == f"Welcomes people who have had {words}"


@pytest.mark.parametrize("region, words", [
    ("north-east", "in the North East"), ("east-of-england", "in the East of England"),
    ("south-west", "in the South West"), ("yorkshire-and-the-humber", "in Yorkshire and the Humber"),
    ("london", "in London"), ("northern-ireland", "in Northern Ireland"), ("uk-wide", "anywhere in the UK"),
])
def test_a_region_after_in_takes_the_where_its_name_needs_it(region, words):
    assert VOCABULARIES["regions"].by_id[region].in_words == words


def test_every_region_says_where_it_is():
    assert all(region.in_words for region in VOCABULARIES["regions"])


def test_hours_come_in_the_vocabularys_order_in_lower_case_after_the_first():
    hours = placement(hours=["term-time", "job-share", "part-time"])
    assert [term.id for term in hours.hours] == ["part-time", "job-share", "term-time"]
    assert hours.hours_text == "Part time, job share, term time only"
    assert [name for _, name in hours.hours_named] == ["Part time", "job share", "term time only"]
    assert placement(hours=["flexible"]).hours_text == "Flexible hours"


def test_an_email_application_fills_in_the_subject_url_encoded_and_passes_the_link_policy():
    title = "Bridge engineer & tester? 50% remote, #1 role"
    email = placement(title=title, apply={"email": "returners@tyne-test-works.example"})
    address = urlsplit(email.apply_mailto)
    assert (address.scheme, address.path) == ("mailto", "returners@tyne-test-works.example")
    assert parse_qs(address.query) == {"subject": [title]}
    assert not re.search(r"[ &?#,]", address.query.removeprefix("subject=")), address.query
    assert link_problem(email.apply_mailto) is None
    assert "Send your CV" in email.apply_email_note
    assert placement().apply_mailto is None


@pytest.mark.parametrize("target", ["mailto:a@b.example?cc=boss@b.example",
                                    "mailto:a@b.example?subject=Hi&body=More",
                                    "mailto:not-an-address?subject=Hi"])
def test_a_mailto_link_may_fill_in_a_subject_and_nothing_more(target):
    assert link_problem(target) is not None


def test_the_built_board_says_breaks_regions_and_uk_wide_as_people_do(sample_site):
    every_page = " ".join(path.read_text(encoding="utf-8") for path in sample_site.rglob("*.html"))
    assert not re.search(r"\b\d+(\.\d+)? years? break", every_page)
    assert "a 6-year break" in every_page
    assert not re.search(r"opportunities in (North|South|East|West) ", every_page)
    assert text(page(sample_site, "/regions/uk-wide/").h1) == "UK-wide opportunities"
    story_page = page(sample_site, "/stories/back-to-robotics-after-six-years/")
    assert "Open opportunities in the North East" in text(story_page.main)
