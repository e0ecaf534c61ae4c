"""Random input, beyond mutations: random nesting, random Unicode and random metadata, for the
validator and the issue converter alike. Nothing crashes or hangs, every file is published or
refused with a message, and nothing a file says reaches a report line as a CI command.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import yaml
from hypothesis import HealthCheck, Phase, assume, event, example, given, settings
from hypothesis import strategies as st

from returnboard.cli.build import render_site, site_settings
from returnboard.cli.from_issue import IssueInvalid, convert
from returnboard.content.board import read_board
from returnboard.content.cross_file_checks import _plain_values
from returnboard.content.problems import report_lines
from returnboard.content.yaml_loader import read_yaml_bytes
from tests.boardtools import EMPLOYER, LISTING, ROOT, listing, write_content
from tests.htmltools import parse
from tests.test_hostile import PAGE_RISKS, SETTINGS, TODAY, accepted_or_refused, live_markup

SCHEMA_FIELDS = set(yaml.safe_load((ROOT / "schemas" / "placement.schema.json").read_text())["properties"])
ISSUE_BODY = (Path(__file__).parent / "issue_bodies" / "returnship-existing-employer.md").read_text(encoding="utf-8")

# Any character at all, surrogates included: a file that cannot be UTF-8 must be refused as such.
any_text = st.text(st.characters(codec=None), max_size=60)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), any_text)
nested = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(any_text, inner, max_size=3)), max_leaves=40)
config = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def read_one(tmp: Path, raw: bytes):
    """The board with one listing file holding `raw`, read as the validator reads it."""
    shutil.rmtree(tmp / "content", ignore_errors=True)
    content = write_content(tmp, {})
    (content / "placements" / "hostile.yaml").write_bytes(raw)
    return read_board(content, SETTINGS)


def dumped(data) -> bytes:
    """YAML for `data`; text that UTF-8 cannot hold is written as the bytes Python would send."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8", "surrogatepass")


def assert_reported_safely(board) -> None:
    """Every problem names the file and a real place in it, and no report line could be a CI command."""
    for problem in board.problems:
        assert problem.file.endswith("hostile.yaml") and problem.line >= 1 and problem.column >= 1
        assert problem.message
    for line in report_lines(board.problems):
        assert "\n" not in line and "\r" not in line
        assert not line.lstrip().startswith("::")


@config
@given(value=nested, field=st.sampled_from(sorted(SCHEMA_FIELDS)))
def test_random_nesting_in_any_field_is_published_or_refused(tmp_path, value, field):
    board = read_one(tmp_path, dumped(listing(**{field: value})))
    event(accepted_or_refused(board))
    assert_reported_safely(board)


@config
@given(document=nested)
def test_a_random_document_is_refused_with_a_message(tmp_path, document):
    board = read_one(tmp_path, dumped(document))
    assert accepted_or_refused(board) == "refused"
    assert_reported_safely(board)


@config
@given(extra=st.dictionaries(any_text, scalars, min_size=1, max_size=4))
def test_random_metadata_is_refused_naming_each_field_safely(tmp_path, extra):
    assume(not set(extra) & set(LISTING))
    board = read_one(tmp_path, dumped({**LISTING, **extra}))
    assert accepted_or_refused(board) == "refused"
    assert_reported_safely(board)


@config
@given(texts=st.fixed_dictionaries({name: any_text for name in ("title", "summary", "location")}))
def test_random_unicode_in_text_fields_is_published_or_refused(tmp_path, texts):
    data = listing(title=f"Role {texts['title']}", summary=f"A returnship for you. {texts['summary']}" + " " * 10,
                   location=f"Town {texts['location']}")
    board = read_one(tmp_path, dumped(data))
    event(accepted_or_refused(board))
    assert_reported_safely(board)


# Each example builds a site; a failure is only shrunk, not explained.
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])
@given(title=st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40))
def test_whatever_unicode_is_accepted_makes_well_formed_feeds_and_pages(tmp_path, title):
    shutil.rmtree(tmp_path / "site", ignore_errors=True)
    content = write_content(tmp_path / "site", {"hostile": listing(title=f"Role {title}")})
    board = read_board(content, SETTINGS)
    event(accepted_or_refused(board))
    assume(not board.errors)
    output = tmp_path / "site" / "output"
    render_site(site_settings(str(ROOT / "pelicanconf.py"), output, str(content), {"BOARD_TODAY": TODAY}), output)
    for feed in (output / "feeds").rglob("*.atom.xml"):
        ElementTree.parse(feed)  # a character XML cannot carry would make this raise
    page = parse((output / "placements" / "hostile" / "index.html").read_text(encoding="utf-8"))
    assert live_markup(page, PAGE_RISKS) == []


ANSWERED = ["Title", "Town or city", "Closing date", "How to apply", "Summary", "Description", "Pay from (£)",
            "Length in weeks", "Start date", "Employer id"]


@config
# An issue body arrives as UTF-8 text, so it holds any character but a lone surrogate.
@example(question="Title", answer="000\t0")  # a tab in plain YAML text, which some readers refuse
@given(question=st.sampled_from(ANSWERED),
       answer=st.text(st.characters(exclude_categories=("Cs",)), max_size=60).filter(lambda text: text.strip()))
def test_any_answer_to_the_issue_form_makes_a_valid_listing_or_is_refused(tmp_path, question, answer):
    shutil.rmtree(tmp_path / "content", ignore_errors=True)
    content = write_content(tmp_path, {}, {"tyne-test-works": EMPLOYER})
    heading = f"### {question}\n\n"
    start = ISSUE_BODY.index(heading) + len(heading)
    end = ISSUE_BODY.find("\n### ", start)
    body = ISSUE_BODY[:start] + answer + "\n" + ISSUE_BODY[end:]
    try:
        written = convert(body, content / "placements", content, SETTINGS)
    except IssueInvalid as invalid:
        event("refused")
        assert invalid.reasons and all(reason.strip() for reason in invalid.reasons)
        assert list((content / "placements").iterdir()) == []
        return
    event("written")
    [listing_file] = [path for path in written if path.parent.name == "placements"]
    data = yaml.safe_load(listing_file.read_text(encoding="utf-8"))
    assert set(data) <= SCHEMA_FIELDS  # an answer never becomes keys of its own
    assert read_board(content, SETTINGS).errors == []


# Mostly letters and digits with YAML's meaningful characters among them, so that many values are plain.
title_like = st.one_of(st.text(st.characters(codec="ascii"), max_size=30),
                       st.text(st.sampled_from("aeEnoxsyY0189 _-+.()#:,'\"[]&*!|>%@`~\t"), max_size=12))


@settings(max_examples=400, deadline=None)
@given(title_like, title_like)
@example("2026-11-30", "x")
@example("Yes", "x")
@example("0b101", "x")
@example("1_000", "x")
@example("A # b", "x")
@example("Engineer (part time)", "tame-valley-rail")
def test_the_quick_reading_of_title_lines_is_yamls_reading(title, employer):
    """Checking one listing reads the others' one-line titles without YAML when they are plain
    text: whenever it does, it must read exactly what YAML reads."""
    lines = [f"title: {title}".encode(), f"employer: {employer}".encode()]
    assume(all(b"\n" not in line and b"\r" not in line for line in lines))
    quick = _plain_values(lines)
    event("read quickly" if quick else "left to YAML")
    if quick is not None:
        assert quick == read_yaml_bytes(b"\n".join(lines)).data
