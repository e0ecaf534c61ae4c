"""Listings are untrusted: random and mutated input never crashes, hangs or injects."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from returnboard.cli.build import render_site
from returnboard.content.board import read_board
from returnboard.settings import BoardSettings
from tests.boardtools import EMPLOYER, LISTING, ROOT, listing, write_content

TODAY = dt.date(2026, 11, 22)
SETTINGS = BoardSettings.from_settings({"BOARD_TODAY": TODAY, "BOARD_WORKERS": 1})
PAYLOADS = [
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))", "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](//evil.example)",
    "<a href='javascript:x'>a</a>", "<iframe src=https://evil.example></iframe>", "<style>*{}</style>",
    "{{ 7*7 }}", "{% raw %}", "&lt;script&gt;", "\u202e", "![i](https://evil.example/i.png)",
    "<svg onload=alert(1)>", "[x](vbscript:msgbox)", "<form action=https://evil.example>",
    "[x]( javascript:alert(1))", "<scr<script>ipt>", "\n\n# Heading\n\n", "**bold**", "`code`",
]
hostile_text = st.lists(st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=40)), max_size=8).map("".join)
# Text that passes the character checks, so that most examples reach the page.
printable = st.characters(exclude_categories=("Cc", "Cs"), exclude_characters="\u202a\u202b\u202c\u202d\u202e")
markup_text = st.lists(st.one_of(st.sampled_from([p for p in PAYLOADS if p != "\u202e"]), st.text(printable, max_size=40)),
                       max_size=8).map("".join)
TEXT_FIELDS = ["title", "summary", "description", "location"]


def checked(tmp: Path, text: str | bytes):
    """Read one listing file with the real reader, as the validator and the build do."""
    shutil.rmtree(tmp / "content", ignore_errors=True)
    content = write_content(tmp, {})
    target = content / "placements" / "hostile.yaml"
    target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return read_board(content, SETTINGS)


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_yaml_never_crashes_or_hangs(tmp_path, data):
    original = yaml.safe_dump(LISTING, sort_keys=False).encode()
    at = data.draw(st.integers(0, len(original)))
    cut = data.draw(st.integers(0, 20))
    inserted = data.draw(st.binary(max_size=30) | st.sampled_from([b"&a ", b"*a", b"!!python/object ", b"\t", b"---\n", b": ", b"\xef\xbb\xbf"]))
    board = checked(tmp_path, original[:at] + inserted + original[at + cut:])
    for problem in board.problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.message and problem.hint


@settings(max_examples=100, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(TEXT_FIELDS + ["regions", "pay", "apply", "hours"]),
       value=st.one_of(hostile_text, st.integers(), st.none(), st.booleans(), st.lists(hostile_text, max_size=3),
                       st.dictionaries(hostile_text, hostile_text, max_size=3)))
def test_random_field_values_are_reported_not_crashed_on(tmp_path, field, value):
    board = checked(tmp_path, yaml.safe_dump(listing(**{field: value}), sort_keys=False))
    assert board.placements or board.errors


class PageScan(HTMLParser):
    """Collects what could run code or leave the site: scripts, handlers, styles, risky URLs."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("type") == "application/ld+json":
            return  # a data block, never run; its JSON is checked below
        if tag in {"script", "iframe", "object", "embed", "style", "form", "base", "img", "svg"}:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.found.append(f"{tag}[{name}]")
            if name in {"href", "src", "action"} and value is not None:
                if not value.startswith(("https://", "mailto:", "/", "#")) or value.startswith("//"):
                    self.found.append(f"{tag}[{name}={value!r}]")


def theme_baseline(html: str) -> list[str]:
    scan = PageScan()
    scan.feed(html)
    return scan.found


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.fixed_dictionaries({field: markup_text for field in ("title", "summary", "description")}))
def test_accepted_listings_never_carry_script_or_dangerous_urls(tmp_path, texts):
    data = listing(title=("Role " + texts["title"])[:120],
                   summary=("A returnship. " + texts["summary"] + " " * 20)[:280],
                   description="## About\n\n" + texts["description"] + "\n\n" + "Welcome back. " * 5)
    shutil.rmtree(tmp_path / "site", ignore_errors=True)
    content = write_content(tmp_path / "site", {"hostile": data}, {"tyne-test-works": EMPLOYER})
    if read_board(content, SETTINGS).errors:
        return  # refused with a message: nothing is published
    output = tmp_path / "site" / "output"
    render_site(str(ROOT / "pelicanconf.py"), output, str(content))
    page = (output / "placements" / "hostile" / "index.html").read_text(encoding="utf-8")
    assert theme_baseline(page) == BASELINE
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S):
        assert "<" not in block  # escaped, so listing text cannot close the block
        assert json.loads(block)["title"] == data["title"]


def _baseline() -> list[str]:
    """What our own theme puts on a harmless listing's page (nothing risky, we expect)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        content = write_content(Path(folder), {"hostile": listing()})
        render_site(str(ROOT / "pelicanconf.py"), Path(folder) / "output", str(content))
        return theme_baseline((Path(folder) / "output" / "placements" / "hostile" / "index.html").read_text())


BASELINE = _baseline()


def test_the_theme_itself_adds_nothing_risky_to_a_listing():
    assert BASELINE == []
