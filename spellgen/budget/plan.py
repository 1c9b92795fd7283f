"""What the budget calls for in the executive spell of a given date, given what earlier spells did.

DAI: every budget period that has not ended at the spell's date and starts within `plan_ahead` of
it is funded, unless the ledger shows it funded: its stream (a ledger stream to the unit that runs
during the period funds it) and its top-up (a ledger payment of that amount funds it).
MKR (the transfer rule of SP54): every scheduled amount vesting on or before the spell's date plus
`transfer_within` that the ledger's transfers do not cover yet (transfers pay for vestings in date
order), in one transfer to the Auditor Wallet.
Only ledger entries dated on or before the spell's date count: a plan is what was due then.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from spellgen.spec import timeutil
from spellgen.spec.amounts import human
from spellgen.budget import months
from spellgen.budget.caps import allocate
from spellgen.budget.flows import Flows, collect
from spellgen.budget.model import Budget, DaiPeriod, Ledger, Vesting



@dataclass
class PlannedStream:
    period: DaiPeriod
    vest: str
    total: Decimal
    start: int  # unix time, 00:00:00 UTC of the period's first day
    end: int  # unix time
    end_text: str  # how the spell YAML states the end: a last day, or an explicit UTC time


@dataclass
class PlannedTopUp:
    period: DaiPeriod
    amount: Decimal


@dataclass
class DuePart:
    vesting: Vesting
    amount: Decimal  # what of this vesting no earlier transfer covers

    @property
    def partial(self) -> bool:
        return self.amount != self.vesting.amount


@dataclass
class Plan:
    day: date
    horizon: date | None  # the last vesting date this spell moves MKR for
    streams: list[PlannedStream] = field(default_factory=list)
    top_ups: list[PlannedTopUp] = field(default_factory=list)
    mkr: list[DuePart] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def mkr_total(self) -> Decimal:
        return sum((p.amount for p in self.mkr), Decimal(0))

    @property
    def empty(self) -> bool:
        return not (self.streams or self.top_ups or self.mkr)


def plan_at(budget: Budget, ledger: Ledger | None, day: date, skip: tuple[str, str] | None = None) -> Plan:
    """The plan for a spell on `day`; `skip` leaves one spell (the one under check) out of the ledger."""
    earlier = earlier_ledger(ledger, day, skip)
    flows = collect(budget, earlier)
    plan = Plan(day, months.add_months(day, budget.mkr.horizon_months) if budget.mkr else None)
    if ledger is not None and any(e.date > day.isoformat() for e in ledger.entries):
        plan.notes.append(f"ledger entries after {day} are left out: a plan counts what earlier spells did")
    if budget.dai is not None:
        _plan_dai(budget, flows, plan)
    if budget.mkr is not None:
        _plan_mkr(budget, flows, plan)
    return plan


def earlier_ledger(ledger: Ledger | None, day: date, skip: tuple[str, str] | None) -> Ledger | None:
    if ledger is None:
        return None
    kept = ledger.without(skip) if skip else ledger
    return Ledger(kept.unit_id, kept.wallets, kept.until(day.isoformat()), kept.budget, kept.file)


def _plan_dai(budget: Budget, flows: Flows, plan: Plan) -> None:
    dai = budget.dai
    latest_start = months.add_months(plan.day, dai.plan_ahead)
    for period in dai.periods:
        if period.last < plan.day:
            if not _funded(period, flows):
                plan.notes.append(f"the budget period {period.label} ended unfunded; no plan funds it any more")
            continue
        if period.first > latest_start:
            continue
        if period.stream is not None and not _streamed(period, flows):
            plan.streams.append(_stream(period, plan.day))
        if period.top_up is not None and not _topped_up(period, flows):
            plan.top_ups.append(PlannedTopUp(period, period.top_up))


def _streamed(period: DaiPeriod, flows: Flows) -> bool:
    return any(f.kind == "stream" and months.overlap(f.first, f.last, period.first, period.last) for f in flows.dai)


def _topped_up(period: DaiPeriod, flows: Flows) -> bool:
    return any(f.period is period for f in flows.dai)


def _funded(period: DaiPeriod, flows: Flows) -> bool:
    return (period.stream is None or _streamed(period, flows)) and (period.top_up is None or _topped_up(period, flows))


def _stream(period: DaiPeriod, day: date) -> PlannedStream:
    spec = period.stream
    vest = spec.vest or "MCD_VEST_DAI"  # the DAI vest in force at the date (the first one before 2022-04-29)
    start = timeutil.day_start(period.first)
    if spec.end is None:
        end, end_text = timeutil.day_end(period.last), period.last.isoformat()
    else:
        end, end_text = spec.end, timeutil.utc(spec.end).strftime("%Y-%m-%dT%H:%M:%SZ")
    return PlannedStream(period, vest, spec.total, start, end, end_text)


def _plan_mkr(budget: Budget, flows: Flows, plan: Plan) -> None:
    mkr = budget.mkr
    allocation = allocate(mkr, flows.mkr)
    for vesting, left in zip(mkr.schedule, allocation.remaining):
        if left > 0 and vesting.date <= plan.horizon:
            plan.mkr.append(DuePart(vesting, left))
            if vesting.date < plan.day:
                plan.notes.append(f"the vesting of {vesting.date} has vested without being transferred: it is overdue")
    for move, extra in allocation.beyond:
        plan.notes.append(f"the spell of {move.origin.spell_date} moved {human(extra)} MKR beyond the schedule")
