// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Usds.sol -- clean-room USDS token (spellgen twin); mainnet: USDS (proxy) and USDS_IMP (this).
// A WardedToken named "USDS Stablecoin"/"USDS" behind an ERC1967Proxy, as on mainnet: this is the UUPS
// implementation; its constructor disables initialisers, `initialize()` (once, through the proxy)
// makes the caller the first ward, wards authorise upgrades ("Usds/not-authorized"),
// `getImplementation()` reads the ERC-1967 slot. USDS_JOIN is a ward (as MCD_JOIN_DAI is DAI's).
// The proxy's storage: wards, totalSupply, balanceOf, allowance, nonces (slots 0-4), the ERC-1967
// implementation slot and the Initializable slot.

pragma solidity 0.8.16;

import "./ERC1967.sol";
import "./WardedToken.sol";

contract Usds is UUPSUpgradeable, WardedToken {
    string public constant name   = "USDS Stablecoin";
    string public constant symbol = "USDS";

    // The implementation itself can never be initialised
    constructor() {
        _disableInitializers();
    }

    // Initialise the proxy: the caller becomes the first ward
    function initialize() external initializer {
        __UUPSUpgradeable_init();
        _firstWard(msg.sender);
    }

    // Only wards may upgrade
    function _authorizeUpgrade(address) internal override auth {}

    // The implementation the proxy runs
    function getImplementation() external view returns (address) {
        return ERC1967Utils.getImplementation();
    }

    // Revert strings read "Usds/..."
    function _prefix() internal pure override returns (string memory) { return "Usds"; }

    // The EIP-712 domain name
    function _name() internal pure override returns (string memory) { return name; }
}
