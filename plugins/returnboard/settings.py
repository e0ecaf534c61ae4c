"""The board's own Pelican settings, with their defaults: where its data lives, "today", and workers.

Library code takes these from Pelican's settings; only the command line reads the environment.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping

from .content.problems import BoardError
from .domain.dates import uk_today

PROJECT = Path(__file__).resolve().parents[2]
DEFAULTS = {
    "BOARD_DATA_PATH": str(PROJECT / "data"),  # vocabularies.yaml and apply-hosts.yaml
    "BOARD_TODAY": None,  # a date or YYYY-MM-DD: build the board as it is on that day (default: today in the UK)
    "BOARD_WORKERS": None,  # processes to read and render with (default: one per core)
    # What builds keep for the next (checks, pages, feeds, calendars, the last build's record):
    # never inside the project, where a pull request could plant entries (each user refuses it).
    "BOARD_CACHE": str(Path.home() / ".cache" / "return-to-stem"),
}


class SettingInvalid(BoardError):
    """A board setting that cannot be used."""


@dataclass(frozen=True)
class BoardSettings:
    data_path: Path
    today: dt.date
    workers: int
    cache_path: Path

    @classmethod
    def from_settings(cls, settings: Mapping | None = None) -> BoardSettings:
        """The board's settings from Pelican's (or any mapping), with defaults for what is missing."""
        merged = {**DEFAULTS, **{key: value for key, value in (settings or {}).items() if key in DEFAULTS}}
        return cls(
            data_path=Path(merged["BOARD_DATA_PATH"]),
            today=_today(merged["BOARD_TODAY"]),
            workers=_workers(merged["BOARD_WORKERS"]),
            cache_path=Path(merged["BOARD_CACHE"] or DEFAULTS["BOARD_CACHE"]),
        )


def _today(value) -> dt.date:
    if value is None or value == "":
        return uk_today()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise SettingInvalid(f"BOARD_TODAY={value!r} is not a date: use YYYY-MM-DD") from None


def _workers(value) -> int:
    if value is None or value == "":
        return os.cpu_count() or 1
    try:
        count = int(value)
    except (TypeError, ValueError):
        count = 0
    if count < 1:
        raise SettingInvalid(f"BOARD_WORKERS={value!r} is not a number of workers: use 1 or more")
    return count


def inside_project(folder: Path) -> bool:
    """Whether a folder is in the project, where anything a pull request adds would be read."""
    return Path(folder).resolve().is_relative_to(PROJECT)


def site_root(settings: Mapping) -> str:
    """The site's address from Pelican's SITEURL, ending in one slash, for a page's url to follow."""
    return settings["SITEURL"].rstrip("/") + "/"
