"""`spellgen ledger add`: one entry per spell, built from its YAML, idempotent, written atomically."""
import shutil

import pytest

from budgetfiles import (
    AUDITOR, DAI_SPELL, MKR_SPELL, TECHOPS, TECHOPS_LEDGER, file_diagnostics, ledger_file, mkr, spell_file,
)
from spellgen.spellfile import timeutil
from spellgen.cli import budget as cli
from spellgen.budget.ledger import dump_ledger, load_ledger
from spellgen.spellfile.actions import DaiPayment, MkrTransfer, Stream


def add(spec, ledger, *extra):
    return cli.main(["ledger", "add", str(spec), "--ledger", str(ledger), *map(str, extra)])


def test_building_the_example_ledger_from_the_two_spells(tmp_path):
    ledger = tmp_path / "ledger.yaml"
    assert add(DAI_SPELL, ledger, "--budget", TECHOPS) == 0
    assert add(MKR_SPELL, ledger) == 0  # the ledger remembers its budget
    loaded = load_ledger(ledger)
    assert loaded.unit_id == "TECH-001" and loaded.wallets == {"TECH_001": AUDITOR}
    first, second = loaded.entries
    # Each spell is cited by its date and description (which carries the executive document's hash).
    assert (first.date, first.description) == ("2022-01-28", "2022-01-28 MakerDAO Executive Spell | Hash: "
                                               "0x1284f085ea8cd00b52464a5191e1975b5e1b53fcfe3daa1434bd37348fbeaf9f")
    assert first.source.endswith("examples/techops-2022-01-28.yaml")
    [pay], [s] = [a for a in first.actions if isinstance(a, DaiPayment)], [a for a in first.actions
                                                                         if isinstance(a, Stream)]
    assert pay.paid == 1_069_250
    # The stream keeps its exact seconds: the 2022 spell ended it at 00:00:00 of the last day.
    assert (timeutil.iso(s.start), timeutil.iso(s.end), str(s.total), s.vest) == (
        "2022-02-01 00:00:00 UTC", "2023-01-31 00:00:00 UTC", "2486400", "MCD_VEST_DAI")
    [transfer] = second.actions
    assert isinstance(transfer, MkrTransfer) and str(transfer.amount) == "257.31"


def test_the_committed_example_ledger_is_what_ledger_add_writes(tmp_path):
    copy = tmp_path / "examples/budgets"
    copy.mkdir(parents=True)
    shutil.copy(TECHOPS, copy / "techops.yaml")
    ledger = copy / "techops-ledger.yaml"
    specs = tmp_path / "examples"
    for spec in (DAI_SPELL, MKR_SPELL):
        shutil.copy(spec, specs / spec.name)
        assert add(specs / spec.name, ledger, "--budget", copy / "techops.yaml") == 0
    # Outside the project there is no schema to point editors at; the rest is byte for byte the same.
    header = "# yaml-language-server: $schema=../../schema/ledger.schema.json\n#\n"
    assert header + ledger.read_text() == TECHOPS_LEDGER.read_text()


def test_reading_and_writing_again_gives_the_same_bytes():
    ledger = load_ledger(TECHOPS_LEDGER)
    assert dump_ledger(ledger, "../../schema/ledger.schema.json") == TECHOPS_LEDGER.read_text()


def test_adding_a_spell_twice_is_a_no_op(tmp_path, capsys):
    ledger = tmp_path / "ledger.yaml"
    shutil.copy(TECHOPS_LEDGER, ledger)
    before = ledger.read_bytes()
    assert add(MKR_SPELL, ledger, "--budget", TECHOPS) == 0
    assert "already in" in capsys.readouterr().err and ledger.read_bytes() == before


def test_the_same_spell_with_other_actions_is_refused(tmp_path, capsys):
    ledger = tmp_path / "ledger.yaml"
    shutil.copy(TECHOPS_LEDGER, ledger)
    before = ledger.read_bytes()
    changed = tmp_path / "changed.yaml"
    changed.write_text(MKR_SPELL.read_text().replace("amount: 257.31", "amount: 385.96").replace(
        "mkr_transferred: 257.31", "mkr_transferred: 385.96"))
    assert add(changed, ledger, "--budget", TECHOPS) == 1
    assert "already in the ledger with different actions" in capsys.readouterr().err
    assert ledger.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["changed.yaml", "ledger.yaml"]  # no temporary left


def test_an_invalid_spell_changes_nothing(tmp_path, capsys):
    ledger = tmp_path / "ledger.yaml"
    shutil.copy(TECHOPS_LEDGER, ledger)
    before = ledger.read_bytes()
    bad = spell_file(tmp_path, "2023-06-09", mkr("-1"))
    assert add(bad, ledger) == 2
    assert "sections[0].actions[0].amount" in capsys.readouterr().err
    assert ledger.read_bytes() == before


def test_only_the_units_actions_are_recorded(tmp_path, capsys):
    ledger = tmp_path / "ledger.yaml"
    spec = spell_file(tmp_path, "2023-06-09", mkr("128.65") + mkr("10", to="SES_001"))
    assert add(spec, ledger, "--budget", TECHOPS) == 0
    [entry] = load_ledger(ledger).entries
    assert [(a.to.address, str(a.amount)) for a in entry.actions] == [(AUDITOR, "128.65")]


def test_a_spell_with_nothing_for_the_unit_is_not_recorded(tmp_path, capsys):
    ledger = tmp_path / "ledger.yaml"
    spec = spell_file(tmp_path, "2023-06-09", mkr("10", to="SES_001"))
    assert add(spec, ledger, "--budget", TECHOPS) == 0
    assert "does nothing for TECH-001's wallets" in capsys.readouterr().err and not ledger.exists()


def test_a_new_ledger_needs_its_budget(tmp_path, capsys):
    assert add(MKR_SPELL, tmp_path / "ledger.yaml") == 2
    assert "give --budget to start it" in capsys.readouterr().err


def test_entries_stay_in_date_order(tmp_path):
    ledger = tmp_path / "ledger.yaml"
    assert add(MKR_SPELL, ledger, "--budget", TECHOPS) == 0
    assert add(DAI_SPELL, ledger) == 0
    assert [e.date for e in load_ledger(ledger).entries] == ["2022-01-28", "2022-12-09"]


def diagnose(tmp_path, text):
    return [(d.line, d.path, d.message) for d in file_diagnostics(tmp_path, text, load_ledger, "ledger.yaml")]


@pytest.mark.parametrize("old, new, path, message", [
    ("to: TECH_001\n        amount: 257.31", "to: TECH_002\n        amount: 257.31", "spells[1].actions[0].to",
     "unknown wallet 'TECH_002'; did you mean 'TECH_001'?"),
    ("type: mkr_transfer", "type: yank", "spells[1].actions[0].type",
     "a ledger records dai_payment, usds_payment, mkr_transfer, sky_transfer, stream; 'yank' is not one of them"),
    ("  - date: 2022-12-09", "  - date: 2022-12-32", "spells[1].date", "not a real date"),
    ("amount: 257.31", "amount: 257.31 DAI", "spells[1].actions[0].amount", "written in DAI"),
])
def test_located_ledger_errors(tmp_path, old, new, path, message):
    text = TECHOPS_LEDGER.read_text()
    assert old in text
    found = diagnose(tmp_path, text.replace(old, new))
    assert [(p, message in m) for _, p, m in found] == [(path, True)], found
    assert found[0][0] == text.replace(old, new).splitlines().index(
        next(line for line in text.replace(old, new).splitlines() if new.split("\n")[0].strip() in line)) + 1


def test_a_spell_recorded_twice_by_hand_is_an_error(tmp_path):
    ledger = ledger_file(tmp_path, [("2022-12-09", mkr("257.31")), ("2022-12-09", mkr("257.31"))])
    found = diagnose(tmp_path, ledger.read_text())
    assert len(found) == 1 and "the spell of 2022-12-09 is recorded twice" in found[0][2]
