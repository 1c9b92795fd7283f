// SPDX-License-Identifier: AGPL-3.0-or-later
// DssAutoLine's interface (MCD_IAM_AUTO_LINE), at the import path real spells use (`dss-interfaces/dss/DssAutoLineAbstract.sol`): the
// contract's public functions by their mainnet signatures, for `spellgen verify`.
pragma solidity >=0.6.12 <0.9.0;

interface DssAutoLineAbstract {
    function wards(address) external view returns (uint256);
    function rely(address) external;
    function deny(address) external;
    function vat() external view returns (address);
    function ilks(bytes32) external view returns (uint256, uint256, uint48, uint48, uint48);
    function setIlk(bytes32, uint256, uint256, uint256) external;
    function remIlk(bytes32) external;
    function exec(bytes32) external returns (uint256);
}
