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
    """The page owns h1 and h2; a listing's highest heading becomes h3 and the rest follow.

    Shifting by the highest level used, not a fixed amount, keeps "## Support" from
    becoming an h4 straight under an h2, which screen reader users hear as a gap.
    """

    def run(self, root):
        headings = [e for e in root.iter() if len(e.tag) == 2 and e.tag[0] == "h" and e.tag[1].isdigit()]
        if not headings:
            return
        shift = 3 - min(int(e.tag[1]) for e in headings)
        for element in headings:
            element.tag = f"h{min(6, int(element.tag[1]) + shift)}"


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
