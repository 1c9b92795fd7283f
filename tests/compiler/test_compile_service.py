"""The one compile entry point (issue 20): a persistent solcjs worker, a content-addressed cache,
batches that give each spell exactly what compiling it alone gives, the statistics hook, and solc
messages that name the user's file."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from spellgen.compiler import compile as C
from spellgen.compiler import solc

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests/golden"
DEC = (GOLDEN / "techops-2022-12-09@0.8.16.sol").read_text()
JAN = (GOLDEN / "techops-2022-01-28@0.6.12.sol").read_text()
DEC_06 = (GOLDEN / "techops-2022-12-09@0.6.12.sol").read_text()
EVERY = (GOLDEN / "every-action-2026@0.8.16.sol").read_text()
BROKEN = DEC.replace("MKR.transfer(TECH_001, 257.31 ether);", "MKR.transfer(TECH_001, 257.31 ether); uint8 q = 300;")
HANDWRITTEN = ROOT / "tests/handwritten/treasury-2023-08-02.sol"
TREASURY_SPEC = ROOT / "tests/spells/treasury-2023-08-02.yaml"


@pytest.fixture
def fresh_cache(tmp_path, monkeypatch) -> Path:
    """An empty compile cache and a statistics log of this test's own."""
    monkeypatch.setenv("SPELLGEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv(C.COMPILE_LOG_ENV, str(tmp_path / "compiles.jsonl"))
    return tmp_path


def log_lines(where: Path) -> list[dict]:
    path = where / "compiles.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_the_checkout_compiles_in_a_persistent_worker_that_answers_many_requests(fresh_cache):
    assert solc.uses_worker("0.8.16") and solc.uses_worker("0.6.12")
    first = C.compile_spell(DEC, "0.8.16")
    workers = solc.running_workers()
    assert len(workers) >= 1
    C.compile_spell(DEC, "0.8.16", bytecode_hash="none")  # another input: compiled, by the same process
    assert solc.running_workers() == workers
    assert first.action.size > 0


def test_a_second_compile_of_the_same_input_is_read_from_the_cache_and_logged(fresh_cache):
    first = C.compile_spell(DEC, "0.8.16")
    second = C.compile_spell(DEC, "0.8.16")
    assert not first.cached and second.cached and second.seconds == 0.0
    assert (second.spell, second.action, second.warnings) == (first.spell, first.action, first.warnings)
    lines = log_lines(fresh_cache)
    assert [(line["cached"], line["sources"], line["solc"]) for line in lines] == [(False, 1, "0.8.16"),
                                                                                    (True, 1, "0.8.16")]
    assert all(isinstance(line["seconds"], float) for line in lines)


def test_the_cache_key_covers_the_compiler_the_settings_and_the_imports(fresh_cache, tmp_path):
    from spellgen.spellfile.history import CompileSettings

    C.compile_spell(DEC, "0.8.16")
    C.compile_spell(DEC, "0.8.16", settings=CompileSettings(False, 200))
    C.compile_spell(DEC, "0.8.16", bytecode_hash="none")
    # A spell importing a file beside it: a change to that file is a different input.
    folder = tmp_path / "spell"
    folder.mkdir()
    (folder / "Extra.sol").write_text("pragma solidity 0.8.16;\nlibrary Extra { function f() internal pure returns (uint256) { return 1; } }\n")
    own = DEC.replace('import "dss-exec-lib/DssExec.sol";', 'import "dss-exec-lib/DssExec.sol";\nimport "./Extra.sol";', 1)
    assert own != DEC
    C.compile_spell(own, "0.8.16", source_dir=folder)
    (folder / "Extra.sol").write_text((folder / "Extra.sol").read_text().replace("return 1", "return 2"))
    C.compile_spell(own, "0.8.16", source_dir=folder)
    assert [line["cached"] for line in log_lines(fresh_cache)] == [False] * 5


def test_a_batch_gives_each_spell_exactly_what_compiling_it_alone_gives(fresh_cache, monkeypatch):
    requests = [C.SpellRequest(DEC, "0.8.16"), C.SpellRequest(BROKEN, "0.8.16"), C.SpellRequest(EVERY, "0.8.16"),
                C.SpellRequest(JAN, "0.6.12"), C.SpellRequest(DEC, "0.8.16", bytecode_hash="none"),
                C.SpellRequest(DEC_06, "0.6.12")]
    batch = C.compile_many(requests)
    # One input for the three 0.8.16 spells, again without the broken one; one for the two 0.6.12
    # spells; the other metadata setting alone (a batch shares compiler and settings).
    assert sorted(line["sources"] for line in log_lines(fresh_cache)) == [1, 2, 2, 3]
    error = batch[1]
    assert isinstance(error, C.CompileError)
    assert "DssSpell.sol:" in str(error) and "DssSpell-" not in str(error) and "300" in str(error)
    monkeypatch.setenv("SPELLGEN_CACHE_DIR", str(fresh_cache / "alone"))
    for request, together in zip(requests, batch):
        if request.source is BROKEN:
            with pytest.raises(C.CompileError) as alone_error:
                C.compile_spell(request.source, request.solc)
            assert str(alone_error.value) == str(together)
            continue
        alone = C.compile_spell(request.source, request.solc, request.bytecode_hash)
        assert isinstance(together, C.CompiledSpell) and not alone.cached and not together.cached
        for a, b in ((alone.spell, together.spell), (alone.action, together.action)):
            assert (a.bytecode, a.deployed, a.abi, a.immutables) == (b.bytecode, b.deployed, b.abi, b.immutables)
        assert alone.warnings == together.warnings


def test_a_batch_fills_the_cache_that_single_compiles_read(fresh_cache):
    C.compile_many([C.SpellRequest(DEC, "0.8.16"), C.SpellRequest(EVERY, "0.8.16")])
    assert C.compile_spell(EVERY, "0.8.16").cached and C.compile_spell(DEC, "0.8.16").cached
    again = C.compile_many([C.SpellRequest(DEC, "0.8.16"), C.SpellRequest(EVERY, "0.8.16")])
    assert all(isinstance(r, C.CompiledSpell) and r.cached for r in again)


def test_the_ipfs_hash_is_the_one_solc_appends():
    """The metadata hash a batch recomputes: the CID of solc's own metadata, found in its bytecode."""
    request = {"language": "Solidity", "sources": {"A.sol": {"content": "pragma solidity 0.8.16; contract A {}"}},
               "settings": {"outputSelection": {"*": {"*": ["metadata", "evm.deployedBytecode.object"]}}}}
    out = solc.standard_json(request, "0.8.16")["contracts"]["A.sol"]["A"]
    assert C._ipfs_hash(out["metadata"].encode()).hex() in out["evm"]["deployedBytecode"]["object"]


def test_solc_errors_name_the_users_file_and_hide_the_exec_base_warnings(tmp_path, capsys, monkeypatch):
    """A hand-written spell whose folder also holds a DssSpell.sol: the messages point at the file
    the user gave, and DssExec.sol's own warning (a public constructor under 0.8) is not shown."""
    monkeypatch.delenv("ETH_RPC_URL", raising=False)
    from spellgen.cli import main as cli

    (tmp_path / "DssSpell.sol").write_text(HANDWRITTEN.read_text())
    mine = tmp_path / "MySpell.sol"
    mine.write_text(HANDWRITTEN.read_text() + "\ncontract Zz { function f() public { uint8 q = 300; } }\n")
    code = cli.main(["verify", str(TREASURY_SPEC), "--spell", str(mine), "--report-dir", str(tmp_path / "r")])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "--> MySpell.sol:" in err and "--> DssSpell.sol" not in err
    assert "int_const 300" in err
    assert "DssExec.sol" not in err and "Visibility for constructor" not in err


def test_the_exec_base_warning_is_really_there_to_hide():
    """The previous test proves something only if solc does warn about DssExec.sol."""
    bad = HANDWRITTEN.read_text() + "\ncontract Zz { function f() public { uint8 q = 300; } }\n"
    output = solc.standard_json(C.standard_input(bad), "0.8.16")
    files = {(e["severity"], e.get("sourceLocation", {}).get("file")) for e in output["errors"]}
    assert ("warning", "dss-exec-lib/DssExec.sol") in files and ("error", "DssSpell.sol") in files


PROBE = """
import sys
from spellgen.cli.main import main
from spellgen.compiler import solc
import atexit
atexit.register(lambda: print("workers", *solc.running_workers(), flush=True))
code = main(sys.argv[1:])
"""


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def wait_gone(pids: list[int], seconds: float = 10) -> list[int]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and any(alive(p) for p in pids):
        time.sleep(0.1)
    return [p for p in pids if alive(p)]


def test_no_solc_worker_survives_a_cli_run(tmp_path):
    env = {**os.environ, "SPELLGEN_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", PROBE, "build", str(ROOT / "examples/techops-2022-12-09.yaml"),
                           "--out", str(tmp_path / "out")], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    # atexit handlers run last-registered first: the probe's line is printed before the workers stop.
    pids = [int(p) for p in done.stdout.split("workers", 1)[1].split()]
    assert pids, "the build compiled without a worker"
    assert wait_gone(pids) == []


def test_a_worker_exits_when_spellgen_is_killed(tmp_path):
    """SIGKILL runs no atexit: the worker sees its stdin close and exits by itself."""
    probe = ("import sys, time\nfrom spellgen.compiler import compile as C, solc\n"
             "C.compile_spell(open(sys.argv[1]).read(), '0.8.16')\n"
             "print(*solc.running_workers(), flush=True)\ntime.sleep(600)\n")
    env = {**os.environ, "SPELLGEN_CACHE_DIR": str(tmp_path / "cache")}
    process = subprocess.Popen([sys.executable, "-c", probe, str(GOLDEN / "techops-2022-12-09@0.8.16.sol")],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    try:
        pids = [int(p) for p in process.stdout.readline().split()]
        assert pids and all(alive(p) for p in pids)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert wait_gone(pids) == []


def test_without_the_worker_py_solc_x_compiles_the_same_bytes(fresh_cache, monkeypatch):
    """SPELLGEN_SOLC_WORKER=0 (and a native solc) take py-solc-x and the .tools/solc entry, Brownie's path."""
    worker = C.compile_spell(DEC, "0.8.16")
    monkeypatch.setenv(solc.WORKER_ENV, "0")
    monkeypatch.setenv("SPELLGEN_CACHE_DIR", str(fresh_cache / "other"))
    assert not solc.uses_worker("0.8.16")
    facade = C.compile_spell(DEC, "0.8.16")
    assert not facade.cached
    assert (facade.spell, facade.action) == (worker.spell, worker.action)
