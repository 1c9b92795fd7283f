"""The spell as data: what the YAML declares, in exact units, independent of any template.

Amounts are `Decimal` token quantities as written; times are unix seconds (UTC). Each object keeps
the `Loc` of its fields so checks can point back to the line in the YAML.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from spellgen.spellfile.actions.base import Action as BaseAction
from spellgen.spellfile.actions.base import Located, Party  # noqa: F401 (re-exported)
from spellgen.spellfile.protocol import Cap

# Every action kind is a subclass, in its own module of spellgen/spellfile/actions/ (stages never name one).
Action = BaseAction


@dataclass
class Section(Located):
    title: str
    links: list[tuple[str, str]]  # (label, text) in file order
    actions: list[Action]


@dataclass
class Expect(Located):
    dai_paid: Decimal | None = None
    mkr_transferred: Decimal | None = None
    usds_paid: Decimal | None = None
    sky_transferred: Decimal | None = None
    streams: dict[str, int] = field(default_factory=dict)
    streamed: dict[str, Decimal] = field(default_factory=dict)


@dataclass(frozen=True)
class ExecDoc:
    """The executive document: its permanent raw URL and/or a local copy (relative to the YAML)."""

    url: str | None = None
    copy: str | None = None


@dataclass
class Spell(Located):
    date: str  # YYYY-MM-DD, the target date
    description: str
    office_hours: bool
    expiry: int  # seconds after deployment
    solc: str
    wallets: dict[str, str]  # name -> checksummed address, in file order
    sections: list[Section]
    expect: Expect | None = None
    vest_caps: dict[str, Cap] = field(default_factory=dict)  # overrides of the mainnet caps
    pause_delay: int | None = None  # the twin's governance delay; None = mainnet's at the date
    exec_doc: ExecDoc | None = None
    draft: bool = False  # not for an executive vote yet: a placeholder hash is allowed, check warns

    def parties(self) -> list[Party]:
        """Every party an action names (recipients, managers), in file order."""
        out = []
        for a in self.actions:
            out += [party for _, party in a.parties()]
        return out

    def chainlog_parties(self) -> dict[str, str]:
        """Chainlog keys the YAML names parties by -> the address each must hold, in file order."""
        return {p.chainlog: p.address for p in self.parties() if p.chainlog}

    def onboarded(self) -> dict[str, tuple[str, str | None]]:
        """Vest keys the spell registers itself -> (the new contract's address, the legacy key or None)."""
        return {found[0]: (found[1], found[2]) for a in self.actions if (found := a.onboards()) is not None}

    @property
    def actions(self) -> list[Action]:
        return [a for s in self.sections for a in s.actions]

    def of_type(self, kind: type) -> list:
        """The actions of one kind (for tests and kind-level parts; stages iterate the registry instead)."""
        return [a for a in self.actions if isinstance(a, kind)]
