// SPDX-License-Identifier: AGPL-3.0-or-later
//
// DSToken.sol -- clean-room ds-auth + ds-token of 2020 (spellgen twin): the MKR chief's IOU (mainnet
// MCD_IOU). Written from the project's protocol notes (shared/spec/maker.md, section 3) and the
// public facts of that ds-token: storage order authority, owner (+ stopped packed after it),
// totalSupply, balanceOf, allowance, symbol, decimals, name (ds-auth first; ds-math has no storage);
// bytes32 symbol/name, uint256 decimals; revert strings "ds-auth-unauthorized", "ds-stop-is-stopped",
// "ds-token-insufficient-approval", "ds-token-insufficient-balance", "ds-math-..."; mint and burn emit
// Mint/Burn only. An allowance of type(uint256).max is never decreased.
// MKR itself (MCD_GOV) is an older ds-token with another layout: see MkrToken.sol.

pragma solidity 0.8.16;

import "./DSAuth.sol";

contract DSToken is DSMath, DSAuth {
    bool                                              public stopped;      // slot 1, after owner
    uint256                                           public totalSupply;  // slot 2
    mapping (address => uint256)                      public balanceOf;    // slot 3
    mapping (address => mapping (address => uint256)) public allowance;    // slot 4
    bytes32                                           public symbol;       // slot 5
    uint256                                           public decimals = 18;  // slot 6
    bytes32                                           public name = "";      // slot 7

    event Approval(address indexed src, address indexed guy, uint256 wad);
    event Transfer(address indexed src, address indexed dst, uint256 wad);
    event Mint(address indexed guy, uint256 wad);
    event Burn(address indexed guy, uint256 wad);
    event Stop();
    event Start();

    // Token `symbol_`, owned by the deployer
    constructor(bytes32 symbol_) {
        symbol = symbol_;
    }

    modifier stoppable { require(!stopped, "ds-stop-is-stopped"); _; }

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
            allowance[src][msg.sender] = sub(allowance[src][msg.sender], wad);
        }
        require(balanceOf[src] >= wad, "ds-token-insufficient-balance");
        balanceOf[src] = sub(balanceOf[src], wad);
        balanceOf[dst] = add(balanceOf[dst], wad);
        emit Transfer(src, dst, wad);
        return true;
    }

    // Transfer `wad` from the caller to `dst`
    function push(address dst, uint256 wad) external {
        transferFrom(msg.sender, dst, wad);
    }

    // Transfer `wad` from `src` to the caller
    function pull(address src, uint256 wad) external {
        transferFrom(src, msg.sender, wad);
    }

    // Transfer `wad` from `src` to `dst`
    function move(address src, address dst, uint256 wad) external {
        transferFrom(src, dst, wad);
    }

    // Mint `wad` to the caller (auth)
    function mint(uint256 wad) external {
        mint(msg.sender, wad);
    }

    // Burn `wad` of the caller (auth)
    function burn(uint256 wad) external {
        burn(msg.sender, wad);
    }

    // Mint `wad` to `guy`
    function mint(address guy, uint256 wad) public auth stoppable {
        balanceOf[guy] = add(balanceOf[guy], wad);
        totalSupply = add(totalSupply, wad);
        emit Mint(guy, wad);
    }

    // Burn `wad` of `guy` (allowance needed unless guy is the caller)
    function burn(address guy, uint256 wad) public auth stoppable {
        if (guy != msg.sender && allowance[guy][msg.sender] != type(uint256).max) {
            require(allowance[guy][msg.sender] >= wad, "ds-token-insufficient-approval");
            allowance[guy][msg.sender] = sub(allowance[guy][msg.sender], wad);
        }
        require(balanceOf[guy] >= wad, "ds-token-insufficient-balance");
        balanceOf[guy] = sub(balanceOf[guy], wad);
        totalSupply = sub(totalSupply, wad);
        emit Burn(guy, wad);
    }

    // Freeze transfers, approvals, mints and burns
    function stop() public auth {
        stopped = true;
        emit Stop();
    }

    // Unfreeze
    function start() public auth {
        stopped = false;
        emit Start();
    }

    // Set the token name
    function setName(bytes32 name_) external auth {
        name = name_;
    }
}
