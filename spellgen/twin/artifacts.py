"""The twin's compiled contracts (contracts/twin and DssExecLib, solc 0.8.16): shipped precompiled.

`spellgen/twin/precompiled.json` holds them, made by `make twin-artifacts` (this module's `write`)
with the pinned compiler and settings and committed; `make setup` never writes it. The twin starts
from it, so a first `simulate` compiles no twin contract. It names the hash of the sources,
compiler and settings it was made from: when a contract changed since (a developer's edit), the
twin compiles the sources instead (through the compile cache), and a test fails until the file is
made again. tests/twin/test_twin_sources.py recompiles them and compares byte for byte.
"""
from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from spellgen import resources
from spellgen.compiler import toolchain
from spellgen.files import write_atomic

SOLC_VERSION = "0.8.16"
SETTINGS = {"optimizer": {"enabled": True, "runs": 200}}  # as every contract in contracts/ expects
PRECOMPILED = Path(__file__).resolve().with_name("precompiled.json")


@dataclass(frozen=True)
class Artifact:
    name: str
    abi: list
    initcode: str  # creation code, hex without 0x, no constructor arguments
    runtime: str  # deployed code, hex without 0x (immutables still zero)


def cache_dir() -> Path:
    """`.cache/twin/` (under $SPELLGEN_CACHE_DIR when set): the twin's state dumps."""
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


def sources_key(sources: dict[str, str] | None = None) -> str:
    """What the compiled contracts depend on: the sources, the compiler and its settings."""
    parts = contract_sources() if sources is None else sources
    return digest({**parts, "<solc>": SOLC_VERSION, "<settings>": json.dumps(SETTINGS, sort_keys=True)})


def compile_twin_sources(sources: dict[str, str], fresh: bool = False) -> dict[str, Artifact]:
    """Every contract of `sources` by name (names must be unique), compiled with the twin's solc and
    settings through the compile cache (`fresh`: compile even if the cache has them)."""
    from spellgen.compiler.compile import compile_contracts

    compiled = compile_contracts(sources, SOLC_VERSION, SETTINGS, "the twin contracts", fresh=fresh)
    return {name: Artifact(name, c["abi"], c["bytecode"], c["deployed"]) for name, c in compiled.items()}


def precompiled() -> dict[str, Artifact] | None:
    """The shipped artifacts, or None when they were made from other sources (or are missing)."""
    try:
        data = json.loads(PRECOMPILED.read_text())
    except (OSError, ValueError):
        return None
    if data.get("sources_key") != sources_key():
        return None
    return {name: Artifact(name, **fields) for name, fields in data["contracts"].items()}


def twin_artifacts(rebuild: bool = False) -> dict[str, Artifact]:
    """The artifacts of contracts/twin and contracts/dss-exec-lib: the shipped ones, unless `rebuild`
    (then compiled) or the sources changed since they were made (then compiled, cached)."""
    shipped = None if rebuild else precompiled()
    return shipped if shipped is not None else compile_twin_sources(contract_sources(), fresh=rebuild)


def render_precompiled(artifacts: dict[str, Artifact]) -> str:
    """The file's text: one line per contract, so a change to one contract is a one-line diff."""
    lines = [f"  {json.dumps(name)}: " + json.dumps({"abi": a.abi, "initcode": a.initcode, "runtime": a.runtime},
                                                    sort_keys=True, separators=(",", ":"))
             for name, a in sorted(artifacts.items())]
    head = {"solc": SOLC_VERSION, "settings": SETTINGS, "sources_key": sources_key()}
    return (json.dumps(head, sort_keys=True)[:-1] + ', "contracts": {\n' + ",\n".join(lines) + "\n}}\n")


def main(argv: list[str] | None = None) -> int:
    """`python -m spellgen.twin.artifacts write` (make twin-artifacts) or `check`."""
    args = sys.argv[1:] if argv is None else argv
    if args == ["write"]:
        write_atomic(PRECOMPILED, render_precompiled(compile_twin_sources(contract_sources(), fresh=True)))
        print(f"wrote {PRECOMPILED} ({PRECOMPILED.stat().st_size:,} bytes)")
        return 0
    if args == ["check"]:
        fresh = render_precompiled(compile_twin_sources(contract_sources(), fresh=True))
        same = PRECOMPILED.is_file() and PRECOMPILED.read_text() == fresh
        print(f"{PRECOMPILED} is {'up to date' if same else 'STALE: run `make twin-artifacts` and commit it'}")
        return 0 if same else 1
    print("usage: python -m spellgen.twin.artifacts write|check", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
