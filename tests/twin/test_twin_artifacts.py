"""The twin's contracts ship precompiled (issue 20): spellgen/twin/precompiled.json is exactly what the
pinned solc makes of contracts/twin and contracts/dss-exec-lib, the twin starts from it without
compiling, `twin build --rebuild` compiles, and `make setup` never writes it."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from spellgen.compiler.compile import COMPILE_LOG_ENV
from spellgen.twin import artifacts as A

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def compile_log(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("SPELLGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv(COMPILE_LOG_ENV, str(tmp_path / "compiles.jsonl"))
    return tmp_path / "compiles.jsonl"


def lines(log: Path) -> list[dict]:
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def test_the_shipped_artifacts_are_the_sources_compiled_byte_for_byte(compile_log):
    fresh = A.render_precompiled(A.compile_twin_sources(A.contract_sources(), fresh=True))
    assert A.PRECOMPILED.read_text() == fresh, "spellgen/twin/precompiled.json is stale: run `make twin-artifacts`"
    assert [line["cached"] for line in lines(compile_log)] == [False]  # really compiled, not read back


def test_the_shipped_artifacts_name_their_compiler_and_stay_small():
    data = json.loads(A.PRECOMPILED.read_text())
    assert (data["solc"], data["settings"], data["sources_key"]) == (A.SOLC_VERSION, A.SETTINGS, A.sources_key())
    assert A.PRECOMPILED.stat().st_size < 2 * 1024 * 1024
    assert {"ChainLog", "Vat", "DssVest", "DssExecLib", "ERC1967Proxy"} <= set(data["contracts"])


def test_the_twin_loads_them_without_compiling(compile_log):
    artifacts = A.twin_artifacts()
    assert lines(compile_log) == []
    assert artifacts["Vat"].runtime and artifacts["Vat"].abi


def test_changed_sources_are_compiled_not_mistaken_for_the_shipped_ones(compile_log, monkeypatch):
    sources = A.contract_sources()
    changed = {**sources, "twin/Vat.sol": sources["twin/Vat.sol"] + "\n// a developer's edit\n"}
    monkeypatch.setattr(A, "contract_sources", lambda: changed)
    assert A.precompiled() is None
    A.twin_artifacts()
    assert [line["cached"] for line in lines(compile_log)] == [False]


def test_a_rebuild_compiles_even_when_the_compile_cache_has_them(compile_log):
    A.twin_artifacts(rebuild=True)
    A.twin_artifacts(rebuild=True)
    assert [line["cached"] for line in lines(compile_log)] == [False, False]


def test_setup_never_writes_them():
    dry_run = subprocess.run(["make", "-n", "-B", "setup"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "spellgen.twin.artifacts" not in dry_run.stdout and "precompiled.json" not in dry_run.stdout
    target = subprocess.run(["make", "-n", "-B", "twin-artifacts"], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    assert "-m spellgen.twin.artifacts write" in target.stdout
