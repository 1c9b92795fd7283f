"""The budget file: SP53 and SP54 as data, the seeds' own numbers, and located errors for every slip."""
from datetime import date
from decimal import Decimal

import pytest

from budgetfiles import LEAP, TECHOPS, budget_file_diagnostics
from spellgen.budget import months
from spellgen.budget.parse import load_budget


def diagnose(tmp_path, text):
    return budget_file_diagnostics(tmp_path, text)


def test_techops_states_sp53_and_sp54():
    budget = load_budget(TECHOPS)
    assert (budget.unit_id, budget.unit_name) == ("TECH-001", "TechOps")
    assert [(w.role, w.name, w.address) for w in budget.wallets] == [
        ("auditor", "TECH_001", "0x2dC0420A736D1F40893B9481D8968E4D7424bC0B")]  # no Operational address
    dai, mkr = budget.part("DAI"), budget.part("MKR")
    assert (dai.mip, dai.annual_cap, dai.monthly_cap) == ("MIP40c3-SP53", Decimal(2566200), Decimal(213850))
    assert [(p.first, p.last, p.stream.total) for p in dai.periods] == [
        (date(2022, 2, 1), date(2023, 1, 31), Decimal(2486400))]
    assert (mkr.mip, mkr.start, mkr.vesting_months, mkr.cliff_months, mkr.interval_months, mkr.horizon_months) == (
        "MIP40c3-SP54", date(2021, 12, 8), 36, 12, 6, 6)
    assert (mkr.annual_cap, mkr.total_cap) == (Decimal("686.05"), Decimal("2058.15"))
    assert [(v.date.isoformat(), str(v.amount)) for v in mkr.schedule] == [
        ("2022-12-08", "257.31"), ("2023-06-08", "128.65"), ("2023-12-08", "128.65"), ("2024-06-08", "128.65"),
        ("2024-12-08", "128.65")]
    assert mkr.info["MKR/USD lock-in price (OG)"] == "2,852.87 USD"


def test_the_seeds_own_numbers():
    budget = load_budget(TECHOPS)
    assert 12 * budget.part("DAI").monthly_cap == budget.part("DAI").annual_cap == Decimal("2566200")
    assert 3 * budget.part("MKR").annual_cap == budget.part("MKR").total_cap
    # SP54 states 771.92 MKR in all, but its own lines add up to 0.01 MKR less.
    assert budget.part("MKR").schedule_total == Decimal("771.92")
    assert sum(v.amount for v in budget.part("MKR").schedule) == Decimal("771.91")
    # The schedule is on SP54's plan: the 1-year cliff, then every 6 months to the end of 3 years.
    assert budget.part("MKR").vesting_dates() == [v.date for v in budget.part("MKR").schedule]


def test_techops_has_one_warning_the_mips_rounding(tmp_path):
    [only] = diagnose(tmp_path, TECHOPS.read_text())
    assert (only.severity, only.path) == ("warning", "mkr.schedule_total")
    assert "the schedule's lines sum to 771.91 MKR, not the stated 771.92 MKR (a difference of 0.01 MKR)" in only.message
    assert only.line == TECHOPS.read_text().splitlines().index("  schedule_total: 771.92 MKR") + 1


def test_vesting_years_end_on_the_anniversaries():
    mkr = load_budget(TECHOPS).part("MKR")
    assert [(n, a.isoformat(), b.isoformat()) for n, a, b in mkr.years()] == [
        (1, "2021-12-09", "2022-12-08"), (2, "2022-12-09", "2023-12-08"), (3, "2023-12-09", "2024-12-08")]
    assert [mkr.year_of(v.date) for v in mkr.schedule] == [1, 2, 2, 3, 3]  # the cliff vest rewards year 1


@pytest.mark.parametrize("first, months_, expected", [
    (date(2021, 12, 8), 6, date(2022, 6, 8)),
    (date(2023, 8, 31), 6, date(2024, 2, 29)),  # the month's last day when it is shorter
    (date(2022, 8, 31), 6, date(2023, 2, 28)),
    (date(2024, 2, 29), 12, date(2025, 2, 28)),
    (date(2023, 6, 9), -6, date(2022, 12, 9)),
])
def test_add_months(first, months_, expected):
    assert months.add_months(first, months_) == expected


@pytest.mark.parametrize("first, days", [
    (date(2022, 2, 1), 365), (date(2023, 7, 1), 366), (date(2024, 1, 1), 366), (date(2024, 3, 1), 365),
    (date(2023, 3, 1), 366), (date(2023, 2, 28), 365)])
def test_budget_year_length_counts_29_february(first, days):
    assert months.year_days(first) == days


TEXT = TECHOPS.read_text()


@pytest.mark.parametrize("old, new, path, message", [
    ("  annual_cap: 2,566,200 DAI", "  anual_cap: 2,566,200 DAI", "dai.anual_cap", "did you mean 'annual_cap'?"),
    ("address: 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B", "address: 0x2dc0420a736d1f40893b9481d8968e4d7424bc0b",
     "wallets.auditor.address", "the checksummed form is 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B"),
    ("    name: TECH_001", "    name: tech-001", "wallets.auditor.name", "UPPER_SNAKE_CASE"),
    ("  interval: 6 months", "  interval: 26 weeks", "mkr.interval", "write e.g. `6 months`"),
    ("    - date: 2023-06-08", "    - date: 2023-02-29", "mkr.schedule[1].date", "not a real date"),
    ("    - date: 2023-06-08", "    - date: 2022-06-08", "mkr.schedule[1].date", "nothing vests before the cliff"),
    ("    - date: 2024-12-08", "    - date: 2024-06-08", "mkr.schedule[4].date", "vesting dates must increase"),
    ("    - date: 2024-12-08", "    - date: 2025-06-08", "mkr.schedule[4].date", "after the end of vesting (2024-12-08)"),
    ("      amount: 257.31 MKR", "      amount: 257.31 DAI", "mkr.schedule[0].amount", "written in DAI"),
    ("      amount: 257.31 MKR", "      amount: 700 MKR", "mkr.schedule",
     "vests 700 MKR in vesting year 1 (2021-12-09 to 2022-12-08), 13.95 MKR over the annual cap of 686.05 MKR"),
    ("  total_cap: 2,058.15 MKR", "  total_cap: 700 MKR", "mkr.schedule",
     "the schedule (771.91 MKR) exceeds the total cap of 700 MKR by 71.91 MKR"),
    ("      end: 2023-01-31\n", "      end: 2023-02-01\n", "dai.periods[0].end", "a budget period lasts at most a year"),
    ("        end: 2023-01-31T00:00:00Z", "        end: 2023-02-02T00:00:00Z", "dai.periods[0].stream.end",
     "outside the period 2022-02-01 to 2023-01-31"),
    ("        total: 2,486,400 DAI", "        total: 2,600,000 DAI", "dai.periods[0].stream.total",
     "the budget's own plan breaks its cap: the annual cap of 2,566,200 DAI for the budget period "
     "2022-02-01 to 2023-01-31 is exceeded: 2,600,000 DAI, 33,800 DAI over"),
    ("  operational: none", "  operational: {name: TECH_001, address: 0x87AcDD9208f73bFc9207e1f6F0fDE906bcA95cc6}",
     "wallets.operational", "must differ from the auditor wallet"),
    ("core_unit:\n  id: TECH-001\n", "core_unit:\n", "core_unit", "needs the field 'id'"),
])
def test_located_errors(tmp_path, old, new, path, message):
    assert old in TEXT
    found = [d for d in diagnose(tmp_path, TEXT.replace(old, new, 1)) if d.severity == "error"]
    hits = [d for d in found if d.path == path and message in d.message]
    assert len(hits) == 1, [str(d) for d in found]
    # The line of the field at fault: the one holding the changed text.
    changed = TEXT.replace(old, new, 1).splitlines()[hits[0].line - 1]
    assert changed.strip() in new or path.endswith(("schedule", "core_unit", "operational")), changed


def test_overlapping_periods_and_fractional_top_ups(tmp_path):
    text = TEXT.replace("  periods:\n", "  periods:\n    - start: 2022-01-01\n      end: 2022-03-31\n"
                                        "      top_up: 1,000.50 DAI\n")
    found = {d.path: d.message for d in diagnose(tmp_path, text) if d.severity == "error"}
    assert "overlaps the period 2022-01-01 to 2022-03-31" in found["dai.periods[1].start"]
    assert "write 1,000.50 as a whole number" in found["dai.periods[0].top_up"]


def test_cap_slips_are_warnings(tmp_path):
    text = TEXT.replace("monthly_cap: 213,850 DAI", "monthly_cap: 231,850 DAI").replace(
        "    - date: 2023-06-08", "    - date: 2023-07-08")
    found = {d.path: d.message for d in diagnose(tmp_path, text) if d.severity == "warning"}
    assert found["dai.monthly_cap"].startswith("12 x the monthly cap is 2,782,200 DAI, not the annual cap")
    assert "2023-07-08 is not a vesting date of the plan (the cliff 2022-12-08, then every 6 months to 2024-12-08)" \
        in found["mkr.schedule[1].date"]


def test_leap_fixture_is_consistent(tmp_path):
    found = diagnose(tmp_path, LEAP.read_text())
    assert [d.severity for d in found] == ["warning"] * 3  # the periods have no funding of their own
    assert all("nothing funds this period" in d.message for d in found)


def test_a_budget_needs_a_part(tmp_path):
    text = TEXT[:TEXT.index("dai:\n")]
    [only] = diagnose(tmp_path, text)
    assert "needs at least one part: `dai`, `usds`, `mkr`, `sky`" in only.message
