"""A checklist row proven: its violating input makes a command fail with the row's exit code and message.

Each automated row of docs/checklist.md names a test that feeds the row's violating input to spellgen and
then calls `assert_violation` on the exit code and the output; tests/architecture/test_checklist_doc.py
reads the named test and fails when it does not call it.
"""
from __future__ import annotations

import re
from pathlib import Path

from spellgen.cli import main as cli


def run_cli(argv: list[str], capsys) -> tuple[int, str]:
    """Run the CLI in-process: its exit code and everything it printed (stdout then stderr)."""
    code = cli.main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def write_spell(folder: Path, text: str, name: str = "spec.yaml") -> Path:
    path = folder / name
    path.write_text(text)
    return path


def assert_violation(code: int, out: str, *, exit_code: int, message: str) -> None:
    """The command failed as the row says: `exit_code` (2 check, 1 verify/simulate) and `message`, a
    literal text or a regular expression given as `re:PATTERN`, somewhere in the output."""
    assert code == exit_code, f"exit {code}, expected {exit_code}; output:\n{out}"
    if message.startswith("re:"):
        assert re.search(message[3:], out), f"no match for {message[3:]!r} in:\n{out}"
    else:
        assert message in out, f"{message!r} not in:\n{out}"
