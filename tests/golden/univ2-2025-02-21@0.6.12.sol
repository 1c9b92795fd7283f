// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Rendered by spellgen from univ2-2025-02-21.yaml: change the YAML and render again, do not edit.
//
// This program is free software: you can redistribute it and/or modify
// it under the terms of the GNU Affero General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.

pragma solidity 0.6.12;

import "dss-exec-lib/DssExec.sol";
import "dss-exec-lib/DssAction.sol";

interface UniV2PoolLike {
    function getReserves() external view returns (uint112, uint112, uint32);
    function sync() external;
    function burn(address to) external returns (uint256 amount0, uint256 amount1);
    function totalSupply() external view returns (uint256);
    function balanceOf(address usr) external view returns (uint256);
    function transfer(address dst, uint256 wad) external returns (bool);
}

contract DssSpellAction is DssAction {
    string public constant override description =
        "2025-02-21 MakerDAO Executive Spell | Hash: 0x0000000000000000000000000000000000000000000000000000000000000000";

    // Office hours on: the spell can be cast on weekdays from 14:00 to 21:00 UTC
    function officeHours() public override returns (bool) {
        return true;
    }

    uint256 internal constant WAD = 10 ** 18;

    // --- Chainlog ---
    address internal immutable UNIV2USDSSKY = DssExecLib.getChangelogAddress("UNIV2USDSSKY");

    // Withdraw the PauseProxy's liquidity from a Uniswap V2 pool but what `usdsToLeave` of its USDS is worth
    // (the same worth of SKY stays with it): the pool pays the PauseProxy both tokens pro rata
    function _withdrawUniV2Liquidity(address pair, uint256 usdsToLeave) internal {
        // Note: reserves equal to the balances before reading them
        UniV2PoolLike(pair).sync();
        (, uint256 usdsReserve,) = UniV2PoolLike(pair).getReserves();
        uint256 lpsToLeave = UniV2PoolLike(pair).totalSupply() * usdsToLeave / usdsReserve;
        uint256 lpsToBurn = UniV2PoolLike(pair).balanceOf(address(this)) - lpsToLeave;
        UniV2PoolLike(pair).transfer(pair, lpsToBurn);
        UniV2PoolLike(pair).burn(address(this));
    }

    function actions() public override {
        // ----- Unwind SBE liquidity -----
        // Forum: https://forum.sky.money/t/smart-burn-engine-liquidity-unwind/26027
        // Forum: https://forum.sky.money/t/smart-burn-engine-liquidity-unwind/26027/3

        // Withdraw the PauseProxy's UNIV2USDSSKY liquidity but 7,500,000 USDS worth (and as much SKY worth), the SKY and USDS to the PauseProxy
        _withdrawUniV2Liquidity(UNIV2USDSSKY, 7_500_000 * WAD);
    }
}

contract DssSpell is DssExec {
    constructor() DssExec(block.timestamp + 30 days, address(new DssSpellAction())) public {}
}
