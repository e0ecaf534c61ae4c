"""Browser fixtures: one Debian Chromium per run, driving the sample board served on 127.0.0.1.

Every context refuses requests that leave the site and fails its test if one was tried,
or if any cookie was set; every page fails its test on a script error.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from returnboard.cli.serve import Site
from returnboard.domain.dates import UK
from tests.boardtools import ROOT, SAMPLE_TODAY, build, listing, write_content

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
PHONE = {"width": 390, "height": 844}
AXE = ROOT / "tools" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
HERE = Path(__file__).parent
# The browser's clock reads the day the sample board was built for, so closing.js sees what the build saw.
BOARD_NOON = dt.datetime.combine(dt.date.fromisoformat(SAMPLE_TODAY), dt.time(12), tzinfo=UK)


def pytest_collection_modifyitems(items):
    """Everything in this folder drives a browser: `-m "not browser"` skips it."""
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site(sample_site):
    with Site(sample_site, record=True) as running:
        yield running


@pytest.fixture(scope="session")
def paged_site(tmp_path_factory):
    """A board with more open listings than fit on one page, so lists are paginated."""
    root = tmp_path_factory.mktemp("paged")
    listings = {f"test-role-{n:02d}": listing(title=f"Test role number {n}",
                                              posted=f"2026-10-{1 + n % 28:02d}")
                for n in range(1, 56)}
    result = build(write_content(root, listings), root / "output")
    assert result.returncode == 0, result.stderr
    with Site(root / "output") as running:
        yield running


@pytest.fixture(scope="session")
def browser():
    assert Path(CHROMIUM).exists(), f"the browser tests need Chromium at {CHROMIUM}: apt-get install chromium"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


class Guard:
    """Aborts and remembers every request to anywhere but the site under test."""

    def __init__(self):
        self.offsite: list[str] = []

    def route(self, route):
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.offsite.append(url)
            route.abort("blockedbyclient")


def open_context(browser, base_url: str, **options):
    """A fresh context on the site at a phone's size, with the off-site guard on, on the board's day."""
    now = options.pop("now", BOARD_NOON)
    context = browser.new_context(base_url=base_url, viewport=options.pop("viewport", PHONE), **options)
    context.clock.set_fixed_time(now)
    context.guard = Guard()
    context.route("**/*", context.guard.route)
    return context


def check_and_close(context):
    cookies = context.cookies()
    context.close()
    assert not context.guard.offsite, f"requests left the site: {context.guard.offsite}"
    assert not cookies, f"cookies were set: {cookies}"


@pytest.fixture
def context(browser, site):
    context = open_context(browser, site.url)
    yield context
    check_and_close(context)


@pytest.fixture
def page_errors():
    """Script and console errors the page reported; a test that expects some clears them."""
    return []


@pytest.fixture
def page(context, page_errors):
    page = context.new_page()
    page.on("pageerror", lambda error: page_errors.append(f"script error: {error}"))
    page.on("console", lambda m: m.type == "error" and page_errors.append(f"console: {m.text}"))
    yield page
    assert not page_errors, page_errors


@pytest.fixture(scope="session")
def axe_source():
    assert AXE.exists(), f"{AXE} is missing: `make test` installs it (npm ci in tools/browser/)"
    return AXE.read_text(encoding="utf-8")

