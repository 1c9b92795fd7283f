"""Budget checks of a spell: its amounts for the core unit against the MIP's caps, and against the plan.

A cap overrun is an error on the spell's action (naming the cap, the amount and the excess); a
difference from what the budget calls for at the spell's date is a warning, since governance may
decide otherwise (the spell of 2022-12-09 moved 257.31 MKR where SP54's rule gives 385.96).
The spell's own entry in the ledger, if it was recorded already, is left out.
"""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from spellgen.spec import timeutil
from spellgen.spec.amounts import human
from spellgen.spec.diagnostics import Diagnostics, InputError
from spellgen.spec.model import DaiPayment, MkrTransfer, Spell, Stream
from spellgen.budget.caps import CapUse, amount, dai_uses, mkr_uses, more_text, overruns_by_origin
from spellgen.budget.flows import Flows, collect, stream_days
from spellgen.budget.ledger import check_unit, load_ledger
from spellgen.budget.model import Budget, Ledger
from spellgen.budget.parse import load_budget
from spellgen.budget.plan import Plan, PlannedStream, plan_at


def check_with_budget_files(spell: Spell, budget_path: str, ledger_path: str | None, diags: Diagnostics) -> None:
    """Load the budget (and ledger) and run the budget checks; their own problems join `diags`,
    each naming its file. Raises InputError when the budget or ledger cannot be used."""
    budget_diags = Diagnostics(budget_path)
    budget = ledger = None
    try:
        budget = load_budget(Path(budget_path), budget_diags)
    except InputError:
        pass
    diags.items += budget_diags.items
    if ledger_path is not None:
        ledger_diags = Diagnostics(ledger_path)
        try:
            ledger = load_ledger(Path(ledger_path), ledger_diags)
            if budget is not None:
                check_unit(ledger, budget, ledger_diags)
        except InputError:
            pass
        diags.items += ledger_diags.items
        if ledger_diags.errors:
            raise InputError(diags)
    if budget is None:
        raise InputError(diags)
    check_against_budget(spell, budget, ledger, diags)


def check_against_budget(spell: Spell, budget: Budget, ledger: Ledger | None, diags: Diagnostics) -> None:
    key = (spell.date, spell.description)
    earlier = ledger.without(key) if ledger is not None else None
    flows = collect(budget, earlier, spell)
    _uncovered(spell, budget, flows, diags)
    if budget.dai is not None:
        _caps(dai_uses(budget.dai, flows.dai), spell, diags)
    if budget.mkr is not None:
        _caps(mkr_uses(budget.mkr, flows.mkr), spell, diags)
    plan = plan_at(budget, earlier, timeutil.parse_date(spell.date))
    _mkr_plan(spell, budget, plan, diags)
    _dai_plan(spell, budget, plan, diags)


def _unit_actions(spell: Spell, budget: Budget, kind: type) -> list:
    return [a for a in spell.of_type(kind) if budget.wallet_of(a.to.address) is not None]


def _uncovered(spell: Spell, budget: Budget, flows: Flows, diags: Diagnostics) -> None:
    """What the budget says nothing about: a token it has no part for, MKR to the Operational Wallet."""
    for origin in [o for o in flows.other if o.in_spell]:
        diags.warn(origin.action.loc("vest"), f"the budget of {budget.unit_id} covers DAI and MKR; this "
                                              f"{origin.action.token} stream is not checked against any cap")
    in_spell_dai = [f for f in flows.dai if f.origin.in_spell]
    if budget.dai is None and in_spell_dai:
        diags.warn(in_spell_dai[0].origin.action.loc(), f"the budget of {budget.unit_id} has no DAI part: "
                                                        "this DAI is not checked against any cap")
    in_spell_mkr = [m for m in flows.mkr if m.origin.in_spell]
    if budget.mkr is None and in_spell_mkr:
        diags.warn(in_spell_mkr[0].origin.action.loc(), f"the budget of {budget.unit_id} has no MKR part: "
                                                        "this MKR is not checked against any cap")
    for transfer in _unit_actions(spell, budget, MkrTransfer):
        if transfer.to.address != budget.auditor.address:
            diags.warn(transfer.loc("to"), f"the MKR budget moves MKR to the Auditor Wallet "
                                           f"({budget.auditor.name}), not to {transfer.to.label}")


def _caps(uses: list[CapUse], spell: Spell, diags: Diagnostics) -> None:
    for use in uses:
        if use.over and not use.used_by_spell():
            diags.warn(spell.loc("date"), f"earlier spells already break a cap: {use.message()}")
    for origin, first, more in overruns_by_origin(uses):
        field = "total" if isinstance(origin.action, Stream) else "amount"
        earlier = first.used - first.used_by_spell()
        tail = f"; earlier spells account for {amount(earlier)} {first.token} of it" if earlier else ""
        diags.error(origin.action.loc(field), first.message() + tail + more_text(first, more))


# -- against the plan --------------------------------------------------------------------------------

def _mkr_plan(spell: Spell, budget: Budget, plan: Plan, diags: Diagnostics) -> None:
    if budget.mkr is None:
        return
    transfers = _unit_actions(spell, budget, MkrTransfer)
    moved = sum((t.amount for t in transfers), Decimal(0))
    if moved == plan.mkr_total:
        return
    parts = ", ".join(f"{p.vesting.date} {human(p.amount)}" for p in plan.mkr) or "nothing"
    rule = (f"{budget.mkr.mip}'s transfer rule gives {human(plan.mkr_total)} MKR for a spell on {spell.date} "
            f"(vesting on or before {plan.horizon} not transferred by earlier spells: {parts})")
    loc = transfers[0].loc("amount") if transfers else spell.loc("date")
    diags.warn(loc, f"{rule}; this spell transfers {human(moved)} MKR to {budget.unit_id}")


def _dai_plan(spell: Spell, budget: Budget, plan: Plan, diags: Diagnostics) -> None:
    if budget.dai is None:
        return
    streams = [s for s in _unit_actions(spell, budget, Stream) if s.token == "DAI"]
    matched: set[int] = set()
    for planned in plan.streams:
        same = next((s for s in streams if id(s) not in matched and _same_stream(s, planned)), None)
        if same is not None:
            matched.add(id(same))
            continue
        near = next((s for s in streams if id(s) not in matched and _overlaps(s, planned)), None)
        if near is not None:
            matched.add(id(near))
            diags.warn(near.loc(), f"the plan streams {_planned_text(planned)} for the budget period "
                                   f"{planned.period.label}; this stream is {_stream_text(near)}")
        else:
            diags.warn(spell.loc("date"), f"the plan streams {_planned_text(planned)} for the budget period "
                                          f"{planned.period.label} ({budget.dai.mip}); this spell does not")
    for stream in streams:
        if id(stream) not in matched:
            diags.warn(stream.loc(), f"this stream ({_stream_text(stream)}) is not in the plan of "
                                     f"{budget.unit_id}'s budget for a spell on {spell.date}")
    _payments_plan(spell, budget, plan, diags)


def _payments_plan(spell: Spell, budget: Budget, plan: Plan, diags: Diagnostics) -> None:
    planned = [t.amount for t in plan.top_ups]
    for payment in _unit_actions(spell, budget, DaiPayment):
        if Decimal(payment.paid) in planned:
            planned.remove(Decimal(payment.paid))
        else:
            diags.warn(payment.loc("amount"), f"this payment of {payment.paid:,} DAI is not in the plan of "
                                              f"{budget.unit_id}'s budget for a spell on {spell.date} (no top-up "
                                              "of that amount is due)")
    for left in planned:
        diags.warn(spell.loc("date"), f"the plan pays a top-up of {human(left)} DAI ({budget.dai.mip}); "
                                      "this spell does not")


def _same_stream(stream: Stream, planned: PlannedStream) -> bool:
    return (stream.total, stream.start, stream.end) == (planned.total, planned.start, planned.end)


def _overlaps(stream: Stream, planned: PlannedStream) -> bool:
    first, last = stream_days(stream)
    return first <= planned.period.last and planned.period.first <= last


def _planned_text(planned: PlannedStream) -> str:
    return f"{human(planned.total)} DAI from {timeutil.iso(planned.start)} to {timeutil.iso(planned.end)}"


def _stream_text(stream: Stream) -> str:
    return f"{human(stream.total)} DAI from {timeutil.iso(stream.start)} to {timeutil.iso(stream.end)}"
