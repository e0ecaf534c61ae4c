"""No employer can take another's name, nor a listing another's title, by spelling it differently:
names and titles are compared after NFKC, case folding and removing invisible characters."""

from __future__ import annotations

import re

import pytest

from returnboard.domain.text import comparable
from tests.boardtools import EMPLOYER, ROOT, listing, run_board, write_content

# Each reads as "Tyne Test Works" on a page.
LOOK_ALIKES = {
    "capitals": "TYNE TEST WORKS",
    "full-width letters": "Ｔｙｎｅ Ｔｅｓｔ Ｗｏｒｋｓ",
    "zero-width space": "Tyne Te\u200bst Works",
    "soft hyphen": "Tyne Test Wo\u00adrks",
    "word joiner": "Tyne\u2060 Test Works",
    "byte-order mark": "\ufeffTyne Test Works",
    "variation selector": "Tyne Test\ufe0f Works",
    "tag characters": "Tyne Test Works\U000e0041",
    "Hangul filler": "Tyne Test\u3164 Works",
    "no-break and double spaces": "Tyne\u00a0Test  Works",
    "mathematical letters": "𝐓𝐲𝐧𝐞 𝐓𝐞𝐬𝐭 𝐖𝐨𝐫𝐤𝐬",
}
IMPOSTOR = {"name": None, "website": "https://impostor.example"}


def employers(name: str) -> dict:
    return {"tyne-test-works": EMPLOYER, "tyne-works-ltd": dict(IMPOSTOR, name=name)}


@pytest.mark.parametrize("name", LOOK_ALIKES.values(), ids=LOOK_ALIKES.keys())
def test_a_new_employer_with_a_look_alike_name_is_refused_at_its_line(tmp_path, name):
    content = write_content(tmp_path, {"fine": listing()}, employers(name))
    new = content / "employers" / "tyne-works-ltd.yaml"
    result = run_board("validate", "--content", content, new)
    assert result.returncode == 1, result.stdout
    assert f"{new}:1:7: name: the name " in result.stderr  # `name` is the file's first line
    assert "reads the same as the name in " in result.stderr and "tyne-test-works.yaml" in result.stderr
    # The employer that was there first is not the one refused.
    assert not re.search(r"tyne-test-works\.yaml:\d+:\d+:", result.stderr)


def test_in_a_full_run_the_file_read_second_is_the_one_refused(tmp_path):
    content = write_content(tmp_path, {"fine": listing()}, employers("Tyne Test Wor\u200bks"))
    result = run_board("validate", "--content", content)
    assert result.returncode == 1
    assert "tyne-works-ltd.yaml:1:7: name: the name 'Tyne Test Wor\\u200bks' reads the same" in result.stderr


@pytest.mark.parametrize("name", ["Tyne Test Workshop", "Tyne Test Works North", "Wear Test Works"])
def test_a_different_name_is_welcome(tmp_path, name):
    content = write_content(tmp_path, {"fine": listing()}, employers(name))
    result = run_board("validate", "--content", content)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("title", ["Test engi\u200bneer returnship", "Test engineer\u00ad returnship",
                                   "ＴＥＳＴ engineer returnship", "Test  engineer\u2060 RETURNSHIP"])
def test_a_repeated_title_is_caught_however_it_is_spelt(tmp_path, title):
    content = write_content(tmp_path, {"first": listing(), "second": listing(title=title)})
    result = run_board("validate", "--content", content, content / "placements" / "second.yaml")
    assert result.returncode == 1
    assert "second.yaml:1:8: title: " in result.stderr and "first.yaml already lists" in result.stderr


def test_names_compare_as_a_reader_tells_them_apart():
    assert len({comparable(name) for name in LOOK_ALIKES.values()} | {comparable("Tyne Test Works")}) == 1
    assert comparable("Straße") == comparable("STRASSE")
    assert comparable("e\u200d\u0301") == comparable("é")  # an invisible joiner cannot keep letters apart
    assert comparable("Tyne Test Works") != comparable("Tyne Test Workshop")


def test_an_issue_cannot_post_as_a_look_alike_of_an_employer(tmp_path):
    content = write_content(tmp_path, {}, {"strasse-labs": {"name": "Strasse Labs",
                                                            "website": "https://strasse-labs.example"}})
    body = (ROOT / "tests" / "issue_bodies" / "new-employer-programme.md").read_text(encoding="utf-8")
    body = body.replace("\nOuse Valley Instruments\n", "\nSTRAẞE LABS\n")  # a new file name, strae-labs
    file = tmp_path / "issue.md"
    file.write_text(body, encoding="utf-8")
    result = run_board("from-issue", "--body", file, "--out", content / "placements", cwd=tmp_path)
    assert result.returncode == 1
    assert "- Organisation name (first listing only): the name 'STRAẞE LABS' reads the same as the name in " \
           "content/employers/strasse-labs.yaml" in result.stderr
    assert sorted(path.name for path in (content / "employers").iterdir()) == ["strasse-labs.yaml"]
