"""Check data against our JSON Schemas and explain each failure in plain words."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

from jsonschema import Draft202012Validator

from ..domain.answers import date_hint, pounds_hint, read_date, read_pounds
from ..domain.vocabularies import Vocabulary, vocabularies_schema

SCHEMA_DIR = Path(__file__).resolve().parents[3] / "schemas"

TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a group of fields",
}
# When several rules fail for one field, the first of these to fail explains it.
KEYWORD_ORDER = {"required": 0, "additionalProperties": 1, "type": 2, "enum": 3, "const": 4, "format": 5}
YAML_BOOLEAN_WORDS = {"yes", "no", "on", "off", "y", "n", "true", "false"}


def load_schema(name: str) -> dict:
    with open(SCHEMA_DIR / f"{name}.schema.json", encoding="utf-8") as stream:
        return json.load(stream)


def inline_vocabularies(node, vocabularies: dict):
    """Replace each `$ref` to the vocabularies with the list itself.

    Checking is twice as fast without reference lookups; the published schemas keep their $refs.
    """
    if isinstance(node, list):
        return [inline_vocabularies(item, vocabularies) for item in node]
    if not isinstance(node, dict):
        return node
    reference = node.get("$ref", "")
    if reference.startswith("vocabularies.schema.json#/$defs/"):
        rest = {key: value for key, value in node.items() if key != "$ref"}
        return {**vocabularies["$defs"][reference.rsplit("/", 1)[1]], **rest}
    return {key: inline_vocabularies(value, vocabularies) for key, value in node.items()}


class SchemaChecker:
    """Validates one kind of file (placement, employer...) against its schema."""

    def __init__(self, name: str, vocabularies: dict[str, Vocabulary]):
        self.schema = inline_vocabularies(load_schema(name), vocabularies_schema(vocabularies))
        self.vocabularies = vocabularies
        self.validator = Draft202012Validator(
            self.schema, format_checker=Draft202012Validator.FORMAT_CHECKER
        )

    def check(self, data, plain_scalars: dict) -> list[tuple[tuple, str, str]]:
        """Every schema failure as (path, message, hint): one a field, the one that says most."""
        errors = sorted(self.validator.iter_errors(data), key=lambda error: KEYWORD_ORDER.get(error.validator, 99))
        found: dict[tuple, tuple] = {}
        for error in errors:
            for path, message, hint in self.explain(error, plain_scalars):
                found.setdefault(path, (path, message, hint))
        return list(found.values())

    def explain(self, error, plain_scalars) -> list[tuple[tuple, str, str]]:
        path = tuple(error.absolute_path)
        field = _last_name(path)
        keyword = error.validator
        value = error.instance
        if keyword == "required":
            missing = next(name for name in error.validator_value if name not in value)
            return [(path + (missing,), f"`{missing}` is missing{self._condition(error)}",
                     self._hint(path + (missing,), f"add `{missing}:`"))]
        if keyword == "additionalProperties":
            allowed = list(error.schema.get("properties", {}))
            return [
                (path + (extra,), f"`{extra}` is not a field we know", _suggest(extra, allowed, "field")
                 or "remove it, or check the spelling against the template")
                for extra in value if extra not in allowed
            ]
        if keyword == "not" and list(error.validator_value) == ["required"]:
            (name,) = error.validator_value["required"]
            return [(path + (name,), f"`{name}` is not used{self._condition(error, '')}",
                     f"remove `{name}:`")]
        if keyword == "enum":
            return [(path, *self._enum(value, error.validator_value, field))]
        if keyword == "type":
            return [(path, *self._type(value, error.validator_value, path, plain_scalars))]
        if keyword in ("format", "pattern") and error.schema.get("format") == "date":
            return [self._date(path, value, field)]
        if keyword == "format":
            return [(path, f"{value!r} is not a real date",
                     self._hint(path, "write the date as YYYY-MM-DD"))]
        if keyword == "pattern" and field in ("url", "website") and value.startswith("http://"):
            return [(path, f"{value!r} is not a secure address",
                     "use the https:// address of the same page")]
        if keyword == "pattern":
            return [(path, f"{value!r} is not in the right form",
                     self._hint(path, "check the template for the expected form"))]
        if keyword == "minLength":
            return [(path, f"is {len(value)} characters; it needs at least {error.validator_value}",
                     "say a little more")]
        if keyword == "maxLength":
            return [(path, f"is {len(value)} characters; at most {error.validator_value} are allowed",
                     "shorten it")]
        if keyword == "minItems":
            return [(path, "is an empty list", "give at least one value")]
        if keyword == "maxItems":
            return [(path, f"has {len(value)} values; at most {error.validator_value} are allowed",
                     "keep the ones that matter most")]
        if keyword == "uniqueItems":
            return [(path, "lists the same value more than once", "remove the repeat")]
        if keyword in ("minimum", "exclusiveMinimum"):
            return [(path, f"{value} is too small", f"use a number above {error.validator_value}"
                     if keyword == "exclusiveMinimum" else f"use at least {error.validator_value}")]
        if keyword == "maximum":
            return [(path, f"{value} is too large", f"use at most {error.validator_value}")]
        if keyword == "const":
            return [(path, f"must be {json.dumps(error.validator_value)}",
                     self._hint(path, f"set it to {json.dumps(error.validator_value)}"))]
        if keyword == "multipleOf":
            return [(path, f"{value} is not a multiple of {error.validator_value}",
                     f"round it to the nearest {error.validator_value}")]
        if keyword == "minProperties":
            return [(path, "is empty", self._hint(path, "fill in its fields"))]
        return [(path, error.message, "check the template")]

    def _hint(self, path: tuple, default: str) -> str:
        """How to put the field at `path` right: its schema's `x-hint`, else a general one."""
        rule = self.schema
        for part in path:
            rule = rule.get("items", {}) if isinstance(part, int) else _property(rule, part)
        return rule.get("x-hint", default)

    def _condition(self, error, lead: str = ": it is needed") -> str:
        """Why a conditionally required field is needed, read from the schema's `if`."""
        schema_path = list(error.schema_path)
        if "then" not in schema_path:
            return ""
        branch = self.schema
        for part in schema_path[: schema_path.index("then")]:
            branch = branch[part]
        for name, rule in branch["if"].get("properties", {}).items():
            values = rule.get("enum", [rule.get("const")])
            shown = " or ".join(json.dumps(v) if isinstance(v, bool) else str(v) for v in values)
            return f"{lead} when `{name}` is {shown}"
        return ""

    def _enum(self, value, allowed: list, field: str) -> tuple[str, str]:
        vocabulary = next((v for v in self.vocabularies.values() if v.ids == allowed), None)
        if vocabulary is None:
            return f"{value!r} is not allowed", "use one of: " + ", ".join(map(str, allowed))
        noun = vocabulary.label.lower()
        if not isinstance(value, str):
            return f"{value!r} is not a {noun} id", "use one of: " + ", ".join(allowed)
        by_name = {term.name.lower(): term.id for term in vocabulary}
        match = by_name.get(value.strip().lower()) or _closest(value.lower().replace(" ", "-"), allowed)
        if match:
            return f"{value!r} is not a {noun} id", f"use `{match}`"
        return f"{value!r} is not a {noun} id", "use one of: " + ", ".join(allowed)

    def _date(self, path: tuple, value: str, field: str) -> tuple[tuple, str, str]:
        """A date not written as YYYY-MM-DD: say exactly what to write when it can be read."""
        try:
            day = read_date(value)
        except ValueError:
            return path, f"{value!r} is not a real date", self._hint(path, "write the date as YYYY-MM-DD")
        return path, f"{value!r} is not written as YYYY-MM-DD", date_hint(day)

    def _type(self, value, expected, path, plain_scalars) -> tuple[str, str]:
        if isinstance(expected, list):  # a field written in more than one shape, such as `location`
            wanted = " or ".join(TYPE_NAMES.get(name, name) for name in expected)
            if not {"string", "array"} <= set(expected) or plain_scalars.get(path) is None:
                return f"must be {wanted}", self._hint(path, f"write {wanted}")
            expected = "string"
        wanted = TYPE_NAMES.get(expected, expected)
        if expected in ("number", "integer") and isinstance(value, str):
            try:
                amount = read_pounds(value)
            except ValueError:
                pass
            else:
                if expected == "number" or isinstance(amount, int):
                    return f"{value!r} is not written as a plain number", pounds_hint(amount)
        written = plain_scalars.get(path)
        if expected == "string" and isinstance(value, bool) and written and written.lower() in YAML_BOOLEAN_WORDS:
            return (f"{written} was read as true/false, not as text",
                    f"put it in quotes: '{written}'")
        if expected == "string" and written is not None:
            return f"{written} was read as {TYPE_NAMES.get(type(value).__name__, 'a value')}, not as text", \
                f"put it in quotes: '{written}'"
        if expected == "array" and not isinstance(value, list):
            return f"must be {wanted}", f"write it as a list, for example [{value}]"
        if expected == "boolean" and isinstance(value, str):
            return f"must be {wanted}, not {value!r}", "write true or false, without quotes"
        return f"must be {wanted}", f"write {wanted}"


def _property(rule: dict, name: str) -> dict:
    """The rule for the field `name` inside `rule`, also where it sits in a branch for one shape
    of the value (`contract`'s group of fields sits under `else`)."""
    if name in rule.get("properties", {}):
        return rule["properties"][name]
    for branch in (rule.get("then"), rule.get("else"), *rule.get("oneOf", []), *rule.get("anyOf", [])):
        found = _property(branch, name) if isinstance(branch, dict) else {}
        if found:
            return found
    return {}


def _last_name(path: tuple) -> str:
    names = [part for part in path if isinstance(part, str)]
    return names[-1] if names else ""


def _closest(value: str, choices: list[str]) -> str | None:
    starting = [choice for choice in choices if value and choice.startswith(value)]
    if len(starting) == 1:
        return starting[0]
    matches = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _suggest(value: str, choices: list[str], noun: str) -> str | None:
    match = _closest(value, choices)
    return f"did you mean `{match}`?" if match else None
