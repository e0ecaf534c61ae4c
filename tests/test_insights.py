"""The insights page's arithmetic on a board with known counts and populations, its charts, its
CSV, and the sentence that sets a region against the UK on the home and region pages."""

from __future__ import annotations

import csv
import dataclasses
import io
import math
import shutil

import pytest

from returnboard.content.board import read_board
from returnboard.content.data_files import DataFileInvalid, read_data_file
from returnboard.domain.regional_figures import EarlierFigure, EarlierStudy, Population, one_decimal, regional_figures
from returnboard.settings import BoardSettings
from returnboard.site.regional_charts import HEX_RADIUS, HEX_WIDTH, hex_map, ranked_chart
from returnboard.site.regional_csv import csv_rows
from returnboard.site.regional_sources import EARLIER_STUDY, POPULATION, load_earlier_study, load_population
from tests.boardtools import ROOT, SAMPLE_TODAY, build, listing, write_content
from tests.htmltools import page, text

JOB = {"type": "job", "duration_weeks": None, "route_to_permanent": None}
PROGRAMME = {"type": "programme", "pay": None, "route_to_permanent": None, "free": True}
# Built on SAMPLE_TODAY (2026-11-22): one North East listing closed last year, the rest open.
LISTINGS = {
    "ne-returnship": listing(title="North East returnship", places=4),
    "ne-programme": listing(title="North East programme", sectors=["engineering", "energy"], places=2, **PROGRAMME),
    "ne-closed": listing(title="North East returnship of last year", posted="2025-06-01", closes="2025-08-01"),
    "london-job": listing(title="London data job", regions=["london"], location="London", sectors=["technology"],
                          posted="2026-10-01", **JOB),
    "north-east-and-london": listing(title="Newcastle or London returnship", regions=["north-east", "london"],
                                     location=["Newcastle upon Tyne", "London"]),
    "anywhere": listing(title="Remote analyst for anyone", regions=["uk-wide"], location=None, workplace="remote",
                        **JOB),
}
# Round populations, in millions, so the figures per million can be worked out by hand.
REGION_IDS = ["north-east", "north-west", "yorkshire-and-the-humber", "east-midlands", "west-midlands",
              "east-of-england", "london", "south-east", "south-west", "wales", "scotland", "northern-ireland"]
POPULATION_FIXTURE = Population("Test estimates", "https://example.org/population", 2023, uk=50.0,
                                regions=dict.fromkeys(REGION_IDS, 1.0) | {"north-east": 2.0, "london": 8.0})
STUDY = EarlierStudy("Test study", "2020 to 2022", "programmes per million people", [
    EarlierFigure("North East", ("north-east",), 2.3),
    EarlierFigure("Midlands", ("east-midlands", "west-midlands"), 1.6),
    EarlierFigure("North East and London", ("north-east", "london"), 5.0),
])


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    return write_content(tmp_path_factory.mktemp("insights"), LISTINGS)


@pytest.fixture(scope="module")
def figures(content):
    board = read_board(content, BoardSettings.from_settings({"BOARD_TODAY": SAMPLE_TODAY, "BOARD_WORKERS": 1}))
    assert not board.errors, board.problems
    return regional_figures(board.placements, board.vocabularies, POPULATION_FIXTURE, STUDY)


@pytest.fixture(scope="module")
def site(content):
    output = content.parent / "output"
    result = build(content, output)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def test_one_decimal_rounds_halves_up():
    assert [one_decimal(value) for value in (0.25, 2.25, 0.05, 1 / 3, 0.0, 7.95)] == \
        ["0.3", "2.3", "0.1", "0.3", "0.0", "8.0"]


def test_each_region_counts_its_own_listings_open_and_posted(figures):
    north_east, london = figures.region("north-east"), figures.region("london")
    assert (north_east.open, north_east.posted) == (3, {2025: 1, 2026: 3})
    assert (london.open, london.posted) == (2, {2025: 0, 2026: 2})
    assert figures.region("wales").open == 0
    assert figures.years == [2025, 2026]


def test_uk_wide_has_its_own_row_and_the_uk_counts_each_listing_once(figures):
    assert (figures.uk_wide.open, figures.uk_wide.millions) == (1, 50.0)
    assert all(row.open == 0 for row in figures.regions if row.id not in ("north-east", "london"))
    assert (figures.uk.open, figures.uk.posted) == (5, {2025: 1, 2026: 5})
    assert [row.id for row in figures.rows][-2:] == ["uk-wide", "uk"]


def test_figures_per_million_people(figures):
    assert figures.region("north-east").open_per_million == 1.5
    assert figures.region("london").open_per_million == 0.25
    assert figures.uk.open_per_million == 0.1
    assert figures.uk_wide.open_per_million == pytest.approx(0.02)


def test_places_count_where_given(figures):
    north_east = figures.region("north-east")
    assert (north_east.places, north_east.places_given, north_east.places_per_million) == (6, 2, 3.0)
    assert (figures.region("london").places, figures.region("london").places_given) == (0, 0)
    assert (figures.uk.places, figures.uk.places_given) == (6, 2)


def test_open_listings_by_type_and_sector(figures):
    north_east = figures.region("north-east")
    assert north_east.by_type == {"returnship": 2, "job": 0, "programme": 1}
    assert north_east.by_sector["engineering"] == 3 and north_east.by_sector["energy"] == 1
    assert figures.uk.by_type == {"returnship": 2, "job": 2, "programme": 1}
    assert figures.uk.by_sector["technology"] == 1


def test_regions_ranked_by_open_opportunities_per_million(figures):
    assert [row.id for row in figures.ranked][:2] == ["north-east", "london"]
    assert [row.open_per_million for row in figures.ranked][2:] == [0.0] * 10


def test_sentences_compare_a_region_with_the_uk(figures):
    assert figures.sentence("north-east") == \
        "In the North East: 1.5 open opportunities per million people, against 0.1 across the UK."
    assert figures.sentence("london") == \
        "In London: 0.3 open opportunities per million people, against 0.1 across the UK."
    assert figures.sentence("uk-wide") is None
    assert figures.uk_sentence == ("Across the UK: 0.1 open opportunities per million people, "
                                   "from 1.5 in the North East to 0.0 in Yorkshire and the Humber.")


def test_earlier_figures_sit_beside_the_boards_for_the_same_regions(figures):
    by_name = {comparison.earlier.name: comparison for comparison in figures.comparisons}
    assert (by_name["North East"].open, by_name["North East"].open_per_million) == (3, 1.5)
    assert (by_name["Midlands"].open, by_name["Midlands"].millions) == (0, 2.0)
    # A listing in both regions of a group counts once for it.
    assert (by_name["North East and London"].open, by_name["North East and London"].millions) == (4, 10.0)


def test_the_ranked_chart_draws_each_bar_to_scale(figures):
    chart = ranked_chart(figures.ranked)
    assert [(bar.label, bar.value, bar.width) for bar in chart.bars[:3]] == \
        [("North East", "1.5", 130), ("London", "0.3", 21.7), ("East Midlands", "0.0", 0)]
    assert chart.height == 22 * 12


def test_the_hex_map_shades_each_region_and_no_hexes_overlap(figures):
    drawn = hex_map(figures.regions)
    shades = {hexagon.name: hexagon.shade for hexagon in drawn.hexes}
    assert (shades["North East"], shades["London"], shades["Wales"]) == (4, 1, 0)
    assert [entry.text for entry in drawn.legend] == ["None", "Up to 0.4", "0.4 to 0.8", "0.8 to 1.1", "1.1 to 1.5"]
    assert len(drawn.hexes) == 12
    for number, one in enumerate(drawn.hexes):
        assert 0 < one.label_y < one.value_y < drawn.height - HEX_RADIUS / 2 and HEX_WIDTH / 2 <= one.x < drawn.legend_x
        for other in drawn.hexes[number + 1:]:
            assert math.dist((one.x, one.value_y), (other.x, other.value_y)) >= HEX_WIDTH - 0.1, (one.name, other.name)


def test_no_figures_draw_empty_charts_without_dividing_by_zero(figures):
    nothing = [dataclasses.replace(row, open=0) for row in figures.regions]
    assert {bar.width for bar in ranked_chart(nothing).bars} == {0}
    drawn = hex_map(nothing)
    assert {hexagon.shade for hexagon in drawn.hexes} == {0} and [entry.text for entry in drawn.legend] == ["None"]


def test_csv_rows_give_counts_beside_figures_per_million(figures):
    rows = {row["region"]: row for row in csv_rows(figures)}
    assert list(rows) == [*REGION_IDS, "uk-wide", "uk"]
    north_east = rows["north-east"]
    assert (north_east["itl1"], north_east["population_millions"], north_east["open"],
            north_east["open_per_million"]) == ("TLC", 2.0, 3, "1.5")
    assert (north_east["posted_2025"], north_east["posted_2026"], north_east["posted_2026_per_million"]) == (1, 3, "1.5")
    assert (north_east["places"], north_east["places_per_million"], north_east["places_given_by"]) == (6, "3.0", 2)
    assert (north_east["type_programme"], north_east["sector_engineering_per_million"]) == (1, "1.5")
    assert (rows["uk"]["itl1"], rows["uk"]["open"], rows["uk"]["open_per_million"]) == ("", 5, "0.1")


def test_the_data_files_name_their_sources_and_cover_every_region():
    population = read_data_file(ROOT / "data" / POPULATION)
    assert population["year"] in (2023, 2024) and "Office for National Statistics" in population["source"]
    assert population["url"].startswith("https://www.ons.gov.uk/")
    assert sorted(population["regions"]) == sorted(REGION_IDS)
    # Each region rounded to 0.1 million: together within that rounding of the UK's own total.
    assert abs(sum(population["regions"].values()) - population["uk"]) <= 0.05 * len(REGION_IDS)
    study = read_data_file(ROOT / "data" / EARLIER_STUDY)
    assert "Women Returners" in study["source"] and "STEM Returners" in study["source"]
    assert {entry["name"]: entry["per_million"] for entry in study["regions"]} == \
        {"London": 7.8, "South West": 5.3, "North West": 2.5, "North East": 2.3, "Midlands": 1.6}
    midlands = next(entry for entry in study["regions"] if entry["name"] == "Midlands")
    assert midlands["regions"] == ["east-midlands", "west-midlands"]


def test_a_region_without_a_population_or_an_unknown_region_stops_the_build(tmp_path):
    for name in (POPULATION, EARLIER_STUDY):
        shutil.copy(ROOT / "data" / name, tmp_path / name)
    assert load_population(tmp_path, REGION_IDS).regions["wales"] == 3.2
    assert [figure.name for figure in load_earlier_study(tmp_path, REGION_IDS).figures][-1] == "Midlands"
    with pytest.raises(DataFileInvalid, match="no population for atlantis"):
        load_population(tmp_path, [*REGION_IDS, "atlantis"])
    with pytest.raises(DataFileInvalid, match="london is not a region id"):
        load_earlier_study(tmp_path, [region for region in REGION_IDS if region != "london"])


def test_the_built_site_uses_the_ons_populations(site):
    # North East 2.7 million, London 8.9 million, the UK 68.3 million (data/population.yaml).
    rows = {row["region"]: row for row in csv.DictReader(io.StringIO(
        (site / "insights" / "regions.csv").read_text(encoding="utf-8")))}
    assert (rows["north-east"]["open"], rows["north-east"]["open_per_million"]) == ("3", "1.1")
    assert (rows["london"]["open"], rows["london"]["open_per_million"]) == ("2", "0.2")
    assert (rows["uk"]["open"], rows["uk"]["open_per_million"]) == ("5", "0.1")
    assert rows["uk-wide"]["population_millions"] == "68.3"


def test_home_and_region_pages_carry_the_sentence(site):
    home = text(page(site, "/"))
    assert ("Across the UK: 0.1 open opportunities per million people, from 1.1 in the North East "
            "to 0.0 in Yorkshire and the Humber.") in home
    region = page(site, "regions/north-east/")
    assert "In the North East: 1.1 open opportunities per million people, against 0.1 across the UK." in text(region)
    assert region.select_one('a[href="/insights/"]')
    assert "per million people" not in text(page(site, "regions/uk-wide/"))
    assert "per million people" not in text(page(site, "sectors/engineering/"))


def test_the_insights_page_shows_each_chart_with_its_figures_in_a_table(site):
    insights = page(site, "insights/")
    charts = insights.select("figure svg[role=img]")
    assert len(charts) == 2
    for chart in charts:
        title = chart.find("title")
        assert chart["aria-labelledby"] == title["id"]
        assert "North East 1.1" in title.text and "London 0.2" in title.text
    table = insights.select_one("table")
    first = table.select("tbody tr")[0]
    assert [text(cell) for cell in first.select("th, td")] == ["North East", "3", "1.1"]
    assert [text(row.th) for row in table.select("tbody tr")][-2:] == ["UK-wide", "All of the UK"]
    assert insights.select_one('a[href="/insights/regions.csv"]')
    assert "Opportunities posted in 2025" in text(insights)
    source = insights.select_one('a[href^="https://www.ons.gov.uk/"]')
    assert "mid-2023" in text(source)
    assert "/insights/" in (site / "sitemap.xml").read_text(encoding="utf-8")
