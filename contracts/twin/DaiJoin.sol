// SPDX-License-Identifier: AGPL-3.0-or-later
//
// DaiJoin.sol -- clean-room adapter between Vat dai and the DAI token (spellgen twin); mainnet: MCD_JOIN_DAI.
// Written from the project's protocol notes (shared/spec/maker.md, section 3) and the public facts
// of mainnet's DaiJoin: storage order wards, vat, dai, live; `exit` requires live ("DaiJoin/not-live");
// calls are logged as LibNote events. The join must be a ward of DAI (it mints on exit).

pragma solidity 0.8.16;

import "./LibNote.sol";

interface DaiJoinVatLike {
    function move(address, address, uint256) external;
}

interface DaiJoinDaiLike {
    function mint(address, uint256) external;
    function burn(address, uint256) external;
}

contract DaiJoin is LibNote {

    // --- Auth ---
    mapping (address => uint256) public wards;                                        // slot 0
    // Grant `usr` admin rights
    function rely(address usr) external note auth { wards[usr] = 1; }
    // Revoke `usr`'s admin rights
    function deny(address usr) external note auth { wards[usr] = 0; }
    modifier auth { require(wards[msg.sender] == 1, "DaiJoin/not-authorized"); _; }

    DaiJoinVatLike public vat;   // slot 1
    DaiJoinDaiLike public dai;   // slot 2
    uint256        public live;  // slot 3: 1 while exits are allowed

    uint256 constant ONE = 10 ** 27;

    // Adapter for `vat_` and `dai_`; deployer is the first ward
    constructor(address vat_, address dai_) {
        wards[msg.sender] = 1;
        live = 1;
        vat  = DaiJoinVatLike(vat_);
        dai  = DaiJoinDaiLike(dai_);
    }

    // Stop exits
    function cage() external note auth {
        live = 0;
    }

    // x * y (reverts without a reason on overflow, as mainnet's)
    function mul(uint256 x, uint256 y) internal pure returns (uint256 z) {
        unchecked { z = x * y; }
        require(y == 0 || z / y == x);
    }

    // Burn `wad` DAI of the caller and credit `usr` with `wad * RAY` Vat dai
    function join(address usr, uint256 wad) external note {
        vat.move(address(this), usr, mul(ONE, wad));
        dai.burn(msg.sender, wad);
    }

    // Take `wad * RAY` Vat dai from the caller and mint `wad` DAI to `usr`
    function exit(address usr, uint256 wad) external note {
        require(live == 1, "DaiJoin/not-live");
        vat.move(msg.sender, address(this), mul(ONE, wad));
        dai.mint(usr, wad);
    }
}
