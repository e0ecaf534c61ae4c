"""The optional fields for the cases employers bring: places, partners, a contract, hours a week,
full-time-equivalent pay and several places of work. Each is checked by the validator with a
message at its line, and shown on the listing, its card, the feeds and the JobPosting data."""

from __future__ import annotations

import json
from xml.etree import ElementTree

import pytest
import yaml

from tests.boardtools import build, listing, run_board, write_content
from tests.htmltools import facts, page, text

ATOM = "{http://www.w3.org/2005/Atom}"
JOB = {"type": "job", "duration_weeks": None, "route_to_permanent": None}
PROGRAMME = {"type": "programme", "pay": None, "route_to_permanent": None, "free": True}

# Each: (changes to the standard listing, the lines added to it, what the report says at the added
# field's line, or at the line below it where the report is about a partner).
REFUSED = {
    "places-on-a-job": (JOB, "places: 3",
                        "places: `places` is not used when `type` is job (remove `places:`)"),
    "places-none": ({}, "places: 0", "places: 0 is too small (use at least 1)"),
    "places-half": ({}, "places: 2.5", "places: must be a whole number"),
    "contract-on-a-returnship": ({}, "contract: permanent",
                                 "contract: `contract` is not used when `type` is returnship or programme"),
    "fixed-term-without-length": (JOB, "contract: fixed-term",
                                  "contract: must be \"permanent\" (write `contract: permanent`, or for a "
                                  "fixed term `contract: {type: fixed-term, months: 12}`)"),
    "fixed-term-no-months": (JOB, "contract: {type: fixed-term}",
                             "contract.months: `months` is missing: it is needed when `type` is fixed-term"),
    "contract-unknown": (JOB, "contract: {type: temporary, months: 6}",
                         "contract.type: 'temporary' is not a contract id (use one of: permanent, fixed-term)"),
    "permanent-with-length": (JOB, "contract: {type: permanent, months: 12}",
                              "contract.months: a permanent contract has no length"),
    "hours-as-text": ({}, "hours_per_week: 20-30",
                      "hours_per_week: must be a number or a group of fields (write a number such as 37.5, "
                      "or a range such as `hours_per_week: {min: 20, max: 30}`)"),
    "hours-swapped": ({}, "hours_per_week: {min: 30, max: 20}",
                      "hours_per_week.max: the most (20) is less than the least (30) (swap `min` and `max`)"),
    "hours-too-many": ({}, "hours_per_week: 100", "hours_per_week: 100 is too large (use at most 80)"),
    "partner-not-https": ({}, "partners:\n  - name: Aire Skills\n    website: http://aire-skills.example",
                          "partners.website: 'http://aire-skills.example' is not a secure address"),
    "partner-hidden-host": ({}, "partners:\n  - name: Aire Skills\n    website: https://aire.example@evil.example/",
                            "partners.website: the address 'https://aire.example@evil.example/' has a name "
                            "before @"),
    "partner-no-website": ({}, "partners:\n  - name: Aire Skills",
                           "partners.website: `website` is missing (use a full web address that starts with https://)"),
    "location-empty-list": ({"location": None}, "location: []", "location: is an empty list"),
    "location-repeated": ({"location": None}, "location: [Leeds, Leeds]",
                          "location: lists the same value more than once"),
    "pay-basis-unknown": ({"pay": None}, "pay: {min: 30000, period: year, basis: pro-rata}",
                          "pay.basis: 'pro-rata' is not a pay basis id (use one of: full-time-equivalent, actual)"),
}

ACCEPTED = {
    "one-town": ({"regions": ["yorkshire-and-the-humber"]}, "location: Leeds"),
    "several-towns": ({"location": None, "regions": ["yorkshire-and-the-humber"]}, "location: [Leeds, York, Hull]"),
    "permanent-word": (JOB, "contract: permanent"),
    "permanent-group": (JOB, "contract: {type: permanent}"),
    "fixed-term": (JOB, "contract:\n  type: fixed-term\n  months: 12"),
    "hours-a-number": ({}, "hours_per_week: 37.5"),
    "hours-a-range": ({}, "hours_per_week: {min: 20, max: 30}"),
    "actual-pay": ({"pay": None}, "pay: {min: 18000, max: 21000, period: year, basis: actual}"),
    "places": ({}, "places: 3"),
    "programme-places-and-partners": (PROGRAMME, "places: 12\npartners:\n  - name: Aire Skills\n"
                                                 "    website: https://aire-skills.example/about"),
}


def listing_text(changes: dict, added: str) -> str:
    data = listing(**changes)
    if added.startswith("location"):
        data.pop("location", None)
    return yaml.safe_dump(data, sort_keys=False) + added + "\n"


def added_line(changes: dict, added: str) -> int:
    """The line the added field starts on."""
    return len(listing_text(changes, added).splitlines()) - len(added.splitlines()) + 1


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """The validator's report on every refused and accepted listing, checked in one run."""
    root = tmp_path_factory.mktemp("new-fields")
    files = {name: listing_text(changes, added) for name, (changes, added, _) in REFUSED.items()}
    files |= {name: listing_text(changes, added) for name, (changes, added) in ACCEPTED.items()}
    content = write_content(root, {name: text.replace("title: Test engineer returnship", f"title: {name} role")
                                   for name, text in files.items()})
    result = run_board("validate", "--content", content)
    return content / "placements", result.stderr + result.stdout


@pytest.mark.parametrize("name", REFUSED)
def test_each_wrong_shape_is_refused_with_its_message_at_its_line(reports, name):
    folder, report = reports
    changes, added, message = REFUSED[name]
    lines = [line for line in report.splitlines() if line.startswith(f"{folder / name}.yaml:")]
    assert len(lines) == 1, report  # one problem, said once
    position, found = lines[0].removeprefix(f"{folder / name}.yaml:").split(": ", 1)
    assert found.startswith(message), lines[0]
    below = 1 if name == "partner-no-website" else 2 if name.startswith("partner") else 0
    assert int(position.split(":")[0]) == added_line(changes, added) + below, lines[0]


@pytest.mark.parametrize("name", ACCEPTED)
def test_each_right_shape_is_accepted(reports, name):
    folder, report = reports
    assert f"{folder / name}.yaml:" not in report


def test_every_existing_sample_listing_stays_valid():
    result = run_board("validate")
    assert result.returncode == 0, result.stderr
    assert "0 error(s)" in result.stderr


# The new fields as a returner meets them, on the sample board.

NEW_JOB = "placements/structural-engineer-part-time-yorkshire/"
RETURNSHIP_WITH_PLACES = "placements/wind-turbine-engineer-returnship-hull/"
PROGRAMME_WITH_PARTNERS = "placements/civil-engineering-returners-programme-leeds/"
FTE_PAY = "£40,000 to £46,000 a year full-time equivalent, paid pro rata"


def key_facts(site, url: str) -> dict[str, str]:
    return facts(page(site, url).select_one(".summary-list").parent)


def card_on_home(site, url: str):
    return next(card for card in page(site, "/").select("li.card")
                if card.select_one(".card__title a")["href"] == f"/{url}")


def posting(site, url: str) -> dict:
    (script,) = page(site, url).find_all("script", type="application/ld+json")
    return json.loads(script.string)


def test_the_listing_page_shows_each_new_field_in_its_key_facts(sample_site):
    job = key_facts(sample_site, NEW_JOB)
    assert job["Pay"] == FTE_PAY
    assert job["Where"] == "Leeds, York or Hull (hybrid)"
    assert job["Hours a week"] == "20 to 30 hours a week"
    assert job["Contract"] == "Fixed term, 12 months"
    assert key_facts(sample_site, RETURNSHIP_WITH_PLACES)["Places"] == "3 places"


def test_a_programme_names_and_links_each_organisation_it_is_run_with(sample_site):
    html = page(sample_site, PROGRAMME_WITH_PARTNERS)
    partners = html.select_one(".placement__partners")
    assert text(partners) == "Run with Institute of Engineering Practice and West Yorkshire Engineering Skills Hub"
    links = [(link["href"], text(link), link["rel"]) for link in partners.find_all("a")]
    assert links == [
        ("https://engineering-practice.example", "Institute of Engineering Practice",
         ["nofollow", "ugc", "noopener", "noreferrer"]),
        ("https://west-yorkshire-engineering-skills.example", "West Yorkshire Engineering Skills Hub",
         ["nofollow", "ugc", "noopener", "noreferrer"]),
    ]


def test_the_card_says_where_the_pay_basis_the_hours_and_the_contract(sample_site):
    card = facts(card_on_home(sample_site, NEW_JOB))
    assert card["Where"] == "Leeds, York or Hull (hybrid)"
    assert card["Pay"] == FTE_PAY
    assert card["Hours and contract"] == "Part time, job share, 20 to 30 hours a week; fixed term, 12 months"


def test_job_posting_data_gives_every_town_the_contract_and_honest_pay(sample_site):
    data = posting(sample_site, NEW_JOB)
    assert [place["address"]["addressLocality"] for place in data["jobLocation"]] == ["Leeds", "York", "Hull"]
    assert data["employmentType"] == ["PART_TIME", "TEMPORARY"]
    assert data["workHours"] == "20 to 30 hours a week"
    # A full-time-equivalent figure is not what a part-time returner is paid, so it is not the baseSalary.
    assert "baseSalary" not in data
    assert data["description"].startswith(f"<p>Pay: {FTE_PAY}.</p>")
    assert posting(sample_site, RETURNSHIP_WITH_PLACES)["totalJobOpenings"] == 3


def test_feeds_give_the_towns_the_pay_basis_and_the_hours(sample_site):
    root = ElementTree.parse(sample_site / "feeds" / "regions" / "yorkshire-and-the-humber.atom.xml").getroot()
    (summary,) = [entry.find(f"{ATOM}summary").text for entry in root.iter(f"{ATOM}entry")
                  if entry.find(f"{ATOM}link").get("href").endswith(f"/{NEW_JOB}")]
    assert "Where: Leeds, York or Hull (hybrid)." in summary
    assert f"Pay: {FTE_PAY}." in summary
    assert "Hours and contract: Part time, job share, 20 to 30 hours a week; fixed term, 12 months." in summary


def test_listings_without_the_new_fields_show_what_they_did(sample_site):
    full_time = key_facts(sample_site, RETURNSHIP_WITH_PLACES)
    assert full_time["Pay"] == "£38,000 to £45,000 a year"
    assert not {"Hours a week", "Contract"} & set(full_time)
    assert posting(sample_site, RETURNSHIP_WITH_PLACES)["baseSalary"]["value"]["minValue"] == 38000
    assert facts(card_on_home(sample_site, RETURNSHIP_WITH_PLACES))["Hours"] == "Full time, compressed hours"
    assert page(sample_site, RETURNSHIP_WITH_PLACES).select_one(".placement__partners") is None
    single = posting(sample_site, RETURNSHIP_WITH_PLACES)["jobLocation"]
    assert single["address"] == {"@type": "PostalAddress", "addressLocality": "Hull",
                                 "addressRegion": "Yorkshire and the Humber", "addressCountry": "GB"}


@pytest.fixture(scope="module")
def basis_site(tmp_path_factory):
    """Part-time listings whose pay is the actual pay, full-time equivalent, or left to the default rule."""
    root = tmp_path_factory.mktemp("pay-basis")
    part_time = {"hours": ["part-time"], "type": "job", "duration_weeks": None, "route_to_permanent": None}
    content = write_content(root, {
        "actual": listing(**part_time, title="Actual pay role",
                          pay={"min": 18000, "period": "year", "basis": "actual"}),
        "default": listing(**part_time, title="Default pay role", pay={"min": 36000, "period": "year"}),
        "hourly": listing(**part_time, title="Hourly pay role", pay={"min": 21, "period": "hour"}),
        "monthly-fte": listing(title="Monthly pay role", pay={"min": 3000, "period": "month",
                                                             "basis": "full-time-equivalent"}),
    })
    output = root / "output"
    result = build(content, output)
    assert result.returncode == 0, result.stderr
    return output


@pytest.mark.parametrize("slug, pay, salary", [
    ("actual", "£18,000 a year", 18000),
    ("default", "£36,000 a year full-time equivalent, paid pro rata", None),
    ("hourly", "£21 an hour", 21),
    # Full time is among its hours, so the full-time figure is someone's real pay.
    ("monthly-fte", "£3,000 a month full-time equivalent, paid pro rata", 3000),
])
def test_the_pay_basis_follows_the_listing_or_the_default_rule(basis_site, slug, pay, salary):
    url = f"placements/{slug}/"
    assert key_facts(basis_site, url)["Pay"] == pay
    data = posting(basis_site, url)
    assert data.get("baseSalary", {}).get("value", {}).get("minValue") == salary
