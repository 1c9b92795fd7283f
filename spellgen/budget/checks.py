"""Budget checks of a spell: its amounts for the core unit against the MIP's caps, and against the plan.

A cap overrun is an error on the spell's action (naming the cap, the amount and the excess); a
difference from what the budget calls for at the spell's date is a warning, since governance may
decide otherwise (the spell of 2022-12-09 moved 257.31 MKR where SP54's rule gives 385.96).
The spell's own entry in the ledger, if it was recorded already, is left out.
"""
from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from spellgen.spellfile import timeutil
from spellgen.spellfile.amounts import human
from spellgen.spellfile.diagnostics import Diagnostics, InputError
from spellgen.spellfile.actions.base import StreamTerms
from spellgen.spellfile.model import Action, Spell
from spellgen.budget.caps import CapUse, amount, more_text, overruns_by_origin, part_uses
from spellgen.budget.flows import (
    DayFlow, Flows, GovMove, collect, flow_of, is_stream, payment_of, stream_days, transfer_of)
from spellgen.budget.ledger import check_unit, load_ledger
from spellgen.budget.model import Budget, Ledger, PeriodBudget
from spellgen.budget.parse import load_budget
from spellgen.budget.plan import Plan, PlannedStream, PlannedTransfer, plan_at


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
    _caps(part_uses(budget, flows), spell, diags)
    plan = plan_at(budget, earlier, timeutil.parse_date(spell.date))
    for transfer in plan.transfers:
        _transfer_plan(spell, budget, plan, transfer, diags)
    for part in budget.periodic.values():
        _period_plan(spell, budget, plan, part, diags)


def _unit_actions(spell: Spell, budget: Budget) -> list:
    return [a for a in spell.actions if (to := a.receiver()) is not None and budget.wallet_of(to.address)]


def _transfers(spell: Spell, budget: Budget, token: str) -> list:
    return [a for a in _unit_actions(spell, budget) if (t := transfer_of(a)) and t[0] == token]


def _payments(spell: Spell, budget: Budget, token: str) -> list:
    return [a for a in _unit_actions(spell, budget) if (p := payment_of(a)) and p[0] == token]


def _uncovered(spell: Spell, budget: Budget, flows: Flows, diags: Diagnostics) -> None:
    """What the budget says nothing about: a token it has no part for, a transfer to the Operational Wallet."""
    for origin in [o for o in flows.other if o.in_spell]:
        diags.warn(origin.action.loc("vest"), f"the budget of {budget.unit_id} covers {' and '.join(budget.tokens)}; "
                                              f"this {flow_of(origin).token} stream is not checked against any cap")
    by_token: list[tuple[str, Sequence[DayFlow | GovMove]]] = [*flows.spread.items(), *flows.moves.items()]
    for token, items in by_token:
        in_spell = [f for f in items if f.origin.in_spell]
        if token not in budget.tokens and in_spell:
            diags.warn(in_spell[0].origin.action.loc(), f"the budget of {budget.unit_id} has no {token} part: "
                                                        f"this {token} is not checked against any cap")
    for token in budget.scheduled:
        for transfer in _transfers(spell, budget, token):
            if transfer.to.address != budget.auditor.address:
                diags.warn(transfer.loc("to"), f"the {token} budget moves {token} to the Auditor Wallet "
                                               f"({budget.auditor.name}), not to {transfer.to.label}")


def _caps(uses: list[CapUse], spell: Spell, diags: Diagnostics) -> None:
    for use in uses:
        if use.over and not use.used_by_spell():
            diags.warn(spell.loc("date"), f"earlier spells already break a cap: {use.message()}")
    for origin, first, more in overruns_by_origin(uses):
        field = "total" if is_stream(origin.action) else "amount"
        earlier = first.used - first.used_by_spell()
        tail = f"; earlier spells account for {amount(earlier)} {first.token} of it" if earlier else ""
        diags.error(origin.action.loc(field), first.message() + tail + more_text(first, more))


# -- against the plan --------------------------------------------------------------------------------

def _transfer_plan(spell: Spell, budget: Budget, plan: Plan, transfer: PlannedTransfer, diags: Diagnostics) -> None:
    token = transfer.part.token
    transfers = _transfers(spell, budget, token)
    moved = sum((t.amount for t in transfers), Decimal(0))
    if moved == transfer.total:
        return
    parts = ", ".join(f"{p.vesting.date} {human(p.amount)}" for p in transfer.due) or "nothing"
    rule = (f"{transfer.part.mip}'s transfer rule gives {human(transfer.total)} {token} for a spell on {spell.date} "
            f"(vesting on or before {transfer.horizon} not transferred by earlier spells: {parts})")
    loc = transfers[0].loc("amount") if transfers else spell.loc("date")
    diags.warn(loc, f"{rule}; this spell transfers {human(moved)} {token} to {budget.unit_id}")


def _period_plan(spell: Spell, budget: Budget, plan: Plan, part: PeriodBudget, diags: Diagnostics) -> None:
    streams = [s for s in _unit_actions(spell, budget)
               if (f := s.flow()) is not None and f.how == "stream" and f.token == part.token]
    matched: set[int] = set()
    for planned in [p for p in plan.streams if p.part is part]:
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
                                          f"{planned.period.label} ({part.mip}); this spell does not")
    for stream in streams:
        if id(stream) not in matched:
            diags.warn(stream.loc(), f"this stream ({_stream_text(stream)}) is not in the plan of "
                                     f"{budget.unit_id}'s budget for a spell on {spell.date}")
    _payments_plan(spell, budget, plan, part, diags)


def _payments_plan(spell: Spell, budget: Budget, plan: Plan, part: PeriodBudget, diags: Diagnostics) -> None:
    token = part.token
    planned = [t.amount for t in plan.top_ups if t.part is part]
    for payment in _payments(spell, budget, token):
        if Decimal(payment.paid) in planned:
            planned.remove(Decimal(payment.paid))
        else:
            diags.warn(payment.loc("amount"), f"this payment of {payment.paid:,} {token} is not in the plan of "
                                              f"{budget.unit_id}'s budget for a spell on {spell.date} (no top-up "
                                              "of that amount is due)")
    for left in planned:
        diags.warn(spell.loc("date"), f"the plan pays a top-up of {human(left)} {token} ({part.mip}); "
                                      "this spell does not")


def _terms(stream: Action) -> StreamTerms:
    terms = stream.stream_terms()
    assert terms is not None, "not a stream"
    return terms


def _same_stream(stream: Action, planned: PlannedStream) -> bool:
    terms = _terms(stream)
    return (terms.total, terms.start, terms.end) == (planned.total, planned.start, planned.end)


def _overlaps(stream: Action, planned: PlannedStream) -> bool:
    first, last = stream_days(stream)
    return first <= planned.period.last and planned.period.first <= last


def _planned_text(planned: PlannedStream) -> str:
    return (f"{human(planned.total)} {planned.part.token} from {timeutil.iso(planned.start)} to "
            f"{timeutil.iso(planned.end)}")


def _stream_text(stream: Action) -> str:
    t = _terms(stream)
    return f"{human(t.total)} {t.token} from {timeutil.iso(t.start)} to {timeutil.iso(t.end)}"
