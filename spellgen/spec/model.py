"""The spell as data: what the YAML declares, in exact units, independent of any template.

Amounts are `Decimal` token quantities as written; times are unix seconds (UTC). Each object keeps
the `Loc` of its fields so checks can point back to the line in the YAML.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Union

from spellgen.spec.amounts import to_wei
from spellgen.spec.diagnostics import Loc
from spellgen.spec.protocol import VESTS, Cap


@dataclass(frozen=True)
class Party:
    """A recipient or manager: a registry wallet (name set) or an inline address (name None)."""

    address: str
    name: str | None = None

    @property
    def label(self) -> str:
        return self.name or self.address


@dataclass
class Located:
    locs: dict[str, Loc] = field(default_factory=dict, kw_only=True)
    path: str = field(default="", kw_only=True)

    def loc(self, name: str = "") -> Loc:
        """Where a field was written; falls back to the object itself."""
        return self.locs.get(name) or self.locs.get("") or Loc(1, 1, self.path)


@dataclass
class DaiPayment(Located):
    to: Party
    amount: Decimal  # as declared (may be fractional only with round_up)
    round_up: bool = False
    comment: str | None = None

    @property
    def paid(self) -> int:
        """Whole DAI actually sent: DssExecLib takes whole DAI."""
        whole = int(self.amount)
        return whole if whole == self.amount else whole + 1


@dataclass
class MkrTransfer(Located):
    to: Party
    amount: Decimal
    comment: str | None = None

    @property
    def wei(self) -> int:
        return to_wei(self.amount)


@dataclass
class Stream(Located):
    vest: str
    to: Party
    total: Decimal
    start: int
    end: int
    end_style: str  # "date" (inclusive last day), "timestamp", or "duration"
    duration: int | None = None  # seconds, when end_style == "duration"
    cliff: int | None = None  # absolute time, None without a cliff
    cliff_style: str = "none"  # "none", "date", "timestamp" or "duration"
    manager: Party | None = None
    restricted: bool = True
    comment: str | None = None

    @property
    def tau(self) -> int:
        return self.end - self.start

    @property
    def eta(self) -> int:
        return 0 if self.cliff is None else self.cliff - self.start

    @property
    def wei(self) -> int:
        return to_wei(self.total)

    @property
    def token(self) -> str:
        return VESTS[self.vest].token


@dataclass
class Yank(Located):
    vest: str
    id: int
    end: int | None = None  # planned end; None = at cast time
    recipient: Party | None = None  # what the award should belong to, checked before the cast
    current_end: int | None = None  # the award's fin before the yank, checked before the cast
    comment: str | None = None


@dataclass
class Allowance(Located):
    """The PauseProxy's token allowance to a transferrable vest."""

    vest: str
    mode: str  # "increase" (delta on top of the current allowance) or "set" (absolute)
    amount: Decimal | None  # None with mode "increase": the sum of the new streams on the vest
    comment: str | None = None


@dataclass
class CapChange(Located):
    vest: str
    amount: Decimal
    period: int

    @property
    def cap(self) -> Cap:
        return Cap(self.amount, self.period)


Action = Union[DaiPayment, MkrTransfer, Stream, Yank, Allowance, CapChange]


@dataclass
class Section(Located):
    title: str
    links: list[tuple[str, str]]  # (label, text) in file order
    actions: list[Action]


@dataclass
class Expect(Located):
    dai_paid: Decimal | None = None
    mkr_transferred: Decimal | None = None
    streams: dict[str, int] = field(default_factory=dict)
    streamed: dict[str, Decimal] = field(default_factory=dict)


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
    exec_doc: str | None = None  # path of the executive document, relative to the YAML

    @property
    def actions(self) -> list[Action]:
        return [a for s in self.sections for a in s.actions]

    def of_type(self, kind: type) -> list:
        return [a for a in self.actions if isinstance(a, kind)]
