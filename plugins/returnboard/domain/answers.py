"""One reading of what people type for pay and dates, for every route into the board.

`make new`, the issue converter and the validator's hints all use these, so `£38,000`,
`38k` and `31/03/2027` are read the same way wherever they are written.
"""

from __future__ import annotations

import datetime as dt
import re

_POUNDS = re.compile(r"^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*(k)?$", re.I)
_DAY_FIRST = re.compile(r"^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$")
_MONTH_NAMES = ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y")


def read_pounds(text: str) -> int | float:
    """An amount of money as typed (`38000`, `38,000`, `£38,000`, `38k`, `£12.50`) as a number.

    Raises ValueError saying what to type instead.
    """
    match = _POUNDS.match(str(text).strip().replace(" ", ""))
    if not match:
        raise ValueError(f"{text!r} is not a number: write digits only, such as 38000")
    whole, pence, thousands = match.groups()
    amount = float(whole.replace(",", "") + (f".{pence}" if pence else ""))
    if thousands:
        amount *= 1000
    if amount <= 0:
        raise ValueError("write an amount above 0")
    return int(amount) if amount.is_integer() else round(amount, 2)


def read_date(text: str) -> dt.date:
    """A date as typed (`2027-03-31`, `31/03/2027`, `31 March 2027`), read day first as in the UK.

    Raises ValueError saying what to type instead.
    """
    cleaned = " ".join(str(text).replace(",", " ").split())
    try:
        return dt.date.fromisoformat(cleaned)
    except ValueError:
        pass
    match = _DAY_FIRST.match(cleaned)
    try:
        if match:
            day, month, year = map(int, match.groups())
            return dt.date(year, month, day)
        for form in _MONTH_NAMES:
            try:
                return dt.datetime.strptime(cleaned, form).date()
            except ValueError:
                continue
    except ValueError:
        pass
    raise ValueError(f"{text!r} is not a date: write it as YYYY-MM-DD, such as 2027-03-31")


def pounds_hint(value: int | float) -> str:
    return f"write {value}: digits only, no £ or commas"


def date_hint(day: dt.date) -> str:
    return f"write the date as {day.isoformat()}"


def read_number(text: str) -> int | float:
    """A plain number above 0, such as 12 or 37.5."""
    try:
        value = float(str(text).strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a number: write digits, such as 37.5") from None
    if not 0 < value < float("inf"):
        raise ValueError("write a number above 0")
    return int(value) if value.is_integer() else value


def read_hours_a_week(text: str) -> int | float | dict:
    """Hours a week: one number (`37.5`), or a range (`20 to 30`, `20-30`) as min and max."""
    parts = re.split(r"\s*(?:-|–|to)\s*", str(text).lower().replace("hours", "").replace("a week", "").strip())
    if len(parts) > 2:
        raise ValueError(f"{text!r} is not a number of hours: write 37.5, or a range such as 20 to 30")
    numbers = [read_number(part) for part in parts]
    return numbers[0] if len(numbers) == 1 else {"min": numbers[0], "max": numbers[1]}


def read_towns(text: str) -> str | list[str]:
    """One town, or several separated by commas or lines: a list only when there are several."""
    towns = list(dict.fromkeys(town.strip() for town in re.split(r"[,\n]", str(text)) if town.strip()))
    if not towns:
        raise ValueError("give a town or city")
    return towns[0] if len(towns) == 1 else towns


def read_contract(text: str) -> str | dict:
    """`permanent`, or a fixed term with its months: `fixed term, 12 months`, `12 months`."""
    words = str(text).lower().replace("-", " ")
    if "permanent" in words:
        return "permanent"
    months = re.search(r"\d+", words)
    if "fixed" in words or months:
        return {"type": "fixed-term", **({"months": int(months.group(0))} if months else {})}
    raise ValueError(f"{text!r} is not a contract: write permanent, or fixed term with its months, such as 12")
