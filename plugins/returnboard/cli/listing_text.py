"""Write a new listing as commented YAML, and find a free file name for it.

Used by `new` and `from-issue`, so that every generated listing looks the same: the
editor's schema line first, then each field with a comment saying what it takes.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import yaml

from ..content.schema_check import load_schema
from ..domain.vocabularies import Vocabulary

MAX_SLUG = 60
DATE_FIELDS = {"posted", "closes", "starts"}
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
PLAIN_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def schema_line() -> str:
    """Tells YAML editors (VS Code's YAML extension and others) to check the file as it is typed.

    The published schema is used, not ../../schemas/, because it resolves the vocabulary
    lists, which are generated from data/vocabularies.yaml when the site is built.
    """
    return f"# yaml-language-server: $schema={load_schema('placement')['$id']}"


def slugify(text: str) -> str:
    """A file name from a title: lowercase ASCII words joined by hyphens, cut at a word."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return slug or "listing"


def free_path(folder: Path, slug: str) -> Path:
    """The first of slug.yaml, slug-2.yaml... that does not exist yet."""
    candidate, number = folder / f"{slug}.yaml", 1
    while candidate.exists():
        number += 1
        candidate = folder / f"{slug}-{number}.yaml"
    return candidate


def _reads_back(text: str, value) -> bool:
    try:
        return yaml.load(f"key: {text}\n", Loader=yaml.CSafeLoader) == {"key": value}
    except yaml.YAMLError:
        return False


def _quoted(value: str) -> str:
    """A double-quoted YAML scalar that reads back exactly, whatever the text holds.

    JSON's quoting is the readable form; where YAML reads it otherwise (YAML breaks lines at
    U+2028, for one), PyYAML's own quoting escapes what YAML cannot hold as it is.
    """
    quoted = json.dumps(value, ensure_ascii=False)
    if _reads_back(quoted, value):
        return quoted
    return yaml.safe_dump(value, default_style='"', allow_unicode=True, width=float("inf")).rstrip("\n")


def scalar(value, indent: str = "") -> str:
    """A value as YAML that reads back exactly: plain when safe, else a block or quotes.

    Every answer in an issue passes through here, so none can add a field or a comment.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if "\n" in value.strip("\n"):
        body = value.strip("\n")
        marker = "|2" if body[0] == " " else "|"
        block = marker + "".join(f"\n{indent}  {line}" if line else "\n" for line in body.split("\n"))
        if _reads_back(block, body + "\n"):
            return block
    elif "\t" not in value and _reads_back(value, value):  # some YAML readers refuse a tab in plain text
        return value
    return _quoted(value)


def _flow_item(value: str) -> str:
    """A value inside `[...]`: a plain id as it is, anything else (`0`, `no`) quoted."""
    return value if PLAIN_ID.fullmatch(value) and _reads_back(value, value) else _quoted(value)


def _vocabulary_of(rule: dict) -> str | None:
    ref = rule.get("$ref") or rule.get("items", {}).get("$ref", "")
    return ref.rsplit("/", 1)[-1] if "vocabularies.schema.json" in ref else None


def _comment(rule: dict, vocabularies: dict[str, Vocabulary]) -> str:
    key = _vocabulary_of(rule)
    if key:
        ids = ", ".join(vocabularies[key].ids)
        return f"One or more of: {ids}." if rule.get("type") == "array" else f"One of: {ids}."
    if rule.get("type") == "boolean":
        return f"{rule['description']} true or false."
    return rule.get("description", "")


def _value(name: str, value, rule: dict, vocabularies, indent: str, comments: bool = True) -> list[str]:
    if isinstance(value, dict):
        lines = [f"{indent}{name}:"]
        for child, child_value in value.items():
            child_rule = rule.get("properties", {}).get(child, {})
            note = _comment(child_rule, vocabularies) if comments and _vocabulary_of(child_rule) else ""
            line = _value(child, child_value, child_rule, vocabularies, indent + "  ", comments)
            lines += line[:-1] + [line[-1] + (f"  # {note}" if note else "")]
        return lines
    if isinstance(value, list) and any(isinstance(item, dict) for item in value):  # partners
        lines = [f"{indent}{name}:"]
        for item in value:
            group = _value("-", item, rule.get("items", {}), vocabularies, indent + "  ", comments)[1:]
            lines += [f"{indent}  - {group[0].strip()}", *group[1:]]
        return lines
    if isinstance(value, list):
        return [f"{indent}{name}: [{', '.join(map(_flow_item, value))}]"]
    if name in DATE_FIELDS and DATE.fullmatch(value):
        return [f"{indent}{name}: {value}"]  # unquoted, as people write dates
    return [f"{indent}{name}: {scalar(value, indent)}"]


def render_listing(data: dict, vocabularies: dict[str, Vocabulary], comments: bool = True) -> str:
    """The listing as YAML text, fields in the schema's order, each with its comment (if asked)."""
    rules = load_schema("placement")["properties"]
    lines = [schema_line()]
    if comments:
        lines += ["# A listing on Return to STEM. CONTRIBUTING.md explains every field.", ""]
    for name, rule in rules.items():
        if name not in data:
            continue
        comment = _comment(rule, vocabularies) if comments else ""
        if comment:
            lines.append(f"# {comment}")
        lines += _value(name, data[name], rule, vocabularies, "", comments)
    return "\n".join(lines) + "\n"


def render_employer(data: dict) -> str:
    """A new employer file, in the same style."""
    rules = load_schema("employer")
    lines = [f"# yaml-language-server: $schema={rules['$id']}",
             "# An employer on Return to STEM: its id is this file's name.", ""]
    for name in rules["properties"]:
        if name in data:
            lines.append(f"{name}: {scalar(data[name])}")
    return "\n".join(lines) + "\n"
