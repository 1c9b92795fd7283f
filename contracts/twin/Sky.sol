// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Sky.sol -- clean-room SKY token (spellgen twin); mainnet: SKY (MCD_GOV from 2025-05-15).
// The PauseProxy is a ward; the treasury is its balance, which MCD_VEST_SKY_TREASURY pays from with
// transferFrom. The logic is WardedToken's.

pragma solidity 0.8.16;

import "./WardedToken.sol";

contract Sky is WardedToken {
    string public constant name   = "SKY Governance Token";
    string public constant symbol = "SKY";

    // Revert strings read "Sky/..."
    function _prefix() internal pure override returns (string memory) { return "Sky"; }
}
