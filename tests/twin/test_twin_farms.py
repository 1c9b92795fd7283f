"""The Treasury-funded farms of the twin (issue 24): VestedRewardsDistribution and its StakingRewards
farm at their mainnet addresses, placed when a twin starts at a date whose ChainLog names them."""
from __future__ import annotations

import pytest

from spellgen.chain.client import calldata
from spellgen.chain.rpc import RpcError
from spellgen.spellfile.history import MAINNET
from spellgen.twin import start_twin
from spellgen.twin import state as S
from spellgen.twin.start import farm_award

DIST = S.FARM_DISTRIBUTIONS["REWARDS_DIST_LSSKY_SKY"]
FARM = S.FARM_CONTRACTS["REWARDS_LSSKY_SKY"]
VEST = MAINNET["MCD_VEST_SKY_TREASURY"]
PROXY = MAINNET["MCD_PAUSE_PROXY"]
DAY = "2026-02-26"  # the spell that distributes award 8 before it yanks it


def _read(rpc, to: str, signature: str, *args) -> int:
    return int(rpc.eth_call({"to": to, "data": "0x" + calldata(signature, *args).hex()}), 16)


def _send(rpc, sender: str, to: str, signature: str, *args) -> dict:
    rpc.impersonate(sender)
    return rpc.send({"from": sender, "to": to, "data": "0x" + calldata(signature, *args).hex()})


def _revert(rpc, sender: str, to: str, signature: str, *args) -> str:
    with pytest.raises(RpcError) as info:
        rpc.eth_call({"from": sender, "to": to, "data": "0x" + calldata(signature, *args).hex()})
    return str(info.value)


@pytest.fixture(scope="module")
def farm_twin():
    with start_twin(DAY) as running:
        yield running


@pytest.fixture()
def rpc(farm_twin):
    snapshot = farm_twin.rpc.call("evm_snapshot")
    yield farm_twin.rpc
    farm_twin.rpc.call("evm_revert", snapshot)


def test_the_distribution_holds_the_award_the_archive_shows_last_created_for_it(rpc):
    assert farm_award("REWARDS_DIST_LSSKY_SKY", DAY) == 8
    assert _read(rpc, DIST, "vestId()") == 8
    assert rpc.storage(DIST, 1) == 8  # mainnet's order: wards, vestId, lastDistributedAt
    assert _read(rpc, VEST, "usr(uint256)", 8) == int(DIST, 16)
    assert _read(rpc, DIST, "wards(address)", PROXY) == 1
    assert _read(rpc, DIST, "wards(address)", S.DEPLOYER) == 0
    assert _read(rpc, DIST, "dssVest()") == int(VEST, 16)
    assert _read(rpc, DIST, "stakingRewards()") == int(FARM, 16)
    assert _read(rpc, DIST, "gem()") == int(MAINNET["SKY"], 16)
    assert _read(rpc, FARM, "rewardsDistribution()") == int(DIST, 16)


def test_distribute_pays_what_the_award_has_vested_and_not_paid_to_the_farm(rpc):
    unpaid = _read(rpc, VEST, "unpaid(uint256)", 8)
    rxd = _read(rpc, VEST, "rxd(uint256)", 8)
    assert unpaid > 0
    receipt = _send(rpc, PROXY, DIST, "distribute()")
    assert int(receipt["status"], 16) == 1
    assert _read(rpc, MAINNET["SKY"], "balanceOf(address)", FARM) == unpaid
    assert _read(rpc, VEST, "rxd(uint256)", 8) == rxd + unpaid
    block = rpc.call("eth_getBlockByNumber", receipt["blockNumber"], False)
    assert _read(rpc, DIST, "lastDistributedAt()") == int(block["timestamp"], 16) == rpc.storage(DIST, 2)
    assert _read(rpc, FARM, "rewardRate()") == unpaid // (7 * 86_400)
    assert _read(rpc, FARM, "periodFinish()") == int(block["timestamp"], 16) + 7 * 86_400
    # Nothing more has vested in the same block: a second call reverts, the reason for the spells' guard.
    assert "VestedRewardsDistribution/no-pending-amount" in _revert(rpc, PROXY, DIST, "distribute()")


def test_only_governance_files_the_vest_id_and_only_an_award_of_the_distribution(rpc):
    vest_id = b"vestId".ljust(32, b"\0")
    assert "VestedRewardsDistribution/not-authorized" in _revert(rpc, S.DEPLOYER, DIST, "file(bytes32,uint256)",
                                                                  vest_id, 8)
    assert "VestedRewardsDistribution/invalid-vest-usr" in _revert(rpc, PROXY, DIST, "file(bytes32,uint256)",
                                                                    vest_id, 1)
    assert "VestedRewardsDistribution/file-unrecognized-param" in _revert(
        rpc, PROXY, DIST, "file(bytes32,uint256)", b"other".ljust(32, b"\0"), 8)
    assert "Caller is not RewardsDistribution contract" in _revert(rpc, PROXY, FARM, "notifyRewardAmount(uint256)", 1)


def test_no_farm_before_its_distribution_is_in_the_chainlog():
    assert farm_award("REWARDS_DIST_LSSKY_SKY", "2025-10-30") == 0  # the spell of that day creates award 8
    with start_twin("2025-10-01") as early:
        assert early.rpc.code(DIST) in ("0x", "0x0")
        assert early.rpc.code(FARM) in ("0x", "0x0")
