"""What the board prints cannot be turned against CI: text reports, GitHub annotations, the job
summary, and the issue converter's listing file and reply."""

from __future__ import annotations

import re
from pathlib import Path

import cmarkgfm
import pytest
import yaml
from cmarkgfm.cmark import Options
from hypothesis import given, settings
from hypothesis import strategies as st

from returnboard.cli.github_output import annotation, summary
from returnboard.cli.listing_text import render_employer, render_listing
from returnboard.content.data_files import load_vocabularies
from returnboard.content.problems import Problem, report_lines
from returnboard.content.yaml_loader import read_yaml_bytes
from returnboard.domain.text import printable, unsafe_character
from tests.boardtools import EMPLOYER, ROOT, listing, run_board, write_content
from tests.htmltools import parse

BODIES = ROOT / "tests" / "issue_bodies"
# The runner reads `::name properties::message` as a command, after leading whitespace, and the
# older `##[name]` form too.
COMMAND = re.compile(r"::(?P<name>[a-z]+) (?P<properties>[^:]*)::(?P<message>.*)")
HOSTILE_TEXT = ["::error::pwned", "a\n::warning file=x::pwned", "x\r::notice::y", "##[error]old form",
                "100% done, a:b", "%0A%25", " ::indented", "\u2028::after a line separator", "\x85nel",
                "`` ``` `", "a|b\\|c\\", "<img src=x onerror=alert(1)>", "[x](https://evil.example)",
                "a@evil.example www.evil.example @octocat #1", "<!-- x -->", "\x1b[31mred", "\u202eevil"]
hostile = st.one_of(st.sampled_from(HOSTILE_TEXT), st.text(max_size=40))


def starts_a_command(line: str) -> bool:
    return line.lstrip().startswith(("::", "##["))


def unescape_property(value: str) -> str:
    """As the runner reads a property (ActionCommand.UnescapeProperty)."""
    for escaped, plain in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(escaped, plain)
    return value


def unescape_data(value: str) -> str:
    """As the runner reads a message (ActionCommand.UnescapeData)."""
    for escaped, plain in (("%0D", "\r"), ("%0A", "\n"), ("%25", "%")):
        value = value.replace(escaped, plain)
    return value


def read_command(line: str) -> tuple[str, dict, str]:
    match = COMMAND.fullmatch(line)
    assert match, line
    properties = dict(part.split("=", 1) for part in match["properties"].split(","))
    return match["name"], {key: unescape_property(value) for key, value in properties.items()}, \
        unescape_data(match["message"])


def as_github_renders(markdown: str):
    """Markdown rendered as GitHub renders comments and job summaries (cmark-gfm with its extensions)."""
    return parse(cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE))


# Text reports.

@settings(max_examples=300, deadline=None)
@given(file=hostile, field=hostile, message=hostile, hint=hostile)
def test_a_report_line_is_one_line_that_no_runner_reads_as_a_command(file, field, message, hint):
    problem = Problem(file, 3, 4, field, message, hint)
    for line in report_lines([problem]):
        assert line.splitlines() == [line]
        assert not starts_a_command(line)
    assert printable(message) in str(problem)


def hostile_board(tmp_path: Path) -> Path:
    """A board whose file names, field names and values each try to start a line of their own."""
    content = write_content(tmp_path, {
        "::error::x.yaml": yaml.safe_dump(listing(title="Named like a command")),
        "two\n::error file=a::b.yaml": yaml.safe_dump(listing(title="Named over two lines")),
        "keys": yaml.safe_dump(listing(title="Field names", **{"::warning::x": 1, "a\n::notice::b": 2})),
        "first": listing(title="Test engineer\n::error::from a title"),
        "second": listing(title="Test engineer\n::error::from a title"),
    })
    (content / "placements" / "##[error]old.yaml").write_text(yaml.safe_dump(listing(title="Old form")))
    return content


def test_the_validators_report_keeps_content_inside_its_lines(tmp_path):
    content = hostile_board(tmp_path)
    placements = content / "placements"
    # Run from the placements folder, so that the file names start the report's lines.
    names = sorted(path.name for path in placements.iterdir())
    result = run_board("validate", "--content", content, *names, cwd=placements)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines and not any(starts_a_command(line) for line in lines), result.stderr
    assert "'::error::x.yaml':1:1: (file): the file name" in result.stderr
    assert "'##[error]old.yaml':1:1: (file)" in result.stderr
    assert "'two\\n::error file=a::b.yaml':1:1: (file)" in result.stderr
    assert ": '::warning::x': " in result.stderr and ": 'a\\n::notice::b': " in result.stderr
    assert "already lists `Test engineer\\n::error::from a title`" in result.stderr
    assert re.search(r"^\d+ error\(s\), \d+ warning\(s\)\.$", lines[-1])
    assert len(lines) == int(lines[-1].split()[0]) + int(lines[-1].split()[2]) + 1


def test_a_failed_build_prints_the_same_safe_report(tmp_path):
    content = hostile_board(tmp_path)
    result = run_board("build", "--settings", ROOT / "pelicanconf.py", "--content", content,
                       "--output", tmp_path / "output", cwd=content / "placements")
    assert result.returncode != 0
    assert "already lists `Test engineer\\n::error::from a title`" in result.stderr
    assert not any(starts_a_command(line) for line in result.stderr.splitlines()), result.stderr


# GitHub annotations and the job summary.

@settings(max_examples=300, deadline=None)
@given(file=hostile, field=hostile, message=hostile, hint=hostile, error=st.booleans())
def test_an_annotation_is_one_command_whose_parts_read_back_whole(file, field, message, hint, error):
    problem = Problem(file, 3, 4, field, message, hint, "error" if error else "warning")
    line = annotation(problem)
    assert line.splitlines() == [line]
    name, properties, text = read_command(line)
    assert name == ("error" if error else "warning")
    assert properties == {"file": printable(file), "line": "3", "col": "4", "title": printable(field)}
    assert text == printable(f"{message}." + (f" Fix: {hint}" if hint else ""))


SAFE_ELEMENTS = {"html", "head", "body", "h3", "p", "table", "thead", "tbody", "tr", "th", "td", "code"}


def summary_rows(markdown: str) -> list[list]:
    page = as_github_renders(markdown)
    assert {element.name for element in page.find_all(True)} <= SAFE_ELEMENTS, markdown
    return [row.find_all("td") for row in page.select("tbody tr")]


@settings(max_examples=300, deadline=None)
@given(file=hostile, field=hostile, message=hostile, hint=hostile)
def test_every_summary_cell_shows_its_text_and_nothing_else(file, field, message, hint):
    (row,) = summary_rows(summary([Problem(file, 3, 4, field, message, hint)], "1 file(s)"))
    assert len(row) == 6
    for cell, value in zip([row[1], row[3], row[4], row[5]], [file, field, message, hint]):
        assert cell.get_text() == (printable(value) if printable(value).strip() else "")


def test_the_github_format_run_annotates_and_summarises_hostile_content(tmp_path):
    content = hostile_board(tmp_path)
    summary_file = tmp_path / "summary.md"
    result = run_board("validate", "--content", content, "--format", "github",
                       env={"GITHUB_STEP_SUMMARY": str(summary_file)})
    assert result.returncode == 1
    commands = [read_command(line) for line in result.stdout.splitlines()]
    files = {properties["file"] for _, properties, _ in commands}
    assert str(content / "placements" / "two\\n::error file=a::b.yaml") in files
    assert str(content / "placements" / "::error::x.yaml") in files
    rows = summary_rows(summary_file.read_text(encoding="utf-8"))
    assert len(rows) == len(commands) and all(len(row) == 6 for row in rows)


# The issue converter.

VOCABULARIES = load_vocabularies(ROOT / "data")
text_value = st.one_of(st.sampled_from(HOSTILE_TEXT + ["2027-01-31\nstarts: 2027-02-01", "a: b", "# c", "- x",
                                                       "yes", "'q'", '"q"', "|", ">", "  lead\nx", "a\u2028b"]),
                       st.text(max_size=60))


def read_back(text: str):
    document = read_yaml_bytes(text.encode("utf-8"))
    return document.data, document.problems


def written_as(value: str) -> set[str]:
    """What an answer reads back as: itself, or, if it is written as a block, its lines ending in one newline."""
    return {value, value.strip("\n") + "\n"} if "\n" in value.strip("\n") else {value}


@settings(max_examples=200, deadline=None)
@given(values=st.fixed_dictionaries({}, optional={
    name: text_value for name in ("title", "employer", "location", "fee", "closes", "starts", "posted",
                                  "summary", "description")}),
       url=text_value, sectors=st.lists(text_value, max_size=3), pay=st.integers(0, 10**9))
def test_every_answer_is_one_yaml_value_that_reads_back_as_written(values, url, sectors, pay):
    data = dict(values, apply={"url": url}, sectors=sectors, pay={"min": pay, "period": "year"})
    read, problems = read_back(render_listing(data, VOCABULARIES))
    if any(unsafe_character(value) for value in [*values.values(), url, *sectors]):
        assert problems  # refused, not read as something else
        return
    assert problems == []
    assert set(read) == set(data)
    for key, value in values.items():
        assert read[key] in written_as(value)
    assert read["apply"].keys() == {"url"} and read["apply"]["url"] in written_as(url)
    assert read["sectors"] == sectors and read["pay"] == data["pay"]


@settings(max_examples=100, deadline=None)
@given(name=text_value, website=text_value)
def test_a_new_employers_answers_read_back_as_written(name, website):
    read, problems = read_back(render_employer({"name": name, "website": website}))
    if unsafe_character(name + website):
        assert problems
        return
    assert problems == [] and set(read) == {"name", "website"}
    assert read["name"] in written_as(name) and read["website"] in written_as(website)


def convert(content: Path, body: str, tmp_path: Path, comment: Path | None = None):
    file = tmp_path / "issue.md"
    file.write_text(body, encoding="utf-8")
    extra = ["--comment", comment] if comment else []
    return run_board("from-issue", "--body", file, "--out", content / "placements", *extra, cwd=tmp_path)


def answer(body: str, label: str, text: str) -> str:
    """The issue body with the answer under `### label` replaced."""
    return re.sub(rf"(### {re.escape(label)}\n\n)(.*?)(\n\n###|\Z)", lambda m: m[1] + text + m[3], body,
                  count=1, flags=re.S)


@pytest.fixture
def content(tmp_path) -> Path:
    return write_content(tmp_path, {}, {"tyne-test-works": EMPLOYER})


EXISTING = (BODIES / "returnship-existing-employer.md").read_text(encoding="utf-8")
NEW_EMPLOYER = (BODIES / "new-employer-programme.md").read_text(encoding="utf-8")


def test_a_closing_date_over_several_lines_adds_no_field(content, tmp_path):
    body = answer(EXISTING, "Start date", "_No response_")
    body = answer(body, "Closing date", "2027-01-31\nstarts: 2027-02-01\n# a comment")
    result = convert(content, body, tmp_path)
    assert result.returncode == 1, result.stdout
    reasons = result.stderr.splitlines()[1:]
    assert reasons and all(reason.startswith("- Closing date: ") for reason in reasons), result.stderr
    assert list((content / "placements").iterdir()) == []


def test_the_reply_keeps_every_answer_inside_its_code_block(content, tmp_path):
    body = answer(EXISTING, "Pay from (£)", "12\n````\n# Approved! [merge it](https://evil.example) @maintainers")
    body = answer(body, "Pay up to (£)", "<img src=x onerror=alert(1)> ```` ``")
    comment = tmp_path / "comment.md"
    result = convert(content, body, tmp_path, comment)
    assert result.returncode == 1
    page = as_github_renders(comment.read_text(encoding="utf-8"))
    assert {element.name for element in page.body.find_all(True)} == {"p", "pre", "code"}
    (block,) = page.select("pre")
    assert block.get_text().splitlines() == [
        "- Pay from (£): '12\\n````\\n# Approved! [merge it](https://evil.example) @maintainers' is not a number "
        "(write digits only, such as 38000)",
        "- Pay up to (£): '<img src=x onerror=alert(1)> ```` ``' is not a number (write digits only, such as 38000)"]
    paragraphs = [p.get_text() for p in page.select("p")]
    assert paragraphs == ["Thank you! Some answers need a change before this can become a listing:",
                          "Please edit the issue. A maintainer will then convert it again."]


def test_reasons_that_quote_answers_stay_on_their_lines(content, tmp_path):
    body = answer(EXISTING, "Title", "Bridge inspection engineer\n::error::pwned")
    assert convert(content, body, tmp_path).returncode == 0
    again = convert(content, body, tmp_path)
    assert again.returncode == 1
    assert not any(starts_a_command(line) for line in again.stderr.splitlines()), again.stderr
    assert "already lists `Bridge inspection engineer\\n::error::pwned\\n`" in again.stderr


@pytest.mark.parametrize("name, website", [
    ("Tyne Test Works", "https://tyne-test-works.example"),  # even the same answers: the id says it
    ("Tyne Test Works", "https://impostor.example"),
    ("Tyne-Test  WORKS!", "https://tyne-test-works.example"),
])
def test_a_new_organisation_is_never_attached_to_an_existing_employer(content, tmp_path, name, website):
    body = answer(answer(NEW_EMPLOYER, "Organisation name (first listing only)", name),
                  "Organisation website (first listing only)", website)
    result = convert(content, body, tmp_path)
    assert result.returncode == 1
    assert "- Organisation name (first listing only): there is already an employer `tyne-test-works` on the " \
           "board (if that is your organisation, give `tyne-test-works` as the Employer id" in result.stderr
    assert list((content / "placements").iterdir()) == []
    assert [path.name for path in (content / "employers").iterdir()] == ["tyne-test-works.yaml"]
