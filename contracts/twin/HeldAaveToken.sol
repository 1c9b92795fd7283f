// SPDX-License-Identifier: AGPL-3.0-or-later
//
// HeldAaveToken.sol -- clean-room AAVE and stkAAVE (spellgen twin); mainnet: AAVE 0x7Fc66500c84A76Ad7e9c93437bFc5Ac33E2DDaE9
// (chainlog key AAVE) and stkAAVE 0x4da27a545c0c5B758a6BA100e3a049001de870f5 (chainlog key STAAVE after the
// 2025-08-21 spell, which named it by that address constant), both proxies whose implementations since Aave's
// governance v3 upgrade (AaveTokenV3, StakedAaveV3) share one ERC20 base. Written from their public
// behaviour: mainnet's storage order (slot 0: each holder's balance packed with its delegation state, the
// balance in the low 104 bits; allowances 1; totalSupply 2; name 3, symbol 4 and the old decimals 5
// reserved), the "ERC20: ..." failure strings, events, an allowance of type(uint256).max never spent.
// Not modelled: delegation (the twin assumes no holder it touches delegates, so the packed word is the
// balance), permit, and stkAAVE's staking, cooldowns and rewards accrual on a transfer (the twin assumes
// no rewards accrue to the holders a spell touches).

pragma solidity 0.8.16;

abstract contract HeldAaveBase {
    // One word a holder, as mainnet packs it: balance, delegated proposition and voting power, delegation mode.
    struct DelegationAwareBalance {
        uint104 balance;
        uint72 delegatedPropositionBalance;
        uint72 delegatedVotingBalance;
        uint8 delegationMode;
    }

    mapping (address => DelegationAwareBalance) internal _balances;
    mapping (address => mapping (address => uint256)) internal _allowances;
    uint256 internal _totalSupply;
    bytes32 private reservedName;
    bytes32 private reservedSymbol;
    uint8 private reservedDecimals;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    function decimals() external pure returns (uint8) {
        return 18;
    }

    function totalSupply() external view returns (uint256) {
        return _totalSupply;
    }

    function balanceOf(address account) external view returns (uint256) {
        return _balances[account].balance;
    }

    function allowance(address owner, address spender) public view returns (uint256) {
        return _allowances[owner][spender];
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        _approve(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _transfer(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 current = allowance(from, msg.sender);
        if (current != type(uint256).max) {
            require(current >= amount, "ERC20: insufficient allowance");
            _approve(from, msg.sender, current - amount);
        }
        _transfer(from, to, amount);
        return true;
    }

    function _transfer(address from, address to, uint256 amount) internal {
        require(from != address(0), "ERC20: transfer from the zero address");
        require(to != address(0), "ERC20: transfer to the zero address");
        if (from != to) {
            uint104 held = _balances[from].balance;
            require(held >= amount, "ERC20: transfer amount exceeds balance");
            _balances[from].balance = held - uint104(amount);
            _balances[to].balance += uint104(amount);
        }
        emit Transfer(from, to, amount);
    }

    function _approve(address owner, address spender, uint256 amount) internal {
        require(owner != address(0), "ERC20: approve from the zero address");
        require(spender != address(0), "ERC20: approve to the zero address");
        _allowances[owner][spender] = amount;
        emit Approval(owner, spender, amount);
    }
}

contract HeldAaveToken is HeldAaveBase {
    string public constant name = "Aave Token";
    string public constant symbol = "AAVE";
}

contract HeldStakedAave is HeldAaveBase {
    string public constant name = "Staked Aave";
    string public constant symbol = "stkAAVE";
}
