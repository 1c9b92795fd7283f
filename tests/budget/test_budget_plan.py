"""`spellgen plan`: the actions a budget calls for at a date, with and without earlier spells."""
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from budgetfiles import (
    DAI_SPELL, MKR_SPELL, TECHOPS, TOPUP, budget_diagnostics, ledger_file, mkr, payment, stream,
)
from spellgen.cli import main as spell_cli
from spellgen.cli import budget as cli
from spellgen.budget.ledger import load_ledger
from spellgen.budget.parse import load_budget
from spellgen.budget.plan import plan_at
from spellgen.spellfile.actions import DaiPayment, MkrTransfer, Stream
from spellgen.spellfile.parse import load_spell

CAST_DAI = ("2022-01-28", payment("1,069,250") + stream("2,486,400", "2022-02-01", "2023-01-31T00:00:00Z",
                                                          vest="MCD_VEST_DAI_LEGACY"))


def plan(tmp_path, day, entries=(), budget=TECHOPS):
    ledger = load_ledger(ledger_file(tmp_path, list(entries))) if entries else None
    return plan_at(load_budget(budget), ledger, date.fromisoformat(day))


def parts(p):
    return [(part.vesting.date.isoformat(), str(part.amount)) for part in p.transfer("MKR").due]


@pytest.mark.parametrize("day, entries, total, due", [
    # The example: 2022-12-08 and 2023-06-08 vest within six months of 2022-12-09.
    ("2022-12-09", [], "385.96", [("2022-12-08", "257.31"), ("2023-06-08", "128.65")]),
    ("2022-12-09", [CAST_DAI], "385.96", [("2022-12-08", "257.31"), ("2023-06-08", "128.65")]),
    ("2023-03-08", [], "385.96", [("2022-12-08", "257.31"), ("2023-06-08", "128.65")]),
    # After the cast spell of 2022-12-09 (257.31 MKR), only 2023-06-08 is still to move.
    ("2023-03-08", [("2022-12-09", mkr("257.31"))], "128.65", [("2023-06-08", "128.65")]),
    # An earlier transfer of 300 MKR covered 42.69 of 2023-06-08's 128.65 (first in, first out).
    ("2023-03-08", [("2022-12-09", mkr("300"))], "85.96", [("2023-06-08", "85.96")]),
    ("2023-06-09", [], "514.61", [("2022-12-08", "257.31"), ("2023-06-08", "128.65"), ("2023-12-08", "128.65")]),
    ("2023-06-09", [("2022-12-09", mkr("257.31"))], "257.30", [("2023-06-08", "128.65"), ("2023-12-08", "128.65")]),
    ("2023-06-09", [("2022-12-09", mkr("385.96"))], "128.65", [("2023-12-08", "128.65")]),
    ("2024-12-09", [], "771.91", [("2022-12-08", "257.31"), ("2023-06-08", "128.65"), ("2023-12-08", "128.65"),
                                  ("2024-06-08", "128.65"), ("2024-12-08", "128.65")]),
    ("2024-12-09", [("2022-12-09", mkr("385.96")), ("2023-06-09", mkr("128.65"))], "257.30",
     [("2024-06-08", "128.65"), ("2024-12-08", "128.65")]),
    # Before the cliff's six-month horizon nothing is due.
    ("2022-06-07", [], "0", []),
    ("2022-06-08", [], "257.31", [("2022-12-08", "257.31")]),
])
def test_mkr_six_month_rule(tmp_path, day, entries, total, due):
    p = plan(tmp_path, day, entries)
    assert (str(p.transfer("MKR").total), parts(p)) == (total, due)


def test_everything_transferred_means_nothing_due(tmp_path):
    p = plan(tmp_path, "2024-12-09", [("2022-12-09", mkr("385.96")), ("2023-06-09", mkr("385.95")), CAST_DAI])
    assert p.empty


def test_ledger_entries_after_the_date_do_not_count(tmp_path):
    p = plan(tmp_path, "2022-12-09", [("2023-06-09", mkr("385.96"))])
    assert str(p.transfer("MKR").total) == "385.96"
    assert "ledger entries after 2022-12-09 are left out" in p.notes[0]


@pytest.mark.parametrize("day, entries, streamed", [
    ("2022-01-28", [], True),  # the period starts within 3 months
    ("2021-10-31", [], False),  # ... and not more than 3 months ahead
    ("2021-11-01", [], True),
    ("2022-12-09", [], True),  # current and never streamed: stream it late, from its first day
    ("2022-12-09", [CAST_DAI], False),
    ("2023-03-08", [], False),  # over: nothing left to fund
])
def test_dai_stream_of_the_budget_period(tmp_path, day, entries, streamed):
    p = plan(tmp_path, day, entries)
    assert bool(p.streams) == streamed
    if streamed:
        [s] = p.streams
        assert (s.total, s.end_text) == (Decimal(2486400), "2023-01-31T00:00:00Z")


def test_the_vest_follows_the_date(tmp_path):
    assert plan(tmp_path, "2022-01-28").streams[0].vest == "MCD_VEST_DAI"  # the first DAI vest, by that date's key
    assert plan(tmp_path, "2022-04-29").streams[0].vest == "MCD_VEST_DAI"


def run_plan(tmp_path, day, *extra, budget=TECHOPS):
    out = tmp_path / f"plan-{day}.yaml"
    code = cli.main(["plan", str(budget), "--spell-date", day, "-o", str(out), *map(str, extra)])
    return code, out


def test_planned_dai_stream_is_the_one_governance_cast(tmp_path):
    code, out = run_plan(tmp_path, "2022-01-28")
    assert code == 0
    [planned] = load_spell(out).of_type(Stream)
    [cast] = load_spell(DAI_SPELL).of_type(Stream)
    fields = ("vest", "to", "total", "start", "end", "cliff", "manager", "restricted")
    assert [getattr(planned, f) for f in fields] == [getattr(cast, f) for f in fields]


def test_with_the_top_up_stated_the_plan_is_the_dai_spell_as_cast(tmp_path):
    code, out = run_plan(tmp_path, "2022-01-28", budget=TOPUP)
    assert code == 0
    planned, cast = load_spell(out), load_spell(DAI_SPELL)
    assert [(p.to.address, p.paid) for p in planned.of_type(DaiPayment)] == \
           [(p.to.address, p.paid) for p in cast.of_type(DaiPayment)] == [(cast.wallets["TECH_001"], 1_069_250)]
    assert [(s.total, s.start, s.end) for s in planned.of_type(Stream)] == \
           [(s.total, s.start, s.end) for s in cast.of_type(Stream)]


def test_planned_mkr_transfer_against_the_cast_one(tmp_path):
    code, out = run_plan(tmp_path, "2022-12-09", "--ledger", ledger_file(tmp_path, [CAST_DAI]))
    assert code == 0
    planned = load_spell(out)
    assert planned.of_type(Stream) == []  # the ledger has the year's stream
    [transfer] = planned.of_type(MkrTransfer)
    [cast] = load_spell(MKR_SPELL).of_type(MkrTransfer)
    assert transfer.to.address == cast.to.address
    # Governance moved SP54's first vesting only; the six-month rule also takes the next one.
    assert (cast.amount, transfer.amount) == (Decimal("257.31"), Decimal("257.31") + Decimal("128.65"))
    text = out.read_text()
    assert "#   2022-12-08  257.31 MKR\n      #   2023-06-08  128.65 MKR\n" in text
    assert 'comment: "MIP40c3-SP54 vesting 2022-12-08 257.31 MKR, 2023-06-08 128.65 MKR"' in text


def test_planned_spec_passes_check_and_renders(tmp_path, capsys):
    # The 2022-12-09 Exec Doc's real hash: a placeholder such as 0x1212... fails `check` unless draft.
    real = "0xc1363d6a233492ab13d88e8bb9d9cab0033439f0817e152f0b3a4218989983ef"
    code, out = run_plan(tmp_path, "2022-12-09", "--exec-hash", real)
    assert code == 0
    assert spell_cli.main(["check", str(out)]) == 0
    captured = capsys.readouterr()
    # The budget names the auditor TECH_001, as the 2022 spells did; the registry of the date says TECH_WALLET.
    # ...and the plan is a draft: it names no executive document's URL.
    assert "ok (0 errors, 2 warnings)" in captured.err
    assert "wallets.TECH_001: warning: the wallet registry of 2022-12-09 calls " \
           "0x2dC0420A736D1F40893B9481D8968E4D7424bC0B TECH_WALLET, not TECH_001" in captured.out
    assert "spell.draft: warning: draft: not for an executive vote (placeholder hashes are allowed); it names no " \
           "exec_doc.url, so the spell has no Hash comment" in captured.out
    sol = tmp_path / "DssSpell.sol"
    assert spell_cli.main(["render", str(out), "-o", str(sol)]) == 0
    source = sol.read_text()
    assert "// MIP40c3-SP54 vesting 2022-12-08 257.31 MKR, 2023-06-08 128.65 MKR" in source
    assert "MKR.transfer(TECH_001, 385.96 ether);" in source
    # A 2022 spell cites a MIP by its bare portal page (the 2022-12-09 spell: `// https://mips.makerdao.com/
    # mips/details/MIP40c3SP54`); labelled `// MIP:` lines begin on 2023-03-29 (spec/style.py).
    assert "        // https://mips.makerdao.com/mips/details/MIP40c3SP53\n" in source
    assert "        // https://mips.makerdao.com/mips/details/MIP40c3SP54\n" in source
    assert "// MIP:" not in source


def test_a_plan_is_a_draft_until_the_crafter_names_the_document(tmp_path, capsys):
    """The planner has no executive document's URL: it writes `draft: true` and says what a vote needs.
    Without `draft`, `check` asks for exec_doc.url; with it written, the spell is for a vote."""
    real = "0xc1363d6a233492ab13d88e8bb9d9cab0033439f0817e152f0b3a4218989983ef"
    code, out = run_plan(tmp_path, "2022-12-09", "--exec-hash", real)
    assert code == 0
    text = out.read_text()
    assert "\n  draft: true\n" in text and "add\n  # `exec_doc: {url: ...}`" in text and "remove `draft`" in text
    for_vote = tmp_path / "vote.yaml"
    for_vote.write_text(text.replace("\n  draft: true\n", "\n"))
    capsys.readouterr()
    assert spell_cli.main(["check", str(for_vote)]) == 2
    assert "spell.exec_doc.url: a spell for an executive vote names the URL of its executive document" \
        in capsys.readouterr().out
    url = ("https://raw.githubusercontent.com/makerdao/community/8ef80506bda5a3115105ec227733e68b4a63430d/"
           "governance/votes/Executive%20Vote%20-%20December%209%2C%202022.md")  # the 2022-12-09 spell's
    for_vote.write_text(text.replace("\n  draft: true\n", f"\n  exec_doc: {{url: {url}}}\n"))
    assert spell_cli.main(["check", str(for_vote)]) == 0
    assert "spell.draft" not in (checked := capsys.readouterr().out) and "exec_doc" not in checked


def test_the_plan_agrees_with_its_budget_checks(tmp_path):
    ledger = ledger_file(tmp_path, [("2022-12-09", mkr("257.31"))])
    for day in ("2022-12-09", "2023-03-08", "2023-06-09", "2024-12-09"):
        code, out = run_plan(tmp_path, day, "--ledger", ledger)
        assert code == 0
        assert budget_diagnostics(out, ledger=ledger) == []


def test_placeholder_hash_is_a_warning_to_fill_in(tmp_path, capsys):
    code, out = run_plan(tmp_path, "2023-03-08")
    assert code == 0
    assert '"2023-03-08 MakerDAO Executive Spell | Hash: TBD"' in out.read_text()
    assert "spell.description: warning" in capsys.readouterr().err


def test_same_inputs_same_bytes(tmp_path):
    first = run_plan(tmp_path, "2022-12-09")[1].read_bytes()
    assert run_plan(tmp_path, "2022-12-09")[1].read_bytes() == first


def test_stdout_without_output_option(tmp_path, capsys):
    assert cli.main(["plan", str(TECHOPS), "--spell-date", "2023-03-08"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Planned by `spellgen plan` from techops.yaml for the executive spell of 2023-03-08.")
    assert "$schema" not in out  # only a file knows where the schema is


def test_nothing_due_writes_nothing_and_exits_1(tmp_path, capsys):
    code, out = run_plan(tmp_path, "2021-10-31")  # the budget period starts in more than 3 months
    assert code == 1 and not out.exists()
    assert "calls for nothing in a spell on 2021-10-31" in capsys.readouterr().err


@pytest.mark.parametrize("args, message", [
    (["--spell-date", "2023-02-29"], "--spell-date: '2023-02-29' is not a real date"),
    (["--spell-date", "2023-03-08", "--exec-hash", "0x12"], "--exec-hash: '0x12' is not 0x followed by 64"),
    (["--spell-date", "2023-03-08", "--exec-hash", "0x" + "ab" * 32], "is a placeholder"),
    (["--spell-date", "2023-03-08", "--exec-hash", "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"],
     "is the hash of nothing"),
])
def test_invalid_options_exit_2(capsys, args, message):
    assert cli.main(["plan", str(TECHOPS), *args]) == 2
    assert message in capsys.readouterr().err


def test_invalid_budget_exits_2_with_located_lines(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(TECHOPS.read_text().replace("interval: 6 months", "interval: six months"))
    assert cli.main(["plan", str(bad), "--spell-date", "2023-03-08", "-o", str(tmp_path / "p.yaml")]) == 2
    line = TECHOPS.read_text().splitlines().index("  interval: 6 months") + 1
    assert f"{bad}:{line}:13: mkr.interval: interval: 'six months' is not a length" in capsys.readouterr().err
    assert not (tmp_path / "p.yaml").exists()


def test_another_units_ledger_is_refused(tmp_path, capsys):
    ledger = ledger_file(tmp_path, [], unit="SES-001")
    assert cli.main(["plan", str(TECHOPS), "--spell-date", "2023-03-08", "--ledger", str(ledger)]) == 2
    assert "core_unit: this ledger is for SES-001, the budget for TECH-001" in capsys.readouterr().err


def test_a_plan_above_a_cap_is_refused(tmp_path, capsys):
    # An earlier payment of 100,000 DAI in June 2022 leaves no room in that month for the year's stream.
    ledger = ledger_file(tmp_path, [("2022-06-01", payment("100,000"))])
    code, out = run_plan(tmp_path, "2022-06-15", "--ledger", ledger)
    err = capsys.readouterr().err
    assert code == 2 and not out.exists()
    assert ("sections[0].actions[0].total: the monthly cap of 213,850 DAI for 2022-06 is exceeded: about 307,758.49 "
            "DAI, about 93,908.49 DAI over; earlier spells account for 100,000 DAI of it") in err
    assert "the planned spell breaks a cap of the budget; no spell YAML written" in err


def test_a_planned_stream_reads_its_budget_line_and_a_plan_entry_has_no_flow(tmp_path):
    from spellgen.budget.flows import Origin, flow_of
    from spellgen.budget.plan import PlannedStream
    from spellgen.errors import InternalError

    [s] = plan(tmp_path, "2022-01-28").streams
    assert s.budget_stream is s.period.stream and s.budget_stream.total == Decimal(2486400)
    bare = replace(s.period, stream=None)
    with pytest.raises(InternalError, match=f"budget period {bare.label}, which has none"):
        PlannedStream(s.part, bare, s.vest, s.total, s.start, s.end, s.end_text).budget_stream
    with pytest.raises(InternalError, match="counted as a flow but moves nothing"):
        flow_of(Origin("2022-01-28", "the budget's plan", s.period, True))
