"""iCalendar files: each open listing's closing date (and start date), and one calendar of them all.

Text goes in through the icalendar library, which escapes what iCalendar treats as syntax
(commas, semicolons, backslashes, line breaks), so a title stays the text it is.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urlsplit

from icalendar import Alarm, Calendar, Event, vText

from ..kept import Shelf
from ..parallel import parallel_map
from ..settings import site_root

CALENDAR_FILE = "closing-date.ics"
BOARD_CALENDAR = "closing-dates.ics"
# An all-day event starts at midnight: 63 hours before it is 9 in the morning three days earlier,
# a time to be reminded rather than woken.
REMINDER = dt.timedelta(days=-3, hours=9)
END_EVENT = b"END:VEVENT\r\n"
END_CALENDAR = b"END:VCALENDAR\r\n"


def calendar_url(placement) -> str:
    return f"{placement.url}{CALENDAR_FILE}"


def _calendar(name: str, site_name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", f"-//{site_name}//Closing dates//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", vText(name))  # an X- property is not known to be text unless told
    return calendar


def _day_event(placement, kind: str, day: dt.date, summary: str, site: str, host: str) -> Event:
    """An all-day event; its UID is the same in every file, so a calendar never holds it twice."""
    link = f"{site}{placement.url}"
    event = Event()
    event.add("uid", f"{placement.slug}-{kind}@{host}")
    event.add("dtstamp", dt.datetime.combine(placement.posted, dt.time(), tzinfo=dt.timezone.utc))
    event.add("dtstart", day)
    event.add("dtend", day + dt.timedelta(days=1))
    event.add("summary", summary)
    event.add("description", f"{placement.summary}\n\n{link}")
    event.add("transp", "TRANSPARENT")  # a reminder, not a time the returner is busy
    if urlsplit(link).scheme:
        event.add("url", link)
    return event


def _closing_event(placement, site: str, host: str) -> Event:
    return _day_event(placement, "closes", placement.closes,
                      f"Closing date: {placement.title}, {placement.employer.name}", site, host)


def _holding(component: bytes, end: bytes, inside: bytes) -> bytes:
    """iCalendar's text of a component with other components' text inside it, before its END
    line: what icalendar writes for the one holding the others, with each written only once."""
    return component[:-len(end)] + inside + end


def made_calendars(placement, site: str, site_name: str) -> tuple[bytes, bytes]:
    """A listing's own calendar (its closing date with a reminder three days before, and its start
    date if it has one), and its closing date as an event for the board's calendar."""
    host = urlsplit(site).hostname or "localhost"
    closing = _closing_event(placement, site, host).to_ical()
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", REMINDER)
    alarm.add("description", f"Applications close in 3 days: {placement.title}")
    events = _holding(closing, END_EVENT, alarm.to_ical())
    if placement.starts:
        events += _day_event(placement, "starts", placement.starts,
                             f"Starts: {placement.title}, {placement.employer.name}", site, host).to_ical()
    own = _calendar(f"{placement.title}, {placement.employer.name}", site_name).to_ical()
    return _holding(own, END_CALENDAR, events), closing


def board_calendar(events: list[bytes], site_name: str) -> bytes:
    """Every open listing's closing event, in order, without reminders: one for each would be too many."""
    return _holding(_calendar(f"{site_name}: closing dates", site_name).to_ical(), END_CALENDAR, b"".join(events))


def write_calendars(settings, output_path, open_placements, keys: list[str], workers: int, kept: Shelf) -> None:
    """Each listing's calendar and closing event, kept from an earlier build under its key in
    `keys` (a hash of everything it is made from) or made over `workers` processes (iCalendar's
    folding is slow), then the board's."""
    site = site_root(settings)
    name = settings["SITENAME"]
    output = Path(output_path)
    found = kept.get([entry for key in keys for entry in (key, f"{key}-closing")])
    known = {key: (found.get(key), found.get(f"{key}-closing")) for key in keys}
    wanted = [(placement, key) for placement, key in zip(open_placements, keys) if None in known[key]]
    made = parallel_map(lambda placement: made_calendars(placement, site, name),
                        [placement for placement, _ in wanted], workers)
    for (_, key), (own, closing) in zip(wanted, made):
        known[key] = own, closing
        kept.keep(key, own)
        kept.keep(f"{key}-closing", closing)
    kept.keep_only(entry for key in known for entry in (key, f"{key}-closing"))
    for placement, key in zip(open_placements, keys):
        (output / calendar_url(placement)).write_bytes(known[key][0])
    in_order = sorted(zip(open_placements, keys), key=lambda each: (each[0].closes, each[0].slug))
    (output / BOARD_CALENDAR).write_bytes(board_calendar([known[key][1] for _, key in in_order], name))
