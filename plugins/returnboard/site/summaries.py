"""What the list pages show beside their lists, worked out once a build: counts under each
facet value, the front page's region chart, the story filters, the search filters with their
counts and the towns of each region."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..domain.models import includes_uk_wide
from ..domain.vocabularies import Term, Vocabulary

# The front page lists the first few to close; its list of everything marks the rest.
FRONT_CLOSING_SOON = 5


@dataclass(frozen=True)
class TermCount:
    """A facet value and how many open placements (or stories) are listed under it."""

    term: Term
    count: int
    includes_uk_wide: bool = False


@dataclass(frozen=True)
class FacetCounts:
    facet: Vocabulary
    terms: dict[str, TermCount]  # by id, in the vocabulary's order

    @property
    def includes_uk_wide(self) -> bool:
        """Whether some value's list also holds the placements open anywhere in the UK."""
        return any(entry.includes_uk_wide for entry in self.terms.values())


def facet_counts(facet: Vocabulary, members: dict[str, list]) -> FacetCounts:
    """Every value of a facet with the number of open placements listed under it."""
    return FacetCounts(facet, {term.id: TermCount(term, len(members[term.id]), includes_uk_wide(term))
                               for term in facet})


def story_filter(facet: Vocabulary, groups: dict[str, list]) -> FacetCounts:
    """The values of a facet that have stories, with how many: a filter never leads to nothing."""
    return FacetCounts(facet, {term.id: TermCount(term, len(groups[term.id]))
                               for term in facet if groups[term.id]})


# The region chart's layout, in SVG user units: a row a region, labels right-aligned at
# LABEL_X, bars from BAR_X, each count just past its bar.
ROW = 22
LABEL_X = 150
BAR_X = 156
BAR_HEIGHT = 16
LONGEST_BAR = 130
COUNT_GAP = 4


@dataclass(frozen=True)
class ChartBar:
    label: str
    value: str  # the figure as printed
    width: float
    bar_y: int
    text_y: int  # the baseline of its label and value
    value_x: float


@dataclass(frozen=True)
class BarChart:
    bars: list[ChartBar]
    height: int
    width: int = 320
    label_x: int = LABEL_X
    bar_x: int = BAR_X
    bar_height: int = BAR_HEIGHT


def bar_chart(rows: list[tuple[str, float, str]]) -> BarChart:
    """Bars for (label, figure, figure as printed) in the order given, the longest for the
    largest figure (all empty when every figure is nought)."""
    most = max([figure for _, figure, _ in rows] + [0]) or 1
    bars = []
    for row, (label, figure, shown) in enumerate(rows):
        width = round(LONGEST_BAR * figure / most, 1)
        top = ROW * row
        bars.append(ChartBar(label, shown, width, bar_y=top + 3, text_y=top + 15, value_x=BAR_X + COUNT_GAP + width))
    return BarChart(bars, height=ROW * len(bars))


def region_chart(counts: FacetCounts) -> BarChart:
    """Open placements by region as bars."""
    return bar_chart([(entry.term.name, entry.count, str(entry.count)) for entry in counts.terms.values()])


@dataclass(frozen=True)
class SearchFilter:
    """A filter on the search page, named in the address and the index as its list's `filter`,
    with each option's count of open placements: the count the page shows before it searches."""

    vocabulary: Vocabulary
    options: list[TermCount]

    @property
    def name(self) -> str:
        return self.vocabulary.filter

    @property
    def single_choice(self) -> bool:
        return self.vocabulary.choose == "one"


def search_filters(vocabularies: list[Vocabulary], open_placements: list) -> list[SearchFilter]:
    """Every search filter with its options counted over the open placements, in one pass a filter."""
    filters = []
    for vocabulary in vocabularies:
        counts = Counter(term_id for placement in open_placements
                         for term_id in {term.id for term in placement.listed_under(vocabulary)})
        filters.append(SearchFilter(vocabulary, [TermCount(term, counts[term.id]) for term in vocabulary]))
    return filters


@dataclass(frozen=True)
class TownCount:
    """A town with open placements, and how many name it."""

    town: str  # as the first listing to name it writes it
    count: int


def region_towns(members: dict[str, list]) -> dict[str, list[TownCount]]:
    """Each region's towns with open placements there, A to Z: a town counts in the region the
    gazetteer puts it in, whatever regions its listing gives (so a UK-wide listing's base town counts)."""
    towns = {}
    for region, placements in members.items():
        counts: dict[tuple, list] = {}
        for placement in placements:
            for place in placement.places_of_work:
                if place.place.region == region:
                    counts.setdefault((place.place.name, place.latitude, place.longitude), [place.town, 0])[1] += 1
        towns[region] = sorted((TownCount(town, count) for town, count in counts.values()),
                               key=lambda entry: entry.town.casefold())
    return towns
