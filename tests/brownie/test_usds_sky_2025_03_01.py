"""Brownie tests of usds-sky-2025-03-01.yaml, written by `spellgen brownie-test`: one test per YAML item.

    brownie test tests/brownie/test_usds_sky_2025_03_01.py                          # on the twin at 2025-03-01
    brownie test tests/brownie/test_usds_sky_2025_03_01.py --network mainnet-fork   # on a fork of $ETH_RPC_URL

The expected values are literals computed from the YAML (spellgen.spellfile.expect), never from the
Solidity. The fixtures come from spellgen's pytest plugin: `cast` is the spell deployed, elected,
scheduled and cast (spellgen's Simulator), with what the chain showed before and after, inside a
snapshot reverted after each test. Add tests of your own with the same fixtures.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
pytest_plugins = ["spellgen.integrations.pytest_plugin"]

SPEC = HERE / "../spells/usds-sky-2025-03-01.yaml"
SPELL = HERE / "../realspells/2025-03-01-DssSpell/DssSpell.sol"  # None: the spell rendered from SPEC; a path: that Solidity file ($SPELLGEN_SPELL overrides)
WAD = 10**18


def test_1_stream_360_000_usds_to_ecosystem_on_mcd_vest_usds_2025_03_01_00_00(cast):
    """sections[0].actions[0]: stream: 360,000 USDS to ECOSYSTEM on MCD_VEST_USDS, 2025-03-01 00:00:00 UTC to 2026-02-28 23:59:59 UTC"""
    ITEM = 'sections[0].actions[0]: stream: 360,000 USDS to ECOSYSTEM on MCD_VEST_USDS, 2025-03-01 00:00:00 UTC to 2026-02-28 23:59:59 UTC'
    award = cast.new_award("MCD_VEST_USDS", 1)  # the cast's new award number 1 on MCD_VEST_USDS
    assert award.usr == "0xaef7a9890c81A46C38fb26b940624DBB4dd591dd", ITEM  # ECOSYSTEM
    assert award.bgn == 1740787200, ITEM  # 2025-03-01 00:00:00 UTC
    assert award.clf == 1740787200, ITEM  # 2025-03-01 00:00:00 UTC
    assert award.fin == 1772323199, ITEM  # 2026-02-28 23:59:59 UTC
    assert award.mgr == "0x0000000000000000000000000000000000000000", ITEM
    assert award.res == 1, ITEM
    assert award.tot == 360_000_000_000_000_000_000_000, ITEM  # 360,000 USDS
    assert award.rxd == 0, ITEM
    assert cast.vested_at_end("MCD_VEST_USDS", 1) == 360_000_000_000_000_000_000_000, ITEM  # all of it, at fin


def test_2_stream_4_800_000_sky_to_ecosystem_on_mcd_vest_sky_treasury_2025_03(cast):
    """sections[0].actions[1]: stream: 4,800,000 SKY to ECOSYSTEM on MCD_VEST_SKY_TREASURY, 2025-03-01 00:00:00 UTC to 2027-02-28 23:59:59 UTC"""
    ITEM = 'sections[0].actions[1]: stream: 4,800,000 SKY to ECOSYSTEM on MCD_VEST_SKY_TREASURY, 2025-03-01 00:00:00 UTC to 2027-02-28 23:59:59 UTC'
    award = cast.new_award("MCD_VEST_SKY_TREASURY", 1)  # the cast's new award number 1 on MCD_VEST_SKY_TREASURY
    assert award.usr == "0xaef7a9890c81A46C38fb26b940624DBB4dd591dd", ITEM  # ECOSYSTEM
    assert award.bgn == 1740787200, ITEM  # 2025-03-01 00:00:00 UTC
    assert award.clf == 1772323200, ITEM  # 2026-03-01 00:00:00 UTC
    assert award.fin == 1803859199, ITEM  # 2027-02-28 23:59:59 UTC
    assert award.mgr == "0xce727Fb12b7f2700BaDAe716947943ea245C25d6", ITEM  # STREAM_MANAGER
    assert award.res == 1, ITEM
    assert award.tot == 4_800_000_000_000_000_000_000_000, ITEM  # 4,800,000 SKY
    assert award.rxd == 0, ITEM
    assert cast.vested_at_end("MCD_VEST_SKY_TREASURY", 1) == 4_800_000_000_000_000_000_000_000, ITEM  # all of it, at fin


def test_3_allowance_pauseproxy_sky_to_mcd_vest_sky_treasury_increased_by_4_800_0(cast):
    """sections[0].actions[2]: allowance: PauseProxy SKY to MCD_VEST_SKY_TREASURY increased by 4,800,000 SKY"""
    ITEM = 'sections[0].actions[2]: allowance: PauseProxy SKY to MCD_VEST_SKY_TREASURY increased by 4,800,000 SKY'
    increase = cast.after.allowance["MCD_VEST_SKY_TREASURY"] - cast.before.allowance["MCD_VEST_SKY_TREASURY"]
    assert increase == 4_800_000_000_000_000_000_000_000, ITEM  # 4,800,000 SKY


def test_4_events_of_stream_360_000_usds_to_ecosystem_on_mcd_vest_usds_2025_03_01_00_00(cast):
    """sections[0].actions[0]: events of stream: 360,000 USDS to ECOSYSTEM on MCD_VEST_USDS, 2025-03-01 00:00:00 UTC to 2026-02-28 23:59:59 UTC"""
    ITEM = 'sections[0].actions[0]: events of stream: 360,000 USDS to ECOSYSTEM on MCD_VEST_USDS, 2025-03-01 00:00:00 UTC to 2026-02-28 23:59:59 UTC'
    events = cast.action_events("sections[0].actions[0]")  # its segment of the cast's logs, in order
    forms = {  # the sequences stream declares (spellgen/spellfile/actions/stream.py)
        "": [("MCD_VEST_USDS", "Init"), ("MCD_VEST_USDS", "Restrict")],
        "restricted: false": [("MCD_VEST_USDS", "Init")],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_5_events_of_stream_4_800_000_sky_to_ecosystem_on_mcd_vest_sky_treasury_2025_03(cast):
    """sections[0].actions[1]: events of stream: 4,800,000 SKY to ECOSYSTEM on MCD_VEST_SKY_TREASURY, 2025-03-01 00:00:00 UTC to 2027-02-28 23:59:59 UTC"""
    ITEM = 'sections[0].actions[1]: events of stream: 4,800,000 SKY to ECOSYSTEM on MCD_VEST_SKY_TREASURY, 2025-03-01 00:00:00 UTC to 2027-02-28 23:59:59 UTC'
    events = cast.action_events("sections[0].actions[1]")  # its segment of the cast's logs, in order
    forms = {  # the sequences stream declares (spellgen/spellfile/actions/stream.py)
        "": [("MCD_VEST_SKY_TREASURY", "Init"), ("MCD_VEST_SKY_TREASURY", "Restrict")],
        "restricted: false": [("MCD_VEST_SKY_TREASURY", "Init")],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_6_events_of_allowance_pauseproxy_sky_to_mcd_vest_sky_treasury_increased_by_4_800_0(cast):
    """sections[0].actions[2]: events of allowance: PauseProxy SKY to MCD_VEST_SKY_TREASURY increased by 4,800,000 SKY"""
    ITEM = 'sections[0].actions[2]: events of allowance: PauseProxy SKY to MCD_VEST_SKY_TREASURY increased by 4,800,000 SKY'
    events = cast.action_events("sections[0].actions[2]")  # its segment of the cast's logs, in order
    # as allowance declares it (spellgen/spellfile/actions/allowance.py)
    expected = [("SKY", "Approval")]
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_spell_description_office_hours_and_expiry(cast):
    """The spell: description, office hours and expiration as declared."""
    assert cast.observation.description == "2025-03-01 MakerDAO Executive Spell | Hash: 0x2222222222222222222222222222222222222222222222222222222222222222"
    assert cast.observation.office_hours is False
    assert cast.observation.expiration == cast.observation.deployed_at + 2592000  # 30 days
