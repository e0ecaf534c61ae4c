"""schema.org JobPosting data for a listing, so that search engines' job search can show it.

Programmes are not jobs, and closed listings are not open, so neither gets one.

schema.org's baseSalary is the pay itself, with no way to mark a full-time equivalent, and job
search shows it as the salary. Full-time-equivalent pay is someone's actual pay only when the role
can be worked full time; otherwise it would overstate what the returner gets, so it is left out of
baseSalary. Either way, the pay is said in words, full-time equivalent, at the top of the description.
"""

from __future__ import annotations

import datetime as dt

from markupsafe import Markup

from ..domain.dates import UK
from ..domain.models import Placement


def job_posting(placement: Placement, site_url: str, site_name: str) -> dict | None:
    if not placement.is_open or placement.type.id == "programme":
        return None
    posting = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": placement.title,
        "description": _description(placement),
        "datePosted": placement.posted.isoformat(),
        "validThrough": dt.datetime.combine(placement.closes, dt.time(23, 59, 59), tzinfo=UK).isoformat(),
        "employmentType": sorted({term.schema_org for term in placement.hours}
                                 | ({"TEMPORARY"} if placement.type.id == "returnship" else set())
                                 | ({placement.contract.type.schema_org} if placement.contract and
                                    placement.contract.type.schema_org else set())),
        "hiringOrganization": {"@type": "Organization", "name": placement.employer.name,
                               "sameAs": placement.employer.website},
        "url": f"{site_url}/{placement.url}",
        # The board's own id for the listing, which stays the same however it is edited.
        "identifier": {"@type": "PropertyValue", "name": site_name, "value": placement.slug},
        "directApply": False,
    }
    if placement.workplace.id == "remote":
        posting["jobLocationType"] = "TELECOMMUTE"
        posting["applicantLocationRequirements"] = {"@type": "Country", "name": "United Kingdom"}
    places = _places(placement)
    if places:
        posting["jobLocation"] = places[0] if len(places) == 1 else places
    if placement.hours_per_week:
        posting["workHours"] = placement.hours_per_week_text
    if placement.places:
        posting["totalJobOpenings"] = placement.places
    if placement.pay and (not placement.pay_is_full_time_equivalent or _can_be_full_time(placement)):
        value = {"@type": "QuantitativeValue", "unitText": placement.pay.period.schema_org,
                 "minValue": placement.pay.min}
        if placement.pay.max:
            value["maxValue"] = placement.pay.max
        posting["baseSalary"] = {"@type": "MonetaryAmount", "currency": "GBP", "value": value}
    return posting


def _can_be_full_time(placement: Placement) -> bool:
    return any(term.schema_org == "FULL_TIME" for term in placement.hours)


def _description(placement: Placement) -> str:
    if placement.pay_is_full_time_equivalent:
        return str(Markup("<p>Pay: {}.</p>").format(placement.pay_text) + placement.description_html)
    return str(placement.description_html)


def _places(placement: Placement) -> list[dict]:
    """A Place for each town, with its coordinates; the region is named when it is certain:
    one town, or one region."""
    certain_region = len(placement.places_of_work) == 1 or len(placement.regions) == 1
    places = []
    for place in placement.places_of_work:
        address = {"@type": "PostalAddress", "addressLocality": place.town}
        if certain_region:
            address["addressRegion"] = placement.regions[0].name
        address["addressCountry"] = "GB"
        places.append({"@type": "Place", "address": address,
                       "geo": {"@type": "GeoCoordinates", "latitude": round(place.latitude, 4),
                               "longitude": round(place.longitude, 4)}})
    return places
