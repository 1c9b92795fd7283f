"""The fork path: `--fork-url` makes anvil fork an RPC. Offline, a second anvil running the twin
stands in for mainnet; with ETH_RPC_URL set, the same spell is also cast on a real mainnet fork."""
import json
import os
from pathlib import Path

import pytest

from spellgen.cli import main as cli
from spellgen.twin import start_twin

ROOT = Path(__file__).resolve().parents[2]
DEC = ROOT / "examples/techops-2022-12-09.yaml"
JAN = ROOT / "examples/techops-2022-01-28.yaml"


@pytest.fixture
def upstream():
    """A twin playing mainnet: the simulation forks it through anvil's --fork-url."""
    with start_twin("2022-12-09") as twin:
        yield twin


def test_simulate_on_a_fork_of_the_twin(upstream, tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)
    assert cli.main(["simulate", str(DEC), "--fork-url", upstream.url, "--report-dir", str(tmp_path)]) == 0
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["chain"].startswith("fork of http://127.0.0.1:") and report["summary"]["failed"] == 0
    # The fork, not the upstream, took the cast: the upstream's treasury is untouched.
    from spellgen.chain.client import Chain
    from spellgen.spellfile.history import MAINNET

    upstream_chain = Chain(upstream.url)
    assert upstream_chain.call(MAINNET["MCD_GOV"], "balanceOf(address)(uint256)",
                               "0x2dC0420A736D1F40893B9481D8968E4D7424bC0B") == 0


def test_eth_rpc_url_is_the_default_fork(upstream, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ETH_RPC_URL", upstream.url)
    assert cli.main(["simulate", str(DEC), "--report-dir", str(tmp_path)]) == 0
    assert "using ETH_RPC_URL" in capsys.readouterr().err
    assert json.loads((tmp_path / "report.json").read_text())["chain"].startswith("fork of")
    # --twin overrides it.
    assert cli.main(["simulate", str(DEC), "--twin", "--report-dir", str(tmp_path)]) == 0
    assert json.loads((tmp_path / "report.json").read_text())["chain"].startswith("twin at")


def test_fork_block_needs_a_fork_url(tmp_path, monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["simulate", str(DEC), "--fork-block", "1"])
    assert exit_info.value.code == 2  # a usage error, like argparse's own


@pytest.mark.parametrize("spec, block", [(JAN, 14_090_000), (DEC, 16_140_000)])
def test_real_mainnet_fork(spec, block, tmp_path):
    """Cast the example on mainnet as it stood just before that week's spell: every item must pass."""
    if not os.environ.get("ETH_RPC_URL"):
        pytest.skip("ETH_RPC_URL is not set: no mainnet RPC here, so the real-fork run is skipped")
    code = cli.main(["simulate", str(spec), "--fork-block", str(block), "--report-dir", str(tmp_path)])
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["chain"].startswith("fork of")
    assert code == 0 and report["summary"]["failed"] == 0, report["summary"]
