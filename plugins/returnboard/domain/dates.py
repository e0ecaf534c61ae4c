"""The board's idea of today: the date in the UK, unless BOARD_TODAY says otherwise."""

from __future__ import annotations

import datetime as dt
import os
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

UK = ZoneInfo("Europe/London")


def board_today(environ=os.environ) -> dt.date:
    """Today in Europe/London, or BOARD_TODAY=YYYY-MM-DD (for tests and previews)."""
    override = environ.get("BOARD_TODAY")
    if override:
        try:
            return dt.date.fromisoformat(override)
        except ValueError:
            raise SystemExit(f"BOARD_TODAY={override!r} is not a date: use YYYY-MM-DD") from None
    return dt.datetime.now(UK).date()


def parse_date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the end of a shorter month."""
    return day + relativedelta(months=months)
