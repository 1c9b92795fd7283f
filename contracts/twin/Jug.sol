// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Jug.sol -- clean-room stability-fee collector of the protocol (spellgen twin); mainnet: MCD_JUG.
// Written from the public facts of mainnet's Jug: its functions, require order and revert strings,
// and its storage order (wards, ilks {duty, rho}, vat, vow, base). drip(ilk) compounds the ilk's
// per-second fee (base + duty, ray) over the seconds since rho, folds the difference into the Vat's
// rate for the ilk (crediting the debt's growth to the Vow as dai) and returns the new rate.
// Arithmetic failures revert without a reason, as mainnet's. Calls are logged as LibNote notes.

pragma solidity 0.8.16;

import "./LibNote.sol";

interface JugVatLike {
    function ilks(bytes32) external view returns (uint256 Art, uint256 rate, uint256 spot, uint256 line,
                                                   uint256 dust);
    function fold(bytes32, address, int256) external;
}

contract Jug is LibNote {

    // --- Auth ---
    mapping (address => uint256) public wards;  // slot 0
    // Grant `usr` admin rights
    function rely(address usr) external note auth { wards[usr] = 1; }
    // Revoke `usr`'s admin rights
    function deny(address usr) external note auth { wards[usr] = 0; }
    modifier auth { require(wards[msg.sender] == 1, "Jug/not-authorized"); _; }

    // --- Data ---
    struct Ilk {
        uint256 duty;  // [ray] the ilk's own per-second fee
        uint256 rho;   // [unix epoch time] the last drip
    }

    mapping (bytes32 => Ilk) public ilks;  // slot 1
    JugVatLike               public vat;   // slot 2
    address                  public vow;   // slot 3
    uint256                  public base;  // slot 4 [ray] the per-second fee every ilk pays on top

    uint256 constant ONE = 10 ** 27;

    // Deployer is the first ward
    constructor(address vat_) {
        wards[msg.sender] = 1;
        vat = JugVatLike(vat_);
    }

    // --- Math (reverts without a reason, as mainnet's) ---
    // x ** n in fixed point of base b, each product rounded half up (exponentiation by squaring)
    function _rpow(uint256 x, uint256 n, uint256 b) internal pure returns (uint256 z) {
        if (x == 0) return n == 0 ? b : 0;
        z = n % 2 == 0 ? b : x;
        uint256 half = b / 2;
        for (n /= 2; n > 0; n /= 2) {
            x = _add(_mul(x, x), half) / b;
            if (n % 2 == 1) z = _add(_mul(z, x), half) / b;
        }
    }
    function _add(uint256 x, uint256 y) internal pure returns (uint256 z) {
        unchecked { z = x + y; }
        require(z >= x);
    }
    function _mul(uint256 x, uint256 y) internal pure returns (uint256 z) {
        unchecked { z = x * y; }
        require(y == 0 || z / y == x);
    }
    // x - y as a signed number
    function _diff(uint256 x, uint256 y) internal pure returns (int256 z) {
        unchecked { z = int256(x) - int256(y); }
        require(int256(x) >= 0 && int256(y) >= 0);
    }
    // x * y / ONE, rounded down
    function _rmul(uint256 x, uint256 y) internal pure returns (uint256 z) {
        z = _mul(x, y) / ONE;
    }

    // --- Administration ---

    // Start charging fees on `ilk` (duty 1 ray: no fee yet)
    function init(bytes32 ilk) external note auth {
        Ilk storage i = ilks[ilk];
        require(i.duty == 0, "Jug/ilk-already-init");
        i.duty = ONE;
        i.rho  = block.timestamp;
    }

    // Set an ilk parameter: "duty" (only right after a drip)
    function file(bytes32 ilk, bytes32 what, uint256 data) external note auth {
        require(block.timestamp == ilks[ilk].rho, "Jug/rho-not-updated");
        if (what == "duty") ilks[ilk].duty = data;
        else revert("Jug/file-unrecognized-param");
    }

    // Set a global parameter: "base"
    function file(bytes32 what, uint256 data) external note auth {
        if (what == "base") base = data;
        else revert("Jug/file-unrecognized-param");
    }

    // Set the account fees are credited to: "vow"
    function file(bytes32 what, address data) external note auth {
        if (what == "vow") vow = data;
        else revert("Jug/file-unrecognized-param");
    }

    // --- Stability fee collection ---

    // Compound `ilk`'s fee up to now into the Vat's rate; the debt's growth goes to the Vow as dai
    function drip(bytes32 ilk) external note returns (uint256 rate) {
        require(block.timestamp >= ilks[ilk].rho, "Jug/invalid-now");
        (, uint256 prev, , , ) = vat.ilks(ilk);
        rate = _rmul(_rpow(_add(base, ilks[ilk].duty), block.timestamp - ilks[ilk].rho, ONE), prev);
        vat.fold(ilk, vow, _diff(rate, prev));
        ilks[ilk].rho = block.timestamp;
    }
}
