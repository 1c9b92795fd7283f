    // ---------- Budget section rendered by spellgen from core-units-2022-04-29.yaml ----------
    // Constants: paste inside DssSpellAction, above actions().

    uint256 internal constant WAD = 10 ** 18;

    // --- Wallets ---
    address internal constant COM_WALLET    = 0x1eE3ECa7aEF17D1e74eD7C447CcBA61aC76aDbA9;
    address internal constant COM_EF_WALLET = 0x99E1696A680c0D9f426Be20400E468089E7FDB0f;
    address internal constant EVENTS_WALLET = 0x3D274fbAc29C92D2F624483495C0113B44dBE7d2;
    address internal constant DIN_WALLET    = 0x7327Aed0Ddf75391098e8753512D8aEc8D740a1F;
    address internal constant PE_WALLET     = 0xe2c16c308b843eD02B09156388Cb240cEd58C01c;
    address internal constant SH_WALLET     = 0x955993Df48b0458A01cfB5fd7DF5F5DCa6443550;

    // --- Dates (UTC) ---
    uint256 internal constant MAY_01_2022 = 1651363200; // 2022-05-01 00:00:00 UTC
    uint256 internal constant JUL_01_2022 = 1656633600; // 2022-07-01 00:00:00 UTC
    uint256 internal constant JAN_01_2023 = 1672531200; // 2023-01-01 00:00:00 UTC

    // --- Chainlog ---
    address internal constant MCD_VEST_DAI = 0xa4c22f0e25C6630B2017979AcF1f865e94695C4b;
    address internal immutable MCD_VEST_DAI_LEGACY = DssExecLib.getChangelogAddress("MCD_VEST_DAI");

    // Body: paste inside actions().
        // ----- Replace the DAI vest -----

        // Replace vesting in the chainlog and bump version
        DssExecLib.authorize(DssExecLib.vat(), MCD_VEST_DAI);
        DssExecLib.setChangelogAddress("MCD_VEST_DAI", MCD_VEST_DAI);
        DssExecLib.setChangelogAddress("MCD_VEST_DAI_LEGACY", MCD_VEST_DAI_LEGACY);
        DssExecLib.setChangelogVersion("1.12.0");

        // Set the MCD_VEST_DAI rate cap to 1,000,000 DAI per 30 days
        DssExecLib.setValue(MCD_VEST_DAI, "cap", 1_000_000 * WAD / 30 days);

        // ----- Stream payments -----

        // PE_WALLET | 2022-05-01 00:00:00 UTC to 2023-05-01 00:00:00 UTC | 7,590,000 DAI | 0xe2c16c308b843eD02B09156388Cb240cEd58C01c | Cliff: none | Restricted: Yes
        VestLike(MCD_VEST_DAI).restrict(
            VestLike(MCD_VEST_DAI).create(
                PE_WALLET,       // usr
                7_590_000 * WAD, // tot
                MAY_01_2022,     // bgn
                365 days,        // tau: 365 days
                0,               // eta: no cliff
                address(0)       // mgr: none
            )
        );

        // COM_WALLET | 2022-07-01 00:00:00 UTC to 2023-01-01 00:00:00 UTC | 336,672 DAI | 0x1eE3ECa7aEF17D1e74eD7C447CcBA61aC76aDbA9 | Cliff: none | Restricted: Yes
        VestLike(MCD_VEST_DAI).restrict(
            VestLike(MCD_VEST_DAI).create(
                COM_WALLET,                // usr
                336_672 * WAD,             // tot
                JUL_01_2022,               // bgn
                JAN_01_2023 - JUL_01_2022, // tau: 184 days
                0,                         // eta: no cliff
                address(0)                 // mgr: none
            )
        );

        // DIN_WALLET | 2022-05-01 00:00:00 UTC to 2023-05-01 00:00:00 UTC | 1,083,000 DAI | 0x7327Aed0Ddf75391098e8753512D8aEc8D740a1F | Cliff: none | Restricted: Yes
        VestLike(MCD_VEST_DAI).restrict(
            VestLike(MCD_VEST_DAI).create(
                DIN_WALLET,      // usr
                1_083_000 * WAD, // tot
                MAY_01_2022,     // bgn
                365 days,        // tau: 365 days
                0,               // eta: no cliff
                address(0)       // mgr: none
            )
        );

        // EVENTS_WALLET | 2022-05-01 00:00:00 UTC to 2023-05-01 00:00:00 UTC | 748,458 DAI | 0x3D274fbAc29C92D2F624483495C0113B44dBE7d2 | Cliff: none | Restricted: Yes
        VestLike(MCD_VEST_DAI).restrict(
            VestLike(MCD_VEST_DAI).create(
                EVENTS_WALLET, // usr
                748_458 * WAD, // tot
                MAY_01_2022,   // bgn
                365 days,      // tau: 365 days
                0,             // eta: no cliff
                address(0)     // mgr: none
            )
        );

        // ----- Unique payments -----

        // PE_WALLET - 800,000 DAI - 0xe2c16c308b843eD02B09156388Cb240cEd58C01c
        DssExecLib.sendPaymentFromSurplusBuffer(PE_WALLET, 800_000);

        // COM_EF_WALLET - 46,836 DAI - 0x99E1696A680c0D9f426Be20400E468089E7FDB0f
        DssExecLib.sendPaymentFromSurplusBuffer(COM_EF_WALLET, 46_836);

        // COM_WALLET - 26,390 DAI - 0x1eE3ECa7aEF17D1e74eD7C447CcBA61aC76aDbA9
        DssExecLib.sendPaymentFromSurplusBuffer(COM_WALLET, 26_390);

        // EVENTS_WALLET - 149,692 DAI - 0x3D274fbAc29C92D2F624483495C0113B44dBE7d2
        DssExecLib.sendPaymentFromSurplusBuffer(EVENTS_WALLET, 149_692);

        // SH_WALLET - 35,000 DAI - 0x955993Df48b0458A01cfB5fd7DF5F5DCa6443550
        DssExecLib.sendPaymentFromSurplusBuffer(SH_WALLET, 35_000);

    // ---------- End of the spellgen budget section ----------
