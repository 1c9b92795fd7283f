// SPDX-License-Identifier: AGPL-3.0-or-later
//
// LockstakeEngine.sol -- clean-room Lockstake engine of the twin (spellgen twin); mainnet: LOCKSTAKE_ENGINE
// 0xCe01C90dE7FD1bcFa39e237FE6D8D9F569e8A6a3. Only what a spell's farm registration reaches: governance
// lists a farm its urns may stake lsSKY in (`addFarm`: ACTIVE) or delists it (`delFarm`: DELETED), and
// the engine names its lsSKY token (`lssky`, immutable). No urns, locking or delegation on the twin.
// Storage as mainnet's first two variables: wards 0, farms 1 (FarmStatus: UNSUPPORTED 0, ACTIVE 1,
// DELETED 2). Assumptions (no public source offline): the revert string's wording and the event names
// AddFarm(address indexed) and DelFarm(address indexed).

pragma solidity 0.8.16;

contract LockstakeEngine {
    enum FarmStatus { UNSUPPORTED, ACTIVE, DELETED }

    mapping(address => uint256) public wards;  // slot 0
    mapping(address => FarmStatus) public farms;  // slot 1

    address public immutable lssky;

    event Rely(address indexed usr);
    event Deny(address indexed usr);
    event AddFarm(address indexed farm);
    event DelFarm(address indexed farm);

    modifier auth() {
        require(wards[msg.sender] == 1, "LockstakeEngine/not-authorized");
        _;
    }

    constructor(address _lssky) {
        lssky = _lssky;
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

    // Urns may select the farm from now on
    function addFarm(address farm) external auth {
        farms[farm] = FarmStatus.ACTIVE;
        emit AddFarm(farm);
    }

    // Urns may no longer select it (those staking in it keep their stake until they move)
    function delFarm(address farm) external auth {
        farms[farm] = FarmStatus.DELETED;
        emit DelFarm(farm);
    }
}
