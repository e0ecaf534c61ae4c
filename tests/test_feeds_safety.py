"""Feeds and pages carry text as text: markup in a summary is never live, and characters that XML
cannot carry are refused by the validator with their line, wherever they are written."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest
import yaml

from returnboard.content.markdown_html import render_markdown
from returnboard.domain.text import unsafe_character
from tests.boardtools import EMPLOYER, build, listing, run_board, write_content
from tests.test_stories import story

ATOM = "{http://www.w3.org/2005/Atom}"
# Text that is odd but fair: markup, entities, CDATA ends, quotes, astral and invisible-but-allowed
# characters. The validator accepts it, so every feed must still carry it as the text it is.
HOSTILE_TITLE = 'Lead <i>engineer</i> & "tester" ]]> \U0001f9ea\u200d'
HOSTILE_SUMMARY = ("<b>Bold</b> <script>alert(1)</script> &amp; <![CDATA[x]]> ]]> 'quoted' "
                   "<a href=\"https://evil.example\">click</a> \u2028 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 text.")
HOSTILE_EMPLOYER = dict(EMPLOYER, name="Tyne <b>Test</b> & Works ]]>")
# Not XML 1.0 characters, or noncharacters, or controls: one of each kind, from every plane.
UNSAFE = ["\ufffe", "\uffff", "\ufdd0", "\ufdef", "\U0001fffe", "\U0010ffff", "\x01", "\x1b", "\x7f"]


def xml_char(code: int) -> bool:
    """The Char production of XML 1.0."""
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD \
        or 0x10000 <= code <= 0x10FFFF


def noncharacter(code: int) -> bool:
    return 0xFDD0 <= code <= 0xFDEF or code & 0xFFFE == 0xFFFE


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-feeds")
    content = write_content(root, {
        "hostile": listing(title=HOSTILE_TITLE, summary=HOSTILE_SUMMARY, regions=["north-east", "wales"]),
        "everywhere": listing(title="Works everywhere", summary=HOSTILE_SUMMARY, regions=["uk-wide"]),
    }, {"tyne-test-works": HOSTILE_EMPLOYER})
    output = root / "output"
    result = build(content, output)
    assert result.returncode == 0, result.stderr
    return output


def test_every_feed_parses_as_xml_and_carries_the_text_as_text(hostile_site):
    feeds = sorted((hostile_site / "feeds").rglob("*.atom.xml"))
    # The whole board, and every region (with UK-wide), sector, type, workplace and hours.
    assert len(feeds) == 1 + 13 + 10 + 3 + 3 + 6
    entries = 0
    for feed in feeds:
        root = ElementTree.parse(feed).getroot()  # expat: raises on anything that is not XML
        for entry in root.iter(f"{ATOM}entry"):
            entries += 1
            title, summary = entry.find(f"{ATOM}title"), entry.find(f"{ATOM}summary")
            # Atom (RFC 4287): with no type, or type="text", a reader shows the content as it is.
            assert title.get("type", "text") == "text" and summary.get("type") == "text"
            assert title.text.endswith(f", {HOSTILE_EMPLOYER['name']}")
            assert summary.text.startswith(HOSTILE_SUMMARY + " Closes ")
            assert len(title) == len(summary) == 0  # no child elements: nothing became markup
    # The whole board; north-east and wales, and uk-wide in every region; both are engineering
    # returnships, hybrid, full and part time.
    assert entries == 2 + (2 + 13) + 2 + 2 + 2 + 2 * 2


def test_the_hostile_title_reaches_its_feed_whole(hostile_site):
    root = ElementTree.parse(hostile_site / "feeds" / "regions" / "wales.atom.xml").getroot()
    titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    assert f"{HOSTILE_TITLE}, {HOSTILE_EMPLOYER['name']}" in titles


def test_the_unsafe_characters_are_every_one_that_xml_or_unicode_rules_out():
    for code in range(0x110000):
        character = chr(code)
        ruled_out = not xml_char(code) or noncharacter(code) or 0x7F <= code <= 0x9F \
            or 0x202A <= code <= 0x202E or 0x2066 <= code <= 0x2069
        assert (unsafe_character(f"a{character}b") == character) == ruled_out, hex(code)


def listing_text(**lines) -> str:
    """The standard listing as YAML, with some fields' lines written out as given."""
    text = yaml.safe_dump(listing(), sort_keys=False, width=1000)
    for name, line in lines.items():
        start = ("\n" + text).index(f"\n{name}:")
        end = text.index("\n", start)
        if name == "description":  # the last field, a block of text
            end = len(text) - 1
        text = text[:start] + line + text[end:]
    return text


def line_of(text: str, marker: str) -> int:
    return text[:text.index(marker)].count("\n") + 1


def refused(tmp_path, files: dict, **employers):
    content = write_content(tmp_path, files, employers or None)
    result = run_board("validate", "--content", content)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


@pytest.mark.parametrize("character", UNSAFE, ids=lambda c: f"U+{ord(c):04X}")
def test_a_listing_title_with_an_unsafe_character_is_refused_at_its_line(tmp_path, character):
    escaped = character.encode("unicode_escape").decode("ascii")
    report = refused(tmp_path, {"odd": listing_text(title=f'title: "Test {escaped} engineer"')})
    assert "odd.yaml:1:8: title: contains " in report
    assert f"(U+{ord(character):04X})" in report


@pytest.mark.parametrize("character", ["\ufdd0", "\U0001fffe", "\U0010ffff"], ids=lambda c: f"U+{ord(c):04X}")
def test_a_noncharacter_written_as_itself_is_refused_too(tmp_path, character):
    text = listing_text(location=f"location: New{character}castle")
    report = refused(tmp_path, {"odd": text})
    assert f"odd.yaml:{line_of(text, 'location:')}:11: location: contains a noncharacter" in report


def test_an_unsafe_character_in_a_field_name_or_an_employer_is_refused(tmp_path):
    content = write_content(tmp_path, {"odd": listing_text() + '"notes\\uFFFF": x\n'})
    (content / "employers" / "tyne-test-works.yaml").write_text(
        'name: "Tyne \\uFFFE Works"\nwebsite: https://tyne-test-works.example\n', encoding="utf-8")
    result = run_board("validate", "--content", content)
    assert result.returncode == 1
    assert "tyne-test-works.yaml:1:7: name: contains a noncharacter" in result.stderr
    assert "(U+FFFE)" in result.stderr and "(U+FFFF)" in result.stderr


@pytest.mark.parametrize("reference", ["&#xFFFF;", "&#65534;", "&#x1;", "&#x85;", "&#x1FFFE;", "&#X202e;"])
def test_markdown_character_references_to_unsafe_characters_are_refused_at_their_line(tmp_path, reference):
    text = listing_text(description="description: |\n  ## The role\n\n  You will test bridges and write "
                                    f"reports, with a mentor.\n\n  A {reference} here.")
    report = refused(tmp_path, {"odd": text})
    assert f"odd.yaml:{line_of(text, reference)}:3: description: contains " in report


@pytest.mark.parametrize("written", ["\uffff", "&#xFFFE;", "\x0b", "&#1;"],
                         ids=["raw", "reference", "raw-c0", "reference-c0"])
def test_a_story_body_with_an_unsafe_character_is_refused_at_its_line(tmp_path, written):
    content = write_content(tmp_path, {"fine": listing()})
    (content / "stories").mkdir()
    text = story() + f"\nA second paragraph {written} with it.\n"
    (content / "stories" / "odd-story.md").write_text(text, encoding="utf-8")
    result = run_board("validate", "--content", content)
    assert result.returncode == 1, result.stdout
    assert f"odd-story.md:{line_of(text, 'A second')}:1: (story): contains " in result.stderr


def test_a_board_with_an_unsafe_title_is_not_built(tmp_path):
    content = write_content(tmp_path, {"odd": listing(title="Test \ufffe engineer")})
    result = build(content, tmp_path / "output")
    assert result.returncode != 0
    assert "title: contains a noncharacter" in result.stderr
    assert not (tmp_path / "output" / "feeds").exists()


def test_markdown_that_gets_past_the_validator_still_renders_no_unsafe_character():
    html = render_markdown("A &#xFFFF; &#xfffe; &#1; &#x1b; \x1b \ufdd0 [x](https://a.example \"&#x85;\")")
    assert unsafe_character(html) is None
    assert html.startswith("<p>A ") and 'href="https://a.example"' in html
