"""The twin is mainnet-shaped: addresses, ChainLog, wards, wiring, balances, awards, time."""
import json

import pytest
from web3 import Web3

from conftest import TWIN_DATE
from spellgen.spellfile import history
from spellgen.spellfile.protocol import DAY, RAD, RAY, TWENTY_YEARS, WAD
from spellgen.spellfile.history import DSS_EXEC_LIB, MAINNET
from spellgen.twin import TwinDateError, start_twin
from spellgen.twin import state as S
from spellgen.twin.cache import manifest_path
from twinkit import b32

KEYS = S.chainlog_keys()


def test_chain_id_and_start_time(kit, twin):
    assert kit.w3.eth.chain_id == 1
    assert twin.timestamp == 1643328000 == kit.now()  # 2022-01-28 00:00:00 UTC
    assert kit.pause.functions.delay().call() == 48 * 3600 == twin.pause_delay


@pytest.mark.parametrize("key", KEYS)
def test_chainlog_answers_the_keys_of_its_date(kit, twin, key):
    """Every contract is placed; the ChainLog names those mainnet had registered at the date."""
    assert len(kit.w3.eth.get_code(MAINNET[key])) > 0
    expected = history.chainlog_at(TWIN_DATE).get(key)
    if expected is None:
        kit.reverts(kit.log.functions.getAddress(b32(key)), "dss-chain-log/invalid-key")
    else:
        assert kit.log.functions.getAddress(b32(key)).call() == expected == twin.addresses[key]


def test_chainlog_lists_exactly_the_keys_of_its_date(kit, twin):
    listed = [k.rstrip(b"\0").decode() for k in kit.log.functions.list().call()]
    assert kit.log.functions.count().call() == len(listed) == len(twin.addresses)
    assert set(listed) == set(twin.addresses) == set(history.chainlog_at(TWIN_DATE)) & set(listed)
    # In January 2022 MCD_VEST_DAI is the first DAI vest, and neither USDS nor MKR's 2025 key exist.
    assert twin.addresses["MCD_VEST_DAI"] == MAINNET["MCD_VEST_DAI_LEGACY"]
    for absent in ("MKR", "USDS", "MCD_VEST_DAI_LEGACY"):
        kit.reverts(kit.log.functions.getAddress(b32(absent)), "dss-chain-log/invalid-key")


def test_exec_lib_sits_at_its_mainnet_address_and_embeds_it(kit):
    code = kit.w3.eth.get_code(DSS_EXEC_LIB)
    assert code[0] == 0x73 and code[1:21] == bytes.fromhex(DSS_EXEC_LIB[2:])  # PUSH20 <self>
    assert kit.lib.functions.LOG().call() == MAINNET["CHANGELOG"]
    assert kit.lib.functions.canCast(1643378400, True).call() is True  # Friday 2022-01-28 14:00 UTC


def test_contracts_keep_their_mainnet_dependencies(kit):
    A = MAINNET
    assert kit.join.functions.vat().call() == A["MCD_VAT"] and kit.join.functions.dai().call() == A["MCD_DAI"]
    assert kit.vow.functions.vat().call() == A["MCD_VAT"]
    assert kit.chief.functions.GOV().call() == A["MCD_GOV"] and kit.chief.functions.IOU().call() == S.CHIEF_IOU
    assert kit.chief.functions.MAX_YAYS().call() == 5
    assert kit.pause.functions.proxy().call() == A["MCD_PAUSE_PROXY"]
    assert kit.proxy.functions.owner().call() == A["MCD_PAUSE"]
    for key in ("MCD_VEST_DAI", "MCD_VEST_DAI_LEGACY"):
        vest = kit.vests[key]
        assert vest.functions.chainlog().call() == A["CHANGELOG"]
        assert vest.functions.vat().call() == A["MCD_VAT"] and vest.functions.join().call() == A["MCD_JOIN_DAI"]
    assert kit.vests["MCD_VEST_MKR"].functions.gem().call() == A["MCD_GOV"]
    treasury = kit.vests["MCD_VEST_MKR_TREASURY"]
    assert treasury.functions.czar().call() == A["MCD_PAUSE_PROXY"] and treasury.functions.gem().call() == A["MCD_GOV"]
    assert kit.mkr.functions.symbol().call() == b32("MKR") and kit.mkr.functions.name().call() == b32("Maker")
    assert kit.mkr.functions.decimals().call() == 18 and kit.dai.functions.symbol().call() == "DAI"


def test_usds_and_sky_contracts_keep_their_mainnet_dependencies(kit):
    A = MAINNET
    assert kit.usds_join.functions.vat().call() == A["MCD_VAT"] and kit.usds_join.functions.dai().call() == A["USDS"]
    assert kit.usds_join.functions.usds().call() == A["USDS"]  # mainnet's UsdsJoin: no wards, no live
    usds_vest = kit.vests["MCD_VEST_USDS"]
    assert usds_vest.functions.chainlog().call() == A["CHANGELOG"] and usds_vest.functions.vat().call() == A["MCD_VAT"]
    assert usds_vest.functions.join().call() == A["USDS_JOIN"]  # the explicit join, not MCD_JOIN_DAI
    sky_vest = kit.vests["MCD_VEST_SKY_TREASURY"]
    assert sky_vest.functions.czar().call() == A["MCD_PAUSE_PROXY"] and sky_vest.functions.gem().call() == A["SKY"]
    assert (kit.usds.functions.symbol().call(), kit.usds.functions.decimals().call()) == ("USDS", 18)
    assert (kit.sky.functions.symbol().call(), kit.sky.functions.decimals().call()) == ("SKY", 18)


def test_governance_holds_the_wards(kit):
    proxy = MAINNET["MCD_PAUSE_PROXY"]
    for c in (kit.log, kit.vat, kit.join, kit.vow, *kit.vests.values()):
        assert c.functions.wards(proxy).call() == 1, c.address
    assert kit.vat.functions.wards(MAINNET["MCD_VEST_DAI"]).call() == 1
    assert kit.vat.functions.wards(MAINNET["MCD_VEST_DAI_LEGACY"]).call() == 1
    assert kit.vat.functions.wards(MAINNET["MCD_VEST_MKR"]).call() == 0
    assert kit.dai.functions.wards(MAINNET["MCD_JOIN_DAI"]).call() == 1
    assert kit.dai.functions.wards(proxy).call() == 0  # as on mainnet: only the join mints DAI
    assert kit.mkr_authority.functions.root().call() == proxy  # may mint MKR, as on mainnet
    assert kit.mkr_authority.functions.wards(MAINNET["MCD_VEST_MKR"]).call() == 1


def test_usds_and_sky_wiring(kit):
    proxy = MAINNET["MCD_PAUSE_PROXY"]
    for c in (kit.sky, kit.vests["MCD_VEST_USDS"], kit.vests["MCD_VEST_SKY_TREASURY"]):
        assert c.functions.wards(proxy).call() == 1, c.address
    assert kit.vat.functions.wards(MAINNET["MCD_VEST_USDS"]).call() == 1  # it sucks from the Vat
    assert kit.vat.functions.wards(MAINNET["MCD_VEST_SKY_TREASURY"]).call() == 0
    assert kit.usds.functions.wards(MAINNET["USDS_JOIN"]).call() == 1
    assert kit.usds.functions.wards(proxy).call() == 1  # as on mainnet: governance rules (and upgrades) USDS
    assert kit.usds.functions.wards(MAINNET["MCD_JOIN_DAI"]).call() == 0
    assert kit.dai.functions.wards(MAINNET["USDS_JOIN"]).call() == 0
    assert kit.sky.functions.wards(MAINNET["MCD_VEST_SKY_TREASURY"]).call() == 0  # it transfers, never mints

def test_no_deployer_or_dev_account_keeps_any_right(kit):
    contracts = (kit.log, kit.vat, kit.dai, kit.join, kit.vow, kit.usds, kit.sky, kit.mkr_authority,
                 *kit.vests.values())
    for who in (S.DEPLOYER, *kit.accounts):
        for c in contracts:
            assert c.functions.wards(who).call() == 0, (who, c.address)
    assert kit.mkr.functions.owner().call() == S.ZERO
    assert kit.mkr.functions.authority().call() == S.MKR_AUTHORITY
    assert kit.iou.functions.owner().call() == MAINNET["MCD_ADM"]
    assert kit.pause.functions.owner().call() == S.ZERO
    assert kit.pause.functions.authority().call() == MAINNET["MCD_ADM"]
    assert kit.w3.eth.get_balance(S.DEPLOYER) == 0
    for account in kit.accounts:  # untouched: a test's first deployment lands where it always does
        assert kit.w3.eth.get_transaction_count(account) == 0


def test_vat_permissions_for_payments(kit):
    join, usds_join = MAINNET["MCD_JOIN_DAI"], MAINNET["USDS_JOIN"]
    for who in ("MCD_PAUSE_PROXY", "MCD_VEST_DAI", "MCD_VEST_DAI_LEGACY"):
        assert kit.vat.functions.can(MAINNET[who], join).call() == 1, who
    for who in ("MCD_PAUSE_PROXY", "MCD_VEST_USDS"):
        assert kit.vat.functions.can(MAINNET[who], usds_join).call() == 1, who
    assert kit.vat.functions.can(MAINNET["MCD_VEST_USDS"], join).call() == 0  # it pays USDS, never DAI
    assert kit.vat.functions.live().call() == 1 and kit.join.functions.live().call() == 1


def claimed(kit, key: str) -> int:
    """What the build paid out on `key`'s seeded awards (those past their cliff were claimed once)."""
    vest = kit.vests[key]
    return sum(vest.functions.rxd(i).call() for i in range(1, vest.functions.ids().call() + 1))


def test_surplus_buffer(kit):
    vow = MAINNET["MCD_VOW"]
    dai_paid = claimed(kit, "MCD_VEST_DAI") + claimed(kit, "MCD_VEST_DAI_LEGACY")
    assert dai_paid > 0  # some seeded DAI awards were already claimed
    assert kit.vat.functions.dai(vow).call() == S.SURPLUS == 80_000_000 * RAD
    assert kit.vat.functions.sin(vow).call() == dai_paid * RAY
    assert kit.vat.functions.vice().call() == dai_paid * RAY
    assert kit.vat.functions.debt().call() == S.SURPLUS + dai_paid * RAY
    assert kit.dai.functions.totalSupply().call() == dai_paid
    assert kit.vat.functions.dai(MAINNET["MCD_JOIN_DAI"]).call() == dai_paid * RAY
    assert kit.vow.functions.hump().call() == 60_000_000 * RAD
    assert claimed(kit, "MCD_VEST_USDS") == 0 == kit.usds.functions.totalSupply().call()  # seeds start in 2024


def test_mkr_treasury_and_its_allowance(kit):
    proxy, treasury = MAINNET["MCD_PAUSE_PROXY"], MAINNET["MCD_VEST_MKR_TREASURY"]
    paid = claimed(kit, "MCD_VEST_MKR_TREASURY")
    seeded = S.seed_awards("MCD_VEST_MKR_TREASURY", 30)
    assert sum(a.tot for a in seeded) == S.treasury_allowance(S.DEFAULT_AWARD_COUNTS) == 5_400 * WAD
    assert kit.mkr.functions.balanceOf(proxy).call() == 84_000 * WAD - paid
    assert kit.mkr.functions.allowance(proxy, treasury).call() == 5_400 * WAD - paid
    minted = claimed(kit, "MCD_VEST_MKR")
    assert kit.mkr.functions.totalSupply().call() == 84_000 * WAD + 100_000 * WAD + minted


def test_sky_treasury_and_its_allowance(kit):
    proxy, vest = MAINNET["MCD_PAUSE_PROXY"], MAINNET["MCD_VEST_SKY_TREASURY"]
    seeded = S.seed_awards("MCD_VEST_SKY_TREASURY", 5)
    assert sum(a.tot for a in seeded) == S.treasury_allowance(S.DEFAULT_AWARD_COUNTS, "MCD_VEST_SKY_TREASURY")
    assert claimed(kit, "MCD_VEST_SKY_TREASURY") == 0  # seeds start in 2024: none was due at the build
    assert kit.sky.functions.balanceOf(proxy).call() == S.SKY_TREASURY == 2_000_000_000 * WAD
    assert kit.sky.functions.totalSupply().call() == S.SKY_TREASURY + S.SKY_CHIEF_LAUNCH_THRESHOLD  # + the chief's launch weight
    assert kit.sky.functions.allowance(proxy, vest).call() == sum(a.tot for a in seeded) == 15_000_000 * WAD


def test_chief_has_a_hat_backed_by_mkr(kit):
    assert kit.chief.functions.hat().call() == S.PREVIOUS_SPELL
    assert kit.chief.functions.approvals(S.PREVIOUS_SPELL).call() == 100_000 * WAD
    assert kit.chief.functions.deposits(S.HAT_VOTER).call() == 100_000 * WAD
    assert kit.iou.functions.balanceOf(S.HAT_VOTER).call() == 100_000 * WAD
    assert kit.mkr.functions.balanceOf(MAINNET["MCD_ADM"]).call() == 100_000 * WAD


@pytest.mark.parametrize("key, count", sorted(S.DEFAULT_AWARD_COUNTS.items()))
def test_vests_already_hold_awards(kit, key, count):
    vest = kit.vests[key]
    assert vest.functions.ids().call() == count
    assert vest.functions.TWENTY_YEARS().call() == TWENTY_YEARS
    for award_id, seed in enumerate(S.seed_awards(key, count), start=1):
        usr, bgn, clf, fin, mgr, res, tot, rxd = vest.functions.awards(award_id).call()
        assert (usr, bgn, clf, fin, mgr, res, tot) == (seed.usr, seed.bgn, seed.clf, seed.fin, seed.mgr, 1, seed.tot)
        assert tot // (fin - bgn) <= S.build_cap(key)  # the cap the build seeded under
        assert rxd == 0 or clf < S.GENESIS  # only awards past their cliff at the build were claimed
    assert vest.functions.usr(count + 1).call() == S.ZERO


def test_seeded_award_19_looks_like_a_live_stream(kit):
    """Spells yank old ids: MCD_VEST_DAI id 19 is a restricted one-year stream running in 2022."""
    vest = kit.vests["MCD_VEST_DAI"]
    bgn, fin = vest.functions.bgn(19).call(), vest.functions.fin(19).call()
    assert fin - bgn == 365 * DAY and bgn < kit.now() < fin
    assert vest.functions.res(19).call() == 1 and vest.functions.valid(19).call()


@pytest.mark.parametrize("key, cap", [
    ("MCD_VEST_DAI", 0),  # the second DAI vest's cap was first set by the 2022-04-29 spell
    ("MCD_VEST_DAI_LEGACY", 1_000_000 * WAD // (30 * DAY)),  # set by the 2021-09-03 spell
    ("MCD_VEST_MKR", 1_100 * WAD // (365 * DAY)),
    ("MCD_VEST_MKR_TREASURY", 1_100 * WAD // (365 * DAY)),
    ("MCD_VEST_USDS", 0),  # first capped by the 2025-01-23 spell: no cap in 2022, as a fresh DssVest
    ("MCD_VEST_SKY_TREASURY", 0),
    ("MCD_VEST_SKY", 0),
    ("MCD_VEST_SPK_TREASURY", 0),
])
def test_vest_caps_in_2022(kit, key, cap):
    assert kit.vests[key].functions.cap().call() == cap


def test_manifest_records_the_figures(twin):
    manifest = json.loads(manifest_path(twin.state_path).read_text())
    assert manifest["award_counts"] == S.DEFAULT_AWARD_COUNTS
    assert manifest["genesis"] == S.GENESIS == 1622505600
    assert manifest["build_end_timestamp"] < S.GENESIS
    assert manifest["chainlog"] == {k: MAINNET[k] for k in KEYS}


def test_a_later_date_gets_that_dates_parameters():
    with start_twin("2023-08-01") as later:
        assert later.timestamp == 1690848000
        assert later.pause_delay == 48 * 3600
        w3 = Web3(Web3.HTTPProvider(later.url))
        cap = int.from_bytes(w3.eth.get_storage_at(MAINNET["MCD_VEST_MKR_TREASURY"], 2), "big")
        assert cap == 2_220 * WAD // (365 * DAY)  # raised in July 2023
    with start_twin("2024-03-01T15:30:00Z", pause_delay=3600) as custom:
        assert custom.timestamp == 1709307000 and custom.rpc.timestamp() == 1709307000
        assert custom.rpc.storage(MAINNET["MCD_PAUSE"], 4) == 3600
    with start_twin("2024-03-01") as before_the_cut:
        assert before_the_cut.pause_delay == 48 * 3600  # the 2024-03-08 spell cut it to 16 hours
    with start_twin("2024-05-01") as default_2024:
        assert default_2024.pause_delay == 30 * 3600  # set by the 2024-04-04 spell


@pytest.mark.parametrize("date", ["2021-05-31", "2021-06-01T00:00:00Z extra", "2022-02-30", "tomorrow"])
def test_bad_or_early_dates_are_refused(date):
    with pytest.raises(TwinDateError):
        start_twin(date)


def test_genesis_day_itself_is_accepted():
    with start_twin("2021-06-01") as first:
        assert first.rpc.timestamp() == S.GENESIS


def test_counts_change_the_cache_key():
    from spellgen.twin.cache import state_key

    assert state_key(S.DEFAULT_AWARD_COUNTS) != state_key({**S.DEFAULT_AWARD_COUNTS, "MCD_VEST_MKR": 11})
    with pytest.raises(ValueError, match="unknown vest"):
        S.normalized_counts({"MCD_VEST_NOPE": 1})
