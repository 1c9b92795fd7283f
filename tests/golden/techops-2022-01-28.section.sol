    // ---------- Budget section rendered by spellgen from techops-2022-01-28.yaml ----------
    // Constants: paste inside DssSpellAction, above actions().

    uint256 internal constant WAD = 10 ** 18;

    // --- Wallets ---
    address internal constant TECH_001 = 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B;

    // --- Dates (UTC) ---
    uint256 internal constant FEB_01_2022 = 1643673600; // 2022-02-01 00:00:00 UTC
    uint256 internal constant JAN_31_2023 = 1675123200; // 2023-01-31 00:00:00 UTC

    // --- Chainlog ---
    address internal immutable MCD_VEST_DAI = DssExecLib.getChangelogAddress("MCD_VEST_DAI");

    // Body: paste inside actions().
        // ----- TechOps Core Unit DAI budget -----
        // https://forum.makerdao.com/t/mip40c3-sp53-techops-core-unit-dai-budget
        // https://mips.makerdao.com/mips/details/MIP40c3SP53

        // TECH_001 - 1,069,250 DAI - 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B
        DssExecLib.sendPaymentFromSurplusBuffer(TECH_001, 1_069_250);

        // TECH_001 | 2022-02-01 00:00:00 UTC to 2023-01-31 00:00:00 UTC | 2,486,400 DAI | 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B | Cliff: none | Restricted: Yes
        VestLike(MCD_VEST_DAI).restrict(
            VestLike(MCD_VEST_DAI).create(
                TECH_001,                  // usr
                2_486_400 * WAD,           // tot
                FEB_01_2022,               // bgn
                JAN_31_2023 - FEB_01_2022, // tau: 364 days
                0,                         // eta: no cliff
                address(0)                 // mgr: none
            )
        );

    // ---------- End of the spellgen budget section ----------
