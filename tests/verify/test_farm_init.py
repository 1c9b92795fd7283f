"""`farm_init` (TreasuryFundedFarmingInit.initLockstakeFarm's steps, the spell of 2025-10-30), cast once on
the twin of 2025-10-30 and verified against the chain's pre-state: the new award's id and what it owes at the
cast, the allowance and the cap in force; bad input refused where it is written; verify's judgement of a
chain that differs from the YAML, without a cast."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest

from spellgen.cast.simulate import Award, Observation, State
from spellgen.spellfile.actions.farm_init import FarmInit
from spellgen.spellfile.expect import expected_from
from spellgen.spellfile.parse import load_spell
from tests.violations import assert_violation, run_cli, write_spell

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples/farm-init-2025-10-30.yaml"
DIST = "0x675671A8756dDb69F7254AFB030865388Ef699Ee"
FARM = "0xB44C2Fb4181D7Cb06bdFf34A46FdFe4a259B40Fc"
TOT = 1_000_000_000 * 10**18
TAU = 180 * 86_400
WEEK = 7 * 86_400


def _result(report: dict, prefix: str) -> dict:
    return next(r for r in report["results"] if r["item"].startswith(prefix))


def test_the_example_initialises_the_lssky_farm_as_the_2025_10_30_spell_did(simulated):
    run = simulated(EXAMPLE)
    assert run.code == 0, run.out + run.err
    report = run.report()
    assert all(r["status"] == "PASS" for r in report["results"]), [r for r in report["results"]
                                                                   if r["status"] != "PASS"]
    init = _result(report, "farm init: REWARDS_LSSKY_SKY")
    # The twin's vest held awards 1 to 7 before the cast: the farm's award is 8, as on mainnet.
    assert f"REWARDS_DIST_LSSKY_SKY.vestId 0 -> 8; REWARDS_LSSKY_SKY.rewardsDistribution " \
           f"0x0000000000000000000000000000000000000000 -> {DIST}" in init["evidence"]
    # The award starts a week before the cast: distribute() pays the farm that week at once.
    assert "farm +38,888,888.888888888888888888 SKY" in init["evidence"]
    assert "job interval 0 -> 601200; engine farms 0 -> 1" in init["evidence"]
    # 110% of tot / tau (rounded first, as initFarm does) is above the twin's cap in force: filed.
    rate = 110 * (TOT // TAU) // 100
    assert init["evidence"].endswith(f"-> {rate}")
    for key, address in (("REWARDS_LSSKY_SKY", FARM), ("REWARDS_DIST_LSSKY_SKY", DIST)):
        entry = _result(report, f"farm init: chainlog {key} is {address}")
        assert f"ChainLog.getAddress({key}): missing -> {address}" in entry["evidence"]
    version = _result(report, "vest onboarding: the ChainLog's version bumped to 1.20.7")
    assert "'1.20.6' -> '1.20.7'" in version["evidence"]


# -- verify's judgement, on observations made up around the YAML (no chain) ---------------------------------

def _observation(cast_time: int, *, vest_id_after: int = 8, interval: int = 601_200, listed: int = 1,
                 usr: str = DIST, allowance_rise: int | None = None) -> Observation:
    """A cast of the example as verify reads it: ids 7 before, award 8 created, paid a week's worth."""
    owed = TOT * WEEK // TAU
    o = Observation({})
    o.before, o.after = State(), State()
    o.cast = SimpleNamespace(timestamp=cast_time, logs=[])
    vest = "MCD_VEST_SKY_TREASURY"
    o.before.ids, o.after.ids = {vest: 7}, {vest: 8}
    o.before.caps, o.after.caps = {vest: 10}, {vest: 110 * (TOT // TAU) // 100}
    o.before.allowance = {vest: 5}
    o.after.allowance = {vest: 5 + (TOT - owed if allowance_rise is None else allowance_rise)}
    o.before.farms = {"REWARDS_DIST_LSSKY_SKY": (0, 0, 0)}
    o.after.farms = {"REWARDS_DIST_LSSKY_SKY": (owed, cast_time, vest_id_after)}
    o.before.farm_wiring = {"REWARDS_DIST_LSSKY_SKY": ("0x" + "00" * 20, 0, 0)}
    o.after.farm_wiring = {"REWARDS_DIST_LSSKY_SKY": (DIST, listed, interval)}
    bgn = cast_time - WEEK
    o.new_awards = {(vest, 8): Award(usr, bgn, bgn, bgn + TAU, "0x" + "00" * 20, 1, TOT, owed)}
    return o


@pytest.fixture(scope="module")
def expected():
    return expected_from(load_spell(EXAMPLE))


def _problems(expected, o: Observation) -> str:
    [check] = [c for c in FarmInit.checks(expected, o) if c.item.startswith("farm init: REWARDS_LSSKY_SKY")]
    return "" if check.passed else check.reason


def test_verify_passes_the_cast_the_yaml_states(expected):
    assert _problems(expected, _observation(1_761_926_400)) == ""


@pytest.mark.parametrize("change, problem", [
    ({"vest_id_after": 7}, "vestId after: expected 8, observed 7"),
    ({"interval": 7 * 86_400}, "the job's interval: expected 601200, observed 604800"),
    ({"listed": 0}, "LOCKSTAKE_ENGINE.farms(farm) after: expected 1, observed 0"),
    ({"usr": "0x" + "44" * 20}, "usr: expected"),
    ({"allowance_rise": TOT}, "allowance change (tot less what distribute() drew)"),
])
def test_verify_fails_a_chain_that_differs_from_the_yaml(expected, change, problem):
    assert problem in _problems(expected, _observation(1_761_926_400, **change))


# -- bad input, refused by check where it is written ---------------------------------------------------------

def _spell() -> str:
    """The example as a draft (no executive document needed)."""
    return EXAMPLE.read_text().replace("  office_hours: true", "  office_hours: true\n  draft: true")


@pytest.mark.parametrize("edit, message", [
    (("vest: MCD_VEST_SKY_TREASURY", "vest: MCD_VEST_SPK_TREASURY"),
     "REWARDS_DIST_LSSKY_SKY is paid by MCD_VEST_SKY_TREASURY, not MCD_VEST_SPK_TREASURY"),
    (("farm: REWARDS_LSSKY_SKY", "farm: REWARDS_USDS_SKY"),
     "REWARDS_DIST_LSSKY_SKY's farm is REWARDS_LSSKY_SKY, not REWARDS_USDS_SKY"),
    (("start: cast - 7 days", "start: 2025-10-23"), "the award's start must be relative to the cast"),
    (("staking_token: LOCKSTAKE_SKY", "staking_token: USDS\n        lockstake: true"),
     "initLockstakeFarm requires the engine's lsSKY as the staking token (LOCKSTAKE_SKY), not USDS"),
    (("        version: 1.20.7\n", ""), "a farm init registers chainlog keys, so the spell bumps the ChainLog's version"),
    (("version: 1.20.7", "version: 1.20.6"), "the ChainLog's version is 1.20.6 when a 2025-10-30 spell is cast"),
    (("dist_address: \"0x675671A8756dDb69F7254AFB030865388Ef699Ee\"", "dist_address: \"0x675671A8\""),
     "the distribution's address"),
    (("date: 2025-10-30", "date: 2026-02-26"), "REWARDS_LSSKY_SKY is already in the ChainLog at 2026-02-26"),
])
def test_bad_input_is_refused_where_it_is_written(tmp_path, capsys, edit, message):
    old, new = edit
    text = _spell()
    assert old in text
    code, out = run_cli(["check", write_spell(tmp_path, text.replace(old, new, 1))], capsys)
    assert_violation(code, out, exit_code=2, message=message)


def test_a_stream_on_the_farms_vest_is_refused(tmp_path, capsys):
    # verify numbers the farm's award right after the vest's ids before the cast.
    text = _spell()
    spell = text[:text.index("expect:")] + (
        "      - type: stream\n        vest: MCD_VEST_SKY_TREASURY\n"
        "        to: {chainlog: REWARDS_DIST_USDS_SKY, address: 0xC8d67Fcf101d3f89D0e1F3a2857485A84072a63F}\n"
        "        total: 1_000\n        start: cast\n        duration: 90 days\n")
    code, out = run_cli(["check", write_spell(tmp_path, spell)], capsys)
    assert_violation(code, out, exit_code=2, message="re:sections\\[0\\]\\.actions\\[1\\]: a new award on "
                                                     "MCD_VEST_SKY_TREASURY besides the farm init")


def test_the_event_sequence_follows_the_cap_in_force_and_the_awards_start():
    """No cap File when the cap in force already covers the rate; no distribution when the award owes
    nothing at the cast (it starts then): the forms verify's event check and the Brownie test expect."""
    spell = load_spell(EXAMPLE)
    init = next(a for a in spell.actions if isinstance(a, FarmInit))
    variants = dict(init.EFFECTS.variants)
    assert init.event_form(spell, SimpleNamespace(caps={}), 0) == ""  # no cap read: filed
    high = init.event_form(spell, SimpleNamespace(caps={init.vest: 10**40}), 0)
    assert high == "the cap in force at or above the rate"
    assert ("VEST", "File(cap, rate)") not in variants[high]
    assert ("VEST", "File(cap, rate)") in init.EFFECTS.events
    later = replace(init, offset=0)
    form = later.event_form(spell, SimpleNamespace(caps={}), 0)
    assert form == "the award owes nothing at the cast"
    assert ("DIST", "Distribute(amt)") not in variants[form] and ("DIST", "Distribute(amt)") in init.EFFECTS.events
