"""Unit tests of the state-diff check, the slot decoder, the call policy and the gas limit, on
hand-made traces (no chain): each rule must be able to fail."""
from types import SimpleNamespace

import pytest

from spellgen.chain.slots import mapping_slot, nested_slot
from spellgen.spellfile.protocol import RAD, WAD
from spellgen.spellfile.history import MAINNET
from spellgen.verify.callpolicy import Policy, frames, selector
from spellgen.verify.compare import max_cast_gas
from spellgen.spellfile.expect import Expected, Item, Payment
from spellgen.verify.layouts import LAYOUTS, Decoder
from spellgen.verify.statediff import (Context, check_diff, check_schedule, compare_diffs, pack_award, parse_diff,
                                       yanked)

A = MAINNET
ATTACKER = "0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2"
RECIPIENT = "0x2dC0420A736D1F40893B9481D8968E4D7424bC0B"
SPELL, ACTION, SENDER = "0x" + "11" * 20, "0x" + "22" * 20, "0x" + "33" * 20


def word(v: int) -> str:
    return "0x" + v.to_bytes(32, "big").hex()


def ctx(**kw) -> Context:
    base = dict(addresses=dict(A), tokens={"DAI": A["MCD_DAI"], "MKR": A["MCD_GOV"]}, spell=SPELL, action=ACTION,
                eta=1, action_code_hash=b"\0" * 32, cast_time=1_700_000_000, ids_before={}, awards_before={},
                sender=SENDER, miner="0x" + "00" * 20, fee=10, tip=10)
    base.update(kw)
    return Context(**base)


def expected(payments=()) -> Expected:
    return Expected("d", False, 30 * 86400, payments=list(payments))


def diff(changes: dict) -> dict:
    """{address: {slot: (old, new)}} -> a prestateTracer diffMode answer."""
    pre, post = {}, {}
    for address, slots in changes.items():
        pre[address.lower()] = {"storage": {word(s): word(o) for s, (o, n) in slots.items() if o}}
        post[address.lower()] = {"storage": {word(s): word(n) for s, (o, n) in slots.items() if n}}
    return {"pre": pre, "post": post}


def test_mainnet_layouts_as_documented():
    vat = LAYOUTS["Vat"]
    assert [vat.var(n).slot for n in ("wards", "can", "ilks", "urns", "gem", "dai", "sin", "debt", "vice", "Line",
                                      "live")] == list(range(11))
    vest = LAYOUTS["DssVest"]
    assert [vest.var(n).slot for n in ("wards", "awards", "cap", "ids", "locked")] == [0, 1, 2, 3, 4]
    pause = LAYOUTS["DSPause"]
    assert (pause.var("authority").slot, pause.var("owner").slot, pause.var("delay").slot) == (0, 1, 4)
    assert LAYOUTS["MkrToken"].var("authority").slot == 3 and LAYOUTS["MkrAuthority"].var("wards").slot == 1


def test_decoder_names_wards_and_nested_mappings():
    d = Decoder(LAYOUTS["Vat"], [int(ATTACKER, 16), int(A["MCD_PAUSE_PROXY"], 16)])
    assert d.name(mapping_slot(ATTACKER, 0)) == f"wards[{ATTACKER}]"
    assert d.name(nested_slot(A["MCD_PAUSE_PROXY"], ATTACKER, 1)) == f"can[{A['MCD_PAUSE_PROXY']}][{ATTACKER}]"
    assert d.name(7) == "debt" and d.name(12345) is None
    log = Decoder(LAYOUTS["ChainLog"], [int.from_bytes(b"MCD_VEST_DAI".ljust(32, b"\0"), "big")])
    assert log.name(mapping_slot(int.from_bytes(b"MCD_VEST_DAI".ljust(32, b"\0"), "big"), 1) + 1) == \
        'location["MCD_VEST_DAI"].addr'


def test_an_unexplained_ward_fails_with_its_meaning():
    changes = parse_diff(diff({A["MCD_VAT"]: {mapping_slot(ATTACKER, 0): (0, 1)}}))
    report = check_diff(changes, expected(), ctx(), [int(ATTACKER, 16)], {A["MCD_VAT"].lower(): "MCD_VAT"})
    assert report.problems == [f"MCD_VAT: wards[{ATTACKER}] (slot {mapping_slot(ATTACKER, 0):#x}) changed 0 -> 1, "
                               "which no YAML item explains"]


def test_a_declared_payment_explains_exactly_its_slots():
    vat, dai = A["MCD_VAT"], A["MCD_DAI"]
    pay = Payment(Item("DAI payment: 5 DAI", "p"), RECIPIENT, 5 * WAD)
    slots = {vat: {mapping_slot(A["MCD_VOW"], 6): (7, 7 + 5 * RAD), 7: (100, 100 + 5 * RAD), 8: (9, 9 + 5 * RAD),
                   mapping_slot(A["MCD_JOIN_DAI"], 5): (0, 5 * RAD)},
             dai: {1: (50, 50 + 5 * WAD), mapping_slot(RECIPIENT, 2): (0, 5 * WAD)}}
    ok = check_diff(parse_diff(diff(slots)), expected([pay]), ctx(), [], {})
    assert ok.problems == [] and ok.explained == 6
    slots[dai][mapping_slot(RECIPIENT, 2)] = (0, 5 * WAD + 1)  # one wei more
    bad = check_diff(parse_diff(diff(slots)), expected([pay]), ctx(), [], {dai.lower(): "MCD_DAI"})
    assert len(bad.problems) == 1 and "5.000000000000000001 DAI" in bad.problems[0]
    del slots[dai][1]  # the supply did not rise: a declared effect missing
    missing = check_diff(parse_diff(diff(slots)), expected([pay]), ctx(), [], {dai.lower(): "MCD_DAI"})
    assert any("did not change" in p for p in missing.problems)


def test_eth_nonces_code_and_destroyed_accounts():
    trace = {"pre": {SENDER: {"balance": "0x64", "nonce": 1}, ATTACKER.lower(): {"balance": "0x0"},
                     A["MCD_PAUSE_PROXY"].lower(): {"code": "0x6001", "balance": "0x0"}},
             "post": {SENDER: {"balance": "0x5a", "nonce": 2}, ATTACKER.lower(): {"balance": "0x1"},
                      ("0x" + "44" * 20): {"code": "0x6000", "nonce": 1}}}
    problems = check_diff(parse_diff(trace), expected(), ctx(), [], {}).problems
    assert not any(SENDER.lower() in p.lower() for p in problems)  # nonce +1, fee 10: explained
    assert any("ETH balance" in p and ATTACKER in p for p in problems)
    assert any("code created" in p for p in problems) and any("created a contract" in p for p in problems)
    assert any("destroyed" in p for p in problems)


def test_yank_as_dssvest_computes_it():
    award = SimpleNamespace(usr=RECIPIENT, bgn=100, clf=150, fin=300, mgr="0x" + "00" * 20, res=1, tot=2000, rxd=100)
    assert yanked(award, 200)[3] == 200 and yanked(award, 200)[6] == 1000  # tot = accrued at end
    assert yanked(award, 120)[2] == 120 and yanked(award, 120)[6] == 0  # before the cliff
    assert yanked(award, 50)[1:4] == (50, 50, 50) and yanked(award, 50)[6] == 0  # before the start
    assert yanked(award, 400)[3] == 300  # after fin: unchanged
    words = pack_award(RECIPIENT, 1, 2, 3, ATTACKER, 1, 5, 0)
    assert words[0] & (2**160 - 1) == int(RECIPIENT, 16) and words[1] >> 208 == 1 and words[2] == 5


def test_diffs_of_two_casts_compare_apart_from_time_dependent_slots():
    first = parse_diff(diff({A["MCD_VAT"]: {7: (1, 2), 9: (1, 5)}}))
    other = parse_diff(diff({A["MCD_VAT"]: {7: (1, 2), 9: (1, 6), 10: (1, 0)}}))
    problems = compare_diffs(first, other, {(A["MCD_VAT"].lower(), 9)}, {A["MCD_VAT"].lower(): "MCD_VAT"})
    assert problems == ["MCD_VAT slot 0xa: unchanged at the first cast, 0 at this one"]


def _policy(has_code=lambda a: True):
    return Policy(SPELL, ACTION, A["MCD_PAUSE"], A["MCD_PAUSE_PROXY"], A["MCD_VAT"], A["MCD_VOW"], A["MCD_JOIN_DAI"],
                  {}, has_code, twin=True)


def _cast(*inside):
    proxy = A["MCD_PAUSE_PROXY"]
    action = {"type": "DELEGATECALL", "from": proxy, "to": ACTION, "input": selector("execute()"),
              "calls": list(inside)}
    return {"type": "CALL", "from": SENDER, "to": SPELL, "input": selector("cast()"), "calls": [
        {"type": "CALL", "from": SPELL, "to": A["MCD_PAUSE"], "input": selector("exec(address,bytes32,bytes,uint256)"),
         "calls": [{"type": "CALL", "from": A["MCD_PAUSE"], "to": proxy, "input": selector("exec(address,bytes)"),
                    "calls": [action]}]}]}


def test_call_policy():
    assert _policy().check(frames(_cast())) == []
    lib = {"type": "DELEGATECALL", "from": A["MCD_PAUSE_PROXY"], "to": "0x8De6DDbCd5053d32292AAA0D2105A32d108484a6",
           "input": "0x12345678"}
    assert _policy().check(frames(_cast(lib))) == []
    other = dict(lib, to=A["MCD_VAT"])
    assert "DELEGATECALL from" in _policy().check(frames(_cast(other)))[0]
    create = {"type": "CREATE", "from": A["MCD_PAUSE_PROXY"], "to": ATTACKER, "input": "0x60"}
    assert "CREATE of" in _policy().check(frames(_cast(create)))[0]
    jug = {"type": "CALL", "from": A["MCD_PAUSE_PROXY"], "to": "0x19c0976f590D67707E62397C87829d896Dc0f1F1",
           "input": "0x44e2a5a8"}
    problems = _policy(lambda a: a.lower() != jug["to"].lower()).check(frames(_cast(jug)))
    assert "calls MCD_JUG, which the twin does not model; verify on a fork" in problems[0]
    assert "call path: CALL" in problems[0]


def test_cast_gas_limit_by_date():
    assert max_cast_gas("2025-12-02")[0] == 20_000_000
    assert max_cast_gas("2025-12-03")[0] == 16_777_216


def test_schedule_may_only_set_eta_and_plot_the_one_plan():
    from eth_abi import encode

    from spellgen.spellfile.address import keccak256

    c = ctx(eta=1_700_000_000)
    plan = keccak256(encode(["address", "bytes32", "bytes", "uint256"],
                            [ACTION, b"\0" * 32, keccak256(b"execute()")[:4], 1_700_000_000]))
    slots = {SPELL: {0: (0, 1_700_000_000)}, A["MCD_PAUSE"]: {mapping_slot(int.from_bytes(plan, "big"), 2): (0, 1)}}
    assert check_schedule(diff(slots), c, {}) == []
    slots[A["MCD_PAUSE"]][mapping_slot(12345, 2)] = (0, 1)  # a second plan, plotted while the spell is the hat
    assert len(check_schedule(diff(slots), c, {})) == 1


def test_what_the_check_reads_of_a_change_or_an_effect_is_there_or_a_bug_is_reported():
    from spellgen.errors import ExitCode, InternalError
    from spellgen.verify.statediff import MOD, Effect

    assert Effect("a payment", delta=-3).after(1) == MOD - 2  # uint256 arithmetic, as the chain wraps
    assert Effect("the eta", value=7).after(1) == 7
    with pytest.raises(InternalError, match="neither a value nor a delta"):
        Effect("an empty effect").after(1)
    storage, balance = parse_diff(diff({A["MCD_VAT"]: {5: (1, 2)}})) + parse_diff(
        {"pre": {SENDER: {"balance": "0x64"}}, "post": {SENDER: {"balance": "0x5a"}}})
    assert storage.storage_slot == 5
    with pytest.raises(InternalError, match="balance change") as raised:
        balance.storage_slot
    assert raised.value.exit_code == ExitCode.INTERNAL
    assert ctx().layout(A["MCD_VAT"]) is LAYOUTS["Vat"]
    with pytest.raises(InternalError, match=f"no storage layout is known for {ATTACKER}"):
        ctx().layout(ATTACKER)


def _pay_slots() -> tuple[Payment, dict]:
    vat, dai = A["MCD_VAT"], A["MCD_DAI"]
    pay = Payment(Item("DAI payment: 5 DAI", "p"), RECIPIENT, 5 * WAD)
    return pay, {vat: {mapping_slot(A["MCD_VOW"], 6): (7, 7 + 5 * RAD), 7: (100, 100 + 5 * RAD), 8: (9, 9 + 5 * RAD),
                       mapping_slot(A["MCD_JOIN_DAI"], 5): (0, 5 * RAD)},
                 dai: {1: (50, 50 + 5 * WAD), mapping_slot(RECIPIENT, 2): (0, 5 * WAD)},
                 SPELL: {2: (0, 1)}}


NAMES = {A["MCD_VAT"].lower(): "MCD_VAT", A["MCD_DAI"].lower(): "MCD_DAI", A["MCD_VOW"].lower(): "MCD_VOW",
         A["MCD_JOIN_DAI"].lower(): "MCD_JOIN_DAI", RECIPIENT.lower(): "TECH_001", SPELL.lower(): "the spell (DssSpell)"}


def test_every_change_is_labelled_by_meaning_units_and_item():
    """Issue 25: the labelled state diff names the contract, the slot's meaning with parties by name,
    old and new in units and the YAML item; the spell's done flag is listed but left out of the hash."""
    from spellgen.verify.diffhash import permissions

    pay, slots = _pay_slots()
    rows = check_diff(parse_diff(diff(slots)), expected([pay]), ctx(), [], NAMES, labelled=True).labelled
    by = {(r.contract, r.meaning): r for r in rows}
    balance = by[("MCD_DAI", "balanceOf[TECH_001]")]
    assert (balance.old, balance.new) == ("0 DAI (0 wei)", f"5 DAI ({5 * WAD:,} wei)")
    assert balance.item == "DAI payment: 5 DAI" and balance.verdict == "explained"
    assert (balance.encoding, balance.value) == ("delta", 5 * WAD)
    assert by[("MCD_VAT", "dai[MCD_JOIN_DAI]")].new == f"5 DAI ({5 * RAD:,} in RAD)"  # RAD as DAI
    done = by[("the spell (DssSpell)", "done")]
    assert done.encoding == "" and "done flag" in done.left_out
    assert len(rows) == 7 and permissions(rows) == []  # a pure payment changes no authorization


def test_the_normalized_hash_ignores_balances_before_and_the_spell_but_not_an_extra_transfer():
    from spellgen.verify.diffhash import permissions, state_diff_hash

    pay, slots = _pay_slots()

    def hashed(slots, spell=SPELL, candidates=()):
        names = {**NAMES, spell.lower(): "the spell (DssSpell)"}
        report = check_diff(parse_diff(diff(slots)), expected([pay]), ctx(spell=spell), list(candidates), names,
                            labelled=True)
        return state_diff_hash(report.labelled), report
    first, _ = hashed(slots)
    other = {k: dict(v) for k, v in slots.items() if k != SPELL}
    other[A["MCD_DAI"]][1] = (70, 70 + 5 * WAD)  # another chain's supply before: the same delta
    other["0x" + "44" * 20] = {2: (0, 1)}  # another spell address, its done flag
    assert hashed(other, spell="0x" + "44" * 20)[0] == first
    extra = {k: dict(v) for k, v in slots.items()}
    extra[A["MCD_DAI"]][mapping_slot(ATTACKER, 2)] = (0, 1)  # one more transfer
    assert hashed(extra, candidates=[int(ATTACKER, 16)])[0] != first
    ward = {k: dict(v) for k, v in slots.items()}
    ward[A["MCD_VAT"]][mapping_slot(ATTACKER, 0)] = (0, 1)  # a rely no YAML item declares
    digest, report = hashed(ward, candidates=[int(ATTACKER, 16)])
    assert digest != first and any("wards" in p for p in report.problems)
    assert permissions(report.labelled) == [{"contract": "MCD_VAT", "permission": f"wards[{ATTACKER}]",
                                             "kind": "wards", "before": "0", "after": "1", "item": "unexplained",
                                             "verdict": "unexplained"}]


def test_permissions_list_a_hope_and_a_chainlog_entry_with_their_verdict():
    from spellgen.verify.diffhash import permissions

    key = int.from_bytes(b"MCD_VEST_DAI".ljust(32, b"\0"), "big")
    slots = {A["MCD_VAT"]: {nested_slot(A["MCD_PAUSE_PROXY"], ATTACKER, 1): (0, 1)},
             A["CHANGELOG"]: {mapping_slot(key, 1) + 1: (0, int(ATTACKER, 16))}}
    names = {A["MCD_VAT"].lower(): "MCD_VAT", A["CHANGELOG"].lower(): "CHANGELOG",
             A["MCD_PAUSE_PROXY"].lower(): "MCD_PAUSE_PROXY"}
    report = check_diff(parse_diff(diff(slots)), expected(), ctx(), [key, int(ATTACKER, 16),
                                                                     int(A["MCD_PAUSE_PROXY"], 16)], names,
                        labelled=True)
    table = {(p["contract"], p["permission"], p["kind"], p["after"], p["item"])
             for p in permissions(report.labelled, A["CHANGELOG"])}
    assert table == {("MCD_VAT", f"can[MCD_PAUSE_PROXY][{ATTACKER}]", "can", "1", "unexplained"),
                     ("CHANGELOG", 'location["MCD_VEST_DAI"].addr', "chainlog entry", ATTACKER, "unexplained")}
    assert permissions(report.labelled) == [p for p in permissions(report.labelled, A["CHANGELOG"]) if p["kind"] == "can"]
