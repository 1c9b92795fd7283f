"""The `spellgen` command line.

Exit codes, the same for every command: 0 success; 1 a difference or a failed verification
(like diff); 2 invalid input (with one located line per problem); 3 an internal error or a
missing tool (with a hint). Heavy modules are imported inside the commands that need them, so
`check` and `render` never load brownie or web3.
"""
from __future__ import annotations

import argparse
import difflib
import json
import os
import sys
from pathlib import Path

from spellgen import __version__
from spellgen.spellfile.diagnostics import Diagnostics, InputError
from spellgen.errors import ExitCode, SpellgenError, UsageError, report_bug


EPILOG = """\
The spell YAML is the source of truth: declare the budget actions in the words of the
proposal (wallet names, dates, token amounts), and spellgen checks, renders and compiles them.

examples:
  spellgen check examples/techops-2022-01-28.yaml
  spellgen render examples/techops-2022-01-28.yaml -o DssSpell.sol
  spellgen render examples/techops-2022-01-28.yaml --section
  spellgen render examples/techops-2022-01-28.yaml --check DssSpell.sol   # CI gate
  spellgen build examples/techops-2022-01-28.yaml --out out/techops
  spellgen schema > spell.schema.json
  spellgen twin up --date 2022-01-28                     # a local mainnet replica
  spellgen simulate examples/techops-2022-01-28.yaml     # cast on the twin and verify
  spellgen verify SPEC.yaml --spell DssSpell.sol         # check any spell against its YAML
  spellgen verify SPEC.yaml --spell DssSpell.sol --address 0x... --fork-url $ETH_RPC_URL   # a deployed spell
  spellgen diff old.yaml new.yaml --format md            # what changed, for a pull request
  spellgen report SPEC.yaml --budget BUDGET.yaml         # report.md and report.html, no simulation
  spellgen import executive-vote.md -o SPEC.yaml        # draft the YAML from an executive document
  spellgen plan examples/budgets/techops.yaml --spell-date 2022-12-09 -o SPEC.yaml
  spellgen ledger add SPEC.yaml --ledger LEDGER.yaml --budget examples/budgets/techops.yaml
  spellgen budget status examples/budgets/techops.yaml --ledger LEDGER.yaml --at 2023-03-08
  spellgen plan examples/budgets/jansky-2025.yaml --spell-date 2025-03-27   # USDS and SKY parts
  spellgen ledger show examples/budgets/jansky-2025-ledger.yaml
  spellgen check SPEC.yaml --budget examples/budgets/techops.yaml --ledger LEDGER.yaml

exit codes: 0 ok, 1 differs, 2 invalid input, 3 internal error or missing tool
"""


def _print_diagnostics(diags: Diagnostics, stream=None) -> None:
    for d in diags:
        print(d, file=stream or sys.stderr)  # looked up per call, so redirection works


def _load_checked(path: str) -> tuple:
    """Parse and check a spell file; warnings are printed, errors raise InputError."""
    from spellgen.spellfile.checks import check_spell
    from spellgen.spellfile.parse import load_spell

    diags = Diagnostics(path)
    spell = load_spell(Path(path), diags)
    check_spell(spell, diags, base_dir=Path(path).parent)
    if diags.errors:
        raise InputError(diags)
    _print_diagnostics(diags)
    return spell, diags


def cmd_check(args: argparse.Namespace) -> int:
    from spellgen.spellfile.checks import check_spell
    from spellgen.spellfile.parse import load_spell

    if args.ledger and not args.budget:
        print("spellgen check: --ledger needs --budget", file=sys.stderr)
        return ExitCode.INVALID
    diags = Diagnostics(args.spec)
    try:
        spell = load_spell(Path(args.spec), diags)
        check_spell(spell, diags, base_dir=Path(args.spec).parent)
        if args.budget:
            from spellgen.budget.checks import check_with_budget_files

            check_with_budget_files(spell, args.budget, args.ledger, diags)
    except InputError:
        pass
    if args.format == "json":
        print(json.dumps([d.__dict__ for d in diags], indent=2))
    else:
        _print_diagnostics(diags, sys.stdout)
        errors, warnings = len(diags.errors), len(diags.warnings)
        status = "invalid" if errors or (args.strict and warnings) else "ok"
        strict = "; --strict: warnings are errors" if args.strict and warnings else ""
        print(f"{args.spec}: {status} ({errors} error{'s' * (errors != 1)}, "
              f"{warnings} warning{'s' * (warnings != 1)}{strict})", file=sys.stderr)
        if not errors:  # recipients named by chainlog key: the address verify will require
            for key, address in spell.chainlog_parties().items():
                print(f"  chainlog {key}: read by the spell; must hold {address}", file=sys.stderr)
    return ExitCode.INVALID if diags.errors or (args.strict and diags.warnings) else ExitCode.OK


def _render_text(args: argparse.Namespace) -> str:
    from spellgen.render.spell import render

    spell, _ = _load_checked(args.spec)
    return render(spell, Path(args.spec).name, section_only=args.section)


def cmd_render(args: argparse.Namespace) -> int:
    from spellgen.files import write_atomic

    text = _render_text(args)
    if args.check:
        return _compare(Path(args.check), text, args.spec)
    if args.output:
        write_atomic(Path(args.output), text)
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return ExitCode.OK


def _compare(path: Path, expected: str, spec: str) -> int:
    try:
        actual = path.read_text()
    except OSError as exc:
        print(f"spellgen: cannot read {path}: {exc.strerror}", file=sys.stderr)
        return ExitCode.INVALID
    if actual == expected:
        print(f"{path} is up to date with {spec}", file=sys.stderr)
        return ExitCode.OK
    diff = difflib.unified_diff(actual.splitlines(True), expected.splitlines(True),
                                f"{path} (committed)", f"{path} (rendered from {spec})")
    sys.stdout.writelines(diff)
    print(f"{path} differs from what {spec} renders: render it again and commit", file=sys.stderr)
    return ExitCode.FAILED


def cmd_build(args: argparse.Namespace) -> int:
    from spellgen.files import write_atomic
    from spellgen.compiler.compile import MAX_CODE_SIZE, compile_spell
    from spellgen.render.spell import render

    spell, _ = _load_checked(args.spec)
    name = Path(args.spec).name
    source = render(spell, name)
    section = render(spell, name, section_only=True)
    print(f"compiling with solc {spell.solc} ...", file=sys.stderr, flush=True)
    compiled = compile_spell(source, spell.solc)
    for warning in compiled.warnings:
        print(warning, file=sys.stderr)
    out = Path(args.out)
    artifact = {
        "spec": name, "solc": compiled.solc,
        "contracts": {c.name: {"abi": c.abi, "bytecode": c.bytecode, "deployedBytecode": c.deployed,
                               "size": c.size} for c in (compiled.spell, compiled.action)},
    }
    # Outputs are written only after everything succeeded, each atomically.
    write_atomic(out / "DssSpell.sol", source)
    write_atomic(out / "section.sol", section)
    write_atomic(out / "DssSpell.json", json.dumps(artifact, indent=2, sort_keys=True) + "\n")
    how = "from the compile cache" if compiled.cached else f"compiled in {compiled.seconds:.1f} s"
    print(f"{how}; bytecode: DssSpell {compiled.spell.size:,} bytes, "
          f"DssSpellAction {compiled.action.size:,} bytes (limit {MAX_CODE_SIZE:,})", file=sys.stderr)
    print(f"wrote {out}/DssSpell.sol, section.sol, DssSpell.json", file=sys.stderr)
    too_big = compiled.size_problems()
    for problem in too_big:
        print(f"spellgen: {problem}", file=sys.stderr)
    return ExitCode.FAILED if too_big else ExitCode.OK


def _chain_choice(args: argparse.Namespace):
    from spellgen.run import ChainChoice

    fork_url = args.fork_url
    if not fork_url and not args.twin and os.environ.get("ETH_RPC_URL"):
        fork_url = os.environ["ETH_RPC_URL"]
        print("using ETH_RPC_URL as the fork URL (pass --twin to use the twin)", file=sys.stderr)
    if args.fork_block is not None and not fork_url:
        print("spellgen: --fork-block needs --fork-url (or ETH_RPC_URL)", file=sys.stderr)
        raise SystemExit(ExitCode.INVALID)  # a usage error, as argparse reports its own
    return ChainChoice(fork_url, args.fork_block, args.port)


def _report_dir(args: argparse.Namespace) -> Path:
    return Path(args.report_dir) if args.report_dir else Path("out") / Path(args.spec).stem


def cmd_simulate(args: argparse.Namespace) -> int:
    from spellgen.run import RunContext, run_spec

    return run_spec(RunContext(Path(args.spec), None, _chain_choice(args), _report_dir(args), _budget(args)))


def cmd_verify(args: argparse.Namespace) -> int:
    from spellgen.run import RunContext, run_spec
    from spellgen.spellfile.address import AddressError, parse_address

    choice = _chain_choice(args)
    if args.address:
        if not choice.fork_url:
            raise UsageError("--address needs --fork-url (or ETH_RPC_URL): the chain where the spell is deployed")
        try:
            choice.address = parse_address(args.address)
        except AddressError as exc:
            raise UsageError(f"--address: {exc}") from None
    elif not args.spell:
        raise UsageError("verify needs --spell FILE.sol, or --address 0x... (then the YAML's rendering is the source)")
    return run_spec(RunContext(Path(args.spec), Path(args.spell) if args.spell else None, choice, _report_dir(args),
                               _budget(args), budget_only=args.budget_only))


def _budget(args: argparse.Namespace) -> Path | None:
    return Path(args.budget) if args.budget else None


def port_number(text: str) -> int:
    """An argparse type: a TCP port (1-65535), refused with the usage line (exit 2) otherwise."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(f"{port} is not a TCP port (1-65535)")
    return port


def _add_chain_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--fork-url", metavar="URL",
                   help="cast on anvil forking this RPC (a real mainnet node) instead of the twin; "
                        "ETH_RPC_URL is used when neither this nor --twin is given")
    p.add_argument("--fork-block", type=int, metavar="N", help="fork at this block (default: the latest)")
    p.add_argument("--twin", action="store_true", help="use the twin even when ETH_RPC_URL is set")
    p.add_argument("--port", type=port_number, metavar="N", help="port for the local anvil (default: a free one)")
    p.add_argument("--report-dir", metavar="DIR",
                   help="where report.md, report.html and report.json go (default: out/<spec>)")
    p.add_argument("--budget", metavar="BUDGET.yaml", help="a budget file whose caps report.html's chart draws")


def cmd_schema(args: argparse.Namespace) -> int:
    from spellgen.spellfile.schema import spell_schema

    print(json.dumps(spell_schema(), indent=2))
    return ExitCode.OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="spellgen", description="Budget YAML -> checked, rendered and compiled Maker executive spell.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"spellgen {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("check", help="validate a spell YAML; one located line per problem",
                       description="Validate a spell YAML without rendering. Prints FILE:LINE:COL: field: message "
                                   "for each problem. Exit 2 on errors (and on warnings with --strict), 0 when "
                                   "clean (warnings allowed).")
    p.add_argument("spec", help="the spell YAML")
    p.add_argument("--format", choices=["text", "json"], default="text", help="output format (default text)")
    p.add_argument("--budget", metavar="BUDGET.yaml",
                   help="also check the spell's amounts for the core unit against its budget: the MIP's caps "
                        "(errors) and what the budget plans at the spell's date (warnings)")
    p.add_argument("--ledger", metavar="LEDGER.yaml", help="with --budget: what earlier spells did for the unit")
    p.add_argument("--strict", action="store_true",
                   help="every warning is an error (exit 2): for CI gates and spells about to go to a vote")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("render", help="render the full spell or its budget section",
                       description="Check, then render the spell as Solidity. Nothing is written when the YAML "
                                   "has errors; files are written atomically.")
    p.add_argument("spec", help="the spell YAML")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.add_argument("--section", action="store_true",
                   help="only the budget section: constants and the body of actions(), to paste into a spell")
    p.add_argument("--check", metavar="FILE",
                   help="compare FILE with what would be rendered; exit 1 and print a diff when they differ")
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("build", help="render and compile the full spell into a folder",
                       description="Check, render and compile with the pinned solc (DssExecLib linked at its "
                                   "mainnet address). Writes DssSpell.sol, section.sol and DssSpell.json "
                                   "(ABI, bytecode, sizes) to --out.")
    p.add_argument("spec", help="the spell YAML")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("simulate", help="render, compile, cast on the twin (or a fork) and verify against the YAML",
                       description="Render and compile the spell, start the chain (the twin at the spell's date, "
                                   "or anvil forking --fork-url), deploy it, elect it (lock MKR in the chief, vote, "
                                   "lift), schedule, warp to nextCastTime(), cast, then prove item by item that "
                                   "the chain's state changed exactly as the YAML says. Exit 0 when every item "
                                   "passes, 1 when any fails, 2 on invalid input.",
                       epilog="examples:\n  spellgen simulate examples/techops-2022-01-28.yaml\n"
                              "  spellgen simulate SPEC.yaml --fork-url $ETH_RPC_URL --fork-block 16000000",
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("spec", help="the spell YAML")
    _add_chain_options(p)
    p.set_defaults(func=cmd_simulate)

    p = sub.add_parser("verify", help="cast any spell source (hand-written too) and verify it against a YAML",
                       description="Like simulate, but casts the given Solidity file (compiled against the "
                                   "project's exec base) instead of rendering one: a reviewer's check that a "
                                   "proposed spell does what the budget YAML says, and nothing else.")
    p.add_argument("spec", help="the spell YAML the spell claims to implement")
    p.add_argument("--spell", metavar="FILE.sol",
                   help="the spell source to verify (with --address and no --spell: the spell the YAML renders)")
    p.add_argument("--address", metavar="0xSPELL",
                   help="the spell already deployed there (on --fork-url's chain): its runtime code and its "
                        "action's must be the source compiled as the spells repository compiled spells of that "
                        "date (metadata and immutables aside; each immutable checked by itself), then that "
                        "deployed spell is elected, scheduled, cast and verified; exit 2 when it holds no code")
    p.add_argument("--budget-only", action="store_true",
                   help="a real spell does more than its budget: require every YAML item and every change of "
                        "the budget's contracts (vests, budget tokens, the Vat's balances, the treasury) to hold "
                        "exactly, and list the spell's other state changes for the reviewer instead of failing")
    _add_chain_options(p)
    p.set_defaults(func=cmd_verify)

    from spellgen.cli.twin import add_parser as add_twin_parser

    add_twin_parser(sub)

    from spellgen.cli.budget import add_parsers as add_budget_parsers

    add_budget_parsers(sub)

    from spellgen.cli.review import add_parsers as add_report_parsers

    add_report_parsers(sub)  # diff, report

    from spellgen.cli.toolchain import add_parser as add_toolchain_parser

    add_toolchain_parser(sub)

    from spellgen.cli.brownie_test import add_parser as add_brownie_test_parser

    add_brownie_test_parser(sub)

    from spellgen.cli.foundry_test import add_parser as add_foundry_test_parser

    add_foundry_test_parser(sub)

    p = sub.add_parser("schema", help="print the JSON Schema of the spell YAML (for editors)",
                       description="Print the JSON Schema of the spell YAML. Editors with a YAML language "
                                   "server use it for completion and validation.")
    p.set_defaults(func=cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)  # a bad option or value: argparse's usage line, exit 2
    try:
        check_usage(args)
        return int(args.func(args))  # a plain int for callers (ExitCode is one too, but prints as a name)
    except KeyboardInterrupt:
        print("spellgen: interrupted; no output was written", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback for users
        return exit_code_for(exc)


def exit_code_for(exc: Exception, command: str = "spellgen") -> int:
    """The one mapping of errors to messages and exit codes: each spellgen error carries its code;
    anything else is a bug in spellgen (exit 3)."""
    if isinstance(exc, SpellgenError):
        exc.report(sys.stderr, command)
        if exc.exit_code == ExitCode.INTERNAL and os.environ.get("SPELLGEN_DEBUG"):
            raise exc
        return int(exc.exit_code)
    report_bug(exc, sys.stderr, command)
    if os.environ.get("SPELLGEN_DEBUG"):
        raise exc
    return int(ExitCode.INTERNAL)


def check_usage(args: argparse.Namespace) -> None:
    """Usage errors of the commands that start a chain, before any work starts: every input file
    they name can be read, and the report folder can be written (not only after a whole simulation).
    The port's range is argparse's (`port_number`)."""
    from spellgen.files import require_readable, require_writable_dir

    if args.command not in ("simulate", "verify"):
        return
    for option in ("spec", "spell", "budget"):
        value = getattr(args, option, None)
        if value:
            require_readable(Path(value), "the spell YAML" if option == "spec" else f"--{option}")
    require_writable_dir(_report_dir(args), "--report-dir")


if __name__ == "__main__":
    sys.exit(main())
