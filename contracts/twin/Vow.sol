// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Vow.sol -- clean-room holder of the system surplus and debt, minimal (spellgen twin).
// Written from /work/shared/spec/maker.md (section 3); mainnet: MCD_VOW.
// The surplus buffer is vat.dai(vow) - vat.sin(vow) (minus queued debt Sin + Ash, zero here
// unless set). Budget payments and suckable vests raise vat.sin(vow). No auctions.

pragma solidity 0.8.16;

interface VowVatLike {
    function dai(address) external view returns (uint256);
    function sin(address) external view returns (uint256);
    function heal(uint256) external;
    function hope(address) external;
    function nope(address) external;
}

contract Vow {

    // --- Auth ---
    mapping (address => uint256) public wards;
    // Grant `usr` admin rights
    function rely(address usr) external auth { require(live == 1, "Vow/not-live"); wards[usr] = 1; emit Rely(usr); }
    // Revoke `usr`'s admin rights
    function deny(address usr) external auth { wards[usr] = 0; emit Deny(usr); }
    modifier auth { require(wards[msg.sender] == 1, "Vow/not-authorized"); _; }

    VowVatLike public immutable vat;

    uint256 public Sin;   // [rad] queued debt (bookkeeping only here)
    uint256 public Ash;   // [rad] debt on auction (bookkeeping only here)
    uint256 public wait;  // [seconds] flop delay (stored only)
    uint256 public dump;  // [wad]  (stored only)
    uint256 public sump;  // [rad]  (stored only)
    uint256 public bump;  // [rad]  (stored only)
    uint256 public hump;  // [rad]  surplus buffer target (stored only)
    uint256 public live;  // 1 while the system runs

    // --- Events ---
    event Rely(address indexed usr);
    event Deny(address indexed usr);
    event File(bytes32 indexed what, uint256 data);
    event Heal(uint256 rad);
    event Cage();

    // Vow on `vat_`; deployer is the first ward
    constructor(address vat_) {
        vat  = VowVatLike(vat_);
        live = 1;
        wards[msg.sender] = 1;
        emit Rely(msg.sender);
    }

    // Set a parameter: wait, dump, sump, bump, hump
    function file(bytes32 what, uint256 data) external auth {
        if      (what == "wait") wait = data;
        else if (what == "dump") dump = data;
        else if (what == "sump") sump = data;
        else if (what == "bump") bump = data;
        else if (what == "hump") hump = data;
        else revert("Vow/file-unrecognized-param");
        emit File(what, data);
    }

    // Cancel `rad` of the vow's surplus against its unqueued debt
    function heal(uint256 rad) external {
        require(rad <= vat.dai(address(this)), "Vow/insufficient-surplus");
        require(rad <= vat.sin(address(this)) - Sin - Ash, "Vow/insufficient-debt");
        vat.heal(rad);
        emit Heal(rad);
    }

    // Shut down
    function cage() external auth {
        require(live == 1, "Vow/not-live");
        live = 0;
        Sin = 0;
        Ash = 0;
        emit Cage();
    }
}
