"""Source rules added by issue 22, each from the day it entered the checklist (spellfile/style.py), each
proven on both sides of its date and by `verify` on a hand-edited 2026 spell (exit 1, the finding named)."""
from pathlib import Path
from datetime import date, timedelta

import pytest

from spellgen.render.spell import render
from spellgen.spellfile.parse import load_spell
from spellgen.verify.source import review_source
from violations import assert_violation, run_cli

ROOT = Path(__file__).resolve().parents[2]
EVERY26 = ROOT / "examples/every-action-2026.yaml"
VEST_SKY_TREASURY = "0x67eaDb3288cceDe034cE95b0511DCc65cf630bB6"  # the ChainLog's MCD_VEST_SKY_TREASURY
VEST_DAI = "0xa4c22f0e25C6630B2017979AcF1f865e94695C4b"  # the ChainLog's MCD_VEST_DAI (2021 on)


def snippet(day: str, body: str = "", declarations: str = "", head: str = "", pragma: str = "0.8.16") -> str:
    """A small hand-written spell of `day` (its description states the date)."""
    return ("// SPDX-License-Identifier: AGPL-3.0-or-later\n"
            f"pragma solidity {pragma};\n"
            f"{head}"
            "contract DssSpellAction {\n"
            f'    string public constant override description = "{day} MakerDAO Executive Spell | Hash: 0x01";\n'
            f"{declarations}"
            "    function actions() public {\n"
            f"{body}"
            "    }\n}\n")


STREAM = ("        VestAbstract(MCD_VEST_DAI).restrict(VestAbstract(MCD_VEST_DAI).create(TECH, 1_000 * WAD, "
          "{bgn}, {fin} - {bgn}, 0, address(0)));\n")
CLIFF_DECL = "    uint256 internal constant CLIFF_DATE = 1775001600; // 2026-04-01 00:00:00 UTC\n" \
             "    uint256 internal constant MAR_31_2027 = 1806537599; // 2027-03-31 23:59:59 UTC\n"
IMPORT = 'import { VestAbstract } from "dss-interfaces/dss/VestAbstract.sol";\n'

RULES = [
    # (rule, first day, snippet keywords, the finding)
    ("the exact pragma", "2023-01-01", {"pragma": "^0.8.0"}, "`pragma solidity ^0.8.0;`: spells target solc 0.8.16 "
                                                             "exactly"),
    ("a ChainLog address as a constant", "2023-04-15",
     {"declarations": f"    address internal constant VEST = {VEST_DAI};\n"},
     f"VEST = {VEST_DAI} is the ChainLog's MCD_VEST_DAI"),
    ("a stream time not named MMM_DD_YYYY", "2024-01-25",
     {"declarations": CLIFF_DECL, "body": STREAM.format(bgn="CLIFF_DATE", fin="MAR_31_2027"), "head": IMPORT},
     "CLIFF_DATE is a stream time (2026-04-01 00:00:00 UTC) not named MMM_DD_YYYY (APR_01_2026)"),
    ("an unused interface", "2024-01-25", {"head": "interface UnusedLike {\n    function foo() external;\n}\n"},
     "interface UnusedLike is never used"),
    ("an unused dss-interfaces import", "2024-01-25", {"head": IMPORT}, "interface VestAbstract is never used"),
    ("a local copy of a dss-interfaces interface", "2024-01-25",
     {"head": "interface VestLike {\n    function yank(uint256) external;\n}\n",
      "body": "        VestLike(MCD_VEST_DAI).yank(3);\n"},
     "interface VestLike is declared here, but dss-interfaces has VestAbstract: import it"),
]


@pytest.mark.parametrize("rule, first_day, parts, problem", RULES, ids=[r[0] for r in RULES])
def test_each_rule_applies_from_its_date(rule, first_day, parts, problem):
    """The day before, the same text passes the rule; from its first day it fails on its line."""
    day_before = (date.fromisoformat(first_day) - timedelta(days=1)).isoformat()
    assert not [f for f in review_source(snippet(day_before, **parts)) if problem in f.problem]
    found = [f for f in review_source(snippet(first_day, **parts)) if problem in f.problem]
    assert len(found) == 1 and not found[0].warning, review_source(snippet(first_day, **parts))
    # The YAML's date (verify passes it) overrides the description's.
    assert [f for f in review_source(snippet(day_before, **parts), date=first_day) if problem in f.problem]


def test_a_chainlog_address_outside_the_budgets_contracts_only_warns():
    """The archive hard-codes many ChainLog addresses (`SPARK_PROXY` in 49 spells of 2023-26): only the
    budget's own contracts (vests, tokens, the PauseProxy...) fail."""
    spark = "0x3300f198988e4C9C63F75dF86De36421f06af8c4"
    [found] = review_source(snippet("2026-01-15", declarations=f"    address internal constant SPARK_PROXY = {spark};\n"))
    assert found.warning and "is the ChainLog's SPARK_SUBPROXY" in found.problem


def test_a_key_the_spell_adds_may_be_a_constant():
    """A ChainLog key registered on the spell's own day is the spell's new contract (R:321): not judged
    that day; from the next day a constant holding it fails."""
    from spellgen.spellfile import history

    first = min(e.since for e in history.key_entries() if e.key == "MCD_VEST_SKY_TREASURY" and e.since)
    constant = f"    address internal constant VEST = {VEST_SKY_TREASURY};\n"
    assert not [f for f in review_source(snippet(first, declarations=constant)) if "is the ChainLog's" in f.problem]
    next_day = (date.fromisoformat(first) + timedelta(days=1)).isoformat()
    [found] = [f for f in review_source(snippet(next_day, declarations=constant)) if "is the ChainLog's" in f.problem]
    assert not found.warning


def test_spellgens_own_render_of_every_example_passes_the_new_rules():
    for spec in sorted((ROOT / "examples").glob("*.yaml")) + sorted((ROOT / "tests/spells").glob("*.yaml")):
        source = render(load_spell(spec), spec.name)
        assert not [f for f in review_source(source, date=load_spell(spec).date)
                    if any(k in f.problem for k in ("pragma", "ChainLog's", "stream time", "interface"))], spec


def test_the_hand_written_spells_pass_the_new_rules():
    for sol in [ROOT / "tests/handwritten/treasury-2023-08-02.sol", ROOT / "tests/realspells/2025-03-01-DssSpell/DssSpell.sol"]:
        assert not [f for f in review_source(sol.read_text()) if not f.warning
                    and any(k in f.problem for k in ("pragma", "ChainLog's", "stream time", "interface"))], sol


# --- verify on a hand-edited 2026 spell: exit 1 and the finding named --------------------------------------

EDITS = {
    "pragma": [("pragma solidity 0.8.16;", "pragma solidity ^0.8.0;")],
    "chainlog constant": [('address internal immutable MCD_VEST_SKY_TREASURY = DssExecLib.getChangelogAddress('
                           '"MCD_VEST_SKY_TREASURY");',
                           f"address internal constant MCD_VEST_SKY_TREASURY = {VEST_SKY_TREASURY};")],
    "stream time name": [("APR_01_2026", "STREAM_START")],
    "copied interface": [("interface DaiUsdsLike {", "interface VatLike {\n    function suck(address, address, uint256) "
                                                      "external;\n}\n\ninterface DaiUsdsLike {")],
}


@pytest.fixture(autouse=True)
def no_fork_url(monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)


def _verify_edited(name: str, tmp_path: Path, capsys) -> tuple[int, str]:
    source = render(load_spell(EVERY26), EVERY26.name)
    for old, new in EDITS[name]:
        assert old in source, old
        source = source.replace(old, new)
    spell = tmp_path / "DssSpell.sol"
    spell.write_text(source)
    return run_cli(["verify", EVERY26, "--spell", spell, "--report-dir", tmp_path], capsys)


def test_verify_fails_a_2026_spell_with_a_caret_pragma(tmp_path, capsys):
    """R:18: `pragma solidity ^0.8.0;` in a 2026 spell passed all 49 items."""
    code, out = _verify_edited("pragma", tmp_path, capsys)
    assert_violation(code, out, exit_code=1, message="re:FAIL  source DssSpell.sol:\\d+: `pragma solidity \\^0\\.8\\.0;`: "
                                                     "spells target solc 0.8.16 exactly")


def test_verify_fails_a_budget_contract_held_as_a_constant(tmp_path, capsys):
    """R:324: the treasury vest hard-coded instead of read from the ChainLog."""
    code, out = _verify_edited("chainlog constant", tmp_path, capsys)
    assert_violation(code, out, exit_code=1, message="re:FAIL  source DssSpell.sol:\\d+: MCD_VEST_SKY_TREASURY = "
                                                     "0x67eaDb3288cceDe034cE95b0511DCc65cf630bB6 is the ChainLog's "
                                                     "MCD_VEST_SKY_TREASURY: read it from the ChainLog")


def test_verify_fails_a_stream_time_not_named_for_its_day(tmp_path, capsys):
    """R:91: a timestamp constant `STREAM_START` instead of `APR_01_2026`."""
    code, out = _verify_edited("stream time name", tmp_path, capsys)
    assert_violation(code, out, exit_code=1, message="re:FAIL  source DssSpell.sol:\\d+: STREAM_START is a stream "
                                                     "time \\(2026-04-01 00:00:00 UTC\\) not named MMM_DD_YYYY "
                                                     "\\(APR_01_2026\\)")


def test_verify_fails_a_local_copy_of_a_dss_interfaces_interface(tmp_path, capsys):
    """R:53-61: `interface VatLike` declared (and unused) where the house style imports VatAbstract."""
    code, out = _verify_edited("copied interface", tmp_path, capsys)
    assert_violation(code, out, exit_code=1, message="re:FAIL  source DssSpell.sol:\\d+: interface VatLike is declared "
                                                     "here, but dss-interfaces has VatAbstract: import it")
    assert "interface VatLike is never used" in out
