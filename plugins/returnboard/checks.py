"""Rules that a schema cannot express: dates in order, sane pay, and wording that puts returners off.

Each check takes a schema-valid listing and yields Findings; the reader turns
their paths into file positions.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import months_after, parse_date

MAX_OPEN_MONTHS = 12
SHORT_NOTICE_DAYS = 7
RECENT_DAYS = 31  # a listing posted this recently that has already closed is probably a typo
TEXT_FIELDS = ("title", "summary", "description")

# After GOV.UK's guidance on hiring returners: phrases that shut out people with a career break.
UNFRIENDLY_WORDING = [
    (re.compile(r"\brecent (?:\w+ )?experience\b", re.I), "asks for recent experience",
     "returners have had a break: ask for the skills you need, not when they were used"),
    (re.compile(r"\bno (?:career |employment |cv )?gaps?\b|\bgap-free\b", re.I), "asks for no gaps",
     "remove it: a career break is what this board is for"),
    (re.compile(r"\bcontinuous (?:employment|experience|work)\b", re.I), "asks for continuous employment",
     "remove it: a career break is what this board is for"),
    (re.compile(r"\bimmediate start\b|\bstart immediately\b", re.I), "asks for an immediate start",
     "returners often need notice to arrange care: give a start date or say it is flexible"),
    (re.compile(r"\b(?:must|should) have (?:been )?(?:worked|employed|working)\b[^.\n]{0,40}"
                r"\b(?:last|past|previous) (?:\w+ )?(?:years?|months?)\b", re.I),
     "asks for work in the last few years",
     "returners have had a break: ask for the skills you need, not when they were used"),
    (re.compile(r"\bcurrently (?:employed|working)\b", re.I), "asks for people currently in work",
     "remove it: returners are, by definition, not working now"),
]
PLACEHOLDERS = re.compile(
    r"\b(?:TODO|TBC|TBD|FIXME|XXX+|REPLACE(?: ME)?|lorem ipsum)\b|<[a-z]+(?: [a-z]+){1,5}>|\[\[.*?\]\]",
    re.I,
)


@dataclass(frozen=True)
class Finding:
    path: tuple
    message: str
    hint: str
    severity: str = "error"
    offset: int | None = None  # where in a text value, for a line number inside it


def check_listing(data: dict, today: dt.date):
    """Every rule that needs more than one field, or today's date."""
    yield from _dates(data, today)
    yield from _pay(data)
    yield from _apply(data)
    yield from _wording(data)


def _dates(data, today):
    posted, closes = parse_date(data["posted"]), parse_date(data["closes"])
    latest = months_after(posted, MAX_OPEN_MONTHS)
    if closes <= posted:
        yield Finding(("closes",), f"closes on {closes}, which is not after it was posted ({posted})",
                      "set a closing date after the posting date")
    elif closes > latest:
        yield Finding(("closes",), f"closes more than {MAX_OPEN_MONTHS} months after it was posted",
                      f"close it by {latest}, and post it again later if needed")
    elif closes < today:
        if (today - posted).days <= RECENT_DAYS:
            yield Finding(("closes",), f"closed on {closes}, so it will show as closed",
                          "check the closing date", "warning")
    elif (closes - today).days < SHORT_NOTICE_DAYS:
        yield Finding(("closes",), f"closes in under a week ({closes})",
                      "give returners at least two weeks: many need time to arrange care", "warning")
    if "starts" in data and parse_date(data["starts"]) < posted:
        yield Finding(("starts",), "starts before the listing was posted", "check the start date")


def _pay(data):
    pay = data.get("pay")
    if not pay:
        return
    if pay.get("max") is not None and pay["max"] < pay["min"]:
        yield Finding(("pay", "max"), f"the most ({pay['max']}) is less than the least ({pay['min']})",
                      "swap `min` and `max`")
    if pay.get("max") is None:
        yield Finding(("pay",), "gives no pay range",
                      "add `max:` too: a range helps returners judge the level of the role", "warning")


def _apply(data):
    url = data["apply"].get("url", "")
    if url and url.split("/")[2].lower().startswith("xn--"):
        yield Finding(("apply", "url"), "the web address uses an internationalised (xn--) domain",
                      "a reviewer will check it is really the employer's", "warning")


def _wording(data):
    for field in TEXT_FIELDS:
        text = data[field]
        placeholder = PLACEHOLDERS.search(text)
        if placeholder:
            yield Finding((field,), f"still has the template's placeholder {placeholder.group(0)!r}",
                          "replace it with your own words", "error", placeholder.start())
        for pattern, problem, hint in UNFRIENDLY_WORDING:
            found = pattern.search(text)
            if found:
                yield Finding((field,), f"{problem} ({found.group(0)!r})", hint, "warning", found.start())
