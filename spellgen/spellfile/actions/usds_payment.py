"""`usds_payment`: whole USDS out of the surplus buffer (DAI paid to the PauseProxy, converted through DAI_USDS)."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from spellgen.spellfile.actions import common
from spellgen.spellfile.actions.base import (
    Action, Block, Branch, BrownieContext, Check, CheckContext, DocClaim, Effects, EventView, Flow, Party,
    SolidityContext, SolidityExtras, StateEffect, StateView, SummaryRow, TokenEvents,
)
from spellgen.spellfile.actions.fields import AMOUNT, PARTY
from spellgen.spellfile.amounts import human
from spellgen.spellfile.protocol import RAY

if TYPE_CHECKING:
    from spellgen.spellfile.expect import Expected, Item
    from spellgen.spellfile.model import Spell


def helper(dai: str, dai_usds: str) -> list[str]:
    return [
        "// Whole USDS from the surplus buffer: DAI to the PauseProxy, converted 1:1 through DAI_USDS",
        "function _transferUsds(address usr, uint256 wad) internal {",
        '    require(wad % WAD == 0, "transferUsds/non-integer-wad");',
        "    DssExecLib.sendPaymentFromSurplusBuffer(address(this), wad / WAD);",
        f"    {dai}.approve(DAI_USDS, wad);",
        f"    {dai_usds}(DAI_USDS).daiToUsds(usr, wad);",
        "}",
    ]


@dataclass
class UsdsPayment(Action):
    """Whole USDS out of the surplus buffer: DAI paid to the PauseProxy, converted through DAI_USDS."""

    to: Party
    amount: Decimal
    round_up: bool = False
    comment: str | None = None

    KIND: ClassVar[str] = "usds_payment"
    LABEL: ClassVar[str] = "USDS payment"
    DRAFTS: ClassVar[tuple[str, ...]] = ("USDS",)  # a document line paying USDS drafts this kind
    FIELDS: ClassVar[dict[str, bool]] = {"type": True, "to": True, "amount": True, "round_up": False,
                                         "comment": False}
    README: ClassVar[str] = "`usds_payment`"
    RECORDED: ClassVar[int] = 2
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = ("_transferUsds", "daiToUsds")
    CHECK_RANK: ClassVar[int] = 3
    EXPLAIN_RANK: ClassVar[int] = 10
    EFFECTS: ClassVar[Effects] = Effects(
        calls=(("DssExecLib", "sendPaymentFromSurplusBuffer"), ("MCD_VAT", "suck"), ("MCD_JOIN_DAI", "exit"),
               ("MCD_DAI", "approve"), ("DAI_USDS", "daiToUsds")),
        reads=(),
        branches=(Branch("require", (), "wad % WAD == 0 (_transferUsds)"),),
        state=(("MCD_VAT", "sin[MCD_VOW]"), ("MCD_VAT", "vice"), ("MCD_VAT", "debt"), ("MCD_VAT", "dai[USDS_JOIN]"),
               ("MCD_DAI", "allowance[proxy][DAI_USDS]"), ("USDS", "balanceOf[usr]"), ("USDS", "totalSupply")),
        events=(("MCD_VAT", "LogNote(suck)"), ("MCD_VAT", "LogNote(move)"), ("MCD_DAI", "Transfer(0, proxy)"),
                ("MCD_JOIN_DAI", "LogNote(exit)"), ("MCD_DAI", "Approval(proxy, DAI_USDS)"),
                ("MCD_DAI", "Transfer(proxy, DAI_USDS)"), ("MCD_VAT", "LogNote(move)"),
                ("MCD_DAI", "Transfer(DAI_USDS, 0)"), ("MCD_JOIN_DAI", "LogNote(join)"), ("MCD_VAT", "LogNote(move)"),
                ("USDS", "Transfer(0, usr)"), ("USDS_JOIN", "Exit"), ("DAI_USDS", "DaiToUsds")),
        first_use=(("MCD_VAT", "LogNote(hope)"),), first_use_at=1, first_use_unless="vat_can",  # after the suck
        # DAI minted to the PauseProxy and burnt by the join in one payment, the joins and DaiUsds keep
        # no storage: their events come with no state change at their emitter
        state_free=(("MCD_DAI", "Transfer"), ("MCD_DAI", "Approval"), ("MCD_JOIN_DAI", "LogNote(exit)"),
                    ("MCD_JOIN_DAI", "LogNote(join)"), ("USDS_JOIN", "Exit"), ("DAI_USDS", "DaiToUsds")),
        used_by=("checks, run by verify/compare.py: the recipient's USDS, the USDS supply, the PauseProxy's DAI",
                 "state_effects, applied by verify/statediff.py: its storage changes",
                 "token_events, counted by verify/compare.py's event check"))

    @property
    def paid(self) -> int:
        return common.whole_units(self.amount)

    @property
    def wei(self) -> int:
        return self.paid * 10**18

    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        return ("Whole USDS from the surplus buffer: _transferUsds(usr, wad) (DAI paid to the PauseProxy, "
                "converted 1:1 through DAI_USDS)."), {
            "to": PARTY, "amount": {**AMOUNT, "description": "Whole USDS; a fraction needs round_up: true."},
            "round_up": {"type": "boolean", "description": "Allow a fractional amount, rounded up, with a note."},
            "comment": comment}

    @classmethod
    def parse(cls, p, node) -> UsdsPayment | None:
        e = node.entries
        to = p.party(e["to"], "the recipient")
        amount = p.r.amount(e["amount"], "the USDS amount", "USDS")
        round_up = p.r.boolean(e["round_up"], "round_up") if "round_up" in e else False
        if None in (to, amount, round_up):
            return None
        return cls(to, amount, round_up, p.comment(e))

    def check(self, ctx: CheckContext) -> None:
        common.whole_payment(self, "USDS", "_transferUsds sends whole USDS (sendPaymentFromSurplusBuffer takes "
                                           "whole DAI)", ctx.diags)

    def payee(self) -> Party:
        return self.to

    def chainlog_reads(self, day: str) -> tuple[str, ...]:
        return ("USDS", "DAI_USDS")

    def solidity(self, ctx: SolidityContext) -> Block:
        amount, _ = ctx.wei(Decimal(self.paid))
        what = f"{human(self.amount)} USDS"
        if self.paid != self.amount:
            what += f" rounded up to {self.paid:,} USDS (whole USDS only)"
        head = f"Transfer {what} from the Surplus Buffer to {common.to_text(self.to)}"
        return Block(ctx.with_comment(self, [head]), [f"_transferUsds({common.code(self.to)}, {amount});"])

    def chainlog_keys(self) -> set[str]:
        return {"DAI_USDS"}

    def gem_symbols(self) -> set[str]:
        return {"DAI"}

    def code_parties(self) -> list[Party]:
        return [self.to]

    @classmethod
    def extras(cls, actions: list, ctx: SolidityContext) -> SolidityExtras:
        if not actions:
            return SolidityExtras()
        return SolidityExtras(helpers=[helper(ctx.token("DAI", "approve"), ctx.type("dai_usds", "daiToUsds"))],
                              needs_wad=True)

    def expect(self, spell: Spell, out: Expected) -> None:
        from spellgen.spellfile.expect import Item, UsdsPaid

        item = Item(f"USDS payment: {self.paid:,} USDS to {self.to.label}", self.path)
        out.usds_payments.append(UsdsPaid(item, self.to.address, self.wei))

    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        """Each recipient's USDS, and the USDS supply, less the USDS returned to the surplus buffer (the
        surplus buffer is the DAI payment kind's figure)."""
        from spellgen.spellfile.actions.surplus_return import returned_wei

        if not e.usds_payments:
            return []
        wad, before, after = common.wad, o.before, o.after
        out = common.each_received(e.usds_payments, "USDS", before.usds, after.usds)
        supply = after.supply["USDS"] - before.supply["USDS"]
        want = e.usds_paid - returned_wei(e, o, "USDS")
        out.append(common.ok(f"USDS supply: {'+' if want >= 0 else '-'}{wad(abs(want), 'USDS')}", "spell",
                             f"USDS supply {'+' if supply >= 0 else '-'}{wad(abs(supply), 'USDS')}",
                             common.compare([("USDS supply change", wad(want, "USDS"), wad(supply, "USDS"))])))
        return out

    @classmethod
    def state_effects(cls, e: Expected, view: StateView) -> list[StateEffect]:
        """USDS out of the surplus buffer (sendPaymentFromSurplusBuffer to the PauseProxy, then DaiUsds'
        daiToUsds to the recipient): the Vow's sin, vice and debt rise; the DAI the join minted is joined
        back (DAI supply and every DAI balance net zero, the DaiUsds allowance used up); the Vat dai ends
        at USDS_JOIN; the recipient's USDS and USDS supply rise."""
        a, out = view.addresses, []
        for p in getattr(e, "usds_payments", []):
            label, rad = p.item.label, p.wei * RAY
            out += [common.vat_change("sin", a["MCD_VOW"], rad, label), common.vat_change("vice", None, rad, label),
                    common.vat_change("debt", None, rad, label)]
            for holder in ("MCD_PAUSE_PROXY", "MCD_JOIN_DAI", "DAI_USDS"):
                if holder in a:
                    out += [common.vat_change("dai", a[holder], 0, label),
                            common.balance_change("DAI", a[holder], 0, label)]
            out += [common.vat_change("dai", a["USDS_JOIN"], rad, label), common.supply_change("DAI", 0, label),
                    common.balance_change("USDS", p.recipient, p.wei, label),
                    common.supply_change("USDS", p.wei, label)]
        return out

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        """DAI out to the PauseProxy, into DaiUsds, joined (burnt); USDS out to the recipient."""
        proxy, converter = view.proxy, view.address_of("DAI_USDS")
        moves = [move for p in e.usds_payments for move in (
            ("DAI", common.ZERO, proxy, p.wei), ("DAI", proxy, converter, p.wei),
            ("DAI", converter, common.ZERO, p.wei), ("USDS", common.ZERO, p.recipient.lower(), p.wei))]
        approvals = (("DAI", proxy, converter),) if e.usds_payments else ()
        return TokenEvents(moves=tuple(moves), approvals=approvals)

    def summary_row(self, spell: Spell) -> SummaryRow:
        amount = f"{self.paid:,} USDS"
        if self.paid != self.amount:
            amount += f" (rounded up from {human(self.amount)})"
        return SummaryRow("USDS payment", common.recipient(self.to), self.to.address, "USDS", amount)

    def diff_fields(self, spell: Spell) -> dict[str, str]:
        return {"to": common.diff_party(self.to), "amount": common.amount_text(self.amount, "USDS"),
                "sent": f"{self.paid:,} USDS", "comment": common.comment_of(self)}

    def identity(self) -> tuple:
        return (self.LABEL, self.to.address)

    def paid_tokens(self) -> dict[str, Decimal]:
        return {"USDS": Decimal(self.paid)}

    def flow(self) -> Flow:
        return Flow("payment", "USDS", Decimal(self.paid))

    def ledger_fields(self, name: Callable[[Party], str]) -> list[str]:
        # What was sent: whole USDS, like a DAI payment.
        return ["type: usds_payment", f"to: {name(self.to)}", f"amount: {self.paid:,}"]

    def doc_line(self, spell: Spell) -> str:
        return f"- **{self.paid:,} USDS** will be transferred to {common.doc_party(self.to)}"

    def doc_claims(self) -> list[DocClaim]:
        amounts = tuple(dict.fromkeys((self.amount, Decimal(self.paid))))
        return [DocClaim("USDS", amounts, self.to.address.lower(), self.to.label, "amount")]

    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        mine = [p for p in ctx.expected.usds_payments if p.item.path == self.path]
        return [(p.item, common.balance_test(p, "usds", "USDS", ctx.expected.usds_payments, ctx)) for p in mine]
