"""The board's fixed lists (regions, sectors, hours...), as data/vocabularies.yaml gives them."""

from __future__ import annotations

from dataclasses import dataclass, field

SCHEMA_ID = "https://returntostem.org.uk/schemas/vocabularies.schema.json"


@dataclass(frozen=True)
class Term:
    """One value of a vocabulary, such as the region North East."""

    id: str
    name: str
    vocabulary: str
    description: str = ""
    itl1: str | None = None
    in_words: str | None = None  # a region as a sentence says where: "in the North East"
    path: str | None = None
    schema_org: str | None = None
    pro_rata: bool = False  # hours paid a share of a full-time salary
    per_year: float | None = None  # a pay period: how many make a full-time year
    amount: int | None = None  # a pay floor: yearly pounds

    @property
    def url(self) -> str | None:
        """The browsable page for this value, for facets that have pages."""
        return f"{self.path}/{self.id}/" if self.path else None

    def __str__(self) -> str:
        return self.name


@dataclass(frozen=True)
class Vocabulary:
    """A named, ordered list of terms; a facet when it has a `path`, a search filter when it has a `filter`."""

    key: str
    label: str
    plural: str
    terms: tuple[Term, ...]
    path: str | None = None
    filter: str | None = None
    choose: str = "any"  # or "one": a search filter that takes a single choice
    hint: str = ""
    by_id: dict[str, Term] = field(default_factory=dict, compare=False, repr=False)

    @property
    def ids(self) -> list[str]:
        return [term.id for term in self.terms]

    @property
    def url(self) -> str | None:
        return f"{self.path}/" if self.path else None

    def __iter__(self):
        return iter(self.terms)


def vocabularies_from_data(raw: dict) -> dict[str, Vocabulary]:
    """Every vocabulary, keyed by its name in the data file."""
    vocabularies = {}
    for key, spec in raw.items():
        terms = tuple(
            Term(vocabulary=key, path=spec.get("path"), **value) for value in spec["values"]
        )
        vocabularies[key] = Vocabulary(
            key=key,
            label=spec["label"],
            plural=spec["plural"],
            path=spec.get("path"),
            filter=spec.get("filter"),
            choose=spec.get("choose", "any"),
            hint=spec.get("hint", ""),
            terms=terms,
            by_id={term.id: term for term in terms},
        )
    return vocabularies


def facets(vocabularies: dict[str, Vocabulary]) -> list[Vocabulary]:
    """The vocabularies that have browsable pages and search filters."""
    return [vocabulary for vocabulary in vocabularies.values() if vocabulary.path]


def filter_vocabularies(vocabularies: dict[str, Vocabulary]) -> list[Vocabulary]:
    """The vocabularies search filters by, in the data file's order."""
    return [vocabulary for vocabulary in vocabularies.values() if vocabulary.filter]


def vocabularies_schema(vocabularies: dict[str, Vocabulary]) -> dict:
    """A JSON Schema whose $defs give each vocabulary's allowed ids, with their names."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "Return to STEM vocabularies",
        "description": "The values allowed in every list the other schemas refer to, such as "
        "regions and sectors: each id with its name. Made from data/vocabularies.yaml.",
        "$defs": {
            key: {
                "type": "string",
                "title": vocabulary.label,
                "enum": vocabulary.ids,
                "description": "One of: "
                + "; ".join(f"{term.id} ({term.name})" for term in vocabulary.terms),
            }
            for key, vocabulary in vocabularies.items()
        },
    }
