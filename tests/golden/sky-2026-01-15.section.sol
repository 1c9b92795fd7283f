    // ---------- Budget section rendered by spellgen from sky-2026-01-15.yaml ----------
    // Imports: paste above the contract, with the interfaces DaiUsdsLike of the full render.
    // import { GemAbstract } from "dss-interfaces/ERC/GemAbstract.sol";
    // import { VestAbstract } from "dss-interfaces/dss/VestAbstract.sol";
    // Constants: paste inside DssSpellAction, above actions().

    uint256 internal constant WAD = 10 ** 18;

    // --- Wallets ---
    address internal constant AEGIS_D     = 0x78C180CF113Fe4845C325f44648b6567BC79d6E0;
    address internal constant BLUE        = 0xb6C09680D822F162449cdFB8248a7D3FC26Ec9Bf;
    address internal constant BONAPUBLICA = 0x167c1a762B08D7e78dbF8f24e5C3f1Ab415021D3;
    address internal constant CLOAKY_2    = 0x9244F47D70587Fa2329B89B6f503022b63Ad54A5;
    address internal constant TANGO       = 0xB2B86A130B1EC101e4Aed9a88502E08995760307;
    address internal constant SKY_STAKING = 0x05c73AE49fF0ec654496bF4008d73274a919cB5C;

    // --- Chainlog ---
    address internal immutable DAI_USDS              = DssExecLib.getChangelogAddress("DAI_USDS");
    address internal immutable MCD_VEST_SKY_TREASURY = DssExecLib.getChangelogAddress("MCD_VEST_SKY_TREASURY");
    address internal immutable MCD_VEST_SPK_TREASURY = DssExecLib.getChangelogAddress("MCD_VEST_SPK_TREASURY");
    address internal immutable DAI                   = DssExecLib.dai();
    address internal immutable SKY                   = DssExecLib.getChangelogAddress("SKY");
    address internal immutable SPK                   = DssExecLib.getChangelogAddress("SPK");

    // Whole USDS from the surplus buffer: DAI to the PauseProxy, converted 1:1 through DAI_USDS
    function _transferUsds(address usr, uint256 wad) internal {
        require(wad % WAD == 0, "transferUsds/non-integer-wad");
        DssExecLib.sendPaymentFromSurplusBuffer(address(this), wad / WAD);
        GemAbstract(DAI).approve(DAI_USDS, wad);
        DaiUsdsLike(DAI_USDS).daiToUsds(usr, wad);
    }

    // Body: paste inside actions().
        // ----- Reduce USDS>SKY Emissions -----
        // Forum: https://forum.sky.money/t/atlas-edit-weekly-cycle-proposal-week-of-2026-01-12/27606
        // Poll: https://vote.sky.money/polling/QmYmaVVc

        // Adjust the PauseProxy's SKY allowance to MCD_VEST_SKY_TREASURY: less what award 9 (yanked below) still owes
        {
            // Note: the allowance before the cast
            uint256 pallowance = GemAbstract(SKY).allowance(address(this), MCD_VEST_SKY_TREASURY);
            // Note: what award 9 still owes, read before its yank
            uint256 ytot = VestAbstract(MCD_VEST_SKY_TREASURY).tot(9);
            uint256 yrxd = VestAbstract(MCD_VEST_SKY_TREASURY).rxd(9);
            uint256 yallowance = ytot - yrxd;
            // Note: the new allowance (the previous one less the yanked award's remainder)
            uint256 allowance = pallowance - yallowance;
            GemAbstract(SKY).approve(MCD_VEST_SKY_TREASURY, allowance);
        }

        // Yank SKY stream ID 9 on MCD_VEST_SKY_TREASURY
        VestAbstract(MCD_VEST_SKY_TREASURY).yank(9);

        // ----- Reduce LSSKY>SPK Emissions -----
        // Forum: https://forum.sky.money/t/atlas-edit-weekly-cycle-proposal-week-of-2026-01-12/27606
        // Poll: https://vote.sky.money/polling/QmYmaVVc

        // Adjust the PauseProxy's SPK allowance to MCD_VEST_SPK_TREASURY: less what award 2 (yanked below) still owes
        {
            // Note: the allowance before the cast
            uint256 pallowance = GemAbstract(SPK).allowance(address(this), MCD_VEST_SPK_TREASURY);
            // Note: what award 2 still owes, read before its yank
            uint256 ytot = VestAbstract(MCD_VEST_SPK_TREASURY).tot(2);
            uint256 yrxd = VestAbstract(MCD_VEST_SPK_TREASURY).rxd(2);
            uint256 yallowance = ytot - yrxd;
            // Note: the new allowance (the previous one less the yanked award's remainder)
            uint256 allowance = pallowance - yallowance;
            GemAbstract(SPK).approve(MCD_VEST_SPK_TREASURY, allowance);
        }

        // Yank SPK stream ID 2 on MCD_VEST_SPK_TREASURY
        VestAbstract(MCD_VEST_SPK_TREASURY).yank(2);

        // ----- Delegate Compensation for December -----
        // Forum: https://forum.sky.money/t/december-2025-ranked-delegate-compensation/27605
        // Atlas: https://sky-atlas.io/#A.1.5

        // Transfer 4,000 USDS from the Surplus Buffer to AEGIS_D (0x78C180CF113Fe4845C325f44648b6567BC79d6E0)
        _transferUsds(AEGIS_D, 4_000 * WAD);

        // Transfer 4,000 USDS from the Surplus Buffer to BLUE (0xb6C09680D822F162449cdFB8248a7D3FC26Ec9Bf)
        _transferUsds(BLUE, 4_000 * WAD);

        // Transfer 4,000 USDS from the Surplus Buffer to BONAPUBLICA (0x167c1a762B08D7e78dbF8f24e5C3f1Ab415021D3)
        _transferUsds(BONAPUBLICA, 4_000 * WAD);

        // Transfer 4,000 USDS from the Surplus Buffer to CLOAKY_2 (0x9244F47D70587Fa2329B89B6f503022b63Ad54A5)
        _transferUsds(CLOAKY_2, 4_000 * WAD);

        // Transfer 3,723 USDS from the Surplus Buffer to TANGO (0xB2B86A130B1EC101e4Aed9a88502E08995760307)
        _transferUsds(TANGO, 3_723 * WAD);

        // Transfer 1,032 USDS from the Surplus Buffer to SKY_STAKING (0x05c73AE49fF0ec654496bF4008d73274a919cB5C)
        _transferUsds(SKY_STAKING, 1_032 * WAD);

    // ---------- End of the spellgen budget section ----------
