// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Rendered by spellgen from farm-init-2025-10-30.yaml: change the YAML and render again, do not edit.
//
// This program is free software: you can redistribute it and/or modify
// it under the terms of the GNU Affero General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.

pragma solidity 0.8.16;

import "dss-exec-lib/DssExec.sol";
import "dss-exec-lib/DssAction.sol";
import { GemAbstract } from "dss-interfaces/ERC/GemAbstract.sol";
import { VestAbstract } from "dss-interfaces/dss/VestAbstract.sol";

interface VestedRewardsDistributionLike {
    function distribute() external returns (uint256 amount);
    function vestId() external view returns (uint256);
    function file(bytes32 what, uint256 data) external;
}

interface StakingRewardsLike {
    function rewardsDistribution() external view returns (address);
    function setRewardsDistribution(address _rewardsDistribution) external;
}

interface VestedRewardsDistributionJobLike {
    function set(address dist, uint256 interval) external;
}

interface LockstakeEngineLike {
    function lssky() external view returns (address);
    function addFarm(address farm) external;
}

contract DssSpellAction is DssAction {
    // Hash: cast keccak -- "$(wget 'https://raw.githubusercontent.com/sky-ecosystem/executive-votes/13a79eba7f9097edfa7edefe09c1960cadeabffb/2025/executive-vote-2025-10-30-init-kicker-lsSKY-farm-and-spark-starguard.md' -q -O - 2>/dev/null)"
    string public constant override description =
        "2025-10-30 MakerDAO Executive Spell | Hash: 0x41a766455e748305c194c9c5ce3d1d81005e32f893fe6ac89b105be4663c7a1c";

    // Office hours on: the spell can be cast on weekdays from 14:00 to 21:00 UTC
    function officeHours() public pure override returns (bool) {
        return true;
    }

    uint256 internal constant WAD = 10 ** 18;

    // --- Chainlog ---
    address internal constant REWARDS_LSSKY_SKY      = 0xB44C2Fb4181D7Cb06bdFf34A46FdFe4a259B40Fc;
    address internal constant REWARDS_DIST_LSSKY_SKY = 0x675671A8756dDb69F7254AFB030865388Ef699Ee;
    address internal immutable CRON_REWARDS_DIST_JOB = DssExecLib.getChangelogAddress("CRON_REWARDS_DIST_JOB");
    address internal immutable LOCKSTAKE_ENGINE      = DssExecLib.getChangelogAddress("LOCKSTAKE_ENGINE");
    address internal immutable LOCKSTAKE_SKY         = DssExecLib.getChangelogAddress("LOCKSTAKE_SKY");
    address internal immutable MCD_VEST_SKY_TREASURY = DssExecLib.getChangelogAddress("MCD_VEST_SKY_TREASURY");
    address internal immutable SKY                   = DssExecLib.getChangelogAddress("SKY");

    // Initialise a Treasury-funded farm (the steps of TreasuryFundedFarmingInit.initFarm)
    function _initFarm(address rewards, address dist, address vest, address gem, address job, uint256 interval, uint256 tot, uint256 bgn, uint256 tau) internal {
        require(StakingRewardsLike(rewards).rewardsDistribution() == address(0), "_initFarm/rewards-distribution-already-set");
        require(VestedRewardsDistributionLike(dist).vestId() == 0, "_initFarm/dist-vest-id-already-set");
        StakingRewardsLike(rewards).setRewardsDistribution(dist);
        GemAbstract(gem).approve(vest, GemAbstract(gem).allowance(address(this), vest) + tot);
        // The cap: 110% of the new rate, filed only if above the cap in force
        uint256 rate = (110 * (tot / tau)) / 100;
        if (rate > VestAbstract(vest).cap()) {
            VestAbstract(vest).file("cap", rate);
        }
        uint256 id = VestAbstract(vest).create(dist, tot, bgn, tau, 0, address(0));
        VestAbstract(vest).restrict(id);
        VestedRewardsDistributionLike(dist).file("vestId", id);
        if (VestAbstract(vest).unpaid(id) > 0) {
            VestedRewardsDistributionLike(dist).distribute();
        }
        VestedRewardsDistributionJobLike(job).set(dist, interval);
    }

    function actions() public override {
        // ----- Initialize lsSKY->SKY Farm -----

        // Initialize the REWARDS_LSSKY_SKY farm (TreasuryFundedFarmingInit.initLockstakeFarm's steps) with the following parameters:
        // rewards: 0xB44C2Fb4181D7Cb06bdFf34A46FdFe4a259B40Fc, dist: 0x675671A8756dDb69F7254AFB030865388Ef699Ee, stakingToken: LOCKSTAKE_SKY from chainlog
        // distJob: CRON_REWARDS_DIST_JOB from chainlog, distJobInterval: 7 days - 1 hours
        // vest: MCD_VEST_SKY_TREASURY from chainlog, vestTot: 1,000,000,000 SKY, vestBgn: block.timestamp - 7 days, vestTau: 180 days
        require(LockstakeEngineLike(LOCKSTAKE_ENGINE).lssky() == LOCKSTAKE_SKY, "_initFarm/staking-token-not-lssky");
        _initFarm(REWARDS_LSSKY_SKY, REWARDS_DIST_LSSKY_SKY, MCD_VEST_SKY_TREASURY, SKY, CRON_REWARDS_DIST_JOB, 7 days - 1 hours, 1_000_000_000 * WAD, block.timestamp - 7 days, 180 days);

        // Add REWARDS_LSSKY_SKY (0xB44C2Fb4181D7Cb06bdFf34A46FdFe4a259B40Fc) to chainlog under REWARDS_LSSKY_SKY
        DssExecLib.setChangelogAddress("REWARDS_LSSKY_SKY", REWARDS_LSSKY_SKY);

        // Add REWARDS_DIST_LSSKY_SKY (0x675671A8756dDb69F7254AFB030865388Ef699Ee) to chainlog under REWARDS_DIST_LSSKY_SKY
        DssExecLib.setChangelogAddress("REWARDS_DIST_LSSKY_SKY", REWARDS_DIST_LSSKY_SKY);

        // Add REWARDS_LSSKY_SKY to the farms of LOCKSTAKE_ENGINE
        LockstakeEngineLike(LOCKSTAKE_ENGINE).addFarm(REWARDS_LSSKY_SKY);

        // Note: Bump chainlog patch version as new keys are being added
        DssExecLib.setChangelogVersion("1.20.7");
    }
}

contract DssSpell is DssExec {
    constructor() DssExec(block.timestamp + 30 days, address(new DssSpellAction())) {}
}
