// SPDX-License-Identifier: AGPL-3.0-or-later
// The OSM's interface (delayed oracle), at the import path real spells use (`dss-interfaces/dss/OsmAbstract.sol`): the
// contract's public functions by their mainnet signatures, for `spellgen verify`.
pragma solidity >=0.6.12 <0.9.0;

interface OsmAbstract {
    function wards(address) external view returns (uint256);
    function rely(address) external;
    function deny(address) external;
    function stopped() external view returns (uint256);
    function src() external view returns (address);
    function hop() external view returns (uint16);
    function zzz() external view returns (uint64);
    function bud(address) external view returns (uint256);
    function stop() external;
    function start() external;
    function change(address) external;
    function step(uint16) external;
    function void() external;
    function pass() external view returns (bool);
    function poke() external;
    function peek() external view returns (bytes32, bool);
    function peep() external view returns (bytes32, bool);
    function read() external view returns (bytes32);
    function kiss(address) external;
    function diss(address) external;
    function kiss(address[] calldata) external;
    function diss(address[] calldata) external;
}
