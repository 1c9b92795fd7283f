// SPDX-License-Identifier: AGPL-3.0-or-later
//
// HeldFiatToken.sol -- clean-room USDC (spellgen twin); mainnet: a FiatToken proxy at
// 0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48 (chainlog key USDC) in front of Circle's FiatTokenV2. Written
// from its public behaviour: the implementation's storage order (_owner 0, pauser and paused 1,
// blacklister 2, blacklisted 3, name 4, symbol 5, decimals 6, currency 7, masterMinter 8, balances 9,
// allowed 10, totalSupply_ 11), 6 decimals, the "ERC20: ..." and "Pausable: paused" failure strings,
// events. The twin places this logic at the proxy's address without the proxy (whose admin and
// implementation live at hashed slots no balance shares); minting, blacklisting and permits are not modelled.

pragma solidity 0.8.16;

contract HeldFiatToken {
    address private reservedOwner;  // slot 0
    address private reservedPauser;  // slot 1, with `paused` packed after it
    bool private paused;
    address private reservedBlacklister;  // slot 2
    mapping (address => bool) private reservedBlacklisted;  // slot 3
    bytes32 private reservedName;  // 4
    bytes32 private reservedSymbol;  // 5
    uint256 private reservedDecimals;  // 6
    bytes32 private reservedCurrency;  // 7
    address private reservedMasterMinter;  // 8
    mapping (address => uint256) private balances;  // 9
    mapping (address => mapping (address => uint256)) private allowed;  // 10
    uint256 private totalSupply_;  // 11

    string public constant name = "USD Coin";
    string public constant symbol = "USDC";
    uint8 public constant decimals = 6;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    modifier whenNotPaused() {
        require(!paused, "Pausable: paused");
        _;
    }

    function totalSupply() external view returns (uint256) {
        return totalSupply_;
    }

    function balanceOf(address account) external view returns (uint256) {
        return balances[account];
    }

    function allowance(address owner, address spender) external view returns (uint256) {
        return allowed[owner][spender];
    }

    function approve(address spender, uint256 value) external whenNotPaused returns (bool) {
        require(spender != address(0), "ERC20: approve to the zero address");
        allowed[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transfer(address to, uint256 value) external whenNotPaused returns (bool) {
        _transfer(msg.sender, to, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external whenNotPaused returns (bool) {
        require(value <= allowed[from][msg.sender], "ERC20: transfer amount exceeds allowance");
        _transfer(from, to, value);
        allowed[from][msg.sender] -= value;
        return true;
    }

    function _transfer(address from, address to, uint256 value) internal {
        require(from != address(0), "ERC20: transfer from the zero address");
        require(to != address(0), "ERC20: transfer to the zero address");
        require(value <= balances[from], "ERC20: transfer amount exceeds balance");
        balances[from] -= value;
        balances[to] += value;
        emit Transfer(from, to, value);
    }
}
