"""Read one YAML file into plain data, remembering where every value stands.

libyaml composes the node tree (fast); we build the data ourselves so that we can
keep line numbers, refuse duplicate keys, aliases and unsafe tags, and keep dates
as the strings the author wrote (the schema checks them as `format: date`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from ..domain.text import unsafe_character_problem

MAX_FILE_BYTES = 64 * 1024
MAX_DEPTH = 4
MAX_RECOVERIES = 5  # syntax errors set aside before the rest of a file is read again
# Deeper than any real file, far shallower than what crashes the parser; MAX_DEPTH gives the precise error.
MAX_PARSE_DEPTH = 32

DataPath = tuple  # where a value sits in the data: its keys and list indexes

_SCALARS = SafeConstructor()
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_CONSTRUCT = {
    "tag:yaml.org,2002:null": _SCALARS.construct_yaml_null,
    "tag:yaml.org,2002:bool": _SCALARS.construct_yaml_bool,
    "tag:yaml.org,2002:int": _SCALARS.construct_yaml_int,
    "tag:yaml.org,2002:float": _SCALARS.construct_yaml_float,
    "tag:yaml.org,2002:str": lambda node: node.value,
    # Dates stay as written, so that 2027-02-30 is reported, not crashed on.
    "tag:yaml.org,2002:timestamp": lambda node: node.value,
}


@dataclass(frozen=True)
class Position:
    line: int
    column: int


@dataclass(frozen=True)
class YamlProblem:
    """Something wrong with the file itself, before any field is checked."""

    position: Position
    field: str
    message: str
    hint: str


@dataclass
class YamlDocument:
    data: object = None
    positions: dict = field(default_factory=dict)  # path -> Position of the value
    key_positions: dict = field(default_factory=dict)  # path -> Position of its key
    plain_scalars: dict = field(default_factory=dict)  # path -> text written unquoted
    block_scalars: set = field(default_factory=set)  # paths of `|` and `>` text, whose lines follow
    problems: list = field(default_factory=list)

    def text_position(self, path: DataPath, offset: int) -> Position:
        """Where the character at `offset` of a text value stands in the file."""
        start = self.position_of(path)
        if tuple(path) not in self.block_scalars:
            return start
        value = self.data
        for part in path:
            value = value[part]
        indent = self.key_positions.get(tuple(path), Position(1, 1)).column + 2
        return Position(start.line + 1 + value.count("\n", 0, offset), indent)

    def position_of(self, path: DataPath) -> Position:
        """Where a path's value stands, or its nearest enclosing value."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), Position(1, 1))


def _position(mark) -> Position:
    return Position(mark.line + 1, mark.column + 1)


def field_name(path: DataPath) -> str:
    """A field as an author names it: `pay.min`, `regions` (list positions left out)."""
    return ".".join(part for part in path if isinstance(part, str)) or "(file)"


class _Builder:
    """Turns a composed node tree into plain data, recording positions and problems."""

    def __init__(self, document: YamlDocument):
        self.document = document
        self.seen: set[int] = set()

    def problem(self, node, path, message, hint):
        self.document.problems.append(
            YamlProblem(_position(node.start_mark), field_name(path), message, hint)
        )

    def build(self, node, path: DataPath):
        self.document.positions[path] = _position(node.start_mark)
        if id(node) in self.seen:
            # An alias is the node it names, so its own place is the key before it.
            at = self.document.key_positions.get(path) or _position(node.start_mark)
            self.document.problems.append(YamlProblem(
                at, field_name(path), "YAML aliases (*name) are not allowed",
                "write the value out in full instead of referring to an anchor"))
            return None
        self.seen.add(id(node))
        if len(path) > MAX_DEPTH:
            self.problem(node, path, "values are nested too deeply",
                         "a listing needs at most a field, a list and the list's values")
            return None
        if not isinstance(node, ScalarNode) and node.tag not in _COLLECTION_TAGS:
            self.problem(node, path, f"the YAML tag {node.tag!r} is not allowed",
                         "remove the tag (the text starting with !) and write a plain value")
            return None
        if isinstance(node, MappingNode):
            return self.build_mapping(node, path)
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]
        return self.build_scalar(node, path)

    def build_scalar(self, node: ScalarNode, path: DataPath):
        construct = _CONSTRUCT.get(node.tag)
        if construct is None:
            self.problem(node, path, f"the YAML tag {node.tag!r} is not allowed",
                         "remove the tag (the text starting with !) and write a plain value")
            return None
        if self.unsafe(node, path):
            return None
        if not node.style:  # plain (unquoted): libyaml says "", pure Python None
            self.document.plain_scalars[path] = node.value
        elif node.style in "|>":
            self.document.block_scalars.add(path)
        try:
            return construct(node)
        except (ValueError, yaml.YAMLError):
            self.problem(node, path, f"{node.value!r} is not a valid value",
                         "put the value in quotes if it is text")
            return None

    def unsafe(self, node: ScalarNode, path: DataPath) -> bool:
        """Report a character that no page or feed can carry (written raw or as a YAML escape)."""
        problem = unsafe_character_problem(node.value)
        if problem:
            self.problem(node, path, problem, "retype the text, or paste it as plain text")
        return problem is not None

    def build_mapping(self, node: MappingNode, path: DataPath):
        mapping = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, path, "YAML merge keys (<<) are not allowed",
                             "write each field out in full")
                continue
            if not isinstance(key_node, ScalarNode):
                self.problem(key_node, path, "a field name must be plain text",
                             "write `name: value` pairs")
                continue
            if self.unsafe(key_node, path):
                continue
            key = key_node.value
            child = path + (key,)
            if key in mapping:
                first = self.document.key_positions[child]
                self.problem(key_node, child,
                             f"`{key}` appears twice in this file (first on line {first.line})",
                             "keep one of them and delete the other")
                continue
            self.document.key_positions[child] = _position(key_node.start_mark)
            mapping[key] = self.build(value_node, child)
        return mapping


def parse_yaml(text: str) -> YamlDocument:
    """Parse YAML text; problems are collected on the document, never raised.

    After a syntax error, the line it stands on is set aside and the rest read again, so that
    the other fields are checked in the same round; the document then holds what could be read.
    """
    document = YamlDocument()
    lines = text.split("\n")
    for _ in range(MAX_RECOVERIES + 1):
        error = _parse_into(document, "\n".join(lines))
        if error is None:
            return document
        line = error.line
        if not 0 < line <= len(lines) or lines[line - 1].lstrip().startswith("#"):
            return document
        lines[line - 1] = "#"  # a comment keeps every other line where it was
    document.data = None
    return document


class _SetAside(Exception):
    """A syntax error at `line`, already reported."""

    def __init__(self, line: int):
        self.line = line


def _parse_into(document: YamlDocument, text: str) -> _SetAside | None:
    """One attempt: the data and its problems on success; the line to set aside on a syntax error."""
    try:
        if not _safe_to_compose(text, document):
            return None
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        position = _position(mark) if mark else Position(1, 1)
        if not any(problem.position.line == position.line for problem in document.problems):
            document.problems.append(YamlProblem(position, _field_on(text, position), _yaml_message(error),
                                                 _yaml_hint(error, text, position)))
        if "expected a single document" in _parser_said(error):
            return None
        return _SetAside(position.line)
    except yaml.YAMLError as error:
        document.problems.append(YamlProblem(Position(1, 1), "(file)", str(error),
                                             "check that the file is valid YAML"))
        return None
    if node is None:
        if not document.problems:
            document.problems.append(YamlProblem(Position(1, 1), "(file)", "the file is empty",
                                                 "copy the template and fill in its fields"))
        return None
    document.positions.clear()
    document.key_positions.clear()
    document.plain_scalars.clear()
    document.block_scalars.clear()
    document.data = _Builder(document).build(node, ())
    return None


def _field_on(text: str, position: Position) -> str:
    """The field a syntax error stands in, when its line starts one; else the file as a whole."""
    lines = text.split("\n")
    line = lines[position.line - 1] if 0 < position.line <= len(lines) else ""
    match = re.match(r"^([A-Za-z_][\w-]*):", line)
    return match.group(1) if match else "(file)"


def _safe_to_compose(text: str, document: YamlDocument) -> bool:
    """One pass over the parser's events, before any tree is built from them.

    Nesting thousands deep crashes the tree builder outright, so it is refused here, at its line.
    Anchors are the first half of the "billion laughs" expansion: they are refused too.
    """
    depth = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_PARSE_DEPTH:
                document.problems.append(YamlProblem(
                    _position(event.start_mark), "(file)", "values are nested too deeply",
                    "a listing needs at most a field, a list and the list's values"))
                return False
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
        if getattr(event, "anchor", None) and not isinstance(event, yaml.AliasEvent):
            document.problems.append(YamlProblem(
                _position(event.start_mark), "(file)",
                f"YAML anchors (&{event.anchor}) are not allowed",
                "write each value out in full, or put text containing & in quotes"))
    return True


# What the parser says, in words an employer can act on.
PLAIN_WORDS = [
    ("mapping values are not allowed", "the value has `: ` in it, which reads as the start of another field"),
    ("found character '\\t' that cannot start any token", "a tab is used to indent this line"),
    ("found a tab character", "a tab is used to indent this line"),
    ("could not find expected ':'", "this line has no `:` after its field name"),
    ("expected <block end>, but found", "this line is indented differently from the lines around it"),
    ("did not find expected key", "this line is indented differently from the lines around it"),
    ("found unexpected end of stream", "a quote is opened and never closed"),
    ("while scanning a quoted scalar", "a quote is opened and never closed"),
    ("expected a single document", "the file holds a second `---` and more after it"),
    ("found unknown escape character", "a backslash in double quotes starts an unknown escape"),
]


def _parser_said(error: yaml.MarkedYAMLError) -> str:
    return " ".join(part for part in (error.context, error.problem) if part)


def _yaml_message(error: yaml.MarkedYAMLError) -> str:
    said = _parser_said(error)
    return next((plain for words, plain in PLAIN_WORDS if words in said), said)


def _yaml_hint(error: yaml.MarkedYAMLError, text: str, position: Position) -> str:
    lines = text.splitlines()
    line = lines[position.line - 1] if 0 < position.line <= len(lines) else ""
    if "\t" in line or "tab" in (error.problem or ""):
        return "indent with spaces, not tabs"
    if "expected a single document" in _parser_said(error):
        return "keep one listing per file, with no second `---` line"
    if ": " in line.split(":", 1)[-1]:
        return "put the value in quotes, because it contains `: `"
    return "check the indentation and that every `name: value` pair has a space after the colon"


def decode_text(raw: bytes) -> tuple[str | None, YamlDocument | None]:
    """The file's text, or a document holding the reason it cannot be read as text."""
    if len(raw) > MAX_FILE_BYTES:
        return None, _file_problem(f"the file is {len(raw) // 1024} KB, more than the "
                                   f"{MAX_FILE_BYTES // 1024} KB allowed", "shorten the text")
    if raw.startswith(b"\xef\xbb\xbf"):
        return None, _file_problem("the file starts with a byte-order mark",
                                   "save the file as UTF-8 without a BOM")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        return None, _file_problem("the file is not UTF-8 text", "save the file as UTF-8",
                                   Position(line, column))


def read_yaml_bytes(raw: bytes) -> YamlDocument:
    """Check the bytes are sensible UTF-8 text of a sane size, then parse them."""
    text, unreadable = decode_text(raw)
    return unreadable or parse_yaml(text)


def read_front_matter_bytes(raw: bytes) -> tuple[YamlDocument, str, int]:
    """A Markdown file's `---` fenced YAML metadata, parsed; the Markdown after it and its first line."""
    text, unreadable = decode_text(raw)
    if unreadable:
        return unreadable, "", 1
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return _file_problem("the file does not start with a `---` line",
                             "put the details, such as `title:`, between two `---` lines at the top"), "", 1
    end = next((n for n, line in enumerate(lines[1:], start=1) if line.strip() == "---"), None)
    if end is None:
        return _file_problem("the details at the top have no closing `---` line",
                             "add a line with just `---` after the details"), "", 1
    # A comment in place of the opening fence keeps the YAML's line numbers those of the file.
    document = parse_yaml("\n".join(["#", *lines[1:end]]))
    return document, "\n".join(lines[end + 1:]), end + 2


def _file_problem(message: str, hint: str, position: Position = Position(1, 1)) -> YamlDocument:
    return YamlDocument(problems=[YamlProblem(position, "(file)", message, hint)])
