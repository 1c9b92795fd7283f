"""Budget caps as lines on the cumulative-streamed chart: the interface between budgets and reports.

A `CapLine` is a cumulative ceiling over time for one token: an annual cap is a level line over
its budget period, a monthly cap a staircase that rises by the cap at each UTC month. The chart
only knows CapLines; this module turns a budget file (spellgen.budget, issue 5) into them.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, localcontext
from fractions import Fraction
from pathlib import Path

from spellgen.spellfile import timeutil
from spellgen.spellfile.amounts import human


@dataclass(frozen=True)
class CapLine:
    token: str
    label: str  # "TechOps annual cap: 2,486,400 DAI"
    points: tuple[tuple[int, Decimal], ...]  # (unix time, cumulative ceiling), drawn joined in order


def budget_cap_lines(budget) -> list[CapLine]:
    """The caps of a budget's period parts (spellgen.budget.model.Budget: DAI, USDS, a streamed MKR or
    SKY) as lines, one token per part,
    with the budget's own rules (spellgen/budget/caps.py): per budget period, the annual cap pro rata
    by day, a level line over the period; per calendar month, the monthly cap pro rata for the days a
    period covers, cumulated."""
    return [line for part in budget.periodic.values() for line in _part_lines(budget.unit_name, part)]


def _part_lines(unit_name: str, part) -> list[CapLine]:
    from spellgen.budget import months

    token = part.token
    lines = []
    for period in part.periods:
        start, end = timeutil.day_start(period.first), timeutil.day_end(period.last)
        allowance = _exact(Fraction(part.annual_cap) * period.days / period.year_days)
        basis = "" if period.days == period.year_days else f", {period.days} of {period.year_days} days"
        lines.append(CapLine(token, f"{unit_name} annual cap: {_text(allowance)} {token} "
                                    f"({period.label}{basis})", ((start, allowance), (end, allowance))))
        points: list[tuple[int, Decimal]] = []
        level = Fraction(0)
        for (year, month), first, last in months.month_spans(period.first, period.last):
            level += Fraction(part.monthly_cap) * months.days_between(first, last) / months.days_in_month(year, month)
            points += [(timeutil.day_start(first), _exact(level)), (timeutil.day_end(last), _exact(level))]
        which = f", {period.label}" if len(part.periods) > 1 else ""  # tell several periods' lines apart
        lines.append(CapLine(token, f"{unit_name} monthly cap: {human(part.monthly_cap)} {token} a month "
                                    f"(cumulated{which})", tuple(points)))
    return lines


def _exact(value: Fraction) -> Decimal:
    """To wei precision (a pro-rata cap can be a repeating decimal); only a plotting coordinate."""
    with localcontext() as ctx:
        ctx.prec = 100
        return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal(1).scaleb(-18))


def _text(value: Decimal) -> str:
    with localcontext() as ctx:
        ctx.prec = 100
        whole = value == value.to_integral_value()
        return human(value.quantize(Decimal(1) if whole else Decimal("0.01")))


def load_budget_caps(path: Path) -> list[CapLine]:
    """Cap lines of a budget file, read by the budget planner (spellgen.budget, issue 5); its
    problems raise InputError with located diagnostics, like a spell file's."""
    from spellgen.budget.parse import load_budget

    return budget_cap_lines(load_budget(Path(path)))
