    // ---------- Budget section rendered by spellgen from core-units-2021-06-04.yaml ----------
    // Constants: paste inside DssSpellAction, above actions().

    // --- Wallets ---
    address internal constant RWF_001_MULSTISIG  = 0x9e1585d9CA64243CE43D42f7dD7333190F66Ca09;
    address internal constant RISK_001_MULSTISIG = 0xd98ef20520048a35EdA9A202137847A62120d2d9;
    address internal constant GOV_001_MULSTISIG  = 0x01D26f8c5cC009868A4BF66E268c17B057fF7A73;
    address internal constant PE_001_MULSTISIG   = 0xe2c16c308b843eD02B09156388Cb240cEd58C01c;
    address internal constant GRO_001_MULSTISIG  = 0x7800C137A645c07132886539217ce192b9F0528e;
    address internal constant MKT_001_MULSTISIG  = 0xDCAF2C84e1154c8DdD3203880e5db965bfF09B60;
    address internal constant SES_001_MULSTISIG  = 0x87AcDD9208f73bFc9207e1f6F0fDE906bcA95cc6;

    // Body: paste inside actions().
        // ----- Core Units Payments -----

        // RWF_001_MULSTISIG - 40,000 DAI - 0x9e1585d9CA64243CE43D42f7dD7333190F66Ca09
        DssExecLib.sendPaymentFromSurplusBuffer(RWF_001_MULSTISIG, 40_000);

        // RISK_001_MULSTISIG - 100,500 DAI - 0xd98ef20520048a35EdA9A202137847A62120d2d9
        DssExecLib.sendPaymentFromSurplusBuffer(RISK_001_MULSTISIG, 100_500);

        // GOV_001_MULSTISIG - 80,000 DAI - 0x01D26f8c5cC009868A4BF66E268c17B057fF7A73
        DssExecLib.sendPaymentFromSurplusBuffer(GOV_001_MULSTISIG, 80_000);

        // PE_001_MULSTISIG - 510,000 DAI - 0xe2c16c308b843eD02B09156388Cb240cEd58C01c
        DssExecLib.sendPaymentFromSurplusBuffer(PE_001_MULSTISIG, 510_000);

        // GRO_001_MULSTISIG - 126,117 DAI - 0x7800C137A645c07132886539217ce192b9F0528e
        DssExecLib.sendPaymentFromSurplusBuffer(GRO_001_MULSTISIG, 126_117);

        // MKT_001_MULSTISIG - 44,375 DAI - 0xDCAF2C84e1154c8DdD3203880e5db965bfF09B60
        DssExecLib.sendPaymentFromSurplusBuffer(MKT_001_MULSTISIG, 44_375);

        // SES_001_MULSTISIG - 642,135 DAI - 0x87AcDD9208f73bFc9207e1f6F0fDE906bcA95cc6
        DssExecLib.sendPaymentFromSurplusBuffer(SES_001_MULSTISIG, 642_135);

    // ---------- End of the spellgen budget section ----------
