"""`vest_and_yank`: repair a stream: pay an existing award what it owes at the cast, then end it.

2022-02-04 cancelled two DAI streams created a week before with the wrong end: `VEST.unrestrict(id)`
(a restricted award pays only its recipient), `VEST.vest(id)` ("pay unpaid stream amount") and
`VEST.yank(id)`. verify evaluates what the award owed from its state before the cast at the cast's time.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from spellgen.spellfile import timeutil
from spellgen.spellfile.actions import common
from spellgen.spellfile.actions.base import (
    Action, Block, BrownieContext, Check, CheckContext, DocClaim, Effects, EventView, Flow, Party, SolidityContext,
    StateEffect, StateView, SummaryRow, TokenEvents,
)
from spellgen.spellfile.actions.computed_payment import dai_mint_effects
from spellgen.spellfile.actions.fields import AMOUNT, INSTANT, PARTY, VEST
from spellgen.spellfile.amounts import human, to_wei
from spellgen.spellfile.computed import unpaid
from spellgen.spellfile.protocol import VESTS, VestKind

if TYPE_CHECKING:
    from spellgen.spellfile.expect import Expected, Item
    from spellgen.spellfile.model import Spell


def _repaired(before: Any, t: int) -> tuple[tuple, int]:
    """(the award's members after unrestrict, vest and yank at `t`, what vest paid), as DssVest does it."""
    paid = max(unpaid(before, t), 0)
    vested = SimpleNamespace(usr=before.usr, bgn=before.bgn, clf=before.clf, fin=before.fin, mgr=before.mgr, res=0,
                             tot=before.tot, rxd=before.rxd + paid)
    return common.yanked(vested, t), paid


@dataclass
class VestAndYank(Action):
    vest: str
    id: int
    recipient: Party | None = None  # what the award should belong to, checked before the cast
    current_end: int | None = None  # the award's fin before the repair, checked before the cast
    current_start: int | None = None  # its bgn before the repair, checked before the cast
    current_total: Decimal | None = None  # its tot before the repair, checked before the cast
    comment: str | None = None

    KIND: ClassVar[str] = "vest_and_yank"
    LABEL: ClassVar[str] = "vest and yank"
    FIELDS: ClassVar[dict[str, bool]] = {"type": True, "vest": True, "id": True, "recipient": False,
                                         "current_start": False, "current_end": False, "current_total": False,
                                         "comment": False}
    README: ClassVar[str] = "`vest_and_yank`"
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = ("unrestrict",)
    CHECK_RANK: ClassVar[int] = 7
    EXPLAIN_RANK: ClassVar[int] = 5
    EFFECTS: ClassVar[Effects] = Effects(
        calls=(("VEST", "unrestrict"), ("VEST", "vest"), ("VEST", "yank")),
        reads=(),
        branches=(),
        state=(("VEST", "awards[id].res"), ("VEST", "awards[id].rxd"), ("VEST", "awards[id].fin"),
               ("VEST", "awards[id].tot"), ("MCD_VAT", "sin[MCD_VOW]"), ("MCD_VAT", "vice"), ("MCD_VAT", "debt"),
               ("MCD_VAT", "dai[MCD_JOIN_DAI]"), ("MCD_DAI", "balanceOf[usr]"), ("MCD_DAI", "totalSupply")),
        # vest() of a suckable vest: the Vat's suck to the vest, the join's exit to the recipient, then the Vest note.
        events=(("VEST", "Unrestrict(id)"), ("MCD_VAT", "LogNote(suck)"), ("MCD_VAT", "LogNote(move)"),
                ("MCD_DAI", "Transfer(0, usr)"), ("MCD_JOIN_DAI", "LogNote(exit)"), ("VEST", "Vest(id, amt)"),
                ("VEST", "Yank(id, end)")),
        state_free=(("MCD_JOIN_DAI", "LogNote(exit)"),),  # vest() pays through the join, which keeps no balance
        used_by=("checks, run by verify/compare.py: the award after the cast, what vest paid its recipient, "
                 "the stated owner and end before the cast",
                 "state_effects, applied by verify/statediff.py: its storage changes (time-dependent)",
                 "token_events, counted by verify/compare.py's event check"))

    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        return ("Repair a stream: pay an existing award of a DAI vest what it owes at the cast and end it "
                "(VEST.unrestrict, VEST.vest, VEST.yank, as 2022-02-04).", {
                    "vest": VEST, "id": {"type": "integer", "minimum": 1},
                    "recipient": {**PARTY, "description": "Who the award should belong to (verified before the "
                                                          "cast)."},
                    "current_start": {**INSTANT, "description": "The award's start before the repair (verified "
                                                                  "before the cast)."},
                    "current_end": {**INSTANT, "description": "The award's end before the repair (verified "
                                                              "before the cast)."},
                    "current_total": {**AMOUNT, "description": "The award's total before the repair, in DAI "
                                                               "(verified before the cast)."},
                    "comment": comment})

    @classmethod
    def parse(cls, p, node) -> VestAndYank | None:
        e = node.entries
        vest = p.vest(e["vest"], "the vest")
        award = p.r.integer(e["id"], "the award id", 1)
        recipient = p.party(e["recipient"], "the recipient") if "recipient" in e else None
        current = p.r.instant(e["current_end"], "current_end", "end") if "current_end" in e else None
        start = p.r.instant(e["current_start"], "current_start", "start") if "current_start" in e else None
        total = p.r.amount(e["current_total"], "current_total", "DAI") if "current_total" in e else None
        if None in (vest, award) or ("recipient" in e and recipient is None) or ("current_end" in e and not current) \
                or ("current_start" in e and not start) or ("current_total" in e and total is None):
            return None
        return cls(vest, award, recipient, current[0] if current else None, start[0] if start else None, total,
                   p.comment(e))

    def check(self, ctx: CheckContext) -> None:
        spec = VESTS[self.vest]
        if spec.kind is not VestKind.SUCKABLE or spec.token != "DAI":
            ctx.diags.error(self.loc("vest"), f"{self.vest} pays {spec.token} ({spec.kind.value}); vest_and_yank "
                                              "models DAI vests only (the 2022-02-04 repair), so it cannot verify "
                                              "this one")

    @classmethod
    def check_kind(cls, actions: list, ctx: CheckContext) -> None:
        """One action per award it repairs: a yank or a second repair of it would act on what this left."""
        first: dict[tuple[str, int], Action] = {}
        for action in ctx.spell.actions:
            award = action.changed_award()
            if award is None:
                continue
            if award in first and (action in actions or first[award] in actions):
                ctx.diags.error(action.loc("id"), f"award {award[1]} of {award[0]} is also changed by "
                                                  f"{first[award].path}; one action per award")
            first.setdefault(award, action)

    def yanked_vest(self) -> str:
        return self.vest  # the repair ends the award with a yank

    def changed_award(self) -> tuple[str, int]:
        return self.vest, self.id

    def stated_award(self) -> tuple | None:
        if not (self.recipient or self.current_end or self.current_start is not None or self.current_total):
            return None
        return (self.vest, self.id, self.recipient.address if self.recipient else None, self.current_end,
                self.current_start, to_wei(self.current_total) if self.current_total is not None else None)

    def solidity(self, ctx: SolidityContext) -> Block:
        who = f" ({self.recipient.label})" if self.recipient else ""
        head = f"Pay DAI stream ID {self.id} on {self.vest}{who} what it owes, then yank it"
        vest = f"{ctx.type('vest', 'unrestrict', 'vest', 'yank')}({self.vest})"
        return Block(ctx.with_comment(self, [head]), [
            f"{vest}.unrestrict({self.id});",
            f"{vest}.vest({self.id}); // Pay unpaid stream amount",
            f"{vest}.yank({self.id});",
        ])

    def chainlog_keys(self) -> set[str]:
        return {self.vest}

    def expect(self, spell: Spell, out: Expected) -> None:
        from spellgen.spellfile.expect import Item, Repaired

        item = Item(f"vest and yank: award {self.id} on {self.vest} paid what it owes and ended at the cast",
                    self.path)
        out.repairs.append(Repaired(item, self.vest, self.id, self.recipient.address if self.recipient else None,
                                    self.current_end, self.current_start,
                                    to_wei(self.current_total) if self.current_total is not None else None))

    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        """The award after the cast as DssVest leaves it (unrestricted, rxd up by what it owed, ended at
        the cast), its recipient's DAI, and what the YAML says it was before."""
        iso, wad, out = timeutil.iso, common.wad, []
        t = o.cast_receipt().timestamp
        from spellgen.spellfile.actions.computed_payment import dai_received

        for r in e.repairs:
            before, after = o.before.awards.get((r.vest, r.award)), o.after.awards.get((r.vest, r.award))
            if before is None or after is None:
                out.append(Check(r.item.label, r.item.path, False, "no such award", f"{r.vest} has no award {r.award}"))
                continue
            (usr, bgn, clf, fin, mgr, res, tot, rxd), paid = _repaired(before, t)
            problems = common.compare([("res after", 0, after.res), ("rxd after", wad(rxd, "DAI"), wad(after.rxd, "DAI")),
                                       ("fin after", iso(fin), iso(after.fin)), ("tot after", wad(tot, "DAI"),
                                                                                 wad(after.tot, "DAI"))])
            total = dai_received(e, o.before, t).get(before.usr.lower(), 0)
            got = o.after.dai.get(before.usr, 0) - o.before.dai.get(before.usr, 0)
            problems += common.compare([("DAI received by the recipient", wad(total, "DAI"), wad(got, "DAI"))])
            if r.usr is not None:
                problems += common.compare([("usr before", r.usr, before.usr)])
            if r.fin_before is not None:
                problems += common.compare([("fin before", iso(r.fin_before), iso(before.fin))])
            if r.bgn_before is not None:
                problems += common.compare([("bgn before", iso(r.bgn_before), iso(before.bgn))])
            if r.tot_before is not None:
                problems += common.compare([("tot before", wad(r.tot_before, "DAI"), wad(before.tot, "DAI"))])
            evidence = (f"award {r.award} of {before.usr}: paid {wad(paid, 'DAI')} (unpaid at {iso(t)}), rxd "
                        f"{wad(before.rxd, 'DAI')} -> {wad(after.rxd, 'DAI')}, fin {iso(before.fin)} -> "
                        f"{iso(after.fin)}, tot {wad(before.tot, 'DAI')} -> {wad(after.tot, 'DAI')}")
            out.append(common.ok(r.item.label, r.item.path, evidence, problems))
        return out

    @classmethod
    def state_effects(cls, e: Expected, view: StateView) -> list[StateEffect]:
        """The award's words after unrestrict, vest and yank at this cast's time, and the DAI vest's suck
        and exit of what it owed (to the vest, then its recipient)."""
        out = []
        for r in getattr(e, "repairs", []):
            before = view.awards_before.get((r.vest, r.award))
            if before is None:
                continue  # no such award: the item fails on its own
            members, paid = _repaired(before, view.cast_time)
            for i, word in enumerate(common.pack_award(*members)):
                out.append(StateEffect(r.vest, "awards", (r.award,), value=word, label=r.item.label,
                                       unit=f"award{i}", time_dependent=True, layout="DssVest", offset=i))
            out += dai_mint_effects(view.addresses, view.addresses[r.vest], before.usr, paid, r.item.label)
        return out

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        moves = []
        for r in getattr(e, "repairs", []):
            before = view.before.awards.get((r.vest, r.award))
            if before is not None:
                moves.append(("DAI", common.ZERO, before.usr.lower(), max(unpaid(before, view.cast_time), 0)))
        return TokenEvents(moves=tuple(moves))

    def summary_row(self, spell: Spell) -> SummaryRow:
        who = self.recipient
        return SummaryRow(f"vest and yank award {self.id} on {self.vest}", common.recipient(who) if who else "",
                          who.address if who else "", VESTS[self.vest].token, "what it owes at the cast",
                          "ends at the cast")

    def diff_fields(self, spell: Spell) -> dict[str, str]:
        return {"vest": self.vest, "id": str(self.id),
                "recipient": common.diff_party(self.recipient) if self.recipient else "not stated",
                "current_start": common.when(self.current_start, "not stated"),
                "current_end": common.when(self.current_end, "not stated"),
                "current_total": f"{human(self.current_total)} DAI" if self.current_total is not None else "not stated",
                "comment": common.comment_of(self)}

    def identity(self) -> tuple:
        return ("vest and yank", self.vest, self.id)

    def paid_tokens(self) -> dict[str, Decimal]:
        return {}  # what the award owes is known only at the cast

    def flow(self) -> Flow | None:
        return None

    def ledger_fields(self, name: Callable[[Party], str]) -> list[str] | None:
        return None

    def ledger_note(self) -> str:
        return (f"the repair of award {self.id} on {self.vest} is not recorded: the ledger does not know award ids, "
                "so end the stream in the ledger by hand")

    def doc_line(self, spell: Spell) -> str:
        who = f" ({self.recipient.label})" if self.recipient else ""
        return f"- Pay award {self.id} on {self.vest}{who} what it owes and yank it"

    def doc_claims(self) -> list[DocClaim]:
        return []

    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        out = []
        for r in [x for x in ctx.expected.repairs if x.item.path == self.path]:
            lines = [f'    before = cast.before.awards[("{r.vest}", {r.award})]',
                     f'    after = cast.after.awards[("{r.vest}", {r.award})]',
                     "    t = cast.cast_time",
                     "    accrued = 0 if t < before.bgn else before.tot if t >= before.fin else "
                     "before.tot * (t - before.bgn) // (before.fin - before.bgn)",
                     "    owed = 0 if t < before.clf else accrued - before.rxd  # DssVest.unpaid at the cast",
                     "    assert after.res == 0  # unrestricted",
                     "    assert after.rxd == before.rxd + owed  # vested what it owed",
                     "    assert after.fin == min(before.fin, t)  # ended at the cast",
                     "    assert after.tot == (after.rxd if t >= before.clf else 0)  # nothing more to pay"]
            if r.usr:
                lines.append(f"    assert before.usr == {ctx.party(r.usr)}")
            if r.fin_before is not None:
                lines.append(f"    assert before.fin == {common.time_literal(r.fin_before)}")
            out.append((r.item, "\n".join(lines) + "\n"))
        return out
