"""Is the spell at an address the compiled source? (`spellgen verify --address 0x... --fork-url URL`)

Both runtime codes are compared byte for byte after two allowed differences are taken out:
- the CBOR metadata solc appends (its length is the code's last two bytes): it hashes the source text,
  file names and settings, so comments or paths change it without changing the code;
- the immutables (solc's `immutableReferences`): 32-byte values the constructor writes into the code.
  Each one is then judged by itself: every copy must hold the same value, a public one must equal its
  getter, one read from the ChainLog (`DssExecLib.getChangelogAddress("KEY")`) must equal what the
  ChainLog holds now, and DssExec's `tag` must be the action's code hash.
The spell's action (`spell.action()`) is compared the same way. Pure comparison plus chain reads.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spellgen.compiler.compile import Contract, CompiledSpell
from spellgen.chain.client import Chain, calldata
from spellgen.spellfile.address import keccak256, to_checksum
from spellgen.spellfile.history import CHANGELOG
from spellgen.errors import InvalidInput

WORD = 32


class NoCodeError(InvalidInput, ValueError):
    """The address holds no contract on that chain (a wrong address, or the wrong chain or block)."""


def split_metadata(code: bytes) -> tuple[bytes, bytes]:
    """(code without its CBOR metadata, the metadata with its 2-byte length); no metadata: (code, b"")."""
    if len(code) < 2:
        return code, b""
    length = int.from_bytes(code[-2:], "big")
    start = len(code) - 2 - length
    if length == 0 or start < 0 or not 0xA0 <= code[start] <= 0xBF:  # a CBOR map opens the metadata
        return code, b""
    return code[:start], code[start:]


def masked(code: bytes, offsets: list[int]) -> bytes:
    """`code` with 32 zero bytes at each immutable's offset."""
    out = bytearray(code)
    for offset in offsets:
        out[offset:offset + WORD] = bytes(min(WORD, max(0, len(out) - offset)))
    return bytes(out)


def _instruction_at(code: bytes, index: int) -> tuple[int, int]:
    """(pc, operand length) of the instruction whose opcode or PUSH operand holds byte `index`."""
    pc = 0
    while pc < len(code):
        width = code[pc] - 0x5F if 0x60 <= code[pc] <= 0x7F else 0
        if pc <= index <= pc + width:
            return pc, width
        pc += 1 + width
    return index, 0


def first_difference(name: str, compiled: bytes, deployed: bytes) -> str:
    """Where the two codes part, and what that means; "" when they are equal."""
    if compiled == deployed:
        return ""
    common = min(len(compiled), len(deployed))
    index = next((i for i in range(common) if compiled[i] != deployed[i]), common)
    sizes = f"{name}: the deployed code is {len(deployed):,} bytes, the compiled {len(compiled):,} (without metadata)"
    if index == common:
        longer = "deployed" if len(deployed) > len(compiled) else "compiled"
        return (f"{sizes}; they agree up to byte {index:,}, where the {longer} code goes on: code was added "
                f"or removed at its end")
    pc, width = _instruction_at(compiled, index)
    if width and compiled[pc] == deployed[pc]:
        want, got = compiled[pc + 1:pc + 1 + width], deployed[pc + 1:pc + 1 + width]
        what = (f"the constant of the PUSH{width} at byte {pc:,} differs: compiled 0x{want.hex()} "
                f"({int.from_bytes(want, 'big'):,}), deployed 0x{got.hex()} ({int.from_bytes(got, 'big'):,}): "
                f"an amount, address, date or jump target the source does not have")
    else:
        what = (f"the instruction at byte {pc:,} differs: compiled 0x{compiled[pc]:02x}, deployed "
                f"0x{deployed[pc]:02x}: the deployed code is other code")
    return f"{sizes}; first difference at byte {index:,}: {what}"


@dataclass
class CodeCheck:
    """The comparison of one contract: its problems, and the immutables read from the deployed code."""

    name: str
    address: str
    problems: list[str] = field(default_factory=list)
    immutables: dict[str, bytes] = field(default_factory=dict)  # name -> the 32-byte value in the code
    notes: list[str] = field(default_factory=list)  # what was checked, for the evidence column
    metadata_equal: bool = False

    def evidence(self) -> str:
        meta = "metadata equal" if self.metadata_equal else "metadata differs (source text, paths or comments)"
        return f"{self.name} at {self.address}: runtime code equal apart from immutables; {meta}; " + "; ".join(self.notes)


def compare_code(contract: Contract, address: str, deployed: bytes) -> CodeCheck:
    """Runtime code against the compiled contract, with metadata stripped and immutables masked; the
    immutables' deployed values are kept for `check_immutables`."""
    check = CodeCheck(contract.name, address)
    compiled = bytes.fromhex(contract.deployed)
    compiled_code, compiled_meta = split_metadata(compiled)
    deployed_code, deployed_meta = split_metadata(deployed)
    check.metadata_equal = compiled_meta == deployed_meta
    offsets = [o for i in contract.immutables for o in i.offsets]
    difference = first_difference(contract.name, masked(compiled_code, offsets), masked(deployed_code, offsets))
    if difference:
        check.problems.append(difference)
        return check
    for index, immutable in enumerate(contract.immutables):
        name = immutable.name or f"immutable #{index + 1}"
        values = {deployed_code[o:o + WORD] for o in immutable.offsets}
        if len(values) > 1:
            check.problems.append(f"{contract.name}.{name}: its {len(immutable.offsets)} copies in the code hold "
                                  f"different values ({', '.join('0x' + v.hex() for v in sorted(values))}); "
                                  f"a constructor writes one value: the code was edited after deployment")
        check.immutables[name] = min(values) if values else b""
    return check


def _word_address(value: bytes) -> str:
    return to_checksum("0x" + value[-20:].hex())


def _raw_call(chain: Chain, to: str, data: bytes) -> bytes:
    raw = chain.rpc("eth_call", [{"to": to_checksum(to), "data": "0x" + data.hex()}, "latest"])
    return bytes.fromhex(str(raw).removeprefix("0x"))


def chainlog_address(chain: Chain, key: str) -> str | None:
    """What the ChainLog holds under `key`, None when it has no such key."""
    try:
        return chain.call(CHANGELOG, "getAddress(bytes32)(address)", key.encode().ljust(32, b"\0"))
    except Exception:  # noqa: BLE001 - dss-chain-log/invalid-key
        return None


def check_immutables(chain: Chain, contract: Contract, check: CodeCheck, action_code: bytes = b"") -> None:
    """Each immutable's value against what it must be: its getter, the ChainLog, the action's code hash."""
    for index, immutable in enumerate(contract.immutables):
        name = immutable.name or f"immutable #{index + 1}"
        value = check.immutables.get(name)
        if value is None:
            continue
        where = f"{contract.name}.{name}"
        if immutable.chainlog_key:
            holds = chainlog_address(chain, immutable.chainlog_key)
            if holds is None or int(holds, 16) != int.from_bytes(value, "big"):
                check.problems.append(
                    f"{where} is {_word_address(value)}, but the ChainLog holds {holds or 'no such key'} under "
                    f"{immutable.chainlog_key}: the spell was deployed when the ChainLog said otherwise (or "
                    f"on another chain); redeploy it, or confirm the key's change was intended")
            else:
                check.notes.append(f"{name} = ChainLog {immutable.chainlog_key}")
            continue
        if immutable.public:
            got = _raw_call(chain, check.address, calldata(f"{immutable.name}()"))
            if got[:WORD] != value:
                check.problems.append(f"{where} in the code is 0x{value.hex()}, its getter answers 0x{got.hex()}")
                continue
        if name == "tag" and action_code:
            if value != keccak256(action_code):
                check.problems.append(f"{where} is 0x{value.hex()}, not the action's code hash "
                                      f"0x{keccak256(action_code).hex()}: the pause would run other code")
                continue
            check.notes.append("tag = the action's code hash")
        elif name == "pause":
            pause = chainlog_address(chain, "MCD_PAUSE")
            if pause is None or int(pause, 16) != int.from_bytes(value, "big"):
                check.problems.append(f"{where} is {_word_address(value)}, the ChainLog's MCD_PAUSE is {pause}")
                continue
            check.notes.append("pause = ChainLog MCD_PAUSE")
        elif immutable.public:
            check.notes.append(f"{name} = its getter")
        else:
            check.notes.append(f"{name} = 0x{value.hex()} (not a ChainLog read: not checked)")


EXECUTE = keccak256(b"execute()")[:4]


def _check_sig(chain: Chain, contract: Contract, check: CodeCheck) -> None:
    """DssExec's constructor stores `sig`, the call the pause makes into the action: it must be
    `execute()` (another selector would run another function of the action, office hours unchecked).
    The constructor is not in the runtime code, so this storage is read, not compared."""
    if not any(entry.get("name") == "sig" for entry in contract.abi):
        return
    sig = chain.call(check.address, "sig()(bytes)")
    if sig != EXECUTE:
        check.problems.append(f"{contract.name}.sig() is 0x{sig.hex()}, not execute() (0x{EXECUTE.hex()}): the "
                              f"pause would call another function of the action")
    else:
        check.notes.append("sig = execute()")


def deployed_code_checks(chain: Chain, compiled: CompiledSpell, address: str) -> tuple[list[CodeCheck], str]:
    """Compare the spell at `address` and its action with `compiled`; (checks, the action's address).

    Raises NoCodeError when `address` holds no code."""
    address = to_checksum(address)
    code = chain.code(address)
    if not code:
        raise NoCodeError(f"{address} holds no code on this chain (block {int(chain.rpc('eth_blockNumber', []), 16)}): "
                          f"a wrong address, another chain, or a fork block before its deployment")
    spell = compare_code(compiled.spell, address, code)
    action = ""
    if not spell.problems:
        action = _word_address(spell.immutables.get("action", b"")) if "action" in spell.immutables else ""
    if not action:
        try:
            action = chain.call(address, "action()(address)")
        except Exception:  # noqa: BLE001 - not a DssExec
            spell.problems.append(f"{address} has no action(): it is not a DssExec spell")
            return [spell], ""
    action_code = chain.code(action)
    checks = [spell]
    if not action_code:
        spell.problems.append(f"the spell's action {action} holds no code")
        return checks, action
    action_check = compare_code(compiled.action, action, action_code)
    checks.append(action_check)
    if not spell.problems:
        check_immutables(chain, compiled.spell, spell, action_code)
        _check_sig(chain, compiled.spell, spell)
    if not action_check.problems:
        check_immutables(chain, compiled.action, action_check)
    return checks, action
