"""`python -m returnboard from-issue`: turn a "New listing" issue into a listing file.

GitHub writes the form's answers into the issue body as Markdown: a `### Label` heading
for each question, `_No response_` for a blank, and `- [X] Label` for a ticked box.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..content.data_files import load_vocabularies
from ..domain.text import printable
from ..domain.answers import read_date, read_hours_a_week, read_pounds, read_towns
from ..domain.vocabularies import Vocabulary
from ..settings import BoardSettings
from .environment import board_settings
from .issue_form import QUESTIONS, Question, option_labels
from .issue_reply import reply
from .listing_text import free_path, render_employer, render_listing, slugify
from .validate import check_content

NO_RESPONSE = "_No response_"
CHECKBOX = re.compile(r"^\s*[-*]\s+\[([ xX])\]\s+(.+?)\s*$")
BY_FIELD = {question.field: question for question in QUESTIONS}
BY_ID = {question.id: question for question in QUESTIONS}


class IssueInvalid(Exception):
    """The answers cannot make a valid listing; carries every reason found."""

    def __init__(self, reasons: list[str]):
        self.reasons = reasons
        super().__init__("; ".join(reasons))


def split_answers(body: str) -> dict[str, str]:
    """The answer under each question's heading, by question id; blanks are left out.

    Only the form's own labels, in the form's order, start a new answer, so a
    `### heading` inside the description stays part of the description.
    """
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    headings = {f"### {question.label}": index for index, question in enumerate(QUESTIONS)}
    answers: dict[int, list[str]] = {}
    current = -1
    for line in lines:
        index = headings.get(line.rstrip())
        if index is not None and index > current:
            current = index
            answers[index] = []
        elif current >= 0:
            answers[current].append(line)
    found = {}
    for index, text in answers.items():
        answer = "\n".join(text).strip("\n")
        if answer.strip() and answer.strip() != NO_RESPONSE:
            found[QUESTIONS[index].id] = answer.strip() if QUESTIONS[index].kind != "textarea" else answer
    return found


@dataclass
class Converter:
    """Reads the answers into listing fields, collecting every problem rather than stopping."""

    vocabularies: dict[str, Vocabulary]
    reasons: list[str] = field(default_factory=list)
    labels: set[str] = field(default_factory=set)

    def problem(self, question: Question, message: str, hint: str) -> None:
        self.reasons.append(f"{question.label}: {message} ({hint})")
        self.labels.add(question.label)

    def choice(self, question: Question, answer: str) -> str | bool | None:
        """A dropdown's answer: a vocabulary id, or True/False for a yes/no question."""
        labels = option_labels(question, self.vocabularies)
        position = _find(answer, labels, self._ids(question))
        if position is None:
            self.problem(question, f"{answer!r} is not one of the choices", "use one of: " + ", ".join(labels))
            return None
        return self._ids(question)[position] if question.vocabulary else position == 0

    def ticked(self, question: Question, answer: str) -> list[str]:
        """The vocabulary ids of the ticked boxes."""
        labels = option_labels(question, self.vocabularies)
        ids = []
        for line in answer.split("\n"):
            match = CHECKBOX.match(line)
            if not match or match.group(1) == " ":
                continue
            position = _find(match.group(2), labels, self._ids(question))
            if position is None:
                self.problem(question, f"{match.group(2)!r} is not one of the choices",
                             "use one of: " + ", ".join(labels))
            elif self._ids(question)[position] not in ids:
                ids.append(self._ids(question)[position])
        return ids

    def number(self, question: Question, answer: str, whole: bool = False):
        try:
            value = read_pounds(answer)
        except ValueError:
            self.problem(question, f"{answer!r} is not a number", "write digits only, such as 38000")
            return None
        if whole and not isinstance(value, int):
            self.problem(question, f"{answer!r} is not a whole number", "write a whole number, such as 12")
            return None
        return value

    def date(self, question: Question, answer: str) -> str:
        """A date as YYYY-MM-DD, however it was typed; else the answer, for the validator to explain."""
        try:
            return read_date(answer).isoformat()
        except ValueError:
            return answer

    def _ids(self, question: Question) -> list:
        if question.vocabulary:
            return self.vocabularies[question.vocabulary].ids
        return list(question.options)

    def listing(self, answers: dict[str, str], posted: str) -> tuple[dict, dict | None]:
        """The listing's fields, and a new employer's fields when the issue names one."""
        ask = {question.id: question for question in QUESTIONS}
        data: dict = {}
        employer, new_employer = self.employer(answers, ask)
        for question in QUESTIONS:
            answer = answers.get(question.id)
            if answer is None or question.id.startswith(("employer", "pay_", "contract")):
                continue
            if question.kind == "checkboxes":
                data[question.field] = self.ticked(question, answer) or None
            elif question.kind == "dropdown":
                data[question.field] = self.choice(question, answer)
            elif question.id == "location":
                try:
                    data["location"] = read_towns(answer)
                except ValueError as error:
                    self.problem(question, str(error), "write the town or city, or several separated by commas")
            elif question.id == "hours_per_week":
                data["hours_per_week"] = self.hours(question, answer)
            elif question.id == "partners":
                data["partners"] = self.partners(question, answer)
            elif question.id in ("duration_weeks", "min_break_months", "places"):
                data[question.field] = self.number(question, answer, whole=True)
            elif question.id in ("closes", "starts"):
                data[question.field] = self.date(question, answer)
            elif question.id == "apply":
                data["apply"] = {"email": answer.removeprefix("mailto:")} if _is_email(answer) else {"url": answer}
            elif question.id == "summary":  # plain text: line breaks typed in the box are not kept
                data["summary"] = " ".join(answer.split())
            else:
                data[question.field] = answer
        data["employer"] = employer
        data["posted"] = posted
        pay = self.pay(answers, ask)
        if pay:
            data["pay"] = pay
        data["contract"] = self.contract(answers, ask)
        for name in ("sectors", "regions", "hours"):
            if data.get(name) is None:
                data[name] = []  # so that the schema reports it as an empty list
        return {key: value for key, value in data.items() if value is not None}, new_employer

    def employer(self, answers, ask) -> tuple[str | None, dict | None]:
        if "employer" in answers:
            return answers["employer"].strip().lower(), None
        name, website = answers.get("employer_name"), answers.get("employer_website")
        if not name or not website:
            self.problem(ask["employer"], "no employer is given",
                         "give your employer id, or your organisation's name and website")
            return None, None
        details = {field: answers[f"employer_{field}"] for field in ("about", "location")
                   if f"employer_{field}" in answers}
        return slugify(name), {"name": name, "website": website, **details}

    def hours(self, question: Question, answer: str):
        """Hours a week: one number, or a range such as `20 to 30` or `20-30`."""
        try:
            return read_hours_a_week(answer)
        except ValueError as error:
            self.problem(question, f"{answer!r} is not a number of hours", str(error).split(": ", 1)[-1])
            return None

    def partners(self, question: Question, answer: str) -> list[dict] | None:
        """Each line `Name, https://site`: the website is what follows the last comma."""
        found = []
        for line in answer.split("\n"):
            line = line.strip().lstrip("-* ").strip()
            if not line:
                continue
            name, comma, website = line.rpartition(",")
            if not comma:
                self.problem(question, f"{line!r} has no website",
                             "write the name, a comma, then the website, such as Aire Skills, https://aire.example")
                continue
            found.append({"name": name.strip(), "website": website.strip()})
        return found or None

    def contract(self, answers, ask) -> str | dict | None:
        """Permanent, or a fixed term with its length in months."""
        if "contract" not in answers and "contract_months" not in answers:
            return None
        kind = self.choice(ask["contract"], answers["contract"]) if "contract" in answers else "fixed-term"
        if kind == "permanent" or kind is None:
            return kind
        months = answers.get("contract_months")
        return {"type": kind, **({"months": self.number(ask["contract_months"], months, whole=True)}
                                 if months else {})}

    def pay(self, answers, ask) -> dict | None:
        if not any(key in answers for key in ("pay_min", "pay_max", "pay_period")):
            return None
        pay = {}
        for key, part in (("pay_min", "min"), ("pay_max", "max")):
            if key in answers:
                pay[part] = self.number(ask[key], answers[key])
        pay["period"] = self.choice(ask["pay_period"], answers["pay_period"]) if "pay_period" in answers else "year"
        if "pay_basis" in answers:
            pay["basis"] = self.choice(ask["pay_basis"], answers["pay_basis"])
        return {key: value for key, value in pay.items() if value is not None}


def _find(answer: str, labels: list[str], ids: list) -> int | None:
    """Which option an answer is, by its label or its id, ignoring case."""
    wanted = answer.strip().lower()
    for position, (label, option_id) in enumerate(zip(labels, ids)):
        if wanted in (label.lower(), str(option_id).lower()):
            return position
    return None


def _is_email(answer: str) -> bool:
    return "@" in answer and not answer.lower().startswith(("http://", "https://"))


def convert(body: str, out: Path, content: Path, settings: BoardSettings) -> list[Path]:
    """Write the listing (and a new employer) into the content folder, once the validator accepts them.

    The files are checked before they are written. Raises IssueInvalid, writing nothing, when the
    answers do not make a valid listing:
    every reason at once, so that the employer can fix the issue in one edit.
    """
    vocabularies = load_vocabularies(settings.data_path)
    converter = Converter(vocabularies)
    data, new_employer = converter.listing(split_answers(body), settings.today.isoformat())
    drafts: dict[Path, str] = {}  # each file to write, checked before any is written
    if new_employer:
        employer_file = content / "employers" / f"{data['employer']}.yaml"
        if employer_file.exists():
            # Never attach a listing to an employer the answers did not name by its id: the
            # organisation posting again says so with the Employer id, and anyone else is stopped.
            converter.problem(BY_ID["employer_name"],
                              f"there is already an employer `{data['employer']}` on the board",
                              f"if that is your organisation, give `{data['employer']}` as the Employer id "
                              "and leave the organisation's name and website blank; if it is not, "
                              "give your organisation's full name")
        else:
            drafts[employer_file] = render_employer(new_employer)
    listing_file = content / "placements" / free_path(out, slugify(data.get("title", ""))).name
    drafts[listing_file] = render_listing(data, vocabularies)
    board = check_content(content, [], settings, {path: text.encode("utf-8") for path, text in drafts.items()})
    mine = {path.resolve() for path in drafts}
    reasons = list(converter.reasons)
    for problem in board.errors:
        label, reason = _as_answer(problem)
        # An answer that could not be read is missing from the file: say why only once.
        if Path(problem.file).resolve() in mine and label not in converter.labels:
            reasons.append(reason)
    if reasons:
        raise IssueInvalid(list(dict.fromkeys(reasons)))
    for path, text in drafts.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(drafts)


def _as_answer(problem) -> tuple[str, str]:
    """A validator problem, named by the question the employer answered."""
    name = problem.field.split(".")[0] if problem.field.startswith("apply") else problem.field
    in_employer = "employers" in Path(problem.file).parts
    question = BY_FIELD.get(f"employer.{name}" if in_employer else name) or BY_FIELD.get(name.split(".")[0])
    label = question.label if question else "The listing"
    hint = f" ({problem.hint})" if problem.hint else ""
    return label, f"{label}: {problem.message}{hint}"


def main(body: str, out: str, content: str | None = None, comment: str | None = None) -> int:
    """Convert the issue; on failure, print the reasons and, with `comment`, write the reply to post."""
    out_path = Path(out)
    content_path = Path(content) if content else out_path.resolve().parent
    if not out_path.is_dir():
        print(f"from-issue: {out} is not a folder: give the placements folder, "
              "such as content/placements/", file=sys.stderr)
        return 2
    try:
        text = Path(body).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        print(f"from-issue: cannot read the issue body {body}: {error}", file=sys.stderr)
        return 2
    try:
        written = convert(text, out_path, content_path, board_settings())
    except IssueInvalid as invalid:
        # The reasons quote the answers: each is kept to one line, so none can pose as a
        # command to the CI runner that prints it.
        print("The issue cannot be turned into a listing yet. Please edit the issue to fix:",
              file=sys.stderr)
        for reason in invalid.reasons:
            print(f"- {printable(reason)}", file=sys.stderr)
        if comment:
            Path(comment).write_text(reply(invalid.reasons), encoding="utf-8")
        return 1
    for path in written:
        print(os.path.relpath(path))
    return 0
