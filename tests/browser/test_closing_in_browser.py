"""A listing built while open says it has closed, and offers no way to apply, once its closing
date has passed in the UK, even if the site has not been rebuilt since: the browser's clock is set."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from returnboard.cli.serve import Site
from returnboard.domain.dates import UK
from tests.boardtools import ROOT, build, listing, write_content
from tests.browser.conftest import check_and_close, open_context
from tests.browser.pages import LISTING, axe_violations, describe

SUMMER_CLOSES = dt.date(2027, 6, 30)


def closes(path: str) -> dt.date:
    data = yaml.safe_load((ROOT / "content" / "placements" / f"{path.strip('/').split('/')[-1]}.yaml").read_text())
    return dt.date.fromisoformat(str(data["closes"]))


def at(day: dt.date, hour: int, minute: int = 0, tz=UK) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=tz)


def visit(browser, base_url: str, path: str, now: dt.datetime, script: bool = True, axe: str | None = None):
    context = open_context(browser, base_url, now=now, java_script_enabled=script)
    if axe:
        context.add_init_script(axe)  # as the accessibility tests add it, under the site's CSP
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(path)
    return context, page, errors


def shows_closed(page) -> bool:
    notice = page.get_by_role("heading", name="This opportunity has closed")
    apply = page.get_by_role("heading", name="How to apply")
    assert notice.is_visible() != apply.is_visible()
    return notice.is_visible()


@pytest.fixture(scope="module")
def summer_site(tmp_path_factory):
    """A listing closing in British Summer Time, when the UK's day ends an hour before UTC's."""
    root = tmp_path_factory.mktemp("summer")
    result = build(write_content(root, {"summer-role": listing(closes=SUMMER_CLOSES.isoformat())}),
                   root / "output")
    assert result.returncode == 0, result.stderr
    with Site(root / "output") as running:
        yield running


def test_a_listing_is_open_all_through_its_closing_day(browser, site):
    for moment in (at(closes(LISTING), 0, 1), at(closes(LISTING), 23, 59)):
        context, page, errors = visit(browser, site.url, LISTING, moment)
        assert not shows_closed(page), moment
        assert page.get_by_role("link", name="Add the closing date to your calendar").is_visible()
        assert not errors
        check_and_close(context)


def test_the_day_after_it_closes_the_page_says_closed_and_hides_the_apply_button(browser, site, axe_source):
    context, page, errors = visit(browser, site.url, LISTING, at(closes(LISTING) + dt.timedelta(days=1), 0, 1),
                                  axe=axe_source)
    assert shows_closed(page)
    assert page.get_by_role("status").filter(has_text="no longer taking applications").is_visible()
    assert not page.locator(".apply a.button").is_visible()
    assert not page.get_by_text("apply by the end of this day").is_visible()
    assert page.get_by_role("link", name="Report a problem with this listing").is_visible()
    violations = axe_violations(page)
    assert not violations, describe(violations)
    assert not errors
    check_and_close(context)


def test_without_javascript_the_page_stays_as_it_was_built(browser, site):
    context, page, _ = visit(browser, site.url, LISTING, at(closes(LISTING) + dt.timedelta(days=30), 12),
                             script=False)
    assert not shows_closed(page)
    check_and_close(context)


def test_the_day_ends_at_midnight_in_the_uk_not_in_utc(browser, summer_site):
    # 23:30 UTC on the closing day is already 00:30 the next day in London (BST).
    context, page, _ = visit(browser, summer_site.url, "/placements/summer-role/",
                             at(SUMMER_CLOSES, 23, 30, tz=dt.timezone.utc))
    assert shows_closed(page)
    check_and_close(context)
    context, page, _ = visit(browser, summer_site.url, "/placements/summer-role/",
                             at(SUMMER_CLOSES, 22, 30, tz=dt.timezone.utc))
    assert not shows_closed(page)
    check_and_close(context)
