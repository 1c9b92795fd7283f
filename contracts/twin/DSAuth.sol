// SPDX-License-Identifier: AGPL-3.0-or-later
//
// DSAuth.sol -- clean-room ds-auth, ds-note and ds-math of 2019-2020 (spellgen twin), the bases of
// DSToken (the chief's IOU), DSChief and DSPause. Facts kept from those libraries: ds-auth stores
// `authority` (slot 0) then `owner` (slot 1) and its constructor makes the deployer the owner;
// ds-note and ds-math have no storage; revert strings "ds-auth-unauthorized", "ds-math-add-overflow",
// "ds-math-sub-underflow", "ds-math-mul-overflow"; ds-note logs an anonymous LogNote after the call.

pragma solidity 0.8.16;

interface DSAuthority {
    function canCall(address src, address dst, bytes4 sig) external view returns (bool);
}

contract DSAuthEvents {
    event LogSetAuthority(address indexed authority);
    event LogSetOwner(address indexed owner);
}

contract DSAuth is DSAuthEvents {
    DSAuthority public authority;  // slot 0
    address     public owner;      // slot 1

    // The deployer owns the contract
    constructor() {
        owner = msg.sender;
        emit LogSetOwner(msg.sender);
    }

    // Hand ownership to `owner_`
    function setOwner(address owner_) public virtual auth {
        owner = owner_;
        emit LogSetOwner(owner);
    }

    // Delegate auth decisions to `authority_`
    function setAuthority(DSAuthority authority_) public virtual auth {
        authority = authority_;
        emit LogSetAuthority(address(authority));
    }

    modifier auth { require(isAuthorized(msg.sender, msg.sig), "ds-auth-unauthorized"); _; }

    // This contract, the owner, or whoever the authority allows
    function isAuthorized(address src, bytes4 sig) internal view returns (bool) {
        if (src == address(this)) return true;
        if (src == owner) return true;
        if (address(authority) == address(0)) return false;
        return authority.canCall(src, address(this), sig);
    }
}

contract DSMath {
    // x + y
    function add(uint256 x, uint256 y) internal pure returns (uint256 z) {
        unchecked { z = x + y; }
        require(z >= x, "ds-math-add-overflow");
    }
    // x - y
    function sub(uint256 x, uint256 y) internal pure returns (uint256 z) {
        unchecked { z = x - y; }
        require(z <= x, "ds-math-sub-underflow");
    }
    // x * y
    function mul(uint256 x, uint256 y) internal pure returns (uint256 z) {
        unchecked { z = x * y; }
        require(y == 0 || z / y == x, "ds-math-mul-overflow");
    }
}

contract DSNote {
    event LogNote(
        bytes4  indexed sig,
        address indexed guy,
        bytes32 indexed foo,
        bytes32 indexed bar,
        uint256         wad,
        bytes           fax
    ) anonymous;

    // Log the call (selector, caller, first two argument words, value, calldata) after its body
    modifier note {
        bytes32 foo;
        bytes32 bar;
        uint256 wad;
        assembly {
            foo := calldataload(4)
            bar := calldataload(36)
            wad := callvalue()
        }
        _;
        emit LogNote(msg.sig, msg.sender, foo, bar, wad, msg.data);
    }
}
