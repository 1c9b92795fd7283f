"""A core unit's budget and the ledger of earlier spells, as data (exact `Decimal`s, UTC dates).

A budget has parts, one per token, of two kinds. A period part has caps and budget periods funded by
streams: every stablecoin part (`dai:`, `usds:`, whose periods may also be topped up from the surplus
buffer), and a governance-token part (`mkr:`, `sky:`) that streams its token from a vest, as Sky-era
budgets do. A schedule part (`mkr:`, `sky:` only) has caps and a vesting schedule moved by transfers
from the treasury, as the 2021 MKR budgets did. The tables below are the only place that says which
spell action pays which token, so every later stage is written once for all of them.

Each object keeps the `Loc` of its fields (from spellgen.spellfile.model.Located) so every later problem can
point at the line of the budget or ledger file that caused it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from spellgen.spellfile.model import Action, Located
from spellgen.budget import months

ONE_DAY = timedelta(days=1)

# Stablecoins paid from the surplus buffer: the spell action of a top-up.
PAYMENT_TYPES = {"DAI": "dai_payment", "USDS": "usds_payment"}
# The vest a period's stream uses by default (for DAI before 2022-04-29 that key named today's
# MCD_VEST_DAI_LEGACY). Governance tokens stream from the treasury, as the budgets of 2021 (MKR) and
# 2025 (SKY) did: those vests pay the PauseProxy's tokens and need its allowance (spellfile/protocol.py).
DEFAULT_VESTS = {"DAI": "MCD_VEST_DAI", "USDS": "MCD_VEST_USDS", "MKR": "MCD_VEST_MKR_TREASURY",
                 "SKY": "MCD_VEST_SKY_TREASURY"}
# Governance tokens moved from the PauseProxy's treasury: the spell action of a transfer.
TRANSFER_TYPES = {"MKR": "mkr_transfer", "SKY": "sky_transfer"}
STABLE_TOKENS = tuple(PAYMENT_TYPES)
GOV_TOKENS = tuple(TRANSFER_TYPES)


@dataclass
class Wallet(Located):
    role: str  # "auditor" or "operational"
    name: str  # the wallet's name in a spell's registry (UPPER_SNAKE_CASE)
    address: str  # EIP-55


@dataclass
class PeriodStream(Located):
    """How a budget period is streamed by DssVest: the total, and optional overrides."""

    total: Decimal
    vest: str | None = None  # None: the token's DEFAULT_VESTS key
    end: int | None = None  # unix time; None: the period's last day at 23:59:59 UTC (house style)
    cliff: int | None = None  # unix time; None: no cliff


@dataclass
class Period(Located):
    """A budget period of at most a year: the annual cap applies to it pro rata by day."""

    first: date
    last: date  # inclusive
    stream: PeriodStream | None = None
    top_up: Decimal | None = None  # whole tokens from the surplus buffer that fund this period

    @property
    def days(self) -> int:
        return months.days_between(self.first, self.last)

    @property
    def year_days(self) -> int:
        return months.year_days(self.first)

    @property
    def label(self) -> str:
        return f"{self.first.isoformat()} to {self.last.isoformat()}"


@dataclass
class PeriodBudget(Located):
    """A period part: caps and the budget periods that streams (and, for a stablecoin, top-ups) fund."""

    mip: str
    links: list[tuple[str, str]]
    annual_cap: Decimal
    monthly_cap: Decimal
    periods: list[Period]
    plan_ahead: int = 3  # months: a plan funds periods that start within this much of the spell's date
    token: str = "DAI"

    @property
    def payment_type(self) -> str:
        return PAYMENT_TYPES[self.token]  # only stablecoin periods have top-ups (parse.py)

    @property
    def default_vest(self) -> str:
        return DEFAULT_VESTS[self.token]


@dataclass
class Vesting(Located):
    """One line of the MIP's estimated vesting schedule."""

    date: date
    amount: Decimal


@dataclass
class ScheduleBudget(Located):
    """A schedule part (`mkr:` or `sky:`): a vesting plan, caps, and the schedule transfers pay."""

    mip: str
    links: list[tuple[str, str]]
    start: date  # start of the vesting schedule
    vesting_months: int  # the vesting period
    cliff_months: int
    interval_months: int
    annual_cap: Decimal
    total_cap: Decimal
    horizon_months: int  # tokens vesting within this much of a spell move in that spell
    schedule: list[Vesting]
    schedule_total: Decimal | None = None  # the MIP's stated total, a control figure
    info: dict[str, str] = field(default_factory=dict)  # lock-in prices and other facts, shown as is
    token: str = "MKR"

    @property
    def transfer_type(self) -> str:
        return TRANSFER_TYPES[self.token]

    @property
    def end(self) -> date:
        return months.add_months(self.start, self.vesting_months)

    @property
    def cliff(self) -> date:
        return months.add_months(self.start, self.cliff_months)

    def vesting_dates(self) -> list[date]:
        """The dates tokens can vest on: the cliff, then every interval up to the end of vesting."""
        out, step = [], self.cliff_months
        while step <= self.vesting_months:
            out.append(months.add_months(self.start, step))
            step += self.interval_months
        return out

    def years(self) -> list[tuple[int, date, date]]:
        """Vesting years (number, first day, last day). Year k ends on the k-th anniversary, so tokens
        vesting on an anniversary counts in the year it rewards (the cliff vest in year 1)."""
        count = -(-self.vesting_months // 12)
        return [(k, months.add_months(self.start, 12 * (k - 1)) + ONE_DAY, months.add_months(self.start, 12 * k))
                for k in range(1, count + 1)]

    def year_of(self, d: date) -> int:
        """The vesting year a date falls in; dates outside the vesting period go to the first or last."""
        for number, first, last in self.years():
            if first <= d <= last:
                return number
        return 1 if d <= self.start else len(self.years())


@dataclass
class Budget(Located):
    unit_id: str  # e.g. TECH-001
    unit_name: str  # e.g. TechOps
    wallets: list[Wallet]  # auditor first; operational when the budget gives its address
    periodic: dict[str, PeriodBudget]  # token -> part, in STABLE_TOKENS then GOV_TOKENS order
    scheduled: dict[str, ScheduleBudget]  # token -> part, in GOV_TOKENS order; no token is in both
    file: str = ""  # the budget file's path, for messages
    unit_role: str = "Core Unit"  # what the unit is, as section titles name it: "JanSky Facilitator"

    def part(self, token: str) -> PeriodBudget | ScheduleBudget | None:
        """The part of a token (`DAI`, `USDS`, `MKR`, `SKY`), or None when the budget has none."""
        return self.periodic.get(token) or self.scheduled.get(token)

    @property
    def tokens(self) -> list[str]:
        return list(self.periodic) + list(self.scheduled)

    @property
    def auditor(self) -> Wallet:
        return self.wallets[0]

    def wallet_of(self, address: str) -> Wallet | None:
        return next((w for w in self.wallets if w.address.lower() == address.lower()), None)


@dataclass
class LedgerEntry(Located):
    """What one executive spell did for the core unit."""

    date: str  # YYYY-MM-DD
    description: str
    actions: list[Action]
    source: str | None = None  # the spell YAML it was recorded from, relative to the ledger

    @property
    def key(self) -> tuple[str, str]:
        """A spell is known by its date and description (which carries the executive document's hash)."""
        return self.date, self.description


@dataclass
class Ledger(Located):
    unit_id: str
    wallets: dict[str, str]  # name -> address, for readable entries
    entries: list[LedgerEntry]
    budget: str | None = None  # path of the budget file, relative to the ledger
    file: str = ""

    def without(self, key: tuple[str, str]) -> "Ledger":
        kept = [e for e in self.entries if e.key != key]
        return Ledger(self.unit_id, self.wallets, kept, self.budget, self.file, locs=self.locs, path=self.path)

    def until(self, day: str) -> list[LedgerEntry]:
        return [e for e in self.entries if e.date <= day]

