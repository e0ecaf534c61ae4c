"""What the schemas say about each field for people: its question, help, fix hint and example.

Each field's notes live once, as annotations in `schemas/*.schema.json` (`description`,
`x-question`, `x-help`, `x-hint`, `x-example`, `x-template`; JSON Schema ignores keywords it
does not know). The validator's hints, `make new`'s questions, the issue form and the guide's
template and field table are all read from here, together with the limits and conditions the
schema itself enforces, so none of them can drift from the rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .schema_check import load_schema

NOTES = ("x-question", "x-hint", "x-example")  # every field of a listing or employer has these


@dataclass(frozen=True)
class FieldNotes:
    """One field of a schema, named by its dotted path (`pay.min`), with its notes."""

    path: str
    rule: dict
    needed: str  # "always", "optional", or when: "for a returnship or job"

    @property
    def name(self) -> str:
        return self.path.rsplit(".", 1)[-1]

    @property
    def question(self) -> str:
        return self.rule["x-question"]

    @property
    def description(self) -> str:
        return self.rule.get("description", "")

    @property
    def help(self) -> str:
        return self.rule.get("x-help", "")

    @property
    def hint(self) -> str:
        return self.rule["x-hint"]

    @property
    def example(self):
        return self.rule["x-example"]

    @property
    def vocabulary(self) -> str | None:
        """The key of the vocabulary its values come from, if any."""
        reference = self.rule.get("$ref") or self.rule.get("items", {}).get("$ref", "")
        return reference.rsplit("/", 1)[-1] if "vocabularies.schema.json" in reference else None

    @property
    def is_list(self) -> bool:
        return self.rule.get("type") == "array"

    @property
    def limits(self) -> str:
        """The schema's bounds in words, such as "5 to 120 characters"."""
        low, high = self.rule.get("minLength"), self.rule.get("maxLength")
        if self.rule.get("type") == "string" and high:
            return f"{low:,} to {high:,} characters" if low else f"at most {high:,} characters"
        low, high = self.rule.get("minimum"), self.rule.get("maximum")
        if self.rule.get("type") == "integer" and high is not None:
            return f"a whole number from {low} to {high}"
        return ""

    @property
    def explanation(self) -> str:
        """What to write, in full: the description, its limits and any help."""
        limits = f" ({self.limits})" if self.limits else ""
        description = self.description.rstrip(".") + limits + "." if self.description else ""
        return " ".join(part for part in (description, self.help) if part)


@cache
def schema_fields(name: str) -> dict[str, FieldNotes]:
    """Every field of a schema, nested ones too (`pay.min`), in the schema's order."""
    schema = load_schema(name)
    found: dict[str, FieldNotes] = {}

    def walk(node: dict, prefix: str, parent_needed: str) -> None:
        # A field written in two shapes (`contract`) keeps the group's fields under `else`.
        for shape in (node, node.get("else", {})):
            walk_shape(shape, prefix, parent_needed)

    def walk_shape(node: dict, prefix: str, parent_needed: str) -> None:
        required = set(node.get("required", []))
        for field, rule in node.get("properties", {}).items():
            path = prefix + field
            if field in required:
                needed = parent_needed if parent_needed != "optional" else f"with `{prefix[:-1]}`"
            else:
                needed = _conditions(schema, field) if not prefix else "optional"
            found[path] = FieldNotes(path, rule, needed)
            walk(rule, path + ".", needed)

    walk(schema, "", "always")
    return found


def _conditions(schema: dict, field: str) -> str:
    """When the schema's `allOf` conditions ask for a field, in words; else "optional"."""
    cases = []
    for branch in schema.get("allOf", []):
        if field not in branch.get("then", {}).get("required", []):
            continue
        for name, rule in branch["if"].get("properties", {}).items():
            values = rule.get("enum", [rule.get("const")])
            if name == "type":
                cases.append("for a " + " or ".join(values))
            else:
                shown = " or ".join(f"`{str(value).lower()}`" for value in values)
                cases.append(f"when `{name}` is {shown}")
    return "; ".join(cases) or "optional"
