"""Assumptions in sight: every twin figure without a public source is listed in every report and counted
on the terminal; a pass that rests on one is a WARN naming it; twin spells share an address and cast hash,
and the report says why."""
import json
from pathlib import Path
from types import SimpleNamespace

from spellgen.cli import main as cli
from spellgen.cli import review as report_cli
from spellgen.review.report import RunInfo, write_reports
from spellgen.spellfile.parse import load_spell
from spellgen.twin.state import twin_assumptions, twin_figures
from spellgen.spellfile.actions.allowance import Allowance

ROOT = Path(__file__).resolve().parents[2]
TECHOPS = ROOT / "examples/techops-2022-01-28.yaml"
SKY26 = ROOT / "examples/sky-2026-01-15.yaml"
WAD = 10 ** 18


def test_the_twins_figures_say_which_have_a_public_source():
    figures = {f.name: f for f in twin_figures()}
    assert figures["the PauseProxy's SKY treasury"].assumed and figures["the PauseProxy's SKY treasury"].value == \
        "2,000,000,000 SKY"
    assert figures["the surplus buffer, vat.dai(MCD_VOW)"].value == "80,000,000 DAI"
    assert not figures["ChainLog addresses, vest caps, pause delay, award counts of the date"].assumed
    listed = twin_assumptions()
    assert "the PauseProxy's SKY treasury: 2,000,000,000 SKY" in listed
    assert any(text.startswith("the PauseProxy's SKY allowance to MCD_VEST_SKY_TREASURY before the cast") for text in listed)
    assert any(text.startswith("the contents of existing awards") for text in listed)
    assert not any("ChainLog addresses" in text for text in listed)  # public: not an assumption


def test_every_report_has_the_assumptions_box(tmp_path):
    spell = load_spell(TECHOPS)
    info = RunInfo("techops.yaml", spell.date, spell.description, "twin at 2022-01-28", "0.6.12",
                   assumptions=["the PauseProxy's MKR treasury: 84,000 MKR"], address_note="0xabc is the twin's")
    write_reports(tmp_path, info, [], spell)
    md = (tmp_path / "report.md").read_text()
    assert "## Assumptions\n\n1 figures of the twin have no public source" in md
    assert "- the PauseProxy's MKR treasury: 84,000 MKR" in md
    assert "| Same address and cast hash for every spell | 0xabc is the twin's |" in md
    html = (tmp_path / "report.html").read_text()
    assert '<section class="assumptions" id="assumptions">' in html and "<li>the PauseProxy&#39;s MKR treasury: 84,000 MKR</li>" in html
    data = json.loads((tmp_path / "report.json").read_text())
    assert data["assumptions"] == ["the PauseProxy's MKR treasury: 84,000 MKR"]
    assert data["spell_address_note"] == "0xabc is the twin's"
    # `spellgen report` casts nothing: its box says so rather than vanish.
    assert report_cli.main(["report", str(TECHOPS), "--out", str(tmp_path / "plain")]) == 0
    assert "## Assumptions\n\nNothing was cast" in (tmp_path / "plain/report.md").read_text()
    assert json.loads((tmp_path / "plain/report.json").read_text())["assumptions"] == []


def _verifier(raised: int, new_total: int, twin: bool) -> list:
    vest = "MCD_VEST_SKY_TREASURY"
    e = SimpleNamespace(allowances=[], awards=[SimpleNamespace(vest=vest, tot=new_total)])
    o = SimpleNamespace(obligations={vest: (39_000_000 * WAD, 40_000_000 * WAD, 2_000_000_000 * WAD)},
                        before=SimpleNamespace(allowance={vest: 40_000_000 * WAD - raised}),
                        after=SimpleNamespace(allowance={vest: 40_000_000 * WAD}), twin=twin,
                        new_awards={(vest, 40): SimpleNamespace(tot=new_total)})
    return Allowance.checks(e, o)  # the allowance kind's verify part


def test_an_allowance_that_suffices_only_through_the_slack_before_the_cast_fails_naming_it():
    """`increase: 1,000` for a 4,800,000 SKY stream is payable only because the allowance held more
    before: R:254 asks the spell to raise it by the new totals, so the pass would rest on slack the spell
    does not own (an assumption on the twin, another spell's on mainnet): it fails, naming both."""
    [result] = _verifier(raised=1_000 * WAD, new_total=4_800_000 * WAD, twin=True)
    assert not result.passed and result.reason == (
        "the new awards on MCD_VEST_SKY_TREASURY total 4,800,000 SKY (their tot, read from the chain), but the "
        "spell raises the allowance by 1,000 SKY; what is left is the twin's assumed allowance before the cast "
        "(what its assumed awards owed; no mainnet fact), 39,999,000 SKY, not the spell's")
    [on_fork] = _verifier(raised=1_000 * WAD, new_total=4_800_000 * WAD, twin=False)
    assert not on_fork.passed and "another spell's slack" in on_fork.reason
    [enough] = _verifier(raised=4_800_000 * WAD, new_total=4_800_000 * WAD, twin=True)
    assert enough.passed and enough.warning == ""


def test_two_spells_on_the_twin_share_an_address_and_cast_hash_and_the_report_says_why(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)
    reports = []
    for spec in (TECHOPS, SKY26):
        out = tmp_path / spec.stem
        code = cli.main(["simulate", str(spec), "--report-dir", str(out)])
        said = capsys.readouterr()
        assert code == 0, said.out + said.err  # what the run said, should it ever fail
        assert f"assumptions: {len(twin_assumptions())} figures of the twin have no public source" in said.err
        reports.append(json.loads((out / "report.json").read_text()))
    first, second = reports
    assert first["source"]["source_keccak256"] != second["source"]["source_keccak256"]
    assert first["spell"] == second["spell"] and first["cast"]["tx"] == second["cast"]["tx"]
    for data in reports:
        note = data["spell_address_note"]
        assert note.startswith(f"{data['spell']} and the cast transaction hash are the twin's, not mainnet's")
        assert "same development account at the same nonce" in note
        assert data["assumptions"] == twin_assumptions()


def test_an_allowance_the_spell_sets_itself_rests_on_no_earlier_slack():
    """`set: owed` (or an amount) replaces the allowance: a yank's release may make the rise smaller than
    the new stream (2026-02-26), which is the spell's own doing, not the earlier allowance's: no WARN."""
    vest = "MCD_VEST_SKY_TREASURY"
    e = SimpleNamespace(allowances=[SimpleNamespace(vest=vest, mode="owed", item=SimpleNamespace(label="a", path="p"),
                                                    token="SKY", wei=0)],
                        awards=[SimpleNamespace(vest=vest, tot=4_800_000 * WAD)])
    o = SimpleNamespace(obligations={vest: (39_000_000 * WAD, 39_000_000 * WAD, 2_000_000_000 * WAD)},
                        before=SimpleNamespace(allowance={vest: 38_000_000 * WAD}),
                        after=SimpleNamespace(allowance={vest: 39_000_000 * WAD}), twin=True,
                        new_awards={(vest, 40): SimpleNamespace(tot=4_800_000 * WAD)})
    results = Allowance.checks(e, o)
    assert [r.item for r in results] == ["a", f"{vest} can pay every valid award"]
    assert all(r.passed for r in results) and results[1].warning == ""
    # The same rise from an `increase` fails (the test above): the mode is what decides.
    e.allowances[0].mode = "increase"
    assert "but the spell raises the allowance by 1,000,000 SKY" in Allowance.checks(e, o)[1].reason
    # A `set` to less than the new awards' totals fails too, whatever was there before.
    e.allowances[0].mode = "set"
    o.after.allowance[vest] = 1_000_000 * WAD
    assert "above the allowance the spell sets, 1,000,000 SKY" in Allowance.checks(e, o)[1].reason
