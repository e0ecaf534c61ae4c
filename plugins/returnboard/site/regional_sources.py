"""The figures the insights page measures the board against: population by region
(data/population.yaml) and an earlier count of returner programmes (data/returner-programmes-2020-22.yaml)."""

from __future__ import annotations

from pathlib import Path

from ..content.data_files import DataFileInvalid, read_data_file
from ..domain.regional_figures import EarlierFigure, EarlierStudy, Population

POPULATION = "population.yaml"
EARLIER_STUDY = "returner-programmes-2020-22.yaml"


def load_population(data_path: Path, region_ids: list[str]) -> Population:
    """Each region's population in millions; every region must have one."""
    path = Path(data_path) / POPULATION
    data = read_data_file(path)
    missing = [region for region in region_ids if region not in data["regions"]]
    if missing:
        raise DataFileInvalid(f"{path}: no population for {', '.join(missing)}")
    return Population(source=data["source"], url=data["url"], year=data["year"], uk=float(data["uk"]),
                      regions={region: float(millions) for region, millions in data["regions"].items()})


def load_earlier_study(data_path: Path, region_ids: list[str]) -> EarlierStudy:
    """The earlier study's figures, each for regions the board knows."""
    path = Path(data_path) / EARLIER_STUDY
    data = read_data_file(path)
    figures = [EarlierFigure(entry["name"], tuple(entry["regions"]), float(entry["per_million"]))
               for entry in data["regions"]]
    unknown = [region for figure in figures for region in figure.region_ids if region not in region_ids]
    if unknown:
        raise DataFileInvalid(f"{path}: {', '.join(unknown)} is not a region id")
    return EarlierStudy(source=data["source"], years=str(data["years"]), measure=data["measure"], figures=figures)
