// SPDX-License-Identifier: AGPL-3.0-or-later
//
// A minimal executive spell for the twin's governance tests: office hours and lifetime are
// constructor arguments; its action sets the ChainLog version, a visible effect.

pragma solidity 0.8.16;

import "dss-exec-lib/DssExec.sol";
import "dss-exec-lib/DssAction.sol";

contract DssSpellAction is DssAction {
    string public constant override description = "spellgen twin test spell";

    bool internal immutable OFFICE_HOURS;

    constructor(bool officeHours_) {
        OFFICE_HOURS = officeHours_;
    }

    function officeHours() public view override returns (bool) {
        return OFFICE_HOURS;
    }

    function actions() public override {
        DssExecLib.setChangelogVersion("twin-test");
    }
}

contract DssSpell is DssExec {
    constructor(bool officeHours_, uint256 lifetime)
        DssExec(block.timestamp + lifetime, address(new DssSpellAction(officeHours_))) {}
}
