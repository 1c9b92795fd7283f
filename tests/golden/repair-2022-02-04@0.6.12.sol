// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Rendered by spellgen from repair-2022-02-04.yaml: change the YAML and render again, do not edit.
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
    function accrued(uint256 id) external view returns (uint256);
    function unrestrict(uint256 id) external;
    function vest(uint256 id) external;
}

interface GemLike {
    function transfer(address dst, uint256 wad) external returns (bool);
    function approve(address usr, uint256 wad) external returns (bool);
    function allowance(address src, address usr) external view returns (uint256);
}

interface VatLike {
    function suck(address u, address v, uint256 rad) external;
}

interface DaiJoinLike {
    function exit(address usr, uint256 wad) external;
}

contract DssSpellAction is DssAction {
    // Hash: cast keccak -- "$(wget 'https://raw.githubusercontent.com/makerdao/community/21f922bcb595218ef3a27b8e744d54fa1952241a/governance/votes/Executive%20Vote%20-%20February%204%2C%202022.md' -q -O - 2>/dev/null)"
    string public constant override description =
        "2022-02-04 MakerDAO Executive Spell | Hash: 0x0657ea988166b3dfd3ae97e4edbf3c15de78c6abb24f8685e1964df754d6f235";

    // Office hours on: the spell can be cast on weekdays from 14:00 to 21:00 UTC
    function officeHours() public override returns (bool) {
        return true;
    }

    uint256 internal constant WAD = 10 ** 18;
    uint256 internal constant RAY = 10 ** 27;

    // --- Wallets ---
    address internal constant FLIP_FLOP_FLAP_WALLET  = 0x688d508f3a6B0a377e266405A1583B3316f9A2B3;
    address internal constant FEEDBLACK_LOOPS_WALLET = 0x80882f2A36d49fC46C3c654F7f9cB9a2Bf0423e1;
    address internal constant SCHUPPI_WALLET         = 0x89C5d54C979f682F40b73a9FC39F338C88B434c6;
    address internal constant MAKERMAN_WALLET        = 0x9AC6A6B24bCd789Fa59A175c0514f33255e1e6D0;
    address internal constant MONETSUPPLY_WALLET     = 0x4Bd73eeE3d0568Bb7C52DFCad7AD5d47Fff5E2CF;
    address internal constant ACRE_INVEST_WALLET     = 0x5b9C98e8A3D9Db6cd4B4B4C1F92D0A551D06F00D;
    address internal constant JUSTIN_CASE_WALLET     = 0xE070c2dCfcf6C6409202A8a210f71D51dbAe9473;
    address internal constant GFX_LABS_WALLET        = 0xa6e8772af29b29B9202a073f8E36f447689BEef6;
    address internal constant SF_001_WALLET          = 0xf737C76D2B358619f7ef696cf3F94548fEcec379;
    address internal constant SNE_001_WALLET         = 0x6D348f18c88D45243705D4fdEeB6538c6a9191F1;

    // --- Dates (UTC) ---
    uint256 internal constant MAR_01_2022 = 1646092800; // 2022-03-01 00:00:00 UTC
    uint256 internal constant JUL_31_2022 = 1659225600; // 2022-07-31 00:00:00 UTC

    // --- Chainlog ---
    address internal immutable MCD_JOIN_DAI = DssExecLib.getChangelogAddress("MCD_JOIN_DAI");
    address internal immutable MCD_VAT      = DssExecLib.getChangelogAddress("MCD_VAT");
    address internal immutable MCD_VEST_DAI = DssExecLib.getChangelogAddress("MCD_VEST_DAI");
    address internal immutable MCD_VOW      = DssExecLib.getChangelogAddress("MCD_VOW");

    function sub(uint256 x, uint256 y) internal pure returns (uint256 z) {
        require((z = x - y) <= x, "sub-underflow");
    }

    function actions() public override {
        // ----- Delegate Compensation January Distribution -----
        // https://forum.makerdao.com/t/recognized-delegate-compensation-breakdown-january-2022/13001

        // FLIP_FLOP_FLAP_WALLET - 12,000 DAI - 0x688d508f3a6B0a377e266405A1583B3316f9A2B3
        DssExecLib.sendPaymentFromSurplusBuffer(FLIP_FLOP_FLAP_WALLET, 12_000);

        // FEEDBLACK_LOOPS_WALLET - 12,000 DAI - 0x80882f2A36d49fC46C3c654F7f9cB9a2Bf0423e1
        DssExecLib.sendPaymentFromSurplusBuffer(FEEDBLACK_LOOPS_WALLET, 12_000);

        // SCHUPPI_WALLET - 12,000 DAI - 0x89C5d54C979f682F40b73a9FC39F338C88B434c6
        DssExecLib.sendPaymentFromSurplusBuffer(SCHUPPI_WALLET, 12_000);

        // MAKERMAN_WALLET - 8,620 DAI - 0x9AC6A6B24bCd789Fa59A175c0514f33255e1e6D0
        DssExecLib.sendPaymentFromSurplusBuffer(MAKERMAN_WALLET, 8_620);

        // MONETSUPPLY_WALLET - 4,807 DAI - 0x4Bd73eeE3d0568Bb7C52DFCad7AD5d47Fff5E2CF
        DssExecLib.sendPaymentFromSurplusBuffer(MONETSUPPLY_WALLET, 4_807);

        // ACRE_INVEST_WALLET - 3,795 DAI - 0x5b9C98e8A3D9Db6cd4B4B4C1F92D0A551D06F00D
        DssExecLib.sendPaymentFromSurplusBuffer(ACRE_INVEST_WALLET, 3_795);

        // JUSTIN_CASE_WALLET - 889 DAI - 0xE070c2dCfcf6C6409202A8a210f71D51dbAe9473
        DssExecLib.sendPaymentFromSurplusBuffer(JUSTIN_CASE_WALLET, 889);

        // GFX_LABS_WALLET - 641 DAI - 0xa6e8772af29b29B9202a073f8E36f447689BEef6
        DssExecLib.sendPaymentFromSurplusBuffer(GFX_LABS_WALLET, 641);

        // ----- Repair Dai Streams - SNE-001 -----
        // https://forum.makerdao.com/t/correction-to-last-weeks-executive/13022
        // https://mips.makerdao.com/mips/details/MIP40c3SP47

        // Send first month payment minus accrued amount
        // SNE_001_WALLET - 42,917 DAI minus what award 24 of MCD_VEST_DAI has accrued at the cast - 0x6D348f18c88D45243705D4fdEeB6538c6a9191F1
        uint256 snePayment = sub(42_917 * WAD, VestLike(MCD_VEST_DAI).accrued(24));
        VatLike(MCD_VAT).suck(MCD_VOW, address(this), snePayment * RAY);
        DaiJoinLike(MCD_JOIN_DAI).exit(SNE_001_WALLET, snePayment);

        // Pay DAI stream ID 24 on MCD_VEST_DAI (SNE_001_WALLET) what it owes, then yank it
        VestLike(MCD_VEST_DAI).unrestrict(24);
        VestLike(MCD_VEST_DAI).vest(24); // Pay unpaid stream amount
        VestLike(MCD_VEST_DAI).yank(24);

        // Stream payments for months 2-6
        // SNE_001_WALLET | 2022-03-01 00:00:00 UTC to 2022-07-31 00:00:00 UTC | 214,583 DAI | 0x6D348f18c88D45243705D4fdEeB6538c6a9191F1 | Cliff: none | Restricted: Yes
        VestLike(MCD_VEST_DAI).restrict(
            VestLike(MCD_VEST_DAI).create(
                SNE_001_WALLET,            // usr
                214_583 * WAD,             // tot
                MAR_01_2022,               // bgn
                JUL_31_2022 - MAR_01_2022, // tau: 152 days
                0,                         // eta: no cliff
                address(0)                 // mgr: none
            )
        );

        // ----- Repair Dai Streams - SF-001 -----
        // https://forum.makerdao.com/t/correction-to-last-weeks-executive/13022
        // https://mips.makerdao.com/mips/details/MIP40c3SP46

        // Send first month payment minus accrued amount
        // SF_001_WALLET - 82,417 DAI minus what award 26 of MCD_VEST_DAI has accrued at the cast - 0xf737C76D2B358619f7ef696cf3F94548fEcec379
        uint256 sfPayment = sub(82_417 * WAD, VestLike(MCD_VEST_DAI).accrued(26));
        VatLike(MCD_VAT).suck(MCD_VOW, address(this), sfPayment * RAY);
        DaiJoinLike(MCD_JOIN_DAI).exit(SF_001_WALLET, sfPayment);

        // Pay DAI stream ID 26 on MCD_VEST_DAI (SF_001_WALLET) what it owes, then yank it
        VestLike(MCD_VEST_DAI).unrestrict(26);
        VestLike(MCD_VEST_DAI).vest(26); // Pay unpaid stream amount
        VestLike(MCD_VEST_DAI).yank(26);

        // Stream payments for months 2-6
        // SF_001_WALLET | 2022-03-01 00:00:00 UTC to 2022-07-31 00:00:00 UTC | 412,085 DAI | 0xf737C76D2B358619f7ef696cf3F94548fEcec379 | Cliff: none | Restricted: Yes
        VestLike(MCD_VEST_DAI).restrict(
            VestLike(MCD_VEST_DAI).create(
                SF_001_WALLET,             // usr
                412_085 * WAD,             // tot
                MAR_01_2022,               // bgn
                JUL_31_2022 - MAR_01_2022, // tau: 152 days
                0,                         // eta: no cliff
                address(0)                 // mgr: none
            )
        );
    }
}

contract DssSpell is DssExec {
    constructor() DssExec(block.timestamp + 30 days, address(new DssSpellAction())) public {}
}
