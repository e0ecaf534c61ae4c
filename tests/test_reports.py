"""Every listing links to the "Report a problem with a listing" issue form, with its address filled in."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from tests.boardtools import ROOT, build, listing, write_content
from tests.htmltools import page, text
from tests.reach_board import HOSTILE_TITLE, LISTINGS

FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "report-listing.yml"
KINDS = ["It has closed or been filled", "A link does not work", "It looks like a scam or is misleading",
         "Some details are wrong"]


def form() -> dict:
    return yaml.safe_load(FORM.read_text(encoding="utf-8"))


def test_the_report_form_is_a_labelled_issue_form_with_the_four_kinds():
    data = form()
    assert data["name"] == "Report a problem with a listing" and data["description"]
    assert data["labels"] == ["report"]  # not `listing`, which is for new listings
    fields = {element["id"]: element for element in data["body"] if "id" in element}
    assert [element["type"] for element in data["body"]] == ["markdown", "input", "dropdown", "textarea"]
    assert fields["listing"]["type"] == "input" and fields["listing"]["validations"]["required"]
    assert fields["kind"]["attributes"]["options"] == KINDS and fields["kind"]["validations"]["required"]
    labels = [element["attributes"]["label"] for element in data["body"] if "id" in element]
    assert len(set(labels)) == len(labels)


def report_link(html):
    (link,) = [a for a in html.find_all("a") if text(a) == "Report a problem with this listing"]
    return urlsplit(link["href"])


@pytest.mark.parametrize("slug", sorted(LISTINGS))
def test_every_listing_open_or_closed_links_to_the_form_with_its_address(reach_site, slug):
    address = report_link(page(reach_site, f"placements/{slug}/"))
    assert (address.scheme, address.netloc, address.path) == ("https", "github.com",
                                                             "/return-to-stem/board/issues/new")
    query = parse_qs(address.query, strict_parsing=True)
    assert query == {"template": [FORM.name], "listing": [f"/placements/{slug}/"],
                     "title": [f"Report: {LISTINGS[slug]['title']}"]}


def test_a_hostile_title_reaches_the_form_as_the_same_text(reach_site):
    query = parse_qs(report_link(page(reach_site, "placements/hostile/")).query)
    assert query["title"] == [f"Report: {HOSTILE_TITLE}"]


def test_the_published_site_fills_in_the_full_address(tmp_path: Path):
    output = tmp_path / "output"
    result = build(write_content(tmp_path, {"role": listing()}), output, settings="publishconf.py")
    assert result.returncode == 0, result.stderr
    query = parse_qs(report_link(page(output, "placements/role/")).query)
    assert query["listing"] == ["https://returntostem.org.uk/placements/role/"]
