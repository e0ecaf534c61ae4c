"""What the board is made of: employers and their placements, as templates see them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from markupsafe import Markup

from .vocabularies import Term

CLOSING_SOON_DAYS = 14


@dataclass(frozen=True)
class ReturnerProgramme:
    name: str
    since: int
    returners: int | None = None
    conversion_rate: int | None = None


@dataclass(eq=False)
class Employer:
    id: str
    name: str
    website: str
    source: str
    about_html: Markup = Markup("")  # the employer's Markdown, already made safe
    location: str | None = None
    commitments: list[Term] = field(default_factory=list)
    programme: ReturnerProgramme | None = None
    placements: list = field(default_factory=list)
    stories: list = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"employers/{self.id}/"

    @property
    def open_placements(self) -> list:
        return [placement for placement in self.placements if placement.is_open]

    @property
    def closed_placements(self) -> list:
        return [placement for placement in self.placements if not placement.is_open]


@dataclass(frozen=True)
class Pay:
    min: float
    period: Term
    max: float | None = None

    def __str__(self) -> str:
        amount = _pounds(self.min) if not self.max or self.max == self.min else \
            f"{_pounds(self.min)} to {_pounds(self.max)}"
        return f"{amount} {self.period.name}"


def _pounds(amount: float) -> str:
    return f"£{amount:,.0f}" if amount == int(amount) else f"£{amount:,.2f}"


class Faceted:
    """Something listed under facet values: a placement or a story."""

    def terms(self, facet: str) -> list[Term]:
        """Its values for a facet (regions, sectors, types...)."""
        return getattr(self, facet)


@dataclass(eq=False)
class Placement(Faceted):
    slug: str
    source: str
    title: str
    employer: Employer
    type: Term
    sectors: list[Term]
    regions: list[Term]
    workplace: Term
    hours: list[Term]
    posted: dt.date
    closes: dt.date
    summary: str
    description_html: Markup
    apply_url: str | None = None
    apply_email: str | None = None
    location: str | None = None
    pay: Pay | None = None
    free: bool | None = None
    fee: str | None = None
    duration_weeks: int | None = None
    route_to_permanent: bool | None = None
    support: list[Term] = field(default_factory=list)
    min_break_months: int | None = None
    starts: dt.date | None = None
    is_open: bool = True
    closes_soon: bool = False

    @property
    def url(self) -> str:
        return f"placements/{self.slug}/"

    @property
    def types(self) -> list[Term]:
        return [self.type]

    @property
    def workplaces(self) -> list[Term]:
        return [self.workplace]

    @property
    def place(self) -> str:
        """Where the work is, in a few words for a card."""
        if self.workplace.id == "remote":
            return "Remote" + (f" (based near {self.location})" if self.location else "")
        return f"{self.location} ({self.workplace.name.lower()})"

    def set_today(self, today: dt.date) -> None:
        """A listing is open up to and including its closing date."""
        self.is_open = self.closes >= today
        self.closes_soon = self.is_open and (self.closes - today).days < CLOSING_SOON_DAYS


@dataclass(frozen=True)
class Photo:
    src: str
    alt: str


@dataclass(eq=False)
class Story(Faceted):
    """A returner's story, published with their consent."""

    slug: str
    source: str
    title: str
    name: str
    role: str
    region: Term
    sectors: list[Term]
    break_years: float
    returned: int
    type: Term
    quote: str
    published: dt.date
    body_html: Markup  # the story's Markdown, already made safe
    employer: Employer | None = None
    break_reason: str | None = None
    photo: Photo | None = None

    @property
    def url(self) -> str:
        return f"stories/{self.slug}/"

    @property
    def regions(self) -> list[Term]:
        return [self.region]

    @property
    def types(self) -> list[Term]:
        return [self.type]

    @property
    def break_text(self) -> str:
        years = f"{self.break_years:g}"
        return f"{years} year" if self.break_years == 1 else f"{years} years"
