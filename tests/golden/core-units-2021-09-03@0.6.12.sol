// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Rendered by spellgen from core-units-2021-09-03.yaml: change the YAML and render again, do not edit.
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
    // Hash: cast keccak -- "$(wget 'https://raw.githubusercontent.com/makerdao/community/6410a8f1f720099f7ba6553c84b9f9d966a3d319/governance/votes/Executive%20vote%20-%20September%203%2C%202021.md' -q -O - 2>/dev/null)"
    string public constant override description =
        "2021-09-03 MakerDAO Executive Spell | Hash: 0xaa8b302da5c9a3f4bfd45685fd04398d3d35af1b4c1cbdfe83f166a6455de0ea";

    // Office hours off: the spell can be cast at any time
    function officeHours() public override returns (bool) {
        return false;
    }

    uint256 internal constant WAD = 10 ** 18;

    // --- Wallets ---
    address internal constant COM_WALLET     = 0x1eE3ECa7aEF17D1e74eD7C447CcBA61aC76aDbA9;
    address internal constant DAIF_WALLET    = 0x34D8d61050Ef9D2B48Ab00e6dc8A8CA6581c5d63;
    address internal constant DAIF_EF_WALLET = 0x5F5c328732c9E52DfCb81067b8bA56459b33921f;
    address internal constant GOV_WALLET     = 0x01D26f8c5cC009868A4BF66E268c17B057fF7A73;
    address internal constant GRO_WALLET     = 0x7800C137A645c07132886539217ce192b9F0528e;
    address internal constant MKT_WALLET     = 0xDCAF2C84e1154c8DdD3203880e5db965bfF09B60;
    address internal constant ORA_WALLET     = 0x2d09B7b95f3F312ba6dDfB77bA6971786c5b50Cf;
    address internal constant PE_WALLET      = 0xe2c16c308b843eD02B09156388Cb240cEd58C01c;
    address internal constant RISK_WALLET    = 0xd98ef20520048a35EdA9A202137847A62120d2d9;
    address internal constant RWF_WALLET     = 0x9e1585d9CA64243CE43D42f7dD7333190F66Ca09;
    address internal constant SES_WALLET     = 0x87AcDD9208f73bFc9207e1f6F0fDE906bcA95cc6;

    // --- Dates (UTC) ---
    uint256 internal constant MAY_01_2021 = 1619827200; // 2021-05-01 00:00:00 UTC
    uint256 internal constant JUN_21_2021 = 1624233600; // 2021-06-21 00:00:00 UTC
    uint256 internal constant JUL_01_2021 = 1625097600; // 2021-07-01 00:00:00 UTC
    uint256 internal constant SEP_01_2021 = 1630454400; // 2021-09-01 00:00:00 UTC
    uint256 internal constant SEP_13_2021 = 1631491200; // 2021-09-13 00:00:00 UTC
    uint256 internal constant SEP_20_2021 = 1632096000; // 2021-09-20 00:00:00 UTC
    uint256 internal constant OCT_01_2021 = 1633046400; // 2021-10-01 00:00:00 UTC
    uint256 internal constant NOV_01_2021 = 1635724800; // 2021-11-01 00:00:00 UTC
    uint256 internal constant JAN_01_2022 = 1640995200; // 2022-01-01 00:00:00 UTC
    uint256 internal constant MAY_01_2022 = 1651363200; // 2022-05-01 00:00:00 UTC
    uint256 internal constant JUL_01_2022 = 1656633600; // 2022-07-01 00:00:00 UTC
    uint256 internal constant SEP_01_2022 = 1661990400; // 2022-09-01 00:00:00 UTC

    // --- Chainlog ---
    address internal constant MCD_VEST_DAI = 0x2Cc583c0AaCDaC9e23CB601fDA8F1A0c56Cdcb71;
    address internal constant MCD_VEST_MKR = 0x0fC8D4f2151453ca0cA56f07359049c8f07997Bd;

    function actions() public override {
        // ----- One-time Budget Distributions -----

        // DAIF_EF_WALLET - 2,000,000 DAI - 0x5F5c328732c9E52DfCb81067b8bA56459b33921f
        DssExecLib.sendPaymentFromSurplusBuffer(DAIF_EF_WALLET, 2_000_000);

        // DAIF_WALLET - 138,591 DAI - 0x34D8d61050Ef9D2B48Ab00e6dc8A8CA6581c5d63
        DssExecLib.sendPaymentFromSurplusBuffer(DAIF_WALLET, 138_591);

        // SES_WALLET - 155,237 DAI - 0x87AcDD9208f73bFc9207e1f6F0fDE906bcA95cc6
        DssExecLib.sendPaymentFromSurplusBuffer(SES_WALLET, 155_237);

        // ----- DssVest Implementation -----
        // https://vote.makerdao.com/polling/QmPfjETk?network=mainnet#poll-detail

        // Set up the new DAI vest MCD_VEST_DAI
        DssExecLib.authorize(DssExecLib.vat(), MCD_VEST_DAI);
        DssExecLib.setChangelogAddress("MCD_VEST_DAI", MCD_VEST_DAI);

        // Set the MCD_VEST_DAI rate cap to 1,000,000 DAI per 30 days
        DssExecLib.setValue(MCD_VEST_DAI, "cap", 1_000_000 * WAD / 30 days);

        // Set up the new MKR vest MCD_VEST_MKR and bump version
        DssExecLib.authorize(DssExecLib.getChangelogAddress("GOV_GUARD"), MCD_VEST_MKR);
        DssExecLib.setChangelogAddress("MCD_VEST_MKR", MCD_VEST_MKR);
        DssExecLib.setChangelogVersion("1.9.5");

        // Set the MCD_VEST_MKR rate cap to 1,100 MKR per 365 days
        DssExecLib.setValue(MCD_VEST_MKR, "cap", 1_100 * WAD / 365 days);

        // ----- DAI Streams -----

        // COM_WALLET | 2021-09-01 00:00:00 UTC to 2022-01-01 00:00:00 UTC | 122,700 DAI | 0x1eE3ECa7aEF17D1e74eD7C447CcBA61aC76aDbA9 | Cliff: none | Restricted: Yes
        VestLike(MCD_VEST_DAI).restrict(
            VestLike(MCD_VEST_DAI).create(
                COM_WALLET,                // usr
                122_700 * WAD,             // tot
                SEP_01_2021,               // bgn
                JAN_01_2022 - SEP_01_2021, // tau: 122 days
                0,                         // eta: no cliff
                address(0)                 // mgr: none
            )
        );

        // DAIF_WALLET | 2021-10-01 00:00:00 UTC to 2022-09-01 00:00:00 UTC | 492,971 DAI | 0x34D8d61050Ef9D2B48Ab00e6dc8A8CA6581c5d63 | Cliff: none | Restricted: Yes
        VestLike(MCD_VEST_DAI).restrict(
            VestLike(MCD_VEST_DAI).create(
                DAIF_WALLET,               // usr
                492_971 * WAD,             // tot
                OCT_01_2021,               // bgn
                SEP_01_2022 - OCT_01_2021, // tau: 335 days
                0,                         // eta: no cliff
                address(0)                 // mgr: none
            )
        );

        // GOV_WALLET | 2021-09-01 00:00:00 UTC to 2021-10-01 00:00:00 UTC | 123,333 DAI | 0x01D26f8c5cC009868A4BF66E268c17B057fF7A73 | Cliff: none | Restricted: Yes
        VestLike(MCD_VEST_DAI).restrict(
            VestLike(MCD_VEST_DAI).create(
                GOV_WALLET,                // usr
                123_333 * WAD,             // tot
                SEP_01_2021,               // bgn
                OCT_01_2021 - SEP_01_2021, // tau: 30 days
                0,                         // eta: no cliff
                address(0)                 // mgr: none
            )
        );

        // GRO_WALLET | 2021-09-01 00:00:00 UTC to 2021-11-01 00:00:00 UTC | 300,050 DAI | 0x7800C137A645c07132886539217ce192b9F0528e | Cliff: none | Restricted: Yes
        VestLike(MCD_VEST_DAI).restrict(
            VestLike(MCD_VEST_DAI).create(
                GRO_WALLET,                // usr
                300_050 * WAD,             // tot
                SEP_01_2021,               // bgn
                NOV_01_2021 - SEP_01_2021, // tau: 61 days
                0,                         // eta: no cliff
                address(0)                 // mgr: none
            )
        );

        // MKT_WALLET | 2021-09-01 00:00:00 UTC to 2021-11-01 00:00:00 UTC | 103,134 DAI | 0xDCAF2C84e1154c8DdD3203880e5db965bfF09B60 | Cliff: none | Restricted: Yes
        VestLike(MCD_VEST_DAI).restrict(
            VestLike(MCD_VEST_DAI).create(
                MKT_WALLET,                // usr
                103_134 * WAD,             // tot
                SEP_01_2021,               // bgn
                NOV_01_2021 - SEP_01_2021, // tau: 61 days
                0,                         // eta: no cliff
                address(0)                 // mgr: none
            )
        );

        // ORA_WALLET | 2021-09-01 00:00:00 UTC to 2022-07-01 00:00:00 UTC | 4,196,771 DAI | 0x2d09B7b95f3F312ba6dDfB77bA6971786c5b50Cf | Cliff: none | Restricted: Yes
        VestLike(MCD_VEST_DAI).restrict(
            VestLike(MCD_VEST_DAI).create(
                ORA_WALLET,                // usr
                4_196_771 * WAD,           // tot
                SEP_01_2021,               // bgn
                JUL_01_2022 - SEP_01_2021, // tau: 303 days
                0,                         // eta: no cliff
                address(0)                 // mgr: none
            )
        );

        // PE_WALLET | 2021-09-01 00:00:00 UTC to 2022-05-01 00:00:00 UTC | 4,080,000 DAI | 0xe2c16c308b843eD02B09156388Cb240cEd58C01c | Cliff: none | Restricted: Yes
        VestLike(MCD_VEST_DAI).restrict(
            VestLike(MCD_VEST_DAI).create(
                PE_WALLET,                 // usr
                4_080_000 * WAD,           // tot
                SEP_01_2021,               // bgn
                MAY_01_2022 - SEP_01_2021, // tau: 242 days
                0,                         // eta: no cliff
                address(0)                 // mgr: none
            )
        );

        // RISK_WALLET | 2021-09-01 00:00:00 UTC to 2022-09-01 00:00:00 UTC | 2,184,000 DAI | 0xd98ef20520048a35EdA9A202137847A62120d2d9 | Cliff: none | Restricted: Yes
        VestLike(MCD_VEST_DAI).restrict(
            VestLike(MCD_VEST_DAI).create(
                RISK_WALLET,               // usr
                2_184_000 * WAD,           // tot
                SEP_01_2021,               // bgn
                SEP_01_2022 - SEP_01_2021, // tau: 365 days
                0,                         // eta: no cliff
                address(0)                 // mgr: none
            )
        );

        // RWF_WALLET | 2021-09-01 00:00:00 UTC to 2022-01-01 00:00:00 UTC | 620,000 DAI | 0x9e1585d9CA64243CE43D42f7dD7333190F66Ca09 | Cliff: none | Restricted: Yes
        VestLike(MCD_VEST_DAI).restrict(
            VestLike(MCD_VEST_DAI).create(
                RWF_WALLET,                // usr
                620_000 * WAD,             // tot
                SEP_01_2021,               // bgn
                JAN_01_2022 - SEP_01_2021, // tau: 122 days
                0,                         // eta: no cliff
                address(0)                 // mgr: none
            )
        );

        // ----- MKR Vesting -----

        // GRO_WALLET | 2021-07-01 00:00:00 UTC to 2022-07-01 00:00:00 UTC | 803.18 MKR | 0x7800C137A645c07132886539217ce192b9F0528e | Cliff: 2022-07-01 00:00:00 UTC | Restricted: Yes
        VestLike(MCD_VEST_MKR).restrict(
            VestLike(MCD_VEST_MKR).create(
                GRO_WALLET,   // usr
                803.18 ether, // tot (Note: ether is a keyword helper, only MKR is transferred here)
                JUL_01_2021,  // bgn
                365 days,     // tau: 365 days
                365 days,     // eta: cliff 2022-07-01 00:00:00 UTC
                address(0)    // mgr: none
            )
        );

        // ORA_WALLET | 2021-07-01 00:00:00 UTC to 2022-07-01 00:00:00 UTC | 1,051.25 MKR | 0x2d09B7b95f3F312ba6dDfB77bA6971786c5b50Cf | Cliff: 2022-07-01 00:00:00 UTC | Restricted: Yes
        VestLike(MCD_VEST_MKR).restrict(
            VestLike(MCD_VEST_MKR).create(
                ORA_WALLET,     // usr
                1_051.25 ether, // tot (Note: ether is a keyword helper, only MKR is transferred here)
                JUL_01_2021,    // bgn
                365 days,       // tau: 365 days
                365 days,       // eta: cliff 2022-07-01 00:00:00 UTC
                address(0)      // mgr: none
            )
        );

        // Left unrestricted, as the spell created it
        // 0xfDB9F5e045D7326C1da87d0e199a05CDE5378EdD | 2021-05-01 00:00:00 UTC to 2025-04-30 00:00:00 UTC | 995 MKR | Cliff: 2022-05-01 00:00:00 UTC | Restricted: No
        VestLike(MCD_VEST_MKR).create(
            0xfDB9F5e045D7326C1da87d0e199a05CDE5378EdD, // usr
            995 * WAD,                                  // tot
            MAY_01_2021,                                // bgn
            1460 days,                                  // tau: 1,460 days
            365 days,                                   // eta: cliff 2022-05-01 00:00:00 UTC
            PE_WALLET                                   // mgr: PE_WALLET
        );

        // 0xBe4De3E151D52668c2C0610C985b4297833239C8 | 2021-05-01 00:00:00 UTC to 2025-04-30 00:00:00 UTC | 995 MKR | Cliff: 2022-05-01 00:00:00 UTC | Restricted: Yes
        VestLike(MCD_VEST_MKR).restrict(
            VestLike(MCD_VEST_MKR).create(
                0xBe4De3E151D52668c2C0610C985b4297833239C8, // usr
                995 * WAD,                                  // tot
                MAY_01_2021,                                // bgn
                1460 days,                                  // tau: 1,460 days
                365 days,                                   // eta: cliff 2022-05-01 00:00:00 UTC
                PE_WALLET                                   // mgr: PE_WALLET
            )
        );

        // 0x58EA3C96a8b81abC01EB78B98deCe2AD1e5fd7fc | 2021-05-01 00:00:00 UTC to 2025-04-30 00:00:00 UTC | 995 MKR | Cliff: 2022-05-01 00:00:00 UTC | Restricted: Yes
        VestLike(MCD_VEST_MKR).restrict(
            VestLike(MCD_VEST_MKR).create(
                0x58EA3C96a8b81abC01EB78B98deCe2AD1e5fd7fc, // usr
                995 * WAD,                                  // tot
                MAY_01_2021,                                // bgn
                1460 days,                                  // tau: 1,460 days
                365 days,                                   // eta: cliff 2022-05-01 00:00:00 UTC
                PE_WALLET                                   // mgr: PE_WALLET
            )
        );

        // 0xBAB4Cd1cB31Cd28f842335973712a6015eB0EcD5 | 2021-05-01 00:00:00 UTC to 2025-04-30 00:00:00 UTC | 995 MKR | Cliff: 2022-05-01 00:00:00 UTC | Restricted: Yes
        VestLike(MCD_VEST_MKR).restrict(
            VestLike(MCD_VEST_MKR).create(
                0xBAB4Cd1cB31Cd28f842335973712a6015eB0EcD5, // usr
                995 * WAD,                                  // tot
                MAY_01_2021,                                // bgn
                1460 days,                                  // tau: 1,460 days
                365 days,                                   // eta: cliff 2022-05-01 00:00:00 UTC
                PE_WALLET                                   // mgr: PE_WALLET
            )
        );

        // Left unrestricted, as the spell created it
        // 0xB5c86aff90944CFB3184902482799bD5fA3B18dD | 2021-05-01 00:00:00 UTC to 2025-04-30 00:00:00 UTC | 995 MKR | Cliff: 2022-05-01 00:00:00 UTC | Restricted: No
        VestLike(MCD_VEST_MKR).create(
            0xB5c86aff90944CFB3184902482799bD5fA3B18dD, // usr
            995 * WAD,                                  // tot
            MAY_01_2021,                                // bgn
            1460 days,                                  // tau: 1,460 days
            365 days,                                   // eta: cliff 2022-05-01 00:00:00 UTC
            PE_WALLET                                   // mgr: PE_WALLET
        );

        // 0x780f478856ebE01e46d9A432e8776bAAB5A81b5b | 2021-05-01 00:00:00 UTC to 2025-04-30 00:00:00 UTC | 995 MKR | Cliff: 2022-05-01 00:00:00 UTC | Restricted: Yes
        VestLike(MCD_VEST_MKR).restrict(
            VestLike(MCD_VEST_MKR).create(
                0x780f478856ebE01e46d9A432e8776bAAB5A81b5b, // usr
                995 * WAD,                                  // tot
                MAY_01_2021,                                // bgn
                1460 days,                                  // tau: 1,460 days
                365 days,                                   // eta: cliff 2022-05-01 00:00:00 UTC
                PE_WALLET                                   // mgr: PE_WALLET
            )
        );

        // 0x34364E234b3DD02FF5c8A2ad9ba86bbD3D3D3284 | 2021-05-01 00:00:00 UTC to 2025-04-30 00:00:00 UTC | 995 MKR | Cliff: 2022-05-01 00:00:00 UTC | Restricted: Yes
        VestLike(MCD_VEST_MKR).restrict(
            VestLike(MCD_VEST_MKR).create(
                0x34364E234b3DD02FF5c8A2ad9ba86bbD3D3D3284, // usr
                995 * WAD,                                  // tot
                MAY_01_2021,                                // bgn
                1460 days,                                  // tau: 1,460 days
                365 days,                                   // eta: cliff 2022-05-01 00:00:00 UTC
                PE_WALLET                                   // mgr: PE_WALLET
            )
        );

        // 0x46E5DBad3966453Af57e90Ec2f3548a0e98ec979 | 2021-05-01 00:00:00 UTC to 2025-04-30 00:00:00 UTC | 995 MKR | Cliff: 2022-05-01 00:00:00 UTC | Restricted: Yes
        VestLike(MCD_VEST_MKR).restrict(
            VestLike(MCD_VEST_MKR).create(
                0x46E5DBad3966453Af57e90Ec2f3548a0e98ec979, // usr
                995 * WAD,                                  // tot
                MAY_01_2021,                                // bgn
                1460 days,                                  // tau: 1,460 days
                365 days,                                   // eta: cliff 2022-05-01 00:00:00 UTC
                PE_WALLET                                   // mgr: PE_WALLET
            )
        );

        // 0x18CaE82909C31b60Fe0A9656D76406345C9cb9FB | 2021-05-01 00:00:00 UTC to 2025-04-30 00:00:00 UTC | 995 MKR | Cliff: 2022-05-01 00:00:00 UTC | Restricted: Yes
        VestLike(MCD_VEST_MKR).restrict(
            VestLike(MCD_VEST_MKR).create(
                0x18CaE82909C31b60Fe0A9656D76406345C9cb9FB, // usr
                995 * WAD,                                  // tot
                MAY_01_2021,                                // bgn
                1460 days,                                  // tau: 1,460 days
                365 days,                                   // eta: cliff 2022-05-01 00:00:00 UTC
                PE_WALLET                                   // mgr: PE_WALLET
            )
        );

        // Left unrestricted, as the spell created it
        // 0x301dD8eB831ddb93F128C33b9d9DC333210d9B25 | 2021-05-01 00:00:00 UTC to 2025-04-30 00:00:00 UTC | 995 MKR | Cliff: 2022-05-01 00:00:00 UTC | Restricted: No
        VestLike(MCD_VEST_MKR).create(
            0x301dD8eB831ddb93F128C33b9d9DC333210d9B25, // usr
            995 * WAD,                                  // tot
            MAY_01_2021,                                // bgn
            1460 days,                                  // tau: 1,460 days
            365 days,                                   // eta: cliff 2022-05-01 00:00:00 UTC
            PE_WALLET                                   // mgr: PE_WALLET
        );

        // Left unrestricted, as the spell created it
        // 0xBFC47D0D7452a25b7d3AA4d7379c69A891bD5d43 | 2021-05-01 00:00:00 UTC to 2025-04-30 00:00:00 UTC | 995 MKR | Cliff: 2022-05-01 00:00:00 UTC | Restricted: No
        VestLike(MCD_VEST_MKR).create(
            0xBFC47D0D7452a25b7d3AA4d7379c69A891bD5d43, // usr
            995 * WAD,                                  // tot
            MAY_01_2021,                                // bgn
            1460 days,                                  // tau: 1,460 days
            365 days,                                   // eta: cliff 2022-05-01 00:00:00 UTC
            PE_WALLET                                   // mgr: PE_WALLET
        );

        // Left unrestricted, as the spell created it
        // 0xcD16aa978A89Aa26b3121Fc8dd32228d7D0fcF4a | 2021-09-13 00:00:00 UTC to 2025-09-12 00:00:00 UTC | 995 MKR | Cliff: 2022-09-13 00:00:00 UTC | Restricted: No
        VestLike(MCD_VEST_MKR).create(
            0xcD16aa978A89Aa26b3121Fc8dd32228d7D0fcF4a, // usr
            995 * WAD,                                  // tot
            SEP_13_2021,                                // bgn
            1460 days,                                  // tau: 1,460 days
            365 days,                                   // eta: cliff 2022-09-13 00:00:00 UTC
            PE_WALLET                                   // mgr: PE_WALLET
        );

        // 0x3189cfe40CF011AAb13aDD8aE7284deD4CD30602 | 2021-06-21 00:00:00 UTC to 2025-06-20 00:00:00 UTC | 995 MKR | Cliff: 2022-06-21 00:00:00 UTC | Restricted: Yes
        VestLike(MCD_VEST_MKR).restrict(
            VestLike(MCD_VEST_MKR).create(
                0x3189cfe40CF011AAb13aDD8aE7284deD4CD30602, // usr
                995 * WAD,                                  // tot
                JUN_21_2021,                                // bgn
                1460 days,                                  // tau: 1,460 days
                365 days,                                   // eta: cliff 2022-06-21 00:00:00 UTC
                PE_WALLET                                   // mgr: PE_WALLET
            )
        );

        // 0x29b37159C09a65af6a7CFb062998B169879442B6 | 2021-09-20 00:00:00 UTC to 2025-09-19 00:00:00 UTC | 995 MKR | Cliff: 2022-09-20 00:00:00 UTC | Restricted: Yes
        VestLike(MCD_VEST_MKR).restrict(
            VestLike(MCD_VEST_MKR).create(
                0x29b37159C09a65af6a7CFb062998B169879442B6, // usr
                995 * WAD,                                  // tot
                SEP_20_2021,                                // bgn
                1460 days,                                  // tau: 1,460 days
                365 days,                                   // eta: cliff 2022-09-20 00:00:00 UTC
                PE_WALLET                                   // mgr: PE_WALLET
            )
        );
    }
}

contract DssSpell is DssExec {
    constructor() DssExec(block.timestamp + 30 days, address(new DssSpellAction())) public {}
}
