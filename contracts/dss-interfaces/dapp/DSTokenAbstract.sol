// SPDX-License-Identifier: AGPL-3.0-or-later
// Clean-room interface of DSToken (MKR) as spec section 3 describes it, at the import path spells use.
pragma solidity >=0.6.12 <0.9.0;

interface DSTokenAbstract {
    function name() external view returns (bytes32);
    function symbol() external view returns (bytes32);
    function decimals() external view returns (uint256);
    function totalSupply() external view returns (uint256);
    function balanceOf(address) external view returns (uint256);
    function allowance(address, address) external view returns (uint256);
    function approve(address) external returns (bool);
    function approve(address, uint256) external returns (bool);
    function transfer(address, uint256) external returns (bool);
    function transferFrom(address, address, uint256) external returns (bool);
    function mint(address, uint256) external;
    function burn(address, uint256) external;
    function owner() external view returns (address);
    function authority() external view returns (address);
    function push(address, uint256) external;
    function pull(address, uint256) external;
    function move(address, address, uint256) external;
    function mint(uint256) external;
    function burn(uint256) external;
    function setName(bytes32) external;
    function setOwner(address) external;
    function setAuthority(address) external;
}
