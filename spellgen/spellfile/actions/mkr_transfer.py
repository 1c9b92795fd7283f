"""`mkr_transfer`: MKR out of the treasury (the PauseProxy's balance)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from spellgen.spellfile import history
from spellgen.spellfile.actions import common, proxy_transfer
from spellgen.spellfile.actions.base import (
    Action, Block, BrownieContext, Check, CheckContext, DocClaim, Effects, EventView, Flow, Party, SolidityContext,
    StateEffect, StateView, SummaryRow, TokenEvents,
)
from spellgen.spellfile.actions.fields import AMOUNT, PARTY
from spellgen.spellfile.amounts import human, solidity_number, to_wei
from spellgen.spellfile.protocol import UINT128_MAX

if TYPE_CHECKING:
    from spellgen.spellfile.expect import Expected, Item
    from spellgen.spellfile.model import Spell


@dataclass
class MkrTransfer(Action):
    to: Party
    amount: Decimal
    comment: str | None = None

    KIND: ClassVar[str] = "mkr_transfer"
    LABEL: ClassVar[str] = "MKR transfer"
    DRAFTS: ClassVar[tuple[str, ...]] = ("MKR",)  # a document line paying MKR drafts this kind
    FIELDS: ClassVar[dict[str, bool]] = {"type": True, "to": True, "amount": True, "comment": False}
    README: ClassVar[str] = "`mkr_transfer`"
    RECORDED: ClassVar[int] = 3
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = ("transfer",)
    CHECK_RANK: ClassVar[int] = 6
    EXPLAIN_RANK: ClassVar[int] = 2
    EFFECTS: ClassVar[Effects] = Effects(
        calls=(("MKR", "transfer"),),
        reads=(),
        branches=(),
        state=(("MKR", "balanceOf[usr]"), ("MKR", "balanceOf[proxy]")),
        events=(("MKR", "Transfer(proxy, usr)"),),
        used_by=("checks, run by verify/compare.py: the recipient's and the PauseProxy's MKR",
                 "state_effects, applied by verify/statediff.py: its storage changes",
                 "token_events, counted by verify/compare.py's event check"))

    @property
    def wei(self) -> int:
        return to_wei(self.amount)

    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        return "MKR transferred from the treasury (the PauseProxy's balance).", {
            "to": PARTY, "amount": {**AMOUNT, "description": "MKR, at most 18 decimals."}, "comment": comment}

    @classmethod
    def parse(cls, p, node) -> MkrTransfer | None:
        e = node.entries
        to = p.party(e["to"], "the recipient")
        amount = p.r.amount(e["amount"], "the MKR amount", "MKR")
        if None in (to, amount):
            return None
        return cls(to, amount, p.comment(e))

    def check(self, ctx: CheckContext) -> None:
        if self.wei > UINT128_MAX:
            ctx.diags.error(self.loc("amount"), "the amount is beyond any MKR supply (more than uint128)")

    def payee(self) -> Party:
        return self.to

    def chainlog_reads(self, day: str) -> tuple[str, ...]:
        return (history.token_key_at("MKR", day),)

    def solidity(self, ctx: SolidityContext) -> Block:
        amount = human(self.amount, min_decimals=2)
        head = common.head(self.to, f"{amount} MKR")
        literal = solidity_number(self.amount, min_decimals=2)
        mkr = ctx.token("MKR", "transfer")
        code = f"{mkr}.transfer({common.code(self.to)}, {literal} ether);{ctx.note('MKR')}"
        return Block(ctx.with_comment(self, [head]), [code])

    def gem_symbols(self) -> set[str]:
        return {"MKR"}

    def code_parties(self) -> list[Party]:
        return [self.to]

    def expect(self, spell: Spell, out: Expected) -> None:
        from spellgen.spellfile.expect import Item, Transfer

        item = Item(f"MKR transfer: {human(self.amount, 2)} MKR to {self.to.label}", self.path)
        out.transfers.append(Transfer(item, self.to.address, to_wei(self.amount)))

    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        """Each recipient's MKR, and the treasury's MKR out (transfers and conversions)."""
        if not e.transfers and not e.mkr_converted:
            return []
        wad, before, after = common.wad, o.before, o.after
        proxy = o.addresses["MCD_PAUSE_PROXY"]
        out = common.each_received(e.transfers, "MKR", before.mkr, after.mkr)
        fell = before.mkr[proxy] - after.mkr[proxy]
        moved = e.mkr_transferred + e.mkr_converted + proxy_transfer.taken(e, o, "MKR")
        label = f"treasury: {wad(moved, 'MKR')} out" + (
            f" ({wad(e.mkr_converted, 'MKR')} converted to SKY)" if e.mkr_converted else "")
        out.append(common.ok(label, "spell",
                             f"PauseProxy MKR {wad(before.mkr[proxy], 'MKR')} -> {wad(after.mkr[proxy], 'MKR')}",
                             common.compare([("PauseProxy MKR fall", wad(moved, "MKR"), wad(fell, "MKR"))])))
        return out

    @classmethod
    def state_effects(cls, e: Expected, view: StateView) -> list[StateEffect]:
        proxy, out = view.addresses["MCD_PAUSE_PROXY"], []
        for t in getattr(e, "transfers", []):
            out += [common.balance_change("MKR", t.recipient, t.wei, t.item.label),
                    common.balance_change("MKR", proxy, -t.wei, t.item.label)]
        return out

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        return TokenEvents(moves=tuple(("MKR", view.proxy, t.recipient.lower(), t.wei) for t in e.transfers))

    def summary_row(self, spell: Spell) -> SummaryRow:
        return SummaryRow("MKR transfer", common.recipient(self.to), self.to.address, "MKR",
                          common.amount_text(self.amount, "MKR", 2))

    def diff_fields(self, spell: Spell) -> dict[str, str]:
        return {"to": common.diff_party(self.to), "amount": common.amount_text(self.amount, "MKR", 2),
                "comment": common.comment_of(self)}

    def identity(self) -> tuple:
        return (self.LABEL, self.to.address)

    def paid_tokens(self) -> dict[str, Decimal]:
        return {"MKR": self.amount}

    def flow(self) -> Flow:
        return Flow("transfer", "MKR", self.amount)

    def ledger_fields(self, name: Callable[[Party], str]) -> list[str]:
        return ["type: mkr_transfer", f"to: {name(self.to)}", f"amount: {human(self.amount)}"]

    def doc_line(self, spell: Spell) -> str:
        return f"- **{human(self.amount)} MKR** will be transferred to {common.doc_party(self.to)}"

    def doc_claims(self) -> list[DocClaim]:
        return [DocClaim("MKR", (self.amount,), self.to.address.lower(), self.to.label, "amount")]

    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        mine = [t for t in ctx.expected.transfers if t.item.path == self.path]
        return [(t.item, common.balance_test(t, "mkr", "MKR", ctx.expected.transfers, ctx)) for t in mine]
