"""Problems found in an input file, each pinned to a line, a column and a field path."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, TextIO
from spellgen.errors import InvalidInput

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True, order=True)
class Diagnostic:
    file: str
    line: int  # 1-based
    col: int  # 1-based
    path: str  # field path such as sections[0].actions[1].amount
    message: str
    severity: str = ERROR

    def __str__(self) -> str:
        prefix = "warning: " if self.severity == WARNING else ""
        where = self.path or "(document)"
        return f"{self.file}:{self.line}:{self.col}: {where}: {prefix}{self.message}"


@dataclass(frozen=True)
class Loc:
    """Where a value was written; kept on the model so later checks can point back at the YAML."""

    line: int
    col: int
    path: str


@dataclass
class Diagnostics:
    """Collects every problem of a run so the user sees all of them at once, not one per try."""

    file: str
    items: list[Diagnostic] = field(default_factory=list)

    def error(self, loc: Loc, message: str) -> None:
        self.items.append(Diagnostic(self.file, loc.line, loc.col, loc.path, message, ERROR))

    def warn(self, loc: Loc, message: str) -> None:
        self.items.append(Diagnostic(self.file, loc.line, loc.col, loc.path, message, WARNING))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == WARNING]

    def __iter__(self) -> Iterator[Diagnostic]:
        # Stable order: the checked file first, then by file and position, so output never depends
        # on the order checks ran, and lines of a budget or ledger file are not mixed in by line.
        return iter(sorted(self.items, key=lambda d: (d.file != self.file, d.file, d.line, d.col, d.path,
                                                      d.message)))


class InputError(InvalidInput):
    """Raised when an input file cannot be used; carries every diagnostic found."""

    def __init__(self, diagnostics: Diagnostics):
        self.diagnostics = diagnostics
        super().__init__("\n".join(str(d) for d in diagnostics.errors))

    def report(self, stream: TextIO, command: str = "spellgen") -> None:
        """Every diagnostic, warnings too, one located line each."""
        for diagnostic in self.diagnostics:
            print(diagnostic, file=stream)
