"""Brownie tests of treasury-2025-06-26.yaml, written by `spellgen brownie-test`: one test per YAML item.

    brownie test tests/brownie/test_treasury_2025_06_26.py                          # on the twin at 2025-06-26
    brownie test tests/brownie/test_treasury_2025_06_26.py --network mainnet-fork   # on a fork of $ETH_RPC_URL

The expected values are literals computed from the YAML (spellgen.spellfile.expect), never from the
Solidity. The fixtures come from spellgen's pytest plugin: `cast` is the spell deployed, elected,
scheduled and cast (spellgen's Simulator), with what the chain showed before and after, inside a
snapshot reverted after each test. Add tests of your own with the same fixtures.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
pytest_plugins = ["spellgen.integrations.pytest_plugin"]

SPEC = HERE / "../spells/treasury-2025-06-26.yaml"
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
    assert cast.after.supply["SKY"] - cast.before.supply["SKY"] == converted * 24_000 - 426_292_860_230_000_000_000_000_000, ITEM  # with the spell's other statements of the SKY supply
    assert cast.after.sky[proxy] - cast.before.sky[proxy] == converted * 24_000 - 435_310_860_230_000_000_000_000_000, ITEM  # with the spell's other statements of the PauseProxy's SKY


def test_2_burn_426_292_860_23_sky_of_the_pauseproxy(cast):
    """sections[1].actions[0]: burn: 426,292,860.23 SKY of the PauseProxy"""
    ITEM = 'sections[1].actions[0]: burn: 426,292,860.23 SKY of the PauseProxy'
    fell = cast.before.supply["SKY"] - cast.after.supply["SKY"] + (cast.before.supply["MKR"] - cast.after.supply["MKR"]) * 24_000  # with the SKY the conversions mint
    assert fell == 426_292_860_230_000_000_000_000_000, ITEM  # 426,292,860.23 SKY


def test_3_usds_payment_20_600_000_usds_to_spark_proxy(cast):
    """sections[2].actions[0]: USDS payment: 20,600,000 USDS to SPARK_PROXY"""
    ITEM = 'sections[2].actions[0]: USDS payment: 20,600,000 USDS to SPARK_PROXY'
    recipient = "0x3300f198988e4C9C63F75dF86De36421f06af8c4"
    received = cast.after.usds[recipient] - cast.before.usds[recipient]
    assert received == 20_600_000_000_000_000_000_000_000, ITEM  # 20,600,000 USDS


def test_4_sky_transfer_8_400_000_sky_to_launch_project_funding(cast):
    """sections[3].actions[0]: SKY transfer: 8,400,000 SKY to LAUNCH_PROJECT_FUNDING"""
    ITEM = 'sections[3].actions[0]: SKY transfer: 8,400,000 SKY to LAUNCH_PROJECT_FUNDING'
    recipient = "0x3C5142F28567E6a0F172fd0BaaF1f2847f49D02F"  # LAUNCH_PROJECT_FUNDING
    received = cast.after.sky[recipient] - cast.before.sky[recipient]
    assert received == 8_400_000_000_000_000_000_000_000, ITEM  # 8,400,000 SKY


def test_5_usds_payment_4_000_usds_to_blue(cast):
    """sections[4].actions[0]: USDS payment: 4,000 USDS to BLUE"""
    ITEM = 'sections[4].actions[0]: USDS payment: 4,000 USDS to BLUE'
    recipient = "0xb6C09680D822F162449cdFB8248a7D3FC26Ec9Bf"  # BLUE
    received = cast.after.usds[recipient] - cast.before.usds[recipient]
    assert received == 54_167_000_000_000_000_000_000, ITEM  # 54,167 USDS  # this item and 1 more to the same recipient


def test_6_usds_payment_4_000_usds_to_bonapublica(cast):
    """sections[4].actions[1]: USDS payment: 4,000 USDS to BONAPUBLICA"""
    ITEM = 'sections[4].actions[1]: USDS payment: 4,000 USDS to BONAPUBLICA'
    recipient = "0x167c1a762B08D7e78dbF8f24e5C3f1Ab415021D3"  # BONAPUBLICA
    received = cast.after.usds[recipient] - cast.before.usds[recipient]
    assert received == 4_000_000_000_000_000_000_000, ITEM  # 4,000 USDS


def test_7_usds_payment_4_000_usds_to_cloaky_2(cast):
    """sections[4].actions[2]: USDS payment: 4,000 USDS to CLOAKY_2"""
    ITEM = 'sections[4].actions[2]: USDS payment: 4,000 USDS to CLOAKY_2'
    recipient = "0x9244F47D70587Fa2329B89B6f503022b63Ad54A5"  # CLOAKY_2
    received = cast.after.usds[recipient] - cast.before.usds[recipient]
    assert received == 20_417_000_000_000_000_000_000, ITEM  # 20,417 USDS  # this item and 1 more to the same recipient


def test_8_usds_payment_4_000_usds_to_pbg(cast):
    """sections[4].actions[3]: USDS payment: 4,000 USDS to PBG"""
    ITEM = 'sections[4].actions[3]: USDS payment: 4,000 USDS to PBG'
    recipient = "0x8D4df847dB7FfE0B46AF084fE031F7691C6478c2"  # PBG
    received = cast.after.usds[recipient] - cast.before.usds[recipient]
    assert received == 4_000_000_000_000_000_000_000, ITEM  # 4,000 USDS


def test_9_usds_payment_2_323_usds_to_juliachang(cast):
    """sections[4].actions[4]: USDS payment: 2,323 USDS to JULIACHANG"""
    ITEM = 'sections[4].actions[4]: USDS payment: 2,323 USDS to JULIACHANG'
    recipient = "0x252abAEe2F4f4b8D39E5F12b163eDFb7fac7AED7"  # JULIACHANG
    received = cast.after.usds[recipient] - cast.before.usds[recipient]
    assert received == 2_323_000_000_000_000_000_000, ITEM  # 2,323 USDS


def test_10_usds_payment_1_088_usds_to_excel(cast):
    """sections[4].actions[5]: USDS payment: 1,088 USDS to EXCEL"""
    ITEM = 'sections[4].actions[5]: USDS payment: 1,088 USDS to EXCEL'
    recipient = "0x0F04a22B62A26e25A29Cba5a595623038ef7AcE7"  # EXCEL
    received = cast.after.usds[recipient] - cast.before.usds[recipient]
    assert received == 1_088_000_000_000_000_000_000, ITEM  # 1,088 USDS


def test_11_usds_payment_1_032_usds_to_wbc(cast):
    """sections[4].actions[6]: USDS payment: 1,032 USDS to WBC"""
    ITEM = 'sections[4].actions[6]: USDS payment: 1,032 USDS to WBC'
    recipient = "0xeBcE83e491947aDB1396Ee7E55d3c81414fB0D47"  # WBC
    received = cast.after.usds[recipient] - cast.before.usds[recipient]
    assert received == 1_032_000_000_000_000_000_000, ITEM  # 1,032 USDS


def test_12_usds_payment_50_167_usds_to_blue(cast):
    """sections[5].actions[0]: USDS payment: 50,167 USDS to BLUE"""
    ITEM = 'sections[5].actions[0]: USDS payment: 50,167 USDS to BLUE'
    recipient = "0xb6C09680D822F162449cdFB8248a7D3FC26Ec9Bf"  # BLUE
    received = cast.after.usds[recipient] - cast.before.usds[recipient]
    assert received == 54_167_000_000_000_000_000_000, ITEM  # 54,167 USDS  # this item and 1 more to the same recipient


def test_13_usds_payment_16_417_usds_to_cloaky_2(cast):
    """sections[5].actions[1]: USDS payment: 16,417 USDS to CLOAKY_2"""
    ITEM = 'sections[5].actions[1]: USDS payment: 16,417 USDS to CLOAKY_2'
    recipient = "0x9244F47D70587Fa2329B89B6f503022b63Ad54A5"  # CLOAKY_2
    received = cast.after.usds[recipient] - cast.before.usds[recipient]
    assert received == 20_417_000_000_000_000_000_000, ITEM  # 20,417 USDS  # this item and 1 more to the same recipient


def test_14_usds_payment_11_000_usds_to_cloaky_kohla_2(cast):
    """sections[5].actions[2]: USDS payment: 11,000 USDS to CLOAKY_KOHLA_2"""
    ITEM = 'sections[5].actions[2]: USDS payment: 11,000 USDS to CLOAKY_KOHLA_2'
    recipient = "0x73dFC091Ad77c03F2809204fCF03C0b9dccf8c7a"  # CLOAKY_KOHLA_2
    received = cast.after.usds[recipient] - cast.before.usds[recipient]
    assert received == 11_000_000_000_000_000_000_000, ITEM  # 11,000 USDS


def test_15_sky_transfer_330_000_sky_to_blue(cast):
    """sections[6].actions[0]: SKY transfer: 330,000 SKY to BLUE"""
    ITEM = 'sections[6].actions[0]: SKY transfer: 330,000 SKY to BLUE'
    recipient = "0xb6C09680D822F162449cdFB8248a7D3FC26Ec9Bf"  # BLUE
    received = cast.after.sky[recipient] - cast.before.sky[recipient]
    assert received == 330_000_000_000_000_000_000_000, ITEM  # 330,000 SKY


def test_16_sky_transfer_288_000_sky_to_cloaky_2(cast):
    """sections[6].actions[1]: SKY transfer: 288,000 SKY to CLOAKY_2"""
    ITEM = 'sections[6].actions[1]: SKY transfer: 288,000 SKY to CLOAKY_2'
    recipient = "0x9244F47D70587Fa2329B89B6f503022b63Ad54A5"  # CLOAKY_2
    received = cast.after.sky[recipient] - cast.before.sky[recipient]
    assert received == 288_000_000_000_000_000_000_000, ITEM  # 288,000 SKY


def test_17_chainlog_spark_proxy_is_0x3300f198988e4c9c63f75df86de36421f06af8c4(cast):
    """spell: chainlog: SPARK_PROXY is 0x3300f198988e4C9C63F75dF86De36421f06af8c4"""
    ITEM = 'spell: chainlog: SPARK_PROXY is 0x3300f198988e4C9C63F75dF86De36421f06af8c4'
    held = cast.observation.chainlog["SPARK_PROXY"] or ""  # what the ChainLog holds under the key
    assert held.lower() == "0x3300f198988e4C9C63F75dF86De36421f06af8c4".lower(), ITEM


def test_18_events_of_mkr_sky_conversion_all_mkr_of_the_pauseproxy_less_what_mcd_vest_mkr_treasury_id(cast):
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


def test_19_events_of_burn_426_292_860_23_sky_of_the_pauseproxy(cast):
    """sections[1].actions[0]: events of burn: 426,292,860.23 SKY of the PauseProxy"""
    ITEM = 'sections[1].actions[0]: events of burn: 426,292,860.23 SKY of the PauseProxy'
    events = cast.action_events("sections[1].actions[0]")  # its segment of the cast's logs, in order
    # as burn declares it (spellgen/spellfile/actions/burn.py)
    expected = [("SKY", "Transfer")]
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_20_events_of_usds_payment_20_600_000_usds_to_spark_proxy(cast):
    """sections[2].actions[0]: events of USDS payment: 20,600,000 USDS to SPARK_PROXY"""
    ITEM = 'sections[2].actions[0]: events of USDS payment: 20,600,000 USDS to SPARK_PROXY'
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


def test_21_events_of_sky_transfer_8_400_000_sky_to_launch_project_funding(cast):
    """sections[3].actions[0]: events of SKY transfer: 8,400,000 SKY to LAUNCH_PROJECT_FUNDING"""
    ITEM = 'sections[3].actions[0]: events of SKY transfer: 8,400,000 SKY to LAUNCH_PROJECT_FUNDING'
    events = cast.action_events("sections[3].actions[0]")  # its segment of the cast's logs, in order
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


def test_22_events_of_usds_payment_4_000_usds_to_blue(cast):
    """sections[4].actions[0]: events of USDS payment: 4,000 USDS to BLUE"""
    ITEM = 'sections[4].actions[0]: events of USDS payment: 4,000 USDS to BLUE'
    events = cast.action_events("sections[4].actions[0]")  # its segment of the cast's logs, in order
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


def test_23_events_of_usds_payment_4_000_usds_to_bonapublica(cast):
    """sections[4].actions[1]: events of USDS payment: 4,000 USDS to BONAPUBLICA"""
    ITEM = 'sections[4].actions[1]: events of USDS payment: 4,000 USDS to BONAPUBLICA'
    events = cast.action_events("sections[4].actions[1]")  # its segment of the cast's logs, in order
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


def test_24_events_of_usds_payment_4_000_usds_to_cloaky_2(cast):
    """sections[4].actions[2]: events of USDS payment: 4,000 USDS to CLOAKY_2"""
    ITEM = 'sections[4].actions[2]: events of USDS payment: 4,000 USDS to CLOAKY_2'
    events = cast.action_events("sections[4].actions[2]")  # its segment of the cast's logs, in order
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


def test_25_events_of_usds_payment_4_000_usds_to_pbg(cast):
    """sections[4].actions[3]: events of USDS payment: 4,000 USDS to PBG"""
    ITEM = 'sections[4].actions[3]: events of USDS payment: 4,000 USDS to PBG'
    events = cast.action_events("sections[4].actions[3]")  # its segment of the cast's logs, in order
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


def test_26_events_of_usds_payment_2_323_usds_to_juliachang(cast):
    """sections[4].actions[4]: events of USDS payment: 2,323 USDS to JULIACHANG"""
    ITEM = 'sections[4].actions[4]: events of USDS payment: 2,323 USDS to JULIACHANG'
    events = cast.action_events("sections[4].actions[4]")  # its segment of the cast's logs, in order
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


def test_27_events_of_usds_payment_1_088_usds_to_excel(cast):
    """sections[4].actions[5]: events of USDS payment: 1,088 USDS to EXCEL"""
    ITEM = 'sections[4].actions[5]: events of USDS payment: 1,088 USDS to EXCEL'
    events = cast.action_events("sections[4].actions[5]")  # its segment of the cast's logs, in order
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


def test_28_events_of_usds_payment_1_032_usds_to_wbc(cast):
    """sections[4].actions[6]: events of USDS payment: 1,032 USDS to WBC"""
    ITEM = 'sections[4].actions[6]: events of USDS payment: 1,032 USDS to WBC'
    events = cast.action_events("sections[4].actions[6]")  # its segment of the cast's logs, in order
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


def test_29_events_of_usds_payment_50_167_usds_to_blue(cast):
    """sections[5].actions[0]: events of USDS payment: 50,167 USDS to BLUE"""
    ITEM = 'sections[5].actions[0]: events of USDS payment: 50,167 USDS to BLUE'
    events = cast.action_events("sections[5].actions[0]")  # its segment of the cast's logs, in order
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


def test_30_events_of_usds_payment_16_417_usds_to_cloaky_2(cast):
    """sections[5].actions[1]: events of USDS payment: 16,417 USDS to CLOAKY_2"""
    ITEM = 'sections[5].actions[1]: events of USDS payment: 16,417 USDS to CLOAKY_2'
    events = cast.action_events("sections[5].actions[1]")  # its segment of the cast's logs, in order
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


def test_31_events_of_usds_payment_11_000_usds_to_cloaky_kohla_2(cast):
    """sections[5].actions[2]: events of USDS payment: 11,000 USDS to CLOAKY_KOHLA_2"""
    ITEM = 'sections[5].actions[2]: events of USDS payment: 11,000 USDS to CLOAKY_KOHLA_2'
    events = cast.action_events("sections[5].actions[2]")  # its segment of the cast's logs, in order
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


def test_32_events_of_sky_transfer_330_000_sky_to_blue(cast):
    """sections[6].actions[0]: events of SKY transfer: 330,000 SKY to BLUE"""
    ITEM = 'sections[6].actions[0]: events of SKY transfer: 330,000 SKY to BLUE'
    events = cast.action_events("sections[6].actions[0]")  # its segment of the cast's logs, in order
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


def test_33_events_of_sky_transfer_288_000_sky_to_cloaky_2(cast):
    """sections[6].actions[1]: events of SKY transfer: 288,000 SKY to CLOAKY_2"""
    ITEM = 'sections[6].actions[1]: events of SKY transfer: 288,000 SKY to CLOAKY_2'
    events = cast.action_events("sections[6].actions[1]")  # its segment of the cast's logs, in order
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


def test_spell_description_office_hours_and_expiry(cast):
    """The spell: description, office hours and expiration as declared."""
    assert cast.observation.description == "2025-06-26 MakerDAO Executive Spell | Hash: 0x921afc55c9b3a3563926da63687b00b1b751cf540052d71356ef62107d06f2c8"
    assert cast.observation.office_hours is True
    assert cast.observation.expiration == cast.observation.deployed_at + 2592000  # 30 days
