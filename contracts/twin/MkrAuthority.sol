// SPDX-License-Identifier: AGPL-3.0-or-later
//
// MkrAuthority.sol -- clean-room ds-auth authority for the twin's MKR token (spellgen twin).
// Own design (the spec only says mint needs "owner or authority"): anyone may burn (the token
// still checks allowances), only wards may mint(address,uint256). Set it with
// MKR.setAuthority(mkrAuthority) and rely MCD_VEST_MKR (and the PauseProxy) on it.

pragma solidity 0.8.16;

contract MkrAuthority {

    // --- Auth ---
    mapping (address => uint256) public wards;
    // Grant `usr` admin and mint rights
    function rely(address usr) external auth { wards[usr] = 1; emit Rely(usr); }
    // Revoke `usr`'s rights
    function deny(address usr) external auth { wards[usr] = 0; emit Deny(usr); }
    modifier auth { require(wards[msg.sender] == 1, "MkrAuthority/not-authorized"); _; }

    bytes4 constant internal BURN     = bytes4(keccak256("burn(uint256)"));
    bytes4 constant internal BURN_GUY = bytes4(keccak256("burn(address,uint256)"));
    bytes4 constant internal MINT_GUY = bytes4(keccak256("mint(address,uint256)"));

    // --- Events ---
    event Rely(address indexed usr);
    event Deny(address indexed usr);

    // Deployer is the first ward
    constructor() {
        wards[msg.sender] = 1;
        emit Rely(msg.sender);
    }

    // Whether `src` may call `sig` on the token
    function canCall(address src, address, bytes4 sig) external view returns (bool) {
        if (sig == BURN || sig == BURN_GUY) return true;
        if (sig == MINT_GUY) return wards[src] == 1;
        return false;
    }
}
