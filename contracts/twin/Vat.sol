// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Vat.sol -- clean-room core accounting, reduced to what budget actions touch (spellgen twin).
// Written from /work/shared/spec/maker.md (section 3); mainnet: MCD_VAT.
// Balances `dai`, `sin`, `debt`, `vice` are RAD (10**45). No collateral (ilks/urns) here.

pragma solidity 0.8.16;

contract Vat {

    // --- Auth ---
    mapping (address => uint256) public wards;
    // Grant `usr` admin rights
    function rely(address usr) external auth { require(live == 1, "Vat/not-live"); wards[usr] = 1; emit Rely(usr); }
    // Revoke `usr`'s admin rights
    function deny(address usr) external auth { require(live == 1, "Vat/not-live"); wards[usr] = 0; emit Deny(usr); }
    modifier auth { require(wards[msg.sender] == 1, "Vat/not-authorized"); _; }

    mapping (address => mapping (address => uint256)) public can;
    // Let `usr` move the caller's dai
    function hope(address usr) external { can[msg.sender][usr] = 1; emit Hope(msg.sender, usr); }
    // Forbid `usr` to move the caller's dai
    function nope(address usr) external { can[msg.sender][usr] = 0; emit Nope(msg.sender, usr); }
    // Whether `usr` may act for `bit`
    function wish(address bit, address usr) internal view returns (bool) {
        return bit == usr || can[bit][usr] == 1;
    }

    // --- Data ---
    mapping (address => uint256) public dai;  // [rad] internal dai
    mapping (address => uint256) public sin;  // [rad] unbacked debt
    uint256 public debt;  // [rad] total dai issued
    uint256 public vice;  // [rad] total unbacked debt
    uint256 public Line;  // [rad] total debt ceiling (stored only)
    uint256 public live;  // 1 while the system runs

    // --- Events ---
    event Rely(address indexed usr);
    event Deny(address indexed usr);
    event Hope(address indexed src, address indexed usr);
    event Nope(address indexed src, address indexed usr);
    event File(bytes32 indexed what, uint256 data);
    event Move(address indexed src, address indexed dst, uint256 rad);
    event Suck(address indexed u, address indexed v, uint256 rad);
    event Heal(address indexed u, uint256 rad);
    event Cage();

    // Deployer is the first ward; the system starts live
    constructor() {
        wards[msg.sender] = 1;
        live = 1;
        emit Rely(msg.sender);
    }

    // Set a global parameter (only "Line")
    function file(bytes32 what, uint256 data) external auth {
        require(live == 1, "Vat/not-live");
        if (what == "Line") Line = data;
        else revert("Vat/file-unrecognized-param");
        emit File(what, data);
    }

    // Move `rad` dai from `src` to `dst` (src itself or a hoped address)
    function move(address src, address dst, uint256 rad) external {
        require(wish(src, msg.sender), "Vat/not-allowed");
        dai[src] = dai[src] - rad;
        dai[dst] = dai[dst] + rad;
        emit Move(src, dst, rad);
    }

    // Create `rad` unbacked dai for `v`, booking the debt as sin of `u`
    function suck(address u, address v, uint256 rad) external auth {
        sin[u] = sin[u] + rad;
        dai[v] = dai[v] + rad;
        vice   = vice   + rad;
        debt   = debt   + rad;
        emit Suck(u, v, rad);
    }

    // Cancel `rad` of the caller's sin against its dai
    function heal(uint256 rad) external {
        address u = msg.sender;
        sin[u] = sin[u] - rad;
        dai[u] = dai[u] - rad;
        vice   = vice   - rad;
        debt   = debt   - rad;
        emit Heal(u, rad);
    }

    // Shut the system down
    function cage() external auth {
        live = 0;
        emit Cage();
    }
}
