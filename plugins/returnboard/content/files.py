"""Find the content files (employers, listings, stories) and any data file left in the wrong place."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .problems import Problem

DATA_SUFFIXES = {".yaml", ".yml"}


def display_path(path: Path) -> str:
    """A path as the author knows it: relative to where the command was run, if inside it."""
    relative = os.path.relpath(path)
    return str(Path(path).resolve()) if relative.startswith("..") else relative


def file_problem(path: Path, message: str, hint: str) -> Problem:
    """A problem with a file as a whole, reported at its first line."""
    return Problem(display_path(path), 1, 1, "(file)", message, hint)


@dataclass
class ContentFiles:
    employers: list[Path] = field(default_factory=list)
    placements: list[Path] = field(default_factory=list)
    stories: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def find_content_files(content: Path, is_wanted: Callable[[Path], bool]) -> ContentFiles:
    """Every content file in a stable order; misplaced data files are reported if this run checks them."""
    found = ContentFiles()
    for root, dirs, files in os.walk(content):
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            where = path.relative_to(content).parts
            if where[0] == "placements":
                if path.suffix == ".yaml":
                    found.placements.append(path)
                elif is_wanted(path):
                    found.problems.append(_not_a_listing(path))
            elif where[0] == "employers" and len(where) == 2 and path.suffix == ".yaml":
                found.employers.append(path)
            elif where[0] == "stories" and len(where) == 2 and path.suffix == ".md":
                found.stories.append(path)
            elif path.suffix in DATA_SUFFIXES and is_wanted(path):
                found.problems.append(file_problem(
                    path, "this data file is outside content/placements/ and content/employers/",
                    "move a listing to content/placements/ and an employer to content/employers/"))
    return found


def unchecked_requests(requested: list[Path], content: Path, found: ContentFiles) -> list[Problem]:
    """A problem for each file a run was asked to check that it cannot check, so none passes unseen."""
    checked = {path.resolve() for path in (*found.employers, *found.placements, *found.stories)}
    reported = {problem.file for problem in found.problems}
    problems = []
    for path in requested:
        resolved = Path(path).resolve()
        if resolved in checked or display_path(path) in reported:
            continue
        if not resolved.exists():
            problems.append(file_problem(path, "there is no such file", "check the path and the spelling"))
        elif not resolved.is_relative_to(Path(content).resolve()):
            problems.append(file_problem(path, f"the file is not in the content folder ({display_path(content)})",
                                         "put a listing in content/placements/ and check it from there"))
        else:
            problems.append(file_problem(
                path, "this is not a kind of file that validate checks",
                "it checks listings, employers and stories: a listing is content/placements/<name>.yaml, an employer content/employers/<id>.yaml "
                "and a story content/stories/<slug>.md"))
    return problems


def _not_a_listing(path: Path) -> Problem:
    if path.suffix == ".yml":
        hint = f"rename it to {path.stem}.yaml"
    else:
        hint = f"a listing is a .yaml file: copy the template to content/placements/{path.stem}.yaml"
    return file_problem(path, f"`{path.name}` is not a listing file", hint)
