"""`spellgen foundry-test SPEC.yaml -o FILE.t.sol`: the spell's budget tests for `forge test`.

The spells repository's tests are Foundry tests (DssSpell.t.sol); this writes the budget ones for
the YAML's actions in that file's house style of the spell's date, with expected values computed
from the YAML (spellgen.spellfile.foundrytest). The file imports nothing: it forks $ETH_RPC_URL and
deploys the compiled spell `spellgen build` writes ($SPELL_ARTIFACT).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from spellgen.errors import ExitCode
from spellgen.spellfile.diagnostics import InputError

EPILOG = """\
examples:
  spellgen foundry-test examples/sky-2026-02-26.yaml -o test/Budget.t.sol
  spellgen build examples/sky-2026-02-26.yaml --out out/spell
  spellgen twin up --date 2026-02-26 --port 8545 &          # or a mainnet node
  SPELL_ARTIFACT=out/spell/DssSpell.json ETH_RPC_URL=http://127.0.0.1:8545 \\
    forge test --offline --no-storage-caching --use .tools/solc/solc-v0.8.16

forge needs read access to the artifact: foundry.toml `fs_permissions = [{access = "read", path = "./"}]`.
Exit codes: 0 written, 2 invalid YAML or arguments, 3 internal error.
"""


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "foundry-test", help="write the spell's budget tests as a Foundry test file (forge test)",
        description="Write a self-contained Solidity test file for `forge test`: payments, streams, yanks, "
                    "caps, allowances, allocator payments, PauseProxy transfers and burns, farm inits, updates "
                    "and distributions, repairs, Uniswap V2 withdrawals and vest onboardings of the YAML, in "
                    "the house style of the spells repository's "
                    "DssSpell.t.sol of the spell's date, with expected values computed from the YAML. "
                    "It forks $ETH_RPC_URL, deploys the compiled spell from $SPELL_ARTIFACT (the "
                    "DssSpell.json of `spellgen build`), elects, schedules, warps and casts it.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("spec", metavar="SPEC.yaml")
    parser.add_argument("-o", "--output", metavar="FILE.t.sol", help="where to write the file (default: stdout)")
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from spellgen.spellfile.checks import check_spell
    from spellgen.spellfile.diagnostics import Diagnostics
    from spellgen.spellfile.expect import expected_from
    from spellgen.spellfile.foundrytest import foundry_tests, untested
    from spellgen.spellfile.parse import load_spell

    diags = Diagnostics(args.spec)
    spell = load_spell(Path(args.spec), diags)
    check_spell(spell, diags, base_dir=Path(args.spec).parent)
    if diags.errors:
        raise InputError(diags)
    for diagnostic in diags:
        print(diagnostic, file=sys.stderr)
    expected = expected_from(spell)
    text = foundry_tests(expected, spell.date, Path(args.spec).name, spell.solc)
    for item in untested(expected):  # the file tests the rest; `spellgen verify` checks these
        print(f"{args.spec}: warning: {item.path}: no Foundry test is written for {item.label}; "
              "spellgen verify checks it", file=sys.stderr)
    if not args.output:
        sys.stdout.write(text)
        return ExitCode.OK
    from spellgen.files import write_atomic

    write_atomic(Path(args.output), text)
    print(f"wrote {args.output}", file=sys.stderr)
    return ExitCode.OK
