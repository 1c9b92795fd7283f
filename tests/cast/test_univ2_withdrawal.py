"""Issue 24: the Uniswap V2 USDS/SKY withdrawal of 2025-02-21 (`univ2_withdrawal`), rendered as that spell's
steps, cast once on the twin (the shared `simulated` run) and verified from the pool's state before the cast."""
from pathlib import Path

import pytest

from spellgen.render.spell import render
from spellgen.spellfile.actions.univ2_withdrawal import model
from spellgen.spellfile.parse import load_spell
from spellgen.twin import state as S

ROOT = Path(__file__).resolve().parents[2]
FEB21 = ROOT / "examples/univ2-2025-02-21.yaml"
WAD = 10**18
ITEM = ("Uniswap V2 withdrawal: the PauseProxy's UNIV2USDSSKY liquidity, but 7,500,000 USDS worth, paid out in SKY "
        "and USDS")

pytestmark = pytest.mark.usefixtures("shared_twins")


@pytest.fixture(autouse=True)
def no_fork_url(monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)


def test_the_withdrawal_pays_the_pauseproxy_the_pools_share_exactly(simulated):
    """The twin's pool: 500,000,000 SKY and 30,000,000 USDS for 120,000,000 liquidity, 119,000,000 of it the
    PauseProxy's. 7,500,000 USDS is a quarter of the USDS: 30,000,000 liquidity kept, 89,000,000 burnt, paying
    89/120 of each reserve, rounded down (computed here by hand, not by the model)."""
    run = simulated(FEB21)
    assert run.code == 0, run.out + run.err
    results = {r["item"]: r for r in run.report()["results"]}
    (r0, r1), supply = S.UNIV2_RESERVES["UNIV2USDSSKY"], S.UNIV2_SUPPLY["UNIV2USDSSKY"]
    assert (r0, r1, supply, S.UNIV2_PROXY_LP["UNIV2USDSSKY"]) == (500_000_000 * WAD, 30_000_000 * WAD,
                                                                  120_000_000 * WAD, 119_000_000 * WAD)
    sky_out = 89_000_000 * WAD * 500_000_000 // 120_000_000  # 370,833,333.333... SKY, rounded down
    withdrawal = results[ITEM]
    # A WARN (the pool's figures are the twin's assumptions) is still verified: no reason to fail.
    assert withdrawal["status"] == "WARN" and withdrawal["reason"] == "", withdrawal
    assert withdrawal["evidence"] == (
        f"{89_000_000 * WAD:,} of {120_000_000 * WAD:,} liquidity burnt (the PauseProxy kept {30_000_000 * WAD:,}); "
        f"paid 370,833,333.333333333333333333 SKY and 22,250,000 USDS to the PauseProxy; reserves "
        f"{r0 - sky_out:,} / {r1 - 22_250_000 * WAD:,}")
    assert "twin's assumptions" in withdrawal["warning"]
    # Nothing else changed or was emitted: the pair's supply, balances, reserves and prices, both tokens'
    # balances, and the pair's Sync, Transfer, Burn events are all the item's.
    assert results["nothing else: every changed storage slot, balance, nonce and code is a YAML item"]["status"] == \
        "PASS"
    events = results["nothing else: every event of the cast, from any emitter, is a YAML item or the spell's own "
                     "machinery, with a state change behind it"]
    assert events["status"] == "PASS" and events["evidence"].startswith("8 log(s)")
    assert {r["status"] for item, r in results.items() if item != ITEM} == {"PASS"}
    labels = " ".join(str(change) for change in run.report()["state_diff"])
    assert "UNIV2USDSSKY" in labels and "reserves" in labels and "price0CumulativeLast" in labels


def test_it_renders_the_steps_of_the_2025_02_21_library_once():
    source = render(load_spell(FEB21), FEB21.name)
    assert source.count("function _withdrawUniV2Liquidity(address pair, uint256 usdsToLeave) internal {") == 1
    assert "        _withdrawUniV2Liquidity(UNIV2USDSSKY, 7_500_000 * WAD);\n" in source
    assert 'address internal immutable UNIV2USDSSKY = DssExecLib.getChangelogAddress("UNIV2USDSSKY");' in source
    for step in ("UniV2PoolLike(pair).sync();", "(, uint256 usdsReserve,) = UniV2PoolLike(pair).getReserves();",
                 "uint256 lpsToLeave = UniV2PoolLike(pair).totalSupply() * usdsToLeave / usdsReserve;",
                 "uint256 lpsToBurn = UniV2PoolLike(pair).balanceOf(address(this)) - lpsToLeave;",
                 "UniV2PoolLike(pair).transfer(pair, lpsToBurn);", "UniV2PoolLike(pair).burn(address(this));"):
        assert f"        {step}\n" in source, step
    assert "interface UniV2PoolLike {" in source


def test_leaving_nothing_withdraws_all_of_it(tmp_path):
    spec = tmp_path / "all.yaml"
    spec.write_text(FEB21.read_text().replace("leave: 7,500,000 USDS", "leave: 0"))
    source = render(load_spell(spec), spec.name)
    assert "        // Withdraw all of the PauseProxy's UNIV2USDSSKY liquidity, the SKY and USDS to the PauseProxy\n" \
           "        _withdrawUniV2Liquidity(UNIV2USDSSKY, 0);\n" in source


POOL = {"balance0": 500 * WAD, "balance1": 30 * WAD, "reserve0": 400 * WAD, "reserve1": 30 * WAD, "last": 1_000,
        "price0": 7, "price1": 11, "supply": 120 * WAD, "proxy_lp": 119 * WAD, "proxy0": 0, "proxy1": 0}


def test_the_model_syncs_first_then_pays_pro_rata_from_the_balances():
    m = model(POOL, 15 * WAD // 2, 1_060)
    assert m is not None and m.burnt == 89 * WAD
    assert (m.out0, m.out1) == (89 * WAD * 500 // 120, 89 * WAD * 30 // 120)
    assert (m.reserve0, m.reserve1) == (500 * WAD - m.out0, 30 * WAD - m.out1)
    # sync accumulates 60 seconds of the old reserves' prices (UQ112x112)
    assert m.price0 == 7 + (30 * WAD * 2**112 // (400 * WAD)) * 60
    assert m.price1 == 11 + (400 * WAD * 2**112 // (30 * WAD)) * 60
    # no time passed since the last update: the accumulators stay
    same = model(POOL, 0, 1_000)
    assert same is not None and (same.price0, same.price1) == (7, 11) and same.burnt == 119 * WAD


def test_the_model_says_when_the_cast_must_revert():
    assert model(POOL, 30 * WAD, 1_060) is None  # keeping more liquidity than the PauseProxy holds underflows
    assert model({**POOL, "proxy_lp": 0}, 0, 1_060) is None  # nothing to burn: INSUFFICIENT_LIQUIDITY_BURNED
    assert model({**POOL, "balance1": 0}, 0, 1_060) is None  # an empty pool: division by zero
