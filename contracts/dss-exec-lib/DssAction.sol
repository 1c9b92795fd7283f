// SPDX-License-Identifier: AGPL-3.0-or-later
//
// DssAction.sol -- clean-room base of a spell's action (spellgen twin).
//
// Written from the project's protocol notes (shared/spec/maker.md, section 2).
// The action runs by DELEGATECALL in the DSPauseProxy's context: it must keep no storage
// of its own (constants and immutables only).
//
// Compiles under solc 0.6.12 and 0.8.x.
//
// officeHours() is declared without a state mutability (non-payable) so that a spell can
// override it the way real spells do:
//   solc 0.8.x : `function officeHours() public pure override returns (bool)` (or view, or none)
//   solc 0.6.12: `function officeHours() public override returns (bool)` (0.6 requires the
//                override's mutability to match the base exactly)

pragma solidity >=0.6.12 <0.9.0;

import { DssExecLib } from "./DssExecLib.sol";

abstract contract DssAction {

    using DssExecLib for *;

    // Office hours are enforced by default
    function officeHours() public virtual returns (bool) {
        return true;
    }

    // Run the spell's changes (only inside office hours when they apply)
    function execute() external limited {
        actions();
    }

    // The spell's changes
    function actions() public virtual;

    // The spell's description (spells override it with `string public constant override description`)
    function description() external view virtual returns (string memory);

    // Only when DssExecLib.canCast allows it now
    modifier limited {
        require(DssExecLib.canCast(uint40(block.timestamp), officeHours()), "Outside office hours");
        _;
    }

    // Earliest time the spell can be cast given its eta
    function nextCastTime(uint256 eta) external returns (uint256 castTime) {
        require(eta <= type(uint40).max, "DssAction/eta-too-high");
        castTime = DssExecLib.nextCastTime(uint40(eta), uint40(block.timestamp), officeHours());
    }
}
