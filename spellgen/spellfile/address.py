"""Ethereum addresses and EIP-55 checksums (keccak from pycryptodome, no web3 on the render path)."""
from __future__ import annotations

import re

from Crypto.Hash import keccak as _keccak
from spellgen.errors import InvalidInput

_HEX40 = re.compile(r"^0x[0-9a-fA-F]{40}$")


class AddressError(InvalidInput, ValueError):
    pass


def keccak256(data: bytes) -> bytes:
    return _keccak.new(digest_bits=256, data=data).digest()


def to_checksum(address: str) -> str:
    """The EIP-55 form of a 0x-prefixed 40-hex-digit address."""
    lower = address[2:].lower()
    digest = keccak256(lower.encode("ascii")).hex()
    return "0x" + "".join(c.upper() if int(digest[i], 16) >= 8 else c for i, c in enumerate(lower))


def looks_like_address(text: str) -> bool:
    return text.strip().lower().startswith("0x")


def parse_address(text: str) -> str:
    """Accept only a correctly checksummed address; the error shows the right form."""
    cleaned = text.strip()
    if not _HEX40.match(cleaned):
        raise AddressError(f"{text!r} is not an address (0x followed by 40 hex digits)")
    good = to_checksum(cleaned)
    if cleaned != good:
        raise AddressError(f"{cleaned} fails its EIP-55 checksum; the checksummed form is {good}")
    if int(cleaned, 16) == 0:
        raise AddressError("the zero address cannot receive funds")
    return cleaned
