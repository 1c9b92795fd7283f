// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Chief.sol -- clean-room approval voting with SKY (spellgen twin); mainnet: the 2025 chief at
// 0x929d9A1435662357F54AdcF64DcEE4d6b867a6f9 (MCD_ADM from 2025-05-15). Written from the project's
// protocol notes (shared/spec/maker.md, section 7) and the public facts of that chief: constructor
// (gov, maxYays, launchThreshold, liftCooldown), deployed with SKY, 5, 2,400,000,000 SKY and 10
// blocks; storage order live, hat, slates, votes, approvals, deposits, last (the block of the last
// launch or lift); no IOU (SKY is held by the chief); `lift` needs either the block of the last
// lift or more than `liftCooldown` blocks since it; `free` cannot share a block with the last
// launch or lift; canCall(caller, _, _) is `live == 1 && caller == hat`; revert strings "Chief/...".

pragma solidity 0.8.16;

interface ChiefGemLike {
    function transfer(address, uint256) external;
    function transferFrom(address, address, uint256) external;
}

contract Chief {
    uint256                        public live;       // slot 0: 1 once launched
    address                        public hat;        // slot 1: the elected candidate
    mapping (bytes32 => address[]) public slates;     // slot 2: slate id => sorted addresses
    mapping (address => bytes32)   public votes;      // slot 3: voter => slate voted for
    mapping (address => uint256)   public approvals;  // slot 4: candidate => total weight
    mapping (address => uint256)   public deposits;   // slot 5: voter => locked gov
    uint256                        public last;       // slot 6: block of the last launch or lift

    ChiefGemLike public immutable gov;              // voting token (SKY)
    uint256      public immutable maxYays;          // max addresses in a slate
    uint256      public immutable launchThreshold;  // weight on address(0) needed to launch
    uint256      public immutable liftCooldown;     // blocks between lifts

    bytes32 public constant EMPTY_SLATE = keccak256(abi.encodePacked(new address[](0)));

    event Launch();
    event Lock(uint256 wad);
    event Free(uint256 wad);
    event Etch(bytes32 indexed slate, address[] yays);
    event Vote(bytes32 indexed slate);
    event Lift(address indexed whom);

    // Chief voting with `gov_`, `maxYays_` per slate, launched at `launchThreshold_`, lifting every `liftCooldown_` blocks
    constructor(address gov_, uint256 maxYays_, uint256 launchThreshold_, uint256 liftCooldown_) {
        gov             = ChiefGemLike(gov_);
        maxYays         = maxYays_;
        launchThreshold = launchThreshold_;
        liftCooldown    = liftCooldown_;
    }

    // Add `weight` to every candidate of `slate`
    function _addWeight(uint256 weight, bytes32 slate) internal {
        address[] storage yays = slates[slate];
        for (uint256 i = 0; i < yays.length; i++) {
            approvals[yays[i]] += weight;
        }
    }

    // Remove `weight` from every candidate of `slate`
    function _subWeight(uint256 weight, bytes32 slate) internal {
        address[] storage yays = slates[slate];
        for (uint256 i = 0; i < yays.length; i++) {
            approvals[yays[i]] -= weight;
        }
    }

    // Number of addresses in `slate`
    function length(bytes32 slate) external view returns (uint256) {
        return slates[slate].length;
    }

    // As an authority: only the hat may call, once launched
    function canCall(address caller, address, bytes4) external view returns (bool ok) {
        ok = live == 1 && caller == hat;
    }

    // Start the chief: no hat yet and `launchThreshold` of weight on address(0)
    function launch() external {
        require(live == 0, "Chief/already-live");
        require(hat == address(0), "Chief/not-address-zero");
        require(approvals[address(0)] >= launchThreshold, "Chief/less-than-threshold");
        live = 1;
        last = block.number;
        emit Launch();
    }

    // Lock `wad` gov of the caller (adds weight to its current slate)
    function lock(uint256 wad) external {
        gov.transferFrom(msg.sender, address(this), wad);
        deposits[msg.sender] += wad;
        _addWeight(wad, votes[msg.sender]);
        emit Lock(wad);
    }

    // Free `wad` gov of the caller, not in the block of the last launch or lift
    function free(uint256 wad) external {
        require(block.number > last, "Chief/cant-free-same-block");
        deposits[msg.sender] -= wad;
        _subWeight(wad, votes[msg.sender]);
        gov.transfer(msg.sender, wad);
        emit Free(wad);
    }

    // Register the slate `yays` (strictly ascending addresses) and return its id
    function etch(address[] calldata yays) public returns (bytes32 slate) {
        require(yays.length <= maxYays, "Chief/greater-max-yays");
        for (uint256 i = 1; i < yays.length; i++) {
            require(yays[i - 1] < yays[i], "Chief/yays-not-ordered");
        }
        slate = keccak256(abi.encodePacked(yays));
        slates[slate] = yays;
        emit Etch(slate, yays);
    }

    // Register `yays` and move the caller's weight to it
    function vote(address[] calldata yays) external returns (bytes32 slate) {
        slate = etch(yays);
        vote(slate);
    }

    // Move the caller's whole deposit from its old slate to `slate`
    function vote(bytes32 slate) public {
        require(slates[slate].length > 0 || slate == EMPTY_SLATE, "Chief/invalid-slate");
        uint256 weight = deposits[msg.sender];
        _subWeight(weight, votes[msg.sender]);
        votes[msg.sender] = slate;
        _addWeight(weight, slate);
        emit Vote(slate);
    }

    // Make `whom` the hat if it has more approval than the current hat (cooldown permitting)
    function lift(address whom) external {
        require(block.number == last || block.number > last + liftCooldown, "Chief/cant-lift-again-yet");
        require(approvals[whom] > approvals[hat], "Chief/not-higher-current-hat");
        hat = whom;
        last = block.number;
        emit Lift(whom);
    }

    // The voting token, under the old chief's name
    function GOV() external view returns (address) {
        return address(gov);
    }

    // The slate size limit, under the old chief's name
    function MAX_YAYS() external view returns (uint256) {
        return maxYays;
    }
}
