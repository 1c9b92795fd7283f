"""Contracts and calls as a reviewer reads them: an address by its chainlog name of the spell's date,
a selector by the function signature spellgen knows for it, a failed transaction by the call that
started the revert ("the cast reverted in MCD_VAT.rely(address) called by MCD_PAUSE_PROXY: ...").

The signatures come from what spellgen itself declares: the interfaces render lays out
(spellgen/spellfile/solidity.py and each action kind's `INTERFACES`) and the twin's contract ABIs
(spellgen/twin/precompiled.json). A selector none of them has is shown as its four bytes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
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
    data = str(failing.get("input") or "0x")
    signature, tried = call_text(failing["to"], data, names), call_with_args(failing["to"], data, names)
    # the call with its arguments, as the code made it ("CHANGELOG.rely(0x6cD0...)"), when they decode
    args = f" (the call: {tried})" if tried != signature else ""
    return f"{what} reverted in {signature} {how} by {caller}: {_reason(failing)}{args}"


# -- calls and events with their arguments --------------------------------------------------------

def _types(signature: str) -> list[str]:
    """The argument types of `name(type,...)` (one level of tuples kept whole)."""
    inner = signature[signature.index("(") + 1:-1]
    out, depth, word = [], 0, ""
    for ch in inner:
        if ch == "," and depth == 0:
            out.append(word)
            word = ""
            continue
        depth += ch == "("
        depth -= ch == ")"
        word += ch
    return [*out, word] if word else out


def value_text(kind: str, value: object, names: dict[str, str]) -> str:
    """One decoded argument as a reviewer reads it: an account by name (with its address), an amount
    with its digits grouped and, when it is a large one, read as 18 decimals; text as text."""
    if kind == "address":
        address = str(value)
        name = names.get(address.lower())
        return f"{name} ({to_checksum(address)})" if name else to_checksum(address)
    if kind.startswith(("uint", "int")) and isinstance(value, int):
        if 10**15 <= abs(value) < 10**36:  # a WAD amount, most likely (a RAD is shown as its digits)
            whole, frac = divmod(abs(value), 10**18)
            decimals = f"{frac:018d}".rstrip("0")
            return f"{value:,} (= {'-' if value < 0 else ''}{whole:,}{'.' + decimals if decimals else ''} × 10^18)"
        return f"{value:,}"
    if kind == "bytes32" and isinstance(value, bytes):
        text = value.rstrip(b"\0")
        if text and all(32 <= b < 127 for b in text):
            return f'"{text.decode()}"'
        return "0x" + value.hex()
    if isinstance(value, bytes):
        return "0x" + (value.hex() if len(value) <= 36 else value[:36].hex() + f"... ({len(value)} bytes)")
    if isinstance(value, str):
        return repr(value)
    return str(value)


def call_with_args(to: str, data: str, names: dict[str, str]) -> str:
    """`CHANGELOG.rely(0x6cD0...)`: the target by name, the function by name with its arguments decoded
    (the bare selector when spellgen knows no signature for it, the raw words when they do not decode)."""
    raw = bytes.fromhex((data or "0x").removeprefix("0x"))
    selector = "0x" + raw[:4].hex()
    signature = signatures().get(selector) if len(raw) >= 4 else None
    if signature is None:
        return call_text(to, data, names)
    call = _call_args(signature, raw[4:], names)
    return f"{name_of(to, names)}.{call}" if call else call_text(to, data, names)


def _call_args(signature: str, body: bytes, names: dict[str, str]) -> str | None:
    """`rely(0x6cD0...)`: a call's function name and its decoded arguments (None: they do not decode)."""
    types = _types(signature)
    try:
        values = decode(types, body) if types else ()
    except Exception:  # noqa: BLE001 - calldata that does not fit the signature
        return None
    return f"{signature.split('(')[0]}({', '.join(value_text(t, v, names) for t, v in zip(types, values))})"


@lru_cache(maxsize=1)
def event_signatures() -> dict[str, list[dict]]:
    """Topic ("0x" + 64 hex digits) -> the ABI entries of the events spellgen's twin declares with it
    (one signature may be declared with its arguments indexed in one contract and not in another)."""
    from spellgen.twin.artifacts import precompiled

    out: dict[str, list[dict]] = {}
    seen: set[str] = set()
    for artifact in (precompiled() or {}).values():
        for entry in artifact.abi:
            if entry.get("type") != "event" or entry.get("anonymous"):
                continue
            signature = abi_signature(entry)
            shape = signature + str([i.get("indexed") for i in entry.get("inputs", [])])
            if shape not in seen:
                seen.add(shape)
                out.setdefault("0x" + keccak256(signature.encode()).hex(), []).append(entry)
    return out


@dataclass(frozen=True)
class DecodedEvent:
    """One log in words: its name (`LogNote` for an anonymous note of a call), the noted function's
    name for a note, and the whole event with its arguments decoded."""

    name: str
    function: str
    text: str


def decode_log(topics: list[bytes], data: bytes, names: dict[str, str]) -> DecodedEvent:
    """A log as a reviewer reads it. Named events come from the twin's ABIs; the anonymous notes of
    ds-note (the pause, MKR) and LibNote (the Vat, the joins, DAI) have the noted call's selector as
    their first topic and its calldata in their data, decoded as that call."""
    hex_topics = ["0x" + bytes(t).hex() for t in topics]
    if not hex_topics:
        return DecodedEvent("(anonymous)", "", f"an anonymous event with data 0x{data.hex()}")
    t0 = hex_topics[0]
    for entry in event_signatures().get(t0, []):
        decoded = _decode_named(entry, hex_topics[1:], data, names)
        if decoded is not None:
            return DecodedEvent(entry["name"], "", decoded)
    if t0[10:].strip("0") == "":  # a note: the selector, then zeros
        fax = _note_calldata(data, t0[:10])
        signature = signatures().get(t0[:10])
        function = signature.split("(")[0] if signature else t0[:10]
        caller = value_text("address", "0x" + hex_topics[1][-40:], names) if len(hex_topics) > 1 else "?"
        call = (_call_args(signature, fax[4:], names) if signature and fax else None) or function
        return DecodedEvent("LogNote", function, f"LogNote of {call}, called by {caller}")
    return DecodedEvent(t0[:10], "", f"an event with topic {t0[:10]}... and {len(data)} byte(s) of data")


def _decode_named(entry: dict, topics: list[str], data: bytes, names: dict[str, str]) -> str | None:
    inputs = entry.get("inputs", [])
    indexed = [i for i in inputs if i.get("indexed")]
    if len(indexed) != len(topics):
        return None
    try:
        rest = list(decode([i["type"] for i in inputs if not i.get("indexed")], data))
    except Exception:  # noqa: BLE001 - another event with the same topic
        return None
    parts = []
    for i in inputs:
        if i.get("indexed"):
            word = bytes.fromhex(topics.pop(0)[2:])
            value: object = ("0x" + word[-20:].hex() if i["type"] == "address" else
                             int.from_bytes(word, "big") if i["type"].startswith(("uint", "int")) else word)
        else:
            value = rest.pop(0)
        parts.append(f"{i['name']}: {value_text(i['type'], value, names)}" if i.get("name") else
                     value_text(i["type"], value, names))
    return f"{entry['name']}({', '.join(parts)})"


def _note_calldata(data: bytes, selector: str) -> bytes:
    """The noted call's calldata: LibNote logs `abi.encode(bytes)`, ds-note `abi.encode(uint256, bytes)`."""
    for types in (["bytes"], ["uint256", "bytes"]):
        try:
            fax = decode(types, data)[-1]
        except Exception:  # noqa: BLE001 - the other layout
            continue
        if "0x" + bytes(fax[:4]).hex() == selector:
            return bytes(fax)
    return b""
