// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Vow.sol -- clean-room holder of the system surplus and debt (spellgen twin); mainnet: MCD_VOW.
// Written from the project's protocol notes (shared/spec/maker.md, section 3) and the public facts
// of mainnet's Vow: storage order wards, vat, flapper, flopper, sin (debt queue), Sin, Ash, wait,
// dump, sump, bump, hump, live; its functions, require order and revert strings. The surplus
// buffer is vat.dai(vow) - vat.sin(vow). The twin places no auction houses (flapper = flopper = 0),
// so flap, flop and cage revert there, as they would on mainnet without them.

pragma solidity 0.8.16;

import "./LibNote.sol";

interface VowFlapLike {
    function kick(uint256 lot, uint256 bid) external returns (uint256);
    function cage(uint256) external;
}

interface VowFlopLike {
    function kick(address gal, uint256 lot, uint256 bid) external returns (uint256);
    function cage() external;
}

interface VowVatLike {
    function dai(address) external view returns (uint256);
    function sin(address) external view returns (uint256);
    function heal(uint256) external;
    function hope(address) external;
    function nope(address) external;
}

contract Vow is LibNote {

    // --- Auth ---
    mapping (address => uint256) public wards;                                        // slot 0
    // Grant `usr` admin rights (while live)
    function rely(address usr) external note auth { require(live == 1, "Vow/not-live"); wards[usr] = 1; }
    // Revoke `usr`'s admin rights
    function deny(address usr) external note auth { wards[usr] = 0; }
    modifier auth { require(wards[msg.sender] == 1, "Vow/not-authorized"); _; }

    // --- Data ---
    VowVatLike  public vat;      // slot 1
    VowFlapLike public flapper;  // slot 2: surplus auction house
    VowFlopLike public flopper;  // slot 3: debt auction house

    mapping (uint256 => uint256) public sin;  // slot 4: debt queue, era => rad
    uint256 public Sin;   // slot 5  [rad] queued debt
    uint256 public Ash;   // slot 6  [rad] debt on auction
    uint256 public wait;  // slot 7  [seconds] flop delay
    uint256 public dump;  // slot 8  [wad] flop initial lot size
    uint256 public sump;  // slot 9  [rad] flop fixed bid size
    uint256 public bump;  // slot 10 [rad] flap fixed lot size
    uint256 public hump;  // slot 11 [rad] surplus buffer
    uint256 public live;  // slot 12 1 while the system runs

    // Vow on `vat_` with auction houses `flapper_` and `flopper_`; deployer is the first ward
    constructor(address vat_, address flapper_, address flopper_) {
        wards[msg.sender] = 1;
        vat     = VowVatLike(vat_);
        flapper = VowFlapLike(flapper_);
        flopper = VowFlopLike(flopper_);
        VowVatLike(vat_).hope(flapper_);
        live = 1;
    }

    // --- Math (reverts without a reason, as mainnet's) ---
    // x + y
    function add(uint256 x, uint256 y) internal pure returns (uint256 z) {
        unchecked { z = x + y; }
        require(z >= x);
    }
    // x - y
    function sub(uint256 x, uint256 y) internal pure returns (uint256 z) {
        unchecked { z = x - y; }
        require(z <= x);
    }
    // min(x, y)
    function min(uint256 x, uint256 y) internal pure returns (uint256 z) {
        return x <= y ? x : y;
    }

    // --- Administration ---

    // Set a parameter: wait, bump, sump, dump, hump
    function file(bytes32 what, uint256 data) external note auth {
        if (what == "wait") wait = data;
        else if (what == "bump") bump = data;
        else if (what == "sump") sump = data;
        else if (what == "dump") dump = data;
        else if (what == "hump") hump = data;
        else revert("Vow/file-unrecognized-param");
    }

    // Set an auction house: flapper (hoped in the Vat) or flopper
    function file(bytes32 what, address data) external note auth {
        if (what == "flapper") {
            vat.nope(address(flapper));
            flapper = VowFlapLike(data);
            vat.hope(data);
        }
        else if (what == "flopper") flopper = VowFlopLike(data);
        else revert("Vow/file-unrecognized-param");
    }

    // --- Debt queue ---

    // Queue `tab` of debt at the current time
    function fess(uint256 tab) external note auth {
        sin[block.timestamp] = add(sin[block.timestamp], tab);
        Sin = add(Sin, tab);
    }

    // Release the debt queued at `era` once `wait` has passed
    function flog(uint256 era) external note {
        require(add(era, wait) <= block.timestamp, "Vow/wait-not-finished");
        Sin = sub(Sin, sin[era]);
        sin[era] = 0;
    }

    // --- Settlement ---

    // Cancel `rad` of surplus against unqueued debt
    function heal(uint256 rad) external note {
        require(rad <= vat.dai(address(this)), "Vow/insufficient-surplus");
        require(rad <= sub(sub(vat.sin(address(this)), Sin), Ash), "Vow/insufficient-debt");
        vat.heal(rad);
    }

    // Cancel `rad` of surplus against debt on auction
    function kiss(uint256 rad) external note {
        require(rad <= Ash, "Vow/not-enough-ash");
        require(rad <= vat.dai(address(this)), "Vow/insufficient-surplus");
        Ash = sub(Ash, rad);
        vat.heal(rad);
    }

    // --- Auctions ---

    // Start a debt auction of `sump`
    function flop() external note returns (uint256 id) {
        require(sump <= sub(sub(vat.sin(address(this)), Sin), Ash), "Vow/insufficient-debt");
        require(vat.dai(address(this)) == 0, "Vow/surplus-not-zero");
        Ash = add(Ash, sump);
        id = flopper.kick(address(this), dump, sump);
    }

    // Start a surplus auction of `bump`
    function flap() external note returns (uint256 id) {
        require(vat.dai(address(this)) >= add(add(vat.sin(address(this)), bump), hump), "Vow/insufficient-surplus");
        require(sub(sub(vat.sin(address(this)), Sin), Ash) == 0, "Vow/debt-not-zero");
        id = flapper.kick(bump, 0);
    }

    // Shut down: stop the auction houses and settle what can be settled
    function cage() external note auth {
        require(live == 1, "Vow/not-live");
        live = 0;
        Sin = 0;
        Ash = 0;
        flapper.cage(vat.dai(address(flapper)));
        flopper.cage();
        vat.heal(min(vat.dai(address(this)), vat.sin(address(this))));
    }
}
