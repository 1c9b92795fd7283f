"""Governance on the twin: the chief's hat, DSPause's plan rules, DssExec, DssAction office hours.

The spell used here (tests/twin/contracts/TestSpell.sol) is a minimal DssExec whose action sets
the ChainLog version; office hours and lifetime are constructor arguments. Time starts at
T0 = Friday 2022-01-28 00:00:00 UTC with a 48-hour delay.
"""
import pytest
from web3 import Web3

from spellgen.compiler.compile import compile_spell
from spellgen.twin import state as S
from spellgen.twin.artifacts import Artifact
from twinkit import HERE

T0 = 1643328000  # Friday 2022-01-28 00:00:00 UTC
DELAY = 48 * 3600
HOUR, DAY = 3600, 86400
FRI_2100 = T0 + 21 * HOUR
MON = T0 + 3 * DAY  # Monday 2022-01-31
MON_1400 = MON + 14 * HOUR  # 1643637600
EXECUTE = Web3.keccak(text="execute()")[:4]


@pytest.fixture(scope="session")
def spell_artifacts():
    compiled = compile_spell((HERE / "contracts" / "TestSpell.sol").read_text(), "0.8.16")
    return {c.name: Artifact(c.name, c.abi, c.bytecode, c.deployed) for c in (compiled.spell, compiled.action)}


@pytest.fixture
def make_spell(kit, spell_artifacts):
    def make(office_hours: bool = False, lifetime: int = 30 * DAY, at: int | None = None):
        spell = kit.deploy(spell_artifacts["DssSpell"], office_hours, lifetime, at=at)
        action = kit.at("DssSpellAction", spell.functions.action().call(), spell_artifacts)
        return spell, action
    return make


def codehash(kit, address):
    return Web3.keccak(kit.w3.eth.get_code(address))


# --- DSChief and DSPause ----------------------------------------------------------------------------


def test_only_the_hat_can_plot(kit, make_spell):
    _, action = make_spell()
    plan = (action.address, codehash(kit, action.address), EXECUTE, T0 + DELAY)
    kit.reverts(kit.pause.functions.plot(*plan), "ds-auth-unauthorized", sender=kit.stranger)
    assert kit.pause.functions.plot(*plan).call({"from": S.PREVIOUS_SPELL}) == []  # the current hat may
    kit.vote_in(kit.stranger)  # any address can be elected; now the old hat is not the hat
    assert kit.chief.functions.hat().call() == kit.stranger
    kit.reverts(kit.pause.functions.plot(*plan), "ds-auth-unauthorized", sender=S.PREVIOUS_SPELL)
    assert kit.pause.functions.plot(*plan).call({"from": kit.stranger}) == []


def test_lift_needs_more_approval_than_the_hat(kit):
    kit.give_mkr(kit.voter, 100_000 * 10**18)  # exactly the hat's approval: not enough
    kit.tx(kit.mkr.functions.approve(kit.chief.address, 2**256 - 1), kit.voter)
    kit.tx(kit.chief.functions.lock(100_000 * 10**18), kit.voter)
    kit.tx(kit.chief.functions.vote([kit.someone]), kit.voter)
    kit.reverts(kit.chief.functions.lift(kit.someone), "")  # mainnet's chief gives no reason


def test_plot_must_respect_the_delay(kit, make_spell):
    _, action = make_spell()
    tag = codehash(kit, action.address)
    kit.reverts(kit.pause.functions.plot(action.address, tag, EXECUTE, T0 + DELAY - 1), "ds-pause-delay-not-respected",
                sender=S.PREVIOUS_SPELL)
    assert kit.pause.functions.plot(action.address, tag, EXECUTE, T0 + DELAY).call({"from": S.PREVIOUS_SPELL}) == []


def test_exec_rules(kit, make_spell):
    _, action = make_spell()
    hat = S.PREVIOUS_SPELL
    tag = codehash(kit, action.address)
    eta = T0 + 10 + DELAY
    kit.tx(kit.pause.functions.plot(action.address, tag, EXECUTE, eta), hat, at=T0 + 10)
    wrong = b"\x11" * 32
    kit.tx(kit.pause.functions.plot(action.address, wrong, EXECUTE, eta), hat, at=T0 + 10)
    kit.warp(eta - 1)
    kit.reverts(kit.pause.functions.exec(action.address, tag, EXECUTE, eta), "ds-pause-premature-exec")
    kit.warp(eta)
    kit.reverts(kit.pause.functions.exec(action.address, tag, EXECUTE, eta + 1), "ds-pause-unplotted-plan")
    kit.reverts(kit.pause.functions.exec(action.address, wrong, EXECUTE, eta), "ds-pause-wrong-codehash")
    kit.tx(kit.pause.functions.exec(action.address, tag, EXECUTE, eta), kit.stranger, at=eta)  # anyone may exec
    assert kit.log.functions.version().call() == "twin-test"
    kit.reverts(kit.pause.functions.exec(action.address, tag, EXECUTE, eta), "ds-pause-unplotted-plan")


def test_a_dropped_plan_cannot_run(kit, make_spell):
    _, action = make_spell()
    plan = (action.address, codehash(kit, action.address), EXECUTE, T0 + 10 + DELAY)
    kit.tx(kit.pause.functions.plot(*plan), S.PREVIOUS_SPELL, at=T0 + 10)
    kit.tx(kit.pause.functions.drop(*plan), S.PREVIOUS_SPELL)
    kit.warp(plan[3])
    kit.reverts(kit.pause.functions.exec(*plan), "ds-pause-unplotted-plan")


def test_pause_and_proxy_guard_themselves(kit):
    kit.reverts(kit.pause.functions.setDelay(0), "ds-pause-undelayed-call", sender=kit.stranger)
    kit.reverts(kit.pause.functions.setDelay(0), "ds-pause-undelayed-call", sender=S.PREVIOUS_SPELL)
    kit.reverts(kit.pause.functions.setAuthority(kit.stranger), "ds-pause-undelayed-call", sender=kit.stranger)
    kit.reverts(kit.proxy.functions.exec(kit.stranger, b""), "ds-pause-proxy-unauthorized", sender=kit.stranger)


# --- DssExec ------------------------------------------------------------------------------------------


def test_spell_lifecycle(kit, make_spell):
    spell, action = make_spell(at=T0 + 5)
    assert spell.functions.expiration().call() == T0 + 5 + 30 * DAY
    assert spell.functions.action().call() == action.address
    assert spell.functions.tag().call() == codehash(kit, action.address)
    assert spell.functions.sig().call() == EXECUTE
    assert spell.functions.pause().call() == kit.pause.address
    assert spell.functions.description().call() == "spellgen twin test spell"
    assert spell.functions.officeHours().call() is False
    kit.reverts(spell.functions.nextCastTime(), "DssExecLib/invalid-eta")  # eta is 0 before schedule
    kit.reverts(spell.functions.schedule(), "ds-auth-unauthorized")  # not the hat yet
    kit.vote_in(spell.address)
    kit.tx(spell.functions.schedule(), kit.stranger, at=T0 + 100)
    assert spell.functions.eta().call() == T0 + 100 + DELAY
    kit.reverts(spell.functions.schedule(), "This spell has already been scheduled")
    kit.reverts(spell.functions.cast(), "ds-pause-premature-exec")
    assert spell.functions.nextCastTime().call() == T0 + 100 + DELAY
    receipt = kit.tx(spell.functions.cast(), kit.stranger, at=T0 + 100 + DELAY)
    assert receipt.gasUsed <= 20_000_000
    assert spell.functions.done().call() is True and kit.log.functions.version().call() == "twin-test"
    kit.reverts(spell.functions.cast(), "spell-already-cast")


def test_an_expired_spell_cannot_be_scheduled(kit, make_spell):
    spell, _ = make_spell(lifetime=30 * DAY, at=T0 + 5)
    kit.vote_in(spell.address)
    expiration = T0 + 5 + 30 * DAY
    kit.warp(expiration + 1)
    kit.reverts(spell.functions.schedule(), "This contract has expired")


def test_a_spell_can_be_scheduled_at_its_expiration(kit, make_spell):
    spell, _ = make_spell(lifetime=30 * DAY, at=T0 + 5)
    kit.vote_in(spell.address)
    kit.tx(spell.functions.schedule(), at=T0 + 5 + 30 * DAY)
    assert spell.functions.eta().call() == T0 + 5 + 30 * DAY + DELAY


# --- Office hours ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("ts, expected", [
    (T0 + DAY + 15 * HOUR, False),  # Saturday 15:00
    (T0 + 2 * DAY + 15 * HOUR, False),  # Sunday 15:00
    (MON + 14 * HOUR - 1, False),  # Monday 13:59:59
    (MON + 14 * HOUR, True),  # Monday 14:00:00
    (MON + 21 * HOUR - 1, True),  # Monday 20:59:59
    (MON + 21 * HOUR, False),  # Monday 21:00:00
    (FRI_2100 - 1, True),  # Friday 20:59:59
    (FRI_2100, False),  # Friday 21:00:00
])
def test_can_cast_boundaries(kit, ts, expected):
    assert kit.lib.functions.canCast(ts, True).call() is expected
    assert kit.lib.functions.canCast(ts, False).call() is True


@pytest.mark.parametrize("eta, ts, expected", [
    (FRI_2100, T0, MON_1400),  # Friday 21:00 -> Monday 14:00
    (FRI_2100 - 1, T0, FRI_2100 - 1),  # Friday 20:59:59 is inside office hours
    (T0 + DAY + 10 * HOUR, T0, MON_1400),  # Saturday -> Monday 14:00
    (MON - 1, T0, MON_1400),  # Sunday 23:59:59 -> Monday 14:00
    (MON + 14 * HOUR - 1, T0, MON_1400),  # Monday 13:59:59 -> 14:00 the same day
    (MON_1400, T0, MON_1400),
    (MON + 21 * HOUR - 1, T0, MON + 21 * HOUR - 1),  # Monday 20:59:59 stays
    (MON + 21 * HOUR, T0, MON_1400 + DAY),  # Monday 21:00 -> Tuesday 14:00
    (MON + 3 * DAY + 21 * HOUR, T0, MON_1400 + 4 * DAY),  # Thursday 21:00 -> Friday 14:00
    (T0, MON + 21 * HOUR, MON_1400 + DAY),  # a later `ts` wins over the eta
])
def test_next_cast_time_with_office_hours(kit, eta, ts, expected):
    assert kit.lib.functions.nextCastTime(eta, ts, True).call() == expected
    assert kit.lib.functions.nextCastTime(eta, ts, False).call() == max(eta, ts)


def test_next_cast_time_rejects_zeroes(kit, make_spell):
    kit.reverts(kit.lib.functions.nextCastTime(0, T0, True), "DssExecLib/invalid-eta")
    kit.reverts(kit.lib.functions.nextCastTime(T0, 0, True), "DssExecLib/invalid-ts")
    _, action = make_spell()
    kit.reverts(action.functions.nextCastTime(2**40), "DssAction/eta-too-high")
    assert action.functions.nextCastTime(2**40 - 1).call() == 2**40 - 1


def test_office_hours_hold_a_cast_until_monday(kit, make_spell):
    spell, _ = make_spell(office_hours=True)
    assert spell.functions.officeHours().call() is True
    kit.vote_in(spell.address)
    kit.tx(spell.functions.schedule(), at=T0 + 1)
    eta = T0 + 1 + DELAY  # Sunday 00:00:01
    assert spell.functions.nextCastTime().call() == MON_1400
    for t in (eta, MON_1400 - 1):  # the pause lets it run, the action refuses
        kit.warp(t)
        kit.reverts(spell.functions.cast(), "ds-pause-delegatecall-error")
    kit.tx(spell.functions.cast(), at=MON_1400)
    assert kit.log.functions.version().call() == "twin-test"
