// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Vat.sol -- clean-room core accounting of the protocol (spellgen twin); mainnet: MCD_VAT.
// Written from the project's protocol notes (shared/spec/maker.md, section 3) and the public facts
// of mainnet's Vat: its functions, their require order and revert strings, and its storage order
// (wards, can, ilks, urns, gem, dai, sin, debt, vice, Line, live). Arithmetic failures revert
// without a reason, as mainnet's. Calls are logged as LibNote anonymous events, as mainnet's.
// Units: wad 1e18, ray 1e27, rad 1e45. The twin places no collateral (no ilk is initialised).

pragma solidity 0.8.16;

import "./LibNote.sol";

contract Vat is LibNote {

    // --- Auth ---
    mapping (address => uint256) public wards;                                        // slot 0
    // Grant `usr` admin rights (while live)
    function rely(address usr) external note auth { require(live == 1, "Vat/not-live"); wards[usr] = 1; }
    // Revoke `usr`'s admin rights (while live)
    function deny(address usr) external note auth { require(live == 1, "Vat/not-live"); wards[usr] = 0; }
    modifier auth { require(wards[msg.sender] == 1, "Vat/not-authorized"); _; }

    mapping (address => mapping (address => uint256)) public can;                     // slot 1
    // Let `usr` act for the caller (move its dai and gems, change its urns)
    function hope(address usr) external note { can[msg.sender][usr] = 1; }
    // Withdraw `usr`'s permission to act for the caller
    function nope(address usr) external note { can[msg.sender][usr] = 0; }
    // Whether `usr` may act for `bit`
    function wish(address bit, address usr) internal view returns (bool) {
        return bit == usr || can[bit][usr] == 1;
    }

    // --- Data ---
    struct Ilk {
        uint256 Art;   // [wad] total normalised debt
        uint256 rate;  // [ray] accumulated rates
        uint256 spot;  // [ray] price with safety margin
        uint256 line;  // [rad] debt ceiling
        uint256 dust;  // [rad] urn debt floor
    }
    struct Urn {
        uint256 ink;   // [wad] locked collateral
        uint256 art;   // [wad] normalised debt
    }

    mapping (bytes32 => Ilk)                          public ilks;  // slot 2
    mapping (bytes32 => mapping (address => Urn))     public urns;  // slot 3
    mapping (bytes32 => mapping (address => uint256)) public gem;   // slot 4 [wad]
    mapping (address => uint256)                      public dai;   // slot 5 [rad]
    mapping (address => uint256)                      public sin;   // slot 6 [rad]

    uint256 public debt;  // slot 7  [rad] total dai issued
    uint256 public vice;  // slot 8  [rad] total unbacked dai
    uint256 public Line;  // slot 9  [rad] total debt ceiling
    uint256 public live;  // slot 10 1 while the system runs

    // Deployer is the first ward; the system starts live
    constructor() {
        wards[msg.sender] = 1;
        live = 1;
    }

    // --- Math (reverts without a reason, as mainnet's) ---
    // x + y for a signed y
    function _add(uint256 x, int256 y) internal pure returns (uint256 z) {
        unchecked { z = x + uint256(y); }
        require(y >= 0 || z <= x);
        require(y <= 0 || z >= x);
    }
    // x - y for a signed y
    function _sub(uint256 x, int256 y) internal pure returns (uint256 z) {
        unchecked { z = x - uint256(y); }
        require(y <= 0 || z <= x);
        require(y >= 0 || z >= x);
    }
    // x * y for a signed y
    function _mul(uint256 x, int256 y) internal pure returns (int256 z) {
        unchecked { z = int256(x) * y; }
        require(int256(x) >= 0);
        unchecked { require(y == 0 || z / y == int256(x)); }
    }
    // x + y
    function _add(uint256 x, uint256 y) internal pure returns (uint256 z) {
        unchecked { z = x + y; }
        require(z >= x);
    }
    // x - y
    function _sub(uint256 x, uint256 y) internal pure returns (uint256 z) {
        unchecked { z = x - y; }
        require(z <= x);
    }
    // x * y
    function _mul(uint256 x, uint256 y) internal pure returns (uint256 z) {
        unchecked { z = x * y; }
        require(y == 0 || z / y == x);
    }

    // --- Administration ---

    // Start collateral type `ilk` (rate = 1 ray)
    function init(bytes32 ilk) external note auth {
        require(ilks[ilk].rate == 0, "Vat/ilk-already-init");
        ilks[ilk].rate = 10 ** 27;
    }

    // Set a global parameter: "Line"
    function file(bytes32 what, uint256 data) external note auth {
        require(live == 1, "Vat/not-live");
        if (what == "Line") Line = data;
        else revert("Vat/file-unrecognized-param");
    }

    // Set an ilk parameter: "spot", "line", "dust"
    function file(bytes32 ilk, bytes32 what, uint256 data) external note auth {
        require(live == 1, "Vat/not-live");
        if (what == "spot") ilks[ilk].spot = data;
        else if (what == "line") ilks[ilk].line = data;
        else if (what == "dust") ilks[ilk].dust = data;
        else revert("Vat/file-unrecognized-param");
    }

    // Shut the system down
    function cage() external note auth {
        live = 0;
    }

    // --- Fungibility ---

    // Add (or remove) `wad` of `usr`'s unlocked `ilk` collateral
    function slip(bytes32 ilk, address usr, int256 wad) external note auth {
        gem[ilk][usr] = _add(gem[ilk][usr], wad);
    }

    // Move `wad` unlocked `ilk` collateral from `src` to `dst`
    function flux(bytes32 ilk, address src, address dst, uint256 wad) external note {
        require(wish(src, msg.sender), "Vat/not-allowed");
        gem[ilk][src] = _sub(gem[ilk][src], wad);
        gem[ilk][dst] = _add(gem[ilk][dst], wad);
    }

    // Move `rad` dai from `src` to `dst`
    function move(address src, address dst, uint256 rad) external note {
        require(wish(src, msg.sender), "Vat/not-allowed");
        dai[src] = _sub(dai[src], rad);
        dai[dst] = _add(dai[dst], rad);
    }

    // --- Urns ---

    // Change urn (i, u): lock `dink` collateral taken from v, draw `dart` debt paid to w as dai
    function frob(bytes32 i, address u, address v, address w, int256 dink, int256 dart) external note {
        require(live == 1, "Vat/not-live");
        Urn memory urn = urns[i][u];
        Ilk memory ilk = ilks[i];
        require(ilk.rate != 0, "Vat/ilk-not-init");

        urn.ink = _add(urn.ink, dink);
        urn.art = _add(urn.art, dart);
        ilk.Art = _add(ilk.Art, dart);

        int256  dtab = _mul(ilk.rate, dart);
        uint256 tab  = _mul(ilk.rate, urn.art);
        debt         = _add(debt, dtab);

        // Every operand is evaluated before the checks, as mainnet's (an overflow reverts first)
        bool calmer = dart <= 0 && dink >= 0;  // less risky than before
        bool within = _mul(ilk.Art, ilk.rate) <= ilk.line && debt <= Line;
        bool safe   = tab <= _mul(urn.ink, ilk.spot);
        require(dart <= 0 || within, "Vat/ceiling-exceeded");
        require(calmer || safe, "Vat/not-safe");
        require(calmer || wish(u, msg.sender), "Vat/not-allowed-u");
        require(dink <= 0 || wish(v, msg.sender), "Vat/not-allowed-v");
        require(dart >= 0 || wish(w, msg.sender), "Vat/not-allowed-w");
        require(urn.art == 0 || tab >= ilk.dust, "Vat/dust");

        gem[i][v] = _sub(gem[i][v], dink);
        dai[w]    = _add(dai[w], dtab);
        urns[i][u] = urn;
        ilks[i]    = ilk;
    }

    // Move `dink` collateral and `dart` debt from urn (ilk, src) to urn (ilk, dst)
    function fork(bytes32 ilk, address src, address dst, int256 dink, int256 dart) external note {
        Urn storage u = urns[ilk][src];
        Urn storage v = urns[ilk][dst];
        Ilk storage i = ilks[ilk];

        u.ink = _sub(u.ink, dink);
        u.art = _sub(u.art, dart);
        v.ink = _add(v.ink, dink);
        v.art = _add(v.art, dart);

        uint256 utab = _mul(u.art, i.rate);
        uint256 vtab = _mul(v.art, i.rate);

        require(wish(src, msg.sender) && wish(dst, msg.sender), "Vat/not-allowed");
        require(utab <= _mul(u.ink, i.spot), "Vat/not-safe-src");
        require(vtab <= _mul(v.ink, i.spot), "Vat/not-safe-dst");
        require(utab >= i.dust || u.art == 0, "Vat/dust-src");
        require(vtab >= i.dust || v.art == 0, "Vat/dust-dst");
    }

    // Confiscate: change urn (i, u) by `dink`/`dart`, collateral to v, the debt as sin of w
    function grab(bytes32 i, address u, address v, address w, int256 dink, int256 dart) external note auth {
        Urn storage urn = urns[i][u];
        Ilk storage ilk = ilks[i];

        urn.ink = _add(urn.ink, dink);
        urn.art = _add(urn.art, dart);
        ilk.Art = _add(ilk.Art, dart);

        int256 dtab = _mul(ilk.rate, dart);

        gem[i][v] = _sub(gem[i][v], dink);
        sin[w]    = _sub(sin[w], dtab);
        vice      = _sub(vice, dtab);
    }

    // --- Settlement ---

    // Cancel `rad` of the caller's sin against its dai
    function heal(uint256 rad) external note {
        address u = msg.sender;
        sin[u] = _sub(sin[u], rad);
        dai[u] = _sub(dai[u], rad);
        vice   = _sub(vice, rad);
        debt   = _sub(debt, rad);
    }

    // Create `rad` unbacked dai for `v`, booked as sin of `u`
    function suck(address u, address v, uint256 rad) external note auth {
        sin[u] = _add(sin[u], rad);
        dai[v] = _add(dai[v], rad);
        vice   = _add(vice, rad);
        debt   = _add(debt, rad);
    }

    // --- Rates ---

    // Change ilk `i`'s rate by `rate`, crediting the resulting dai to `u`
    function fold(bytes32 i, address u, int256 rate) external note auth {
        require(live == 1, "Vat/not-live");
        Ilk storage ilk = ilks[i];
        ilk.rate = _add(ilk.rate, rate);
        int256 rad = _mul(ilk.Art, rate);
        dai[u]   = _add(dai[u], rad);
        debt     = _add(debt, rad);
    }
}
