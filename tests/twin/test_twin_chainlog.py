"""Issue 21: the twin's ChainLog holds every key of its date, at the chain facts' addresses.

Keys whose contract the twin models point at it; every other key points at its mainnet address, where
the twin has no code, and a cast that fails after touching one says which key it is.
"""
from __future__ import annotations

from spellgen.cast.simulate import Simulator
from spellgen.chain.client import Chain, TxFailed
from spellgen.spellfile import history
from spellgen.spellfile.expect import Expected
from spellgen.twin import start_twin

from conftest import TWIN_DATE

GETTER = "getAddress(bytes32)(address)"
MCD_SPOT = "0x65C79fcB50Ca1594B025960e539eD7A9a6D434A3"


def b32(key: str) -> bytes:
    return key.encode().ljust(32, b"\0")


def test_the_chainlog_lists_every_key_of_its_date(kit, twin):
    listed = [k.rstrip(b"\0").decode() for k in kit.log.functions.list().call()]
    assert sorted(listed) == sorted(history.chainlog_at(TWIN_DATE)) == sorted(twin.addresses)
    assert len(listed) == len(set(listed)) > 300
    chain = Chain(twin.url)
    assert chain.call(history.CHANGELOG, GETTER, b32("MCD_SPOT")) == MCD_SPOT
    assert twin.rpc.code(MCD_SPOT) in ("0x", "")  # a contract the twin does not model: no code
    # The position each key holds is its own, so a spell's setAddress updates it in place.
    for index in (0, len(listed) // 2, len(listed) - 1):
        name, address = chain.call(history.CHANGELOG, "get(uint256)(bytes32,address)", index)
        assert address == history.chainlog_at(TWIN_DATE)[name.rstrip(b"\0").decode()]
    assert any("keys of the date name contracts the twin does not model" in note for note in twin.notes)


def test_a_sky_era_twin_has_the_subproxies_of_its_date():
    with start_twin("2026-02-26") as twin:
        chain = Chain(twin.url)
        assert chain.call(history.CHANGELOG, GETTER, b32("GROVE_SUBPROXY")) == \
            "0x1369f7b2b38c76B6478c0f0E66D94923421891Ba"
        assert chain.call(history.CHANGELOG, "count()(uint256)") == len(history.chainlog_at("2026-02-26"))


def test_a_failed_cast_names_the_unmodeled_key_it_touched(twin):
    """A contract that asks whether MCD_SPOT has code and reverts when it has none: the failure is
    reported with the key whose contract the twin does not model."""
    chain = Chain(twin.url)
    probe = "0x" + "5a" * 20
    # PUSH20 MCD_SPOT EXTCODESIZE PUSH1 0x1d JUMPI PUSH1 0 DUP1 REVERT JUMPDEST(0x1d) STOP
    code = "0x73" + MCD_SPOT[2:].lower() + "3b" + "601d" + "57" + "6000" + "80" + "fd" + "5b" + "00"
    twin.rpc.set_code(probe, code)
    sender = chain.impersonate("0x" + "6b" * 20)
    try:
        chain.send(sender, probe, b"")
    except TxFailed as exc:
        failed = exc
    else:
        raise AssertionError("the probe did not revert")
    simulator = Simulator(chain, Expected("", False, 0, date=TWIN_DATE), twin=True)
    assert simulator._unmodeled(failed) == (
        f"; it touched MCD_SPOT ({MCD_SPOT}): chainlog key of {TWIN_DATE} whose contract the twin does not "
        "model (no code there), so a call to it fails")
