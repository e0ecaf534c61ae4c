"""Listing Markdown to safe HTML: raw HTML is escaped, then the result is sanitised."""

from __future__ import annotations

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "ul", "ol", "li", "a", "h3", "h4", "h5", "h6",
    "blockquote", "code", "pre", "hr", "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}, "td": set()}
LINK_REL = "nofollow ugc noopener noreferrer"


class _DemoteHeadings(Treeprocessor):
    """The page owns h1 and h2; a listing's own headings start at h3."""

    def run(self, root):
        for element in root.iter():
            if len(element.tag) == 2 and element.tag[0] == "h" and element.tag[1].isdigit():
                element.tag = f"h{min(6, int(element.tag[1]) + 2)}"


def _markdown() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["sane_lists", "tables"], output_format="html")
    # Raw HTML in a listing is shown as text, never passed through.
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_DemoteHeadings(md), "demote_headings", 0)
    return md


_MD = _markdown()


def render_markdown(text: str) -> Markup:
    """Render untrusted Markdown to HTML that is safe to put in a page."""
    html = _MD.reset().convert(text)
    return Markup(
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes={"https", "mailto"},
            link_rel=LINK_REL,
            strip_comments=True,
        )
    )
