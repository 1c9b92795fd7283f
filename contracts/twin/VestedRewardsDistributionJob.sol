// SPDX-License-Identifier: AGPL-3.0-or-later
//
// VestedRewardsDistributionJob.sol -- clean-room keeper job of the Treasury-funded farms (spellgen twin);
// mainnet: CRON_REWARDS_DIST_JOB 0x6464C34A02DD155dd0c630CE233DD6e21C24F9A5. Only what a spell's farm
// init reaches: governance lists a distribution with the interval keepers call its `distribute()` at
// (`set`), or removes it (`rem`). The keepers' side (`workable`, `work`) is not modelled.
// Assumptions (no public source offline): the storage order (wards 0, intervals 1), the revert strings'
// wording and the events Set(address indexed dist, uint256 interval) and Rem(address indexed dist).

pragma solidity 0.8.16;

contract VestedRewardsDistributionJob {
    mapping(address => uint256) public wards;  // slot 0
    mapping(address => uint256) public intervals;  // slot 1: 0 for a distribution not listed

    event Rely(address indexed usr);
    event Deny(address indexed usr);
    event Set(address indexed dist, uint256 interval);
    event Rem(address indexed dist);

    modifier auth() {
        require(wards[msg.sender] == 1, "VestedRewardsDistributionJob/not-authorized");
        _;
    }

    constructor() {
        wards[msg.sender] = 1;
        emit Rely(msg.sender);
    }

    function rely(address usr) external auth {
        wards[usr] = 1;
        emit Rely(usr);
    }

    function deny(address usr) external auth {
        wards[usr] = 0;
        emit Deny(usr);
    }

    function set(address dist, uint256 interval) external auth {
        require(interval > 0, "VestedRewardsDistributionJob/invalid-interval");
        intervals[dist] = interval;
        emit Set(dist, interval);
    }

    function rem(address dist) external auth {
        require(intervals[dist] > 0, "VestedRewardsDistributionJob/not-found");
        intervals[dist] = 0;
        emit Rem(dist);
    }
}
