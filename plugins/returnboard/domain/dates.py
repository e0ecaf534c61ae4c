"""Dates as the board sees them: in the UK, with months that clamp to a shorter month's end."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

UK = ZoneInfo("Europe/London")


def uk_today() -> dt.date:
    """Today in Europe/London, where every listing's closing date is meant."""
    return dt.datetime.now(UK).date()


def parse_date(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def months_after(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the end of a shorter month."""
    return day + relativedelta(months=months)
