"""Brownie tests of proxy-transfer-2025-08-21.yaml, written by `spellgen brownie-test`: one test per YAML item.

    brownie test tests/brownie/test_proxy_transfer_2025_08_21.py                          # on the twin at 2025-08-21
    brownie test tests/brownie/test_proxy_transfer_2025_08_21.py --network mainnet-fork   # on a fork of $ETH_RPC_URL

The expected values are literals computed from the YAML (spellgen.spellfile.expect), never from the
Solidity. The fixtures come from spellgen's pytest plugin: `cast` is the spell deployed, elected,
scheduled and cast (spellgen's Simulator), with what the chain showed before and after, inside a
snapshot reverted after each test. Add tests of your own with the same fixtures.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
pytest_plugins = ["spellgen.integrations.pytest_plugin"]

SPEC = HERE / "../spells/proxy-transfer-2025-08-21.yaml"
SPELL = None  # None: the spell rendered from SPEC; a path: that Solidity file ($SPELLGEN_SPELL overrides)
WAD = 10**18


def test_1_sky_transfer_200_000_000_sky_to_fortification_foundation(cast):
    """sections[0].actions[0]: SKY transfer: 200,000,000 SKY to FORTIFICATION_FOUNDATION"""
    ITEM = 'sections[0].actions[0]: SKY transfer: 200,000,000 SKY to FORTIFICATION_FOUNDATION'
    recipient = "0x483413ccCD796Deddee88E4d3e202425d5E891C6"  # FORTIFICATION_FOUNDATION
    received = cast.after.sky[recipient] - cast.before.sky[recipient]
    assert received == 200_000_000_000_000_000_000_000_000, ITEM  # 200,000,000 SKY


def test_2_pauseproxy_transfer_all_dai_to_sky_frontier_foundation(cast):
    """sections[0].actions[1]: PauseProxy transfer: all DAI to SKY_FRONTIER_FOUNDATION"""
    ITEM = 'sections[0].actions[1]: PauseProxy transfer: all DAI to SKY_FRONTIER_FOUNDATION'
    recipient = "0xca5183FB9997046fbd9bA8113139bf5a5Af122A0"  # SKY_FRONTIER_FOUNDATION
    proxy = cast.addresses["MCD_PAUSE_PROXY"].lower()
    balance = cast.before.held[("MCD_DAI", proxy)]  # the PauseProxy's DAI at this statement: before the cast
    received = cast.after.held[("MCD_DAI", recipient.lower())] - cast.before.held[("MCD_DAI", recipient.lower())]
    assert received == balance, ITEM  # all DAI


def test_3_pauseproxy_transfer_all_eth_but_0_25_to_sky_frontier_foundation(cast):
    """sections[0].actions[2]: PauseProxy transfer: all ETH but 0.25 to SKY_FRONTIER_FOUNDATION"""
    ITEM = 'sections[0].actions[2]: PauseProxy transfer: all ETH but 0.25 to SKY_FRONTIER_FOUNDATION'
    recipient = "0xca5183FB9997046fbd9bA8113139bf5a5Af122A0"  # SKY_FRONTIER_FOUNDATION
    proxy = cast.addresses["MCD_PAUSE_PROXY"].lower()
    balance = cast.before.held[("ether", proxy)]  # the PauseProxy's ETH at this statement: before the cast
    received = cast.after.held[("ether", recipient.lower())] - cast.before.held[("ether", recipient.lower())]
    assert received == balance - 250_000_000_000_000_000, ITEM  # all ETH but 0.25


def test_4_pauseproxy_transfer_all_sky_but_16_000_000_to_sky_frontier_foundation(cast):
    """sections[0].actions[3]: PauseProxy transfer: all SKY but 16,000,000 to SKY_FRONTIER_FOUNDATION"""
    ITEM = 'sections[0].actions[3]: PauseProxy transfer: all SKY but 16,000,000 to SKY_FRONTIER_FOUNDATION'
    recipient = "0xca5183FB9997046fbd9bA8113139bf5a5Af122A0"  # SKY_FRONTIER_FOUNDATION
    proxy = cast.addresses["MCD_PAUSE_PROXY"].lower()
    balance = cast.before.held[("SKY", proxy)] - 200_000_000_000_000_000_000_000_000  # the PauseProxy's SKY at this statement: before the cast, with the earlier statements' changes
    received = cast.after.held[("SKY", recipient.lower())] - cast.before.held[("SKY", recipient.lower())]
    assert received == balance - 16_000_000_000_000_000_000_000_000, ITEM  # all SKY but 16,000,000


def test_5_pauseproxy_transfer_1_000_000_5_spk_to_ecosystem(cast):
    """sections[0].actions[4]: PauseProxy transfer: 1,000,000.5 SPK to ECOSYSTEM"""
    ITEM = 'sections[0].actions[4]: PauseProxy transfer: 1,000,000.5 SPK to ECOSYSTEM'
    recipient = "0xaef7a9890c81A46C38fb26b940624DBB4dd591dd"  # ECOSYSTEM
    received = cast.after.held[("SPK", recipient.lower())] - cast.before.held[("SPK", recipient.lower())]
    assert received == 1_000_000_500_000_000_000_000_000, ITEM  # 1,000,000.5 SPK


def test_6_pauseproxy_transfer_500_000_spk_to_allocator_bloom_a_subproxy(cast):
    """sections[0].actions[5]: PauseProxy transfer: 500,000 SPK to ALLOCATOR_BLOOM_A_SUBPROXY"""
    ITEM = 'sections[0].actions[5]: PauseProxy transfer: 500,000 SPK to ALLOCATOR_BLOOM_A_SUBPROXY'
    recipient = "0x1369f7b2b38c76B6478c0f0E66D94923421891Ba"
    received = cast.after.held[("SPK", recipient.lower())] - cast.before.held[("SPK", recipient.lower())]
    assert received == 500_000_000_000_000_000_000_000, ITEM  # 500,000 SPK


def test_7_pauseproxy_transfer_all_mkr_but_1_000_to_ecosystem(cast):
    """sections[0].actions[6]: PauseProxy transfer: all MKR but 1,000 to ECOSYSTEM"""
    ITEM = 'sections[0].actions[6]: PauseProxy transfer: all MKR but 1,000 to ECOSYSTEM'
    recipient = "0xaef7a9890c81A46C38fb26b940624DBB4dd591dd"  # ECOSYSTEM
    proxy = cast.addresses["MCD_PAUSE_PROXY"].lower()
    balance = cast.before.held[("MKR", proxy)]  # the PauseProxy's MKR at this statement: before the cast
    received = cast.after.held[("MKR", recipient.lower())] - cast.before.held[("MKR", recipient.lower())]
    assert received == balance - 1_000_000_000_000_000_000_000, ITEM  # all MKR but 1,000


def test_8_burn_6_292_860_23_sky_of_the_pauseproxy(cast):
    """sections[1].actions[0]: burn: 6,292,860.23 SKY of the PauseProxy"""
    ITEM = 'sections[1].actions[0]: burn: 6,292,860.23 SKY of the PauseProxy'
    fell = cast.before.supply["SKY"] - cast.after.supply["SKY"]
    assert fell == 6_292_860_230_000_000_000_000_000, ITEM  # 6,292,860.23 SKY


def test_9_burn_all_spk_but_4_000_000_000_of_the_pauseproxy(cast):
    """sections[1].actions[1]: burn: all SPK but 4,000,000,000 of the PauseProxy"""
    ITEM = 'sections[1].actions[1]: burn: all SPK but 4,000,000,000 of the PauseProxy'
    proxy = cast.addresses["MCD_PAUSE_PROXY"].lower()
    balance = cast.before.held[("SPK", proxy)] - 1_500_000_500_000_000_000_000_000  # the PauseProxy's SPK at this statement
    fell = cast.before.supply["SPK"] - cast.after.supply["SPK"]
    assert fell == balance - 4_000_000_000_000_000_000_000_000_000, ITEM  # all SPK but 4,000,000,000


def test_10_chainlog_allocator_bloom_a_subproxy_is_0x1369f7b2b38c76b6478c0f0e66d9(cast):
    """spell: chainlog: ALLOCATOR_BLOOM_A_SUBPROXY is 0x1369f7b2b38c76B6478c0f0E66D94923421891Ba"""
    ITEM = 'spell: chainlog: ALLOCATOR_BLOOM_A_SUBPROXY is 0x1369f7b2b38c76B6478c0f0E66D94923421891Ba'
    held = cast.observation.chainlog["ALLOCATOR_BLOOM_A_SUBPROXY"] or ""  # what the ChainLog holds under the key
    assert held.lower() == "0x1369f7b2b38c76B6478c0f0E66D94923421891Ba".lower(), ITEM


def test_11_events_of_sky_transfer_200_000_000_sky_to_fortification_foundation(cast):
    """sections[0].actions[0]: events of SKY transfer: 200,000,000 SKY to FORTIFICATION_FOUNDATION"""
    ITEM = 'sections[0].actions[0]: events of SKY transfer: 200,000,000 SKY to FORTIFICATION_FOUNDATION'
    events = cast.action_events("sections[0].actions[0]")  # its segment of the cast's logs, in order
    forms = {  # the sequences SKY transfer declares (spellgen/spellfile/actions/sky_transfer.py)
        "": [("SKY", "Transfer")],
        "from: mkr": [
            ("MKR", "Approval"),
            ("MKR", "Burn"),
            ("SKY", "Transfer"),
            ("MKR_SKY", "MkrToSky"),
            ("SKY", "Transfer"),
        ],
        "from: mkr_direct": [
            ("MKR", "Approval"),
            ("MKR", "Burn"),
            ("SKY", "Transfer"),
            ("MKR_SKY", "MkrToSky"),
        ],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_12_events_of_pauseproxy_transfer_all_dai_to_sky_frontier_foundation(cast):
    """sections[0].actions[1]: events of PauseProxy transfer: all DAI to SKY_FRONTIER_FOUNDATION"""
    ITEM = 'sections[0].actions[1]: events of PauseProxy transfer: all DAI to SKY_FRONTIER_FOUNDATION'
    events = cast.action_events("sections[0].actions[1]")  # its segment of the cast's logs, in order
    forms = {  # the sequences PauseProxy transfer declares (spellgen/spellfile/actions/proxy_transfer.py)
        "": [("DAI", "Transfer")],
        "token: ether": [],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_13_events_of_pauseproxy_transfer_all_eth_but_0_25_to_sky_frontier_foundation(cast):
    """sections[0].actions[2]: events of PauseProxy transfer: all ETH but 0.25 to SKY_FRONTIER_FOUNDATION"""
    ITEM = 'sections[0].actions[2]: events of PauseProxy transfer: all ETH but 0.25 to SKY_FRONTIER_FOUNDATION'
    events = cast.action_events("sections[0].actions[2]")  # its segment of the cast's logs, in order
    forms = {  # the sequences PauseProxy transfer declares (spellgen/spellfile/actions/proxy_transfer.py)
        "": [("TOKEN", "Transfer")],
        "token: ether": [],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_14_events_of_pauseproxy_transfer_all_sky_but_16_000_000_to_sky_frontier_foundation(cast):
    """sections[0].actions[3]: events of PauseProxy transfer: all SKY but 16,000,000 to SKY_FRONTIER_FOUNDATION"""
    ITEM = 'sections[0].actions[3]: events of PauseProxy transfer: all SKY but 16,000,000 to SKY_FRONTIER_FOUNDATION'
    events = cast.action_events("sections[0].actions[3]")  # its segment of the cast's logs, in order
    forms = {  # the sequences PauseProxy transfer declares (spellgen/spellfile/actions/proxy_transfer.py)
        "": [("SKY", "Transfer")],
        "token: ether": [],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_15_events_of_pauseproxy_transfer_1_000_000_5_spk_to_ecosystem(cast):
    """sections[0].actions[4]: events of PauseProxy transfer: 1,000,000.5 SPK to ECOSYSTEM"""
    ITEM = 'sections[0].actions[4]: events of PauseProxy transfer: 1,000,000.5 SPK to ECOSYSTEM'
    events = cast.action_events("sections[0].actions[4]")  # its segment of the cast's logs, in order
    forms = {  # the sequences PauseProxy transfer declares (spellgen/spellfile/actions/proxy_transfer.py)
        "": [("SPK", "Transfer")],
        "token: ether": [],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_16_events_of_pauseproxy_transfer_500_000_spk_to_allocator_bloom_a_subproxy(cast):
    """sections[0].actions[5]: events of PauseProxy transfer: 500,000 SPK to ALLOCATOR_BLOOM_A_SUBPROXY"""
    ITEM = 'sections[0].actions[5]: events of PauseProxy transfer: 500,000 SPK to ALLOCATOR_BLOOM_A_SUBPROXY'
    events = cast.action_events("sections[0].actions[5]")  # its segment of the cast's logs, in order
    forms = {  # the sequences PauseProxy transfer declares (spellgen/spellfile/actions/proxy_transfer.py)
        "": [("SPK", "Transfer")],
        "token: ether": [],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_17_events_of_pauseproxy_transfer_all_mkr_but_1_000_to_ecosystem(cast):
    """sections[0].actions[6]: events of PauseProxy transfer: all MKR but 1,000 to ECOSYSTEM"""
    ITEM = 'sections[0].actions[6]: events of PauseProxy transfer: all MKR but 1,000 to ECOSYSTEM'
    events = cast.action_events("sections[0].actions[6]")  # its segment of the cast's logs, in order
    forms = {  # the sequences PauseProxy transfer declares (spellgen/spellfile/actions/proxy_transfer.py)
        "": [("MKR", "Transfer")],
        "token: ether": [],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_18_events_of_burn_6_292_860_23_sky_of_the_pauseproxy(cast):
    """sections[1].actions[0]: events of burn: 6,292,860.23 SKY of the PauseProxy"""
    ITEM = 'sections[1].actions[0]: events of burn: 6,292,860.23 SKY of the PauseProxy'
    events = cast.action_events("sections[1].actions[0]")  # its segment of the cast's logs, in order
    # as burn declares it (spellgen/spellfile/actions/burn.py)
    expected = [("SKY", "Transfer")]
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_19_events_of_burn_all_spk_but_4_000_000_000_of_the_pauseproxy(cast):
    """sections[1].actions[1]: events of burn: all SPK but 4,000,000,000 of the PauseProxy"""
    ITEM = 'sections[1].actions[1]: events of burn: all SPK but 4,000,000,000 of the PauseProxy'
    events = cast.action_events("sections[1].actions[1]")  # its segment of the cast's logs, in order
    # as burn declares it (spellgen/spellfile/actions/burn.py)
    expected = [("SPK", "Transfer")]
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_spell_description_office_hours_and_expiry(cast):
    """The spell: description, office hours and expiration as declared."""
    assert cast.observation.description == "2025-08-21 MakerDAO Executive Spell | Hash: 0x3333333333333333333333333333333333333333333333333333333333333333"
    assert cast.observation.office_hours is False
    assert cast.observation.expiration == cast.observation.deployed_at + 2592000  # 30 days
