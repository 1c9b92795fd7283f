"""Brownie tests of repair-2022-02-04.yaml, written by `spellgen brownie-test`: one test per YAML item.

    brownie test tests/brownie/test_repair_2022_02_04.py                          # on the twin at 2022-02-04
    brownie test tests/brownie/test_repair_2022_02_04.py --network mainnet-fork   # on a fork of $ETH_RPC_URL

The expected values are literals computed from the YAML (spellgen.spellfile.expect), never from the
Solidity. The fixtures come from spellgen's pytest plugin: `cast` is the spell deployed, elected,
scheduled and cast (spellgen's Simulator), with what the chain showed before and after, inside a
snapshot reverted after each test. Add tests of your own with the same fixtures.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
pytest_plugins = ["spellgen.integrations.pytest_plugin"]

SPEC = HERE / "../../examples/repair-2022-02-04.yaml"
SPELL = None  # None: the spell rendered from SPEC; a path: that Solidity file ($SPELLGEN_SPELL overrides)
WAD = 10**18


def test_1_dai_payment_12_000_dai_to_flip_flop_flap_wallet(cast):
    """sections[0].actions[0]: DAI payment: 12,000 DAI to FLIP_FLOP_FLAP_WALLET"""
    ITEM = 'sections[0].actions[0]: DAI payment: 12,000 DAI to FLIP_FLOP_FLAP_WALLET'
    recipient = "0x688d508f3a6B0a377e266405A1583B3316f9A2B3"  # FLIP_FLOP_FLAP_WALLET
    received = cast.after.dai[recipient] - cast.before.dai[recipient]
    assert received == 12_000_000_000_000_000_000_000, ITEM  # 12,000 DAI


def test_2_dai_payment_12_000_dai_to_feedblack_loops_wallet(cast):
    """sections[0].actions[1]: DAI payment: 12,000 DAI to FEEDBLACK_LOOPS_WALLET"""
    ITEM = 'sections[0].actions[1]: DAI payment: 12,000 DAI to FEEDBLACK_LOOPS_WALLET'
    recipient = "0x80882f2A36d49fC46C3c654F7f9cB9a2Bf0423e1"  # FEEDBLACK_LOOPS_WALLET
    received = cast.after.dai[recipient] - cast.before.dai[recipient]
    assert received == 12_000_000_000_000_000_000_000, ITEM  # 12,000 DAI


def test_3_dai_payment_12_000_dai_to_schuppi_wallet(cast):
    """sections[0].actions[2]: DAI payment: 12,000 DAI to SCHUPPI_WALLET"""
    ITEM = 'sections[0].actions[2]: DAI payment: 12,000 DAI to SCHUPPI_WALLET'
    recipient = "0x89C5d54C979f682F40b73a9FC39F338C88B434c6"  # SCHUPPI_WALLET
    received = cast.after.dai[recipient] - cast.before.dai[recipient]
    assert received == 12_000_000_000_000_000_000_000, ITEM  # 12,000 DAI


def test_4_dai_payment_8_620_dai_to_makerman_wallet(cast):
    """sections[0].actions[3]: DAI payment: 8,620 DAI to MAKERMAN_WALLET"""
    ITEM = 'sections[0].actions[3]: DAI payment: 8,620 DAI to MAKERMAN_WALLET'
    recipient = "0x9AC6A6B24bCd789Fa59A175c0514f33255e1e6D0"  # MAKERMAN_WALLET
    received = cast.after.dai[recipient] - cast.before.dai[recipient]
    assert received == 8_620_000_000_000_000_000_000, ITEM  # 8,620 DAI


def test_5_dai_payment_4_807_dai_to_monetsupply_wallet(cast):
    """sections[0].actions[4]: DAI payment: 4,807 DAI to MONETSUPPLY_WALLET"""
    ITEM = 'sections[0].actions[4]: DAI payment: 4,807 DAI to MONETSUPPLY_WALLET'
    recipient = "0x4Bd73eeE3d0568Bb7C52DFCad7AD5d47Fff5E2CF"  # MONETSUPPLY_WALLET
    received = cast.after.dai[recipient] - cast.before.dai[recipient]
    assert received == 4_807_000_000_000_000_000_000, ITEM  # 4,807 DAI


def test_6_dai_payment_3_795_dai_to_acre_invest_wallet(cast):
    """sections[0].actions[5]: DAI payment: 3,795 DAI to ACRE_INVEST_WALLET"""
    ITEM = 'sections[0].actions[5]: DAI payment: 3,795 DAI to ACRE_INVEST_WALLET'
    recipient = "0x5b9C98e8A3D9Db6cd4B4B4C1F92D0A551D06F00D"  # ACRE_INVEST_WALLET
    received = cast.after.dai[recipient] - cast.before.dai[recipient]
    assert received == 3_795_000_000_000_000_000_000, ITEM  # 3,795 DAI


def test_7_dai_payment_889_dai_to_justin_case_wallet(cast):
    """sections[0].actions[6]: DAI payment: 889 DAI to JUSTIN_CASE_WALLET"""
    ITEM = 'sections[0].actions[6]: DAI payment: 889 DAI to JUSTIN_CASE_WALLET'
    recipient = "0xE070c2dCfcf6C6409202A8a210f71D51dbAe9473"  # JUSTIN_CASE_WALLET
    received = cast.after.dai[recipient] - cast.before.dai[recipient]
    assert received == 889_000_000_000_000_000_000, ITEM  # 889 DAI


def test_8_dai_payment_641_dai_to_gfx_labs_wallet(cast):
    """sections[0].actions[7]: DAI payment: 641 DAI to GFX_LABS_WALLET"""
    ITEM = 'sections[0].actions[7]: DAI payment: 641 DAI to GFX_LABS_WALLET'
    recipient = "0xa6e8772af29b29B9202a073f8E36f447689BEef6"  # GFX_LABS_WALLET
    received = cast.after.dai[recipient] - cast.before.dai[recipient]
    assert received == 641_000_000_000_000_000_000, ITEM  # 641 DAI


def test_9_computed_dai_payment_42_917_dai_minus_what_award_24_of_mcd_vest_dai_has_accrued_t(cast):
    """sections[1].actions[0]: computed DAI payment: 42,917 DAI minus what award 24 of MCD_VEST_DAI has accrued, to SNE_001_WALLET"""
    ITEM = 'sections[1].actions[0]: computed DAI payment: 42,917 DAI minus what award 24 of MCD_VEST_DAI has accrued, to SNE_001_WALLET'
    award = cast.before.awards[("MCD_VEST_DAI", 24)]
    t = cast.cast_time
    accrued = 0 if t < award.bgn else award.tot if t >= award.fin else award.tot * (t - award.bgn) // (award.fin - award.bgn)
    amount = 42_917_000_000_000_000_000_000 - accrued  # 42,917 DAI minus what award 24 of MCD_VEST_DAI has accrued
    recipient = "0x6D348f18c88D45243705D4fdEeB6538c6a9191F1"  # SNE_001_WALLET
    others = 0  # DAI payments of the spell to the same recipient
    for key in [("MCD_VEST_DAI", 24), ("MCD_VEST_DAI", 26)]:  # repaired awards: vest() pays what each owed
        b = cast.before.awards[key]
        owed = 0 if t < b.clf else (b.tot if t >= b.fin else b.tot * (t - b.bgn) // (b.fin - b.bgn)) - b.rxd
        others += owed if b.usr == recipient else 0
    assert cast.after.dai[recipient] - cast.before.dai[recipient] == amount + others, ITEM


def test_10_vest_and_yank_award_24_on_mcd_vest_dai_paid_what_it_owes_and_ended_at_the(cast):
    """sections[1].actions[1]: vest and yank: award 24 on MCD_VEST_DAI paid what it owes and ended at the cast"""
    ITEM = 'sections[1].actions[1]: vest and yank: award 24 on MCD_VEST_DAI paid what it owes and ended at the cast'
    before = cast.before.awards[("MCD_VEST_DAI", 24)]
    after = cast.after.awards[("MCD_VEST_DAI", 24)]
    t = cast.cast_time
    accrued = 0 if t < before.bgn else before.tot if t >= before.fin else before.tot * (t - before.bgn) // (before.fin - before.bgn)
    owed = 0 if t < before.clf else accrued - before.rxd  # DssVest.unpaid at the cast
    assert after.res == 0, ITEM  # unrestricted
    assert after.rxd == before.rxd + owed, ITEM  # vested what it owed
    assert after.fin == min(before.fin, t), ITEM  # ended at the cast
    assert after.tot == (after.rxd if t >= before.clf else 0), ITEM  # nothing more to pay
    assert before.usr == "0x6D348f18c88D45243705D4fdEeB6538c6a9191F1", ITEM  # SNE_001_WALLET
    assert before.fin == 1690761600, ITEM  # 2023-07-31 00:00:00 UTC


def test_11_stream_214_583_dai_to_sne_001_wallet_on_mcd_vest_dai_2022_03_01_00(cast):
    """sections[1].actions[2]: stream: 214,583 DAI to SNE_001_WALLET on MCD_VEST_DAI, 2022-03-01 00:00:00 UTC to 2022-07-31 00:00:00 UTC"""
    ITEM = 'sections[1].actions[2]: stream: 214,583 DAI to SNE_001_WALLET on MCD_VEST_DAI, 2022-03-01 00:00:00 UTC to 2022-07-31 00:00:00 UTC'
    award = cast.new_award("MCD_VEST_DAI", 1)  # the cast's new award number 1 on MCD_VEST_DAI
    assert award.usr == "0x6D348f18c88D45243705D4fdEeB6538c6a9191F1", ITEM  # SNE_001_WALLET
    assert award.bgn == 1646092800, ITEM  # 2022-03-01 00:00:00 UTC
    assert award.clf == 1646092800, ITEM  # 2022-03-01 00:00:00 UTC
    assert award.fin == 1659225600, ITEM  # 2022-07-31 00:00:00 UTC
    assert award.mgr == "0x0000000000000000000000000000000000000000", ITEM
    assert award.res == 1, ITEM
    assert award.tot == 214_583_000_000_000_000_000_000, ITEM  # 214,583 DAI
    assert award.rxd == 0, ITEM
    assert cast.vested_at_end("MCD_VEST_DAI", 1) == 214_583_000_000_000_000_000_000, ITEM  # all of it, at fin


def test_12_computed_dai_payment_82_417_dai_minus_what_award_26_of_mcd_vest_dai_has_accrued_t(cast):
    """sections[2].actions[0]: computed DAI payment: 82,417 DAI minus what award 26 of MCD_VEST_DAI has accrued, to SF_001_WALLET"""
    ITEM = 'sections[2].actions[0]: computed DAI payment: 82,417 DAI minus what award 26 of MCD_VEST_DAI has accrued, to SF_001_WALLET'
    award = cast.before.awards[("MCD_VEST_DAI", 26)]
    t = cast.cast_time
    accrued = 0 if t < award.bgn else award.tot if t >= award.fin else award.tot * (t - award.bgn) // (award.fin - award.bgn)
    amount = 82_417_000_000_000_000_000_000 - accrued  # 82,417 DAI minus what award 26 of MCD_VEST_DAI has accrued
    recipient = "0xf737C76D2B358619f7ef696cf3F94548fEcec379"  # SF_001_WALLET
    others = 0  # DAI payments of the spell to the same recipient
    for key in [("MCD_VEST_DAI", 24), ("MCD_VEST_DAI", 26)]:  # repaired awards: vest() pays what each owed
        b = cast.before.awards[key]
        owed = 0 if t < b.clf else (b.tot if t >= b.fin else b.tot * (t - b.bgn) // (b.fin - b.bgn)) - b.rxd
        others += owed if b.usr == recipient else 0
    assert cast.after.dai[recipient] - cast.before.dai[recipient] == amount + others, ITEM


def test_13_vest_and_yank_award_26_on_mcd_vest_dai_paid_what_it_owes_and_ended_at_the(cast):
    """sections[2].actions[1]: vest and yank: award 26 on MCD_VEST_DAI paid what it owes and ended at the cast"""
    ITEM = 'sections[2].actions[1]: vest and yank: award 26 on MCD_VEST_DAI paid what it owes and ended at the cast'
    before = cast.before.awards[("MCD_VEST_DAI", 26)]
    after = cast.after.awards[("MCD_VEST_DAI", 26)]
    t = cast.cast_time
    accrued = 0 if t < before.bgn else before.tot if t >= before.fin else before.tot * (t - before.bgn) // (before.fin - before.bgn)
    owed = 0 if t < before.clf else accrued - before.rxd  # DssVest.unpaid at the cast
    assert after.res == 0, ITEM  # unrestricted
    assert after.rxd == before.rxd + owed, ITEM  # vested what it owed
    assert after.fin == min(before.fin, t), ITEM  # ended at the cast
    assert after.tot == (after.rxd if t >= before.clf else 0), ITEM  # nothing more to pay
    assert before.usr == "0xf737C76D2B358619f7ef696cf3F94548fEcec379", ITEM  # SF_001_WALLET
    assert before.fin == 1690761600, ITEM  # 2023-07-31 00:00:00 UTC


def test_14_stream_412_085_dai_to_sf_001_wallet_on_mcd_vest_dai_2022_03_01_00_0(cast):
    """sections[2].actions[2]: stream: 412,085 DAI to SF_001_WALLET on MCD_VEST_DAI, 2022-03-01 00:00:00 UTC to 2022-07-31 00:00:00 UTC"""
    ITEM = 'sections[2].actions[2]: stream: 412,085 DAI to SF_001_WALLET on MCD_VEST_DAI, 2022-03-01 00:00:00 UTC to 2022-07-31 00:00:00 UTC'
    award = cast.new_award("MCD_VEST_DAI", 2)  # the cast's new award number 2 on MCD_VEST_DAI
    assert award.usr == "0xf737C76D2B358619f7ef696cf3F94548fEcec379", ITEM  # SF_001_WALLET
    assert award.bgn == 1646092800, ITEM  # 2022-03-01 00:00:00 UTC
    assert award.clf == 1646092800, ITEM  # 2022-03-01 00:00:00 UTC
    assert award.fin == 1659225600, ITEM  # 2022-07-31 00:00:00 UTC
    assert award.mgr == "0x0000000000000000000000000000000000000000", ITEM
    assert award.res == 1, ITEM
    assert award.tot == 412_085_000_000_000_000_000_000, ITEM  # 412,085 DAI
    assert award.rxd == 0, ITEM
    assert cast.vested_at_end("MCD_VEST_DAI", 2) == 412_085_000_000_000_000_000_000, ITEM  # all of it, at fin


def test_15_events_of_dai_payment_12_000_dai_to_flip_flop_flap_wallet(cast):
    """sections[0].actions[0]: events of DAI payment: 12,000 DAI to FLIP_FLOP_FLAP_WALLET"""
    ITEM = 'sections[0].actions[0]: events of DAI payment: 12,000 DAI to FLIP_FLOP_FLAP_WALLET'
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


def test_16_events_of_dai_payment_12_000_dai_to_feedblack_loops_wallet(cast):
    """sections[0].actions[1]: events of DAI payment: 12,000 DAI to FEEDBLACK_LOOPS_WALLET"""
    ITEM = 'sections[0].actions[1]: events of DAI payment: 12,000 DAI to FEEDBLACK_LOOPS_WALLET'
    events = cast.action_events("sections[0].actions[1]")  # its segment of the cast's logs, in order
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


def test_17_events_of_dai_payment_12_000_dai_to_schuppi_wallet(cast):
    """sections[0].actions[2]: events of DAI payment: 12,000 DAI to SCHUPPI_WALLET"""
    ITEM = 'sections[0].actions[2]: events of DAI payment: 12,000 DAI to SCHUPPI_WALLET'
    events = cast.action_events("sections[0].actions[2]")  # its segment of the cast's logs, in order
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


def test_18_events_of_dai_payment_8_620_dai_to_makerman_wallet(cast):
    """sections[0].actions[3]: events of DAI payment: 8,620 DAI to MAKERMAN_WALLET"""
    ITEM = 'sections[0].actions[3]: events of DAI payment: 8,620 DAI to MAKERMAN_WALLET'
    events = cast.action_events("sections[0].actions[3]")  # its segment of the cast's logs, in order
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


def test_19_events_of_dai_payment_4_807_dai_to_monetsupply_wallet(cast):
    """sections[0].actions[4]: events of DAI payment: 4,807 DAI to MONETSUPPLY_WALLET"""
    ITEM = 'sections[0].actions[4]: events of DAI payment: 4,807 DAI to MONETSUPPLY_WALLET'
    events = cast.action_events("sections[0].actions[4]")  # its segment of the cast's logs, in order
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


def test_20_events_of_dai_payment_3_795_dai_to_acre_invest_wallet(cast):
    """sections[0].actions[5]: events of DAI payment: 3,795 DAI to ACRE_INVEST_WALLET"""
    ITEM = 'sections[0].actions[5]: events of DAI payment: 3,795 DAI to ACRE_INVEST_WALLET'
    events = cast.action_events("sections[0].actions[5]")  # its segment of the cast's logs, in order
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


def test_21_events_of_dai_payment_889_dai_to_justin_case_wallet(cast):
    """sections[0].actions[6]: events of DAI payment: 889 DAI to JUSTIN_CASE_WALLET"""
    ITEM = 'sections[0].actions[6]: events of DAI payment: 889 DAI to JUSTIN_CASE_WALLET'
    events = cast.action_events("sections[0].actions[6]")  # its segment of the cast's logs, in order
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


def test_22_events_of_dai_payment_641_dai_to_gfx_labs_wallet(cast):
    """sections[0].actions[7]: events of DAI payment: 641 DAI to GFX_LABS_WALLET"""
    ITEM = 'sections[0].actions[7]: events of DAI payment: 641 DAI to GFX_LABS_WALLET'
    events = cast.action_events("sections[0].actions[7]")  # its segment of the cast's logs, in order
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


def test_23_events_of_computed_dai_payment_42_917_dai_minus_what_award_24_of_mcd_vest_dai_has_accrued_t(cast):
    """sections[1].actions[0]: events of computed DAI payment: 42,917 DAI minus what award 24 of MCD_VEST_DAI has accrued, to SNE_001_WALLET"""
    ITEM = 'sections[1].actions[0]: events of computed DAI payment: 42,917 DAI minus what award 24 of MCD_VEST_DAI has accrued, to SNE_001_WALLET'
    events = cast.action_events("sections[1].actions[0]")  # its segment of the cast's logs, in order
    # as computed DAI payment declares it (spellgen/spellfile/actions/computed_payment.py)
    expected = [
        ("MCD_VAT", "LogNote(suck)"),
        ("MCD_VAT", "LogNote(move)"),
        ("DAI", "Transfer"),
        ("MCD_JOIN_DAI", "LogNote(exit)"),
    ]
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_24_events_of_vest_and_yank_award_24_on_mcd_vest_dai_paid_what_it_owes_and_ended_at_the(cast):
    """sections[1].actions[1]: events of vest and yank: award 24 on MCD_VEST_DAI paid what it owes and ended at the cast"""
    ITEM = 'sections[1].actions[1]: events of vest and yank: award 24 on MCD_VEST_DAI paid what it owes and ended at the cast'
    events = cast.action_events("sections[1].actions[1]")  # its segment of the cast's logs, in order
    # as vest and yank declares it (spellgen/spellfile/actions/vest_and_yank.py)
    expected = [
        ("MCD_VEST_DAI", "Unrestrict"),
        ("MCD_VAT", "LogNote(suck)"),
        ("MCD_VAT", "LogNote(move)"),
        ("DAI", "Transfer"),
        ("MCD_JOIN_DAI", "LogNote(exit)"),
        ("MCD_VEST_DAI", "Vest"),
        ("MCD_VEST_DAI", "Yank"),
    ]
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_25_events_of_stream_214_583_dai_to_sne_001_wallet_on_mcd_vest_dai_2022_03_01_00(cast):
    """sections[1].actions[2]: events of stream: 214,583 DAI to SNE_001_WALLET on MCD_VEST_DAI, 2022-03-01 00:00:00 UTC to 2022-07-31 00:00:00 UTC"""
    ITEM = 'sections[1].actions[2]: events of stream: 214,583 DAI to SNE_001_WALLET on MCD_VEST_DAI, 2022-03-01 00:00:00 UTC to 2022-07-31 00:00:00 UTC'
    events = cast.action_events("sections[1].actions[2]")  # its segment of the cast's logs, in order
    forms = {  # the sequences stream declares (spellgen/spellfile/actions/stream.py)
        "": [("MCD_VEST_DAI", "Init"), ("MCD_VEST_DAI", "Restrict")],
        "restricted: false": [("MCD_VEST_DAI", "Init")],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_26_events_of_computed_dai_payment_82_417_dai_minus_what_award_26_of_mcd_vest_dai_has_accrued_t(cast):
    """sections[2].actions[0]: events of computed DAI payment: 82,417 DAI minus what award 26 of MCD_VEST_DAI has accrued, to SF_001_WALLET"""
    ITEM = 'sections[2].actions[0]: events of computed DAI payment: 82,417 DAI minus what award 26 of MCD_VEST_DAI has accrued, to SF_001_WALLET'
    events = cast.action_events("sections[2].actions[0]")  # its segment of the cast's logs, in order
    # as computed DAI payment declares it (spellgen/spellfile/actions/computed_payment.py)
    expected = [
        ("MCD_VAT", "LogNote(suck)"),
        ("MCD_VAT", "LogNote(move)"),
        ("DAI", "Transfer"),
        ("MCD_JOIN_DAI", "LogNote(exit)"),
    ]
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_27_events_of_vest_and_yank_award_26_on_mcd_vest_dai_paid_what_it_owes_and_ended_at_the(cast):
    """sections[2].actions[1]: events of vest and yank: award 26 on MCD_VEST_DAI paid what it owes and ended at the cast"""
    ITEM = 'sections[2].actions[1]: events of vest and yank: award 26 on MCD_VEST_DAI paid what it owes and ended at the cast'
    events = cast.action_events("sections[2].actions[1]")  # its segment of the cast's logs, in order
    # as vest and yank declares it (spellgen/spellfile/actions/vest_and_yank.py)
    expected = [
        ("MCD_VEST_DAI", "Unrestrict"),
        ("MCD_VAT", "LogNote(suck)"),
        ("MCD_VAT", "LogNote(move)"),
        ("DAI", "Transfer"),
        ("MCD_JOIN_DAI", "LogNote(exit)"),
        ("MCD_VEST_DAI", "Vest"),
        ("MCD_VEST_DAI", "Yank"),
    ]
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_28_events_of_stream_412_085_dai_to_sf_001_wallet_on_mcd_vest_dai_2022_03_01_00_0(cast):
    """sections[2].actions[2]: events of stream: 412,085 DAI to SF_001_WALLET on MCD_VEST_DAI, 2022-03-01 00:00:00 UTC to 2022-07-31 00:00:00 UTC"""
    ITEM = 'sections[2].actions[2]: events of stream: 412,085 DAI to SF_001_WALLET on MCD_VEST_DAI, 2022-03-01 00:00:00 UTC to 2022-07-31 00:00:00 UTC'
    events = cast.action_events("sections[2].actions[2]")  # its segment of the cast's logs, in order
    forms = {  # the sequences stream declares (spellgen/spellfile/actions/stream.py)
        "": [("MCD_VEST_DAI", "Init"), ("MCD_VEST_DAI", "Restrict")],
        "restricted: false": [("MCD_VEST_DAI", "Init")],
    }
    expected = forms[events.form]  # the form the YAML and the state before the cast select
    assert events.observed == expected, ITEM  # (emitter, event), no more and no fewer


def test_spell_description_office_hours_and_expiry(cast):
    """The spell: description, office hours and expiration as declared."""
    assert cast.observation.description == "2022-02-04 MakerDAO Executive Spell | Hash: 0x0657ea988166b3dfd3ae97e4edbf3c15de78c6abb24f8685e1964df754d6f235"
    assert cast.observation.office_hours is True
    assert cast.observation.expiration == cast.observation.deployed_at + 2592000  # 30 days
