"""Turn checked data into the board's models: employers, placements, stories and pages."""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from ..domain.dates import parse_date
from ..domain.models import (Contract, Employer, HoursPerWeek, Page, Partner, Pay, Photo, Placement,
                             ReturnerProgramme, Story)
from ..domain.places import PlaceOfWork
from ..domain.vocabularies import Vocabulary
from .markdown_html import PAGE_TOP_HEADING, render_markdown


def _terms(vocabularies: dict[str, Vocabulary], key: str, ids: list[str]) -> list:
    return [vocabularies[key].by_id[term_id] for term_id in ids]


def _in_vocabulary_order(vocabularies: dict[str, Vocabulary], key: str, ids: list[str]) -> list:
    """Terms in the vocabulary's order, whatever order the file gives them in: Full time, part time."""
    return [term for term in vocabularies[key].terms if term.id in ids]


def employer_from(data: dict, employer_id: str, source: str, vocabularies: dict[str, Vocabulary]) -> Employer:
    programme = data.get("returner_programme")
    return Employer(
        id=employer_id, name=data["name"], website=data["website"], source=source,
        about_html=render_markdown(data["about"]) if data.get("about") else Markup(""),
        location=data.get("location"),
        commitments=_terms(vocabularies, "charters", data.get("commitments", [])),
        programme=ReturnerProgramme(**programme) if programme else None,
    )


def story_from(data: dict, slug: str, source: str, body: str, employer: Employer | None,
               vocabularies: dict[str, Vocabulary]) -> Story:
    photo = data.get("photo")
    return Story(
        slug=slug, source=source, title=data["title"], name=data["name"], role=data["role"],
        region=vocabularies["regions"].by_id[data["region"]],
        sectors=_terms(vocabularies, "sectors", data.get("sectors", [])),
        break_years=data["break_years"], break_reason=data.get("break_reason"),
        returned=data["returned"], type=vocabularies["types"].by_id[data["type"]], quote=data["quote"],
        published=parse_date(data["published"]), body_html=render_markdown(body), employer=employer,
        photo=Photo(**photo) if photo else None,
    )


def placement_from(data: dict, slug: str, source: str, employer: Employer, description_html: Markup,
                   vocabularies: dict[str, Vocabulary], today: dt.date,
                   places: list[PlaceOfWork] = ()) -> Placement:
    pay = data.get("pay")
    placement = Placement(
        slug=slug, source=source, title=data["title"], employer=employer,
        type=vocabularies["types"].by_id[data["type"]],
        sectors=_terms(vocabularies, "sectors", data["sectors"]),
        regions=_terms(vocabularies, "regions", data["regions"]),
        workplace=vocabularies["workplaces"].by_id[data["workplace"]],
        hours=_in_vocabulary_order(vocabularies, "hours", data["hours"]),
        posted=parse_date(data["posted"]), closes=parse_date(data["closes"]),
        updated=parse_date(data["updated"]) if "updated" in data else None,
        summary=data["summary"], description_html=description_html,
        apply_url=data["apply"].get("url"), apply_email=data["apply"].get("email"),
        location=data.get("location"),
        places_of_work=list(places),
        pay=_pay(pay, vocabularies) if pay else None,
        hours_per_week=_hours_per_week(data["hours_per_week"]) if "hours_per_week" in data else None,
        contract=_contract(data["contract"], vocabularies) if "contract" in data else None,
        places=data.get("places"),
        partners=[Partner(name=partner["name"], website=partner["website"]) for partner in data.get("partners", [])],
        free=data.get("free"), fee=data.get("fee"),
        duration_weeks=data.get("duration_weeks"),
        route_to_permanent=data.get("route_to_permanent"),
        support=_terms(vocabularies, "support", data.get("support", [])),
        min_break_months=data.get("min_break_months"),
        starts=parse_date(data["starts"]) if "starts" in data else None,
    )
    placement.set_today(today)
    return placement


def _pay(pay: dict, vocabularies: dict[str, Vocabulary]) -> Pay:
    basis = pay.get("basis")
    return Pay(min=pay["min"], max=pay.get("max"), period=vocabularies["pay_periods"].by_id[pay["period"]],
               basis=vocabularies["pay_bases"].by_id[basis] if basis else None)


def _hours_per_week(hours: float | dict) -> HoursPerWeek:
    """`20`, or a range `{min: 20, max: 30}`."""
    return HoursPerWeek(min=hours["min"], max=hours["max"]) if isinstance(hours, dict) else HoursPerWeek(min=hours)


def _contract(contract: str | dict, vocabularies: dict[str, Vocabulary]) -> Contract:
    """`permanent`, or `{type: fixed-term, months: 12}`."""
    if isinstance(contract, str):
        contract = {"type": contract}
    return Contract(type=vocabularies["contract_types"].by_id[contract["type"]], months=contract.get("months"))


def page_from(data: dict, slug: str, source: str, body: str) -> Page:
    return Page(slug=slug, source=source, title=data["title"], summary=data["summary"],
                body_html=render_markdown(body, top_heading=PAGE_TOP_HEADING))
