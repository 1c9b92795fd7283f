// SPDX-License-Identifier: AGPL-3.0-or-later
//
// A spell written by hand (not rendered by spellgen) for tests/spells/treasury-2023-08-02.yaml, in the
// style reviewers receive: interfaces from dss-interfaces, its own constant names and order.
// tests/test_verify_handwritten.py checks that `spellgen verify` accepts it and catches its mutants.
pragma solidity 0.8.16;

import "dss-exec-lib/DssExec.sol";
import "dss-exec-lib/DssAction.sol";
import { VestAbstract } from "dss-interfaces/dss/VestAbstract.sol";
import { GemAbstract } from "dss-interfaces/ERC/GemAbstract.sol";

contract DssSpellAction is DssAction {
    string public constant override description =
        "2023-08-02 MakerDAO Executive Spell | Hash: 0x1111111111111111111111111111111111111111111111111111111111111111";

    function officeHours() public pure override returns (bool) {
        return false;
    }

    uint256 internal constant WAD = 10 ** 18;

    address internal immutable VEST_DAI          = DssExecLib.getChangelogAddress("MCD_VEST_DAI");
    address internal immutable VEST_MKR          = DssExecLib.getChangelogAddress("MCD_VEST_MKR");
    address internal immutable VEST_MKR_TREASURY = DssExecLib.getChangelogAddress("MCD_VEST_MKR_TREASURY");
    GemAbstract internal immutable GOV           = GemAbstract(DssExecLib.mkr());

    address internal constant ECOSYSTEM_ACTOR = 0xaef7a9890c81A46C38fb26b940624DBB4dd591dd;
    address internal constant VEST_MANAGER    = 0xce727Fb12b7f2700BaDAe716947943ea245C25d6;

    uint256 internal constant AUG_01_2023 = 1690848000; // 2023-08-01 00:00:00 UTC
    uint256 internal constant SEP_01_2023 = 1693526400; // 2023-09-01 00:00:00 UTC
    uint256 internal constant NOV_30_2023 = 1701388799; // 2023-11-30 23:59:59 UTC
    uint256 internal constant AUG_31_2024 = 1725148799; // 2024-08-31 23:59:59 UTC
    uint256 internal constant JUL_31_2026 = 1785542399; // 2026-07-31 23:59:59 UTC

    function actions() public override {
        // MKR mintable vest cap: 1,200 MKR a year
        DssExecLib.setValue(VEST_MKR, "cap", 1_200 * WAD / 365 days);

        // Ecosystem actor, 1,500.75 MKR from the treasury, three years, one-year cliff
        uint256 treasuryStream = 1_500.75 ether; // Note: ether is a keyword that represents 10**18, not the ETH token
        VestAbstract(VEST_MKR_TREASURY).restrict(
            VestAbstract(VEST_MKR_TREASURY).create(
                ECOSYSTEM_ACTOR, treasuryStream, AUG_01_2023, JUL_31_2026 - AUG_01_2023, 365 days, VEST_MANAGER
            )
        );
        GOV.approve(VEST_MKR_TREASURY, GOV.allowance(address(this), VEST_MKR_TREASURY) + treasuryStream);

        // Ecosystem actor, 250 MKR minted over a year, claimable by anyone
        VestAbstract(VEST_MKR).create(ECOSYSTEM_ACTOR, 250 * WAD, AUG_01_2023, 365 days, 0, address(0));

        // Ecosystem actor, 600,000 DAI, 2023-09-01 to 2024-08-31
        VestAbstract(VEST_DAI).restrict(
            VestAbstract(VEST_DAI).create(
                ECOSYSTEM_ACTOR, 600_000 * WAD, SEP_01_2023, AUG_31_2024 - SEP_01_2023, 0, address(0)
            )
        );

        // Yanks
        VestAbstract(VEST_DAI).yank(35);
        VestAbstract(VEST_MKR_TREASURY).yank(30, NOV_30_2023);
    }
}

contract DssSpell is DssExec {
    constructor() DssExec(block.timestamp + 30 days, address(new DssSpellAction())) {}
}
