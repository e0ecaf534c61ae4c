"""Rules that a schema cannot express: dates in order, sane pay, and wording that puts returners off.

Each check takes a schema-valid listing and yields Findings; the reader turns
their paths into file positions.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..domain.dates import months_after, parse_date

MAX_OPEN_MONTHS = 12
SHORT_NOTICE_DAYS = 7
RECENT_DAYS = 31  # a listing posted this recently that has already closed is probably a typo
TEXT_FIELDS = ("title", "summary", "description")
LISTING_DATES = ("posted", "closes", "starts")
EARLIEST_DATE, LATEST_DATE = dt.date(2000, 1, 1), dt.date(2099, 12, 31)

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


# Link targets in Markdown: [text](target), <target> autolinks and [label]: target definitions.
MARKDOWN_LINK = re.compile(
    r"\]\(\s*<?([^\s)>]*)|<([a-z][a-z0-9+.-]*:[^\s>]*)>|^[ \t]*\[[^\]]+\]:[ \t]*<?(\S+?)>?[ \t]*$",
    re.I | re.M,
)
EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[a-z]{2,}$", re.I)


def check_listing(data: dict, today: dt.date, employer_website: str | None, apply_hosts: frozenset[str]):
    """Every rule that needs more than one field, the employer, or today's date.

    `apply_hosts` are job sites an apply link may be on without a warning.
    """
    out_of_range = list(check_date_range(data, LISTING_DATES))
    yield from out_of_range
    if not out_of_range:
        yield from _dates(data, today)
    yield from _pay(data)
    yield from _apply(data, employer_website, apply_hosts)
    yield from _wording(data)
    yield from check_markdown_links(data["description"], ("description",))


def check_markdown_links(text: str, path: tuple):
    """Links in Markdown may go to https:// pages or a checked mailto: address, nowhere else."""
    for match in MARKDOWN_LINK.finditer(text):
        target = next(group for group in match.groups() if group is not None)
        problem = _link_problem(target)
        if problem:
            yield Finding(path, problem, "link to an https:// page or a mailto: address",
                          "error", match.start())


def _link_problem(target: str) -> str | None:
    lowered = "".join(target.split()).lower()
    if lowered.startswith("//"):
        return f"the link {target!r} has no https:// at the start"
    if lowered.startswith("mailto:"):
        return None if EMAIL.match(target[7:]) else f"the link {target!r} is not a valid email address"
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", lowered)
    if scheme and scheme.group(1) != "https":
        return f"links starting {scheme.group(1)}: are not allowed"
    return None


def check_lookalike_host(url: str, path: tuple):
    """An xn-- (punycode) host can imitate a familiar name letter for letter: a reviewer looks."""
    host = (urlsplit(url).hostname or "").lower()
    if any(label.startswith("xn--") for label in host.split(".")):
        yield Finding(path, "the web address uses an internationalised (xn--) domain",
                      "a reviewer will check it is really the employer's", "warning")


def _registered_domain(host: str) -> str:
    """The last two labels, or three under a two-part UK suffix such as .co.uk."""
    labels = host.lower().rstrip(".").split(".")
    keep = 3 if len(labels) > 2 and labels[-2] in {"co", "org", "ac", "gov", "nhs", "ltd", "plc"} else 2
    return ".".join(labels[-keep:])


def check_date_range(data: dict, fields: tuple[str, ...]):
    """Dates far from now are typing slips, and too far for the date sums the other rules do."""
    for name in fields:
        if name in data and not EARLIEST_DATE <= parse_date(data[name]) <= LATEST_DATE:
            yield Finding((name,), f"{data[name]} is not a date this board can show",
                          f"use a date from {EARLIEST_DATE.year} to {LATEST_DATE.year}, as YYYY-MM-DD")


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


def _apply(data, employer_website, apply_hosts):
    url = data["apply"].get("url")
    if not url:
        return
    host = (urlsplit(url).hostname or "").lower()
    yield from check_lookalike_host(url, ("apply", "url"))
    home = _registered_domain(urlsplit(employer_website).hostname or "") if employer_website else None
    if home and not any(host == domain or host.endswith("." + domain) for domain in (home, *apply_hosts)):
        yield Finding(("apply", "url"), f"the apply link is on {host}, not on the employer's website ({home})",
                      "a reviewer will check the link really belongs to the employer", "warning")


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
