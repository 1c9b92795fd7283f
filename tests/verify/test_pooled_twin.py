"""The suite's pooled twins (tests/conftest.py, `shared_twins`) are faithful: a spell cast on a leased
twin, after other casts there, reports exactly what it reports on a freshly started twin."""
import json
from pathlib import Path

import pytest

import spellgen.twin
from spellgen.cli import main as cli

ROOT = Path(__file__).resolve().parents[2]


def _report(spec: Path, folder: Path) -> dict:
    assert cli.main(["simulate", str(spec), "--report-dir", str(folder)]) == 0
    data = json.loads((folder / "report.json").read_text())
    for step in data["steps"]:
        step.pop("seconds")
    return data


@pytest.mark.parametrize("spec", ["examples/techops-2022-01-28.yaml", "examples/every-action-2026.yaml"])
def test_a_leased_twin_casts_as_a_fresh_one(spec, twin_pool, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)
    spec = ROOT / spec
    leases = twin_pool.leases
    pooled = [_report(spec, tmp_path / f"pooled-{run}") for run in range(2)]  # the second after a cast
    assert twin_pool.leases == leases + 2
    monkeypatch.setattr(spellgen.twin, "start_twin", twin_pool._start)  # a twin of its own
    fresh = _report(spec, tmp_path / "fresh")
    assert pooled[0] == fresh and pooled[1] == fresh


def test_a_lease_ends_at_the_fresh_state(twin_pool):
    twin = spellgen.twin.start_twin("2022-12-09")
    block, time = twin.rpc.block()["number"], twin.rpc.timestamp()
    twin.rpc.warp(time + 86_400)
    twin.rpc.set_balance("0x000000000000000000000000000000000000bEEF", 10**18)
    twin.stop()
    again = spellgen.twin.start_twin("2022-12-09")
    assert again.url == twin.url  # the same anvil, leased again
    assert (again.rpc.block()["number"], again.rpc.timestamp()) == (block, time)
    assert again.rpc.call("eth_getBalance", "0x000000000000000000000000000000000000bEEF", "latest") == "0x0"
    again.stop()


def test_a_fixed_port_gets_a_twin_of_its_own(twin_pool):
    from spellgen.chain.node import free_port

    port = free_port()
    with spellgen.twin.start_twin("2022-12-09", port=port) as twin:
        assert twin.port == port and not hasattr(twin, "_pool")


def test_a_lease_never_given_back_is_reverted_before_the_next(twin_pool):
    twin = spellgen.twin.start_twin("2022-12-09")
    time = twin.rpc.timestamp()
    twin.rpc.warp(time + 86_400)  # and no stop(): as if the code under test had crashed
    again = spellgen.twin.start_twin("2022-12-09")
    assert again.rpc.timestamp() == time
    again.rpc.warp(time + 3_600)
    twin.stop()  # the old lease's late stop() must not revert the new lease
    assert again.rpc.timestamp() == time + 3_600
    again.stop()
    assert spellgen.twin.start_twin("2022-12-09").rpc.timestamp() == time
