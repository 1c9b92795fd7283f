    // ---------- Budget section rendered by spellgen from sky-2026-05-07.yaml ----------
    // Imports: paste above the contract, with the interfaces AllocatorVaultLike of the full render.
    // import { JugAbstract } from "dss-interfaces/dss/JugAbstract.sol";
    // import { VatAbstract } from "dss-interfaces/dss/VatAbstract.sol";
    // Constants: paste inside DssSpellAction, above actions().

    uint256 internal constant WAD = 10 ** 18;
    uint256 internal constant RAY = 10 ** 27;

    // --- Chainlog ---
    address internal immutable ALLOCATOR_BLOOM_A_VAULT = DssExecLib.getChangelogAddress("ALLOCATOR_BLOOM_A_VAULT");
    address internal immutable ALLOCATOR_OBEX_A_VAULT  = DssExecLib.getChangelogAddress("ALLOCATOR_OBEX_A_VAULT");
    address internal immutable ALLOCATOR_SPARK_A_VAULT = DssExecLib.getChangelogAddress("ALLOCATOR_SPARK_A_VAULT");
    address internal immutable MCD_JUG                 = DssExecLib.getChangelogAddress("MCD_JUG");
    address internal immutable MCD_VAT                 = DssExecLib.getChangelogAddress("MCD_VAT");
    address internal immutable MCD_VOW                 = DssExecLib.getChangelogAddress("MCD_VOW");

    // Take `wad` from an allocator vault into the surplus buffer: the vault's debt rises by `wad` (in
    // normalised debt at the ilk's rate after drip, rounded up) and the Vow's dai by as much
    function _takeAllocatorPayment(address vault, uint256 wad) internal {
        require(wad > 0, "takeAllocatorPayment/zero-amount");
        bytes32 ilk = AllocatorVaultLike(vault).ilk();
        uint256 rate = JugAbstract(MCD_JUG).drip(ilk);
        require(rate > 0, "takeAllocatorPayment/jug-ilk-not-initialized");
        // Note: rounded up, in the protocol's favour
        uint256 dart = ((wad * RAY - 1) / rate) + 1;
        require(dart <= uint256(type(int256).max), "takeAllocatorPayment/dart-too-large");
        // Note: the Vow gets dai and sin of dart * rate at once
        VatAbstract(MCD_VAT).suck(MCD_VOW, MCD_VOW, dart * rate);
        // Note: the vault's urn takes the debt, cancelling the sin: the Vow keeps the dai
        VatAbstract(MCD_VAT).grab(ilk, vault, address(0), MCD_VOW, 0, int256(dart));
    }

    // Body: paste inside actions().
        // ----- Prime Agent payments -----

        // Take 9,179,021 DAI from ALLOCATOR_SPARK_A_VAULT (ilk ALLOCATOR-SPARK-A) into the surplus buffer, as new debt of the vault
        _takeAllocatorPayment(ALLOCATOR_SPARK_A_VAULT, 9_179_021 * WAD);

        // Take 9,385,986 DAI from ALLOCATOR_BLOOM_A_VAULT (ilk ALLOCATOR-BLOOM-A) into the surplus buffer, as new debt of the vault
        _takeAllocatorPayment(ALLOCATOR_BLOOM_A_VAULT, 9_385_986 * WAD);

        // Take 1,969,499 DAI from ALLOCATOR_OBEX_A_VAULT (ilk ALLOCATOR-OBEX-A) into the surplus buffer, as new debt of the vault
        _takeAllocatorPayment(ALLOCATOR_OBEX_A_VAULT, 1_969_499 * WAD);

    // ---------- End of the spellgen budget section ----------
