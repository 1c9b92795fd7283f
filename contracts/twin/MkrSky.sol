// SPDX-License-Identifier: AGPL-3.0-or-later
//
// MkrSky.sol -- clean-room MKR <-> SKY converter (spellgen twin); mainnet: MKR_SKY
// 0xBDcFCA946b6CDd965f99a839e4435Bcdc1bc470B (the key's address until 2025-05-15). Written from
// the protocol notes (shared/spec/maker.md) section 7: `mkrToSky(usr, mkrAmt)` burns `mkrAmt` MKR of the caller
// (allowance needed) and mints `mkrAmt * rate` SKY to `usr`; `rate()` is 24,000. `skyToMkr` is the
// reverse (whole MKR wei: the SKY below one MKR wei's worth is burnt with the rest). It must be a
// ward of SKY and may mint MKR through MKR's authority. No revert strings of its own: the tokens'
// (insufficient balance or allowance) are the ones a caller sees.

pragma solidity 0.8.16;

interface MkrSkyGemLike {
    function mint(address, uint256) external;
    function burn(address, uint256) external;
}

contract MkrSky {
    MkrSkyGemLike public immutable mkr;
    MkrSkyGemLike public immutable sky;
    uint256       public immutable rate;

    event MkrToSky(address indexed caller, address indexed usr, uint256 mkrAmt, uint256 skyAmt);
    event SkyToMkr(address indexed caller, address indexed usr, uint256 skyAmt, uint256 mkrAmt);

    constructor(address mkr_, address sky_, uint256 rate_) {
        mkr  = MkrSkyGemLike(mkr_);
        sky  = MkrSkyGemLike(sky_);
        rate = rate_;
    }

    // Burn `mkrAmt` MKR of the caller, mint `mkrAmt * rate` SKY to `usr`
    function mkrToSky(address usr, uint256 mkrAmt) external {
        mkr.burn(msg.sender, mkrAmt);
        uint256 skyAmt = mkrAmt * rate;
        sky.mint(usr, skyAmt);
        emit MkrToSky(msg.sender, usr, mkrAmt, skyAmt);
    }

    // Burn `skyAmt` SKY of the caller, mint `skyAmt / rate` MKR to `usr`
    function skyToMkr(address usr, uint256 skyAmt) external {
        sky.burn(msg.sender, skyAmt);
        uint256 mkrAmt = skyAmt / rate;
        mkr.mint(usr, mkrAmt);
        emit SkyToMkr(msg.sender, usr, skyAmt, mkrAmt);
    }
}
