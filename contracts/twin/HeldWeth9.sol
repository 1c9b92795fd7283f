// SPDX-License-Identifier: AGPL-3.0-or-later
//
// HeldWeth9.sol -- clean-room WETH (spellgen twin); mainnet: WETH9 0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2
// (chainlog key ETH). Written from WETH9's public behaviour: mainnet's storage order (name 0, symbol 1,
// decimals 2, balanceOf 3, allowance 4), events, unlimited allowances (type(uint256).max) never spent, and
// failures without a reason string. The twin places the runtime code at the mainnet address (no
// constructor runs), so name, symbol and decimals are constants and their slots stay reserved.

pragma solidity 0.8.16;

contract HeldWeth9 {
    // mainnet's slots 0-2 (name, symbol, decimals)
    bytes32 private reservedName;
    bytes32 private reservedSymbol;
    uint256 private reservedDecimals;
    mapping (address => uint256) public balanceOf;
    mapping (address => mapping (address => uint256)) public allowance;

    string public constant name = "Wrapped Ether";
    string public constant symbol = "WETH";
    uint8 public constant decimals = 18;

    event Approval(address indexed src, address indexed guy, uint256 wad);
    event Transfer(address indexed src, address indexed dst, uint256 wad);
    event Deposit(address indexed dst, uint256 wad);
    event Withdrawal(address indexed src, uint256 wad);

    receive() external payable {
        deposit();
    }

    function deposit() public payable {
        balanceOf[msg.sender] += msg.value;
        emit Deposit(msg.sender, msg.value);
    }

    function withdraw(uint256 wad) external {
        require(balanceOf[msg.sender] >= wad);
        balanceOf[msg.sender] -= wad;
        payable(msg.sender).transfer(wad);
        emit Withdrawal(msg.sender, wad);
    }

    // WETH's supply is the ETH it holds
    function totalSupply() external view returns (uint256) {
        return address(this).balance;
    }

    function approve(address guy, uint256 wad) external returns (bool) {
        allowance[msg.sender][guy] = wad;
        emit Approval(msg.sender, guy, wad);
        return true;
    }

    function transfer(address dst, uint256 wad) external returns (bool) {
        return transferFrom(msg.sender, dst, wad);
    }

    function transferFrom(address src, address dst, uint256 wad) public returns (bool) {
        require(balanceOf[src] >= wad);
        if (src != msg.sender && allowance[src][msg.sender] != type(uint256).max) {
            require(allowance[src][msg.sender] >= wad);
            allowance[src][msg.sender] -= wad;
        }
        balanceOf[src] -= wad;
        balanceOf[dst] += wad;
        emit Transfer(src, dst, wad);
        return true;
    }
}
