"""Checks across the values of a budget file: is the budget consistent with itself and its caps?

A facilitator transcribes a MIP by hand; these are the slips worth catching before anything is
planned from it: caps that disagree (12 x monthly vs annual, annual x years vs total), periods that
overlap, a schedule whose stated total is not its sum, vesting dates off the plan, a plan above a cap.
"""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

from spellgen.spellfile import timeutil
from spellgen.spellfile.amounts import human, is_whole
from spellgen.spellfile.diagnostics import Diagnostics
from spellgen.budget import months
from spellgen.budget.caps import amount, more_text, overruns_by_origin, scheduled_per_year, period_uses
from spellgen.budget.flows import DayFlow, Origin
from spellgen.budget.model import Budget, PeriodBudget, ScheduleBudget


def validate_budget(budget: Budget, diags: Diagnostics) -> None:
    for part in budget.periodic.values():
        _period_caps(part, diags)
        _periods(part, diags)
        if not diags.errors:
            _period_plan_within_caps(part, diags)
    for schedule_part in budget.scheduled.values():
        _gov_lengths(schedule_part, diags)
        _schedule(schedule_part, diags)


def _period_caps(part: PeriodBudget, diags: Diagnostics) -> None:
    if part.monthly_cap * 12 != part.annual_cap:
        t = part.token
        diags.warn(part.loc("monthly_cap"), f"12 x the monthly cap is {human(part.monthly_cap * 12)} {t}, not the "
                                            f"annual cap of {human(part.annual_cap)} {t}: is one of them mistyped?")


def _periods(part: PeriodBudget, diags: Diagnostics) -> None:
    previous = None
    for period in part.periods:
        if period.last < period.first:
            diags.error(period.loc("end"), f"the period ends ({period.last}) before it starts ({period.first})")
            continue
        if period.last >= months.add_months(period.first, 12):
            diags.error(period.loc("end"), f"a budget period lasts at most a year (the annual cap applies to each); "
                                           f"split {period.label} at {months.add_months(period.first, 12)}")
        if previous is not None and period.first <= previous.last:
            diags.error(period.loc("start"), f"the period {period.label} overlaps the period {previous.label}; "
                                             "list periods in date order without overlap")
        if period.stream is None and period.top_up is None:
            diags.warn(period.loc(), "nothing funds this period (no `stream`, no `top_up`): a plan will not fund it")
        if period.top_up is not None and not is_whole(period.top_up):
            diags.error(period.loc("top_up"), f"a top-up is paid with sendPaymentFromSurplusBuffer, which sends "
                                              f"whole {part.token}: write {human(period.top_up)} as a whole number")
        _stream_times(period, diags)
        previous = period


def _stream_times(period, diags: Diagnostics) -> None:
    stream = period.stream
    if stream is None:
        return
    start = timeutil.day_start(period.first)  # a period's stream starts with it (plan.py)
    latest = timeutil.day_start(period.last + timedelta(days=1))
    if stream.end is not None and not start + 1 <= stream.end <= latest:
        diags.error(stream.loc("end"), f"the stream's end {timeutil.iso(stream.end)} is outside the period "
                                       f"{period.label}")
    end = stream.end if stream.end is not None else timeutil.day_end(period.last)
    if stream.cliff is not None and not start <= stream.cliff <= end:
        diags.error(stream.loc("cliff"), f"the stream's cliff {timeutil.iso(stream.cliff)} is outside the stream "
                                         f"({timeutil.iso(start)} to {timeutil.iso(end)})")


def _period_plan_within_caps(part: PeriodBudget, diags: Diagnostics) -> None:
    """The budget's own streams and top-ups must fit its caps, or every plan would be refused."""
    flows = []
    for period in part.periods:
        if period.stream is not None:
            last = period.last if period.stream.end is None else timeutil.utc(period.stream.end - 1).date()
            origin = Origin("", "the budget", period.stream, True)
            flows.append(DayFlow(period.stream.total, period.first, last, "stream", origin))
        if period.top_up is not None:
            origin = Origin("", "the budget", period, True)
            flows.append(DayFlow(period.top_up, period.first, period.last, "payment", origin, period))
    for origin, first, more in overruns_by_origin(period_uses(part, flows)):
        field = "total" if hasattr(origin.action, "total") else "top_up"
        diags.error(origin.action.loc(field), f"the budget's own plan breaks its cap: {first.message()}"
                                              f"{more_text(first, more)}")


def _gov_lengths(part: ScheduleBudget, diags: Diagnostics) -> None:
    if part.cliff_months > part.vesting_months:
        diags.error(part.loc("cliff"), "the cliff is longer than the vesting period")
    if part.interval_months > part.vesting_months:
        diags.error(part.loc("interval"), "the vesting interval is longer than the vesting period")
    years = Fraction(part.vesting_months, 12)
    if Fraction(part.annual_cap) * years != Fraction(part.total_cap):
        diags.warn(part.loc("total_cap"), f"the annual cap over {months.months_text(part.vesting_months)} is "
                                          f"{amount(Fraction(part.annual_cap) * years)} {part.token}, not the total "
                                          f"cap of {human(part.total_cap)} {part.token}: is one of them mistyped?")


def _schedule(part: ScheduleBudget, diags: Diagnostics) -> None:
    t = part.token
    grid = part.vesting_dates()
    previous = None
    for vesting in part.schedule:
        if previous is not None and vesting.date <= previous:
            diags.error(vesting.loc("date"), f"vesting dates must increase: {vesting.date} follows {previous}")
        if vesting.date < part.cliff:
            diags.error(vesting.loc("date"), f"nothing vests before the cliff ({part.cliff})")
        elif vesting.date > part.end:
            diags.error(vesting.loc("date"), f"{vesting.date} is after the end of vesting ({part.end})")
        elif vesting.date not in grid:
            diags.warn(vesting.loc("date"), f"{vesting.date} is not a vesting date of the plan (the cliff "
                                            f"{part.cliff}, then every {months.months_text(part.interval_months)} "
                                            f"to {part.end})")
        previous = vesting.date
    total = sum((v.amount for v in part.schedule), Decimal(0))
    if part.schedule_total is not None and total != part.schedule_total:
        # A warning, not an error: MIPs round each line, and SP54's lines sum to 0.01 MKR less than its
        # stated total. Plans move the lines' amounts, so the difference is shown, never hidden.
        diags.warn(part.loc("schedule_total"), f"the schedule's lines sum to {human(total)} {t}, not the stated "
                                               f"{human(part.schedule_total)} {t} (a difference of "
                                               f"{human(abs(total - part.schedule_total))} {t}); plans transfer "
                                               "the amounts of the lines")
    if total > part.total_cap:
        diags.error(part.loc("schedule"), f"the schedule ({human(total)} {t}) exceeds the total cap of "
                                          f"{human(part.total_cap)} {t} by {human(total - part.total_cap)} {t}")
    for number, first, last in part.years():
        scheduled = scheduled_per_year(part)[number]
        if scheduled > part.annual_cap:
            diags.error(part.loc("schedule"), f"the schedule vests {human(scheduled)} {t} in vesting year {number} "
                                              f"({first} to {last}), {human(scheduled - part.annual_cap)} {t} over "
                                              f"the annual cap of {human(part.annual_cap)} {t}")
