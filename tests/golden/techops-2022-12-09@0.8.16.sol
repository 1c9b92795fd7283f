// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Rendered by spellgen from techops-2022-12-09.yaml: change the YAML and render again, do not edit.
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
    // Hash: cast keccak -- "$(wget 'https://raw.githubusercontent.com/makerdao/community/8ef80506bda5a3115105ec227733e68b4a63430d/governance/votes/Executive%20Vote%20-%20December%209%2C%202022.md' -q -O - 2>/dev/null)"
    string public constant override description =
        "2022-12-09 MakerDAO Executive Spell | Hash: 0xc1363d6a233492ab13d88e8bb9d9cab0033439f0817e152f0b3a4218989983ef";

    // Office hours on: the spell can be cast on weekdays from 14:00 to 21:00 UTC
    function officeHours() public pure override returns (bool) {
        return true;
    }

    // --- Wallets ---
    address internal constant TECH_001 = 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B;

    // --- Chainlog ---
    GemLike internal immutable MKR = GemLike(DssExecLib.mkr());

    function actions() public override {
        // ----- TechOps Core Unit MKR transfer -----
        // https://mips.makerdao.com/mips/details/MIP40c3SP54

        // TECH_001 - 257.31 MKR - 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B
        MKR.transfer(TECH_001, 257.31 ether); // Note: ether is a keyword helper, only MKR is transferred here
    }
}

contract DssSpell is DssExec {
    constructor() DssExec(block.timestamp + 30 days, address(new DssSpellAction())) {}
}
