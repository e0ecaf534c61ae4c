"""Rules that span files: every listing and story names a known employer, and names and titles are unique
(compared as a reader tells them apart)."""

from __future__ import annotations

import re
from pathlib import Path

from ..domain.text import comparable
from .files import display_path, file_problem
from .loading import LoadedFile
from .problems import Problem
from .yaml_loader import read_yaml_bytes


def unknown_employer(loaded: LoadedFile, employers: dict, hint: str) -> bool:
    """Report a listing's or story's employer that has no file; True if it was unknown."""
    employer_id = loaded.data["employer"]
    if employer_id in employers:
        return False
    loaded.problem_at(("employer",), f"there is no employer `{employer_id}`", hint)
    return True


def listing_employer_hint(employers: dict) -> str:
    known = ", ".join(sorted(employers)) or "none yet"
    return (f"use the name of a file in content/employers/ (known: {known}), "
            "or add a file for your organisation there")


STORY_EMPLOYER_HINT = "use the name of a file in content/employers/, or leave `employer` out"


def repeated_names(paths: list[Path]) -> dict[Path, Problem]:
    """Listings whose file name another listing (in another folder) took first, with the problem."""
    first: dict[str, Path] = {}
    repeats = {}
    for path in paths:
        owner = first.setdefault(path.stem, path)
        if owner != path:
            repeats[path] = file_problem(path, f"another listing already uses the name `{path.stem}` "
                                               f"({display_path(owner)})",
                                         "rename this file so that each listing has its own name")
    return repeats


def slug_matches_file(loaded: LoadedFile) -> None:
    slug = loaded.data.get("slug", loaded.path.stem)
    if slug != loaded.path.stem:
        loaded.problem_at(("slug",), f"`{slug}` does not match the file name `{loaded.path.name}`",
                          f"rename the file to {slug}.yaml, or remove the `slug:` line")


class TitleRegister:
    """Which file first used each employer's title, so a repeat is caught."""

    def __init__(self):
        # The file as it is reported; an unchecked one by its path, named only if it is reported.
        self.first: dict[tuple, str | Path] = {}

    def note_unchecked(self, path: Path) -> None:
        """Note a listing this run does not check, read with the same guarded loader as the rest."""
        try:
            raw = path.read_bytes()
        except OSError:
            return
        data = _title_and_employer(raw)
        if data:
            self.first.setdefault(_title_key(data), path)

    def check(self, loaded: LoadedFile) -> None:
        first = self.first.setdefault(_title_key(loaded.data), loaded.file)
        if isinstance(first, Path):
            first = display_path(first)
        if first != loaded.file:
            loaded.problem_at(("title",), f"{first} already lists `{loaded.data['title']}` for this employer",
                              "update that file instead, or give this opportunity a different title")


# A listing's own `title:` and `employer:` lines, at the top level, and whether the next line goes
# on with the value (it is indented) or another key follows.
_TITLE_AND_EMPLOYER = re.compile(rb"^(?:title|employer):.*$(?:\r?\n(?P<more>[ \t]))?", re.M)


# A value YAML reads as the very text written: printable ASCII but `#` and `:`, starting with a
# letter, digit or bracket, and none of YAML 1.1's other readings (a number, yes/no, null, a date).
_PLAIN_LINE = re.compile(rb"(title|employer): ([A-Za-z0-9(][ -\"$-9;-~]*?)[ \t]*")
_NOT_TEXT = re.compile(r"[-+0-9._ eE]*|[-+]?0[xob][0-9a-fA-F_]+|(?i:y|n|yes|no|true|false|on|off|null)")


def _plain_values(lines: list[bytes]) -> dict | None:
    """The lines' values, where each is plain text that YAML would read as it is; else None."""
    data = {}
    for line in lines:
        plain = _PLAIN_LINE.fullmatch(line)
        if plain is None or _NOT_TEXT.fullmatch(value := plain.group(2).decode()):
            return None
        data[plain.group(1).decode()] = value
    return data


def _title_and_employer(raw: bytes) -> dict | None:
    """A listing's title and employer. Checking one listing on a large board would spend most of
    its time reading every other listing whole, so just these two lines are read when each is
    written on one line, and read by YAML only if they hold more than plain text; otherwise (a
    title over several lines, say) the whole file is."""
    matches = list(_TITLE_AND_EMPLOYER.finditer(raw))
    one_line_each = len(matches) == 2 and not any(match.group("more") for match in matches)
    lines = [match.group(0).splitlines()[0] for match in matches] if one_line_each else []
    data = (lines and _plain_values(lines)) or read_yaml_bytes(b"\n".join(lines) if lines else raw).data
    if isinstance(data, dict) and isinstance(data.get("employer"), str) and isinstance(data.get("title"), str):
        return data
    return None


def _title_key(data: dict) -> tuple:
    return data["employer"], comparable(data["title"])


class EmployerNames:
    """Which employer file first used each name, as a reader tells names apart, so that no
    employer can take another's name with other capitals, look-alike forms or invisible characters."""

    def __init__(self):
        self.first: dict[str, str] = {}

    def check(self, loaded: LoadedFile) -> None:
        first = self.first.setdefault(comparable(loaded.data["name"]), loaded.file)
        if first != loaded.file:
            loaded.problem_at(("name",),
                              f"the name {loaded.data['name']!r} reads the same as the name in {first}",
                              "an employer cannot take the name of another, however it is spelt: "
                              "if this is your organisation, use that employer's file")
