// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Usds.sol -- clean-room USDS token (spellgen twin); mainnet: USDS.
// A WardedToken named "USDS Stablecoin"/"USDS"; USDS_JOIN is its ward (as MCD_JOIN_DAI is DAI's).
// Mainnet's USDS is an ERC-1967 (UUPS) proxy whose storage holds the token's slots 0-4 (wards,
// totalSupply, balanceOf, allowance, nonces) plus the ERC-1967 implementation slot. The twin places
// the token itself at the USDS address, with the same slots 0-4 and no proxy: no implementation slot,
// no upgradeToAndCall/getImplementation (see contracts/README.md).

pragma solidity 0.8.16;

import "./WardedToken.sol";

contract Usds is WardedToken {
    string public constant name   = "USDS Stablecoin";
    string public constant symbol = "USDS";

    // Revert strings read "Usds/..."
    function _prefix() internal pure override returns (string memory) { return "Usds"; }

    // The EIP-712 domain name
    function _name() internal pure override returns (string memory) { return name; }
}
