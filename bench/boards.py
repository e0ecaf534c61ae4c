"""The generated board, and the same listings as Markdown for stock Pelican and for Hugo."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-11-22"


def samples() -> list[dict]:
    return [yaml.safe_load(path.read_text(encoding="utf-8"))
            for path in sorted((ROOT / "content" / "placements").glob("*.yaml"))]


def listings(count: int) -> list[tuple[str, dict]]:
    """`count` valid listings by slug, cycling through the sample ones with new titles and dates,
    so they spread over every employer, region, sector and closing date."""
    made = []
    for number, sample in zip(range(count), itertools.cycle(samples())):
        made.append((f"listing-{number:05d}", dict(
            sample, title=f"{sample['title']} ({number})", posted=f"2026-11-{number % 20 + 1:02d}",
            closes=f"2027-{number % 9 + 1:02d}-15", starts="2027-10-01")))
    return made


def write_board(content: Path, made: list[tuple[str, dict]]) -> None:
    """Our board: the sample employers and the listings as YAML files."""
    shutil.copytree(ROOT / "content" / "employers", content / "employers")
    placements = content / "placements"
    placements.mkdir(parents=True)
    for slug, listing in made:
        (placements / f"{slug}.yaml").write_text(
            yaml.safe_dump(listing, sort_keys=False, allow_unicode=True), encoding="utf-8")


def change_one(content: Path, slug: str) -> Path:
    """Edit one listing's description, as an employer's correction would."""
    path = content / "placements" / f"{slug}.yaml"
    listing = yaml.safe_load(path.read_text(encoding="utf-8"))
    listing["description"] += "\nThe interviews are now online.\n"
    path.write_text(yaml.safe_dump(listing, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def write_markdown(folder: Path, made: list[tuple[str, dict]], hugo: bool) -> None:
    """Each listing as a Markdown article: its title, date, sectors and regions, and its description."""
    folder.mkdir(parents=True)
    for slug, listing in made:
        if hugo:
            front = yaml.safe_dump({"title": listing["title"], "date": str(listing["posted"]),
                                    "tags": listing["regions"], "categories": listing["sectors"],
                                    "summary": listing["summary"]}, sort_keys=False, allow_unicode=True)
            head = f"---\n{front}---\n"
        else:
            head = (f"Title: {listing['title']}\nDate: {listing['posted']}\n"
                    f"Category: {listing['sectors'][0]}\nTags: {', '.join(listing['regions'])}\n"
                    f"Slug: {slug}\nSummary: {listing['summary']}\n\n")
        (folder / f"{slug}.md").write_text(head + listing["description"], encoding="utf-8")
