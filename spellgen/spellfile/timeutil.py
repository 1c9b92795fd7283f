"""UTC dates and durations, computed by code: a date constant is never typed by hand.

Conventions (spec section 5): a first day starts at 00:00:00 UTC; an inclusive last day ends at
23:59:59 UTC, so `tau = FIN - BGN` is N days minus one second. Explicit timestamps must say UTC.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timezone
from spellgen.errors import InvalidInput

DAY = 86_400
_UNITS = {"second": 1, "minute": 60, "hour": 3600, "day": DAY, "week": 7 * DAY}

_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_STAMP = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.0+)?\s*(Z|UTC|\+00:00|\+0000)$"
)
_DURATION = re.compile(r"^(\d+(?:[_,]\d{3})*)\s*(second|minute|hour|day|week)s?$")
_MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]


class DateError(InvalidInput, ValueError):
    pass


def _make_date(y: str, m: str, d: str, text: str) -> date:
    try:
        return date(int(y), int(m), int(d))
    except ValueError as exc:
        raise DateError(f"{text!r} is not a real date ({exc})") from None


def parse_date(text: str) -> date:
    """A calendar date `YYYY-MM-DD`."""
    match = _DATE.match(text.strip())
    if not match:
        raise DateError(f"{text!r} is not a date; write YYYY-MM-DD")
    year, month, day = match.groups()
    return _make_date(year, month, day, text)


def day_start(d: date) -> int:
    return calendar.timegm((d.year, d.month, d.day, 0, 0, 0))


def day_end(d: date) -> int:
    return day_start(d) + DAY - 1


def parse_instant(text: str, date_means: str) -> tuple[int, bool]:
    """A date or an explicit UTC timestamp, as a unix time.

    `date_means` is "start" (00:00:00) or "end" (23:59:59) and says what a bare date stands for.
    Returns the time and whether it was written as a bare date.
    """
    cleaned = text.strip()
    if _DATE.match(cleaned):
        d = parse_date(cleaned)
        return (day_start(d) if date_means == "start" else day_end(d)), True
    match = _STAMP.match(cleaned)
    if not match:
        if re.fullmatch(r"\d{9,}", cleaned):
            raise DateError(f"{text!r} looks like a unix time; write the date (YYYY-MM-DD) so it can be reviewed")
        raise DateError(f"{text!r} is not a date or UTC timestamp; write YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ")
    y, mo, dd, h, mi, s, _ = match.groups()
    day = _make_date(y, mo, dd, text)
    if int(h) > 23 or int(mi) > 59 or int(s) > 59:
        raise DateError(f"{text!r} is not a real time of day")
    return day_start(day) + int(h) * 3600 + int(mi) * 60 + int(s), False


MAX_DURATION_DAYS = 36_500  # 100 years


class DurationTooLong(DateError):
    """A well-formed duration too long for any spell (and for date arithmetic)."""


def parse_duration(text: str) -> int:
    """`365 days`, `48 hours`, `1 week` -> seconds. Months and years are refused: their length varies."""
    cleaned = text.strip().lower()
    match = _DURATION.match(cleaned)
    if not match:
        hint = " (months and years vary in length; write days)" if re.search(r"month|year", cleaned) else ""
        raise DateError(f"{text!r} is not a duration; write e.g. `365 days` or `48 hours`{hint}")
    digits = match.group(1).replace("_", "").replace(",", "")
    if len(digits) > 12:  # refuse before int() of a huge text and any date arithmetic with it
        raise DurationTooLong(f"{text!r} is longer than {MAX_DURATION_DAYS:,} days")
    seconds = int(digits) * _UNITS[match.group(2)]
    if seconds > MAX_DURATION_DAYS * 86_400:
        # No spell duration comes near this (DssVest refuses streams over 20 years); the bound
        # keeps every date computed from a duration inside what calendars and uint48 hold.
        raise DurationTooLong(f"{text!r} is longer than {MAX_DURATION_DAYS:,} days")
    return seconds


def utc(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, tz=timezone.utc)


def iso(ts: int) -> str:
    """`2022-02-01 00:00:00 UTC`."""
    return utc(ts).strftime("%Y-%m-%d %H:%M:%S UTC")


def stamp(ts: int) -> str:
    """`2025-12-31T23:59:59Z`: an exact UTC time as spell, budget and ledger YAML write it."""
    return utc(ts).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_date(ts: int) -> str:
    return utc(ts).strftime("%Y-%m-%d")


def constant_name(ts: int, with_time: bool = False) -> str:
    """House-style name of a date constant: `FEB_01_2022`, or `FEB_01_2022_235959` to disambiguate."""
    t = utc(ts)
    name = f"{_MONTHS[t.month - 1]}_{t.day:02d}_{t.year}"
    return f"{name}_{t.strftime('%H%M%S')}" if with_time else name


def solidity_duration(seconds: int) -> str:
    """A Solidity time literal in the largest exact unit: `30 days`, `48 hours`, `90 seconds`."""
    for unit, size in (("days", DAY), ("hours", 3600), ("minutes", 60)):
        if seconds and seconds % size == 0:
            return f"{seconds // size} {unit}"
    return f"{seconds} seconds"


def human_duration(seconds: int) -> str:
    """`364 days`, `48 hours`, `365 days minus 1 second` (the inclusive-last-day convention)."""
    if seconds > DAY and (seconds + 1) % DAY == 0:
        return f"{human_duration(seconds + 1)} minus 1 second"
    for unit, size in (("day", DAY), ("hour", 3600), ("minute", 60), ("second", 1)):
        if seconds % size == 0:
            n = seconds // size
            return f"{n:,} {unit}{'' if n == 1 else 's'}"
    return f"{seconds} seconds"
