"""The toolchain `make setup` builds: solcjs facades, native-solc preference, anvil, env wiring."""
from __future__ import annotations

import json
import os
import re
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from spellgen.compiler import toolchain
from spellgen.chain.node import free_port

ROOT = toolchain.repo_root()
FACADE = ROOT / "tools" / "solc-facade.cjs"
VERSIONS = toolchain.solc_versions()


def run(cmd: list[str | Path], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, timeout=120, **kwargs)


def fake_solc(path: Path, version: str) -> Path:
    """An executable that answers `--version` like a native solc of `version` and nothing else."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "#!/bin/sh\n"
        "echo 'solc, the solidity compiler commandline interface'\n"
        f"echo 'Version: {version}+commit.deadbeef.Linux.g++'\n"
    )
    path.chmod(0o755)
    return path


# --- versions and paths -------------------------------------------------------------------


def test_versions_come_from_package_json_aliases():
    deps = json.loads((ROOT / "package.json").read_text())["dependencies"]
    aliases = sorted(name.removeprefix("solc-") for name in deps if name.startswith("solc-"))
    assert sorted(VERSIONS) == aliases
    assert {"0.6.12", "0.8.16"} <= set(VERSIONS)


def test_alias_must_pin_its_own_version(tmp_path):
    (tmp_path / "package.json").write_text(json.dumps({"dependencies": {"solc-0.8.16": "npm:solc@0.8.17"}}))
    with pytest.raises(toolchain.ToolchainError, match="npm:solc@0.8.16"):
        toolchain.solc_versions(tmp_path)


def test_solc_path_missing_version_says_run_make_setup():
    with pytest.raises(toolchain.ToolchainError, match="make setup"):
        toolchain.solc_path("0.4.26")


def test_repo_root_honours_env(monkeypatch, tmp_path):
    monkeypatch.setenv("SPELLGEN_ROOT", str(tmp_path))
    assert toolchain.repo_root() == tmp_path.resolve()
    assert toolchain.solc_dir() == tmp_path.resolve() / ".tools" / "solc"


def test_prepare_env_puts_tools_bin_first_once(monkeypatch):
    monkeypatch.delenv("SOLCX_BINARY_PATH", raising=False)
    bin_dir = str(toolchain.bin_dir())
    monkeypatch.setenv("PATH", os.pathsep.join(["/usr/bin", bin_dir, "/bin"]))
    toolchain.prepare_env()
    toolchain.prepare_env()
    assert os.environ["PATH"].split(os.pathsep) == [bin_dir, "/usr/bin", "/bin"]
    assert os.environ["SOLCX_BINARY_PATH"] == str(toolchain.solc_dir())


def test_prepare_env_keeps_user_solcx_path(monkeypatch, tmp_path):
    monkeypatch.setenv("SOLCX_BINARY_PATH", str(tmp_path))
    toolchain.prepare_env()
    assert os.environ["SOLCX_BINARY_PATH"] == str(tmp_path)


# --- the facade ---------------------------------------------------------------------------


@pytest.mark.parametrize("version", VERSIONS)
def test_facade_version(version):
    done = run(["node", FACADE, f"solc-{version}", "--version"])
    assert done.returncode == 0, done.stderr
    assert re.search(rf"^Version: {re.escape(version)}\+commit\.[0-9a-f]{{8}}", done.stdout, re.M), done.stdout
    # The installed wrapper bakes the same answer in (or is a native solc of that version).
    installed = run([toolchain.solc_path(version), "--version"])
    assert re.search(rf"\b{re.escape(version)}\+commit\.[0-9a-f]{{8}}", installed.stdout), installed.stdout


def test_facade_refuses_unknown_option_like_solc():
    done = run(["node", FACADE, f"solc-{VERSIONS[-1]}", "--combined-json", "abi"])
    assert done.returncode == 1
    assert done.stderr.startswith("unrecognised option '--combined-json'")


IMPORTED = """// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity >=0.6.12 <0.9.0;

contract Adder {
    function add(uint256 x, uint256 y) public pure returns (uint256) { return x + y; }
}
"""

MAIN = """// SPDX-License-Identifier: AGPL-3.0-or-later
pragma solidity >=0.6.12 <0.9.0;

import "lib/Adder.sol";

contract Main is Adder {
    function three() external pure returns (uint256) { return add(1, 2); }
}
"""


def standard_input() -> dict:
    return {
        "language": "Solidity",
        "sources": {"Main.sol": {"content": MAIN}},  # lib/Adder.sol must come from disk
        "settings": {"outputSelection": {"*": {"*": ["abi", "evm.bytecode.object"]}}},
    }


@pytest.mark.parametrize("how", ["allow_paths", "base_path"])
@pytest.mark.parametrize("version", VERSIONS)
def test_solcx_compiles_import_from_disk(version, how, tmp_path, monkeypatch):
    """py-solc-x finds .tools/solc through SOLCX_BINARY_PATH and the import comes from disk.

    allow_paths is what brownie passes; like native solc, imports are then found from the cwd.
    base_path works from any cwd.
    """
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "Adder.sol").write_text(IMPORTED)
    monkeypatch.chdir(tmp_path if how == "allow_paths" else Path("/"))
    monkeypatch.delenv("SOLCX_BINARY_PATH", raising=False)
    toolchain.prepare_env()
    import solcx

    assert version in {str(v) for v in solcx.get_installed_solc_versions()}
    output = solcx.compile_standard(standard_input(), solc_version=version, **{how: str(tmp_path)})
    assert not [e for e in output.get("errors", []) if e["severity"] == "error"]
    assert set(output["contracts"]) == {"Main.sol", "lib/Adder.sol"}
    assert "three" in {item.get("name") for item in output["contracts"]["Main.sol"]["Main"]["abi"]}
    assert len(output["contracts"]["Main.sol"]["Main"]["evm"]["bytecode"]["object"]) > 100


@pytest.mark.parametrize("option", ["--allow-paths", "--include-path", "--base-path"])
def test_facade_resolves_imports_under_each_root(option, tmp_path):
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "Adder.sol").write_text(IMPORTED)
    where = f"/nonexistent,{tmp_path}" if option == "--allow-paths" else str(tmp_path)
    done = run(["node", FACADE, f"solc-{VERSIONS[-1]}", "--standard-json", option, where],
               input=json.dumps(standard_input()), cwd="/")
    assert done.returncode == 0, done.stderr
    output = json.loads(done.stdout)
    assert not [e for e in output.get("errors", []) if e["severity"] == "error"], output["errors"]
    assert "Main" in output["contracts"]["Main.sol"]


def test_solcx_reports_missing_import(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOLCX_BINARY_PATH", raising=False)
    toolchain.prepare_env()
    import solcx

    with pytest.raises(solcx.exceptions.SolcError, match="lib/Adder.sol"):
        solcx.compile_standard(standard_input(), solc_version=VERSIONS[-1], allow_paths=str(tmp_path))


# --- native solc wins over the facade -----------------------------------------------------


def test_native_in_home_solcx_wins(tmp_path):
    home, dest, empty = tmp_path / "home", tmp_path / "solc", tmp_path / "empty"
    empty.mkdir()
    native = fake_solc(home / ".solcx" / "solc-v0.8.16", "0.8.16")
    chosen = toolchain.install_solc(dest=dest, home=home, search_path=str(empty))
    assert chosen["0.8.16"] == native
    assert (dest / "solc-v0.8.16").is_symlink()
    assert (dest / "solc-v0.8.16").resolve() == native.resolve()
    # no native 0.6.12 here: that one is the facade script, and it works
    assert chosen["0.6.12"] is None
    assert not (dest / "solc-v0.6.12").is_symlink()
    assert "0.6.12+commit." in run([dest / "solc-v0.6.12", "--version"]).stdout
    # a second run keeps the link (it must not mistake the link for "points back at us")
    assert toolchain.install_solc(dest=dest, home=home, search_path=str(empty)) == chosen
    assert (dest / "solc-v0.8.16").is_symlink()


def test_native_on_path_wins_only_for_its_own_version(tmp_path):
    home, dest, bin_dir = tmp_path / "home", tmp_path / "solc", tmp_path / "bin"
    home.mkdir()
    native = fake_solc(bin_dir / "solc", "0.6.12")
    chosen = toolchain.install_solc(dest=dest, home=home, search_path=str(bin_dir))
    assert chosen == {v: native if v == "0.6.12" else None for v in VERSIONS}
    assert (dest / "solc-v0.6.12").resolve() == native.resolve()
    assert "0.8.16+commit." in run([dest / "solc-v0.8.16", "--version"]).stdout


def test_native_of_other_version_is_ignored(tmp_path):
    home, dest, bin_dir = tmp_path / "home", tmp_path / "solc", tmp_path / "bin"
    home.mkdir()
    fake_solc(bin_dir / "solc", "0.8.17")
    chosen = toolchain.install_solc(dest=dest, home=home, search_path=str(bin_dir))
    assert chosen == {v: None for v in VERSIONS}
    assert not any(p.is_symlink() for p in dest.iterdir())


def test_install_solc_is_idempotent_and_drops_stale_versions(tmp_path):
    home, dest, empty = tmp_path / "home", tmp_path / "solc", tmp_path / "empty"
    home.mkdir()
    empty.mkdir()
    fake_solc(dest / "solc-v0.5.17", "0.5.17")  # no longer listed in package.json
    toolchain.install_solc(dest=dest, home=home, search_path=str(empty))
    first = {p.name: p.stat().st_mtime_ns for p in dest.iterdir()}
    assert sorted(first) == [f"solc-v{v}" for v in VERSIONS]
    toolchain.install_solc(dest=dest, home=home, search_path=str(empty))
    assert {p.name: p.stat().st_mtime_ns for p in dest.iterdir()} == first


def test_home_solcx_linking_back_to_us_is_not_native(tmp_path):
    """~/.solcx/solc-vX pointing at our own entry must not become a symlink loop."""
    home, dest, empty = tmp_path / "home", tmp_path / "solc", tmp_path / "empty"
    empty.mkdir()
    (home / ".solcx").mkdir(parents=True)
    (home / ".solcx" / "solc-v0.8.16").symlink_to(dest / "solc-v0.8.16")
    toolchain.install_solc(dest=dest, home=home, search_path=str(empty))  # dangling link: facade
    chosen = toolchain.install_solc(dest=dest, home=home, search_path=str(empty))  # now it points at the facade
    assert chosen["0.8.16"] is None
    assert not (dest / "solc-v0.8.16").is_symlink()


# --- anvil --------------------------------------------------------------------------------


def rpc(port: int, method: str) -> dict:
    body = json.dumps({"jsonrpc": "2.0", "id": 1, "method": method, "params": []}).encode()
    request = urllib.request.Request(f"http://127.0.0.1:{port}", body, {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=2) as response:
        return json.load(response)


def test_anvil_answers_chain_id_and_dies_with_its_process():
    anvil = toolchain.anvil_path()
    assert anvil.name == "anvil" and "node_modules" in anvil.parts
    port = free_port()
    proc = subprocess.Popen([anvil, "--port", str(port), "--silent"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                answer = rpc(port, "eth_chainId")
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, f"anvil exited with {proc.returncode}"
                assert time.monotonic() < deadline, "anvil did not answer within 30 s"
                time.sleep(0.1)
        assert answer["result"] == hex(31337)
        if Path("/proc").is_dir():  # the process we hold is anvil itself, not a node wrapper
            assert Path(f"/proc/{proc.pid}/exe").resolve() == anvil.resolve()
    finally:
        proc.kill()
        proc.wait(timeout=10)
    with pytest.raises((urllib.error.URLError, ConnectionError)):
        rpc(port, "eth_chainId")


# One worker with the other Brownie tests under pytest-xdist: Brownie may first create ~/.brownie here.
@pytest.mark.xdist_group("checkout-build")
def test_use_project_anvil_edits_memory_only(monkeypatch):
    from brownie._config import CONFIG, _get_data_folder

    from spellgen.integrations.brownie import use_project_anvil

    on_disk = _get_data_folder() / "network-config.yaml"
    before = on_disk.read_bytes()
    monkeypatch.setitem(CONFIG.networks, "development", dict(CONFIG.networks["development"]))
    monkeypatch.setenv("PATH", "/usr/bin:/bin")
    entry = use_project_anvil(port=45678, gas_limit=30_000_000)
    assert entry is CONFIG.networks["development"]
    assert entry["cmd"] == "anvil"
    assert entry["cmd_settings"]["port"] == 45678
    assert entry["cmd_settings"]["gas_limit"] == 30_000_000
    assert os.environ["PATH"].split(os.pathsep)[0] == str(toolchain.bin_dir())
    assert on_disk.read_bytes() == before
