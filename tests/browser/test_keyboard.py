"""Keyboard only: a skip link, every control reachable by Tab, focus always shown and never hidden."""

from __future__ import annotations

import pytest

from tests.browser.pages import (ACCESSIBILITY, CLOSED, EMPLOYER, HOME, INSIGHTS, LISTING, MISSING, REGION,
                                 SEARCH, search_settled)

FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])'

# Numbers every control a person could reach, so each Tab stop can be matched to one. Tab stops
# once in a group of radios, at the one chosen; the arrow keys move between them.
MARK_CONTROLS = """selector => {
    const controls = [...document.querySelectorAll(selector)]
        .filter(el => el.checkVisibility({visibilityProperty: true}) && !el.disabled)
        .filter(el => el.type !== 'radio' || el.checked);
    controls.forEach((el, i) => { el.dataset.kb = i; });
    return controls.map(el => el.outerHTML.slice(0, 120));
}"""

# Where focus is now, whether it is shown, and whether anything covers it.
FOCUS_NOW = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const box = el.getClientRects()[0] || el.getBoundingClientRect();
    const x = box.left + box.width / 2, y = box.top + box.height / 2;
    const hit = document.elementFromPoint(x, y);
    return {
        key: el.dataset.kb ?? null,
        html: el.outerHTML.slice(0, 120),
        outline: style.outlineStyle !== 'none' ? parseFloat(style.outlineWidth) : 0,
        // A pixel's grace: layout rounds to fractions of a pixel.
        onScreen: box.top >= -1 && box.bottom <= innerHeight + 1
            && box.left >= -1 && box.right <= innerWidth + 1,
        uncovered: !!hit && (el === hit || el.contains(hit)),
    };
}"""


def open_every_filter(page):
    search_settled(page)
    page.get_by_role("button", name="Filters").click()
    page.eval_on_selector_all("details.filter", "all => all.forEach(d => { d.open = true; })")
    # Tabbing starts again from the top of the page, as on arrival: back past its first control.
    page.locator(".skip-link").focus()
    page.keyboard.press("Shift+Tab")


PAGES = {
    "home": (HOME, None), "listing": (LISTING, None), "closed listing": (CLOSED, None),
    "region": (REGION, None), "employer": (EMPLOYER, None), "statement": (ACCESSIBILITY, None),
    "page not found": (MISSING, None), "search": (SEARCH + "?q=engineer", open_every_filter),
    "insights": (INSIGHTS, None),
}


@pytest.mark.parametrize("path, prepare", PAGES.values(), ids=PAGES.keys())
def test_tab_reaches_every_control_with_focus_shown(page, path, prepare, page_errors):
    page.goto(path)
    if prepare:
        prepare(page)
    page_errors.clear()  # the page-not-found page logs its own 404
    controls = page.evaluate(MARK_CONTROLS, FOCUSABLE)
    reached = []
    for _ in range(len(controls) + 5):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_NOW)
        if focus is None or (reached and focus["key"] == reached[0]):
            break
        assert focus["key"] is not None, f"focus went somewhere unexpected: {focus['html']}"
        assert focus["outline"] >= 2, f"no visible focus indicator on {focus['html']}"
        assert focus["onScreen"] and focus["uncovered"], f"focus hidden: {focus}"
        reached.append(focus["key"])
    assert sorted(map(int, reached)) == list(range(len(controls))), "some controls were never reached"
    assert len(reached) == len(set(reached))


def test_skip_link_is_first_and_jumps_to_the_content(page):
    page.goto(LISTING)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    box = skip.bounding_box()
    assert box["x"] >= 0 and box["y"] >= 0 and box["width"] >= 24 and box["height"] >= 24
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.getElementById('main').contains(document.activeElement)")
    assert page.evaluate("() => document.activeElement.closest('.site-header')") is None


def test_search_with_the_keyboard_alone(page):
    page.goto(HOME)
    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Enter")
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "home-search":
            break
    page.keyboard.type("engineer")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=engineer")
    search_settled(page)
    # On a phone the filters open from their button, which comes before them.
    for name in ("Filters", "Region"):
        for _ in range(15):
            page.keyboard.press("Tab")
            if page.evaluate("() => document.activeElement.textContent") == name:
                break
        page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "f-region-north-east"
    page.keyboard.press("Space")
    page.wait_for_function("() => location.search === '?q=engineer&region=north-east'")
    assert search_settled(page).count() > 0
