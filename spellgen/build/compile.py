"""Compile a rendered (or hand-written) spell against the project's exec base with the pinned solc.

The spell's imports (`dss-exec-lib/...`) resolve to contracts/dss-exec-lib; DssExecLib is linked
at its mainnet address, so the same bytecode runs on the twin and on a real mainnet fork.

A hand-written spell may also import files of its own, as real spells do
(`./dependencies/sp-beam/SPBEAMInit.sol`): imports the exec base does not answer are looked up
beside the spell, then in a `dependencies/` folder beside it (`local_sources`).
"""
from __future__ import annotations

import hashlib
import json
import posixpath
import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from spellgen import resources
from spellgen.build import toolchain
from spellgen.files import write_atomic
from spellgen.spec.protocol import DSS_EXEC_LIB

SPELL_FILE = "DssSpell.sol"
EXEC_LIB_DIR = "dss-exec-lib"
MAX_CODE_SIZE = 24_576  # EIP-170


class CompileError(RuntimeError):
    """solc rejected the source; the message holds its formatted errors."""


@dataclass(frozen=True)
class Contract:
    name: str
    abi: list
    bytecode: str  # creation code, hex without 0x, libraries linked
    deployed: str  # runtime code, hex without 0x

    @property
    def size(self) -> int:
        return len(self.deployed) // 2


@dataclass(frozen=True)
class CompiledSpell:
    solc: str
    spell: Contract  # DssSpell
    action: Contract  # DssSpellAction
    seconds: float
    warnings: list[str]

    def size_problems(self) -> list[str]:
        """One line per contract over EIP-170's limit, naming both sizes and what to do."""
        sizes = f"DssSpell {self.spell.size:,} bytes, DssSpellAction {self.action.size:,} bytes"
        return [f"{c.name} is {c.size:,} bytes, over the {MAX_CODE_SIZE:,}-byte contract size limit (EIP-170; "
                f"{sizes}); mainnet would refuse to deploy it: split the budget into two spells, or move "
                f"some actions to a later spell" for c in (self.spell, self.action) if c.size > MAX_CODE_SIZE]


BASE_DIRS = (EXEC_LIB_DIR, "dss-interfaces", "dss-test")  # what a spell may import, by the paths real spells use


def exec_lib_sources(root: Path | None = None) -> dict[str, dict[str, str]]:
    """The exec base (and the interfaces spells import) as standard-JSON sources, keyed by import path."""
    contracts = root / "contracts" if root else resources.contracts_dir()
    files = sorted(p for d in BASE_DIRS for p in (contracts / d).rglob("*.sol"))
    return {p.relative_to(contracts).as_posix(): {"content": p.read_text()} for p in files}


_IMPORT = re.compile(r"""\bimport\s+(?:[^"';]*?\bfrom\s+)?["']([^"']+)["']""")


def local_sources(source: str, source_dir: Path | None, base: dict) -> dict[str, dict[str, str]]:
    """The files the spell imports (transitively) that the exec base does not provide, read from
    `source_dir` or `source_dir/dependencies` (and `src/X` as `source_dir/X`, the spells repository's
    form), keyed by the import path solc resolves them to."""
    if source_dir is None:
        return {}
    found: dict[str, dict[str, str]] = {}
    todo = [(SPELL_FILE, source)]
    while todo:
        unit, text = todo.pop()
        for name in _IMPORT.findall(text):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(unit), name)) if name.startswith(".") else name
            if target in base or target in found or target == SPELL_FILE:
                continue
            candidates = [Path(source_dir) / target, Path(source_dir) / "dependencies" / target]
            if target.startswith("src/"):  # the spells repository's root-relative form, src/dependencies/...
                candidates.append(Path(source_dir) / target[len("src/"):])
            for candidate in candidates:
                if candidate.is_file():
                    found[target] = {"content": candidate.read_text()}
                    todo.append((target, found[target]["content"]))
                    break
    return found


def standard_input(source: str, bytecode_hash: str = "ipfs", source_dir: Path | None = None) -> dict:
    """`bytecode_hash="none"` drops the metadata hash, which covers the source text (comments
    included): then two sources that differ only in comments give identical bytecode.
    `source_dir`: the hand-written spell's folder, where its own imports are found."""
    base = exec_lib_sources()
    return {
        "language": "Solidity",
        "sources": {SPELL_FILE: {"content": source}, **base, **local_sources(source, source_dir, base)},
        "settings": {
            "optimizer": {"enabled": True, "runs": 200},
            "metadata": {"bytecodeHash": bytecode_hash},
            "libraries": {f"{EXEC_LIB_DIR}/DssExecLib.sol": {"DssExecLib": DSS_EXEC_LIB}},
            "outputSelection": {SPELL_FILE: {"*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"]}},
        },
    }


def _contract(output: dict, name: str) -> Contract:
    try:
        data = output["contracts"][SPELL_FILE][name]
    except KeyError:
        raise CompileError(f"the source defines no contract {name}") from None
    return Contract(name, data["abi"], data["evm"]["bytecode"]["object"], data["evm"]["deployedBytecode"]["object"])


def compile_spell(source: str, solc_version: str, bytecode_hash: str = "ipfs",
                  source_dir: Path | None = None) -> CompiledSpell:
    """Compile DssSpell and DssSpellAction from `source`; raise CompileError on any solc error."""
    toolchain.prepare_env()
    import solcx  # imported here: py-solc-x reads SOLCX_BINARY_PATH at import, and check/render never need it
    from solcx.exceptions import SolcError

    started = time.monotonic()
    try:
        output = solcx.compile_standard(standard_input(source, bytecode_hash, source_dir), solc_binary=toolchain.solc_path(solc_version),
                                        allow_paths=str(resources.contracts_dir()))
    except SolcError as exc:
        raise CompileError(_solc_messages(getattr(exc, "stdout_data", "") or str(exc))) from None
    errors = [e for e in output.get("errors", []) if e.get("severity") == "error"]
    if errors:
        raise CompileError("\n".join(e.get("formattedMessage", e.get("message", "")) for e in errors))
    warnings = [e.get("formattedMessage", e.get("message", "")) for e in output.get("errors", [])
                if e.get("severity") == "warning" and e.get("sourceLocation", {}).get("file") == SPELL_FILE]
    return CompiledSpell(solc_version, _contract(output, "DssSpell"), _contract(output, "DssSpellAction"),
                         time.monotonic() - started, warnings)


def compile_cached(source: str, solc_version: str, cache: Path | None = None,
                   source_dir: Path | None = None) -> CompiledSpell:
    """compile_spell, remembered under .cache/compile by a hash of everything that shapes the output.

    solcjs takes seconds; a warm `simulate` of an unchanged spell must not pay that again.
    """
    request = json.dumps([standard_input(source, source_dir=source_dir), solc_version], sort_keys=True).encode()
    folder = cache or toolchain.cache_dir() / "compile"
    path = folder / f"{hashlib.sha256(request).hexdigest()}.json"
    if path.exists():
        data = json.loads(path.read_text())
        return CompiledSpell(data["solc"], Contract(**data["spell"]), Contract(**data["action"]), 0.0,
                             data["warnings"])
    compiled = compile_spell(source, solc_version, source_dir=source_dir)
    write_atomic(path, json.dumps({"solc": compiled.solc, "spell": asdict(compiled.spell),
                                   "action": asdict(compiled.action), "warnings": compiled.warnings}))
    return compiled


def _solc_messages(stdout: str) -> str:
    try:
        errors = json.loads(stdout).get("errors", [])
    except (ValueError, AttributeError):
        return stdout
    return "\n".join(e.get("formattedMessage", e.get("message", "")) for e in errors) or stdout
