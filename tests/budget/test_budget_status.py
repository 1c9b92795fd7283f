"""`spellgen budget status`: DAI per budget period and MKR per vesting year against the caps."""
import json
from decimal import Decimal

from budgetfiles import LEAP, TECHOPS, TECHOPS_LEDGER, ledger_file, mkr, payment, stream
from spellgen.cli import budget as cli
from spellgen.budget.status import accrued
from spellgen.spellfile.actions import Stream
from spellgen.spellfile.model import Party
from spellgen.spellfile.timeutil import day_start, parse_date


def status(capsys, *args):
    assert cli.main(["budget", "status", *map(str, args), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_techops_after_both_cast_spells(capsys):
    data = status(capsys, TECHOPS, "--ledger", TECHOPS_LEDGER, "--at", "2023-03-08")
    assert [s["date"] for s in data["spells"]] == ["2022-01-28", "2022-12-09"]
    dai = data["dai"]
    assert dai["periods"] == [{"first": "2022-02-01", "last": "2023-01-31", "cap": "2566200", "days": 365,
                               "year_days": 365, "streamed": "2486400", "paid": "0", "total": "2486400",
                               "left": "79800"}]
    # The top-up of 2022-01-28 pays for no period SP53 states, so it shows outside them, and over January's cap.
    assert dai["outside_periods"] == [{"amount": "1069250", "kind": "payment", "spell": "2022-01-28"}]
    assert dai["over_cap"] == ["no budget period covers 2022-01, so the monthly cap allows no DAI then: "
                               "1,069,250 DAI is 1,069,250 DAI over"]
    assert dai["streams"][0]["accrued"] == "2486400"
    years = [(y["year"], y["scheduled"], y["transferred"], y["to_transfer"], y["left"]) for y in data["mkr"]["years"]]
    assert years == [(1, "257.31", "257.31", "0", "428.74"), (2, "257.3", "0", "257.3", "428.75"),
                     (3, "257.3", "0", "257.3", "428.75")]
    assert data["mkr"]["total"] == {"cap": "2058.15", "scheduled": "771.91", "transferred": "257.31",
                                    "to_transfer": "514.6", "left": "1286.24"}
    assert [(r["date"], r["amount"], r["due_from"], r["due_now"]) for r in data["mkr"]["to_come"]] == [
        ("2023-06-08", "128.65", "2022-12-08", True), ("2023-12-08", "128.65", "2023-06-08", False),
        ("2024-06-08", "128.65", "2023-12-08", False), ("2024-12-08", "128.65", "2024-06-08", False)]
    assert data["mkr"]["over_cap"] == []


def test_only_spells_up_to_the_date_count(capsys):
    data = status(capsys, TECHOPS, "--ledger", TECHOPS_LEDGER, "--at", "2022-06-01")
    assert [s["date"] for s in data["spells"]] == ["2022-01-28"]
    assert data["mkr"]["total"]["transferred"] == "0"
    # DssVest's accrual, rounded down to the wei: 2,486,400 DAI x 120 of 364 days.
    assert data["dai"]["streams"][0]["accrued"] == "819692.307692307692307692"


def test_accrued_is_dssvest_arithmetic():
    s = Stream("MCD_VEST_DAI", Party("0x2dC0420A736D1F40893B9481D8968E4D7424bC0B"), Decimal(7),
               day_start(parse_date("2023-01-01")), day_start(parse_date("2023-01-04")), "timestamp")
    assert [str(accrued(s, s.start + d)) for d in (-1, 0, 86_400, 3 * 86_400, 9 * 86_400)] == [
        "0", "0", "2.333333333333333333", "7", "7"]


def test_text_report(capsys):
    assert cli.main(["budget", "status", str(TECHOPS), "--ledger", str(TECHOPS_LEDGER), "--at", "2023-03-08"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("TECH-001 TechOps: budget status at 2023-03-08\n")
    assert "  2022-02-01 to 2023-01-31  2,566,200  2,486,400     0  2,486,400  79,800\n" in out
    assert "  2: 2022-12-09 to 2023-12-08    686.05     257.30         0.00       257.30    428.75\n" in out
    assert "    2023-06-08  128.65 MKR  due now\n" in out
    assert "  MKR/USD lock-in price (OG): 2,852.87 USD\n" in out


def test_leap_year_periods_and_mkr_beyond_the_schedule(tmp_path, capsys):
    ledger = ledger_file(tmp_path, [
        ("2023-12-15", stream("664,300", "2024-01-01", "2024-03-31") + payment("1,000")),
        ("2024-04-01", mkr("150")),
    ], unit="LEAP-001")
    data = status(capsys, LEAP, "--ledger", ledger, "--at", "2024-06-30")
    periods = {p["first"]: p for p in data["dai"]["periods"]}
    assert (periods["2024-01-01"]["cap"], periods["2024-01-01"]["days"], periods["2024-01-01"]["year_days"]) == (
        "664300", 91, 366)
    assert (periods["2023-01-01"]["cap"], periods["2023-01-01"]["year_days"]) == ("658800", 365)
    assert periods["2024-01-01"]["streamed"] == "664300"
    # The payment on 2023-12-15 falls between periods.
    assert data["dai"]["outside_periods"] == [{"amount": "1000", "kind": "payment", "spell": "2023-12-15"}]
    # 150 MKR: the schedule's 100 and 50 beyond it, counted in the year of 2024-07-01 (vesting year 2).
    years = {y["year"]: y for y in data["mkr"]["years"]}
    assert (years[1]["transferred"], years[2]["transferred"]) == ("100", "50")
    assert data["mkr"]["over_cap"] == []


def test_status_without_ledger_and_bad_date(capsys):
    data = status(capsys, TECHOPS, "--at", "2024-12-09")
    assert data["mkr"]["total"]["to_transfer"] == "771.91" and all(r["due_now"] for r in data["mkr"]["to_come"])
    assert cli.main(["budget", "status", str(TECHOPS), "--at", "2024-13-01"]) == 2
    assert "--at: '2024-13-01' is not a real date" in capsys.readouterr().err
