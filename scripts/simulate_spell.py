"""Brownie script: cast a spell on the network Brownie is connected to, and verify it against its YAML.

    brownie run scripts/simulate_spell.py main SPEC.yaml [SPELL.sol]                          # the twin
    brownie run scripts/simulate_spell.py main SPEC.yaml [SPELL.sol] --network spellgen-twin  # the same
    brownie run scripts/simulate_spell.py main SPEC.yaml [SPELL.sol] --network mainnet-fork   # $ETH_RPC_URL

The networks are defined by the project (brownie_hooks.py, in memory; ~/.brownie is untouched):
`spellgen-twin` (the default here) starts the twin at the spell's date; `mainnet-fork` starts the
project's anvil forking $ETH_RPC_URL (at $SPELLGEN_FORK_BLOCK when set). Any other network must
have the Maker contracts at their mainnet addresses. SPELL.sol: verify that hand-written spell
instead of rendering one. Prints the table of `spellgen simulate` and exits like it: 0 when every
item passes, 1 when any fails, 2 on invalid input.
"""
import sys
from pathlib import Path

from brownie import network, web3

from spellgen.run import ChainChoice, run_spec
from spellgen.spellfile.diagnostics import InputError
from spellgen.spellfile.history import CHANGELOG

EXIT_INVALID = 2


def main(spec: str, spell_file: str | None = None, report_dir: str | None = None, mode: str = "") -> int:
    """Cast and verify; a failed item or bad input ends the process with 1 or 2 (brownie run ignores
    a return value, so a CI job would otherwise show green). `mode` "budget-only" is verify's
    --budget-only: changes outside the budget's contracts are listed instead of failing."""
    if mode not in ("", "budget-only"):
        print(f"spellgen: unknown mode {mode!r}; the fourth argument may only be budget-only", file=sys.stderr)
        sys.exit(EXIT_INVALID)
    if len(web3.eth.get_code(CHANGELOG)) == 0:
        print(f"spellgen: the Brownie network {network.show_active()} has no ChainLog at {CHANGELOG}, so no "
              f"Maker contracts to cast on; use --network spellgen-twin (the twin) or --network mainnet-fork",
              file=sys.stderr)
        sys.exit(EXIT_INVALID)
    choice = ChainChoice(web3=web3, label=f"Brownie network {network.show_active()}",
                         real_fork=network.show_active() == "mainnet-fork")
    directory = Path(report_dir) if report_dir else Path("out") / Path(spec).stem
    try:
        code = run_spec(Path(spec), Path(spell_file) if spell_file else None, choice, directory,
                        budget_only=mode == "budget-only")
    except InputError as exc:
        for diagnostic in exc.diagnostics:
            print(diagnostic, file=sys.stderr)
        code = EXIT_INVALID
    if code:
        sys.exit(code)
    return code
