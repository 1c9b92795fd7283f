// SPDX-License-Identifier: AGPL-3.0-or-later
//
// A spell's own helper library, imported from its `dependencies/` folder as real spells import
// theirs (`./dependencies/<project>/<File>.sol`); it imports dss-interfaces itself.
pragma solidity 0.8.16;

import { VestAbstract } from "dss-interfaces/dss/VestAbstract.sol";

struct StreamParams {
    address usr;
    uint256 tot;
    uint256 bgn;
    uint256 tau;
    uint256 eta;
    address mgr;
}

library BudgetStreams {
    // Create and restrict a stream after basic checks; the new award's id
    function create(VestAbstract vest, StreamParams memory p) internal returns (uint256 id) {
        require(p.usr != address(0), "BudgetStreams/no-usr");
        require(p.tot > 0 && p.tau > 0, "BudgetStreams/empty");
        require(p.eta <= p.tau, "BudgetStreams/cliff-after-end");
        id = vest.create(p.usr, p.tot, p.bgn, p.tau, p.eta, p.mgr);
        vest.restrict(id);
    }
}
