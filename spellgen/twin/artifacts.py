"""Compile the twin's contracts (and DssExecLib) with solc 0.8.16, cached by a hash of the sources.

solcjs takes several seconds per compile; the result is a pure function of the sources and the
compiler, so it is kept under .cache/twin/ and reused until a source changes.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from spellgen import resources
from spellgen.compiler import toolchain
from spellgen.files import write_atomic

SOLC_VERSION = "0.8.16"
SETTINGS = {"optimizer": {"enabled": True, "runs": 200}}  # as every contract in contracts/ expects


@dataclass(frozen=True)
class Artifact:
    name: str
    abi: list
    initcode: str  # creation code, hex without 0x, no constructor arguments
    runtime: str  # deployed code, hex without 0x (immutables still zero)


def cache_dir() -> Path:
    """`.cache/twin/` (under $SPELLGEN_CACHE_DIR when set): compiled contracts and state dumps."""
    return toolchain.cache_dir() / "twin"


def contract_sources() -> dict[str, str]:
    """Standard-JSON source names (relative to contracts/, the import root) -> text."""
    root = resources.contracts_dir()
    files = sorted((root / "twin").glob("*.sol")) + sorted((root / "dss-exec-lib").glob("*.sol"))
    return {path.relative_to(root).as_posix(): path.read_text() for path in files}


def digest(parts: dict[str, str]) -> str:
    """A short, order-independent hash of named texts."""
    h = hashlib.sha256()
    for name in sorted(parts):
        h.update(name.encode() + b"\0" + parts[name].encode() + b"\0")
    return h.hexdigest()[:16]


def compile_twin_sources(sources: dict[str, str], label: str) -> dict[str, Artifact]:
    """Every deployable or ABI-bearing contract of `sources`, by contract name (names must be unique).

    Cached in .cache/twin/<label>-<hash>.json; the hash covers sources, compiler and settings.
    """
    path = _cache_path(sources, label)
    if path.is_file():
        try:
            return _from_json(json.loads(path.read_text()))
        except (ValueError, KeyError, TypeError):
            pass  # a damaged cache file is simply rebuilt
    artifacts = _compile(sources)
    write_atomic(path, json.dumps({n: a.__dict__ for n, a in artifacts.items()}, sort_keys=True))
    return artifacts


def twin_artifacts() -> dict[str, Artifact]:
    """The artifacts of contracts/twin and contracts/dss-exec-lib."""
    return compile_twin_sources(contract_sources(), "artifacts")


def is_cached(sources: dict[str, str], label: str) -> bool:
    return _cache_path(sources, label).is_file()


def _cache_path(sources: dict[str, str], label: str) -> Path:
    key = digest({**sources, "<solc>": SOLC_VERSION, "<settings>": json.dumps(SETTINGS, sort_keys=True)})
    return cache_dir() / f"{label}-{key}.json"


def _from_json(data: dict) -> dict[str, Artifact]:
    return {name: Artifact(**fields) for name, fields in data.items()}


def _compile(sources: dict[str, str]) -> dict[str, Artifact]:
    toolchain.prepare_env()
    import solcx  # late: py-solc-x reads SOLCX_BINARY_PATH when imported
    from solcx.exceptions import SolcError

    standard_input = {
        "language": "Solidity",
        "sources": {name: {"content": text} for name, text in sources.items()},
        "settings": {**SETTINGS, "outputSelection": {
            "*": {"*": ["abi", "evm.bytecode.object", "evm.deployedBytecode.object"]}}},
    }
    try:
        output = solcx.compile_standard(standard_input, solc_binary=toolchain.solc_path(SOLC_VERSION),
                                        allow_paths=str(resources.contracts_dir()))
    except SolcError as exc:
        raise RuntimeError(f"solc {SOLC_VERSION} failed on the twin contracts:\n{exc}") from None
    errors = [e.get("formattedMessage", e.get("message")) for e in output.get("errors", [])
              if e.get("severity") == "error"]
    if errors:
        raise RuntimeError("solc rejected the twin contracts:\n" + "\n".join(errors))
    artifacts: dict[str, Artifact] = {}
    for file_name, contracts in output["contracts"].items():
        for name, data in contracts.items():
            if name in artifacts:
                raise RuntimeError(f"contract name {name} is defined twice ({file_name})")
            artifacts[name] = Artifact(name, data["abi"], data["evm"]["bytecode"]["object"],
                                       data["evm"]["deployedBytecode"]["object"])
    return artifacts
