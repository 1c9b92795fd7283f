"""Messages a reviewer reads at a glance: contracts by chainlog name in events too, amounts with
thousands separators and their unit (a RAD as DAI), on hand-made logs (no chain)."""
from __future__ import annotations

from spellgen.cast.simulate import Observation
from spellgen.chain.client import Receipt, topic
from spellgen.spellfile.expect import Expected
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
