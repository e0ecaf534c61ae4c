"""/placements.json: the board as open data, checked against its published schema with jsonschema."""

from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource

from tests.reach_board import HOSTILE_EMPLOYER, HOSTILE_SUMMARY, HOSTILE_TITLE


def published(site, name: str) -> dict:
    return json.loads((site / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))


def validator(site) -> Draft202012Validator:
    """The published open-data schema, with the published vocabularies it refers to."""
    schema = published(site, "open-data")
    vocabularies = published(site, "vocabularies")
    registry = Registry().with_resource(vocabularies["$id"], Resource.from_contents(vocabularies))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, registry=registry, format_checker=FormatChecker())


@pytest.fixture(scope="module")
def data(reach_site) -> dict:
    return json.loads((reach_site / "placements.json").read_text(encoding="utf-8"))


def test_open_data_is_valid_against_its_published_schema(reach_site, data):
    errors = list(validator(reach_site).iter_errors(data))
    assert not errors, [error.message for error in errors]
    assert data["version"] == 1
    assert data["$schema"] == "/schemas/open-data.schema.json"
    assert (reach_site / data["$schema"].lstrip("/")).is_file()
    assert data["licence"]["url"] == "https://creativecommons.org/licenses/by/4.0/"


def test_the_sample_board_is_valid_open_data_too(sample_site):
    data = json.loads((sample_site / "placements.json").read_text(encoding="utf-8"))
    errors = list(validator(sample_site).iter_errors(data))
    assert not errors, [error.message for error in errors]
    statuses = {record["status"] for record in data["placements"]}
    assert statuses == {"open", "closed"}, "the sample has open listings and one closed this year"


def test_open_listings_and_those_closed_this_year_are_there_marked(data):
    status = {record["id"]: record["status"] for record in data["placements"]}
    assert status == {"hostile": "open", "remote-job": "open", "closed-this-year": "closed"}
    assert [record["id"] for record in data["placements"]] == ["remote-job", "hostile", "closed-this-year"]


def test_a_record_says_what_the_listing_says_with_text_as_text(data):
    record = {record["id"]: record for record in data["placements"]}["hostile"]
    assert record["title"] == HOSTILE_TITLE and record["summary"] == HOSTILE_SUMMARY
    assert record["employer"] == {"id": "tyne-test-works", "name": HOSTILE_EMPLOYER["name"],
                                  "website": HOSTILE_EMPLOYER["website"]}
    assert record["url"] == "/placements/hostile/"
    assert record["pay"] == {"min": 36000, "max": 40000, "period": "year", "full_time_equivalent": True}
    assert record["hours"] == ["full-time", "part-time"] and record["regions"] == ["north-east"]
    assert (record["closes"], record["starts"]) == ("2027-01-31", "2027-03-01")
    assert record["apply"] == {"url": "https://tyne-test-works.example/apply", "email": None}
    remote = {record["id"]: record for record in data["placements"]}["remote-job"]
    assert remote["locations"] == [] and remote["workplace"] == "remote" and remote["duration_weeks"] is None


def test_the_schema_refuses_what_a_reader_could_not_rely_on(reach_site, data):
    check = validator(reach_site)
    record = data["placements"][0]
    for broken in ({**record, "status": "withdrawn"}, {**record, "regions": ["North East"]},
                   {**record, "closes": "31/01/2027"}, {**record, "surprise": 1},
                   {key: value for key, value in record.items() if key != "apply"}):
        assert not check.is_valid({**data, "placements": [broken]}), broken
    assert not check.is_valid({**data, "version": 2})
