// SPDX-License-Identifier: AGPL-3.0-or-later
//
// StakingRewards.sol -- clean-room farm of the twin (spellgen twin); mainnet: REWARDS_LSSKY_SKY
// 0xB44C2Fb4181D7Cb06bdFf34A46FdFe4a259B40Fc, REWARDS_USDS_SKY 0x0650CAF159C5A49f711e8169D4336ECB9b950275.
// Only what a spell's `distribute()` reaches: the farm takes a reward from its rewards distribution and
// spreads it over `rewardsDuration` from now, carrying over what the current period still owes; its
// owner names that distribution (`setRewardsDistribution`, a farm init's first step). The
// public rule of such farms (a reward rate may not exceed the farm's reward balance over the period) is
// kept. Assumptions (no public source offline): the storage order (owner, rewardsDistribution,
// rewardsToken, stakingToken, periodFinish, rewardRate, rewardsDuration, lastUpdateTime,
// rewardPerTokenStored), the 7-day duration, no staking (nothing is staked on the twin), the wording of
// the revert strings.

pragma solidity 0.8.16;

interface StakingRewardsGemLike {
    function balanceOf(address usr) external view returns (uint256);
}

contract StakingRewards {
    address public owner;
    address public rewardsDistribution;
    address public rewardsToken;
    address public stakingToken;
    uint256 public periodFinish;
    uint256 public rewardRate;
    uint256 public rewardsDuration = 7 days;
    uint256 public lastUpdateTime;
    uint256 public rewardPerTokenStored;

    event RewardAdded(uint256 reward);
    event RewardsDistributionUpdated(address newRewardsDistribution);

    constructor(address _owner, address _rewardsDistribution, address _rewardsToken, address _stakingToken) {
        owner = _owner;
        rewardsDistribution = _rewardsDistribution;
        rewardsToken = _rewardsToken;
        stakingToken = _stakingToken;
    }

    // The farm's owner names the contract that may notify it of rewards (a farm init: its distribution)
    function setRewardsDistribution(address _rewardsDistribution) external {
        require(msg.sender == owner, "Only the contract owner may perform this action");
        rewardsDistribution = _rewardsDistribution;
        emit RewardsDistributionUpdated(_rewardsDistribution);
    }

    function lastTimeRewardApplicable() public view returns (uint256) {
        return block.timestamp < periodFinish ? block.timestamp : periodFinish;
    }

    function notifyRewardAmount(uint256 reward) external {
        require(msg.sender == rewardsDistribution, "Caller is not RewardsDistribution contract");
        if (block.timestamp >= periodFinish) {
            rewardRate = reward / rewardsDuration;
        } else {
            uint256 leftover = (periodFinish - block.timestamp) * rewardRate;
            rewardRate = (reward + leftover) / rewardsDuration;
        }
        uint256 balance = StakingRewardsGemLike(rewardsToken).balanceOf(address(this));
        require(rewardRate <= balance / rewardsDuration, "Provided reward too high");
        lastUpdateTime = block.timestamp;
        periodFinish = block.timestamp + rewardsDuration;
        emit RewardAdded(reward);
    }
}
