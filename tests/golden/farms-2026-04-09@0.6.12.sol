// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Rendered by spellgen from farms-2026-04-09.yaml: change the YAML and render again, do not edit.
//
// This program is free software: you can redistribute it and/or modify
// it under the terms of the GNU Affero General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.

pragma solidity 0.6.12;

import "dss-exec-lib/DssExec.sol";
import "dss-exec-lib/DssAction.sol";
import { GemAbstract } from "dss-interfaces/ERC/GemAbstract.sol";
import { VestAbstract } from "dss-interfaces/dss/VestAbstract.sol";

interface VestedRewardsDistributionLike {
    function distribute() external returns (uint256 amount);
    function vestId() external view returns (uint256);
    function file(bytes32 what, uint256 data) external;
}

contract DssSpellAction is DssAction {
    // Hash: cast keccak -- "$(wget 'https://raw.githubusercontent.com/sky-ecosystem/executive-votes/656d5a6d9e8041203d98823248e64d87771681d3/2026/executive-vote-2026-04-09-launch-avalanche-skylink-staking-rewards-update.md' -q -O - 2>/dev/null)"
    string public constant override description =
        "2026-04-09 MakerDAO Executive Spell | Hash: 0x0f87466f280de3544ae715fb2463152d7959c37902926f2069aaaccf10cef550";

    // Office hours on: the spell can be cast on weekdays from 14:00 to 21:00 UTC
    function officeHours() public override returns (bool) {
        return true;
    }

    uint256 internal constant WAD = 10 ** 18;

    // --- Chainlog ---
    address internal immutable MCD_VEST_SKY_TREASURY  = DssExecLib.getChangelogAddress("MCD_VEST_SKY_TREASURY");
    address internal immutable REWARDS_DIST_LSSKY_SKY = DssExecLib.getChangelogAddress("REWARDS_DIST_LSSKY_SKY");
    address internal immutable SKY                    = DssExecLib.getChangelogAddress("SKY");

    // Replace a Treasury-funded farm's vest (the steps of TreasuryFundedFarmingInit.updateFarmVest)
    function _updateFarmVest(address dist, address vest, address gem, uint256 tot, uint256 tau) internal {
        require(tot > 0 && tau > 0, "_updateFarmVest/zero-tot-or-tau");
        uint256 prev = VestedRewardsDistributionLike(dist).vestId();
        require(prev != 0, "_updateFarmVest/no-vest-id");
        // Pay the farm what the old award owes, then keep the allowance at what the awards owe
        if (VestAbstract(vest).unpaid(prev) > 0) {
            VestedRewardsDistributionLike(dist).distribute();
        }
        uint256 left = VestAbstract(vest).tot(prev) - VestAbstract(vest).rxd(prev);
        GemAbstract(gem).approve(vest, GemAbstract(gem).allowance(address(this), vest) + tot - left);
        VestAbstract(vest).yank(prev);
        // The cap: 110% of the new rate, filed only if above the cap in force
        uint256 rate = (110 * tot) / (100 * tau);
        if (rate > VestAbstract(vest).cap()) {
            VestAbstract(vest).file("cap", rate);
        }
        uint256 id = VestAbstract(vest).create(dist, tot, block.timestamp, tau, 0, address(0));
        VestAbstract(vest).restrict(id);
        VestedRewardsDistributionLike(dist).file("vestId", id);
        if (VestAbstract(vest).unpaid(id) > 0) {
            VestedRewardsDistributionLike(dist).distribute();
        }
    }

    function actions() public override {
        // ----- Staking Rewards Update -----

        // Update the REWARDS_DIST_LSSKY_SKY farm vest (TreasuryFundedFarmingInit.updateFarmVest's steps): 192,110,322 SKY from the cast for 90 days
        // Note: replaces award 10 on MCD_VEST_SKY_TREASURY, the distribution's vestId (read on chain)
        _updateFarmVest(REWARDS_DIST_LSSKY_SKY, MCD_VEST_SKY_TREASURY, SKY, 192_110_322 * WAD, 90 days);
    }
}

contract DssSpell is DssExec {
    constructor() DssExec(block.timestamp + 30 days, address(new DssSpellAction())) public {}
}
