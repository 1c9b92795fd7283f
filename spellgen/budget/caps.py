"""The MIP's caps, measured: how much of each cap the spells use, window by window.

Period parts, DAI, USDS or a streamed MKR or SKY (pro rata by day, leap years counted):
- annual cap, per budget period: allowed = annual cap x days of the period / days of the twelve
  months starting on its first day (366 when they contain a 29 February);
- monthly cap, per calendar month: allowed = monthly cap x days of the month inside a budget period /
  days of the month (a month no period covers allows nothing).
Schedule parts, MKR or SKY moved by transfers: every amount counts in a vesting year (see `allocate`); the annual
cap applies to each vesting year and the total cap to all of them. Comparisons are exact (`Fraction`), never rounded.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

from spellgen.spellfile.amounts import human
from spellgen.budget import months
from spellgen.budget.flows import DayFlow, Flows, GovMove, Origin
from spellgen.budget.model import Budget, PeriodBudget, ScheduleBudget


UNCOVERED = "no budget period covers it"


@dataclass
class CapUse:
    cap: str  # which cap: "the annual cap", "the monthly cap", "the annual MKR cap", "the total SKY cap"
    window: str  # what it applies to: "budget period ...", "2022-03", "vesting year 2 (...)"
    token: str
    allowance: Fraction
    shares: list[tuple[Origin, Fraction]] = field(default_factory=list)
    basis: str = ""  # how the allowance was computed, e.g. "91 of 366 days"
    unit: str = ""  # what a window is: "month", "budget period", "vesting year"

    @property
    def used(self) -> Fraction:
        return sum((s for _, s in self.shares), Fraction(0))

    @property
    def excess(self) -> Fraction:
        return self.used - self.allowance

    @property
    def over(self) -> bool:
        return self.used > self.allowance

    def used_by_spell(self) -> Fraction:
        return sum((s for o, s in self.shares if o.in_spell), Fraction(0))

    def message(self) -> str:
        """Names the cap, the amount and the excess, as a reviewer would write it."""
        if self.allowance == 0 and self.basis == UNCOVERED:
            return (f"no budget period covers {self.window}, so {self.cap} allows no {self.token} then: "
                    f"{amount(self.used)} {self.token} is {amount(self.excess)} {self.token} over")
        basis = f" ({self.basis})" if self.basis else ""
        return (f"{self.cap} of {amount(self.allowance)} {self.token}{basis} for {self.window} is exceeded: "
                f"{amount(self.used)} {self.token}, {amount(self.excess)} {self.token} over")


def amount(value: Fraction | Decimal) -> str:
    """An exact figure when it has at most 18 decimals, else rounded to the cent and marked `about`."""
    value = Fraction(value)
    wei = value * 10**18
    if wei.denominator == 1:
        return human(Decimal(wei.numerator).scaleb(-18).normalize())
    cents = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.01"))
    return f"about {human(cents)}" if cents else "less than 0.01"


def overruns_by_origin(uses: list[CapUse], in_spell_only: bool = True) -> list[tuple[Origin, CapUse, int]]:
    """Each overrun cap, once per action that contributes most to it: the first window, and how many
    more windows of the same cap that action overruns (a year's stream a little too large overruns
    twelve monthly caps: one line says so)."""
    groups: dict[tuple[str, int], tuple[Origin, list[CapUse]]] = {}
    for use in uses:
        shares = [(o, s) for o, s in use.shares if o.in_spell or not in_spell_only]
        if not use.over or not shares:
            continue
        origin = max(shares, key=lambda pair: pair[1])[0]
        groups.setdefault((use.cap, id(origin.action)), (origin, []))[1].append(use)
    return [(origin, found[0], len(found) - 1) for origin, found in groups.values()]


def more_text(use: CapUse, more: int) -> str:
    return f" (and in {more} more {use.unit}{'s' * (more != 1)})" if more else ""


# -- stablecoins ---------------------------------------------------------------------------------

def period_uses(budget: PeriodBudget, flows: list[DayFlow]) -> list[CapUse]:
    """The annual cap of every budget period and the monthly cap of every month involved."""
    uses = []
    for period in budget.periods:
        allowance = Fraction(budget.annual_cap) * period.days / period.year_days
        basis = "" if period.days == period.year_days else f"{period.days} of {period.year_days} days"
        use = CapUse("the annual cap", f"the budget period {period.label}", budget.token, allowance, basis=basis,
                     unit="budget period")
        use.shares = _shares(flows, period.first, period.last)
        uses.append(use)
    for key in _months_involved(budget, flows):
        first = date(key[0], key[1], 1)
        last = date(key[0], key[1], months.days_in_month(*key))
        covered = _budget_days(budget, first, last)
        total = months.days_in_month(*key)
        basis = "" if covered == total else (f"{covered} of {total} days in a budget period" if covered
                                             else UNCOVERED)
        use = CapUse("the monthly cap", months.month_label(key), budget.token,
                     Fraction(budget.monthly_cap) * covered / total, basis=basis, unit="month")
        use.shares = _shares(flows, first, last)
        uses.append(use)
    return uses


def _shares(flows: list[DayFlow], first: date, last: date) -> list[tuple[Origin, Fraction]]:
    return [(f.origin, s) for f in flows if (s := f.share(first, last))]


def _months_involved(budget: PeriodBudget, flows: list[DayFlow]) -> list[tuple[int, int]]:
    keys: set[tuple[int, int]] = set()
    for first, last in [(p.first, p.last) for p in budget.periods] + [(f.first, f.last) for f in flows]:
        keys.update(key for key, _, _ in months.month_spans(first, last))
    return sorted(keys)


def _budget_days(budget: PeriodBudget, first: date, last: date) -> int:
    """Days of [first, last] inside some budget period (periods do not overlap: validate.py)."""
    return sum(months.days_between(*span) for p in budget.periods
               if (span := months.overlap(p.first, p.last, first, last)))


# -- governance tokens ---------------------------------------------------------------------------

@dataclass
class Allocation:
    """Which scheduled vestings the tokens moved so far pays for, and in which vesting year each amount counts."""

    remaining: list[Decimal]  # per schedule line, what no move covers yet
    per_year: dict[int, list[tuple[Origin, Decimal]]]
    beyond: list[tuple[GovMove, Decimal]]  # amounts beyond the whole schedule


def allocate(budget: ScheduleBudget, moves: list[GovMove]) -> Allocation:
    """Moves in date order pay for the schedule's vestings in date order (first in, first out).

    A vesting counts in the vesting year of its date. An amount beyond the schedule (a raise, say)
    counts in the year of the latest date the spell may pay for under the transfer rule: the spell's
    date plus `transfer_within`, but no later than the end of vesting.
    """
    remaining = [v.amount for v in budget.schedule]
    per_year: dict[int, list[tuple[Origin, Decimal]]] = {k: [] for k, _, _ in budget.years()}
    beyond: list[tuple[GovMove, Decimal]] = []
    for move in sorted(moves, key=lambda m: m.day):
        left = move.amount
        for index, vesting in enumerate(budget.schedule):
            take = min(left, remaining[index])
            if take > 0:
                remaining[index] -= take
                left -= take
                per_year[budget.year_of(vesting.date)].append((move.origin, take))
        if left > 0:
            latest = min(months.add_months(move.day, budget.horizon_months), budget.end)
            per_year[budget.year_of(latest)].append((move.origin, left))
            beyond.append((move, left))
    return Allocation(remaining, per_year, beyond)


def gov_uses(budget: ScheduleBudget, moves: list[GovMove]) -> list[CapUse]:
    allocation = allocate(budget, moves)
    token = budget.token
    uses = []
    for number, first, last in budget.years():
        window = f"vesting year {number} ({first.isoformat()} to {last.isoformat()})"
        use = CapUse(f"the annual {token} cap", window, token, Fraction(budget.annual_cap), unit="vesting year")
        use.shares = [(o, Fraction(a)) for o, a in allocation.per_year[number]]
        uses.append(use)
    total = CapUse(f"the total {token} cap", f"the {months.months_text(budget.vesting_months)} of vesting", token,
                   Fraction(budget.total_cap))
    total.shares = [(m.origin, Fraction(m.amount)) for m in moves]
    return uses + [total]


def part_uses(budget: Budget, flows: Flows) -> list[CapUse]:
    """Every cap of every part of the budget, measured against the flows of the part's token."""
    uses = []
    for token, part in budget.periodic.items():
        uses += period_uses(part, flows.spread[token])
    for token, schedule_part in budget.scheduled.items():
        uses += gov_uses(schedule_part, flows.moves[token])
    return uses


def scheduled_per_year(budget: ScheduleBudget) -> dict[int, Decimal]:
    out = {k: Decimal(0) for k, _, _ in budget.years()}
    for vesting in budget.schedule:
        out[budget.year_of(vesting.date)] += vesting.amount
    return out

