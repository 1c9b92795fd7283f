"""Issue 24: the "Unwind SBE liquidity" section of 2025-02-21 whole: the Uniswap V2 withdrawal and the USDS it
yielded returned to the surplus buffer (`surplus_return` with `amount: withdrawn`), rendered as that spell wrote
it, cast once on the twin (the shared `simulated` run) and verified from the pool's state before the cast. The
hostile variants and bad inputs need no cast."""
from pathlib import Path
from types import SimpleNamespace

import pytest

from spellgen.spellfile.actions.surplus_return import SurplusReturn
from spellgen.spellfile.diagnostics import Diagnostics
from spellgen.spellfile.expect import expected_from
from spellgen.spellfile.parse import load_spell
from spellgen.twin import state as S
from tests.violations import assert_violation, run_cli, write_spell

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "tests/spells/univ2-return-2025-02-21.yaml"
WAD, RAY = 10**18, 10**27
PROXY = "0xBE8E3e3618f7474F8cB1d074A26afFef007E98FB"
RETURN = "return to the surplus buffer: the USDS withdrawn of the PauseProxy"
# The twin's pool: 30,000,000 USDS for 120,000,000 liquidity, 119,000,000 the PauseProxy's; keeping 7,500,000
# USDS worth keeps 30,000,000 liquidity and burns 89,000,000, paying 89/120 of the USDS (by hand, not the model).
YIELD = 89_000_000 * WAD * 30_000_000 // 120_000_000

pytestmark = pytest.mark.usefixtures("shared_twins")


@pytest.fixture(autouse=True)
def no_fork_url(monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)


def test_the_yield_is_joined_to_the_vow_and_the_pauseproxy_keeps_its_usds(simulated):
    assert S.UNIV2_RESERVES["UNIV2USDSSKY"][1] == 30_000_000 * WAD and YIELD == 22_250_000 * WAD
    run = simulated(SPEC)
    assert run.code == 0, run.out + run.err
    results = {r["item"]: r for r in run.report()["results"]}
    swept = results[RETURN]
    # The amount is the pool's figure (the withdrawal's item names that assumption): a PASS of its own.
    assert swept["status"] == "PASS", swept
    assert f"vat.dai(MCD_VOW) +{YIELD * RAY:,} rad" in swept["evidence"]
    assert "PauseProxy USDS 0 USDS -> 0 USDS" in swept["evidence"]  # paid in by the pool, joined out
    withdrawal = next(r for item, r in results.items() if item.startswith("Uniswap V2 withdrawal"))
    assert withdrawal["status"] == "WARN" and withdrawal["reason"] == "", withdrawal
    assert "paid 370,833,333.333333333333333333 SKY and 22,250,000 USDS to the PauseProxy" in withdrawal["evidence"]
    events = results["events: each action's exact ordered event sequence, as its kind declares it, no more and "
                     "no fewer"]
    assert events["status"] == "PASS" and events["evidence"].startswith("11 event(s) of 2 action(s)")
    others = {item: r["status"] for item, r in results.items() if not item.startswith("Uniswap V2 withdrawal")}
    assert set(others.values()) == {"PASS"}, others
    labels = " ".join(str(change) for change in run.report()["state_diff"])
    assert RETURN in labels and "USDS" in labels


def test_it_renders_the_section_as_2025_02_21_wrote_it(capsys):
    code, out = run_cli(["render", SPEC], capsys)
    assert code == 0, out
    section = out[out.index("// ----- Unwind SBE liquidity -----"):]
    assert ("        // Note: Save Usds amount before withdraw\n"
            "        uint256 pProxyUsdsPrev = USDS.balanceOf(address(this));\n\n"
            "        // Withdraw the PauseProxy's UNIV2USDSSKY liquidity but 7,500,000 USDS worth") in section
    assert ("        _withdrawUniV2Liquidity(UNIV2USDSSKY, 7_500_000 * WAD);\n\n"
            "        // Note: Calculate the amount of Usds withdrawn\n"
            "        uint256 withdrawnUsdsAmount = USDS.balanceOf(address(this)) - pProxyUsdsPrev;\n\n"
            "        // Sweep USDS returned by the SBE from the PauseProxy to the Surplus Buffer\n"
            "        // Note: instruction is done in multiple actions below\n\n"
            "        // Note: Approve UsdsJoin for the amount returned\n"
            "        USDS.approve(USDS_JOIN, withdrawnUsdsAmount);\n\n"
            "        // Note: Move Usds to surplus buffer\n"
            "        UsdsJoinLike(USDS_JOIN).join(MCD_VOW, withdrawnUsdsAmount);\n") in section


def _pool() -> dict[str, int]:
    (r0, r1), supply = S.UNIV2_RESERVES["UNIV2USDSSKY"], S.UNIV2_SUPPLY["UNIV2USDSSKY"]
    return {"balance0": r0, "balance1": r1, "reserve0": r0, "reserve1": r1, "last": 0, "price0": 0, "price1": 0,
            "supply": supply, "proxy_lp": S.UNIV2_PROXY_LP["UNIV2USDSSKY"], "proxy0": 0, "proxy1": 0}


def _observed(held: int, vow_rise: int, proxy_after: int, supply_fall: int) -> SimpleNamespace:
    key = ("USDS", PROXY.lower())
    before = SimpleNamespace(held={key: held}, supply={"USDS": 10**9 * WAD}, vow_dai=0, pools={"UNIV2USDSSKY": _pool()})
    after = SimpleNamespace(held={key: proxy_after}, supply={"USDS": 10**9 * WAD - supply_fall}, vow_dai=vow_rise)
    return SimpleNamespace(addresses={"MCD_PAUSE_PROXY": PROXY}, before=before, after=after, twin=False)


def test_a_hostile_spell_returning_the_whole_balance_fails_the_return_by_name():
    """The PauseProxy held 1,000 USDS before: a spell joining its whole balance, not the yield, moves 1,000
    USDS more to the Vow than the pool paid; verify's figure is the pool's, not the balance's."""
    expected = expected_from(load_spell(SPEC, Diagnostics(str(SPEC))))
    held = 1_000 * WAD
    [good] = SurplusReturn.checks(expected, _observed(held, YIELD * RAY, held, YIELD))
    assert good.passed and good.item == RETURN, good
    [hostile] = SurplusReturn.checks(expected, _observed(held, (YIELD + held) * RAY, 0, YIELD + held))
    assert not hostile.passed and hostile.item == RETURN
    assert "vat.dai(MCD_VOW) rise (rad)" in hostile.reason and f"{YIELD * RAY:,}" in hostile.reason
    [unread] = SurplusReturn.checks(expected, SimpleNamespace(
        addresses={"MCD_PAUSE_PROXY": PROXY}, after=_observed(held, 0, held, 0).after,
        before=SimpleNamespace(**{**vars(_observed(held, 0, held, 0).before), "pools": {}})))
    assert not unread.passed and "the withdrawal's yield is unknown" in unread.reason


WITHDRAWAL = "      - type: univ2_withdrawal\n        pair: UNIV2USDSSKY\n        leave: 7,500,000 USDS\n"


def _without_withdrawal(tmp_path: Path) -> Path:
    return write_spell(tmp_path, SPEC.read_text().replace(WITHDRAWAL, ""))


def test_withdrawn_needs_a_withdrawal_before_it_in_its_section(tmp_path, capsys):
    path = _without_withdrawal(tmp_path)
    code, out = run_cli(["check", path], capsys)
    line = path.read_text().splitlines().index("        amount: withdrawn") + 1
    assert_violation(code, out, exit_code=2, message="`withdrawn`: no Uniswap V2 withdrawal (univ2_withdrawal) "
                                                     "before this return in its section")
    assert f":{line}:" in out
    after = SPEC.read_text().replace(WITHDRAWAL, "") + WITHDRAWAL  # stated after the return: refused too
    code, out = run_cli(["check", write_spell(tmp_path, after)], capsys)
    assert_violation(code, out, exit_code=2, message="no Uniswap V2 withdrawal (univ2_withdrawal) before this return")


def test_withdrawn_dai_and_another_usds_outflow_are_refused_and_located(tmp_path, capsys):
    dai = write_spell(tmp_path, SPEC.read_text().replace("token: USDS", "token: DAI"))
    code, out = run_cli(["check", dai], capsys)
    assert_violation(code, out, exit_code=2, message="`withdrawn`: the UNIV2USDSSKY withdrawal (line 28) pays SKY "
                                                     "and USDS, not DAI")
    assert ":32:" in out  # the return's token line
    again = SPEC.read_text() + "      - {type: surplus_return, token: USDS, amount: 1000}\n"
    code, out = run_cli(["check", write_spell(tmp_path, again)], capsys)
    assert_violation(code, out, exit_code=2, message="`withdrawn` and another return of USDS (line 34) in one spell")
    assert ":33:" in out  # the `withdrawn` line
    burn = SPEC.read_text() + "      - {type: burn, token: USDS, amount: 1000}\n"
    code, out = run_cli(["check", write_spell(tmp_path, burn)], capsys)
    assert_violation(code, out, exit_code=2, message="`withdrawn` and another statement taking the PauseProxy's "
                                                     "USDS (line 34) in one spell")


def test_the_foundry_file_asserts_the_return_in_the_withdrawal_test(tmp_path, capsys):
    """testUnwindSurplusBuffer asserts the PauseProxy's USDS where it was and the Vow's dai up by the pool's
    pay-out (`forge test` of it passes on the twin and fails a spell joining 1 wei less: run by hand)."""
    from spellgen.cli import main as cli

    out = tmp_path / "test" / "Budget.t.sol"
    assert cli.main(["foundry-test", str(SPEC), "-o", str(out)]) == 0
    assert "no Foundry test is written" not in capsys.readouterr().err
    unwind = out.read_text()
    unwind = unwind[unwind.index("function testUnwindSurplusBuffer() public {"):]
    assert unwind.index('uint256 vowDai = VatLike(_addr("MCD_VAT")).dai(_addr("MCD_VOW"));') < \
        unwind.index("_vote(address(spell));")
    assert '_assertEq(_balance(_addr("USDS"), _addr("MCD_PAUSE_PROXY")), b[5], "USDS of the PauseProxy, paid in ' \
           'and returned: ' in unwind
    assert '_assertEq(VatLike(_addr("MCD_VAT")).dai(_addr("MCD_VOW")), vowDai + burnt * b[3] / b[1] * 10**27, ' in unwind
    assert "b[5] + burnt * b[3] / b[1]" not in unwind  # the PauseProxy does not keep the USDS


def test_the_brownie_test_computes_the_yield_from_the_pool_by_hand(capsys):
    from spellgen.cli import main as cli

    assert cli.main(["brownie-test", str(SPEC)]) == 0
    text = capsys.readouterr().out
    assert ('    burnt = pool["proxy_lp"] - pool["supply"] * 7_500_000_000_000_000_000_000_000 // pool["balance1"]\n'
            '    amount = burnt * pool["balance1"] // pool["supply"]  # the USDS the withdrawal paid\n'
            "    assert cast.after.vow_dai - cast.before.vow_dai == amount * 10**27, ITEM") in text
