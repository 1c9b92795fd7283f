    // ---------- Budget section rendered by spellgen from core-units-2021-07-16.yaml ----------
    // Constants: paste inside DssSpellAction, above actions().

    // --- Wallets ---
    address internal constant GRO_MULTISIG    = 0x7800C137A645c07132886539217ce192b9F0528e;
    address internal constant MKT_MULTISIG    = 0xDCAF2C84e1154c8DdD3203880e5db965bfF09B60;
    address internal constant GOV_MULTISIG    = 0x01D26f8c5cC009868A4BF66E268c17B057fF7A73;
    address internal constant RWF_MULTISIG    = 0x9e1585d9CA64243CE43D42f7dD7333190F66Ca09;
    address internal constant RISK_CU_EOA     = 0xd98ef20520048a35EdA9A202137847A62120d2d9;
    address internal constant PE_MULTISIG     = 0xe2c16c308b843eD02B09156388Cb240cEd58C01c;
    address internal constant ORA_MULTISIG    = 0x2d09B7b95f3F312ba6dDfB77bA6971786c5b50Cf;
    address internal constant ORA_ER_MULTISIG = 0x53CCAA8E3beF14254041500aCC3f1D4edb5B6D24;

    // --- Earlier spells (a section runs only if one was, or was not, cast) ---
    address internal constant PREV_SPELL = 0xEC782b5aC1f0Fc096Ad30950f3348670980f7FD3;

    // Body: paste inside actions().
        // ----- Core Unit Budget Distributions - July -----

        if (!Doable(PREV_SPELL).done()) {
            // GRO_MULTISIG - 126,117 DAI - 0x7800C137A645c07132886539217ce192b9F0528e
            DssExecLib.sendPaymentFromSurplusBuffer(GRO_MULTISIG, 126_117);

            // MKT_MULTISIG - 44,375 DAI - 0xDCAF2C84e1154c8DdD3203880e5db965bfF09B60
            DssExecLib.sendPaymentFromSurplusBuffer(MKT_MULTISIG, 44_375);

            // GOV_MULTISIG - 273,334 DAI - 0x01D26f8c5cC009868A4BF66E268c17B057fF7A73
            DssExecLib.sendPaymentFromSurplusBuffer(GOV_MULTISIG, 273_334);

            // RWF_MULTISIG - 155,000 DAI - 0x9e1585d9CA64243CE43D42f7dD7333190F66Ca09
            DssExecLib.sendPaymentFromSurplusBuffer(RWF_MULTISIG, 155_000);

            // RISK_CU_EOA - 182,000 DAI - 0xd98ef20520048a35EdA9A202137847A62120d2d9
            DssExecLib.sendPaymentFromSurplusBuffer(RISK_CU_EOA, 182_000);

            // PE_MULTISIG - 510,000 DAI - 0xe2c16c308b843eD02B09156388Cb240cEd58C01c
            DssExecLib.sendPaymentFromSurplusBuffer(PE_MULTISIG, 510_000);

            // ORA_MULTISIG - 419,677 DAI - 0x2d09B7b95f3F312ba6dDfB77bA6971786c5b50Cf
            DssExecLib.sendPaymentFromSurplusBuffer(ORA_MULTISIG, 419_677);

            // ORA_ER_MULTISIG - 800,000 DAI - 0x53CCAA8E3beF14254041500aCC3f1D4edb5B6D24
            DssExecLib.sendPaymentFromSurplusBuffer(ORA_ER_MULTISIG, 800_000);
        }

    // ---------- End of the spellgen budget section ----------
