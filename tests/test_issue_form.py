"""The New listing issue form, and turning its answers into a listing with `from-issue`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from returnboard.cli.issue_form import FORM_FILE, QUESTIONS, render_form
from returnboard.content.data_files import load_vocabularies
from tests.boardtools import EMPLOYER, ROOT, SAMPLE_TODAY, run_board, write_content, written_vocabularies

BODIES = Path(__file__).parent / "issue_bodies"
SCHEMA = json.loads((ROOT / "schemas" / "placement.schema.json").read_text(encoding="utf-8"))


def form() -> dict:
    return yaml.safe_load(FORM_FILE.read_text(encoding="utf-8"))


def test_the_committed_form_is_what_the_vocabularies_generate():
    assert FORM_FILE.read_text(encoding="utf-8") == render_form(), \
        "the issue form is out of date: run `make issue-form` and commit the result"


def test_issue_form_command_prints_the_committed_form():
    result = run_board("issue-form")
    assert result.returncode == 0, result.stderr
    assert result.stdout == FORM_FILE.read_text(encoding="utf-8")


def test_the_form_offers_every_vocabulary_name_and_asks_for_every_listing_field():
    elements = {element.get("id"): element for element in form()["body"]}
    chosen = [question for question in QUESTIONS if question.vocabulary]
    assert {question.vocabulary for question in chosen} == written_vocabularies("placement")
    for question in chosen:
        options = elements[question.id]["attributes"]["options"]
        labels = [option["label"] if isinstance(option, dict) else option for option in options]
        assert labels == [term.name for term in load_vocabularies()[question.vocabulary]]
    fields = {question.field.split(".")[0] for question in QUESTIONS}
    # `posted` is the day of conversion, `updated` is only for later changes, and `slug` comes from the title.
    assert set(SCHEMA["properties"]) - fields - {"slug"} == {"posted", "updated"}


def test_labels_and_ids_are_unique_so_answers_can_be_found():
    assert len({question.label for question in QUESTIONS}) == len(QUESTIONS)
    assert len({question.id for question in QUESTIONS}) == len(QUESTIONS)


def test_the_issue_form_and_its_config_are_valid_issue_forms():
    data = form()
    assert {"name", "description", "body"} <= set(data)
    for element in data["body"]:
        assert element["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
    textareas = [element for element in data["body"] if element["type"] == "textarea"]
    assert textareas
    # `render:` would wrap the answer in a code block, hiding the employer's Markdown.
    assert [element["id"] for element in textareas if "render" in element["attributes"]] == []
    config = yaml.safe_load((FORM_FILE.parent / "config.yml").read_text(encoding="utf-8"))
    assert config["contact_links"]
    assert all(link["url"].startswith("https://") for link in config["contact_links"])


@pytest.fixture
def content(tmp_path) -> Path:
    return write_content(tmp_path, {}, {"tyne-test-works": EMPLOYER})


def convert(content: Path, body: str, tmp_path: Path):
    file = tmp_path / "issue.md"
    file.write_bytes(body.encode("utf-8"))
    return run_board("from-issue", "--body", file, "--out", content / "placements", cwd=tmp_path)


def read_listing(content: Path, slug: str) -> dict:
    return yaml.safe_load((content / "placements" / f"{slug}.yaml").read_text(encoding="utf-8"))


def test_a_returnship_issue_becomes_a_listing_the_validator_accepts(content, tmp_path):
    body = (BODIES / "returnship-existing-employer.md").read_text(encoding="utf-8")
    result = convert(content, body.replace("\n", "\r\n"), tmp_path)  # as a browser sends it
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "content/placements/bridge-inspection-engineer-returnship.yaml"
    text = (content / "placements" / "bridge-inspection-engineer-returnship.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=https://returntostem.org.uk/schemas/placement.schema.json\n")
    data = read_listing(content, "bridge-inspection-engineer-returnship")
    assert data["employer"] == "tyne-test-works"
    assert data["type"] == "returnship"
    assert data["sectors"] == ["engineering", "infrastructure"]
    assert data["regions"] == ["north-east"]
    assert data["hours"] == ["full-time", "part-time", "compressed-hours"]
    assert data["support"] == ["mentoring", "buddy", "peer-cohort"]
    assert data["pay"] == {"min": 38500, "max": 44000, "period": "year"}
    assert data["route_to_permanent"] is True and data["duration_weeks"] == 16
    assert data["apply"] == {"url": "https://tyne-test-works.example/careers/returners?team=bridges"}
    assert str(data["posted"]) == SAMPLE_TODAY and str(data["starts"]) == "2027-03-01"
    # A heading that matches a question's label stays in the description.
    assert data["description"].startswith("### About the role\n\nYou will join")
    assert "### How to apply\n\nSend us a CV" in data["description"]
    assert "\r" not in data["description"]
    check = run_board("validate", "--content", content, cwd=tmp_path)
    assert check.returncode == 0, check.stderr


def test_a_first_time_employer_gets_an_employer_file_too(content, tmp_path):
    body = (BODIES / "new-employer-programme.md").read_text(encoding="utf-8")
    result = convert(content, body, tmp_path)
    assert result.returncode == 0, result.stderr
    slug = "return-to-engineering-a-10-week-refresher-for-returners"
    assert result.stdout.split() == ["content/employers/ouse-valley-instruments.yaml",
                                     f"content/placements/{slug}.yaml"]
    employer = yaml.safe_load((content / "employers" / "ouse-valley-instruments.yaml").read_text(encoding="utf-8"))
    assert employer == {"name": "Ouse Valley Instruments", "website": "https://ouse-valley-instruments.example"}
    data = read_listing(content, slug)
    assert data["employer"] == "ouse-valley-instruments"
    assert data["type"] == "programme" and data["workplace"] == "on-site"
    assert data["free"] is False and data["fee"] == "£250, refunded if you join us afterwards"
    assert data["apply"] == {"email": "returners@ouse-valley-instruments.example"}
    assert "pay" not in data and "route_to_permanent" not in data
    assert run_board("validate", "--content", content, cwd=tmp_path).returncode == 0
    # The same issue converted twice is refused: the validator knows the title.
    twice = convert(content, body, tmp_path)
    assert twice.returncode == 1
    assert f"- Title: content/placements/{slug}.yaml already lists" in twice.stderr
    # The organisation posting again names itself by its employer id (tests/test_ci_output.py
    # has what happens when it does not), and a title with the same file name gets a name of its own.
    again = convert(content, body.replace("Return to Engineering: a 10-week refresher",
                                          "Return to engineering (a 10 week refresher)")
                    .replace("### Employer id\n\n_No response_", "### Employer id\n\nouse-valley-instruments"),
                    tmp_path)
    assert again.returncode == 0, again.stderr
    assert again.stdout.split() == [f"content/placements/{slug}-2.yaml"]


def test_a_careless_issue_is_refused_with_every_reason_named_by_its_question(content, tmp_path):
    body = (BODIES / "returnship-with-mistakes.md").read_text(encoding="utf-8")
    before = sorted(path.name for path in (content / "placements").iterdir())
    result = convert(content, body, tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == "The issue cannot be turned into a listing yet. Please edit the issue to fix:"
    assert lines[1:] == [
        "- Pay from (£): 'competitive' is not a number (write digits only, such as 38000)",
        "- Sectors: is an empty list (give at least one value)",
        "- Closing date: '2027-02-30' is not a real date (write the date as YYYY-MM-DD, for example 2027-03-31)",
        "- How to apply: 'bankside-data-labs.example/returners' is not in the right form "
        "(use a full web address that starts with https://)",
        "- Summary: is 18 characters; it needs at least 20 (say a little more)",
    ]
    assert sorted(path.name for path in (content / "placements").iterdir()) == before


def test_an_issue_without_an_employer_or_with_an_unknown_one_is_refused(content, tmp_path):
    body = (BODIES / "returnship-existing-employer.md").read_text(encoding="utf-8")
    result = convert(content, body.replace("\ntyne-test-works\n", "\n_No response_\n"), tmp_path)
    assert result.returncode == 1
    assert "- Employer id: no employer is given (give your employer id, or your organisation's " \
           "name and website)" in result.stderr
    result = convert(content, body.replace("\ntyne-test-works\n", "\nwear-test-works\n"), tmp_path)
    assert result.returncode == 1
    assert "- Employer id: there is no employer `wear-test-works`" in result.stderr


def test_from_issue_explains_a_missing_body_file(content, tmp_path):
    result = run_board("from-issue", "--body", tmp_path / "nope.md", "--out", content / "placements")
    assert result.returncode == 2
    assert result.stderr.startswith("from-issue: cannot read the issue body")
    assert "Traceback" not in result.stderr


def test_each_question_is_worded_by_its_schema_field():
    from returnboard.content.field_notes import schema_fields

    for question in QUESTIONS:
        schema, path = ("employer", question.field.split(".", 1)[1]) if question.field.startswith("employer.") \
            else ("placement", question.field)
        notes = schema_fields(schema)[path]
        assert question.label == notes.question
        assert notes.explanation in question.description or notes.help in question.description


def test_the_form_marks_what_is_needed():
    elements = {element.get("id"): element for element in form()["body"]}
    required = {name for name, element in elements.items() if element.get("validations", {}).get("required")}
    assert required == {"title", "type", "workplace", "closes", "apply", "summary", "description"}
    for name in ("sectors", "regions", "hours"):
        assert elements[name]["attributes"]["description"].startswith("Required: tick at least one.")
    assert elements["pay_min"]["attributes"]["description"].startswith("Needed for a returnship or job.")
    assert elements["route_to_permanent"]["attributes"]["description"].startswith("Needed for a returnship.")
    assert elements["employer_website"]["attributes"]["description"].endswith("Needed on your first listing.")
    # The id a new organisation gets, worked out by the converter's own rule.
    assert '"Northumbria Robotics" becomes northumbria-robotics' in elements["employer_name"]["attributes"]["description"]


def test_a_first_employers_about_and_location_make_its_employer_file(content, tmp_path):
    body = (BODIES / "new-employer-programme.md").read_text(encoding="utf-8")
    body = body.replace("### Type of opportunity", "### About your organisation (first listing only)\n\n"
                        "We make **weather sensors** in York.\n\n"
                        "### Where your organisation is based (first listing only)\n\nYork\n\n"
                        "### Type of opportunity")
    result = convert(content, body, tmp_path)
    assert result.returncode == 0, result.stderr
    employer = yaml.safe_load((content / "employers" / "ouse-valley-instruments.yaml").read_text(encoding="utf-8"))
    assert employer == {"name": "Ouse Valley Instruments", "website": "https://ouse-valley-instruments.example",
                        "about": "We make **weather sensors** in York.", "location": "York"}
