"""One link policy, with addresses read as browsers read them (the WHATWG URL standard).

Python's own parser and a browser can disagree about where an address goes:
`https://evil.example\\@employer.example/` is evil.example to a browser. Every check
here asks a WHATWG parser instead.
"""

from __future__ import annotations

import re

import ada_url

# Where a relative link would resolve: any host that is not a real one will do.
BOARD_BASE = "https://board.invalid/"
EMAIL = re.compile(r"^[^@\s<>\"]+@[^@\s<>\"]+\.[a-z]{2,}$", re.I)
# A mailto: link may fill in the subject line (URL-encoded), but not add copies or a body.
MAILTO_QUERY = re.compile(r"^(subject=[^&=#\s]*)?$", re.I)
# Browsers drop these from the ends of an address, and tabs and newlines from inside it.
_IGNORED_BY_BROWSERS = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$|[\t\n\r]")


def _as_browsers_read(target: str) -> str:
    return _IGNORED_BY_BROWSERS.sub("", target)


def _parse(address: str, base: str | None = None):
    try:
        return ada_url.URL(address, base) if base else ada_url.URL(address)
    except ValueError:
        return None


def link_problem(target: str) -> str | None:
    """What is wrong with a link in Markdown, or None: https:// pages, a valid mailto:, a page here (/…) or a part (#…)."""
    cleaned = _as_browsers_read(target)
    if "\\" in cleaned or "%5c" in cleaned.lower():  # the parser writes a backslash as %5C
        return f"the link {target!r} has a backslash, which browsers read as /"
    if cleaned.lower().startswith("mailto:"):
        address, _, query = cleaned[7:].partition("?")
        if not EMAIL.match(address):
            return f"the link {target!r} is not a valid email address"
        return None if MAILTO_QUERY.match(query) else f"the link {target!r} may fill in a subject, nothing more"
    url = _parse(cleaned, BOARD_BASE)
    if url is None:
        return f"the link {target!r} is not a web address a browser can follow"
    if url.protocol not in ("https:", "mailto:"):
        return f"links starting {url.protocol} are not allowed"
    if url.host != "board.invalid" and not cleaned.lower().startswith("https://"):
        return f"the link {target!r} has no https:// at the start"
    if url.host == "board.invalid" and not cleaned.startswith(("/", "#", "https://")):
        return f"the link {target!r} is not a full web address: start it with https://"
    if url.username or url.password:
        return f"the link {target!r} has a name before @ in its address, which hides where it goes"
    return None


def web_address_problem(address: str) -> str | None:
    """What is wrong with an apply link or a website, or None."""
    if "\\" in address:
        return "has a backslash, which browsers read as /, so it may not go where it seems to"
    url = _parse(address)
    if url is None or url.protocol != "https:" or not url.hostname:
        return "is not a web address a browser can follow"
    if url.username or url.password:
        return "has a name before @ in its address, which hides where it really goes"
    return None


def host_of(address: str) -> str:
    """The host a browser would go to, in ASCII (punycode) form; empty if there is none."""
    url = _parse(_as_browsers_read(address))
    return url.hostname.lower() if url is not None else ""


def is_punycode(host: str) -> bool:
    """Whether a host has an internationalised (xn--) label, which can imitate a familiar name."""
    return any(label.startswith("xn--") for label in host.split("."))


def registered_domain(host: str) -> str:
    """The last two labels, or three under a two-part UK suffix such as .co.uk."""
    labels = host.lower().rstrip(".").split(".")
    keep = 3 if len(labels) > 2 and labels[-2] in {"co", "org", "ac", "gov", "nhs", "ltd", "plc"} else 2
    return ".".join(labels[-keep:])


def is_within(host: str, domains) -> bool:
    """Whether `host` is one of `domains` or under one of them."""
    return any(host == domain or host.endswith("." + domain) for domain in domains)
