// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Rendered by spellgen from sky-2025-06-26.yaml: change the YAML and render again, do not edit.
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

contract DssSpellAction is DssAction {
    // Hash: cast keccak -- "$(wget 'https://raw.githubusercontent.com/sky-ecosystem/executive-votes/2ee633d82b2dfea35386b6bbd060db2df50a5d67/2025/executive-vote-2025-06-26-SPK-farming-MKR-to-SKY-partial-upgrade-phase-three.md' -q -O - 2>/dev/null)"
    string public constant override description =
        "2025-06-26 MakerDAO Executive Spell | Hash: 0x921afc55c9b3a3563926da63687b00b1b751cf540052d71356ef62107d06f2c8";

    // Office hours on: the spell can be cast on weekdays from 14:00 to 21:00 UTC
    function officeHours() public pure override returns (bool) {
        return true;
    }

    uint256 internal constant WAD = 10 ** 18;

    // --- Chainlog ---
    address internal constant MCD_VEST_SPK_TREASURY = 0xF9A2002b471f600A5484da5a735a2A053d377078;
    address internal constant SPK                   = 0xc20059e0317DE91738d13af027DfC4a50781b066;

    function actions() public override {
        // ----- SPK Farms -----
        // Forum: https://forum.sky.money/t/technical-scope-of-spk-farms/26703

        // Set the PauseProxy's SPK allowance to MCD_VEST_SPK_TREASURY to 3,250,000,000 SPK
        GemAbstract(SPK).approve(MCD_VEST_SPK_TREASURY, 3_250_000_000 * WAD);

        // Set the MCD_VEST_SPK_TREASURY rate cap to 2,502,500,000 SPK per 730 days
        DssExecLib.setValue(MCD_VEST_SPK_TREASURY, "cap", 2_502_500_000 * WAD / 730 days);

        // Add new SPK vest (0xF9A2002b471f600A5484da5a735a2A053d377078) to chainlog under MCD_VEST_SPK_TREASURY
        DssExecLib.setChangelogAddress("MCD_VEST_SPK_TREASURY", MCD_VEST_SPK_TREASURY);

        // Note: Bump chainlog patch version as new keys are being added
        DssExecLib.setChangelogVersion("1.20.2");

        // 0x3959e23A63CA7ac12D658bb44F90cb1f7Ee4C02c | from: block.timestamp - 7 days | tau: 730 days | 2,275,000,000 SPK | Cliff: none | Restricted: Yes
        VestAbstract(MCD_VEST_SPK_TREASURY).restrict(
            VestAbstract(MCD_VEST_SPK_TREASURY).create(
                0x3959e23A63CA7ac12D658bb44F90cb1f7Ee4C02c, // usr
                2_275_000_000 * WAD,                        // tot
                block.timestamp - 7 days,                   // bgn: the cast minus 7 days
                730 days,                                   // tau: 730 days
                0,                                          // eta: no cliff
                address(0)                                  // mgr: none
            )
        );

        // 0xa3Ee378BdD0b7DD403cEd3a0A65B2B389A2eaB7e | from: block.timestamp - 7 days | tau: 730 days | 975,000,000 SPK | Cliff: none | Restricted: Yes
        VestAbstract(MCD_VEST_SPK_TREASURY).restrict(
            VestAbstract(MCD_VEST_SPK_TREASURY).create(
                0xa3Ee378BdD0b7DD403cEd3a0A65B2B389A2eaB7e, // usr
                975_000_000 * WAD,                          // tot
                block.timestamp - 7 days,                   // bgn: the cast minus 7 days
                730 days,                                   // tau: 730 days
                0,                                          // eta: no cliff
                address(0)                                  // mgr: none
            )
        );
    }
}

contract DssSpell is DssExec {
    constructor() DssExec(block.timestamp + 30 days, address(new DssSpellAction())) {}
}
