"""A section's condition on an earlier spell (issue 23): 2021-07-16 paid the Core Units only if the
spell at PREV_SPELL had not been cast. verify casts the spell on the twin in both branches, the
earlier spell cast and not cast (the twin's setup, not the YAML's claim), and reports both verdicts."""
import re
from pathlib import Path

import pytest

from spellgen.cli import main as cli
from spellgen.render.spell import render
from spellgen.spellfile.expect import expected_from
from spellgen.spellfile.parse import load_spell

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples/core-units-2021-07-16.yaml"
PREV = "0xEC782b5aC1f0Fc096Ad30950f3348670980f7FD3"
NOT_CAST, CAST = f"PREV_SPELL ({PREV}) not cast", f"PREV_SPELL ({PREV}) cast"

pytestmark = pytest.mark.usefixtures("shared_twins")


@pytest.fixture(autouse=True)
def no_fork_url(monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)


def test_the_yaml_states_the_condition_and_each_branch_expects_its_own_items():
    spell = load_spell(EXAMPLE)
    condition = spell.sections[0].condition
    assert (condition.spell, condition.runs_if_cast, condition.name) == (PREV, False, "PREV_SPELL")
    assert spell.branches() == [frozenset(), frozenset({PREV})]
    assert expected_from(spell).dai_paid == 2_510_503 * 10**18  # not cast: the payments run
    assert expected_from(spell, frozenset({PREV})).items == []  # cast: nothing of the section


def test_rendered_as_the_spell_of_the_date_wrote_it():
    source = render(load_spell(EXAMPLE), EXAMPLE.name)
    assert "interface Doable {\n    function done() external view returns (bool);\n}" in source
    assert f"address internal constant PREV_SPELL = {PREV};" in source
    body = source[source.index("if (!Doable(PREV_SPELL).done()) {"):]
    assert body.index("sendPaymentFromSurplusBuffer(GRO_MULTISIG, 126_117);") < body.index("\n        }\n")
    assert body.count("            DssExecLib.sendPaymentFromSurplusBuffer(") == 8  # all inside the if


def test_both_branches_are_cast_and_reported(simulated):
    run = simulated(EXAMPLE)
    assert run.code == 0, run.out + run.err
    results = {r["item"]: r for r in run.report()["results"]}
    not_cast = results[f"branch {NOT_CAST}: every item of the branch passes"]
    assert not_cast["status"] == "PASS"
    assert re.fullmatch(r"PASSED: all \d+ items passed; runs: Core Unit Budget Distributions - July",
                        not_cast["evidence"])
    cast = results[f"branch {CAST}: every item of the branch passes"]
    assert cast["status"] == "PASS"
    assert re.fullmatch(r"PASSED: all \d+ items passed; skipped: Core Unit Budget Distributions - July",
                        cast["evidence"])
    paid = results[f"[{NOT_CAST}] DAI payment: 800,000 DAI to ORA_ER_MULTISIG"]
    assert paid["evidence"] == "balance 0 DAI -> 800,000 DAI"
    assert not any(item.startswith(f"[{CAST}] DAI payment") for item in results)
    assert results[f"[{NOT_CAST}] control total expect.dai_paid: 2,510,503 DAI"]["status"] == "PASS"
    section = run.report()["budget"]["sections"][0]
    assert section["condition"] == f"only if PREV_SPELL ({PREV}) was not cast"
    assert f"Core Unit Budget Distributions - July (only if PREV_SPELL ({PREV}) was not cast)" in run.text("report.md")


def test_each_branch_has_its_own_state_diff_and_permissions(simulated):
    """Not only the last branch's: the payments' changes are in the not-cast branch's diff alone."""
    run = simulated(EXAMPLE)
    diffs = {b["branch"]: b for b in run.report()["branch_diffs"]}
    assert set(diffs) == {NOT_CAST, CAST}
    paid = [c for c in diffs[NOT_CAST]["state_diff"] if "ORA_ER_MULTISIG" in c["meaning"]]
    assert paid and not [c for c in diffs[CAST]["state_diff"] if "ORA_ER_MULTISIG" in c["meaning"]]
    assert diffs[NOT_CAST]["state_diff_hash"] != diffs[CAST]["state_diff_hash"]
    for report in ("report.md", "report.html"):
        text = run.text(report)
        assert text.count(f"State diff (branch {NOT_CAST})") == 1 and text.count(f"State diff (branch {CAST})") == 1
        assert text.count(f"Permissions (branch {CAST})") == 1


def test_a_spell_that_pays_whatever_the_earlier_spell_did_fails_the_cast_branch(tmp_path, capsys):
    """Without the `if`, the spell pays in the branch where the earlier spell was cast: that branch
    fails (its state diff and events hold payments no item of that branch explains), the other passes."""
    source = render(load_spell(EXAMPLE), EXAMPLE.name)
    unconditional = re.sub(r"\n        if \(!Doable\(PREV_SPELL\)\.done\(\)\) \{\n", "\n", source)
    unconditional = unconditional.replace("800_000);\n        }\n", "800_000);\n")
    assert "done()) {" not in unconditional
    spell_file = tmp_path / "DssSpell.sol"
    spell_file.write_text(unconditional)
    code = cli.main(["verify", str(EXAMPLE), "--spell", str(spell_file), "--twin"])
    out = capsys.readouterr().out
    assert code == 1
    assert re.search(rf"FAIL  branch {re.escape(CAST)}: every item of the branch passes\n +4 item\(s\) of this "
                     "branch failed", out), out
    assert f"PASS  branch {NOT_CAST}: every item of the branch passes" in out
    for item in ("nothing else: every event", "nothing else: every changed storage slot", "payments' Vat effects",
                 "events: each action's exact ordered event sequence"):  # events, yet no action of the branch runs
        assert re.search(rf"FAIL  \[{re.escape(CAST)}\] {item}", out), item
    assert not re.search(rf"FAIL  \[{re.escape(NOT_CAST)}\]", out)


def test_on_a_fork_the_branch_is_the_one_the_chain_holds():
    """A fork cannot be set up both ways: its earlier spell's done() picks the branch, and an address that
    does not answer done() is invalid input (exit 2), never a guess."""
    from spellgen.chain.client import TxFailed
    from spellgen.errors import ExitCode, InvalidInput
    from spellgen.run import _chain_branch

    spell = load_spell(EXAMPLE)

    class Chain:
        def __init__(self, answer):
            self.answer = answer

        def call(self, address, signature):
            assert (address, signature) == (PREV, "done()(bool)")
            if isinstance(self.answer, Exception):
                raise self.answer
            return self.answer

    assert _chain_branch(spell, Chain(True)) == frozenset({PREV})
    assert _chain_branch(spell, Chain(False)) == frozenset()
    with pytest.raises(InvalidInput, match=f"the earlier spell PREV_SPELL \\({PREV}\\) does not answer done"
                       ) as raised:
        _chain_branch(spell, Chain(TxFailed("execution reverted")))
    assert raised.value.exit_code == ExitCode.INVALID
    from eth_abi.exceptions import InsufficientDataBytes

    with pytest.raises(InvalidInput, match="does not answer done"):  # no code there: nothing returned
        _chain_branch(spell, Chain(InsufficientDataBytes("no data")))
