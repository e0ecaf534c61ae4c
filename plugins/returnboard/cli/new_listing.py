"""`python -m returnboard new`: ask a few questions, then write a commented listing that validates.

Answers can be given as options (`--title ... --type returnship`); the rest are asked
for when a person is typing, else their defaults are used. Which answers a type needs
(pay for a job, a fee for a paid programme...), and how each question is worded, are read
from the placement schema.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
from pathlib import Path

from ..content.data_files import load_vocabularies
from ..content.field_notes import schema_fields
from ..content.loading import SLUG
from ..content.placeholders import GUIDANCE, GUIDANCE_DESCRIPTION
from ..content.schema_check import SchemaChecker
from ..domain.answers import read_contract, read_date, read_hours_a_week, read_pounds, read_towns
from ..domain.vocabularies import Vocabulary
from .environment import board_settings
from .listing_text import render_listing, slugify
from .validate import check_content, report

DEFAULT_OPEN_WEEKS = 8
FIELDS = schema_fields("placement")  # each field's question and limits


class Stop(Exception):
    """The person stopped answering; nothing is written."""


class Answers:
    """Collects answers from options, a person, or defaults; remembers what was wrong."""

    def __init__(self, options: argparse.Namespace, interactive: bool, vocabularies, employers):
        self.options = options
        self.interactive = interactive
        self.vocabularies = vocabularies
        self.employers = employers
        self.missing: list[str] = []

    def get(self, name: str, prompt: str, parse, default=None, optional: bool = False):
        """One answer: the option if given, else asked for, else the default."""
        given = getattr(self.options, name)
        flag = "--" + name.replace("_", "-")
        if given is not None:
            try:
                return parse(given)
            except ValueError as error:
                if not self.interactive:
                    self.missing.append(f"{flag}: {error}")
                    return None
                print(f"{flag}: {error}", file=sys.stderr)
        if not self.interactive:
            if default is None and not optional:
                self.missing.append(f"{flag} is needed: {prompt}")
            return default
        return self.ask(prompt, parse, default, optional)

    def ask(self, prompt: str, parse, default, optional: bool):
        shown = f" [{_show(default)}]" if default is not None else (" (Enter to skip)" if optional else "")
        while True:
            try:
                typed = input(f"{prompt}{shown}: ").strip()
            except EOFError:
                raise Stop from None
            if not typed:
                if default is not None or optional:
                    return default
                print("  This one is needed.", file=sys.stderr)
                continue
            try:
                return parse(typed)
            except ValueError as error:
                print(f"  {error}", file=sys.stderr)

    # Parsers: each turns typed text into a value, or raises ValueError saying what to type.
    def terms(self, key: str):
        def parse(text: str) -> list[str]:
            ids = [self.term(key)(part) for part in re.split(r"\s*,\s*", text.strip()) if part]
            if not ids:
                raise ValueError("give at least one")
            return list(dict.fromkeys(ids))
        return parse

    def term(self, key: str):
        vocabulary: Vocabulary = self.vocabularies[key]

        def parse(text: str) -> str:
            wanted = text.strip().lower()
            for term in vocabulary:
                if wanted in (term.id, term.name.lower()):
                    return term.id
            raise ValueError(f"{text!r} is not one of: {', '.join(vocabulary.ids)}")
        return parse

    def employer(self, text: str) -> str:
        if text not in self.employers:
            known = ", ".join(sorted(self.employers)) or "none yet"
            raise ValueError(f"there is no content/employers/{text}.yaml (known: {known}); "
                             "add your organisation's file first, as CONTRIBUTING.md explains")
        return text


def text(low: int, high: int):
    def parse(value: str) -> str:
        value = " ".join(value.split())
        if not low <= len(value) <= high:
            raise ValueError(f"write {low} to {high} characters (this is {len(value)})")
        return value
    return parse


def number(value: str):
    return read_pounds(value)


def whole(value: str) -> int:
    result = number(value)
    if not isinstance(result, int):
        raise ValueError(f"{value!r} is not a whole number")
    return result


def yes_no(value: str) -> bool:
    if value.strip().lower() in ("y", "yes", "true"):
        return True
    if value.strip().lower() in ("n", "no", "false"):
        return False
    raise ValueError("answer yes or no")


def date(value: str) -> str:
    return read_date(value).isoformat()


def apply_to(value: str) -> dict:
    value = value.strip()
    if "@" in value and not value.startswith("https://"):
        return {"email": value}
    if not value.startswith("https://"):
        raise ValueError("give a web address starting with https:// or an email address")
    return {"url": value}


def _show(value) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ",".join(value)
    if isinstance(value, dict):
        return next(iter(value.values()))
    return str(value)


def needed(checker: SchemaChecker, data: dict) -> list[str]:
    """Top-level fields the schema still asks for, given the answers so far."""
    missing = []
    for error in checker.validator.iter_errors(data):
        if error.validator == "required" and not error.absolute_path:
            missing += [name for name in error.validator_value if name not in data]
    return list(dict.fromkeys(missing))


def summary_for(data: dict, vocabularies) -> str:
    """A plain first summary, from the answers, for the employer to improve."""
    kind = vocabularies["types"].by_id[data["type"]].name.lower()
    sectors = [vocabularies["sectors"].by_id[i].name.lower() for i in data["sectors"]]
    field = " and ".join([", ".join(sectors[:-1]), sectors[-1]] if len(sectors) > 1 else sectors)
    where = f" in {data['location']}" if data.get("location") and data["workplace"] != "remote" else ""
    article = "An" if kind[0] in "aeiou" else "A"
    return f"{article} {kind}{where} for people coming back to {field} after a career break."[:280]


def question(path: str, vocabularies) -> str:
    """A field's question as the schema words it, with what to type for it."""
    notes = FIELDS[path]
    if notes.vocabulary:
        ids = ", ".join(vocabularies[notes.vocabulary].ids)
        return f"{notes.question}, separated by commas ({ids})" if notes.is_list else f"{notes.question} ({ids})"
    if notes.rule.get("type") == "boolean":
        return f"{notes.question} (yes/no)"
    if notes.rule.get("format") == "date":
        return f"{notes.question}, YYYY-MM-DD"
    if notes.rule.get("type") == "object" and notes.help:
        return f"{notes.question} ({notes.help[0].lower()}{notes.help[1:].rstrip('.')})"
    if notes.rule.get("type") == ["string", "array"]:
        return f"{notes.question}, or several separated by commas"
    return f"{notes.question} ({notes.limits})" if notes.limits else notes.question


def sized(path: str):
    """The text parser for a field, with the schema's length limits."""
    rule = FIELDS[path].rule
    return text(rule.get("minLength", 0), rule["maxLength"])


def collect(answers: Answers, checker: SchemaChecker, today: dt.date) -> dict:
    """Every field of the listing, asking only what the type of listing needs."""
    ask = lambda path: question(path, answers.vocabularies)  # noqa: E731
    data = {
        "title": answers.get("title", ask("title"), sized("title")),
        "employer": answers.get("employer", ask("employer"), answers.employer),
        "type": answers.get("type", ask("type"), answers.term("types"), default="returnship"),
        "sectors": answers.get("sectors", ask("sectors"), answers.terms("sectors")),
        "regions": answers.get("regions", ask("regions"), answers.terms("regions")),
        "workplace": answers.get("workplace", ask("workplace"), answers.term("workplaces"), default="hybrid"),
        "hours": answers.get("hours", ask("hours"), answers.terms("hours"), default=["full-time"]),
    }
    data = {key: value for key, value in data.items() if value is not None}
    asked = set()
    while True:  # the schema's conditions decide what else this listing needs
        wanted = [name for name in needed(checker, data) if name not in asked and name in CONDITIONAL]
        wanted.sort(key=list(checker.schema["properties"]).index)  # ask in the file's order
        if not wanted:
            break
        for name in wanted:
            asked.add(name)
            data[name] = CONDITIONAL[name](answers, data)
    _optional_facts(answers, data, ask)
    data["support"] = answers.get("support", ask("support"), answers.terms("support"), optional=True)
    data["min_break_months"] = answers.get("min_break_months", ask("min_break_months"), whole, optional=True)
    data["starts"] = answers.get("starts", ask("starts"), date, optional=True)
    data["posted"] = today.isoformat()
    data["closes"] = answers.get("closes", ask("closes"), date,
                                 default=(today + dt.timedelta(weeks=DEFAULT_OPEN_WEEKS)).isoformat())
    data["apply"] = answers.get("apply", ask("apply"), apply_to)
    if not answers.missing:  # the first summary is made from the answers above
        data["summary"] = answers.get("summary", ask("summary"), sized("summary"),
                                      default=summary_for(data, answers.vocabularies))
    # Left out, the description is our guidance, which the validator refuses until it is rewritten.
    data["description"] = answers.get(
        "description", ask("description") + ", in Markdown on one line; else write it in the file afterwards",
        sized("description"), optional=True) or GUIDANCE_DESCRIPTION
    return {key: value for key, value in data.items() if value is not None}


def _optional_facts(answers: Answers, data: dict, ask) -> None:
    """The facts that only some listings have, asked only of those they fit."""
    kind = data.get("type")
    pro_rata = {term.id for term in answers.vocabularies["hours"] if term.pro_rata}
    if data.get("pay") and data["pay"].get("period") == "year" and pro_rata & set(data.get("hours", [])):
        basis = answers.get("pay_basis", ask("pay.basis"), answers.term("pay_bases"), optional=True)
        if basis:
            data["pay"]["basis"] = basis
    data["hours_per_week"] = answers.get("hours_per_week", ask("hours_per_week"), read_hours_a_week, optional=True)
    if kind == "job":
        data["contract"] = answers.get("contract", ask("contract"), read_contract, optional=True)
    if kind in ("returnship", "programme"):
        data["places"] = answers.get("places", ask("places"), whole, optional=True)


def _pay(answers: Answers, data: dict):
    least = answers.get("pay_min", question("pay.min", answers.vocabularies), number)
    most = answers.get("pay_max", question("pay.max", answers.vocabularies), number, optional=True)
    period = answers.get("pay_period", question("pay.period", answers.vocabularies),
                         answers.term("pay_periods"), default="year")
    if least is None:
        return None
    return {key: value for key, value in (("min", least), ("max", most), ("period", period)) if value is not None}


def _ask(name: str, parse, **default):
    """A conditional question that is one field of the schema."""
    return lambda answers, data: answers.get(name, question(name, answers.vocabularies), parse, **default)


def towns(value: str) -> str | list[str]:
    """One town, or several separated by commas, each within the schema's length."""
    found = read_towns(value)
    for town in [found] if isinstance(found, str) else found:
        sized("location")(town)
    return found


CONDITIONAL = {
    "location": _ask("location", towns),
    "pay": _pay,
    "duration_weeks": _ask("duration_weeks", whole, default=12),
    "route_to_permanent": _ask("route_to_permanent", yes_no, default=True),
    "free": _ask("free", yes_no, default=True),
    "fee": _ask("fee", sized("fee")),
}
# Each option of `new`, and the schema field its help is read from.
OPTIONS = (
    ("title", "title"), ("employer", "employer"), ("type", "type"), ("sectors", "sectors"),
    ("regions", "regions"), ("workplace", "workplace"), ("location", "location"), ("hours", "hours"),
    ("pay-min", "pay.min"), ("pay-max", "pay.max"), ("pay-period", "pay.period"),
    ("duration-weeks", "duration_weeks"), ("route-to-permanent", "route_to_permanent"), ("free", "free"),
    ("fee", "fee"), ("pay-basis", "pay.basis"), ("hours-per-week", "hours_per_week"), ("contract", "contract"),
    ("places", "places"), ("support", "support"), ("min-break-months", "min_break_months"), ("starts", "starts"),
    ("closes", "closes"), ("apply", "apply"), ("summary", "summary"), ("description", "description"),
    ("slug", "slug"),
)
DEFAULTS = {"description": "guidance to replace in the file", "slug": "from the title"}


def option_help(option: str, path: str) -> str:
    notes = FIELDS[path]
    shown = notes.explanation
    if notes.vocabulary:
        shown += " Comma-separated ids." if notes.is_list else " One id."
    if notes.rule.get("type") == "boolean":
        shown += " Yes or no."
    return shown + (f" Default: {DEFAULTS[option]}." if option in DEFAULTS else "")


def add_parser(commands) -> None:
    new = commands.add_parser("new", help="write a new listing from a few answers",
                              description="Write content/placements/<slug>.yaml from a few answers. "
                                          "Anything not given as an option is asked for, or defaulted "
                                          "when nobody is typing.")
    for option, path in OPTIONS:
        new.add_argument(f"--{option}", help=option_help(option, path))
    new.add_argument("--content", default="content", help="the content folder")
    new.add_argument("--no-input", action="store_true", help="never ask; use defaults")


def main(options: argparse.Namespace) -> int:
    content = Path(options.content)
    folder = content / "placements"
    if not folder.is_dir():
        print(f"new: there is no {folder}/ here: run this from the board's folder", file=sys.stderr)
        return 2
    settings = board_settings()
    vocabularies = load_vocabularies(settings.data_path)
    employers = {path.stem for path in (content / "employers").glob("*.yaml")}
    interactive = sys.stdin.isatty() and not options.no_input
    answers = Answers(options, interactive, vocabularies, employers)
    try:
        data = collect(answers, SchemaChecker("placement", vocabularies), settings.today)
    except (Stop, KeyboardInterrupt):
        print("\nStopped: nothing was written.", file=sys.stderr)
        return 1
    if answers.missing:
        print("new: nothing was written, because:", file=sys.stderr)
        for reason in answers.missing:
            print(f"  {reason}", file=sys.stderr)
        return 2
    slug = options.slug or slugify(data["title"])
    if not SLUG.match(slug):
        print(f"new: --slug {slug!r} must be lowercase letters, digits and hyphens, "
              f"such as {slugify(slug)}", file=sys.stderr)
        return 2
    path = folder / f"{slug}.yaml"
    shown = os.path.relpath(path)
    if path.exists():
        print(f"new: {shown} already exists, and was left as it was: "
              "choose another title or give --slug", file=sys.stderr)
        return 1
    text = render_listing(data, vocabularies)
    board = check_content(content, [], settings, {path: text.encode("utf-8")})
    unwritten = [problem for problem in board.errors
                 if problem.field == "description" and any(sentence in problem.message for sentence in GUIDANCE)]
    if len(unwritten) < len(board.errors):
        report([problem for problem in board.problems if problem not in unwritten])
        print("new: nothing was written: fix the answers above.", file=sys.stderr)
        return 1
    try:
        with open(path, "x", encoding="utf-8") as stream:
            stream.write(text)
    except FileExistsError:
        print(f"new: {shown} was written by someone else meanwhile, and was left as it was", file=sys.stderr)
        return 1
    if unwritten:
        print(f"Wrote {shown}. Its description is still our guidance: replace it with your own words "
              f"(make validate FILES={shown} fails until you do), and check the summary reads well.")
        return 0
    print(f"Wrote {shown}. Read its summary and description once more, "
          f"then check it with: make validate FILES={shown}")
    return 0
