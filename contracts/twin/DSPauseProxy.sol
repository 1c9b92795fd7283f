// SPDX-License-Identifier: AGPL-3.0-or-later
//
// DSPauseProxy.sol -- clean-room executor of delayed plans (spellgen twin).
// Written from /work/shared/spec/maker.md (section 2); mainnet: MCD_PAUSE_PROXY.
// Spell actions are delegatecalled here, so this contract keeps no storage at all
// (the owner is immutable) and holds the protocol's wards and the MKR treasury.

pragma solidity 0.8.16;

contract DSPauseProxy {

    address public immutable owner;  // the DSPause

    // Proxy executing on behalf of `owner_` (the pause's final address)
    constructor(address owner_) {
        owner = owner_;
    }

    // Delegatecall `usr` with `fax` (owner only)
    function exec(address usr, bytes calldata fax) external returns (bytes memory out) {
        require(msg.sender == owner, "ds-pause-proxy-unauthorized");
        bool ok;
        (ok, out) = usr.delegatecall(fax);
        require(ok, "ds-pause-delegatecall-error");
    }
}
