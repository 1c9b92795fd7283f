// SPDX-License-Identifier: AGPL-3.0-or-later
//
// A spell for tests/spells/usds-sky-2025-03-01.yaml written the way 2025-26 mainnet spells are
// (not rendered by spellgen): pragma 0.8.16, dss-interfaces imports, a helper library from its own
// `dependencies/` folder, an internal helper, immutables read from the ChainLog, and a DssExecLib
// call outside the budget (the ChainLog version). tests/integrations/test_real_spells.py compiles it
// unchanged and verifies its budget items on the twin.
pragma solidity 0.8.16;

import "dss-exec-lib/DssExec.sol";
import "dss-exec-lib/DssAction.sol";
import { VestAbstract } from "dss-interfaces/dss/VestAbstract.sol";
import { GemAbstract } from "dss-interfaces/ERC/GemAbstract.sol";
import { ChainlogAbstract } from "dss-interfaces/dss/ChainlogAbstract.sol";
import { StreamParams, BudgetStreams } from "./dependencies/budget-tools/BudgetStreams.sol";

contract DssSpellAction is DssAction {
    // Provides a descriptive tag for bot consumption
    string public constant override description = "2025-03-01 MakerDAO Executive Spell | Hash: 0x2222222222222222222222222222222222222222222222222222222222222222";

    // Turn office hours off
    function officeHours() public pure override returns (bool) {
        return false;
    }

    // ---------- Math ----------
    uint256 internal constant WAD = 10 ** 18;

    // ---------- Contracts ----------
    ChainlogAbstract internal immutable CHAINLOG      = ChainlogAbstract(DssExecLib.LOG);
    address internal immutable MCD_VEST_USDS          = DssExecLib.getChangelogAddress("MCD_VEST_USDS");
    address internal immutable MCD_VEST_SKY_TREASURY  = DssExecLib.getChangelogAddress("MCD_VEST_SKY_TREASURY");
    GemAbstract internal immutable SKY                = GemAbstract(DssExecLib.getChangelogAddress("SKY"));

    // ---------- Wallets ----------
    address internal constant ECOSYSTEM      = 0xaef7a9890c81A46C38fb26b940624DBB4dd591dd;
    address internal constant STREAM_MANAGER = 0xce727Fb12b7f2700BaDAe716947943ea245C25d6;

    // ---------- Dates ----------
    uint256 internal constant MAR_01_2025 = 1740787200; // 2025-03-01 00:00:00 UTC
    uint256 internal constant FEB_28_2026 = 1772323199; // 2026-02-28 23:59:59 UTC
    uint256 internal constant FEB_28_2027 = 1803859199; // 2027-02-28 23:59:59 UTC

    function actions() public override {
        // ---------- Housekeeping (not a budget item) ----------
        DssExecLib.setChangelogVersion("1.19.7");

        // ---------- USDS stream ----------
        // ECOSYSTEM | 2025-03-01 00:00:00 to 2026-02-28 23:59:59 | 360,000 USDS
        _stream(MCD_VEST_USDS, StreamParams({
            usr: ECOSYSTEM,
            tot: 360_000 * WAD,
            bgn: MAR_01_2025,
            tau: FEB_28_2026 - MAR_01_2025,
            eta: 0,
            mgr: address(0)
        }));

        // ---------- SKY stream from the treasury, and its allowance ----------
        // ECOSYSTEM | 2025-03-01 00:00:00 to 2027-02-28 23:59:59 | 4,800,000 SKY | cliff 365 days
        _stream(MCD_VEST_SKY_TREASURY, StreamParams({
            usr: ECOSYSTEM,
            tot: 4_800_000 * WAD,
            bgn: MAR_01_2025,
            tau: FEB_28_2027 - MAR_01_2025,
            eta: 365 days,
            mgr: STREAM_MANAGER
        }));
        uint256 currentAllowance = SKY.allowance(address(this), MCD_VEST_SKY_TREASURY);
        SKY.approve(MCD_VEST_SKY_TREASURY, currentAllowance + 4_800_000 * WAD);

        // The ChainLog still answers for the vests it lists
        require(CHAINLOG.getAddress("MCD_VEST_USDS") == MCD_VEST_USDS, "DssSpell/vest-moved");
    }

    // Create a restricted stream on `vest` (the helper library checks its parameters first)
    function _stream(address vest, StreamParams memory p) internal {
        uint256 id = BudgetStreams.create(VestAbstract(vest), p);
        require(VestAbstract(vest).usr(id) == p.usr, "DssSpell/wrong-usr");
    }
}

contract DssSpell is DssExec {
    constructor() DssExec(block.timestamp + 30 days, address(new DssSpellAction())) {}
}
