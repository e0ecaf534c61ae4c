"""schema.org JobPosting data for a listing, so that search engines' job search can show it.

Programmes are not jobs, and closed listings are not open, so neither gets one.
"""

from __future__ import annotations

import datetime as dt

from ..domain.dates import UK
from ..domain.models import Placement


def job_posting(placement: Placement, site_url: str) -> dict | None:
    if not placement.is_open or placement.type.id == "programme":
        return None
    posting = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": placement.title,
        "description": str(placement.description_html),
        "datePosted": placement.posted.isoformat(),
        "validThrough": dt.datetime.combine(placement.closes, dt.time(23, 59, 59), tzinfo=UK).isoformat(),
        "employmentType": sorted({term.schema_org for term in placement.hours}
                                 | ({"TEMPORARY"} if placement.type.id == "returnship" else set())),
        "hiringOrganization": {"@type": "Organization", "name": placement.employer.name,
                               "sameAs": placement.employer.website},
        "url": f"{site_url}/{placement.url}",
        "directApply": False,
    }
    if placement.workplace.id == "remote":
        posting["jobLocationType"] = "TELECOMMUTE"
        posting["applicantLocationRequirements"] = {"@type": "Country", "name": "United Kingdom"}
    if placement.location:
        posting["jobLocation"] = {"@type": "Place", "address": {
            "@type": "PostalAddress", "addressLocality": placement.location,
            "addressRegion": placement.regions[0].name, "addressCountry": "GB"}}
    if placement.pay:
        value = {"@type": "QuantitativeValue", "unitText": placement.pay.period.schema_org,
                 "minValue": placement.pay.min}
        if placement.pay.max:
            value["maxValue"] = placement.pay.max
        posting["baseSalary"] = {"@type": "MonetaryAmount", "currency": "GBP", "value": value}
    return posting
