// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Rendered by spellgen from sky-2026-05-07.yaml: change the YAML and render again, do not edit.
//
// This program is free software: you can redistribute it and/or modify
// it under the terms of the GNU Affero General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.

pragma solidity 0.8.16;

import "dss-exec-lib/DssExec.sol";
import "dss-exec-lib/DssAction.sol";
import { JugAbstract } from "dss-interfaces/dss/JugAbstract.sol";
import { VatAbstract } from "dss-interfaces/dss/VatAbstract.sol";

interface AllocatorVaultLike {
    function ilk() external view returns (bytes32);
}

contract DssSpellAction is DssAction {
    string public constant override description =
        "2026-05-07 MakerDAO Executive Spell | Hash: 0x0000000000000000000000000000000000000000000000000000000000000000";

    // Office hours on: the spell can be cast on weekdays from 14:00 to 21:00 UTC
    function officeHours() public pure override returns (bool) {
        return true;
    }

    uint256 internal constant WAD = 10 ** 18;
    uint256 internal constant RAY = 10 ** 27;

    // --- Chainlog ---
    address internal immutable ALLOCATOR_BLOOM_A_VAULT = DssExecLib.getChangelogAddress("ALLOCATOR_BLOOM_A_VAULT");
    address internal immutable ALLOCATOR_OBEX_A_VAULT  = DssExecLib.getChangelogAddress("ALLOCATOR_OBEX_A_VAULT");
    address internal immutable ALLOCATOR_SPARK_A_VAULT = DssExecLib.getChangelogAddress("ALLOCATOR_SPARK_A_VAULT");
    address internal immutable MCD_JUG                 = DssExecLib.getChangelogAddress("MCD_JUG");
    address internal immutable MCD_VAT                 = DssExecLib.getChangelogAddress("MCD_VAT");
    address internal immutable MCD_VOW                 = DssExecLib.getChangelogAddress("MCD_VOW");

    // Take `wad` from an allocator vault into the surplus buffer: the vault's debt rises by `wad` (in
    // normalised debt at the ilk's rate after drip, rounded up) and the Vow's dai by as much
    function _takeAllocatorPayment(address vault, uint256 wad) internal {
        require(wad > 0, "takeAllocatorPayment/zero-amount");
        bytes32 ilk = AllocatorVaultLike(vault).ilk();
        uint256 rate = JugAbstract(MCD_JUG).drip(ilk);
        require(rate > 0, "takeAllocatorPayment/jug-ilk-not-initialized");
        // Note: rounded up, in the protocol's favour
        uint256 dart = ((wad * RAY - 1) / rate) + 1;
        require(dart <= uint256(type(int256).max), "takeAllocatorPayment/dart-too-large");
        // Note: the Vow gets dai and sin of dart * rate at once
        VatAbstract(MCD_VAT).suck(MCD_VOW, MCD_VOW, dart * rate);
        // Note: the vault's urn takes the debt, cancelling the sin: the Vow keeps the dai
        VatAbstract(MCD_VAT).grab(ilk, vault, address(0), MCD_VOW, 0, int256(dart));
    }

    function actions() public override {
        // ----- Prime Agent payments -----

        // Take 9,179,021 DAI from ALLOCATOR_SPARK_A_VAULT (ilk ALLOCATOR-SPARK-A) into the surplus buffer, as new debt of the vault
        _takeAllocatorPayment(ALLOCATOR_SPARK_A_VAULT, 9_179_021 * WAD);

        // Take 9,385,986 DAI from ALLOCATOR_BLOOM_A_VAULT (ilk ALLOCATOR-BLOOM-A) into the surplus buffer, as new debt of the vault
        _takeAllocatorPayment(ALLOCATOR_BLOOM_A_VAULT, 9_385_986 * WAD);

        // Take 1,969,499 DAI from ALLOCATOR_OBEX_A_VAULT (ilk ALLOCATOR-OBEX-A) into the surplus buffer, as new debt of the vault
        _takeAllocatorPayment(ALLOCATOR_OBEX_A_VAULT, 1_969_499 * WAD);
    }
}

contract DssSpell is DssExec {
    constructor() DssExec(block.timestamp + 30 days, address(new DssSpellAction())) {}
}
