// SPDX-License-Identifier: AGPL-3.0-or-later
//
// DaiUsds.sol -- clean-room DAI <-> USDS converter (spellgen twin); mainnet: DAI_USDS
// 0x3225737a9Bbb6473CB4a45b7244ACa2BeFdB276A. Written from the protocol notes (shared/spec/maker.md) section 7:
// `daiToUsds(usr, wad)` takes `wad` DAI from the caller (allowance needed), joins it into the Vat
// through MCD_JOIN_DAI and exits `wad` USDS to `usr` through USDS_JOIN; `usdsToDai` is the reverse.
// Both 1:1. No auth: anyone converts their own tokens. The constructor hopes both joins and gives
// them unlimited allowances, so it must run at the converter's own address (construct in place).
// Both joins must share one Vat ("DaiUsds/vat-not-same", as mainnet's constructor checks).

pragma solidity 0.8.16;

interface DaiUsdsVatLike {
    function hope(address) external;
}

interface DaiUsdsJoinLike {
    function vat() external view returns (address);
    function dai() external view returns (address);
    function join(address, uint256) external;
    function exit(address, uint256) external;
}

interface DaiUsdsGemLike {
    function approve(address, uint256) external returns (bool);
    function transferFrom(address, address, uint256) external returns (bool);
}

contract DaiUsds {
    DaiUsdsJoinLike public immutable daiJoin;
    DaiUsdsJoinLike public immutable usdsJoin;
    DaiUsdsGemLike  public immutable dai;
    DaiUsdsGemLike  public immutable usds;

    event DaiToUsds(address indexed caller, address indexed usr, uint256 wad);
    event UsdsToDai(address indexed caller, address indexed usr, uint256 wad);

    // Both joins share one Vat; each join's `dai()` is the token it mints (DAI, USDS)
    constructor(address daiJoin_, address usdsJoin_) {
        daiJoin  = DaiUsdsJoinLike(daiJoin_);
        usdsJoin = DaiUsdsJoinLike(usdsJoin_);
        dai      = DaiUsdsGemLike(DaiUsdsJoinLike(daiJoin_).dai());
        usds     = DaiUsdsGemLike(DaiUsdsJoinLike(usdsJoin_).dai());
        DaiUsdsVatLike vat = DaiUsdsVatLike(DaiUsdsJoinLike(daiJoin_).vat());
        require(address(vat) == DaiUsdsJoinLike(usdsJoin_).vat(), "DaiUsds/vat-not-same");
        vat.hope(daiJoin_);
        vat.hope(usdsJoin_);
        dai.approve(daiJoin_, type(uint256).max);
        usds.approve(usdsJoin_, type(uint256).max);
    }

    // `wad` DAI of the caller -> `wad` USDS to `usr`
    function daiToUsds(address usr, uint256 wad) external {
        dai.transferFrom(msg.sender, address(this), wad);
        daiJoin.join(address(this), wad);
        usdsJoin.exit(usr, wad);
        emit DaiToUsds(msg.sender, usr, wad);
    }

    // `wad` USDS of the caller -> `wad` DAI to `usr`
    function usdsToDai(address usr, uint256 wad) external {
        usds.transferFrom(msg.sender, address(this), wad);
        usdsJoin.join(address(this), wad);
        daiJoin.exit(usr, wad);
        emit UsdsToDai(msg.sender, usr, wad);
    }
}
