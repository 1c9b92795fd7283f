"""Brownie tests of farm-init-2025-10-30.yaml, written by `spellgen brownie-test`: one test per YAML item.

    brownie test tests/brownie/test_farm_init_2025_10_30.py                          # on the twin at 2025-10-30
    brownie test tests/brownie/test_farm_init_2025_10_30.py --network mainnet-fork   # on a fork of $ETH_RPC_URL

The expected values are literals computed from the YAML (spellgen.spellfile.expect), never from the
Solidity. The fixtures come from spellgen's pytest plugin: `cast` is the spell deployed, elected,
scheduled and cast (spellgen's Simulator), with what the chain showed before and after, inside a
snapshot reverted after each test. Add tests of your own with the same fixtures.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
pytest_plugins = ["spellgen.integrations.pytest_plugin"]

SPEC = HERE / "../../examples/farm-init-2025-10-30.yaml"
SPELL = None  # None: the spell rendered from SPEC; a path: that Solidity file ($SPELLGEN_SPELL overrides)
WAD = 10**18


def test_1_farm_init_rewards_lssky_sky_paid_by_rewards_dist_lssky_sky_a_new_award(cast):
    """sections[0].actions[0]: farm init: REWARDS_LSSKY_SKY paid by REWARDS_DIST_LSSKY_SKY, a new award of 1,000,000,000 SKY on MCD_VEST_SKY_TREASURY from the cast - 7 days for 180 days"""
    ITEM = 'sections[0].actions[0]: farm init: REWARDS_LSSKY_SKY paid by REWARDS_DIST_LSSKY_SKY, a new award of 1,000,000,000 SKY on MCD_VEST_SKY_TREASURY from the cast - 7 days for 180 days'
    assert cast.before.farms["REWARDS_DIST_LSSKY_SKY"][2] == 0, ITEM  # no award before
    award = cast.new_award("MCD_VEST_SKY_TREASURY", 1)  # the cast's new award number 1 on MCD_VEST_SKY_TREASURY
    assert cast.after.farms["REWARDS_DIST_LSSKY_SKY"][2] == cast.before.ids["MCD_VEST_SKY_TREASURY"] + 1, ITEM  # filed
    assert award.usr.lower() == "0x675671a8756ddb69f7254afb030865388ef699ee", ITEM
    assert award.bgn == cast.cast_time + (-604800), ITEM
    assert award.fin - award.bgn == 15552000, ITEM  # 180 days
    assert award.tot == 1_000_000_000_000_000_000_000_000_000, ITEM  # 1,000,000,000 SKY
    assert award.res == 1, ITEM
    assert cast.after.farms["REWARDS_DIST_LSSKY_SKY"][0] - cast.before.farms["REWARDS_DIST_LSSKY_SKY"][0] == award.rxd, ITEM  # distributed at once
    assert cast.after.farm_wiring["REWARDS_DIST_LSSKY_SKY"][0].lower() == "0x675671a8756ddb69f7254afb030865388ef699ee", ITEM
    assert cast.after.farm_wiring["REWARDS_DIST_LSSKY_SKY"][2] == 601200, ITEM
    assert cast.after.farm_wiring["REWARDS_DIST_LSSKY_SKY"][1] == 1, ITEM  # listed by the engine


def test_2_farm_init_chainlog_rewards_lssky_sky_is_0xb44c2fb4181d7cb06bdff34a46fd(cast):
    """sections[0].actions[0]: farm init: chainlog REWARDS_LSSKY_SKY is 0xB44C2Fb4181D7Cb06bdFf34A46FdFe4a259B40Fc"""
    ITEM = 'sections[0].actions[0]: farm init: chainlog REWARDS_LSSKY_SKY is 0xB44C2Fb4181D7Cb06bdFf34A46FdFe4a259B40Fc'
    assert cast.after.registry["REWARDS_LSSKY_SKY"].lower() == "0xb44c2fb4181d7cb06bdff34a46fdfe4a259b40fc", ITEM


def test_3_farm_init_chainlog_rewards_dist_lssky_sky_is_0x675671a8756ddb69f7254af(cast):
    """sections[0].actions[0]: farm init: chainlog REWARDS_DIST_LSSKY_SKY is 0x675671A8756dDb69F7254AFB030865388Ef699Ee"""
    ITEM = 'sections[0].actions[0]: farm init: chainlog REWARDS_DIST_LSSKY_SKY is 0x675671A8756dDb69F7254AFB030865388Ef699Ee'
    assert cast.after.registry["REWARDS_DIST_LSSKY_SKY"].lower() == "0x675671a8756ddb69f7254afb030865388ef699ee", ITEM
    assert cast.after.chainlog_version == "1.20.7", ITEM


def test_4_events_of_farm_init_rewards_lssky_sky_paid_by_rewards_dist_lssky_sky_a_new_award(cast):
    """sections[0].actions[0]: events of farm init: REWARDS_LSSKY_SKY paid by REWARDS_DIST_LSSKY_SKY, a new award of 1,000,000,000 SKY on MCD_VEST_SKY_TREASURY from the cast - 7 days for 180 days"""
    ITEM = 'sections[0].actions[0]: events of farm init: REWARDS_LSSKY_SKY paid by REWARDS_DIST_LSSKY_SKY, a new award of 1,000,000,000 SKY on MCD_VEST_SKY_TREASURY from the cast - 7 days for 180 days'
    events = cast.action_events("sections[0].actions[0]")  # its segment of the cast's logs, in order
    forms = {  # the sequences farm init declares (spellgen/spellfile/actions/farm_init.py)
        "": [
            ("REWARDS_LSSKY_SKY", "RewardsDistributionUpdated"),
            ("SKY", "Approval"),
            ("MCD_VEST_SKY_TREASURY", "File"),
            ("MCD_VEST_SKY_TREASURY", "Init"),
            ("MCD_VEST_SKY_TREASURY", "Restrict"),
            ("REWARDS_DIST_LSSKY_SKY", "File"),
            ("SKY", "Transfer"),
            ("MCD_VEST_SKY_TREASURY", "Vest"),
            ("SKY", "Transfer"),
            ("REWARDS_LSSKY_SKY", "RewardAdded"),
            ("REWARDS_DIST_LSSKY_SKY", "Distribute"),
            ("CRON_REWARDS_DIST_JOB", "Set"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateAddress"),
            ("LOCKSTAKE_ENGINE", "AddFarm"),
            ("CHANGELOG", "UpdateVersion"),
        ],
        "the cap in force at or above the rate": [
            ("REWARDS_LSSKY_SKY", "RewardsDistributionUpdated"),
            ("SKY", "Approval"),
            ("MCD_VEST_SKY_TREASURY", "Init"),
            ("MCD_VEST_SKY_TREASURY", "Restrict"),
            ("REWARDS_DIST_LSSKY_SKY", "File"),
            ("SKY", "Transfer"),
            ("MCD_VEST_SKY_TREASURY", "Vest"),
            ("SKY", "Transfer"),
            ("REWARDS_LSSKY_SKY", "RewardAdded"),
            ("REWARDS_DIST_LSSKY_SKY", "Distribute"),
            ("CRON_REWARDS_DIST_JOB", "Set"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateAddress"),
            ("LOCKSTAKE_ENGINE", "AddFarm"),
            ("CHANGELOG", "UpdateVersion"),
        ],
        "the award owes nothing at the cast": [
            ("REWARDS_LSSKY_SKY", "RewardsDistributionUpdated"),
            ("SKY", "Approval"),
            ("MCD_VEST_SKY_TREASURY", "File"),
            ("MCD_VEST_SKY_TREASURY", "Init"),
            ("MCD_VEST_SKY_TREASURY", "Restrict"),
            ("REWARDS_DIST_LSSKY_SKY", "File"),
            ("CRON_REWARDS_DIST_JOB", "Set"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateAddress"),
            ("LOCKSTAKE_ENGINE", "AddFarm"),
            ("CHANGELOG", "UpdateVersion"),
        ],
        "the cap in force at or above the rate, the award owes nothing at the cast": [
            ("REWARDS_LSSKY_SKY", "RewardsDistributionUpdated"),
            ("SKY", "Approval"),
            ("MCD_VEST_SKY_TREASURY", "Init"),
            ("MCD_VEST_SKY_TREASURY", "Restrict"),
            ("REWARDS_DIST_LSSKY_SKY", "File"),
            ("CRON_REWARDS_DIST_JOB", "Set"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateAddress"),
            ("LOCKSTAKE_ENGINE", "AddFarm"),
            ("CHANGELOG", "UpdateVersion"),
        ],
        "no Lockstake engine": [
            ("REWARDS_LSSKY_SKY", "RewardsDistributionUpdated"),
            ("SKY", "Approval"),
            ("MCD_VEST_SKY_TREASURY", "File"),
            ("MCD_VEST_SKY_TREASURY", "Init"),
            ("MCD_VEST_SKY_TREASURY", "Restrict"),
            ("REWARDS_DIST_LSSKY_SKY", "File"),
            ("SKY", "Transfer"),
            ("MCD_VEST_SKY_TREASURY", "Vest"),
            ("SKY", "Transfer"),
            ("REWARDS_LSSKY_SKY", "RewardAdded"),
            ("REWARDS_DIST_LSSKY_SKY", "Distribute"),
            ("CRON_REWARDS_DIST_JOB", "Set"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateVersion"),
        ],
        "the cap in force at or above the rate, no Lockstake engine": [
            ("REWARDS_LSSKY_SKY", "RewardsDistributionUpdated"),
            ("SKY", "Approval"),
            ("MCD_VEST_SKY_TREASURY", "Init"),
            ("MCD_VEST_SKY_TREASURY", "Restrict"),
            ("REWARDS_DIST_LSSKY_SKY", "File"),
            ("SKY", "Transfer"),
            ("MCD_VEST_SKY_TREASURY", "Vest"),
            ("SKY", "Transfer"),
            ("REWARDS_LSSKY_SKY", "RewardAdded"),
            ("REWARDS_DIST_LSSKY_SKY", "Distribute"),
            ("CRON_REWARDS_DIST_JOB", "Set"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateVersion"),
        ],
        "the award owes nothing at the cast, no Lockstake engine": [
            ("REWARDS_LSSKY_SKY", "RewardsDistributionUpdated"),
            ("SKY", "Approval"),
            ("MCD_VEST_SKY_TREASURY", "File"),
            ("MCD_VEST_SKY_TREASURY", "Init"),
            ("MCD_VEST_SKY_TREASURY", "Restrict"),
            ("REWARDS_DIST_LSSKY_SKY", "File"),
            ("CRON_REWARDS_DIST_JOB", "Set"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateVersion"),
        ],
        "the cap in force at or above the rate, the award owes nothing at the cast, no Lockstake engine": [
            ("REWARDS_LSSKY_SKY", "RewardsDistributionUpdated"),
            ("SKY", "Approval"),
            ("MCD_VEST_SKY_TREASURY", "Init"),
            ("MCD_VEST_SKY_TREASURY", "Restrict"),
            ("REWARDS_DIST_LSSKY_SKY", "File"),
            ("CRON_REWARDS_DIST_JOB", "Set"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateVersion"),
        ],
        "no version bump": [
            ("REWARDS_LSSKY_SKY", "RewardsDistributionUpdated"),
            ("SKY", "Approval"),
            ("MCD_VEST_SKY_TREASURY", "File"),
            ("MCD_VEST_SKY_TREASURY", "Init"),
            ("MCD_VEST_SKY_TREASURY", "Restrict"),
            ("REWARDS_DIST_LSSKY_SKY", "File"),
            ("SKY", "Transfer"),
            ("MCD_VEST_SKY_TREASURY", "Vest"),
            ("SKY", "Transfer"),
            ("REWARDS_LSSKY_SKY", "RewardAdded"),
            ("REWARDS_DIST_LSSKY_SKY", "Distribute"),
            ("CRON_REWARDS_DIST_JOB", "Set"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateAddress"),
            ("LOCKSTAKE_ENGINE", "AddFarm"),
        ],
        "the cap in force at or above the rate, no version bump": [
            ("REWARDS_LSSKY_SKY", "RewardsDistributionUpdated"),
            ("SKY", "Approval"),
            ("MCD_VEST_SKY_TREASURY", "Init"),
            ("MCD_VEST_SKY_TREASURY", "Restrict"),
            ("REWARDS_DIST_LSSKY_SKY", "File"),
            ("SKY", "Transfer"),
            ("MCD_VEST_SKY_TREASURY", "Vest"),
            ("SKY", "Transfer"),
            ("REWARDS_LSSKY_SKY", "RewardAdded"),
            ("REWARDS_DIST_LSSKY_SKY", "Distribute"),
            ("CRON_REWARDS_DIST_JOB", "Set"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateAddress"),
            ("LOCKSTAKE_ENGINE", "AddFarm"),
        ],
        "the award owes nothing at the cast, no version bump": [
            ("REWARDS_LSSKY_SKY", "RewardsDistributionUpdated"),
            ("SKY", "Approval"),
            ("MCD_VEST_SKY_TREASURY", "File"),
            ("MCD_VEST_SKY_TREASURY", "Init"),
            ("MCD_VEST_SKY_TREASURY", "Restrict"),
            ("REWARDS_DIST_LSSKY_SKY", "File"),
            ("CRON_REWARDS_DIST_JOB", "Set"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateAddress"),
            ("LOCKSTAKE_ENGINE", "AddFarm"),
        ],
        "the cap in force at or above the rate, the award owes nothing at the cast, no version bump": [
            ("REWARDS_LSSKY_SKY", "RewardsDistributionUpdated"),
            ("SKY", "Approval"),
            ("MCD_VEST_SKY_TREASURY", "Init"),
            ("MCD_VEST_SKY_TREASURY", "Restrict"),
            ("REWARDS_DIST_LSSKY_SKY", "File"),
            ("CRON_REWARDS_DIST_JOB", "Set"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateAddress"),
            ("LOCKSTAKE_ENGINE", "AddFarm"),
        ],
        "no Lockstake engine, no version bump": [
            ("REWARDS_LSSKY_SKY", "RewardsDistributionUpdated"),
            ("SKY", "Approval"),
            ("MCD_VEST_SKY_TREASURY", "File"),
            ("MCD_VEST_SKY_TREASURY", "Init"),
            ("MCD_VEST_SKY_TREASURY", "Restrict"),
            ("REWARDS_DIST_LSSKY_SKY", "File"),
            ("SKY", "Transfer"),
            ("MCD_VEST_SKY_TREASURY", "Vest"),
            ("SKY", "Transfer"),
            ("REWARDS_LSSKY_SKY", "RewardAdded"),
            ("REWARDS_DIST_LSSKY_SKY", "Distribute"),
            ("CRON_REWARDS_DIST_JOB", "Set"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateAddress"),
        ],
        "the cap in force at or above the rate, no Lockstake engine, no version bump": [
            ("REWARDS_LSSKY_SKY", "RewardsDistributionUpdated"),
            ("SKY", "Approval"),
            ("MCD_VEST_SKY_TREASURY", "Init"),
            ("MCD_VEST_SKY_TREASURY", "Restrict"),
            ("REWARDS_DIST_LSSKY_SKY", "File"),
            ("SKY", "Transfer"),
            ("MCD_VEST_SKY_TREASURY", "Vest"),
            ("SKY", "Transfer"),
            ("REWARDS_LSSKY_SKY", "RewardAdded"),
            ("REWARDS_DIST_LSSKY_SKY", "Distribute"),
            ("CRON_REWARDS_DIST_JOB", "Set"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateAddress"),
        ],
        "the award owes nothing at the cast, no Lockstake engine, no version bump": [
            ("REWARDS_LSSKY_SKY", "RewardsDistributionUpdated"),
            ("SKY", "Approval"),
            ("MCD_VEST_SKY_TREASURY", "File"),
            ("MCD_VEST_SKY_TREASURY", "Init"),
            ("MCD_VEST_SKY_TREASURY", "Restrict"),
            ("REWARDS_DIST_LSSKY_SKY", "File"),
            ("CRON_REWARDS_DIST_JOB", "Set"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateAddress"),
        ],
        "the cap in force at or above the rate, the award owes nothing at the cast, no Lockstake engine, no version bump": [
            ("REWARDS_LSSKY_SKY", "RewardsDistributionUpdated"),
            ("SKY", "Approval"),
            ("MCD_VEST_SKY_TREASURY", "Init"),
            ("MCD_VEST_SKY_TREASURY", "Restrict"),
            ("REWARDS_DIST_LSSKY_SKY", "File"),
            ("CRON_REWARDS_DIST_JOB", "Set"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateAddress"),
        ],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_spell_description_office_hours_and_expiry(cast):
    """The spell: description, office hours and expiration as declared."""
    assert cast.observation.description == "2025-10-30 MakerDAO Executive Spell | Hash: 0x41a766455e748305c194c9c5ce3d1d81005e32f893fe6ac89b105be4663c7a1c"
    assert cast.observation.office_hours is True
    assert cast.observation.expiration == cast.observation.deployed_at + 2592000  # 30 days
