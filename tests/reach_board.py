"""A small board whose listings go everywhere the site sends them (feeds, calendars, open data),
with text that is hostile to each of those formats."""

from __future__ import annotations

from pathlib import Path

from tests.boardtools import EMPLOYER, build, listing, write_content

# Syntax of iCalendar (; , \ and a line break), of XML and HTML, of JSON and of Markdown.
HOSTILE_TITLE = 'Lead <b>engineer</b>; tests, "quotes" \\ & ]]> {"json": 1} *not bold*'
HOSTILE_SUMMARY = ("<script>alert(1)</script> Semicolons; commas, back\\slashes and BEGIN:VEVENT "
                   "END:VCALENDAR & <![CDATA[x]]> for twenty characters.")
HOSTILE_EMPLOYER = dict(EMPLOYER, name="Tyne <i>Test</i> & Works; Ltd")

LISTINGS = {
    "hostile": listing(title=HOSTILE_TITLE, summary=HOSTILE_SUMMARY, starts="2027-03-01"),
    "remote-job": listing(title="Remote data analyst", type="job", sectors=["data-and-maths"], regions=["wales"],
                          location=None, workplace="remote", hours=["part-time"], duration_weeks=None,
                          route_to_permanent=None, posted="2026-11-10", closes="2026-12-10"),
    "closed-this-year": listing(title="Bridge inspector returnship", posted="2026-01-05", closes="2026-03-01"),
    "closed-long-ago": listing(title="Old returnship from last year", posted="2025-01-05", closes="2025-06-01"),
}
OPEN = ["hostile", "remote-job"]


def build_reach_board(root: Path) -> Path:
    content = write_content(root, LISTINGS, {"tyne-test-works": HOSTILE_EMPLOYER})
    output = root / "output"
    result = build(content, output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output
