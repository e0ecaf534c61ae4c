"""The theme's components (macros in theme/templates/components/), the search page's cards made
from them, and templates that only print what Python has worked out."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup

from pelicanconf import JINJA_ENVIRONMENT
from returnboard.content.data_files import load_vocabularies
from returnboard.domain.models import Contract, Employer, HoursPerWeek, Pay, Placement, Story, includes_uk_wide
from returnboard.domain.vocabularies import filter_vocabularies
from returnboard.site.blank import Blank
from returnboard.site.summaries import facet_counts, region_chart, search_filters
from tests.boardtools import ROOT
from tests.test_site import page

TEMPLATES = ROOT / "theme" / "templates"
ENV = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), **JINJA_ENVIRONMENT)
VOCABULARIES = load_vocabularies()
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Element:
    def __init__(self, tag: str, attrs: dict):
        self.tag, self.attrs, self.children = tag, attrs, []

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def elements(self):
        """Every element inside this one, in document order."""
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.elements()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs) -> list[Element]:
        return [element for element in self.elements()
                if (tag is None or element.tag == tag) and (cls is None or cls in element.classes)
                and all(element.attrs.get(name.replace("_", "-")) == value for name, value in attrs.items())]

    def find(self, tag: str | None = None, cls: str | None = None, **attrs) -> Element:
        (found,) = self.find_all(tag, cls, **attrs)
        return found

    def shape(self) -> list[tuple[str, tuple[str, ...]]]:
        """Its elements' tags and classes in order: what a card looks like, whatever it says."""
        return [(element.tag, tuple(element.classes)) for element in [self, *self.elements()]]


class TreeBuilder(HTMLParser):
    """Just enough of a DOM to check the theme's own markup: elements, attributes, text."""

    def __init__(self):
        super().__init__()
        self.root = Element("#root", {})
        self.open = [self.root]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs))
        self.open[-1].children.append(element)
        if tag not in VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        if tag in [element.tag for element in self.open[1:]]:
            while self.open.pop().tag != tag:
                pass

    def handle_data(self, data):
        self.open[-1].children.append(data)


def parse(html: str) -> Element:
    builder = TreeBuilder()
    builder.feed(str(html))
    builder.close()
    return builder.root


def macro(component: str, name: str | None = None):
    """A component's macro, called as the generator calls the placement card."""
    return getattr(ENV.get_template(f"components/{component}.html").module, name or component)


def term(vocabulary: str, term_id: str):
    return VOCABULARIES[vocabulary].by_id[term_id]


EMPLOYER = Employer(id="tyne-test-works", name="Tyne & Wear Test Works", website="https://example.org", source="e")


def placement(**changes) -> Placement:
    fields = dict(
        slug="bridge-returnship", source="p", title="Bridge <engineer> returnship", employer=EMPLOYER,
        type=term("types", "returnship"), sectors=[term("sectors", "engineering")],
        regions=[term("regions", "north-east")], workplace=term("workplaces", "hybrid"),
        hours=[term("hours", "full-time"), term("hours", "part-time")], location="Newcastle upon Tyne",
        posted=dt.date(2026, 11, 1), closes=dt.date(2027, 1, 31), summary="Twelve weeks testing bridges.",
        description_html=Markup("<p>Bridges.</p>"), pay=Pay(36000, term("pay_periods", "year"), 40000),
    )
    fields.update(changes)
    return Placement(**fields)


STORY = Story(slug="back-to-bridges", source="s", title="Back to bridges", name="Sam", role="Bridge engineer",
              region=term("regions", "wales"), sectors=[], break_years=5, returned=2025,
              type=term("types", "programme"), quote="It all came back.", published=dt.date(2026, 1, 1),
              body_html=Markup(""), employer=EMPLOYER)


# The components, one by one.

def test_tag_is_a_coloured_label_with_any_attributes_given():
    tag = parse(macro("tag")("Closing <soon>", "closing", {"data-slot": "closing"})).find("strong")
    assert tag.classes == ["tag", "tag--closing"]
    assert tag.text() == "Closing <soon>"  # printed as text, never as markup
    assert tag.attrs["data-slot"] == "closing"
    assert "data-slot" not in parse(macro("tag")("Job", "job")).find("strong").attrs


def test_date_is_for_people_and_machines():
    time = parse(macro("date")(dt.date(2027, 3, 5))).find("time")
    assert (time.attrs["datetime"], time.text()) == ("2027-03-05", "5 March 2027")


def test_breadcrumbs_link_each_page_above_in_order():
    items = [{"text": "Home", "href": "/"}, {"text": "Employers", "href": "/employers/"}]
    nav = parse(macro("breadcrumbs")(items))
    crumbs = nav.find("nav", "breadcrumbs")
    assert crumbs.attrs["aria-label"] == "Breadcrumb"
    links = crumbs.find("ol").find_all("a")
    assert [(a.attrs["href"], a.text()) for a in links] == [("/", "Home"), ("/employers/", "Employers")]
    assert [element.tag for element in crumbs.find("ol").children if isinstance(element, Element)] == ["li", "li"]


def test_summary_list_shows_rows_with_values_and_keeps_markup_given_as_markup():
    html = macro("summary_list")([
        {"key": "Pay", "value": "£30,000 <a year>"},
        {"key": "Cost to you", "value": None},
        None,
        {"key": "Sector", "value": Markup('<a href="/sectors/energy/">Energy</a>')},
        {"key": "Sectors", "value": Markup("")},
    ])
    rows = parse(html).find("dl", "summary-list").find_all("div")
    assert [(row.find("dt").text(), row.find("dd").text()) for row in rows] == [
        ("Pay", "£30,000 <a year>"), ("Sector", "Energy")]
    assert rows[1].find("a").attrs["href"] == "/sectors/energy/"
    assert not rows[0].find_all("a")


def card_facts(card: Element) -> dict[str, str]:
    return {row.find("dt").text(): row.find("dd").text() for row in card.find("dl", "card__facts").find_all("div")}


def test_placement_card_shows_what_a_returner_scans_for():
    card = parse(macro("placement_card")(placement(), "/board")).find("li")
    assert card.classes == ["card"]
    link = card.find("h3", "card__title").find("a")
    assert link.attrs["href"] == "/board/placements/bridge-returnship/"
    assert link.text() == "Bridge <engineer> returnship"
    assert card.find("p", "card__employer").text() == "Tyne & Wear Test Works"
    (tag,) = card.find("p", "card__tags").find_all("strong")
    assert (tag.classes, tag.text()) == (["tag", "tag--returnship"], "Returnship")
    assert card.find("p", "card__summary").text() == "Twelve weeks testing bridges."
    assert card_facts(card) == {"Where": "Newcastle upon Tyne (hybrid)", "Pay": "£36,000 to £40,000 a year full-time equivalent, paid pro rata",
                                "Hours": "Full time, part time", "Career break": "Any length", "Closes": "31 January 2027"}
    assert card.find("time").attrs["datetime"] == "2027-01-31"


def card_on(today: dt.date, **changes) -> Element:
    """The card of a placement closing on 31 January 2027, as a board built on `today` shows it."""
    shown = placement(**changes)
    shown.set_today(today)
    return parse(macro("placement_card")(shown, "")).find("li")


@pytest.mark.parametrize("today, words", [
    (dt.date(2027, 1, 31), "Closes today"), (dt.date(2027, 1, 30), "Closes tomorrow"),
    (dt.date(2027, 1, 28), "Closes in 3 days"), (dt.date(2027, 1, 18), "Closes in 13 days")])
def test_a_card_closing_soon_says_how_soon(today, words):
    soon = card_on(today)
    assert soon.classes == ["card", "card--closing"]
    assert [tag.text() for tag in soon.find_all("strong", "tag")] == ["Returnship", words]
    assert soon.find("strong", "tag--closing").attrs["data-slot"] == "closing"


def test_a_card_closing_later_says_only_the_date():
    later = card_on(dt.date(2027, 1, 17))
    assert later.classes == ["card"]
    assert [tag.text() for tag in later.find_all("strong", "tag")] == ["Returnship"]
    assert card_facts(later)["Closes"] == "31 January 2027"


def test_each_type_has_its_own_colour_and_the_stylesheet_gives_it_one():
    stylesheet = (ROOT / "theme" / "static" / "css" / "site.css").read_text(encoding="utf-8")
    for type_term in VOCABULARIES["types"].terms:
        tag = parse(macro("placement_card")(placement(type=type_term), "")).find("strong", "tag")
        assert (tag.classes, tag.text()) == (["tag", f"tag--{type_term.id}"], type_term.name)
        assert f".tag--{type_term.id} {{ background: " in stylesheet


def test_a_card_says_the_break_accepted_and_how_long_a_returnship_lasts():
    facts = card_facts(parse(macro("placement_card")(placement(min_break_months=18, duration_weeks=12), "")))
    assert (facts["Career break"], facts["Length"]) == ("18 months or more", "12 weeks")
    assert list(facts) == ["Where", "Pay", "Hours", "Length", "Career break", "Closes"]
    one = card_facts(parse(macro("placement_card")(placement(min_break_months=1, duration_weeks=1), "")))
    assert (one["Career break"], one["Length"]) == ("1 month or more", "1 week")
    job = card_facts(parse(macro("placement_card")(placement(type=term("types", "job")), "")))
    assert "Length" not in job and job["Career break"] == "Any length"


def test_a_remote_card_says_remote_and_a_part_time_salary_says_its_basis():
    remote = placement(workplace=term("workplaces", "remote"), location=None, hours=[term("hours", "part-time")])
    facts = card_facts(parse(macro("placement_card")(remote, "")))
    assert facts["Where"] == "Remote"
    assert facts["Pay"] == "£36,000 to £40,000 a year full-time equivalent, paid pro rata"
    assert facts["Hours"] == "Part time"


def test_a_programme_says_what_it_costs():
    programme = placement(type=term("types", "programme"), pay=None, free=False, fee="£95, free for members")
    assert card_facts(parse(macro("placement_card")(programme, "")))["Cost"] == "£95, free for members"
    free = placement(type=term("types", "programme"), pay=None, free=True)
    assert card_facts(parse(macro("placement_card")(free, "")))["Cost"] == "Free"


def test_story_card_shows_who_came_back_how_and_in_their_words():
    card = parse(macro("story_card")(STORY, "")).find("li")
    assert card.classes == ["card", "card--story"]
    assert card.find("h3", "card__title").find("a").attrs["href"] == "/stories/back-to-bridges/"
    assert card.find("p", "card__employer").text() == "Sam, Bridge engineer at Tyne & Wear Test Works"
    assert card.find("blockquote", "card__quote").text() == "“It all came back.”"
    assert card.find("p", "card__meta").text() == \
        "Came back in 2025 after a 5-year break, through a return-to-work programme. Wales."


def test_bar_chart_draws_each_count_to_scale_and_says_every_count_in_words():
    regions = VOCABULARIES["regions"]
    members = {region.id: [] for region in regions}
    members["north-east"], members["wales"] = ["a", "b", "c", "d"], ["e"]
    chart = region_chart(facet_counts(regions, members))
    svg = parse(macro("bar_chart")(chart, "chart-title", "By region", "Each region")).find("svg")
    assert svg.attrs["aria-labelledby"] == svg.find("title").attrs["id"] == "chart-title"
    assert svg.find("title").text().startswith("By region: North East 4, North West 0,")
    widths = {label.text(): float(bar.attrs["width"]) for label, bar in
              zip(svg.find_all("text", "bar-chart__label"), svg.find_all("rect"))}
    assert widths["North East"] == 130 and widths["Wales"] == 32.5 and widths["London"] == 0
    assert [text.text() for text in svg.find_all("text", "bar-chart__count")][:2] == ["4", "0"]


def test_an_empty_board_draws_empty_bars_not_an_error():
    regions = VOCABULARIES["regions"]
    chart = region_chart(facet_counts(regions, {region.id: [] for region in regions}))
    assert {bar.width for bar in chart.bars} == {0}


# The rules the components print.

def test_a_uk_wide_placement_is_listed_under_every_region_and_each_region_says_so():
    regions = VOCABULARIES["regions"]
    assert placement(regions=[term("regions", "uk-wide")]).listed_under(regions) == list(regions)
    assert placement().listed_under(regions) == [term("regions", "north-east")]
    assert placement().listed_under(VOCABULARIES["hours"]) == placement().hours
    assert includes_uk_wide(term("regions", "scotland"))
    assert not includes_uk_wide(term("regions", "uk-wide")) and not includes_uk_wide(term("sectors", "energy"))


def test_an_employer_page_lists_its_latest_past_placements_and_counts_the_rest():
    employer = Employer(id="big", name="Big", website="https://example.org", source="e")
    employer.placements = [placement(slug=f"old-{n}", closes=dt.date(2025, 1, 1) + dt.timedelta(days=n),
                                     is_open=False) for n in range(53)] + [placement()]
    assert employer.open_count == 1
    assert [p.slug for p in employer.past_placements][:2] == ["old-52", "old-51"]
    assert len(employer.past_placements) == 50 and employer.earlier_past_count == 3


def test_search_filters_by_every_list_with_a_filter_in_the_data_files_order():
    filters = search_filters(filter_vocabularies(VOCABULARIES), [placement(), placement(pay=None, free=True)])
    assert [f.name for f in filters] == ["region", "sector", "type", "workplace", "hours", "cost", "min_pay",
                                         "support", "route", "contract"]
    counts = {f.name: {entry.term.id: entry.count for entry in f.options} for f in filters}
    assert counts["region"]["north-east"] == 2 and counts["region"]["wales"] == 0
    assert counts["cost"] == {"paid": 1, "free": 1}
    assert counts["min_pay"] == {"20000": 1, "25000": 1, "30000": 1, "40000": 0, "50000": 0}
    assert [f.name for f in filters if f.single_choice] == ["min_pay"]


def ids(terms) -> list[str]:
    return [term.id for term in terms]


def test_the_filters_search_works_out_come_from_a_listings_facts():
    costs, routes, floors = VOCABULARIES["costs"], VOCABULARIES["routes"], VOCABULARIES["pay_floors"]
    programme = dict(type=term("types", "programme"), pay=None)
    assert ids(placement().listed_under(costs)) == ["paid"]
    assert ids(placement(**programme, free=True).listed_under(costs)) == ["free"]
    assert placement(**programme, free=False, fee="£200").listed_under(costs) == []
    permanent, fixed = term("contract_types", "permanent"), term("contract_types", "fixed-term")
    assert ids(placement(contract=Contract(permanent)).listed_under(routes)) == ["permanent"]
    assert ids(placement(route_to_permanent=True).listed_under(routes)) == ["permanent"]
    assert placement(contract=Contract(fixed, 12), route_to_permanent=False).listed_under(routes) == []
    assert ids(placement(contract=Contract(fixed, 12)).listed_under(VOCABULARIES["contract_types"])) == ["fixed-term"]
    assert ids(placement().listed_under(floors)) == ["20000", "25000", "30000"]
    assert placement(**programme).listed_under(floors) == []


def test_pay_is_compared_as_a_full_time_year_and_never_overstated():
    year, hour, day = term("pay_periods", "year"), term("pay_periods", "hour"), term("pay_periods", "day")
    part_time = [term("hours", "part-time")]
    assert placement(pay=Pay(20, hour)).yearly_pay == 20 * 37.5 * 52
    assert placement(pay=Pay(200, day)).yearly_pay == 200 * 5 * 52
    # Yearly pay on part-time hours is the full-time figure unless it says it is the actual pay.
    assert placement(hours=part_time, pay=Pay(38000, year)).yearly_pay == 38000
    actual = Pay(19000, year, basis=term("pay_bases", "actual"))
    assert placement(hours=part_time, pay=actual, hours_per_week=HoursPerWeek(15, 18.75)).yearly_pay == 38000
    assert placement(hours=part_time, pay=actual).yearly_pay == 19000, "unknown hours: the actual pay"
    assert placement(pay=None).yearly_pay is None and placement(pay=None).pay_sort_key == "000000000"
    assert placement().pay_sort_key == "000036000"


# The search page's cards: the same macros, made empty, filled from Pagefind meta.

def test_blank_prints_nothing_and_shows_every_part():
    blank = Blank()
    assert str(blank.employer.name) == "" and str(blank.closes.strftime("%B")) == "" and blank.closes_soon
    assert list(blank.hours) == []


# Parts only search can fill: how far a result is from the place the returner gave.
SEARCH_ONLY = {"distance"}


def search_card(site: Path, kind: str) -> Element:
    """The search page's empty card, without the parts only search fills."""
    (template,) = parse(page(site, "search/")).find_all("template", id=f"{kind}-card")
    card = template.find("li")
    for element in [card, *card.elements()]:
        element.children = [child for child in element.children
                            if not (isinstance(child, Element) and child.attrs.get("data-slot") in SEARCH_ONLY)]
    return card


def test_only_search_shows_a_distance():
    distance = ENV.get_template("components/placement_card.html").module.placement_card
    assert 'data-slot="distance"' not in str(distance(placement(), ""))
    assert '<p class="card__distance" data-slot="distance">9.9 miles away</p>' in \
        str(distance(placement(), "", distance="9.9 miles away"))


def same_shape(empty: Element, card: Element) -> bool:
    """Whether two cards have the same elements and classes in the same order. An empty card's
    modifier with no value ("tag--", for the type's colour) stands for any value of it."""
    def matches(blank_class: str, value: str) -> bool:
        return value.startswith(blank_class) if blank_class.endswith("--") else value == blank_class

    return len(empty.shape()) == len(card.shape()) and all(
        tag == card_tag and len(classes) == len(card_classes) and all(map(matches, classes, card_classes))
        for (tag, classes), (card_tag, card_classes) in zip(empty.shape(), card.shape()))


def has_every_part(card: Element) -> bool:
    return "card--closing" in card.classes and "Length" in card_facts(card)


def test_search_result_cards_have_the_server_cards_structure(sample_site):
    empty = search_card(sample_site, "placement")
    # Every part shows on a card that closes soon and has a length: the empty card has them all,
    # for the script to fill or drop.
    cards = parse(page(sample_site, "/")).find_all("li", "card")
    closing = next(card for card in cards if has_every_part(card))
    assert same_shape(empty, closing)
    assert not same_shape(empty, next(card for card in cards if card.classes == ["card"]))
    story = parse(page(sample_site, "stories/")).find_all("li", "card--story")[0]
    assert same_shape(search_card(sample_site, "story"), story)
    assert not same_shape(search_card(sample_site, "story"), closing)


def pagefind_meta(html: str) -> dict[str, str]:
    """The Pagefind meta a page declares: key:value attributes, or an element's own text."""
    meta = {}
    for element in parse(html).find_all():
        declared = element.attrs.get("data-pagefind-meta")
        if declared:
            key, _, value = declared.partition(":")
            meta[key] = value if value else element.text()
    return meta


def test_every_part_of_a_result_card_comes_from_the_pages_pagefind_meta(sample_site):
    home = parse(page(sample_site, "/"))
    full = next(card for card in home.find_all("li", "card") if has_every_part(card))
    closing = full.find("h3").find("a").attrs["href"]
    meta = pagefind_meta(page(sample_site, closing))
    slots = {part.attrs["data-slot"] for part in search_card(sample_site, "placement").find_all()
             if "data-slot" in part.attrs}
    # The script also needs the title, which card to use, the date behind "Closes" and the type's colour.
    assert slots | {"title", "card", "closes_date", "type_id"} <= set(meta)
    server = next(card for card in home.find_all("li", "card")
                  if card.find("h3").find("a").attrs["href"] == closing)
    for part in server.find_all():
        if "data-slot" in part.attrs:
            assert meta[part.attrs["data-slot"]] == part.text()
    assert meta["card"] == "placement" and meta["closes_date"] == server.find("time").attrs["datetime"]

    story = "/stories/back-to-robotics-after-six-years/"
    story_meta = pagefind_meta(page(sample_site, story))
    story_slots = {part.attrs["data-slot"] for part in search_card(sample_site, "story").find_all()
                   if "data-slot" in part.attrs}
    assert story_slots | {"title", "card"} <= set(story_meta) and story_meta["card"] == "story"
    server = next(card for card in parse(page(sample_site, "stories/")).find_all("li", "card--story")
                  if card.find("h3").find("a").attrs["href"] == story)
    for part in server.find_all():
        if "data-slot" in part.attrs:
            assert story_meta[part.attrs["data-slot"]] == part.text()


# Templates print; Python decides.

ARITHMETIC = {"+", "-", "*", "/", "//", "%", "**", "<", ">", "<=", ">="}
DECIDING_FILTERS = {"length", "count", "sort", "max", "min", "sum", "round", "batch", "slice", "first", "last",
                    "unique", "groupby", "select", "reject", "selectattr", "rejectattr", "dictsort", "abs",
                    "int", "float", "random"}


def decisions(source: str) -> list[str]:
    """Arithmetic, ordering, numbers, positions and counting in a template's code (its text is ignored).

    A length to truncate text to is typography, so truncate's number is allowed.
    """
    tokens = [(line, kind, value) for line, kind, value in ENV.lex(source) if kind != "whitespace"]
    found = []
    for index, (line, kind, value) in enumerate(tokens):
        before = [token[2] for token in tokens[max(0, index - 2):index]]
        after = tokens[index + 1][2] if index + 1 < len(tokens) else ""
        if kind == "operator" and value in ARITHMETIC:
            found.append(f"line {line}: {value}")
        elif kind in ("integer", "float") and before != ["truncate", "("]:
            found.append(f"line {line}: the number {value}")
        elif kind == "operator" and value == "|" and after in DECIDING_FILTERS:
            found.append(f"line {line}: | {after}")
        elif kind == "operator" and value == "[" and after == ":":
            found.append(f"line {line}: a slice")
    return found


def test_the_check_finds_what_a_template_should_not_decide():
    assert decisions("{% if items | length > 2 %}{{ 130 * count / most }}{{ items[:5] }}{% endif %}") == [
        "line 1: | length", "line 1: >", "line 1: the number 2", "line 1: the number 130", "line 1: *",
        "line 1: /", "line 1: a slice", "line 1: the number 5"]
    assert decisions("<p>10 - 5 > 2</p>{{ 'a-b' ~ name | truncate(160) }}"
                     "{%- if page.is_first -%}x{%- endif %}") == []


@pytest.mark.parametrize("template", sorted(path.relative_to(TEMPLATES).as_posix()
                                            for path in TEMPLATES.rglob("*") if path.is_file()))
def test_templates_decide_nothing(template):
    assert decisions((TEMPLATES / template).read_text(encoding="utf-8")) == []
