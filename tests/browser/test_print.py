"""Printing a listing: one clean page, with the address to apply at written out."""

from __future__ import annotations

import re

import pytest
import yaml

from tests.boardtools import ROOT, SAMPLE_TODAY
from tests.browser.pages import LISTING


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


def test_a_listing_prints_cleanly_with_the_apply_address(page):
    page.goto(LISTING)
    page.emulate_media(media="print")
    for hidden in (".site-header", ".site-footer", ".skip-link", ".breadcrumbs"):
        assert all(not box.is_visible() for box in page.locator(hidden).all()), hidden
    button = page.locator(".apply a.button")
    href = button.get_attribute("href")
    assert href.startswith("https://")
    written = button.evaluate("a => getComputedStyle(a, '::after').content")
    assert href in written
    ink = button.evaluate("a => getComputedStyle(a).backgroundColor")
    assert ink == "rgba(0, 0, 0, 0)", "the apply button prints as plain text, not a block of ink"
    assert pdf_pages(page.pdf(format="A4")) == 1


def wordiest_open_listings(count: int) -> list[str]:
    """The open sample listings with the most to print: the hardest to fit on a page."""
    listings = []
    for path in (ROOT / "content" / "placements").glob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if str(data["closes"]) >= SAMPLE_TODAY:
            words = len(yaml.safe_dump(data).split())
            listings.append((words, f"/placements/{path.stem}/"))
    return [path for _, path in sorted(listings, reverse=True)[:count]]


@pytest.mark.parametrize("path", wordiest_open_listings(3))
def test_the_longest_listings_still_print_on_one_page(page, path):
    page.goto(path)
    page.emulate_media(media="print")
    assert pdf_pages(page.pdf(format="A4")) == 1
