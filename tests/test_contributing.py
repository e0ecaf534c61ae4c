"""CONTRIBUTING.md: its lists match the vocabularies and schemas, and its examples pass the real validator."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import textwrap

import pytest
import yaml

from returnboard.content.data_files import load_vocabularies
from tests.boardtools import ROOT, run_board, written_vocabularies

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")


def block(marker: str) -> str:
    """The fenced block that follows `<!-- marker -->`."""
    match = re.search(rf"<!-- {marker} -->\n```yaml\n(.*?)```", GUIDE, re.S)
    assert match, f"no ```yaml block after <!-- {marker} --> in CONTRIBUTING.md"
    return match.group(1)


def table_after(heading: str) -> list[list[str]]:
    """The body rows of the first table under a heading, as lists of cells."""
    lines = GUIDE.split(f"\n{heading}\n", 1)[1].lstrip("\n").splitlines()
    table = lines[: next(i for i, line in enumerate(lines) if not line.startswith("|"))]
    return [[cell.strip() for cell in line.strip("|").split("|")] for line in table[2:]]


WRITTEN = sorted(written_vocabularies())


def test_the_lists_employers_write_from_are_found():
    assert {"regions", "sectors", "types", "charters", "pay_periods"} <= set(WRITTEN)


@pytest.mark.parametrize("key", WRITTEN)
def test_every_vocabulary_value_is_written_out_in_order(key):
    vocabulary = load_vocabularies()[key]
    rows = table_after(f"#### {vocabulary.plural} (`{key}`)")
    assert [cells[0] for cells in rows] == [f"`{term_id}`" for term_id in vocabulary.ids], \
        f"update the {vocabulary.plural} table in CONTRIBUTING.md from data/vocabularies.yaml"
    for cells, term in zip(rows, vocabulary):
        assert cells[1].startswith(term.name), (cells, term.name)


def test_every_vocabulary_id_appears_in_the_guide():
    for key in WRITTEN:
        for term_id in load_vocabularies()[key].ids:
            assert f"`{term_id}`" in GUIDE, term_id


@pytest.mark.parametrize("kind, heading", [("placement", "## Every field"), ("employer", "## Your employer file")])
def test_every_schema_field_is_explained(kind, heading):
    schema = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
    section = GUIDE.split(f"\n{heading}\n", 1)[1]
    explained = re.findall(r"^\| `([a-z_]+)` \|", section.split("\n## ", 1)[0], re.M)
    assert set(schema["properties"]) <= set(explained)


@pytest.fixture
def content(tmp_path):
    """A content folder with the guide's employer file, as an employer would add it."""
    folder = tmp_path / "content"
    (folder / "placements").mkdir(parents=True)
    (folder / "employers").mkdir()
    (folder / "employers" / "northumbria-robotics.yaml").write_text(block("employer-example"), encoding="utf-8")
    return folder


def validate(content, *files):
    return run_board("validate", "--content", content, *files, cwd=content.parent)


def test_the_employer_example_and_the_full_example_pass_the_check(content):
    listing = content / "placements" / "robotics-software-returnship.yaml"
    listing.write_text(block("listing-example"), encoding="utf-8")
    result = validate(content)
    assert result.returncode == 0, result.stderr
    assert "All good: 1 listing(s) and 1 employer(s) checked." in result.stdout


def test_the_template_is_refused_until_every_placeholder_is_replaced(content):
    listing = content / "placements" / "bridge-engineer-returnship-leeds.yaml"
    template = block("listing-template")
    listing.write_text(template, encoding="utf-8")
    result = validate(content, listing)
    assert result.returncode == 1
    for field in ("employer", "posted", "closes", "apply.url"):
        assert f": {field}: " in result.stderr, field
    filled = {
        "<the name of the role>": "Bridge engineer returnship",
        "<your employer id>": "northumbria-robotics",
        "<town or city>": "Leeds",
        "<today, as YYYY-MM-DD>": "2026-11-20",
        "<the last day to apply, as YYYY-MM-DD>": "2027-01-29",
        "https://<your careers page>": "https://northumbria-robotics.example/careers",
        "<one or two plain sentences about the opportunity>": "A twelve-week paid returnship designing bridges.",
        "<what the work is and who the team are>": "You will design footbridges with a team of five.",
        "<how you help people back>": "A mentor and paid training time.",
    }
    half = template.replace("<your employer id>", filled["<your employer id>"])
    for placeholder, value in filled.items():
        if placeholder not in ("<the name of the role>",):
            half = half.replace(placeholder, value)
    listing.write_text(half, encoding="utf-8")
    result = validate(content, listing)
    assert result.returncode == 1
    assert "title: still has the template's placeholder '<the name of the role>'" in result.stderr
    for placeholder, value in filled.items():
        template = template.replace(placeholder, value)
    assert "<" not in template
    listing.write_text(template, encoding="utf-8")
    result = validate(content, listing)
    assert result.returncode == 0, result.stderr


def test_the_make_new_example_writes_a_listing_that_passes(tmp_path):
    command = next(line for line in GUIDE.splitlines() if line.startswith('make new ARGS="'))
    arguments = shlex.split(command.split("ARGS=", 1)[1])[0]
    content = tmp_path / "content"
    (content / "placements").mkdir(parents=True)
    shutil.copytree(ROOT / "content" / "employers", content / "employers")
    result = run_board("new", "--content", content, "--no-input", *shlex.split(arguments), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    validated = next(line for line in GUIDE.splitlines() if line.startswith("make validate FILES="))
    written = shlex.split(validated.split("FILES=", 1)[1])[0]
    assert (tmp_path / written).is_file(), "the guide validates a different file from the one `make new` writes"
    assert validate(content, tmp_path / written).returncode == 0


def test_the_generated_parts_are_what_the_schemas_and_employers_make():
    from returnboard.cli.contributing import render_guide

    assert render_guide(GUIDE) == GUIDE, \
        "CONTRIBUTING.md is out of date: run `make contributing` and commit the result"


def test_contributing_command_prints_the_committed_guide():
    result = run_board("contributing")
    assert result.returncode == 0, result.stderr
    assert result.stdout == GUIDE


def test_every_employer_on_the_board_is_listed_with_its_id():
    rows = table_after("<!-- employers -->")
    ids = [cells[1].strip("`") for cells in rows]
    assert sorted(ids) == sorted(path.stem for path in (ROOT / "content" / "employers").glob("*.yaml"))


def test_the_field_table_gives_each_fields_example_from_the_schema():
    schema = json.loads((ROOT / "schemas" / "placement.schema.json").read_text(encoding="utf-8"))
    rows = {cells[0].strip("`"): cells for cells in table_after("<!-- listing-fields -->")}
    assert rows["title"][3] == f"`{schema['properties']['title']['x-example']}`"
    assert rows["pay"][1] == "for a returnship or job"
    assert rows["location"][1] == "when `workplace` is `on-site` or `hybrid`"


def test_the_employer_example_shows_a_returner_programme():
    import yaml

    programme = yaml.safe_load(block("employer-example"))["returner_programme"]
    assert set(programme) == {"name", "since", "returners", "conversion_rate"}


def unusual_shapes() -> list[str]:
    """The YAML examples in "Listings that do not fit the usual shape"."""
    section = GUIDE.split("## Listings that do not fit the usual shape", 1)[1].split("\n## ", 1)[0]
    return [textwrap.dedent(code) for code in re.findall(r"```yaml\n(.*?)```", section, re.S)]


@pytest.mark.parametrize("example", unusual_shapes())
def test_each_unusual_shape_in_the_guide_passes_the_check(content, example):
    fields = yaml.safe_load(example)
    listing = yaml.safe_load(block("listing-example"))
    if "contract" in fields:  # contracts are for jobs, which take no places or length in weeks
        listing.update(type="job")
        for returnship_only in ("duration_weeks", "route_to_permanent", "places"):
            listing.pop(returnship_only, None)
    listing["pay"] = {**listing.get("pay", {}), **fields.pop("pay", {})}
    listing.update(fields)
    (content / "placements" / "robotics-software-returnship.yaml").write_text(
        yaml.safe_dump(listing, sort_keys=False, allow_unicode=True), encoding="utf-8")
    result = validate(content)
    assert result.returncode == 0, result.stderr


def test_the_guide_shows_each_unusual_shape():
    shown = set().union(*(yaml.safe_load(example) for example in unusual_shapes()))
    assert {"partners", "hours_per_week", "pay", "location", "contract"} <= shown
