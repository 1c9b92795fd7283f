// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Rendered by spellgen from core-units-2021-06-04.yaml: change the YAML and render again, do not edit.
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
    // Hash: cast keccak -- "$(wget 'https://raw.githubusercontent.com/makerdao/community/582fa1231a30fa88093fa3385b973c66033ee1cd/governance/votes/Executive%20vote%20-%20June%204%2C%202021.md' -q -O - 2>/dev/null)"
    string public constant override description =
        "2021-06-04 MakerDAO Executive Spell | Hash: 0x6e8b30cd8c6e2ccb2b567345cc0fda23b143a1243b585d4af40a5b67eff1f3e6";

    // Office hours off: the spell can be cast at any time
    function officeHours() public override returns (bool) {
        return false;
    }

    // --- Wallets ---
    address internal constant RWF_001_MULSTISIG  = 0x9e1585d9CA64243CE43D42f7dD7333190F66Ca09;
    address internal constant RISK_001_MULSTISIG = 0xd98ef20520048a35EdA9A202137847A62120d2d9;
    address internal constant GOV_001_MULSTISIG  = 0x01D26f8c5cC009868A4BF66E268c17B057fF7A73;
    address internal constant PE_001_MULSTISIG   = 0xe2c16c308b843eD02B09156388Cb240cEd58C01c;
    address internal constant GRO_001_MULSTISIG  = 0x7800C137A645c07132886539217ce192b9F0528e;
    address internal constant MKT_001_MULSTISIG  = 0xDCAF2C84e1154c8DdD3203880e5db965bfF09B60;
    address internal constant SES_001_MULSTISIG  = 0x87AcDD9208f73bFc9207e1f6F0fDE906bcA95cc6;

    function actions() public override {
        // ----- Core Units Payments -----

        // RWF_001_MULSTISIG - 40,000 DAI - 0x9e1585d9CA64243CE43D42f7dD7333190F66Ca09
        DssExecLib.sendPaymentFromSurplusBuffer(RWF_001_MULSTISIG, 40_000);

        // RISK_001_MULSTISIG - 100,500 DAI - 0xd98ef20520048a35EdA9A202137847A62120d2d9
        DssExecLib.sendPaymentFromSurplusBuffer(RISK_001_MULSTISIG, 100_500);

        // GOV_001_MULSTISIG - 80,000 DAI - 0x01D26f8c5cC009868A4BF66E268c17B057fF7A73
        DssExecLib.sendPaymentFromSurplusBuffer(GOV_001_MULSTISIG, 80_000);

        // PE_001_MULSTISIG - 510,000 DAI - 0xe2c16c308b843eD02B09156388Cb240cEd58C01c
        DssExecLib.sendPaymentFromSurplusBuffer(PE_001_MULSTISIG, 510_000);

        // GRO_001_MULSTISIG - 126,117 DAI - 0x7800C137A645c07132886539217ce192b9F0528e
        DssExecLib.sendPaymentFromSurplusBuffer(GRO_001_MULSTISIG, 126_117);

        // MKT_001_MULSTISIG - 44,375 DAI - 0xDCAF2C84e1154c8DdD3203880e5db965bfF09B60
        DssExecLib.sendPaymentFromSurplusBuffer(MKT_001_MULSTISIG, 44_375);

        // SES_001_MULSTISIG - 642,135 DAI - 0x87AcDD9208f73bFc9207e1f6F0fDE906bcA95cc6
        DssExecLib.sendPaymentFromSurplusBuffer(SES_001_MULSTISIG, 642_135);
    }
}

contract DssSpell is DssExec {
    constructor() DssExec(block.timestamp + 30 days, address(new DssSpellAction())) public {}
}
