// SPDX-License-Identifier: AGPL-3.0-or-later
//
// DaiJoin.sol -- clean-room adapter between Vat dai and the DAI token (spellgen twin).
// Written from /work/shared/spec/maker.md (section 3); mainnet: MCD_JOIN_DAI.
// The twin also deploys it as USDS_JOIN, DaiJoin(MCD_VAT, USDS): same Vat, the USDS token.
// The join must be a ward of its token (it mints on exit).

pragma solidity 0.8.16;

interface DaiJoinVatLike {
    function move(address, address, uint256) external;
}

interface DaiJoinDaiLike {
    function mint(address, uint256) external;
    function burn(address, uint256) external;
}

contract DaiJoin {

    // --- Auth ---
    mapping (address => uint256) public wards;
    // Grant `usr` admin rights
    function rely(address usr) external auth { wards[usr] = 1; emit Rely(usr); }
    // Revoke `usr`'s admin rights
    function deny(address usr) external auth { wards[usr] = 0; emit Deny(usr); }
    modifier auth { require(wards[msg.sender] == 1, "DaiJoin/not-authorized"); _; }

    DaiJoinVatLike public immutable vat;
    DaiJoinDaiLike public immutable dai;
    uint256        public live;  // 1 while exits are allowed

    uint256 constant RAY = 10 ** 27;

    // --- Events ---
    event Rely(address indexed usr);
    event Deny(address indexed usr);
    event Join(address indexed usr, uint256 wad);
    event Exit(address indexed usr, uint256 wad);
    event Cage();

    // Adapter for `vat_` and `dai_`; deployer is the first ward
    constructor(address vat_, address dai_) {
        vat  = DaiJoinVatLike(vat_);
        dai  = DaiJoinDaiLike(dai_);
        live = 1;
        wards[msg.sender] = 1;
        emit Rely(msg.sender);
    }

    // Stop exits
    function cage() external auth {
        live = 0;
        emit Cage();
    }

    // Burn `wad` DAI of the caller and credit `usr` with `wad * RAY` Vat dai
    function join(address usr, uint256 wad) external {
        vat.move(address(this), usr, RAY * wad);
        dai.burn(msg.sender, wad);
        emit Join(usr, wad);
    }

    // Take `wad * RAY` Vat dai from the caller and mint `wad` DAI to `usr`
    function exit(address usr, uint256 wad) external {
        require(live == 1, "DaiJoin/not-live");
        vat.move(msg.sender, address(this), RAY * wad);
        dai.mint(usr, wad);
        emit Exit(usr, wad);
    }
}
