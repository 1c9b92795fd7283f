"""Brownie tests of univ2-return-2025-02-21.yaml, written by `spellgen brownie-test`: one test per YAML item.

    brownie test tests/brownie/test_univ2_return_2025_02_21.py                          # on the twin at 2025-02-21
    brownie test tests/brownie/test_univ2_return_2025_02_21.py --network mainnet-fork   # on a fork of $ETH_RPC_URL

The expected values are literals computed from the YAML (spellgen.spellfile.expect), never from the
Solidity. The fixtures come from spellgen's pytest plugin: `cast` is the spell deployed, elected,
scheduled and cast (spellgen's Simulator), with what the chain showed before and after, inside a
snapshot reverted after each test. Add tests of your own with the same fixtures.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
pytest_plugins = ["spellgen.integrations.pytest_plugin"]

SPEC = HERE / "../spells/univ2-return-2025-02-21.yaml"
SPELL = None  # None: the spell rendered from SPEC; a path: that Solidity file ($SPELLGEN_SPELL overrides)
WAD = 10**18


def test_1_uniswap_v2_withdrawal_the_pauseproxy_s_univ2usdssky_liquidity_but_7_500_000_usds_w(cast):
    """sections[0].actions[0]: Uniswap V2 withdrawal: the PauseProxy's UNIV2USDSSKY liquidity, but 7,500,000 USDS worth, paid out in SKY and USDS"""
    ITEM = "sections[0].actions[0]: Uniswap V2 withdrawal: the PauseProxy's UNIV2USDSSKY liquidity, but 7,500,000 USDS worth, paid out in SKY and USDS"
    pool, after = cast.before.pools["UNIV2USDSSKY"], cast.after.pools["UNIV2USDSSKY"]
    kept = pool["supply"] * 7_500_000_000_000_000_000_000_000 // pool["balance1"]  # 7,500,000 USDS worth
    burnt = pool["proxy_lp"] - kept
    assert pool["supply"] - after["supply"] == burnt, ITEM
    assert pool["proxy_lp"] - after["proxy_lp"] == burnt, ITEM
    assert pool["balance0"] - after["balance0"] == burnt * pool["balance0"] // pool["supply"], ITEM
    assert pool["balance1"] - after["balance1"] == burnt * pool["balance1"] // pool["supply"], ITEM
    assert (after["reserve0"], after["reserve1"]) == (after["balance0"], after["balance1"]), ITEM


def test_2_return_to_the_surplus_buffer_the_usds_withdrawn_of_the_pauseproxy(cast):
    """sections[0].actions[1]: return to the surplus buffer: the USDS withdrawn of the PauseProxy"""
    ITEM = 'sections[0].actions[1]: return to the surplus buffer: the USDS withdrawn of the PauseProxy'
    proxy = cast.addresses["MCD_PAUSE_PROXY"].lower()
    pool = cast.before.pools["UNIV2USDSSKY"]
    burnt = pool["proxy_lp"] - pool["supply"] * 7_500_000_000_000_000_000_000_000 // pool["balance1"]
    amount = burnt * pool["balance1"] // pool["supply"]  # the USDS the withdrawal paid
    assert cast.after.vow_dai - cast.before.vow_dai == amount * 10**27, ITEM  # the Vow's dai, rad
    assert cast.after.held[("USDS", proxy)] == cast.before.held[("USDS", proxy)], ITEM  # paid in, joined


def test_3_events_of_uniswap_v2_withdrawal_the_pauseproxy_s_univ2usdssky_liquidity_but_7_500_000_usds_w(cast):
    """sections[0].actions[0]: events of Uniswap V2 withdrawal: the PauseProxy's UNIV2USDSSKY liquidity, but 7,500,000 USDS worth, paid out in SKY and USDS"""
    ITEM = "sections[0].actions[0]: events of Uniswap V2 withdrawal: the PauseProxy's UNIV2USDSSKY liquidity, but 7,500,000 USDS worth, paid out in SKY and USDS"
    events = cast.action_events("sections[0].actions[0]")  # its segment of the cast's logs, in order
    # as Uniswap V2 withdrawal declares it (spellgen/spellfile/actions/univ2_withdrawal.py)
    expected = [
        ("UNIV2USDSSKY", "Sync"),
        ("UNIV2USDSSKY", "Transfer"),
        ("UNIV2USDSSKY", "Transfer"),
        ("SKY", "Transfer"),
        ("USDS", "Transfer"),
        ("UNIV2USDSSKY", "Sync"),
        ("UNIV2USDSSKY", "Burn"),
    ]
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_4_events_of_return_to_the_surplus_buffer_the_usds_withdrawn_of_the_pauseproxy(cast):
    """sections[0].actions[1]: events of return to the surplus buffer: the USDS withdrawn of the PauseProxy"""
    ITEM = 'sections[0].actions[1]: events of return to the surplus buffer: the USDS withdrawn of the PauseProxy'
    events = cast.action_events("sections[0].actions[1]")  # its segment of the cast's logs, in order
    forms = {  # the sequences return to the surplus buffer declares (spellgen/spellfile/actions/surplus_return.py)
        "": [
            ("USDS", "Approval"),
            ("MCD_VAT", "LogNote(move)"),
            ("USDS", "Transfer"),
            ("USDS_JOIN", "LogNote(join)"),
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


def test_spell_description_office_hours_and_expiry(cast):
    """The spell: description, office hours and expiration as declared."""
    assert cast.observation.description == "2025-02-21 MakerDAO Executive Spell | Hash: 0x0000000000000000000000000000000000000000000000000000000000000000"
    assert cast.observation.office_hours is True
    assert cast.observation.expiration == cast.observation.deployed_at + 2592000  # 30 days
