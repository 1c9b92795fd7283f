// SPDX-License-Identifier: AGPL-3.0-or-later
//
// DssExecLib.sol -- clean-room spell library for the spellgen twin.
//
// Written from the project's protocol notes (shared/spec/maker.md, section 2),
// not from any existing source. Spells link it at 0x8De6DDbCd5053d32292AAA0D2105A32d108484a6;
// its public functions therefore run by DELEGATECALL in the caller's context (in a cast
// spell: the DSPauseProxy), so `address(this)` below is the caller, never the library.
//
// Compiles under solc 0.6.12 and 0.8.x.

pragma solidity >=0.6.12 <0.9.0;

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

library DssExecLib {

    // The ChainLog every address is read from
    address constant public LOG = 0xdA0Ab1e0017DEbCd72Be8599041a2aa3bA7e740F;

    uint256 constant internal WAD      = 10 ** 18;
    uint256 constant internal RAY      = 10 ** 27;
    uint256 constant internal RAD      = 10 ** 45;
    uint256 constant internal THOUSAND = 10 ** 3;
    uint256 constant internal MILLION  = 10 ** 6;

    // --- ChainLog ---

    // Address registered under `_key` in the ChainLog (reverts if missing)
    function getChangelogAddress(bytes32 _key) public view returns (address) {
        return DssExecLibChainlogLike(LOG).getAddress(_key);
    }

    // Register (or overwrite) `_key` => `_val` in the ChainLog
    function setChangelogAddress(bytes32 _key, address _val) public {
        DssExecLibChainlogLike(LOG).setAddress(_key, _val);
    }

    // Remove `_key` from the ChainLog
    function removeChangelogAddress(bytes32 _key) public {
        DssExecLibChainlogLike(LOG).removeAddress(_key);
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

    // --- Parameters ---

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

    // --- Payments ---

    // Pay `_amount` whole DAI to `_target` out of the surplus buffer (vat.suck + daiJoin.exit)
    function sendPaymentFromSurplusBuffer(address _target, uint256 _amount) public {
        require(_amount < WAD, "DssExecLib/incorrect-amount"); // whole DAI only
        DssExecLibVatLike(vat()).suck(vow(), address(this), _amount * RAD);
        DssExecLibDaiJoinLike(daiJoin()).exit(_target, _amount * WAD);
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
