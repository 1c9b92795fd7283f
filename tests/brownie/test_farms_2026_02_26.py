"""Brownie tests of farms-2026-02-26.yaml, written by `spellgen brownie-test`: one test per YAML item.

    brownie test tests/brownie/test_farms_2026_02_26.py                          # on the twin at 2026-02-26
    brownie test tests/brownie/test_farms_2026_02_26.py --network mainnet-fork   # on a fork of $ETH_RPC_URL

The expected values are literals computed from the YAML (spellgen.spellfile.expect), never from the
Solidity. The fixtures come from spellgen's pytest plugin: `cast` is the spell deployed, elected,
scheduled and cast (spellgen's Simulator), with what the chain showed before and after, inside a
snapshot reverted after each test. Add tests of your own with the same fixtures.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
pytest_plugins = ["spellgen.integrations.pytest_plugin"]

SPEC = HERE / "../../examples/farms-2026-02-26.yaml"
SPELL = None  # None: the spell rendered from SPEC; a path: that Solidity file ($SPELLGEN_SPELL overrides)
WAD = 10**18


def test_1_distribute_rewards_dist_lssky_sky_pays_its_farm_what_award_8_on_mcd_ves(cast):
    """sections[0].actions[0]: distribute: REWARDS_DIST_LSSKY_SKY pays its farm what award 8 on MCD_VEST_SKY_TREASURY owes at the cast"""
    ITEM = 'sections[0].actions[0]: distribute: REWARDS_DIST_LSSKY_SKY pays its farm what award 8 on MCD_VEST_SKY_TREASURY owes at the cast'
    before = cast.before.awards[("MCD_VEST_SKY_TREASURY", 8)]
    after = cast.after.awards[("MCD_VEST_SKY_TREASURY", 8)]
    owed = 0 if cast.cast_time < before.clf else \
        before.tot * (min(cast.cast_time, before.fin) - before.bgn) // (before.fin - before.bgn) - before.rxd
    assert after.rxd == before.rxd + owed, ITEM  # distribute() claimed what the award owed
    assert cast.after.farms["REWARDS_DIST_LSSKY_SKY"][0] - cast.before.farms["REWARDS_DIST_LSSKY_SKY"][0] == owed, ITEM  # to the farm


def test_2_stream_838_182_330_sky_to_rewards_dist_lssky_sky_on_mcd_vest_sky_tr(cast):
    """sections[0].actions[1]: stream: 838,182,330 SKY to REWARDS_DIST_LSSKY_SKY on MCD_VEST_SKY_TREASURY, from the cast for 180 days"""
    ITEM = 'sections[0].actions[1]: stream: 838,182,330 SKY to REWARDS_DIST_LSSKY_SKY on MCD_VEST_SKY_TREASURY, from the cast for 180 days'
    award = cast.new_award("MCD_VEST_SKY_TREASURY", 1)  # the cast's new award number 1 on MCD_VEST_SKY_TREASURY
    assert award.usr == "0x675671A8756dDb69F7254AFB030865388Ef699Ee", ITEM
    assert award.bgn == cast.cast_time + 0, ITEM  # the cast
    assert award.clf == cast.cast_time + 0, ITEM  # the cliff, after bgn
    assert award.fin == cast.cast_time + 15552000, ITEM  # bgn + tau
    assert award.mgr == "0x0000000000000000000000000000000000000000", ITEM
    assert award.res == 1, ITEM
    assert award.tot == 838_182_330_000_000_000_000_000_000, ITEM  # 838,182,330 SKY
    assert award.rxd == 0, ITEM
    assert cast.vested_at_end("MCD_VEST_SKY_TREASURY", 1) == 838_182_330_000_000_000_000_000_000, ITEM  # all of it, at fin


def test_3_yank_award_8_on_mcd_vest_sky_treasury_ending_at_the_cast(cast):
    """sections[0].actions[2]: yank: award 8 on MCD_VEST_SKY_TREASURY, ending at the cast"""
    ITEM = 'sections[0].actions[2]: yank: award 8 on MCD_VEST_SKY_TREASURY, ending at the cast'
    before = cast.before.awards[("MCD_VEST_SKY_TREASURY", 8)]
    after = cast.after.awards[("MCD_VEST_SKY_TREASURY", 8)]
    assert after.fin == min(before.fin, cast.cast_time), ITEM  # ended at the cast


def test_4_allowance_pauseproxy_sky_to_mcd_vest_sky_treasury_set_to_what_its_vali(cast):
    """sections[0].actions[3]: allowance: PauseProxy SKY to MCD_VEST_SKY_TREASURY set to what its valid awards still owe"""
    ITEM = 'sections[0].actions[3]: allowance: PauseProxy SKY to MCD_VEST_SKY_TREASURY set to what its valid awards still owe'
    owed = cast.observation.obligations["MCD_VEST_SKY_TREASURY"][0]  # what the vest's valid awards still owe after the cast
    assert cast.after.allowance["MCD_VEST_SKY_TREASURY"] == owed, ITEM


def test_5_chainlog_rewards_dist_lssky_sky_is_0x675671a8756ddb69f7254afb03086538(cast):
    """spell: chainlog: REWARDS_DIST_LSSKY_SKY is 0x675671A8756dDb69F7254AFB030865388Ef699Ee"""
    ITEM = 'spell: chainlog: REWARDS_DIST_LSSKY_SKY is 0x675671A8756dDb69F7254AFB030865388Ef699Ee'
    held = cast.observation.chainlog["REWARDS_DIST_LSSKY_SKY"] or ""  # what the ChainLog holds under the key
    assert held.lower() == "0x675671A8756dDb69F7254AFB030865388Ef699Ee".lower(), ITEM


def test_6_events_of_distribute_rewards_dist_lssky_sky_pays_its_farm_what_award_8_on_mcd_ves(cast):
    """sections[0].actions[0]: events of distribute: REWARDS_DIST_LSSKY_SKY pays its farm what award 8 on MCD_VEST_SKY_TREASURY owes at the cast"""
    ITEM = 'sections[0].actions[0]: events of distribute: REWARDS_DIST_LSSKY_SKY pays its farm what award 8 on MCD_VEST_SKY_TREASURY owes at the cast'
    events = cast.action_events("sections[0].actions[0]")  # its segment of the cast's logs, in order
    forms = {  # the sequences farm distribution declares (spellgen/spellfile/actions/distribute.py)
        "": [
            ("SKY", "Transfer"),
            ("MCD_VEST_SKY_TREASURY", "Vest"),
            ("SKY", "Transfer"),
            ("REWARDS_LSSKY_SKY", "RewardAdded"),
            ("REWARDS_DIST_LSSKY_SKY", "Distribute"),
        ],
        "guard: true, the award owes nothing at the cast": [],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_7_events_of_stream_838_182_330_sky_to_rewards_dist_lssky_sky_on_mcd_vest_sky_tr(cast):
    """sections[0].actions[1]: events of stream: 838,182,330 SKY to REWARDS_DIST_LSSKY_SKY on MCD_VEST_SKY_TREASURY, from the cast for 180 days"""
    ITEM = 'sections[0].actions[1]: events of stream: 838,182,330 SKY to REWARDS_DIST_LSSKY_SKY on MCD_VEST_SKY_TREASURY, from the cast for 180 days'
    events = cast.action_events("sections[0].actions[1]")  # its segment of the cast's logs, in order
    forms = {  # the sequences stream declares (spellgen/spellfile/actions/stream.py)
        "": [("MCD_VEST_SKY_TREASURY", "Init"), ("MCD_VEST_SKY_TREASURY", "Restrict")],
        "restricted: false": [("MCD_VEST_SKY_TREASURY", "Init")],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_8_events_of_yank_award_8_on_mcd_vest_sky_treasury_ending_at_the_cast(cast):
    """sections[0].actions[2]: events of yank: award 8 on MCD_VEST_SKY_TREASURY, ending at the cast"""
    ITEM = 'sections[0].actions[2]: events of yank: award 8 on MCD_VEST_SKY_TREASURY, ending at the cast'
    events = cast.action_events("sections[0].actions[2]")  # its segment of the cast's logs, in order
    # as yank declares it (spellgen/spellfile/actions/yank.py)
    expected = [("MCD_VEST_SKY_TREASURY", "Yank")]
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_9_events_of_allowance_pauseproxy_sky_to_mcd_vest_sky_treasury_set_to_what_its_vali(cast):
    """sections[0].actions[3]: events of allowance: PauseProxy SKY to MCD_VEST_SKY_TREASURY set to what its valid awards still owe"""
    ITEM = 'sections[0].actions[3]: events of allowance: PauseProxy SKY to MCD_VEST_SKY_TREASURY set to what its valid awards still owe'
    events = cast.action_events("sections[0].actions[3]")  # its segment of the cast's logs, in order
    # as allowance declares it (spellgen/spellfile/actions/allowance.py)
    expected = [("SKY", "Approval")]
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_spell_description_office_hours_and_expiry(cast):
    """The spell: description, office hours and expiration as declared."""
    assert cast.observation.description == "2026-02-26 MakerDAO Executive Spell | Hash: 0xe6c1aa41d3fb26840ab8fa6cbc7e0248d17635c438843437659ab4e36fc7bb79"
    assert cast.observation.office_hours is True
    assert cast.observation.expiration == cast.observation.deployed_at + 2592000  # 30 days
