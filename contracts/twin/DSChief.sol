// SPDX-License-Identifier: AGPL-3.0-or-later
//
// DSChief.sol -- clean-room approval voting on slates of addresses, with ds-roles (spellgen twin).
// Mainnet: MCD_ADM, the MKR chief (version 1.2; MCD_ADM_LEGACY from 2025-05-15). Written from the
// project's protocol notes (shared/spec/maker.md, section 2) and the public facts of that chief:
// storage order authority, owner (ds-auth), then ds-roles' _root_users, _user_roles,
// _capability_roles, _public_capabilities, then slates, votes, approvals, deposits, GOV, IOU, hat,
// MAX_YAYS, last, live; `launch()` needs no hat and 80,000 MKR of approval on address(0);
// `isUserRoot(who)` is `live && who == hat`, so as an authority (its own and DSPause's) canCall is
// true for the hat only, once launched; lock and free cannot share a block for one voter; the
// chief is its own authority and has no owner (setOwner, setAuthority, setRootUser revert). Only
// "ds-chief-invalid-slate" carries a reason; the other checks revert without one, as mainnet's.
//
// Deployment: the chief must own its IOU token (iou.setOwner(chief)), since lock mints and free
// burns IOU; `free` needs the voter to have approved the chief on the IOU.

pragma solidity 0.8.16;

import "./DSAuth.sol";
import "./DSToken.sol";

interface DSChiefTokenLike {
    function pull(address, uint256) external;
    function push(address, uint256) external;
    function mint(address, uint256) external;
    function burn(address, uint256) external;
}

contract DSRoles is DSAuth, DSAuthority {
    mapping (address => bool)                        internal _root_users;           // slot 2
    mapping (address => bytes32)                     internal _user_roles;           // slot 3
    mapping (address => mapping (bytes4 => bytes32)) internal _capability_roles;     // slot 4
    mapping (address => mapping (bytes4 => bool))    internal _public_capabilities;  // slot 5

    // Bit mask of the roles `who` holds
    function getUserRoles(address who) public view returns (bytes32) {
        return _user_roles[who];
    }

    // Bit mask of the roles allowed to call `sig` on `code`
    function getCapabilityRoles(address code, bytes4 sig) public view returns (bytes32) {
        return _capability_roles[code][sig];
    }

    // Whether `who` may call anything
    function isUserRoot(address who) public view virtual returns (bool) {
        return _root_users[who];
    }

    // Whether anyone may call `sig` on `code`
    function isCapabilityPublic(address code, bytes4 sig) public view returns (bool) {
        return _public_capabilities[code][sig];
    }

    // Whether `who` holds `role`
    function hasUserRole(address who, uint8 role) public view returns (bool) {
        return getUserRoles(who) & _bit(role) != bytes32(0);
    }

    // As an authority: root users, public capabilities, or a role in common
    function canCall(address caller, address code, bytes4 sig) public view returns (bool) {
        if (isUserRoot(caller) || isCapabilityPublic(code, sig)) return true;
        return getUserRoles(caller) & getCapabilityRoles(code, sig) != bytes32(0);
    }

    // Make `who` a root user, or not
    function setRootUser(address who, bool enabled) public virtual auth {
        _root_users[who] = enabled;
    }

    // Give `who` the role `role`, or take it away
    function setUserRole(address who, uint8 role, bool enabled) public auth {
        bytes32 roles = _user_roles[who];
        _user_roles[who] = enabled ? roles | _bit(role) : roles & ~_bit(role);
    }

    // Let anyone call `sig` on `code`, or not
    function setPublicCapability(address code, bytes4 sig, bool enabled) public auth {
        _public_capabilities[code][sig] = enabled;
    }

    // Let holders of `role` call `sig` on `code`, or not
    function setRoleCapability(uint8 role, address code, bytes4 sig, bool enabled) public auth {
        bytes32 roles = _capability_roles[code][sig];
        _capability_roles[code][sig] = enabled ? roles | _bit(role) : roles & ~_bit(role);
    }

    // The mask of a single role
    function _bit(uint8 role) internal pure returns (bytes32) {
        return bytes32(uint256(1) << role);
    }
}

contract DSChiefApprovals is DSAuth, DSNote, DSMath {
    mapping (bytes32 => address[]) public slates;     // slot 6: slate id => sorted addresses
    mapping (address => bytes32)   public votes;      // slot 7: voter => slate voted for
    mapping (address => uint256)   public approvals;  // slot 8: candidate => total weight
    mapping (address => uint256)   public deposits;   // slot 9: voter => locked GOV
    DSChiefTokenLike public GOV;                      // slot 10: voting token (MKR)
    DSChiefTokenLike public IOU;                      // slot 11: receipt for locked GOV
    address          public hat;                      // slot 12: the elected candidate
    uint256          public MAX_YAYS;                 // slot 13: max addresses in a slate
    mapping (address => uint256) public last;         // slot 14: voter => block of last lock
    bool             public live;                     // slot 15: launched

    uint256 constant LAUNCH_THRESHOLD = 80_000 * 10 ** 18;  // MKR on address(0) to launch
    // keccak256 of an empty slate (abi.encodePacked of no addresses)
    bytes32 constant EMPTY_SLATE = 0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470;

    event Etch(bytes32 indexed slate);

    // Chief voting with `GOV_` and issuing `IOU_` receipts, at most `MAX_YAYS_` per slate
    constructor(address GOV_, address IOU_, uint256 MAX_YAYS_) {
        GOV = DSChiefTokenLike(GOV_);
        IOU = DSChiefTokenLike(IOU_);
        MAX_YAYS = MAX_YAYS_;
    }

    // Start the chief: no hat yet and enough weight on address(0)
    function launch() public note {
        require(!live);
        require(hat == address(0) && approvals[address(0)] >= LAUNCH_THRESHOLD);
        live = true;
    }

    // Lock `wad` GOV of the caller (adds weight to its current slate)
    function lock(uint256 wad) public note {
        last[msg.sender] = block.number;
        GOV.pull(msg.sender, wad);
        IOU.mint(msg.sender, wad);
        deposits[msg.sender] = add(deposits[msg.sender], wad);
        addWeight(wad, votes[msg.sender]);
    }

    // Free `wad` GOV of the caller, not in the block of its last lock
    function free(uint256 wad) public note {
        require(block.number > last[msg.sender]);
        deposits[msg.sender] = sub(deposits[msg.sender], wad);
        subWeight(wad, votes[msg.sender]);
        IOU.burn(msg.sender, wad);
        GOV.push(msg.sender, wad);
    }

    // Register the slate `yays` (strictly ascending addresses) and return its id
    function etch(address[] memory yays) public note returns (bytes32 slate) {
        require(yays.length <= MAX_YAYS);
        requireByteOrderedSet(yays);
        slate = keccak256(abi.encodePacked(yays));
        slates[slate] = yays;
        emit Etch(slate);
    }

    // Register `yays` and move the caller's weight to it
    function vote(address[] memory yays) public returns (bytes32 slate) {
        slate = etch(yays);
        vote(slate);
    }

    // Move the caller's whole deposit from its old slate to `slate`
    function vote(bytes32 slate) public note {
        require(slates[slate].length > 0 || slate == EMPTY_SLATE, "ds-chief-invalid-slate");
        uint256 weight = deposits[msg.sender];
        subWeight(weight, votes[msg.sender]);
        votes[msg.sender] = slate;
        addWeight(weight, slate);
    }

    // Make `whom` the hat if it has more approval than the current hat
    function lift(address whom) public note {
        require(approvals[whom] > approvals[hat]);
        hat = whom;
    }

    // Add `weight` to every candidate of `slate`
    function addWeight(uint256 weight, bytes32 slate) internal {
        address[] storage yays = slates[slate];
        for (uint256 i = 0; i < yays.length; i++) {
            approvals[yays[i]] = add(approvals[yays[i]], weight);
        }
    }

    // Remove `weight` from every candidate of `slate`
    function subWeight(uint256 weight, bytes32 slate) internal {
        address[] storage yays = slates[slate];
        for (uint256 i = 0; i < yays.length; i++) {
            approvals[yays[i]] = sub(approvals[yays[i]], weight);
        }
    }

    // Revert (without a reason) unless `yays` is strictly ascending
    function requireByteOrderedSet(address[] memory yays) internal pure {
        for (uint256 i = 1; i < yays.length; i++) {
            require(uint160(yays[i - 1]) < uint160(yays[i]));
        }
    }
}

contract DSChief is DSRoles, DSChiefApprovals {

    // The chief is its own authority and has no owner
    constructor(address GOV_, address IOU_, uint256 MAX_YAYS_) DSChiefApprovals(GOV_, IOU_, MAX_YAYS_) {
        authority = DSAuthority(address(this));
        owner = address(0);
    }

    // Disabled: the chief has no owner
    function setOwner(address) public override {
        revert();
    }

    // Disabled: the chief is its own authority
    function setAuthority(DSAuthority) public override {
        revert();
    }

    // The hat, once launched, is the only root user
    function isUserRoot(address who) public view override returns (bool) {
        return live && who == hat;
    }

    // Disabled: root is the hat
    function setRootUser(address, bool) public override {
        revert();
    }
}

// Builds a chief with its own IOU token, as mainnet's DSChiefFab did
contract DSChiefFab {
    // A chief on `gov` with a new IOU that the chief owns
    function newChief(address gov, uint256 MAX_YAYS) public returns (DSChief chief) {
        DSToken iou = new DSToken("IOU");
        chief = new DSChief(gov, address(iou), MAX_YAYS);
        iou.setOwner(address(chief));
    }
}
