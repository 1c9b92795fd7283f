// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Rendered by spellgen from sky-2025-10-30.yaml: change the YAML and render again, do not edit.
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

contract DssSpellAction is DssAction {
    string public constant override description =
        "2025-10-30 MakerDAO Executive Spell | Hash: 0x0000000000000000000000000000000000000000000000000000000000000000";

    // Office hours on: the spell can be cast on weekdays from 14:00 to 21:00 UTC
    function officeHours() public override returns (bool) {
        return true;
    }

    uint256 internal constant WAD = 10 ** 18;

    // --- Wallets ---
    address internal constant REWARDS_DIST_LSSKY_SKY = 0x675671A8756dDb69F7254AFB030865388Ef699Ee;

    // --- Chainlog ---
    address internal immutable MCD_VEST_SKY_TREASURY = DssExecLib.getChangelogAddress("MCD_VEST_SKY_TREASURY");
    address internal immutable SKY                   = DssExecLib.getChangelogAddress("SKY");

    function actions() public override {
        // ----- Initialize lsSKY->SKY Farm -----
        // Forum: https://forum.sky.money/t/technical-scope-lssky-sky-farm/27312
        // Poll: https://vote.sky.money/polling/Qmbs7wEM

        // Increase the PauseProxy's SKY allowance to MCD_VEST_SKY_TREASURY by the new streams' total: 1,000,000,000 SKY
        GemAbstract(SKY).approve(MCD_VEST_SKY_TREASURY, GemAbstract(SKY).allowance(address(this), MCD_VEST_SKY_TREASURY) + 1_000_000_000 * WAD);

        // Raise the MCD_VEST_SKY_TREASURY rate cap to 1,100,000,000 SKY per 180 days, only if that is above the cap in force
        {
            uint256 newCap = 1_100_000_000 * WAD / 180 days;
            // Note: a cap in force at or above it is kept
            if (newCap > VestAbstract(MCD_VEST_SKY_TREASURY).cap()) {
                VestAbstract(MCD_VEST_SKY_TREASURY).file("cap", newCap);
            }
        }

        // REWARDS_DIST_LSSKY_SKY | from: block.timestamp - 7 days | tau: 180 days | 1,000,000,000 SKY | 0x675671A8756dDb69F7254AFB030865388Ef699Ee | Cliff: none | Restricted: Yes
        VestAbstract(MCD_VEST_SKY_TREASURY).restrict(
            VestAbstract(MCD_VEST_SKY_TREASURY).create(
                REWARDS_DIST_LSSKY_SKY,   // usr
                1_000_000_000 * WAD,      // tot
                block.timestamp - 7 days, // bgn: the cast minus 7 days
                180 days,                 // tau: 180 days
                0,                        // eta: no cliff
                address(0)                // mgr: none
            )
        );
    }
}

contract DssSpell is DssExec {
    constructor() DssExec(block.timestamp + 30 days, address(new DssSpellAction())) public {}
}
