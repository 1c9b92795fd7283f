"""Issue 24: the PauseProxy's holdings of tokens other than the budget tokens (WETH, the UniV2 USDS-SKY LP,
COMP, USDC, and that spell's ENS and stkAAVE by their address constants and AAVE), sent as the 2025-08-21
spell sent them, cast once on the twin and verified from their facts
(spellgen/spellfile/data/held_tokens.tsv); hostile YAMLs (another amount) are compared with the same
observation, so they cost no cast."""
import json
from pathlib import Path

import pytest

from spellgen.cli import main as cli
from spellgen.spellfile.expect import expected_from
from spellgen.spellfile.parse import load_spell
from spellgen.verify import compare

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "tests/spells/held-tokens-2025-08-21.yaml"
WETH = "PauseProxy transfer: all WETH to SKY_FRONTIER_FOUNDATION"
LP = "PauseProxy transfer: all UNIV2USDSSKY to SKY_FRONTIER_FOUNDATION"
COMP = "PauseProxy transfer: all COMP but 2,000 to SKY_FRONTIER_FOUNDATION"
USDC = "PauseProxy transfer: 1,000.5 USDC to ECOSYSTEM"
ENS = "PauseProxy transfer: all ENS to SKY_FRONTIER_FOUNDATION"
STAAVE = "PauseProxy transfer: all stkAAVE to SKY_FRONTIER_FOUNDATION"
AAVE = "PauseProxy transfer: all AAVE to SKY_FRONTIER_FOUNDATION"


@pytest.fixture(scope="module")
def cast(tmp_path_factory):
    """`spellgen simulate` of the spec, once: its exit code, report and the (expected, observation) verify
    compared, kept to compare other YAMLs with the same cast."""
    seen: list = []
    original = compare.verify

    def keep(expected, obs, control, *rest):
        seen.append(obs)
        return original(expected, obs, control, *rest)

    folder = tmp_path_factory.mktemp("held-tokens")
    patch = pytest.MonkeyPatch()
    patch.setattr(compare, "verify", keep)
    patch.delenv("ETH_RPC_URL", raising=False)
    try:
        code = cli.main(["simulate", str(SPEC), "--report-dir", str(folder)])
    finally:
        patch.undo()
    report = json.loads((folder / "report.json").read_text())
    return code, report, seen[-1]


def _results(report: dict) -> dict:
    return {r["item"]: r for r in report["results"]}


def test_held_tokens_are_cast_and_verified_from_their_facts(cast):
    code, report, _ = cast
    results = _results(report)
    assert code == 0 and report["summary"]["failed"] == 0
    # The balances read at the cast rest on the twin's assumed holdings: a WARN each, still verified.
    assert {item for item, r in results.items() if r["status"] == "WARN"} == {WETH, LP, COMP, ENS, STAAVE, AAVE}
    assert results[COMP]["warning"] == ("the amount read at the cast rests on the twin's assumed PauseProxy COMP "
                                        "holding, 12,000 COMP before the cast (no mainnet fact)")
    assert results[COMP]["evidence"] == "PauseProxy COMP before the cast 12,000 COMP; balance 0 COMP -> 10,000 COMP"
    assert results[WETH]["evidence"] == "PauseProxy WETH before the cast 250 WETH; balance 0 WETH -> 250 WETH"
    # USDC has 6 decimals: 1,000.5 USDC is 1_000_500_000 units, shown as USDC.
    assert results[USDC]["status"] == "PASS"
    assert results[USDC]["evidence"] == "PauseProxy USDC before the cast 1,500,000 USDC; balance 0 USDC -> 1,000.5 USDC"
    assert results["treasury: PauseProxy USDC -1,000.5 USDC"]["evidence"] == \
        "PauseProxy USDC 1,500,000 USDC -> 1,498,999.5 USDC"
    assert results["treasury: PauseProxy COMP -10,000 COMP"]["status"] == "PASS"
    assert results["treasury: PauseProxy UNIV2USDSSKY -119,000,000 UNIV2USDSSKY"]["status"] == "PASS"
    # The comments name each token's address (as 2025-08-21's did), read as the token's, not the payee's.
    assert not [item for item, r in results.items() if item.startswith("source ") and r["status"] != "PASS"]


def test_tokens_named_by_address_constant_are_cast_and_verified(cast):
    """ENS and stkAAVE (in the chainlog only after that spell) by their address constants, AAVE
    by its key: each balance moved whole, at its family's mainnet slot (AAVE's and stkAAVE's packed word)."""
    code, report, observation = cast
    results = _results(report)
    assert code == 0
    assert results[ENS]["evidence"] == "PauseProxy ENS before the cast 30,000 ENS; balance 0 ENS -> 30,000 ENS"
    assert results[STAAVE]["evidence"] == \
        "PauseProxy stkAAVE before the cast 2,500 stkAAVE; balance 0 stkAAVE -> 2,500 stkAAVE"
    assert results[AAVE]["evidence"] == "PauseProxy AAVE before the cast 4,000 AAVE; balance 0 AAVE -> 4,000 AAVE"
    for item in ("treasury: PauseProxy ENS -30,000 ENS", "treasury: PauseProxy stkAAVE -2,500 stkAAVE",
                 "treasury: PauseProxy AAVE -4,000 AAVE"):
        assert results[item]["status"] == "PASS", item
    # The spell named ENS and stkAAVE at their addresses, read from no chainlog key (the date's has neither).
    assert observation.addresses["ENS"] == "0xC18360217D8F7Ab5e7c516566761Ea12Ce7F9D72"
    assert observation.addresses["STAAVE"] == "0x4da27a545c0c5B758a6BA100e3a049001de870f5"
    rows = {(row["contract"], row["meaning"]): row for row in report["state_diff"]}
    for token, item in (("ENS", ENS), ("STAAVE", STAAVE), ("AAVE", AAVE)):
        assert rows[(token, "balanceOf[MCD_PAUSE_PROXY]")]["verdict"] == "explained", token
        assert rows[(token, "balanceOf[SKY_FRONTIER_FOUNDATION]")]["item"] == item, token


def test_held_tokens_state_diff_names_each_balance_and_their_transfers_are_explained(cast):
    _, report, _ = cast
    results = _results(report)
    assert results["nothing else: every changed storage slot, balance, nonce and code is a YAML item"]["status"] == "PASS"
    assert results["nothing else: every event of the cast, from any emitter, is a YAML item or the spell's own "
                   "machinery, with a state change behind it"]["status"] == "PASS"
    rows = {(row["contract"], row["meaning"]): row for row in report["state_diff"]}
    for token in ("ETH", "UNIV2USDSSKY", "COMP", "USDC"):
        assert rows[(token, "balanceOf[MCD_PAUSE_PROXY]")]["verdict"] == "explained", token
    usdc = rows[("USDC", "balanceOf[ECOSYSTEM]")]
    assert (usdc["new_raw"], usdc["new"]) == ("1000500000", "1,000.5 USDC (1,000,500,000 units)")
    assert usdc["item"] == USDC
    comp = rows[("COMP", "balanceOf[SKY_FRONTIER_FOUNDATION]")]
    assert int(comp["new_raw"]) == 10_000 * 10**18 and comp["item"] == COMP


def _hostile(tmp_path: Path, observation, old: str, new: str) -> list:
    """The spec with one amount changed, compared with the cast of the spec (no cast of its own)."""
    text = SPEC.read_text()
    assert text.count(old) == 1
    path = tmp_path / SPEC.name
    path.write_text(text.replace(old, new))
    return compare.verify(expected_from(load_spell(path)), observation, {})


@pytest.mark.parametrize("old, new, item", [
    ("amount: 1,000.5\n", "amount: 1,000.25\n", "PauseProxy transfer: 1,000.25 USDC to ECOSYSTEM"),
    ("amount: balance - 2,000\n", "amount: balance - 1,000\n",
     "PauseProxy transfer: all COMP but 1,000 to SKY_FRONTIER_FOUNDATION"),
    ("0x4da27a545c0c5B758a6BA100e3a049001de870f5}\n        to: SKY_FRONTIER_FOUNDATION\n        amount: balance\n",
     "0x4da27a545c0c5B758a6BA100e3a049001de870f5}\n        to: SKY_FRONTIER_FOUNDATION\n        amount: balance - 1\n",
     "PauseProxy transfer: all stkAAVE but 1 to SKY_FRONTIER_FOUNDATION"),
])
def test_a_wrong_held_token_amount_fails_by_name(cast, tmp_path, old, new, item):
    results = _hostile(tmp_path, cast[2], old, new)
    failed = {r.item: r for r in results if not r.passed}
    assert item in failed, sorted(failed)
    assert "received: expected" in failed[item].reason
    # The same YAML as cast passes on the same observation: the failure is the amount's.
    assert all(r.passed for r in compare.verify(expected_from(load_spell(SPEC)), cast[2], {})
               if r.item in (USDC, COMP))


def test_tokens_named_by_address_are_rendered_as_2025_08_21_wrote_them(tmp_path):
    """An address constant each, once, in the file's order; no chainlog read for them (no cast needed)."""
    out = tmp_path / "DssSpell.sol"
    assert cli.main(["render", str(SPEC), "-o", str(out)]) == 0
    source = out.read_text()
    ens = "address internal constant ENS           = 0xC18360217D8F7Ab5e7c516566761Ea12Ce7F9D72;"
    staave = "address internal constant STAAVE        = 0x4da27a545c0c5B758a6BA100e3a049001de870f5;"
    assert source.count(ens) == 1 and source.count(staave) == 1 and source.index(ens) < source.index(staave)
    assert 'getChangelogAddress("ENS")' not in source and 'getChangelogAddress("STAAVE")' not in source
    assert 'address internal immutable AAVE         = DssExecLib.getChangelogAddress("AAVE");' in source
    assert ("        // Transfer all stkAAVE (0x4da27a545c0c5B758a6BA100e3a049001de870f5) held in the Pause Proxy to "
            "0xca5183FB9997046fbd9bA8113139bf5a5Af122A0\n"
            "        GemAbstract(STAAVE).transfer(SKY_FRONTIER_FOUNDATION, "
            "GemAbstract(STAAVE).balanceOf(address(this)));\n") in source
