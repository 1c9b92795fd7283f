"""Brownie script: cast a spell on the network Brownie is connected to, and verify it against its YAML.

    brownie run scripts/simulate_spell.py main examples/techops-2022-01-28.yaml --network NETWORK

NETWORK is any Brownie network whose chain has the Maker contracts at their mainnet addresses: a
mainnet fork you configured in Brownie, or the twin (`spellgen twin up`, then a Brownie network with
that host). Pass a Solidity file as the second argument to verify a hand-written spell instead of
rendering one. Exits like `spellgen simulate`: 0 when every item passes, 1 when any fails.
"""
from pathlib import Path

from brownie import network, web3

from spellgen.spec.checks import check_spell
from spellgen.spec.diagnostics import Diagnostics, InputError
from spellgen.spec.parse import load_spell
from spellgen.run import ChainChoice, run
from spellgen.render.spell import render


def main(spec: str, spell_file: str | None = None, report_dir: str | None = None) -> int:
    diags = Diagnostics(spec)
    spell = load_spell(Path(spec), diags)
    check_spell(spell, diags)
    if diags.errors:
        raise InputError(diags)
    source = Path(spell_file).read_text() if spell_file else render(spell, Path(spec).name)
    choice = ChainChoice(web3=web3, label=f"Brownie network {network.show_active()}")
    directory = Path(report_dir) if report_dir else Path("out") / Path(spec).stem
    return run(spell, Path(spec).name, source, spell.solc, choice, directory)
