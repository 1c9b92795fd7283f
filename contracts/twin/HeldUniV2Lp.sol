// SPDX-License-Identifier: AGPL-3.0-or-later
//
// HeldUniV2Lp.sol -- clean-room Uniswap V2 liquidity token (spellgen twin); mainnet: the UniV2 USDS-SKY
// pair 0x2621CC0B3F3c079c1Db0E80794AA24976F0b9e3c (chainlog key UNIV2USDSSKY). Only the pair's ERC-20 part,
// written from its public behaviour: mainnet's storage order (totalSupply 0, balanceOf 1, allowance 2,
// DOMAIN_SEPARATOR 3, nonces 4), the "ds-math-sub-underflow" failure of a transfer beyond the balance or
// the allowance, events, unlimited allowances never spent. The pair's reserves, mint, burn and swap are not
// modelled: a spell calling them finds no such function.

pragma solidity 0.8.16;

contract HeldUniV2Lp {
    uint256 public totalSupply;
    mapping (address => uint256) public balanceOf;
    mapping (address => mapping (address => uint256)) public allowance;
    bytes32 public DOMAIN_SEPARATOR;
    mapping (address => uint256) public nonces;

    string public constant name = "Uniswap V2";
    string public constant symbol = "UNI-V2";
    uint8 public constant decimals = 18;

    event Approval(address indexed owner, address indexed spender, uint256 value);
    event Transfer(address indexed from, address indexed to, uint256 value);

    function _sub(uint256 x, uint256 y) private pure returns (uint256) {
        require(x >= y, "ds-math-sub-underflow");
        return x - y;
    }

    function _add(uint256 x, uint256 y) private pure returns (uint256) {
        require(x + y >= x, "ds-math-add-overflow");
        return x + y;
    }

    function _move(address from, address to, uint256 value) private {
        balanceOf[from] = _sub(balanceOf[from], value);
        balanceOf[to] = _add(balanceOf[to], value);
        emit Transfer(from, to, value);
    }

    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _move(msg.sender, to, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        if (allowance[from][msg.sender] != type(uint256).max) {
            allowance[from][msg.sender] = _sub(allowance[from][msg.sender], value);
        }
        _move(from, to, value);
        return true;
    }
}
