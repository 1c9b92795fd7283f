"""The executive document's hash, computed the way spell crafters do.

A spell's description ends with `Hash: 0x...`, the keccak-256 of the executive document's text:
`cast keccak -- "$(cat executive.md)"`. That is keccak-256 of the file's bytes, except that the
shell's command substitution drops trailing newlines; so the hash of the raw bytes is the one
reported, and the hash of the bytes without trailing newlines is accepted as well.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from spellgen.spec.address import keccak256

_HASH = re.compile(r"Hash:\s*(0x[0-9a-fA-F]{64})\b")


@dataclass(frozen=True)
class DocHashes:
    raw: str  # keccak-256 of the file's bytes, 0x + 64 lowercase hex digits
    trimmed: str  # the same without trailing newlines: what `cast keccak -- "$(cat FILE)"` prints

    def matches(self, claimed: str) -> bool:
        return claimed.lower() in (self.raw, self.trimmed)


def keccak_hex(data: bytes) -> str:
    return "0x" + keccak256(data).hex()


def document_hashes(data: bytes) -> DocHashes:
    return DocHashes(keccak_hex(data), keccak_hex(data.rstrip(b"\n")))


def description_hash(description: str) -> str | None:
    """The `Hash: 0x...` a description claims, or None when it states none."""
    match = _HASH.search(description)
    return match.group(1) if match else None


def resolve(exec_doc: str, base_dir: Path) -> Path:
    """`exec_doc` is relative to the YAML's folder (an absolute path stays as it is)."""
    return base_dir / Path(exec_doc)
