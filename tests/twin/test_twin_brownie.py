"""A Brownie client attaches to a running twin and sees mainnet-shaped contracts.

Run in a subprocess: importing brownie changes process-wide state (networks, warnings, a
project lookup), which should not leak into the rest of the suite.
"""
import subprocess
import sys
from pathlib import Path

import pytest

from spellgen.spellfile.history import MAINNET

# Under pytest-xdist (make test) every test of the "checkout-build" group runs on one worker, in order:
# Brownie reads and may first create ~/.brownie, as the other Brownie tests do.
pytestmark = pytest.mark.xdist_group("checkout-build")

ROOT = Path(__file__).resolve().parents[2]

PROBE = r"""
import sys
from spellgen.integrations.brownie import use_project_anvil

# brownie's development network, pointed at the twin's port: brownie attaches to a node that
# already answers there instead of launching its own.
use_project_anvil(port=int(sys.argv[1]))
from brownie import Contract, network, web3

network.connect("development")
abi = [{"name": "getAddress", "type": "function", "stateMutability": "view",
        "inputs": [{"name": "", "type": "bytes32"}], "outputs": [{"name": "", "type": "address"}]}]
log = Contract.from_abi("ChainLog", "0xdA0Ab1e0017DEbCd72Be8599041a2aa3bA7e740F", abi)
print(web3.eth.chain_id, web3.eth.get_block("latest").timestamp, log.getAddress(b"MCD_VEST_DAI".ljust(32, b"\0")))
network.disconnect(kill_rpc=False)
"""


def test_brownie_network_connect_to_the_twin(twin):
    result = subprocess.run([sys.executable, "-c", PROBE, str(twin.port)], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Attached to local RPC client" in result.stdout
    # January 2022: MCD_VEST_DAI is the first DAI vest (today's MCD_VEST_DAI_LEGACY).
    assert result.stdout.strip().splitlines()[-1] == f"1 1643328000 {MAINNET['MCD_VEST_DAI_LEGACY']}"
    assert twin.node.running  # disconnecting did not stop the twin
