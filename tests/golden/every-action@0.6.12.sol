// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Rendered by spellgen from every-action.yaml: change the YAML and render again, do not edit.
//
// This program is free software: you can redistribute it and/or modify
// it under the terms of the GNU Affero General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.

pragma solidity 0.6.12;

import "dss-exec-lib/DssExec.sol";
import "dss-exec-lib/DssAction.sol";

interface VestLike {
    function create(address usr, uint256 tot, uint256 bgn, uint256 tau, uint256 eta, address mgr) external returns (uint256 id);
    function restrict(uint256 id) external;
    function yank(uint256 id) external;
    function yank(uint256 id, uint256 end) external;
    function file(bytes32 what, uint256 data) external;
}

interface GemLike {
    function transfer(address dst, uint256 wad) external returns (bool);
    function approve(address usr, uint256 wad) external returns (bool);
    function allowance(address src, address usr) external view returns (uint256);
}

contract DssSpellAction is DssAction {
    string public constant override description =
        "2023-07-26 MakerDAO Executive Spell | Hash: 0x0000000000000000000000000000000000000000000000000000000000000000";

    // Office hours on: the spell can be cast on weekdays from 14:00 to 21:00 UTC
    function officeHours() public override returns (bool) {
        return true;
    }

    uint256 internal constant WAD = 10 ** 18;

    // --- Wallets ---
    address internal constant ECOSYSTEM      = 0xaef7a9890c81A46C38fb26b940624DBB4dd591dd;
    address internal constant STREAM_MANAGER = 0xce727Fb12b7f2700BaDAe716947943ea245C25d6;
    address internal constant DELEGATE       = 0x0a6ae7bE40A2656cce2c3881DD009Fc855B9d1eC;

    // --- Dates (UTC) ---
    uint256 internal constant JUL_01_2023 = 1688169600; // 2023-07-01 00:00:00 UTC
    uint256 internal constant AUG_01_2023 = 1690891200; // 2023-08-01 12:00:00 UTC
    uint256 internal constant OCT_01_2023 = 1696118400; // 2023-10-01 00:00:00 UTC
    uint256 internal constant DEC_31_2023 = 1704067199; // 2023-12-31 23:59:59 UTC
    uint256 internal constant JUN_30_2024 = 1719791999; // 2024-06-30 23:59:59 UTC
    uint256 internal constant JUN_30_2026 = 1782863999; // 2026-06-30 23:59:59 UTC

    // --- Chainlog ---
    address internal immutable MCD_VEST_DAI          = DssExecLib.getChangelogAddress("MCD_VEST_DAI");
    address internal immutable MCD_VEST_MKR_TREASURY = DssExecLib.getChangelogAddress("MCD_VEST_MKR_TREASURY");
    GemLike internal immutable MKR                   = GemLike(DssExecLib.mkr());

    function actions() public override {
        // ----- Vest rate caps -----
        // Forum: https://forum.example/t/caps

        // Set the MCD_VEST_MKR_TREASURY rate cap to 2,220 MKR per 365 days
        DssExecLib.setValue(MCD_VEST_MKR_TREASURY, "cap", 2_220 * WAD / 365 days);

        // ----- Budget streams -----
        // Forum: https://forum.example/t/budget-one
        // Forum: https://forum.example/t/budget-two
        // Poll: https://vote.example/polling/Qm0000
        // MIP: MIP101
        // Atlas: A.1.2.3
        // Executive Vote: https://vote.example/executive/template

        // Ecosystem actor budget, first year
        // ECOSYSTEM | 2023-07-01 to 2024-06-30 | 1,200,000 DAI | 0xaef7a9890c81A46C38fb26b940624DBB4dd591dd | Cliff: 2023-10-01 00:00:00 UTC | Restricted: Yes
        VestLike(MCD_VEST_DAI).restrict(
            VestLike(MCD_VEST_DAI).create(
                ECOSYSTEM,                 // usr
                1_200_000 * WAD,           // tot
                JUL_01_2023,               // bgn
                JUN_30_2024 - JUL_01_2023, // tau: 366 days minus 1 second
                OCT_01_2023 - JUL_01_2023, // eta: cliff 2023-10-01 00:00:00 UTC
                STREAM_MANAGER             // mgr: STREAM_MANAGER
            )
        );

        // 0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2 | 2023-08-01 12:00:00 UTC to 2024-07-31 12:00:00 UTC | 100,000.50 DAI | Cliff: none | Restricted: No
        VestLike(MCD_VEST_DAI).create(
            0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2, // usr
            100_000.50 ether,                           // tot (Note: ether is a keyword helper, only DAI is transferred here)
            AUG_01_2023,                                // bgn
            365 days,                                   // tau: 365 days
            0,                                          // eta: no cliff
            address(0)                                  // mgr: none
        );

        // ECOSYSTEM | 2023-07-01 to 2026-06-30 | 1,500.75 MKR | 0xaef7a9890c81A46C38fb26b940624DBB4dd591dd | Cliff: 2024-06-30 00:00:00 UTC | Restricted: Yes
        VestLike(MCD_VEST_MKR_TREASURY).restrict(
            VestLike(MCD_VEST_MKR_TREASURY).create(
                ECOSYSTEM,                 // usr
                1_500.75 ether,            // tot (Note: ether is a keyword helper, only MKR is transferred here)
                JUL_01_2023,               // bgn
                JUN_30_2026 - JUL_01_2023, // tau: 1,096 days minus 1 second
                365 days,                  // eta: cliff 2024-06-30 00:00:00 UTC
                address(0)                 // mgr: none
            )
        );

        // Increase the PauseProxy's MKR allowance to MCD_VEST_MKR_TREASURY by the new streams' total: 1,500.75 MKR
        MKR.approve(MCD_VEST_MKR_TREASURY, MKR.allowance(address(this), MCD_VEST_MKR_TREASURY) + 1_500.75 ether); // Note: ether is a keyword helper, only MKR is transferred here

        // ----- Payments -----

        // DELEGATE - 348,452.30 DAI rounded up to 348,453 DAI (sendPaymentFromSurplusBuffer takes whole DAI) - 0x0a6ae7bE40A2656cce2c3881DD009Fc855B9d1eC
        DssExecLib.sendPaymentFromSurplusBuffer(DELEGATE, 348_453);

        // ECOSYSTEM - 300.00 MKR - 0xaef7a9890c81A46C38fb26b940624DBB4dd591dd
        MKR.transfer(ECOSYSTEM, 300.00 ether); // Note: ether is a keyword helper, only MKR is transferred here

        // 0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2 - 62.51 MKR
        MKR.transfer(0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2, 62.51 ether); // Note: ether is a keyword helper, only MKR is transferred here

        // ----- Stream changes -----

        // The core unit was offboarded
        // Yank DAI stream ID 19 on MCD_VEST_DAI
        VestLike(MCD_VEST_DAI).yank(19);

        // Yank MKR stream ID 7 on MCD_VEST_MKR_TREASURY (ECOSYSTEM), ending it at 2023-12-31 23:59:59 UTC
        VestLike(MCD_VEST_MKR_TREASURY).yank(7, DEC_31_2023);
    }
}

contract DssSpell is DssExec {
    constructor() DssExec(block.timestamp + 30 days, address(new DssSpellAction())) public {}
}
