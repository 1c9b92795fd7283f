// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Rendered by spellgen from core-units-2021-07-16.yaml: change the YAML and render again, do not edit.
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

interface Doable {
    function done() external view returns (bool);
}

contract DssSpellAction is DssAction {
    // Hash: cast keccak -- "$(wget 'https://raw.githubusercontent.com/makerdao/community/3e69d2d9403ad0db916a370be66b9b77970b9a4d/governance/votes/Executive%20vote%20-%20July%2016%2C%202021.md' -q -O - 2>/dev/null)"
    string public constant override description =
        "2021-07-16 MakerDAO Executive Spell | Hash: 0x3797ab3aade24e8dbc3c859932f2a4fde3acbef215447b133e1622c21813dfab";

    // Office hours off: the spell can be cast at any time
    function officeHours() public override returns (bool) {
        return false;
    }

    // --- Wallets ---
    address internal constant GRO_MULTISIG    = 0x7800C137A645c07132886539217ce192b9F0528e;
    address internal constant MKT_MULTISIG    = 0xDCAF2C84e1154c8DdD3203880e5db965bfF09B60;
    address internal constant GOV_MULTISIG    = 0x01D26f8c5cC009868A4BF66E268c17B057fF7A73;
    address internal constant RWF_MULTISIG    = 0x9e1585d9CA64243CE43D42f7dD7333190F66Ca09;
    address internal constant RISK_CU_EOA     = 0xd98ef20520048a35EdA9A202137847A62120d2d9;
    address internal constant PE_MULTISIG     = 0xe2c16c308b843eD02B09156388Cb240cEd58C01c;
    address internal constant ORA_MULTISIG    = 0x2d09B7b95f3F312ba6dDfB77bA6971786c5b50Cf;
    address internal constant ORA_ER_MULTISIG = 0x53CCAA8E3beF14254041500aCC3f1D4edb5B6D24;

    // --- Earlier spells (a section runs only if one was, or was not, cast) ---
    address internal constant PREV_SPELL = 0xEC782b5aC1f0Fc096Ad30950f3348670980f7FD3;

    function actions() public override {
        // ----- Core Unit Budget Distributions - July -----

        if (!Doable(PREV_SPELL).done()) {
            // GRO_MULTISIG - 126,117 DAI - 0x7800C137A645c07132886539217ce192b9F0528e
            DssExecLib.sendPaymentFromSurplusBuffer(GRO_MULTISIG, 126_117);

            // MKT_MULTISIG - 44,375 DAI - 0xDCAF2C84e1154c8DdD3203880e5db965bfF09B60
            DssExecLib.sendPaymentFromSurplusBuffer(MKT_MULTISIG, 44_375);

            // GOV_MULTISIG - 273,334 DAI - 0x01D26f8c5cC009868A4BF66E268c17B057fF7A73
            DssExecLib.sendPaymentFromSurplusBuffer(GOV_MULTISIG, 273_334);

            // RWF_MULTISIG - 155,000 DAI - 0x9e1585d9CA64243CE43D42f7dD7333190F66Ca09
            DssExecLib.sendPaymentFromSurplusBuffer(RWF_MULTISIG, 155_000);

            // RISK_CU_EOA - 182,000 DAI - 0xd98ef20520048a35EdA9A202137847A62120d2d9
            DssExecLib.sendPaymentFromSurplusBuffer(RISK_CU_EOA, 182_000);

            // PE_MULTISIG - 510,000 DAI - 0xe2c16c308b843eD02B09156388Cb240cEd58C01c
            DssExecLib.sendPaymentFromSurplusBuffer(PE_MULTISIG, 510_000);

            // ORA_MULTISIG - 419,677 DAI - 0x2d09B7b95f3F312ba6dDfB77bA6971786c5b50Cf
            DssExecLib.sendPaymentFromSurplusBuffer(ORA_MULTISIG, 419_677);

            // ORA_ER_MULTISIG - 800,000 DAI - 0x53CCAA8E3beF14254041500aCC3f1D4edb5B6D24
            DssExecLib.sendPaymentFromSurplusBuffer(ORA_ER_MULTISIG, 800_000);
        }
    }
}

contract DssSpell is DssExec {
    constructor() DssExec(block.timestamp + 30 days, address(new DssSpellAction())) public {}
}
