    // ---------- Budget section rendered by spellgen from farms-2026-04-09.yaml ----------
    // Imports: paste above the contract, with the interfaces VestedRewardsDistributionLike of the full render.
    // import { GemAbstract } from "dss-interfaces/ERC/GemAbstract.sol";
    // import { VestAbstract } from "dss-interfaces/dss/VestAbstract.sol";
    // Constants: paste inside DssSpellAction, above actions().

    uint256 internal constant WAD = 10 ** 18;

    // --- Chainlog ---
    address internal immutable MCD_VEST_SKY_TREASURY  = DssExecLib.getChangelogAddress("MCD_VEST_SKY_TREASURY");
    address internal immutable REWARDS_DIST_LSSKY_SKY = DssExecLib.getChangelogAddress("REWARDS_DIST_LSSKY_SKY");
    address internal immutable SKY                    = DssExecLib.getChangelogAddress("SKY");

    // Replace a Treasury-funded farm's vest (the steps of TreasuryFundedFarmingInit.updateFarmVest)
    function _updateFarmVest(address dist, address vest, address gem, uint256 tot, uint256 tau) internal {
        require(tot > 0 && tau > 0, "_updateFarmVest/zero-tot-or-tau");
        uint256 prev = VestedRewardsDistributionLike(dist).vestId();
        require(prev != 0, "_updateFarmVest/no-vest-id");
        // Pay the farm what the old award owes, then keep the allowance at what the awards owe
        if (VestAbstract(vest).unpaid(prev) > 0) {
            VestedRewardsDistributionLike(dist).distribute();
        }
        uint256 left = VestAbstract(vest).tot(prev) - VestAbstract(vest).rxd(prev);
        GemAbstract(gem).approve(vest, GemAbstract(gem).allowance(address(this), vest) + tot - left);
        VestAbstract(vest).yank(prev);
        // The cap: 110% of the new rate, filed only if above the cap in force
        uint256 rate = (110 * tot) / (100 * tau);
        if (rate > VestAbstract(vest).cap()) {
            VestAbstract(vest).file("cap", rate);
        }
        uint256 id = VestAbstract(vest).create(dist, tot, block.timestamp, tau, 0, address(0));
        VestAbstract(vest).restrict(id);
        VestedRewardsDistributionLike(dist).file("vestId", id);
        if (VestAbstract(vest).unpaid(id) > 0) {
            VestedRewardsDistributionLike(dist).distribute();
        }
    }

    // Body: paste inside actions().
        // ----- Staking Rewards Update -----

        // Update the REWARDS_DIST_LSSKY_SKY farm vest (TreasuryFundedFarmingInit.updateFarmVest's steps): 192,110,322 SKY from the cast for 90 days
        // Note: replaces award 10 on MCD_VEST_SKY_TREASURY, the distribution's vestId (read on chain)
        _updateFarmVest(REWARDS_DIST_LSSKY_SKY, MCD_VEST_SKY_TREASURY, SKY, 192_110_322 * WAD, 90 days);

    // ---------- End of the spellgen budget section ----------
