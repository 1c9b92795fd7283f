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

from spellgen.cli.main import exit_code_for
from spellgen.errors import UsageError
from spellgen.files import require_writable_dir
from spellgen.integrations.brownie import FORK_NETWORK, TWIN_NETWORK, twin_description
from spellgen.run import ChainChoice, RunContext, run_spec
from spellgen.spellfile.history import CHANGELOG


def main(spec: str, spell_file: str | None = None, report_dir: str | None = None, mode: str = "") -> int:
    """Cast and verify; a failed item or bad input ends the process with 1 or 2 (brownie run ignores
    a return value, so a CI job would otherwise show green). `mode` "budget-only" is verify's
    --budget-only: changes outside the budget's contracts are listed instead of failing."""
    try:
        code = run_spec(context(spec, spell_file, report_dir, mode))
    except Exception as exc:  # noqa: BLE001 - mapped to a message and an exit code as the CLI maps it
        code = exit_code_for(exc)
    if code:
        sys.exit(code)
    return code


def context(spec: str, spell_file: str | None, report_dir: str | None, mode: str) -> RunContext:
    """The run's context on Brownie's network: the CLI's run, on the chain Brownie is connected to."""
    if mode not in ("", "budget-only"):
        raise UsageError(f"unknown mode {mode!r}; the fourth argument may only be budget-only")
    active = network.show_active()
    if len(web3.eth.get_code(CHANGELOG)) == 0:
        raise UsageError(f"the Brownie network {active} has no ChainLog at {CHANGELOG}, so no Maker contracts "
                         f"to cast on; use --network {TWIN_NETWORK} (the twin) or --network {FORK_NETWORK}")
    twin = active == TWIN_NETWORK
    label = f"Brownie network {active}" + (f": {twin_description()}" if twin and twin_description() else "")
    choice = ChainChoice(web3=web3, label=label, real_fork=active == FORK_NETWORK, twin=twin)
    directory = Path(report_dir) if report_dir else Path("out") / Path(spec).stem
    require_writable_dir(directory, "the report folder")  # before the cast, not after it
    return RunContext(Path(spec), Path(spell_file) if spell_file else None, choice, directory,
                      budget_only=mode == "budget-only")
