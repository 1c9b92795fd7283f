"""Issue 12 on the twin: DaiUsds and MkrSky convert as mainnet's do, SPK and the two new vests are
wired as on mainnet, and extra chainlog keys a spell declares are registered at start."""
import pytest

from spellgen.spellfile.protocol import MKR_SKY_RATE, RAY, WAD
from spellgen.spellfile.history import MAINNET
from spellgen.twin import start_twin
from spellgen.twin import state as S
from spellgen.twin.start import TwinKeyError

from tests.twin.twinkit import b32


def test_dai_usds_converts_one_to_one_through_both_joins(kit):
    conv = kit.at("DaiUsds", MAINNET["DAI_USDS"])
    assert conv.functions.daiJoin().call() == MAINNET["MCD_JOIN_DAI"]
    assert conv.functions.usdsJoin().call() == MAINNET["USDS_JOIN"]
    assert kit.vat.functions.can(conv.address, MAINNET["USDS_JOIN"]).call() == 1
    holder = kit.someone
    # DAI for the holder, minted the way a payment is: Vat dai to the PauseProxy, exited through the join
    kit.as_governance(kit.vat.functions.suck(MAINNET["MCD_VOW"], kit.proxy_address, 250 * WAD * RAY))
    kit.as_governance(kit.join.functions.exit(holder, 250 * WAD))
    assert kit.dai.functions.balanceOf(holder).call() == 250 * WAD
    kit.reverts(conv.functions.daiToUsds(holder, 100 * WAD), "Dai/insufficient-allowance", holder)
    kit.tx(kit.dai.functions.approve(conv.address, 100 * WAD), holder)
    before = (kit.usds.functions.totalSupply().call(), kit.dai.functions.totalSupply().call())
    receipt = kit.tx(conv.functions.daiToUsds(kit.stranger, 100 * WAD), holder)
    assert kit.usds.functions.balanceOf(kit.stranger).call() == 100 * WAD
    assert kit.dai.functions.balanceOf(holder).call() == 150 * WAD
    assert kit.usds.functions.totalSupply().call() == before[0] + 100 * WAD
    assert kit.dai.functions.totalSupply().call() == before[1] - 100 * WAD
    assert kit.events(conv, "DaiToUsds", receipt) == [{"caller": holder, "usr": kit.stranger, "wad": 100 * WAD}]
    # and back
    kit.tx(kit.usds.functions.approve(conv.address, 40 * WAD), kit.stranger)
    kit.tx(conv.functions.usdsToDai(holder, 40 * WAD), kit.stranger)
    assert kit.dai.functions.balanceOf(holder).call() == 190 * WAD
    assert kit.vat.functions.dai(conv.address).call() == 0  # nothing is left behind in the converter


def test_mkr_sky_burns_mkr_and_mints_sky_at_the_rate(kit):
    conv = kit.at("MkrSky", MAINNET["MKR_SKY"])
    assert conv.functions.rate().call() == MKR_SKY_RATE == 24_000
    assert kit.sky.functions.wards(conv.address).call() == 1
    proxy = kit.proxy_address
    mkr_before, sky_before = kit.mkr.functions.balanceOf(proxy).call(), kit.sky.functions.balanceOf(proxy).call()
    kit.reverts(conv.functions.mkrToSky(proxy, 2 * WAD), "", proxy)  # mainnet's MKR: no reason string
    kit.as_governance(kit.mkr.functions.approve(conv.address, 2 * WAD))
    receipt = kit.as_governance(conv.functions.mkrToSky(kit.someone, 2 * WAD))
    assert kit.mkr.functions.balanceOf(proxy).call() == mkr_before - 2 * WAD
    assert kit.sky.functions.balanceOf(kit.someone).call() == 48_000 * WAD
    assert kit.sky.functions.balanceOf(proxy).call() == sky_before
    assert kit.events(conv, "MkrToSky", receipt) == [
        {"caller": proxy, "usr": kit.someone, "mkrAmt": 2 * WAD, "skyAmt": 48_000 * WAD}]
    kit.tx(kit.sky.functions.approve(conv.address, 24_000 * WAD), kit.someone)
    kit.tx(conv.functions.skyToMkr(kit.stranger, 24_000 * WAD), kit.someone)
    assert kit.mkr.functions.balanceOf(kit.stranger).call() == WAD


def test_spk_and_the_new_vests_are_wired_as_on_mainnet(kit):
    spk = kit.at("Spk", MAINNET["SPK"])
    proxy = kit.proxy_address
    assert spk.functions.symbol().call() == "SPK" and spk.functions.balanceOf(proxy).call() == S.SPK_TREASURY
    spk_vest = kit.vests["MCD_VEST_SPK_TREASURY"]
    assert spk_vest.functions.gem().call() == MAINNET["SPK"] and spk_vest.functions.czar().call() == proxy
    assert spk.functions.allowance(proxy, spk_vest.address).call() == \
        S.treasury_allowance(S.DEFAULT_AWARD_COUNTS, "MCD_VEST_SPK_TREASURY")
    sky_vest = kit.vests["MCD_VEST_SKY"]
    assert sky_vest.functions.gem().call() == MAINNET["SKY"]
    assert kit.sky.functions.wards(sky_vest.address).call() == 1  # mintable: the vest mints SKY
    for key in ("MCD_VEST_SKY", "MCD_VEST_SPK_TREASURY", "DAI_USDS", "MKR_SKY", "SPK"):
        # Placed at their addresses; in the ChainLog only from the spells that registered them.
        assert len(kit.w3.eth.get_code(MAINNET[key])) > 0
        kit.reverts(kit.log.functions.getAddress(b32(key)), "dss-chain-log/invalid-key")
    kit.reverts(spk.functions.mint(kit.someone, 1), "Spk/not-authorized", kit.someone)


def test_extra_chainlog_keys_are_registered_at_start():
    """The seam for keys a spell registers itself: a key the date lacks is added; a key the date has
    keeps the date's address (the same address is no change, another is refused)."""
    keys = {"AMATSU_SUBPROXY": "0xF33B14329e7115dD0B40DBb2985E1A0Df10E3fAa",  # registered on 2026-03-26
            "MCD_VEST_DAI": MAINNET["MCD_VEST_DAI"]}  # a key of the twin's own, same address: no change
    with start_twin("2026-02-26", extra_keys=keys) as twin:
        from spellgen.chain.client import Chain

        chain = Chain(twin.url)
        getter = "getAddress(bytes32)(address)"
        assert chain.call(MAINNET["CHANGELOG"], getter, b32("AMATSU_SUBPROXY")) == keys["AMATSU_SUBPROXY"]
        assert chain.call(MAINNET["CHANGELOG"], "count()(uint256)") == len(twin.addresses) + 1
        assert twin.rpc.timestamp() == 1772064000  # the date is still the start's: 2026-02-26 00:00 UTC
    with pytest.raises(TwinKeyError, match="holds 0xa4c2.* under MCD_VEST_DAI"):
        start_twin("2026-02-26", extra_keys={"MCD_VEST_DAI": "0x3300f198988e4C9C63F75dF86De36421f06af8c4"})
    with pytest.raises(TwinKeyError, match="holds 0x3300f198988e4C9C63F75dF86De36421f06af8c4 under SPARK_SUBPROXY "
                                           "at 2026-02-26, not 0x1369f7b2b38c76B6478c0f0E66D94923421891Ba"):
        start_twin("2026-02-26", extra_keys={"SPARK_SUBPROXY": "0x1369f7b2b38c76B6478c0f0E66D94923421891Ba"})
