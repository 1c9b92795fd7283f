// SPDX-License-Identifier: AGPL-3.0-or-later
//
// MkrToken.sol -- clean-room MKR token (spellgen twin); mainnet: MCD_GOV until 2025-05-15, then key MKR.
// Mainnet's MKR is the ds-token of November 2017 (contract name DSToken there). Written from the
// project's protocol notes (shared/spec/maker.md, section 3) and the public facts of that token:
// storage order _supply, _balances, _approvals (the token base first), then ds-auth's authority and
// owner (+ stopped packed after it), symbol, decimals, name; every failure (auth, stopped, balance,
// allowance) reverts WITHOUT a reason string, as the 2017 libraries did; mint/burn emit Mint/Burn
// only; stop/start and setName log ds-note's anonymous LogNote; an allowance of type(uint256).max is
// never decreased.

pragma solidity 0.8.16;

interface MkrAuthorityLike {
    function canCall(address src, address dst, bytes4 sig) external view returns (bool);
}

contract MkrToken {
    // --- token base ---
    uint256                                           internal _supply;     // slot 0
    mapping (address => uint256)                      internal _balances;   // slot 1
    mapping (address => mapping (address => uint256)) internal _approvals;  // slot 2
    // --- ds-auth, ds-stop ---
    address public authority;  // slot 3
    address public owner;      // slot 4
    bool    public stopped;    // slot 4, after owner
    // --- token ---
    bytes32 public symbol;         // slot 5
    uint256 public decimals = 18;  // slot 6
    bytes32 public name = "";      // slot 7

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event Mint(address indexed guy, uint256 wad);
    event Burn(address indexed guy, uint256 wad);
    event LogSetAuthority(address indexed authority);
    event LogSetOwner(address indexed owner);
    event LogNote(bytes4 indexed sig, address indexed guy, bytes32 indexed foo, bytes32 indexed bar,
                  uint256 wad, bytes fax) anonymous;

    // Token `symbol_`, owned by the deployer
    constructor(bytes32 symbol_) {
        owner = msg.sender;
        emit LogSetOwner(msg.sender);
        symbol = symbol_;
    }

    modifier auth { require(isAuthorized(msg.sender, msg.sig)); _; }
    modifier stoppable { require(!stopped); _; }
    modifier note {
        bytes32 foo;
        bytes32 bar;
        uint256 wad;
        assembly {
            foo := calldataload(4)
            bar := calldataload(36)
            wad := callvalue()
        }
        emit LogNote(msg.sig, msg.sender, foo, bar, wad, msg.data);
        _;
    }

    // This contract, the owner, or whoever the authority allows
    function isAuthorized(address src, bytes4 sig) internal view returns (bool) {
        if (src == address(this)) return true;
        if (src == owner) return true;
        if (authority == address(0)) return false;
        return MkrAuthorityLike(authority).canCall(src, address(this), sig);
    }

    // x + y (reverts without a reason)
    function add(uint256 x, uint256 y) internal pure returns (uint256 z) {
        unchecked { z = x + y; }
        require(z >= x);
    }
    // x - y (reverts without a reason)
    function sub(uint256 x, uint256 y) internal pure returns (uint256 z) {
        unchecked { z = x - y; }
        require(z <= x);
    }

    // Hand ownership to `owner_`
    function setOwner(address owner_) public auth {
        owner = owner_;
        emit LogSetOwner(owner);
    }

    // Delegate auth decisions to `authority_`
    function setAuthority(address authority_) public auth {
        authority = authority_;
        emit LogSetAuthority(authority);
    }

    // Freeze transfers, approvals, mints and burns
    function stop() public auth note {
        stopped = true;
    }

    // Unfreeze
    function start() public auth note {
        stopped = false;
    }

    // Total supply
    function totalSupply() public view returns (uint256) {
        return _supply;
    }

    // Balance of `src`
    function balanceOf(address src) public view returns (uint256) {
        return _balances[src];
    }

    // What `guy` may still spend of `src`'s tokens
    function allowance(address src, address guy) public view returns (uint256) {
        return _approvals[src][guy];
    }

    // Let `guy` spend all of the caller's tokens
    function approve(address guy) public stoppable returns (bool) {
        return approve(guy, type(uint256).max);
    }

    // Let `guy` spend `wad` of the caller's tokens
    function approve(address guy, uint256 wad) public stoppable returns (bool) {
        _approvals[msg.sender][guy] = wad;
        emit Approval(msg.sender, guy, wad);
        return true;
    }

    // Transfer `wad` from the caller to `dst`
    function transfer(address dst, uint256 wad) public returns (bool) {
        return transferFrom(msg.sender, dst, wad);
    }

    // Transfer `wad` from `src` to `dst` (allowance needed unless src is the caller)
    function transferFrom(address src, address dst, uint256 wad) public stoppable returns (bool) {
        if (src != msg.sender && _approvals[src][msg.sender] != type(uint256).max) {
            _approvals[src][msg.sender] = sub(_approvals[src][msg.sender], wad);
        }
        _balances[src] = sub(_balances[src], wad);
        _balances[dst] = add(_balances[dst], wad);
        emit Transfer(src, dst, wad);
        return true;
    }

    // Transfer `wad` from the caller to `dst`
    function push(address dst, uint256 wad) public {
        transferFrom(msg.sender, dst, wad);
    }

    // Transfer `wad` from `src` to the caller
    function pull(address src, uint256 wad) public {
        transferFrom(src, msg.sender, wad);
    }

    // Transfer `wad` from `src` to `dst`
    function move(address src, address dst, uint256 wad) public {
        transferFrom(src, dst, wad);
    }

    // Mint `wad` to the caller (auth)
    function mint(uint256 wad) public {
        mint(msg.sender, wad);
    }

    // Burn `wad` of the caller (auth)
    function burn(uint256 wad) public {
        burn(msg.sender, wad);
    }

    // Mint `wad` to `guy`
    function mint(address guy, uint256 wad) public auth stoppable {
        _balances[guy] = add(_balances[guy], wad);
        _supply = add(_supply, wad);
        emit Mint(guy, wad);
    }

    // Burn `wad` of `guy` (allowance needed unless guy is the caller)
    function burn(address guy, uint256 wad) public auth stoppable {
        if (guy != msg.sender && _approvals[guy][msg.sender] != type(uint256).max) {
            _approvals[guy][msg.sender] = sub(_approvals[guy][msg.sender], wad);
        }
        _balances[guy] = sub(_balances[guy], wad);
        _supply = sub(_supply, wad);
        emit Burn(guy, wad);
    }

    // Set the token name
    function setName(bytes32 name_) public auth {
        name = name_;
    }
}
