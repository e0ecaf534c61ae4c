"""`python -m returnboard contributing`: the parts of CONTRIBUTING.md made from the board's sources.

Each part stands between `<!-- name -->` and `<!-- /name -->` in the guide: the listing
template and the field tables come from the schemas' notes (`content/field_notes.py`), and
the table of employers from `content/employers/`. Everything else in the guide is written by
hand; a test checks that the committed guide holds what this makes.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..content.data_files import load_vocabularies, read_data_file
from ..content.field_notes import FieldNotes, schema_fields
from ..domain.vocabularies import Vocabulary
from ..settings import PROJECT
from .listing_text import render_listing

GUIDE = PROJECT / "CONTRIBUTING.md"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _inline(value) -> str:
    """An example as it is written in a file, on one line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_inline(item)}" for key, item in value.items())
    return str(value)


def _anchor(heading: str) -> str:
    """The fragment GitHub gives a heading."""
    return "#" + re.sub(r"[^a-z0-9 _-]", "", heading.lower()).replace(" ", "-")


def _what_to_write(notes: FieldNotes, vocabularies: dict[str, Vocabulary]) -> str:
    if notes.vocabulary:
        vocabulary = vocabularies[notes.vocabulary]
        heading = f"{vocabulary.plural} ({notes.vocabulary})"
        how = "One or more ids, in square brackets," if notes.is_list else "One id"
        return f"{notes.explanation} {how} from [{vocabulary.plural.lower()}]({_anchor(heading)})."
    if notes.rule.get("type") == "boolean":
        return f"{notes.explanation} `true` or `false`."
    return notes.explanation


def field_table(schema: str, vocabularies: dict[str, Vocabulary]) -> str:
    """Every field of a schema, nested ones too, with when it is needed, what to write and an example."""
    rows = ["| field | needed? | what to write | example |", "|---|---|---|---|"]
    for path, notes in schema_fields(schema).items():
        example = notes.example
        shown = f"`{_cell(_inline(example))}`" if not (isinstance(example, str) and "\n" in example) else ""
        rows.append(f"| `{path}` | {_cell(notes.needed)} | {_cell(_what_to_write(notes, vocabularies))} | {shown} |")
    return "\n".join(rows)


def listing_template(vocabularies: dict[str, Vocabulary]) -> str:
    """The guide's template: every field with an `x-template`, in the schema's order."""
    data = {path: notes.rule["x-template"] for path, notes in schema_fields("placement").items()
            if "x-template" in notes.rule}
    return "```yaml\n" + render_listing(data, vocabularies, comments=False) + "```"


def employers_table(content: Path) -> str:
    """The employers on the board, by name, with the id each gives as `employer:`."""
    rows = ["| organisation | employer id |", "|---|---|"]
    found = sorted(((read_data_file(path) or {}).get("name", path.stem), path.stem)
                   for path in (content / "employers").glob("*.yaml"))
    rows += [f"| {_cell(str(name))} | `{employer_id}` |" for name, employer_id in found]
    return "\n".join(rows)


def parts(content: Path) -> dict[str, str]:
    vocabularies = load_vocabularies()
    return {
        "listing-template": listing_template(vocabularies),
        "listing-fields": field_table("placement", vocabularies),
        "employer-fields": field_table("employer", vocabularies),
        "employers": employers_table(content),
    }


def render_guide(text: str, content: Path = PROJECT / "content") -> str:
    """The guide with each generated part made afresh; a missing marker is an error."""
    for name, made in parts(content).items():
        pattern = re.compile(rf"(<!-- {name} -->\n)(?:.*?\n)?(<!-- /{name} -->)", re.S)
        if not pattern.search(text):
            raise ValueError(f"CONTRIBUTING.md has no <!-- {name} --> ... <!-- /{name} --> part")
        text = pattern.sub(lambda match: match.group(1) + made + "\n" + match.group(2), text)
    return text


def main(write: bool) -> int:
    """Print the guide as it should be, or write it over CONTRIBUTING.md."""
    text = render_guide(GUIDE.read_text(encoding="utf-8"))
    if not write:
        print(text, end="")
        return 0
    GUIDE.write_text(text, encoding="utf-8")
    print("Wrote CONTRIBUTING.md.")
    return 0
