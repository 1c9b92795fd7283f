"""Issue 25, events per action: each action's exact ordered events, as its kind declares them given the
state before the cast, no more and no fewer (spellgen/verify/sequence.py); shown in the reports and
asserted by the generated Brownie tests.

The passing cases read the shared simulations of two examples; the hostile edits are judged on the logs
an example's declarations imply, edited (no cast), and once end to end on a hand-written spell."""
from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from spellgen.render.spell import render
from spellgen.spellfile.expect import expected_from
from spellgen.spellfile.history import chainlog_at
from spellgen.spellfile.parse import load_spell
from spellgen.spellfile.testplan import numbered_tests
from spellgen.verify.sequence import SEQUENCE_ITEM, Binder, Logged, check_sequences, declared_steps
from tests.violations import assert_violation, run_cli

ROOT = Path(__file__).resolve().parents[2]
TECHOPS = ROOT / "examples/techops-2022-12-09.yaml"  # an MKR transfer
SKY = ROOT / "examples/sky-2026-01-15.yaml"  # allowances, yanks and USDS payments
USDS_PAYMENT = [("MCD_VAT", "LogNote(suck)"), ("MCD_VAT", "LogNote(move)"), ("DAI", "Transfer"),
                ("MCD_JOIN_DAI", "LogNote(exit)"), ("DAI", "Approval"), ("DAI", "Transfer"), ("MCD_VAT", "LogNote(move)"),
                ("DAI", "Transfer"), ("MCD_JOIN_DAI", "LogNote(join)"), ("MCD_VAT", "LogNote(move)"), ("USDS", "Transfer"),
                ("USDS_JOIN", "Exit"), ("DAI_USDS", "DaiToUsds")]


# --- the shared simulations: every action's sequence passes, and the reports show it ---------------

def test_the_mkr_transfer_era_example_emits_its_one_transfer(simulated):
    run = simulated(TECHOPS)
    report = run.report()
    result = next(r for r in report["results"] if r["item"] == SEQUENCE_ITEM)
    assert result["status"] == "PASS" and result["evidence"].startswith("1 event(s) of 1 action(s)")
    [segment] = report["event_sequences"]
    assert segment["passed"] and segment["path"] == "sections[0].actions[0]"
    assert segment["expected"] == [{"emitter": "MKR", "event": "Transfer"}]
    [event] = segment["events"]
    assert (event["n"], event["emitter"], event["event"]) == (1, "MKR", "Transfer")
    assert event["args"] == "src: MCD_PAUSE_PROXY, dst: TECH_001, wad: 257.31 MKR"
    md = run.text("report.md")
    assert "## Events per action" in md and "### 1. MKR transfer: 257.31 MKR to TECH_001 (sections[0].actions[0]): PASS" in md
    assert "| 1 | MKR | `Transfer` | src: MCD_PAUSE_PROXY, dst: TECH_001, wad: 257.31 MKR |" in md
    html = run.text("report.html")
    assert '<h2 id="events-per-action">Events per action</h2>' in html and "<code>Transfer</code>" in html


def test_the_usds_era_example_emits_each_payments_thirteen_events_in_order(simulated):
    run = simulated(SKY)
    report = run.report()
    assert next(r for r in report["results"] if r["item"] == SEQUENCE_ITEM)["status"] == "PASS"
    segments = report["event_sequences"]
    assert [s["path"] for s in segments] == [f"sections[{i}].actions[{j}]" for i, j in
                                             ((0, 0), (0, 1), (1, 0), (1, 1), *((2, k) for k in range(6)))]
    assert all(s["passed"] and not s["problems"] for s in segments)
    assert [(e["emitter"], e["event"]) for e in segments[0]["events"]] == [("SKY", "Approval")]
    assert [(e["emitter"], e["event"]) for e in segments[1]["events"]] == [("MCD_VEST_SKY_TREASURY", "Yank")]
    for payment in segments[4:]:  # no hope: the PauseProxy could already move DAI into the join before the cast
        assert [(e["emitter"], e["event"]) for e in payment["events"]] == USDS_PAYMENT
    aegis = segments[4]["events"]
    assert aegis[0]["args"] == "MCD_VOW, MCD_PAUSE_PROXY, 4,000 DAI (RAD); called by MCD_PAUSE_PROXY"
    assert aegis[10]["args"] == "src: 0x0000000000000000000000000000000000000000, dst: AEGIS_D, wad: 4,000 USDS"
    assert "| 13 | DAI_USDS | `DaiToUsds` |" in run.text("report.md")


# --- hostile edits of the logs the declarations imply (no cast) --------------------------------------

@pytest.fixture(scope="module")
def sky():
    """The example's expected model, a binder from its date's chainlog, and the logs a faithful cast emits."""
    spell = load_spell(SKY)
    e = expected_from(spell)
    bind = Binder(chainlog_at(spell.date), {})
    before = SimpleNamespace(vat_can=1, caps={}, awards={})
    done: set = set()
    logs = [Logged(0, next(iter(step.addresses)), step.emitter, step.key, "")
            for plan in e.event_plans for step in declared_steps(plan, before, 0, bind, done).expected]
    return e, bind, before, [replace(log, index=i) for i, log in enumerate(logs)]


def test_a_faithful_cast_passes_in_the_yamls_order(sky):
    e, bind, before, logs = sky
    segments, reordered = check_sequences(e, before, 0, logs, bind)
    assert not reordered and all(not s.problems for s in segments) and len(segments) == 10
    assert [len(s.observed) for s in segments] == [1, 1, 1, 1] + [13] * 6


def test_an_extra_approval_inside_a_payment_is_named(sky):
    e, bind, before, logs = sky
    at = 4 + 13 + 5  # after the second payment's own approval
    extra = replace(logs[at - 1], args="src: MCD_PAUSE_PROXY, guy: DAI_USDS, wad: 1 DAI")
    segments, _ = check_sequences(e, before, 0, logs[:at] + [extra] + logs[at:], bind)
    failed = [s for s in segments if s.problems]
    assert [s.plan.item.label for s in failed] == ["USDS payment: 4,000 USDS to BLUE"]
    [problem] = failed[0].problems  # one of its two approvals (either is the extra one) at its place
    assert re.fullmatch(r"event [56] of USDS payment: 4,000 USDS to BLUE: expected none, observed DAI Approval "
                        r"\(.*\) from DAI \(an extra event\)", problem), problem


def test_two_events_swapped_inside_an_action_are_named(sky):
    e, bind, before, logs = sky
    edited = list(logs)
    edited[8], edited[9] = edited[9], edited[8]  # the first payment's DAI Approval and its DAI Transfer
    segments, reordered = check_sequences(e, before, 0, edited, bind)
    problems = [p for s in segments for p in s.problems]
    assert not reordered and problems and all(p.startswith("event ") and "USDS payment: 4,000 USDS to AEGIS_D" in p
                                              for p in problems)
    assert any("expected DAI Approval(proxy, DAI_USDS), observed DAI Transfer" in p or
               "expected DAI Transfer(proxy, DAI_USDS), observed DAI Approval" in p or "(missing)" in p
               for p in problems), problems


def test_a_missing_event_is_named_with_the_event_expected(sky):
    e, bind, before, logs = sky
    segments, _ = check_sequences(e, before, 0, logs[:-1], bind)  # the last payment's DaiToUsds
    assert segments[-1].problems == ["event 13 of USDS payment: 1,032 USDS to SKY_STAKING: expected DAI_USDS "
                                     "DaiToUsds, observed none (missing)"]


def test_a_hand_written_spell_ordering_the_actions_otherwise_passes(sky):
    """Whole actions in another order (the yanks before the allowances) is a spell's choice, not an error."""
    e, bind, before, logs = sky
    edited = [logs[1], logs[0], logs[3], logs[2], *logs[4:]]
    segments, reordered = check_sequences(e, before, 0, edited, bind)
    assert reordered and all(not s.problems for s in segments)
    assert [s.plan.kind for s in segments[:4]] == ["yank", "allowance", "yank", "allowance"]


def test_an_extra_event_in_a_spell_that_orders_the_actions_otherwise_is_named_in_its_action(sky):
    e, bind, before, logs = sky
    at = 4 + 13 + 5
    edited = [logs[1], logs[0], *logs[2:at], logs[at - 1], *logs[at:]]  # the yank first, and a second approval
    segments, reordered = check_sequences(e, before, 0, edited, bind)
    assert reordered and [s.plan.item.label for s in segments if s.problems] == ["USDS payment: 4,000 USDS to BLUE"]


def test_dssexeclibs_hope_belongs_to_the_first_payment_when_the_chain_needs_it(sky):
    e, bind, _, _ = sky
    fresh = SimpleNamespace(vat_can=0, caps={}, awards={})
    done: set = set()
    payments = [declared_steps(plan, fresh, 0, bind, done) for plan in e.event_plans if plan.kind == "usds_payment"]
    assert payments[0].first_use and [s.key for s in payments[0].expected[:3]] == \
        ["LogNote(suck)", "LogNote(hope)", "LogNote(move)"]
    assert not any(p.first_use for p in payments[1:]) and all(len(p.expected) == 13 for p in payments[1:])


# --- the generated Brownie tests assert the sequences ------------------------------------------------

def test_the_generated_brownie_module_asserts_each_actions_events_in_order():
    spell = load_spell(SKY)
    tests = [t for t in numbered_tests(spell, expected_from(spell)) if t.name.split("_")[2:4] == ["events", "of"]]
    assert len(tests) == 10 and tests[0].name.startswith("test_11_events_of_allowance")
    payment = tests[4].body
    assert 'events = cast.action_events("sections[2].actions[0]")' in payment
    assert '        ("USDS_JOIN", "Exit"),\n        ("DAI_USDS", "DaiToUsds"),\n    ]' in payment
    assert 'expected[1:1] = [("MCD_VAT", "LogNote(hope)")]' in payment
    assert payment.rstrip().endswith("assert events.observed == expected  # (emitter, event), no more and no fewer")


# --- end to end: a hand-written spell with a second transfer inside the action -------------------------

def test_a_second_transfer_inside_the_action_fails_the_order_check_named(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)
    source = render(load_spell(TECHOPS), TECHOPS.name)
    statement = "MKR.transfer(TECH_001, 257.31 ether);"
    assert statement in source
    spell_file = tmp_path / "DssSpell.sol"
    spell_file.write_text(source.replace(statement, statement + " MKR.transfer(TECH_001, 0);", 1))
    code, out = run_cli(["verify", TECHOPS, "--spell", spell_file, "--report-dir", tmp_path / "r"], capsys)
    assert_violation(code, out, exit_code=1, message="event 2 of MKR transfer: 257.31 MKR to TECH_001: expected none, "
                     "observed MKR Transfer (src: MCD_PAUSE_PROXY, dst: TECH_001, "
                     "wad: 0) from MKR (an extra event)")
    report = json.loads((tmp_path / "r" / "report.json").read_text())
    [segment] = report["event_sequences"]
    assert not segment["passed"] and [e["event"] for e in segment["events"]] == ["Transfer", "Transfer"]
    assert "**event 2 of MKR transfer" in (tmp_path / "r" / "report.md").read_text()
