"""DssVest on the twin behaves as spec section 4 says, to the wei and to the revert string.

Generic behaviour is checked on MCD_VEST_MKR (a DssVestMintable at its mainnet address, with
the PauseProxy as ward, so `kit.as_governance` stands in for a cast spell); each variant's
`pay()` on its own vest. The twin starts at T0 = 2022-01-28 00:00:00 UTC.
"""
import pytest

from spellgen.spellfile.protocol import DAY, RAY, TWENTY_YEARS, WAD
from spellgen.spellfile.history import MAINNET
from spellgen.twin import state as S
from twinkit import ZERO, b32, probe_artifacts

T0 = 1643328000
MKR_CAP = 1_100 * WAD // (365 * DAY)  # 34,880,771,182,141 wei/s


@pytest.fixture
def vest(kit):
    return kit.vests["MCD_VEST_MKR"]


def create(kit, vest, usr, tot, bgn, tau, eta=0, mgr=ZERO, at=None) -> int:
    """A new award, created by governance, which first raises the cap if the rate needs it (as spells do)."""
    if tot // tau > vest.functions.cap().call():
        kit.as_governance(vest.functions.file(b32("cap"), tot // tau))
    receipt = kit.as_governance(vest.functions.create(usr, tot, bgn, tau, eta, mgr), at=at)
    (init,) = kit.events(vest, "Init", receipt)
    assert init["usr"] == usr
    return init["id"]


def award(vest, award_id):
    keys = ("usr", "bgn", "clf", "fin", "mgr", "res", "tot", "rxd")
    return dict(zip(keys, vest.functions.awards(award_id).call()))


# --- create --------------------------------------------------------------------------------


def test_twin_starts_at_t0_with_the_mainnet_cap(kit, vest):
    assert kit.now() == T0
    assert vest.functions.cap().call() == MKR_CAP == 34_880_771_182_141


@pytest.mark.parametrize("bgn, reason", [
    (T0 + TWENTY_YEARS, "DssVest/bgn-too-far"),
    (T0 + TWENTY_YEARS - 1, None),
    (T0 - TWENTY_YEARS, "DssVest/bgn-too-long-ago"),
    (T0 - TWENTY_YEARS + 1, None),
])
def test_create_bgn_boundaries(kit, vest, bgn, reason):
    fn = vest.functions.create(kit.someone, WAD, bgn, 365 * DAY, 0, ZERO)
    if reason:
        kit.reverts(fn, reason, sender=kit.proxy_address)
    else:
        assert fn.call({"from": kit.proxy_address}) == 11  # ids 1..10 exist


@pytest.mark.parametrize("tot, tau, reason", [
    (MKR_CAP * 1000 + 999, 1000, None),  # tot / tau == cap exactly (integer division)
    ((MKR_CAP + 1) * 1000, 1000, "DssVest/rate-too-high"),  # one wei per second above
    (1, 0, "DssVest/tau-zero"),
    (WAD, TWENTY_YEARS, None),
    (WAD, TWENTY_YEARS + 1, "DssVest/tau-too-long"),
])
def test_create_rate_and_tau_limits(kit, vest, tot, tau, reason):
    fn = vest.functions.create(kit.someone, tot, T0, tau, 0, ZERO)
    if reason:
        kit.reverts(fn, reason, sender=kit.proxy_address)
    else:
        assert fn.call({"from": kit.proxy_address}) == 11


@pytest.mark.parametrize("eta, reason", [(1000, None), (1001, "DssVest/eta-too-long")])
def test_create_eta_limit(kit, vest, eta, reason):
    fn = vest.functions.create(kit.someone, 1000, T0, 1000, eta, ZERO)
    if reason:
        kit.reverts(fn, reason, sender=kit.proxy_address)
    else:
        assert fn.call({"from": kit.proxy_address}) == 11


@pytest.mark.parametrize("args, reason", [
    # Each row also breaks every later require, so only the order explains the reason.
    ((ZERO, 0, T0 + TWENTY_YEARS, 0, 1, ZERO), "DssVest/invalid-user"),
    (("USR", 0, T0 + TWENTY_YEARS, 0, 1, ZERO), "DssVest/no-vest-total-amount"),
    (("USR", 1, T0 + TWENTY_YEARS, 0, 1, ZERO), "DssVest/bgn-too-far"),
    (("USR", 1, T0 - TWENTY_YEARS, 0, 1, ZERO), "DssVest/bgn-too-long-ago"),
    (("USR", 10**30, T0, 0, 1, ZERO), "DssVest/tau-zero"),
    (("USR", 10**40, T0, TWENTY_YEARS + 1, TWENTY_YEARS + 2, ZERO), "DssVest/rate-too-high"),
    (("USR", 1, T0, TWENTY_YEARS + 1, TWENTY_YEARS + 2, ZERO), "DssVest/tau-too-long"),
    (("USR", 1, T0, 10, 11, ZERO), "DssVest/eta-too-long"),
])
def test_create_requires_in_spec_order(kit, vest, args, reason):
    args = tuple(kit.someone if a == "USR" else a for a in args)
    kit.reverts(vest.functions.create(*args), reason, sender=kit.proxy_address)


def test_only_wards_create_and_ids_increment(kit, vest):
    kit.reverts(vest.functions.create(kit.someone, WAD, T0, DAY, 0, ZERO), "DssVest/not-authorized",
                sender=kit.stranger)
    first = create(kit, vest, kit.someone, WAD, T0, DAY)
    second = create(kit, vest, kit.stranger, 2 * WAD, T0, DAY)
    assert (first, second) == (11, 12) and vest.functions.ids().call() == 12
    assert award(vest, 12) == {"usr": kit.stranger, "bgn": T0, "clf": T0, "fin": T0 + DAY, "mgr": ZERO,
                               "res": 0, "tot": 2 * WAD, "rxd": 0}


def test_create_stores_durations_as_timestamps(kit, vest):
    award_id = create(kit, vest, kit.someone, 365 * WAD, T0 + 100, 365 * DAY, 30 * DAY, kit.stranger)
    assert award(vest, award_id) == {"usr": kit.someone, "bgn": T0 + 100, "clf": T0 + 100 + 30 * DAY,
                                     "fin": T0 + 100 + 365 * DAY, "mgr": kit.stranger, "res": 0,
                                     "tot": 365 * WAD, "rxd": 0}
    for field, value in award(vest, award_id).items():
        assert getattr(vest.functions, field)(award_id).call() == value


# --- restrict, claim ---------------------------------------------------------------------------


def test_restrict_and_unrestrict_authorisation(kit, vest):
    award_id = create(kit, vest, kit.someone, WAD, T0, DAY)
    for fn_name in ("restrict", "unrestrict"):
        kit.reverts(getattr(vest.functions, fn_name)(award_id), "DssVest/not-authorized", sender=kit.stranger)
        kit.reverts(getattr(vest.functions, fn_name)(999), "DssVest/invalid-award", sender=kit.proxy_address)
    receipt = kit.tx(vest.functions.restrict(award_id), kit.someone)  # the recipient may
    assert kit.events(vest, "Restrict", receipt) == [{"id": award_id}] and vest.functions.res(award_id).call() == 1
    receipt = kit.as_governance(vest.functions.unrestrict(award_id))  # a ward may
    assert kit.events(vest, "Unrestrict", receipt) == [{"id": award_id}] and vest.functions.res(award_id).call() == 0
    kit.as_governance(vest.functions.restrict(award_id))
    kit.tx(vest.functions.unrestrict(award_id), kit.someone)
    assert vest.functions.res(award_id).call() == 0


def test_a_stranger_cannot_claim_a_restricted_award(kit, vest):
    award_id = create(kit, vest, kit.someone, 100 * WAD, T0 - 100, 100)
    kit.as_governance(vest.functions.restrict(award_id))
    kit.reverts(vest.functions.vest(award_id), "DssVest/only-user-can-claim", sender=kit.stranger)
    kit.reverts(vest.functions.vest(award_id, 1), "DssVest/only-user-can-claim", sender=kit.stranger)
    kit.reverts(vest.functions.vest(999), "DssVest/invalid-award", sender=kit.stranger)
    kit.tx(vest.functions.vest(award_id), kit.someone)
    assert kit.mkr.functions.balanceOf(kit.someone).call() == 100 * WAD
    kit.as_governance(vest.functions.unrestrict(award_id))
    kit.tx(vest.functions.vest(award_id), kit.stranger)  # anyone may trigger an unrestricted payment


# --- accrual -------------------------------------------------------------------------------------

TOT = 1_000 * WAD + 7
BGN = T0 + 1_000
TAU = 100_003
ETA = 30_000


@pytest.mark.parametrize("t, accrued, unpaid", [
    (BGN - 1, 0, 0),
    (BGN, 0, 0),
    (BGN + 1, 9_999_700_008_999_730, 0),  # before the cliff: accrues, nothing payable
    (BGN + ETA - 1, 299_981_000_569_982_900_515, 0),
    (BGN + ETA, 299_991_000_269_991_900_245, 299_991_000_269_991_900_245),  # at the cliff
    (BGN + TAU // 2, 499_995_000_149_995_500_138, 499_995_000_149_995_500_138),  # midway
    (BGN + TAU - 1, 999_990_000_299_991_000_276, 999_990_000_299_991_000_276),
    (BGN + TAU, TOT, TOT),  # at fin
    (BGN + TAU + 10 * DAY, TOT, TOT),  # after fin
])
def test_accrued_and_unpaid_exact(kit, vest, t, accrued, unpaid):
    award_id = create(kit, vest, kit.someone, TOT, BGN, TAU, ETA)
    kit.warp(t)
    assert accrued == (0 if t < BGN else min(TOT, TOT * (t - BGN) // TAU))  # the spec's formula
    assert vest.functions.accrued(award_id).call() == accrued
    assert vest.functions.unpaid(award_id).call() == unpaid
    kit.reverts(vest.functions.accrued(999), "DssVest/invalid-award")


def test_vest_with_a_maximum_then_the_rest(kit, vest):
    award_id = create(kit, vest, kit.someone, TOT, BGN, TAU, ETA)
    mid = BGN + TAU // 2
    receipt = kit.tx(vest.functions.vest(award_id, 10 * WAD), kit.someone, at=mid)
    assert kit.events(vest, "Vest", receipt) == [{"id": award_id, "amt": 10 * WAD}]
    assert vest.functions.rxd(award_id).call() == 10 * WAD
    assert kit.mkr.functions.balanceOf(kit.someone).call() == 10 * WAD
    assert vest.functions.unpaid(award_id).call() == 499_995_000_149_995_500_138 - 10 * WAD
    # a maximum above what is unpaid pays only what is unpaid
    kit.tx(vest.functions.vest(award_id, 10**40), kit.someone, at=mid + 1)
    assert vest.functions.rxd(award_id).call() == TOT * (TAU // 2 + 1) // TAU == 500_004_999_850_004_499_868
    kit.tx(vest.functions.vest(award_id), kit.someone, at=BGN + TAU)
    assert kit.mkr.functions.balanceOf(kit.someone).call() == TOT and not vest.functions.valid(award_id).call()
    receipt = kit.tx(vest.functions.vest(award_id), kit.someone, at=BGN + TAU + 1)  # nothing left: pays 0
    assert kit.events(vest, "Vest", receipt) == [{"id": award_id, "amt": 0}]


def test_nothing_is_paid_before_the_cliff(kit, vest):
    award_id = create(kit, vest, kit.someone, TOT, BGN, TAU, ETA)
    kit.tx(vest.functions.vest(award_id), kit.someone, at=BGN + ETA - 1)
    assert vest.functions.rxd(award_id).call() == 0 and kit.mkr.functions.balanceOf(kit.someone).call() == 0
    assert vest.functions.valid(award_id).call()


# --- yank ----------------------------------------------------------------------------------------


def yank_at(kit, vest, award_id, t, end=None, sender=None):
    fn = vest.functions.yank(award_id) if end is None else vest.functions.yank(award_id, end)
    receipt = kit.tx(fn, sender or kit.proxy_address, at=t)
    (event,) = kit.events(vest, "Yank", receipt)
    return event


def test_yank_before_bgn_zeroes_the_award(kit, vest):
    award_id = create(kit, vest, kit.someone, TOT, BGN, TAU, ETA)
    t = BGN - 500
    assert yank_at(kit, vest, award_id, t) == {"id": award_id, "end": t}
    assert award(vest, award_id) == {"usr": kit.someone, "bgn": t, "clf": t, "fin": t, "mgr": ZERO, "res": 0,
                                     "tot": 0, "rxd": 0}


def test_yank_before_the_cliff_keeps_bgn_and_pays_nothing(kit, vest):
    award_id = create(kit, vest, kit.someone, TOT, BGN, TAU, ETA)
    t = BGN + ETA - 1
    yank_at(kit, vest, award_id, t)
    assert award(vest, award_id) == {"usr": kit.someone, "bgn": BGN, "clf": t, "fin": t, "mgr": ZERO, "res": 0,
                                     "tot": 0, "rxd": 0}


def test_yank_after_the_cliff_keeps_what_accrued(kit, vest):
    award_id = create(kit, vest, kit.someone, TOT, BGN, TAU, ETA)
    kit.tx(vest.functions.vest(award_id, 5 * WAD), kit.someone, at=BGN + ETA)
    t = BGN + TAU // 2
    yank_at(kit, vest, award_id, t)
    assert award(vest, award_id) == {"usr": kit.someone, "bgn": BGN, "clf": BGN + ETA, "fin": t, "mgr": ZERO,
                                     "res": 0, "tot": 499_995_000_149_995_500_138, "rxd": 5 * WAD}
    kit.tx(vest.functions.vest(award_id), kit.someone, at=t + DAY)
    assert kit.mkr.functions.balanceOf(kit.someone).call() == 499_995_000_149_995_500_138


def test_yank_after_fin_changes_nothing(kit, vest):
    award_id = create(kit, vest, kit.someone, TOT, BGN, TAU, ETA)
    before = award(vest, award_id)
    t = BGN + TAU + 5
    assert yank_at(kit, vest, award_id, t) == {"id": award_id, "end": t}
    assert award(vest, award_id) == before


def test_yank_with_a_planned_end(kit, vest):
    award_id = create(kit, vest, kit.someone, TOT, BGN, TAU, ETA, mgr=kit.stranger)
    end = BGN + 60_000
    # the manager may yank, at a planned end in the future
    assert yank_at(kit, vest, award_id, BGN + 40_000, end=end, sender=kit.stranger) == {"id": award_id, "end": end}
    expected_tot = TOT * 60_000 // TAU
    assert expected_tot == 599_982_000_539_983_800_490
    assert award(vest, award_id)["fin"] == end and award(vest, award_id)["tot"] == expected_tot
    kit.tx(vest.functions.vest(award_id), kit.someone, at=end)
    assert kit.mkr.functions.balanceOf(kit.someone).call() == expected_tot


def test_yank_with_an_end_in_the_past_means_now(kit, vest):
    award_id = create(kit, vest, kit.someone, TOT, BGN, TAU, ETA)
    t = BGN + 70_000
    assert yank_at(kit, vest, award_id, t, end=1) == {"id": award_id, "end": t}
    assert award(vest, award_id)["fin"] == t and award(vest, award_id)["tot"] == 699_979_000_629_981_100_571


def test_yank_authorisation(kit, vest):
    award_id = create(kit, vest, kit.someone, TOT, BGN, TAU, ETA, mgr=kit.voter)
    kit.reverts(vest.functions.yank(award_id), "DssVest/not-authorized", sender=kit.stranger)
    kit.reverts(vest.functions.yank(award_id), "DssVest/not-authorized", sender=kit.someone)  # not the usr
    kit.reverts(vest.functions.yank(999), "DssVest/invalid-award", sender=kit.proxy_address)
    assert vest.functions.yank(award_id).call({"from": kit.voter}) == []  # the manager may


# --- move, file, auth ---------------------------------------------------------------------------


def test_move(kit, vest):
    award_id = create(kit, vest, kit.someone, 100 * WAD, T0 - 100, 100)
    kit.as_governance(vest.functions.restrict(award_id))
    kit.reverts(vest.functions.move(award_id, kit.stranger), "DssVest/only-user-can-move", sender=kit.stranger)
    kit.reverts(vest.functions.move(award_id, kit.stranger), "DssVest/only-user-can-move", sender=kit.proxy_address)
    kit.reverts(vest.functions.move(award_id, ZERO), "DssVest/zero-address-invalid", sender=kit.someone)
    receipt = kit.tx(vest.functions.move(award_id, kit.stranger), kit.someone)
    assert kit.events(vest, "Move", receipt) == [{"id": award_id, "dst": kit.stranger}]
    assert vest.functions.usr(award_id).call() == kit.stranger
    kit.reverts(vest.functions.vest(award_id), "DssVest/only-user-can-claim", sender=kit.someone)
    kit.tx(vest.functions.vest(award_id), kit.stranger)
    assert kit.mkr.functions.balanceOf(kit.stranger).call() == 100 * WAD


def test_file_cap(kit, vest):
    receipt = kit.as_governance(vest.functions.file(b32("cap"), 12345))
    assert kit.events(vest, "File", receipt) == [{"what": b32("cap"), "data": 12345}]
    assert vest.functions.cap().call() == 12345
    kit.reverts(vest.functions.file(b32("cap"), 1), "DssVest/not-authorized", sender=kit.stranger)
    kit.reverts(vest.functions.file(b32("tau"), 1), "DssVest/file-unrecognized-param", sender=kit.proxy_address)


def test_rely_and_deny_are_auth(kit, vest):
    kit.reverts(vest.functions.rely(kit.stranger), "DssVest/not-authorized", sender=kit.stranger)
    kit.reverts(vest.functions.deny(kit.proxy_address), "DssVest/not-authorized", sender=kit.stranger)
    kit.as_governance(vest.functions.rely(kit.stranger))
    assert vest.functions.wards(kit.stranger).call() == 1
    kit.tx(vest.functions.deny(kit.stranger), kit.stranger)
    assert vest.functions.wards(kit.stranger).call() == 0


# --- re-entrancy lock ------------------------------------------------------------------------------

REENTRY_ATTEMPTS = 11  # vest x2, create, yank x2, move, restrict, unrestrict, file, rely, deny


@pytest.fixture
def hostile(kit):
    return kit.deploy(probe_artifacts()["ReentrantGem"])


@pytest.mark.parametrize("variant", ["DssVestMintable", "DssVestTransferrable"])
def test_every_state_changing_function_is_locked_during_pay(kit, hostile, variant):
    args = (hostile.address,) if variant == "DssVestMintable" else (kit.accounts[0], hostile.address)
    vest = kit.deploy(kit.art[variant], *args)  # the deployer is its ward
    kit.tx(vest.functions.rely(hostile.address))  # so auth passes and only the lock can stop it
    kit.tx(vest.functions.file(b32("cap"), 10**30))
    kit.tx(vest.functions.create(hostile.address, WAD, T0 - 10, 10, 0, ZERO))
    kit.tx(hostile.functions.aim(vest.address, 1, False))
    kit.tx(vest.functions.vest(1), kit.stranger)
    reasons = [hostile.functions.reasons(i).call() for i in range(hostile.functions.count().call())]
    # As on mainnet, rely and deny are not behind the lock (they are the last two attempts): the
    # hostile gem is a ward here, so they succeed; everything else is locked.
    assert reasons == ["DssVest/system-locked"] * (REENTRY_ATTEMPTS - 2) + ["ok", "ok"]
    assert vest.functions.rxd(1).call() == WAD and vest.functions.ids().call() == 1


def test_an_uncaught_reentry_reverts_the_payment(kit, hostile):
    vest = kit.deploy(kit.art["DssVestMintable"], hostile.address)
    kit.tx(vest.functions.file(b32("cap"), 10**30))
    kit.tx(vest.functions.create(kit.someone, WAD, T0 - 10, 10, 0, ZERO))
    kit.tx(hostile.functions.aim(vest.address, 1, True))
    kit.reverts(vest.functions.vest(1), "DssVest/system-locked", sender=kit.stranger)


# --- pay() of each variant ----------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["MCD_VEST_DAI", "MCD_VEST_DAI_LEGACY"])
def test_suckable_pays_from_the_surplus_buffer(kit, key):
    vest = kit.vests[key]
    vow, join = MAINNET["MCD_VOW"], MAINNET["MCD_JOIN_DAI"]
    amount = 1_234_567 * WAD + 89
    award_id = create(kit, vest, kit.someone, amount, T0 - 100, 100)
    sin, debt, join_dai = (kit.vat.functions.sin(vow).call(), kit.vat.functions.debt().call(),
                           kit.vat.functions.dai(join).call())
    receipt = kit.tx(vest.functions.vest(award_id), kit.stranger)
    assert kit.events(vest, "Vest", receipt) == [{"id": award_id, "amt": amount}]
    assert kit.vat.functions.sin(vow).call() - sin == amount * RAY
    assert kit.vat.functions.debt().call() - debt == amount * RAY
    assert kit.vat.functions.dai(join).call() - join_dai == amount * RAY
    assert kit.vat.functions.dai(vest.address).call() == 0
    assert kit.dai.functions.balanceOf(kit.someone).call() == amount


@pytest.mark.parametrize("key", ["MCD_VEST_DAI", "MCD_VEST_DAI_LEGACY"])
def test_suckable_fails_when_the_vat_is_caged(kit, key):
    vest = kit.vests[key]
    award_id = create(kit, vest, kit.someone, WAD, T0 - 100, 100)
    kit.as_governance(kit.vat.functions.cage())
    assert kit.vat.functions.live().call() == 0
    kit.reverts(vest.functions.vest(award_id), "DssVestSuckable/vat-not-live", sender=kit.someone)


def test_mintable_mints_mkr(kit, vest):
    supply = kit.mkr.functions.totalSupply().call()
    award_id = create(kit, vest, kit.someone, 250 * WAD, T0 - 100, 100)
    kit.tx(vest.functions.vest(award_id), kit.someone)
    assert kit.mkr.functions.balanceOf(kit.someone).call() == 250 * WAD
    assert kit.mkr.functions.totalSupply().call() - supply == 250 * WAD


def test_transferrable_pays_from_the_treasury_and_spends_the_allowance(kit):
    vest = kit.vests["MCD_VEST_MKR_TREASURY"]
    proxy = kit.proxy_address
    balance, allowance = kit.mkr.functions.balanceOf(proxy).call(), kit.mkr.functions.allowance(proxy, vest.address).call()
    award_id = create(kit, vest, kit.someone, 257_31 * WAD // 100, T0 - 100, 100)
    kit.tx(vest.functions.vest(award_id), kit.someone)
    assert kit.mkr.functions.balanceOf(kit.someone).call() == 257_310_000_000_000_000_000
    assert balance - kit.mkr.functions.balanceOf(proxy).call() == 257_310_000_000_000_000_000
    assert allowance - kit.mkr.functions.allowance(proxy, vest.address).call() == 257_310_000_000_000_000_000


def test_transferrable_fails_without_allowance(kit):
    vest = kit.vests["MCD_VEST_MKR_TREASURY"]
    award_id = create(kit, vest, kit.someone, WAD, T0 - 100, 100)
    kit.as_governance(kit.mkr.functions.approve(vest.address, 0))
    # MKR (the ds-token of 2017) reverts itself without a reason, as on a mainnet fork.
    kit.reverts(vest.functions.vest(award_id), "", sender=kit.someone)


def test_transferrable_fails_when_the_gem_reports_failure(kit):
    false_gem = kit.deploy(probe_artifacts()["FalseGem"])
    vest = kit.deploy(kit.art["DssVestTransferrable"], kit.proxy_address, false_gem.address)
    kit.tx(vest.functions.file(b32("cap"), 10**30))
    kit.tx(vest.functions.create(kit.someone, WAD, T0 - 10, 10, 0, ZERO))
    kit.reverts(vest.functions.vest(1), "DssVestTransferrable/failed-transfer", sender=kit.someone)


# --- the seeded awards behave like real ones -------------------------------------------------------


def test_a_spell_style_yank_of_a_seeded_award(kit):
    """`VestAbstract(MCD_VEST_DAI).yank(19)` as a spell would run it: fin becomes the cast time."""
    from spellgen.twin.state import seed_awards

    vest = kit.vests["MCD_VEST_DAI"]
    seed = seed_awards("MCD_VEST_DAI", 40)[18]  # id 19
    assert (vest.functions.usr(19).call(), vest.functions.fin(19).call()) == (seed.usr, seed.fin)
    cast_time = T0 + 14 * 3600
    yank_at(kit, vest, 19, cast_time)
    assert vest.functions.fin(19).call() == cast_time
    assert vest.functions.tot(19).call() == seed.tot * (cast_time - seed.bgn) // seed.tau
    kit.tx(vest.functions.vest(19), seed.usr, at=cast_time + DAY)  # restricted: its recipient claims
    assert kit.dai.functions.balanceOf(seed.usr).call() == vest.functions.tot(19).call()


# --- the 2025-era vests: USDS through USDS_JOIN, SKY from the PauseProxy -----------------------------


def test_usds_suckable_pays_usds_from_the_surplus_buffer(kit):
    vest = kit.vests["MCD_VEST_USDS"]
    vow, usds_join, dai_join = MAINNET["MCD_VOW"], MAINNET["USDS_JOIN"], MAINNET["MCD_JOIN_DAI"]
    amount = 46_199 * WAD + 7  # under the cap of 46,200 USDS per 30 days when paid over 30 days
    award_id = create(kit, vest, kit.someone, amount, T0 - 30 * DAY, 30 * DAY)
    assert award_id == 6  # five seeded awards: ids do not start at 1
    sin, supply = kit.vat.functions.sin(vow).call(), kit.usds.functions.totalSupply().call()
    joined, dai_joined = kit.vat.functions.dai(usds_join).call(), kit.vat.functions.dai(dai_join).call()
    receipt = kit.tx(vest.functions.vest(award_id), kit.stranger)
    assert kit.events(vest, "Vest", receipt) == [{"id": award_id, "amt": amount}]
    assert kit.vat.functions.sin(vow).call() - sin == amount * RAY
    assert kit.vat.functions.dai(usds_join).call() - joined == amount * RAY
    assert kit.vat.functions.dai(dai_join).call() == dai_joined  # nothing went through the DAI join
    assert kit.vat.functions.dai(vest.address).call() == 0
    assert kit.usds.functions.balanceOf(kit.someone).call() == amount
    assert kit.usds.functions.totalSupply().call() - supply == amount
    assert kit.dai.functions.balanceOf(kit.someone).call() == 0


def test_usds_vest_cap_is_46_200_usds_per_30_days(kit):
    vest = kit.vests["MCD_VEST_USDS"]
    assert vest.functions.cap().call() == 0  # in January 2022 governance had not set it yet
    kit.as_governance(vest.functions.file(b"cap".ljust(32, b"\0"), S.vest_cap("MCD_VEST_USDS", "2025-02-01")))
    assert vest.functions.cap().call() == 46_200 * WAD // (30 * DAY)  # as set by the 2025-01-23 spell
    kit.reverts(vest.functions.create(kit.someone, 46_300 * WAD, T0, 30 * DAY, 0, ZERO), "DssVest/rate-too-high",
                sender=kit.proxy_address)


def test_sky_transferrable_pays_from_the_treasury_and_spends_the_allowance(kit):
    vest = kit.vests["MCD_VEST_SKY_TREASURY"]
    proxy, amount = kit.proxy_address, 6_175_440 * WAD  # 257.31 MKR's worth at 24,000 SKY per MKR
    balance, allowance = kit.sky.functions.balanceOf(proxy).call(), kit.sky.functions.allowance(proxy, vest.address).call()
    award_id = create(kit, vest, kit.someone, amount, T0 - 100, 100)
    assert award_id == 6
    kit.tx(vest.functions.vest(award_id), kit.someone)
    assert kit.sky.functions.balanceOf(kit.someone).call() == amount
    assert balance - kit.sky.functions.balanceOf(proxy).call() == amount
    assert allowance - kit.sky.functions.allowance(proxy, vest.address).call() == amount
    assert kit.mkr.functions.balanceOf(kit.someone).call() == 0


def test_sky_transferrable_fails_without_allowance(kit):
    vest = kit.vests["MCD_VEST_SKY_TREASURY"]
    award_id = create(kit, vest, kit.someone, WAD, T0 - 100, 100)
    kit.as_governance(kit.sky.functions.approve(vest.address, 0))
    kit.reverts(vest.functions.vest(award_id), "Sky/insufficient-allowance", sender=kit.someone)
