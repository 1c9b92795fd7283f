// SPDX-License-Identifier: AGPL-3.0-or-later
//
// VestedRewardsDistribution.sol -- clean-room rewards distribution of a Treasury-funded farm (spellgen
// twin); mainnet: REWARDS_DIST_LSSKY_SKY 0x675671A8756dDb69F7254AFB030865388Ef699Ee (from 2025-10-30),
// REWARDS_DIST_USDS_SKY 0xC8d67Fcf101d3f89D0e1F3a2857485A84072a63F (from 2025-05-29).
// Written from public facts of the mainnet contract as the spells use it: it holds one DssVest award id
// (`vestId`, filed by governance), and `distribute()` claims what that award has vested and not paid,
// sends it to its farm and notifies the farm of the reward. Storage order wards, vestId,
// lastDistributedAt; the vest, the farm and the token are immutable.
// Assumptions (no public source offline): the revert strings' wording, that `file("vestId", id)` only
// checks the award belongs to this contract, and the event signatures (listed by the twin's figures).

pragma solidity 0.8.16;

interface VestedRewardsDistributionVestLike {
    function gem() external view returns (address);
    function usr(uint256 id) external view returns (address);
    function unpaid(uint256 id) external view returns (uint256);
    function vest(uint256 id, uint256 maxAmt) external;
}

interface VestedRewardsDistributionFarmLike {
    function rewardsToken() external view returns (address);
    function notifyRewardAmount(uint256 reward) external;
}

interface VestedRewardsDistributionGemLike {
    function transfer(address to, uint256 value) external returns (bool);
}

contract VestedRewardsDistribution {
    mapping(address => uint256) public wards;
    uint256 public vestId;
    uint256 public lastDistributedAt;

    VestedRewardsDistributionVestLike public immutable dssVest;
    VestedRewardsDistributionFarmLike public immutable stakingRewards;
    VestedRewardsDistributionGemLike public immutable gem;

    event Rely(address indexed usr);
    event Deny(address indexed usr);
    event File(bytes32 indexed what, uint256 data);
    event Distribute(uint256 amount);

    modifier auth() {
        require(wards[msg.sender] == 1, "VestedRewardsDistribution/not-authorized");
        _;
    }

    constructor(address _dssVest, address _stakingRewards) {
        dssVest = VestedRewardsDistributionVestLike(_dssVest);
        stakingRewards = VestedRewardsDistributionFarmLike(_stakingRewards);
        address token = dssVest.gem();
        require(token == stakingRewards.rewardsToken(), "VestedRewardsDistribution/invalid-gem");
        gem = VestedRewardsDistributionGemLike(token);
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

    function file(bytes32 what, uint256 data) external auth {
        if (what == "vestId") {
            require(data == 0 || dssVest.usr(data) == address(this), "VestedRewardsDistribution/invalid-vest-usr");
            vestId = data;
        } else {
            revert("VestedRewardsDistribution/file-unrecognized-param");
        }
        emit File(what, data);
    }

    function distribute() external returns (uint256 amount) {
        require(vestId != 0, "VestedRewardsDistribution/invalid-vest-id");
        amount = dssVest.unpaid(vestId);
        require(amount > 0, "VestedRewardsDistribution/no-pending-amount");
        lastDistributedAt = block.timestamp;
        dssVest.vest(vestId, amount);
        require(gem.transfer(address(stakingRewards), amount), "VestedRewardsDistribution/transfer-failed");
        stakingRewards.notifyRewardAmount(amount);
        emit Distribute(amount);
    }
}
