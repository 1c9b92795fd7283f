// SPDX-License-Identifier: AGPL-3.0-or-later
//
// DssVest.sol -- clean-room token streams (spellgen twin).
// Written from the project's protocol notes (shared/spec/maker.md, section 4) and the public facts
// of mainnet's dss-vest: storage order wards, awards, cap, ids, locked (slots 0-4); rely/deny are not
// behind the lock; file and create check the lock before auth; revert strings "DssVest/...",
// "DssVestMintable/Invalid-token-address", "DssVestTransferrable/Invalid-distributor-address", ...
// Mainnet:
//   DssVestSuckable      MCD_VEST_DAI, MCD_VEST_DAI_LEGACY (join MCD_JOIN_DAI), MCD_VEST_USDS (join USDS_JOIN)
//   DssVestMintable      MCD_VEST_MKR
//   DssVestTransferrable MCD_VEST_MKR_TREASURY, MCD_VEST_SKY_TREASURY (czar = MCD_PAUSE_PROXY)
// Amounts are WAD token units; `bgn`, `clf`, `fin` are unix timestamps; `tau` and `eta`
// given to create() are durations.

pragma solidity 0.8.16;

interface DssVestMintableGemLike {
    function mint(address, uint256) external;
}

interface DssVestTransferrableGemLike {
    function transferFrom(address, address, uint256) external returns (bool);
}

interface DssVestChainlogLike {
    function getAddress(bytes32) external view returns (address);
}

interface DssVestVatLike {
    function hope(address) external;
    function suck(address, address, uint256) external;
    function live() external view returns (uint256);
}

interface DssVestDaiJoinLike {
    function exit(address, uint256) external;
    function vat() external view returns (address);
}

abstract contract DssVest {

    uint256 public constant TWENTY_YEARS = 20 * 365 days;

    // --- Auth ---
    mapping (address => uint256) public wards;  // slot 0
    // Grant `_usr` admin rights
    function rely(address _usr) external auth { wards[_usr] = 1; emit Rely(_usr); }
    // Revoke `_usr`'s admin rights
    function deny(address _usr) external auth { wards[_usr] = 0; emit Deny(_usr); }
    modifier auth { require(wards[msg.sender] == 1, "DssVest/not-authorized"); _; }

    // Reject re-entrant calls into any state-changing function
    modifier lock {
        require(locked == 0, "DssVest/system-locked");
        locked = 1;
        _;
        locked = 0;
    }

    struct Award {
        address usr;   // recipient
        uint48  bgn;   // start of the stream
        uint48  clf;   // cliff: nothing is payable before it
        uint48  fin;   // end of the stream
        address mgr;   // manager, may yank
        uint8   res;   // 1 when only `usr` may claim
        uint128 tot;   // total amount
        uint128 rxd;   // amount already paid
    }

    mapping (uint256 => Award) public awards;  // slot 1: id => award (three slots per award)
    uint256 public cap;                        // slot 2: max tokens per second of any one award
    uint256 public ids;                        // slot 3: number of awards; ids start at 1
    uint256 internal locked;                   // slot 4: re-entrancy lock

    // --- Events ---
    event Rely(address indexed usr);
    event Deny(address indexed usr);
    event File(bytes32 indexed what, uint256 data);
    event Init(uint256 indexed id, address indexed usr);
    event Vest(uint256 indexed id, uint256 amt);
    event Restrict(uint256 indexed id);
    event Unrestrict(uint256 indexed id);
    event Yank(uint256 indexed id, uint256 end);
    event Move(uint256 indexed id, address indexed dst);

    // Deployer is the first ward
    constructor() {
        wards[msg.sender] = 1;
        emit Rely(msg.sender);
    }

    // --- Per-field getters ---

    // Recipient of award `_id`
    function usr(uint256 _id) external view returns (address) { return awards[_id].usr; }
    // Start of award `_id`
    function bgn(uint256 _id) external view returns (uint256) { return awards[_id].bgn; }
    // Cliff of award `_id`
    function clf(uint256 _id) external view returns (uint256) { return awards[_id].clf; }
    // End of award `_id`
    function fin(uint256 _id) external view returns (uint256) { return awards[_id].fin; }
    // Manager of award `_id`
    function mgr(uint256 _id) external view returns (address) { return awards[_id].mgr; }
    // Restricted flag of award `_id`
    function res(uint256 _id) external view returns (uint256) { return awards[_id].res; }
    // Total of award `_id`
    function tot(uint256 _id) external view returns (uint256) { return awards[_id].tot; }
    // Amount already paid on award `_id`
    function rxd(uint256 _id) external view returns (uint256) { return awards[_id].rxd; }

    // --- Admin ---

    // Set a parameter (only "cap")
    function file(bytes32 what, uint256 data) external lock auth {
        if (what == "cap") cap = data;
        else revert("DssVest/file-unrecognized-param");
        emit File(what, data);
    }

    // Create a stream of `_tot` to `_usr` from `_bgn` over `_tau` seconds, cliff `_eta` seconds after `_bgn`
    function create(address _usr, uint256 _tot, uint256 _bgn, uint256 _tau, uint256 _eta, address _mgr)
        external lock auth returns (uint256 id)
    {
        require(_usr != address(0),                        "DssVest/invalid-user");
        require(_tot > 0,                                  "DssVest/no-vest-total-amount");
        require(_bgn < add(block.timestamp, TWENTY_YEARS), "DssVest/bgn-too-far");
        require(_bgn > sub(block.timestamp, TWENTY_YEARS), "DssVest/bgn-too-long-ago");
        require(_tau > 0,                                  "DssVest/tau-zero");
        require(_tot / _tau <= cap,                        "DssVest/rate-too-high");
        require(_tau <= TWENTY_YEARS,                      "DssVest/tau-too-long");
        require(_eta <= _tau,                              "DssVest/eta-too-long");
        require(ids < type(uint256).max,                   "DssVest/ids-overflow");

        id = ++ids;
        awards[id] = Award({
            usr: _usr,
            bgn: toUint48(_bgn),
            clf: toUint48(add(_bgn, _eta)),
            fin: toUint48(add(_bgn, _tau)),
            mgr: _mgr,
            res: 0,
            tot: toUint128(_tot),
            rxd: 0
        });
        emit Init(id, _usr);
    }

    // --- Claims ---

    // Pay everything currently unpaid on award `_id`
    function vest(uint256 _id) external {
        _vest(_id, type(uint256).max);
    }

    // Pay at most `_maxAmt` of what is currently unpaid on award `_id`
    function vest(uint256 _id, uint256 _maxAmt) external {
        _vest(_id, _maxAmt);
    }

    // Pay min(unpaid, _maxAmt) to the award's recipient
    function _vest(uint256 _id, uint256 _maxAmt) internal lock {
        Award memory _award = awards[_id];
        require(_award.usr != address(0), "DssVest/invalid-award");
        require(_award.res == 0 || _award.usr == msg.sender, "DssVest/only-user-can-claim");
        uint256 amt = unpaid(block.timestamp, _award.bgn, _award.clf, _award.fin, _award.tot, _award.rxd);
        amt = _maxAmt < amt ? _maxAmt : amt;
        awards[_id].rxd = toUint128(add(_award.rxd, amt));
        pay(_award.usr, amt);
        emit Vest(_id, amt);
    }

    // Amount accrued on award `_id` now (claimed or not)
    function accrued(uint256 _id) external view returns (uint256 amt) {
        Award memory _award = awards[_id];
        require(_award.usr != address(0), "DssVest/invalid-award");
        amt = accrued(block.timestamp, _award.bgn, _award.fin, _award.tot);
    }

    // Amount payable on award `_id` now
    function unpaid(uint256 _id) external view returns (uint256 amt) {
        Award memory _award = awards[_id];
        require(_award.usr != address(0), "DssVest/invalid-award");
        amt = unpaid(block.timestamp, _award.bgn, _award.clf, _award.fin, _award.tot, _award.rxd);
    }

    // 0 before bgn, tot from fin on, linear in between (rounded down)
    function accrued(uint256 _time, uint48 _bgn, uint48 _fin, uint128 _tot) internal pure returns (uint256 amt) {
        if (_time < _bgn) {
            amt = 0;
        } else if (_time >= _fin) {
            amt = _tot;
        } else {
            amt = mul(_tot, sub(_time, _bgn)) / sub(_fin, _bgn);
        }
    }

    // 0 before the cliff, otherwise accrued - rxd
    function unpaid(uint256 _time, uint48 _bgn, uint48 _clf, uint48 _fin, uint128 _tot, uint128 _rxd)
        internal pure returns (uint256 amt)
    {
        amt = _time < _clf ? 0 : sub(accrued(_time, _bgn, _fin, _tot), _rxd);
    }

    // --- Restriction ---

    // Only the recipient may claim award `_id` (a ward or the recipient)
    function restrict(uint256 _id) external lock {
        address usr_ = awards[_id].usr;
        require(usr_ != address(0), "DssVest/invalid-award");
        require(wards[msg.sender] == 1 || usr_ == msg.sender, "DssVest/not-authorized");
        awards[_id].res = 1;
        emit Restrict(_id);
    }

    // Anyone may trigger payment of award `_id` (a ward or the recipient)
    function unrestrict(uint256 _id) external lock {
        address usr_ = awards[_id].usr;
        require(usr_ != address(0), "DssVest/invalid-award");
        require(wards[msg.sender] == 1 || usr_ == msg.sender, "DssVest/not-authorized");
        awards[_id].res = 0;
        emit Unrestrict(_id);
    }

    // --- Termination ---

    // End award `_id` now (a ward or the manager)
    function yank(uint256 _id) external {
        _yank(_id, block.timestamp);
    }

    // End award `_id` at `_end` (a past `_end` means now; a ward or the manager)
    function yank(uint256 _id, uint256 _end) external {
        _yank(_id, _end);
    }

    // Cut the stream at `_end`, keeping what accrues up to then
    function _yank(uint256 _id, uint256 _end) internal lock {
        require(wards[msg.sender] == 1 || awards[_id].mgr == msg.sender, "DssVest/not-authorized");
        Award memory _award = awards[_id];
        require(_award.usr != address(0), "DssVest/invalid-award");
        if (_end < block.timestamp) {
            _end = block.timestamp;
        }
        if (_end < _award.fin) {
            uint48 end = toUint48(_end);
            awards[_id].fin = end;
            if (end < _award.bgn) {
                awards[_id].bgn = end;
                awards[_id].clf = end;
                awards[_id].tot = 0;
            } else if (end < _award.clf) {
                awards[_id].clf = end;
                awards[_id].tot = 0;
            } else {
                awards[_id].tot = toUint128(
                    add(unpaid(_end, _award.bgn, _award.clf, _award.fin, _award.tot, _award.rxd), _award.rxd)
                );
            }
        }
        emit Yank(_id, _end);
    }

    // --- Recipient ---

    // Hand award `_id` to `_dst` (only the current recipient)
    function move(uint256 _id, address _dst) external lock {
        require(awards[_id].usr == msg.sender, "DssVest/only-user-can-move");
        require(_dst != address(0), "DssVest/zero-address-invalid");
        awards[_id].usr = _dst;
        emit Move(_id, _dst);
    }

    // Whether award `_id` still has something left to pay
    function valid(uint256 _id) external view returns (bool isValid) {
        isValid = awards[_id].rxd < awards[_id].tot;
    }

    // --- Helpers ---

    // x + y
    function add(uint256 x, uint256 y) internal pure returns (uint256 z) {
        unchecked { z = x + y; }
        require(z >= x, "DssVest/add-overflow");
    }

    // x - y
    function sub(uint256 x, uint256 y) internal pure returns (uint256 z) {
        unchecked { z = x - y; }
        require(z <= x, "DssVest/sub-underflow");
    }

    // x * y
    function mul(uint256 x, uint256 y) internal pure returns (uint256 z) {
        unchecked { z = x * y; }
        require(y == 0 || z / y == x, "DssVest/mul-overflow");
    }

    // Checked narrowing to uint48
    function toUint48(uint256 x) internal pure returns (uint48 z) {
        require((z = uint48(x)) == x, "DssVest/uint48-overflow");
    }

    // Checked narrowing to uint128
    function toUint128(uint256 x) internal pure returns (uint128 z) {
        require((z = uint128(x)) == x, "DssVest/uint128-overflow");
    }

    // Deliver `_amt` to `_guy` (variant-specific)
    function pay(address _guy, uint256 _amt) internal virtual;
}

contract DssVestMintable is DssVest {

    DssVestMintableGemLike public immutable gem;

    // Stream tokens minted from `_gem` (this vest needs mint rights on it)
    constructor(address _gem) DssVest() {
        require(_gem != address(0), "DssVestMintable/Invalid-token-address");
        gem = DssVestMintableGemLike(_gem);
    }

    // Mint `_amt` to `_guy`
    function pay(address _guy, uint256 _amt) internal override {
        gem.mint(_guy, _amt);
    }
}

contract DssVestSuckable is DssVest {

    uint256 internal constant RAY = 10 ** 27;

    DssVestChainlogLike public immutable chainlog;
    DssVestVatLike      public immutable vat;
    DssVestDaiJoinLike  public immutable join;

    // Stream the token of `_join` (MCD_JOIN_DAI: DAI, USDS_JOIN: USDS) sucked from the Vat (needs a
    // ward on the Vat). Calls vat.hope(join) from this contract's address.
    constructor(address _chainlog, address _join) DssVest() {
        require(_chainlog != address(0), "DssVestSuckable/invalid-chainlog-address");
        DssVestChainlogLike chainlog_ = DssVestChainlogLike(_chainlog);
        DssVestVatLike vat_ = DssVestVatLike(chainlog_.getAddress("MCD_VAT"));
        require(DssVestDaiJoinLike(_join).vat() == address(vat_), "DssVestSuckable/invalid-join-vat");
        chainlog = chainlog_;
        vat      = vat_;
        join     = DssVestDaiJoinLike(_join);
        vat_.hope(_join);
    }

    // Suck `_amt * RAY` for this vest (sin to the vow) and exit `_amt` to `_guy`
    function pay(address _guy, uint256 _amt) internal override {
        require(vat.live() == 1, "DssVestSuckable/vat-not-live");
        vat.suck(chainlog.getAddress("MCD_VOW"), address(this), mul(_amt, RAY));
        join.exit(_guy, _amt);
    }

    // The join, under the name older suckable vests used
    function daiJoin() external view returns (address) {
        return address(join);
    }
}

contract DssVestTransferrable is DssVest {

    address                     public immutable czar;
    DssVestTransferrableGemLike public immutable gem;

    // Stream `_gem` out of `_czar`'s balance (the czar approves this vest)
    constructor(address _czar, address _gem) DssVest() {
        require(_czar != address(0), "DssVestTransferrable/Invalid-distributor-address");
        require(_gem  != address(0), "DssVestTransferrable/Invalid-token-address");
        czar = _czar;
        gem  = DssVestTransferrableGemLike(_gem);
    }

    // transferFrom(czar, _guy, _amt)
    function pay(address _guy, uint256 _amt) internal override {
        require(gem.transferFrom(czar, _guy, _amt), "DssVestTransferrable/failed-transfer");
    }
}
