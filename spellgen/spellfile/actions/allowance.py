"""`allowance`: the PauseProxy's token allowance to a transferrable vest (increase, set, what is owed, or
adjusted relative to the current one as the 2025-10-06 to 2026-02-26 spells wrote it: less what the award
the spell then yanks still owes, plus the new streams' total)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from spellgen.spellfile.actions import common
from spellgen.spellfile.actions.base import (
    Action, Block, Branch, BrownieContext, Check, CheckContext, DocClaim, Effects, EventView, Flow, Party,
    SolidityContext, SolidityExtras, StateEffect, StateView, SummaryRow, TokenEvents,
)
from spellgen.spellfile.actions.fields import AMOUNT, VEST
from spellgen.spellfile.amounts import exact_sum, human, to_wei
from spellgen.spellfile.diagnostics import Loc
from spellgen.spellfile.protocol import VESTS, VestKind

if TYPE_CHECKING:
    from spellgen.spellfile.expect import Expected, Item
    from spellgen.spellfile.model import Spell


def owed_helper(vest: str) -> list[str]:
    return [
        "// What the awards of a vest still owe: the sum of tot - rxd (zero for an award paid in full or yanked)",
        "function _owed(address vest) internal view returns (uint256 owed) {",
        f"    uint256 count = {vest}(vest).ids();",
        "    for (uint256 id = 1; id <= count; id++) {",
        f"        owed += {vest}(vest).tot(id) - {vest}(vest).rxd(id);",
        "    }",
        "}",
    ]


def new_streams(spell: Spell, vest: str, after: Action | None = None) -> list:
    """The spell's new streams on `vest` (those after `after` only, when given)."""
    actions = spell.actions
    if after is not None:
        actions = actions[actions.index(after) + 1:]
    return [a for a in actions if a.stream_vest() == vest]


def auto_total(spell: Spell, vest: str) -> Decimal:
    """What `increase: auto` adds: the totals of the spell's new streams on that vest."""
    return exact_sum([s.streamed()[1] for s in new_streams(spell, vest)])


@dataclass
class Allowance(Action):
    """The PauseProxy's token allowance to a transferrable vest."""

    vest: str
    # "increase" (delta on top of the current allowance), "set" (absolute), "owed", or "adjust" (the current
    # allowance less what award `less_unpaid_of` owes before its yank, plus `amount`)
    mode: str
    # None with mode "increase" or "adjust": the sum of the new streams on the vest; None with "owed"
    amount: Decimal | None
    comment: str | None = None
    less_unpaid_of: int | None = None  # "adjust": the award the spell yanks after this allowance
    award_loc: Loc | None = field(default=None, compare=False)  # where `less_unpaid_of` was written

    KIND: ClassVar[str] = "allowance"
    LABEL: ClassVar[str] = "allowance"
    FIELDS: ClassVar[dict[str, bool]] = {"type": True, "vest": True, "increase": False, "set": False,
                                         "adjust": False, "comment": False}
    README: ClassVar[str] = "`allowance`"
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = ("approve",)
    CHECK_RANK: ClassVar[int] = 8
    EXPLAIN_RANK: ClassVar[int] = 3
    EFFECTS: ClassVar[Effects] = Effects(
        calls=(("TOKEN", "approve"), ("TOKEN", "allowance"), ("VEST", "ids"), ("VEST", "tot"), ("VEST", "rxd")),
        reads=("TOKEN.allowance(proxy, VEST) (increase, adjust)", "VEST.ids(), tot(id), rxd(id) (set: owed)",
               "VEST.tot(id), rxd(id) of the award to yank, before the yank (adjust)"),
        branches=(Branch("loop", ("VEST.ids",), "for id in 1..VEST.ids() (set: owed, in _owed)"),),
        state=(("TOKEN", "allowance[proxy][VEST]"),),
        events=(("TOKEN", "Approval(proxy, VEST)"),),
        state_free=(("TOKEN", "Approval(proxy, VEST)"),),  # `set` to the allowance it already was
        used_by=("checks, run by verify/compare.py: the allowance after the cast, its change, what the vest's "
                 "awards owe",
                 "state_effects, applied by verify/statediff.py: its storage changes",
                 "token_events, counted by verify/compare.py's event check"))

    @property
    def token(self) -> str:
        return VESTS[self.vest].token

    @property
    def set_to(self) -> Decimal:
        """The absolute allowance of `set: AMOUNT`."""
        assert self.mode == "set" and self.amount is not None, "not a set allowance"
        return self.amount

    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        return "The PauseProxy's token allowance to a transferrable vest.", {
            "vest": VEST,
            "increase": {"description": "auto (the total of this spell's new streams on the vest) or an amount, "
                                        "added to the current allowance.", "anyOf": [{"enum": ["auto"]}, AMOUNT]},
            "set": {"description": "An absolute allowance instead of an increase, or `owed`: what all valid awards "
                                   "of the vest still owe (the sum of tot - rxd, this spell's new streams included), "
                                   "computed on chain at the cast.", "anyOf": [{"enum": ["owed"]}, AMOUNT]},
            "adjust": {"description": "The current allowance, less what an award this spell yanks afterwards still "
                                      "owes (its tot - rxd before the yank), plus the new streams' total: "
                                      "`approve(V, allowance(this, V) - (tot(id) - rxd(id)) + total)`.",
                       "type": "object", "additionalProperties": False, "required": ["less_unpaid_of"],
                       "properties": {
                           "less_unpaid_of": {"type": "integer", "minimum": 1,
                                              "description": "The id of the award the spell yanks after this "
                                                             "allowance."},
                           "plus": {"description": "auto (the total of this spell's new streams on the vest) or "
                                                   "an amount; none added when absent.",
                                    "anyOf": [{"enum": ["auto"]}, AMOUNT]}}},
            "comment": comment}

    @classmethod
    def parse(cls, p, node) -> Allowance | None:
        e = node.entries
        vest = p.vest(e["vest"], "the vest")
        if sum(mode in e for mode in ("increase", "set", "adjust")) != 1:
            p.r.error(node.loc, "an allowance needs exactly one of `increase` (auto or an amount), `set` and "
                                "`adjust`")
            return None
        token = VESTS[vest].token if vest else None
        if "adjust" in e:
            return cls._parse_adjust(p, e["adjust"], vest, token, p.comment(e))
        mode = "increase" if "increase" in e else "set"
        value = e[mode]
        amount = None
        if mode == "set" and value.kind == "scalar" and value.text.strip() == "owed" and not value.quoted:
            return cls(vest, "owed", None, p.comment(e)) if vest else None
        if not (mode == "increase" and value.kind == "scalar" and value.text.strip() == "auto"):
            amount = p.r.amount(value, f"the allowance {mode}", token, allow_zero=mode == "set")
            if amount is None:
                return None
        if vest is None:
            return None
        return cls(vest, mode, amount, p.comment(e))

    @classmethod
    def _parse_adjust(cls, p, node, vest: str | None, token: str | None, comment: str | None) -> Allowance | None:
        """`adjust: {less_unpaid_of: ID, plus: auto | AMOUNT}`."""
        if not p.r.mapping(node, {"less_unpaid_of": True, "plus": False}, "the allowance adjustment"):
            return None
        if "less_unpaid_of" not in node.entries:
            return None  # reported by mapping()
        award = p.r.integer(node.entries["less_unpaid_of"], "less_unpaid_of (an award id)", minimum=1)
        plus: Decimal | None = Decimal(0)
        if "plus" in node.entries:
            value = node.entries["plus"]
            if value.kind == "scalar" and value.text.strip() == "auto" and not value.quoted:
                plus = None
            elif (plus := p.r.amount(value, "the allowance's plus", token)) is None:
                return None
        if vest is None or award is None:
            return None
        return cls(vest, "adjust", plus, comment, less_unpaid_of=award,
                   award_loc=node.entries["less_unpaid_of"].loc)

    def check(self, ctx: CheckContext) -> None:
        spell, diags = ctx.spell, ctx.diags
        if VESTS[self.vest].kind is not VestKind.TRANSFERRABLE:
            diags.error(self.loc("vest"), f"{self.vest} does not pay from the treasury; "
                                          "only transferrable vests need an allowance")
        elif self.mode == "increase" and self.amount is None and not new_streams(spell, self.vest):
            diags.error(self.loc("increase"), f"increase: auto adds the totals of the new streams on "
                                              f"{self.vest}, but this spell creates none")
        self._covers_new_streams(ctx)
        if self.mode == "adjust":
            self._check_adjust(ctx)
        if self.mode == "owed":
            after = spell.actions[spell.actions.index(self) + 1:]
            late = next((a for a in after if a.yanked_vest() == self.vest), None)
            if late is not None:
                diags.error(late.loc("id"), f"this yank on {self.vest} comes after its `set: owed` allowance "
                                            f"(line {self.loc().line}), which would then count what the "
                                            "yanked award no longer owes: put the allowance after the yank")

    def _covers_new_streams(self, ctx: CheckContext) -> None:
        """R:254-258: the allowance is raised by the cumulative total of the new streams on the vest. An
        `increase` or a `set` below that total leaves the new awards unpayable unless some earlier slack
        happens to cover them, which the spell cannot count on. `set: owed` covers them by construction:
        the awards created before it are counted by `_owed`, those after it are added in the code."""
        if self.mode == "owed" or self.amount is None or VESTS[self.vest].kind is not VestKind.TRANSFERRABLE:
            return
        need = auto_total(ctx.spell, self.vest)
        if self.amount < need:
            count = len(new_streams(ctx.spell, self.vest))
            verb = "raises the allowance by" if self.mode == "increase" else "sets the allowance to"
            ctx.diags.error(self.loc(self.mode), f"this {verb} {human(self.amount)} {self.token}, less than the "
                                                 f"{human(need)} {self.token} of the {count} new stream(s) on "
                                                 f"{self.vest}, which it must cover: write `increase: auto` "
                                                 "(their totals) or `set: owed`")
    def _check_adjust(self, ctx: CheckContext) -> None:
        """The award the allowance loses is one the spell yanks after it: read before the yank, tot - rxd is
        what the award still owes; read after, it is only what had accrued unpaid."""
        spell, diags = ctx.spell, ctx.diags
        where = spell.actions.index(self)
        yanks = [(i, a) for i, a in enumerate(spell.actions)
                 if a.yanked_vest() == self.vest and getattr(a, "id", None) == self.less_unpaid_of]
        where_id = self.award_loc or self.loc("adjust")
        if not yanks:
            diags.error(where_id, f"this spell yanks no award "
                               f"{self.less_unpaid_of} on {self.vest}; the allowance may only lose what an award "
                               "the spell yanks still owes")
        elif all(i < where for i, _ in yanks):
            diags.error(where_id, f"award {self.less_unpaid_of} is yanked "
                               f"above (line {yanks[0][1].loc().line}), so its tot - rxd would be only what had "
                               "accrued unpaid: put the allowance before the yank, as the spells did")
        if self.amount is None and not new_streams(spell, self.vest):
            diags.error(self.loc("adjust"), f"plus: auto adds the totals of the new streams on {self.vest}, but this spell "
                               "creates none")

    @classmethod
    def check_kind(cls, actions: list, ctx: CheckContext) -> None:
        for vest, count in Counter(a.vest for a in actions).items():
            if count > 1:
                ctx.diags.error(ctx.spell.loc(), f"{vest} has {count} allowance actions; write one")
        # A stream on a transferrable vest pays from the PauseProxy's tokens: it needs an allowance.
        allowance_vests = {a.vest for a in actions}
        for s in ctx.spell.actions:
            vest = s.stream_vest()
            if vest and VESTS[vest].kind is VestKind.TRANSFERRABLE and vest not in allowance_vests:
                ctx.diags.warn(s.loc("vest"), f"{vest} pays from the PauseProxy's {VESTS[vest].token}: add "
                                              f"{{type: allowance, vest: {vest}, increase: auto}} so the stream "
                                              "can pay")
                allowance_vests.add(vest)  # one warning per vest is enough

    def solidity(self, ctx: SolidityContext) -> Block:
        gem = self.token
        token = ctx.token(gem, "approve", *(["allowance"] if self.mode in ("increase", "adjust") else []))
        if self.mode == "adjust":
            return self._adjust_block(ctx, token)
        if self.mode == "owed":
            later = new_streams(ctx.spell, self.vest, after=self)
            head = (f"Set the PauseProxy's {gem} allowance to {self.vest} to what its valid awards still owe "
                    f"(the sum of tot - rxd)")
            code = f"{token}.approve({self.vest}, _owed({self.vest}));"
            note = False
            if later:
                amount, note = ctx.wei(sum((s.total for s in later), Decimal(0)))
                head += (f", plus the {len(later)} stream(s) created below: "
                         f"{human(sum((s.total for s in later), Decimal(0)))} {gem}")
                code = f"{token}.approve({self.vest}, _owed({self.vest}) + {amount});"
        elif self.mode == "set":
            amount, note = ctx.wei(self.set_to)
            head = f"Set the PauseProxy's {gem} allowance to {self.vest} to {human(self.set_to)} {gem}"
            code = f"{token}.approve({self.vest}, {amount});"
        else:
            delta = self.amount if self.amount is not None else sum(
                (s.total for s in new_streams(ctx.spell, self.vest)), Decimal(0))
            amount, note = ctx.wei(delta)
            source = "the new streams' total" if self.amount is None else "the declared amount"
            head = f"Increase the PauseProxy's {gem} allowance to {self.vest} by {source}: {human(delta)} {gem}"
            code = f"{token}.approve({self.vest}, {token}.allowance(address(this), {self.vest}) + {amount});"
        if note:
            code += ctx.note(gem)
        return Block(ctx.with_comment(self, [head]), [code])

    def plus(self, spell: Spell) -> Decimal:
        """What an adjustment adds: the declared amount, or the new streams' total (auto)."""
        return self.amount if self.amount is not None else auto_total(spell, self.vest)

    def _adjust_block(self, ctx: SolidityContext, token: str) -> Block:
        """The statement of the 2025-10-06 to 2026-02-26 spells, in a scope: the allowance before, less tot -
        rxd of the award yanked below (read before the yank), plus the new streams' total."""
        gem, vest, award = self.token, self.vest, self.less_unpaid_of
        reader = ctx.type("vest", "tot", "rxd")
        plus = self.plus(ctx.spell)
        head = (f"Adjust the PauseProxy's {gem} allowance to {vest}: less what award {award} (yanked below) still "
                f"owes" + (f", plus the new streams' total: {human(plus)} {gem}" if plus else ""))
        total = ""
        if plus:
            amount, note = ctx.wei(plus)
            total = f" + {amount};" + (ctx.note(gem) if note else "")
        return Block(ctx.with_comment(self, [head]), [
            "{",
            "    // Note: the allowance before the cast",
            f"    uint256 pallowance = {token}.allowance(address(this), {vest});",
            f"    // Note: what award {award} still owes, read before its yank",
            f"    uint256 ytot = {reader}({vest}).tot({award});",
            f"    uint256 yrxd = {reader}({vest}).rxd({award});",
            "    uint256 yallowance = ytot - yrxd;",
            "    // Note: the new allowance" + (" (the previous one less the yanked award's remainder, plus the new "
                                               "streams' total)" if plus else " (the previous one less the yanked "
                                                                                "award's remainder)"),
            f"    uint256 allowance = pallowance - yallowance{total or ';'}",
            f"    {token}.approve({vest}, allowance);",
            "}"])

    def chainlog_keys(self) -> set[str]:
        return {self.vest}

    def gem_symbols(self) -> set[str]:
        return {self.token}

    @classmethod
    def extras(cls, actions: list, ctx: SolidityContext) -> SolidityExtras:
        if any(a.mode == "owed" for a in actions):
            return SolidityExtras(helpers=[owed_helper(ctx.type("vest", "ids", "tot", "rxd"))])
        return SolidityExtras()

    def expect(self, spell: Spell, out: Expected) -> None:
        from spellgen.spellfile.expect import AllowanceChange, Item

        token = self.token
        if self.mode == "owed":
            item = Item(f"allowance: PauseProxy {token} to {self.vest} set to what its valid awards still owe",
                        self.path)
            out.allowances.append(AllowanceChange(item, self.vest, token, "owed", 0))
            return
        if self.mode == "adjust":
            plus = self.plus(spell)
            item = Item(f"allowance: PauseProxy {token} to {self.vest} less what award {self.less_unpaid_of} "
                        f"owes before its yank, plus {human(plus)} {token}", self.path)
            out.allowances.append(AllowanceChange(item, self.vest, token, "adjust", to_wei(plus),
                                                  self.less_unpaid_of or 0))
            return
        amount = self.amount if self.amount is not None else auto_total(spell, self.vest)
        verb = "set to" if self.mode == "set" else "increased by"
        item = Item(f"allowance: PauseProxy {token} to {self.vest} {verb} {human(amount)} {token}", self.path)
        out.allowances.append(AllowanceChange(item, self.vest, token, self.mode, to_wei(amount)))

    def text(self, auto_amount: Decimal | None = None) -> str:
        """The allowance in words, for the reports."""
        if self.mode == "owed":
            return "set to what the vest's valid awards still owe (computed at the cast)"
        if self.mode == "adjust":
            plus = self.amount if self.amount is not None else auto_amount
            added = f"{common.amount_text(plus, self.token)}" if plus is not None else "the new streams' total"
            return f"less what award {self.less_unpaid_of} owes before its yank, plus {added}"
        if self.mode == "set":
            return f"set to {common.amount_text(self.set_to, self.token)}"
        if self.amount is not None:
            return f"increase by {common.amount_text(self.amount, self.token)}"
        if auto_amount is None:
            return "increase by the new streams' total"
        return f"increase by {common.amount_text(auto_amount, self.token)} (the new streams' total)"

    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        """Each allowance after the cast, and every vest's awards payable from the treasury."""
        wad = common.wad
        out = []
        for a in e.allowances:
            before, after = o.before.allowance[a.vest], o.after.allowance[a.vest]
            if a.mode == "owed":  # what every award still owes after the cast, read from the vest
                owed = o.obligations.get(a.vest, (0, 0, 0))[0]
                out.append(common.ok(a.item.label, a.item.path, f"{wad(before, a.token)} -> {wad(after, a.token)}; "
                                                                f"awards owe {wad(owed, a.token)}",
                                     common.compare([("allowance", wad(owed, a.token), wad(after, a.token))])))
                continue
            if a.mode == "adjust":
                out.append(cls._adjusted(a, o))
                continue
            want = before + a.wei if a.mode == "increase" else a.wei
            problems = common.compare([("allowance", wad(want, a.token), wad(after, a.token))])
            out.append(common.ok(a.item.label, a.item.path, f"{wad(before, a.token)} -> {wad(after, a.token)}",
                                 problems))
        for vest, (unpaid, allowance, balance) in sorted(o.obligations.items()):
            token = VESTS[vest].token
            problems, warning = [], ""
            undistributed = cls._undistributed(e, o, vest)
            if unpaid > allowance and unpaid - allowance <= undistributed:
                warning = (f"the allowance is {wad(unpaid - allowance, token)} short of what the awards owe: what the "
                           f"award(s) this spell yanks had accrued unpaid ({wad(undistributed, token)}; on the twin "
                           "its awards are assumed unpaid since their start), which the allowance adjustment takes "
                           "away; the spells paid it out just before (the distribution contract's distribute(), not "
                           "stated in the YAML, so not verified): without it that part cannot be paid")
            elif unpaid > allowance:
                problems.append(f"valid awards still owe {wad(unpaid, token)}, above the allowance "
                                f"{wad(allowance, token)}")
            kept_for = {r.award for c in getattr(e, "mkr_at_cast", []) for r in c.unpaid if r.vest == vest}
            if unpaid > balance and kept_for and getattr(o, "twin", False) and not problems:
                # An MKR conversion read at the cast kept back what the awards it names owe; the rest of the
                # vest's awards owe on the twin only because its awards are assumed never claimed.
                warning = (f"valid awards still owe {wad(unpaid, token)}, above the PauseProxy's balance "
                           f"{wad(balance, token)}: the MKR conversion read at the cast kept back what awards "
                           f"{', '.join(map(str, sorted(kept_for)))} owe, and the others owe on the twin because its "
                           "awards are assumed never claimed (no mainnet fact); on a fork mainnet's awards decide")
            elif unpaid > balance:
                problems.append(f"valid awards still owe {wad(unpaid, token)}, above the PauseProxy's "
                                f"balance {wad(balance, token)}")
            problems += cls._short_of_new_awards(e, o, vest, token)
            check = common.ok(f"{vest} can pay every valid award", "spell",
                              f"owed {wad(unpaid, token)}, allowance {wad(allowance, token)}, "
                              f"treasury {wad(balance, token)}", problems)
            out.append(replace(check, warning=warning) if check.passed and warning else check)
        return out

    @staticmethod
    def _undistributed(e: Expected, o: Any, vest: str) -> int:
        """What the awards an `adjust` allowance of `vest` loses still owe after their yank (what had accrued
        unpaid): the adjustment takes their whole remainder away, as the spells did right after distribute()
        paid that part out. A shortfall up to it is a WARN naming it; beyond it, a FAIL."""
        total = 0
        for a in e.allowances:
            award = o.after.awards.get((vest, a.award)) if a.vest == vest and a.mode == "adjust" else None
            if award is not None and award.tot > award.rxd:
                total += award.tot - award.rxd
        return total

    @staticmethod
    def _adjusted(a: Any, o: Any) -> Check:
        """The allowance after = before - (tot - rxd of the yanked award, read before the cast) + the plus."""
        wad = common.wad
        before, after = o.before.allowance[a.vest], o.after.allowance[a.vest]
        award = o.before.awards.get((a.vest, a.award))
        if award is None:
            return Check(a.item.label, a.item.path, False, "no such award",
                         f"{a.vest} has no award {a.award} before the cast")
        unpaid = award.tot - award.rxd
        want = before - unpaid + a.wei
        evidence = (f"{wad(before, a.token)} - award {a.award}'s {wad(unpaid, a.token)} + {wad(a.wei, a.token)} "
                    f"-> {wad(after, a.token)}")
        problems = common.compare([("allowance", wad(want, a.token), wad(after, a.token))])
        return common.ok(a.item.label, a.item.path, evidence, problems)

    @staticmethod
    def _short_of_new_awards(e: Expected, o: Any, vest: str, token: str) -> list[str]:
        """R:254: the spell raises the allowance by the cumulative total of its new awards, read from the
        chain (their `tot`). Whatever the allowance held before the cast is not the spell's: on the twin an
        assumption (what its assumed awards owed), on mainnet another spell's slack, which a later spell
        may spend. So an `increase` (or no allowance item) that raises it by less, or a `set` to less, fails
        even when that earlier allowance makes every award payable today. `set: owed` counts the new
        awards itself (its own item checks the allowance against what they owe)."""
        new_total = sum(award.tot for (award_vest, _), award in o.new_awards.items() if award_vest == vest)
        # A farm vest update (farm_vest_update) keeps the allowance to its own award itself, relative to what
        # the award it replaces still owed; its own item checks that adjustment.
        farm_updates = [f for f in getattr(e, "farm_updates", []) if f.vest == vest]
        new_total -= sum(f.tot for f in farm_updates)
        # A farm init raises it by its award's total and distributes part at once; its own item checks both.
        new_total -= sum(f.tot for f in getattr(e, "farm_inits", []) if f.vest == vest)
        modes = {a.mode for a in e.allowances if a.vest == vest}
        if new_total <= 0 or "owed" in modes:
            return []
        # A vest whose allowance no YAML item changes was not read before and after: it kept its value.
        current = o.obligations[vest][1]
        before_wei = o.before.allowance.get(vest, current)
        after_wei = o.after.allowance.get(vest, current)
        awards = f"the new awards on {vest} total {common.wad(new_total, token)} (their tot, read from the chain)"
        if "set" in modes:
            if after_wei >= new_total:
                return []
            return [f"{awards}, above the allowance the spell sets, {common.wad(after_wei, token)}"]
        # An adjustment's loss of the yanked award's remainder is that award's own share, not the new streams'.
        returned = sum(o.before.awards[(a.vest, a.award)].tot - o.before.awards[(a.vest, a.award)].rxd
                       for a in e.allowances if a.vest == vest and a.mode == "adjust"
                       and (a.vest, a.award) in o.before.awards)
        raised = after_wei - before_wei + returned
        if raised >= new_total:
            return []
        source = ("the twin's assumed allowance before the cast (what its assumed awards owed; no mainnet fact)"
                  if o.twin else "the allowance before the cast (another spell's slack)")
        return [f"{awards}, but the spell raises the allowance by {common.wad(max(raised, 0), token)}; "
                f"what is left is {source}, {common.wad(before_wei, token)}, not the spell's"]

    @classmethod
    def state_effects(cls, e: Expected, view: StateView) -> list[StateEffect]:
        proxy, out = view.addresses["MCD_PAUSE_PROXY"], []
        for change in getattr(e, "allowances", []):
            keys = (proxy, view.addresses[change.vest])
            unit = f"wad:{change.token}"
            if change.mode == "increase":
                out.append(StateEffect(change.token, "allowance", keys, delta=change.wei, label=change.item.label,
                                       unit=unit, token=True))
            elif change.mode == "adjust":  # less the yanked award's tot - rxd before the cast, plus the new total
                award = view.awards_before.get((change.vest, change.award))
                if award is None:
                    continue  # no such award: the allowance item fails on its own
                out.append(StateEffect(change.token, "allowance", keys, delta=change.wei - (award.tot - award.rxd),
                                       label=change.item.label, unit=unit, token=True))
            elif change.mode == "owed":  # what the vest's awards owe after this cast: yanks make it time-dependent
                out.append(StateEffect(change.token, "allowance", keys, value=view.owed_after.get(change.vest, 0),
                                       label=change.item.label, unit=unit, token=True, time_dependent=True))
            else:
                out.append(StateEffect(change.token, "allowance", keys, value=change.wei, label=change.item.label,
                                       unit=unit, token=True))
        return out

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        return TokenEvents(approvals=tuple((VESTS[a.vest].token, view.proxy, view.vest_address(a.vest))
                                           for a in e.allowances))

    def summary_row(self, spell: Spell) -> SummaryRow:
        return SummaryRow(f"allowance to {self.vest}", "PauseProxy", "", self.token,
                          self.text(auto_total(spell, self.vest)))

    def diff_fields(self, spell: Spell) -> dict[str, str]:
        return {"vest": self.vest, "allowance": self.text(auto_total(spell, self.vest)),
                "comment": common.comment_of(self)}

    def identity(self) -> tuple:
        return (self.LABEL, self.vest)

    def paid_tokens(self) -> dict[str, Decimal]:
        return {}

    def flow(self) -> Flow | None:
        return None

    def ledger_fields(self, name: Callable[[Party], str]) -> list[str] | None:
        return None

    def doc_line(self, spell: Spell) -> str:
        # Not a payment: the line avoids the words the document reader takes for one (stream, transfer...).
        head = f"- The PauseProxy's {self.token} allowance to {self.vest}:"
        if self.mode == "owed":
            return f"{head} set to what its valid awards still owe, computed at the cast"
        if self.mode == "adjust":
            plus = self.plus(spell)
            return (f"{head} lowered by what award {self.less_unpaid_of} still owes before its removal"
                    + (f", then raised by {common.amount_text(plus, self.token)}" if plus else ""))
        if self.mode == "set":
            return f"{head} set to {common.amount_text(self.set_to, self.token)}"
        amount = self.amount if self.amount is not None else auto_total(spell, self.vest)
        return f"{head} raised by {common.amount_text(amount, self.token)}"

    def doc_claims(self) -> list[DocClaim]:
        return []

    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        out = []
        for change in [a for a in ctx.expected.allowances if a.item.path == self.path]:
            if change.mode == "set":
                check = (f"    assert cast.after.allowance[\"{change.vest}\"] == {common.wei_literal(change.wei)}  "
                         f"# {common.token_amount(change.wei)} {change.token}\n")
            elif change.mode == "adjust":
                check = (f"    award = cast.before.awards[(\"{change.vest}\", {change.award})]  # read before its yank\n"
                         f"    before = cast.before.allowance[\"{change.vest}\"]\n"
                         f"    assert cast.after.allowance[\"{change.vest}\"] == before - (award.tot - award.rxd) + "
                         f"{common.wei_literal(change.wei)}  # {common.token_amount(change.wei)} {change.token}\n")
            elif change.mode == "owed":
                check = (f"    owed = cast.observation.obligations[\"{change.vest}\"][0]  # what the vest's valid "
                         "awards still owe after the cast\n"
                         f"    assert cast.after.allowance[\"{change.vest}\"] == owed\n")
            else:
                check = (f"    increase = cast.after.allowance[\"{change.vest}\"] - "
                         f"cast.before.allowance[\"{change.vest}\"]\n"
                         f"    assert increase == {common.wei_literal(change.wei)}  # "
                         f"{common.token_amount(change.wei)} {change.token}\n")
            out.append((change.item, check))
        return out
