// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Rendered by spellgen from sky-2025-01-23.yaml: change the YAML and render again, do not edit.
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

interface DaiUsdsLike {
    function daiToUsds(address usr, uint256 wad) external;
}

interface MkrSkyLike {
    function mkrToSky(address usr, uint256 mkrAmt) external;
    function rate() external view returns (uint256);
}

contract DssSpellAction is DssAction {
    // Hash: cast keccak -- "$(wget 'https://raw.githubusercontent.com/makerdao/community/2914739de9b900b9778992a08dd146ebd516c514/governance/votes/Executive%20vote%20-%20January%2023%2C%202025.md' -q -O - 2>/dev/null)"
    string public constant override description =
        "2025-01-23 MakerDAO Executive Spell | Hash: 0x68d2d9868ef1cf1e6141a9698bcf85d66b3685df0fc263fffd6ac5cce041ecec";

    // Office hours on: the spell can be cast on weekdays from 14:00 to 21:00 UTC
    function officeHours() public override returns (bool) {
        return true;
    }

    uint256 internal constant WAD = 10 ** 18;

    // --- Wallets ---
    address internal constant LAUNCH_PROJECT_FUNDING       = 0x3C5142F28567E6a0F172fd0BaaF1f2847f49D02F;
    address internal constant INTEGRATION_BOOST_INITIATIVE = 0xD6891d1DFFDA6B0B1aF3524018a1eE2E608785F7;
    address internal constant BLUE                         = 0xb6C09680D822F162449cdFB8248a7D3FC26Ec9Bf;
    address internal constant BONAPUBLICA                  = 0x167c1a762B08D7e78dbF8f24e5C3f1Ab415021D3;
    address internal constant CLOAKY                       = 0x869b6d5d8FA7f4FFdaCA4D23FFE0735c5eD1F818;
    address internal constant JULIACHANG                   = 0x252abAEe2F4f4b8D39E5F12b163eDFb7fac7AED7;
    address internal constant VIGILANT                     = 0x2474937cB55500601BCCE9f4cb0A0A72Dc226F61;
    address internal constant PBG                          = 0x8D4df847dB7FfE0B46AF084fE031F7691C6478c2;
    address internal constant BYTERON                      = 0xc2982e72D060cab2387Dba96b846acb8c96EfF66;
    address internal constant CLOAKY_KOHLA_2               = 0x73dFC091Ad77c03F2809204fCF03C0b9dccf8c7a;
    address internal constant CLOAKY_ENNOIA                = 0xA7364a1738D0bB7D1911318Ca3FB3779A8A58D7b;
    address internal constant VOTEWIZARD                   = 0x9E72629dF4fcaA2c2F5813FbbDc55064345431b1;
    address internal constant JANSKY                       = 0xf3F868534FAD48EF5a228Fe78669cf242745a755;
    address internal constant ECOSYSTEM_FACILITATOR        = 0xFCa6e196c2ad557E64D9397e283C2AFe57344b75;
    address internal constant AAVE_V3_TREASURY             = 0x464C71f6c2F760DdA6093dCB91C24c39e5d6e18c;

    // --- Dates (UTC) ---
    uint256 internal constant FEB_01_2025 = 1738368000; // 2025-02-01 00:00:00 UTC
    uint256 internal constant DEC_31_2025 = 1767225599; // 2025-12-31 23:59:59 UTC

    // --- Chainlog ---
    address internal constant MCD_VEST_USDS         = 0xc447a9745aDe9A44Bb9E37B7F6C92f9582544110;
    address internal constant MCD_VEST_SKY_TREASURY = 0x67eaDb3288cceDe034cE95b0511DCc65cf630bB6;
    address internal immutable DAI_USDS             = DssExecLib.getChangelogAddress("DAI_USDS");
    address internal immutable MKR_SKY              = DssExecLib.getChangelogAddress("MKR_SKY");
    GemAbstract internal immutable DAI              = GemAbstract(DssExecLib.dai());
    GemAbstract internal immutable MKR              = GemAbstract(DssExecLib.mkr());
    GemAbstract internal immutable SKY              = GemAbstract(DssExecLib.getChangelogAddress("SKY"));
    uint256 internal immutable MKR_SKY_RATE = MkrSkyLike(DssExecLib.getChangelogAddress("MKR_SKY")).rate();

    // Whole USDS from the surplus buffer: DAI to the PauseProxy, converted 1:1 through DAI_USDS
    function _transferUsds(address usr, uint256 wad) internal {
        require(wad % WAD == 0, "transferUsds/non-integer-wad");
        DssExecLib.sendPaymentFromSurplusBuffer(address(this), wad / WAD);
        DAI.approve(DAI_USDS, wad);
        DaiUsdsLike(DAI_USDS).daiToUsds(usr, wad);
    }

    // SKY from the PauseProxy's MKR: convert ceil(wad / MKR_SKY_RATE) MKR into the PauseProxy, then transfer
    function _transferSky(address usr, uint256 wad) internal {
        uint256 mkrWad = wad / MKR_SKY_RATE;
        if (wad % MKR_SKY_RATE != 0) {
            mkrWad++;
        }
        MKR.approve(MKR_SKY, mkrWad);
        MkrSkyLike(MKR_SKY).mkrToSky(address(this), mkrWad);
        SKY.transfer(usr, wad);
    }

    function actions() public override {
        // ----- Launch Project Funding -----
        // Forum: https://forum.sky.money/t/utilization-of-the-launch-project-under-the-accessibility-scope/21468/27?u=ecosystem-team

        // Transfer 10,000,000 USDS from the Surplus Buffer to LAUNCH_PROJECT_FUNDING (0x3C5142F28567E6a0F172fd0BaaF1f2847f49D02F)
        _transferUsds(LAUNCH_PROJECT_FUNDING, 10_000_000 * WAD);

        // LAUNCH_PROJECT_FUNDING - 24,000,000 SKY - 0x3C5142F28567E6a0F172fd0BaaF1f2847f49D02F (converted from 1,000 MKR)
        _transferSky(LAUNCH_PROJECT_FUNDING, 24_000_000 * WAD);

        // ----- Integration Boost Funding -----
        // Forum: https://forum.sky.money/t/utilization-of-the-integration-boost-budget-a-5-2-1-2/25536/4?u=ecosystem-team

        // Transfer 2,500,000 USDS from the Surplus Buffer to INTEGRATION_BOOST_INITIATIVE (0xD6891d1DFFDA6B0B1aF3524018a1eE2E608785F7)
        _transferUsds(INTEGRATION_BOOST_INITIATIVE, 2_500_000 * WAD);

        // ----- December 2024 AD USDS Compensation -----
        // Forum: https://forum.sky.money/t/december-2024-aligned-delegate-compensation/25854

        // Transfer 4,000 USDS from the Surplus Buffer to BLUE (0xb6C09680D822F162449cdFB8248a7D3FC26Ec9Bf)
        _transferUsds(BLUE, 4_000 * WAD);

        // Transfer 4,000 USDS from the Surplus Buffer to BONAPUBLICA (0x167c1a762B08D7e78dbF8f24e5C3f1Ab415021D3)
        _transferUsds(BONAPUBLICA, 4_000 * WAD);

        // Transfer 4,000 USDS from the Surplus Buffer to CLOAKY (0x869b6d5d8FA7f4FFdaCA4D23FFE0735c5eD1F818)
        _transferUsds(CLOAKY, 4_000 * WAD);

        // Transfer 4,000 USDS from the Surplus Buffer to JULIACHANG (0x252abAEe2F4f4b8D39E5F12b163eDFb7fac7AED7)
        _transferUsds(JULIACHANG, 4_000 * WAD);

        // Transfer 4,000 USDS from the Surplus Buffer to VIGILANT (0x2474937cB55500601BCCE9f4cb0A0A72Dc226F61)
        _transferUsds(VIGILANT, 4_000 * WAD);

        // Transfer 3,467 USDS from the Surplus Buffer to PBG (0x8D4df847dB7FfE0B46AF084fE031F7691C6478c2)
        _transferUsds(PBG, 3_467 * WAD);

        // Transfer 1,935 USDS from the Surplus Buffer to BYTERON (0xc2982e72D060cab2387Dba96b846acb8c96EfF66)
        _transferUsds(BYTERON, 1_935 * WAD);

        // ----- Atlas Core Development USDS Payments -----
        // Forum: https://forum.sky.money/t/atlas-core-development-payment-requests-january-2025/25842

        // Transfer 83,602 USDS from the Surplus Buffer to BLUE (0xb6C09680D822F162449cdFB8248a7D3FC26Ec9Bf)
        _transferUsds(BLUE, 83_602 * WAD);

        // Transfer 10,000 USDS from the Surplus Buffer to CLOAKY_KOHLA_2 (0x73dFC091Ad77c03F2809204fCF03C0b9dccf8c7a)
        _transferUsds(CLOAKY_KOHLA_2, 10_000 * WAD);

        // Transfer 10,000 USDS from the Surplus Buffer to CLOAKY_ENNOIA (0xA7364a1738D0bB7D1911318Ca3FB3779A8A58D7b)
        _transferUsds(CLOAKY_ENNOIA, 10_000 * WAD);

        // Transfer 18,836 USDS from the Surplus Buffer to CLOAKY (0x869b6d5d8FA7f4FFdaCA4D23FFE0735c5eD1F818)
        _transferUsds(CLOAKY, 18_836 * WAD);

        // ----- Atlas Core Development SKY Payments -----
        // Forum: https://forum.sky.money/t/atlas-core-development-payment-requests-january-2025/25842

        // BLUE - 550,000 SKY - 0xb6C09680D822F162449cdFB8248a7D3FC26Ec9Bf (converted from 22.916666666666666667 MKR, rounded up)
        _transferSky(BLUE, 550_000 * WAD);

        // CLOAKY - 438,000 SKY - 0x869b6d5d8FA7f4FFdaCA4D23FFE0735c5eD1F818 (converted from 18.25 MKR)
        _transferSky(CLOAKY, 438_000 * WAD);

        // ----- Setup new Suckable USDS vest -----
        // Forum: https://forum.sky.money/t/proposed-housekeeping-items-upcoming-executive-spell-2025-01-23/25852

        // Set the MCD_VEST_USDS rate cap to 46,200 USDS per 30 days
        DssExecLib.setValue(MCD_VEST_USDS, "cap", 46_200 * WAD / 30 days);

        // Authorize new USDS vest (0xc447a9745aDe9A44Bb9E37B7F6C92f9582544110) to access the surplus buffer (MCD_VAT)
        DssExecLib.authorize(DssExecLib.vat(), MCD_VEST_USDS);

        // Add new USDS vest (0xc447a9745aDe9A44Bb9E37B7F6C92f9582544110) to chainlog under MCD_VEST_USDS
        DssExecLib.setChangelogAddress("MCD_VEST_USDS", MCD_VEST_USDS);

        // ----- Setup new Transferrable SKY vest -----
        // Forum: https://forum.sky.money/t/proposed-housekeeping-items-upcoming-executive-spell-2025-01-23/25852

        // Convert 624 MKR of the PauseProxy into 14,976,000 SKY through MKR_SKY
        MKR.approve(MKR_SKY, 624 * WAD);
        MkrSkyLike(MKR_SKY).mkrToSky(address(this), 624 * WAD);

        // Set the PauseProxy's SKY allowance to MCD_VEST_SKY_TREASURY to 14,256,000 SKY
        SKY.approve(MCD_VEST_SKY_TREASURY, 14_256_000 * WAD);

        // Set the MCD_VEST_SKY_TREASURY rate cap to 475,200 SKY per 30 days
        DssExecLib.setValue(MCD_VEST_SKY_TREASURY, "cap", 475_200 * WAD / 30 days);

        // Add new SKY vest (0x67eaDb3288cceDe034cE95b0511DCc65cf630bB6) to chainlog under MCD_VEST_SKY_TREASURY
        DssExecLib.setChangelogAddress("MCD_VEST_SKY_TREASURY", MCD_VEST_SKY_TREASURY);

        // Note: Bump chainlog patch version as new keys are being added
        DssExecLib.setChangelogVersion("1.19.5");

        // ----- Set Facilitator USDS Payment Streams -----
        // Atlas: https://sky-atlas.powerhouse.io/A.1.6.2.4.1_List_of_Facilitator_Budgets/c511460d-53df-47e9-a4a5-2e48a533315b%7C0db3343515519c4a

        // VOTEWIZARD | 2025-02-01 to 2025-12-31 | 462,000 USDS | 0x9E72629dF4fcaA2c2F5813FbbDc55064345431b1 | Cliff: none | Restricted: Yes
        VestAbstract(MCD_VEST_USDS).restrict(
            VestAbstract(MCD_VEST_USDS).create(
                VOTEWIZARD,                // usr
                462_000 * WAD,             // tot
                FEB_01_2025,               // bgn
                DEC_31_2025 - FEB_01_2025, // tau: 334 days minus 1 second
                0,                         // eta: no cliff
                address(0)                 // mgr: none
            )
        );

        // JANSKY | 2025-02-01 to 2025-12-31 | 462,000 USDS | 0xf3F868534FAD48EF5a228Fe78669cf242745a755 | Cliff: none | Restricted: Yes
        VestAbstract(MCD_VEST_USDS).restrict(
            VestAbstract(MCD_VEST_USDS).create(
                JANSKY,                    // usr
                462_000 * WAD,             // tot
                FEB_01_2025,               // bgn
                DEC_31_2025 - FEB_01_2025, // tau: 334 days minus 1 second
                0,                         // eta: no cliff
                address(0)                 // mgr: none
            )
        );

        // ECOSYSTEM_FACILITATOR | 2025-02-01 to 2025-12-31 | 462,000 USDS | 0xFCa6e196c2ad557E64D9397e283C2AFe57344b75 | Cliff: none | Restricted: Yes
        VestAbstract(MCD_VEST_USDS).restrict(
            VestAbstract(MCD_VEST_USDS).create(
                ECOSYSTEM_FACILITATOR,     // usr
                462_000 * WAD,             // tot
                FEB_01_2025,               // bgn
                DEC_31_2025 - FEB_01_2025, // tau: 334 days minus 1 second
                0,                         // eta: no cliff
                address(0)                 // mgr: none
            )
        );

        // ----- Set Facilitator SKY Payment Streams -----
        // Atlas: https://sky-atlas.powerhouse.io/A.1.6.2.4.1_List_of_Facilitator_Budgets/c511460d-53df-47e9-a4a5-2e48a533315b%7C0db3343515519c4a

        // VOTEWIZARD | 2025-02-01 to 2025-12-31 | 4,752,000 SKY | 0x9E72629dF4fcaA2c2F5813FbbDc55064345431b1 | Cliff: none | Restricted: Yes
        VestAbstract(MCD_VEST_SKY_TREASURY).restrict(
            VestAbstract(MCD_VEST_SKY_TREASURY).create(
                VOTEWIZARD,                // usr
                4_752_000 * WAD,           // tot
                FEB_01_2025,               // bgn
                DEC_31_2025 - FEB_01_2025, // tau: 334 days minus 1 second
                0,                         // eta: no cliff
                address(0)                 // mgr: none
            )
        );

        // JANSKY | 2025-02-01 to 2025-12-31 | 4,752,000 SKY | 0xf3F868534FAD48EF5a228Fe78669cf242745a755 | Cliff: none | Restricted: Yes
        VestAbstract(MCD_VEST_SKY_TREASURY).restrict(
            VestAbstract(MCD_VEST_SKY_TREASURY).create(
                JANSKY,                    // usr
                4_752_000 * WAD,           // tot
                FEB_01_2025,               // bgn
                DEC_31_2025 - FEB_01_2025, // tau: 334 days minus 1 second
                0,                         // eta: no cliff
                address(0)                 // mgr: none
            )
        );

        // ECOSYSTEM_FACILITATOR | 2025-02-01 to 2025-12-31 | 4,752,000 SKY | 0xFCa6e196c2ad557E64D9397e283C2AFe57344b75 | Cliff: none | Restricted: Yes
        VestAbstract(MCD_VEST_SKY_TREASURY).restrict(
            VestAbstract(MCD_VEST_SKY_TREASURY).create(
                ECOSYSTEM_FACILITATOR,     // usr
                4_752_000 * WAD,           // tot
                FEB_01_2025,               // bgn
                DEC_31_2025 - FEB_01_2025, // tau: 334 days minus 1 second
                0,                         // eta: no cliff
                address(0)                 // mgr: none
            )
        );

        // ----- Spark - AAVE Q4 Revenue Share Payment -----
        // Forum: https://forum.sky.money/t/spark-aave-revenue-share-calculations-payments-6-q4-2024/25820

        // AAVE_V3_TREASURY - 314,567 DAI - 0x464C71f6c2F760DdA6093dCB91C24c39e5d6e18c
        DssExecLib.sendPaymentFromSurplusBuffer(AAVE_V3_TREASURY, 314_567);
    }
}

contract DssSpell is DssExec {
    constructor() DssExec(block.timestamp + 30 days, address(new DssSpellAction())) public {}
}
