"""Issue 22, without a chain: how the event check decodes, allows and names events (the casts are in
tests/verify/test_events.py)."""
from __future__ import annotations

from eth_abi import encode

from spellgen.cast.named import decode_log
from spellgen.cast.simulate import Award, Observation
from spellgen.chain.client import Receipt, topic
from spellgen.spellfile.expect import Expected, Item, NewAward
from spellgen.spellfile.history import MAINNET
from spellgen.spellfile.protocol import WAD
from spellgen.verify.compare import EventLedger
from spellgen.verify.events import Resolver, declared, emitting_frames, event_key, storage_changed

A = MAINNET
STRANGER = "0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2"
NAMES = {address.lower(): key for key, address in A.items()}
VEST = "0x67eaDb3288cceDe034cE95b0511DCc65cf630bB6"  # MCD_VEST_SKY_TREASURY


def word(address: str) -> bytes:
    return bytes.fromhex(address[2:].lower().rjust(64, "0"))


def selector_topic(signature: str) -> bytes:
    return bytes.fromhex(topic(signature)[2:10]) + b"\0" * 28


def note(emitter: str, signature: str, caller: str, calldata: bytes, ds_note: bool = False) -> dict:
    """An anonymous note as ds-note (`wad, fax`) or LibNote (`fax`) logs it."""
    data = encode(["uint256", "bytes"], [0, calldata]) if ds_note else encode(["bytes"], [calldata])
    return {"address": emitter, "topics": [selector_topic(signature), word(caller), b"\0" * 32, b"\0" * 32],
            "data": data}


def storage(*addresses: str) -> dict:
    """A state diff in which each of `addresses` had one slot changed."""
    return {"pre": {a.lower(): {"storage": {"0x" + "00" * 32: "0x" + "00" * 32}} for a in addresses},
            "post": {a.lower(): {"storage": {"0x" + "00" * 32: "0x" + "00" * 31 + "01"}} for a in addresses}}


def ledger(logs: list[dict], e: Expected | None = None, diff: dict | None = None, trace: dict | None = None,
           tokens: dict | None = None, vests: dict | None = None, new_awards: dict | None = None) -> EventLedger:
    obs = Observation(addresses=dict(A), watched_vests=vests or {}, watched_tokens=tokens or {"DAI": A["MCD_DAI"]},
                      cast=Receipt("0x" + "ab" * 32, 1, 21_000, logs, None, 1_700_000_000), state_diff=diff,
                      call_trace=trace, new_awards=new_awards or {})
    return EventLedger(e or Expected("d", False, 30 * 86400), obs, NAMES)


def test_a_ds_note_is_decoded_as_the_call_it_logs():
    calldata = bytes.fromhex(topic("setDelay(uint256)")[2:10]) + encode(["uint256"], [172_800])
    log = note(A["MCD_PAUSE"], "setDelay(uint256)", A["MCD_PAUSE_PROXY"], calldata, ds_note=True)
    event = decode_log(log["topics"], log["data"], NAMES)
    assert (event.name, event.function) == ("LogNote", "setDelay")
    assert event.text == f"LogNote of setDelay(172,800), called by MCD_PAUSE_PROXY ({A['MCD_PAUSE_PROXY']})"


def test_a_named_event_is_decoded_with_its_arguments_and_accounts_by_name():
    log = {"address": A["MCD_PAUSE_PROXY"], "topics": [bytes.fromhex(topic("Transfer(address,address,uint256)")[2:]),
                                                       word(A["MCD_PAUSE_PROXY"]), word(STRANGER)],
           "data": (1_000_000 * WAD).to_bytes(32, "big")}
    event = decode_log(log["topics"], log["data"], NAMES)
    assert event.text == (f"Transfer(src: MCD_PAUSE_PROXY ({A['MCD_PAUSE_PROXY']}), dst: {STRANGER}, "
                          "wad: 1,000,000,000,000,000,000,000,000 (= 1,000,000 × 10^18))")


def test_declared_events_are_parsed_and_counted_per_action():
    assert event_key("Transfer(0, usr)") == "Transfer" and event_key("LogNote(exit)") == "LogNote(exit)"
    e = Expected("d", False, 30 * 86400, kinds_present={"usds_payment": 3})
    allowed = declared(e, Resolver(A, {"DAI": A["MCD_DAI"]}, {}))
    assert allowed.counts[(A["USDS_JOIN"].lower(), "Exit")] == 3
    assert allowed.counts[(A["MCD_JOIN_DAI"].lower(), "LogNote(exit)")] == 3
    assert allowed.counts[(A["MCD_PAUSE"].lower(), "LogNote(exec)")] == 1  # the spell's own machinery
    assert (A["USDS_JOIN"].lower(), "Exit") in allowed.state_free
    assert allowed.counts[(A["CHANGELOG"].lower(), "UpdateVersion")] == 0


def test_an_event_of_any_emitter_no_kind_declares_fails_naming_the_call():
    calldata = bytes.fromhex(topic("setDelay(uint256)")[2:10]) + encode(["uint256"], [172_800])
    log = note(A["MCD_PAUSE"], "setDelay(uint256)", A["MCD_PAUSE_PROXY"], calldata, ds_note=True)
    frame = {"type": "CALL", "from": A["MCD_PAUSE_PROXY"], "to": A["MCD_PAUSE"], "input": "0x" + calldata.hex(),
             "logs": [{"address": A["MCD_PAUSE"], "index": "0x0"}]}
    assert emitting_frames(frame) == {0: frame}
    [message] = ledger([log], diff=storage(A["MCD_PAUSE"]), trace=frame).unexplained()
    assert message.startswith(f"MCD_PAUSE ({A['MCD_PAUSE']}) emitted LogNote of setDelay(172,800)")
    assert "which neither a YAML item nor the spell's own machinery" in message
    assert message.endswith("(the call: MCD_PAUSE.setDelay(172,800), called by MCD_PAUSE_PROXY)")


def test_the_pause_exec_note_is_the_spells_machinery_once():
    calldata = bytes.fromhex(topic("exec(address,bytes32,bytes,uint256)")[2:10]) + \
        encode(["address", "bytes32", "bytes", "uint256"], [STRANGER, b"\1" * 32, b"\x61\x46\x19\x54", 5])
    log = note(A["MCD_PAUSE"], "exec(address,bytes32,bytes,uint256)", STRANGER, calldata, ds_note=True)
    assert ledger([log], diff=storage(A["MCD_PAUSE"])).unexplained() == []
    [second] = ledger([log, log], diff=storage(A["MCD_PAUSE"])).unexplained()
    assert "LogNote of exec(" in second


def test_an_explained_event_needs_a_state_change_unless_declared_state_free():
    log = note(A["USDS_JOIN"], "exit(address,uint256)", A["MCD_PAUSE_PROXY"], b"")
    log["topics"] = [bytes.fromhex(topic("Exit(address,address,uint256)")[2:]), word(A["DAI_USDS"]), word(STRANGER)]
    log["data"] = WAD.to_bytes(32, "big")
    usds = Expected("d", False, 30 * 86400, kinds_present={"usds_payment": 1})
    assert ledger([log], usds, diff=storage(A["MCD_VAT"])).unexplained() == []  # a join keeps no storage
    # a kind that declares the event without declaring it state-free: the missing state change fails
    from spellgen.spellfile.actions import UsdsPayment
    from dataclasses import replace
    original = UsdsPayment.EFFECTS
    try:
        UsdsPayment.EFFECTS = replace(original, state_free=())
        [message] = ledger([log], usds, diff=storage(A["MCD_VAT"])).unexplained()
    finally:
        UsdsPayment.EFFECTS = original
    assert message.startswith(f"USDS_JOIN ({A['USDS_JOIN']}) emitted Exit(caller: DAI_USDS")
    assert "with no state change behind it" in message


def test_an_unexplained_event_without_state_says_both():
    log = {"address": A["CHANGELOG"], "topics": [bytes.fromhex(topic("UpdateVersion(string)")[2:])],
           "data": encode(["string"], ["1.14.6"])}
    [message] = ledger([log], diff=storage(A["MCD_PAUSE"])).unexplained()
    assert message == (f"CHANGELOG ({A['CHANGELOG']}) emitted UpdateVersion(version: '1.14.6'), which neither a YAML "
                       "item nor the spell's own machinery (the pause's exec) explains (and its storage did not "
                       "change in the cast)")


def test_storage_changed_reads_the_diff():
    assert storage_changed(None) is None
    assert storage_changed(storage(A["MCD_VAT"])) == {A["MCD_VAT"].lower()}
    same = {"pre": {"0xab": {"storage": {"0x01": "0x02"}}}, "post": {"0xab": {"storage": {"0x01": "0x02"}}}}
    assert storage_changed(same) == set()


def test_an_init_is_explained_only_by_a_declared_stream_of_that_vest_and_recipient():
    usr = "0x675671A8756dDb69F7254AFB030865388Ef699Ee"
    award = NewAward(Item("stream", "s"), "MCD_VEST_SKY_TREASURY", usr, 0, 0, 1, "0x" + "00" * 20, 1, WAD, "SKY")
    e = Expected("d", False, 30 * 86400, awards=[award], kinds_present={"stream": 1})

    def init(award_id: int, to: str) -> dict:
        return {"address": VEST, "topics": [bytes.fromhex(topic("Init(uint256,address)")[2:]),
                                            award_id.to_bytes(32, "big"), word(to)], "data": b""}
    observed = {("MCD_VEST_SKY_TREASURY", i): Award(usr, 0, 0, 1, "", 1, WAD, 0) for i in (10, 11)}
    kwargs = dict(vests={"MCD_VEST_SKY_TREASURY": VEST}, new_awards=observed, diff=storage(VEST))
    assert ledger([init(10, usr)], e, **kwargs).unexplained() == []
    [extra] = ledger([init(10, usr), init(11, STRANGER)], e, **kwargs).unexplained()
    assert extra == f"MCD_VEST_SKY_TREASURY emitted Init(id: 11, usr: {STRANGER}): an award no YAML stream declares"
    [twice] = ledger([init(10, usr), init(11, usr)], e, **kwargs).unexplained()
    assert "Init(id: 11" in twice


def test_budget_only_lists_other_contracts_events_but_not_the_pause_proxys():
    rely = {"address": STRANGER,  # a contract outside the budget
            "topics": [bytes.fromhex(topic("Rely(address)")[2:]), word(STRANGER)], "data": b""}
    forged = {"address": A["MCD_PAUSE_PROXY"],
              "topics": [bytes.fromhex(topic("Transfer(address,address,uint256)")[2:]), word(A["MCD_PAUSE_PROXY"]),
                         word(STRANGER)], "data": WAD.to_bytes(32, "big")}
    e = Expected("d", False, 30 * 86400, budget_only=True)
    book = ledger([rely, forged], e)
    [problem] = book.unexplained()
    assert problem.startswith(f"MCD_PAUSE_PROXY ({A['MCD_PAUSE_PROXY']}) emitted Transfer(")
    assert len(book.listed) == 1 and "Rely(" in book.listed[0]
