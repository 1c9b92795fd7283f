"""Storage-slot arithmetic of solc's layout: where `mapping[key]` and `mapping[a][b]` live.

Slots are ints everywhere in spellgen; `word` turns one into the 32-byte hex that RPC calls take.
"""
from __future__ import annotations

from spellgen.spellfile.address import keccak256


def word(value: int) -> str:
    """A 32-byte big-endian hex word, as storage calls and cheat codes want it."""
    return "0x" + value.to_bytes(32, "big").hex()


def mapping_slot(key: str | int, slot: int) -> int:
    """Storage slot of `mapping[key]` for a mapping declared at `slot`.

    An address (hex string) key is left-padded to 32 bytes, like a uint256 key.
    """
    key_int = int(key, 16) if isinstance(key, str) else key
    return int.from_bytes(keccak256(key_int.to_bytes(32, "big") + slot.to_bytes(32, "big")), "big")


def nested_slot(key1: str | int, key2: str | int, slot: int) -> int:
    """Storage slot of `mapping[key1][key2]`."""
    return mapping_slot(key2, mapping_slot(key1, slot))
