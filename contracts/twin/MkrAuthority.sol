// SPDX-License-Identifier: AGPL-3.0-or-later
//
// MkrAuthority.sol -- clean-room ds-auth authority of the twin's MKR token (spellgen twin).
// Behaves as mainnet's MKR authority (chainlog GOV_GUARD) does, from its public description:
// anyone may burn (the token still checks allowances); wards may mint(address,uint256); the
// `root` may call every other auth function of MKR (setOwner, setAuthority, stop, ...). Only the
// root changes the wards or the root. Storage as mainnet's: root slot 0, wards slot 1. On mainnet
// the root is the PauseProxy, so a spell may do anything to MKR: the twin lets it too.

pragma solidity 0.8.16;

contract MkrAuthority {

    address public root;
    mapping (address => uint256) public wards;

    event LogSetRoot(address indexed newRoot);
    event LogRely(address indexed usr);
    event LogDeny(address indexed usr);

    modifier sudo { require(msg.sender == root, "MkrAuthority/not-root"); _; }

    bytes4 constant internal BURN     = bytes4(keccak256("burn(uint256)"));
    bytes4 constant internal BURN_GUY = bytes4(keccak256("burn(address,uint256)"));
    bytes4 constant internal MINT_GUY = bytes4(keccak256("mint(address,uint256)"));

    // The deployer is the first root
    constructor() {
        root = msg.sender;
    }

    // Hand the root to `usr`
    function setRoot(address usr) external sudo { root = usr; emit LogSetRoot(usr); }
    // Let `usr` mint
    function rely(address usr) external sudo { wards[usr] = 1; emit LogRely(usr); }
    // Stop `usr` minting
    function deny(address usr) external sudo { wards[usr] = 0; emit LogDeny(usr); }

    // Whether `src` may call `sig` on the token
    function canCall(address src, address, bytes4 sig) external view returns (bool) {
        if (sig == BURN || sig == BURN_GUY || src == root) return true;
        if (sig == MINT_GUY) return wards[src] == 1;
        return false;
    }
}
