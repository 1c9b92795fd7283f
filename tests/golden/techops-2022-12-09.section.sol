    // ---------- Budget section rendered by spellgen from techops-2022-12-09.yaml ----------
    // Constants: paste inside DssSpellAction, above actions().

    // --- Wallets ---
    address internal constant TECH_001 = 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B;

    // --- Chainlog ---
    GemLike internal immutable MKR = GemLike(DssExecLib.mkr());

    // Body: paste inside actions().
        // ----- TechOps Core Unit MKR transfer -----
        // https://mips.makerdao.com/mips/details/MIP40c3SP54

        // TECH_001 - 257.31 MKR - 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B
        MKR.transfer(TECH_001, 257.31 ether); // Note: ether is a keyword helper, only MKR is transferred here

    // ---------- End of the spellgen budget section ----------
