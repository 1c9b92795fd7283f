"""What a spell does, for people: the action table, totals per token and future obligations.

Computed from the model alone (never from Solidity or a chain), exactly: amounts are Decimal, and
streamed amounts follow DssVest's integer arithmetic in wei. Shared by `spellgen diff` and the
reports, so both describe a spell in the same words. Imports nothing heavy (no matplotlib, web3).
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from decimal import Decimal, localcontext

from spellgen.errors import InternalError
from spellgen.spellfile import timeutil
from spellgen.spellfile.amounts import exact_sum, from_wei, human
from spellgen.spellfile.actions import common
from spellgen.spellfile.actions.base import StreamTerms
from spellgen.spellfile.model import Action, Spell


@dataclass(frozen=True)
class ActionRow:
    """One action as a row of the reports' table; empty strings where a column does not apply."""

    action: str  # "stream on MCD_VEST_DAI", "DAI payment", "yank award 19 on MCD_VEST_DAI", ...
    recipient: str  # wallet name or address
    address: str
    token: str
    amount: str  # human units, with the token ("2,486,400 DAI")
    period: str  # "2022-02-01 00:00:00 UTC to 2023-01-31 00:00:00 UTC"
    cliff: str
    restricted: str  # "yes", "no" or ""
    path: str  # YAML path, to join verification results

    def cells(self) -> list[str]:
        return [self.action, self.recipient, self.address, self.token, self.amount, self.period, self.cliff,
                self.restricted]


COLUMNS = ["Action", "Recipient", "Address", "Token", "Amount", "Period (UTC)", "Cliff", "Restricted"]


@dataclass(frozen=True)
class TokenTotal:
    token: str
    paid: Decimal  # sent at the cast (DAI payments as whole DAI, MKR transfers)
    streamed: Decimal  # totals of the new streams

    @property
    def total(self) -> Decimal:
        return exact_sum([self.paid, self.streamed])


@dataclass(frozen=True)
class Obligation:
    """What becomes claimable from the new streams by one recipient in one UTC calendar month."""

    recipient: str  # label (wallet name or address)
    address: str
    token: str
    month: str  # "YYYY-MM"
    amount: Decimal


amount_text = common.amount_text


def period_text(start: int, end: int) -> str:
    """UTC is said once, in the column's header."""
    return f"{common.utc(start)} to {common.utc(end)}"


def _row(action: Action, spell: Spell) -> ActionRow:
    """The action's own row (spellfile/actions/: `summary_row`), with its YAML path."""
    row = action.summary_row(spell)
    return ActionRow(row.action, row.recipient, row.address, row.token, row.amount, row.period, row.cliff,
                     row.restricted, action.path)


def section_rows(section, spell: Spell) -> list[ActionRow]:
    return [_row(a, spell) for a in section.actions]


def totals(spell: Spell) -> list[TokenTotal]:
    """Per token (alphabetical): paid at the cast and streamed by the new streams."""
    paid: dict[str, list[Decimal]] = {}
    streamed: dict[str, list[Decimal]] = {}
    for action in spell.actions:
        for token, amount in action.paid_tokens().items():
            paid.setdefault(token, []).append(amount)
        if (stream := action.streamed()) is not None:
            streamed.setdefault(stream[0], []).append(stream[1])
    return [TokenTotal(t, exact_sum(paid.get(t, [])), exact_sum(streamed.get(t, [])))
            for t in sorted({*paid, *streamed})]


def new_streams(spell: Spell) -> list[StreamTerms]:
    """The terms of the spell's new awards, in file order."""
    return [terms for a in spell.actions if (terms := a.stream_terms()) is not None]


# --- streamed amounts over time -----------------------------------------------------------------

def claimable_wei(stream: StreamTerms, t: int) -> int:
    """What DssVest lets the recipient have claimed by time t: `unpaid + rxd` for a fresh award.

    Nothing before the cliff, then the accrued amount at once; accrual is linear per second with
    integer division, `tot * (t - bgn) / (fin - bgn)`, and `tot` from `fin` on.
    """
    clf = stream.start + stream.eta
    if t < clf or t < stream.start:
        return 0
    if t >= stream.end:
        return stream.wei
    return stream.wei * (t - stream.start) // (stream.end - stream.start)


def month_starts(first: int, last: int) -> list[int]:
    """The UTC first-of-month instants of every month from the one holding `first` to the one holding `last`."""
    out: list[int] = []
    year, month = timeutil.utc(first).year, timeutil.utc(first).month
    while True:
        start = calendar.timegm((year, month, 1, 0, 0, 0))
        if start > last:
            return out
        out.append(start)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _next_month(start: int) -> int:
    t = timeutil.utc(start)
    year, month = (t.year + 1, 1) if t.month == 12 else (t.year, t.month + 1)
    return calendar.timegm((year, month, 1, 0, 0, 0))


def spell_time(spell: Spell) -> int:
    return timeutil.day_start(timeutil.parse_date(spell.date))


def accrued_before(stream: StreamTerms, t: int) -> int:
    """Claimable just before instant t (the left limit): the linear part up to t, but a cliff falling
    exactly at t not yet. Month boundaries use it so a month holds its own seconds and its own cliffs."""
    if t <= stream.start + stream.eta or t <= stream.start:
        return 0
    if t >= stream.end:
        return stream.wei
    return stream.wei * (t - stream.start) // (stream.end - stream.start)


def stream_months(stream: StreamTerms, since: int) -> list[tuple[str, int]]:
    """(YYYY-MM, wei) that becomes claimable in each UTC month, from the month of `since` on.

    A month is [first day 00:00:00, next month's first day): February 2022 holds 28 days of accrual.
    The first month also holds whatever accrued before `since` (a stream that started earlier owes
    it from the cast on), so the months add up to `tot` exactly.
    """
    out = []
    claimed_before = 0
    for start in month_starts(since, max(since, stream.end)):
        upto = accrued_before(stream, _next_month(start))
        out.append((timeutil.utc(start).strftime("%Y-%m"), upto - claimed_before))
        claimed_before = upto
    return out


def obligations(spell: Spell) -> list[Obligation]:
    """Amounts still to stream per recipient, token and UTC month, from the spell's date on.

    Only the spell's new streams: a yanked award's terms are on chain, not in the YAML. Months
    with nothing to claim (before a cliff) are left out. Recipients in order of first appearance.
    """
    since = spell_time(spell)
    sums: dict[tuple[str, str, str], int] = {}
    labels: dict[str, str] = {}
    for s in new_streams(spell):
        labels.setdefault(s.to.address, s.to.label)
        for month, wei in stream_months(s, since):
            key = (s.to.address, s.token, month)
            sums[key] = sums.get(key, 0) + wei
    order = list(labels)
    rows = sorted(sums.items(), key=lambda kv: (order.index(kv[0][0]), kv[0][1], kv[0][2]))
    return [Obligation(labels[address], address, token, month, from_wei(wei))
            for (address, token, month), wei in rows if wei]


@dataclass(frozen=True)
class Series:
    """One recipient's cumulative claimable amount of one token over time, exact at every corner."""

    recipient: str
    token: str
    points: list[tuple[int, Decimal]]  # (unix time, cumulative amount)


def cumulative_series(spell: Spell) -> list[Series]:
    """Per recipient and token, the sum of its new streams' claimable amounts at every corner.

    Each stream is linear between its start, cliff and end, so a sum sampled at all of them (and a
    second before each cliff, to draw the jump) is the exact curve. Recipients in file order.
    """
    groups: dict[tuple[str, str], list[StreamTerms]] = {}
    labels: dict[str, str] = {}
    for s in new_streams(spell):
        groups.setdefault((s.to.address, s.token), []).append(s)
        labels.setdefault(s.to.address, s.to.label)
    out = []
    for (address, token), streams in groups.items():
        # Every curve spans its token's whole chart: 0 before its first start, its total after its end.
        same_token = [s for s in new_streams(spell) if s.token == token]
        corners = {min(s.start for s in same_token), max(s.end for s in same_token)}
        for s in streams:
            corners |= {s.start, s.end}
            if s.eta:
                corners |= {s.start + s.eta - 1, s.start + s.eta}
        points = [(t, from_wei(sum(claimable_wei(s, t) for s in streams))) for t in sorted(corners)]
        out.append(Series(labels[address], token, points))
    return out


def rounded(amount: Decimal, places: int = 2) -> str:
    """For tables people read: at most `places` decimals (half-even), thousands separators.

    Monthly streamed amounts carry up to 18 decimals; the exact values stay in report.json.
    """
    with localcontext() as ctx:
        ctx.prec = 100
        if amount == amount.to_integral_value():
            return human(amount.quantize(Decimal(1)))  # 1,200,000, not 1,200,000.000000000000000000
        exponent = amount.as_tuple().exponent
        if not isinstance(exponent, int):  # NaN: never an amount spellgen computes
            raise InternalError(f"{amount} is not an amount")
        if -exponent > places:
            amount = amount.quantize(Decimal(1).scaleb(-places))
    return human(amount)


def signed(amount: Decimal, token: str, places: int | None = None) -> str:
    """`+13,600 DAI`, `-5 DAI`, `no change`; with `places`, rounded like `rounded` (never to zero)."""
    if amount == 0:
        return "no change"
    size = amount.copy_abs()
    text = rounded(size, places) if places is not None else human(size)
    if text.strip("0.,") == "":
        text = human(size)  # rounding would hide a real difference
    return f"{'+' if amount > 0 else '-'}{text} {token}"


def plain(amount: Decimal) -> str:
    """Exact machine-readable decimal text (no exponent, no separators) for JSON."""
    return format(amount, "f")
