"""`distribute`: a Treasury-funded farm's `VestedRewardsDistribution.distribute()`, which claims what the
award the distribution holds has vested and not paid and sends it to the farm (and notifies the farm).

The distribution reverts when nothing is owed, so from 2026-02-26 spells guard the call with
`if (unpaid(id) > 0)` (the review checklist asks for it); earlier spells called it bare. The amount is
not in the spell: verify computes it from the award as the chain held it before the cast.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from spellgen.spellfile.actions import common
from spellgen.spellfile.actions.base import (
    Action, Block, Branch, BrownieContext, Check, CheckContext, DocClaim, Effects, EventView, Flow, Party, SolidityContext,
    StateEffect, StateView, SummaryRow, TokenEvents,
)
from spellgen.spellfile.actions.fields import VEST
from spellgen.spellfile.computed import unpaid
from spellgen.spellfile.protocol import VESTS

if TYPE_CHECKING:
    from spellgen.spellfile.expect import Expected, Item
    from spellgen.spellfile.model import Spell

# The distributions of Treasury-funded farms (chainlog keys) and the vest their awards are on.
DISTRIBUTIONS: dict[str, str] = {
    "REWARDS_DIST_LSSKY_SKY": "MCD_VEST_SKY_TREASURY",
    "REWARDS_DIST_USDS_SKY": "MCD_VEST_SKY_TREASURY",
    "REWARDS_DIST_LSSKY_SPK": "MCD_VEST_SPK_TREASURY",
    "REWARDS_DIST_USDS_SPK": "MCD_VEST_SPK_TREASURY",
}
GUARDED_FROM = "2026-02-26"  # the first spell that calls distribute() under `if (unpaid(id) > 0)`
FARM_PERIOD = 7 * 86_400  # the farm's rewardsDuration (the twin's assumption)
FARM = ":farm"  # the suffix verify's addresses give a distribution's farm (read from stakingRewards())


@dataclass
class Distribute(Action):
    dist: str
    vest: str
    id: int
    guard: bool = True
    comment: str | None = None

    KIND: ClassVar[str] = "distribute"
    LABEL: ClassVar[str] = "farm distribution"
    FIELDS: ClassVar[dict[str, bool]] = {"type": True, "dist": True, "vest": True, "id": True, "guard": False,
                                         "comment": False}
    README: ClassVar[str] = "`distribute`"
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = ("distribute",)
    CHECK_RANK: ClassVar[int] = 10
    EXPLAIN_RANK: ClassVar[int] = 7  # after a yank of the same award: the award's last word is this kind's
    EFFECTS: ClassVar[Effects] = Effects(
        calls=(("VEST", "unpaid"), ("DIST", "distribute"), ("VEST", "vest"), ("TOKEN", "transferFrom"),
               ("TOKEN", "transfer"), ("FARM", "notifyRewardAmount")),
        reads=("VEST.unpaid(id)",),
        branches=(Branch("if", ("VEST.unpaid",), "VEST.unpaid(id) > 0 (guard)"),),
        state=(("VEST", "awards[id].rxd"), ("TOKEN", "balanceOf[proxy]"), ("TOKEN", "balanceOf[farm]"),
               ("TOKEN", "allowance[proxy][VEST]"), ("DIST", "lastDistributedAt"), ("FARM", "rewardRate"),
               ("FARM", "periodFinish"), ("FARM", "lastUpdateTime")),
        # The vest's transfer to the distribution before its Vest note, then the farm's transfer and notice.
        events=(("TOKEN", "Transfer(proxy, dist)"), ("VEST", "Vest(id, amt)"), ("TOKEN", "Transfer(dist, farm)"),
                ("FARM", "RewardAdded(amt)"), ("DIST", "Distribute(amt)")),
        variants=(("guard: true, the award owes nothing at the cast", ()),),
        used_by=("checks, run by verify/compare.py: the award's rxd, the farm's balance, lastDistributedAt",
                 "state_effects, applied by verify/statediff.py: its storage changes",
                 "token_events, counted by verify/compare.py's event check; the vest's Vest event"))

    def event_form(self, spell: Spell, before: Any, cast_time: int) -> str:
        """Under the guard, an award that owes nothing at the cast is not distributed."""
        award = getattr(before, "awards", {}).get((self.vest, self.id))
        if self.guard and award is not None and unpaid(award, cast_time) <= 0:
            return "guard: true, the award owes nothing at the cast"
        return ""

    def effect_names(self, day: str) -> dict[str, str]:
        """VEST and TOKEN as any vest action's, DIST the distribution, FARM its farm (REWARDS_DIST_X's farm is
        REWARDS_X), all by chainlog key."""
        return super().effect_names(day) | {"DIST": self.dist, "FARM": self.dist.replace("REWARDS_DIST_", "REWARDS_", 1)}

    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        return ("Pay a Treasury-funded farm what its distribution's award has vested: "
                "VestedRewardsDistribution.distribute(), guarded by unpaid(id) > 0."), {
            "dist": {"enum": sorted(DISTRIBUTIONS), "description": "The distribution's chainlog key."},
            "vest": VEST,
            "id": {"type": "integer", "minimum": 1, "description": "The award the distribution holds (vestId)."},
            "guard": {"type": "boolean", "description": f"Call only when unpaid(id) > 0 (default: from {GUARDED_FROM}"
                                                       ", as the spells of the date write it)."},
            "comment": comment}

    @classmethod
    def parse(cls, p, node) -> Distribute | None:
        e = node.entries
        dist = p.r.choice(e["dist"], "the distribution", sorted(DISTRIBUTIONS))
        vest = p.vest(e["vest"], "the vest")
        award = p.r.integer(e["id"], "the award id", 1)
        default = (p.spell_date or "") >= GUARDED_FROM
        guard = p.r.boolean(e["guard"], "guard") if "guard" in e else default
        if None in (dist, vest, award, guard):
            return None
        return cls(dist, vest, award, guard, p.comment(e))

    def check(self, ctx: CheckContext) -> None:
        if DISTRIBUTIONS[self.dist] != self.vest:
            ctx.diags.error(self.loc("vest"), f"{self.dist} is paid by {DISTRIBUTIONS[self.dist]}, not {self.vest}")
        if not self.guard and "guard" in self.locs:  # before 2026-02-26 the bare call is the date's form
            ctx.diags.warn(self.loc("guard"), "distribute() reverts when the award owes nothing, which makes the "
                                              "whole spell revert; guard it (guard: true) unless a later action "
                                              "needs it to have run")

    @classmethod
    def check_kind(cls, actions: list, ctx: CheckContext) -> None:
        seen: set[str] = set()
        for d in actions:
            if d.dist in seen:
                ctx.diags.error(d.loc("dist"), f"{d.dist} is distributed twice; the second call pays nothing "
                                               "(and reverts unless guarded)")
            seen.add(d.dist)

    def solidity(self, ctx: SolidityContext) -> Block:
        call = f"{ctx.type('rewards_dist', 'distribute')}({self.dist}).distribute();"
        head = [f"Call VestedRewardsDistribution.distribute() on {self.dist}"]
        if not self.guard:
            return Block(ctx.with_comment(self, head), [call])
        head.append(f"Note: distribute() reverts when nothing is owed, so only if award {self.id} on {self.vest} "
                    "has unpaid tokens")
        vest = ctx.type("vest", "unpaid")
        return Block(ctx.with_comment(self, head),
                     [f"if ({vest}({self.vest}).unpaid({self.id}) > 0) {{", f"    {call}", "}"])

    def chainlog_keys(self) -> set[str]:
        return {self.dist, self.vest}

    def chainlog_reads(self, day: str) -> tuple[str, ...]:
        return (self.dist,)

    def expect(self, spell: Spell, out: Expected) -> None:
        from spellgen.spellfile.expect import Distributed, Item

        item = Item(f"distribute: {self.dist} pays its farm what award {self.id} on {self.vest} owes at the cast",
                    self.path)
        out.distributions.append(Distributed(item, self.dist, self.vest, self.id, self.guard))

    @staticmethod
    def owed(award: Any, cast_time: int) -> int:
        """What DssVest's unpaid(id) answers at the cast for the award as it was before it."""
        if award is None or cast_time < award.clf:
            return 0
        return common._accrued(cast_time, award.bgn, award.fin, award.tot) - award.rxd

    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        """The award's rxd rose by what it owed at the cast; the farm received it; the distribution's
        lastDistributedAt is the cast (all unchanged when the guard found nothing owed)."""
        wad, cast_time, out = common.wad, o.cast.timestamp, []
        for d in e.distributions:
            before, after = o.before.awards.get((d.vest, d.award)), o.after.awards.get((d.vest, d.award))
            farm_before, farm_after = o.before.farms.get(d.dist), o.after.farms.get(d.dist)
            if before is None or after is None or farm_before is None or farm_after is None:
                out.append(Check(d.item.label, d.item.path, False, "not read", not_read(o, d.dist, d.vest, d.award,
                                                                                         farm_before is None)))
                continue
            token, owed = VESTS[d.vest].token, cls.owed(before, cast_time)
            problems = common.compare([("vestId of the distribution", d.award, farm_before[2])])
            problems += common.compare([
                ("rxd", wad(before.rxd + owed, token), wad(after.rxd, token)),
                ("farm received", wad(owed, token), wad(farm_after[0] - farm_before[0], token)),
                ("lastDistributedAt", cast_time if owed else farm_before[1], farm_after[1])])
            evidence = (f"award {d.award}: rxd {wad(before.rxd, token)} -> {wad(after.rxd, token)}; farm "
                        f"{o.farms.get(d.dist, '?')} +{wad(farm_after[0] - farm_before[0], token)}")
            out.append(common.ok(d.item.label, d.item.path, evidence, problems))
        return out

    @classmethod
    def state_effects(cls, e: Expected, view: StateView) -> list[StateEffect]:
        """The award's rxd, the token from the PauseProxy (through the vest's allowance and the
        distribution) to the farm, the distribution's lastDistributedAt and the farm's reward period
        (the twin's farm: a period over, none running)."""
        out: list[StateEffect] = []
        for d in getattr(e, "distributions", []):
            before = view.awards_before.get((d.vest, d.award))
            owed = cls.owed(before, view.cast_time)
            if before is None or not owed:
                continue
            token, label, a = VESTS[d.vest].token, d.item.label, view.addresses
            # The award's tot: as the yank of the same spell leaves it (it yanks at the cast), else unchanged.
            yank = next((y for y in getattr(e, "yanks", []) if (y.vest, y.award) == (d.vest, d.award)), None)
            tot = before.tot if yank is None else \
                common.yanked(before, max(yank.end if yank.end is not None else view.cast_time, view.cast_time))[6]
            out.append(StateEffect(d.vest, "awards", (d.award,), value=tot | (before.rxd + owed) << 128, label=label,
                                   unit="award2", time_dependent=True, layout="DssVest", offset=2))
            proxy = a["MCD_PAUSE_PROXY"]
            out += paid_effects(view, d.dist, d.vest, owed, label)
            # The vest's transferFrom spends the PauseProxy's allowance, unless an allowance item sets it after.
            if not any(c.vest == d.vest and c.mode != "increase" for c in getattr(e, "allowances", [])):
                out.append(StateEffect(token, "allowance", (proxy, a[d.vest]), delta=-owed, label=label,
                                       unit=f"wad:{token}", token=True, time_dependent=True))
        return out

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        """The vest's transferFrom of the PauseProxy's tokens to the distribution, then on to the farm: what
        the award owed at the cast (from the award before it)."""
        moves = []
        for d in getattr(e, "distributions", []):
            owed = cls.owed(view.award_before(d.vest, d.award), view.cast_time)
            if owed:
                token, dist = VESTS[d.vest].token, view.address_of(d.dist)
                moves += [(token, view.proxy, dist, owed), (token, dist, view.farm_of(d.dist), owed)]
        return TokenEvents(moves=tuple(moves))

    def summary_row(self, spell: Spell) -> SummaryRow:
        return SummaryRow(f"distribute() on {self.dist}", "its farm", "", VESTS[self.vest].token,
                          f"what award {self.id} on {self.vest} owes at the cast")

    def diff_fields(self, spell: Spell) -> dict[str, str]:
        return {"dist": self.dist, "vest": self.vest, "id": str(self.id), "guard": "yes" if self.guard else "no",
                "comment": common.comment_of(self)}

    def identity(self) -> tuple:
        return ("distribute", self.dist)

    def paid_tokens(self) -> dict[str, Decimal]:
        return {}  # paid by an award already counted when it was created

    def flow(self) -> Flow | None:
        return None

    def ledger_fields(self, name: Callable[[Party], str]) -> list[str] | None:
        return None

    def doc_line(self, spell: Spell) -> str:
        guard = f" (if award {self.id} on {self.vest} has unpaid tokens)" if self.guard else ""
        return f"- Call distribute() on {self.dist}{guard}"

    def doc_claims(self) -> list[DocClaim]:
        return []

    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        out = []
        for d in [d for d in ctx.expected.distributions if d.item.path == self.path]:
            key = f'("{d.vest}", {d.award})'
            body = (f"    before = cast.before.awards[{key}]\n"
                    f"    after = cast.after.awards[{key}]\n"
                    "    owed = 0 if cast.cast_time < before.clf else \\\n"
                    "        before.tot * (min(cast.cast_time, before.fin) - before.bgn) // (before.fin - before.bgn)"
                    " - before.rxd\n"
                    "    assert after.rxd == before.rxd + owed  # distribute() claimed what the award owed\n"
                    f'    assert cast.after.farms["{d.dist}"][0] - cast.before.farms["{d.dist}"][0] == owed  # to '
                    "the farm\n")
            out.append((d.item, body))
        return out


def paid_effects(view: StateView, dist: str, vest: str, owed: int, label: str) -> list[StateEffect]:
    """What a distribute() paying `owed` changes besides the award and the allowance: the token from the
    PauseProxy through the distribution to the farm, lastDistributedAt, the farm's reward period (the
    twin's farm: the previous period over). Every amount depends on the cast's time."""
    a, token, cast_time = view.addresses, VESTS[vest].token, view.cast_time
    out = [replace(common.balance_change(token, holder, amount, label), time_dependent=True)
           for holder, amount in ((a["MCD_PAUSE_PROXY"], -owed), (a[dist + FARM], owed), (a[dist], 0))]
    return out + [
        StateEffect(dist, "lastDistributedAt", (), value=cast_time, label=label, unit="time", time_dependent=True,
                    layout="VestedRewardsDistribution"),
        StateEffect(dist + FARM, "rewardRate", (), value=owed // FARM_PERIOD, label=label, time_dependent=True,
                    layout="StakingRewards"),
        StateEffect(dist + FARM, "periodFinish", (), value=cast_time + FARM_PERIOD, label=label, unit="time",
                    time_dependent=True, layout="StakingRewards"),
        StateEffect(dist + FARM, "lastUpdateTime", (), value=cast_time, label=label, unit="time",
                    time_dependent=True, layout="StakingRewards")]


def not_read(o: Any, dist: str, vest: str, award: int, no_distribution: bool) -> str:
    """Why a farm item could not be judged: no distribution contract to read, or no such award."""
    if no_distribution:
        where = " (the twin models REWARDS_DIST_LSSKY_SKY and REWARDS_DIST_USDS_SKY only)" if o.twin else ""
        return f"{dist} could not be read: no VestedRewardsDistribution at its address{where}"
    return f"{vest} has no award {award}"
