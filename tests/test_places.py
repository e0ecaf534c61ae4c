"""Places of work: the gazetteer's lookup and suggestions, distances, what listings and region pages
say of their towns, and the data search's "Near" box fetches."""

from __future__ import annotations

import gzip
import json
import math
import shutil
from pathlib import Path

import pytest
import yaml

from returnboard.cli.postcode_districts import district_table
from returnboard.content.data_files import (POSTCODE_DISTRICTS, DataFileInvalid, load_postcode_districts,
                                            load_vocabularies, read_data_file)
from returnboard.content.gazetteer import load_gazetteer, region_of_area, uk_areas, uk_country_id
from returnboard.domain.places import Gazetteer, Place, name_key
from tests.boardtools import ROOT, SAMPLE_TODAY, build, listing, write_content
from tests.htmltools import page, text

PLACES_BUDGET = 150 * 1024  # bytes gzipped, on top of the first search


def place(name, latitude, longitude, region, area, population) -> Place:
    return Place(name, latitude, longitude, region, area, population)


FIXTURE = Gazetteer([
    place("Durham", 54.77676, -1.57566, "north-east", "Durham, County", 47785),
    place("Sedgefield", 54.65329, -1.44952, "north-east", "Durham, County", 4456),
    place("Newport", 51.58774, -2.99835, "wales", "Newport", 161506),
    place("Newport", 52.01667, -4.83333, "wales", "Pembrokeshire", 1162),
    place("Newport", 50.70146, -1.29124, "south-east", "Isle of Wight", 24884),
    place("Newcastle upon Tyne", 54.97328, -1.61396, "north-east", "Newcastle upon Tyne", 300125),
    place("Newcastle", 54.21804, -5.88979, "northern-ireland", "Newry, Mourne and Down", 7444),
    place("Stoke-on-Trent", 53.00415, -2.18538, "west-midlands", "Stoke-on-Trent", 270726),
    place("St. Helens", 53.45388, -2.73689, "north-west", "St. Helens", 102629),
], {"Newcastle": "Newcastle upon Tyne"})


@pytest.mark.parametrize("written, meant", [
    ("Durham", "Durham"),
    ("durham", "Durham"),
    ("  DURHAM ", "Durham"),
    ("Stoke on Trent", "Stoke-on-Trent"),
    ("stoke-on-trent", "Stoke-on-Trent"),
    ("St Helens", "St. Helens"),
])
def test_a_town_is_found_however_its_capitals_hyphens_and_dots_are_written(written, meant):
    assert FIXTURE.find(written, ["north-east", "west-midlands", "north-west"]).place.name == meant


def test_a_misspelt_town_is_offered_the_names_it_may_mean():
    assert FIXTURE.find("Sedgefeld", ["north-east"]) is None
    assert FIXTURE.suggestions("Sedgefeld", ["north-east"]) == ["Sedgefield"]
    assert FIXTURE.suggestions("Durhum") == ["Durham"]
    assert FIXTURE.suggestions("Newcastel", ["north-east"])[0] == "Newcastle"


def test_nothing_is_suggested_for_a_name_like_no_place():
    assert FIXTURE.suggestions("Xyzzyborough") == []


@pytest.mark.parametrize("regions, area", [
    (["wales"], "Newport"),  # two in Wales: the larger
    (["south-east"], "Isle of Wight"),
    (["london", "south-east"], "Isle of Wight"),
    ([], "Newport"),  # UK-wide: the largest
])
def test_the_listings_regions_decide_which_of_several_places_a_name_means(regions, area):
    found = FIXTURE.find("Newport", regions)
    assert (found.place.area, found.in_regions) == (area, True)


def test_a_short_name_stands_for_its_place_and_for_a_place_of_its_own_name():
    assert FIXTURE.find("Newcastle", ["north-east"]).place.name == "Newcastle upon Tyne"
    assert FIXTURE.find("Newcastle", ["northern-ireland"]).place.name == "Newcastle"
    assert [p.name for p in FIXTURE.named("Newcastle")] == ["Newcastle upon Tyne", "Newcastle"]


def test_a_town_outside_the_listings_regions_is_found_and_marked_so():
    found = FIXTURE.find("Durham", ["london"])
    assert (found.place.name, found.in_regions) == ("Durham", False)


def test_a_short_name_for_a_place_the_gazetteer_lacks_is_refused():
    with pytest.raises(ValueError, match="Atlantis"):
        Gazetteer([], {"Lantis": "Atlantis"})


def miles_between(a_latitude, a_longitude, b_latitude, b_longitude) -> float:
    """Great-circle miles, for checking the data here: search's own sum is near.js's, tested in the browser."""
    phi1, phi2 = math.radians(a_latitude), math.radians(b_latitude)
    h = math.sin((phi2 - phi1) / 2) ** 2 + \
        math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(b_longitude - a_longitude) / 2) ** 2
    return 2 * 3958.8 * math.asin(math.sqrt(h))


# The board's real gazetteer, from the pinned package.
GAZETTEER = load_gazetteer()


def test_the_gazetteer_holds_the_uks_places_each_in_a_region_of_the_board():
    regions = {term.id for term in load_vocabularies()["regions"]} - {"uk-wide"}
    assert len(GAZETTEER.places) > 5000
    assert {place.region for place in GAZETTEER.places} == regions
    assert GAZETTEER.find("Belfast", ["northern-ireland"]).place.area == "Belfast City"
    assert GAZETTEER.find("Sedgefeld", ["north-east"]) is None
    assert GAZETTEER.suggestions("Sedgefeld", ["north-east"])[0] == "Sedgefield"


def test_every_area_listed_for_england_is_one_the_source_has_and_is_listed_once():
    data = read_data_file(ROOT / "data" / "places.yaml")
    listed = [code for codes in data["england"].values() for code in codes]
    assert len(listed) == len(set(listed))
    assert set(listed) | set(data["countries"]) <= {code for code, _ in uk_areas(uk_country_id()).values()}
    assert set(region_of_area(data).values()) <= {term.id for term in load_vocabularies()["regions"]}


def test_a_place_in_an_area_with_no_region_stops_the_build_naming_the_area(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    places = tmp_path / "data" / "places.yaml"
    places.write_text(places.read_text(encoding="utf-8").replace("GB-DUR, ", ""), encoding="utf-8")
    with pytest.raises(DataFileInvalid, match=r"no region is given for Durham, County \(GB-DUR\)"):
        load_gazetteer(tmp_path / "data")


def test_every_sample_town_is_found_in_its_listings_regions():
    for path in sorted((ROOT / "content" / "placements").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        towns = data.get("location") or []
        for town in [towns] if isinstance(towns, str) else towns:
            found = GAZETTEER.find(town, [r for r in data["regions"] if r != "uk-wide"])
            assert found and found.in_regions, f"{path.name}: {town}"


def test_the_postcode_districts_file_is_what_the_pinned_code_point_open_makes():
    committed = (ROOT / "data" / POSTCODE_DISTRICTS).read_text(encoding="utf-8")
    assert committed == district_table(), "run `make postcode-districts`"
    districts = load_postcode_districts()
    assert len(districts) > 2800
    # DH1 is the middle of Durham; TS21 is Sedgefield and the farms around it.
    for district, town, within in [("DH1", "Durham", 1), ("TS21", "Sedgefield", 4), ("SW1A", "London", 2)]:
        found = GAZETTEER.named(town)[0]
        assert miles_between(*districts[district], found.latitude, found.longitude) < within, district


# What the built board says of its places.

SAMPLE_PLACEMENTS = ROOT / "content" / "placements"
YORKSHIRE_JOB = "placements/structural-engineer-part-time-yorkshire/"
YORKSHIRE_TOWNS = [("Leeds", "Leeds"), ("York", "York"), ("Hull", "Kingston upon Hull")]


def towns_of(data: dict) -> list[str]:
    towns = data.get("location") or []
    return [towns] if isinstance(towns, str) else towns


def sample_listings(open_on: str = SAMPLE_TODAY) -> dict[str, dict]:
    listings = {path.stem: yaml.safe_load(path.read_text(encoding="utf-8"))
                for path in SAMPLE_PLACEMENTS.glob("*.yaml")}
    return {slug: data for slug, data in listings.items() if str(data["closes"]) >= open_on}


def point(town: str, regions: list[str]) -> tuple[float, float]:
    found = GAZETTEER.find(town, [region for region in regions if region != "uk-wide"]).place
    return found.latitude, found.longitude


def pagefind_meta(site: Path) -> dict[str, dict]:
    """Each indexed page's meta, by address, read from Pagefind's own fragments."""
    meta = {}
    for fragment in (site / "pagefind" / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd"))
        meta[data["url"]] = data["meta"]
    return meta


def test_the_places_file_fits_its_budget_and_finds_every_sample_town_and_a_district(sample_site):
    raw = (sample_site / "search" / "places.json").read_bytes()
    assert len(gzip.compress(raw, 9)) <= PLACES_BUDGET
    data = json.loads(raw)
    assert data["format"] == 1
    keys = {name_key(name) for name, *_ in data["places"]} | set(data["also_known_as"])
    for data_of_listing in sample_listings("2000-01-01").values():
        for town in towns_of(data_of_listing):
            assert name_key(town) in keys, town
    durham = next(entry for entry in data["places"] if entry[0] == "Durham")
    assert data["regions"][durham[3]] == "north-east" and durham[4] == "Durham, County"
    assert miles_between(*durham[1:3], *data["districts"]["DH1"]) < 1
    assert data["also_known_as"]["hull"] == "kingston upon hull"
    # Largest first, so the first place of a name is the one most people mean.
    assert [entry[4] for entry in data["places"] if entry[0] == "Newport"][0] == "Newport"


def test_each_listing_page_names_its_towns_links_its_region_and_each_town_to_openstreetmap(sample_site):
    listing_page = page(sample_site, YORKSHIRE_JOB)
    details = {text(term): term.find_next_sibling("dd") for term in listing_page.select("dl dt")}
    assert text(details["Where"]) == "Leeds, York or Hull (hybrid)"
    assert [link["href"] for link in details["Region"].select("a")] == ["/regions/yorkshire-and-the-humber/"]
    links = details["On a map"].select("a")
    assert [text(link) for link in links] == [f"{town} on OpenStreetMap" for town, _ in YORKSHIRE_TOWNS]
    for link, (town, _) in zip(links, YORKSHIRE_TOWNS):
        lat, lon = point(town, ["yorkshire-and-the-humber"])
        assert link["href"] == (f"https://www.openstreetmap.org/?mlat={lat:.4f}&mlon={lon:.4f}"
                                f"#map=12/{lat:.4f}/{lon:.4f}")
    assert not listing_page.select("iframe, img[src^='http'], script[src^='http']")


def test_job_posting_gives_each_town_its_coordinates(sample_site):
    (script,) = page(sample_site, YORKSHIRE_JOB).find_all("script", type="application/ld+json")
    places = json.loads(script.string)["jobLocation"]
    for place, (town, _) in zip(places, YORKSHIRE_TOWNS, strict=True):
        lat, lon = point(town, ["yorkshire-and-the-humber"])
        assert place["geo"] == {"@type": "GeoCoordinates", "latitude": round(lat, 4), "longitude": round(lon, 4)}


def test_search_has_each_open_listings_towns_as_coordinates(sample_site):
    meta = pagefind_meta(sample_site)
    listings = sample_listings()
    for slug, data in listings.items():
        geo = meta[f"/placements/{slug}/"].get("geo")
        if not towns_of(data):
            assert geo is None, slug
            continue
        points = [tuple(map(float, pair.split(","))) for pair in geo.split(";")]
        expected = [point(town, data["regions"]) for town in towns_of(data)]
        assert points == [pytest.approx(each, abs=0.0006) for each in expected], slug


def test_each_region_page_lists_its_towns_with_their_open_opportunities(sample_site):
    counts: dict[str, dict[str, int]] = {}
    for data in sample_listings().values():
        for town in towns_of(data):
            found = GAZETTEER.find(town, [r for r in data["regions"] if r != "uk-wide"]).place
            counts.setdefault(found.region, {}).setdefault(town, 0)
            counts[found.region][town] += 1
    for term in load_vocabularies()["regions"]:
        towns = page(sample_site, f"regions/{term.id}/").select_one(".towns")
        expected = sorted(counts.get(term.id, {}).items(), key=lambda entry: entry[0].casefold())
        if not expected:
            assert towns is None, term.id
            continue
        assert [text(item) for item in towns.select("li")] == [
            f"{town}: {count} open {'opportunity' if count == 1 else 'opportunities'}" for town, count in expected]
    assert counts["yorkshire-and-the-humber"] == {"Leeds": 3, "York": 1, "Hull": 2}


@pytest.fixture(scope="module")
def places_site(tmp_path_factory):
    """A name several places share, decided by the region; remote work with a base town."""
    root = tmp_path_factory.mktemp("places")
    content = write_content(root, {
        "island-role": listing(title="Island engineer returnship", regions=["south-east"], location="Newport"),
        "welsh-role": listing(title="Welsh engineer returnship", regions=["wales"], location="Newport"),
        "remote-role": listing(title="Remote engineer returnship", regions=["uk-wide"], workplace="remote",
                               location="Leeds"),
    })
    output = root / "output"
    result = build(content, output)
    assert result.returncode == 0, result.stderr
    return output


@pytest.mark.parametrize("slug, area", [("island-role", "Isle of Wight"), ("welsh-role", "Newport")])
def test_a_name_several_places_share_is_the_one_in_the_listings_region(places_site, slug, area):
    (script,) = page(places_site, f"placements/{slug}/").find_all("script", type="application/ld+json")
    geo = json.loads(script.string)["jobLocation"]["geo"]
    meant = next(place for place in GAZETTEER.named("Newport") if place.area == area)
    assert (geo["latitude"], geo["longitude"]) == (round(meant.latitude, 4), round(meant.longitude, 4))


def test_remote_work_with_a_base_town_has_its_coordinates_and_counts_in_that_towns_region(places_site):
    lat, lon = point("Leeds", [])
    assert pagefind_meta(places_site)["/placements/remote-role/"]["geo"] == f"{lat:.3f},{lon:.3f}"
    towns = page(places_site, "regions/yorkshire-and-the-humber/").select_one(".towns")
    assert [text(item) for item in towns.select("li")] == ["Leeds: 1 open opportunity"]
    assert page(places_site, "regions/london/").select_one(".towns") is None
