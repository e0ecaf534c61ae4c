"""Each field's notes in the schemas: complete, and their examples are values the schema accepts."""

from __future__ import annotations

import copy
import re

import pytest
from returnboard.content.data_files import load_vocabularies
from returnboard.content.field_notes import NOTES, schema_fields
from returnboard.content.schema_check import SchemaChecker
from returnboard.content.yaml_loader import read_yaml_bytes
from tests.boardtools import ROOT

ONLY_FOR_A_JOB = {"contract"}  # the guide's example is a returnship, which has no contract
GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def guide_example(marker: str) -> dict:
    """An example file from the guide, read as the board reads it (dates stay text)."""
    text = re.search(rf"<!-- {marker} -->\n```yaml\n(.*?)```", GUIDE, re.S).group(1)
    return read_yaml_bytes(text.encode("utf-8")).data


@pytest.mark.parametrize("schema", ["placement", "employer"])
def test_every_field_has_a_question_a_hint_and_an_example(schema):
    fields = schema_fields(schema)
    assert fields
    for path, notes in fields.items():
        for note in NOTES:
            assert note in notes.rule and notes.rule[note] not in ("", None), f"{schema}: {path} has no {note}"
        assert notes.description, f"{schema}: {path} has no description"


@pytest.mark.parametrize("schema, example", [("placement", "listing-example"), ("employer", "employer-example")])
def test_every_example_is_a_value_the_schema_accepts(schema, example):
    checker = SchemaChecker(schema, load_vocabularies())
    base = guide_example(example)
    base.pop("slug", None)
    for path, notes in schema_fields(schema).items():
        if path == "slug":
            continue
        data = copy.deepcopy(base)
        *parents, name = path.split(".")
        node = data
        if path.split(".")[0] in ONLY_FOR_A_JOB:
            data["type"] = "job"
        for depth, parent in enumerate(parents):
            # A group the example does not have starts as the group's own example.
            node = node.setdefault(parent, copy.deepcopy(schema_fields(schema)[".".join(parents[: depth + 1])].example))
        node[name] = notes.example
        if path == "apply.email":
            node.pop("url", None)
        problems = checker.check(data, {})
        assert problems == [], f"{schema}: the example of {path} is refused: {problems}"


def test_the_validator_hints_are_the_schemas():
    checker = SchemaChecker("placement", load_vocabularies())
    listing = guide_example("listing-example")
    del listing["closes"]
    listing["apply"] = {"url": "careers.example"}
    hints = {path: hint for path, _, hint in checker.check(listing, {})}
    fields = schema_fields("placement")
    assert hints[("closes",)] == fields["closes"].hint
    assert hints[("apply", "url")] == fields["apply.url"].hint


def test_when_a_field_is_needed_is_read_from_the_schemas_conditions():
    fields = schema_fields("placement")
    assert fields["title"].needed == "always"
    assert fields["pay"].needed == fields["pay.min"].needed == "for a returnship or job"
    assert fields["fee"].needed == "when `free` is `false`"
    assert fields["pay.max"].needed == fields["support"].needed == "optional"
    assert schema_fields("employer")["returner_programme.since"].needed == "with `returner_programme`"
