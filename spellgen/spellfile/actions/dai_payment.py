"""`dai_payment`: DAI out of the surplus buffer, whole DAI by DssExecLib, or to the wei the 2021 way."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from spellgen.spellfile.actions import common
from spellgen.spellfile.actions.base import (
    Action, Block, Branch, BrownieContext, Check, CheckContext, DocClaim, Effects, EventView, Flow, Party,
    SolidityContext, StateEffect, StateView, SummaryRow, TokenEvents,
)
from spellgen.spellfile.actions.fields import AMOUNT, PARTY
from spellgen.spellfile.amounts import human, is_whole, to_wei
from spellgen.spellfile.protocol import RAY, WAD

if TYPE_CHECKING:
    from spellgen.spellfile.expect import Expected, Item
    from spellgen.spellfile.model import Spell


@dataclass
class DaiPayment(Action):
    to: Party
    amount: Decimal  # as declared (may be fractional only with round_up)
    round_up: bool = False
    comment: str | None = None
    exact: bool = False  # the 2021 way: vat.suck of the exact RAD and DaiJoin.exit of the exact wei

    KIND: ClassVar[str] = "dai_payment"
    LABEL: ClassVar[str] = "DAI payment"
    DRAFTS: ClassVar[tuple[str, ...]] = ("DAI",)  # a document line paying DAI drafts this kind
    FIELDS: ClassVar[dict[str, bool]] = {"type": True, "to": True, "amount": True, "round_up": False,
                                         "exact": False, "comment": False}
    README: ClassVar[str] = "`dai_payment`"
    RECORDED: ClassVar[int] = 1
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = ("sendPaymentFromSurplusBuffer", "suck", "exit")
    CHECK_RANK: ClassVar[int] = 2
    EXPLAIN_RANK: ClassVar[int] = 1
    EFFECTS: ClassVar[Effects] = Effects(
        calls=(("DssExecLib", "sendPaymentFromSurplusBuffer"), ("MCD_VAT", "suck"), ("MCD_JOIN_DAI", "exit")),
        reads=(),
        branches=(Branch("require", (), "amount < WAD (in DssExecLib)"),),
        state=(("MCD_VAT", "sin[MCD_VOW]"), ("MCD_VAT", "vice"), ("MCD_VAT", "debt"), ("MCD_VAT", "dai[MCD_JOIN_DAI]"),
               ("MCD_DAI", "balanceOf[usr]"), ("MCD_DAI", "totalSupply")),
        events=(("MCD_VAT", "LogNote(suck)"), ("MCD_VAT", "LogNote(move)"), ("MCD_DAI", "Transfer(0, usr)"),
                ("MCD_JOIN_DAI", "LogNote(exit)")),
        first_use=(("MCD_VAT", "LogNote(hope)"),), first_use_at=1, first_use_unless="vat_can",  # after the suck
        state_free=(("MCD_JOIN_DAI", "LogNote(exit)"),),  # the join keeps no balance: no storage changes
        used_by=("checks, run by verify/compare.py: the recipient's DAI, vat.sin(vow), the DAI supply",
                 "state_effects, applied by verify/statediff.py: its storage changes",
                 "token_events, counted by verify/compare.py's event check"))

    @property
    def paid(self) -> int:
        """Whole DAI actually sent: DssExecLib takes whole DAI."""
        return common.whole_units(self.amount)

    @property
    def paid_amount(self) -> Decimal:
        """What the recipient receives, in DAI (exact with `exact`, else whole DAI)."""
        return self.amount if self.exact else Decimal(self.paid)

    @property
    def wei(self) -> int:
        return to_wei(self.paid_amount)

    # -- YAML ----------------------------------------------------------------------------------------
    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        return "DAI sent from the surplus buffer (DssExecLib.sendPaymentFromSurplusBuffer).", {
            "to": PARTY, "amount": {**AMOUNT, "description": "Whole DAI; a fraction needs round_up: true."},
            "round_up": {"type": "boolean", "description": "Allow a fractional amount, rounded up, with a note."},
            "exact": {"type": "boolean",
                      "description": "Pay the exact amount (to the wei) the 2021 way: vat.suck of the RAD to the "
                                     "PauseProxy and DaiJoin.exit to the recipient."},
            "comment": comment}

    @classmethod
    def parse(cls, p, node) -> DaiPayment | None:
        e = node.entries
        to = p.party(e["to"], "the recipient")
        amount = p.r.amount(e["amount"], "the DAI amount", "DAI")
        round_up = p.r.boolean(e["round_up"], "round_up") if "round_up" in e else False
        exact = p.r.boolean(e["exact"], "exact") if "exact" in e else False
        if None in (to, amount, round_up, exact):
            return None
        if exact and round_up:
            p.r.error(e["exact"].loc, "exact: true pays the amount to the wei; it cannot also round up")
            return None
        return cls(to, amount, round_up, p.comment(e), exact)

    # -- checks --------------------------------------------------------------------------------------
    def check(self, ctx: CheckContext) -> None:
        if self.exact:
            if self.wei >= WAD * WAD:
                ctx.diags.error(self.loc("amount"), f"{human(self.amount)} DAI is too large for a payment")
            if is_whole(self.amount):
                ctx.diags.warn(self.loc("exact"), "exact: true is for fractional DAI; a whole amount can be paid "
                                                  "with sendPaymentFromSurplusBuffer")
            return
        common.whole_payment(self, "DAI", "sendPaymentFromSurplusBuffer sends whole DAI", ctx.diags)

    def payee(self) -> Party:
        return self.to

    # -- Solidity ------------------------------------------------------------------------------------
    def solidity(self, ctx: SolidityContext) -> Block:
        if self.exact:
            return self._exact(ctx)
        what = f"{human(self.amount)} DAI"
        if self.paid != self.amount:
            what += f" rounded up to {self.paid:,} DAI (sendPaymentFromSurplusBuffer takes whole DAI)"
        code = f"DssExecLib.sendPaymentFromSurplusBuffer({common.code(self.to)}, {self.paid:_});"
        return Block(ctx.with_comment(self, [common.head(self.to, what)]), [code])

    def _exact(self, ctx: SolidityContext) -> Block:
        """The 2021 form for an exact amount: suck the RAD from the vow to the PauseProxy, exit the wei."""
        amount, note = ctx.wei(self.amount)
        ctx.uses_ray()
        head = common.head(self.to, f"{human(self.amount)} DAI") + \
            " (exact: vat.suck of the RAD, DaiJoin.exit of the wei)"
        suffix = ctx.note("DAI") if note else ""
        vat, join = ctx.type("vat", "suck"), ctx.type("dai_join", "exit")
        return Block(ctx.with_comment(self, [head]), [
            f"{vat}(MCD_VAT).suck(MCD_VOW, address(this), {amount} * RAY);{suffix}",
            f"{join}(MCD_JOIN_DAI).exit({common.code(self.to)}, {amount});{suffix}",
        ])

    def chainlog_keys(self) -> set[str]:
        return {"MCD_VAT", "MCD_VOW", "MCD_JOIN_DAI"} if self.exact else set()

    def code_parties(self) -> list[Party]:
        return [self.to]

    # -- what the chain must show --------------------------------------------------------------------
    def expect(self, spell: Spell, out: Expected) -> None:
        from spellgen.spellfile.expect import Item, Payment

        amount = f"{human(self.amount)} DAI (exact)" if self.exact else f"{self.paid:,} DAI"
        out.payments.append(Payment(Item(f"DAI payment: {amount} to {self.to.label}", self.path),
                                    self.to.address, self.wei))

    # -- reports -------------------------------------------------------------------------------------
    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        """Each recipient's DAI; then the surplus buffer as a whole (DAI and USDS payments alike)."""
        if not e.payments:
            return surplus_buffer(e, o) if (e.usds_payments or e.computed_payments or e.repairs) else []
        return common.each_received(e.payments, "DAI", o.before.dai, o.after.dai) + surplus_buffer(e, o)

    @classmethod
    def state_effects(cls, e: Expected, view: StateView) -> list[StateEffect]:
        """sendPaymentFromSurplusBuffer: suck(vow, proxy, rad), exit through the join (dai[proxy] back to
        where it was, dai[join] up), the recipient's DAI minted."""
        a, out = view.addresses, []
        for p in getattr(e, "payments", []):
            label, rad = p.item.label, p.wei * RAY
            out += [common.vat_change("sin", a["MCD_VOW"], rad, label), common.vat_change("vice", None, rad, label),
                    common.vat_change("debt", None, rad, label),
                    common.vat_change("dai", a["MCD_PAUSE_PROXY"], 0, label),
                    common.vat_change("dai", a["MCD_JOIN_DAI"], rad, label),
                    common.balance_change("DAI", p.recipient, p.wei, label), common.supply_change("DAI", p.wei, label)]
        return out

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        """DAI minted by the join to the recipient (either way of paying)."""
        return TokenEvents(moves=tuple(("DAI", common.ZERO, p.recipient.lower(), p.wei) for p in e.payments))

    def summary_row(self, spell: Spell) -> SummaryRow:
        amount = f"{self.paid:,} DAI"
        if self.exact:
            amount = f"{human(self.amount)} DAI (exact)"
        elif self.paid != self.amount:
            amount += f" (rounded up from {human(self.amount)})"
        return SummaryRow("DAI payment", common.recipient(self.to), self.to.address, "DAI", amount)

    def diff_fields(self, spell: Spell) -> dict[str, str]:
        return {"to": common.diff_party(self.to), "amount": common.amount_text(self.amount, "DAI"),
                "sent": f"{human(self.amount)} DAI (exact)" if self.exact else f"{self.paid:,} DAI",
                "comment": common.comment_of(self)}

    def identity(self) -> tuple:
        return (self.LABEL, self.to.address)

    # -- totals and the budget -----------------------------------------------------------------------
    def paid_tokens(self) -> dict[str, Decimal]:
        return {"DAI": self.paid_amount}

    def flow(self) -> Flow:
        return Flow("payment", "DAI", self.paid_amount)

    def ledger_fields(self, name: Callable[[Party], str]) -> list[str]:
        # What was sent: sendPaymentFromSurplusBuffer pays whole DAI, so a rounded-up amount is recorded rounded.
        if self.exact:  # paid to the wei (vat.suck + DaiJoin.exit)
            return ["type: dai_payment", f"to: {name(self.to)}", f"amount: {human(self.amount)}", "exact: true"]
        return ["type: dai_payment", f"to: {name(self.to)}", f"amount: {self.paid:,}"]

    def doc_line(self, spell: Spell) -> str:
        return f"- **{human(self.paid_amount)} DAI** will be transferred to {common.doc_party(self.to)}"

    def doc_claims(self) -> list[DocClaim]:
        amounts = tuple(dict.fromkeys((self.amount, Decimal(self.paid))))
        return [DocClaim("DAI", amounts, self.to.address.lower(), self.to.label, "amount")]

    # -- Brownie -------------------------------------------------------------------------------------
    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        mine = [p for p in ctx.expected.payments if p.item.path == self.path]
        return [(p.item, common.balance_test(p, "dai", "DAI", ctx.expected.payments, ctx)) for p in mine]


def surplus_buffer(e: Expected, o: Any) -> list[Check]:
    """vat.sin(vow) rises by everything paid out of the surplus buffer (DAI and USDS) times RAY;
    DAI supply only by the DAI payments (a USDS payment's DAI is joined back) less the DAI returned to
    the surplus buffer; the PauseProxy keeps no DAI of the payments (what it returns leaves it)."""
    from spellgen.spellfile.actions.computed_payment import sucked_at_cast
    from spellgen.spellfile.actions.surplus_return import returned_wei
    from spellgen.spellfile.computed import NotReadable

    wad = common.wad
    before, after = o.before, o.after
    try:  # DAI amounts computed at the cast (and repaired awards' payouts), from the state before it
        at_cast = sucked_at_cast(e, before, o.cast_receipt().timestamp)
    except NotReadable as exc:
        return [Check("surplus buffer", "spell", False, "cannot evaluate", str(exc))]
    dai, usds = e.dai_paid + at_cast, e.usds_paid
    total = dai + usds
    back = returned_wei(e, o, "DAI")
    sin = after.vow_sin - before.vow_sin
    supply = after.dai_supply - before.dai_supply
    fields: list[tuple[str, object, object]] = [("vat.sin(vow) rise", total * RAY, sin),
                                                ("DAI supply rise", dai - back, supply)]
    evidence = f"vat.sin(vow) +{wad(sin // RAY, 'DAI')} (in RAD), DAI supply {'+' if supply >= 0 else '-'}" \
               f"{wad(abs(supply), 'DAI')}"
    label = f"surplus buffer: {wad(dai, 'DAI')} paid" if not usds else \
        f"surplus buffer: {wad(total, 'DAI')} paid ({wad(usds, 'USDS')} as USDS)"
    if usds:
        proxy = o.addresses["MCD_PAUSE_PROXY"]
        kept = after.dai[proxy] - before.dai[proxy]
        fields.append(("PauseProxy DAI change", -back, kept))
        evidence += f", PauseProxy DAI {'+' if kept >= 0 else ''}{wad(kept, 'DAI')}"
    return [common.ok(label, "spell", evidence, common.compare(fields))]
