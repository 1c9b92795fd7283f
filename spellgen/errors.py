"""spellgen's one error root and its one table of exit codes.

Every exception spellgen raises on purpose derives from `SpellgenError` and carries the exit code
it means: a user's input is `INVALID` (2), spellgen's own failure or a missing tool `INTERNAL` (3).
The command line maps them to messages and codes in one place (`spellgen.cli.main.main`), so a
new error class only has to pick its base. Standard library only: every stage imports it.
"""
from __future__ import annotations

from enum import IntEnum
from typing import TextIO


class ExitCode(IntEnum):
    """The exit codes of every spellgen command (the CLI, `python -m spellgen.cli.*`, the Brownie script)."""

    OK = 0
    FAILED = 1  # a verification item failed, or two things differ (like diff)
    NOTHING = 1  # `plan`: nothing to write; `ledger add`: the ledger holds that spell otherwise
    INVALID = 2  # invalid input or usage: one located line per problem, before any work starts
    INTERNAL = 3  # a bug in spellgen, or a tool that is missing or broken


class SpellgenError(Exception):
    """The root of every spellgen exception; `exit_code` says what it means to the user."""

    exit_code: ExitCode = ExitCode.INTERNAL

    def report(self, stream: TextIO, command: str = "spellgen") -> None:
        """Tell the user what went wrong: one line, or the bug notice for spellgen's own failures."""
        if self.exit_code == ExitCode.INTERNAL:
            report_bug(self, stream, command)
        else:
            print(f"{command}: {self}", file=stream)


def report_bug(exc: BaseException, stream: TextIO, command: str = "spellgen") -> None:
    """What a user sees instead of a traceback when spellgen itself failed."""
    print(f"{command}: internal error: {type(exc).__name__}: {exc}\n"
          "This is a bug in spellgen; please report it with the command and the input file "
          "(set SPELLGEN_DEBUG=1 for a traceback).", file=stream)


class UsageError(SpellgenError):
    """A command-line value or an input file that cannot be used (a port, a folder, a missing file)."""

    exit_code = ExitCode.INVALID


class InvalidInput(SpellgenError):
    """A problem in what the user gave (a YAML value, a spell file, an address): exit 2."""

    exit_code = ExitCode.INVALID


class InternalError(SpellgenError):
    """spellgen broke one of its own promises (a value missing or malformed where the code guarantees
    one): exit 3, reported as a bug. Raised by explicit checks that `python -O` keeps, unlike asserts."""

    exit_code = ExitCode.INTERNAL


class ToolError(SpellgenError):
    """A tool spellgen drives (anvil, solc) is missing or failed: exit 3, with a hint."""

    exit_code = ExitCode.INTERNAL

    def report(self, stream: TextIO, command: str = "spellgen") -> None:
        print(f"{command}: {self}", file=stream)  # the message carries its own hint (`make setup`)
