"""What the board is made of: employers, placements, stories and its own pages, with the rules
that say what to show of them (wording, counts, UK-wide listings), so that templates only print."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from urllib.parse import quote

from markupsafe import Markup

from .places import PlaceOfWork
from .vocabularies import Term, Vocabulary

CLOSING_SOON_DAYS = 14
# An employer's page lists this many of its closed placements, latest first, and counts the rest.
PAST_SHOWN = 50
UK_WIDE = "uk-wide"
# Search's mark for listings no distance applies to (see Placement.near_points).
ANYWHERE = "anywhere"
# What an email application holds: said beside every "Email <address>" button.
APPLY_EMAIL_NOTE = ("Send your CV and a few lines on why this role suits you. The subject line names "
                    "the role: keep it, so they know which one you are applying for.")
FULL_TIME_EQUIVALENT = "full-time-equivalent"
# A full-time week, as the hourly pay period's `per_year` in data/vocabularies.yaml counts it.
FULL_TIME_HOURS_A_WEEK = 37.5
SALARY_PERIODS = {"week", "month", "year"}


def counted(number: int, one: str, many: str) -> str:
    """A number with its noun: 1 week, 12 weeks."""
    return f"{number} {one if number == 1 else many}"


def listed_in_words(items: list[str], last: str = "and") -> str:
    """Leeds; Leeds or York; Leeds, York or Hull."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def _number(amount: float) -> str:
    return f"{amount:g}"


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def years_long(years: float) -> str:
    """A length in years as it stands before a noun, hyphenated and singular: 1-year, 2.5-year."""
    return f"{_number(years)}-year"


def regions_of_the_uk(regions: Vocabulary) -> list[Term]:
    """The regions that are places on the map: every region but UK-wide."""
    return [term for term in regions if term.id != UK_WIDE]


def includes_uk_wide(term: Term) -> bool:
    """Whether the list under a value also holds placements open anywhere in the UK: each region's does."""
    return term.vocabulary == "regions" and term.id != UK_WIDE


@dataclass(frozen=True)
class Fact:
    """One line of a summary list: what, and its value in words."""

    key: str
    value: str


@dataclass(frozen=True)
class ReturnerProgramme:
    name: str
    since: int
    returners: int | None = None
    conversion_rate: int | None = None

    @property
    def facts(self) -> list[Fact]:
        facts = [Fact("Returner programme", f"{self.name}, running since {self.since}")]
        if self.returners is not None:
            facts.append(Fact("Returners so far", str(self.returners)))
        if self.conversion_rate is not None:
            facts.append(Fact("Offered a permanent job",
                              f"{self.conversion_rate}% of returners at the end of the programme"))
        return facts


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
    def open_count(self) -> int:
        return len(self.open_placements)

    @property
    def closed_placements(self) -> list:
        return [placement for placement in self.placements if not placement.is_open]

    @property
    def past_placements(self) -> list:
        """The closed placements its page lists, the latest to close first."""
        latest_first = sorted(self.closed_placements, key=lambda placement: placement.closes, reverse=True)
        return latest_first[:PAST_SHOWN]

    @property
    def earlier_past_count(self) -> int:
        """How many closed placements there are beyond those its page lists."""
        return max(0, len(self.closed_placements) - PAST_SHOWN)

    @property
    def commitment_facts(self) -> list[Fact]:
        """What it offers returners: its programme's figures, then the charters it has signed."""
        facts = self.programme.facts if self.programme else []
        return facts + [Fact(commitment.name, commitment.description) for commitment in self.commitments]


@dataclass(frozen=True)
class Pay:
    min: float
    period: Term
    max: float | None = None
    basis: Term | None = None  # as the listing says it; the placement applies the default rule

    def __str__(self) -> str:
        amount = _pounds(self.min) if not self.max or self.max == self.min else \
            f"{_pounds(self.min)} to {_pounds(self.max)}"
        return f"{amount} {self.period.name}"


@dataclass(frozen=True)
class HoursPerWeek:
    min: float
    max: float | None = None

    def __str__(self) -> str:
        if self.max is None or self.max == self.min:
            return f"{_number(self.min)} {'hour' if self.min == 1 else 'hours'} a week"
        return f"{_number(self.min)} to {_number(self.max)} hours a week"


@dataclass(frozen=True)
class Contract:
    """Permanent, or fixed-term with its length."""

    type: Term
    months: int | None = None

    def __str__(self) -> str:
        return f"{self.type.name}, {counted(self.months, 'month', 'months')}" if self.months else self.type.name

    @property
    def phrase(self) -> str:
        """As it reads inside a sentence: fixed term, 12 months."""
        return _lower_first(str(self))


@dataclass(frozen=True)
class Partner:
    """Another organisation that runs an opportunity with the employer."""

    name: str
    website: str


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
    location: str | list[str] | None = None  # one town, or several places of work, as the listing has it
    places_of_work: list[PlaceOfWork] = field(default_factory=list)  # those towns on the map
    pay: Pay | None = None
    hours_per_week: HoursPerWeek | None = None
    contract: Contract | None = None
    places: int | None = None
    partners: list[Partner] = field(default_factory=list)
    free: bool | None = None
    fee: str | None = None
    duration_weeks: int | None = None
    route_to_permanent: bool | None = None
    support: list[Term] = field(default_factory=list)
    min_break_months: int | None = None
    starts: dt.date | None = None
    updated: dt.date | None = None  # when an open listing was last changed, if it has been
    is_open: bool = True
    closes_soon: bool = False
    days_left: int | None = None  # days from the board's today to its closing date
    apply_email_note = APPLY_EMAIL_NOTE

    @property
    def url(self) -> str:
        return f"placements/{self.slug}/"

    @property
    def types(self) -> list[Term]:
        return [self.type]

    @property
    def last_changed(self) -> dt.date:
        """The sitemap's lastmod: the day it was last changed, or else posted."""
        return self.updated or self.posted

    @property
    def workplaces(self) -> list[Term]:
        return [self.workplace]

    @property
    def locations(self) -> list[str]:
        """Its places of work, however many: none for remote work based nowhere in particular."""
        if self.location is None:
            return []
        return [self.location] if isinstance(self.location, str) else list(self.location)

    @property
    def towns(self) -> str:
        """Its places of work in words: Leeds, York or Hull."""
        return listed_in_words(self.locations, "or")

    @property
    def place(self) -> str:
        """Where the work is, in a few words for a card."""
        if self.workplace.id == "remote":
            return "Remote" + (f" (based near {self.towns})" if self.locations else "")
        return f"{self.towns} ({self.workplace.name.lower()})"

    @property
    def geo(self) -> str:
        """Where its towns are, for search to measure distances: `lat,lon;lat,lon` in degrees
        to three decimal places (about 100 metres); empty when it names no town."""
        return ";".join(self._points)

    @property
    def _points(self) -> list[str]:
        return [f"{place.latitude:.3f},{place.longitude:.3f}" for place in self.places_of_work]

    @property
    def is_uk_wide(self) -> bool:
        """Open to people anywhere in the UK."""
        return any(term.id == UK_WIDE for term in self.regions)

    @property
    def works_anywhere(self) -> bool:
        """Remote work, or a UK-wide opportunity with no town: no distance applies to it."""
        return self.workplace.id == "remote" or (self.is_uk_wide and not self.places_of_work)

    @property
    def near_points(self) -> list[str]:
        """What search ranks it by distance with: each town as `lat,lon`, or `anywhere`."""
        return [ANYWHERE] if self.works_anywhere else self._points

    @property
    def anywhere_text(self) -> str | None:
        """What a search by distance says of it in place of a distance."""
        if not self.works_anywhere:
            return None
        return "Remote: no travel to work" if self.workplace.id == "remote" else "UK-wide: open wherever you live"

    @property
    def main_region(self) -> Term:
        """The region a closed listing sends people to for open ones."""
        return self.regions[0]

    def listed_under(self, vocabulary: Vocabulary) -> list[Term]:
        """The values of a list it is found under, on browse pages and in search filters: a UK-wide
        placement under every region; the derived filters (pay, cost, route) from its facts."""
        derived = {
            "costs": self._costs, "routes": self._routes, "pay_floors": self._pay_floors,
            "contract_types": lambda _: [self.contract.type] if self.contract else [],
        }.get(vocabulary.key)
        if derived:
            return derived(vocabulary)
        if vocabulary.key == "regions" and self.is_uk_wide:
            return list(vocabulary.terms)
        return self.terms(vocabulary.key)

    def _costs(self, costs: Vocabulary) -> list[Term]:
        """Paid work, or a programme free to join; a programme with a fee is neither."""
        if self.pay:
            return [costs.by_id["paid"]]
        return [costs.by_id["free"]] if self.free else []

    def _routes(self, routes: Vocabulary) -> list[Term]:
        return [routes.by_id["permanent"]] if self.leads_to_permanent else []

    def _pay_floors(self, floors: Vocabulary) -> list[Term]:
        """Every floor its pay reaches, so that choosing one floor finds everything at or above it."""
        yearly = self.yearly_pay
        return [floor for floor in floors if yearly is not None and yearly >= floor.amount]

    @property
    def leads_to_permanent(self) -> bool:
        """A permanent job, or one that says a permanent job can follow."""
        return bool(self.route_to_permanent) or bool(self.contract and self.contract.type.id == "permanent")

    @property
    def yearly_pay(self) -> float | None:
        """Its lowest pay as a yearly figure for full-time hours, to compare and sort listings by;
        actual part-time pay is scaled up when its hours a week are known. None when unpaid."""
        if not self.pay:
            return None
        yearly = self.pay.min * self.pay.period.per_year
        actual_part_time = not self.pay_is_full_time_equivalent and any(term.pro_rata for term in self.hours)
        # A rate by the hour or day is already a full-time rate; a week's, month's or year's is not.
        if actual_part_time and self.pay.period.id in SALARY_PERIODS and self.hours_per_week:
            # The most hours it gives: the lowest full-time figure, so that pay is never overstated.
            yearly *= FULL_TIME_HOURS_A_WEEK / (self.hours_per_week.max or self.hours_per_week.min)
        return yearly

    @property
    def pay_sort_key(self) -> str:
        """Its yearly pay as a fixed-width number for search to sort by, unpaid last."""
        return f"{round(self.yearly_pay or 0):09d}"

    @property
    def cost(self) -> str | None:
        """What a programme costs the returner; None for paid work."""
        if self.free is None:
            return None
        return "Free" if self.free else self.fee

    @property
    def price_label(self) -> str:
        return "Pay" if self.pay else "Cost"

    @property
    def pay_is_full_time_equivalent(self) -> bool:
        """Yearly pay on part-time, job-share or term-time hours is the full-time figure, paid pro
        rata, unless the listing says it is the actual pay."""
        if not self.pay:
            return False
        if self.pay.basis:
            return self.pay.basis.id == FULL_TIME_EQUIVALENT
        return self.pay.period.id == "year" and any(term.pro_rata for term in self.hours)

    @property
    def pay_text(self) -> str | None:
        """Its pay in words, saying when it is the full-time equivalent."""
        if not self.pay:
            return None
        if self.pay_is_full_time_equivalent:
            return f"{self.pay} full-time equivalent, paid pro rata"
        return str(self.pay)

    @property
    def price(self) -> str | None:
        """Its pay, or for a programme what it costs, in words for a card."""
        return self.pay_text if self.pay else self.cost

    @property
    def hours_text(self) -> str:
        """Its hours in the vocabulary's order, the first capitalised: Part time, job share."""
        return ", ".join(name for _, name in self.hours_named)

    @property
    def hours_named(self) -> list[tuple[Term, str]]:
        """Each of its hours with its name as the list prints it: Part time, job share."""
        return [(term, term.name if index == 0 else _lower_first(term.name))
                for index, term in enumerate(self.hours)]

    @property
    def hours_per_week_text(self) -> str | None:
        return str(self.hours_per_week) if self.hours_per_week else None

    @property
    def contract_text(self) -> str | None:
        return str(self.contract) if self.contract else None

    @property
    def work_pattern_label(self) -> str:
        return "Hours and contract" if self.contract else "Hours"

    @property
    def work_pattern(self) -> str:
        """Its hours, hours a week and contract in one line for a card: Part time, 20 hours a week; permanent."""
        text = ", ".join(filter(None, [self.hours_text, self.hours_per_week_text]))
        return f"{text}; {self.contract.phrase}" if self.contract else text

    @property
    def places_text(self) -> str | None:
        return counted(self.places, "place", "places") if self.places else None

    @property
    def partners_listed(self) -> list[tuple[str, Partner]]:
        """Each partner with the words that go before it in "A, B and C"."""
        befores = [""] + [", "] * (len(self.partners) - 2) + [" and "] if len(self.partners) > 1 else [""]
        return list(zip(befores, self.partners))

    @property
    def apply_mailto(self) -> str | None:
        """A mailto: link to its apply address with the subject filled in with its title."""
        if not self.apply_email:
            return None
        return f"mailto:{self.apply_email}?subject={quote(self.title, safe='')}"

    @property
    def duration_text(self) -> str | None:
        return counted(self.duration_weeks, "week", "weeks") if self.duration_weeks else None

    @property
    def permanent_text(self) -> str | None:
        """Whether a permanent job can follow, in words; None when the listing does not say."""
        if self.route_to_permanent is None:
            return None
        if self.route_to_permanent:
            return "Yes, a permanent job can follow"
        return "No, this is a fixed-term placement"

    @property
    def break_welcome(self) -> str:
        """The career break it asks for, said as a welcome."""
        if self.min_break_months:
            months = counted(self.min_break_months, "month", "months")
            return f"Welcomes people who have had a break of {months} or more"
        return "Career breaks of any length welcome"

    @property
    def break_accepted(self) -> str:
        """The career break it accepts, in a few words for a card: 12 months or more, or any length."""
        if self.min_break_months:
            return f"{counted(self.min_break_months, 'month', 'months')} or more"
        return "Any length"

    @property
    def closing_in(self) -> str | None:
        """How soon it closes, when that is soon: Closes today, Closes tomorrow, Closes in 3 days."""
        if not self.closes_soon:
            return None
        if self.days_left == 0:
            return "Closes today"
        if self.days_left == 1:
            return "Closes tomorrow"
        return f"Closes in {counted(self.days_left, 'day', 'days')}"

    def set_today(self, today: dt.date) -> None:
        """A listing is open up to and including its closing date."""
        self.days_left = (self.closes - today).days
        self.is_open = self.days_left >= 0
        self.closes_soon = self.is_open and self.days_left < CLOSING_SOON_DAYS


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
        """The break in words: a 2.5-year break."""
        return f"a {years_long(self.break_years)} break"

    @property
    def break_with_reason(self) -> str:
        """The break's length, with its reason in the returner's words when they gave one."""
        text = f"A {years_long(self.break_years)} break"
        return f"{text}: “{self.break_reason}”" if self.break_reason else text

    @property
    def byline(self) -> str:
        """Who tells the story: their name, role and employer."""
        at = f" at {self.employer.name}" if self.employer else ""
        return f"{self.name}, {self.role}{at}"

    @property
    def return_summary(self) -> str:
        """How they came back, in one line for a card."""
        return (f"Came back in {self.returned} after {self.break_text}, "
                f"through a {self.type.name.lower()}. {self.region.name}.")


@dataclass(frozen=True)
class Page:
    """One of the board's own pages, such as the accessibility statement, at the address its file name gives."""

    slug: str
    source: str
    title: str
    summary: str
    body_html: Markup  # the page's Markdown, already made safe

    @property
    def url(self) -> str:
        return f"{self.slug}/"
