"""The board's own figures by region, per million people: open opportunities, those posted each
year (closed ones too), places offered, and each by type and sector; and the sentence that sets a
region's figure against the UK's.

A UK-wide opportunity counts in a row of its own, not in every region: added to all twelve it
would raise each by the same amount and hide the differences between them. The UK's figures count
every opportunity once, UK-wide ones included.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from .models import UK_WIDE, regions_of_the_uk
from .vocabularies import Term, Vocabulary

UK = "uk"


def one_decimal(value: float) -> str:
    """A figure as the page prints it: one decimal place, halves rounded up (2.25 is 2.3)."""
    return str(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class Population:
    """People in each region and the UK, in millions, and where the estimates come from."""

    source: str
    url: str
    year: int
    uk: float
    regions: dict[str, float]  # by region id


@dataclass(frozen=True)
class EarlierFigure:
    """A region (or group of regions) as an earlier study counted it, per million people."""

    name: str
    region_ids: tuple[str, ...]
    per_million: float


@dataclass(frozen=True)
class EarlierStudy:
    source: str
    years: str
    measure: str
    figures: list[EarlierFigure]


@dataclass(frozen=True)
class Figures:
    """What the board holds for one row: a region, the UK-wide opportunities, or the whole UK."""

    id: str
    name: str
    term: Term | None  # the region, for a region's row or UK-wide's
    millions: float  # its population
    open: int
    places: int  # places offered by its open opportunities that say how many
    places_given: int  # how many of its open opportunities say
    posted: dict[int, int]  # opportunities posted each year, open or closed since
    by_type: dict[str, int]  # open ones, by type id
    by_sector: dict[str, int]  # open ones, by sector id

    def per_million(self, count: int) -> float:
        return count / self.millions

    @property
    def open_per_million(self) -> float:
        return self.per_million(self.open)

    @property
    def places_per_million(self) -> float:
        return self.per_million(self.places)


@dataclass(frozen=True)
class Comparison:
    """An earlier study's figure for some regions beside the board's open opportunities there now."""

    earlier: EarlierFigure
    open: int
    millions: float

    @property
    def open_per_million(self) -> float:
        return self.open / self.millions


@dataclass(frozen=True)
class RegionalFigures:
    regions: list[Figures]  # the twelve regions, in the vocabulary's order
    uk_wide: Figures
    uk: Figures
    years: list[int]  # every year an opportunity on the board was posted, oldest first
    types: Vocabulary
    sectors: Vocabulary
    population: Population
    study: EarlierStudy
    comparisons: list[Comparison]

    @property
    def rows(self) -> list[Figures]:
        """Every row of the tables and the CSV: the regions, UK-wide, then the UK."""
        return [*self.regions, self.uk_wide, self.uk]

    @property
    def ranked(self) -> list[Figures]:
        """The regions, most open opportunities per million people first."""
        return sorted(self.regions, key=lambda row: (-row.open_per_million, row.name))

    def region(self, region_id: str) -> Figures | None:
        return next((row for row in self.regions if row.id == region_id), None)

    def sentence(self, region_id: str) -> str | None:
        """A region against the UK: "In the North East: 4.1 open opportunities per million
        people, against 6.0 across the UK." None for UK-wide, which is no region."""
        row = self.region(region_id)
        if row is None:
            return None
        where = row.term.in_words[0].upper() + row.term.in_words[1:]
        return (f"{where}: {one_decimal(row.open_per_million)} open opportunities per million people, "
                f"against {one_decimal(self.uk.open_per_million)} across the UK.")

    @property
    def uk_sentence(self) -> str:
        """The UK's figure with the regions' highest and lowest, for the front page."""
        text = f"Across the UK: {one_decimal(self.uk.open_per_million)} open opportunities per million people"
        highest, lowest = self.ranked[0], self.ranked[-1]
        if one_decimal(highest.open_per_million) == one_decimal(lowest.open_per_million):
            return text + "."
        return (f"{text}, from {one_decimal(highest.open_per_million)} {highest.term.in_words} "
                f"to {one_decimal(lowest.open_per_million)} {lowest.term.in_words}.")


def _figures(row_id: str, name: str, term: Term | None, millions: float, placements: list, years: list[int],
             types: Vocabulary, sectors: Vocabulary) -> Figures:
    open_ones = [placement for placement in placements if placement.is_open]
    with_places = [placement for placement in open_ones if placement.places is not None]
    return Figures(
        id=row_id, name=name, term=term, millions=millions,
        open=len(open_ones),
        places=sum(placement.places for placement in with_places),
        places_given=len(with_places),
        posted={year: sum(placement.posted.year == year for placement in placements) for year in years},
        by_type={term.id: sum(placement.type.id == term.id for placement in open_ones) for term in types},
        by_sector={term.id: sum(term in placement.sectors for placement in open_ones) for term in sectors},
    )


def _in_any(placement, region_ids) -> bool:
    return any(term.id in region_ids for term in placement.regions)


def regional_figures(placements: list, vocabularies: dict[str, Vocabulary], population: Population,
                     study: EarlierStudy) -> RegionalFigures:
    """The board's figures for every region, UK-wide and the UK, from all its listings, open and closed."""
    regions, types, sectors = vocabularies["regions"], vocabularies["types"], vocabularies["sectors"]
    years = sorted({placement.posted.year for placement in placements})

    def row(term: Term, millions: float) -> Figures:
        members = [placement for placement in placements if _in_any(placement, {term.id})]
        return _figures(term.id, term.name, term, millions, members, years, types, sectors)

    comparisons = []
    for earlier in study.figures:
        inside = [placement for placement in placements if placement.is_open and _in_any(placement, earlier.region_ids)]
        comparisons.append(Comparison(earlier, len(inside), sum(population.regions[id] for id in earlier.region_ids)))
    return RegionalFigures(
        regions=[row(term, population.regions[term.id]) for term in regions_of_the_uk(regions)],
        uk_wide=row(regions.by_id[UK_WIDE], population.uk),
        uk=_figures(UK, "All of the UK", None, population.uk, list(placements), years, types, sectors),
        years=years, types=types, sectors=sectors, population=population, study=study, comparisons=comparisons,
    )
