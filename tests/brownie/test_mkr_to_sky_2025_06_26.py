"""Brownie tests of mkr-to-sky-2025-06-26.yaml, written by `spellgen brownie-test`: one test per YAML item.

    brownie test tests/brownie/test_mkr_to_sky_2025_06_26.py                          # on the twin at 2025-06-26
    brownie test tests/brownie/test_mkr_to_sky_2025_06_26.py --network mainnet-fork   # on a fork of $ETH_RPC_URL

The expected values are literals computed from the YAML (spellgen.spellfile.expect), never from the
Solidity. The fixtures come from spellgen's pytest plugin: `cast` is the spell deployed, elected,
scheduled and cast (spellgen's Simulator), with what the chain showed before and after, inside a
snapshot reverted after each test. Add tests of your own with the same fixtures.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
pytest_plugins = ["spellgen.integrations.pytest_plugin"]

SPEC = HERE / "../spells/mkr-to-sky-2025-06-26.yaml"
SPELL = None  # None: the spell rendered from SPEC; a path: that Solidity file ($SPELLGEN_SPELL overrides)
WAD = 10**18


def test_1_mkr_sky_conversion_all_mkr_of_the_pauseproxy_less_what_mcd_vest_mkr_treasury_id(cast):
    """sections[0].actions[0]: MKR -> SKY conversion: all MKR of the PauseProxy less what MCD_VEST_MKR_TREASURY ids 9, 18, 24, 35, 37, and 39 still owe, read at the cast, into SKY"""
    ITEM = 'sections[0].actions[0]: MKR -> SKY conversion: all MKR of the PauseProxy less what MCD_VEST_MKR_TREASURY ids 9, 18, 24, 35, 37, and 39 still owe, read at the cast, into SKY'
    proxy = cast.addresses["MCD_PAUSE_PROXY"]
    balance = cast.before.mkr[proxy]  # the PauseProxy's MKR before the cast
    t = cast.cast_time  # what each award owes at the cast
    owed = 0
    for key in [("MCD_VEST_MKR_TREASURY", 9), ("MCD_VEST_MKR_TREASURY", 18), ("MCD_VEST_MKR_TREASURY", 24), ("MCD_VEST_MKR_TREASURY", 35), ("MCD_VEST_MKR_TREASURY", 37), ("MCD_VEST_MKR_TREASURY", 39)]:  # DssVest.unpaid of each award the amount keeps back
        b = cast.before.awards[key]
        owed += 0 if t < b.clf else (b.tot if t >= b.fin else b.tot * (t - b.bgn) // (b.fin - b.bgn)) - b.rxd
    converted = balance - owed  # all MKR of the PauseProxy less what MCD_VEST_MKR_TREASURY ids 9, 18, 24, 35, 37, and 39 still owe, read at the cast, into SKY
    assert cast.before.supply["MKR"] - cast.after.supply["MKR"] == converted, ITEM
    assert cast.after.supply["SKY"] - cast.before.supply["SKY"] == converted * 24_000, ITEM
    assert cast.after.sky[proxy] - cast.before.sky[proxy] == converted * 24_000, ITEM


def test_2_events_of_mkr_sky_conversion_all_mkr_of_the_pauseproxy_less_what_mcd_vest_mkr_treasury_id(cast):
    """sections[0].actions[0]: events of MKR -> SKY conversion: all MKR of the PauseProxy less what MCD_VEST_MKR_TREASURY ids 9, 18, 24, 35, 37, and 39 still owe, read at the cast, into SKY"""
    ITEM = 'sections[0].actions[0]: events of MKR -> SKY conversion: all MKR of the PauseProxy less what MCD_VEST_MKR_TREASURY ids 9, 18, 24, 35, 37, and 39 still owe, read at the cast, into SKY'
    events = cast.action_events("sections[0].actions[0]")  # its segment of the cast's logs, in order
    # as MKR -> SKY conversion declares it (spellgen/spellfile/actions/mkr_to_sky.py)
    expected = [
        ("MKR", "Approval"),
        ("MKR", "Burn"),
        ("SKY", "Transfer"),
        ("MKR_SKY", "MkrToSky"),
    ]
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_spell_description_office_hours_and_expiry(cast):
    """The spell: description, office hours and expiration as declared."""
    assert cast.observation.description == "2025-06-26 MakerDAO Executive Spell | Hash: 0x921afc55c9b3a3563926da63687b00b1b751cf540052d71356ef62107d06f2c8"
    assert cast.observation.office_hours is True
    assert cast.observation.expiration == cast.observation.deployed_at + 2592000  # 30 days
