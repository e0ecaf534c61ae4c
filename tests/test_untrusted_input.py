"""Untrusted input, every path in: what the validator is asked to check, pathological files, and output to CI."""

from __future__ import annotations

import pytest
import yaml

from returnboard.content.markdown_html import raw_html_in
from tests.boardtools import ROOT, listing, run_board, write_content
from tests.test_stories import story


@pytest.mark.parametrize("make_path, message", [
    (lambda content: content / "placements" / "no-such-listing.yaml", "there is no such file"),
    (lambda content: ROOT / "README.md", "the file is not in the content folder"),
    (lambda content: content / "placements" / "notes.txt", "is not a listing file"),
    (lambda content: content / "pages" / "about.md", "the file does not start with a `---` line"),
    (lambda content: content / "notes.txt", "this is not a kind of file that validate checks"),
])
def test_a_file_that_cannot_be_checked_is_named_not_passed(tmp_path, make_path, message):
    content = write_content(tmp_path, {"good": listing(), "notes.txt": "x\n"})
    (content / "notes.txt").write_text("x\n", encoding="utf-8")
    (content / "pages").mkdir()
    (content / "pages" / "about.md").write_text("Title: About\n\nAbout us.\n", encoding="utf-8")
    path = make_path(content)
    result = run_board("validate", "--content", content, path)
    assert result.returncode == 1
    assert "All good" not in result.stdout
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    [line] = [line for line in result.stderr.splitlines() if line.startswith(f"{shown}:1:1: (file): ")]
    assert message in line


def test_a_good_file_asked_for_by_name_is_checked(tmp_path):
    content = write_content(tmp_path, {"good": listing()})
    result = run_board("validate", "--content", content, content / "placements" / "good.yaml")
    assert result.returncode == 0, result.stderr
    assert "All good: 1 file(s) checked." in result.stdout


@pytest.mark.parametrize("nested", ["[" * 30000 + "]" * 30000, "{a: " * 12000 + "}" * 12000])
def test_nesting_thousands_deep_is_an_error_at_its_line_not_a_crash(tmp_path, nested):
    content = write_content(tmp_path, {"good": listing(), "deep": f"title: Deep role\nregions: {nested}\n"})
    result = run_board("validate", "--content", content)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "deep.yaml:2:" in result.stderr and "values are nested too deeply" in result.stderr


@pytest.mark.parametrize("changes, field", [
    ({"posted": "9999-12-01", "closes": "9999-12-31"}, "posted"),
    ({"starts": "0001-01-01"}, "starts"),
])
def test_a_listing_date_far_out_of_range_is_an_error_at_its_line(tmp_path, changes, field):
    content = write_content(tmp_path, {"far": listing(**changes)})
    result = run_board("validate", "--content", content)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    [line] = [line for line in result.stderr.splitlines() if f": {field}: " in line]
    assert "far.yaml:" in line and "is not a date this board can show" in line


def test_a_story_date_far_out_of_range_is_an_error_at_its_line(tmp_path):
    content = write_content(tmp_path, {"good": listing()})
    (content / "stories").mkdir()
    (content / "stories" / "far-future.md").write_text(story(published="9999-12-31"), encoding="utf-8")
    result = run_board("validate", "--content", content)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "far-future.md:" in result.stderr and "published: 9999-12-31 is not a date" in result.stderr


@pytest.mark.parametrize("url, message", [
    ("https://evil.example\\@tyne-test-works.example/apply", "has a backslash"),
    ("https://jobs@tyne-test-works.example/apply", "has a name before @"),
])
def test_an_apply_link_that_hides_where_it_goes_is_refused(tmp_path, url, message):
    content = write_content(tmp_path, {"tricky": listing(apply={"url": url})})
    result = run_board("validate", "--content", content)
    assert result.returncode == 1
    [line] = [line for line in result.stderr.splitlines() if ": apply.url: " in line]
    assert "tricky.yaml:" in line and message in line


def test_a_non_ascii_host_is_shown_as_browsers_show_it(tmp_path):
    content = write_content(tmp_path, {"accented": listing(apply={"url": "https://tyne-tést-works.example/apply"})})
    result = run_board("validate", "--content", content)
    assert result.returncode == 0, result.stderr
    punycode = "tyne-tést-works".encode("idna").decode()
    assert f"internationalised (xn--) domain, {punycode}.example" in result.stderr


def test_an_apply_email_on_another_domain_is_flagged_like_a_link(tmp_path):
    content = write_content(tmp_path, {
        "elsewhere": listing(apply={"email": "jobs@tyne-test-w0rks.example"}),
        "at-home": listing(title="Another role", apply={"email": "jobs@careers.tyne-test-works.example"}),
    })
    result = run_board("validate", "--content", content)
    assert result.returncode == 0, result.stderr
    [line] = [line for line in result.stderr.splitlines() if "apply.email" in line]
    assert "elsewhere.yaml" in line and "not at the employer's domain (tyne-test-works.example)" in line


@pytest.mark.parametrize("description, marker, message", [
    ("Apply [here][how].\n\nMore text for returners coming back.\n\n[how]: javascript:alert(1)\n", "[how]:",
     "links starting javascript: are not allowed"),
    ("Apply [here](&#106;avascript:alert(1)) with a mentor beside you.\n", "&#106;", "links starting javascript:"),
    ("Apply [here](/\\evil.example/) with a mentor beside you.\n", "evil.example", "has a backslash"),
    ("A mentor from day one.\n\n<b>Bold</b> words here for you.\n", "<b>", "has HTML in it, which is left out"),
])
def test_links_are_checked_as_the_parsed_text_has_them(tmp_path, description, marker, message):
    text = yaml.safe_dump(listing(description=None), sort_keys=False) + "description: |\n" + "".join(
        f"  {line}\n" for line in ("## The role", "", *description.splitlines()))
    content = write_content(tmp_path, {"linked": text})
    result = run_board("validate", "--content", content)
    [line] = [number for number, line in enumerate(text.splitlines(), start=1) if marker in line]
    found = [report for report in result.stderr.splitlines() if ": description: " in report and message in report]
    assert found, result.stderr
    assert f"linked.yaml:{line}:3: description: " in found[0]


def test_markdown_that_makes_parsers_backtrack_is_checked_without_stalling(tmp_path):
    # Twenty thousand brackets took Python-Markdown about a minute; a linear parser takes milliseconds.
    content = write_content(tmp_path, {"brackets": listing(description="## The role\n\n" + "[" * 19000)})
    result = run_board("validate", "--content", content)
    assert result.returncode == 0, result.stderr


def test_each_block_of_raw_html_is_named_at_its_own_line():
    text = 'Intro.\n\n<meta http-equiv="refresh" content="0">\n\n<script>alert(1)</script>\n\nText <b>x</b>\n'
    assert [found.line for found in raw_html_in(text)] == [3, 5, 7]
