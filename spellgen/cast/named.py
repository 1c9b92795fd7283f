"""Contracts and calls as a reviewer reads them: an address by its chainlog name of the spell's date,
a selector by the function signature spellgen knows for it, a failed transaction by the call that
started the revert ("the cast reverted in MCD_VAT.rely(address) called by MCD_PAUSE_PROXY: ...").

The signatures come from what spellgen itself declares: the interfaces render lays out
(spellgen/spellfile/solidity.py and each action kind's `INTERFACES`) and the twin's contract ABIs
(spellgen/twin/precompiled.json). A selector none of them has is shown as its four bytes.
"""
from __future__ import annotations

import re
from functools import lru_cache

from eth_abi import decode

from spellgen.spellfile import history
from spellgen.spellfile.address import keccak256, to_checksum

_DECLARATION = re.compile(r"function\s+(\w+)\s*\(([^)]*)\)")
_ERROR_STRING = "08c379a0"  # Error(string)


def names_at(date: str, observed: dict[str, str] | None = None) -> dict[str, str]:
    """Address (lower case) -> chainlog name: every key of the ChainLog of `date` (spellgen's one
    table of chain facts), the contracts the twin models, then what the chain itself answered
    (`observed`, key -> address), which wins."""
    names = {address.lower(): key for key, address in history.MAINNET.items()}
    if date:
        names.update({address.lower(): key for key, address in sorted(history.chainlog_at(date).items())})
    names.update({address.lower(): key for key, address in (observed or {}).items() if address})
    names[history.DSS_EXEC_LIB.lower()] = "DssExecLib"
    return names


def abi_signature(entry: dict) -> str:
    """`name(type,...)` of an ABI function entry (tuples spelt out)."""
    def kind(param: dict) -> str:
        t = param["type"]
        if t.startswith("tuple"):
            return "(" + ",".join(kind(c) for c in param.get("components", [])) + ")" + t[5:]
        return t
    return f"{entry['name']}({','.join(kind(p) for p in entry.get('inputs', []))})"


def declaration_signature(declaration: str) -> str | None:
    """`name(type,...)` of a Solidity declaration `function name(address usr, uint256 wad) ...`."""
    match = _DECLARATION.search(declaration)
    if not match:
        return None
    types = [p.split()[0] for p in match.group(2).split(",") if p.strip()]
    return f"{match.group(1)}({','.join(types)})"


@lru_cache(maxsize=1)
def signatures() -> dict[str, str]:
    """Selector ("0x" + 8 hex digits) -> signature, for every function spellgen declares or models."""
    from spellgen.spellfile.actions import KINDS
    from spellgen.spellfile.solidity import INTERFACES
    from spellgen.twin.artifacts import precompiled

    found: set[str] = set()
    for interfaces in (INTERFACES, *(kind.INTERFACES for kind in KINDS)):
        for interface in interfaces.values():
            found.update(s for _, d in interface.functions if (s := declaration_signature(d)))
    for artifact in (precompiled() or {}).values():
        found.update(abi_signature(e) for e in artifact.abi if e.get("type") == "function")
    return {"0x" + keccak256(s.encode())[:4].hex(): s for s in sorted(found)}


def name_of(address: str, names: dict[str, str]) -> str:
    """A contract by its chainlog name; an account without one by its checksummed address."""
    return names.get(address.lower()) or (to_checksum(address) if len(address) == 42 else address)


def call_text(to: str, data: str, names: dict[str, str]) -> str:
    """`MCD_VAT.rely(address)`: the target by name, the function by signature (or its selector)."""
    selector = (data or "0x")[:10]
    function = signatures().get(selector.lower()) or (selector if len(selector) == 10 else "(no calldata)")
    return f"{name_of(to, names)}.{function}"


def _reason(frame: dict) -> str:
    if frame.get("revertReason"):
        return str(frame["revertReason"])
    output = str(frame.get("output") or "")
    if output[2:10] == _ERROR_STRING:
        try:
            return decode(["string"], bytes.fromhex(output[10:]))[0] or "reverted without a reason"
        except Exception:  # noqa: BLE001 - undecodable revert data: the tracer's own word
            pass
    return str(frame.get("error") or "reverted")


def failing_call(trace: dict | None, names: dict[str, str], what: str = "the cast") -> str | None:
    """The call where a reverted transaction's failure started (the innermost failing frame of a
    callTracer trace, following the last failing call at each level), or None when none failed."""
    frame, failing = trace, None
    while frame:
        if frame.get("error"):
            failing = frame
        failed = [child for child in frame.get("calls") or [] if child.get("error")]
        frame = failed[-1] if failed else None
    if failing is None or not failing.get("to"):
        return None
    caller = name_of(str(failing.get("from") or ""), names)
    kind = str(failing.get("type") or "CALL").upper()
    how = "called" if kind == "CALL" else f"{kind.lower()}ed" if kind.endswith("CALL") else kind
    return (f"{what} reverted in {call_text(failing['to'], str(failing.get('input') or '0x'), names)} "
            f"{how} by {caller}: {_reason(failing)}")
