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


@dataclass(frozen=True)
class Condition:
    """A section's actions run only if an earlier spell was, or was not, cast: the spell reads that
    spell's `done()` (2021-07-16: `if (!Doable(PREV_SPELL).done()) { ... }`)."""

    spell: str  # the earlier spell's address, checksummed
    runs_if_cast: bool  # False: only if the earlier spell was not cast
    name: str = "PREV_SPELL"  # the address constant the spell names it by

    def holds(self, cast: frozenset[str]) -> bool:
        """Whether the section runs when the earlier spells in `cast` (addresses) were cast."""
        return (self.spell in cast) == self.runs_if_cast

    @property
    def words(self) -> str:
        return f"only if {self.name} ({self.spell}) was {'' if self.runs_if_cast else 'not '}cast"


@dataclass
class Section(Located):
    title: str
    links: list[tuple[str, str]]  # (label, text) in file order
    actions: list[Action]
    condition: Condition | None = None


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
    draft: bool = False  # not for a vote yet: a placeholder hash or no exec_doc.url is allowed, check warns

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

    def earlier_spells(self) -> dict[str, str]:
        """Address -> constant name of each earlier spell a section's condition reads, in file order."""
        return {s.condition.spell: s.condition.name for s in self.sections if s.condition}

    def branches(self) -> list[frozenset[str]]:
        """Every combination of the earlier spells cast (addresses), the none-cast one first: verify
        casts the spell in each (one branch, the empty set, when no section has a condition)."""
        spells = list(self.earlier_spells())
        return [frozenset(a for i, a in enumerate(spells) if mask >> i & 1) for mask in range(2 ** len(spells))]

    def actions_in(self, cast: frozenset[str]) -> list[Action]:
        """The actions that run when the earlier spells in `cast` were cast."""
        return [a for s in self.sections if s.condition is None or s.condition.holds(cast) for a in s.actions]

    def of_type(self, kind: type) -> list:
        """The actions of one kind (for tests and kind-level parts; stages iterate the registry instead)."""
        return [a for a in self.actions if isinstance(a, kind)]
