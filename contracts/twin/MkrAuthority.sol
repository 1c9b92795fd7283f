// SPDX-License-Identifier: AGPL-3.0-or-later
//
// MkrAuthority.sol -- clean-room ds-auth authority of the MKR token (spellgen twin); mainnet: GOV_GUARD.
// Written from the public facts of mainnet's MkrAuthority: storage order root, wards (slots 0-1); the
// root (the PauseProxy on mainnet) alone may setRoot, rely and deny, reverting without a reason
// otherwise; as MKR's authority, anyone may burn (burn(uint256), burn(address,uint256): the token
// still checks balances and allowances), the root may call anything, wards may mint(address,uint256).
// Set it with MKR.setAuthority(mkrAuthority); rely MCD_VEST_MKR; hand the root to the PauseProxy.

pragma solidity 0.8.16;

contract MkrAuthority {
    address public root;                          // slot 0
    mapping (address => uint256) public wards;    // slot 1: may mint

    event LogSetRoot(address indexed newRoot);
    event LogRely(address indexed usr);
    event LogDeny(address indexed usr);

    bytes4 constant internal BURN      = 0x42966c68;  // burn(uint256)
    bytes4 constant internal BURN_FROM = 0x9dc29fac;  // burn(address,uint256)
    bytes4 constant internal MINT      = 0x40c10f19;  // mint(address,uint256)

    modifier sudo { require(msg.sender == root); _; }

    // The deployer is the root
    constructor() {
        root = msg.sender;
    }

    // Hand the root to `usr`
    function setRoot(address usr) external sudo {
        root = usr;
        emit LogSetRoot(usr);
    }

    // Let `usr` mint
    function rely(address usr) external sudo { wards[usr] = 1; emit LogRely(usr); }

    // Stop `usr` minting
    function deny(address usr) external sudo { wards[usr] = 0; emit LogDeny(usr); }

    // Whether `src` may call `sig` on the token: burns always, the root always, mints for wards
    function canCall(address src, address, bytes4 sig) external view returns (bool) {
        if (sig == BURN || sig == BURN_FROM || src == root) return true;
        if (sig == MINT) return wards[src] == 1;
        return false;
    }
}
