"""Checks across the values of a budget file: is the budget consistent with itself and its caps?

A facilitator transcribes a MIP by hand; these are the slips worth catching before anything is
planned from it: caps that disagree (12 x monthly vs annual, annual x years vs total), periods that
overlap, a schedule whose stated total is not its sum, vesting dates off the plan, a plan above a cap.
"""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

from spellgen.spec import timeutil
from spellgen.spec.amounts import human, is_whole
from spellgen.spec.diagnostics import Diagnostics
from spellgen.budget import months
from spellgen.budget.caps import amount, more_text, overruns_by_origin, scheduled_per_year, stable_uses
from spellgen.budget.flows import StableFlow, Origin
from spellgen.budget.model import Budget, StableBudget, GovBudget


def validate_budget(budget: Budget, diags: Diagnostics) -> None:
    for dai in budget.stable.values():
        _stable_caps(dai, diags)
        _periods(dai, diags)
        if not diags.errors:
            _stable_plan_within_caps(dai, diags)
    for mkr in budget.gov.values():
        _gov_lengths(mkr, diags)
        _schedule(mkr, diags)


def _stable_caps(dai: StableBudget, diags: Diagnostics) -> None:
    if dai.monthly_cap * 12 != dai.annual_cap:
        t = dai.token
        diags.warn(dai.loc("monthly_cap"), f"12 x the monthly cap is {human(dai.monthly_cap * 12)} {t}, not the "
                                           f"annual cap of {human(dai.annual_cap)} {t}: is one of them mistyped?")


def _periods(dai: StableBudget, diags: Diagnostics) -> None:
    previous = None
    for period in dai.periods:
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
                                              f"whole {dai.token}: write {human(period.top_up)} as a whole number")
        _stream_end(period, diags)
        previous = period


def _stream_end(period, diags: Diagnostics) -> None:
    stream = period.stream
    if stream is None or stream.end is None:
        return
    earliest = timeutil.day_start(period.first) + 1
    latest = timeutil.day_start(period.last + timedelta(days=1))
    if not earliest <= stream.end <= latest:
        diags.error(stream.loc("end"), f"the stream's end {timeutil.iso(stream.end)} is outside the period "
                                       f"{period.label}")


def _stable_plan_within_caps(dai: StableBudget, diags: Diagnostics) -> None:
    """The budget's own streams and top-ups must fit its caps, or every plan would be refused."""
    flows = []
    for period in dai.periods:
        if period.stream is not None:
            last = period.last if period.stream.end is None else timeutil.utc(period.stream.end - 1).date()
            origin = Origin("", "the budget", period.stream, True)
            flows.append(StableFlow(period.stream.total, period.first, last, "stream", origin))
        if period.top_up is not None:
            origin = Origin("", "the budget", period, True)
            flows.append(StableFlow(period.top_up, period.first, period.last, "payment", origin, period))
    for origin, first, more in overruns_by_origin(stable_uses(dai, flows)):
        field = "total" if hasattr(origin.action, "total") else "top_up"
        diags.error(origin.action.loc(field), f"the budget's own plan breaks its cap: {first.message()}"
                                              f"{more_text(first, more)}")


def _gov_lengths(mkr: GovBudget, diags: Diagnostics) -> None:
    if mkr.cliff_months > mkr.vesting_months:
        diags.error(mkr.loc("cliff"), "the cliff is longer than the vesting period")
    if mkr.interval_months > mkr.vesting_months:
        diags.error(mkr.loc("interval"), "the vesting interval is longer than the vesting period")
    years = Fraction(mkr.vesting_months, 12)
    if Fraction(mkr.annual_cap) * years != Fraction(mkr.total_cap):
        diags.warn(mkr.loc("total_cap"), f"the annual cap over {months.months_text(mkr.vesting_months)} is "
                                         f"{amount(Fraction(mkr.annual_cap) * years)} {mkr.token}, not the total "
                                         f"cap of {human(mkr.total_cap)} {mkr.token}: is one of them mistyped?")


def _schedule(mkr: GovBudget, diags: Diagnostics) -> None:
    t = mkr.token
    grid = mkr.vesting_dates()
    previous = None
    for vesting in mkr.schedule:
        if previous is not None and vesting.date <= previous:
            diags.error(vesting.loc("date"), f"vesting dates must increase: {vesting.date} follows {previous}")
        if vesting.date < mkr.cliff:
            diags.error(vesting.loc("date"), f"nothing vests before the cliff ({mkr.cliff})")
        elif vesting.date > mkr.end:
            diags.error(vesting.loc("date"), f"{vesting.date} is after the end of vesting ({mkr.end})")
        elif vesting.date not in grid:
            diags.warn(vesting.loc("date"), f"{vesting.date} is not a vesting date of the plan (the cliff {mkr.cliff}, "
                                            f"then every {months.months_text(mkr.interval_months)} to {mkr.end})")
        previous = vesting.date
    total = sum((v.amount for v in mkr.schedule), Decimal(0))
    if mkr.schedule_total is not None and total != mkr.schedule_total:
        # A warning, not an error: MIPs round each line, and SP54's lines sum to 0.01 MKR less than its
        # stated total. Plans move the lines' amounts, so the difference is shown, never hidden.
        diags.warn(mkr.loc("schedule_total"), f"the schedule's lines sum to {human(total)} {t}, not the stated "
                                              f"{human(mkr.schedule_total)} {t} (a difference of "
                                              f"{human(abs(total - mkr.schedule_total))} {t}); plans transfer "
                                              "the amounts of the lines")
    if total > mkr.total_cap:
        diags.error(mkr.loc("schedule"), f"the schedule ({human(total)} {t}) exceeds the total cap of "
                                         f"{human(mkr.total_cap)} {t} by {human(total - mkr.total_cap)} {t}")
    for number, first, last in mkr.years():
        scheduled = scheduled_per_year(mkr)[number]
        if scheduled > mkr.annual_cap:
            diags.error(mkr.loc("schedule"), f"the schedule vests {human(scheduled)} {t} in vesting year {number} "
                                             f"({first} to {last}), {human(scheduled - mkr.annual_cap)} {t} over "
                                             f"the annual cap of {human(mkr.annual_cap)} {t}")
