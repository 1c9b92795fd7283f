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


ENGINE = "0xCe01C90dE7FD1bcFa39e237FE6D8D9F569e8A6a3"  # LOCKSTAKE_ENGINE
JOB = "0x6464C34A02DD155dd0c630CE233DD6e21C24F9A5"  # CRON_REWARDS_DIST_JOB
LSSKY = "0xf9A9cfD3229E985B91F99Bc866d42938044FFa1C"  # LOCKSTAKE_SKY


def test_an_initialised_lockstake_farm_is_listed_by_the_engine_and_the_keeper_job(rpc):
    # As the 2025-10-30 init left them: the farm ACTIVE (1) in the engine, the distribution every 7 days - 1 hour.
    assert _read(rpc, ENGINE, "farms(address)", FARM) == 1
    assert _read(rpc, ENGINE, "lssky()") == int(LSSKY, 16)
    assert _read(rpc, JOB, "intervals(address)", DIST) == 7 * 86_400 - 3_600
    assert rpc.storage(JOB, 0) == 0  # mappings only: nothing at slot 0 itself
    for contract in (ENGINE, JOB):
        assert _read(rpc, contract, "wards(address)", PROXY) == 1
        assert _read(rpc, contract, "wards(address)", S.DEPLOYER) == 0
    # The USDS->SKY farm stakes USDS: no engine listing.
    assert _read(rpc, ENGINE, "farms(address)", S.FARM_CONTRACTS["REWARDS_USDS_SKY"]) == 0


@pytest.fixture(scope="module")
def init_twin():
    """The twin of the lsSKY farm's init: deployed, not yet initialised or registered."""
    with start_twin("2025-10-30") as running:
        yield running


def test_before_its_init_the_farm_is_deployed_but_wired_to_nothing(init_twin):
    rpc = init_twin.rpc
    assert _read(rpc, DIST, "vestId()") == 0
    assert _read(rpc, FARM, "rewardsDistribution()") == 0
    assert _read(rpc, FARM, "owner()") == int(PROXY, 16)
    assert _read(rpc, FARM, "stakingToken()") == int(LSSKY, 16)
    assert _read(rpc, DIST, "wards(address)", PROXY) == 1
    assert _read(rpc, ENGINE, "farms(address)", FARM) == 0
    assert _read(rpc, JOB, "intervals(address)", DIST) == 0
    # What initLockstakeFarm requires holds: the engine's lsSKY is the farm's staking token.
    assert _read(rpc, ENGINE, "lssky()") == _read(rpc, FARM, "stakingToken()")


def test_the_init_steps_wire_the_farm_and_only_governance_may_take_them(init_twin):
    rpc = init_twin.rpc
    snapshot = rpc.call("evm_snapshot")
    try:
        assert "Only the contract owner may perform this action" in _revert(
            rpc, S.DEPLOYER, FARM, "setRewardsDistribution(address)", DIST)
        assert "LockstakeEngine/not-authorized" in _revert(rpc, S.DEPLOYER, ENGINE, "addFarm(address)", FARM)
        assert "VestedRewardsDistributionJob/not-authorized" in _revert(rpc, S.DEPLOYER, JOB, "set(address,uint256)",
                                                                        DIST, 1)
        assert "VestedRewardsDistributionJob/invalid-interval" in _revert(rpc, PROXY, JOB, "set(address,uint256)",
                                                                          DIST, 0)
        assert "VestedRewardsDistributionJob/not-found" in _revert(rpc, PROXY, JOB, "rem(address)", DIST)
        _send(rpc, PROXY, FARM, "setRewardsDistribution(address)", DIST)
        assert _read(rpc, FARM, "rewardsDistribution()") == int(DIST, 16) == rpc.storage(FARM, 1)
        _send(rpc, PROXY, ENGINE, "addFarm(address)", FARM)
        assert _read(rpc, ENGINE, "farms(address)", FARM) == 1
        _send(rpc, PROXY, ENGINE, "delFarm(address)", FARM)
        assert _read(rpc, ENGINE, "farms(address)", FARM) == 2  # DELETED
        _send(rpc, PROXY, JOB, "set(address,uint256)", DIST, 601_200)
        assert _read(rpc, JOB, "intervals(address)", DIST) == 601_200
        _send(rpc, PROXY, JOB, "rem(address)", DIST)
        assert _read(rpc, JOB, "intervals(address)", DIST) == 0
    finally:
        rpc.call("evm_revert", snapshot)
