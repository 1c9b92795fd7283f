// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Usds.sol -- clean-room USDS token (spellgen twin); mainnet: USDS.
// USDS_JOIN is its ward (as MCD_JOIN_DAI is DAI's). Mainnet's USDS sits behind an upgradeable proxy;
// the twin needs none of that. The logic is WardedToken's.

pragma solidity 0.8.16;

import "./WardedToken.sol";

contract Usds is WardedToken {
    string public constant name   = "Sky Dollar";
    string public constant symbol = "USDS";

    // Revert strings read "Usds/..."
    function _prefix() internal pure override returns (string memory) { return "Usds"; }
}
