"""A listing's places of work, found in the gazetteer: each at its line, an unknown one an error
with the names it may mean, and one outside the listing's regions a warning."""

from __future__ import annotations

import re

from ..domain.models import UK_WIDE
from ..domain.places import Gazetteer, PlaceOfWork
from .loading import LoadedFile

# "Cardiff, Glasgow or Belfast" written as one place, where a list was meant.
_SEVERAL = re.compile(r"\s*(?:,|\bor\b|\band\b|&|/)\s*")


def places_of_work(loaded: LoadedFile, gazetteer: Gazetteer, region_names: dict[str, str]) -> list[PlaceOfWork]:
    """Each town the listing names, where the gazetteer puts it; problems go to the file."""
    location = loaded.data.get("location")
    if location is None:
        return []
    towns = [((), location)] if isinstance(location, str) else [((index,), town) for index, town in enumerate(location)]
    regions = [region for region in loaded.data["regions"] if region != UK_WIDE]
    found = []
    for index, town in towns:
        path = ("location", *index)
        place = gazetteer.find(town, regions)
        if place is None:
            loaded.problem_at(path, f"{town!r} is not in the board's list of UK towns and cities",
                              _unknown_hint(town, gazetteer, regions))
            continue
        if not place.in_regions:
            area = "" if place.place.area == place.place.name else f" ({place.place.area})"
            loaded.problem_at(path, f"{town}{area} is in {region_names[place.place.region]}, which is "
                                    "not among this listing's regions",
                              f"add `{place.place.region}` to `regions`, or check the town", "warning")
        found.append(PlaceOfWork(town=town, place=place.place))
    return found


def _unknown_hint(town: str, gazetteer: Gazetteer, regions: list[str]) -> str:
    parts = [part for part in _SEVERAL.split(town) if part]
    if len(parts) > 1 and all(gazetteer.named(part) for part in parts):
        return f"write several places of work as a list: [{', '.join(parts)}]"
    suggestions = gazetteer.suggestions(town, regions)
    if suggestions:
        return "did you mean " + " or ".join(suggestions) + "? For a small village, give the nearest town"
    return "write the town or city as maps name it, such as Newcastle upon Tyne; for a small village, the nearest town"
