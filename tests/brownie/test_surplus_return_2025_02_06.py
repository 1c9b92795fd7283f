"""Brownie tests of surplus-return-2025-02-06.yaml, written by `spellgen brownie-test`: one test per YAML item.

    brownie test tests/brownie/test_surplus_return_2025_02_06.py                          # on the twin at 2025-02-06
    brownie test tests/brownie/test_surplus_return_2025_02_06.py --network mainnet-fork   # on a fork of $ETH_RPC_URL

The expected values are literals computed from the YAML (spellgen.spellfile.expect), never from the
Solidity. The fixtures come from spellgen's pytest plugin: `cast` is the spell deployed, elected,
scheduled and cast (spellgen's Simulator), with what the chain showed before and after, inside a
snapshot reverted after each test. Add tests of your own with the same fixtures.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
pytest_plugins = ["spellgen.integrations.pytest_plugin"]

SPEC = HERE / "../spells/surplus-return-2025-02-06.yaml"
SPELL = None  # None: the spell rendered from SPEC; a path: that Solidity file ($SPELLGEN_SPELL overrides)
WAD = 10**18


def test_1_return_to_the_surplus_buffer_406_451_52_dai_of_the_pauseproxy(cast):
    """sections[0].actions[0]: return to the surplus buffer: 406,451.52 DAI of the PauseProxy"""
    ITEM = 'sections[0].actions[0]: return to the surplus buffer: 406,451.52 DAI of the PauseProxy'
    proxy = cast.addresses["MCD_PAUSE_PROXY"].lower()
    amount = 406_451_520_000_000_000_000_000  # 406,451.52 DAI
    assert cast.after.vow_dai - cast.before.vow_dai == amount * 10**27, ITEM  # the Vow's dai, rad
    assert cast.before.held[("MCD_DAI", proxy)] - cast.after.held[("MCD_DAI", proxy)] == amount, ITEM


def test_2_usds_payment_3_000_000_usds_to_integration_boost_initiative(cast):
    """sections[1].actions[0]: USDS payment: 3,000,000 USDS to INTEGRATION_BOOST_INITIATIVE"""
    ITEM = 'sections[1].actions[0]: USDS payment: 3,000,000 USDS to INTEGRATION_BOOST_INITIATIVE'
    recipient = "0xD6891d1DFFDA6B0B1aF3524018a1eE2E608785F7"  # INTEGRATION_BOOST_INITIATIVE
    received = cast.after.usds[recipient] - cast.before.usds[recipient]
    assert received == 3_000_000_000_000_000_000_000_000, ITEM  # 3,000,000 USDS


def test_3_usds_payment_1_000_usds_to_gfxlabs(cast):
    """sections[2].actions[0]: USDS payment: 1,000 USDS to GFXLABS"""
    ITEM = 'sections[2].actions[0]: USDS payment: 1,000 USDS to GFXLABS'
    recipient = "0xa6e8772af29b29B9202a073f8E36f447689BEef6"  # GFXLABS
    received = cast.after.usds[recipient] - cast.before.usds[recipient]
    assert received == 1_000_000_000_000_000_000_000, ITEM  # 1,000 USDS


def test_4_events_of_return_to_the_surplus_buffer_406_451_52_dai_of_the_pauseproxy(cast):
    """sections[0].actions[0]: events of return to the surplus buffer: 406,451.52 DAI of the PauseProxy"""
    ITEM = 'sections[0].actions[0]: events of return to the surplus buffer: 406,451.52 DAI of the PauseProxy'
    events = cast.action_events("sections[0].actions[0]")  # its segment of the cast's logs, in order
    forms = {  # the sequences return to the surplus buffer declares (spellgen/spellfile/actions/surplus_return.py)
        "": [
            ("DAI", "Approval"),
            ("MCD_VAT", "LogNote(move)"),
            ("DAI", "Transfer"),
            ("MCD_JOIN_DAI", "LogNote(join)"),
        ],
        "token: USDS": [
            ("USDS", "Approval"),
            ("MCD_VAT", "LogNote(move)"),
            ("USDS", "Transfer"),
            ("USDS_JOIN", "Join"),
        ],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_5_events_of_usds_payment_3_000_000_usds_to_integration_boost_initiative(cast):
    """sections[1].actions[0]: events of USDS payment: 3,000,000 USDS to INTEGRATION_BOOST_INITIATIVE"""
    ITEM = 'sections[1].actions[0]: events of USDS payment: 3,000,000 USDS to INTEGRATION_BOOST_INITIATIVE'
    events = cast.action_events("sections[1].actions[0]")  # its segment of the cast's logs, in order
    # as USDS payment declares it (spellgen/spellfile/actions/usds_payment.py)
    expected = [
        ("MCD_VAT", "LogNote(suck)"),
        ("MCD_VAT", "LogNote(move)"),
        ("DAI", "Transfer"),
        ("MCD_JOIN_DAI", "LogNote(exit)"),
        ("DAI", "Approval"),
        ("DAI", "Transfer"),
        ("MCD_VAT", "LogNote(move)"),
        ("DAI", "Transfer"),
        ("MCD_JOIN_DAI", "LogNote(join)"),
        ("MCD_VAT", "LogNote(move)"),
        ("USDS", "Transfer"),
        ("USDS_JOIN", "Exit"),
        ("DAI_USDS", "DaiToUsds"),
    ]
    if events.first_use:  # the first action that needs them (vat_can false before the cast)
        expected[1:1] = [("MCD_VAT", "LogNote(hope)")]
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_6_events_of_usds_payment_1_000_usds_to_gfxlabs(cast):
    """sections[2].actions[0]: events of USDS payment: 1,000 USDS to GFXLABS"""
    ITEM = 'sections[2].actions[0]: events of USDS payment: 1,000 USDS to GFXLABS'
    events = cast.action_events("sections[2].actions[0]")  # its segment of the cast's logs, in order
    # as USDS payment declares it (spellgen/spellfile/actions/usds_payment.py)
    expected = [
        ("MCD_VAT", "LogNote(suck)"),
        ("MCD_VAT", "LogNote(move)"),
        ("DAI", "Transfer"),
        ("MCD_JOIN_DAI", "LogNote(exit)"),
        ("DAI", "Approval"),
        ("DAI", "Transfer"),
        ("MCD_VAT", "LogNote(move)"),
        ("DAI", "Transfer"),
        ("MCD_JOIN_DAI", "LogNote(join)"),
        ("MCD_VAT", "LogNote(move)"),
        ("USDS", "Transfer"),
        ("USDS_JOIN", "Exit"),
        ("DAI_USDS", "DaiToUsds"),
    ]
    if events.first_use:  # the first action that needs them (vat_can false before the cast)
        expected[1:1] = [("MCD_VAT", "LogNote(hope)")]
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_spell_description_office_hours_and_expiry(cast):
    """The spell: description, office hours and expiration as declared."""
    assert cast.observation.description == "2025-02-06 MakerDAO Executive Spell | Hash: 0xc89ebc18cbe250c96a4a72bdbdb45cf258b6634597b119fdb1fd0969e79cf629"
    assert cast.observation.office_hours is True
    assert cast.observation.expiration == cast.observation.deployed_at + 2592000  # 30 days
