"""The spell as data: what the YAML declares, in exact units, independent of any template.

Amounts are `Decimal` token quantities as written; times are unix seconds (UTC). Each object keeps
the `Loc` of its fields so checks can point back to the line in the YAML.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Union

from spellgen.spellfile.amounts import to_wei
from spellgen.spellfile.diagnostics import Loc
from spellgen.spellfile.protocol import MKR_SKY_RATE, VESTS, Cap


@dataclass(frozen=True)
class Party:
    """A recipient or manager: a registry wallet (name set) or an inline address (name None)."""

    address: str
    name: str | None = None
    chainlog: str | None = None  # a chainlog key the spell reads the address from; `address` is what it must hold
    # Where the key and its address were written (`to: {chainlog: KEY, address: 0x..}`), for check's messages.
    key_loc: Loc | None = field(default=None, compare=False)
    address_loc: Loc | None = field(default=None, compare=False)

    @property
    def label(self) -> str:
        return self.name or self.chainlog or self.address

    @property
    def code(self) -> str:
        """How the spell's code names it: a wallet constant, a chainlog immutable, or the literal."""
        return self.name or self.chainlog or self.address


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
    exact: bool = False  # the 2021 way: vat.suck of the exact RAD and DaiJoin.exit of the exact wei

    @property
    def paid(self) -> int:
        """Whole DAI actually sent: DssExecLib takes whole DAI."""
        whole = int(self.amount)
        return whole if whole == self.amount else whole + 1

    @property
    def paid_amount(self) -> Decimal:
        """What the recipient receives, in DAI (exact with `exact`, else whole DAI)."""
        return self.amount if self.exact else Decimal(self.paid)

    @property
    def wei(self) -> int:
        return to_wei(self.paid_amount)


@dataclass
class UsdsPayment(Located):
    """Whole USDS out of the surplus buffer: DAI paid to the PauseProxy, converted through DAI_USDS."""

    to: Party
    amount: Decimal
    round_up: bool = False
    comment: str | None = None

    @property
    def paid(self) -> int:
        whole = int(self.amount)
        return whole if whole == self.amount else whole + 1

    @property
    def wei(self) -> int:
        return self.paid * 10**18


@dataclass
class SkyTransfer(Located):
    """SKY to a recipient: from the PauseProxy's SKY (`treasury`), or converted from its MKR through
    MKR_SKY into the PauseProxy first, rounding the MKR up (`mkr`), or straight to the recipient
    (`mkr_direct`, 2024-11-28; the amount must be a whole multiple of the rate)."""

    to: Party
    amount: Decimal
    source: str = "treasury"  # "treasury", "mkr" or "mkr_direct"
    comment: str | None = None

    @property
    def wei(self) -> int:
        return to_wei(self.amount)

    @property
    def mkr_wei(self) -> int:
        """MKR converted for it (0 from the treasury): ceil(wei / rate)."""
        if self.source == "treasury":
            return 0
        return -(-self.wei // MKR_SKY_RATE)


@dataclass
class MkrTransfer(Located):
    to: Party
    amount: Decimal
    comment: str | None = None

    @property
    def wei(self) -> int:
        return to_wei(self.amount)


@dataclass
class MkrToSky(Located):
    """MKR of the PauseProxy converted into SKY for the PauseProxy through MKR_SKY (2025-01-23:
    `MKR.approve(MKR_SKY, 624 * WAD); MkrSkyLike(MKR_SKY).mkrToSky(address(this), 624 * WAD);`)."""

    amount: Decimal  # MKR
    comment: str | None = None

    @property
    def wei(self) -> int:
        return to_wei(self.amount)

    @property
    def sky_wei(self) -> int:
        return self.wei * MKR_SKY_RATE


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
    # `start: cast` / `cast - 7 days`: bgn is block.timestamp plus this offset (seconds, may be
    # negative); `start` and `end` then hold an estimate (the spell's date 00:00 UTC plus the offset).
    cast_offset: int | None = None

    @property
    def at_cast(self) -> bool:
        return self.cast_offset is not None

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
    mode: str  # "increase" (delta on top of the current allowance), "set" (absolute) or "owed"
    amount: Decimal | None  # None with mode "increase": the sum of the new streams on the vest; None with "owed"
    comment: str | None = None


@dataclass
class CapChange(Located):
    vest: str
    amount: Decimal
    period: int

    @property
    def cap(self) -> Cap:
        return Cap(self.amount, self.period)


Action = Union[DaiPayment, UsdsPayment, SkyTransfer, MkrToSky, MkrTransfer, Stream, Yank, Allowance, CapChange]


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
            for name in ("to", "manager", "recipient"):
                party = getattr(a, name, None)
                if party is not None:
                    out.append(party)
        return out

    def chainlog_parties(self) -> dict[str, str]:
        """Chainlog keys the YAML names parties by -> the address each must hold, in file order."""
        return {p.chainlog: p.address for p in self.parties() if p.chainlog}

    @property
    def actions(self) -> list[Action]:
        return [a for s in self.sections for a in s.actions]

    def of_type(self, kind: type) -> list:
        return [a for a in self.actions if isinstance(a, kind)]
