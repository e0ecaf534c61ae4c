"""Rules that a schema cannot express: dates in order, sane pay and hours, partners' websites, and
wording that puts returners off.

Each check takes a schema-valid listing and yields Findings; the reader turns
their paths into file positions.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..domain.dates import months_after, parse_date
from ..domain.text import unsafe_character_problem
from .links import host_of, is_punycode, is_within, link_problem, registered_domain, web_address_problem
from .markdown_html import first_unsafe_character_in, links_in, raw_html_in

MAX_OPEN_MONTHS = 12
SHORT_NOTICE_DAYS = 7
RECENT_DAYS = 31  # a listing posted this recently that has already closed is probably a typo
TEXT_FIELDS = ("title", "summary", "description")
LISTING_DATES = ("posted", "updated", "closes", "starts")
EARLIEST_DATE, LATEST_DATE = dt.date(2000, 1, 1), dt.date(2099, 12, 31)

# After GOV.UK's guidance on hiring returners: phrases that shut out people with a career break.
# Each is (pattern, what it asks for, how to put it right, whether a sentence can say the opposite
# with it: "you do not need recent experience" is welcoming, "no gaps" has no welcoming reading).
UNFRIENDLY_WORDING = [
    (re.compile(r"\brecent (?:\w+ )?experience\b", re.I), "asks for recent experience",
     "returners have had a break: ask for the skills you need, not when they were used", True),
    (re.compile(r"\bno (?:career |employment |cv )?gaps?\b|\bgap-free\b", re.I), "asks for no gaps",
     "remove it: a career break is what this board is for", False),
    (re.compile(r"\bcontinuous (?:employment|experience|work)\b", re.I), "asks for continuous employment",
     "remove it: a career break is what this board is for", True),
    (re.compile(r"\bimmediate start\b|\bstart immediately\b", re.I), "asks for an immediate start",
     "returners often need notice to arrange care: give a start date or say it is flexible", True),
    (re.compile(r"\b(?:must|should) have (?:been )?(?:worked|employed|working)\b[^.\n]{0,40}"
                r"\b(?:last|past|previous) (?:\w+ )?(?:years?|months?)\b", re.I),
     "asks for work in the last few years",
     "returners have had a break: ask for the skills you need, not when they were used", False),
    (re.compile(r"\bcurrently (?:employed|working)\b", re.I), "asks for people currently in work",
     "remove it: returners are, by definition, not working now", True),
]
# A demand turned round: "you do not need …", "… is not required", "… doesn't matter".
NEGATOR = re.compile(r"\b(?:not|no|never|without|nor|neither|cannot)\b|n['’]t\b", re.I)
NEGATED_AFTER = re.compile(
    r"[^.!?;]{0,30}?\b(?:is|are|isn['’]t|aren['’]t)?\s*(?:not (?:needed|required|necessary|essential|expected|asked for)"
    r"|n['’]t (?:needed|required|necessary|essential|expected|matter)|fine|welcome|ok(?:ay)?|optional"
    r"|(?:does|do) not matter)\b", re.I)
CLAUSE_END = re.compile(r"[.!?;:,\n]|\b(?:and|but)\b", re.I)


@dataclass(frozen=True)
class Finding:
    path: tuple
    message: str
    hint: str
    severity: str = "error"
    offset: int | None = None  # where in a text value, for a line number inside it


def check_listing(data: dict, today: dt.date, employer_website: str | None, apply_hosts: frozenset[str]):
    """Every rule that needs more than one field, the employer, or today's date.

    `apply_hosts` are job sites an apply link may be on without a warning.
    """
    out_of_range = list(check_date_range(data, LISTING_DATES))
    yield from out_of_range
    if not out_of_range:
        yield from _dates(data, today)
    yield from _pay(data)
    yield from _hours_per_week(data)
    yield from _contract(data)
    yield from _partners(data)
    yield from _apply(data, employer_website, apply_hosts)
    yield from _wording(data)
    yield from check_markdown_links(data["description"], ("description",))


def check_markdown_links(text: str, path: tuple):
    """Links in Markdown may go to https:// pages or a checked mailto: address, nowhere else.

    They are read from the parsed document, so reference links and character references count.
    Raw HTML is left out of the page: the employer is told, so that nothing vanishes unexplained.
    A character no page or feed can carry is refused, whether written as itself or as a reference.
    """
    starts = _line_starts(text)
    unsafe = first_unsafe_character_in(text)
    if unsafe:
        yield Finding(path, unsafe_character_problem(unsafe.target),
                      "delete it (a character reference such as &#1; counts too), or retype the text",
                      "error", starts[unsafe.line - 1])
    for link in links_in(text):
        problem = link_problem(link.target)
        if problem:
            yield Finding(path, problem, "link to an https:// page or a mailto: address",
                          "error", starts[link.line - 1])
    for html in raw_html_in(text):
        yield Finding(path, "has HTML in it, which is left out of the page",
                      "write it in Markdown instead: **bold**, - lists, [a link](https://example.com)",
                      "warning", starts[html.line - 1])


def _line_starts(text: str) -> list[int]:
    """The offset in `text` where each of its lines starts."""
    starts = [0]
    starts += [index + 1 for index, character in enumerate(text) if character == "\n"]
    return starts


def check_web_address(url: str, path: tuple):
    """An apply link or website must go where it seems to; an internationalised host gets a look."""
    problem = web_address_problem(url)
    if problem:
        yield Finding(path, f"the address {url!r} {problem}",
                      "write the plain https:// address of the page, as the browser's address bar shows it")
        return
    host = host_of(url)
    if is_punycode(host):
        yield Finding(path, f"the web address uses an internationalised (xn--) domain, {host}",
                      "a reviewer will check it is really the employer's", "warning")


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
    if "updated" in data and not posted <= parse_date(data["updated"]) <= today:
        yield Finding(("updated",), f"was last changed on {data['updated']}, which is not between "
                      f"posting ({posted}) and today ({today})", "set it to the day you change the listing")


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


def _hours_per_week(data):
    hours = data.get("hours_per_week")
    if isinstance(hours, dict) and hours["max"] < hours["min"]:
        yield Finding(("hours_per_week", "max"), f"the most ({hours['max']}) is less than the least ({hours['min']})",
                      "swap `min` and `max`")


def _contract(data):
    contract = data.get("contract")
    if isinstance(contract, dict) and contract["type"] == "permanent" and "months" in contract:
        yield Finding(("contract", "months"), "a permanent contract has no length",
                      "remove `months:`, or set `type: fixed-term`")


def _partners(data):
    """A partner's website is checked as an employer's is: it must go where it seems to."""
    for index, partner in enumerate(data.get("partners", [])):
        yield from check_web_address(partner["website"], ("partners", index, "website"))


def _apply(data, employer_website, apply_hosts):
    """Apply links and addresses on another domain than the employer's are flagged for the reviewer."""
    url, email = data["apply"].get("url"), data["apply"].get("email")
    if url:
        found = list(check_web_address(url, ("apply", "url")))
        yield from found
        if any(finding.severity == "error" for finding in found):
            return
    home = registered_domain(host_of(employer_website)) if employer_website else None
    if not home:
        return
    if url and not is_within(host_of(url), (home, *apply_hosts)):
        yield Finding(("apply", "url"), f"the apply link is on {host_of(url)}, not on the employer's website ({home})",
                      "a reviewer will check the link really belongs to the employer", "warning")
    if email and not is_within(email.rsplit("@", 1)[-1].lower(), (home,)):
        yield Finding(("apply", "email"),
                      f"the apply address is at {email.rsplit('@', 1)[-1]}, not at the employer's domain ({home})",
                      "a reviewer will check the address really belongs to the employer", "warning")


def _wording(data):
    for field in TEXT_FIELDS:
        text = data[field]
        for pattern, problem, hint, can_be_negated in UNFRIENDLY_WORDING:
            for found in pattern.finditer(text):
                if not (can_be_negated and _negated(text, found)):
                    yield Finding((field,), f"{problem} ({found.group(0)!r})", hint, "warning", found.start())
                    break


def _negated(text: str, found: re.Match) -> bool:
    """Whether the clause says the opposite of the demand: "you do not need recent experience".

    Two negatives make a demand again: "we cannot consider anyone without recent experience".
    """
    starts = [match.end() for match in CLAUSE_END.finditer(text, 0, found.start())]
    before = " ".join(text[starts[-1] if starts else 0:found.start()].split()[-8:])
    return len(NEGATOR.findall(before)) % 2 == 1 or bool(NEGATED_AFTER.match(text, found.end()))
