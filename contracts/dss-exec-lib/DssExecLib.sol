// SPDX-License-Identifier: AGPL-3.0-or-later
//
// DssExecLib.sol -- clean-room spell library for the spellgen twin.
//
// Written from the project's protocol notes (shared/spec/maker.md, section 2),
// not from any existing source. Spells link it at 0x8De6DDbCd5053d32292AAA0D2105A32d108484a6;
// its public functions therefore run by DELEGATECALL in the caller's context (in a cast
// spell: the DSPauseProxy), so `address(this)` below is the caller, never the library.
//
// Compiles under solc 0.6.12 and 0.8.x. Every public function of the deployed library is here
// with its mainnet signature (the selectors a linked spell calls); functions whose contracts the
// twin does not hold (Jug, Pot, Spotter, Dog, clippers, oracles, the auto-line, ...) are written
// against those contracts' public interfaces and run only on a chain that has them (a fork).

pragma solidity >=0.6.12 <0.9.0;
pragma experimental ABIEncoderV2; // addNewCollateral takes a struct (a no-op on 0.8)

import { CollateralOpts } from "./CollateralOpts.sol";

interface DssExecLibChainlogLike {
    function getAddress(bytes32) external view returns (address);
    function setAddress(bytes32, address) external;
    function removeAddress(bytes32) external;
    function setVersion(string calldata) external;
    function setSha256sum(string calldata) external;
    function setIPFS(string calldata) external;
}

interface DssExecLibAuthLike {
    function rely(address) external;
    function deny(address) external;
    function setAuthority(address) external;
}

interface DssExecLibFileLike {
    function file(bytes32, uint256) external;
    function file(bytes32, address) external;
    function file(bytes32, bytes32, uint256) external;
}

interface DssExecLibVatLike {
    function suck(address, address, uint256) external;
    function hope(address) external;
    function nope(address) external;
}

interface DssExecLibDaiJoinLike {
    function exit(address, uint256) external;
}

interface DssExecLibFileAddressLike {
    function file(bytes32, bytes32, address) external;
}

interface DssExecLibVatReadLike {
    function Line() external view returns (uint256);
    function ilks(bytes32) external view returns (uint256, uint256, uint256, uint256, uint256);
    function init(bytes32) external;
}

interface DssExecLibDripLike {
    function drip() external returns (uint256);
    function drip(bytes32) external returns (uint256);
    function init(bytes32) external;
}

interface DssExecLibSpotLike {
    function poke(bytes32) external;
}

interface DssExecLibDogLike {
    function ilks(bytes32) external view returns (address, uint256, uint256, uint256);
}

interface DssExecLibClipLike {
    function vat() external view returns (address);
    function dog() external view returns (address);
    function spotter() external view returns (address);
    function calc() external view returns (address);
    function ilk() external view returns (bytes32);
}

interface DssExecLibJoinLike {
    function vat() external view returns (address);
    function ilk() external view returns (bytes32);
    function gem() external view returns (address);
    function dec() external view returns (uint256);
}

interface DssExecLibDecimalsLike {
    function decimals() external view returns (uint8);
}

interface DssExecLibOracleLike {
    function src() external view returns (address);
    function orb1() external view returns (address);
    function kiss(address) external;
    function diss(address) external;
    function setBar(uint256) external;
}

interface DssExecLibMomLike {
    function setOsm(bytes32, address) external;
    function setPriceTolerance(address, uint256) external;
}

interface DssExecLibRegistryLike {
    function add(address) external;
    function xlip(bytes32) external view returns (address);
}

interface DssExecLibAutoLineLike {
    function ilks(bytes32) external view returns (uint256, uint256, uint48, uint48, uint48);
    function setIlk(bytes32, uint256, uint256, uint256) external;
    function remIlk(bytes32) external;
}

interface DssExecLibLerpFabLike {
    function newLerp(bytes32, address, bytes32, uint256, uint256, uint256, uint256) external returns (address);
    function newIlkLerp(bytes32, address, bytes32, bytes32, uint256, uint256, uint256, uint256) external returns (address);
}

interface DssExecLibLerpLike {
    function tick() external returns (uint256);
}

interface DssExecLibRwaOracleLike {
    function bump(bytes32, uint256) external;
}

library DssExecLib {

    // The ChainLog every address is read from
    address constant public LOG = 0xdA0Ab1e0017DEbCd72Be8599041a2aa3bA7e740F;

    uint256 constant internal WAD      = 10 ** 18;
    uint256 constant internal RAY      = 10 ** 27;
    uint256 constant internal RAD      = 10 ** 45;
    uint256 constant internal THOUSAND = 10 ** 3;
    uint256 constant internal MILLION  = 10 ** 6;

    uint256 constant internal BPS_ONE_PCT           = 100;
    uint256 constant internal BPS_ONE_HUNDRED_PCT   = 100 * BPS_ONE_PCT;
    uint256 constant internal RATES_ONE_HUNDRED_PCT = 1000000021979553151239153027; // 100 % a year, per second

    // x / y as a WAD, rounded to nearest
    function wdiv(uint256 x, uint256 y) internal pure returns (uint256 z) {
        z = (x * WAD + y / 2) / y;
    }

    // x / y as a RAY, rounded to nearest
    function rdiv(uint256 x, uint256 y) internal pure returns (uint256 z) {
        z = (x * RAY + y / 2) / y;
    }

    // --- ChainLog ---

    // Address registered under `_key` in the ChainLog (reverts if missing)
    function getChangelogAddress(bytes32 _key) public view returns (address) {
        return DssExecLibChainlogLike(LOG).getAddress(_key);
    }

    // Register (or overwrite) `_key` => `_val` in the ChainLog
    function setChangelogAddress(bytes32 _key, address _val) public {
        DssExecLibChainlogLike(LOG).setAddress(_key, _val);
    }

    // Set the ChainLog version string
    function setChangelogVersion(string memory _version) public {
        DssExecLibChainlogLike(LOG).setVersion(_version);
    }

    // Set the ChainLog IPFS hash
    function setChangelogIPFS(string memory _ipfsHash) public {
        DssExecLibChainlogLike(LOG).setIPFS(_ipfsHash);
    }

    // Set the ChainLog sha256sum
    function setChangelogSHA256(string memory _SHA256Sum) public {
        DssExecLibChainlogLike(LOG).setSha256sum(_SHA256Sum);
    }

    // --- Core addresses (each a ChainLog read) ---

    // MCD_VAT
    function vat()        public view returns (address) { return getChangelogAddress("MCD_VAT"); }
    // MCD_CAT
    function cat()        public view returns (address) { return getChangelogAddress("MCD_CAT"); }
    // MCD_DOG
    function dog()        public view returns (address) { return getChangelogAddress("MCD_DOG"); }
    // MCD_JUG
    function jug()        public view returns (address) { return getChangelogAddress("MCD_JUG"); }
    // MCD_POT
    function pot()        public view returns (address) { return getChangelogAddress("MCD_POT"); }
    // MCD_VOW
    function vow()        public view returns (address) { return getChangelogAddress("MCD_VOW"); }
    // MCD_END
    function end()        public view returns (address) { return getChangelogAddress("MCD_END"); }
    // MCD_ESM
    function esm()        public view returns (address) { return getChangelogAddress("MCD_ESM"); }
    // ILK_REGISTRY
    function reg()        public view returns (address) { return getChangelogAddress("ILK_REGISTRY"); }
    // MCD_SPOT
    function spotter()    public view returns (address) { return getChangelogAddress("MCD_SPOT"); }
    // MCD_FLAP
    function flap()       public view returns (address) { return getChangelogAddress("MCD_FLAP"); }
    // MCD_FLOP
    function flop()       public view returns (address) { return getChangelogAddress("MCD_FLOP"); }
    // OSM_MOM
    function osmMom()     public view returns (address) { return getChangelogAddress("OSM_MOM"); }
    // GOV_GUARD
    function govGuard()   public view returns (address) { return getChangelogAddress("GOV_GUARD"); }
    // FLIPPER_MOM
    function flipperMom() public view returns (address) { return getChangelogAddress("FLIPPER_MOM"); }
    // CLIPPER_MOM
    function clipperMom() public view returns (address) { return getChangelogAddress("CLIPPER_MOM"); }
    // MCD_PAUSE_PROXY
    function pauseProxy() public view returns (address) { return getChangelogAddress("MCD_PAUSE_PROXY"); }
    // MCD_IAM_AUTO_LINE
    function autoLine()   public view returns (address) { return getChangelogAddress("MCD_IAM_AUTO_LINE"); }
    // MCD_JOIN_DAI
    function daiJoin()    public view returns (address) { return getChangelogAddress("MCD_JOIN_DAI"); }
    // LERP_FAB
    function lerpFab()    public view returns (address) { return getChangelogAddress("LERP_FAB"); }
    // MCD_DAI
    function dai()        public view returns (address) { return getChangelogAddress("MCD_DAI"); }
    // MCD_GOV (MKR until 2025-05-15)
    function mkr()        public view returns (address) { return getChangelogAddress("MCD_GOV"); }

    // The clipper (or legacy flipper) of `_ilk`, from the IlkRegistry
    function clip(bytes32 _ilk) public view returns (address _clip) {
        _clip = DssExecLibRegistryLike(reg()).xlip(_ilk);
    }

    // The flipper of `_ilk` (the registry's xlip slot, as for clip)
    function flip(bytes32 _ilk) public view returns (address _flip) {
        _flip = DssExecLibRegistryLike(reg()).xlip(_ilk);
    }

    // The price calculator of `_ilk`'s clipper
    function calc(bytes32 _ilk) public view returns (address _calc) {
        _calc = DssExecLibClipLike(clip(_ilk)).calc();
    }

    // --- Authorizations ---

    // base.rely(ward)
    function authorize(address _base, address _ward) public {
        DssExecLibAuthLike(_base).rely(_ward);
    }

    // base.deny(ward)
    function deauthorize(address _base, address _ward) public {
        DssExecLibAuthLike(_base).deny(_ward);
    }

    // base.setAuthority(authority) (ds-auth contracts)
    function setAuthority(address _base, address _authority) public {
        DssExecLibAuthLike(_base).setAuthority(_authority);
    }

    // vat.hope(usr): let `usr` move the caller's Vat dai
    function delegateVat(address _usr) public {
        DssExecLibVatLike(vat()).hope(_usr);
    }

    // vat.nope(usr)
    function undelegateVat(address _usr) public {
        DssExecLibVatLike(vat()).nope(_usr);
    }

    // --- Accumulators and prices ---

    // pot.drip(): accrue the savings rate
    function accumulateDSR() public {
        DssExecLibDripLike(pot()).drip();
    }

    // jug.drip(ilk): accrue `_ilk`'s stability fee
    function accumulateCollateralStabilityFees(bytes32 _ilk) public {
        DssExecLibDripLike(jug()).drip(_ilk);
    }

    // spotter.poke(ilk): refresh `_ilk`'s price
    function updateCollateralPrice(bytes32 _ilk) public {
        DssExecLibSpotLike(spotter()).poke(_ilk);
    }

    // --- Parameters ---

    // base.file(ilk, what, addr)
    function setContract(address _base, bytes32 _ilk, bytes32 _what, address _addr) public {
        DssExecLibFileAddressLike(_base).file(_ilk, _what, _addr);
    }

    // base.file(what, amt)
    function setValue(address _base, bytes32 _what, uint256 _amt) public {
        DssExecLibFileLike(_base).file(_what, _amt);
    }

    // base.file(ilk, what, amt)
    function setValue(address _base, bytes32 _ilk, bytes32 _what, uint256 _amt) public {
        DssExecLibFileLike(_base).file(_ilk, _what, _amt);
    }

    // base.file(what, addr)
    function setContract(address _base, bytes32 _what, address _addr) public {
        DssExecLibFileLike(_base).file(_what, _addr);
    }


    // --- System parameters (whole units in, internal precision out) ---

    // vat.Line = _amount DAI
    function setGlobalDebtCeiling(uint256 _amount) public {
        require(_amount < WAD);
        setValue(vat(), "Line", _amount * RAD);
    }

    // vat.Line += _amount DAI
    function increaseGlobalDebtCeiling(uint256 _amount) public {
        require(_amount < WAD);
        address _vat = vat();
        setValue(_vat, "Line", DssExecLibVatReadLike(_vat).Line() + _amount * RAD);
    }

    // vat.Line -= _amount DAI
    function decreaseGlobalDebtCeiling(uint256 _amount) public {
        require(_amount < WAD);
        address _vat = vat();
        setValue(_vat, "Line", DssExecLibVatReadLike(_vat).Line() - _amount * RAD);
    }

    // pot.dsr = _rate (a per-second RAY between 0 % and 100 % a year), dripping first if asked
    function setDSR(uint256 _rate, bool _doDrip) public {
        require((_rate >= RAY) && (_rate <= RATES_ONE_HUNDRED_PCT));
        if (_doDrip) DssExecLibDripLike(pot()).drip();
        setValue(pot(), "dsr", _rate);
    }

    // vow.bump = _amount DAI
    function setSurplusAuctionAmount(uint256 _amount) public {
        require(_amount < WAD);
        setValue(vow(), "bump", _amount * RAD);
    }

    // vow.hump = _amount DAI
    function setSurplusBuffer(uint256 _amount) public {
        require(_amount < WAD);
        setValue(vow(), "hump", _amount * RAD);
    }

    // flap.beg = 1 + _pct_bps / 10,000 (WAD)
    function setMinSurplusAuctionBidIncrease(uint256 _pct_bps) public {
        require(_pct_bps < BPS_ONE_HUNDRED_PCT);
        setValue(flap(), "beg", WAD + wdiv(_pct_bps, BPS_ONE_HUNDRED_PCT));
    }

    // flap.ttl = _duration seconds
    function setSurplusAuctionBidDuration(uint256 _duration) public {
        setValue(flap(), "ttl", _duration);
    }

    // flap.tau = _duration seconds
    function setSurplusAuctionDuration(uint256 _duration) public {
        setValue(flap(), "tau", _duration);
    }

    // vow.wait = _duration seconds
    function setDebtAuctionDelay(uint256 _duration) public {
        setValue(vow(), "wait", _duration);
    }

    // vow.sump = _amount DAI
    function setDebtAuctionDAIAmount(uint256 _amount) public {
        require(_amount < WAD);
        setValue(vow(), "sump", _amount * RAD);
    }

    // vow.dump = _amount MKR (WAD)
    function setDebtAuctionMKRAmount(uint256 _amount) public {
        require(_amount < WAD);
        setValue(vow(), "dump", _amount * WAD);
    }

    // flop.beg = 1 + _pct_bps / 10,000 (WAD)
    function setMinDebtAuctionBidIncrease(uint256 _pct_bps) public {
        require(_pct_bps < BPS_ONE_HUNDRED_PCT);
        setValue(flop(), "beg", WAD + wdiv(_pct_bps, BPS_ONE_HUNDRED_PCT));
    }

    // flop.ttl = _duration seconds (below 2^48 - 1)
    function setDebtAuctionBidDuration(uint256 _duration) public {
        require(_duration < type(uint48).max);
        setValue(flop(), "ttl", _duration);
    }

    // flop.tau = _duration seconds (below 2^48 - 1)
    function setDebtAuctionDuration(uint256 _duration) public {
        require(_duration < type(uint48).max);
        setValue(flop(), "tau", _duration);
    }

    // flop.pad = 1 + _pct_bps / 10,000 (WAD)
    function setDebtAuctionMKRIncreaseRate(uint256 _pct_bps) public {
        require(_pct_bps < BPS_ONE_HUNDRED_PCT);
        setValue(flop(), "pad", WAD + wdiv(_pct_bps, BPS_ONE_HUNDRED_PCT));
    }

    // dog.Hole = _amount DAI
    function setMaxTotalDAILiquidationAmount(uint256 _amount) public {
        require(_amount < WAD);
        setValue(dog(), "Hole", _amount * RAD);
    }

    // cat.box = _amount DAI (the legacy liquidations)
    function setMaxTotalDAILiquidationAmountLEGACY(uint256 _amount) public {
        require(_amount < WAD);
        setValue(cat(), "box", _amount * RAD);
    }

    // end.wait = _duration seconds
    function setEmergencyShutdownProcessingTime(uint256 _duration) public {
        setValue(end(), "wait", _duration);
    }

    // jug.base = _rate (a per-second RAY between 0 % and 100 % a year)
    function setGlobalStabilityFee(uint256 _rate) public {
        require((_rate >= RAY) && (_rate <= RATES_ONE_HUNDRED_PCT));
        setValue(jug(), "base", _rate);
    }

    // spotter.par = _value / 1,000 (RAY)
    function setDAIReferenceValue(uint256 _value) public {
        require(_value < WAD);
        setValue(spotter(), "par", rdiv(_value, 1000));
    }

    // --- Collateral parameters ---

    // vat.ilks[_ilk].line = _amount DAI
    function setIlkDebtCeiling(bytes32 _ilk, uint256 _amount) public {
        require(_amount < WAD);
        setValue(vat(), _ilk, "line", _amount * RAD);
    }

    // vat.ilks[_ilk].line += _amount DAI (and Line too when `_global`)
    function increaseIlkDebtCeiling(bytes32 _ilk, uint256 _amount, bool _global) public {
        require(_amount < WAD);
        address _vat = vat();
        (,,, uint256 line,) = DssExecLibVatReadLike(_vat).ilks(_ilk);
        setValue(_vat, _ilk, "line", line + _amount * RAD);
        if (_global) { increaseGlobalDebtCeiling(_amount); }
    }

    // vat.ilks[_ilk].line -= _amount DAI (and Line too when `_global`)
    function decreaseIlkDebtCeiling(bytes32 _ilk, uint256 _amount, bool _global) public {
        require(_amount < WAD);
        address _vat = vat();
        (,,, uint256 line,) = DssExecLibVatReadLike(_vat).ilks(_ilk);
        setValue(_vat, _ilk, "line", line - _amount * RAD);
        if (_global) { decreaseGlobalDebtCeiling(_amount); }
    }

    // An RWA ilk's ceiling (DAI) and its MIP21 oracle price (DAI), then a spotter poke
    function setRWAIlkDebtCeiling(bytes32 _ilk, uint256 _ceiling, uint256 _price) public {
        require(_price < WAD);
        setIlkDebtCeiling(_ilk, _ceiling);
        DssExecLibRwaOracleLike(getChangelogAddress("MIP21_LIQUIDATION_ORACLE")).bump(_ilk, _price * WAD);
        updateCollateralPrice(_ilk);
    }

    // autoLine.setIlk(_ilk, line, gap, ttl) with line and gap in whole DAI
    function setIlkAutoLineParameters(bytes32 _ilk, uint256 _amount, uint256 _gap, uint256 _ttl) public {
        require(_amount < WAD);
        require(_gap < WAD);
        DssExecLibAutoLineLike(autoLine()).setIlk(_ilk, _amount * RAD, _gap * RAD, _ttl);
    }

    // The auto-line's maximum for `_ilk` (whole DAI), keeping its gap and ttl (which must be set)
    function setIlkAutoLineDebtCeiling(bytes32 _ilk, uint256 _amount) public {
        address _autoLine = autoLine();
        (, uint256 gap, uint48 ttl,,) = DssExecLibAutoLineLike(_autoLine).ilks(_ilk);
        require(gap != 0 && ttl != 0);
        DssExecLibAutoLineLike(_autoLine).setIlk(_ilk, _amount * RAD, gap, uint256(ttl));
    }

    // autoLine.remIlk(_ilk)
    function removeIlkFromAutoLine(bytes32 _ilk) public {
        DssExecLibAutoLineLike(autoLine()).remIlk(_ilk);
    }

    // vat.ilks[_ilk].dust = _amount DAI (at most dog.ilks[_ilk].hole), then the clipper's upchost()
    function setIlkMinVaultAmount(bytes32 _ilk, uint256 _amount) public {
        require(_amount < WAD);
        (,, uint256 hole,) = DssExecLibDogLike(dog()).ilks(_ilk);
        require(_amount <= hole / RAD);
        setValue(vat(), _ilk, "dust", _amount * RAD);
        _tryUpchost(_ilk);
    }

    // dog.ilks[_ilk].chop = 1 + _pct_bps / 10,000 (WAD), then the clipper's upchost()
    function setIlkLiquidationPenalty(bytes32 _ilk, uint256 _pct_bps) public {
        require(_pct_bps < BPS_ONE_HUNDRED_PCT);
        setValue(dog(), _ilk, "chop", WAD + wdiv(_pct_bps, BPS_ONE_HUNDRED_PCT));
        _tryUpchost(_ilk);
    }

    // The clipper's upchost(), its failure ignored (a flipper has none)
    function _tryUpchost(bytes32 _ilk) internal {
        (bool ok,) = clip(_ilk).call(abi.encodeWithSignature("upchost()"));
        ok;
    }

    // dog.ilks[_ilk].hole = _amount DAI
    function setIlkMaxLiquidationAmount(bytes32 _ilk, uint256 _amount) public {
        require(_amount < WAD);
        setValue(dog(), _ilk, "hole", _amount * RAD);
    }

    // spotter.ilks[_ilk].mat = _pct_bps / 10,000 (RAY), from 100 % up to (not including) 1,000 %
    function setIlkLiquidationRatio(bytes32 _ilk, uint256 _pct_bps) public {
        require(_pct_bps < 10 * BPS_ONE_HUNDRED_PCT);
        require(_pct_bps >= BPS_ONE_HUNDRED_PCT);
        setValue(spotter(), _ilk, "mat", rdiv(_pct_bps, BPS_ONE_HUNDRED_PCT));
    }

    // clip.buf = _pct_bps / 10,000 (RAY), from 100 % up to (not including) 1,000 %
    function setStartingPriceMultiplicativeFactor(bytes32 _ilk, uint256 _pct_bps) public {
        require(_pct_bps < 10 * BPS_ONE_HUNDRED_PCT);
        require(_pct_bps >= BPS_ONE_HUNDRED_PCT);
        setValue(clip(_ilk), "buf", rdiv(_pct_bps, BPS_ONE_HUNDRED_PCT));
    }

    // clip.tail = _duration seconds
    function setAuctionTimeBeforeReset(bytes32 _ilk, uint256 _duration) public {
        setValue(clip(_ilk), "tail", _duration);
    }

    // clip.cusp = _pct_bps / 10,000 (RAY)
    function setAuctionPermittedDrop(bytes32 _ilk, uint256 _pct_bps) public {
        require(_pct_bps < BPS_ONE_HUNDRED_PCT);
        setValue(clip(_ilk), "cusp", rdiv(_pct_bps, BPS_ONE_HUNDRED_PCT));
    }

    // clip.chip = _pct_bps / 10,000 (WAD)
    function setKeeperIncentivePercent(bytes32 _ilk, uint256 _pct_bps) public {
        require(_pct_bps < BPS_ONE_HUNDRED_PCT);
        setValue(clip(_ilk), "chip", wdiv(_pct_bps, BPS_ONE_HUNDRED_PCT));
    }

    // clip.tip = _amount DAI
    function setKeeperIncentiveFlatRate(bytes32 _ilk, uint256 _amount) public {
        require(_amount < WAD);
        setValue(clip(_ilk), "tip", _amount * RAD);
    }

    // clipperMom.setPriceTolerance(_clip, _pct_bps / 10,000 as a RAY)
    function setLiquidationBreakerPriceTolerance(address _clip, uint256 _pct_bps) public {
        require(_pct_bps < BPS_ONE_HUNDRED_PCT);
        DssExecLibMomLike(clipperMom()).setPriceTolerance(_clip, rdiv(_pct_bps, BPS_ONE_HUNDRED_PCT));
    }

    // jug.ilks[_ilk].duty = _rate (a per-second RAY between 0 % and 100 % a year), dripping first if asked
    function setIlkStabilityFee(bytes32 _ilk, uint256 _rate, bool _doDrip) public {
        require((_rate >= RAY) && (_rate <= RATES_ONE_HUNDRED_PCT));
        address _jug = jug();
        if (_doDrip) DssExecLibDripLike(_jug).drip(_ilk);
        setValue(_jug, _ilk, "duty", _rate);
    }

    // --- Price calculators ---

    // LinearDecrease.tau = _duration seconds
    function setLinearDecrease(address _calc, uint256 _duration) public {
        setValue(_calc, "tau", _duration);
    }

    // StairstepExponentialDecrease: cut = _pct_bps / 10,000 (RAY) every _duration seconds
    function setStairstepExponentialDecrease(address _calc, uint256 _duration, uint256 _pct_bps) public {
        require(_pct_bps < BPS_ONE_HUNDRED_PCT);
        setValue(_calc, "cut", rdiv(_pct_bps, BPS_ONE_HUNDRED_PCT));
        setValue(_calc, "step", _duration);
    }

    // ExponentialDecrease.cut = _pct_bps / 10,000 (RAY)
    function setExponentialDecrease(address _calc, uint256 _pct_bps) public {
        require(_pct_bps < BPS_ONE_HUNDRED_PCT);
        setValue(_calc, "cut", rdiv(_pct_bps, BPS_ONE_HUNDRED_PCT));
    }

    // --- Oracles ---

    // Let `_oracle` (an OSM, or an LP oracle with orb0/orb1) read the medians it is fed by
    function whitelistOracleMedians(address _oracle) public {
        (bool ok, bytes memory data) = _oracle.call(abi.encodeWithSignature("orb0()"));
        if (ok) {
            addReaderToWhitelistCall(abi.decode(data, (address)), _oracle);
            addReaderToWhitelistCall(DssExecLibOracleLike(_oracle).orb1(), _oracle);
        } else {
            addReaderToWhitelistCall(DssExecLibOracleLike(_oracle).src(), _oracle);
        }
    }

    // oracle.kiss(reader)
    function addReaderToWhitelist(address _oracle, address _reader) public {
        DssExecLibOracleLike(_oracle).kiss(_reader);
    }

    // oracle.diss(reader)
    function removeReaderFromWhitelist(address _oracle, address _reader) public {
        DssExecLibOracleLike(_oracle).diss(_reader);
    }

    // oracle.kiss(reader) as a low-level call whose failure is ignored
    function addReaderToWhitelistCall(address _oracle, address _reader) public {
        (bool ok,) = _oracle.call(abi.encodeWithSignature("kiss(address)", _reader));
        ok;
    }

    // oracle.diss(reader) as a low-level call whose failure is ignored
    function removeReaderFromWhitelistCall(address _oracle, address _reader) public {
        (bool ok,) = _oracle.call(abi.encodeWithSignature("diss(address)", _reader));
        ok;
    }

    // median.setBar(quorum)
    function setMedianWritersQuorum(address _median, uint256 _minQuorum) public {
        DssExecLibOracleLike(_median).setBar(_minQuorum);
    }

    // osmMom.setOsm(ilk, osm): let the OSM Mom freeze it
    function allowOSMFreeze(address _osm, bytes32 _ilk) public {
        DssExecLibMomLike(osmMom()).setOsm(_ilk, _osm);
    }

    // --- D3M ---

    // d3m.bar = _pct_bps / 10,000 (RAY)
    function setD3MTargetInterestRate(address _d3m, uint256 _pct_bps) public {
        require(_pct_bps < BPS_ONE_HUNDRED_PCT);
        setValue(_d3m, "bar", rdiv(_pct_bps, BPS_ONE_HUNDRED_PCT));
    }

    // --- Collateral onboarding ---

    // Wire a new ilk: check join and clipper, file pip/clip/vow/calc, init Vat and Jug, the auths, the registry
    function addCollateralBase(
        bytes32 _ilk,
        address _gem,
        address _join,
        address _clip,
        address _calc,
        address _pip
    ) public {
        address _vat = vat();
        address _dog = dog();
        address _spotter = spotter();
        require(DssExecLibJoinLike(_join).vat() == _vat);
        require(DssExecLibJoinLike(_join).ilk() == _ilk);
        require(DssExecLibJoinLike(_join).gem() == _gem);
        require(DssExecLibJoinLike(_join).dec() == DssExecLibDecimalsLike(_gem).decimals());
        require(DssExecLibClipLike(_clip).vat() == _vat);
        require(DssExecLibClipLike(_clip).dog() == _dog);
        require(DssExecLibClipLike(_clip).ilk() == _ilk);
        require(DssExecLibClipLike(_clip).spotter() == _spotter);
        setContract(_spotter, _ilk, "pip", _pip);
        setContract(_dog, _ilk, "clip", _clip);
        setContract(_clip, "vow", vow());
        setContract(_clip, "calc", _calc);
        DssExecLibVatReadLike(_vat).init(_ilk);
        DssExecLibDripLike(jug()).init(_ilk);
        authorize(_vat, _join);
        authorize(_vat, _clip);
        authorize(_dog, _clip);
        authorize(_clip, _dog);
        authorize(_clip, end());
        authorize(_clip, esm());
        DssExecLibRegistryLike(reg()).add(_join);
    }

    // Onboard a collateral type with all its risk parameters (whole units and basis points in `co`)
    function addNewCollateral(CollateralOpts memory co) public {
        addCollateralBase(co.ilk, co.gem, co.join, co.clip, co.calc, co.pip);
        address _clipperMom = clipperMom();
        if (!co.isLiquidatable) {
            setValue(co.clip, "stopped", 3);
        } else {
            authorize(co.clip, _clipperMom);
        }
        if (co.isOSM) {
            authorize(co.pip, osmMom());
            if (co.whitelistOSM) {
                whitelistOracleMedians(co.pip);
            }
            addReaderToWhitelist(co.pip, spotter());
            addReaderToWhitelist(co.pip, co.clip);
            addReaderToWhitelist(co.pip, _clipperMom);
            addReaderToWhitelist(co.pip, end());
            allowOSMFreeze(co.pip, co.ilk);
        }
        increaseGlobalDebtCeiling(co.ilkDebtCeiling);
        setIlkDebtCeiling(co.ilk, co.ilkDebtCeiling);
        setIlkMaxLiquidationAmount(co.ilk, co.maxLiquidationAmount);
        setIlkMinVaultAmount(co.ilk, co.minVaultAmount);
        setIlkLiquidationPenalty(co.ilk, co.liquidationPenalty);
        setIlkStabilityFee(co.ilk, co.ilkStabilityFee, true);
        setStartingPriceMultiplicativeFactor(co.ilk, co.startingPriceFactor);
        setAuctionTimeBeforeReset(co.ilk, co.auctionDuration);
        setAuctionPermittedDrop(co.ilk, co.permittedDrop);
        setIlkLiquidationRatio(co.ilk, co.liquidationRatio);
        setLiquidationBreakerPriceTolerance(co.clip, co.breakerTolerance);
        setKeeperIncentiveFlatRate(co.ilk, co.kprFlatReward);
        setKeeperIncentivePercent(co.ilk, co.kprPctReward);
        updateCollateralPrice(co.ilk);
    }

    // --- Payments ---

    // Pay `_amount` whole DAI to `_target` out of the surplus buffer (vat.suck + daiJoin.exit)
    function sendPaymentFromSurplusBuffer(address _target, uint256 _amount) public {
        require(_amount < WAD, "DssExecLib/incorrect-amount"); // whole DAI only
        DssExecLibVatLike(vat()).suck(vow(), address(this), _amount * RAD);
        DssExecLibDaiJoinLike(daiJoin()).exit(_target, _amount * WAD);
    }


    // --- Linear interpolation ---

    // A Lerp (from LERP_FAB) moving target.what from _start to _end over _duration, relied and ticked once
    function linearInterpolation(bytes32 _name, address _target, bytes32 _what, uint256 _startTime, uint256 _start, uint256 _end, uint256 _duration) public returns (address) {
        address lerp = DssExecLibLerpFabLike(lerpFab()).newLerp(_name, _target, _what, _startTime, _start, _end, _duration);
        DssExecLibAuthLike(_target).rely(lerp);
        DssExecLibLerpLike(lerp).tick();
        return lerp;
    }

    // A Lerp moving target.ilk.what from _start to _end over _duration, relied and ticked once
    function linearInterpolation(bytes32 _name, address _target, bytes32 _ilk, bytes32 _what, uint256 _startTime, uint256 _start, uint256 _end, uint256 _duration) public returns (address) {
        address lerp = DssExecLibLerpFabLike(lerpFab()).newIlkLerp(_name, _target, _ilk, _what, _startTime, _start, _end, _duration);
        DssExecLibAuthLike(_target).rely(lerp);
        DssExecLibLerpLike(lerp).tick();
        return lerp;
    }

    // --- Office hours ---

    // Whether a cast is allowed at `_ts` (weekdays 14:00-21:00 UTC when office hours are on)
    function canCast(uint40 _ts, bool _officeHours) public pure returns (bool) {
        if (_officeHours) {
            uint256 day = (uint256(_ts) / 1 days + 3) % 7;
            if (day >= 5) { return false; }                  // Saturday or Sunday
            uint256 hour = uint256(_ts) / 1 hours % 24;
            if (hour < 14 || hour >= 21) { return false; }   // outside 14:00 - 21:00 UTC
        }
        return true;
    }

    // Earliest cast time at or after max(_eta, _ts), honouring office hours when on
    function nextCastTime(uint40 _eta, uint40 _ts, bool _officeHours) public pure returns (uint256 castTime) {
        require(_eta != 0, "DssExecLib/invalid-eta");
        require(_ts  != 0, "DssExecLib/invalid-ts");
        castTime = _ts > _eta ? uint256(_ts) : uint256(_eta);

        if (_officeHours) {
            uint256 day  = (castTime / 1 days + 3) % 7;
            uint256 hour = castTime / 1 hours % 24;

            if (day >= 5) {
                // Weekend: Monday 14:00 UTC
                castTime = castTime - castTime % 1 days + (7 - day) * 1 days + 14 hours;
            } else if (hour >= 21) {
                // After hours: next weekday 14:00 UTC (Friday -> Monday)
                uint256 skip = day == 4 ? 3 : 1;
                castTime = castTime - castTime % 1 days + skip * 1 days + 14 hours;
            } else if (hour < 14) {
                // Before hours: 14:00 UTC the same day
                castTime = castTime - castTime % 1 days + 14 hours;
            }
        }
    }
}
