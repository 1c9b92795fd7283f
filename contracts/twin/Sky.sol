// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Sky.sol -- clean-room SKY token (spellgen twin); mainnet: SKY (MCD_GOV from 2025-05-15).
// A WardedToken named "SKY Governance Token"/"SKY". The PauseProxy is a ward and holds the SKY
// treasury, which MCD_VEST_SKY_TREASURY pays from with transferFrom.

pragma solidity 0.8.16;

import "./WardedToken.sol";

contract Sky is WardedToken {
    string public constant name   = "SKY Governance Token";
    string public constant symbol = "SKY";

    uint256 public immutable deploymentChainId;  // the chain the token was deployed on

    // Deployer is the first ward; remembers the deployment chain
    constructor() {
        _firstWard(msg.sender);
        deploymentChainId = block.chainid;
    }

    // Revert strings read "Sky/..."
    function _prefix() internal pure override returns (string memory) { return "Sky"; }

    // The EIP-712 domain name
    function _name() internal pure override returns (string memory) { return name; }
}
