"""UTC date math: the source of every date constant a spell contains."""
import calendar
from datetime import datetime, timezone

import pytest

from spellgen.spellfile import timeutil


def test_bare_start_date_is_midnight_utc():
    assert timeutil.parse_instant("2022-02-01", "start") == (1643673600, True)


def test_bare_end_date_is_last_second_of_the_day():
    ts, was_date = timeutil.parse_instant("2023-01-31", "end")
    assert was_date and timeutil.iso(ts) == "2023-01-31 23:59:59 UTC"
    assert ts == calendar.timegm((2023, 2, 1, 0, 0, 0)) - 1


@pytest.mark.parametrize("text", ["2023-01-31T00:00:00Z", "2023-01-31 00:00:00 UTC", "2023-01-31T00:00:00+00:00"])
def test_explicit_utc_timestamps(text):
    assert timeutil.parse_instant(text, "end") == (1675123200, False)


def test_timestamps_without_a_zone_are_refused():
    with pytest.raises(timeutil.DateError):
        timeutil.parse_instant("2023-01-31T00:00:00", "end")


def test_unix_numbers_are_refused_with_a_reason():
    with pytest.raises(timeutil.DateError, match="unix time"):
        timeutil.parse_instant("1675123200", "start")


def test_leap_years():
    assert timeutil.parse_date("2024-02-29").day == 29
    with pytest.raises(timeutil.DateError, match="not a real date"):
        timeutil.parse_date("2023-02-29")
    with pytest.raises(timeutil.DateError):
        timeutil.parse_date("2100-02-29")  # divisible by 100, not by 400
    assert timeutil.parse_date("2000-02-29").month == 2
    # A leap year has 366 days between the first days of consecutive years.
    start = timeutil.parse_instant("2024-01-01", "start")[0]
    end = timeutil.parse_instant("2024-12-31", "end")[0]
    assert end - start == 366 * 86400 - 1


def test_independent_of_the_local_time_zone(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Pacific/Kiritimati")  # UTC+14
    time.tzset()
    try:
        assert timeutil.parse_instant("2022-02-01", "start")[0] == 1643673600
        assert timeutil.iso(1643673600) == "2022-02-01 00:00:00 UTC"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_durations():
    assert timeutil.parse_duration("365 days") == 365 * 86400
    assert timeutil.parse_duration("48 hours") == 172800
    assert timeutil.parse_duration("1 week") == 604800
    with pytest.raises(timeutil.DateError, match="months and years"):
        timeutil.parse_duration("12 months")


def test_constant_names_and_literals():
    assert timeutil.constant_name(1643673600) == "FEB_01_2022"
    assert timeutil.constant_name(1675209599, with_time=True) == "JAN_31_2023_235959"
    assert timeutil.solidity_duration(30 * 86400) == "30 days"
    assert timeutil.solidity_duration(172800) == "2 days"
    assert timeutil.solidity_duration(7200) == "2 hours"
    assert timeutil.solidity_duration(90) == "90 seconds"
    assert timeutil.human_duration(365 * 86400 - 1) == "365 days minus 1 second"


def test_utc_helper_agrees_with_datetime():
    ts = timeutil.parse_instant("2022-12-08T12:34:56Z", "start")[0]
    assert datetime.fromtimestamp(ts, timezone.utc) == datetime(2022, 12, 8, 12, 34, 56, tzinfo=timezone.utc)
