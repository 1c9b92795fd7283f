"""`cap`: a vest's rate cap, `DssExecLib.setValue(VEST, "cap", amount / period)`."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from spellgen.spellfile import solidity as sol
from spellgen.spellfile import timeutil
from spellgen.spellfile.actions import common
from spellgen.spellfile.actions.base import (
    Action, Block, BrownieContext, Check, CheckContext, DocClaim, Effects, EventView, Flow, Party, SolidityContext,
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

    KIND: ClassVar[str] = "cap"
    LABEL: ClassVar[str] = "cap"
    FIELDS: ClassVar[dict[str, bool]] = {"type": True, "vest": True, "amount": True, "per": True}
    README: ClassVar[str] = "`cap`"
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = ("setValue", "file")
    CHECK_RANK: ClassVar[int] = 9
    EXPLAIN_RANK: ClassVar[int] = 6
    EFFECTS: ClassVar[Effects] = Effects(
        calls=(("DssExecLib", "setValue"), ("VEST", "file")),
        reads=(),
        branches=(),
        state=(("VEST", "cap"),),
        events=(("VEST", "File(cap, value)"),),
        state_free=(("VEST", "File(cap, value)"),),  # the cap it already was
        used_by=("checks, run by verify/compare.py: the vest's cap after the cast",
                 "state_effects, applied by verify/statediff.py: its storage changes",
                 "verify/compare.py: File among the vest's events"))

    @property
    def cap(self) -> Cap:
        return Cap(self.amount, self.period)

    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        return "Set a vest's rate cap: file(\"cap\", amount * WAD / per).", {
            "vest": VEST, "amount": AMOUNT, "per": DURATION}

    @classmethod
    def parse(cls, p, node) -> CapChange | None:
        e = node.entries
        vest = p.vest(e["vest"], "the vest")
        amount = p.r.amount(e["amount"], "the cap amount", VESTS[vest].token if vest else None)
        period = p.r.duration(e["per"], "the cap period")
        if None in (vest, amount, period):
            return None
        return cls(vest, amount, period)

    def check(self, ctx: CheckContext) -> None:
        """The caps in force at each stream are checked in order across the spell (checks.py's rates)."""

    def sets_cap(self) -> tuple[str, Cap]:
        return self.vest, self.cap

    def solidity(self, ctx: SolidityContext) -> Block:
        token = VESTS[self.vest].token
        amount, note = ctx.wei(self.amount)
        head = (f"Set the {self.vest} rate cap to {human(self.amount)} {token} per "
                f"{timeutil.human_duration(self.period)}")
        period = timeutil.solidity_duration(self.period)
        if note:  # `1_200.5 ether / 365 days` would be a constant rational, not an integer division
            period = f"uint256({period})"
        code = f'DssExecLib.setValue({self.vest}, "cap", {amount} / {period});'
        if note:
            code += ctx.note(token)
        return Block([sol.comment(head)], [code])

    def chainlog_keys(self) -> set[str]:
        return {self.vest}

    def expect(self, spell: Spell, out: Expected) -> None:
        from spellgen.spellfile.expect import CapSet, Item

        token = VESTS[self.vest].token
        item = Item(f"cap: {self.vest} to {human(self.amount)} {token} per "
                    f"{timeutil.human_duration(self.period)}", self.path)
        out.caps.append(CapSet(item, self.vest, self.cap.per_second_wei))

    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        out = []
        for c in e.caps:
            got = o.after.caps[c.vest]
            out.append(common.ok(c.item.label, c.item.path, f"cap {o.before.caps[c.vest]} -> {got} wei/s",
                                 common.compare([("cap", c.per_second, got)])))
        return out

    @classmethod
    def state_effects(cls, e: Expected, view: StateView) -> list[StateEffect]:
        return [StateEffect(c.vest, "cap", (), value=c.per_second, label=c.item.label, layout="DssVest")
                for c in getattr(e, "caps", [])]

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        return TokenEvents()  # its events are the vest's own (verify's vest-event check)

    def summary_row(self, spell: Spell) -> SummaryRow:
        token = VESTS[self.vest].token
        return SummaryRow(f"rate cap of {self.vest}", "", "", token,
                          f"{common.amount_text(self.amount, token)} per {timeutil.human_duration(self.period)}")

    def diff_fields(self, spell: Spell) -> dict[str, str]:
        token = VESTS[self.vest].token
        return {"vest": self.vest,
                "cap": f"{common.amount_text(self.amount, token)} per {timeutil.human_duration(self.period)}"}

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
        return (f"- Set the rate cap of {self.vest} to {common.amount_text(self.amount, token)} per "
                f"{timeutil.human_duration(self.period)}")

    def doc_claims(self) -> list[DocClaim]:
        return []

    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        return [(c.item, f'    assert cast.after.caps["{c.vest}"] == {common.wei_literal(c.per_second)}  '
                         "# wei per second\n")
                for c in ctx.expected.caps if c.item.path == self.path]
