// SPDX-License-Identifier: AGPL-3.0-or-later
//
// DSPause.sol -- clean-room governance delay and its executor (spellgen twin); mainnet: MCD_PAUSE and
// MCD_PAUSE_PROXY. Written from the project's protocol notes (shared/spec/maker.md, section 2) and
// the public facts of mainnet's ds-pause:
// * DSPause is ds-auth + ds-note: storage authority, owner, plans, proxy, delay (slots 0-4). Its
//   constructor (delay, owner, authority) creates the DSPauseProxy, so the proxy is the pause's
//   first creation (mainnet's MCD_PAUSE_PROXY is the CREATE address of MCD_PAUSE at nonce 1).
// * plot/drop are ds-auth (with the chief as authority: the hat); setOwner/setAuthority/setDelay only
//   from the proxy, i.e. from a plan that went through the delay ("ds-pause-undelayed-call").
// * exec checks, in this order: the plan ("ds-pause-unplotted-plan"), the code hash
//   ("ds-pause-wrong-codehash"), the eta ("ds-pause-premature-exec"); after the delegatecall the
//   proxy's owner must still be the pause ("ds-pause-illegal-storage-change").
// * DSPauseProxy stores its owner in slot 0 (a plan runs in its storage; the guard above protects it).

pragma solidity 0.8.16;

import "./DSAuth.sol";

contract DSPause is DSAuth, DSNote {

    // --- Admin (delayed) ---
    modifier wait { require(msg.sender == address(proxy), "ds-pause-undelayed-call"); _; }

    // Hand ownership to `owner_`
    function setOwner(address owner_) public override wait {
        owner = owner_;
        emit LogSetOwner(owner);
    }

    // Set the authority
    function setAuthority(DSAuthority authority_) public override wait {
        authority = authority_;
        emit LogSetAuthority(address(authority));
    }

    // Set the delay
    function setDelay(uint256 delay_) public note wait {
        delay = delay_;
    }

    // x + y
    function add(uint256 x, uint256 y) internal pure returns (uint256 z) {
        unchecked { z = x + y; }
        require(z >= x, "ds-pause-addition-overflow");
    }

    // --- Data ---
    mapping (bytes32 => bool) public plans;  // slot 2: hash(usr, tag, fax, eta) => plotted
    DSPauseProxy public proxy;               // slot 3
    uint256      public delay;               // slot 4: [seconds] minimum wait between plot and exec

    // Pause with `delay_`, `owner_` and `authority_`; creates its proxy
    constructor(uint256 delay_, address owner_, DSAuthority authority_) {
        delay = delay_;
        owner = owner_;
        authority = authority_;
        proxy = new DSPauseProxy();
    }

    // Id of a plan
    function hash(address usr, bytes32 tag, bytes memory fax, uint256 eta) internal pure returns (bytes32) {
        return keccak256(abi.encode(usr, tag, fax, eta));
    }

    // Code hash of `usr`
    function soul(address usr) internal view returns (bytes32 tag) {
        assembly { tag := extcodehash(usr) }
    }

    // Schedule `fax` on `usr` (with code hash `tag`) for `eta` >= now + delay
    function plot(address usr, bytes32 tag, bytes memory fax, uint256 eta) public note auth {
        require(eta >= add(block.timestamp, delay), "ds-pause-delay-not-respected");
        plans[hash(usr, tag, fax, eta)] = true;
    }

    // Unschedule a plan
    function drop(address usr, bytes32 tag, bytes memory fax, uint256 eta) public note auth {
        plans[hash(usr, tag, fax, eta)] = false;
    }

    // Run a plotted plan once its eta has passed, through the proxy
    function exec(address usr, bytes32 tag, bytes memory fax, uint256 eta) public note returns (bytes memory out) {
        require(plans[hash(usr, tag, fax, eta)], "ds-pause-unplotted-plan");
        require(soul(usr) == tag,                "ds-pause-wrong-codehash");
        require(block.timestamp >= eta,          "ds-pause-premature-exec");
        plans[hash(usr, tag, fax, eta)] = false;
        out = proxy.exec(usr, fax);
        require(proxy.owner() == address(this), "ds-pause-illegal-storage-change");
    }
}

// Runs plans by delegatecall in its own storage, so a plan cannot touch the pause's
contract DSPauseProxy {
    address public owner;  // slot 0: the pause
    modifier auth { require(msg.sender == owner, "ds-pause-proxy-unauthorized"); _; }

    // Owned by its creator (the pause)
    constructor() { owner = msg.sender; }

    // Delegatecall `usr` with `fax` (owner only)
    function exec(address usr, bytes memory fax) public auth returns (bytes memory out) {
        bool ok;
        (ok, out) = usr.delegatecall(fax);
        require(ok, "ds-pause-delegatecall-error");
    }
}
