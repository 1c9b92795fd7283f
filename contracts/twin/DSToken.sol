// SPDX-License-Identifier: AGPL-3.0-or-later
//
// DSToken.sol -- clean-room ds-auth / ds-token (spellgen twin): MKR (MCD_GOV until 2025-05-15)
// and the DSChief's IOU. Written from /work/shared/spec/maker.md (section 3).
//
// Auth (ds-auth style): a call is authorized when it comes from the token itself, from `owner`,
// or when `authority.canCall(caller, token, msg.sig)` is true. `name` and `symbol` are bytes32,
// as on the mainnet MKR token. An allowance of type(uint256).max is never decreased.

pragma solidity 0.8.16;

interface DSAuthority {
    function canCall(address src, address dst, bytes4 sig) external view returns (bool);
}

contract DSToken {

    // --- ds-auth ---
    address public owner;
    address public authority;

    // Hand ownership to `owner_`
    function setOwner(address owner_) external auth { owner = owner_; emit LogSetOwner(owner_); }
    // Delegate auth decisions to `authority_`
    function setAuthority(address authority_) external auth { authority = authority_; emit LogSetAuthority(authority_); }
    modifier auth { require(isAuthorized(msg.sender, msg.sig), "ds-auth-unauthorized"); _; }

    // Whether `src` may call the function `sig`
    function isAuthorized(address src, bytes4 sig) internal view returns (bool) {
        if (src == address(this)) return true;
        if (src == owner) return true;
        if (authority == address(0)) return false;
        return DSAuthority(authority).canCall(src, address(this), sig);
    }

    // --- ds-stop ---
    bool public stopped;
    modifier stoppable { require(!stopped, "ds-stop-is-stopped"); _; }
    // Freeze transfers, approvals, mints and burns
    function stop() external auth { stopped = true; emit Stop(); }
    // Unfreeze
    function start() external auth { stopped = false; emit Start(); }

    // --- ERC-20 data ---
    bytes32 public name = "";
    bytes32 public symbol;
    uint256 public constant decimals = 18;
    uint256 public totalSupply;

    mapping (address => uint256)                      public balanceOf;
    mapping (address => mapping (address => uint256)) public allowance;

    // --- Events ---
    event LogSetOwner(address indexed owner);
    event LogSetAuthority(address indexed authority);
    event Stop();
    event Start();
    event Approval(address indexed src, address indexed guy, uint256 wad);
    event Transfer(address indexed src, address indexed dst, uint256 wad);
    event Mint(address indexed guy, uint256 wad);
    event Burn(address indexed guy, uint256 wad);

    // Token `symbol_` owned by the deployer
    constructor(bytes32 symbol_) {
        symbol = symbol_;
        owner  = msg.sender;
        emit LogSetOwner(msg.sender);
    }

    // Set the token name
    function setName(bytes32 name_) external auth {
        name = name_;
    }

    // Let `guy` spend all of the caller's tokens
    function approve(address guy) external returns (bool) {
        return approve(guy, type(uint256).max);
    }

    // Let `guy` spend `wad` of the caller's tokens
    function approve(address guy, uint256 wad) public stoppable returns (bool) {
        allowance[msg.sender][guy] = wad;
        emit Approval(msg.sender, guy, wad);
        return true;
    }

    // Transfer `wad` from the caller to `dst`
    function transfer(address dst, uint256 wad) external returns (bool) {
        return transferFrom(msg.sender, dst, wad);
    }

    // Transfer `wad` from `src` to `dst` (allowance needed unless src is the caller)
    function transferFrom(address src, address dst, uint256 wad) public stoppable returns (bool) {
        if (src != msg.sender && allowance[src][msg.sender] != type(uint256).max) {
            require(allowance[src][msg.sender] >= wad, "ds-token-insufficient-approval");
            allowance[src][msg.sender] = allowance[src][msg.sender] - wad;
        }
        require(balanceOf[src] >= wad, "ds-token-insufficient-balance");
        balanceOf[src] = balanceOf[src] - wad;
        balanceOf[dst] = balanceOf[dst] + wad;
        emit Transfer(src, dst, wad);
        return true;
    }

    // Alias: transfer `wad` from the caller to `dst`
    function push(address dst, uint256 wad) external {
        transferFrom(msg.sender, dst, wad);
    }

    // Alias: transfer `wad` from `src` to the caller
    function pull(address src, uint256 wad) external {
        transferFrom(src, msg.sender, wad);
    }

    // Alias: transferFrom
    function move(address src, address dst, uint256 wad) external {
        transferFrom(src, dst, wad);
    }

    // Mint `wad` to the caller
    function mint(uint256 wad) external {
        mint(msg.sender, wad);
    }

    // Burn `wad` of the caller
    function burn(uint256 wad) external {
        burn(msg.sender, wad);
    }

    // Mint `wad` to `guy` (owner or authority)
    function mint(address guy, uint256 wad) public auth stoppable {
        balanceOf[guy] = balanceOf[guy] + wad;
        totalSupply    = totalSupply    + wad;
        emit Mint(guy, wad);
        emit Transfer(address(0), guy, wad);
    }

    // Burn `wad` of `guy` (owner or authority; allowance needed unless guy is the caller)
    function burn(address guy, uint256 wad) public auth stoppable {
        if (guy != msg.sender && allowance[guy][msg.sender] != type(uint256).max) {
            require(allowance[guy][msg.sender] >= wad, "ds-token-insufficient-approval");
            allowance[guy][msg.sender] = allowance[guy][msg.sender] - wad;
        }
        require(balanceOf[guy] >= wad, "ds-token-insufficient-balance");
        balanceOf[guy] = balanceOf[guy] - wad;
        totalSupply    = totalSupply    - wad;
        emit Burn(guy, wad);
        emit Transfer(guy, address(0), wad);
    }
}
