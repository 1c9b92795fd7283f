"""Brownie script: cast a spell on the network Brownie is connected to, and verify it against its YAML.

    brownie run scripts/simulate_spell.py main examples/techops-2022-01-28.yaml --network NETWORK

NETWORK is any Brownie network whose chain has the Maker contracts at their mainnet addresses: a
mainnet fork you configured in Brownie, or the twin (`spellgen twin up`, then a Brownie network with
that host). Pass a Solidity file as the second argument to verify a hand-written spell instead of
rendering one. Exits like `spellgen simulate`: 0 when every item passes, 1 when any fails.
"""
import sys
from pathlib import Path

from brownie import network, web3

from spellgen.run import ChainChoice, run_spec
from spellgen.spec.diagnostics import InputError


def main(spec: str, spell_file: str | None = None, report_dir: str | None = None) -> int:
    """Cast and verify; a failed item or bad input ends the process with 1 or 2 (brownie run ignores
    a return value, so a CI job would otherwise show green)."""
    choice = ChainChoice(web3=web3, label=f"Brownie network {network.show_active()}")
    directory = Path(report_dir) if report_dir else Path("out") / Path(spec).stem
    try:
        code = run_spec(Path(spec), Path(spell_file) if spell_file else None, choice, directory)
    except InputError as exc:
        for diagnostic in exc.diagnostics:
            print(diagnostic, file=sys.stderr)
        code = 2
    if code:
        sys.exit(code)
    return code
