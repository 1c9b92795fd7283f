    // ---------- Budget section rendered by spellgen from core-units-2021-10-08.yaml ----------
    // Constants: paste inside DssSpellAction, above actions().

    uint256 internal constant WAD = 10 ** 18;

    // --- Wallets ---
    address internal constant CES_WALLET  = 0x25307aB59Cd5d8b4E2C01218262Ddf6a89Ff86da;
    address internal constant RISK_WALLET = 0x5d67d5B1fC7EF4bfF31967bE2D2d7b9323c1521c;

    // --- Dates (UTC) ---
    uint256 internal constant APR_01_2021 = 1617235200; // 2021-04-01 00:00:00 UTC

    // --- Chainlog ---
    address internal constant MCD_VEST_MKR_TREASURY = 0x6D635c8d08a1eA2F1687a5E46b666949c977B7dd;
    GemLike internal immutable MKR                  = GemLike(DssExecLib.mkr());

    // Body: paste inside actions().
        // ----- Direct payment -----
        // https://vote.makerdao.com/polling/QmbM8u7Q?network=mainnet#vote-breakdown

        // CES_WALLET - 1,223,552 DAI - 0x25307aB59Cd5d8b4E2C01218262Ddf6a89Ff86da
        DssExecLib.sendPaymentFromSurplusBuffer(CES_WALLET, 1_223_552);

        // ----- MKR vesting -----
        // https://vote.makerdao.com/polling/QmUAXKm4?network=mainnet#vote-breakdown

        // Set the PauseProxy's MKR allowance to MCD_VEST_MKR_TREASURY to 700 MKR
        MKR.approve(MCD_VEST_MKR_TREASURY, 700 * WAD);

        // Set the MCD_VEST_MKR_TREASURY rate cap to 1,100 MKR per 365 days
        DssExecLib.setValue(MCD_VEST_MKR_TREASURY, "cap", 1_100 * WAD / 365 days);

        // RISK_WALLET | 2021-04-01 00:00:00 UTC to 2022-04-01 00:00:00 UTC | 700 MKR | 0x5d67d5B1fC7EF4bfF31967bE2D2d7b9323c1521c | Cliff: 2022-04-01 00:00:00 UTC | Restricted: Yes
        VestLike(MCD_VEST_MKR_TREASURY).restrict(
            VestLike(MCD_VEST_MKR_TREASURY).create(
                RISK_WALLET, // usr
                700 * WAD,   // tot
                APR_01_2021, // bgn
                365 days,    // tau: 365 days
                365 days,    // eta: cliff 2022-04-01 00:00:00 UTC
                address(0)   // mgr: none
            )
        );

        // Set up the new MKR vest MCD_VEST_MKR_TREASURY and bump version
        DssExecLib.setChangelogAddress("MCD_VEST_MKR_TREASURY", MCD_VEST_MKR_TREASURY);
        DssExecLib.setChangelogVersion("1.9.7");

    // ---------- End of the spellgen budget section ----------
