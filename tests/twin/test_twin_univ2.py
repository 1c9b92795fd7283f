"""The twin's Uniswap V2 USDS/SKY pair (issue 24): a clean-room pair at UNIV2USDSSKY's mainnet address with
mainnet's storage order, revert strings and events, placed when a twin starts at a date whose ChainLog
names the key (from 2024-09-13), holding the assumed reserves, supply and PauseProxy liquidity."""
from __future__ import annotations

import pytest

from spellgen.chain.client import calldata
from spellgen.chain.rpc import RpcError
from spellgen.chain.slots import mapping_slot
from spellgen.spellfile.address import keccak256
from spellgen.spellfile.history import MAINNET
from spellgen.twin import start_twin
from spellgen.twin import state as S

PAIR, _, _ = S.UNIV2_PAIRS["UNIV2USDSSKY"]
SKY, USDS, PROXY = MAINNET["SKY"], MAINNET["USDS"], MAINNET["MCD_PAUSE_PROXY"]
R0, R1 = S.UNIV2_RESERVES["UNIV2USDSSKY"]
SUPPLY, PROXY_LP = S.UNIV2_SUPPLY["UNIV2USDSSKY"], S.UNIV2_PROXY_LP["UNIV2USDSSKY"]
DAY = "2025-02-21"
TRANSFER = "0x" + keccak256(b"Transfer(address,address,uint256)").hex()
BURN = "0x" + keccak256(b"Burn(address,uint256,uint256,address)").hex()
SYNC = "0x" + keccak256(b"Sync(uint112,uint112)").hex()


def _read(rpc, to: str, signature: str, *args) -> int:
    return int(rpc.eth_call({"to": to, "data": "0x" + calldata(signature, *args).hex()})[:66], 16)


def _send(rpc, sender: str, to: str, signature: str, *args) -> dict:
    rpc.impersonate(sender)
    return rpc.send({"from": sender, "to": to, "data": "0x" + calldata(signature, *args).hex(), "gas": hex(500_000)})


def _revert(rpc, sender: str, to: str, signature: str, *args) -> str:
    with pytest.raises(RpcError) as info:
        rpc.eth_call({"from": sender, "to": to, "data": "0x" + calldata(signature, *args).hex()})
    return str(info.value)


@pytest.fixture(scope="module")
def pair_twin():
    with start_twin(DAY) as running:
        yield running


@pytest.fixture()
def rpc(pair_twin):
    snapshot = pair_twin.rpc.call("evm_snapshot")
    yield pair_twin.rpc
    pair_twin.rpc.call("evm_revert", snapshot)


def test_the_pool_holds_the_assumed_state_in_mainnets_slots(rpc):
    assert _read(rpc, PAIR, "token0()") == int(SKY, 16) == rpc.storage(PAIR, 6)
    assert _read(rpc, PAIR, "token1()") == int(USDS, 16) == rpc.storage(PAIR, 7)
    assert _read(rpc, PAIR, "totalSupply()") == SUPPLY == rpc.storage(PAIR, 0)
    assert _read(rpc, PAIR, "balanceOf(address)", PROXY) == PROXY_LP == rpc.storage(PAIR, mapping_slot(int(PROXY, 16), 1))
    assert _read(rpc, PAIR, "factory()") == int(S.UNIV2_FACTORY, 16) == rpc.storage(PAIR, 5)
    assert rpc.storage(PAIR, 11) == 0  # kLast: no protocol fee
    word = rpc.storage(PAIR, 8)  # reserve0 | reserve1 << 112 | blockTimestampLast << 224
    assert (word & (2**112 - 1), (word >> 112) & (2**112 - 1)) == (R0, R1)
    assert _read(rpc, SKY, "balanceOf(address)", PAIR) == R0
    assert _read(rpc, USDS, "balanceOf(address)", PAIR) == R1
    assert rpc.storage(PAIR, 12) == 1  # unlocked
    assert _read(rpc, PAIR, "decimals()") == 18


def test_burn_pays_each_token_pro_rata_and_syncs(rpc):
    lp = 1_000_000 * 10**18
    _send(rpc, PROXY, PAIR, "transfer(address,uint256)", PAIR, lp)
    receipt = _send(rpc, PROXY, PAIR, "burn(address)", PROXY)
    assert int(receipt["status"], 16) == 1
    out0, out1 = lp * R0 // SUPPLY, lp * R1 // SUPPLY
    assert _read(rpc, SKY, "balanceOf(address)", PAIR) == R0 - out0
    assert _read(rpc, USDS, "balanceOf(address)", PAIR) == R1 - out1
    assert _read(rpc, PAIR, "totalSupply()") == SUPPLY - lp
    assert _read(rpc, PAIR, "balanceOf(address)", PAIR) == 0
    word = rpc.storage(PAIR, 8)
    assert (word & (2**112 - 1), (word >> 112) & (2**112 - 1)) == (R0 - out0, R1 - out1)
    block = rpc.call("eth_getBlockByNumber", receipt["blockNumber"], False)
    assert word >> 224 == int(block["timestamp"], 16) % 2**32
    topics = [log["topics"][0] for log in receipt["logs"]]
    # the pair burns, each token pays, then Sync and Burn
    assert topics == [TRANSFER, TRANSFER, TRANSFER, SYNC, BURN]
    assert receipt["logs"][0]["address"].lower() == PAIR.lower()
    assert receipt["logs"][1]["address"].lower() == SKY.lower()
    assert int(receipt["logs"][4]["topics"][2], 16) == int(PROXY, 16)  # Burn's `to`
    # price accumulators moved: time passed since the assumed last sync
    assert rpc.storage(PAIR, 9) > 0 and rpc.storage(PAIR, 10) > 0


def test_mainnets_revert_strings(rpc):
    assert "UniswapV2: INSUFFICIENT_LIQUIDITY_BURNED" in _revert(rpc, PROXY, PAIR, "burn(address)", PROXY)
    assert "ds-math-sub-underflow" in _revert(rpc, S.DEPLOYER, PAIR, "transfer(address,uint256)", PROXY, 1)
    assert "UniswapV2: FORBIDDEN" in _revert(rpc, PROXY, PAIR, "initialize(address,address)", USDS, SKY)
    rpc.set_storage(PAIR, 12, 0)
    assert "UniswapV2: LOCKED" in _revert(rpc, PROXY, PAIR, "sync()")


def test_sync_sets_the_reserves_to_the_balances(rpc):
    _send(rpc, PROXY, SKY, "transfer(address,uint256)", PAIR, 5)
    receipt = _send(rpc, PROXY, PAIR, "sync()")
    assert [log["topics"][0] for log in receipt["logs"]] == [SYNC]
    assert rpc.storage(PAIR, 8) & (2**112 - 1) == R0 + 5


def test_no_pool_before_the_key_existed():
    with start_twin("2024-09-01") as running:
        assert running.rpc.code(PAIR) in ("0x", "0x0")
