"""Text from content as the board reads it: characters no page or feed can carry, names compared
as a reader tells them apart, and text made safe to print inside one line of a report."""

from __future__ import annotations

import re
import unicodedata

# XML 1.0, and so every feed, cannot carry C0 controls (but tab, newline and return), U+FFFE,
# U+FFFF or halves of surrogate pairs; the other noncharacters and the C1 controls mean nothing
# in a page; bidirectional overrides and isolates can make text read as something else.
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_BIDI_OVERRIDES = "\u202a-\u202e\u2066-\u2069"
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000))
_SURROGATES = "\ud800-\udfff"
_UNSAFE = re.compile(f"[{_CONTROLS}{_BIDI_OVERRIDES}{_NONCHARACTERS}{_SURROGATES}]")
# Default-ignorable characters that are not format characters (category Cf): fillers, variation
# selectors and tags draw nothing, so a name with them looks like the name without.
_IGNORABLE = re.compile("[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u3164\ufe00-\ufe0f\uffa0"
                        "\ufff0-\ufff8\U000e0000-\U000e0fff]")


def unsafe_character(text: str) -> str | None:
    """The first character of `text` that no page or feed may carry, if any."""
    found = _UNSAFE.search(text)
    return found.group(0) if found else None


def replace_unsafe_characters(text: str) -> str:
    """`text` with each such character replaced by U+FFFD, the replacement character."""
    return _UNSAFE.sub("\ufffd", text)


def unsafe_character_problem(text: str) -> str | None:
    """What is wrong with the first such character, in words, or None when there is none."""
    character = unsafe_character(text)
    if character is None:
        return None
    code = ord(character)
    if unicodedata.category(character) == "Cc":
        kind = "an invisible control character"
    elif 0xD800 <= code <= 0xDFFF:
        kind = "half of a surrogate pair, which is not a character"
    elif unicodedata.category(character) == "Cf":
        kind = "a bidirectional control character, which can disguise text"
    else:
        kind = "a noncharacter, which pages and feeds cannot carry"
    return f"contains {kind} (U+{code:04X})"


def _visible(text: str) -> str:
    return _IGNORABLE.sub("", "".join(c for c in text if unicodedata.category(c) != "Cf"))


def comparable(text: str) -> str:
    """Text as a reader tells it apart, for spotting repeats and look-alikes.

    Invisible characters go, compatibility forms fold into plain ones (NFKC: full-width letters,
    ligatures), case folds and runs of spaces become one.
    """
    if text.isascii():  # nothing to drop or fold but case: the same result, much sooner
        return " ".join(text.lower().split())
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", _visible(text)).casefold())
    return " ".join(_visible(folded).split())


def printable(text: str) -> str:
    """Text that stays inside one line of a log: line breaks, controls and invisible characters
    are shown as escapes (\\n, \\x1b, \\u202e), as Python's repr shows them."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                   for c in text)
