// SPDX-License-Identifier: AGPL-3.0-or-later
//
// UsdsJoin.sol -- clean-room adapter between Vat dai and the USDS token (spellgen twin); mainnet: USDS_JOIN.
// Written from the public facts of mainnet's UsdsJoin: no wards and no storage (vat and usds are
// immutable), no live flag, `dai()` returns the token so DaiJoin's interface is covered, events
// Join/Exit carry the caller. The join must be a ward of USDS (it mints on exit).

pragma solidity 0.8.16;

interface UsdsJoinVatLike {
    function move(address, address, uint256) external;
}

interface UsdsJoinTokenLike {
    function mint(address, uint256) external;
    function burn(address, uint256) external;
}

contract UsdsJoin {

    UsdsJoinVatLike   public immutable vat;
    UsdsJoinTokenLike public immutable usds;

    uint256 constant RAY = 10 ** 27;

    event Join(address indexed caller, address indexed usr, uint256 wad);
    event Exit(address indexed caller, address indexed usr, uint256 wad);

    // Adapter for `vat_` and `usds_`
    constructor(address vat_, address usds_) {
        vat  = UsdsJoinVatLike(vat_);
        usds = UsdsJoinTokenLike(usds_);
    }

    // Burn `wad` USDS of the caller and credit `usr` with `wad * RAY` Vat dai
    function join(address usr, uint256 wad) external {
        vat.move(address(this), usr, RAY * wad);
        usds.burn(msg.sender, wad);
        emit Join(msg.sender, usr, wad);
    }

    // Take `wad * RAY` Vat dai from the caller and mint `wad` USDS to `usr`
    function exit(address usr, uint256 wad) external {
        vat.move(msg.sender, address(this), RAY * wad);
        usds.mint(usr, wad);
        emit Exit(msg.sender, usr, wad);
    }

    // The token, under DaiJoin's name for it
    function dai() external view returns (address) {
        return address(usds);
    }
}
