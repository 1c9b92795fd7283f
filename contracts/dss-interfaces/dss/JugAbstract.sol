// SPDX-License-Identifier: AGPL-3.0-or-later
// The Jug's interface (stability fees), at the import path real spells use (`dss-interfaces/dss/JugAbstract.sol`): the
// contract's public functions by their mainnet signatures, for `spellgen verify`.
pragma solidity >=0.6.12 <0.9.0;

interface JugAbstract {
    function wards(address) external view returns (uint256);
    function rely(address) external;
    function deny(address) external;
    function ilks(bytes32) external view returns (uint256, uint256);
    function vat() external view returns (address);
    function vow() external view returns (address);
    function base() external view returns (uint256);
    function init(bytes32) external;
    function file(bytes32, bytes32, uint256) external;
    function file(bytes32, uint256) external;
    function file(bytes32, address) external;
    function drip(bytes32) external returns (uint256);
}
