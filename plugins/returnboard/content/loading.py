"""Load one content file: read its bytes, parse its YAML, check it against its schema.

Loading returns what it found; it never reports into shared state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .files import display_path, file_problem
from .placeholders import HINT as PLACEHOLDER_HINT
from .placeholders import placeholders_in
from .problems import Problem
from .schema_check import SchemaChecker
from .yaml_loader import (
    DataPath,
    Position,
    YamlDocument,
    field_name,
    read_front_matter_bytes,
    read_yaml_bytes,
)

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass
class LoadedFile:
    """One file's data, if it can be used, and every problem found in it so far."""

    path: Path
    document: YamlDocument | None = None
    problems: list[Problem] = field(default_factory=list)
    body: str = ""  # a story's Markdown, after its details
    body_line: int = 1  # the line of the file the body starts on

    @property
    def file(self) -> str:
        return display_path(self.path)

    @property
    def data(self) -> dict:
        return self.document.data

    @property
    def has_errors(self) -> bool:
        return any(problem.is_error for problem in self.problems)

    def problem(self, position: Position, field: str, message: str, hint: str, severity: str = "error") -> None:
        self.problems.append(Problem(self.file, position.line, position.column, field, message, hint, severity))

    def problem_at(self, path: DataPath, message: str, hint: str, severity: str = "error") -> None:
        """A problem with the value at `path`, reported where that value stands."""
        self.problem(self.document.position_of(path), field_name(path), message, hint, severity)


def load_file(path: Path, checker: SchemaChecker, front_matter: bool = False, raw: bytes | None = None) -> LoadedFile:
    """Parse and schema-check one file; `document` is None unless it is fit to use.

    With `front_matter`, the file is Markdown with its details between `---` lines at the top.
    With `raw`, those are the file's bytes: a draft checked before it is written.
    """
    loaded = LoadedFile(path)
    if not SLUG.match(path.stem):
        suggestion = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "my-listing"
        loaded.problems.append(file_problem(
            path, f"the file name `{path.stem}` is not lowercase letters, digits and hyphens",
            f"rename it to {suggestion}{path.suffix}"))
    try:
        raw = path.read_bytes() if raw is None else raw
    except OSError as error:
        loaded.problems.append(file_problem(path, f"cannot be read: {error.strerror}",
                                            "check the file exists and is readable"))
        return loaded
    if front_matter:
        document, loaded.body, loaded.body_line = read_front_matter_bytes(raw)
    else:
        document = read_yaml_bytes(raw)
    for found in document.problems:
        loaded.problem(found.position, found.field, found.message, found.hint)
    if document.data is None and not document.problems:  # only `---`, `null` or comments
        loaded.problems.append(file_problem(path, "the file holds no fields",
                                            "copy the template and fill in its fields"))
        return loaded
    if not isinstance(document.data, dict):
        if not document.problems:
            loaded.problems.append(file_problem(path, "the file is not a list of `name: value` fields",
                                                "copy the template and fill in its fields"))
        return loaded
    checks_start = len(loaded.problems)
    for data_path, offset, placeholder in placeholders_in(document.data):
        loaded.problem(document.text_position(data_path, offset), field_name(data_path),
                       f"still has the template's placeholder {placeholder!r}", PLACEHOLDER_HINT)
    # One problem a field: a field with a placeholder is not also explained by the schema.
    already_reported = {found.field for found in document.problems} | {p.field for p in loaded.problems}
    for data_path, message, hint in checker.check(document.data, document.plain_scalars):
        if field_name(data_path) not in already_reported:
            loaded.problem(document.position_of(data_path), field_name(data_path), message, hint)
    # A badly named file is still checked in full: only its YAML, placeholders and schema decide whether it is usable.
    if not document.problems and len(loaded.problems) == checks_start:
        loaded.document = document
    return loaded
