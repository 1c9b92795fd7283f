"""Brownie tests of farms-2026-04-09.yaml, written by `spellgen brownie-test`: one test per YAML item.

    brownie test tests/brownie/test_farms_2026_04_09.py                          # on the twin at 2026-04-09
    brownie test tests/brownie/test_farms_2026_04_09.py --network mainnet-fork   # on a fork of $ETH_RPC_URL

The expected values are literals computed from the YAML (spellgen.spellfile.expect), never from the
Solidity. The fixtures come from spellgen's pytest plugin: `cast` is the spell deployed, elected,
scheduled and cast (spellgen's Simulator), with what the chain showed before and after, inside a
snapshot reverted after each test. Add tests of your own with the same fixtures.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
pytest_plugins = ["spellgen.integrations.pytest_plugin"]

SPEC = HERE / "../../examples/farms-2026-04-09.yaml"
SPELL = None  # None: the spell rendered from SPEC; a path: that Solidity file ($SPELLGEN_SPELL overrides)
WAD = 10**18


def test_1_farm_vest_update_rewards_dist_lssky_sky_award_10_on_mcd_vest_sky_treasury_rep(cast):
    """sections[0].actions[0]: farm vest update: REWARDS_DIST_LSSKY_SKY, award 10 on MCD_VEST_SKY_TREASURY replaced by 192,110,322 SKY from the cast for 90 days"""
    ITEM = 'sections[0].actions[0]: farm vest update: REWARDS_DIST_LSSKY_SKY, award 10 on MCD_VEST_SKY_TREASURY replaced by 192,110,322 SKY from the cast for 90 days'
    assert cast.before.farms["REWARDS_DIST_LSSKY_SKY"][2] == 10, ITEM  # the award it held
    before = cast.before.awards[("MCD_VEST_SKY_TREASURY", 10)]
    after = cast.after.awards[("MCD_VEST_SKY_TREASURY", 10)]
    assert after.fin == min(before.fin, cast.cast_time), ITEM  # yanked at the cast
    award = cast.new_award("MCD_VEST_SKY_TREASURY", 1)  # the cast's new award number 1 on MCD_VEST_SKY_TREASURY
    assert cast.after.farms["REWARDS_DIST_LSSKY_SKY"][2] == cast.before.ids["MCD_VEST_SKY_TREASURY"] + 1, ITEM  # filed
    assert award.tot == 192_110_322_000_000_000_000_000_000, ITEM  # 192,110,322 SKY
    assert award.fin - award.bgn == 7776000, ITEM  # 90 days


def test_2_events_of_farm_vest_update_rewards_dist_lssky_sky_award_10_on_mcd_vest_sky_treasury_rep(cast):
    """sections[0].actions[0]: events of farm vest update: REWARDS_DIST_LSSKY_SKY, award 10 on MCD_VEST_SKY_TREASURY replaced by 192,110,322 SKY from the cast for 90 days"""
    ITEM = 'sections[0].actions[0]: events of farm vest update: REWARDS_DIST_LSSKY_SKY, award 10 on MCD_VEST_SKY_TREASURY replaced by 192,110,322 SKY from the cast for 90 days'
    events = cast.action_events("sections[0].actions[0]")  # its segment of the cast's logs, in order
    forms = {  # the sequences farm vest update declares (spellgen/spellfile/actions/farm_vest_update.py)
        "": [
            ("SKY", "Transfer"),
            ("MCD_VEST_SKY_TREASURY", "Vest"),
            ("SKY", "Transfer"),
            ("REWARDS_LSSKY_SKY", "RewardAdded"),
            ("REWARDS_DIST_LSSKY_SKY", "Distribute"),
            ("SKY", "Approval"),
            ("MCD_VEST_SKY_TREASURY", "Yank"),
            ("MCD_VEST_SKY_TREASURY", "File"),
            ("MCD_VEST_SKY_TREASURY", "Init"),
            ("MCD_VEST_SKY_TREASURY", "Restrict"),
            ("REWARDS_DIST_LSSKY_SKY", "File"),
        ],
        "the old award owes nothing": [
            ("SKY", "Approval"),
            ("MCD_VEST_SKY_TREASURY", "Yank"),
            ("MCD_VEST_SKY_TREASURY", "File"),
            ("MCD_VEST_SKY_TREASURY", "Init"),
            ("MCD_VEST_SKY_TREASURY", "Restrict"),
            ("REWARDS_DIST_LSSKY_SKY", "File"),
        ],
        "the cap in force at or above the rate": [
            ("SKY", "Transfer"),
            ("MCD_VEST_SKY_TREASURY", "Vest"),
            ("SKY", "Transfer"),
            ("REWARDS_LSSKY_SKY", "RewardAdded"),
            ("REWARDS_DIST_LSSKY_SKY", "Distribute"),
            ("SKY", "Approval"),
            ("MCD_VEST_SKY_TREASURY", "Yank"),
            ("MCD_VEST_SKY_TREASURY", "Init"),
            ("MCD_VEST_SKY_TREASURY", "Restrict"),
            ("REWARDS_DIST_LSSKY_SKY", "File"),
        ],
        "the old award owes nothing, the cap in force at or above the rate": [
            ("SKY", "Approval"),
            ("MCD_VEST_SKY_TREASURY", "Yank"),
            ("MCD_VEST_SKY_TREASURY", "Init"),
            ("MCD_VEST_SKY_TREASURY", "Restrict"),
            ("REWARDS_DIST_LSSKY_SKY", "File"),
        ],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_spell_description_office_hours_and_expiry(cast):
    """The spell: description, office hours and expiration as declared."""
    assert cast.observation.description == "2026-04-09 MakerDAO Executive Spell | Hash: 0x0f87466f280de3544ae715fb2463152d7959c37902926f2069aaaccf10cef550"
    assert cast.observation.office_hours is True
    assert cast.observation.expiration == cast.observation.deployed_at + 2592000  # 30 days
