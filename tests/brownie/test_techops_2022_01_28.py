"""Brownie tests of techops-2022-01-28.yaml, written by `spellgen brownie-test`: one test per YAML item.

    brownie test tests/brownie/test_techops_2022_01_28.py                          # on the twin at 2022-01-28
    brownie test tests/brownie/test_techops_2022_01_28.py --network mainnet-fork   # on a fork of $ETH_RPC_URL

The expected values are literals computed from the YAML (spellgen.spellfile.expect), never from the
Solidity. The fixtures come from spellgen's pytest plugin: `cast` is the spell deployed, elected,
scheduled and cast (spellgen's Simulator), with what the chain showed before and after, inside a
snapshot reverted after each test. Add tests of your own with the same fixtures.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
pytest_plugins = ["spellgen.integrations.pytest_plugin"]

SPEC = HERE / "../../examples/techops-2022-01-28.yaml"
SPELL = None  # None: the spell rendered from SPEC; a path: that Solidity file ($SPELLGEN_SPELL overrides)
WAD = 10**18


def test_1_dai_payment_1_069_250_dai_to_tech_001(cast):
    """sections[0].actions[0]: DAI payment: 1,069,250 DAI to TECH_001"""
    ITEM = 'sections[0].actions[0]: DAI payment: 1,069,250 DAI to TECH_001'
    recipient = "0x2dC0420A736D1F40893B9481D8968E4D7424bC0B"  # TECH_001
    received = cast.after.dai[recipient] - cast.before.dai[recipient]
    assert received == 1_069_250_000_000_000_000_000_000, ITEM  # 1,069,250 DAI


def test_2_stream_2_486_400_dai_to_tech_001_on_mcd_vest_dai_2022_02_01_00_00_0(cast):
    """sections[0].actions[1]: stream: 2,486,400 DAI to TECH_001 on MCD_VEST_DAI, 2022-02-01 00:00:00 UTC to 2023-01-31 00:00:00 UTC"""
    ITEM = 'sections[0].actions[1]: stream: 2,486,400 DAI to TECH_001 on MCD_VEST_DAI, 2022-02-01 00:00:00 UTC to 2023-01-31 00:00:00 UTC'
    award = cast.new_award("MCD_VEST_DAI", 1)  # the cast's new award number 1 on MCD_VEST_DAI
    assert award.usr == "0x2dC0420A736D1F40893B9481D8968E4D7424bC0B", ITEM  # TECH_001
    assert award.bgn == 1643673600, ITEM  # 2022-02-01 00:00:00 UTC
    assert award.clf == 1643673600, ITEM  # 2022-02-01 00:00:00 UTC
    assert award.fin == 1675123200, ITEM  # 2023-01-31 00:00:00 UTC
    assert award.mgr == "0x0000000000000000000000000000000000000000", ITEM
    assert award.res == 1, ITEM
    assert award.tot == 2_486_400_000_000_000_000_000_000, ITEM  # 2,486,400 DAI
    assert award.rxd == 0, ITEM
    assert cast.vested_at_end("MCD_VEST_DAI", 1) == 2_486_400_000_000_000_000_000_000, ITEM  # all of it, at fin


def test_3_events_of_dai_payment_1_069_250_dai_to_tech_001(cast):
    """sections[0].actions[0]: events of DAI payment: 1,069,250 DAI to TECH_001"""
    ITEM = 'sections[0].actions[0]: events of DAI payment: 1,069,250 DAI to TECH_001'
    events = cast.action_events("sections[0].actions[0]")  # its segment of the cast's logs, in order
    # as DAI payment declares it (spellgen/spellfile/actions/dai_payment.py)
    expected = [
        ("MCD_VAT", "LogNote(suck)"),
        ("MCD_VAT", "LogNote(move)"),
        ("DAI", "Transfer"),
        ("MCD_JOIN_DAI", "LogNote(exit)"),
    ]
    if events.first_use:  # the first action that needs them (vat_can false before the cast)
        expected[1:1] = [("MCD_VAT", "LogNote(hope)")]
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_4_events_of_stream_2_486_400_dai_to_tech_001_on_mcd_vest_dai_2022_02_01_00_00_0(cast):
    """sections[0].actions[1]: events of stream: 2,486,400 DAI to TECH_001 on MCD_VEST_DAI, 2022-02-01 00:00:00 UTC to 2023-01-31 00:00:00 UTC"""
    ITEM = 'sections[0].actions[1]: events of stream: 2,486,400 DAI to TECH_001 on MCD_VEST_DAI, 2022-02-01 00:00:00 UTC to 2023-01-31 00:00:00 UTC'
    events = cast.action_events("sections[0].actions[1]")  # its segment of the cast's logs, in order
    forms = {  # the sequences stream declares (spellgen/spellfile/actions/stream.py)
        "": [("MCD_VEST_DAI", "Init"), ("MCD_VEST_DAI", "Restrict")],
        "restricted: false": [("MCD_VEST_DAI", "Init")],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_spell_description_office_hours_and_expiry(cast):
    """The spell: description, office hours and expiration as declared."""
    assert cast.observation.description == "2022-01-28 MakerDAO Executive Spell | Hash: 0x1284f085ea8cd00b52464a5191e1975b5e1b53fcfe3daa1434bd37348fbeaf9f"
    assert cast.observation.office_hours is False
    assert cast.observation.expiration == cast.observation.deployed_at + 2592000  # 30 days
