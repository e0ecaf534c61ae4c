"""Markdown, parsed once by cmark (CommonMark, in time linear in its length), to safe HTML.

Raw HTML is left out, then the result is sanitised. The links and the raw HTML a text holds
are read from the parsed document, so what the validator checks is what a browser would get.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options
from markupsafe import Markup

from ..domain.text import replace_unsafe_characters, unsafe_character
from .links import link_problem

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a",
    "blockquote", "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td",
}
# A listing or story sits under the page's h1 and h2; a page of its own sits under its h1 alone.
LISTING_TOP_HEADING, PAGE_TOP_HEADING = 3, 2
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "td": set()}
LINK_REL = "nofollow ugc noopener noreferrer"
EXTENSIONS = ["table"]
OMITTED_HTML = "<!-- raw HTML omitted -->"
# The elements cmark marks with data-sourcepos, each closed by its end tag.
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "tr", "th", "td", "ul", "ol",
              "pre"}
# cmark writes headings as bare tags, and text that looks like one is escaped, so these are headings.
_HEADING = re.compile(r"<(/?)h([1-6])>")
# cmark writes a reference to U+FFFE or U+FFFF as a lone byte that is not UTF-8 (and its reader
# then fails); the character itself it passes through, so that the validator can name it.
_UNENCODED_REFERENCE = re.compile(r"&#(?:(?=\d{1,7};)0*(6553[45])|[xX](?=[0-9a-fA-F]{1,6};)0*([fF]{3}[eEfF]));")


def _as_character(reference: re.Match) -> str:
    decimal, hexadecimal = reference.groups()
    return chr(int(decimal)) if decimal else chr(int(hexadecimal, 16))


def _cmark(text: str, options: int = 0) -> str:
    text = _UNENCODED_REFERENCE.sub(_as_character, text)
    return cmarkgfm.markdown_to_html_with_extensions(text, options=options, extensions=EXTENSIONS)


def _demote_headings(html: str, top: int) -> str:
    """The page owns the headings above `top`: a text's highest heading becomes `top` and the rest follow.

    Shifting by the highest level used, not a fixed amount, keeps "## Support" from
    becoming an h4 straight under an h2, which screen reader users hear as a gap.
    """
    levels = [int(level) for _, level in _HEADING.findall(html)]
    if not levels:
        return html
    shift = top - min(levels)
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift)}>", html)


def _keep_safe_links(element: str, attribute: str, value: str) -> str | None:
    """The sanitiser applies the validator's link policy too, in case a link ever gets past it."""
    if attribute == "href" and (not value or link_problem(value) is not None):
        return None
    return value


def render_markdown(text: str, top_heading: int = LISTING_TOP_HEADING) -> Markup:
    """Render untrusted Markdown to HTML that is safe to put in a page, its headings from `top_heading` down.

    The validator refuses characters no page may carry; any that get past it are replaced here.
    """
    return Markup(replace_unsafe_characters(nh3.clean(
        _demote_headings(_cmark(text), top_heading),
        tags=ALLOWED_TAGS | {f"h{level}" for level in range(top_heading, 7)},
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "mailto"},
        link_rel=LINK_REL,
        strip_comments=True,
        attribute_filter=_keep_safe_links,
    )))


@dataclass(frozen=True)
class Found:
    """A link target (or left-out raw HTML) and the line of the text it is on, from 1."""

    target: str
    line: int


class _Scanner(HTMLParser):
    """Collects link targets, left-out HTML and characters no page may carry from cmark's output,
    with the line of their block."""

    def __init__(self, source_lines: list[str]):
        super().__init__(convert_charrefs=True)
        self.source_lines = source_lines
        self.blocks: list[tuple[int, int]] = []  # (first line, last line) of the blocks we are in
        self.last_line = 0  # the last line of the block that closed most recently
        self.links: list[Found] = []
        self.omitted: list[Found] = []
        self.unsafe: Found | None = None  # the first character no page may carry

    def handle_data(self, data):
        self.note_unsafe(data)

    def note_unsafe(self, text: str) -> None:
        character = None if self.unsafe else unsafe_character(text)
        if character is not None:
            # Written as itself, or else as a character reference.
            self.unsafe = Found(character, self.line_of(character, self.line_of("&#")))

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for _, value in attrs:
            self.note_unsafe(value or "")
        span = attributes.get("data-sourcepos")
        if span and tag in BLOCK_TAGS:
            start, end = span.split("-")
            self.blocks.append((int(start.split(":")[0]), int(end.split(":")[0])))
        target = attributes.get("href") if tag == "a" else attributes.get("src") if tag == "img" else None
        if target is not None:
            self.links.append(Found(target, self.line_of(target)))

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS and self.blocks:
            self.last_line = self.blocks.pop()[1]

    def handle_comment(self, data):
        if f"<!--{data}-->" != OMITTED_HTML:
            return
        # Inline HTML is inside a block; a block of HTML stands after the last block that closed.
        first, last = self.blocks[-1] if self.blocks else (self.last_line + 1, len(self.source_lines))
        line = next((number for number in range(first, last + 1) if "<" in self.source_lines[number - 1]), first)
        if not self.omitted or self.omitted[-1].line != line:
            self.omitted.append(Found("", line))
        if not self.blocks:  # the next block of HTML, if one follows straight on, stands below this one
            self.last_line = line

    def line_of(self, target: str, otherwise: int | None = None) -> int:
        """The line the target is written on (in its block, else a reference's definition); else `otherwise`,
        or its block's first line."""
        first, last = self.blocks[-1] if self.blocks else (1, len(self.source_lines))
        lines = list(range(first, min(last, len(self.source_lines)) + 1)) + list(range(1, len(self.source_lines) + 1))
        return next((number for number in lines if target and target in self.source_lines[number - 1]),
                    first if otherwise is None else otherwise)


# A listing's description is scanned for raw HTML and for unsafe characters one after the other:
# the second asks for the very scan the first made.
@functools.lru_cache(maxsize=4)
def _scan(text: str, options: int) -> _Scanner:
    scanner = _Scanner(text.split("\n"))
    scanner.feed(_cmark(text, options | Options.CMARK_OPT_SOURCEPOS))
    scanner.close()
    return scanner


def links_in(text: str) -> list[Found]:
    """Every link and image target in a Markdown text, as the parser reads it (references resolved, entities decoded)."""
    return _scan(text, Options.CMARK_OPT_UNSAFE).links


def raw_html_in(text: str) -> list[Found]:
    """Where a Markdown text holds raw HTML, which is left out of the page."""
    return _scan(text, 0).omitted


def first_unsafe_character_in(text: str) -> Found | None:
    """The first character no page may carry that the rendered text would hold, written as itself
    or as a reference, and its line."""
    return _scan(text, 0).unsafe
