// SPDX-License-Identifier: AGPL-3.0-or-later
//
// CollateralOpts.sol -- the argument of DssExecLib.addNewCollateral, at the import path spells use
// (`dss-exec-lib/CollateralOpts.sol`). Amounts are whole units, percentages basis points.

pragma solidity >=0.6.12 <0.9.0;

struct CollateralOpts {
    bytes32 ilk;
    address gem;
    address join;
    address clip;
    address calc;
    address pip;
    bool    isLiquidatable;
    bool    isOSM;
    bool    whitelistOSM;
    uint256 ilkDebtCeiling;
    uint256 minVaultAmount;
    uint256 maxLiquidationAmount;
    uint256 liquidationPenalty;
    uint256 ilkStabilityFee;
    uint256 startingPriceFactor;
    uint256 breakerTolerance;
    uint256 auctionDuration;
    uint256 permittedDrop;
    uint256 liquidationRatio;
    uint256 kprFlatReward;
    uint256 kprPctReward;
}
