// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Spk.sol -- clean-room SPK token (spellgen twin); mainnet: SPK 0xc20059e0317DE91738d13af027DfC4a50781b066
// (chainlog key SPK from 2025-06-26). The PauseProxy holds the SPK treasury MCD_VEST_SPK_TREASURY pays
// from with transferFrom. The logic is WardedToken's. Assumption: the spec gives SPK's revert strings
// no prefix; "Spk/..." follows the twin's USDS and SKY.

pragma solidity 0.8.16;

import "./WardedToken.sol";

contract Spk is WardedToken {
    string public constant name   = "Spark";
    string public constant symbol = "SPK";

    // Deployer is the first ward
    constructor() {
        _firstWard(msg.sender);
    }

    // Revert strings read "Spk/..."
    function _prefix() internal pure override returns (string memory) { return "Spk"; }

    // The EIP-712 domain name
    function _name() internal pure override returns (string memory) { return name; }
}
