// SPDX-License-Identifier: AGPL-3.0-or-later
//
// AllocatorVault.sol -- clean-room stand-in for a Prime Agent's allocator vault (spellgen twin);
// mainnet: ALLOCATOR_<AGENT>_A_VAULT. Of mainnet's vault the twin keeps what a spell reads: the ilk
// (an immutable, as mainnet's) and the Vat it holds its urn in, its wards (slot 0), and the buffer
// (slot 1) and jug (slot 2) it is filed with. Drawing and wiping (its roles) are not modelled: the urn
// is written by the twin's builder and changed by spells through vat.grab.

pragma solidity 0.8.16;

contract AllocatorVault {

    // --- Auth ---
    mapping (address => uint256) public wards;  // slot 0
    // Grant `usr` admin rights
    function rely(address usr) external auth { wards[usr] = 1; emit Rely(usr); }
    // Revoke `usr`'s admin rights
    function deny(address usr) external auth { wards[usr] = 0; emit Deny(usr); }
    modifier auth { require(wards[msg.sender] == 1, "AllocatorVault/not-authorized"); _; }

    address public buffer;  // slot 1
    address public jug;     // slot 2

    address public immutable vat;
    bytes32 public immutable ilk;

    event Rely(address indexed usr);
    event Deny(address indexed usr);
    event File(bytes32 indexed what, address data);

    // Deployer is the first ward
    constructor(address vat_, bytes32 ilk_) {
        vat = vat_;
        ilk = ilk_;
        wards[msg.sender] = 1;
        emit Rely(msg.sender);
    }

    // Set "buffer" or "jug"
    function file(bytes32 what, address data) external auth {
        if (what == "buffer") buffer = data;
        else if (what == "jug") jug = data;
        else revert("AllocatorVault/file-unrecognized-param");
        emit File(what, data);
    }
}
