// SPDX-License-Identifier: AGPL-3.0-or-later
//
// DSPause.sol -- clean-room governance delay (spellgen twin).
// Written from /work/shared/spec/maker.md (section 2); mainnet: MCD_PAUSE / MCD_PAUSE_PROXY.
//
// plot/drop are ds-auth: the pause itself, `owner`, or a caller `authority.canCall` allows
// (with DSChief as authority: the hat). setOwner/setAuthority/setDelay can only be called by the
// proxy, i.e. by a plan that went through the delay (a spell calling them from its action).
// The proxy is a constructor argument (not created here) so both can be placed at their
// mainnet addresses independently: the proxy's owner must be the pause's final address.

pragma solidity 0.8.16;

interface DSPauseAuthorityLike {
    function canCall(address src, address dst, bytes4 sig) external view returns (bool);
}

interface DSPauseProxyLike {
    function exec(address, bytes calldata) external returns (bytes memory);
}

contract DSPause {

    // --- ds-auth ---
    address public owner;
    address public authority;
    modifier auth { require(isAuthorized(msg.sender, msg.sig), "ds-auth-unauthorized"); _; }
    modifier wait { require(msg.sender == address(proxy), "ds-pause-undelayed-call"); _; }

    // Whether `src` may call the function `sig`
    function isAuthorized(address src, bytes4 sig) internal view returns (bool) {
        if (src == address(this)) return true;
        if (src == owner) return true;
        if (authority == address(0)) return false;
        return DSPauseAuthorityLike(authority).canCall(src, address(this), sig);
    }

    // --- Data ---
    mapping (bytes32 => bool) public plans;  // hash(usr, tag, fax, eta) => plotted
    DSPauseProxyLike public immutable proxy;
    uint256 public delay;                    // [seconds] minimum wait between plot and exec

    // --- Events ---
    event LogSetOwner(address indexed owner);
    event LogSetAuthority(address indexed authority);
    event SetDelay(uint256 delay);
    event Plot(address indexed usr, bytes32 indexed tag, bytes fax, uint256 eta);
    event Drop(address indexed usr, bytes32 indexed tag, bytes fax, uint256 eta);
    event Exec(address indexed usr, bytes32 indexed tag, bytes fax, uint256 eta);

    // Pause with `delay_`, `owner_`, `authority_` executing through `proxy_`
    constructor(uint256 delay_, address owner_, address authority_, address proxy_) {
        delay     = delay_;
        owner     = owner_;
        authority = authority_;
        proxy     = DSPauseProxyLike(proxy_);
        emit SetDelay(delay_);
        emit LogSetOwner(owner_);
        emit LogSetAuthority(authority_);
    }

    // Hand ownership to `owner_` (delayed plans only)
    function setOwner(address owner_) external wait {
        owner = owner_;
        emit LogSetOwner(owner_);
    }

    // Set the authority (delayed plans only)
    function setAuthority(address authority_) external wait {
        authority = authority_;
        emit LogSetAuthority(authority_);
    }

    // Set the delay (delayed plans only)
    function setDelay(uint256 delay_) external wait {
        delay = delay_;
        emit SetDelay(delay_);
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
    function plot(address usr, bytes32 tag, bytes calldata fax, uint256 eta) external auth {
        require(eta >= block.timestamp + delay, "ds-pause-delay-not-respected");
        plans[hash(usr, tag, fax, eta)] = true;
        emit Plot(usr, tag, fax, eta);
    }

    // Unschedule a plan
    function drop(address usr, bytes32 tag, bytes calldata fax, uint256 eta) external auth {
        plans[hash(usr, tag, fax, eta)] = false;
        emit Drop(usr, tag, fax, eta);
    }

    // Run a plotted plan once its eta has passed, through the proxy
    function exec(address usr, bytes32 tag, bytes calldata fax, uint256 eta) external returns (bytes memory out) {
        bytes32 id = hash(usr, tag, fax, eta);
        require(plans[id], "ds-pause-unplotted-plan");
        require(block.timestamp >= eta, "ds-pause-premature-exec");
        require(soul(usr) == tag, "ds-pause-wrong-codehash");
        plans[id] = false;
        emit Exec(usr, tag, fax, eta);
        out = proxy.exec(usr, fax);
    }
}
