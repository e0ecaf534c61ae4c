"""Pictures of the home page, a listing and search on a phone, search on a desktop and the insights
page's charts, as the README shows them.

`make screenshots` runs this with SCREENSHOTS=docs/screenshots to refresh the README's
pictures; otherwise they go to a temporary folder and are only checked.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

import pytest

from tests.boardtools import ROOT
from tests.browser.conftest import PHONE, check_and_close, open_context
from tests.browser.pages import DESKTOP, HOME, INSIGHTS, LISTING, SEARCH, search_settled

# Each picture's page and screen size.
SHOTS = {"home": (HOME, PHONE), "listing": (LISTING, PHONE),
         "search": (SEARCH + "?q=engineer&region=north-east", PHONE),
         "search-desktop": (SEARCH + "?q=engineer&region=north-east", DESKTOP),
         "insights": (INSIGHTS, DESKTOP)}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    chosen = os.environ.get("SCREENSHOTS")
    if not chosen:
        return tmp_path_factory.mktemp("screenshots")
    path = Path(chosen) if Path(chosen).is_absolute() else ROOT / chosen
    path.mkdir(parents=True, exist_ok=True)
    return path


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("name", SHOTS)
def test_screenshot(browser, site, folder, name):
    path, viewport = SHOTS[name]
    context = open_context(browser, site.url, viewport=viewport)
    page = context.new_page()
    page.goto(path)
    if path.startswith(SEARCH):
        search_settled(page)
        page.locator("#q").blur()
    if path == INSIGHTS:
        page.locator("#open-heading").evaluate("heading => heading.scrollIntoView()")
    page.evaluate("() => document.fonts.ready")
    target = folder / f"{name}.png"
    page.screenshot(path=target, animations="disabled", caret="hide")
    assert png_size(target.read_bytes()) == (viewport["width"], viewport["height"])
    check_and_close(context)
