"""Read the whole board: find the files, load and check each, apply the rules that span files, build models.

One bad file never hides another: every problem in every file is collected.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.addresses import board_folders
from ..domain.models import Employer, Page, Placement, Story
from ..domain.vocabularies import Vocabulary
from ..parallel import WorkerDied, parallel_map
from ..settings import BoardSettings
from .check_cache import CheckCache, checks_version
from .cross_file_checks import (
    STORY_EMPLOYER_HINT,
    EmployerNames,
    TitleRegister,
    listing_employer_hint,
    repeated_names,
    slug_matches_file,
    unknown_employer,
)
from .data_files import load_apply_hosts, load_vocabularies
from .file_checks import check_employer_file, check_page_file, check_placement_file, check_story_file
from .files import file_problem, find_content_files, unchecked_requests
from .gazetteer import load_gazetteer
from .loading import LoadedFile, load_file
from .markdown_html import render_markdown
from .place_checks import places_of_work
from .problems import Problem
from .schema_check import SchemaChecker
from .to_models import employer_from, page_from, placement_from, story_from


@dataclass
class Board:
    """Everything read from the content folder, and what was wrong with it."""

    vocabularies: dict[str, Vocabulary]
    today: dt.date
    employers: dict[str, Employer] = field(default_factory=dict)
    placements: list[Placement] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Each placement's hash of everything it is made from, by slug: pages and feeds made from
    # the same placements are the same, and are kept between builds by it.
    fingerprints: dict[str, str] = field(default_factory=dict)
    version: str = ""  # what every placement is made from besides its own file (CheckCache's version)

    @property
    def errors(self) -> list[Problem]:
        return [problem for problem in self.problems if problem.is_error]


class BoardReader:
    """Reads one content folder with one set of settings; `read()` gives the Board."""

    def __init__(self, content: Path, settings: BoardSettings, only: list[Path] | None = None,
                 drafts: dict[Path, bytes] | None = None):
        self.content = Path(content)
        self.settings = settings
        self.drafts = drafts or {}
        self.requested = [path for path in (only or []) if path not in self.drafts]
        self.wanted = None if only is None else {Path(p).resolve() for p in (*only, *self.drafts)}
        self.wanted_names = {path.name for path in self.wanted or ()}
        vocabularies = load_vocabularies(settings.data_path)
        self.apply_hosts = load_apply_hosts(settings.data_path)
        self.gazetteer = load_gazetteer(settings.data_path)  # once, before the workers fork
        self.region_names = {term.id: term.name for term in vocabularies["regions"]}
        self.board = Board(vocabularies=vocabularies, today=settings.today)
        self.checkers = {kind: SchemaChecker(kind, vocabularies)
                         for kind in ("placement", "employer", "story", "page")}
        self.titles = TitleRegister()
        self.raw: dict[Path, bytes | None] = {}  # each listing's bytes, read once, before the workers fork
        self.board_folders = board_folders(vocabularies)

    def is_wanted(self, path: Path) -> bool:
        """Whether this run checks the file: every file, unless it was given a list."""
        # Only a file of a wanted name can be one; resolving every other file's path is what
        # would make checking one listing slow on a large board.
        return self.wanted is None or (path.name in self.wanted_names and path.resolve() in self.wanted)

    def read(self) -> Board:
        files = find_content_files(self.content, self.is_wanted, self.drafts)
        self.board.problems.extend(files.problems)
        self.board.problems.extend(unchecked_requests(self.requested, self.content, files))
        self.read_employers(files.employers)
        self.cache = CheckCache(self.settings.cache_path,
                                checks_version(self.settings.data_path, files.employers, self.settings.today,
                                               self.drafts))
        self.cache.forget_other_versions()
        self.board.version = self.cache.version
        for path in filter(self.is_wanted, files.stories):
            self.read_story(path)
        for path in filter(self.is_wanted, files.pages):
            self.read_page(path)
        repeats = repeated_names(files.placements)
        to_check = []
        for path in files.placements:
            if not self.is_wanted(path):
                self.titles.note_unchecked(path)
            elif path in repeats:
                self.board.problems.append(repeats[path])
            else:
                to_check.append(path)
        for loaded, description_html, places in self.check_placements(to_check):
            self.add_placement(loaded, description_html, places)
        if self.wanted is not None:  # only the files asked about, with the cross-file rules that name them
            self.board.problems = [problem for problem in self.board.problems
                                   if Path(problem.file).resolve() in self.wanted]
        self.board.problems.sort()
        self.board.placements.sort(key=lambda p: (p.posted, p.slug), reverse=True)
        self.board.stories.sort(key=lambda s: (s.published, s.slug), reverse=True)
        return self.board

    def read_employers(self, paths: list[Path]) -> None:
        """Every employer; then their names, where a file this run was not asked to check came first."""
        usable = [loaded for loaded in map(self.read_employer, paths) if loaded.document is not None]
        names = EmployerNames()
        for loaded in sorted(usable, key=lambda each: self.is_wanted(each.path)):
            reported = len(loaded.problems)
            names.check(loaded)
            self.board.problems.extend(loaded.problems[reported:])

    def read_employer(self, path: Path) -> LoadedFile:
        loaded = load_file(path, self.checkers["employer"], raw=self.drafts.get(path))
        if loaded.document is not None:
            check_employer_file(loaded)
            self.board.employers[path.stem] = employer_from(loaded.data, path.stem, loaded.file,
                                                            self.board.vocabularies)
        self.board.problems.extend(loaded.problems)
        return loaded

    def read_story(self, path: Path) -> None:
        loaded = load_file(path, self.checkers["story"], front_matter=True, raw=self.drafts.get(path))
        self.board.problems.extend(self.story_problems(loaded))

    def story_problems(self, loaded: LoadedFile) -> list[Problem]:
        if loaded.document is None:
            return loaded.problems
        if "employer" in loaded.data and unknown_employer(loaded, self.board.employers, STORY_EMPLOYER_HINT):
            return loaded.problems
        check_story_file(loaded)
        if loaded.has_errors:
            return loaded.problems
        employer = self.board.employers.get(loaded.data.get("employer"))
        story = story_from(loaded.data, loaded.path.stem, loaded.file, loaded.body, employer,
                           self.board.vocabularies)
        self.board.stories.append(story)
        if employer:
            employer.stories.append(story)
        return loaded.problems

    def read_page(self, path: Path) -> None:
        loaded = load_file(path, self.checkers["page"], front_matter=True, raw=self.drafts.get(path))
        if loaded.document is not None:
            check_page_file(loaded, self.board_folders)
            if not loaded.has_errors:
                self.board.pages.append(page_from(loaded.data, path.stem, loaded.file, loaded.body))
        self.board.problems.extend(loaded.problems)

    def check_placements(self, paths: list[Path]) -> list:
        """Every listing's own checks: remembered ones from the cache, the rest over the workers."""
        self.raw = {path: self.drafts[path] if path in self.drafts else _read(path) for path in paths}
        results = self.cache.get({path: raw for path, raw in self.raw.items()
                                  if raw is not None and path not in self.drafts})
        to_check = [path for path in paths if results.get(path) is None]
        for path, result in self.check_uncached(to_check).items():
            results[path] = result
            if self.raw[path] is not None and path not in self.drafts:
                self.cache.put(path, self.raw[path], result)
        self.cache.flush()
        return [results[path] for path in paths if results.get(path) is not None]

    def check_uncached(self, paths: list[Path]) -> dict:
        """Check listings over the workers; a file that kills its worker is reported, and the rest checked again."""
        while True:
            try:
                return dict(zip(paths, parallel_map(self.check_placement, paths, self.settings.workers)))
            except WorkerDied as died:
                self.board.problems.append(file_problem(
                    paths[died.index], f"checking this file stopped the checker (exit code {died.exitcode})",
                    "look for something extreme in it, such as values nested very deeply or a huge text"))
                paths = paths[:died.index] + paths[died.index + 1:]

    def check_placement(self, path: Path):
        """Every check on one listing that needs no other listing; safe to run in a worker."""
        loaded = load_file(path, self.checkers["placement"], raw=self.raw.get(path))
        if loaded.document is None:
            return loaded, None, []
        employer = self.board.employers.get(loaded.data["employer"])
        check_placement_file(loaded, self.settings.today, employer.website if employer else None,
                             self.apply_hosts)
        places = places_of_work(loaded, self.gazetteer, self.region_names)
        if loaded.has_errors:
            return loaded, None, []
        return loaded, render_markdown(loaded.data["description"]), places

    def add_placement(self, loaded: LoadedFile, description_html, places: list) -> None:
        """The rules that span files; then, if they pass, the placement joins the board."""
        if description_html is not None:
            errors_before = len(loaded.problems)
            unknown_employer(loaded, self.board.employers, listing_employer_hint(self.board.employers))
            slug_matches_file(loaded)
            self.titles.check(loaded)
            if len(loaded.problems) == errors_before:
                employer = self.board.employers[loaded.data["employer"]]
                placement = placement_from(loaded.data, loaded.path.stem, loaded.file, employer,
                                           description_html, self.board.vocabularies, self.settings.today,
                                           places)
                employer.placements.append(placement)
                self.board.placements.append(placement)
                self.board.fingerprints[placement.slug] = self.cache.fingerprint(loaded.path,
                                                                                 self.raw[loaded.path])
        self.board.problems.extend(loaded.problems)


def _read(path: Path) -> bytes | None:
    """A listing's bytes, or None if it cannot be read (load_file then says why)."""
    try:
        return path.read_bytes()
    except OSError:
        return None


def read_board(content: Path, settings: BoardSettings, only: list[Path] | None = None,
               drafts: dict[Path, bytes] | None = None) -> Board:
    """The board in `content`; with `only`, check just those files (plus the rules that span files).

    `drafts` are files not written yet, by path and content: checked as if they were there, and
    always among the files checked.
    """
    return BoardReader(content, settings, only, drafts).read()
