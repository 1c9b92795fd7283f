"""`cap`: a vest's rate cap, `DssExecLib.setValue(VEST, "cap", amount / period)`; with `raise_only`, filed
only when it is above the cap in force (the form of the treasury-funded farm library the 2025-10-30 and
2026-04-09 spells ran: `if (new > vest.cap()) vest.file("cap", new)`)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from spellgen.spellfile import solidity as sol
from spellgen.spellfile import timeutil
from spellgen.spellfile.actions import common
from spellgen.spellfile.actions.base import (
    Action, Block, Branch, BrownieContext, Check, CheckContext, DocClaim, Effects, EventView, Flow, Party, SolidityContext,
    StateEffect, StateView, SummaryRow, TokenEvents,
)
from spellgen.spellfile.actions.fields import AMOUNT, DURATION, VEST
from spellgen.spellfile.amounts import human
from spellgen.spellfile.protocol import VESTS, Cap

if TYPE_CHECKING:
    from spellgen.spellfile.expect import Expected, Item
    from spellgen.spellfile.model import Spell


@dataclass
class CapChange(Action):
    vest: str
    amount: Decimal
    period: int
    raise_only: bool = False  # file only if above the cap in force at the cast (read on chain)

    KIND: ClassVar[str] = "cap"
    LABEL: ClassVar[str] = "cap"
    FIELDS: ClassVar[dict[str, bool]] = {"type": True, "vest": True, "amount": True, "per": True,
                                         "raise_only": False}
    README: ClassVar[str] = "`cap`"
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = ("setValue", "file")
    CHECK_RANK: ClassVar[int] = 9
    EXPLAIN_RANK: ClassVar[int] = 6
    EFFECTS: ClassVar[Effects] = Effects(
        calls=(("DssExecLib", "setValue"), ("VEST", "file"), ("VEST", "cap")),
        reads=("VEST.cap() (raise_only)",),
        branches=(Branch("if", ("VEST.cap",), "newCap > VEST.cap(): file it (raise_only: the cap in force at or "
                                              "above it is kept, no File event)"),),
        state=(("VEST", "cap"),),
        events=(("VEST", "File(cap, value)"),),
        state_free=(("VEST", "File(cap, value)"),),  # the cap it already was
        variants=(("raise_only: true, the cap in force at or above the new one", ()),),
        used_by=("checks, run by verify/compare.py: the vest's cap after the cast (raise_only: the larger of the "
                 "cap before and the new one)",
                 "state_effects, applied by verify/statediff.py: its storage changes",
                 "verify/compare.py: File among the vest's events"))

    @property
    def cap(self) -> Cap:
        return Cap(self.amount, self.period)

    def event_form(self, spell: Spell, before: Any, cast_time: int) -> str:
        """raise_only files nothing when the cap in force before the cast is at or above the new one."""
        in_force = getattr(before, "caps", {}).get(self.vest)
        if self.raise_only and in_force is not None and in_force >= self.cap.per_second_wei:
            return "raise_only: true, the cap in force at or above the new one"
        return ""

    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        return "Set a vest's rate cap: file(\"cap\", amount * WAD / per).", {
            "vest": VEST, "amount": AMOUNT, "per": DURATION,
            "raise_only": {"type": "boolean", "description": "File the cap only if it is above the cap in force "
                                                             "at the cast (read on chain); default false."}}

    @classmethod
    def parse(cls, p, node) -> CapChange | None:
        e = node.entries
        vest = p.vest(e["vest"], "the vest")
        amount = p.r.amount(e["amount"], "the cap amount", VESTS[vest].token if vest else None)
        period = p.r.duration(e["per"], "the cap period")
        raise_only = p.r.boolean(e["raise_only"], "raise_only") if "raise_only" in e else False
        if None in (vest, amount, period, raise_only):
            return None
        return cls(vest, amount, period, bool(raise_only))

    def check(self, ctx: CheckContext) -> None:
        """The caps in force at each stream are checked in order across the spell (checks.py's rates)."""

    def sets_cap(self, in_force: dict[str, Cap | None]) -> tuple[str, Cap]:
        current = in_force.get(self.vest)
        if self.raise_only and current is not None and current.per_second_wei > self.cap.per_second_wei:
            return self.vest, current  # not filed: the higher cap stays
        return self.vest, self.cap


    def solidity(self, ctx: SolidityContext) -> Block:
        token = VESTS[self.vest].token
        amount, note = ctx.wei(self.amount)
        period = timeutil.solidity_duration(self.period)
        if note:  # `1_200.5 ether / 365 days` would be a constant rational, not an integer division
            period = f"uint256({period})"
        rate = f"{human(self.amount)} {token} per {timeutil.human_duration(self.period)}"
        if self.raise_only:
            return self._raise_only(ctx, rate, f"{amount} / {period}", ctx.note(token) if note else "")
        code = f'DssExecLib.setValue({self.vest}, "cap", {amount} / {period});'
        if note:
            code += ctx.note(token)
        return Block([sol.comment(f"Set the {self.vest} rate cap to {rate}")], [code])

    def _raise_only(self, ctx: SolidityContext, rate: str, value: str, note: str) -> Block:
        """The cap read on chain and filed only when the new one is above it (a scope keeps `newCap` local)."""
        vest = ctx.type("vest", "cap", "file")
        head = f"Raise the {self.vest} rate cap to {rate}, only if that is above the cap in force"
        return Block([sol.comment(head)], [
            "{",
            f"    uint256 newCap = {value};{note}",
            "    // Note: a cap in force at or above it is kept",
            f"    if (newCap > {vest}({self.vest}).cap()) {{",
            f'        {vest}({self.vest}).file("cap", newCap);',
            "    }",
            "}"])

    def chainlog_keys(self) -> set[str]:
        return {self.vest}

    def expect(self, spell: Spell, out: Expected) -> None:
        from spellgen.spellfile.expect import CapSet, Item

        token = VESTS[self.vest].token
        verb = "raised only if above the cap in force, to" if self.raise_only else "to"
        item = Item(f"cap: {self.vest} {verb} {human(self.amount)} {token} per "
                    f"{timeutil.human_duration(self.period)}", self.path)
        out.caps.append(CapSet(item, self.vest, self.cap.per_second_wei, self.raise_only))

    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        out = []
        for c in e.caps:
            before, got = o.before.caps[c.vest], o.after.caps[c.vest]
            evidence = f"cap {before} -> {got} wei/s"
            if c.raise_only:
                evidence += (f" (new {c.per_second} wei/s: " +
                             ("filed, above the cap in force)" if c.per_second > before else
                              "not filed, the cap in force is at or above it)"))
            out.append(common.ok(c.item.label, c.item.path, evidence,
                                 common.compare([("cap", c.after(before), got)])))
        return out

    @classmethod
    def state_effects(cls, e: Expected, view: StateView) -> list[StateEffect]:
        return [StateEffect(c.vest, "cap", (), value=c.after(view.caps_before.get(c.vest, 0)), label=c.item.label,
                            layout="DssVest")
                for c in getattr(e, "caps", [])]

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        return TokenEvents()  # its events are the vest's own (verify's vest-event check)

    def summary_row(self, spell: Spell) -> SummaryRow:
        token = VESTS[self.vest].token
        return SummaryRow(f"rate cap of {self.vest}", "", "", token,
                          f"{common.amount_text(self.amount, token)} per {timeutil.human_duration(self.period)}"
                          + (" if above the cap in force" if self.raise_only else ""))

    def diff_fields(self, spell: Spell) -> dict[str, str]:
        token = VESTS[self.vest].token
        return {"vest": self.vest,
                "cap": f"{common.amount_text(self.amount, token)} per {timeutil.human_duration(self.period)}",
                "raise_only": "yes: filed only if above the cap in force" if self.raise_only else "no"}

    def identity(self) -> tuple:
        return (self.LABEL, self.vest)

    def paid_tokens(self) -> dict[str, Decimal]:
        return {}

    def flow(self) -> Flow | None:
        return None

    def ledger_fields(self, name: Callable[[Party], str]) -> list[str] | None:
        return None

    def doc_line(self, spell: Spell) -> str:
        token = VESTS[self.vest].token
        return (f"- {'Raise' if self.raise_only else 'Set'} the rate cap of {self.vest} to "
                f"{common.amount_text(self.amount, token)} per {timeutil.human_duration(self.period)}"
                + (", only if above the cap in force" if self.raise_only else ""))

    def doc_claims(self) -> list[DocClaim]:
        return []

    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        out = []
        for c in [c for c in ctx.expected.caps if c.item.path == self.path]:
            if c.raise_only:  # the larger of the cap in force before and the new one
                body = (f'    assert cast.after.caps["{c.vest}"] == max(cast.before.caps["{c.vest}"], '
                        f"{common.wei_literal(c.per_second)})  # wei per second\n")
            else:
                body = f'    assert cast.after.caps["{c.vest}"] == {common.wei_literal(c.per_second)}  # wei per second\n'
            out.append((c.item, body))
        return out
