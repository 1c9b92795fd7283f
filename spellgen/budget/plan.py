"""What the budget calls for in the executive spell of a given date, given what earlier spells did.

Period parts (DAI, USDS, a streamed MKR or SKY): every budget period that has not ended at the spell's
date and starts within `plan_ahead` of it is funded, unless the ledger shows it funded: its stream (a
ledger stream of the token to the unit that runs during the period funds it) and its top-up (a ledger
payment of that token and amount funds it). A stream on a transferrable vest (MCD_VEST_SKY_TREASURY,
MCD_VEST_MKR_TREASURY) pays the PauseProxy's tokens, so the spell raises the allowance by its total
(`PlannedStream.needs_allowance`; spec.py writes the action).
Schedule parts (MKR, SKY; the transfer rule of SP54): every scheduled amount vesting on or
before the spell's date plus `transfer_within` that the ledger's transfers do not cover yet
(transfers pay for vestings in date order), in one transfer to the Auditor Wallet.
Only ledger entries dated on or before the spell's date count: a plan is what was due then.
`chain_problems` says which planned actions the chain of that date cannot do (a USDS stream in 2022).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from spellgen.errors import InternalError
from spellgen.spellfile import history, timeutil
from spellgen.spellfile.amounts import human, to_wei
from spellgen.spellfile.diagnostics import Loc
from spellgen.spellfile.protocol import VESTS, VestKind
from spellgen.budget import months
from spellgen.budget.caps import allocate
from spellgen.budget.flows import Flows, collect
from spellgen.budget.model import Budget, Ledger, Period, PeriodBudget, PeriodStream, ScheduleBudget, Vesting


@dataclass
class PlannedStream:
    part: PeriodBudget
    period: Period
    vest: str
    total: Decimal
    start: int  # unix time, 00:00:00 UTC of the period's first day
    end: int  # unix time
    end_text: str  # how the spell YAML states the end: a last day, or an explicit UTC time
    cliff: int | None = None  # unix time, or None for no cliff

    @property
    def budget_stream(self) -> PeriodStream:
        """The period's `stream` entry in the budget, which this planned stream funds."""
        if self.period.stream is None:
            raise InternalError(f"a stream was planned for the budget period {self.period.label}, which has none")
        return self.period.stream

    @property
    def needs_allowance(self) -> bool:
        """A transferrable vest pays from the PauseProxy's balance, up to its allowance to the vest."""
        return VESTS[self.vest].kind is VestKind.TRANSFERRABLE


@dataclass
class PlannedTopUp:
    part: PeriodBudget
    period: Period
    amount: Decimal


@dataclass
class DuePart:
    vesting: Vesting
    amount: Decimal  # what of this vesting no earlier transfer covers

    @property
    def partial(self) -> bool:
        return self.amount != self.vesting.amount


@dataclass
class PlannedTransfer:
    """What a governance-token part moves in the spell: the vestings up to `horizon` not moved yet."""

    part: ScheduleBudget
    horizon: date  # the last vesting date this spell moves tokens for
    due: list[DuePart] = field(default_factory=list)

    @property
    def total(self) -> Decimal:
        return sum((p.amount for p in self.due), Decimal(0))


@dataclass
class Plan:
    day: date
    streams: list[PlannedStream] = field(default_factory=list)
    top_ups: list[PlannedTopUp] = field(default_factory=list)
    transfers: list[PlannedTransfer] = field(default_factory=list)  # one per governance-token part
    notes: list[str] = field(default_factory=list)

    def transfer(self, token: str) -> PlannedTransfer | None:
        return next((t for t in self.transfers if t.part.token == token), None)

    @property
    def empty(self) -> bool:
        return not (self.streams or self.top_ups or any(t.due for t in self.transfers))


def plan_at(budget: Budget, ledger: Ledger | None, day: date, skip: tuple[str, str] | None = None) -> Plan:
    """The plan for a spell on `day`; `skip` leaves one spell (the one under check) out of the ledger."""
    earlier = earlier_ledger(ledger, day, skip)
    flows = collect(budget, earlier)
    plan = Plan(day)
    if ledger is not None and any(e.date > day.isoformat() for e in ledger.entries):
        plan.notes.append(f"ledger entries after {day} are left out: a plan counts what earlier spells did")
    for part in budget.periodic.values():
        _plan_periodic(part, flows, plan)
    for schedule_part in budget.scheduled.values():
        _plan_gov(schedule_part, flows, plan)
    return plan


def earlier_ledger(ledger: Ledger | None, day: date, skip: tuple[str, str] | None) -> Ledger | None:
    if ledger is None:
        return None
    kept = ledger.without(skip) if skip else ledger
    return Ledger(kept.unit_id, kept.wallets, kept.until(day.isoformat()), kept.budget, kept.file)


def _plan_periodic(part: PeriodBudget, flows: Flows, plan: Plan) -> None:
    paid = flows.spread[part.token]
    latest_start = months.add_months(plan.day, part.plan_ahead)
    for period in part.periods:
        if period.last < plan.day:
            if not _funded(period, paid):
                plan.notes.append(f"the {part.token} budget period {period.label} ended unfunded; no plan funds "
                                  "it any more")
            continue
        if period.first > latest_start:
            continue
        if period.stream is not None and not _streamed(period, paid):
            plan.streams.append(_stream(part, period, period.stream))
        if period.top_up is not None and not _topped_up(period, paid):
            plan.top_ups.append(PlannedTopUp(part, period, period.top_up))


def _streamed(period: Period, paid: list) -> bool:
    return any(f.kind == "stream" and months.overlap(f.first, f.last, period.first, period.last) for f in paid)


def _topped_up(period: Period, paid: list) -> bool:
    return any(f.period is period for f in paid)


def _funded(period: Period, paid: list) -> bool:
    return (period.stream is None or _streamed(period, paid)) and (period.top_up is None or _topped_up(period, paid))


def _stream(part: PeriodBudget, period: Period, spec: PeriodStream) -> PlannedStream:
    vest = spec.vest or part.default_vest  # for DAI before 2022-04-29, MCD_VEST_DAI named the first vest
    start = timeutil.day_start(period.first)
    if spec.end is None:
        end, end_text = timeutil.day_end(period.last), period.last.isoformat()
    else:
        end, end_text = spec.end, timeutil.stamp(spec.end)
    return PlannedStream(part, period, vest, spec.total, start, end, end_text, spec.cliff)


def _plan_gov(part: ScheduleBudget, flows: Flows, plan: Plan) -> None:
    transfer = PlannedTransfer(part, months.add_months(plan.day, part.horizon_months))
    plan.transfers.append(transfer)
    allocation = allocate(part, flows.moves[part.token])
    for vesting, left in zip(part.schedule, allocation.remaining):
        if left > 0 and vesting.date <= transfer.horizon:
            transfer.due.append(DuePart(vesting, left))
            if vesting.date < plan.day:
                plan.notes.append(f"the {part.token} vesting of {vesting.date} has vested without being "
                                  "transferred: it is overdue")
    for move, extra in allocation.beyond:
        plan.notes.append(f"the spell of {move.origin.spell_date} moved {human(extra)} {part.token} beyond the "
                          "schedule")


# -- the chain at the spell's date ----------------------------------------------------------------

def chain_problems(plan: Plan) -> list[tuple[Loc, str]]:
    """Planned actions the chain of the plan's date cannot do, located at the budget line that asks for
    them: a chainlog key not registered for a spell of that date (the token's own key, USDS and SKY
    from 2024-09-13; a stream's vest, MCD_VEST_USDS from 2025-01-23), or a stream faster than its
    vest's rate cap at the date (a plan does not raise caps; that is governance's decision)."""
    return _missing_keys(plan) + _over_rate_caps(plan)


def _over_rate_caps(plan: Plan) -> list[tuple[Loc, str]]:
    day = plan.day.isoformat()
    problems = []
    for s in plan.streams:
        cap = history.vest_cap_at(history.current_name(s.vest, day), day)
        rate = to_wei(s.total) // (s.end - s.start)
        if cap is not None and rate > cap.per_second_wei:
            problems.append((s.budget_stream.loc("total"), (
                f"the {s.part.token} stream of the budget period {s.period.label} runs at {rate:,} wei/s, above the "
                f"{s.vest} cap of {human(cap.amount)} {s.part.token} per {timeutil.human_duration(cap.period)} "
                f"({cap.per_second_wei:,} wei/s) on {day}: a spell must raise the cap first (a `cap` action), "
                "or the budget stream less per period")))
    return problems


def _missing_keys(plan: Plan) -> list[tuple[Loc, str]]:
    day = plan.day.isoformat()
    registered = history.chainlog_at(day)
    needs: list[tuple[Loc, str, str]] = []  # (where, what, key)
    for s in plan.streams:
        what = f"the {s.part.token} stream of the budget period {s.period.label}"
        loc = s.budget_stream.loc("vest") if s.budget_stream.vest else s.period.loc("stream")
        needs += [(loc, what, s.vest), (loc, what, history.token_key_at(s.part.token, day))]
    for top_up in plan.top_ups:
        what = f"the {top_up.part.token} top-up of the budget period {top_up.period.label} ({top_up.part.payment_type})"
        needs.append((top_up.period.loc("top_up"), what, history.token_key_at(top_up.part.token, day)))
    for t in plan.transfers:
        if t.due:
            what = f"the {t.part.token} transfer of the vesting of {t.due[0].vesting.date} ({t.part.transfer_type})"
            needs.append((t.due[0].vesting.loc("date"), what, history.token_key_at(t.part.token, day)))
    problems, seen = [], set()
    for loc, what, key in needs:
        if key in registered or not history.key_history(key) or (what, key) in seen:
            continue  # a key spellgen's tables do not know is the spell checks' business, not a date's
        seen.add((what, key))
        problems.append((loc, f"a spell of {day} cannot make {what}: {history.key_note(key, day)}"))
    return problems
