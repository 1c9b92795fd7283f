// SPDX-License-Identifier: AGPL-3.0-or-later
// The wards/rely/deny interface every authed contract shares, at the import path real spells use (`dss-interfaces/utils/WardsAbstract.sol`): the
// contract's public functions by their mainnet signatures, for `spellgen verify`.
pragma solidity >=0.6.12 <0.9.0;

interface WardsAbstract {
    function wards(address) external view returns (uint256);
    function rely(address) external;
    function deny(address) external;
}
