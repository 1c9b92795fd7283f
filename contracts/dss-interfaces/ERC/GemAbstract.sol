// SPDX-License-Identifier: AGPL-3.0-or-later
// Clean-room ERC-20 interface, at the import path spells use (see dss/VestAbstract.sol).
pragma solidity >=0.6.12 <0.9.0;

interface GemAbstract {
    function totalSupply() external view returns (uint256);
    function balanceOf(address) external view returns (uint256);
    function allowance(address, address) external view returns (uint256);
    function approve(address, uint256) external returns (bool);
    function transfer(address, uint256) external returns (bool);
    function transferFrom(address, address, uint256) external returns (bool);
    function decimals() external view returns (uint8);
}
