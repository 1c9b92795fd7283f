// SPDX-License-Identifier: AGPL-3.0-or-later
//
// MCD.sol -- clean-room subset of dss-test's MCD library, at the import path spells use
// (`dss-test/MCD.sol`): the DssInstance a spell and its dependencies pass around, loaded from the
// ChainLog. Only what executive spells call is here; the test-only helpers (god mode, users,
// collateral set-up for tests) are not, so a spell that calls them fails to compile, clearly.

pragma solidity >=0.6.12 <0.9.0;

import "../dss-interfaces/Interfaces.sol"; // relative, so that Brownie, which compiles contracts/, finds it too

// The core contracts, each read from the ChainLog (address(0) when the key is missing)
struct DssInstance {
    ChainlogAbstract chainlog;
    VatAbstract vat;
    DaiJoinAbstract daiJoin;
    DaiAbstract dai;
    VowAbstract vow;
    DogAbstract dog;
    PotAbstract pot;
    JugAbstract jug;
    SpotAbstract spotter;
    EndAbstract end;
    CureAbstract cure;
    FlapAbstract flap;
    FlopAbstract flop;
    ESMAbstract esm;
}

// One collateral type's contracts
struct DssIlkInstance {
    DSTokenAbstract gem;
    OsmAbstract pip;
    GemJoinAbstract join;
    ClipAbstract clip;
}

library MCD {

    // The ChainLog's address for `key`, or address(0) when it has none
    function getAddressOrNull(DssInstance memory dss, bytes32 key) internal view returns (address) {
        try dss.chainlog.getAddress(key) returns (address found) {
            return found;
        } catch {
            return address(0);
        }
    }

    // The core contracts of the ChainLog at `chainlog`
    function loadFromChainlog(address chainlog) internal view returns (DssInstance memory dss) {
        return loadFromChainlog(ChainlogAbstract(chainlog));
    }

    // The core contracts of `chainlog`, by their ChainLog keys
    function loadFromChainlog(ChainlogAbstract chainlog) internal view returns (DssInstance memory dss) {
        dss.chainlog = chainlog;
        dss.vat     = VatAbstract(getAddressOrNull(dss, "MCD_VAT"));
        dss.daiJoin = DaiJoinAbstract(getAddressOrNull(dss, "MCD_JOIN_DAI"));
        dss.dai     = DaiAbstract(getAddressOrNull(dss, "MCD_DAI"));
        dss.vow     = VowAbstract(getAddressOrNull(dss, "MCD_VOW"));
        dss.dog     = DogAbstract(getAddressOrNull(dss, "MCD_DOG"));
        dss.pot     = PotAbstract(getAddressOrNull(dss, "MCD_POT"));
        dss.jug     = JugAbstract(getAddressOrNull(dss, "MCD_JUG"));
        dss.spotter = SpotAbstract(getAddressOrNull(dss, "MCD_SPOT"));
        dss.end     = EndAbstract(getAddressOrNull(dss, "MCD_END"));
        dss.cure    = CureAbstract(getAddressOrNull(dss, "MCD_CURE"));
        dss.flap    = FlapAbstract(getAddressOrNull(dss, "MCD_FLAP"));
        dss.flop    = FlopAbstract(getAddressOrNull(dss, "MCD_FLOP"));
        dss.esm     = ESMAbstract(getAddressOrNull(dss, "MCD_ESM"));
    }

    // A string's first 32 bytes as a bytes32 (left-aligned, zero-padded)
    function _key(bytes memory text) private pure returns (bytes32 out) {
        for (uint256 i = 0; i < text.length && i < 32; i++) {
            out |= bytes32(text[i]) >> (i * 8);
        }
    }

    // A collateral type's token, PIP_<GEM>, MCD_JOIN_<GEM>_<VARIANT> and MCD_CLIP_<GEM>_<VARIANT>
    function getIlk(DssInstance memory dss, string memory gem, string memory variant) internal view returns (DssIlkInstance memory) {
        return DssIlkInstance(
            DSTokenAbstract(getAddressOrNull(dss, _key(bytes(gem)))),
            OsmAbstract(getAddressOrNull(dss, _key(abi.encodePacked("PIP_", gem)))),
            GemJoinAbstract(getAddressOrNull(dss, _key(abi.encodePacked("MCD_JOIN_", gem, "_", variant)))),
            ClipAbstract(getAddressOrNull(dss, _key(abi.encodePacked("MCD_CLIP_", gem, "_", variant))))
        );
    }
}
