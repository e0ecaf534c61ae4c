"""Find the content files (employers, listings, stories, pages) and any file left in the wrong place.

Only regular files are ever read: a symbolic link, a named pipe, a device or a folder named like
a file anywhere under content/ is refused, and nothing is read through it.
"""

from __future__ import annotations

import functools
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .problems import Problem

DATA_SUFFIXES = {".yaml", ".yml"}


def display_path(path: Path) -> str:
    """A path as the author knows it: relative to where the command was run, if inside it."""
    return _display_path(str(path), os.getcwd())


# A run names each file several times (in problems, and in the rules across files): worked out once.
@functools.lru_cache(maxsize=65536)
def _display_path(path: str, cwd: str) -> str:
    relative = os.path.relpath(path, cwd)
    # Absolute, but not resolved: a symbolic link is named as itself, not as what it points to.
    return os.path.abspath(os.path.join(cwd, path)) if relative.startswith("..") else relative


def file_problem(path: Path, message: str, hint: str) -> Problem:
    """A problem with a file as a whole, reported at its first line."""
    return Problem(display_path(path), 1, 1, "(file)", message, hint)


@dataclass
class ContentFiles:
    employers: list[Path] = field(default_factory=list)
    placements: list[Path] = field(default_factory=list)
    stories: list[Path] = field(default_factory=list)
    pages: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def find_content_files(content: Path, is_wanted: Callable[[Path], bool], drafts: Iterable[Path] = ()) -> ContentFiles:
    """Every content file in a stable order, with `drafts`: files to check that are not written yet.

    Links and other files that are not what they seem are always reported; misplaced files
    only if this run checks them.
    """
    found = ContentFiles()
    for root, dirs, files in os.walk(content):
        for name in sorted(dirs):
            problem = _not_a_plain_folder(Path(root) / name)
            if problem:
                found.problems.append(problem)
                dirs.remove(name)  # never read through it
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            problem = _not_a_regular_file(path)
            if problem:
                found.problems.append(problem)
                continue
            _sort_into(found, path, path.relative_to(content).parts, is_wanted)
    for path in drafts:
        _sort_into(found, path, path.relative_to(content).parts, is_wanted)
    return found


def _sort_into(found: ContentFiles, path: Path, where: tuple, is_wanted: Callable[[Path], bool]) -> None:
    """File one path under the kind of content its folder and name say it is."""
    if where[0] == "placements":
        if path.suffix == ".yaml":
            found.placements.append(path)
        elif is_wanted(path):
            found.problems.append(_not_a_listing(path))
    elif where[0] == "employers" and len(where) == 2 and path.suffix == ".yaml":
        found.employers.append(path)
    elif where[0] == "stories" and len(where) == 2 and path.suffix == ".md":
        found.stories.append(path)
    elif where[0] == "pages":
        if len(where) == 2 and path.suffix == ".md":
            found.pages.append(path)
        elif is_wanted(path):
            found.problems.append(_not_a_page(path))
    elif path.suffix in DATA_SUFFIXES and is_wanted(path):
        found.problems.append(file_problem(
            path, "this data file is outside content/placements/ and content/employers/",
            "move a listing to content/placements/ and an employer to content/employers/"))


def unchecked_requests(requested: list[Path], content: Path, found: ContentFiles) -> list[Problem]:
    """A problem for each file a run was asked to check that it cannot check, so none passes unseen."""
    names = {Path(path).resolve().name for path in requested}
    checked = {path.resolve() for path in (*found.employers, *found.placements, *found.stories, *found.pages)
               if path.name in names}
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
                "it checks listings, employers, stories and pages: a listing is content/placements/<name>.yaml, "
                "an employer content/employers/<id>.yaml, a story content/stories/<slug>.md "
                "and a page content/pages/<slug>.md"))
    return problems


def _not_a_listing(path: Path) -> Problem:
    if path.suffix == ".yml":
        hint = f"rename it to {path.stem}.yaml"
    else:
        hint = f"a listing is a .yaml file: copy the template to content/placements/{path.stem}.yaml"
    return file_problem(path, f"`{path.name}` is not a listing file", hint)


def _not_a_regular_file(path: Path) -> Problem | None:
    """A link or special file would be read (or copied) as whatever it points to; a pipe would never end."""
    mode = os.lstat(path).st_mode
    if stat.S_ISLNK(mode):
        return file_problem(path, f"`{path.name}` is a symbolic link",
                            "content files must be real files: put the file itself here instead of a link")
    if not stat.S_ISREG(mode):
        return file_problem(path, f"`{path.name}` is not a regular file (it is a {_kind_of_file(mode)})",
                            "content/ holds ordinary files only: remove it")
    return None


def _not_a_plain_folder(path: Path) -> Problem | None:
    if os.path.islink(path):
        return file_problem(path, f"the folder `{path.name}` is a symbolic link",
                            "content files must be real files: put the folder itself here instead of a link")
    if path.suffix:
        return file_problem(path, f"`{path.name}` is a folder, named like a file",
                            "content/ holds files with these names, not folders: remove it or rename it")
    return None


def _kind_of_file(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    return "special file"


def _not_a_page(path: Path) -> Problem:
    return file_problem(
        path, f"`{path.name}` is not a page file",
        f"a page is Markdown, content/pages/{path.stem}.md, with its title and summary between `---` lines "
        "at the top; reStructuredText and other formats are not read")
