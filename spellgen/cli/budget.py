"""`spellgen plan`, `spellgen ledger add` and `spellgen budget status|check|schema`.

Wired into spellgen/cli.py with `add_parsers(subparsers)`; each command's `func` returns the exit
code. Also runnable on its own: `python -m spellgen.cli.budget plan ...`. Only argparse is imported
at module level; nothing here loads brownie or web3.

Exit codes: 0 ok; 1 nothing to do that was asked for (no action due at the date, or the spell is
already in the ledger with other actions); 2 invalid input (located lines); 3 internal error.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date, datetime, timezone
from pathlib import Path
from spellgen.errors import UsageError
from spellgen.errors import ExitCode


PLAN_EPILOG = """\
examples:
  spellgen plan examples/budgets/techops.yaml --spell-date 2022-12-09
  spellgen plan examples/budgets/techops.yaml --spell-date 2023-06-09 \\
      --ledger examples/budgets/techops-ledger.yaml -o techops-2023-06-09.yaml

Exit 1 (and no file) when the budget calls for nothing at that date.
"""


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    """Add `plan`, `ledger` and `budget` to spellgen's subcommands."""
    _add_plan(subparsers)
    _add_ledger(subparsers)
    _add_budget(subparsers)


def _add_plan(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "plan", help="write the spell YAML a budget calls for at a date",
        description="Write a spell YAML with the actions the budget calls for in the executive spell of "
                    "--spell-date: per DAI or USDS part, the stream (and top-up) of the budget period; per MKR or "
                    "SKY part with periods, the stream (and, on a treasury vest, the allowance increase of its "
                    "exact total); per MKR or SKY part with a schedule, the vesting within the transfer rule's "
                    "horizon that the ledger does not show transferred. An action the chain of that date cannot "
                    "do (a USDS stream in 2022) is a located error. The output passes `spellgen check` and is ready for render, build and "
                    "simulate.",
        epilog=PLAN_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("budget", help="the budget YAML")
    p.add_argument("--spell-date", required=True, metavar="YYYY-MM-DD", help="the spell's target date (UTC)")
    p.add_argument("--ledger", metavar="LEDGER.yaml", help="what earlier spells did (default: nothing yet)")
    p.add_argument("-o", "--output", metavar="SPEC.yaml", help="write here (atomically) instead of standard output")
    p.add_argument("--exec-hash", metavar="0x...", help="the executive document's hash, for the description")
    p.add_argument("--office-hours", choices=["true", "false"], default="true", help="default true")
    p.add_argument("--solc", choices=["0.8.16", "0.6.12"], default="0.8.16", help="default 0.8.16")
    p.set_defaults(func=run_plan)


def _add_ledger(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "ledger", help="record what a spell did for a core unit",
        description="The ledger lists, per executive spell (cited by date and description), the spell's "
                    "DAI and USDS payments, MKR and SKY transfers and streams to the core unit's wallets.")
    actions = p.add_subparsers(dest="ledger_command", metavar="ACTION", required=True)
    add = actions.add_parser(
        "add", help="add a spell's actions for the core unit to the ledger",
        description="Record the spell's actions for the budget's wallets. Adding a spell that is already "
                    "recorded identically changes nothing (exit 0); with different actions it is refused "
                    "(exit 1). The ledger is written atomically.")
    add.add_argument("spec", help="the spell YAML")
    add.add_argument("--ledger", required=True, metavar="LEDGER.yaml", help="the ledger (created if absent)")
    add.add_argument("--budget", metavar="BUDGET.yaml",
                     help="the budget (needed to create a ledger; afterwards the ledger remembers it)")
    show = actions.add_parser(
        "show", help="list the ledger's spells and what they moved per token",
        description="Each recorded spell with its payments, transfers and streams, then the totals per token "
                    "(DAI, USDS, MKR, SKY) paid, transferred and streamed. Exact amounts.")
    show.add_argument("ledger", metavar="LEDGER.yaml", help="the ledger")
    show.add_argument("--format", choices=["text", "json"], default="text", help="default text")
    p.set_defaults(func=run_ledger)


def _add_budget(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("budget", help="budget status, budget file checks and schemas",
                              description="Work with a core unit's budget file.")
    actions = p.add_subparsers(dest="budget_command", metavar="ACTION", required=True)
    status = actions.add_parser(
        "status", help="each part (DAI, USDS, MKR, SKY) against its caps, per budget year and in total",
        description="Per budget period of a DAI or USDS part (or an MKR or SKY part with periods): the token "
                    "streamed and paid (transferred) against the annual cap (pro rata by day); per vesting year "
                    "of an MKR or SKY part with a schedule: the token transferred (or streamed) and still "
                    "scheduled against the annual and total caps, and the transfers to come. Counts the "
                    "ledger's spells up to --at.")
    status.add_argument("budget", help="the budget YAML")
    status.add_argument("--ledger", metavar="LEDGER.yaml", help="what earlier spells did (default: nothing yet)")
    status.add_argument("--at", metavar="YYYY-MM-DD", help="the date (default: today, UTC)")
    status.add_argument("--format", choices=["text", "json"], default="text", help="default text")
    check = actions.add_parser("check", help="validate a budget file; one located line per problem",
                               description="Validate a budget YAML: shapes, dates, amounts, and whether its "
                                           "periods, schedule and caps agree. Exit 2 on errors.")
    check.add_argument("budget", help="the budget YAML")
    schema = actions.add_parser("schema", help="print the JSON Schema of the budget (or ledger) YAML")
    schema.add_argument("--ledger", action="store_true", help="the ledger's schema instead")
    p.set_defaults(func=run_budget)


# -- helpers ----------------------------------------------------------------------------------------

def _print(diags, stream=None) -> None:
    for d in diags:
        print(d, file=stream or sys.stderr)  # looked up at call time, so redirections are honoured


def _day(text: str, option: str) -> date:
    from spellgen.spellfile.timeutil import DateError, parse_date

    try:
        return parse_date(text)
    except DateError as exc:
        raise _Invalid(f"{option}: {exc}") from None


def schema_reference(target: Path, name: str) -> str | None:
    """The project's schema file as seen from where `target` is written (for editors), if it is there."""
    root = Path(__file__).resolve().parents[2]
    schema = root / "schema" / name
    if not schema.exists() or not target.resolve().is_relative_to(root):
        return None  # outside the project, a relative path to its schema would only confuse
    return Path(os.path.relpath(schema, target.resolve().parent)).as_posix()


class _Invalid(UsageError):
    """A problem with a command-line value (not located in a file)."""


def _load(budget_path: str, ledger_path: str | None):
    """The budget and the ledger (or None), their warnings printed; InputError with their errors."""
    from spellgen.spellfile.diagnostics import Diagnostics, InputError
    from spellgen.budget.ledger import check_unit, load_ledger
    from spellgen.budget.parse import load_budget

    diags = Diagnostics(budget_path)
    budget = load_budget(Path(budget_path), diags)
    _print(diags)
    ledger = None
    if ledger_path is not None:
        ledger_diags = Diagnostics(ledger_path)
        ledger = load_ledger(Path(ledger_path), ledger_diags)
        check_unit(ledger, budget, ledger_diags)
        if ledger_diags.errors:
            raise InputError(ledger_diags)
    return budget, ledger


def _guard(run):
    """Exit codes instead of tracebacks, the same way for every command of this module."""
    def wrapped(args: argparse.Namespace) -> int:
        from spellgen.cli.main import exit_code_for

        try:
            return int(run(args))
        except Exception as exc:  # noqa: BLE001 - the last line of defence: no traceback for users
            return exit_code_for(exc, f"spellgen {args.command}")
    return wrapped


# -- plan -------------------------------------------------------------------------------------------

@_guard
def run_plan(args: argparse.Namespace) -> int:
    from spellgen.files import write_atomic
    from spellgen.spellfile.diagnostics import Diagnostics
    from spellgen.spellfile.parse import parse_spell
    from spellgen.spellfile.source import parse_text
    from spellgen.budget.checks import check_against_budget
    from spellgen.spellfile.diagnostics import InputError
    from spellgen.budget.plan import chain_problems, plan_at
    from spellgen.budget.planfile import HASH, spell_yaml, verified
    from spellgen.spellfile.execdoc import EMPTY_KECCAK, is_placeholder

    day = _day(args.spell_date, "--spell-date")
    if args.exec_hash is not None and not HASH.match(args.exec_hash):
        raise _Invalid(f"--exec-hash: {args.exec_hash!r} is not 0x followed by 64 lower-case hex digits")
    if args.exec_hash is not None and (args.exec_hash == EMPTY_KECCAK or is_placeholder(args.exec_hash)):
        raise _Invalid(f"--exec-hash: {args.exec_hash} is {'the hash of nothing' if args.exec_hash == EMPTY_KECCAK else 'a placeholder'}; "
                       "give the keccak of the executive document (`cast keccak -- \"$(wget URL -q -O -)\"`), or leave "
                       "--exec-hash out and fill the hash in once the document is final")
    budget, ledger = _load(args.budget, args.ledger)
    plan = plan_at(budget, ledger, day)
    chain = Diagnostics(args.budget)
    for loc, message in chain_problems(plan):
        chain.error(loc, message)
    if chain.errors:
        raise InputError(chain)
    for note in plan.notes:
        print(f"note: {note}", file=sys.stderr)
    if plan.empty:
        print(f"spellgen plan: the budget of {budget.unit_id} calls for nothing in a spell on {day}; "
              "no spell YAML written", file=sys.stderr)
        return ExitCode.NOTHING
    ledger_note = f"Ledger: {Path(args.ledger).name}, {len(ledger.until(day.isoformat()))} spell(s) up to that date" \
        if ledger else f"No ledger: as if no earlier spell had done anything for the {budget.unit_role.lower()}"
    schema_ref = schema_reference(Path(args.output), "spell.schema.json") if args.output else None
    text = spell_yaml(plan, budget, Path(args.budget).name, ledger_note, args.exec_hash,
                      args.office_hours == "true", args.solc, schema_ref)
    name = args.output or "(planned spell)"
    warnings = verified(text, name)
    # The plan must also pass its own budget's checks: with a ledger above a cap it cannot.
    diags = Diagnostics(name)
    check_against_budget(parse_spell(parse_text(text, diags), diags), budget, ledger, diags)
    if diags.errors:
        _print(diags)
        print("spellgen plan: the planned spell breaks a cap of the budget; no spell YAML written", file=sys.stderr)
        return ExitCode.INVALID
    _print(warnings)
    if args.output:
        write_atomic(Path(args.output), text)
        print(f"wrote {args.output}: {_summary(plan)}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return ExitCode.OK


def _summary(plan) -> str:
    from spellgen.spellfile.amounts import human

    parts = [f"stream {human(s.total)} {s.part.token} ({s.period.label})" for s in plan.streams]
    parts += [f"top-up {human(t.amount)} {t.part.token}" for t in plan.top_ups]
    parts += [f"{human(t.total)} {t.part.token}" for t in plan.transfers if t.due]
    return ", ".join(parts)


# -- ledger add ---------------------------------------------------------------------------------------

@_guard
def run_ledger(args: argparse.Namespace) -> int:
    if args.ledger_command == "show":
        return _show_ledger(args)
    return _add_to_ledger(args)


def _show_ledger(args: argparse.Namespace) -> int:
    from spellgen.budget.ledger import load_ledger, summary, summary_text

    data = summary(load_ledger(Path(args.ledger)))
    sys.stdout.write(json.dumps(data, indent=2) + "\n" if args.format == "json" else summary_text(data))
    return ExitCode.OK


def _add_to_ledger(args: argparse.Namespace) -> int:
    from spellgen.files import write_atomic
    from spellgen.spellfile.checks import check_spell
    from spellgen.spellfile.diagnostics import Diagnostics, InputError
    from spellgen.spellfile.parse import load_spell
    from spellgen.budget.ledger import LedgerConflict, add_entry, dump_ledger, entry_from_spell, relative_source
    from spellgen.budget.model import Ledger

    spell_diags = Diagnostics(args.spec)
    spell = load_spell(Path(args.spec), spell_diags)
    check_spell(spell, spell_diags)
    if spell_diags.errors:
        raise InputError(spell_diags)
    ledger_path = Path(args.ledger)
    budget_path = _ledger_budget(args, ledger_path)
    budget, ledger = _load(budget_path, args.ledger if ledger_path.exists() else None)
    if ledger is None:
        budget_ref = Path(os.path.relpath(Path(budget_path).resolve(), ledger_path.resolve().parent)).as_posix()
        ledger = Ledger(budget.unit_id, {}, [], budget_ref)
    entry, notes = entry_from_spell(spell, budget, relative_source(Path(args.spec), ledger_path))
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    if not entry.actions:
        print(f"{args.spec} does nothing for {budget.unit_id}'s wallets; the ledger is unchanged", file=sys.stderr)
        return ExitCode.OK
    try:
        status = add_entry(ledger, entry)
    except LedgerConflict as exc:
        print(f"spellgen ledger: {exc}", file=sys.stderr)
        return ExitCode.NOTHING
    if status == "unchanged":
        print(f"the spell of {entry.date} is already in {args.ledger}; the ledger is unchanged", file=sys.stderr)
        return ExitCode.OK
    write_atomic(ledger_path, dump_ledger(ledger, schema_reference(ledger_path, "ledger.schema.json")))
    print(f"recorded the spell of {entry.date} ({len(entry.actions)} action(s) for {budget.unit_id}) in "
          f"{args.ledger}", file=sys.stderr)
    return ExitCode.OK


def _ledger_budget(args: argparse.Namespace, ledger_path: Path) -> str:
    """--budget, else the budget the ledger names (relative to the ledger)."""
    if args.budget:
        return args.budget
    if not ledger_path.exists():
        raise _Invalid(f"{ledger_path} does not exist yet: give --budget to start it")
    from spellgen.budget.ledger import load_ledger

    ledger = load_ledger(ledger_path)
    if not ledger.budget:
        raise _Invalid(f"{ledger_path} names no budget file: give --budget")
    return str(ledger_path.parent / ledger.budget)


# -- budget status | check | schema ----------------------------------------------------------------------

@_guard
def run_budget(args: argparse.Namespace) -> int:
    if args.budget_command == "schema":
        from spellgen.budget.schema import budget_schema, ledger_schema

        print(json.dumps(ledger_schema() if args.ledger else budget_schema(), indent=2))
        return ExitCode.OK
    if args.budget_command == "check":
        return _check(args)
    from spellgen.budget.status import status, text

    at = _day(args.at, "--at") if args.at else datetime.now(timezone.utc).date()
    budget, ledger = _load(args.budget, args.ledger)
    data = status(budget, ledger, at)
    sys.stdout.write(json.dumps(data, indent=2) + "\n" if args.format == "json" else text(data))
    return ExitCode.OK


def _check(args: argparse.Namespace) -> int:
    from spellgen.spellfile.diagnostics import Diagnostics, InputError
    from spellgen.budget.parse import load_budget

    diags = Diagnostics(args.budget)
    try:
        load_budget(Path(args.budget), diags)
    except InputError:
        pass
    _print(diags, sys.stdout)
    errors, warnings = len(diags.errors), len(diags.warnings)
    print(f"{args.budget}: {'invalid' if errors else 'ok'} ({errors} error{'s' * (errors != 1)}, "
          f"{warnings} warning{'s' * (warnings != 1)})", file=sys.stderr)
    return ExitCode.INVALID if errors else ExitCode.OK


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="spellgen", description="Budget planning commands of spellgen.")
    add_parsers(parser.add_subparsers(dest="command", metavar="COMMAND", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
