"""The board's own pages (content/pages/): read, checked and rendered by the board like any content."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from jsonschema import Draft202012Validator

from returnboard.content.data_files import load_vocabularies
from returnboard.domain.addresses import board_folders
from tests.boardtools import ROOT, build, listing, run_board, write_content
from tests.htmltools import hrefs, page, text
from tests.test_pelican_contract import pelican, settings_file

PAGES = ROOT / "content" / "pages"

PAGE = """---
title: About us
summary: Who runs the board, and how to get in touch with them about it.
---
We run the board.

## Get in touch

Write to [us](mailto:hello@example.org).
"""


def with_page(tmp_path, name: str, text: str):
    """A small good board with one page added."""
    content = write_content(tmp_path, {"good": listing()})
    (content / "pages").mkdir()
    (content / "pages" / name).write_text(text, encoding="utf-8")
    return content


def front_matter_and_body(path):
    _, details, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(details), body


def test_page_schema_is_a_valid_schema():
    Draft202012Validator.check_schema(json.loads((ROOT / "schemas" / "page.schema.json").read_text()))


@pytest.mark.parametrize("path", sorted(PAGES.glob("*.md")), ids=lambda path: path.stem)
def test_sample_pages_keep_their_title_headings_links_and_summary(sample_site, path):
    details, body = front_matter_and_body(path)
    html = page(sample_site, f"{path.stem}/")
    assert [text(heading) for heading in html.main.find_all("h1")] == [details["title"]]
    assert [text(heading) for heading in html.main.find_all("h2")] == re.findall(r"^## (.+)$", body, re.M)
    assert not html.main.find_all(["h3", "h4", "h5", "h6"])
    assert hrefs(html.main) == re.findall(r"\]\(([^)]+)\)", body)
    assert html.find("meta", attrs={"name": "description"})["content"] == details["summary"]
    first_words = " ".join(body.split()[:12])
    assert first_words in text(html.main)


def test_a_page_is_checked_when_validate_is_asked_for_it():
    result = run_board("validate", PAGES / "about.md")
    assert result.returncode == 0, result.stderr
    assert "All good: 1 file(s) checked." in result.stdout


def test_raw_html_in_a_page_is_left_out_with_a_warning_at_its_line(tmp_path):
    hostile = ('\n<meta http-equiv="refresh" content="0; url=https://evil.example/">\n'
               '\n<script>alert(1)</script>\n\nText with <iframe src="https://evil.example/"></iframe> in it.\n')
    content = with_page(tmp_path, "about.md", PAGE + hostile)
    validated = run_board("validate", "--content", content)
    assert validated.returncode == 0, validated.stderr
    warnings = [line for line in validated.stderr.splitlines() if "about.md:" in line]
    assert {"11", "15"} <= {line.split(":")[2] for line in warnings}
    assert all("(page): has HTML in it, which is left out of the page" in line for line in warnings)
    output = tmp_path / "output"
    result = build(content, output)
    assert result.returncode == 0, result.stderr
    html = page(output, "about/")
    assert not html.find("meta", attrs={"http-equiv": re.compile("refresh", re.I)})
    assert not html.main.find_all(["script", "iframe", "meta"])
    assert "Get in touch" in text(html.main)


@pytest.mark.parametrize("link", ["javascript:alert(1)", "//evil.example/", "data:text/html,hi",
                                  "http://evil.example/"])
def test_a_dangerous_link_in_a_page_stops_the_build_at_its_line(tmp_path, link):
    content = with_page(tmp_path, "about.md", PAGE + f"\nSee [this]({link}).\n")
    validated = run_board("validate", "--content", content)
    assert validated.returncode == 1
    [line] = [line for line in validated.stderr.splitlines() if "about.md:" in line]
    assert ":11:1: (page): " in line
    result = build(content, tmp_path / "output")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert line in result.stderr
    assert not (tmp_path / "output").exists()


@pytest.mark.parametrize("metadata", [
    "save_as: index.html", "Save_as: placements/good/index.html", "URL: placements/good/", "url: regions/",
    "slug: search", "template: placement", "status: hidden", "lang: fr", "author: Someone",
])
def test_metadata_that_could_move_a_page_or_is_unknown_is_refused_at_its_line(tmp_path, metadata):
    content = with_page(tmp_path, "about.md", PAGE.replace("---\nWe run", f"{metadata}\n---\nWe run"))
    key = metadata.split(":")[0]
    validated = run_board("validate", "--content", content)
    assert validated.returncode == 1
    assert re.search(rf"about\.md:4:\d+: {re.escape(key)}: `{re.escape(key)}` is not a field we know", validated.stderr)
    result = build(content, tmp_path / "output")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Nothing was published" in result.stderr


def test_a_page_in_pelicans_own_metadata_format_is_refused(tmp_path):
    content = with_page(tmp_path, "takeover.md", "Title: Home\nSave_as: index.html\n\n<h1>Taken over</h1>\n")
    validated = run_board("validate", "--content", content)
    assert validated.returncode == 1
    assert "takeover.md:1:1: (file): the file does not start with a `---` line" in validated.stderr
    assert build(content, tmp_path / "output").returncode == 1


@pytest.mark.parametrize("name", ["regions", "placements", "search", "stories", "feeds", "page", "pagefind",
                                  "hours"])
def test_a_page_named_like_the_boards_own_address_is_refused(tmp_path, name):
    content = with_page(tmp_path, f"{name}.md", PAGE)
    validated = run_board("validate", "--content", content)
    assert validated.returncode == 1
    assert (f"{name}.md:1:1: (file): this page would be at /{name}/, which is the board's own address "
            "(rename the file: its name is the page's address)") in validated.stderr


def test_no_page_can_take_a_folder_the_board_writes(sample_site):
    """The reserved names cover every top-level folder the built site has but its pages'."""
    page_slugs = {path.stem for path in PAGES.glob("*.md")}
    folders = {path.name for path in sample_site.iterdir() if path.is_dir()}
    assert folders - page_slugs <= board_folders(load_vocabularies(ROOT / "data"))
    assert page_slugs <= folders
    assert not page_slugs & board_folders(load_vocabularies(ROOT / "data"))


def test_a_page_missing_its_details_is_named(tmp_path):
    content = with_page(tmp_path, "about.md", PAGE.replace("summary: Who runs the board, and how to get in touch "
                                                           "with them about it.\n", ""))
    validated = run_board("validate", "--content", content)
    assert validated.returncode == 1
    assert "about.md:2:1: summary: `summary` is missing" in validated.stderr


@pytest.mark.parametrize("name", ["secrets.rst", "about.html", "about.markdown", "about.txt"])
def test_a_page_in_any_other_format_is_refused(tmp_path, name):
    secret = tmp_path / "secret.txt"
    secret.write_text("the machine's secret", encoding="utf-8")
    content = with_page(tmp_path, name, f"Secrets\n=======\n\n.. include:: {secret}\n")
    validated = run_board("validate", "--content", content)
    assert validated.returncode == 1
    assert f"{name}:1:1: (file): `{name}` is not a page file" in validated.stderr
    output = tmp_path / "output"
    assert build(content, output).returncode == 1
    assert not output.exists()


def test_pelican_reads_no_page_itself_even_when_its_settings_ask(tmp_path):
    """reStructuredText can include any file on the machine: Pelican is left no reader to read it with."""
    secret = tmp_path / "secret.txt"
    secret.write_text("the machine's secret", encoding="utf-8")
    content = write_content(tmp_path, {"good": listing()})
    (content / "extra").mkdir()
    (content / "extra" / "leak.rst").write_text(f"Leak\n====\n\n:slug: leak\n\n.. include:: {secret}\n")
    (content / "extra" / "raw.md").write_text("Title: Raw\nSlug: raw\n\n<script>alert(1)</script>\n")
    settings = settings_file(tmp_path, BOARD_TODAY="2026-11-22", PAGE_PATHS=["extra"],
                             PAGE_URL="{slug}/", PAGE_SAVE_AS="{slug}/index.html")
    output = tmp_path / "output"
    result = pelican(settings, content, output)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (output / "placements" / "good" / "index.html").exists()
    assert not (output / "leak").exists() and not (output / "raw").exists()
    leaked = [path for path in output.rglob("*") if path.is_file() and b"machine's secret" in path.read_bytes()]
    assert leaked == []
