"""Compile a rendered (or hand-written) spell against the project's exec base with the pinned solc.

`compile_spell` (one spell) and `compile_many` (many spells in one standard-JSON input) are the
entry points for spells, `compile_contracts` for other Solidity (the twin's contracts); all three
keep their results in one content-addressed cache (.cache/compile, keyed by the whole standard-JSON
input, so the sources, imports and settings, and the compiler version) and run solc through
spellgen.compiler.solc, its persistent worker.

The spell's imports (`dss-exec-lib/...`) resolve to contracts/dss-exec-lib; DssExecLib is linked
at its mainnet address, so the same bytecode runs on the twin and on a real mainnet fork.

A hand-written spell may also import files of its own, as real spells do
(`./dependencies/sp-beam/SPBEAMInit.sol`): imports the exec base does not answer are looked up
beside the spell, then in a `dependencies/` folder beside it (`local_sources`).
"""
from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Sequence, TextIO

from spellgen import resources
from spellgen.compiler import solc, toolchain
from spellgen.files import write_atomic
from spellgen.spellfile.history import DSS_EXEC_LIB, TWIN_COMPILE, CompileSettings
from spellgen.errors import ToolError

SPELL_FILE = "DssSpell.sol"
EXEC_LIB_DIR = "dss-exec-lib"
MAX_CODE_SIZE = 24_576  # EIP-170


class CompileError(ToolError, RuntimeError):
    """solc rejected the source; the message holds its formatted errors."""

    def report(self, stream: TextIO, command: str = "spellgen") -> None:
        print(f"{command}: solc rejected the spell:\n{self}", file=stream)


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
    cached: bool = False  # read from the compile cache: `seconds` is 0
    # solc's AST of the spell's own source units (SPELL_FILE and the files it imports from beside it,
    # not the exec base), by unit name, and the text of those imported files: verify's code analysis.
    asts: dict = field(default_factory=dict, compare=False, repr=False)
    texts: dict = field(default_factory=dict, compare=False, repr=False)

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
    local = local_sources(source, source_dir, base)
    # The AST of the spell's own files (its imports from beside it too): the code analysis reads it.
    selection: dict = {name: {"": ["ast"]} for name in (*AST_FILES, *local)}
    selection[SPELL_FILE]["*"] = CONTRACT_OUTPUTS
    return {
        "language": "Solidity",
        "sources": {SPELL_FILE: {"content": source}, **base, **local},
        "settings": {
            "optimizer": {"enabled": settings.optimizer, "runs": settings.runs},
            "metadata": {"bytecodeHash": bytecode_hash},
            "libraries": {f"{EXEC_LIB_DIR}/DssExecLib.sol": {"DssExecLib": DSS_EXEC_LIB}},
            "outputSelection": selection,
        },
    }


def _declarations(output: dict, files: Sequence[str] = AST_FILES) -> dict[int, dict]:
    """AST id -> the VariableDeclaration node of each immutable in `files`."""
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
    for name in files:
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


def _contract(output: dict, name: str, declarations: dict[int, dict] | None = None, unit: str = SPELL_FILE) -> Contract:
    try:
        data = output["contracts"][unit][name]
    except KeyError:
        raise CompileError(f"the source defines no contract {name}") from None
    deployed = data["evm"]["deployedBytecode"]
    return Contract(name, data["abi"], data["evm"]["bytecode"]["object"], deployed["object"],
                    _immutables(deployed.get("immutableReferences") or {}, declarations or {}))


# ---------------------------------------------------------------------------------------------
# The cache and the statistics hook

CACHE_FORMAT = "3"  # bump when what a cache entry holds changes
COMPILE_LOG_ENV = "SPELLGEN_COMPILE_LOG"


def _cache_path(kind: str, request: dict, version: str) -> Path:
    key = json.dumps([kind, CACHE_FORMAT, request, version], sort_keys=True).encode()
    return toolchain.cache_dir() / "compile" / f"{hashlib.sha256(key).hexdigest()}.json"


def _cache_load(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None  # absent, or damaged: compiled again and rewritten


def _log(cached: bool, sources: int, version: str, seconds: float) -> None:
    """One JSON line per compile request in $SPELLGEN_COMPILE_LOG, for the benchmark: whether the
    cache answered, how many programs (spells, or contract files) it covered, solc, wall time."""
    target = os.environ.get(COMPILE_LOG_ENV)
    if not target:
        return
    line = json.dumps({"cached": cached, "sources": sources, "solc": version, "seconds": round(seconds, 4)}) + "\n"
    # One write of a short line with O_APPEND: lines of parallel test processes never interleave.
    fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line.encode())
    finally:
        os.close(fd)


def _cached(kind: str, request: dict, version: str, sources: int, build: Callable[[dict], dict],
            fresh: bool = False) -> tuple[dict, bool]:
    """(`build(solc's output)`, whether the cache answered), cached under `kind` and the request.
    `build` raises CompileError for a rejected source; nothing is cached then. `fresh`: compile
    even when the cache holds the answer (and replace it)."""
    started = time.monotonic()
    path = _cache_path(kind, request, version)
    hit = None if fresh else _cache_load(path)
    if hit is not None:
        _log(True, sources, version, time.monotonic() - started)
        return hit, True
    try:
        product = build(solc.standard_json(request, version))
    finally:
        _log(False, sources, version, time.monotonic() - started)
    write_atomic(path, json.dumps(product, sort_keys=True))
    return product, False


# ---------------------------------------------------------------------------------------------
# Spells


@dataclass(frozen=True)
class SpellRequest:
    """One spell to compile: what compile_spell takes, as a value (for compile_many)."""

    source: str
    solc: str
    bytecode_hash: str = "ipfs"
    source_dir: Path | None = None
    settings: CompileSettings = TWIN_COMPILE
    display_name: str = SPELL_FILE  # what solc's messages call the spell's file (a hand-written one's path)

    def standard_input(self) -> dict:
        return standard_input(self.source, self.bytecode_hash, self.source_dir, self.settings)


def _messages(output: dict, own_files: Callable[[str], bool], severity: str) -> list[str]:
    return [e.get("formattedMessage", e.get("message", "")) for e in output.get("errors", [])
            if e.get("severity") == severity and own_files(e.get("sourceLocation", {}).get("file", ""))]


def is_exec_base(unit: str) -> bool:
    """True for a source unit of the exec base (spellgen's, or a spells repository's): not the user's."""
    return unit.split("/")[0] in BASE_DIRS


def _errors_text(output: dict) -> str:
    """Every error, then the warnings of the spell's own files: never those of the exec base."""
    errors = _messages(output, lambda _: True, "error")
    return "\n".join(errors + _messages(output, lambda f: bool(f) and not is_exec_base(f), "warning"))


def _renamed(text: str, unit: str, shown: str) -> str:
    """solc's message with the source unit `unit` called `shown` where a location names it."""
    if unit == shown:
        return text
    return re.sub(rf"(-->\s*){re.escape(unit)}(?=:\d)", lambda m: m.group(1) + shown, text)


def _spell_product(output: dict, unit: str, base_files: Sequence[str], local: dict[str, dict] | None = None) -> dict:
    """The cache entry of one spell: its two contracts, its file's warnings (as for SPELL_FILE), and the
    AST of its own units (`local`: the files it imports from beside it, with their text)."""
    declarations = _declarations(output, (unit, *base_files))
    warnings = [_renamed(w, unit, SPELL_FILE) for w in _messages(output, lambda f: f == unit, "warning")]
    sources = output.get("sources", {})
    asts = {SPELL_FILE: (sources.get(unit) or {}).get("ast")}
    asts.update({name: (sources.get(name) or {}).get("ast") for name in local or {}})
    return {"spell": asdict(_contract(output, "DssSpell", declarations, unit)),
            "action": asdict(_contract(output, "DssSpellAction", declarations, unit)),
            "warnings": warnings, "asts": {k: v for k, v in asts.items() if v},
            "texts": {name: data["content"] for name, data in (local or {}).items()}}


def _local_units(std: dict) -> dict[str, dict]:
    """The sources of a standard-JSON input that are neither the spell nor the exec base: its own imports."""
    return {k: v for k, v in std["sources"].items() if k != SPELL_FILE and not is_exec_base(k)}


def _compiled(request: SpellRequest, product: dict, seconds: float, cached: bool) -> CompiledSpell:
    return CompiledSpell(request.solc, Contract.from_json(product["spell"]), Contract.from_json(product["action"]),
                         seconds, [_renamed(w, SPELL_FILE, request.display_name) for w in product["warnings"]],
                         request.settings, cached, product.get("asts", {}), product.get("texts", {}))


def _solo(request: SpellRequest) -> CompiledSpell:
    started = time.monotonic()
    std = request.standard_input()

    def build(output: dict) -> dict:
        if any(e.get("severity") == "error" for e in output.get("errors", [])):
            raise CompileError(_renamed(_errors_text(output), SPELL_FILE, request.display_name))
        return _spell_product(output, SPELL_FILE, AST_FILES[1:], _local_units(std))

    product, cached = _cached("spell", std, request.solc, 1, build)
    return _compiled(request, product, 0.0 if cached else time.monotonic() - started, cached)


def compile_spell(source: str, solc_version: str, bytecode_hash: str = "ipfs",
                  source_dir: Path | None = None, settings: CompileSettings = TWIN_COMPILE,
                  display_name: str = SPELL_FILE) -> CompiledSpell:
    """Compile DssSpell and DssSpellAction from `source`; raise CompileError on any solc error.

    Cached: an unchanged source compiled again (by `build` after `simulate`, or a warm `simulate`)
    is read from .cache/compile. `display_name` names the spell's file in solc's messages.
    """
    return _solo(SpellRequest(source, solc_version, bytecode_hash, source_dir, settings, display_name))


def compile_many(requests: Sequence[SpellRequest]) -> list[CompiledSpell | CompileError]:
    """Each request's compiled spell, or its CompileError, in order; exactly what compile_spell
    gives for each alone (same bytecode, same cache entries), but the spells that share a compiler,
    settings and exec base are compiled together in one standard-JSON input, so solc loads and
    analyses the exec base once for all of them."""
    results: list[CompiledSpell | CompileError | None] = [None] * len(requests)
    groups: dict[str, list[int]] = {}
    for index, request in enumerate(requests):
        std = request.standard_input()
        hit = _cache_load(_cache_path("spell", std, request.solc))
        if hit is not None:
            _log(True, 1, request.solc, 0.0)
            results[index] = _compiled(request, hit, 0.0, True)
        else:  # a group shares everything but the spell's own text: compiler, settings, other sources
            shared = {**std, "sources": {k: v for k, v in std["sources"].items() if k != SPELL_FILE}}
            groups.setdefault(json.dumps([request.solc, shared], sort_keys=True), []).append(index)
    for indexes in groups.values():
        for index, result in zip(indexes, _compile_group([requests[i] for i in indexes])):
            results[index] = result
    return [r for r in results if r is not None]


def _solo_or_error(request: SpellRequest) -> CompiledSpell | CompileError:
    try:
        return _solo(request)
    except CompileError as exc:
        return exc


def batch_unit(index: int) -> str:
    """The source unit name of the index-th spell of a batch. Like SPELL_FILE it sorts before every
    exec base file, so the AST ids solc numbers by unit order keep the same relative order."""
    return f"DssSpell-{index}.sol"


def _same_unit_order(others: Sequence[str], units: Sequence[str]) -> bool:
    """True if every batch unit sorts among the other sources where SPELL_FILE does (see batch_unit)."""
    return all((unit < name) == (SPELL_FILE < name) for unit in units for name in others)


def _compile_group(requests: list[SpellRequest]) -> list[CompiledSpell | CompileError]:
    """One standard-JSON input for all; a spell that does not compile is taken out (with its own
    errors) and the rest compiled again without it."""
    results: dict[int, CompiledSpell | CompileError] = {}
    remaining = list(range(len(requests)))
    others = [k for k in requests[0].standard_input()["sources"] if k != SPELL_FILE]
    if not _same_unit_order(others, [batch_unit(i) for i in remaining]):
        return [_solo_or_error(r) for r in requests]
    while len(remaining) > 1:
        started = time.monotonic()
        std = requests[remaining[0]].standard_input()
        base = {k: v for k, v in std["sources"].items() if k != SPELL_FILE}  # the same for the whole group
        units = {batch_unit(i): i for i in remaining}
        selection: dict = {name: {"": ["ast"]} for name in (*AST_FILES[1:], *_local_units(std))}
        extra = ["metadata"] if requests[remaining[0]].bytecode_hash == "ipfs" else []
        for unit in units:
            selection[unit] = {"": ["ast"], "*": CONTRACT_OUTPUTS + extra}
        batch = {**std, "sources": {**base, **{u: {"content": requests[i].source} for u, i in units.items()}},
                 "settings": {**std["settings"], "outputSelection": selection}}
        output = solc.standard_json(batch, requests[remaining[0]].solc)
        _log(False, len(units), requests[remaining[0]].solc, time.monotonic() - started)
        errors = [e for e in output.get("errors", []) if e.get("severity") == "error"]
        failing = {units[f] for f in (e.get("sourceLocation", {}).get("file") for e in errors) if f in units}
        if errors and not failing:
            break  # an error no spell's file explains: each is compiled alone below
        for index in failing:
            unit = batch_unit(index)
            own = [e for e in output["errors"] if e.get("sourceLocation", {}).get("file") == unit]
            text = _errors_text({"errors": own})
            results[index] = CompileError(_renamed(_renamed(text, unit, SPELL_FILE), SPELL_FILE,
                                                   requests[index].display_name))
        remaining = [i for i in remaining if i not in failing]
        if failing:
            continue
        seconds = (time.monotonic() - started) / len(units)
        for unit, index in units.items():
            product = _spell_product(output, unit, AST_FILES[1:], _local_units(std))
            if extra and not _restore_metadata_hashes(output, unit, product):
                results[index] = _solo_or_error(requests[index])  # fail closed: compiled alone
                continue
            solo = requests[index].standard_input()
            write_atomic(_cache_path("spell", solo, requests[index].solc), json.dumps(product, sort_keys=True))
            results[index] = _compiled(requests[index], product, seconds, False)
        remaining = []
    for index in remaining:
        results[index] = _solo_or_error(requests[index])
    return [results[i] for i in range(len(requests))]


# ---------------------------------------------------------------------------------------------
# The metadata hash of a batch-compiled spell

def _ipfs_hash(data: bytes) -> bytes:
    """The multihash (sha2-256) of `data` as one IPFS UnixFS file block: what solc appends to the
    bytecode as "ipfs" for metadata under 256 KiB (one chunk, no links)."""
    def varint(n: int) -> bytes:
        out = bytearray()
        while True:
            byte, n = n & 0x7F, n >> 7
            out.append(byte | (0x80 if n else 0))
            if not n:
                return bytes(out)
    assert len(data) < 256 * 1024, "metadata larger than one IPFS chunk"
    unixfs = b"\x08\x02\x12" + varint(len(data)) + data + b"\x18" + varint(len(data))
    node = b"\x0a" + varint(len(unixfs)) + unixfs
    return b"\x12\x20" + hashlib.sha256(node).digest()


def _restore_metadata_hashes(output: dict, unit: str, product: dict) -> bool:
    """Make a batch-compiled spell's bytecode what compiling it alone gives: its metadata names its
    file `unit`, not SPELL_FILE, so the metadata hash solc appended differs; put in the hash of the
    metadata it would have had (also where DssSpell's creation code embeds DssSpellAction's).
    False if a contract's code does not end with the hash computed for it (then it cannot be fixed)."""
    swaps = {}
    for name, data in output["contracts"][unit].items():
        batch_text = data["metadata"]
        solo_text = batch_text.replace(json.dumps(unit), json.dumps(SPELL_FILE))
        old = _ipfs_hash(batch_text.encode()).hex()
        code = data["evm"]["deployedBytecode"]["object"]
        if code and old not in code[-200:]:
            return False
        swaps[old] = _ipfs_hash(solo_text.encode()).hex()
    for contract in (product["spell"], product["action"]):
        for field_name in ("bytecode", "deployed"):
            code = contract[field_name]
            for old, new in swaps.items():
                code = code.replace(old, new)
            contract[field_name] = code
    return True


# ---------------------------------------------------------------------------------------------
# Other Solidity (the twin's contracts)

def compile_contracts(sources: dict[str, str], version: str, settings: dict, what: str,
                      fresh: bool = False) -> dict[str, dict]:
    """{contract name: {"abi", "bytecode", "deployed"}} of every contract in `sources` (names must be
    unique), cached like the spells (`fresh`: compiled even if cached). `what` names the sources in an error."""
    request = {
        "language": "Solidity",
        "sources": {name: {"content": text} for name, text in sorted(sources.items())},
        "settings": {**settings, "outputSelection": {
            "*": {"*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"]}}},
    }

    def build(output: dict) -> dict:
        errors = _messages(output, lambda _: True, "error")
        if errors:
            raise CompileError(f"solc {version} rejected {what}:\n" + "\n".join(errors))
        found: dict[str, dict] = {}
        for file_name, contracts in sorted(output.get("contracts", {}).items()):
            for name, data in contracts.items():
                if name in found:
                    raise CompileError(f"contract name {name} is defined twice ({file_name})")
                found[name] = {"abi": data["abi"], "bytecode": data["evm"]["bytecode"]["object"],
                               "deployed": data["evm"]["deployedBytecode"]["object"]}
        return found

    return _cached("contracts", request, version, len(sources), build, fresh)[0]
