// SPDX-License-Identifier: AGPL-3.0-or-later
//
// HeldComp.sol -- clean-room COMP (spellgen twin); mainnet: Comp 0xc00e94Cb662C3520282E6f5717214004A7f26888
// (chainlog key COMP). Written from COMP's public behaviour: mainnet's storage order (allowances 0 and
// balances 1, both uint96, then delegates 2), its "Comp::..." failure strings, events, a fixed supply of
// 10,000,000 COMP, unlimited allowances (type(uint96).max) never spent. Vote delegation is not modelled:
// the twin assumes no holder it touches has delegated (mainnet moves delegates' votes on a transfer).

pragma solidity 0.8.16;

contract HeldComp {
    mapping (address => mapping (address => uint96)) internal allowances;
    mapping (address => uint96) internal balances;
    mapping (address => address) public delegates;

    string public constant name = "Compound";
    string public constant symbol = "COMP";
    uint8 public constant decimals = 18;
    uint256 public constant totalSupply = 10_000_000e18;

    event Transfer(address indexed from, address indexed to, uint256 amount);
    event Approval(address indexed owner, address indexed spender, uint256 amount);

    function allowance(address account, address spender) external view returns (uint256) {
        return allowances[account][spender];
    }

    function balanceOf(address account) external view returns (uint256) {
        return balances[account];
    }

    function approve(address spender, uint256 rawAmount) external returns (bool) {
        uint96 amount = rawAmount == type(uint256).max ? type(uint96).max
            : _safe96(rawAmount, "Comp::approve: amount exceeds 96 bits");
        allowances[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address dst, uint256 rawAmount) external returns (bool) {
        uint96 amount = _safe96(rawAmount, "Comp::transfer: amount exceeds 96 bits");
        _transferTokens(msg.sender, dst, amount);
        return true;
    }

    function transferFrom(address src, address dst, uint256 rawAmount) external returns (bool) {
        uint96 spenderAllowance = allowances[src][msg.sender];
        uint96 amount = _safe96(rawAmount, "Comp::approve: amount exceeds 96 bits");
        if (msg.sender != src && spenderAllowance != type(uint96).max) {
            uint96 newAllowance = _sub96(spenderAllowance, amount,
                                         "Comp::transferFrom: transfer amount exceeds spender allowance");
            allowances[src][msg.sender] = newAllowance;
            emit Approval(src, msg.sender, newAllowance);
        }
        _transferTokens(src, dst, amount);
        return true;
    }

    function _transferTokens(address src, address dst, uint96 amount) internal {
        require(src != address(0), "Comp::_transferTokens: cannot transfer from the zero address");
        require(dst != address(0), "Comp::_transferTokens: cannot transfer to the zero address");
        balances[src] = _sub96(balances[src], amount, "Comp::_transferTokens: transfer amount exceeds balance");
        balances[dst] = _add96(balances[dst], amount, "Comp::_transferTokens: transfer amount overflows");
        emit Transfer(src, dst, amount);
    }

    function _safe96(uint256 n, string memory errorMessage) internal pure returns (uint96) {
        require(n < 2**96, errorMessage);
        return uint96(n);
    }

    function _add96(uint96 a, uint96 b, string memory errorMessage) internal pure returns (uint96) {
        unchecked {
            uint96 c = a + b;
            require(c >= a, errorMessage);
            return c;
        }
    }

    function _sub96(uint96 a, uint96 b, string memory errorMessage) internal pure returns (uint96) {
        require(b <= a, errorMessage);
        return a - b;
    }
}
