// SPDX-License-Identifier: AGPL-3.0-or-later
//
// ScriptTools.sol -- clean-room subset of dss-test's ScriptTools, at the import path spell
// dependencies use (`dss-test/ScriptTools.sol`): the pure helpers and the ownership switch that
// init libraries call inside a spell. The script-only parts (JSON config files, exports) are not here.

pragma solidity >=0.6.12 <0.9.0;

import { WardsAbstract } from "../dss-interfaces/utils/WardsAbstract.sol"; // relative, for Brownie too

library ScriptTools {

    // The first 32 bytes of `source` as a bytes32 (zero for an empty string)
    function stringToBytes32(string memory source) internal pure returns (bytes32 result) {
        bytes memory raw = bytes(source);
        for (uint256 i = 0; i < raw.length && i < 32; i++) {
            result |= bytes32(raw[i]) >> (i * 8);
        }
    }

    // An ilk as ChainLog keys spell it: up to its first zero byte, dashes as underscores ("ETH-A" -> "ETH_A")
    function ilkToChainlogFormat(bytes32 ilk) internal pure returns (string memory) {
        uint256 len = 0;
        while (len < 32 && ilk[len] != 0) { len++; }
        bytes memory out = new bytes(len);
        for (uint256 i = 0; i < len; i++) {
            out[i] = ilk[i] == bytes1("-") ? bytes1("_") : ilk[i];
        }
        return string(out);
    }

    // Whether two strings are equal
    function eq(string memory a, string memory b) internal pure returns (bool) {
        return keccak256(bytes(a)) == keccak256(bytes(b));
    }

    // Hand `base` from `deployer` to `newOwner` (rely the new, deny the old); nothing when they are the same
    function switchOwner(address base, address deployer, address newOwner) internal {
        if (deployer == newOwner) return;
        require(WardsAbstract(base).wards(deployer) == 1, "deployer-not-authed");
        WardsAbstract(base).rely(newOwner);
        WardsAbstract(base).deny(deployer);
    }
}
