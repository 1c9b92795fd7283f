// SPDX-License-Identifier: AGPL-3.0-or-later
// The ChainLog's interface (CHANGELOG), at the import path real spells use (`dss-interfaces/dss/ChainlogAbstract.sol`): the
// contract's public functions by their mainnet signatures, for `spellgen verify`.
pragma solidity >=0.6.12 <0.9.0;

interface ChainlogAbstract {
    function wards(address) external view returns (uint256);
    function rely(address) external;
    function deny(address) external;
    function keys() external view returns (bytes32[] memory);
    function version() external view returns (string memory);
    function ipfs() external view returns (string memory);
    function setVersion(string calldata) external;
    function setSha256sum(string calldata) external;
    function setIPFS(string calldata) external;
    function setAddress(bytes32, address) external;
    function removeAddress(bytes32) external;
    function count() external view returns (uint256);
    function get(uint256) external view returns (bytes32, address);
    function list() external view returns (bytes32[] memory);
    function getAddress(bytes32) external view returns (address);
}

// The mainnet ChainLog's address and its interface as constants
contract ChainlogHelper {
    address          public constant ADDRESS  = 0xdA0Ab1e0017DEbCd72Be8599041a2aa3bA7e740F;
    ChainlogAbstract public constant ABSTRACT = ChainlogAbstract(ADDRESS);
}
