"""What spells did for the core unit, as amounts in time, kept per token: flows over days for the
tokens of period parts (always DAI and USDS; MKR or SKY when its part has `periods`), moves on
dates for the tokens of schedule parts (MKR or SKY moved by transfers).

Only actions whose recipient is one of the budget's wallets count. A stream of a period part's token
funds the days it runs (from its start's day to the day of its last second, so a 2022-style end at
00:00:00 does not count that day); a payment (dai_payment, usds_payment) that matches a top-up of the
token's part funds that top-up's period, any other payment, and a transfer of a streamed governance
token, counts in full on the spell's date. For a schedule part, its token transferred (mkr_transfer,
sky_transfer) or streamed from a vest of that token counts on the spell's date.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from spellgen.errors import InternalError
from spellgen.spellfile import timeutil
from spellgen.spellfile.actions.base import Flow
from spellgen.spellfile.model import Action, Located, Spell
from spellgen.budget import months
from spellgen.budget.model import GOV_TOKENS, STABLE_TOKENS, Budget, Ledger, Period


@dataclass(frozen=True)
class Origin:
    """The action an amount comes from: in the spell under check, or in an entry of the ledger."""

    spell_date: str
    description: str
    action: Located  # a spell action; for the budget's own plan, the period or stream that states it
    in_spell: bool

    @property
    def label(self) -> str:
        return "this spell" if self.in_spell else f"the spell of {self.spell_date}"

    @property
    def day(self) -> date:
        return timeutil.parse_date(self.spell_date)


@dataclass
class DayFlow:
    amount: Decimal
    first: date
    last: date  # inclusive
    kind: str  # "stream", "payment" (a stablecoin) or "transfer" (a governance token)
    origin: Origin
    period: Period | None = None  # the budget period whose top-up a payment is

    def weight(self) -> Fraction:
        """The flow's length in months: whole months count 1, part of a month days / days-in-month."""
        return sum((Fraction(months.days_between(a, b), months.days_in_month(*key))
                    for key, a, b in months.month_spans(self.first, self.last)), Fraction(0))

    def share(self, first: date, last: date) -> Fraction:
        """The part of the amount that funds the days [first, last].

        Spread so that each whole month carries the same part and a partial month days/days-in-month
        of it: a year's stream of 12 x 213,850 DAI puts exactly 213,850 DAI in every month, February
        as much as March, the way the MIP derives its monthly cap from its annual one.
        """
        span = months.overlap(self.first, self.last, first, last)
        if span is None:
            return Fraction(0)
        inside = sum((Fraction(months.days_between(a, b), months.days_in_month(*key))
                      for key, a, b in months.month_spans(*span)), Fraction(0))
        return Fraction(self.amount) * inside / self.weight()


@dataclass
class GovMove:
    day: date
    amount: Decimal
    origin: Origin


@dataclass
class Flows:
    spread: dict[str, list[DayFlow]]  # token -> flows over days, for every token
    moves: dict[str, list[GovMove]]  # token -> moves on dates, for every token of GOV_TOKENS
    other: list[Origin]  # actions for the core unit that the budget does not cover (other tokens)

    @classmethod
    def empty(cls) -> "Flows":
        return cls({t: [] for t in STABLE_TOKENS + GOV_TOKENS}, {t: [] for t in GOV_TOKENS}, [])


def _flow_of(action: Action, how: str) -> tuple[str, Decimal] | None:
    flow = action.flow()
    return (flow.token, flow.amount) if flow is not None and flow.how == how else None


def payment_of(action: Action) -> tuple[str, Decimal] | None:
    """The token and amount a surplus-buffer payment sends (whole tokens, or DAI to the wei with `exact`)."""
    return _flow_of(action, "payment")


def transfer_of(action: Action) -> tuple[str, Decimal] | None:
    """The token and amount a treasury transfer moves."""
    return _flow_of(action, "transfer")


def is_stream(action: Located) -> bool:
    """A spell action that streams (a plan's own period or stream is not a spell action)."""
    flow = action.flow() if isinstance(action, Action) else None
    return flow is not None and flow.how == "stream"


def flow_of(origin: Origin) -> Flow:
    """The flow of a spell action that `collect` counted (a plan's own period or stream has none)."""
    flow = origin.action.flow() if isinstance(origin.action, Action) else None
    if flow is None:
        raise InternalError(f"an action of {origin.label} was counted as a flow but moves nothing")
    return flow


def stream_days(stream: Action) -> tuple[date, date]:
    """The UTC days a stream runs: from its start to the day of its last second."""
    flow = stream.flow()
    assert flow is not None and flow.span is not None, "not a stream"
    start, end = flow.span
    return timeutil.utc(start).date(), timeutil.utc(end - 1).date()


def _actions_for_unit(budget: Budget, spell_date: str, description: str, actions: list[Action],
                      in_spell: bool) -> list[Origin]:
    return [Origin(spell_date, description, a, in_spell) for a in actions
            if (to := a.receiver()) is not None and budget.wallet_of(to.address) is not None]


def collect(budget: Budget, ledger: Ledger | None, spell: Spell | None = None) -> Flows:
    """Flows of the ledger's spells (in date order) followed by those of `spell`, for the unit's wallets."""
    origins: list[Origin] = []
    for entry in sorted(ledger.entries if ledger else [], key=lambda e: e.date):
        origins += _actions_for_unit(budget, entry.date, entry.description, entry.actions, False)
    if spell is not None:
        origins += _actions_for_unit(budget, spell.date, spell.description, spell.actions, True)
    flows = Flows.empty()
    taken: set[tuple[str, int]] = set()  # (token, period index) of top-ups already matched by a payment
    for origin in origins:
        _add(budget, origin, flows, taken)
    return flows


def _add(budget: Budget, origin: Origin, flows: Flows, taken: set[tuple[str, int]]) -> None:
    action = origin.action
    assert isinstance(action, Action)  # the origins collected here are spell actions, not plan entries
    over_days = [t for t in flows.spread if _over_days(budget, t)]
    flow = action.flow()
    if flow is None:
        return
    token = flow.token if flow.how == "stream" else None
    if (paid := payment_of(action)) is not None:
        token, amount = paid
        period = _top_up_for(budget, token, amount, taken)
        first, last = (period.first, period.last) if period else (origin.day, origin.day)
        flows.spread[token].append(DayFlow(amount, first, last, "payment", origin, period))
    elif (moved := transfer_of(action)) is not None and moved[0] in over_days:
        flows.spread[moved[0]].append(DayFlow(moved[1], origin.day, origin.day, "transfer", origin))
    elif moved is not None:
        flows.moves[moved[0]].append(GovMove(origin.day, moved[1], origin))
    elif flow.how == "stream" and flow.span is not None and flow.span[1] > flow.span[0] and token in over_days:
        first, last = stream_days(action)
        flows.spread[token].append(DayFlow(flow.amount, first, last, "stream", origin))
    elif flow.how == "stream" and flow.token in flows.moves:
        flows.moves[flow.token].append(GovMove(origin.day, flow.amount, origin))
    elif flow.how == "stream":
        flows.other.append(origin)


def _over_days(budget: Budget, token: str) -> bool:
    """Stablecoins count over days whatever the budget (a DAI stream to a unit without a DAI part is
    still a flow of days); a governance token when its part streams over budget periods."""
    return token in STABLE_TOKENS or token in budget.periodic


def _top_up_for(budget: Budget, token: str, amount: Decimal, taken: set[tuple[str, int]]) -> Period | None:
    """The first budget period of the token's part, not matched yet, whose top-up is exactly this payment."""
    part = budget.periodic.get(token)
    if part is None:
        return None
    for index, period in enumerate(part.periods):
        if period.top_up == amount and (token, index) not in taken:
            taken.add((token, index))
            return period
    return None
