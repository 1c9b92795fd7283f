    // ---------- Budget section rendered by spellgen from sky-2025-10-30.yaml ----------
    // Imports: paste above the contract.
    // import { GemAbstract } from "dss-interfaces/ERC/GemAbstract.sol";
    // import { VestAbstract } from "dss-interfaces/dss/VestAbstract.sol";
    // Constants: paste inside DssSpellAction, above actions().

    uint256 internal constant WAD = 10 ** 18;

    // --- Wallets ---
    address internal constant REWARDS_DIST_LSSKY_SKY = 0x675671A8756dDb69F7254AFB030865388Ef699Ee;

    // --- Chainlog ---
    address internal immutable MCD_VEST_SKY_TREASURY = DssExecLib.getChangelogAddress("MCD_VEST_SKY_TREASURY");
    address internal immutable SKY                   = DssExecLib.getChangelogAddress("SKY");

    // Body: paste inside actions().
        // ----- Initialize lsSKY->SKY Farm -----
        // Forum: https://forum.sky.money/t/technical-scope-lssky-sky-farm/27312
        // Poll: https://vote.sky.money/polling/Qmbs7wEM

        // Increase the PauseProxy's SKY allowance to MCD_VEST_SKY_TREASURY by the new streams' total: 1,000,000,000 SKY
        GemAbstract(SKY).approve(MCD_VEST_SKY_TREASURY, GemAbstract(SKY).allowance(address(this), MCD_VEST_SKY_TREASURY) + 1_000_000_000 * WAD);

        // Raise the MCD_VEST_SKY_TREASURY rate cap to 1,100,000,000 SKY per 180 days, only if that is above the cap in force
        {
            uint256 newCap = 1_100_000_000 * WAD / 180 days;
            // Note: a cap in force at or above it is kept
            if (newCap > VestAbstract(MCD_VEST_SKY_TREASURY).cap()) {
                VestAbstract(MCD_VEST_SKY_TREASURY).file("cap", newCap);
            }
        }

        // REWARDS_DIST_LSSKY_SKY | from: block.timestamp - 7 days | tau: 180 days | 1,000,000,000 SKY | 0x675671A8756dDb69F7254AFB030865388Ef699Ee | Cliff: none | Restricted: Yes
        VestAbstract(MCD_VEST_SKY_TREASURY).restrict(
            VestAbstract(MCD_VEST_SKY_TREASURY).create(
                REWARDS_DIST_LSSKY_SKY,   // usr
                1_000_000_000 * WAD,      // tot
                block.timestamp - 7 days, // bgn: the cast minus 7 days
                180 days,                 // tau: 180 days
                0,                        // eta: no cliff
                address(0)                // mgr: none
            )
        );

    // ---------- End of the spellgen budget section ----------
