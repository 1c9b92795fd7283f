"""Budgets in USDS and SKY: `usds:` and `sky:` parts beside `dai:` and `mkr:`, each counting its own
token's actions (usds_payment and USDS-vest streams; sky_transfer and SKY-vest streams) in parsing,
plan, ledger, status and the budget checks, and the chain of the spell's date respected by plans."""
import json
from datetime import date
from decimal import Decimal

import pytest

from budgetfiles import (
    JANSKY, MIXED, budget_diagnostics, budget_file_diagnostics, errors, ledger_file, payment, sky, spell_file, stream,
    usds, warnings,
)
from spellgen.cli import budget as cli
from spellgen.cli import main as spell_cli
from spellgen.budget.ledger import load_ledger
from spellgen.budget.parse import load_budget
from spellgen.budget.plan import plan_at
from spellgen.spellfile.checks import check_spell
from spellgen.spellfile.diagnostics import Diagnostics
from spellgen.spellfile.actions import SkyTransfer, Stream, UsdsPayment
from spellgen.spellfile.parse import load_spell

TEXT = MIXED.read_text()
# What the plan of 2025-06-26 (no ledger) calls for, as a ledger entry.
FIRST = ("2025-06-26", usds("100,000") + stream("200,000", "2025-07-01", "2025-12-31", vest="MCD_VEST_USDS"))


def mixed_ledger(tmp_path, entries):
    return ledger_file(tmp_path, entries, unit="MIX-001")


def diagnose(tmp_path, text):
    return [(d.line, d.path, d.message) for d in budget_file_diagnostics(tmp_path, text)]


def line_of(text, fragment):
    return text[:text.index(fragment)].count("\n") + 1


def plan_file(tmp_path, budget, day, *extra):
    out = tmp_path / f"plan-{day}.yaml"
    code = cli.main(["plan", str(budget), "--spell-date", day, "-o", str(out), *map(str, extra)])
    return code, out


# -- the budget file -------------------------------------------------------------------------------

def test_every_part_is_read_with_its_token():
    budget = load_budget(MIXED)
    assert budget.tokens == ["DAI", "USDS", "SKY"]
    assert (budget.part("USDS").token, budget.part("USDS").annual_cap, budget.part("USDS").monthly_cap) == \
        ("USDS", Decimal(600_000), Decimal(50_000))
    assert [(p.first.isoformat(), p.top_up, p.stream.total) for p in budget.part("USDS").periods] == [
        ("2025-07-01", Decimal(100_000), Decimal(200_000)), ("2026-01-01", None, Decimal(480_000))]
    assert (budget.part("SKY").token, budget.part("SKY").total_cap, budget.part("SKY").horizon_months) == ("SKY", Decimal(4_000_000), 3)
    assert budget.part("MKR") is None and budget.part("DAI").token == "DAI"


def test_the_example_budget_is_valid_and_states_the_2025_01_23_streams():
    budget = load_budget(JANSKY)
    assert budget.tokens == ["USDS", "SKY"]
    period = budget.part("USDS").periods[0]
    assert (period.stream.total, period.stream.end) == (Decimal(462_000), 1767225599)  # 2025-12-31 23:59:59 UTC
    [sky_period] = budget.part("SKY").periods  # streamed, as the spell did, not a schedule of transfers
    assert (sky_period.stream.total, sky_period.stream.vest, sky_period.stream.end) == (
        Decimal(4_752_000), "MCD_VEST_SKY_TREASURY", 1767225599)
    assert (budget.unit_name, budget.unit_role) == ("JanSky", "Facilitator") and budget.scheduled == {}


@pytest.mark.parametrize("old, new, path, message", [
    # An amount in another token than its part's is refused where it is written.
    ("annual_cap: 600,000 USDS", "annual_cap: 600,000 DAI", "usds.annual_cap",
     "the annual cap is written in DAI but the `usds` part counts USDS"),
    ("top_up: 100,000 USDS", "top_up: 100,000 DAI", "usds.periods[0].top_up",
     "the top-up is written in DAI but the `usds` part counts USDS"),
    ("total: 200,000 USDS", "total: 200,000 SKY", "usds.periods[0].stream.total",
     "the stream total is written in SKY but the `usds` part counts USDS"),
    ("annual_cap: 1,200,000 DAI", "annual_cap: 1,200,000 USDS", "dai.annual_cap",
     "the annual cap is written in USDS but the `dai` part counts DAI"),
    ("      amount: 1,000,000 SKY\n    - date: 2026-01-01", "      amount: 1,000,000 MKR\n    - date: 2026-01-01",
     "sky.schedule[0].amount", "the SKY amount is written in MKR but the `sky` part counts SKY"),
    ("total_cap: 4,000,000 SKY", "total_cap: 4,000,000 USDS", "sky.total_cap",
     "the total cap is written in USDS but the `sky` part counts SKY"),
    # A stream of a USDS part is on a USDS vest.
    ("        total: 200,000 USDS", "        total: 200,000 USDS\n        vest: MCD_VEST_DAI",
     "usds.periods[0].stream.vest", "MCD_VEST_USDS"),
    # The same checks as a DAI part, with the part's token in the message.
    ("top_up: 100,000 USDS", "top_up: 100,000.5 USDS", "usds.periods[0].top_up",
     "sendPaymentFromSurplusBuffer, which sends whole USDS: write 100,000.5 as a whole number"),
    ("total_cap: 4,000,000 SKY", "total_cap: 3,000,000 SKY", "sky.schedule",
     "the schedule (4,000,000 SKY) exceeds the total cap of 3,000,000 SKY by 1,000,000 SKY"),
])
def test_located_part_errors(tmp_path, old, new, path, message):
    assert old in TEXT
    text = TEXT.replace(old, new, 1)
    found = [(p, m) for _, p, m in diagnose(tmp_path, text)]
    assert any(p == path and message in m for p, m in found), found


def test_a_usds_part_with_an_unknown_field_is_located(tmp_path):
    text = TEXT.replace("  monthly_cap: 50,000 USDS", "  monthly_cap: 50,000 USDS\n  mothly: 1")
    [(line, path, message)] = diagnose(tmp_path, text)
    assert (line, path) == (line_of(text, "  mothly"), "usds.mothly") and "unknown field" in message


def test_the_budgets_own_usds_plan_must_fit_its_caps(tmp_path):
    text = TEXT.replace("top_up: 100,000 USDS", "top_up: 300,000 USDS")
    found = diagnose(tmp_path, text)
    assert (line_of(text, "top_up: 300,000"), "usds.periods[0].top_up") in [(line, path) for line, path, _ in found]
    assert any("the budget's own plan breaks its cap: the monthly cap of 50,000 USDS for 2025-07" in m
               for _, _, m in found)


# -- plan ------------------------------------------------------------------------------------------

def test_plan_of_a_usds_period_pays_usds_and_streams_on_the_usds_vest(tmp_path):
    code, out = plan_file(tmp_path, MIXED, "2025-06-26")
    assert code == 0
    spell = load_spell(out)
    assert [(type(a).__name__, getattr(a, "vest", None), a.to.name) for a in spell.actions] == [
        ("UsdsPayment", None, "TECH_001"), ("Stream", "MCD_VEST_USDS", "TECH_001")]
    payment_, stream_ = spell.actions
    assert payment_.paid == 100_000
    assert (stream_.total, stream_.start, stream_.end) == (Decimal(200_000), 1751328000, 1767225599)
    assert (spell.expect.usds_paid, spell.expect.streamed) == (Decimal(100_000), {"USDS": Decimal(200_000)})
    assert [s.title for s in spell.sections] == ["Mixed Core Unit USDS budget"]
    # `spellgen check` accepts it, with the budget too.
    assert spell_cli.main(["check", str(out), "--budget", str(MIXED)]) == 0
    assert errors(budget_diagnostics(out, MIXED)) == []


def test_plan_of_sky_vestings_transfers_sky_and_the_next_usds_period(tmp_path):
    p = plan_at(load_budget(MIXED), load_ledger(mixed_ledger(tmp_path, [FIRST])), date(2025, 10, 2))
    transfer = p.transfer("SKY")
    assert (transfer.horizon.isoformat(), str(transfer.total)) == ("2026-01-02", "2000000")
    assert [(d.vesting.date.isoformat(), str(d.amount)) for d in transfer.due] == [
        ("2025-10-01", "1000000"), ("2026-01-01", "1000000")]
    assert [(s.part.token, s.vest, str(s.total)) for s in p.streams] == [("USDS", "MCD_VEST_USDS", "480000")]
    assert p.top_ups == []  # the ledger's usds_payment of 100,000 funded the first period's top-up
    assert "the SKY vesting of 2025-10-01 has vested without being transferred: it is overdue" in p.notes


def test_planned_sky_transfer_passes_check(tmp_path):
    ledger = mixed_ledger(tmp_path, [FIRST])
    code, out = plan_file(tmp_path, MIXED, "2025-10-02", "--ledger", ledger)
    assert code == 0
    spell = load_spell(out)
    [transfer] = spell.of_type(SkyTransfer)
    assert (transfer.amount, transfer.source, transfer.to.name) == (Decimal(2_000_000), "treasury", "TECH_001")
    assert spell.expect.sky_transferred == Decimal(2_000_000)
    diags = Diagnostics(str(out))
    check_spell(spell, diags)
    assert diags.errors == []
    assert errors(budget_diagnostics(out, MIXED, ledger)) == []


def test_while_the_treasury_held_mkr_a_planned_sky_transfer_converts_it(tmp_path):
    # Between 2025-01-09 and 2025-04-30 spells converted the PauseProxy's MKR for SKY transfers.
    text = TEXT.replace("vesting_start: 2025-07-01", "vesting_start: 2024-12-01").replace(
        "date: 2025-10-01", "date: 2025-03-01").replace("date: 2026-01-01\n", "date: 2025-06-01\n").replace(
        "date: 2026-04-01", "date: 2025-09-01").replace("date: 2026-07-01", "date: 2025-12-01")
    budget = tmp_path / "early.yaml"
    budget.write_text(text)
    code, out = plan_file(tmp_path, budget, "2025-03-06")
    assert code == 0
    [transfer] = load_spell(out).of_type(SkyTransfer)
    assert (transfer.source, transfer.amount) == ("mkr", Decimal(2_000_000))


@pytest.mark.parametrize("day, fragment, path, message", [
    # A USDS part planned for a 2022 spell: neither USDS nor its vest exists yet.
    ("2022-05-15", "      stream:\n        total: 40,000 USDS", "usds.periods[0].stream",
     "a spell of 2022-05-15 cannot make the USDS stream of the budget period 2022-06-01 to 2022-06-30: "
     "MCD_VEST_USDS was first registered by the 2025-01-23 spell"),
    ("2022-05-15", "top_up: 9,000 USDS", "usds.periods[0].top_up",
     "a spell of 2022-05-15 cannot make the USDS top-up of the budget period 2022-06-01 to 2022-06-30 "
     "(usds_payment): USDS was first registered by the 2024-09-13 spell"),
    # USDS exists from 2024-09-13, its vest only from 2025-01-23: the stream is refused, the top-up is not.
    ("2024-12-01", "      stream:\n        total: 40,000 USDS", "usds.periods[0].stream",
     "MCD_VEST_USDS was first registered by the 2025-01-23 spell"),
])
def test_a_plan_respects_the_chain_of_its_date(tmp_path, capsys, day, fragment, path, message):
    start = "2022-06-01" if day < "2024" else "2025-01-01"
    end = "2022-06-30" if day < "2024" else "2025-01-31"
    text = TEXT[:TEXT.index("dai:\n")] + f"""usds:
  mip: ATLAS-TEST-USDS
  annual_cap: 600,000 USDS
  monthly_cap: 50,000 USDS
  periods:
    - start: {start}
      end: {end}
      top_up: 9,000 USDS
      stream:
        total: 40,000 USDS
"""
    budget = tmp_path / "early.yaml"
    budget.write_text(text)
    code, out = plan_file(tmp_path, budget, day)
    assert code == 2 and not out.exists()
    err = capsys.readouterr().err
    where = f"{budget}:{line_of(text, fragment) + (1 if fragment.startswith('      stream') else 0)}:"
    lines = [line for line in err.splitlines() if f" {path}: " in line]
    assert any(line.startswith(where) and message in line for line in lines), err
    if day == "2024-12-01":  # only the stream is refused
        assert "top-up" not in err


def test_a_planned_stream_above_the_vests_rate_cap_is_a_located_error(tmp_path, capsys):
    text = TEXT.replace("total: 480,000 USDS", "total: 600,000 USDS")
    budget = tmp_path / "fast.yaml"
    budget.write_text(text)
    code, out = plan_file(tmp_path, budget, "2025-10-02", "--ledger", mixed_ledger(tmp_path, [FIRST]))
    assert code == 2 and not out.exists()
    err = capsys.readouterr().err
    assert f"{budget}:{line_of(text, 'total: 600,000 USDS')}:" in err
    assert "usds.periods[1].stream.total: the USDS stream of the budget period 2026-01-01 to 2026-12-31 runs at " \
           "19,025,875,793,565,315 wei/s, above the MCD_VEST_USDS cap of 46,200 USDS per 30 days" in err


def test_a_dai_period_of_a_mixed_budget_is_planned_with_dai_only(tmp_path):
    p = plan_at(load_budget(MIXED), None, date(2022, 5, 15))
    assert [(s.part.token, s.vest) for s in p.streams] == [("DAI", "MCD_VEST_DAI")]
    assert p.top_ups == [] and p.transfer("SKY").due == []


# -- ledger and status -----------------------------------------------------------------------------

def test_ledger_records_usds_and_sky_and_status_counts_them(tmp_path, capsys):
    ledger = tmp_path / "ledger.yaml"
    _, first = plan_file(tmp_path, MIXED, "2025-06-26")
    assert cli.main(["ledger", "add", str(first), "--ledger", str(ledger), "--budget", str(MIXED)]) == 0
    _, second = plan_file(tmp_path, MIXED, "2025-10-02", "--ledger", ledger)
    assert cli.main(["ledger", "add", str(second), "--ledger", str(ledger)]) == 0
    assert cli.main(["ledger", "add", str(second), "--ledger", str(ledger)]) == 0  # the same again: a no-op
    text = ledger.read_text()
    assert "      - type: usds_payment\n        to: TECH_001\n        amount: 100,000\n" in text
    assert "      - type: sky_transfer\n        to: TECH_001\n        amount: 2,000,000\n" in text
    entries = load_ledger(ledger).entries
    assert [[type(a) for a in e.actions] for e in entries] == [[UsdsPayment, Stream], [Stream, SkyTransfer]]
    capsys.readouterr()

    assert cli.main(["budget", "status", str(MIXED), "--ledger", str(ledger), "--at", "2025-10-15",
                     "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) >= {"dai", "usds", "sky"} and "mkr" not in data
    first_period, second_period = data["usds"]["periods"]
    assert (first_period["streamed"], first_period["paid"], first_period["total"]) == ("200000", "100000", "300000")
    assert (second_period["cap"], second_period["streamed"], second_period["left"]) == ("600000", "480000", "120000")
    assert data["usds"]["over_cap"] == [] and data["usds"]["outside_periods"] == []
    assert [s["vest"] for s in data["usds"]["streams"]] == ["MCD_VEST_USDS", "MCD_VEST_USDS"]
    [year] = data["sky"]["years"]
    assert (year["transferred"], year["to_transfer"], year["left"]) == ("2000000", "2000000", "0")
    assert [r["date"] for r in data["sky"]["to_come"]] == ["2026-04-01", "2026-07-01"]
    assert data["dai"]["total"]["total"] == "0"  # USDS never counts against the DAI part

    assert cli.main(["budget", "status", str(MIXED), "--ledger", str(ledger), "--at", "2025-10-15"]) == 0
    out = capsys.readouterr().out
    assert "USDS (ATLAS-TEST-USDS): caps 600,000 USDS a year, 50,000 USDS a month" in out
    assert "SKY (ATLAS-TEST-SKY): caps 4,000,000 SKY a year, 4,000,000 SKY in all" in out
    assert "    2026-04-01  1,000,000.00 SKY  due from 2026-01-01" in out


def test_a_usds_payment_that_is_no_top_up_counts_on_the_spells_date(tmp_path, capsys):
    ledger = mixed_ledger(tmp_path, [("2025-08-14", usds("30,000"))])
    assert cli.main(["budget", "status", str(MIXED), "--ledger", str(ledger), "--at", "2025-09-01",
                     "--format", "json"]) == 0
    period = json.loads(capsys.readouterr().out)["usds"]["periods"][0]
    assert (period["paid"], period["streamed"]) == ("30000", "0")


# -- the budget checks of a spell ------------------------------------------------------------------

def test_a_usds_payment_over_the_monthly_cap_is_an_error_on_its_amount(tmp_path):
    spell = spell_file(tmp_path, "2025-07-15", usds("400,000"))
    found = errors(budget_diagnostics(spell, MIXED))
    assert "the monthly cap of 50,000 USDS for 2025-07 is exceeded: 400,000 USDS, 350,000 USDS over" in found
    assert any(m.startswith("the annual cap of about 302,465.75 USDS (184 of 365 days) for the budget period "
                            "2025-07-01 to 2025-12-31 is exceeded: 400,000 USDS") for m in found)


def test_dai_does_not_count_against_the_usds_part(tmp_path):
    spell = spell_file(tmp_path, "2025-07-15", payment("40,000"))
    found = errors(budget_diagnostics(spell, MIXED))
    assert found and all("USDS" not in m for m in found)  # the DAI part has no period in 2025: its caps speak


def test_a_sky_transfer_over_the_caps_is_an_error(tmp_path):
    spell = spell_file(tmp_path, "2025-10-02", sky("4,500,000"))
    found = errors(budget_diagnostics(spell, MIXED))
    assert found == [
        "the annual SKY cap of 4,000,000 SKY for vesting year 1 (2025-07-02 to 2026-07-01) is exceeded: "
        "4,500,000 SKY, 500,000 SKY over",
        "the total SKY cap of 4,000,000 SKY for the 1 year of vesting is exceeded: 4,500,000 SKY, 500,000 SKY over"]


def test_a_sky_stream_counts_like_a_sky_transfer(tmp_path):
    spell = spell_file(tmp_path, "2025-10-02", stream("4,500,000", "2025-10-01", "2026-09-30", vest="MCD_VEST_SKY"))
    found = budget_diagnostics(spell, MIXED)
    assert "the total SKY cap of 4,000,000 SKY for the 1 year of vesting is exceeded: 4,500,000 SKY, " \
           "500,000 SKY over" in errors(found)
    [loc] = [d.path for d in found if d.message.startswith("the total SKY cap")]
    assert loc.endswith(".total")


def test_a_spell_off_the_plan_is_warned_in_its_tokens(tmp_path):
    ledger = mixed_ledger(tmp_path, [FIRST])
    spell = spell_file(tmp_path, "2025-10-02", sky("1,000,000") + usds("5,000"))
    found = warnings(budget_diagnostics(spell, MIXED, ledger))
    assert any(m.startswith("ATLAS-TEST-SKY's transfer rule gives 2,000,000 SKY for a spell on 2025-10-02")
               and m.endswith("this spell transfers 1,000,000 SKY to MIX-001") for m in found)
    assert any("this payment of 5,000 USDS is not in the plan" in m for m in found)
    assert any(m.startswith("the plan streams 480,000 USDS from 2026-01-01") for m in found)


def test_a_sky_transfer_to_a_budget_without_a_sky_part_is_said(tmp_path):
    from budgetfiles import TECHOPS

    spell = spell_file(tmp_path, "2025-10-02", sky("1,000"))
    assert "the budget of TECH-001 has no SKY part: this SKY is not checked against any cap" in \
        warnings(budget_diagnostics(spell, TECHOPS))


def test_the_example_ledger_counts_the_2025_01_23_streams(capsys):
    ledger = JANSKY.parent / "jansky-2025-ledger.yaml"
    assert cli.main(["budget", "status", str(JANSKY), "--ledger", str(ledger), "--at", "2025-06-30",
                     "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    [period] = data["usds"]["periods"]
    assert (period["streamed"], period["left"]) == ("462000", "42000")
    assert data["usds"]["streams"][0]["accrued"].startswith("206101.8")  # 149 of 334 days of 462,000 USDS
    [sky_period] = data["sky"]["periods"]
    assert (sky_period["streamed"], sky_period["transferred"], sky_period["left"]) == ("4752000", "0", "432000")
    assert data["sky"]["streams"][0]["vest"] == "MCD_VEST_SKY_TREASURY"
    assert data["usds"]["over_cap"] == data["sky"]["over_cap"] == []
    # Everything is funded: the plan of a later spell calls for nothing (exit 1).
    assert cli.main(["plan", str(JANSKY), "--ledger", str(ledger), "--spell-date", "2025-06-12"]) == 1


def test_the_report_chart_draws_each_stablecoin_parts_caps_in_its_token():
    from spellgen.budget.caplines import budget_cap_lines

    lines = budget_cap_lines(load_budget(MIXED))
    assert [(line.token, line.label) for line in lines if line.token == "USDS"] == [
        ("USDS", "Mixed annual cap: 302,465.75 USDS (2025-07-01 to 2025-12-31, 184 of 365 days)"),
        ("USDS", "Mixed monthly cap: 50,000 USDS a month (cumulated, 2025-07-01 to 2025-12-31)"),
        ("USDS", "Mixed annual cap: 600,000 USDS (2026-01-01 to 2026-12-31)"),
        ("USDS", "Mixed monthly cap: 50,000 USDS a month (cumulated, 2026-01-01 to 2026-12-31)")]
    assert [line.token for line in lines].count("DAI") == 2  # the DAI part's one period
    assert lines[-1].points[-1][1] == Decimal(600_000)  # twelve months of 50,000 USDS in 2026


def test_the_example_cannot_be_planned_for_the_spell_that_created_its_vest(tmp_path, capsys):
    code, out = plan_file(tmp_path, JANSKY, "2025-01-23")
    assert code == 2 and not out.exists()
    text = JANSKY.read_text()
    assert capsys.readouterr().err == (
        f"{JANSKY}:{line_of(text, '        total: 462,000 USDS')}:9: usds.periods[0].stream: a spell of 2025-01-23 "
        "cannot make the USDS stream of the budget period 2025-02-01 to 2026-01-31: MCD_VEST_USDS was first "
        "registered by the 2025-01-23 spell\n"
        f"{JANSKY}:{line_of(text, '        vest: MCD_VEST_SKY_TREASURY')}:15: sky.periods[0].stream.vest: a spell of "
        "2025-01-23 cannot make the SKY stream of the budget period 2025-02-01 to 2026-01-31: MCD_VEST_SKY_TREASURY "
        "was first registered by the 2025-01-23 spell\n")
    assert plan_file(tmp_path, JANSKY, "2025-01-30")[0] == 0  # a week later the vest is there


def test_ledger_show_lists_each_spell_and_the_totals_per_token(tmp_path, capsys):
    assert cli.main(["ledger", "show", str(JANSKY.parent / "jansky-2025-ledger.yaml")]) == 0
    assert capsys.readouterr().out == (
        "JANSKY: 1 spell in the ledger\n"
        "2025-01-23  2025-01-23 MakerDAO Executive Spell\n"
        "  streamed 462,000 USDS to JANSKY on MCD_VEST_USDS (2025-02-01 00:00:00 UTC to 2025-12-31 23:59:59 UTC)\n"
        "  streamed 4,752,000 SKY to JANSKY on MCD_VEST_SKY_TREASURY (2025-02-01 00:00:00 UTC to "
        "2025-12-31 23:59:59 UTC)\n"
        "total USDS: 462,000 streamed\n"
        "total SKY: 4,752,000 streamed\n")
    ledger = mixed_ledger(tmp_path, [FIRST, ("2025-10-02", sky("2,000,000.5") + payment("7"))])
    assert cli.main(["ledger", "show", str(ledger), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["totals"] == {"USDS": {"paid": "100000", "streamed": "200000"}, "SKY": {"transferred": "2000000.5"},
                              "DAI": {"paid": "7"}}
    assert [a["kind"] for s in data["spells"] for a in s["actions"]] == ["paid", "streamed", "transferred", "paid"]
