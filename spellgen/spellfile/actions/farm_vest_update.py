"""`farm_vest_update`: replace a Treasury-funded farm's vest, as TreasuryFundedFarmingInit.updateFarmVest
does (the spells of 2026-04-09 to 2026-05-07): the award the distribution holds is read on chain
(`vestId()`), distributed if it owes, the PauseProxy's allowance to the vest adjusted by the new total
less what the old award still owed, the old award yanked, the vest's cap raised to 110% of the new rate
if that is above the cap in force, a new restricted award to the distribution from the cast created and
filed as the distribution's vestId.

The spell reads the old award id; the YAML states it too (`current_id`), and verify checks it against the
distribution before the cast, then computes every amount from the chain's pre-state.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from spellgen.spellfile import timeutil
from spellgen.spellfile.actions import common
from spellgen.spellfile.actions.base import (
    Action, Block, Branch, BrownieContext, Check, CheckContext, DocClaim, Effects, EventView, Flow, Party, SolidityContext,
    SolidityExtras, StateEffect, StateView, StreamTerms, SummaryRow, TokenEvents,
)
from spellgen.spellfile.actions.distribute import DISTRIBUTIONS, Distribute, not_read, paid_effects
from spellgen.spellfile.actions.fields import AMOUNT, DURATION, VEST
from spellgen.spellfile.amounts import human, to_wei
from spellgen.spellfile.computed import unpaid
from spellgen.spellfile.protocol import VESTS

if TYPE_CHECKING:
    from spellgen.spellfile.expect import Expected, FarmVestUpdated, Item
    from spellgen.spellfile.model import Spell

HELPER = "_updateFarmVest"


def _update_events(distributed: bool, capped: bool) -> tuple[tuple[str, str], ...]:
    """The ordered events of an update: the old award distributed (when it owes anything at the cast), the
    allowance, its yank, the cap (when the new rate is above the one in force), the new award and the
    distribution's new vestId."""
    old = (("TOKEN", "Transfer(proxy, dist)"), ("VEST", "Vest(prev, amt)"), ("TOKEN", "Transfer(dist, farm)"),
           ("FARM", "RewardAdded(amt)"), ("DIST", "Distribute(amt)"))
    return (old if distributed else ()) + (("TOKEN", "Approval(proxy, VEST)"), ("VEST", "Yank(prev, end)")) + \
        ((("VEST", "File(cap, rate)"),) if capped else ()) + \
        (("VEST", "Init(id, dist)"), ("VEST", "Restrict(id)"), ("DIST", "File(vestId, id)"))


def helper(vest: str, dist: str, gem: str) -> list[str]:
    """The statement's helper: the steps of updateFarmVest, in its order, written for the spell."""
    return [
        "// Replace a Treasury-funded farm's vest (the steps of TreasuryFundedFarmingInit.updateFarmVest)",
        f"function {HELPER}(address dist, address vest, address gem, uint256 tot, uint256 tau) internal {{",
        f'    require(tot > 0 && tau > 0, "{HELPER}/zero-tot-or-tau");',
        f"    uint256 prev = {dist}(dist).vestId();",
        f'    require(prev != 0, "{HELPER}/no-vest-id");',
        "    // Pay the farm what the old award owes, then keep the allowance at what the awards owe",
        f"    if ({vest}(vest).unpaid(prev) > 0) {{",
        f"        {dist}(dist).distribute();",
        "    }",
        f"    uint256 left = {vest}(vest).tot(prev) - {vest}(vest).rxd(prev);",
        f"    {gem}(gem).approve(vest, {gem}(gem).allowance(address(this), vest) + tot - left);",
        f"    {vest}(vest).yank(prev);",
        "    // The cap: 110% of the new rate, filed only if above the cap in force",
        "    uint256 rate = (110 * tot) / (100 * tau);",
        f"    if (rate > {vest}(vest).cap()) {{",
        f'        {vest}(vest).file("cap", rate);',
        "    }",
        f"    uint256 id = {vest}(vest).create(dist, tot, block.timestamp, tau, 0, address(0));",
        f"    {vest}(vest).restrict(id);",
        f'    {dist}(dist).file("vestId", id);',
        f"    if ({vest}(vest).unpaid(id) > 0) {{",
        f"        {dist}(dist).distribute();",
        "    }",
        "}",
    ]


@dataclass
class FarmVestUpdate(Action):
    dist: str
    vest: str
    current_id: int
    total: Decimal
    tau: int
    comment: str | None = None
    start: int = 0  # the spell's date: an estimate of the cast for the reports

    KIND: ClassVar[str] = "farm_vest_update"
    LABEL: ClassVar[str] = "farm vest update"
    FIELDS: ClassVar[dict[str, bool]] = {"type": True, "dist": True, "vest": True, "current_id": True,
                                         "total": True, "duration": True, "comment": False}
    README: ClassVar[str] = "`farm_vest_update`"
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = (HELPER,)
    CHECK_RANK: ClassVar[int] = 11
    EXPLAIN_RANK: ClassVar[int] = 11
    EFFECTS: ClassVar[Effects] = Effects(
        calls=(("DIST", "vestId"), ("VEST", "unpaid"), ("DIST", "distribute"), ("VEST", "vest"),
               ("TOKEN", "transferFrom"), ("TOKEN", "transfer"), ("FARM", "notifyRewardAmount"), ("VEST", "tot"),
               ("VEST", "rxd"), ("TOKEN", "allowance"), ("TOKEN", "approve"), ("VEST", "yank"), ("VEST", "cap"),
               ("VEST", "file"), ("VEST", "create"), ("VEST", "restrict"), ("DIST", "file")),
        reads=("DIST.vestId()", "VEST.unpaid(prev)", "VEST.tot(prev)", "VEST.rxd(prev)",
               "TOKEN.allowance(proxy, VEST)", "VEST.cap()", "VEST.unpaid(id)"),
        branches=(Branch("require", (), "tot > 0 && tau > 0"), Branch("require", ("DIST.vestId",), "prev != 0"),
                  Branch("if", ("DIST.vestId", "VEST.unpaid"), "VEST.unpaid(prev) > 0, prev the distribution's "
                                                                "vestId(): distribute first"),
                  Branch("if", ("VEST.cap",), "the new rate > VEST.cap(): file the cap"),
                  # The new award starts at the cast (block.timestamp), so what it owes then is read on chain.
                  Branch("if", ("VEST.create", "VEST.unpaid", "block.timestamp"), "VEST.unpaid(id) > 0 of the new "
                                                                                   "award: distribute")),
        state=(("VEST", "awards[prev]"), ("VEST", "awards[id]"), ("VEST", "ids"), ("VEST", "cap"),
               ("TOKEN", "balanceOf[proxy]"), ("TOKEN", "balanceOf[farm]"), ("TOKEN", "allowance[proxy][VEST]"),
               ("DIST", "vestId"), ("DIST", "lastDistributedAt"), ("FARM", "rewardRate"), ("FARM", "periodFinish"),
               ("FARM", "lastUpdateTime")),
        events=_update_events(distributed=True, capped=True),
        variants=(("the old award owes nothing", _update_events(distributed=False, capped=True)),
                  ("the cap in force at or above the rate", _update_events(distributed=True, capped=False)),
                  ("the old award owes nothing, the cap in force at or above the rate",
                   _update_events(distributed=False, capped=False))),
        used_by=("checks, run by verify/compare.py: the distribution's vestId before and after, the old award, the "
                 "farm's balance, the allowance, the cap, the new award",
                 "state_effects, applied by verify/statediff.py: its storage changes",
                 "token_events, counted by verify/compare.py's event check; the vest's Vest, Yank, File, Init "
                 "and Restrict events"))

    def effect_names(self, day: str) -> dict[str, str]:
        """VEST and TOKEN as any vest action's, DIST the distribution, FARM its farm (REWARDS_DIST_X's farm is
        REWARDS_X), all by chainlog key."""
        return super().effect_names(day) | {"DIST": self.dist, "FARM": self.dist.replace("REWARDS_DIST_", "REWARDS_", 1)}

    @property
    def token(self) -> str:
        return VESTS[self.vest].token

    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        return ("Replace a Treasury-funded farm's vest (TreasuryFundedFarmingInit.updateFarmVest): distribute, "
                "adjust the allowance, yank the distribution's award, raise the cap if needed, create a new award "
                "from the cast and file it as vestId."), {
            "dist": {"enum": sorted(DISTRIBUTIONS), "description": "The distribution's chainlog key."},
            "vest": VEST,
            "current_id": {"type": "integer", "minimum": 1,
                           "description": "The award the distribution holds before the cast (the spell reads it "
                                          "on chain; verify checks it)."},
            "total": AMOUNT, "duration": DURATION, "comment": comment}

    @classmethod
    def parse(cls, p, node) -> FarmVestUpdate | None:
        e = node.entries
        dist = p.r.choice(e["dist"], "the distribution", sorted(DISTRIBUTIONS))
        vest = p.vest(e["vest"], "the vest")
        current = p.r.integer(e["current_id"], "the current award id", 1)
        total = p.r.amount(e["total"], "the new award's total", VESTS[vest].token if vest else None)
        tau = p.r.duration(e["duration"], "the new award's duration")
        if None in (dist, vest, current, total, tau):
            return None
        start = timeutil.day_start(timeutil.parse_date(p.spell_date)) if p.spell_date else 0
        return cls(dist, vest, current, total, tau, p.comment(e), start)

    def check(self, ctx: CheckContext) -> None:
        if DISTRIBUTIONS[self.dist] != self.vest:
            ctx.diags.error(self.loc("vest"), f"{self.dist} is paid by {DISTRIBUTIONS[self.dist]}, not {self.vest}")

    @classmethod
    def check_kind(cls, actions: list, ctx: CheckContext) -> None:
        seen: set[str] = set()
        for update in actions:
            if update.dist in seen:
                ctx.diags.error(update.loc("dist"), f"{update.dist}'s vest is updated twice in one spell")
            seen.add(update.dist)
        # verify numbers a vest's new awards streams first: a stream on the vest after an update is refused.
        # An allowance item on the vest would fight the update's own adjustment: refused too.
        for update in actions:
            for other in ctx.spell.actions:
                if other.KIND == "distribute" and getattr(other, "dist", None) == update.dist:
                    ctx.diags.error(other.loc("dist"), f"the farm vest update of {update.dist} (line "
                                                       f"{update.loc().line}) distributes it itself; drop this "
                                                       "distribute action")
                if other.KIND == "allowance" and getattr(other, "vest", None) == update.vest:
                    ctx.diags.error(other.loc("vest"), f"the farm vest update of {update.dist} (line "
                                                       f"{update.loc().line}) adjusts the allowance to "
                                                       f"{update.vest} itself; drop this allowance action")
            later = [a for a in ctx.spell.actions if a.stream_vest() == update.vest and a.KIND != cls.KIND
                     and _after(a.path, update.path)]
            for stream in later:
                ctx.diags.error(stream.loc(), f"a stream on {update.vest} after the farm vest update of "
                                              f"{update.dist} (line {update.loc().line}): state it before the update")

    def solidity(self, ctx: SolidityContext) -> Block:
        amount, _ = ctx.wei(self.total)
        head = [f"Update the {self.dist} farm vest (TreasuryFundedFarmingInit.updateFarmVest's steps): "
                f"{human(self.total)} {self.token} from the cast for {timeutil.human_duration(self.tau)}",
                f"Note: replaces award {self.current_id} on {self.vest}, the distribution's vestId (read on chain)"]
        tau = timeutil.solidity_duration(self.tau)
        return Block(ctx.with_comment(self, head),
                     [f"{HELPER}({self.dist}, {self.vest}, {self.token}, {amount}, {tau});"])

    @classmethod
    def extras(cls, actions: list, ctx: SolidityContext) -> SolidityExtras:
        if not actions:
            return SolidityExtras()
        vest = ctx.type("vest", "unpaid", "tot", "rxd", "yank", "cap", "file", "create", "restrict")
        dist = ctx.type("rewards_dist", "vestId", "distribute", "file")
        return SolidityExtras(helpers=[helper(vest, dist, ctx.type("gem", "approve", "allowance"))], needs_wad=True)

    def chainlog_keys(self) -> set[str]:
        return {self.dist, self.vest}

    def gem_symbols(self) -> set[str]:
        return {self.token}

    def chainlog_reads(self, day: str) -> tuple[str, ...]:
        return (self.dist, self.token)

    def sets_cap(self, in_force: dict[str, Any]) -> None:
        return None  # conditional: only above the cap in force (verify judges it)

    def rate(self) -> None:
        return None  # the update raises the cap to 110% of its rate itself when the cap in force is lower

    def event_form(self, spell: Spell, before: Any, cast_time: int) -> str:
        """What the old award owes at the cast and the cap in force before it decide the form."""
        award = getattr(before, "awards", {}).get((self.vest, self.current_id))
        owes_nothing = award is not None and unpaid(award, cast_time) <= 0
        tot = to_wei(self.total)
        in_force = getattr(before, "caps", {}).get(self.vest)
        capped = in_force is None or (110 * tot) // (100 * self.tau) > in_force
        return ", ".join(part for part, on in (("the old award owes nothing", owes_nothing),
                                               ("the cap in force at or above the rate", not capped)) if on)

    def stream_vest(self) -> None:
        return None  # not a `stream`: it keeps its own allowance, and verify numbers its award after the streams

    def streamed(self) -> tuple[str, Decimal]:
        return self.token, self.total

    def stream_terms(self) -> StreamTerms:
        to = Party(self.dist_address or "0x" + "00" * 20, chainlog=self.dist)
        return StreamTerms(self.vest, to, self.token, self.total, self.start, self.start + self.tau, 0)

    @property
    def dist_address(self) -> str:
        from spellgen.spellfile.history import MAINNET, chainlog_at

        return chainlog_at(timeutil.iso_date(self.start)).get(self.dist, MAINNET.get(self.dist, "")) if self.start \
            else MAINNET.get(self.dist, "")

    # -- what the chain must show --------------------------------------------------------------------
    def expect(self, spell: Spell, out: Expected) -> None:
        from spellgen.spellfile.expect import FarmVestUpdated, Item

        item = Item(f"farm vest update: {self.dist}, award {self.current_id} on {self.vest} replaced by "
                    f"{human(self.total)} {self.token} from the cast for {timeutil.human_duration(self.tau)}",
                    self.path)
        out.farm_updates.append(FarmVestUpdated(item, self.dist, self.vest, self.current_id, to_wei(self.total),
                                                self.tau, self.token))

    @staticmethod
    def new_id(e: Expected, update: FarmVestUpdated, ids_before: int) -> int:
        """The new award's id: after the streams on the vest (check keeps them first) and earlier updates."""
        streams = sum(1 for a in e.awards if a.vest == update.vest)
        earlier = [f for f in e.farm_updates if f.vest == update.vest]
        return ids_before + streams + earlier.index(update) + 1

    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        wad, iso, cast_time, out = common.wad, timeutil.iso, o.cast.timestamp, []
        for f in e.farm_updates:
            before, after = o.before.awards.get((f.vest, f.award)), o.after.awards.get((f.vest, f.award))
            fb, fa = o.before.farms.get(f.dist), o.after.farms.get(f.dist)
            if None in (before, after, fb, fa) or f.vest not in o.before.ids:
                out.append(Check(f.item.label, f.item.path, False, "not read",
                                 not_read(o, f.dist, f.vest, f.award, fb is None)))
                continue
            owed, new = Distribute.owed(before, cast_time), cls.new_id(e, f, o.before.ids[f.vest])
            award = o.new_awards.get((f.vest, new))
            problems = common.compare([("vestId before the cast", f.award, fb[2]), ("vestId after", new, fa[2]),
                                       ("old award's rxd", wad(before.rxd + owed, f.token), wad(after.rxd, f.token)),
                                       ("old award's fin", iso(min(before.fin, cast_time)), iso(after.fin)),
                                       ("farm received", wad(owed, f.token), wad(fa[0] - fb[0], f.token))])
            allowance = o.after.allowance.get(f.vest, 0) - o.before.allowance.get(f.vest, 0)
            problems += common.compare([
                ("allowance change", wad(f.tot - before.tot + before.rxd, f.token), wad(allowance, f.token)),
                ("cap", max(o.before.caps.get(f.vest, 0), f.rate), o.after.caps.get(f.vest))])
            if award is None:
                problems.append(f"the cast created no award {new} on {f.vest}")
            else:
                problems += common.compare([
                    ("usr", o.addresses.get(f.dist, "").lower(), award.usr.lower()), ("bgn", iso(cast_time), iso(award.bgn)),
                    ("fin", iso(cast_time + f.tau), iso(award.fin)), ("tot", wad(f.tot, f.token), wad(award.tot, f.token)),
                    ("res", 1, award.res)])
            evidence = (f"vestId {fb[2]} -> {fa[2]}; award {f.award}: rxd {wad(before.rxd, f.token)} -> "
                        f"{wad(after.rxd, f.token)}, fin {iso(after.fin)}; farm +{wad(fa[0] - fb[0], f.token)}; "
                        f"cap {o.before.caps.get(f.vest)} -> {o.after.caps.get(f.vest)}")
            out.append(common.ok(f.item.label, f.item.path, evidence, problems))
        return out

    @classmethod
    def state_effects(cls, e: Expected, view: StateView) -> list[StateEffect]:
        """The old award distributed and yanked, the new award and ids, the allowance, the cap if raised,
        the distribution's vestId, and what distribute() paid (distribute.paid_effects)."""
        out: list[StateEffect] = []
        for f in getattr(e, "farm_updates", []):
            before = view.awards_before.get((f.vest, f.award))
            if before is None:
                continue  # the update's own check fails
            label, a, cast_time = f.item.label, view.addresses, view.cast_time
            owed, new = Distribute.owed(before, cast_time), cls.new_id(e, f, view.ids_before[f.vest])
            yanked = list(common.yanked(before, cast_time))
            yanked[7] = before.rxd + owed
            for i, word in enumerate(common.pack_award(*yanked)):
                out.append(StateEffect(f.vest, "awards", (f.award,), value=word, label=label, unit=f"award{i}",
                                       time_dependent=True, layout="DssVest", offset=i))
            created = common.pack_award(a[f.dist], cast_time, cast_time, cast_time + f.tau, common.ZERO, 1, f.tot, 0)
            for i, word in enumerate(created):
                out.append(StateEffect(f.vest, "awards", (new,), value=word, label=f"{label} (award {new})",
                                       unit=f"award{i}", time_dependent=i < 2, layout="DssVest", offset=i))
            out.append(StateEffect(f.vest, "ids", (), delta=1, label=label, layout="DssVest"))
            if f.rate > view.caps_before.get(f.vest, 0):
                out.append(StateEffect(f.vest, "cap", (), value=f.rate, label=label, layout="DssVest"))
            out.append(StateEffect(f.token, "allowance", (a["MCD_PAUSE_PROXY"], a[f.vest]),
                                   delta=f.tot - before.tot + before.rxd, label=label, unit=f"wad:{f.token}",
                                   token=True, time_dependent=True))
            out.append(StateEffect(f.dist, "vestId", (), value=new, label=label, layout="VestedRewardsDistribution"))
            if owed:
                out += paid_effects(view, f.dist, f.vest, owed, label)
        return out

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        moves, approvals = [], []
        for f in e.farm_updates:
            owed = Distribute.owed(view.award_before(f.vest, f.award), view.cast_time)
            dist = view.address_of(f.dist)
            if owed:
                moves += [(f.token, view.proxy, dist, owed), (f.token, dist, view.farm_of(f.dist), owed)]
            approvals.append((f.token, view.proxy, view.vest_address(f.vest)))
        return TokenEvents(moves=tuple(moves), approvals=tuple(approvals))

    # -- reports -------------------------------------------------------------------------------------
    def summary_row(self, spell: Spell) -> SummaryRow:
        return SummaryRow(f"farm vest update on {self.vest}", self.dist, self.dist_address, self.token,
                          common.amount_text(self.total, self.token),
                          f"from the cast for {timeutil.human_duration(self.tau)}", "none", "yes")

    def diff_fields(self, spell: Spell) -> dict[str, str]:
        return {"dist": self.dist, "vest": self.vest, "current_id": str(self.current_id),
                "total": common.amount_text(self.total, self.token),
                "duration": timeutil.human_duration(self.tau), "comment": common.comment_of(self)}

    def identity(self) -> tuple:
        return ("farm_vest_update", self.dist)

    def paid_tokens(self) -> dict[str, Decimal]:
        return {}

    def flow(self) -> Flow:
        return Flow("stream", self.token, self.total, (self.start, self.start + self.tau))

    def ledger_fields(self, name: Callable[[Party], str]) -> list[str] | None:
        return None

    def doc_line(self, spell: Spell) -> str:
        return (f"- Update the {self.dist} farm vest: **{human(self.total)} {self.token}** from the cast for "
                f"{timeutil.human_duration(self.tau)}, replacing award {self.current_id} on {self.vest}")

    def doc_claims(self) -> list[DocClaim]:
        # The new award, restricted, to the distribution (the document names it by key or address).
        return [DocClaim(self.token, (self.total,), self.dist_address.lower(), self.dist, "total", restricted=True)]

    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        out = []
        updates = ctx.expected.farm_updates
        for f in [f for f in updates if f.item.path == self.path]:
            key = f'("{f.vest}", {f.award})'
            nth = sum(1 for a in ctx.expected.awards if a.vest == f.vest) + \
                [u for u in updates if u.vest == f.vest].index(f) + 1
            body = (f'    assert cast.before.farms["{f.dist}"][2] == {f.award}  # the award it held\n'
                    f"    before = cast.before.awards[{key}]\n"
                    f"    after = cast.after.awards[{key}]\n"
                    "    assert after.fin == min(before.fin, cast.cast_time)  # yanked at the cast\n"
                    f'    award = cast.new_award("{f.vest}", {nth})  # the cast\'s new award number {nth} on {f.vest}\n'
                    f'    assert cast.after.farms["{f.dist}"][2] == cast.before.ids["{f.vest}"] + {nth}  # filed\n'
                    f"    assert award.tot == {common.wei_literal(f.tot)}  # {common.token_amount(f.tot)} "
                    f"{f.token}\n"
                    f"    assert award.fin - award.bgn == {f.tau}  # {timeutil.human_duration(f.tau)}\n")
            out.append((f.item, body))
        return out


def _after(path: str, other: str) -> bool:
    """Whether YAML path `path` (sections[i].actions[j]) comes after `other`."""
    def key(p: str) -> list[int]:
        return [int(n) for n in p.replace("]", "[").split("[")[1::2]]
    return key(path) > key(other)
