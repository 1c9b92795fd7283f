"""`computed_payment`: DAI out of the surplus buffer, an amount the spell computes when it is cast.

2022-02-04 paid two Core Units "first month payment minus accrued amount": `sub(42_917 * WAD,
VEST.accrued(24))`, sucked from the Vow and exited to the recipient. The YAML states the amount as what it
is (spellfile/computed.py); verify evaluates it from the chain's state before the cast at the cast's time.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from spellgen.spellfile import timeutil
from spellgen.spellfile.actions import common
from spellgen.spellfile.actions.base import (
    Action, Block, Branch, BrownieContext, Check, CheckContext, DocClaim, Effects, EventView, Flow, Party, SolidityContext,
    SolidityExtras, StateEffect, StateView, SummaryRow, TokenEvents,
)
from spellgen.spellfile.actions.fields import AMOUNT, PARTY, VEST
from spellgen.spellfile.amounts import human
from spellgen.spellfile.computed import READINGS, SIGNS, AwardReading, CastAmount, NotReadable
from spellgen.spellfile.protocol import RAY, WAD

if TYPE_CHECKING:
    from spellgen.spellfile.expect import Expected, Item
    from spellgen.spellfile.model import Spell

AMOUNT_KEYS = {"value": False, "minus": False, "plus": False, "vest": True, "id": True}
# 2022-02-04 (solc 0.6.12, no checked arithmetic) subtracted with this helper; 0.8 reverts on its own.
SUB_HELPER = ["function sub(uint256 x, uint256 y) internal pure returns (uint256 z) {",
              '    require((z = x - y) <= x, "sub-underflow");',
              "}"]


@dataclass
class ComputedPayment(Action):
    to: Party
    amount: CastAmount
    comment: str | None = None

    KIND: ClassVar[str] = "computed_payment"
    LABEL: ClassVar[str] = "computed DAI payment"
    FIELDS: ClassVar[dict[str, bool]] = {"type": True, "to": True, "amount": True, "comment": False}
    README: ClassVar[str] = "`computed_payment`"
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = ("suck", "exit")
    CHECK_RANK: ClassVar[int] = 3
    EXPLAIN_RANK: ClassVar[int] = 1
    EFFECTS: ClassVar[Effects] = Effects(
        calls=(("VEST", "accrued"), ("VEST", "unpaid"), ("MCD_VAT", "suck"), ("MCD_JOIN_DAI", "exit")),
        reads=("VEST.accrued(id) or VEST.unpaid(id) at the cast",),
        branches=(Branch("require", (), "sub-underflow (the 0.6 `sub` helper; 0.8 checks the arithmetic): the "
                                            "amount is not negative"),),
        state=(("MCD_VAT", "sin[MCD_VOW]"), ("MCD_VAT", "vice"), ("MCD_VAT", "debt"), ("MCD_VAT", "dai[MCD_JOIN_DAI]"),
               ("MCD_DAI", "balanceOf[usr]"), ("MCD_DAI", "totalSupply")),
        # The statement sucks and exits itself (no DssExecLib): no `hope` (the PauseProxy's can of the join).
        events=(("MCD_VAT", "LogNote(suck)"), ("MCD_VAT", "LogNote(move)"), ("MCD_DAI", "Transfer(0, usr)"),
                ("MCD_JOIN_DAI", "LogNote(exit)")),
        state_free=(("MCD_JOIN_DAI", "LogNote(exit)"),),  # the join keeps no balance: no storage changes
        used_by=("checks, run by verify/compare.py: the recipient's DAI against the amount evaluated from the "
                 "pre-state at the cast's time",
                 "state_effects, applied by verify/statediff.py: its storage changes (time-dependent)",
                 "token_events, counted by verify/compare.py's event check"))

    # -- YAML ----------------------------------------------------------------------------------------
    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        reading = {"enum": list(READINGS), "description": "What the spell reads at the cast: `accrued` "
                   "(VEST.accrued(id)) or `unpaid` (VEST.unpaid(id)) of award `id`."}
        amount = {"type": "object", "additionalProperties": False, "required": ["vest", "id"],
                  "description": "`value` DAI minus (or plus) what award `id` of `vest` has accrued or not paid "
                                 "yet at the cast (2022-02-04: 42,917 DAI minus accrued).",
                  "properties": {"value": {**AMOUNT, "description": "Whole or fractional DAI (default 0)."},
                                 "minus": reading, "plus": reading, "vest": VEST,
                                 "id": {"type": "integer", "minimum": 1}}}
        return ("DAI from the surplus buffer (vat.suck + DaiJoin.exit), an amount the spell computes at the "
                "cast from a vest award.", {"to": PARTY, "amount": amount, "comment": comment})

    @classmethod
    def parse(cls, p, node) -> ComputedPayment | None:
        e = node.entries
        to = p.party(e["to"], "the recipient")
        amount = cls._amount(p, e["amount"])
        if to is None or amount is None:
            return None
        return cls(to, amount, p.comment(e))

    @staticmethod
    def _amount(p, node) -> CastAmount | None:
        if node.kind != "map":
            p.r.error(node.loc, "the amount computed at the cast is a mapping of `value`, `minus` or `plus` "
                                f"(accrued or unpaid), `vest` and `id`; got {node.describe()}")
            return None
        if not p.r.mapping(node, AMOUNT_KEYS, "the amount") or {"vest", "id"} - set(node.entries):
            return None
        e = node.entries
        signs = [s for s in SIGNS if s in e]
        if len(signs) != 1:
            p.r.error(node.loc, "the amount needs exactly one of `minus` or `plus`: what it reads at the cast")
            return None
        reading = p.r.choice(e[signs[0]], f"`{signs[0]}`", list(READINGS))
        vest = p.vest(e["vest"], "the vest")
        award = p.r.integer(e["id"], "the award id", 1)
        value = p.r.amount(e["value"], "the amount's value", "DAI", allow_zero=True) if "value" in e else Decimal(0)
        if None in (reading, vest, award, value):
            return None
        if signs[0] == "minus" and value == 0:
            p.r.error(e["minus"].loc, "minus needs a `value` to subtract from")
            return None
        return CastAmount(value, -1 if signs[0] == "minus" else 1, AwardReading(reading, vest, award), "DAI")

    # -- checks --------------------------------------------------------------------------------------
    def check(self, ctx: CheckContext) -> None:
        if self.amount.value * WAD >= WAD * WAD:
            ctx.diags.error(self.loc("amount"), f"{human(self.amount.value)} DAI is too large for a payment")

    @classmethod
    def check_kind(cls, actions: list, ctx: CheckContext) -> None:
        """verify evaluates an amount from the award as it was before the cast: an action of the spell
        that changes that award must come after the payment that reads it, as 2022-02-04 ordered them."""
        for pay in actions:
            read = pay.amount.reading.award_read
            for action in ctx.spell.actions:
                if action is pay:
                    break
                if action.changed_award() == read:
                    ctx.diags.error(pay.loc("amount"), f"award {read[1]} of {read[0]} is changed by {action.path} "
                                                       "before this payment reads it; read it first (verify "
                                                       "evaluates the amount from the award before the cast)")
                    break

    def read_awards(self) -> set[tuple[str, int]]:
        return {self.amount.reading.award_read}

    def payee(self) -> Party:
        return self.to

    # -- Solidity ------------------------------------------------------------------------------------
    def variable(self, spell: Spell) -> str:
        """The local variable holding the amount: `snePayment` for SNE_001_WALLET, as 2022-02-04 named it
        (numbered when two payments would share a name)."""
        def base(pay: ComputedPayment) -> str:
            word = re.split(r"[^A-Za-z]+", pay.to.label)[0] if (pay.to.name or pay.to.chainlog) else ""
            return (word.lower() + "Payment") if word else "payment"
        mine = [a for a in spell.actions if isinstance(a, ComputedPayment)]
        same = [a for a in mine if base(a) == base(self)]
        return base(self) if len(same) == 1 else f"{base(self)}{same.index(self) + 1}"

    def solidity(self, ctx: SolidityContext) -> Block:
        ctx.uses_ray()
        name = self.variable(ctx.spell)
        reading = self.amount.reading
        read = reading.solidity(ctx.type("vest", reading.what))
        value, note = ctx.wei(self.amount.value) if self.amount.value else ("", False)
        old_solc = ctx.spell.solc.startswith("0.6.")
        if self.amount.less_value:
            expression = f"sub({read}, {value})" if old_solc else f"{read} - {value}"
        elif self.amount.sign < 0:
            expression = f"sub({value}, {read})" if old_solc else f"{value} - {read}"
        else:
            expression = f"{value} + {read}" if value else read
        vat, join = ctx.type("vat", "suck"), ctx.type("dai_join", "exit")
        suffix = ctx.note("DAI") if note else ""
        return Block(ctx.with_comment(self, [common.head(self.to, self.amount.words + " at the cast")]), [
            f"uint256 {name} = {expression};{suffix}",
            f"{vat}(MCD_VAT).suck(MCD_VOW, address(this), {name} * RAY);",
            f"{join}(MCD_JOIN_DAI).exit({common.code(self.to)}, {name});",
        ])

    @classmethod
    def extras(cls, actions: list, ctx: SolidityContext) -> SolidityExtras:
        minus = any(a.amount.sign < 0 or a.amount.less_value for a in actions)
        return SolidityExtras(helpers=[SUB_HELPER] if minus and ctx.spell.solc.startswith("0.6.") else [])

    def chainlog_keys(self) -> set[str]:
        return {"MCD_VAT", "MCD_VOW", "MCD_JOIN_DAI", self.amount.reading.vest}

    def code_parties(self) -> list[Party]:
        return [self.to]

    # -- what the chain must show --------------------------------------------------------------------
    def expect(self, spell: Spell, out: Expected) -> None:
        from spellgen.spellfile.expect import ComputedPaid, Item

        item = Item(f"computed DAI payment: {self.amount.words}, to {self.to.label}", self.path)
        out.computed_payments.append(ComputedPaid(item, self.to.address, self.amount))

    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        """The recipient's DAI rose by the amount evaluated from the state before the cast at the cast's
        time (with what other items of the spell pay it: dai_received)."""
        wad, out = common.wad, []
        t = o.cast_receipt().timestamp
        for pay in e.computed_payments:
            try:
                want = pay.amount.wei(o.before, t)
                total = dai_received(e, o.before, t).get(pay.recipient.lower(), 0)
            except NotReadable as exc:
                out.append(Check(pay.item.label, pay.item.path, False, "cannot evaluate", str(exc)))
                continue
            got = o.after.dai[pay.recipient] - o.before.dai[pay.recipient]
            reading = pay.amount.reading
            evidence = (f"{reading.what}({reading.award}) at {timeutil.iso(t)} = {wad(reading.value(o.before, t), 'DAI')}, so "
                        f"{wad(want, 'DAI')}; balance {wad(o.before.dai[pay.recipient], 'DAI')} -> "
                        f"{wad(o.after.dai[pay.recipient], 'DAI')}")
            problems = [f"the amount at the cast is negative ({wad(want, 'DAI')}): the spell reverts"] if want < 0 \
                else common.compare([("DAI received", wad(total, "DAI"), wad(got, "DAI"))])
            out.append(common.ok(pay.item.label, pay.item.path, evidence, problems))
        return out

    @classmethod
    def state_effects(cls, e: Expected, view: StateView) -> list[StateEffect]:
        """As an exact DAI payment (suck to the PauseProxy, exit to the recipient), by the amount at
        this cast's time: time-dependent."""
        a, out = view.addresses, []
        for p in getattr(e, "computed_payments", []):
            try:
                wei = p.amount.wei(_Awards(view.awards_before), view.cast_time)
            except NotReadable:
                continue  # the item fails on its own
            out += dai_mint_effects(a, a["MCD_PAUSE_PROXY"], p.recipient, wei, p.item.label)
        return out

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        moves = []
        for p in getattr(e, "computed_payments", []):
            try:
                moves.append(("DAI", common.ZERO, p.recipient.lower(), p.amount.wei(view.before, view.cast_time)))
            except NotReadable:
                continue
        return TokenEvents(moves=tuple(moves))

    # -- reports -------------------------------------------------------------------------------------
    def summary_row(self, spell: Spell) -> SummaryRow:
        return SummaryRow("computed DAI payment", common.recipient(self.to), self.to.address, "DAI",
                          self.amount.words + " (at the cast)")

    def diff_fields(self, spell: Spell) -> dict[str, str]:
        return {"to": common.diff_party(self.to), "amount": self.amount.words, "comment": common.comment_of(self)}

    def identity(self) -> tuple:
        return (self.LABEL, self.to.address, self.amount.reading.award_read)

    # -- totals and the budget -----------------------------------------------------------------------
    def paid_tokens(self) -> dict[str, Decimal]:
        return {}  # known only at the cast: no total counts it (the report's row says what it is)

    def flow(self) -> Flow | None:
        return None

    def ledger_fields(self, name: Callable[[Party], str]) -> list[str] | None:
        return None

    def ledger_note(self) -> str:
        return (f"the payment to {self.to.label} ({self.amount.words}) is computed at the cast: the ledger "
                "records amounts, so add what it paid by hand")

    def doc_line(self, spell: Spell) -> str:
        if self.amount.value:
            rest = self.amount.words.removeprefix(f"{human(self.amount.value)} DAI ")
            return f"- **{human(self.amount.value)} DAI** {rest} (at the cast) will be transferred to " \
                   f"{common.doc_party(self.to)}"
        return f"- {self.amount.words} (at the cast) will be transferred to {common.doc_party(self.to)}"

    def doc_claims(self) -> list[DocClaim]:
        """The document states the constant (2022-02-04's: "42,917 DAI minus accrued"); the reading is the
        chain's at the cast."""
        if not self.amount.value:
            return []
        return [DocClaim("DAI", (self.amount.value,), self.to.address.lower(), self.to.label, "amount.value")]

    # -- Brownie -------------------------------------------------------------------------------------
    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        out = []
        for pay in [p for p in ctx.expected.computed_payments if p.item.path == self.path]:
            r = pay.amount.reading
            lines = [f'    award = cast.before.awards[("{r.vest}", {r.award})]',
                     "    t = cast.cast_time",
                     "    accrued = 0 if t < award.bgn else award.tot if t >= award.fin else "
                     "award.tot * (t - award.bgn) // (award.fin - award.bgn)"]
            read = "accrued" if r.what == "accrued" else "(0 if t < award.clf else accrued - award.rxd)"
            value = common.wei_literal(int(pay.amount.value * WAD))
            formula = f"{read} - {value}" if pay.amount.less_value else \
                f"{value} {'-' if pay.amount.sign < 0 else '+'} {read}"
            lines.append(f"    amount = {formula}  # {pay.amount.words}")
            lines.append(f"    recipient = {ctx.party(pay.recipient)}")
            fixed = sum(p.wei for p in ctx.expected.payments if p.recipient.lower() == pay.recipient.lower())
            lines.append(f"    others = {common.wei_literal(fixed)}  # DAI payments of the spell to the same recipient")
            if ctx.expected.repairs:  # a repaired award of the same recipient pays what it owed too
                keys = ", ".join(f'("{r.vest}", {r.award})' for r in ctx.expected.repairs)
                lines += [f"    for key in [{keys}]:  # repaired awards: vest() pays what each owed",
                          "        b = cast.before.awards[key]",
                          "        owed = 0 if t < b.clf else (b.tot if t >= b.fin else "
                          "b.tot * (t - b.bgn) // (b.fin - b.bgn)) - b.rxd",
                          "        others += owed if b.usr == recipient else 0"]
            lines.append("    assert cast.after.dai[recipient] - cast.before.dai[recipient] == amount + others")
            out.append((pay.item, "\n".join(lines) + "\n"))
        return out


@dataclass(frozen=True)
class _Awards:
    """A pre-state holding only awards (verify's state view has them, not the whole State)."""

    awards: dict


def dai_mint_effects(a: dict[str, str], sucker: str, recipient: str, wei: int, label: str) -> list[StateEffect]:
    """vat.suck(vow, sucker, rad) and DaiJoin.exit(recipient, wei): the sucker's DAI in the Vat back to
    where it was, the join's up, the recipient's DAI minted (time-dependent: computed at the cast)."""
    rad = wei * RAY
    effects = [common.vat_change("sin", a["MCD_VOW"], rad, label), common.vat_change("vice", None, rad, label),
               common.vat_change("debt", None, rad, label), common.vat_change("dai", sucker, 0, label),
               common.vat_change("dai", a["MCD_JOIN_DAI"], rad, label),
               common.balance_change("DAI", recipient, wei, label), common.supply_change("DAI", wei, label)]
    return [replace(x, time_dependent=True) for x in effects]


def dai_received(e: Expected, pre: Any, t: int) -> dict[str, int]:
    """Recipient (lower case) -> DAI the spell's items pay it in a cast at `t`: payments, amounts computed
    at the cast, and what repaired awards of DAI vests pay out (NotReadable when an award is missing)."""
    from spellgen.spellfile.computed import unpaid
    from spellgen.spellfile.protocol import VESTS

    out: dict[str, int] = {}
    for p in e.payments:
        out[p.recipient.lower()] = out.get(p.recipient.lower(), 0) + p.wei
    for c in e.computed_payments:
        out[c.recipient.lower()] = out.get(c.recipient.lower(), 0) + c.amount.wei(pre, t)
    for r in e.repairs:
        award = pre.awards.get((r.vest, r.award))
        if award is None:
            raise NotReadable(f"{r.vest} has no award {r.award} before the cast")
        if VESTS[r.vest].token == "DAI":
            out[award.usr.lower()] = out.get(award.usr.lower(), 0) + max(unpaid(award, t), 0)
    return out


def sucked_at_cast(e: Expected, pre: Any, t: int) -> int:
    """DAI (wei) the amounts computed at the cast and the repaired awards of suckable vests draw from the
    surplus buffer in a cast at `t` (the fixed payments are e.dai_paid)."""
    return sum(dai_received(e, pre, t).values()) - e.dai_paid
