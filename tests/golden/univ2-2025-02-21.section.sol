    // ---------- Budget section rendered by spellgen from univ2-2025-02-21.yaml ----------
    // Constants: paste inside DssSpellAction, above actions().

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

    // Body: paste inside actions().
        // ----- Unwind SBE liquidity -----
        // Forum: https://forum.sky.money/t/smart-burn-engine-liquidity-unwind/26027
        // Forum: https://forum.sky.money/t/smart-burn-engine-liquidity-unwind/26027/3

        // Withdraw the PauseProxy's UNIV2USDSSKY liquidity but 7,500,000 USDS worth (and as much SKY worth), the SKY and USDS to the PauseProxy
        _withdrawUniV2Liquidity(UNIV2USDSSKY, 7_500_000 * WAD);

    // ---------- End of the spellgen budget section ----------
