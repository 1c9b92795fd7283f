"""Where a core unit stands against its budget at a date: each period part (DAI, USDS, a streamed MKR
or SKY) per budget period, each schedule part (MKR, SKY moved by transfers) per vesting year. The data
has one key per part, the token in lower case (`dai`, `usds`, `mkr`, `sky`).

`status(...)` returns plain data (JSON-ready, amounts as exact decimal strings); `text(...)` lays it
out for people. Only ledger entries dated on or before the status date count.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from spellgen.spellfile import timeutil
from spellgen.spellfile.amounts import decimals_of, human
from spellgen.spellfile.actions.base import StreamTerms
from spellgen.spellfile.model import Action
from spellgen.budget import months
from spellgen.budget.caps import allocate, gov_uses, scheduled_per_year, period_uses
from spellgen.budget.flows import DayFlow, GovMove, collect, is_stream
from spellgen.budget.model import GOV_TOKENS, STABLE_TOKENS, Budget, Ledger, PeriodBudget, ScheduleBudget
from spellgen.budget.plan import earlier_ledger


def plain(value: Fraction | Decimal) -> str:
    """Exact decimal text for JSON (no separators); rounded to 18 decimals if it does not terminate."""
    value = Fraction(value)
    wei = value * 10**18
    if wei.denominator != 1:
        wei = Fraction(round(wei))
    return format(Decimal(wei.numerator).scaleb(-18).normalize(), "f")


def status(budget: Budget, ledger: Ledger | None, at: date) -> dict:
    earlier = earlier_ledger(ledger, at, None)
    flows = collect(budget, earlier)
    data = {
        "core_unit": {"id": budget.unit_id, "name": budget.unit_name},
        "at": at.isoformat(),
        "spells": [{"date": e.date, "description": e.description} for e in (earlier.entries if earlier else [])],
    }
    for token, part in budget.periodic.items():
        data[token.lower()] = _periodic(part, flows.spread[token], at)
    for token, schedule_part in budget.scheduled.items():
        data[token.lower()] = _gov(schedule_part, flows.moves[token], at)
    return data


# -- period parts ---------------------------------------------------------------------------------

def once_kind(token: str) -> str:
    """What a period part's amounts paid at once are called: stablecoins are paid, MKR and SKY transferred."""
    return "paid" if token in STABLE_TOKENS else "transferred"


def _periodic(part: PeriodBudget, flows: list[DayFlow], at: date) -> dict:
    periods: list[dict[str, str | int | Fraction]] = []
    amounts: list[dict[str, Fraction]] = []  # the columns of `periods` that add up
    once = once_kind(part.token)
    for period in part.periods:
        streamed = sum((f.share(period.first, period.last) for f in flows if f.kind == "stream"), Fraction(0))
        paid = sum((f.share(period.first, period.last) for f in flows if f.kind != "stream"), Fraction(0))
        cap = Fraction(part.annual_cap) * period.days / period.year_days
        amounts.append({"cap": cap, "streamed": streamed, once: paid, "total": streamed + paid,
                        "left": cap - streamed - paid})
        periods.append({"first": period.first.isoformat(), "last": period.last.isoformat(), "cap": cap,
                        "days": period.days, "year_days": period.year_days, **amounts[-1]})
    keys = ("cap", "streamed", once, "total", "left")
    total = {k: sum((a[k] for a in amounts), Fraction(0)) for k in keys}
    outside = [_outside(f, part) for f in flows]
    return {
        "mip": part.mip, "annual_cap": plain(part.annual_cap), "monthly_cap": plain(part.monthly_cap),
        "periods": [{k: plain(v) if isinstance(v, Fraction) else v for k, v in p.items()} for p in periods],
        "total": {k: plain(v) for k, v in total.items()},
        "outside_periods": [o for o in outside if o is not None],
        "streams": [_stream_row(f, at) for f in flows if f.kind == "stream"],
        "over_cap": [u.message() for u in period_uses(part, flows) if u.over],
    }


def _outside(flow: DayFlow, part: PeriodBudget) -> dict | None:
    inside = sum((flow.share(p.first, p.last) for p in part.periods), Fraction(0))
    rest = Fraction(flow.amount) - inside
    if rest <= 0:
        return None
    return {"amount": plain(rest), "kind": flow.kind, "spell": flow.origin.spell_date}


def _stream_row(flow: DayFlow, at: date) -> dict:
    stream = flow.origin.action.stream_terms() if isinstance(flow.origin.action, Action) else None
    assert stream is not None, "a stream flow comes from a stream"
    return {"vest": stream.vest, "total": plain(stream.total), "start": timeutil.iso(stream.start),
            "end": timeutil.iso(stream.end), "spell": flow.origin.spell_date,
            "accrued": plain(accrued(stream, timeutil.day_start(at))),
            "accrued_at": timeutil.iso(timeutil.day_start(at))}


def accrued(stream: StreamTerms, now: int) -> Decimal:
    """DssVest's accrued(): tot * (now - bgn) / (fin - bgn) in wei, rounded down; 0 before bgn, tot from fin."""
    if now <= stream.start:
        return Decimal(0)
    if now >= stream.end:
        return stream.total
    wei = stream.wei * (now - stream.start) // (stream.end - stream.start)
    return Decimal(wei).scaleb(-18)


# -- governance tokens ----------------------------------------------------------------------------

def _gov(part: ScheduleBudget, moves: list[GovMove], at: date) -> dict:
    allocation = allocate(part, moves)
    scheduled = scheduled_per_year(part)
    committed = {k: Decimal(0) for k in scheduled}
    for vesting, left in zip(part.schedule, allocation.remaining):
        committed[part.year_of(vesting.date)] += left
    # A vesting moved by a stream (on a vest of the token) is streamed, not transferred: the key
    # `streamed` appears only when some spell streamed.
    any_stream = any(is_stream(m.origin.action) for m in moves)
    years: list[dict[str, str | int | Decimal]] = []
    amounts: list[dict[str, Decimal]] = []  # the columns of `years` that add up
    for number, first, last in part.years():
        shares = allocation.per_year[number]
        streamed = sum((a for o, a in shares if is_stream(o.action)), Decimal(0))
        moved = sum((a for _, a in shares), Decimal(0))
        columns = {"scheduled": scheduled[number], "transferred": moved - streamed}
        columns |= {"streamed": streamed} if any_stream else {}
        amounts.append(columns | {"to_transfer": committed[number]})
        years.append({"year": number, "first": first.isoformat(), "last": last.isoformat(), "cap": part.annual_cap,
                      **amounts[-1], "left": part.annual_cap - moved - committed[number]})
    keys = ("scheduled", "transferred", "streamed", "to_transfer") if any_stream else \
        ("scheduled", "transferred", "to_transfer")
    total = {k: sum((a[k] for a in amounts), Decimal(0)) for k in keys}
    moved_total = total["transferred"] + total.get("streamed", Decimal(0))
    total = {"cap": part.total_cap, **total, "left": part.total_cap - moved_total - total["to_transfer"]}
    return {
        "mip": part.mip, "info": part.info,
        "annual_cap": plain(part.annual_cap), "total_cap": plain(part.total_cap),
        "transfer_within": months.months_text(part.horizon_months),
        "years": [{k: plain(v) if isinstance(v, Decimal) else v for k, v in y.items()} for y in years],
        "total": {k: plain(v) for k, v in total.items()},
        "to_come": _to_come(part, allocation.remaining, at),
        "over_cap": [u.message() for u in gov_uses(part, moves) if u.over],
    }


def _to_come(part: ScheduleBudget, remaining: list[Decimal], at: date) -> list[dict]:
    """Vestings not transferred yet, with the first spell date whose transfer rule reaches them."""
    rows = []
    for vesting, left in zip(part.schedule, remaining):
        if left > 0:
            due_from = months.add_months(vesting.date, -part.horizon_months)
            rows.append({"date": vesting.date.isoformat(), "amount": plain(left), "due_from": due_from.isoformat(),
                         "due_now": due_from <= at})
    return rows


# -- text -----------------------------------------------------------------------------------------

def text(data: dict) -> str:
    unit = data["core_unit"]
    spells = data["spells"]
    cited = ", ".join(s["date"] for s in spells) or "none"
    lines = [f"{unit['id']} {unit['name']}: budget status at {data['at']}",
             f"spells in the ledger up to that date: {len(spells)} ({cited})"]
    for key, part in data.items():
        if key.upper() in STABLE_TOKENS + GOV_TOKENS:
            lines += [""] + (_periodic_text if "periods" in part else _gov_text)(part, key.upper())
    return "\n".join(lines) + "\n"


def _fmt(value: str, min_decimals: int = 0) -> str:
    """Exact as in the data, but cents for long fractions (an accrual in wei reads better rounded)."""
    number = Decimal(value)
    if decimals_of(number) > 6:
        return f"about {human(number.quantize(Decimal('0.01')))}"
    return human(number, min_decimals)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in [header] + rows) for i in range(len(header))]
    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        return "  " + "  ".join([first] + [c.rjust(w) for c, w in zip(cells[1:], widths[1:])])
    return [line(header)] + [line(r) for r in rows]


def _periodic_text(part: dict, token: str) -> list[str]:
    lines = [f"{token} ({part['mip']}): caps {_fmt(part['annual_cap'])} {token} a year, "
             f"{_fmt(part['monthly_cap'])} {token} a month"]
    keys = ("cap", "streamed", once_kind(token), "total", "left")
    rows = [[f"{p['first']} to {p['last']}" + ("" if p["days"] == p["year_days"] else
                                                f" ({p['days']}/{p['year_days']} days)")]
            + [_fmt(p[k]) for k in keys] for p in part["periods"]]
    rows.append(["total"] + [_fmt(part["total"][k]) for k in keys])
    lines += _table(["budget period", *keys], rows)
    for s in part["streams"]:
        lines.append(f"  stream {s['start']} to {s['end']}: {_fmt(s['total'])} {token} on {s['vest']} (spell of "
                     f"{s['spell']}): {_fmt(s['accrued'])} {token} accrued by {s['accrued_at']}")
    for o in part["outside_periods"]:
        lines.append(f"  outside every budget period: {_fmt(o['amount'])} {token} of the {o['kind']} in the spell of "
                     f"{o['spell']}")
    lines += [f"  over a cap: {m}" for m in part["over_cap"]]
    return lines


def _gov_text(part: dict, token: str) -> list[str]:
    lines = [f"{token} ({part['mip']}): caps {_fmt(part['annual_cap'])} {token} a year, "
             f"{_fmt(part['total_cap'])} {token} in all"]
    lines += [f"  {label}: {value}" for label, value in part["info"].items()]
    streamed = "streamed" in part["total"]
    keys = ("cap", "scheduled", "transferred") + ("streamed",) * streamed + ("to_transfer", "left")
    rows = [[f"{y['year']}: {y['first']} to {y['last']}"] + [_fmt(y[k], 2) for k in keys] for y in part["years"]]
    rows.append(["total"] + [_fmt(part["total"][k], 2) for k in keys])
    lines += _table(["vesting year"] + [k.replace("_", " ") for k in keys], rows)
    if part["to_come"]:
        within = part["transfer_within"]
        lines.append(f"  transfers to come (a vesting moves in the first spell within {within} of it):")
        for row in part["to_come"]:
            when = "due now" if row["due_now"] else f"due from {row['due_from']}"
            lines.append(f"    {row['date']}  {_fmt(row['amount'], 2)} {token}  {when}")
    else:
        lines.append(f"  every scheduled vesting has been {'transferred or streamed' if streamed else 'transferred'}")
    lines += [f"  over a cap: {m}" for m in part["over_cap"]]
    return lines

