// SPDX-License-Identifier: AGPL-3.0-or-later
// Clean-room interface of the ChainLog, at the import path spells use (see dss/VestAbstract.sol).
pragma solidity >=0.6.12 <0.9.0;

interface ChainlogAbstract {
    function wards(address) external view returns (uint256);
    function getAddress(bytes32) external view returns (address);
    function setAddress(bytes32, address) external;
    function removeAddress(bytes32) external;
    function version() external view returns (string memory);
    function setVersion(string calldata) external;
    function count() external view returns (uint256);
}
