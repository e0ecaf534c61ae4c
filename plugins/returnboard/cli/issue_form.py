"""The "New listing" GitHub issue form, generated from the schemas and data/vocabularies.yaml.

The questions are made once, here, from each field's notes in the schema: `render_form()`
writes the form from them and `from-issue` reads an issue body back with them, so the two
always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..content.data_files import load_vocabularies
from ..content.field_notes import FieldNotes, schema_fields
from ..domain.vocabularies import Vocabulary
from .listing_text import slugify

FORM_FILE = Path(__file__).resolve().parents[3] / ".github" / "ISSUE_TEMPLATE" / "new-listing.yml"
YES_NO = ("Yes", "No")
LONG_TEXT = 280  # free text that may run this long gets a box of several lines


@dataclass(frozen=True)
class Question:
    """One question of the form, and the listing field its answer fills."""

    id: str
    label: str  # also the `### heading` GitHub writes above the answer in the issue body
    kind: str  # input, textarea, dropdown or checkboxes
    description: str
    field: str  # the listing field, as the validator names it (pay.min, apply...)
    required: bool = False
    vocabulary: str | None = None  # options are this vocabulary's names
    options: tuple[str, ...] = ()  # fixed options; the first means yes
    placeholder: str = ""


# The form's layout: each question's id, and the schema field it fills, in the order asked.
# What each question says (label, description, placeholder, whether it is needed) is read
# from that field's notes in the schema.
LAYOUT = (
    ("title", "placement", "title"),
    ("employer", "placement", "employer"),
    ("employer_name", "employer", "name"),
    ("employer_website", "employer", "website"),
    ("employer_about", "employer", "about"),
    ("employer_location", "employer", "location"),
    ("type", "placement", "type"),
    ("sectors", "placement", "sectors"),
    ("regions", "placement", "regions"),
    ("location", "placement", "location"),
    ("workplace", "placement", "workplace"),
    ("hours", "placement", "hours"),
    ("pay_min", "placement", "pay.min"),
    ("pay_max", "placement", "pay.max"),
    ("pay_period", "placement", "pay.period"),
    ("pay_basis", "placement", "pay.basis"),
    ("hours_per_week", "placement", "hours_per_week"),
    ("contract", "placement", "contract"),
    ("contract_months", "placement", "contract.months"),
    ("free", "placement", "free"),
    ("fee", "placement", "fee"),
    ("duration_weeks", "placement", "duration_weeks"),
    ("route_to_permanent", "placement", "route_to_permanent"),
    ("places", "placement", "places"),
    ("partners", "placement", "partners"),
    ("support", "placement", "support"),
    ("min_break_months", "placement", "min_break_months"),
    ("starts", "placement", "starts"),
    ("closes", "placement", "closes"),
    ("apply", "placement", "apply"),
    ("summary", "placement", "summary"),
    ("description", "placement", "description"),
)
# Only the form lets an organisation be named instead of by its id: what that means, per question.
EMPLOYER_CHOICE = {
    "employer": "If you have posted before, give it here. The first time, leave it blank and answer "
                "the questions about your organisation below instead.",
    "employer_name": "Needed on your first listing. Your organisation's id on the board is made from "
                     "this name, in lowercase with hyphens: {example} becomes {example_id}. If an "
                     "organisation with that id is already on the board, the listing is refused: if it "
                     "is yours, give that id as the Employer id instead; if not, give your full name.",
    "employer_website": "Needed on your first listing.",
    "employer_about": "Optional, on your first listing.",
    "employer_location": "Optional, on your first listing.",
}
# How a field that is not a plain value is answered in one box of the form.
ANSWERED_AS = {
    "location": "Several towns? One a line, or separated by commas.",
    "hours_per_week": "A number such as 37.5, or a range such as 20 to 30.",
    "contract": "Fixed term? Give its length in months below.",
    "partners": "One organisation a line: its name, a comma, then its website, such as "
                "Aire Skills Partnership, https://aire-skills.example",
}
# A field picked from a vocabulary although the schema also takes it in another shape.
CHOSEN_FROM = {"contract": "contract_types"}


def _kind(notes: FieldNotes) -> str:
    if notes.path in CHOSEN_FROM:
        return "dropdown"
    if notes.is_list and notes.rule.get("items", {}).get("type") == "object":
        return "textarea"
    if notes.vocabulary:
        return "checkboxes" if notes.is_list else "dropdown"
    if notes.rule.get("type") == "boolean":
        return "dropdown"
    if notes.rule.get("maxLength", 0) >= LONG_TEXT and "pattern" not in notes.rule:
        return "textarea"
    return "input"


def _needed(question_id: str, notes: FieldNotes, kind: str) -> str:
    """Says when an answer is needed, where the form itself cannot insist on it."""
    if question_id in EMPLOYER_CHOICE:
        example = notes.example if question_id == "employer_name" else ""
        return EMPLOYER_CHOICE[question_id].format(example=f'"{example}"', example_id=slugify(example))
    if notes.needed == "always":
        return "Required: tick at least one." if kind == "checkboxes" else ""
    if notes.needed == "optional":
        return "Optional."
    return f"Needed {notes.needed}.".replace("`", "")


def _placeholder(notes: FieldNotes, kind: str) -> str:
    if kind not in ("input", "textarea"):
        return ""
    example = notes.example
    if notes.path == "partners":
        return "\n".join(f"{partner['name']}, {partner['website']}" for partner in example)
    if notes.path == "hours_per_week":
        return f"{example['min']} to {example['max']}"
    return str(next(iter(example.values())) if isinstance(example, dict) else example).rstrip("\n")


def _question(question_id: str, schema: str, path: str) -> Question:
    notes = schema_fields(schema)[path]
    kind = _kind(notes)
    # The form insists only on what every listing needs; an employer is named by id or by name.
    always = notes.needed == "always" and schema == "placement" and question_id != "employer" \
        and kind != "checkboxes"
    # A group of fields (apply) is one answer on the form: its help says how to give it.
    told = notes.help if notes.rule.get("type") == "object" else notes.explanation
    parts = [_needed(question_id, notes, kind), told, ANSWERED_AS.get(path, "")]
    if question_id in EMPLOYER_CHOICE:
        parts.reverse()
    description = " ".join(part for part in parts if part)
    return Question(
        id=question_id, label=notes.question, kind=kind, description=description,
        field=f"employer.{path}" if schema == "employer" else path, required=always,
        vocabulary=CHOSEN_FROM.get(path, notes.vocabulary), options=YES_NO if notes.rule.get("type") == "boolean" else (),
        placeholder=_placeholder(notes, kind))


QUESTIONS = tuple(_question(*layout) for layout in LAYOUT)

INTRO = """\
Thank you for posting on Return to STEM. Fill in this form and a maintainer will turn it
into a listing and open a pull request for it; you will see it linked here. The listing's
posting date is the day it is converted. If you use git, you can instead add the listing
yourself: CONTRIBUTING.md in this repository explains how.

Questions marked * must be answered. Those "needed for a returnship" or "for a programme"
can be left blank for the other types. Everything you write here is public.
"""

HEADER = """\
# Generated from schemas/ and data/vocabularies.yaml by plugins/returnboard/cli/issue_form.py:
# do not edit. After changing either, run `make issue-form` and commit the result.
"""


class _FormDumper(yaml.SafeDumper):
    """Writes text of several lines as a `|` block, so the form reads like a hand-written one."""


def _text(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_FormDumper.add_representer(str, _text)


def option_labels(question: Question, vocabularies: dict[str, Vocabulary]) -> list[str]:
    """What the employer sees and GitHub writes back: vocabulary names, or fixed options."""
    if question.vocabulary:
        return [term.name for term in vocabularies[question.vocabulary]]
    return list(question.options)


def _element(question: Question, vocabularies: dict[str, Vocabulary]) -> dict:
    attributes: dict = {"label": question.label, "description": question.description}
    if question.kind == "checkboxes":
        attributes["options"] = [{"label": label} for label in option_labels(question, vocabularies)]
    elif question.kind == "dropdown":
        attributes["options"] = option_labels(question, vocabularies)
    if question.placeholder:
        attributes["placeholder"] = question.placeholder
    element = {"type": question.kind, "id": question.id, "attributes": attributes}
    if question.required:
        element["validations"] = {"required": True}
    return element


def render_form(vocabularies: dict[str, Vocabulary] | None = None) -> str:
    """The issue form as YAML text, with every option list read from the vocabularies."""
    vocabularies = vocabularies or load_vocabularies()
    form = {
        "name": "New listing",
        "description": "Post a returnship, returner-friendly job or return-to-work programme "
                       "without using git.",
        "title": "New listing: ",
        "labels": ["listing"],
        "body": [{"type": "markdown", "attributes": {"value": INTRO}}]
        + [_element(question, vocabularies) for question in QUESTIONS],
    }
    return HEADER + yaml.dump(form, Dumper=_FormDumper, sort_keys=False, allow_unicode=True, width=100)


def main(write: bool) -> int:
    """Print the form, or write it over .github/ISSUE_TEMPLATE/new-listing.yml."""
    text = render_form()
    if not write:
        print(text, end="")
        return 0
    FORM_FILE.parent.mkdir(parents=True, exist_ok=True)
    FORM_FILE.write_text(text, encoding="utf-8")
    print(f"Wrote {FORM_FILE.relative_to(FORM_FILE.parents[2])}.")
    return 0
