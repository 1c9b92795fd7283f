// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Rendered by spellgen from farms-2026-02-26.yaml: change the YAML and render again, do not edit.
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
}

contract DssSpellAction is DssAction {
    // Hash: cast keccak -- "$(wget 'https://raw.githubusercontent.com/sky-ecosystem/executive-votes/f4c6fc80ce4bd80d8b92d4c15ba4c8a777cf7bc7/2026/executive-vote-2026-02-26-agent-6-and-7-onboarding.md' -q -O - 2>/dev/null)"
    string public constant override description =
        "2026-02-26 MakerDAO Executive Spell | Hash: 0xe6c1aa41d3fb26840ab8fa6cbc7e0248d17635c438843437659ab4e36fc7bb79";

    // Office hours on: the spell can be cast on weekdays from 14:00 to 21:00 UTC
    function officeHours() public override returns (bool) {
        return true;
    }

    uint256 internal constant WAD = 10 ** 18;

    // --- Chainlog ---
    address internal immutable MCD_VEST_SKY_TREASURY  = DssExecLib.getChangelogAddress("MCD_VEST_SKY_TREASURY");
    address internal immutable REWARDS_DIST_LSSKY_SKY = DssExecLib.getChangelogAddress("REWARDS_DIST_LSSKY_SKY");
    address internal immutable SKY                    = DssExecLib.getChangelogAddress("SKY");

    // What the awards of a vest still owe: the sum of tot - rxd (zero for an award paid in full or yanked)
    function _owed(address vest) internal view returns (uint256 owed) {
        uint256 count = VestAbstract(vest).ids();
        for (uint256 id = 1; id <= count; id++) {
            owed += VestAbstract(vest).tot(id) - VestAbstract(vest).rxd(id);
        }
    }

    function actions() public override {
        // ----- LSSKY->SKY Vesting Stream Adjustment -----
        // Forum: https://forum.sky.money/t/lssky-to-sky-rewards-sky-rewards-for-sky-stakers-normalization-configuration/27721/2
        // Atlas: https://sky-atlas.io/#A.4.4.1.4.2.1.3.3

        // Call VestedRewardsDistribution.distribute() on REWARDS_DIST_LSSKY_SKY
        // Note: distribute() reverts when nothing is owed, so only if award 8 on MCD_VEST_SKY_TREASURY has unpaid tokens
        if (VestAbstract(MCD_VEST_SKY_TREASURY).unpaid(8) > 0) {
            VestedRewardsDistributionLike(REWARDS_DIST_LSSKY_SKY).distribute();
        }

        // REWARDS_DIST_LSSKY_SKY | from: block.timestamp | tau: 180 days | 838,182,330 SKY | 0x675671A8756dDb69F7254AFB030865388Ef699Ee | Cliff: none | Restricted: Yes
        VestAbstract(MCD_VEST_SKY_TREASURY).restrict(
            VestAbstract(MCD_VEST_SKY_TREASURY).create(
                REWARDS_DIST_LSSKY_SKY, // usr
                838_182_330 * WAD,      // tot
                block.timestamp,        // bgn: the cast
                180 days,               // tau: 180 days
                0,                      // eta: no cliff
                address(0)              // mgr: none
            )
        );

        // Yank SKY stream ID 8 on MCD_VEST_SKY_TREASURY
        VestAbstract(MCD_VEST_SKY_TREASURY).yank(8);

        // Set the PauseProxy's SKY allowance to MCD_VEST_SKY_TREASURY to what its valid awards still owe (the sum of tot - rxd)
        GemAbstract(SKY).approve(MCD_VEST_SKY_TREASURY, _owed(MCD_VEST_SKY_TREASURY));
    }
}

contract DssSpell is DssExec {
    constructor() DssExec(block.timestamp + 30 days, address(new DssSpellAction())) public {}
}
