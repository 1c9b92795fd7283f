// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Rendered by spellgen from techops-2022-01-28.yaml: change the YAML and render again, do not edit.
//
// This program is free software: you can redistribute it and/or modify
// it under the terms of the GNU Affero General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.

pragma solidity 0.8.16;

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
    // Hash: cast keccak -- "$(wget 'https://raw.githubusercontent.com/makerdao/community/8d4ada25d79f0d7cee894fc9f80d579ae5545a48/governance/votes/Executive%20vote%20-%20January%2028%2C%202022.md' -q -O - 2>/dev/null)"
    string public constant override description =
        "2022-01-28 MakerDAO Executive Spell | Hash: 0x1284f085ea8cd00b52464a5191e1975b5e1b53fcfe3daa1434bd37348fbeaf9f";

    // Office hours off: the spell can be cast at any time
    function officeHours() public pure override returns (bool) {
        return false;
    }

    uint256 internal constant WAD = 10 ** 18;

    // --- Wallets ---
    address internal constant TECH_001 = 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B;

    // --- Dates (UTC) ---
    uint256 internal constant FEB_01_2022 = 1643673600; // 2022-02-01 00:00:00 UTC
    uint256 internal constant JAN_31_2023 = 1675123200; // 2023-01-31 00:00:00 UTC

    // --- Chainlog ---
    address internal immutable MCD_VEST_DAI = DssExecLib.getChangelogAddress("MCD_VEST_DAI");

    function actions() public override {
        // ----- TechOps Core Unit DAI budget -----
        // https://forum.makerdao.com/t/mip40c3-sp53-techops-core-unit-dai-budget
        // https://mips.makerdao.com/mips/details/MIP40c3SP53

        // TECH_001 - 1,069,250 DAI - 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B
        DssExecLib.sendPaymentFromSurplusBuffer(TECH_001, 1_069_250);

        // TECH_001 | 2022-02-01 00:00:00 UTC to 2023-01-31 00:00:00 UTC | 2,486,400 DAI | 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B | Cliff: none | Restricted: Yes
        VestLike(MCD_VEST_DAI).restrict(
            VestLike(MCD_VEST_DAI).create(
                TECH_001,                  // usr
                2_486_400 * WAD,           // tot
                FEB_01_2022,               // bgn
                JAN_31_2023 - FEB_01_2022, // tau: 364 days
                0,                         // eta: no cliff
                address(0)                 // mgr: none
            )
        );
    }
}

contract DssSpell is DssExec {
    constructor() DssExec(block.timestamp + 30 days, address(new DssSpellAction())) {}
}
