"""`spellgen diff` and `spellgen report`: the reviewer's commands.

Wired into spellgen/cli.py with `add_parsers(subparsers)`; each parsed command runs through its
`func`. Only argparse is imported at module level, so building spellgen's parser stays light;
`diff` never loads brownie, web3 or matplotlib. Also runnable on its own:
`python -m spellgen.cli.review diff OLD.yaml NEW.yaml`.

Exit codes: diff 0 when both files declare the same spell, 1 when they differ (like diff(1)),
2 on invalid input; report 0 when written, 2 on invalid input; 3 an internal error (via cli.py).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from spellgen.errors import ExitCode


DIFF_EPILOG = """\
examples:
  spellgen diff old.yaml new.yaml                   # text for the terminal
  spellgen diff old.yaml new.yaml --format md       # a pull request comment
  git show origin/main:spells/budget.yaml > /tmp/old.yaml && spellgen diff /tmp/old.yaml spells/budget.yaml

Actions are matched by identity: a stream by vest, recipient and period, a payment or transfer by
recipient, a yank by vest and id, an allowance or cap by vest. A stream whose period changed is paired
with a removed stream of the same vest and recipient and shown as "changed (period)".
exit codes: 0 same spell, 1 different, 2 invalid input
"""

REPORT_EPILOG = """\
examples:
  spellgen report examples/techops-2022-01-28.yaml --out out/techops
  spellgen report SPEC.yaml --budget budgets/techops.yaml

`spellgen simulate` and `spellgen verify` write the same reports with a verification result per item.
"""


EXECDOC_EPILOG = """\
examples:
  spellgen execdoc examples/sky-2026-01-15.yaml --section    # the budget section, to paste
  spellgen execdoc SPEC.yaml -o exec.md                      # a whole document, e.g. for exec_doc.copy

Each action's line (payments, transfers, streams, yanks, allowances, caps) under its section's title
and links, a "totaling" line where a section pays one token more than once, addresses as Etherscan
links. `spellgen check` reads the payment lines back exactly (`spellgen import` drafts them back).
exit codes: 0 written, 2 invalid input
"""

IMPORT_EPILOG = """\
examples:
  spellgen import executive-vote-2026-02-26-agent-6-and-7-onboarding.md -o spells/2026-02-26.yaml
  spellgen import "Executive Vote - December 9, 2022.md" --date 2022-12-09   # the YAML on stdout

Each payment or transfer the document states on one line with one address becomes an action (the
recipient named as the wallet registry or the ChainLog of the date names it), under the document's
heading with its forum, poll and Atlas links. Streams, yanks, allowances, caps, allocator payments,
amounts computed at the cast and lines naming no or several addresses are not guessed: each is printed as `DOC:LINE: not read:
why` and listed at the end of the draft. The draft is `draft: true` with `exec_doc.copy` set to the
document, so `spellgen check` compares the two.
exit codes: 0 drafted (read the lines listed as not read), 2 invalid input (no date, file exists)
"""


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    """Add `diff`, `report` and `import` to spellgen's subcommands."""
    p = subparsers.add_parser(
        "diff", help="semantic diff of two spell YAMLs: actions, totals, future obligations, rendered section",
        description="Compare two spell YAMLs: actions added, removed and changed (each change as field: old -> "
                    "new in human units), totals per token before and after, the change in future obligations "
                    "(amounts still to stream per recipient per UTC month), then the unified diff of the "
                    "rendered Solidity section.",
        epilog=DIFF_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("old", help="the spell YAML before")
    p.add_argument("new", help="the spell YAML after")
    p.add_argument("--format", choices=["text", "md", "json"], default="text",
                   help="text (default), md for a pull request or forum post, json for tools")
    p.set_defaults(func=run_diff)

    p = subparsers.add_parser(
        "execdoc", help="write the executive document's budget section from a spell YAML",
        description="Write the payment, transfer, stream, yank, allowance and cap lines of an executive document "
                    "from the spell YAML, with each section's links and totals.",
        epilog=EXECDOC_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("spec", help="the spell YAML")
    p.add_argument("-o", "--out", help="the markdown file to write (default: standard output)")
    p.add_argument("--section", action="store_true", help="only the budget section, without front matter and title")
    p.set_defaults(func=run_execdoc)

    p = subparsers.add_parser(
        "import", help="draft a spell YAML from an executive document's payment lines",
        description="Read an executive document (markdown) and write a draft spell YAML with its payments and "
                    "transfers; every money line it could not state is listed.",
        epilog=IMPORT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("document", help="the executive document, a local markdown file")
    p.add_argument("-o", "--out", help="the YAML to write (default: standard output)")
    p.add_argument("--date", help="the spell's date, YYYY-MM-DD (default: the document's front matter or file name)")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    p.set_defaults(func=run_import)

    p = subparsers.add_parser(
        "report", help="write report.md and report.html (with a chart) for a spell YAML, without simulating",
        description="Check the spell YAML and write report.md (ready to paste in a pull request or forum post), "
                    "report.html (self-contained, with a chart of each recipient's cumulative streamed amount) "
                    "and report.json to --out.",
        epilog=REPORT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("spec", help="the spell YAML")
    p.add_argument("--budget", metavar="FILE", help="a budget file whose caps are drawn as lines on the chart")
    p.add_argument("--out", metavar="DIR", help="output folder (default: out/<spec>)")
    p.set_defaults(func=run_report)


def load_checked(path: str):
    """Parse and check a spell file (exec_doc resolved next to it); warnings go to stderr,
    errors raise InputError."""
    from spellgen.spellfile.checks import check_spell
    from spellgen.spellfile.diagnostics import Diagnostics, InputError
    from spellgen.spellfile.parse import load_spell

    diags = Diagnostics(path)
    spell = load_spell(Path(path), diags)
    check_spell(spell, diags, base_dir=Path(path).parent)
    if diags.errors:
        raise InputError(diags)
    for d in diags:
        print(d, file=sys.stderr)
    return spell


def _load_all(paths: list[str]) -> list | None:
    """Every file's problems are printed, not only the first file's; None when any is invalid."""
    from spellgen.spellfile.diagnostics import InputError

    spells, failed = [], False
    for path in paths:
        try:
            spells.append(load_checked(path))
        except InputError as exc:
            failed = True
            for d in exc.diagnostics:
                print(d, file=sys.stderr)
    return None if failed else spells


def run_diff(args: argparse.Namespace) -> int:
    from spellgen.review.diff import compare
    from spellgen.review.diff_format import FORMATS

    spells = _load_all([args.old, args.new])
    if spells is None:
        return ExitCode.INVALID
    result = compare(spells[0], spells[1], args.old, args.new)
    sys.stdout.write(FORMATS[args.format](result))
    if result.equal:
        print(f"{args.old} and {args.new} declare the same spell", file=sys.stderr)
        return ExitCode.OK
    return ExitCode.FAILED


def run_execdoc(args: argparse.Namespace) -> int:
    from spellgen.files import write_atomic
    from spellgen.review.execdoc_write import budget_document, budget_section

    spells = _load_all([args.spec])
    if spells is None:
        return ExitCode.INVALID
    text = budget_section(spells[0]) if args.section else budget_document(spells[0])
    if args.out:
        write_atomic(Path(args.out), text)
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return ExitCode.OK


def run_import(args: argparse.Namespace) -> int:
    import os

    from spellgen.files import require_readable, write_atomic
    from spellgen.spellfile.docimport import draft_from_document

    document = Path(args.document)
    require_readable(document, "executive document")
    out = Path(args.out) if args.out else None
    if out is not None and out.exists() and not args.force:
        print(f"spellgen import: {out} exists; pass --force to overwrite it", file=sys.stderr)
        return ExitCode.INVALID
    copy = os.path.relpath(document.resolve(), out.resolve().parent) if out is not None else str(document)
    draft = draft_from_document(document.read_text(encoding="utf-8"), document.name, copy, args.date)
    for unread in draft.unread:
        print(f"{document}:{unread.line}: not read: {unread.why}", file=sys.stderr)
    if out is None:
        sys.stdout.write(draft.text)
    else:
        write_atomic(out, draft.text)
    print(f"{document}: {draft.actions} action{'s' * (draft.actions != 1)} drafted for {draft.date}, "
          f"{len(draft.unread)} line{'s' * (len(draft.unread) != 1)} not read"
          + (f"; wrote {out}" if out is not None else ""), file=sys.stderr)
    return ExitCode.OK


def run_report(args: argparse.Namespace) -> int:
    from spellgen.budget.caplines import load_budget_caps
    from spellgen.review.report import RunInfo, spec_keccak256, write_reports

    spells = _load_all([args.spec])
    if spells is None:
        return ExitCode.INVALID
    spell = spells[0]
    caps = load_budget_caps(Path(args.budget)) if args.budget else []  # InputError: exit 2, located
    name = Path(args.spec).name
    out = Path(args.out) if args.out else Path("out") / Path(args.spec).stem
    info = RunInfo(name, spell.date, spell.description, chain="", solc=spell.solc,
                   spec_keccak256=spec_keccak256(Path(args.spec)), spec_dir=str(Path(args.spec).parent))
    paths = write_reports(out, info, None, spell, caps)
    print(f"wrote {', '.join(str(p) for p in paths)}", file=sys.stderr)
    return ExitCode.OK


def main(argv: list[str] | None = None) -> int:
    """Standalone entry point (the same commands as `spellgen diff` and `spellgen report`)."""
    from spellgen.cli.main import exit_code_for

    parser = argparse.ArgumentParser(prog="spellgen")
    add_parsers(parser.add_subparsers(dest="command", metavar="COMMAND", required=True))
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except Exception as exc:  # noqa: BLE001 - no traceback for users
        return exit_code_for(exc)


if __name__ == "__main__":
    sys.exit(main())
