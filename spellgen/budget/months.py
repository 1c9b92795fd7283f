"""Calendar arithmetic in months and years, the units MIPs write budgets in (all dates are UTC days).

`timeutil` refuses months and years for on-chain durations because their length varies; a budget
needs exactly that variation: a budget year of 366 days when it spans a 29 February, a month of 28
to 31 days. Adding months keeps the day of the month and falls back to the month's last day when it
has fewer days (2023-08-31 + 6 months = 2024-02-29), the usual reading of "in six months".
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from spellgen.errors import InvalidInput

_MONTHS = re.compile(r"^(\d{1,3})\s*(month|year)s?$")


class MonthsError(InvalidInput, ValueError):
    pass


def parse_months(text: str) -> int:
    """`6 months`, `1 year`, `3 years` -> a number of months."""
    match = _MONTHS.match(text.strip().lower())
    if not match:
        raise MonthsError(f"{text!r} is not a length in months or years; write e.g. `6 months` or `3 years`")
    number = int(match.group(1))
    months = number * 12 if match.group(2) == "year" else number
    if months <= 0:
        raise MonthsError(f"{text!r} must be longer than zero")
    return months


def months_text(months: int) -> str:
    if months % 12 == 0:
        years = months // 12
        return f"{years} year{'s' * (years != 1)}"
    return f"{months} month{'s' * (months != 1)}"


def days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(d.day, days_in_month(year, month + 1)))


def days_between(first: date, last: date) -> int:
    """Days from first to last, both included."""
    return (last - first).days + 1


def year_days(first: date) -> int:
    """Days in the twelve months that start on `first`: 366 when they contain a 29 February."""
    return (add_months(first, 12) - first).days


def month_spans(first: date, last: date) -> list[tuple[tuple[int, int], date, date]]:
    """The calendar months that [first, last] touches, each with the part of it inside the span."""
    spans = []
    cursor = first
    while cursor <= last:
        month_end = date(cursor.year, cursor.month, days_in_month(cursor.year, cursor.month))
        end = min(month_end, last)
        spans.append(((cursor.year, cursor.month), cursor, end))
        cursor = end + timedelta(days=1)
    return spans


def overlap(first: date, last: date, other_first: date, other_last: date) -> tuple[date, date] | None:
    start, end = max(first, other_first), min(last, other_last)
    return (start, end) if start <= end else None


def month_label(key: tuple[int, int]) -> str:
    return f"{key[0]:04d}-{key[1]:02d}"
