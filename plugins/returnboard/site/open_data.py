"""The board as open data: /placements.json, every open listing and those closed in the past year.

Its shape is versioned and published as a JSON Schema (schemas/open-data.schema.json); a change
that could break a reader raises VERSION.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from dateutil.relativedelta import relativedelta

from ..settings import site_root

OPEN_DATA = "placements.json"
SCHEMA_NAME = "open-data"
VERSION = 1
LICENCE = {"name": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
           "url": "https://creativecommons.org/licenses/by/4.0/"}
# Closed listings stay in the data this long after closing, for research on what was offered.
KEPT_CLOSED = relativedelta(years=1)


def _ids(terms) -> list[str]:
    return [term.id for term in terms]


def _range(value) -> dict | None:
    if value is None:
        return None
    return {"min": value.min, "max": value.max if value.max is not None else value.min}


def placement_record(placement, site: str) -> dict:
    """One listing as plain data: ids from the vocabularies, dates as YYYY-MM-DD, no markup."""
    pay = placement.pay
    return {
        "id": placement.slug,
        "url": f"{site}{placement.url}",
        "status": "open" if placement.is_open else "closed",
        "title": placement.title,
        "summary": placement.summary,
        "employer": {"id": placement.employer.id, "name": placement.employer.name,
                     "website": placement.employer.website},
        "partners": [{"name": partner.name, "website": partner.website} for partner in placement.partners],
        "type": placement.type.id,
        "sectors": _ids(placement.sectors),
        "regions": _ids(placement.regions),
        "locations": placement.locations,
        "workplace": placement.workplace.id,
        "hours": _ids(placement.hours),
        "hours_per_week": _range(placement.hours_per_week),
        "pay": {**_range(pay), "period": pay.period.id,
                "full_time_equivalent": placement.pay_is_full_time_equivalent} if pay else None,
        "cost": None if placement.free is None else {"free": placement.free, "fee": placement.fee},
        "contract": {"type": placement.contract.type.id, "months": placement.contract.months}
        if placement.contract else None,
        "duration_weeks": placement.duration_weeks,
        "route_to_permanent": placement.route_to_permanent,
        "places": placement.places,
        "support": _ids(placement.support),
        "min_break_months": placement.min_break_months,
        "posted": placement.posted.isoformat(),
        "updated": placement.updated.isoformat() if placement.updated else None,
        "closes": placement.closes.isoformat(),
        "starts": placement.starts.isoformat() if placement.starts else None,
        "apply": {"url": placement.apply_url, "email": placement.apply_email},
    }


def open_data(placements, today: dt.date, site: str, site_name: str) -> dict:
    """Open listings and those closed within the past year, newest first."""
    kept = [placement for placement in placements
            if placement.is_open or placement.closes >= today - KEPT_CLOSED]
    kept.sort(key=lambda placement: (placement.posted, placement.slug), reverse=True)
    return {
        "$schema": f"{site}schemas/{SCHEMA_NAME}.schema.json",
        "version": VERSION,
        "publisher": site_name,
        "home": site,
        "licence": LICENCE,
        "date": today.isoformat(),
        "placements": [placement_record(placement, site) for placement in kept],
    }


def write_open_data(settings, output_path, placements, today: dt.date) -> None:
    site = site_root(settings)
    data = open_data(placements, today, site, settings["SITENAME"])
    # Compact, as a large board's file is for programs to read: a fifth smaller, and written by
    # the json module's C encoder, which an indented file does not use.
    (Path(output_path) / OPEN_DATA).write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                                               encoding="utf-8")
