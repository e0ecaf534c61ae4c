"""Each measured site must have built what it was given: else its time would flatter it."""

from __future__ import annotations

import json
from pathlib import Path


def count_pages(site: Path, listing_pages: str, listings: int) -> int:
    """The HTML pages in `site`, once its listings' own pages are all there."""
    found = len(list(site.glob(listing_pages)))
    if found != listings:
        raise SystemExit(f"bench: {site} has {found} listing pages, not {listings}")
    return sum(1 for _ in site.rglob("*.html"))


def check_pagefind(site: Path, listings: int) -> None:
    """Pagefind's index holds at least every listing."""
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    indexed = sum(language["page_count"] for language in entry["languages"].values())
    if indexed < listings:
        raise SystemExit(f"bench: {site}'s search index holds {indexed} pages, not {listings}")
