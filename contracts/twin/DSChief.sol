// SPDX-License-Identifier: AGPL-3.0-or-later
//
// DSChief.sol -- clean-room approval voting on slates of addresses (spellgen twin).
// Written from /work/shared/spec/maker.md (section 2); mainnet: MCD_ADM (MCD_ADM_LEGACY since
// 2025-05-15). Serves as DSPause's authority: canCall is true only for the hat.
//
// Deployment: the chief must own its IOU token (iou.setOwner(chief)), since lock mints and free
// burns IOU. As with any ds-token burn of someone else's balance, `free` needs the voter to have
// approved the chief on the IOU (approve(chief) sets an unlimited allowance).
// lock and free cannot happen in the same block for the same voter.

pragma solidity 0.8.16;

interface DSChiefTokenLike {
    function pull(address, uint256) external;
    function push(address, uint256) external;
    function mint(address, uint256) external;
    function burn(address, uint256) external;
}

contract DSChief {

    DSChiefTokenLike public immutable GOV;       // voting token (MKR)
    DSChiefTokenLike public immutable IOU;       // receipt for locked GOV
    uint256          public immutable MAX_YAYS;  // max addresses in a slate

    mapping (bytes32 => address[]) public slates;     // slate id => sorted addresses
    mapping (address => bytes32)   public votes;      // voter => slate voted for
    mapping (address => uint256)   public approvals;  // candidate => total weight
    mapping (address => uint256)   public deposits;   // voter => locked GOV
    mapping (address => uint256)   public last;       // voter => block of last lock
    address public hat;                               // the elected candidate

    // --- Events ---
    event Etch(bytes32 indexed slate);
    event Lock(address indexed usr, uint256 wad);
    event Free(address indexed usr, uint256 wad);
    event Vote(address indexed usr, bytes32 indexed slate);
    event Lift(address indexed whom);

    // Chief voting with `gov_` and issuing `iou_` receipts, at most `maxYays_` per slate
    constructor(address gov_, address iou_, uint256 maxYays_) {
        GOV      = DSChiefTokenLike(gov_);
        IOU      = DSChiefTokenLike(iou_);
        MAX_YAYS = maxYays_;
    }

    // Lock `wad` GOV of the caller (adds weight to its current slate)
    function lock(uint256 wad) external {
        last[msg.sender] = block.number;
        GOV.pull(msg.sender, wad);
        IOU.mint(msg.sender, wad);
        deposits[msg.sender] = deposits[msg.sender] + wad;
        addWeight(wad, votes[msg.sender]);
        emit Lock(msg.sender, wad);
    }

    // Free `wad` GOV of the caller (removes weight from its current slate)
    function free(uint256 wad) external {
        require(block.number > last[msg.sender], "ds-chief-no-lock-free-same-block");
        deposits[msg.sender] = deposits[msg.sender] - wad;
        subWeight(wad, votes[msg.sender]);
        IOU.burn(msg.sender, wad);
        GOV.push(msg.sender, wad);
        emit Free(msg.sender, wad);
    }

    // Register the slate `yays` (strictly ascending addresses) and return its id
    function etch(address[] memory yays) public returns (bytes32 slate) {
        require(yays.length <= MAX_YAYS, "ds-chief-slate-too-big");
        for (uint256 i = 1; i < yays.length; i++) {
            require(uint160(yays[i - 1]) < uint160(yays[i]), "ds-chief-yays-not-ordered");
        }
        slate = keccak256(abi.encodePacked(yays));
        slates[slate] = yays;
        emit Etch(slate);
    }

    // Register `yays` and move the caller's weight to it
    function vote(address[] memory yays) external returns (bytes32 slate) {
        slate = etch(yays);
        _vote(slate);
    }

    // Move the caller's weight to the registered slate `slate`
    function vote(bytes32 slate) external {
        _vote(slate);
    }

    // Move the caller's whole deposit from its old slate to `slate`
    function _vote(bytes32 slate) internal {
        require(slates[slate].length > 0 || slate == keccak256(abi.encodePacked(new address[](0))),
                "ds-chief-invalid-slate");
        uint256 weight = deposits[msg.sender];
        subWeight(weight, votes[msg.sender]);
        votes[msg.sender] = slate;
        addWeight(weight, slate);
        emit Vote(msg.sender, slate);
    }

    // Make `whom` the hat if it has more approval than the current hat
    function lift(address whom) external {
        require(approvals[whom] > approvals[hat], "ds-chief-not-higher-than-hat");
        hat = whom;
        emit Lift(whom);
    }

    // Add `weight` to every candidate of `slate`
    function addWeight(uint256 weight, bytes32 slate) internal {
        address[] storage yays = slates[slate];
        for (uint256 i = 0; i < yays.length; i++) {
            approvals[yays[i]] = approvals[yays[i]] + weight;
        }
    }

    // Remove `weight` from every candidate of `slate`
    function subWeight(uint256 weight, bytes32 slate) internal {
        address[] storage yays = slates[slate];
        for (uint256 i = 0; i < yays.length; i++) {
            approvals[yays[i]] = approvals[yays[i]] - weight;
        }
    }

    // As an authority: only the hat may call
    function canCall(address caller, address, bytes4) external view returns (bool) {
        return caller == hat;
    }
}
