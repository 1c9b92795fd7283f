"""Governance-token parts that stream (`sky: periods:`), as Sky-era budgets do: parsing with located
errors, plans with the stream and the treasury vest's allowance, check, ledger and status counting."""
import json
from decimal import Decimal

import pytest

from budgetfiles import AUDITOR, budget_diagnostics, budget_file_diagnostics, errors, ledger_file, sky, spell_file, \
    stream, warnings
from spellgen.cli import budget as cli
from spellgen.cli import main as spell_cli
from spellgen.budget.parse import load_budget
from spellgen.budget.plan import plan_at
from spellgen.spellfile.parse import load_spell
from spellgen.spellfile.actions import Allowance, Stream

BUDGET = f"""\
spellgen: 1
unit:
  id: FAC-001
  name: Streamer
  role: Facilitator
wallets:
  auditor:
    name: TECH_001
    address: {AUDITOR}
sky:
  mip: ATLAS-TEST-SKY
  annual_cap: 4,800,000 SKY
  monthly_cap: 400,000 SKY
  periods:
    - start: 2025-07-01
      end: 2026-06-30
      stream:
        total: 4,800,000 SKY
"""


def budget_path(tmp_path, text=BUDGET):
    path = tmp_path / "streamer.yaml"
    path.write_text(text)
    return path


def located(tmp_path, text):
    return [(d.path, d.message) for d in budget_file_diagnostics(tmp_path, text) if d.severity == "error"]


def plan(tmp_path, budget, day, *extra):
    out = tmp_path / f"plan-{day}.yaml"
    code = cli.main(["plan", str(budget), "--spell-date", day, "-o", str(out), *map(str, extra)])
    return code, out


# -- the budget file -------------------------------------------------------------------------------

def test_a_streamed_sky_part_is_a_period_part_on_the_treasury_vest_by_default(tmp_path):
    budget = load_budget(budget_path(tmp_path))
    part = budget.part("SKY")
    assert budget.scheduled == {} and list(budget.periodic) == ["SKY"]
    assert (part.token, part.annual_cap, part.periods[0].stream.total) == ("SKY", Decimal(4_800_000),
                                                                            Decimal(4_800_000))
    assert part.default_vest == "MCD_VEST_SKY_TREASURY" and part.periods[0].stream.vest is None
    assert (budget.unit_id, budget.unit_name, budget.unit_role) == ("FAC-001", "Streamer", "Facilitator")


@pytest.mark.parametrize("old, new, path, message", [
    # Streams and transfers of one token in one part: refused on the schedule.
    ("  periods:\n", "  schedule: []\n  periods:\n", "sky.schedule",
     "a `sky` part is streamed (`periods`) or moved by transfers (`schedule`), not both: keep one of them"),
    ("        total: 4,800,000 SKY\n", "        total: 4,800,000 SKY\n      top_up: 10 SKY\n", "sky.periods[0].top_up",
     "a top-up pays a stablecoin from the surplus buffer; SKY periods are funded by their `stream`"),
    ("        total: 4,800,000 SKY\n", "        total: 4,800,000 SKY\n        vest: MCD_VEST_USDS\n",
     "sky.periods[0].stream.vest", "MCD_VEST_SKY_TREASURY"),
    ("        total: 4,800,000 SKY\n", "        total: 4,800,000 USDS\n", "sky.periods[0].stream.total",
     "the stream total is written in USDS but the `sky` part counts SKY"),
    ("        total: 4,800,000 SKY\n", "        total: 4,800,000 SKY\n        cliff: 2026-07-01\n",
     "sky.periods[0].stream.cliff", "the stream's cliff 2026-07-01 00:00:00 UTC is outside the stream"),
    ("  role: Facilitator\n", "  role: \"Facilitator <b>\"\n", "unit.role",
     "the unit's role goes into section titles: letters, digits, spaces and hyphens only"),
    ("unit:\n", "core_unit: {id: X, name: Y}\nunit:\n", "unit",
     "the budget names its unit with exactly one of `core_unit: {id, name}` and `unit: {id, name, role}`"),
    ("  annual_cap: 4,800,000 SKY\n", "  annual_cap: 4,800,000 SKY\n  vesting_start: 2025-07-01\n",
     "sky.vesting_start", "unknown field 'vesting_start' in `sky` (a part with `periods`)"),
])
def test_located_errors_of_a_streamed_part(tmp_path, old, new, path, message):
    assert old in BUDGET
    found = located(tmp_path, BUDGET.replace(old, new, 1))
    assert any(p == path and message in m for p, m in found), found


def test_the_budgets_own_sky_stream_must_fit_its_caps(tmp_path):
    found = located(tmp_path, BUDGET.replace("total: 4,800,000 SKY", "total: 4,800,001 SKY"))
    assert ("sky.periods[0].stream.total", "the budget's own plan breaks its cap: the annual cap of 4,800,000 SKY "
            "for the budget period 2025-07-01 to 2026-06-30 is exceeded: 4,800,001 SKY, 1 SKY over") in found


# -- the plan ----------------------------------------------------------------------------------------

def test_plan_streams_on_the_treasury_vest_and_raises_its_allowance_by_the_exact_total(tmp_path, capsys):
    # The total to the wei: the allowance is raised by exactly the stream's total, not a rounded one.
    text = BUDGET.replace("total: 4,800,000 SKY", "total: 4,799,999.999999999999999999 SKY")
    code, out = plan(tmp_path, budget_path(tmp_path, text), "2025-06-26")
    assert code == 0, capsys.readouterr().err
    spell = load_spell(out)
    [planned] = spell.of_type(Stream)
    [allowance] = spell.of_type(Allowance)
    assert (planned.vest, planned.total, planned.cliff) == ("MCD_VEST_SKY_TREASURY",
                                                            Decimal("4799999.999999999999999999"), None)
    assert (allowance.vest, allowance.mode, allowance.amount) == ("MCD_VEST_SKY_TREASURY", "increase", planned.total)
    assert spell.sections[0].title == "Streamer Facilitator SKY budget"
    assert spell.expect.streamed == {"SKY": planned.total}
    budget = str(tmp_path / "streamer.yaml")
    assert spell_cli.main(["check", str(out), "--budget", budget]) == 0  # passes `spellgen check`, budget too


def test_a_mintable_vest_needs_no_allowance_and_a_cliff_is_planned(tmp_path):
    text = BUDGET.replace("        total: 4,800,000 SKY\n", "        total: 4,800,000 SKY\n        vest: MCD_VEST_SKY\n"
                                                           "        cliff: 2025-10-01\n")
    code, out = plan(tmp_path, budget_path(tmp_path, text), "2025-06-26")
    assert code == 0
    spell = load_spell(out)
    [planned] = spell.of_type(Stream)
    assert (planned.vest, planned.cliff) == ("MCD_VEST_SKY", 1759276800)  # 2025-10-01 00:00:00 UTC
    assert spell.of_type(Allowance) == []
    assert "cliff: 2025-10-01T00:00:00Z" in out.read_text()


def test_a_ledger_stream_of_the_period_leaves_nothing_to_plan(tmp_path):
    budget = budget_path(tmp_path)
    ledger = ledger_file(tmp_path, [("2025-06-26", stream("4,800,000", "2025-07-01", "2026-06-30",
                                                          vest="MCD_VEST_SKY_TREASURY"))], unit="FAC-001")
    from spellgen.budget.ledger import load_ledger
    from datetime import date

    assert plan_at(load_budget(budget), load_ledger(ledger), date(2025, 8, 14)).empty
    assert plan(tmp_path, budget, "2025-08-14", "--ledger", ledger)[0] == 1


# -- counting: check --budget, status ----------------------------------------------------------------

def test_a_sky_stream_over_the_monthly_cap_is_an_error_on_its_total(tmp_path):
    spell = spell_file(tmp_path, "2025-06-26", stream("4,900,000", "2025-07-01", "2026-06-30",
                                                     vest="MCD_VEST_SKY_TREASURY"))
    found = budget_diagnostics(spell, budget_path(tmp_path))
    [error, _monthly] = [d for d in found if d.severity == "error"]
    assert error.path.endswith(".total") and _monthly.path.endswith(".total")
    assert error.message.startswith("the annual cap of 4,800,000 SKY for the budget period 2025-07-01 to "
                                    "2026-06-30 is exceeded: 4,900,000 SKY, 100,000 SKY over")


def test_a_sky_transfer_counts_against_a_streamed_part_on_its_date(tmp_path):
    spell = spell_file(tmp_path, "2025-08-14", sky("500,000"))
    found = budget_diagnostics(spell, budget_path(tmp_path))
    assert any(m.startswith("the monthly cap of 400,000 SKY for 2025-08 is exceeded: 500,000 SKY")
               for m in errors(found)), found
    assert any("the plan streams 4,800,000 SKY from 2025-07-01" in m for m in warnings(found))


def test_status_of_a_streamed_sky_part_says_streamed_and_transferred(tmp_path, capsys):
    ledger = ledger_file(tmp_path, [("2025-06-26", stream("4,800,000", "2025-07-01", "2026-06-30",
                                                          vest="MCD_VEST_SKY_TREASURY")),
                                    ("2025-08-14", sky("1,000"))], unit="FAC-001")
    budget = budget_path(tmp_path)
    assert cli.main(["budget", "status", str(budget), "--ledger", str(ledger), "--at", "2025-09-01",
                     "--format", "json"]) == 0
    [period] = json.loads(capsys.readouterr().out)["sky"]["periods"]
    assert (period["streamed"], period["transferred"], period["left"]) == ("4800000", "1000", "-1000")
    assert cli.main(["budget", "status", str(budget), "--ledger", str(ledger), "--at", "2025-09-01"]) == 0
    out = capsys.readouterr().out
    [header] = [line.split() for line in out.splitlines() if line.strip().startswith("budget period")]
    assert header == ["budget", "period", "cap", "streamed", "transferred", "total", "left"]
    assert "paid" not in out


def test_status_of_a_schedule_part_streamed_by_a_spell_says_so(tmp_path, capsys):
    from budgetfiles import MIXED

    ledger = ledger_file(tmp_path, [("2025-10-02", stream("1,000,000", "2025-10-01", "2026-09-30",
                                                          vest="MCD_VEST_SKY"))], unit="MIX-001")
    assert cli.main(["budget", "status", str(MIXED), "--ledger", str(ledger), "--at", "2025-10-02",
                     "--format", "json"]) == 0
    [year] = json.loads(capsys.readouterr().out)["sky"]["years"]
    assert (year["transferred"], year["streamed"]) == ("0", "1000000")
    assert cli.main(["budget", "status", str(MIXED), "--ledger", str(ledger), "--at", "2025-10-02"]) == 0
    [header] = [line.split() for line in capsys.readouterr().out.splitlines() if "vesting year" in line]
    assert header == ["vesting", "year", "cap", "scheduled", "transferred", "streamed", "to", "transfer", "left"]


def test_a_streamed_mkr_part_plans_on_the_mkr_treasury_vest_with_its_allowance(tmp_path):
    text = BUDGET.replace("sky:", "mkr:").replace("SKY", "MKR").replace("4,800,000", "600").replace(
        "400,000", "50").replace("2025-", "2022-").replace("2026-", "2023-")
    code, out = plan(tmp_path, budget_path(tmp_path, text), "2022-06-08")
    assert code == 0
    spell = load_spell(out)
    [planned] = spell.of_type(Stream)
    [allowance] = spell.of_type(Allowance)
    assert (planned.vest, planned.total) == ("MCD_VEST_MKR_TREASURY", Decimal(600))
    assert (allowance.vest, allowance.amount) == ("MCD_VEST_MKR_TREASURY", Decimal(600))
    assert "No ledger: as if no earlier spell had done anything for the facilitator." in out.read_text()
