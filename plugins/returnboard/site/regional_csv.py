"""/insights/regions.csv: the insights page's figures, a row for each region, UK-wide and the UK."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..domain.regional_figures import Figures, RegionalFigures, one_decimal

CSV_PATH = "insights/regions.csv"


def _counted(name: str, count: int, row: Figures) -> dict[str, str | int]:
    return {name: count, f"{name}_per_million": one_decimal(row.per_million(count))}


def csv_rows(figures: RegionalFigures) -> list[dict[str, str | int]]:
    """Each row's counts, each beside its figure per million people (to one decimal place)."""
    rows = []
    for row in figures.rows:
        record = {"region": row.id, "name": row.name, "itl1": (row.term.itl1 or "") if row.term else "",
                  "population_millions": row.millions}
        record |= _counted("open", row.open, row)
        record |= _counted("places", row.places, row) | {"places_given_by": row.places_given}
        for year in figures.years:
            record |= _counted(f"posted_{year}", row.posted[year], row)
        for term in figures.types:
            record |= _counted(f"type_{term.id}", row.by_type[term.id], row)
        for term in figures.sectors:
            record |= _counted(f"sector_{term.id}", row.by_sector[term.id], row)
        rows.append(record)
    return rows


def regions_csv(figures: RegionalFigures) -> str:
    rows = csv_rows(figures)
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return text.getvalue()


def write_regions_csv(output_path, figures: RegionalFigures) -> None:
    path = Path(output_path) / CSV_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(regions_csv(figures), encoding="utf-8")
