"""Render a checked spell model into Solidity with the Jinja templates under templates/.

Python decides every name, literal and comment (so they can be tested and escaped in one place);
the templates only lay them out in the house style. The same model always gives the same bytes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import jinja2

from spellgen.spec import history, solidity
from spellgen.spec import timeutil
from spellgen.spec.amounts import human, is_whole, solidity_number
from spellgen.spec.model import Allowance, CapChange, DaiPayment, MkrTransfer, Party, Spell, Stream, Yank
from spellgen.spec.protocol import VESTS
from spellgen.resources import templates_dir

TEMPLATES = templates_dir()
ETHER_NOTE = "Note: ether is a keyword helper, only {token} is transferred here"


@dataclass
class Line:
    """One rendered statement: comment lines above it, the code, and an optional trailing comment."""

    comments: list[str]
    code: list[str]  # one or more physical lines, unindented


@dataclass
class SectionView:
    title: str
    links: list[tuple[str, str]]
    blocks: list[Line]


@dataclass
class SpellView:
    source_name: str
    solc: str
    description: str
    office_hours: bool
    expiry: str
    exec_doc: str | None
    wallets: list[tuple[str, str]]
    dates: list[tuple[str, int, str]]  # name, value, UTC text
    chainlog: list[str]
    gems: list[tuple[str, str]]  # (symbol, initialiser expression)
    sections: list[SectionView] = field(default_factory=list)
    needs_wad: bool = False


class _Names:
    """Solidity names of the constants a spell needs, chosen once and deterministically."""

    def __init__(self, spell: Spell):
        stamps = sorted(self._stamps(spell))
        per_day: dict[str, int] = {}
        for ts in stamps:
            per_day[timeutil.iso_date(ts)] = per_day.get(timeutil.iso_date(ts), 0) + 1
        self.dates = {ts: timeutil.constant_name(ts, per_day[timeutil.iso_date(ts)] > 1) for ts in stamps}

    @staticmethod
    def _stamps(spell: Spell) -> set[int]:
        stamps: set[int] = set()
        for s in spell.of_type(Stream):
            stamps.add(s.start)
            if s.end_style != "duration":
                stamps.add(s.end)
            if s.cliff is not None and s.cliff_style != "duration":
                stamps.add(s.cliff)
        stamps.update(y.end for y in spell.of_type(Yank) if y.end is not None)
        return stamps

    def date(self, ts: int) -> str:
        return self.dates[ts]


def _party(party: Party | None) -> str:
    return "address(0)" if party is None else (party.name or party.address)


def _amount_comment(party: Party) -> str:
    return party.name + " - " if party.name else ""


def wei_expression(amount: Decimal) -> tuple[str, bool]:
    """Solidity for a token amount in wei, and whether the `ether` keyword note is needed."""
    if amount == 0:
        return "0", False
    if is_whole(amount):
        return f"{solidity_number(amount)} * WAD", False
    return f"{solidity_number(amount)} ether", True


class _Builder:
    def __init__(self, spell: Spell):
        self.spell = spell
        self.names = _Names(spell)
        self.needs_wad = False

    def wei(self, amount: Decimal) -> tuple[str, bool]:
        expression, needs_note = wei_expression(amount)
        self.needs_wad |= expression.endswith("* WAD")
        return expression, needs_note

    def section(self, section) -> SectionView:
        blocks = [getattr(self, f"_{type(a).__name__}")(a) for a in section.actions]
        return SectionView(solidity.comment(section.title),
                           [(label, solidity.comment(text)) for label, text in section.links], blocks)

    def _with_comment(self, action, comments: list[str]) -> list[str]:
        extra = [solidity.comment(action.comment)] if getattr(action, "comment", None) else []
        return extra + [solidity.comment(c) for c in comments]

    def _DaiPayment(self, pay: DaiPayment) -> Line:
        what = f"{human(pay.amount)} DAI"
        if pay.paid != pay.amount:
            what += f" rounded up to {pay.paid:,} DAI (sendPaymentFromSurplusBuffer takes whole DAI)"
        head = f"{pay.to.name} - {what} - {pay.to.address}" if pay.to.name else f"{pay.to.address} - {what}"
        code = f"DssExecLib.sendPaymentFromSurplusBuffer({_party(pay.to)}, {pay.paid:_});"
        return Line(self._with_comment(pay, [head]), [code])

    def _MkrTransfer(self, transfer: MkrTransfer) -> Line:
        amount = human(transfer.amount, min_decimals=2)
        head = f"{transfer.to.name} - {amount} MKR - {transfer.to.address}" if transfer.to.name \
            else f"{transfer.to.address} - {amount} MKR"
        literal = solidity_number(transfer.amount, min_decimals=2)
        code = f"MKR.transfer({_party(transfer.to)}, {literal} ether); // {ETHER_NOTE.format(token='MKR')}"
        return Line(self._with_comment(transfer, [head]), [code])

    def _Stream(self, s: Stream) -> Line:
        vest = f"VestLike({s.vest})"
        total, note = self.wei(s.total)
        bgn = self.names.date(s.start)
        if s.end_style == "duration":
            tau = timeutil.solidity_duration(s.duration or s.tau)
        else:
            tau = f"{self.names.date(s.end)} - {bgn}"
        if s.cliff is None:
            eta, eta_note = "0", "eta: no cliff"
        elif s.cliff_style == "duration":
            eta, eta_note = timeutil.solidity_duration(s.eta), f"eta: cliff {timeutil.iso(s.cliff)}"
        else:
            eta, eta_note = f"{self.names.date(s.cliff)} - {bgn}", f"eta: cliff {timeutil.iso(s.cliff)}"
        args = [
            (f"{_party(s.to)},", "usr"),
            (f"{total},", "tot" + (f" ({ETHER_NOTE.format(token=s.token)})" if note else "")),
            (f"{bgn},", "bgn"),
            (f"{tau},", f"tau: {timeutil.human_duration(s.tau)}"),
            (f"{eta},", eta_note),
            (_party(s.manager), "mgr" + (f": {s.manager.label}" if s.manager else ": none")),
        ]
        width = max(len(code) for code, _ in args)
        create = [f"    {code.ljust(width)} // {solidity.comment(note_)}" for code, note_ in args]
        if s.restricted:
            code = [f"{vest}.restrict(", f"    {vest}.create("] + ["    " + c for c in create] + ["    )", ");"]
        else:
            code = [f"{vest}.create("] + create + [");"]
        return Line(self._with_comment(s, [self._stream_head(s)]), code)

    def _stream_head(self, s: Stream) -> str:
        start_end_of_day = timeutil.utc(s.start).strftime("%H%M%S") == "000000" and \
            timeutil.utc(s.end).strftime("%H%M%S") == "235959"
        period = f"{timeutil.iso_date(s.start)} to {timeutil.iso_date(s.end)}" if start_end_of_day \
            else f"{timeutil.iso(s.start)} to {timeutil.iso(s.end)}"
        cliff = timeutil.iso(s.cliff) if s.cliff is not None else "none"
        parts = [s.to.name or s.to.address, period, f"{human(s.total)} {s.token}"]
        if s.to.name:
            parts.append(s.to.address)
        parts += [f"Cliff: {cliff}", f"Restricted: {'Yes' if s.restricted else 'No'}"]
        return " | ".join(parts)

    def _Yank(self, y: Yank) -> Line:
        token = VESTS[y.vest].token
        head = f"Yank {token} stream ID {y.id} on {y.vest}"
        if y.recipient is not None:
            head += f" ({y.recipient.label})"
        if y.end is None:
            return Line(self._with_comment(y, [head]), [f"VestLike({y.vest}).yank({y.id});"])
        head += f", ending it at {timeutil.iso(y.end)}"
        return Line(self._with_comment(y, [head]), [f"VestLike({y.vest}).yank({y.id}, {self.names.date(y.end)});"])

    def _Allowance(self, a: Allowance) -> Line:
        vest = VESTS[a.vest]
        gem = vest.token
        if a.mode == "set":
            amount, note = self.wei(a.amount)
            head = f"Set the PauseProxy's {gem} allowance to {a.vest} to {human(a.amount)} {gem}"
            code = f"{gem}.approve({a.vest}, {amount});"
        else:
            delta = a.amount if a.amount is not None else sum(
                (s.total for s in self.spell.of_type(Stream) if s.vest == a.vest), Decimal(0))
            amount, note = self.wei(delta)
            source = "the new streams' total" if a.amount is None else "the declared amount"
            head = f"Increase the PauseProxy's {gem} allowance to {a.vest} by {source}: {human(delta)} {gem}"
            code = f"{gem}.approve({a.vest}, {gem}.allowance(address(this), {a.vest}) + {amount});"
        if note:
            code += f" // {ETHER_NOTE.format(token=gem)}"
        return Line(self._with_comment(a, [head]), [code])

    def _CapChange(self, c: CapChange) -> Line:
        token = VESTS[c.vest].token
        amount, note = self.wei(c.amount)
        head = f"Set the {c.vest} rate cap to {human(c.amount)} {token} per {timeutil.human_duration(c.period)}"
        period = timeutil.solidity_duration(c.period)
        if note:  # `1_200.5 ether / 365 days` would be a constant rational, not an integer division
            period = f"uint256({period})"
        code = f'DssExecLib.setValue({c.vest}, "cap", {amount} / {period});'
        if note:
            code += f" // {ETHER_NOTE.format(token=token)}"
        return Line([solidity.comment(head)], [code])


def _used_wallets(spell: Spell) -> list[tuple[str, str]]:
    """Registry wallets the code refers to, in registry order (a yank's recipient is only a comment)."""
    parties = [a.to for a in spell.actions if isinstance(a, (DaiPayment, MkrTransfer, Stream))]
    parties += [s.manager for s in spell.of_type(Stream) if s.manager is not None]
    used = {p.name for p in parties if p.name}
    return [(name, address) for name, address in spell.wallets.items() if name in used]


def _gems(spell: Spell) -> list[tuple[str, str]]:
    """Token immutables, each through the chainlog key of the spell's date. MKR: DssExecLib.mkr()
    (MCD_GOV) until 2025-05-15; from then on MCD_GOV is SKY and MKR has the key MKR."""
    symbols = {"MKR"} if spell.of_type(MkrTransfer) else set()
    symbols |= {VESTS[a.vest].token for a in spell.of_type(Allowance)}

    def source(symbol: str) -> str:
        key = history.token_key_at(symbol, spell.date)
        return "GemLike(DssExecLib.mkr())" if key == "MCD_GOV" and symbol == "MKR" else \
            f'GemLike(DssExecLib.getChangelogAddress("{key}"))'
    return [(s, source(s)) for s in sorted(symbols)]


def spell_view(spell: Spell, source_name: str) -> SpellView:
    builder = _Builder(spell)
    sections = [builder.section(s) for s in spell.sections]
    vests = {a.vest for a in spell.actions if hasattr(a, "vest")}
    return SpellView(
        source_name=solidity.comment(source_name),
        solc=spell.solc,
        description=solidity.string_literal(spell.description),
        office_hours=spell.office_hours,
        expiry=timeutil.solidity_duration(spell.expiry),
        exec_doc=solidity.comment(spell.exec_doc) if spell.exec_doc else None,
        wallets=_used_wallets(spell),
        dates=[(name, ts, timeutil.iso(ts)) for ts, name in sorted(builder.names.dates.items())],
        chainlog=sorted(vests),
        gems=_gems(spell),
        sections=sections,
        needs_wad=builder.needs_wad,
    )


def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=False,  # Solidity, not HTML: every value is made safe in Python (solidity.py)
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def tidy(text: str) -> str:
    """One blank line at most, none just inside braces, one newline at the end.

    Templates stay readable with conditional blocks; this pass makes the layout exact.
    """
    out: list[str] = []
    for line in text.splitlines():
        line = line.rstrip()
        if not line and (not out or not out[-1] or out[-1].endswith("{")):
            continue
        if line.strip() in ("}", ");", ")") and out and not out[-1]:
            out.pop()
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def render(spell: Spell, source_name: str, section_only: bool = False) -> str:
    """The full spell (or only the budget section) as Solidity source text."""
    view = spell_view(spell, source_name)
    template = _environment().get_template("section.sol.j2" if section_only else "spell.sol.j2")
    return tidy(template.render(v=view))
