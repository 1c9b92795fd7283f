"""Messages a reviewer reads at a glance: contracts by chainlog name in events too, amounts with
thousands separators and their unit (a RAD as DAI), on hand-made logs (no chain)."""
from __future__ import annotations

from spellgen.cast.simulate import Observation
from spellgen.chain.client import Receipt, topic
from spellgen.spellfile.expect import Expected
from spellgen.spellfile.address import to_checksum
from spellgen.spellfile.history import MAINNET
from spellgen.spellfile.protocol import RAD, WAD
from spellgen.verify.compare import EventLedger
from spellgen.verify.statediff import _fmt, rad_text, scaled_down

A = MAINNET
STRANGER = "0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2"


def word(address: str) -> bytes:
    return bytes.fromhex(address[2:].lower().rjust(64, "0"))


def ledger(logs: list[dict]) -> EventLedger:
    names = {address.lower(): key for key, address in A.items()}
    obs = Observation(addresses=dict(A), watched_vests={}, watched_tokens={"DAI": A["MCD_DAI"]},
                      cast=Receipt("0x" + "ab" * 32, 1, 21_000, logs, None, 1_700_000_000))
    return EventLedger(Expected("d", False, 30 * 86400), obs, names)


def test_an_undeclared_transfer_names_the_contracts_by_chainlog_name():
    log = {"address": A["MCD_DAI"].lower(), "topics": [bytes.fromhex(topic("Transfer(address,address,uint256)")[2:]),
                                                       word(A["MCD_PAUSE_PROXY"]), word(STRANGER)],
           "data": (1_234_567 * WAD).to_bytes(32, "big")}
    [message] = ledger([log]).unexplained()
    assert f"DAI moved from MCD_PAUSE_PROXY ({A['MCD_PAUSE_PROXY']}) to {STRANGER}: 1,234,567 DAI" in message
    assert A["MCD_PAUSE_PROXY"].lower() not in message and STRANGER.lower() not in message


def test_an_unexplained_vat_event_is_named_with_its_accounts_and_its_rad_as_dai():
    rad = 1_069_250 * RAD + 5
    log = {"address": A["MCD_VAT"], "topics": [bytes.fromhex(topic("Suck(address,address,uint256)")[2:]),
                                               word(A["MCD_VOW"]), word(STRANGER)],
           "data": rad.to_bytes(32, "big")}
    [message] = ledger([log]).unexplained()
    assert message.startswith(f"MCD_VAT emitted Suck(MCD_VOW ({A['MCD_VOW']}), {STRANGER}, 1,069,250.")
    assert f"({rad:,} in RAD)" in message
    assert str(rad) not in message  # never 52 digits in a row


def test_amounts_are_exact_separated_and_carry_their_unit():
    rad = 1_069_250 * RAD + 1  # 52 digits: Decimal division at 28 digits would round the last one away
    assert rad_text(rad) == f"1,069,250.{'0' * 44}1 DAI ({rad:,} in RAD)"
    assert rad_text(7 * RAD) == f"7 DAI ({7 * RAD:,} in RAD)"
    assert scaled_down(-15 * 10**17, 18) == scaled_down(-3, 0) / 2
    assert _fmt(257_310 * 10**15, "wad:MKR") == "257.31 MKR (257,310,000,000,000,000,000 wei)"
    assert _fmt(2 * RAD, "rad") == f"2 DAI ({2 * RAD:,} in RAD)"


JUG = "0x19c0976f590D67707E62397C87829d896Dc0f1F1"  # mainnet MCD_JUG: in the ChainLog, not in the twin
SPOT = "0x65C79fcB50Ca1594B025960e539eD7A9a6D434A3"  # mainnet MCD_SPOT


def test_any_contract_of_the_dates_chainlog_is_named_in_events():
    from spellgen.verify.compare import Verifier

    obs = Observation(addresses=dict(A), watched_vests={}, watched_tokens={"DAI": A["MCD_DAI"]},
                      cast=Receipt("0x" + "ab" * 32, 1, 21_000, [], None, 1_700_000_000))
    names = Verifier(Expected("d", False, 30 * 86400, date="2022-12-09"), obs, {})._names()
    assert names[JUG.lower()] == "MCD_JUG" and names[SPOT.lower()] == "MCD_SPOT"
    log = {"address": A["MCD_DAI"].lower(), "topics": [bytes.fromhex(topic("Transfer(address,address,uint256)")[2:]),
                                                       word(A["MCD_PAUSE_PROXY"]), word(JUG)],
           "data": (5 * WAD).to_bytes(32, "big")}
    ledger = EventLedger(Expected("d", False, 30 * 86400, date="2022-12-09"),
                         Observation(addresses=dict(A), watched_vests={}, watched_tokens={"DAI": A["MCD_DAI"]},
                                     cast=Receipt("0x" + "ab" * 32, 1, 21_000, [log], None, 1_700_000_000)), names)
    [message] = ledger.unexplained()
    assert f"DAI moved from MCD_PAUSE_PROXY ({A['MCD_PAUSE_PROXY']}) to MCD_JUG ({JUG}): 5 DAI" in message


def test_a_chainlog_key_is_named_only_from_the_date_it_entered_the_chainlog():
    from spellgen.cast.named import names_at

    usds = "0xdC035D45d973E3EC169d2276DDab16f1e407384F"
    assert names_at("2022-12-09")[SPOT.lower()] == "MCD_SPOT"
    assert names_at("2025-03-01")[usds.lower()] == "USDS"
    assert names_at("2022-12-09", {"MCD_SPOT_X": SPOT})[SPOT.lower()] == "MCD_SPOT_X"  # the chain's answer wins


def test_a_reverted_call_is_named_by_target_signature_and_caller():
    from eth_abi import encode

    from spellgen.cast.named import failing_call, names_at
    from spellgen.verify.callpolicy import selector

    reason = "0x08c379a0" + encode(["string"], ["Vat/not-authorized"]).hex()
    rely = {"type": "CALL", "from": A["MCD_PAUSE_PROXY"], "to": A["MCD_VAT"], "error": "execution reverted",
            "input": selector("rely(address)") + "00" * 12 + STRANGER[2:].lower(), "output": reason}
    drip = {"type": "CALL", "from": A["MCD_PAUSE_PROXY"], "to": JUG, "input": selector("drip(bytes32)") + "00" * 32}
    action = {"type": "DELEGATECALL", "from": A["MCD_PAUSE_PROXY"], "to": STRANGER, "error": "execution reverted",
              "input": selector("execute()"), "calls": [drip, rely]}
    trace = {"type": "CALL", "from": STRANGER, "to": A["MCD_PAUSE"], "error": "execution reverted",
             "input": selector("exec(address,bytes32,bytes,uint256)"), "calls": [action]}
    assert failing_call(trace, names_at("2022-12-09"), "the cast") == \
        ("the cast reverted in MCD_VAT.rely(address) called by MCD_PAUSE_PROXY: Vat/not-authorized "
         f"(the call: MCD_VAT.rely({to_checksum(STRANGER)}))")
    assert failing_call(dict(trace, error=None, calls=[]), {}) is None  # nothing failed
    unknown = dict(rely, to=JUG, input="0xdeadbeef", output="0x", revertReason="")
    assert failing_call(unknown, names_at("2022-12-09")) == \
        "the cast reverted in MCD_JUG.0xdeadbeef called by MCD_PAUSE_PROXY: execution reverted"


def test_the_call_policy_decodes_the_selectors_it_names():
    from spellgen.verify.callpolicy import Policy, frames, selector

    names = {a.lower(): k for k, a in A.items()}
    policy = Policy("0x" + "11" * 20, "0x" + "22" * 20, A["MCD_PAUSE"], A["MCD_PAUSE_PROXY"], A["MCD_VAT"],
                    A["MCD_VOW"], A["MCD_JOIN_DAI"], names, lambda a: True, True)
    stray = {"type": "CALL", "from": A["MCD_PAUSE"], "to": A["MCD_VAT"], "input": selector("rely(address)")}
    root = {"type": "CALL", "from": STRANGER, "to": "0x" + "11" * 20, "input": selector("cast()"), "calls": [
        {"type": "CALL", "from": "0x" + "11" * 20, "to": A["MCD_PAUSE"],
         "input": selector("exec(address,bytes32,bytes,uint256)"), "calls": [stray]}]}
    problems = policy.check(frames(root))
    assert any("the pause calls MCD_VAT.rely(address) (call path: CALL 0x1111111111111111111111111111111111111111"
               ".cast() > CALL MCD_PAUSE.exec(address,bytes32,bytes,uint256) > CALL MCD_VAT.rely(address))" in p
               for p in problems), problems


def test_a_call_to_any_chainlog_contract_the_twin_lacks_is_named_by_the_dates_key():
    from spellgen.verify.callpolicy import Policy, frames, selector

    spell, action, proxy = "0x" + "11" * 20, "0x" + "22" * 20, A["MCD_PAUSE_PROXY"]
    poke = {"type": "CALL", "from": proxy, "to": SPOT, "input": selector("poke(bytes32)") + "00" * 32}
    root = {"type": "CALL", "from": STRANGER, "to": spell, "input": selector("cast()"), "calls": [
        {"type": "CALL", "from": spell, "to": A["MCD_PAUSE"], "input": selector("exec(address,bytes32,bytes,uint256)"),
         "calls": [{"type": "CALL", "from": A["MCD_PAUSE"], "to": proxy, "input": selector("exec(address,bytes)"),
                    "calls": [{"type": "DELEGATECALL", "from": proxy, "to": action, "input": selector("execute()"),
                               "calls": [poke]}]}]}]}
    policy = Policy(spell, action, A["MCD_PAUSE"], proxy, A["MCD_VAT"], A["MCD_VOW"], A["MCD_JOIN_DAI"],
                    {}, lambda a: a.lower() != SPOT.lower(), True, "2022-12-09")
    [problem] = policy.check(frames(root))
    assert problem.startswith("calls MCD_SPOT, which the twin does not model; verify on a fork (call path: ")
    assert problem.endswith(f"DELEGATECALL {action}.execute() > CALL {SPOT}.poke(bytes32))"), problem
