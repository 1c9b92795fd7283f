"""Brownie drives the simulation: Brownie connects to a twin and the spell is cast through its web3."""
import runpy
from pathlib import Path

import pytest

# Under pytest-xdist (make test) every test of the "checkout-build" group runs on one worker, in order:
# Brownie loads the project (build/, ~/.brownie), which another Brownie process may be writing.
pytestmark = pytest.mark.xdist_group("checkout-build")

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("spec", ["examples/techops-2022-01-28.yaml", "examples/techops-2022-12-09.yaml"])
def test_brownie_script_simulates_the_examples_on_the_twin(spec, tmp_path, capsys):
    from spellgen.integrations.brownie import use_project_anvil

    use_project_anvil()  # before brownie loads: its solc and anvil are the project's
    from brownie import network
    from brownie._config import CONFIG

    from spellgen.twin import start_twin

    script = runpy.run_path(str(ROOT / "scripts/simulate_spell.py"))
    previous = network.show_active()
    with start_twin(spec.split("-", 1)[1][:10]) as twin:
        # A Brownie development network for this twin, in memory only (the user's network-config.yaml
        # is untouched). Brownie finds the port busy and attaches to the running twin instead of
        # launching a node, and, the network being a development one, caches no call results.
        CONFIG.networks["spellgen-twin"] = {"id": "spellgen-twin", "host": "http://127.0.0.1", "cmd": "anvil",
                                            "cmd_settings": {"port": twin.port}, "name": "spellgen twin"}
        if network.is_connected():
            network.disconnect(kill_rpc=False)
        try:
            network.connect("spellgen-twin")
            assert network.web3.eth.chain_id == 1
            assert script["main"](str(ROOT / spec), report_dir=str(tmp_path)) == 0
        finally:
            network.disconnect(kill_rpc=False)
            if previous:
                network.connect(previous)
    assert "0 failed" in capsys.readouterr().out
