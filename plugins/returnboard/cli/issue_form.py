"""The "New listing" GitHub issue form, generated from data/vocabularies.yaml.

The questions are defined once, here: `render_form()` writes the form from them and
`fromissue` reads an issue body back with them, so the two always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from ..content.data_files import load_vocabularies
from ..domain.vocabularies import Vocabulary

FORM_FILE = Path(__file__).resolve().parents[3] / ".github" / "ISSUE_TEMPLATE" / "new-listing.yml"
CONVERT_LABEL = "listing: convert"
YES_NO = ("Yes", "No")


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


QUESTIONS = (
    Question("title", "Title", "input", "The name of the role or programme, 5 to 120 characters.",
             "title", required=True, placeholder="Robotics software engineer returnship"),
    Question("employer", "Employer id", "input",
             "If you have posted before: the id of your organisation on the board (the name of its "
             "file in content/employers/, such as northumbria-robotics). Leave it blank the first "
             "time and fill in the next two questions instead.", "employer",
             placeholder="northumbria-robotics"),
    Question("employer_name", "Organisation name (first listing only)", "input",
             "Your organisation's name, as people know it.", "employer.name",
             placeholder="Northumbria Robotics"),
    Question("employer_website", "Organisation website (first listing only)", "input",
             "Your organisation's website, starting with https://.", "employer.website",
             placeholder="https://northumbria-robotics.example"),
    Question("type", "Type of opportunity", "dropdown", "What you are offering.", "type",
             required=True, vocabulary="types"),
    Question("sectors", "Sectors", "checkboxes", "Tick at least one.", "sectors",
             vocabulary="sectors"),
    Question("regions", "Regions", "checkboxes",
             "Where the work is. Tick UK-wide if people can work from anywhere in the UK.",
             "regions", vocabulary="regions"),
    Question("location", "Town or city", "input",
             "Where the work happens. Needed unless the work is fully remote.", "location",
             placeholder="Newcastle upon Tyne"),
    Question("workplace", "Workplace", "dropdown", "Where people work day to day.", "workplace",
             required=True, vocabulary="workplaces"),
    Question("hours", "Working hours", "checkboxes", "Tick every pattern you offer.", "hours",
             vocabulary="hours"),
    Question("pay_min", "Pay from (£)", "input",
             "Needed for returnships and jobs: the least it pays, in pounds before tax, digits only.",
             "pay.min", placeholder="38000"),
    Question("pay_max", "Pay up to (£)", "input",
             "The most it pays, if there is a range. Leave blank for a single figure.", "pay.max",
             placeholder="44000"),
    Question("pay_period", "Pay period", "dropdown", "The pay above is paid…", "pay.period",
             vocabulary="pay_periods"),
    Question("free", "Free for returners?", "dropdown",
             "Programmes only: does it cost the returner nothing?", "free", options=YES_NO),
    Question("fee", "Fee", "input",
             "Programmes that are not free: what it costs, in plain words.", "fee",
             placeholder="£450, or free for members"),
    Question("duration_weeks", "Length in weeks", "input",
             "Needed for returnships and programmes: how many weeks it lasts.", "duration_weeks",
             placeholder="16"),
    Question("route_to_permanent", "Can a permanent job follow?", "dropdown",
             "Needed for returnships.", "route_to_permanent", options=YES_NO),
    Question("support", "Support offered", "checkboxes", "Tick everything you offer returners.",
             "support", vocabulary="support"),
    Question("min_break_months", "Shortest career break, in months", "input",
             "The shortest career break you ask for, if any. Returner programmes often say 12.",
             "min_break_months", placeholder="12"),
    Question("starts", "Start date", "input", "Optional: when it starts, as YYYY-MM-DD.",
             "starts", placeholder="2027-03-01"),
    Question("closes", "Closing date", "input",
             "The last day people can apply, as YYYY-MM-DD, within 12 months. The listing "
             "closes on the board by itself after this day.", "closes", required=True,
             placeholder="2027-01-15"),
    Question("apply", "How to apply", "input",
             "A web address starting with https://, or an email address.", "apply",
             required=True, placeholder="https://northumbria-robotics.example/careers/returners"),
    Question("summary", "Summary", "textarea",
             "Plain text, 20 to 280 characters: shown on cards and in search results.",
             "summary", required=True),
    Question("description", "Description", "textarea",
             "The full description, at least 50 characters. You can use Markdown: ## headings, "
             "- lists, **bold** and [links](https://example.com).", "description", required=True),
)

INTRO = """\
Thank you for posting on Return to STEM. Fill in this form and a maintainer will turn it
into a listing and open a pull request for it; you will see it linked here. The listing's
posting date is the day it is converted. If you use git, you can instead add the listing
yourself: CONTRIBUTING.md in this repository explains how.

Fields marked as needed "for returnships" or "for programmes" can be left blank for the
other types. Everything you write here is public.
"""

HEADER = """\
# Generated from data/vocabularies.yaml by plugins/returnboard/cli/issue_form.py: do not edit.
# After changing a vocabulary, run `make issue-form` and commit the result.
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
