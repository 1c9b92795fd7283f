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
from spellgen.compiler import toolchain
from spellgen.files import write_atomic
from spellgen.spellfile.history import DSS_EXEC_LIB, TWIN_COMPILE, CompileSettings

SPELL_FILE = "DssSpell.sol"
EXEC_LIB_DIR = "dss-exec-lib"
MAX_CODE_SIZE = 24_576  # EIP-170


class CompileError(RuntimeError):
    """solc rejected the source; the message holds its formatted errors."""


@dataclass(frozen=True)
class Immutable:
    """An immutable variable: where the constructor writes its 32-byte value into the runtime code."""

    name: str  # "" when the declaration is in a file whose AST was not requested
    offsets: tuple[int, ...]  # byte offsets in the runtime code, 32 bytes each
    chainlog_key: str = ""  # the KEY of an initializer `DssExecLib.getChangelogAddress("KEY")`
    public: bool = False  # a getter `name()` exists


@dataclass(frozen=True)
class Contract:
    name: str
    abi: list
    bytecode: str  # creation code, hex without 0x, libraries linked
    deployed: str  # runtime code, hex without 0x
    immutables: tuple[Immutable, ...] = ()

    @property
    def size(self) -> int:
        return len(self.deployed) // 2

    @classmethod
    def from_json(cls, data: dict) -> "Contract":
        immutables = tuple(Immutable(i["name"], tuple(i["offsets"]), i["chainlog_key"], i["public"])
                           for i in data.get("immutables", ()))
        return cls(data["name"], data["abi"], data["bytecode"], data["deployed"], immutables)


@dataclass(frozen=True)
class CompiledSpell:
    solc: str
    spell: Contract  # DssSpell
    action: Contract  # DssSpellAction
    seconds: float
    warnings: list[str]
    settings: CompileSettings = TWIN_COMPILE

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


REPOSITORY_EXEC_LIB = Path("lib") / "dss-exec-lib" / "src"  # the spells repository's submodule


def repository_exec_base(source_dir: Path | None) -> dict[str, dict[str, str]]:
    """The exec base of the spells repository checkout a hand-written spell sits in: the files of
    `lib/dss-exec-lib/src/` found in the spell's folder or up to three folders above it (`src/`,
    `archive/DATE-DssSpell/`), as `dss-exec-lib/...` sources. They replace spellgen's own DssExec,
    DssAction and DssExecLib, so a real spell compiles to the bytecode mainnet holds."""
    if source_dir is None:
        return {}
    folder = Path(source_dir).resolve()
    for candidate in [folder, *list(folder.parents)[:3]]:
        lib = candidate / REPOSITORY_EXEC_LIB
        if (lib / "DssExec.sol").is_file():
            return {f"{EXEC_LIB_DIR}/{p.relative_to(lib).as_posix()}": {"content": p.read_text()}
                    for p in sorted(lib.rglob("*.sol"))  # its own tests need forge's libraries: left out
                    if "test" not in p.relative_to(lib).parts[:-1] and not p.name.endswith(".t.sol")}
    return {}


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


# Files whose AST names the immutables: the spell's own, and the exec base's DssExec and DssAction.
AST_FILES = (SPELL_FILE, f"{EXEC_LIB_DIR}/DssExec.sol", f"{EXEC_LIB_DIR}/DssAction.sol")
CONTRACT_OUTPUTS = ["abi", "evm.bytecode.object", "evm.deployedBytecode.object",
                    "evm.deployedBytecode.immutableReferences"]


def standard_input(source: str, bytecode_hash: str = "ipfs", source_dir: Path | None = None,
                   settings: CompileSettings = TWIN_COMPILE) -> dict:
    """`bytecode_hash="none"` drops the metadata hash, which covers the source text (comments
    included): then two sources that differ only in comments give identical bytecode.
    `source_dir`: the hand-written spell's folder, where its own imports are found. `settings`: the
    optimizer (spellgen.spellfile.history.compile_settings_at gives a date's, to match a deployed spell).
    No EVM version is set: the spells repository never set one solc 0.6.12 or 0.8.16 knows."""
    base = {**exec_lib_sources(), **repository_exec_base(source_dir)}
    selection: dict = {name: {"": ["ast"]} for name in AST_FILES}
    selection[SPELL_FILE]["*"] = CONTRACT_OUTPUTS
    return {
        "language": "Solidity",
        "sources": {SPELL_FILE: {"content": source}, **base, **local_sources(source, source_dir, base)},
        "settings": {
            "optimizer": {"enabled": settings.optimizer, "runs": settings.runs},
            "metadata": {"bytecodeHash": bytecode_hash},
            "libraries": {f"{EXEC_LIB_DIR}/DssExecLib.sol": {"DssExecLib": DSS_EXEC_LIB}},
            "outputSelection": selection,
        },
    }


def _declarations(output: dict) -> dict[int, dict]:
    """AST id -> the VariableDeclaration node of each immutable in the files of AST_FILES."""
    found: dict[int, dict] = {}

    def walk(node) -> None:
        if isinstance(node, dict):
            if node.get("nodeType") == "VariableDeclaration" and node.get("mutability") == "immutable":
                found[node["id"]] = node
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
    for name in AST_FILES:
        walk((output.get("sources", {}).get(name) or {}).get("ast"))
    return found


_GETTER = re.compile(r'function (\w+)\(\)\s+public view returns \(address\)\s*\{\s*return getChangelogAddress\("(\w+)"\)')


def exec_lib_getters() -> dict[str, str]:
    """DssExecLib's chainlog shortcuts, `dai()` -> MCD_DAI, read from the exec base's source."""
    text = (resources.contracts_dir() / EXEC_LIB_DIR / "DssExecLib.sol").read_text()
    return dict(_GETTER.findall(text))


def _chainlog_key(declaration: dict, getters: dict[str, str]) -> str:
    """KEY when the initializer reads the ChainLog: `DssExecLib.getChangelogAddress("KEY")` or a
    DssExecLib shortcut (`DssExecLib.dai()`), possibly inside a type conversion (`GemLike(...)`);
    the one use of `immutable` the checklist allows."""
    value = declaration.get("value") or {}
    while value.get("kind") == "typeConversion" and len(value.get("arguments") or []) == 1:
        value = value["arguments"][0]
    callee = value.get("expression") or {}
    args = value.get("arguments") or []
    library = (callee.get("expression") or {}).get("name")
    if value.get("nodeType") != "FunctionCall" or library != "DssExecLib":
        return ""
    if (callee.get("memberName") == "getChangelogAddress" and len(args) == 1
            and args[0].get("nodeType") == "Literal" and args[0].get("kind") == "string"):
        return args[0].get("value") or ""
    return getters.get(callee.get("memberName", ""), "") if not args else ""


def _immutables(references: dict, declarations: dict[int, dict]) -> tuple[Immutable, ...]:
    getters = exec_lib_getters() if references else {}
    out = []
    for ast_id, spans in sorted(references.items(), key=lambda kv: int(kv[0])):
        node = declarations.get(int(ast_id), {})
        out.append(Immutable(node.get("name", ""), tuple(sorted(s["start"] for s in spans)),
                             _chainlog_key(node, getters), node.get("visibility") == "public"))
    return tuple(out)


def _contract(output: dict, name: str, declarations: dict[int, dict] | None = None) -> Contract:
    try:
        data = output["contracts"][SPELL_FILE][name]
    except KeyError:
        raise CompileError(f"the source defines no contract {name}") from None
    deployed = data["evm"]["deployedBytecode"]
    return Contract(name, data["abi"], data["evm"]["bytecode"]["object"], deployed["object"],
                    _immutables(deployed.get("immutableReferences") or {}, declarations or {}))


def compile_spell(source: str, solc_version: str, bytecode_hash: str = "ipfs",
                  source_dir: Path | None = None, settings: CompileSettings = TWIN_COMPILE) -> CompiledSpell:
    """Compile DssSpell and DssSpellAction from `source`; raise CompileError on any solc error."""
    toolchain.prepare_env()
    import solcx  # imported here: py-solc-x reads SOLCX_BINARY_PATH at import, and check/render never need it
    from solcx.exceptions import SolcError

    started = time.monotonic()
    try:
        output = solcx.compile_standard(standard_input(source, bytecode_hash, source_dir, settings), solc_binary=toolchain.solc_path(solc_version),
                                        allow_paths=str(resources.contracts_dir()))
    except SolcError as exc:
        raise CompileError(_solc_messages(getattr(exc, "stdout_data", "") or str(exc))) from None
    errors = [e for e in output.get("errors", []) if e.get("severity") == "error"]
    if errors:
        raise CompileError("\n".join(e.get("formattedMessage", e.get("message", "")) for e in errors))
    warnings = [e.get("formattedMessage", e.get("message", "")) for e in output.get("errors", [])
                if e.get("severity") == "warning" and e.get("sourceLocation", {}).get("file") == SPELL_FILE]
    declarations = _declarations(output)
    return CompiledSpell(solc_version, _contract(output, "DssSpell", declarations),
                         _contract(output, "DssSpellAction", declarations), time.monotonic() - started, warnings,
                         settings)


def compile_cached(source: str, solc_version: str, cache: Path | None = None,
                   source_dir: Path | None = None, settings: CompileSettings = TWIN_COMPILE) -> CompiledSpell:
    """compile_spell, remembered under .cache/compile by a hash of everything that shapes the output.

    solcjs takes seconds; a warm `simulate` of an unchanged spell must not pay that again.
    """
    request = json.dumps([standard_input(source, source_dir=source_dir, settings=settings), solc_version],
                         sort_keys=True).encode()
    folder = cache or toolchain.cache_dir() / "compile"
    path = folder / f"{hashlib.sha256(request).hexdigest()}.json"
    if path.exists():
        data = json.loads(path.read_text())
        return CompiledSpell(data["solc"], Contract.from_json(data["spell"]), Contract.from_json(data["action"]),
                             0.0, data["warnings"], settings)
    compiled = compile_spell(source, solc_version, source_dir=source_dir, settings=settings)
    write_atomic(path, json.dumps({"solc": compiled.solc, "spell": asdict(compiled.spell),
                                   "action": asdict(compiled.action), "warnings": compiled.warnings}))
    return compiled


def _solc_messages(stdout: str) -> str:
    try:
        errors = json.loads(stdout).get("errors", [])
    except (ValueError, AttributeError):
        return stdout
    return "\n".join(e.get("formattedMessage", e.get("message", "")) for e in errors) or stdout
