"""Listings are untrusted: random and mutated input never crashes, hangs or injects."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import yaml
from hypothesis import HealthCheck, Phase, assume, event, given, settings
from hypothesis import strategies as st

from returnboard.cli.build import render_site, site_settings
from returnboard.content.board import read_board
from returnboard.content.markdown_html import render_markdown
from returnboard.settings import BoardSettings
from tests.boardtools import EMPLOYER, LISTING, ROOT, listing, write_content
from tests.htmltools import parse

TODAY = dt.date(2026, 11, 22)
SETTINGS = BoardSettings.from_settings({"BOARD_TODAY": TODAY, "BOARD_WORKERS": 1})
# Markup and template tricks the validator lets through (raw HTML is left out of the page, with a warning):
# only the sanitiser and escaping stand in the way.
ACCEPTED_PAYLOADS = [
    "<script>alert(1)</script>",
    "<iframe src=https://evil.example></iframe>", "<style>*{}</style>", "{{ 7*7 }}", "{% raw %}",
    "&lt;script&gt;", "![i](https://evil.example/i.png)", "<svg onload=alert(1)>",
    "<form action=https://evil.example>", "<scr<script>ipt>", "\n\n# Heading\n\n", "**bold**", "`code`",
    "</script><script>alert(1)</script>", "<!-- comment -->", "<![CDATA[x]]>",
    "<svg><a xlink:href='javascript:alert(1)'><text>x</text></a></svg>",
    "<math><mi href=javascript:x>m</mi></math>", "<object data=https://evil.example></object>",
    "<embed src=https://evil.example>", "<base href=https://evil.example>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example">', "<link rel=stylesheet href=https://e.example>",
    "<button formaction=javascript:alert(1)>b</button>", "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>", "<p style=position:fixed>x</p>", "<iframe srcdoc='&lt;script&gt;'>",
    '[x](https://a.example/"onclick="alert(1))', '[x](https://a.example "t" onmouseover=alert(1))',
]
# Links the validator refuses, read from the parsed text (raw HTML's too, though it is left out of the page):
# the sanitiser must make them harmless all the same.
REFUSED_LINKS = [
    "<a href='javascript:x'>a</a>", "<IMG SRC=JaVaScRiPt:alert(1)>", "<a href='&#106;avascript:alert(1)'>a</a>",
    "<a href=data:text/html,x>a</a>", "[x](&#106;avascript:alert(1))", "[x](javascript&colon;alert(1))",
    "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x]( javascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](vbscript:msgbox)", "[x](//evil.example)",
    "[x](<javascript:alert(1)>)", "[x](\x01javascript:alert(1))", "<javascript:alert(1)>",
    "[x][r]\n\n[r]: javascript:alert(1)\n\n", "![x](javascript:alert(1))", "[x](file:///etc/passwd)",
    # A tab spelt as a character reference stays in the address, percent-encoded: not a full address.
    "[x](java&#x09;script:alert(1))", '"><img src=x onerror=alert(1)>',
]
PAYLOADS = ACCEPTED_PAYLOADS + REFUSED_LINKS + ["\u202e"]
hostile_text = st.lists(st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=40)), max_size=8).map("".join)
# Text that passes the character checks, so that most examples reach the page.
printable = st.characters(exclude_categories=("Cc", "Cs"), exclude_characters="\u202a\u202b\u202c\u202d\u202e")
markup_text = st.lists(st.one_of(st.sampled_from(ACCEPTED_PAYLOADS), st.text(printable, max_size=40)),
                       max_size=8).map("".join)
TEXT_FIELDS = ["title", "summary", "description"]


def checked(tmp: Path, text: str | bytes):
    """Read one listing file with the real reader, as the validator and the build do."""
    shutil.rmtree(tmp / "content", ignore_errors=True)
    content = write_content(tmp, {})
    target = content / "placements" / "hostile.yaml"
    target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return read_board(content, SETTINGS)


def accepted_or_refused(board) -> str:
    """A listing file is either published or refused with errors, never silently dropped."""
    published = [placement.slug for placement in board.placements]
    assert (published == ["hostile"]) != bool(board.errors), (published, board.problems)
    return "refused" if board.errors else "accepted"


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mutated_yaml_never_crashes_or_hangs(tmp_path, data):
    original = yaml.safe_dump(LISTING, sort_keys=False).encode()
    at = data.draw(st.integers(0, len(original)))
    cut = data.draw(st.integers(0, 20))
    inserted = data.draw(st.binary(max_size=30) | st.sampled_from([b"&a ", b"*a", b"!!python/object ", b"\t", b"---\n", b": ", b"\xef\xbb\xbf"]))
    board = checked(tmp_path, original[:at] + inserted + original[at + cut:])
    event(accepted_or_refused(board))
    for problem in board.problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.message and problem.hint


@settings(max_examples=100, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(TEXT_FIELDS + ["location", "regions", "pay", "apply", "hours"]),
       value=st.one_of(hostile_text, markup_text, st.integers(), st.none(), st.booleans(),
                       st.lists(hostile_text, max_size=3), st.dictionaries(hostile_text, hostile_text, max_size=3)))
def test_random_field_values_are_reported_not_crashed_on(tmp_path, field, value):
    board = checked(tmp_path, yaml.safe_dump(listing(**{field: value}), sort_keys=False))
    event(accepted_or_refused(board))


def test_the_validator_accepts_and_refuses_the_payloads_as_listed(tmp_path):
    description = "## About\n\nWelcome back, with a mentor from day one.\n\n{}"
    verdicts = {payload: accepted_or_refused(checked(tmp_path, yaml.safe_dump(
        listing(description=description.format(payload)), sort_keys=False)))
        for payload in ACCEPTED_PAYLOADS + REFUSED_LINKS}
    assert [payload for payload in ACCEPTED_PAYLOADS if verdicts[payload] != "accepted"] == []
    assert [payload for payload in REFUSED_LINKS if verdicts[payload] != "refused"] == []


# Elements that run code, load things, send forms or restyle the page: none may come from a listing.
LIVE_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "link", "meta",
                 "base", "form", "input", "button", "textarea", "select", "img", "svg", "math", "video",
                 "audio", "source", "template", "noscript"}
# Of those, the ones a listing's page has no business with anywhere (its head has meta and link).
OWN_SCRIPTS = {"/theme/js/closing.js", "/theme/js/back-to-results.js"}
PAGE_RISKS = {"script", "iframe", "object", "embed", "style", "form", "base", "img", "svg"}
C0_CONTROLS_AND_SPACE = "".join(map(chr, range(0x21)))
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "data", "poster", "background", "xlink:href"}


def url_scheme(value: str) -> str | None:
    """The scheme a browser reads from a URL attribute (WHATWG URL parsing), or None if relative."""
    value = re.sub(r"[\t\n\r]", "", value.strip(C0_CONTROLS_AND_SPACE))
    match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", value)
    return match.group(1).lower() if match else None


def live_markup(html, elements=LIVE_ELEMENTS) -> list[str]:
    """What in parsed HTML could run code, restyle the page or go to a URL in another scheme than https."""
    found = []
    for element in html.find_all(True):
        if element.name == "script" and element.get("type") == "application/ld+json":
            continue  # a data block, never run; its JSON is checked on its own
        if element.name == "script" and element.get("src") in OWN_SCRIPTS and not element.get_text():
            continue  # the theme's own file, which marks a listing closed once its date passes
        if element.name in elements:
            found.append(f"<{element.name}>")
        for name, value in element.attrs.items():
            if name.startswith("on") or name in {"style", "srcdoc"}:
                found.append(f"{element.name}[{name}]")
            if name in URL_ATTRIBUTES and url_scheme(value) not in {None, "https", "mailto"}:
                found.append(f"{element.name}[{name}={value!r}]")
    return found


def off_site_or_odd_urls(html) -> list[str]:
    """Addresses that are not https, mailto, on this site or a fragment, for the whole page."""
    return [f"{element.name}[{name}={value!r}]" for element in html.find_all(True)
            for name, value in element.attrs.items()
            if name in URL_ATTRIBUTES
            and (not value.startswith(("https://", "mailto:", "/", "#")) or value.startswith("//"))]


def listing_page(folder: Path, data: dict):
    """The listing's page, built with the real Pelican, or None if the validator refuses the listing."""
    shutil.rmtree(folder, ignore_errors=True)
    content = write_content(folder, {"hostile": data}, {"tyne-test-works": EMPLOYER})
    if read_board(content, SETTINGS).errors:
        return None
    render_site(site_settings(str(ROOT / "pelicanconf.py"), folder / "output", str(content), {"BOARD_TODAY": TODAY}),
                folder / "output")
    return parse((folder / "output" / "placements" / "hostile" / "index.html").read_text(encoding="utf-8"))


def test_the_theme_itself_adds_nothing_risky_to_a_listing(tmp_path):
    html = listing_page(tmp_path / "site", listing())
    assert html.find("h1") and html.find("article")
    assert live_markup(html, PAGE_RISKS) == [] and off_site_or_odd_urls(html) == []


# Each example builds a site: explaining a failure would build hundreds more, so it is only shrunk.
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink])
@given(texts=st.fixed_dictionaries({field: markup_text for field in TEXT_FIELDS}))
def test_accepted_listings_never_carry_script_or_dangerous_urls(tmp_path, texts):
    data = listing(title=("Role " + texts["title"])[:120],
                   summary=("A returnship. " + texts["summary"] + " " * 20)[:280],
                   description="## About\n\n" + texts["description"] + "\n\n" + "Welcome back. " * 5)
    html = listing_page(tmp_path / "site", data)
    event("refused" if html is None else "published")
    assume(html is not None)
    assert live_markup(html, PAGE_RISKS) == [] and off_site_or_odd_urls(html) == []
    assert html.find("h1").get_text() == data["title"]
    blocks = html.find_all("script", type="application/ld+json")
    assert len(blocks) == 1
    assert "<" not in blocks[0].string  # escaped, so listing text cannot close the block
    assert json.loads(blocks[0].string)["title"] == data["title"]


@st.composite
def disguised(draw, payloads=st.sampled_from(PAYLOADS)):
    """A payload with letters in mixed case and some characters written as HTML character references."""
    payload = draw(payloads)
    spelt = []
    for character in payload:
        how = draw(st.sampled_from(["as is", "as is", "swap case", "decimal", "hex"]))
        if how == "swap case":
            character = character.swapcase()
        elif how == "decimal" and character.isalnum():
            character = f"&#{ord(character)};"
        elif how == "hex" and character.isalnum():
            character = f"&#x{ord(character):x};"
        spelt.append(character)
    return "".join(spelt)


hostile_markdown = st.lists(st.one_of(st.sampled_from(PAYLOADS), disguised(), st.text(max_size=20)),
                            min_size=1, max_size=6).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=hostile_markdown)
def test_the_sanitiser_leaves_no_live_markup_whatever_it_is_given(text):
    for payload in REFUSED_LINKS + ACCEPTED_PAYLOADS:
        if payload in text:
            event(f"holds {payload!r}")
    output = str(render_markdown(text))
    assert live_markup(parse(output)) == [], output


@settings(max_examples=200, deadline=None)
@given(target=disguised(st.sampled_from(["javascript:alert(1)", "data:text/html,x", "vbscript:msgbox",
                                          "file:///etc/passwd"])),
       form=st.sampled_from(["[x]({})", "[x](<{}>)", "[x][r]\n\n[r]: {}\n", "![x]({})", "<{}>"]))
def test_links_in_a_refused_scheme_are_dropped(target, form):
    output = str(render_markdown(form.format(target)))
    html = parse(output)
    assert [f"{element.name}[{name}]" for element in html.find_all(True) for name in element.attrs
            if name in URL_ATTRIBUTES] == [], output


def test_what_the_sanitiser_keeps_is_still_there():
    html = parse(str(render_markdown("## Role\n\n**bold** [site](https://tyne.example/jobs) "
                                     "[mail](mailto:jobs@tyne.example) <script>alert(1)</script>")))
    assert [element.get_text() for element in html.find_all("strong")] == ["bold"]
    assert [link["href"] for link in html.find_all("a")] == ["https://tyne.example/jobs", "mailto:jobs@tyne.example"]
    assert "<script" not in str(html.body) and "<script" not in html.get_text() and live_markup(html) == []
