"""Brownie tests of core-units-2022-04-29.yaml, written by `spellgen brownie-test`: one test per YAML item.

    brownie test tests/brownie/test_core_units_2022_04_29.py                          # on the twin at 2022-04-29
    brownie test tests/brownie/test_core_units_2022_04_29.py --network mainnet-fork   # on a fork of $ETH_RPC_URL

The expected values are literals computed from the YAML (spellgen.spellfile.expect), never from the
Solidity. The fixtures come from spellgen's pytest plugin: `cast` is the spell deployed, elected,
scheduled and cast (spellgen's Simulator), with what the chain showed before and after, inside a
snapshot reverted after each test. Add tests of your own with the same fixtures.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
pytest_plugins = ["spellgen.integrations.pytest_plugin"]

SPEC = HERE / "../../examples/core-units-2022-04-29.yaml"
SPELL = None  # None: the spell rendered from SPEC; a path: that Solidity file ($SPELLGEN_SPELL overrides)
WAD = 10**18


def test_1_vest_onboarding_mcd_vest_dai_is_0xa4c22f0e25c6630b2017979acf1f865e94695c4b_t(cast):
    """sections[0].actions[0]: vest onboarding: MCD_VEST_DAI is 0xa4c22f0e25C6630B2017979AcF1f865e94695C4b, the contract it named before moved to MCD_VEST_DAI_LEGACY"""
    ITEM = 'sections[0].actions[0]: vest onboarding: MCD_VEST_DAI is 0xa4c22f0e25C6630B2017979AcF1f865e94695C4b, the contract it named before moved to MCD_VEST_DAI_LEGACY'
    assert cast.after.registry["MCD_VEST_DAI"].lower() == "0xa4c22f0e25c6630b2017979acf1f865e94695c4b", ITEM
    assert cast.after.registry["MCD_VEST_DAI_LEGACY"] == cast.before.registry["MCD_VEST_DAI"], ITEM  # the previous contract keeps its awards under the legacy key
    assert cast.after.vat_wards["0xa4c22f0e25c6630b2017979acf1f865e94695c4b"] == 1, ITEM  # may suck from the Vat
    assert cast.after.chainlog_version == "1.12.0", ITEM


def test_2_cap_mcd_vest_dai_to_1_000_000_dai_per_30_days(cast):
    """sections[0].actions[1]: cap: MCD_VEST_DAI to 1,000,000 DAI per 30 days"""
    ITEM = 'sections[0].actions[1]: cap: MCD_VEST_DAI to 1,000,000 DAI per 30 days'
    assert cast.after.caps["MCD_VEST_DAI"] == 385_802_469_135_802_469, ITEM  # wei per second


def test_3_stream_7_590_000_dai_to_pe_wallet_on_mcd_vest_dai_2022_05_01_00_00(cast):
    """sections[1].actions[0]: stream: 7,590,000 DAI to PE_WALLET on MCD_VEST_DAI, 2022-05-01 00:00:00 UTC to 2023-05-01 00:00:00 UTC"""
    ITEM = 'sections[1].actions[0]: stream: 7,590,000 DAI to PE_WALLET on MCD_VEST_DAI, 2022-05-01 00:00:00 UTC to 2023-05-01 00:00:00 UTC'
    award = cast.new_award("MCD_VEST_DAI", 1)  # the cast's new award number 1 on MCD_VEST_DAI
    assert award.usr == "0xe2c16c308b843eD02B09156388Cb240cEd58C01c", ITEM  # PE_WALLET
    assert award.bgn == 1651363200, ITEM  # 2022-05-01 00:00:00 UTC
    assert award.clf == 1651363200, ITEM  # 2022-05-01 00:00:00 UTC
    assert award.fin == 1682899200, ITEM  # 2023-05-01 00:00:00 UTC
    assert award.mgr == "0x0000000000000000000000000000000000000000", ITEM
    assert award.res == 1, ITEM
    assert award.tot == 7_590_000_000_000_000_000_000_000, ITEM  # 7,590,000 DAI
    assert award.rxd == 0, ITEM
    assert cast.vested_at_end("MCD_VEST_DAI", 1) == 7_590_000_000_000_000_000_000_000, ITEM  # all of it, at fin


def test_4_stream_336_672_dai_to_com_wallet_on_mcd_vest_dai_2022_07_01_00_00_0(cast):
    """sections[1].actions[1]: stream: 336,672 DAI to COM_WALLET on MCD_VEST_DAI, 2022-07-01 00:00:00 UTC to 2023-01-01 00:00:00 UTC"""
    ITEM = 'sections[1].actions[1]: stream: 336,672 DAI to COM_WALLET on MCD_VEST_DAI, 2022-07-01 00:00:00 UTC to 2023-01-01 00:00:00 UTC'
    award = cast.new_award("MCD_VEST_DAI", 2)  # the cast's new award number 2 on MCD_VEST_DAI
    assert award.usr == "0x1eE3ECa7aEF17D1e74eD7C447CcBA61aC76aDbA9", ITEM  # COM_WALLET
    assert award.bgn == 1656633600, ITEM  # 2022-07-01 00:00:00 UTC
    assert award.clf == 1656633600, ITEM  # 2022-07-01 00:00:00 UTC
    assert award.fin == 1672531200, ITEM  # 2023-01-01 00:00:00 UTC
    assert award.mgr == "0x0000000000000000000000000000000000000000", ITEM
    assert award.res == 1, ITEM
    assert award.tot == 336_672_000_000_000_000_000_000, ITEM  # 336,672 DAI
    assert award.rxd == 0, ITEM
    assert cast.vested_at_end("MCD_VEST_DAI", 2) == 336_672_000_000_000_000_000_000, ITEM  # all of it, at fin


def test_5_stream_1_083_000_dai_to_din_wallet_on_mcd_vest_dai_2022_05_01_00_00(cast):
    """sections[1].actions[2]: stream: 1,083,000 DAI to DIN_WALLET on MCD_VEST_DAI, 2022-05-01 00:00:00 UTC to 2023-05-01 00:00:00 UTC"""
    ITEM = 'sections[1].actions[2]: stream: 1,083,000 DAI to DIN_WALLET on MCD_VEST_DAI, 2022-05-01 00:00:00 UTC to 2023-05-01 00:00:00 UTC'
    award = cast.new_award("MCD_VEST_DAI", 3)  # the cast's new award number 3 on MCD_VEST_DAI
    assert award.usr == "0x7327Aed0Ddf75391098e8753512D8aEc8D740a1F", ITEM  # DIN_WALLET
    assert award.bgn == 1651363200, ITEM  # 2022-05-01 00:00:00 UTC
    assert award.clf == 1651363200, ITEM  # 2022-05-01 00:00:00 UTC
    assert award.fin == 1682899200, ITEM  # 2023-05-01 00:00:00 UTC
    assert award.mgr == "0x0000000000000000000000000000000000000000", ITEM
    assert award.res == 1, ITEM
    assert award.tot == 1_083_000_000_000_000_000_000_000, ITEM  # 1,083,000 DAI
    assert award.rxd == 0, ITEM
    assert cast.vested_at_end("MCD_VEST_DAI", 3) == 1_083_000_000_000_000_000_000_000, ITEM  # all of it, at fin


def test_6_stream_748_458_dai_to_events_wallet_on_mcd_vest_dai_2022_05_01_00_0(cast):
    """sections[1].actions[3]: stream: 748,458 DAI to EVENTS_WALLET on MCD_VEST_DAI, 2022-05-01 00:00:00 UTC to 2023-05-01 00:00:00 UTC"""
    ITEM = 'sections[1].actions[3]: stream: 748,458 DAI to EVENTS_WALLET on MCD_VEST_DAI, 2022-05-01 00:00:00 UTC to 2023-05-01 00:00:00 UTC'
    award = cast.new_award("MCD_VEST_DAI", 4)  # the cast's new award number 4 on MCD_VEST_DAI
    assert award.usr == "0x3D274fbAc29C92D2F624483495C0113B44dBE7d2", ITEM  # EVENTS_WALLET
    assert award.bgn == 1651363200, ITEM  # 2022-05-01 00:00:00 UTC
    assert award.clf == 1651363200, ITEM  # 2022-05-01 00:00:00 UTC
    assert award.fin == 1682899200, ITEM  # 2023-05-01 00:00:00 UTC
    assert award.mgr == "0x0000000000000000000000000000000000000000", ITEM
    assert award.res == 1, ITEM
    assert award.tot == 748_458_000_000_000_000_000_000, ITEM  # 748,458 DAI
    assert award.rxd == 0, ITEM
    assert cast.vested_at_end("MCD_VEST_DAI", 4) == 748_458_000_000_000_000_000_000, ITEM  # all of it, at fin


def test_7_dai_payment_800_000_dai_to_pe_wallet(cast):
    """sections[2].actions[0]: DAI payment: 800,000 DAI to PE_WALLET"""
    ITEM = 'sections[2].actions[0]: DAI payment: 800,000 DAI to PE_WALLET'
    recipient = "0xe2c16c308b843eD02B09156388Cb240cEd58C01c"  # PE_WALLET
    received = cast.after.dai[recipient] - cast.before.dai[recipient]
    assert received == 800_000_000_000_000_000_000_000, ITEM  # 800,000 DAI


def test_8_dai_payment_46_836_dai_to_com_ef_wallet(cast):
    """sections[2].actions[1]: DAI payment: 46,836 DAI to COM_EF_WALLET"""
    ITEM = 'sections[2].actions[1]: DAI payment: 46,836 DAI to COM_EF_WALLET'
    recipient = "0x99E1696A680c0D9f426Be20400E468089E7FDB0f"  # COM_EF_WALLET
    received = cast.after.dai[recipient] - cast.before.dai[recipient]
    assert received == 46_836_000_000_000_000_000_000, ITEM  # 46,836 DAI


def test_9_dai_payment_26_390_dai_to_com_wallet(cast):
    """sections[2].actions[2]: DAI payment: 26,390 DAI to COM_WALLET"""
    ITEM = 'sections[2].actions[2]: DAI payment: 26,390 DAI to COM_WALLET'
    recipient = "0x1eE3ECa7aEF17D1e74eD7C447CcBA61aC76aDbA9"  # COM_WALLET
    received = cast.after.dai[recipient] - cast.before.dai[recipient]
    assert received == 26_390_000_000_000_000_000_000, ITEM  # 26,390 DAI


def test_10_dai_payment_149_692_dai_to_events_wallet(cast):
    """sections[2].actions[3]: DAI payment: 149,692 DAI to EVENTS_WALLET"""
    ITEM = 'sections[2].actions[3]: DAI payment: 149,692 DAI to EVENTS_WALLET'
    recipient = "0x3D274fbAc29C92D2F624483495C0113B44dBE7d2"  # EVENTS_WALLET
    received = cast.after.dai[recipient] - cast.before.dai[recipient]
    assert received == 149_692_000_000_000_000_000_000, ITEM  # 149,692 DAI


def test_11_dai_payment_35_000_dai_to_sh_wallet(cast):
    """sections[2].actions[4]: DAI payment: 35,000 DAI to SH_WALLET"""
    ITEM = 'sections[2].actions[4]: DAI payment: 35,000 DAI to SH_WALLET'
    recipient = "0x955993Df48b0458A01cfB5fd7DF5F5DCa6443550"  # SH_WALLET
    received = cast.after.dai[recipient] - cast.before.dai[recipient]
    assert received == 35_000_000_000_000_000_000_000, ITEM  # 35,000 DAI


def test_12_events_of_vest_onboarding_mcd_vest_dai_is_0xa4c22f0e25c6630b2017979acf1f865e94695c4b_t(cast):
    """sections[0].actions[0]: events of vest onboarding: MCD_VEST_DAI is 0xa4c22f0e25C6630B2017979AcF1f865e94695C4b, the contract it named before moved to MCD_VEST_DAI_LEGACY"""
    ITEM = 'sections[0].actions[0]: events of vest onboarding: MCD_VEST_DAI is 0xa4c22f0e25C6630B2017979AcF1f865e94695C4b, the contract it named before moved to MCD_VEST_DAI_LEGACY'
    events = cast.action_events("sections[0].actions[0]")  # its segment of the cast's logs, in order
    forms = {  # the sequences vest onboarding declares (spellgen/spellfile/actions/onboarding.py)
        "": [
            ("MCD_VAT", "LogNote(rely)"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateVersion"),
        ],
        "suckable": [("MCD_VAT", "LogNote(rely)"), ("CHANGELOG", "UpdateAddress")],
        "suckable, legacy": [
            ("MCD_VAT", "LogNote(rely)"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateAddress"),
        ],
        "suckable, legacy, bump": [
            ("MCD_VAT", "LogNote(rely)"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateVersion"),
        ],
        "mintable": [("MKR_AUTHORITY", "LogRely"), ("CHANGELOG", "UpdateAddress")],
        "mintable, legacy": [
            ("MKR_AUTHORITY", "LogRely"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateAddress"),
        ],
        "mintable, bump": [
            ("MKR_AUTHORITY", "LogRely"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateVersion"),
        ],
        "mintable, legacy, bump": [
            ("MKR_AUTHORITY", "LogRely"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateVersion"),
        ],
        "legacy": [("CHANGELOG", "UpdateAddress"), ("CHANGELOG", "UpdateAddress")],
        "legacy, bump": [
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateAddress"),
            ("CHANGELOG", "UpdateVersion"),
        ],
        "bump": [("CHANGELOG", "UpdateAddress"), ("CHANGELOG", "UpdateVersion")],
        "none": [("CHANGELOG", "UpdateAddress")],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_13_events_of_cap_mcd_vest_dai_to_1_000_000_dai_per_30_days(cast):
    """sections[0].actions[1]: events of cap: MCD_VEST_DAI to 1,000,000 DAI per 30 days"""
    ITEM = 'sections[0].actions[1]: events of cap: MCD_VEST_DAI to 1,000,000 DAI per 30 days'
    events = cast.action_events("sections[0].actions[1]")  # its segment of the cast's logs, in order
    forms = {  # the sequences cap declares (spellgen/spellfile/actions/cap.py)
        "": [("MCD_VEST_DAI", "File")],
        "raise_only: true, the cap in force at or above the new one": [],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_14_events_of_stream_7_590_000_dai_to_pe_wallet_on_mcd_vest_dai_2022_05_01_00_00(cast):
    """sections[1].actions[0]: events of stream: 7,590,000 DAI to PE_WALLET on MCD_VEST_DAI, 2022-05-01 00:00:00 UTC to 2023-05-01 00:00:00 UTC"""
    ITEM = 'sections[1].actions[0]: events of stream: 7,590,000 DAI to PE_WALLET on MCD_VEST_DAI, 2022-05-01 00:00:00 UTC to 2023-05-01 00:00:00 UTC'
    events = cast.action_events("sections[1].actions[0]")  # its segment of the cast's logs, in order
    forms = {  # the sequences stream declares (spellgen/spellfile/actions/stream.py)
        "": [("MCD_VEST_DAI", "Init"), ("MCD_VEST_DAI", "Restrict")],
        "restricted: false": [("MCD_VEST_DAI", "Init")],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_15_events_of_stream_336_672_dai_to_com_wallet_on_mcd_vest_dai_2022_07_01_00_00_0(cast):
    """sections[1].actions[1]: events of stream: 336,672 DAI to COM_WALLET on MCD_VEST_DAI, 2022-07-01 00:00:00 UTC to 2023-01-01 00:00:00 UTC"""
    ITEM = 'sections[1].actions[1]: events of stream: 336,672 DAI to COM_WALLET on MCD_VEST_DAI, 2022-07-01 00:00:00 UTC to 2023-01-01 00:00:00 UTC'
    events = cast.action_events("sections[1].actions[1]")  # its segment of the cast's logs, in order
    forms = {  # the sequences stream declares (spellgen/spellfile/actions/stream.py)
        "": [("MCD_VEST_DAI", "Init"), ("MCD_VEST_DAI", "Restrict")],
        "restricted: false": [("MCD_VEST_DAI", "Init")],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_16_events_of_stream_1_083_000_dai_to_din_wallet_on_mcd_vest_dai_2022_05_01_00_00(cast):
    """sections[1].actions[2]: events of stream: 1,083,000 DAI to DIN_WALLET on MCD_VEST_DAI, 2022-05-01 00:00:00 UTC to 2023-05-01 00:00:00 UTC"""
    ITEM = 'sections[1].actions[2]: events of stream: 1,083,000 DAI to DIN_WALLET on MCD_VEST_DAI, 2022-05-01 00:00:00 UTC to 2023-05-01 00:00:00 UTC'
    events = cast.action_events("sections[1].actions[2]")  # its segment of the cast's logs, in order
    forms = {  # the sequences stream declares (spellgen/spellfile/actions/stream.py)
        "": [("MCD_VEST_DAI", "Init"), ("MCD_VEST_DAI", "Restrict")],
        "restricted: false": [("MCD_VEST_DAI", "Init")],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_17_events_of_stream_748_458_dai_to_events_wallet_on_mcd_vest_dai_2022_05_01_00_0(cast):
    """sections[1].actions[3]: events of stream: 748,458 DAI to EVENTS_WALLET on MCD_VEST_DAI, 2022-05-01 00:00:00 UTC to 2023-05-01 00:00:00 UTC"""
    ITEM = 'sections[1].actions[3]: events of stream: 748,458 DAI to EVENTS_WALLET on MCD_VEST_DAI, 2022-05-01 00:00:00 UTC to 2023-05-01 00:00:00 UTC'
    events = cast.action_events("sections[1].actions[3]")  # its segment of the cast's logs, in order
    forms = {  # the sequences stream declares (spellgen/spellfile/actions/stream.py)
        "": [("MCD_VEST_DAI", "Init"), ("MCD_VEST_DAI", "Restrict")],
        "restricted: false": [("MCD_VEST_DAI", "Init")],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_18_events_of_dai_payment_800_000_dai_to_pe_wallet(cast):
    """sections[2].actions[0]: events of DAI payment: 800,000 DAI to PE_WALLET"""
    ITEM = 'sections[2].actions[0]: events of DAI payment: 800,000 DAI to PE_WALLET'
    events = cast.action_events("sections[2].actions[0]")  # its segment of the cast's logs, in order
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


def test_19_events_of_dai_payment_46_836_dai_to_com_ef_wallet(cast):
    """sections[2].actions[1]: events of DAI payment: 46,836 DAI to COM_EF_WALLET"""
    ITEM = 'sections[2].actions[1]: events of DAI payment: 46,836 DAI to COM_EF_WALLET'
    events = cast.action_events("sections[2].actions[1]")  # its segment of the cast's logs, in order
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


def test_20_events_of_dai_payment_26_390_dai_to_com_wallet(cast):
    """sections[2].actions[2]: events of DAI payment: 26,390 DAI to COM_WALLET"""
    ITEM = 'sections[2].actions[2]: events of DAI payment: 26,390 DAI to COM_WALLET'
    events = cast.action_events("sections[2].actions[2]")  # its segment of the cast's logs, in order
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


def test_21_events_of_dai_payment_149_692_dai_to_events_wallet(cast):
    """sections[2].actions[3]: events of DAI payment: 149,692 DAI to EVENTS_WALLET"""
    ITEM = 'sections[2].actions[3]: events of DAI payment: 149,692 DAI to EVENTS_WALLET'
    events = cast.action_events("sections[2].actions[3]")  # its segment of the cast's logs, in order
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


def test_22_events_of_dai_payment_35_000_dai_to_sh_wallet(cast):
    """sections[2].actions[4]: events of DAI payment: 35,000 DAI to SH_WALLET"""
    ITEM = 'sections[2].actions[4]: events of DAI payment: 35,000 DAI to SH_WALLET'
    events = cast.action_events("sections[2].actions[4]")  # its segment of the cast's logs, in order
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


def test_spell_description_office_hours_and_expiry(cast):
    """The spell: description, office hours and expiration as declared."""
    assert cast.observation.description == "2022-04-29 MakerDAO Executive Spell | Hash: 0x707ebde4cd135ef70155726ab88d178c20fbaad79bd5d1faa32313d6247d7bbf"
    assert cast.observation.office_hours is True
    assert cast.observation.expiration == cast.observation.deployed_at + 2592000  # 30 days
