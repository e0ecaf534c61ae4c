"""Read and check every content file, turning valid ones into employers and placements.

One bad file never hides another: every problem in every file is collected.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..domain.dates import parse_date
from ..domain.models import Employer, Pay, Photo, Placement, ReturnerProgramme, Story
from ..domain.vocabularies import Vocabulary
from ..site.parallel import parallel_map
from .field_rules import check_listing, check_lookalike_host, check_markdown_links
from .markdown import render_markdown
from .problems import Problem
from .schema_check import SchemaChecker
from .yaml_loader import (
    Position,
    YamlDocument,
    field_name,
    read_front_matter_bytes,
    read_yaml_bytes,
)

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATA_SUFFIXES = {".yaml", ".yml"}


@dataclass
class Board:
    """Everything read from the content folder, and what was wrong with it."""

    vocabularies: dict[str, Vocabulary]
    today: dt.date
    employers: dict[str, Employer] = field(default_factory=dict)
    placements: list[Placement] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]


def display_path(path: Path) -> str:
    """A path as the author knows it: relative to where the command was run, if inside it."""
    relative = os.path.relpath(path)
    return str(Path(path).resolve()) if relative.startswith("..") else relative


class BoardReader:
    def __init__(self, content: Path, vocabularies: dict[str, Vocabulary], today: dt.date):
        self.content = Path(content)
        self.board = Board(vocabularies=vocabularies, today=today)
        self.wanted: set[Path] | None = None
        self.titles: dict[tuple, str] = {}  # (employer, title) -> the first file that uses them
        self.checkers = {
            kind: SchemaChecker(kind, vocabularies) for kind in ("placement", "employer", "story")
        }

    def problem(self, file: str, position, field: str, message: str, hint: str,
                severity: str = "error") -> None:
        self.board.problems.append(
            Problem(file, position.line, position.column, field, message, hint, severity)
        )

    def read(self, only: list[Path] | None = None) -> Board:
        """Read the whole board; with `only`, check just those files (plus cross-file rules)."""
        self.wanted = None if only is None else {Path(p).resolve() for p in only}
        employer_files, placement_files, story_files = self.discover()
        for path in employer_files:
            self.read_employer(path)
        for path in story_files:
            if self.is_wanted(path):
                self.read_story(path)
        placement_ids: dict[str, str] = {}
        skipped = [path for path in placement_files if not self.is_wanted(path)]
        for path in skipped:
            self.remember_title(path)
        to_read = []
        for path in placement_files:
            first = placement_ids.setdefault(path.stem, display_path(path))
            if path in skipped:
                continue
            if first != display_path(path):
                self.problem(display_path(path), _START, "(file)",
                             f"another listing already uses the name `{path.stem}` ({first})",
                             "rename this file so that each listing has its own name")
                continue
            to_read.append(path)
        self.read_placements(to_read)
        self.board.problems.sort()
        self.board.placements.sort(key=lambda p: (p.posted, p.slug), reverse=True)
        self.board.stories.sort(key=lambda s: (s.published, s.slug), reverse=True)
        return self.board

    def discover(self):
        """Find the content files, reporting any data file in the wrong place."""
        employers, placements, stories = [], [], []
        for root, dirs, files in os.walk(self.content):
            dirs.sort()
            for name in sorted(files):
                path = Path(root) / name
                where = path.relative_to(self.content).parts
                if where[0] == "placements":
                    if path.suffix == ".yaml":
                        placements.append(path)
                    elif self.is_wanted(path):
                        self.misplaced_in_placements(path)
                elif where[0] == "employers" and len(where) == 2 and path.suffix == ".yaml":
                    employers.append(path)
                elif where[0] == "stories" and len(where) == 2 and path.suffix == ".md":
                    stories.append(path)
                elif path.suffix in DATA_SUFFIXES and self.is_wanted(path):
                    self.problem(display_path(path), _START, "(file)",
                                 "this data file is outside content/placements/ and content/employers/",
                                 "move a listing to content/placements/ and an employer to content/employers/")
        return employers, placements, stories

    def is_wanted(self, path: Path) -> bool:
        """Whether this run checks the file: every file, unless it was given a list."""
        return self.wanted is None or path.resolve() in self.wanted

    def misplaced_in_placements(self, path: Path) -> None:
        if path.suffix == ".yml":
            hint = f"rename it to {path.stem}.yaml"
        else:
            hint = f"a listing is a .yaml file: copy the template to content/placements/{path.stem}.yaml"
        self.problem(display_path(path), _START, "(file)",
                     f"`{path.name}` is not a listing file", hint)

    def load(self, path: Path, kind: str) -> tuple[YamlDocument | None, str, int]:
        """Parse and schema-check one file, recording its problems; None if unusable.

        A story is Markdown with its details at the top; its Markdown comes back too.
        """
        file = display_path(path)
        if not SLUG.match(path.stem):
            suggestion = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "my-listing"
            self.problem(file, _START, "(file)",
                         f"the file name `{path.stem}` is not lowercase letters, digits and hyphens",
                         f"rename it to {suggestion}{path.suffix}")
        try:
            raw = path.read_bytes()
        except OSError as error:
            self.problem(file, _START, "(file)", f"cannot be read: {error.strerror}",
                         "check the file exists and is readable")
            return None, "", 1
        document, body, body_line = read_front_matter_bytes(raw) if kind == "story" \
            else (read_yaml_bytes(raw), "", 1)
        for problem in document.problems:
            self.problem(file, problem.position, problem.field, problem.message, problem.hint)
        if document.data is None and not document.problems:
            return None, body, body_line
        if not isinstance(document.data, dict):
            if not document.problems:
                self.problem(file, _START, "(file)", "the file is not a list of `name: value` fields",
                             "copy the template and fill in its fields")
            return None, body, body_line
        start = len(self.board.problems)
        already_reported = {problem.field for problem in document.problems}
        for path_in_data, message, hint in self.checkers[kind].check(document.data, document.plain_scalars):
            if field_name(path_in_data) not in already_reported:
                self.problem(file, document.position_of(path_in_data), field_name(path_in_data),
                             message, hint)
        usable = not document.problems and not any(p.is_error for p in self.board.problems[start:])
        return (document if usable else None), body, body_line

    def read_employer(self, path: Path) -> None:
        document, _, _ = self.load(path, "employer")
        if document is None:
            return
        data = document.data
        file = display_path(path)
        for finding in check_markdown_links(data.get("about", ""), ("about",)):
            self.problem(file, document.text_position(finding.path, finding.offset), "about",
                         finding.message, finding.hint)
        for finding in check_lookalike_host(data["website"], ("website",)):
            self.problem(file, document.position_of(finding.path), "website", finding.message,
                         finding.hint, finding.severity)
        programme = data.get("returner_programme")
        self.board.employers[path.stem] = Employer(
            id=path.stem, name=data["name"], website=data["website"],
            about=data.get("about", ""), source=file, location=data.get("location"),
            commitments=[self.board.vocabularies["charters"].by_id[c] for c in data.get("commitments", [])],
            programme=ReturnerProgramme(**programme) if programme else None,
        )

    def read_story(self, path: Path) -> None:
        document, body, body_line = self.load(path, "story")
        if document is None:
            return
        file, data = display_path(path), document.data
        terms = self.board.vocabularies
        employer = None
        if "employer" in data:
            employer = self.board.employers.get(data["employer"])
            if employer is None:
                self.problem(file, document.position_of(("employer",)), "employer",
                             f"there is no employer `{data['employer']}`",
                             "use the name of a file in content/employers/, or leave `employer` out")
                return
        photo = data.get("photo")
        if photo and not (path.parent / photo["src"]).is_file():
            self.problem(file, document.position_of(("photo", "src")), "photo.src",
                         f"there is no file `{photo['src']}` beside the story",
                         "put the photo in content/stories/, or leave `photo` out")
            return
        for finding in check_markdown_links(body, ()):
            line = body_line + body.count("\n", 0, finding.offset)
            self.problem(file, Position(line, 1), "(story)", finding.message, finding.hint)
        story = Story(
            slug=path.stem, source=file, title=data["title"], name=data["name"], role=data["role"],
            region=terms["regions"].by_id[data["region"]],
            sectors=[terms["sectors"].by_id[s] for s in data.get("sectors", [])],
            break_years=data["break_years"], break_reason=data.get("break_reason"),
            returned=data["returned"], type=terms["types"].by_id[data["type"]], quote=data["quote"],
            published=parse_date(data["published"]), body=body, employer=employer,
            photo=Photo(**photo) if photo else None,
        )
        self.board.stories.append(story)
        if employer:
            employer.stories.append(story)

    def check_placement(self, path: Path):
        """Every check on one listing that needs no other listing; safe to run in a worker.

        Returns its problems, and if it has no errors its data, the positions of the fields
        that the cross-file rules point at, and its description as HTML.
        """
        start = len(self.board.problems)
        document, _, _ = self.load(path, "placement")
        if document is not None:
            data = document.data
            employer = self.board.employers.get(data["employer"])
            for finding in check_listing(data, self.board.today, employer.website if employer else None):
                position = document.position_of(finding.path) if finding.offset is None \
                    else document.text_position(finding.path, finding.offset)
                self.problem(display_path(path), position, field_name(finding.path), finding.message,
                             finding.hint, finding.severity)
        found = self.board.problems[start:]
        del self.board.problems[start:]
        if document is None or any(problem.is_error for problem in found):
            return found, None, None, None
        positions = {name: document.position_of((name,)) for name in ("employer", "slug", "title")}
        return found, data, positions, render_markdown(data["description"])

    def read_placements(self, paths: list[Path]) -> None:
        for path, (found, data, positions, html) in zip(paths, parallel_map(self.check_placement, paths)):
            self.board.problems.extend(found)
            if data is not None:
                self.finish_placement(path, data, positions, html)

    def finish_placement(self, path: Path, data: dict, positions: dict, html) -> None:
        """The rules that span files; then, if they pass, the placement joins the board."""
        file = display_path(path)
        start = len(self.board.problems)
        employer = self.board.employers.get(data["employer"])
        if employer is None:
            known = ", ".join(sorted(self.board.employers)) or "none yet"
            self.problem(file, positions["employer"], "employer",
                         f"there is no employer `{data['employer']}`",
                         f"use the name of a file in content/employers/ (known: {known}), "
                         "or add a file for your organisation there")
        if data.get("slug", path.stem) != path.stem:
            self.problem(file, positions["slug"], "slug",
                         f"`{data['slug']}` does not match the file name `{path.name}`",
                         f"rename the file to {data['slug']}.yaml, or remove the `slug:` line")
        first = self.titles.setdefault(_title_key(data), file)
        if first != file:
            self.problem(file, positions["title"], "title",
                         f"{first} already lists `{data['title']}` for this employer",
                         "update that file instead, or give this opportunity a different title")
        if len(self.board.problems) > start:
            return
        placement = self.build_placement(path, file, data, employer, html)
        employer.placements.append(placement)
        self.board.placements.append(placement)

    def remember_title(self, path: Path) -> None:
        """Note another listing's employer and title, for duplicate checks without full checks."""
        try:
            data = yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
            self.titles.setdefault(_title_key(data), display_path(path))
        except (OSError, yaml.YAMLError, TypeError, KeyError, AttributeError):
            return

    def build_placement(self, path, file, data, employer, description_html) -> Placement:
        terms = self.board.vocabularies
        by = lambda key, ids: [terms[key].by_id[i] for i in ids]  # noqa: E731
        pay = data.get("pay")
        placement = Placement(
            slug=path.stem, source=file, title=data["title"], employer=employer,
            type=terms["types"].by_id[data["type"]],
            sectors=by("sectors", data["sectors"]), regions=by("regions", data["regions"]),
            workplace=terms["workplaces"].by_id[data["workplace"]],
            hours=by("hours", data["hours"]),
            posted=parse_date(data["posted"]), closes=parse_date(data["closes"]),
            summary=data["summary"], description_html=description_html,
            apply_url=data["apply"].get("url"), apply_email=data["apply"].get("email"),
            location=data.get("location"),
            pay=Pay(min=pay["min"], max=pay.get("max"), period=terms["pay_periods"].by_id[pay["period"]])
            if pay else None,
            free=data.get("free"), fee=data.get("fee"),
            duration_weeks=data.get("duration_weeks"),
            route_to_permanent=data.get("route_to_permanent"),
            support=by("support", data.get("support", [])),
            min_break_months=data.get("min_break_months"),
            starts=parse_date(data["starts"]) if "starts" in data else None,
        )
        placement.set_today(self.board.today)
        return placement


_START = Position(1, 1)


def _title_key(data: dict) -> tuple:
    return data["employer"], " ".join(data["title"].lower().split())


def read_board(content: Path, vocabularies: dict[str, Vocabulary], today: dt.date,
               only: list[Path] | None = None) -> Board:
    return BoardReader(content, vocabularies, today).read(only)
