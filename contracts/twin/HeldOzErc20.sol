// SPDX-License-Identifier: AGPL-3.0-or-later
//
// HeldOzErc20.sol -- clean-room ENS token (spellgen twin); mainnet: ENS 0xC18360217D8F7Ab5e7c516566761Ea12Ce7F9D72
// (chainlog key ENS from 2025-08-21), an OpenZeppelin 4 ERC20. Written from its public behaviour:
// mainnet's storage order (_balances 0, _allowances 1, _totalSupply 2, _name 3, _symbol 4), the
// "ERC20: ..." failure strings, events, allowances always spent. The token's votes, permit and claim are
// not modelled: the twin assumes no holder it touches has delegated. Name and symbol are constants (the
// twin places runtime code, no constructor runs) and their slots stay reserved.

pragma solidity 0.8.16;

contract HeldOzErc20 {
    mapping (address => uint256) private _balances;
    mapping (address => mapping (address => uint256)) private _allowances;
    uint256 private _totalSupply;
    bytes32 private reservedName;
    bytes32 private reservedSymbol;

    string public constant name = "Ethereum Name Service";
    string public constant symbol = "ENS";
    uint8 public constant decimals = 18;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    function totalSupply() external view returns (uint256) {
        return _totalSupply;
    }

    function balanceOf(address account) external view returns (uint256) {
        return _balances[account];
    }

    function allowance(address owner, address spender) external view returns (uint256) {
        return _allowances[owner][spender];
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        _approve(msg.sender, spender, amount);
        return true;
    }

    function transfer(address recipient, uint256 amount) external returns (bool) {
        _transfer(msg.sender, recipient, amount);
        return true;
    }

    function transferFrom(address sender, address recipient, uint256 amount) external returns (bool) {
        _transfer(sender, recipient, amount);
        uint256 current = _allowances[sender][msg.sender];
        require(current >= amount, "ERC20: transfer amount exceeds allowance");
        _approve(sender, msg.sender, current - amount);
        return true;
    }

    function _transfer(address sender, address recipient, uint256 amount) internal {
        require(sender != address(0), "ERC20: transfer from the zero address");
        require(recipient != address(0), "ERC20: transfer to the zero address");
        uint256 held = _balances[sender];
        require(held >= amount, "ERC20: transfer amount exceeds balance");
        _balances[sender] = held - amount;
        _balances[recipient] += amount;
        emit Transfer(sender, recipient, amount);
    }

    function _approve(address owner, address spender, uint256 amount) internal {
        require(owner != address(0), "ERC20: approve from the zero address");
        require(spender != address(0), "ERC20: approve to the zero address");
        _allowances[owner][spender] = amount;
        emit Approval(owner, spender, amount);
    }
}
