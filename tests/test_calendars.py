"""Closing dates go into calendars: each open listing's file and the board's, read back with icalendar."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar

from tests.boardtools import EMPLOYER, build, listing, write_content
from tests.htmltools import page, text
from tests.reach_board import HOSTILE_EMPLOYER, HOSTILE_SUMMARY, HOSTILE_TITLE, OPEN


def read(path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def test_a_listing_calendar_holds_its_closing_date_with_a_reminder_and_its_start(reach_site):
    calendar = read(reach_site / "placements" / "hostile" / "closing-date.ics")
    # Made from its events' own text: exactly what icalendar writes for the calendar it reads.
    assert calendar.to_ical() == (reach_site / "placements" / "hostile" / "closing-date.ics").read_bytes()
    assert calendar["version"] == "2.0" and calendar["prodid"]
    closing, starts = calendar.events
    assert closing["summary"] == f"Closing date: {HOSTILE_TITLE}, {HOSTILE_EMPLOYER['name']}"
    assert closing.decoded("dtstart") == dt.date(2027, 1, 31)  # all day: a date, not a time
    assert closing.decoded("dtend") == dt.date(2027, 2, 1)
    assert closing["description"].startswith(HOSTILE_SUMMARY + "\n\n")
    assert closing["description"].endswith("/placements/hostile/")
    (alarm,) = closing.walk("VALARM")
    assert alarm["action"] == "DISPLAY"
    # At 9 in the morning three days before the closing day begins.
    assert alarm.decoded("trigger") == -dt.timedelta(days=3) + dt.timedelta(hours=9)
    assert starts["summary"] == f"Starts: {HOSTILE_TITLE}, {HOSTILE_EMPLOYER['name']}"
    assert starts.decoded("dtstart") == dt.date(2027, 3, 1)
    assert not starts.walk("VALARM")
    assert closing["uid"] != starts["uid"]


def test_hostile_text_stays_inside_its_property(reach_site):
    raw = (reach_site / "placements" / "hostile" / "closing-date.ics").read_bytes()
    lines = raw.decode("utf-8").split("\r\n")
    # The summary's "BEGIN:VEVENT" and "END:VCALENDAR" never start a line of their own.
    assert lines.count("BEGIN:VEVENT") == 2 and lines.count("END:VCALENDAR") == 1
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)  # folded as RFC 5545 asks


def test_a_listing_without_a_start_date_has_only_its_closing_date(reach_site):
    (closing,) = read(reach_site / "placements" / "remote-job" / "closing-date.ics").events
    assert closing.decoded("dtstart") == dt.date(2026, 12, 10)


def test_only_open_listings_have_a_calendar_and_a_link_to_it(reach_site):
    for slug in OPEN:
        html = page(reach_site, f"placements/{slug}/")
        (link,) = [a for a in html.find_all("a") if text(a) == "Add the closing date to your calendar"]
        assert link["href"] == f"/placements/{slug}/closing-date.ics"
    html = page(reach_site, "placements/closed-this-year/")
    assert not [a for a in html.find_all("a") if "calendar" in text(a)]
    assert not (reach_site / "placements" / "closed-this-year" / "closing-date.ics").exists()


def test_the_board_calendar_holds_every_open_closing_date_once(reach_site):
    calendar = read(reach_site / "closing-dates.ics")
    # Made from each listing's own event text: exactly what icalendar writes for the calendar it reads.
    assert calendar.to_ical() == (reach_site / "closing-dates.ics").read_bytes()
    events = calendar.events
    assert [event.decoded("dtstart") for event in events] == [dt.date(2026, 12, 10), dt.date(2027, 1, 31)]
    assert not calendar.walk("VALARM")
    # The same event as in the listing's own file, so importing both does not add it twice.
    own = read(reach_site / "placements" / "remote-job" / "closing-date.ics").events[0]
    assert events[0]["uid"] == own["uid"]


def test_a_title_over_several_lines_stays_one_property(tmp_path):
    title = "Lead engineer\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:Injected"
    output = tmp_path / "output"
    assert build(write_content(tmp_path, {"lines": listing(title=title)}), output).returncode == 0
    calendar = read(output / "placements" / "lines" / "closing-date.ics")
    (event,) = calendar.events
    assert event["summary"] == f"Closing date: {title}, {EMPLOYER['name']}"
    # An X- property is read back as written: escaped as text, with no line break left in it.
    escaped = title.replace("\n", "\\n") + "\\, " + EMPLOYER["name"]
    assert calendar["x-wr-calname"].to_ical().decode() == escaped
    assert len(read(output / "closing-dates.ics").events) == 1
