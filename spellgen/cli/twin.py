"""`spellgen twin up|build`: run the twin (a local mainnet replica) from the command line.

Wired into spellgen/cli.py with `add_parser(subparsers)`; the parsed arguments go to `run(args)`.
Only argparse is imported at module level, so building spellgen's parser stays light: the
twin's machinery loads when a twin command actually runs. Also runnable on its own:
`python -m spellgen.cli.twin up --date 2022-01-28`.

Exit codes: 0 ok (also after Ctrl-C), 2 invalid input (date, delay, port), 3 missing tool or
internal error (with a hint).
"""
from __future__ import annotations

import argparse
import sys

from spellgen.cli.main import port_number
from spellgen.errors import ExitCode, UsageError

KEY_ROWS = ["CHANGELOG", "MCD_VAT", "MCD_VOW", "MCD_JOIN_DAI", "MCD_DAI", "MCD_GOV", "MCD_ADM", "MCD_PAUSE",
            "MCD_PAUSE_PROXY", "MCD_VEST_DAI", "MCD_VEST_DAI_LEGACY", "MCD_VEST_MKR", "MCD_VEST_MKR_TREASURY"]

EPILOG = """\
examples:
  spellgen twin up --date 2022-01-28                 # 48-hour pause delay, as mainnet then
  spellgen twin up --date 2024-03-01 --port 8545 --pause-delay "30 hours"
  spellgen twin build --rebuild                      # refresh the cached state

The first run builds the twin's state (several seconds) into .cache/twin/; later starts load it.
"""


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Add `twin` (with `up` and `build`) to spellgen's subcommands."""
    parser = subparsers.add_parser(
        "twin", help="run the twin: a local replica of mainnet for fork-testing spells",
        description="The twin places the project's clean-room contracts at their mainnet addresses on a "
                    "local anvil with mainnet-like state, so a compiled spell runs on it unchanged.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = parser.add_subparsers(dest="twin_command", metavar="ACTION", required=True)
    up = actions.add_parser(
        "up", help="start a twin at a date and keep it running until Ctrl-C",
        description="Start anvil with the twin's state at DATE (00:00:00 UTC), print its RPC URL and the key "
                    "addresses, and serve until Ctrl-C.")
    up.add_argument("--date", default=None, metavar="YYYY-MM-DD",
                    help="the date the chain starts at, usually the spell's (default: today, UTC); "
                         "YYYY-MM-DDTHH:MM:SSZ also works")
    up.add_argument("--port", type=port_number, default=None, metavar="N", help="RPC port (default: a free one)")
    up.add_argument("--pause-delay", default=None, metavar="DURATION",
                    help="governance delay, e.g. '48 hours' or seconds (default: mainnet's at the date)")
    up.add_argument("--rebuild", action="store_true", help="rebuild the cached state first")
    up.add_argument("--chainlog", action="append", default=[], metavar="KEY=0x...",
                    help="register a chainlog key the date lacks (repeatable), e.g. one a spell would register "
                         "itself; every key of the date is registered already, and one of them with another "
                         "address is refused")
    build = actions.add_parser("build", help="build the twin's cached state (done by `up` when needed)",
                               description="Compile the twin contracts and build the state dump in .cache/twin/.")
    build.add_argument("--rebuild", action="store_true", help="build even if a cached state exists")
    build.add_argument("--port", type=port_number, default=None, metavar="N",
                       help="port for the build's own anvil (default: a free one)")
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run `twin up` or `twin build`; returns the exit code."""
    from spellgen.chain.node import NodeError
    from spellgen.cli.main import exit_code_for

    try:
        if args.twin_command == "build":
            return _build(args)
        return _up(args)
    except NodeError as exc:
        if exc.exit_code != ExitCode.INTERNAL:  # the user's --port is taken
            return exit_code_for(exc, "spellgen twin")
        print(f"spellgen twin: anvil failed: {exc}\nhint: `make setup` installs anvil; "
              "`spellgen twin up --rebuild` rebuilds a damaged cache", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("spellgen twin: interrupted", file=sys.stderr)
        return ExitCode.OK
    except BrokenPipeError:  # the reader of our output went away (`... | head`): the twin is stopped
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        return ExitCode.OK
    except Exception as exc:  # noqa: BLE001 - no traceback for users
        return exit_code_for(exc, "spellgen twin")


def _pause_delay(text: str | None) -> int | None:
    from spellgen.spellfile.timeutil import parse_duration

    if text is None:
        return None
    return int(text) if text.strip().isdigit() else parse_duration(text)  # DateError is a ValueError


def _today() -> str:
    from datetime import datetime, timezone

    return datetime.now(timezone.utc).strftime("%Y-%m-%d")


def _build(args: argparse.Namespace) -> int:
    from spellgen.progress import Progress
    from spellgen.twin.start import cached_state

    progress = Progress(sys.stderr)
    if args.rebuild:
        from spellgen.twin.build import build_state

        path = build_state(rebuild=True, progress=progress, port=args.port)
    else:
        path = cached_state(progress=progress, port=args.port)
    print(path)
    return ExitCode.OK


def _extra_keys(pairs: list[str]) -> dict[str, str]:
    """`KEY=0x...` pairs -> {KEY: checksummed address}; a bad pair is a UsageError (exit 2)."""
    import re

    from spellgen.spellfile.address import parse_address

    keys = {}
    for pair in pairs:
        key, _, address = pair.partition("=")
        if not re.match(r"^[A-Z][A-Z0-9_]{0,31}$", key):
            raise UsageError(f"--chainlog {pair!r}: the key must be UPPER_SNAKE_CASE, at most 32 characters")
        keys[key] = parse_address(address.strip())
    return keys


def _up(args: argparse.Namespace) -> int:
    from spellgen.progress import Progress
    from spellgen.twin.start import parse_start, start_twin

    date = args.date or _today()
    parse_start(date)  # a bad date fails before any slow work
    delay = _pause_delay(args.pause_delay)
    progress = Progress(sys.stderr)
    if args.rebuild:
        from spellgen.twin.build import build_state

        progress.note("rebuilding the twin state")
        build_state(rebuild=True, progress=progress)
    twin = start_twin(date, port=args.port, pause_delay=delay, progress=progress,
                      extra_keys=_extra_keys(args.chainlog))
    try:
        return _serve(twin)
    finally:
        twin.stop()


def _print_summary(twin) -> None:
    from spellgen.spellfile.history import DSS_EXEC_LIB
    from spellgen.spellfile.timeutil import human_duration, iso
    from spellgen.twin.state import CHAIN_ID

    # Governance delays are spoken of in hours ("48 hours"), not days.
    delay = f"{twin.pause_delay // 3600} hours" if twin.pause_delay % 3600 == 0 else human_duration(twin.pause_delay)

    out = sys.stdout
    print(f"twin up at {twin.url}", file=out)
    print(f"  chain id {CHAIN_ID}, time {iso(twin.timestamp)} (block timestamp {twin.timestamp}), "
          f"pause delay {delay}", file=out)
    print(f"  anvil pid {twin.pid}, started in {twin.startup_seconds:.2f} s from {twin.state_path}", file=out)
    for note in twin.notes:
        print(f"  note: {note}", file=out)
    print("", file=out)
    known = twin.addresses  # the ChainLog of the date: a key the date lacks is not listed
    rows = [(key, known[key]) for key in KEY_ROWS if key in known] + [("DssExecLib (library)", DSS_EXEC_LIB)]
    width = max(len(key) for key, _ in rows)
    for key, address in rows:
        print(f"  {key:<{width}}  {address}", file=out)
    print("\nPress Ctrl-C to stop.", file=out, flush=True)


def _serve(twin) -> int:
    """Wait until Ctrl-C (or SIGTERM); anvil dying on its own is an error."""
    import signal

    def _terminate(signum, frame):  # SIGTERM ends the twin as cleanly as Ctrl-C
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, _terminate)
    # A shell starts background jobs with SIGINT ignored; `kill -INT` must still stop the twin.
    previous_int = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        # Only now, with both handlers in place, may the user be told that Ctrl-C stops the twin.
        _print_summary(twin)
        status = twin.node.wait()
    except KeyboardInterrupt:
        twin.stop()
        print("twin stopped", file=sys.stderr, flush=True)
        return ExitCode.OK
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)
    print(f"spellgen twin: anvil exited on its own (status {status}):\n{twin.node.log_tail()}", file=sys.stderr)
    return ExitCode.INTERNAL


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry point: `python -m spellgen.cli.twin up ...`."""
    parser = argparse.ArgumentParser(prog="spellgen")
    add_parser(parser.add_subparsers(dest="command", metavar="COMMAND", required=True))
    args = parser.parse_args(["twin", *(sys.argv[1:] if argv is None else argv)])
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
