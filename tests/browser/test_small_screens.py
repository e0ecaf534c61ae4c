"""Small screens: nothing scrolls sideways at 320 CSS px, and every target is at least 24 by 24 px."""

from __future__ import annotations

import pytest

from tests.browser.pages import (ABOUT, ACCESSIBILITY, CLOSED, EMPLOYER, FOR_EMPLOYERS, HOME, INSIGHTS, LISTING,
                                 MISSING, REGION, SCHEMAS, SEARCH, SECTOR, STORIES, STORY, search_settled)

PAGES = {
    "home": HOME, "listing": LISTING, "closed listing": CLOSED, "region": REGION, "sector": SECTOR,
    "employer": EMPLOYER, "stories": STORIES, "story": STORY, "for employers": FOR_EMPLOYERS,
    "about": ABOUT, "statement": ACCESSIBILITY, "schemas": SCHEMAS, "page not found": MISSING,
    "regions": "/regions/", "employers": "/employers/", "search": SEARCH + "?q=engineer",
    "insights": INSIGHTS,
}

# Targets smaller than 24 by 24 px. A link inside a sentence is exempt (WCAG 2.5.8's
# inline exception); one standing alone, such as a card's title, is not.
SMALL_TARGETS = """() => {
    const small = [];
    for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary')) {
        if (!el.checkVisibility({visibilityProperty: true})) continue;
        let block = el.parentElement;
        while (getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
        const inSentence = getComputedStyle(el).display === 'inline'
            && block.textContent.trim().length > el.textContent.trim().length;
        const box = el.getBoundingClientRect();
        if (!inSentence && (box.width < 24 || box.height < 24))
            small.push(`${Math.round(box.width)}x${Math.round(box.height)} ${el.outerHTML.slice(0, 100)}`);
    }
    return small;
}"""


def show_everything(page, path):
    page.goto(path)
    if path.startswith(SEARCH):
        search_settled(page)
        page.eval_on_selector_all("details.filter", "all => all.forEach(d => { d.open = true; })")


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_nothing_scrolls_sideways_at_320_px(page, path, page_errors):
    page.set_viewport_size({"width": 320, "height": 640})
    show_everything(page, path)
    page_errors.clear()  # the page-not-found page logs its own 404
    wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map(el => el.outerHTML.slice(0, 100))""")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 320, wide
    assert not wide


@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_targets_are_at_least_24_px(page, path, page_errors):
    show_everything(page, path)
    page_errors.clear()
    assert page.evaluate(SMALL_TARGETS) == []
