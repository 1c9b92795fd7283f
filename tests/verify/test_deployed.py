"""`verify --address`: the deployed spell's code is compared with the source, then that spell is cast.

The twin stands in for mainnet: a spell is deployed on it with the chain client, and `--fork-url`
points at the running twin (anvil forks it), as it would point at a mainnet node.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from spellgen.compiler.compile import compile_spell
from spellgen.chain.client import Chain
from spellgen.cli import main as cli
from spellgen.run import load_source
from spellgen.spellfile.history import CHANGELOG, compile_settings_at
from spellgen.twin import start_twin
from spellgen.verify.deployed import first_difference, masked, split_metadata
from violations import assert_violation

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "examples/sky-2026-01-15.yaml"  # its action holds ChainLog reads as immutables


@pytest.fixture(autouse=True)
def no_fork_url(monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)


@pytest.fixture(scope="module")
def deployed():
    """A twin at the spell's date with the rendered spell deployed on it, as the crafter would deploy it."""
    spell, source, solc = load_source(SPEC)
    compiled = compile_spell(source, solc, settings=compile_settings_at(spell.date))
    twin = start_twin(spell.date)  # the chainlog of its date: every key the spell reads
    try:
        chain = Chain(twin.url)
        receipt = chain.send(chain.accounts()[0], None, bytes.fromhex(compiled.spell.bytecode))
        yield twin, chain, receipt.contract_address, source
    finally:
        twin.stop()


def _verify(twin, address: str, tmp_path: Path, spell_file: Path | None = None) -> int:
    args = ["verify", str(SPEC), "--address", address, "--fork-url", twin.url, "--report-dir", str(tmp_path)]
    return cli.main(args + (["--spell", str(spell_file)] if spell_file else []))


def test_the_deployed_spell_matches_and_is_cast(deployed, tmp_path, capsys):
    twin, chain, address, _ = deployed
    assert _verify(twin, address, tmp_path) == 0
    report = json.loads((tmp_path / "report.json").read_text())
    items = {r["item"]: r for r in report["results"]}
    code = [r for r in report["results"] if r["item"].startswith("deployed ")]
    assert [r["status"] for r in code] == ["PASS", "PASS"]
    assert "DAI = ChainLog MCD_DAI" in code[1]["evidence"] and "tag = the action's code hash" in code[0]["evidence"]
    assert report["spell"] == address  # the deployed spell was cast, not a new one
    assert "deployment gas at most 30,000,000" not in items  # deployed before: not measured, as the suite skips it
    assert items["expiration = deployment + expiry"]["status"] == "PASS"
    assert chain.call(address, "done()(bool)") is False  # the fork was cast, the twin itself is untouched
    # Compiled as the spells repository compiled the spells of 2026-01 (spec/data/compile_settings.tsv).
    assert report["source"]["compiler"] == "solc 0.8.16 (optimizer off, 200 runs, solc's default EVM version)"


def test_compile_settings_follow_the_spells_repository_by_date():
    def at(day):
        s = compile_settings_at(day)
        return s.optimizer, s.runs
    assert at("2022-01-27") == (True, 1) and at("2022-01-28") == (False, 200)
    assert at("2022-12-09") == (True, 200) and at("2023-01-03") == (False, 200)
    assert at("2024-09-13") == (True, 1) and at("2024-09-27") == (False, 200)
    assert at("2025-06-11") == (True, 200) and at("2025-06-12") == (False, 200) and at("2026-05-07") == (False, 200)
    assert "spells-mainnet@" in compile_settings_at("2026-01-15").source


def test_a_tampered_source_exits_1_naming_the_first_difference(deployed, tmp_path, capsys):
    twin, _, address, source = deployed
    tampered = tmp_path / "DssSpell.sol"
    assert "_transferUsds(" in source
    tampered.write_text(source.replace(" * WAD);", " * WAD + 1);", 1))
    code = _verify(twin, address, tmp_path / "report", tampered)
    out = capsys.readouterr().out
    assert_violation(code, out, exit_code=1, message="re:FAIL  deployed DssSpellAction is the source compiled.*\n.*"
                                                     "first difference at byte")
    # DssSpell's own code is DssExec's; the edit is in the action, which is deployed by its constructor.
    assert "PASS  deployed DssSpell is the source compiled" in out
    assert "FAIL  deployed DssSpellAction is the source compiled" in out
    assert "first difference at byte" in out
    report = json.loads((tmp_path / "report" / "report.json").read_text())
    assert report["spell"] == ""  # nothing was cast
    assert {r["reason"] for r in report["results"][2:]} == {"the deployed code is not the source, so it was not cast"}


def test_an_address_without_code_exits_2(deployed, tmp_path, capsys):
    twin, _, _, _ = deployed
    nobody = "0x000000000000000000000000000000000000dEaD"
    assert _verify(twin, nobody, tmp_path) == 2
    assert f"{nobody} holds no code on this chain" in capsys.readouterr().err


def test_an_action_immutable_that_disagrees_with_the_chainlog_fails(deployed, tmp_path, capsys):
    """Deployed while the ChainLog's DAI_USDS was another contract: the action holds the old address."""
    twin, chain, _, _ = deployed
    snapshot = chain.snapshot()
    key = b"DAI_USDS".ljust(32, b"\0")
    real = chain.call(CHANGELOG, "getAddress(bytes32)(address)", key)
    proxy = chain.impersonate(chain.call(CHANGELOG, "getAddress(bytes32)(address)", b"MCD_PAUSE_PROXY".ljust(32, b"\0")))
    other = "0x1111111111111111111111111111111111111111"
    try:
        chain.transact(proxy, CHANGELOG, "setAddress(bytes32,address)", key, other)
        spell, source, solc = load_source(SPEC)
        compiled = compile_spell(source, solc, settings=compile_settings_at(spell.date))
        stale = chain.send(chain.accounts()[0], None, bytes.fromhex(compiled.spell.bytecode)).contract_address
        chain.transact(proxy, CHANGELOG, "setAddress(bytes32,address)", key, real)
        code = _verify(twin, stale, tmp_path)
        out = capsys.readouterr().out
        assert_violation(code, out, exit_code=1, message=f"DssSpellAction.DAI_USDS is {other}, but the ChainLog holds "
                                                         f"{real} under DAI_USDS")
        assert "FAIL  deployed DssSpellAction is the source compiled" in out
        assert f"DssSpellAction.DAI_USDS is {other}, but the ChainLog holds {real} under DAI_USDS" in out
    finally:
        chain.revert(snapshot)


def test_metadata_is_stripped_and_immutables_masked():
    code = bytes.fromhex("6001600055") + bytes(32) + bytes.fromhex("a1646970667358") + bytes(4) + (11).to_bytes(2, "big")
    stripped, meta = split_metadata(code)
    assert stripped == code[:37] and meta == code[37:]
    assert split_metadata(b"\x60\x01") == (b"\x60\x01", b"")
    assert masked(b"\x01" * 40, [4]) == b"\x01" * 4 + bytes(32) + b"\x01" * 4


def test_the_first_difference_names_the_constant():
    compiled = bytes.fromhex("6005600055")
    deployed = bytes.fromhex("6006600055")
    message = first_difference("DssSpellAction", compiled, deployed)
    assert "first difference at byte 1" in message
    assert "PUSH1 at byte 0 differs: compiled 0x05 (5), deployed 0x06 (6)" in message
    assert "code was added or removed" in first_difference("X", compiled, compiled + b"\x00")
    assert first_difference("X", compiled, compiled) == ""


def test_the_twin_keeps_its_settings_and_every_real_fork_path_uses_the_dates():
    from spellgen.run import ChainChoice, compile_settings_for
    from spellgen.spellfile.history import TWIN_COMPILE

    spell, _, _ = load_source(SPEC)
    assert compile_settings_for(spell, ChainChoice()) == TWIN_COMPILE
    for choice in (ChainChoice(fork_url="http://node"), ChainChoice(web3=object(), real_fork=True),
                   ChainChoice(fork_url="http://node", address="0x" + "11" * 20)):
        assert compile_settings_for(spell, choice) == compile_settings_at(spell.date)
    assert compile_settings_for(spell, ChainChoice(web3=object())) == TWIN_COMPILE  # Brownie's spellgen-twin


def test_a_stored_sig_other_than_execute_fails(deployed, tmp_path, capsys):
    """DssExec's constructor stores `sig` (slot 1), which is not in the runtime code: it is read."""
    twin, chain, address, _ = deployed
    snapshot = chain.snapshot()
    try:
        actions = bytes.fromhex("f99e36bc")  # actions(): office hours unchecked
        chain.set_storage(address, 1, (int.from_bytes(actions, "big") << (28 * 8)) | 2 * len(actions))
        assert chain.call(address, "sig()(bytes)") == actions
        code = _verify(twin, address, tmp_path)
        out = capsys.readouterr().out
        assert_violation(code, out, exit_code=1, message="re:FAIL .*\n.*DssSpell.sig\\(\\) is 0xf99e36bc")
        assert "DssSpell.sig() is 0xf99e36bc, not execute() (0x61461954)" in out
    finally:
        chain.revert(snapshot)


def test_the_deployed_spell_is_the_one_cast_and_an_already_cast_one_fails(deployed, tmp_path, capsys):
    """The deployed spell already cast (`done`, slot 2 of DssExec, set): verify attaches to that spell and
    fails, saying so; a fresh deployment of the same source would have passed."""
    twin, chain, address, _ = deployed
    snapshot = chain.snapshot()
    try:
        chain.set_storage(address, 2, 1)
        assert chain.call(address, "done()(bool)") is True
        code = _verify(twin, address, tmp_path)
        out = capsys.readouterr().out
        assert_violation(code, out, exit_code=1, message="re:FAIL  the spell is deployed, elected, scheduled and cast\n"
                                                         ".*has already been cast \\(done\\(\\) is true\\)")
    finally:
        chain.revert(snapshot)


def test_a_fork_of_a_local_node_is_not_cached_on_disk():
    """anvil caches forked state by chain id and block: the twin (chain id 1) would reuse another twin's."""
    from spellgen.run import _is_local

    assert _is_local("http://127.0.0.1:8545") and _is_local("http://localhost:8545/")
    assert not _is_local("https://mainnet.example/v3/KEY")


def test_address_usage_errors_exit_2(capsys):
    assert cli.main(["verify", str(SPEC), "--address", "0x123", "--fork-url", "http://127.0.0.1:1"]) == 2
    assert "'0x123' is not an address" in capsys.readouterr().err
    assert cli.main(["verify", str(SPEC), "--address", "0x000000000000000000000000000000000000dEaD", "--twin"]) == 2
    assert "--address needs --fork-url" in capsys.readouterr().err
    assert cli.main(["verify", str(SPEC), "--twin"]) == 2
    assert "verify needs --spell FILE.sol, or --address" in capsys.readouterr().err
