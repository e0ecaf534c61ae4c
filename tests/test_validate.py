"""The validator, run as employers and CI run it, on a corpus of broken listings and trees."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.boardtools import EMPLOYER, listing, run_board, write_content

CORPUS = Path(__file__).parent / "corpus" / "placements"


def expectations(path: Path) -> list[str]:
    """The `# expect:` lines at the end of a corpus file, as text the report must contain."""
    expected = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expect: "):
            text = line.removeprefix("# expect: ")
            expected.append(f"{{file}}:{text}" if text[0].isdigit() else text)
    return expected


@pytest.mark.parametrize("case", sorted(CORPUS.glob("*.yaml")), ids=lambda path: path.stem)
def test_corpus_file_gets_its_message_and_line(tmp_path, case):
    content = write_content(tmp_path, {case.name: case.read_text(encoding="utf-8")})
    target = content / "placements" / case.name
    result = run_board("validate", "--content", content, target)
    report = result.stderr + result.stdout
    assert "Traceback" not in report
    expected = expectations(case)
    assert expected, "every corpus file says what it expects"
    for text in expected:
        assert text.format(file=str(target)) in report, report
    only_warnings = all(text.startswith("warning:") for text in expected)
    assert result.returncode == (0 if only_warnings else 1), report


def test_every_problem_in_every_file_is_reported_at_once(tmp_path):
    content = write_content(tmp_path, {
        "one": listing(regions=["North East"], closes="2027-02-30"),
        "two": listing(title="Other role", employer="nobody"),
        "fine": listing(title="A fine role"),
    })
    result = run_board("validate", "--content", content)
    assert result.returncode == 1
    assert "'North East' is not a region id" in result.stderr
    assert "'2027-02-30' is not a real date" in result.stderr
    assert "there is no employer `nobody`" in result.stderr
    assert "fine.yaml" not in result.stderr
    assert "3 error(s)" in result.stderr


def test_files_in_the_wrong_place_or_form(tmp_path):
    content = write_content(tmp_path, {"good": listing(), "other.yml": "title: x\n", "notes.md": "# x\n"})
    (content / "stray.yaml").write_text("title: x\n")
    (content / "placements" / "2027").mkdir()
    (content / "placements" / "2027" / "good.yaml").write_text("title: x\n")
    (content / "placements" / "Bad Name.yaml").write_text("title: x\n")
    result = run_board("validate", "--content", content)
    assert result.returncode == 1
    report = result.stderr
    assert "other.yml:1:1: (file): `other.yml` is not a listing file (rename it to other.yaml)" in report
    assert "notes.md:1:1: (file): `notes.md` is not a listing file (a listing is a .yaml file" in report
    assert "stray.yaml:1:1: (file): this data file is outside content/placements/" in report
    assert "2027/good.yaml:1:1: (file): another listing already uses the name `good`" in report
    assert "Bad Name.yaml:1:1: (file): the file name `Bad Name` is not lowercase" in report
    assert "(rename it to bad-name.yaml)" in report


def test_a_listing_that_repeats_another(tmp_path):
    content = write_content(tmp_path, {"first": listing(), "second": listing(title="Test  engineer RETURNSHIP")})
    result = run_board("validate", "--content", content, content / "placements" / "second.yaml")
    assert result.returncode == 1
    assert "second.yaml:1:8: title: " in result.stderr
    assert "first.yaml already lists `Test  engineer RETURNSHIP` for this employer" in result.stderr


@pytest.mark.parametrize("written", ["title: 'Test engineer returnship'\n", "title: >-\n  Test engineer\n  returnship\n",
                                     "title: Test engineer\n  returnship\n", 'title: "Test engineer\n  returnship"\n'])
def test_a_listing_repeating_one_not_checked_this_run_is_found_however_its_title_is_written(tmp_path, written):
    """Listings not checked this run are read for their title and employer lines alone, or whole
    when the title is not written on one line."""
    first = yaml.safe_dump(listing(title=None), sort_keys=False)
    content = write_content(tmp_path, {"first": written + first, "second": listing()})
    result = run_board("validate", "--content", content, content / "placements" / "second.yaml")
    assert result.returncode == 1
    assert "first.yaml already lists `Test engineer returnship` for this employer" in result.stderr


def test_only_the_named_files_are_checked(tmp_path):
    content = write_content(tmp_path, {"good": listing(), "bad": listing(title="Other role", regions=["Nowhere"])})
    result = run_board("validate", "--content", content, content / "placements" / "good.yaml")
    assert result.returncode == 0, result.stderr
    assert "All good: 1 file(s) checked." in result.stdout


def test_github_format_annotates_lines_and_writes_a_summary(tmp_path):
    content = write_content(tmp_path, {"bad": listing(regions=["North East"]),
                                       "vague": listing(title="Vague pay", pay={"min": 30000, "period": "year"})})
    summary = tmp_path / "summary.md"
    result = run_board("validate", "--content", content, "--format", "github",
                       env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    error = next(line for line in lines if line.startswith("::error "))
    assert error.startswith(f"::error file={content}/placements/bad.yaml,line=")
    assert ",col=" in error and ",title=regions::'North East' is not a region id. Fix: use `north-east`" in error
    assert any(line.startswith("::warning ") and "gives no pay range" in line for line in lines)
    report = summary.read_text()
    assert "### Listings check: 1 error(s), 1 warning(s)" in report
    assert "| ❌ error | `" in report and "'North East' is not a region id" in report


def test_build_refuses_to_publish_and_keeps_the_old_site(tmp_path):
    content = write_content(tmp_path, {"good": listing()})
    output = tmp_path / "output"
    from tests.boardtools import build

    assert build(content, output).returncode == 0
    before = sorted(p.relative_to(output) for p in output.rglob("*"))
    (content / "placements" / "bad.yaml").write_text("title: [unclosed\n")
    result = build(content, output)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "bad.yaml:2:1: (file):" in result.stderr
    assert "Nothing was published" in result.stderr
    assert sorted(p.relative_to(output) for p in output.rglob("*")) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".output-")]


def test_an_employer_website_on_a_lookalike_domain_is_flagged(tmp_path):
    employer = {"name": "Tyne Test Works", "website": "https://xn--tyne-test-wrks-7kb.example"}
    content = write_content(tmp_path, {"good": listing(apply={"email": "jobs@tyne.example"})},
                            {"tyne-test-works": employer})
    result = run_board("validate", "--content", content)
    assert result.returncode == 0, result.stderr
    assert ("tyne-test-works.yaml:2:10: website: the web address uses an internationalised (xn--) domain"
            in result.stderr)


@pytest.mark.parametrize("phrase, problem", [
    ("Recent experience of bridge design is essential.", "asks for recent experience"),
    ("Candidates with no gaps in their CV preferred.", "asks for no gaps"),
    ("We need continuous employment since graduating.", "asks for continuous employment"),
    ("This role needs an immediate start.", "asks for an immediate start"),
    ("You must have worked in the last 3 years in a lab.", "asks for work in the last few years"),
    ("Only people currently employed as engineers.", "asks for people currently in work"),
    ("You must have recent experience of bridge design.", "asks for recent experience"),
    ("We cannot consider anyone without recent experience.", "asks for recent experience"),
])
def test_returner_unfriendly_wording_is_a_warning(tmp_path, phrase, problem):
    text = "## The role\n\nYou will test bridges with a mentor to help you.\n\n" + phrase
    content = write_content(tmp_path, {"role": listing(description=text)})
    result = run_board("validate", "--content", content)
    assert result.returncode == 0, result.stderr
    assert f"description: {problem}" in result.stderr


@pytest.mark.parametrize("sentence", [
    "Career breaks of any length are welcome. Start when it suits you, with a mentor.",
    "You do not need recent experience: we will train you.",
    "You don't need recent experience, and there is no immediate start.",
    "Recent experience is not required. Gaps in your CV are fine.",
    "We do not ask for continuous employment, and you needn't be currently working.",
])
def test_friendly_wording_raises_no_warning(tmp_path, sentence):
    text = "## The role\n\n" + sentence
    result = run_board("validate", "--content", write_content(tmp_path, {"role": listing(description=text)}))
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr


@pytest.mark.parametrize("field, value", [
    ("location", "<town or city>"),
    ("summary", "<one or two plain sentences about the opportunity>"),
    ("description", "## The role\n\n<what the work is and who the team are>\n\nMore words about the role for you."),
    ("title", "<the name of the role>"),
    ("posted", "<today, as YYYY-MM-DD>"),
])
def test_a_template_placeholder_is_one_error_at_its_line_in_any_field(tmp_path, field, value):
    text = yaml.safe_dump(listing(**{field: None}), sort_keys=False)
    text += f"{field}: |\n" + "".join(f"  {line}\n" for line in value.splitlines()) if "\n" in value \
        else f"{field}: '{value}'\n"
    content = write_content(tmp_path, {"role": text})
    result = run_board("validate", "--content", content)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    problems = [line for line in result.stderr.splitlines() if f": {field}: " in line]
    assert len(problems) == 1, result.stderr
    line = next(number for number, written in enumerate(text.splitlines(), start=1) if "<" in written)
    assert f"role.yaml:{line}:" in problems[0] and "still has the template's placeholder" in problems[0]


@pytest.mark.parametrize("written, expected", [
    ("'£38,000'", "pay.min: '£38,000' is not written as a plain number (write 38000: digits only, no £ or commas)"),
    ("38,000", "pay.min: '38,000' is not written as a plain number (write 38000: digits only, no £ or commas)"),
    ("38k", "pay.min: '38k' is not written as a plain number (write 38000: digits only, no £ or commas)"),
])
def test_pay_as_people_write_it_gets_one_error_saying_exactly_what_to_write(tmp_path, written, expected):
    text = yaml.safe_dump(listing(), sort_keys=False).replace("min: 36000", f"min: {written}")
    result = run_board("validate", "--content", write_content(tmp_path, {"role": text}))
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if ": pay" in line] == [
        line for line in result.stderr.splitlines() if line.endswith(expected)]
    assert expected in result.stderr


def test_a_date_written_day_first_gets_one_error_with_the_date_to_write(tmp_path):
    content = write_content(tmp_path, {"role": listing(closes="31/01/2027")})
    result = run_board("validate", "--content", content)
    problems = [line for line in result.stderr.splitlines() if ": closes: " in line]
    assert len(problems) == 1
    assert problems[0].endswith("closes: '31/01/2027' is not written as YYYY-MM-DD (write the date as 2027-01-31)")


def test_a_yaml_slip_is_explained_in_plain_words_and_the_other_fields_are_still_checked(tmp_path):
    text = (yaml.safe_dump(listing(), sort_keys=False)
            .replace("location: Newcastle upon Tyne", "location: Newcastle: city centre")
            .replace("closes: '2027-01-31'", "closes: 31/01/2027").replace("min: 36000", "min: £36,000"))
    result = run_board("validate", "--content", write_content(tmp_path, {"role": text}))
    report = result.stderr
    assert "location: the value has `: ` in it, which reads as the start of another field" in report
    assert "mapping values" not in report
    assert "closes: '31/01/2027' is not written as YYYY-MM-DD" in report
    assert "pay.min: '£36,000' is not written as a plain number" in report
    assert "`location` is missing" not in report
    assert "3 error(s)" in report


def test_checking_one_file_reports_that_file_and_not_others(tmp_path):
    content = write_content(tmp_path, {"mine": listing(), "theirs": listing(title="Another role", regions=["Wales"])},
                            {"tyne-test-works": EMPLOYER, "broken-employer": {"name": "B"}})
    whole = run_board("validate", "--content", content)
    assert "theirs.yaml" in whole.stderr and "broken-employer.yaml" in whole.stderr
    one = run_board("validate", "--content", content, content / "placements" / "mine.yaml")
    assert one.returncode == 0, one.stderr
    assert "theirs.yaml" not in one.stderr and "broken-employer.yaml" not in one.stderr
    repeated = write_content(tmp_path / "again", {"first": listing(), "second": listing()})
    second = run_board("validate", "--content", repeated, repeated / "placements" / "second.yaml")
    assert second.returncode == 1 and "already lists `Test engineer returnship`" in second.stderr
