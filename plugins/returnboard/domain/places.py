"""Places of work on the map: the gazetteer's places, and how a written name finds one (distances
are worked out in the browser, by search's near.js)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping

from rapidfuzz import fuzz, process
from unidecode import unidecode

# A misspelt name is offered the places whose names are at least this alike (0 to 100).
SUGGESTION_LIKENESS = 80
SUGGESTIONS = 3
_APART = re.compile(r"[-\s]+")
_LEFT_OUT = re.compile(r"[.'’]")


def name_key(name: str) -> str:
    """A place's name as it is looked up: Stoke on Trent, stoke-on-trent and St. Helens' forms meet."""
    return _APART.sub(" ", _LEFT_OUT.sub("", unidecode(name))).strip().casefold()


@dataclass(frozen=True)
class Place:
    """A place the gazetteer knows, with the region it is in."""

    name: str
    latitude: float
    longitude: float
    region: str  # a region id of data/vocabularies.yaml
    area: str  # its county, unitary authority or council area: tells places of one name apart
    population: int


@dataclass(frozen=True)
class PlaceOfWork:
    """A town a listing names, where the gazetteer puts it."""

    town: str  # as the listing writes it
    place: Place

    @property
    def latitude(self) -> float:
        return self.place.latitude

    @property
    def longitude(self) -> float:
        return self.place.longitude

    @property
    def map_url(self) -> str:
        """The place on OpenStreetMap, as a plain link: nothing is fetched until it is followed."""
        lat, lon = f"{self.latitude:.4f}", f"{self.longitude:.4f}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=12/{lat}/{lon}"


@dataclass(frozen=True)
class Found:
    """What a written name found: the place, and whether it lies in the regions asked about."""

    place: Place
    in_regions: bool


class Gazetteer:
    """Every place by name, the largest first where several share one."""

    def __init__(self, places: Iterable[Place], also_known_as: Mapping[str, str]):
        self.places = sorted(places, key=lambda place: (-place.population, place.name))
        self.by_key: dict[str, list[Place]] = {}
        for place in self.places:
            self.by_key.setdefault(name_key(place.name), []).append(place)
        self.also_known_as = {name_key(short): name_key(full) for short, full in also_known_as.items()}
        self.short_names = {name_key(short): short for short in also_known_as}
        for short, full in also_known_as.items():
            if name_key(full) not in self.by_key:
                raise ValueError(f"{short!r} is given as another name for {full!r}, which is not a known place")
        self._keys = sorted(set(self.by_key) | set(self.also_known_as))

    def named(self, name: str) -> list[Place]:
        """The places a name can mean, largest first: its own, then those it is short for."""
        key = name_key(name)
        places = list(self.by_key.get(key, []))
        if key in self.also_known_as:
            places += self.by_key[self.also_known_as[key]]
        return sorted(places, key=lambda place: -place.population)

    def find(self, name: str, regions: Iterable[str]) -> Found | None:
        """The place a listing in `regions` means by `name`: the largest of that name in those
        regions, else the largest anywhere (not in them). With no regions (UK-wide), the largest."""
        places = self.named(name)
        if not places:
            return None
        regions = set(regions)
        if not regions:
            return Found(places[0], True)
        inside = [place for place in places if place.region in regions]
        return Found(inside[0], True) if inside else Found(places[0], False)

    def suggestions(self, name: str, regions: Iterable[str] = ()) -> list[str]:
        """Names of known places that look like `name`: the most alike first, then those in
        `regions`, then the largest."""
        regions = set(regions)
        matches = process.extract(name_key(name), self._keys, scorer=fuzz.ratio,
                                  score_cutoff=SUGGESTION_LIKENESS, limit=None)
        ranked = []
        for key, score, _ in matches:
            largest = self.named(key)[0]
            ranked.append((-round(score), largest.region not in regions, -largest.population,
                           self._written(key)))
        names = []
        for *_, written in sorted(ranked):
            if written not in names:
                names.append(written)
        return names[:SUGGESTIONS]

    def _written(self, key: str) -> str:
        """A key as people write it: a place's own name, or the short name as the data gives it."""
        return self.by_key[key][0].name if key in self.by_key else self.short_names[key]
