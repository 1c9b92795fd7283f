// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Rendered by spellgen from sky-2026-02-26.yaml: change the YAML and render again, do not edit.
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

interface DaiUsdsLike {
    function daiToUsds(address usr, uint256 wad) external;
}

contract DssSpellAction is DssAction {
    // Hash: cast keccak -- "$(wget 'https://raw.githubusercontent.com/sky-ecosystem/executive-votes/f4c6fc80ce4bd80d8b92d4c15ba4c8a777cf7bc7/2026/executive-vote-2026-02-26-agent-6-and-7-onboarding.md' -q -O - 2>/dev/null)"
    string public constant override description =
        "2026-02-26 MakerDAO Executive Spell | Hash: 0xe6c1aa41d3fb26840ab8fa6cbc7e0248d17635c438843437659ab4e36fc7bb79";

    // Office hours on: the spell can be cast on weekdays from 14:00 to 21:00 UTC
    function officeHours() public pure override returns (bool) {
        return true;
    }

    uint256 internal constant WAD = 10 ** 18;

    // --- Wallets ---
    address internal constant CORE_COUNCIL_BUDGET_MULTISIG   = 0x210CFcF53d1f9648C1c4dcaEE677f0Cb06914364;
    address internal constant CORE_COUNCIL_DELEGATE_MULTISIG = 0x37FC5d447c8c54326C62b697f674c93eaD2A93A3;

    // --- Chainlog ---
    address internal immutable DAI_USDS               = DssExecLib.getChangelogAddress("DAI_USDS");
    address internal immutable GROVE_SUBPROXY         = DssExecLib.getChangelogAddress("GROVE_SUBPROXY");
    address internal immutable MCD_VEST_SKY_TREASURY  = DssExecLib.getChangelogAddress("MCD_VEST_SKY_TREASURY");
    address internal immutable OBEX_SUBPROXY          = DssExecLib.getChangelogAddress("OBEX_SUBPROXY");
    address internal immutable REWARDS_DIST_LSSKY_SKY = DssExecLib.getChangelogAddress("REWARDS_DIST_LSSKY_SKY");
    address internal immutable SPARK_SUBPROXY         = DssExecLib.getChangelogAddress("SPARK_SUBPROXY");
    address internal immutable DAI                    = DssExecLib.dai();
    address internal immutable SKY                    = DssExecLib.getChangelogAddress("SKY");

    // Whole USDS from the surplus buffer: DAI to the PauseProxy, converted 1:1 through DAI_USDS
    function _transferUsds(address usr, uint256 wad) internal {
        require(wad % WAD == 0, "transferUsds/non-integer-wad");
        DssExecLib.sendPaymentFromSurplusBuffer(address(this), wad / WAD);
        GemAbstract(DAI).approve(DAI_USDS, wad);
        DaiUsdsLike(DAI_USDS).daiToUsds(usr, wad);
    }

    function actions() public override {
        // ----- January 2026 MSC -----
        // Forum: https://forum.sky.money/t/msc-5-settlement-summary-january-2026-spark-and-grove/27709/4
        // Atlas: https://sky-atlas.io/#A.2.4

        // Transfer 1,387,824 USDS from the Surplus Buffer to the SPARK_SUBPROXY (0x3300f198988e4C9C63F75dF86De36421f06af8c4)
        _transferUsds(SPARK_SUBPROXY, 1_387_824 * WAD);

        // Transfer 6,090 USDS from the Surplus Buffer to the GROVE_SUBPROXY (0x1369f7b2b38c76B6478c0f0E66D94923421891Ba)
        _transferUsds(GROVE_SUBPROXY, 6_090 * WAD);

        // Transfer 71,342 USDS from the Surplus Buffer to the OBEX_SUBPROXY (0x8be042581f581E3620e29F213EA8b94afA1C8071)
        _transferUsds(OBEX_SUBPROXY, 71_342 * WAD);

        // The Core Council Buffer
        // Transfer 4,808,248 USDS from the Surplus Buffer to CORE_COUNCIL_BUDGET_MULTISIG (0x210CFcF53d1f9648C1c4dcaEE677f0Cb06914364)
        _transferUsds(CORE_COUNCIL_BUDGET_MULTISIG, 4_808_248 * WAD);

        // The Aligned Delegates Buffer
        // Transfer 240,412 USDS from the Surplus Buffer to CORE_COUNCIL_DELEGATE_MULTISIG (0x37FC5d447c8c54326C62b697f674c93eaD2A93A3)
        _transferUsds(CORE_COUNCIL_DELEGATE_MULTISIG, 240_412 * WAD);

        // ----- LSSKY->SKY Vesting Stream Adjustment -----
        // Forum: https://forum.sky.money/t/lssky-to-sky-rewards-sky-rewards-for-sky-stakers-normalization-configuration/27721/2
        // Forum: https://forum.sky.money/t/lssky-to-sky-rewards-sky-rewards-for-sky-stakers-normalization-configuration/27721/3
        // Atlas: https://sky-atlas.io/#A.4.4.1.4.2.1.3.3

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

        // Adjust the PauseProxy's SKY allowance to MCD_VEST_SKY_TREASURY: less what award 8 (yanked below) still owes, plus the new streams' total: 838,182,330 SKY
        {
            // Note: the allowance before the cast
            uint256 pallowance = GemAbstract(SKY).allowance(address(this), MCD_VEST_SKY_TREASURY);
            // Note: what award 8 still owes, read before its yank
            uint256 ytot = VestAbstract(MCD_VEST_SKY_TREASURY).tot(8);
            uint256 yrxd = VestAbstract(MCD_VEST_SKY_TREASURY).rxd(8);
            uint256 yallowance = ytot - yrxd;
            // Note: the new allowance (the previous one less the yanked award's remainder, plus the new streams' total)
            uint256 allowance = pallowance - yallowance + 838_182_330 * WAD;
            GemAbstract(SKY).approve(MCD_VEST_SKY_TREASURY, allowance);
        }

        // Yank SKY stream ID 8 on MCD_VEST_SKY_TREASURY
        VestAbstract(MCD_VEST_SKY_TREASURY).yank(8);
    }
}

contract DssSpell is DssExec {
    constructor() DssExec(block.timestamp + 30 days, address(new DssSpellAction())) {}
}
