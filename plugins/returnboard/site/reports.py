"""The link on every listing to report a problem with it: the repository's issue form, with the
listing's address and title filled in (GitHub fills a form's fields from the query string)."""

from __future__ import annotations

from urllib.parse import urlencode

REPORT_FORM = "report-listing.yml"


def report_url(repository_url: str, site_url: str, placement) -> str:
    query = urlencode({"template": REPORT_FORM, "title": f"Report: {placement.title}",
                       "listing": f"{site_url}/{placement.url}"})
    return f"{repository_url}/issues/new?{query}"
