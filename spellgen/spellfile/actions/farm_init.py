"""`farm_init`: initialise a Treasury-funded farm deployed before the spell, as
TreasuryFundedFarmingInit.initLockstakeFarm does (the spell of 2025-10-30, the lsSKY->SKY farm): the farm
(StakingRewards) is told its rewards distribution, the PauseProxy's allowance to the vest is raised by the
new award's total, the vest's cap raised to 110% of the new rate if that is above the cap in force, a new
restricted award to the distribution created (from `start`, relative to the cast) and filed as the
distribution's vestId, distributed at once if it already owes (it starts before the cast), the keeper job
told the distribution's interval, the farm and the distribution registered in the ChainLog and, for a
lockstake farm, the farm added to the Lockstake engine.

The farm and its distribution are named by address (the spell's constants) and registered under their
keys; every other contract is read from the ChainLog. verify computes the award's id, what it owes at the
cast, the allowance and the cap from the chain's pre-state, and checks every piece of the wiring after.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from spellgen.spellfile import timeutil
from spellgen.spellfile.actions import common
from spellgen.spellfile.actions.base import (
    Action, Block, Branch, BrownieContext, Check, CheckContext, DocClaim, Effects, EventView, Flow, Party,
    SolidityContext, SolidityExtras, StateEffect, StateView, StreamTerms, SummaryRow, TokenEvents,
)
from spellgen.spellfile.actions.distribute import DISTRIBUTIONS, FARM, paid_effects
from spellgen.spellfile.actions.fields import ADDRESS, AMOUNT, DURATION, VEST
from spellgen.spellfile.actions.onboarding import VERSION
from spellgen.spellfile.actions.stream import _cast_offset
from spellgen.spellfile.address import AddressError, parse_address, to_checksum
from spellgen.spellfile.amounts import human, to_wei
from spellgen.spellfile.protocol import VESTS

if TYPE_CHECKING:
    from spellgen.spellfile.expect import Expected, FarmInitialised, Item
    from spellgen.spellfile.model import Spell

HELPER = "_initFarm"
ENGINE, JOB = "LOCKSTAKE_ENGINE", "CRON_REWARDS_DIST_JOB"
STAKING_TOKENS = ("LOCKSTAKE_SKY", "USDS")  # what the farms the twin models stake
ACTIVE = 1  # LockstakeEngine.farms(farm) of a listed farm (FarmStatus.ACTIVE)


def helper(vest: str, dist: str, gem: str, farm: str, job: str) -> list[str]:
    """The statement's helper: initFarm's steps, in its order (the ChainLog and the engine's registration
    follow in the statement, as the library does them last)."""
    return [
        "// Initialise a Treasury-funded farm (the steps of TreasuryFundedFarmingInit.initFarm)",
        f"function {HELPER}(address rewards, address dist, address vest, address gem, address job, uint256 interval, "
        "uint256 tot, uint256 bgn, uint256 tau) internal {",
        f'    require({farm}(rewards).rewardsDistribution() == address(0), "{HELPER}/rewards-distribution-already-set");',
        f'    require({dist}(dist).vestId() == 0, "{HELPER}/dist-vest-id-already-set");',
        f"    {farm}(rewards).setRewardsDistribution(dist);",
        f"    {gem}(gem).approve(vest, {gem}(gem).allowance(address(this), vest) + tot);",
        "    // The cap: 110% of the new rate, filed only if above the cap in force",
        "    uint256 rate = (110 * (tot / tau)) / 100;",
        f"    if (rate > {vest}(vest).cap()) {{",
        f'        {vest}(vest).file("cap", rate);',
        "    }",
        f"    uint256 id = {vest}(vest).create(dist, tot, bgn, tau, 0, address(0));",
        f"    {vest}(vest).restrict(id);",
        f'    {dist}(dist).file("vestId", id);',
        f"    if ({vest}(vest).unpaid(id) > 0) {{",
        f"        {dist}(dist).distribute();",
        "    }",
        f"    {job}(job).set(dist, interval);",
        "}",
    ]


def interval_literal(seconds: int) -> str:
    """The job interval as the spells write it: `7 days - 1 hours` for a day count less an hour."""
    if seconds % 3600 == 0 and (seconds + 3600) % 86_400 == 0 and seconds > 3600:
        return f"{(seconds + 3600) // 86_400} days - 1 hours"
    return timeutil.solidity_duration(seconds)


# What a farm init's events leave out, as its forms name it (the default form has all of them).
FORM_PARTS = ("the cap in force at or above the rate", "the award owes nothing at the cast", "no Lockstake engine",
              "no version bump")


def _init_events(capped: bool = True, distributed: bool = True, lockstake: bool = True,
                 bump: bool = True) -> tuple[tuple[str, str], ...]:
    """A farm init's events in the order the helper and the statements after it emit them."""
    return (("FARM", "RewardsDistributionUpdated(dist)"), ("TOKEN", "Approval(proxy, VEST)"),
            *((("VEST", "File(cap, rate)"),) if capped else ()), ("VEST", "Init(id, dist)"), ("VEST", "Restrict(id)"),
            ("DIST", "File(vestId, id)"),
            *((("TOKEN", "Transfer(proxy, dist)"), ("VEST", "Vest(id, amt)"), ("TOKEN", "Transfer(dist, farm)"),
               ("FARM", "RewardAdded(amt)"), ("DIST", "Distribute(amt)")) if distributed else ()),
            ("CRON_REWARDS_DIST_JOB", "Set(dist, interval)"), ("CHANGELOG", "UpdateAddress(FARM key, farm)"),
            ("CHANGELOG", "UpdateAddress(DIST key, dist)"),
            *((("LOCKSTAKE_ENGINE", "AddFarm(farm)"),) if lockstake else ()),
            *((("CHANGELOG", "UpdateVersion(version)"),) if bump else ()))


def _forms() -> list[str]:
    """Every combination of FORM_PARTS, as `event_form` names it ("" the default)."""
    return [", ".join(part for bit, part in enumerate(FORM_PARTS) if mask >> bit & 1)
            for mask in range(2 ** len(FORM_PARTS))]


def start_literal(offset: int) -> str:
    """`block.timestamp - 7 days` for an award starting before the cast."""
    if offset == 0:
        return "block.timestamp"
    return f"block.timestamp {'-' if offset < 0 else '+'} {timeutil.solidity_duration(abs(offset))}"


@dataclass
class FarmInit(Action):
    farm: str  # the farm's chainlog key (registered by the spell)
    farm_address: str
    dist: str  # the distribution's chainlog key (registered by the spell)
    dist_address: str
    vest: str
    staking: str  # the staking token's chainlog key
    lockstake: bool  # initLockstakeFarm: the farm is added to LOCKSTAKE_ENGINE
    interval: int  # the keeper job's interval for the distribution
    total: Decimal
    offset: int  # the award's start, relative to the cast (seconds; negative: before it)
    tau: int
    version: str | None = None
    comment: str | None = None
    day: int = 0  # the spell's date: an estimate of the cast for the reports and the budget planner

    KIND: ClassVar[str] = "farm_init"
    LABEL: ClassVar[str] = "farm init"
    FIELDS: ClassVar[dict[str, bool]] = {"type": True, "farm": True, "farm_address": True, "dist": True,
                                         "dist_address": True, "vest": True, "staking_token": True,
                                         "lockstake": False, "job_interval": True, "total": True, "start": True,
                                         "duration": True, "version": False, "comment": False}
    README: ClassVar[str] = "`farm_init`"
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = (HELPER,)
    CHECK_RANK: ClassVar[int] = 11
    EXPLAIN_RANK: ClassVar[int] = 11
    EFFECTS: ClassVar[Effects] = Effects(
        calls=(("LOCKSTAKE_ENGINE", "lssky"), ("FARM", "rewardsDistribution"), ("DIST", "vestId"),
               ("FARM", "setRewardsDistribution"), ("TOKEN", "allowance"), ("TOKEN", "approve"), ("VEST", "cap"),
               ("VEST", "file"), ("VEST", "create"), ("VEST", "restrict"), ("DIST", "file"), ("VEST", "unpaid"),
               ("DIST", "distribute"), ("VEST", "vest"), ("TOKEN", "transferFrom"), ("TOKEN", "transfer"),
               ("FARM", "notifyRewardAmount"), ("CRON_REWARDS_DIST_JOB", "set"),
               ("DssExecLib", "setChangelogAddress"), ("CHANGELOG", "setAddress"),
               ("DssExecLib", "setChangelogVersion"), ("CHANGELOG", "setVersion"), ("LOCKSTAKE_ENGINE", "addFarm")),
        reads=("LOCKSTAKE_ENGINE.lssky()", "FARM.rewardsDistribution()", "DIST.vestId()",
               "TOKEN.allowance(proxy, VEST)", "VEST.cap()", "VEST.unpaid(id)"),
        branches=(Branch("require", ("LOCKSTAKE_ENGINE.lssky",), "the engine's lsSKY is the farm's staking token"),
                  Branch("require", ("FARM.rewardsDistribution",), "the farm has no rewards distribution yet"),
                  Branch("require", ("DIST.vestId",), "the distribution holds no award yet"),
                  Branch("if", ("VEST.cap",), "the new rate > VEST.cap(): file the cap"),
                  # The award may start before the cast: what it owes then is read on chain.
                  Branch("if", ("VEST.create", "VEST.unpaid", "block.timestamp"),
                         "VEST.unpaid(id) > 0 of the new award: distribute")),
        state=(("FARM", "rewardsDistribution"), ("TOKEN", "allowance[proxy][VEST]"), ("VEST", "cap"),
               ("VEST", "awards[id]"), ("VEST", "ids"), ("DIST", "vestId"), ("TOKEN", "balanceOf[proxy]"),
               ("TOKEN", "balanceOf[farm]"), ("DIST", "lastDistributedAt"), ("FARM", "rewardRate"),
               ("FARM", "periodFinish"), ("FARM", "lastUpdateTime"), ("CRON_REWARDS_DIST_JOB", "intervals[dist]"),
               ("CHANGELOG", "location[key]"), ("CHANGELOG", "keys"), ("CHANGELOG", "version"),
               ("LOCKSTAKE_ENGINE", "farms[farm]")),
        events=_init_events(),
        # The forms the chain decides (the cap in force, whether the new award owes at the cast) and the YAML
        # states (no Lockstake engine, no version bump), each named by what it leaves out.
        variants=tuple((form, _init_events(*(part not in form for part in FORM_PARTS)))
                       for form in _forms() if form),
        used_by=("checks, run by verify/compare.py: the farm's rewards distribution, the new award and the "
                 "distribution's vestId, what it paid the farm, the allowance, the cap, the job's interval, the "
                 "engine's farm list, the ChainLog entries (through the vest onboarding's items)",
                 "state_effects, applied by verify/statediff.py: its storage changes",
                 "token_events, counted by verify/compare.py's event check; the vest's Init, Restrict, File and "
                 "Vest events"))

    def effect_names(self, day: str) -> dict[str, str]:
        """VEST and TOKEN as any vest action's, DIST the distribution, FARM its farm, by chainlog key."""
        return super().effect_names(day) | {"DIST": self.dist, "FARM": self.farm}

    def event_form(self, spell: Spell, before: Any, cast_time: int) -> str:
        """The cap in force before the cast and the award's start decide the form; the YAML the rest."""
        tot = to_wei(self.total)
        in_force = getattr(before, "caps", {}).get(self.vest)
        capped = in_force is None or (110 * (tot // self.tau)) // 100 > in_force
        return ", ".join(part for part, left_out in zip(FORM_PARTS, (not capped, self.offset >= 0, not self.lockstake,
                                                                    not self.version)) if left_out)

    @property
    def token(self) -> str:
        return VESTS[self.vest].token

    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        return ("Initialise a deployed Treasury-funded farm (TreasuryFundedFarmingInit.initLockstakeFarm / "
                "initFarm): name its rewards distribution, raise the allowance, raise the cap if needed, create "
                "the distribution's award and file it as vestId, distribute what it owes, set the keeper job, "
                "register both contracts in the ChainLog (and the farm with the Lockstake engine)."), {
            "farm": {"type": "string", "pattern": "^REWARDS_[A-Z0-9_]+$",
                     "description": "The farm's (StakingRewards) chainlog key, registered by the spell."},
            "farm_address": {**ADDRESS, "description": "The deployed farm (the spell's constant)."},
            "dist": {"enum": sorted(DISTRIBUTIONS), "description": "The distribution's chainlog key, registered "
                                                                   "by the spell."},
            "dist_address": {**ADDRESS, "description": "The deployed distribution (the spell's constant)."},
            "vest": VEST,
            "staking_token": {"enum": list(STAKING_TOKENS), "description": "The farm's staking token's key."},
            "lockstake": {"type": "boolean", "description": "initLockstakeFarm: add the farm to LOCKSTAKE_ENGINE "
                                                           "(default: true when the staking token is LOCKSTAKE_SKY)."},
            "job_interval": {**DURATION, "description": "How often CRON_REWARDS_DIST_JOB distributes (167 hours: "
                                                        "the spells' `7 days - 1 hours`)."},
            "total": AMOUNT,
            "start": {"type": "string", "pattern": r"^cast( *[-+] *.+)?$",
                      "description": "The award's start relative to the cast: `cast - 7 days`."},
            "duration": DURATION,
            "version": {"type": "string", "pattern": r"^\d+\.\d+\.\d+$",
                        "description": "The ChainLog's version after the spell (stated once per spell)."},
            "comment": comment}

    @classmethod
    def parse(cls, p, node) -> FarmInit | None:
        e = node.entries
        farm = p.r.scalar(e["farm"], "the farm's key")
        if farm is not None and not (farm.startswith("REWARDS_") and farm.replace("_", "").isalnum()
                                     and farm.upper() == farm):
            p.r.error(e["farm"].loc, f"the farm's key {farm!r} is not a REWARDS_* chainlog key")
            farm = None
        farm_address, dist_address = (_address(p, e[name], what) for name, what in
                                      (("farm_address", "the farm's address"), ("dist_address",
                                                                                "the distribution's address")))
        dist = p.r.choice(e["dist"], "the distribution", sorted(DISTRIBUTIONS))
        vest = p.vest(e["vest"], "the vest")
        staking = p.r.choice(e["staking_token"], "the staking token", list(STAKING_TOKENS))
        lockstake = staking == "LOCKSTAKE_SKY"
        if "lockstake" in e:
            text = (p.r.scalar(e["lockstake"], "lockstake") or "").strip().lower()
            if text not in ("true", "false"):
                p.r.error(e["lockstake"].loc, f"lockstake must be true or false, got {text!r}")
                return None
            lockstake = text == "true"
        interval = p.r.duration(e["job_interval"], "the job's interval")
        total = p.r.amount(e["total"], "the award's total", VESTS[vest].token if vest else None)
        offset = _cast_offset(p, e["start"])
        if offset is None:
            p.r.error(e["start"].loc, "the award's start must be relative to the cast: `cast - 7 days` (the spells' "
                                      "`block.timestamp - 7 days`)")
            return None
        tau = p.r.duration(e["duration"], "the award's duration")
        version = p.r.scalar(e["version"], "the chainlog version") if "version" in e else None
        if version is not None and not VERSION.match(version.strip()):
            p.r.error(e["version"].loc, f"the chainlog version must be MAJOR.MINOR.PATCH (1.20.7), got {version!r}")
            return None
        if farm is None or farm_address is None or dist is None or dist_address is None or vest is None \
                or staking is None or interval is None or total is None or tau is None or offset is False:
            return None
        day = timeutil.day_start(timeutil.parse_date(p.spell_date)) if p.spell_date else 0
        return cls(farm, farm_address, dist, dist_address, vest, staking, lockstake, interval, total, offset, tau,
                   version.strip() if version else None, p.comment(e), day)

    def check(self, ctx: CheckContext) -> None:
        from spellgen.spellfile.history import chainlog_at

        diags = ctx.diags
        if DISTRIBUTIONS[self.dist] != self.vest:
            diags.error(self.loc("vest"), f"{self.dist} is paid by {DISTRIBUTIONS[self.dist]}, not {self.vest}")
        if self.farm != self.dist.replace("REWARDS_DIST_", "REWARDS_", 1):
            diags.error(self.loc("farm"), f"{self.dist}'s farm is {self.dist.replace('REWARDS_DIST_', 'REWARDS_', 1)}, "
                                          f"not {self.farm}")
        if self.lockstake and self.staking != "LOCKSTAKE_SKY":
            diags.error(self.loc("lockstake"), "initLockstakeFarm requires the engine's lsSKY as the staking token "
                                               f"(LOCKSTAKE_SKY), not {self.staking}")
        if self.offset + self.tau <= 0:
            diags.error(self.loc("duration"), "the award ends before the cast: the distribution would get all of it "
                                              "at once")
        if to_wei(self.total) < self.tau:
            diags.error(self.loc("total"), "the award's rate rounds to zero per second")
        registered = chainlog_at(ctx.spell.date) if ctx.spell.date else {}
        for key in (self.farm, self.dist):
            if key in registered:
                diags.error(self.loc("farm" if key == self.farm else "dist"),
                            f"{key} is already in the ChainLog at {ctx.spell.date} ({registered[key]}): the farm is "
                            "initialised already (state a farm_vest_update instead)")
        needed = [ENGINE, JOB, self.staking] if self.lockstake else [JOB, self.staking]
        for key in [k for k in needed if registered and k not in registered]:
            diags.error(self.loc("staking_token" if key == self.staking else ""),
                        f"{key} is not in the ChainLog at {ctx.spell.date}: the spell reads it")

    @classmethod
    def check_kind(cls, actions: list, ctx: CheckContext) -> None:
        """One init per farm; no stream or farm vest update on the same vest (verify numbers the new award
        right after the vest's ids before the cast); the ChainLog's version stated once, on a farm init
        or a vest onboarding, and above the date's."""
        if not actions:
            return
        seen: set[str] = set()
        for a in actions:
            if a.dist in seen:
                ctx.diags.error(a.loc("dist"), f"{a.dist} is initialised twice in one spell")
            seen.add(a.dist)
            for other in ctx.spell.actions:
                # Another farm init on the vest is numbered after this one (`nth`); any other new award is not.
                if other.stream_vest() == a.vest or (other.KIND == "farm_vest_update"
                                                     and getattr(other, "vest", None) == a.vest):
                    ctx.diags.error(other.loc(), f"a new award on {a.vest} besides the farm init of {a.dist} (line "
                                                 f"{a.loc().line}): verify cannot number the awards; cast them apart")
        versions = [a for a in ctx.spell.actions if getattr(a, "version", None) and a.KIND in (cls.KIND,
                                                                                                "vest_onboarding")]
        if not versions:
            ctx.diags.error(actions[0].loc(), "a farm init registers chainlog keys, so the spell bumps the ChainLog's "
                                              "version: state `version:` (e.g. 1.20.7)")
        for a in versions[1:]:
            ctx.diags.error(a.loc("version"), f"the chainlog version is stated twice (line {versions[0].loc().line})")
        from spellgen.spellfile import history

        first = next((a for a in actions if a.version), None)
        current = history.chainlog_version_at(ctx.spell.date) if ctx.spell.date else None
        if first is not None and current and history.version_tuple(first.version) <= history.version_tuple(current):
            ctx.diags.error(first.loc("version"), f"the ChainLog's version is {current} when a {ctx.spell.date} "
                                                  f"spell is cast; {first.version} is not a bump")

    # -- Solidity -------------------------------------------------------------------------------------
    def solidity(self, ctx: SolidityContext) -> Block:
        amount, _ = ctx.wei(self.total)
        call = "initLockstakeFarm" if self.lockstake else "initFarm"
        head = [f"Initialize the {self.farm} farm (TreasuryFundedFarmingInit.{call}'s steps) with the following "
                "parameters:",
                f"rewards: {self.farm_address}, dist: {self.dist_address}, stakingToken: {self.staking} from chainlog",
                f"distJob: {JOB} from chainlog, distJobInterval: {interval_literal(self.interval)}",
                f"vest: {self.vest} from chainlog, vestTot: {human(self.total)} {self.token}, vestBgn: "
                f"{start_literal(self.offset)}, vestTau: {timeutil.solidity_duration(self.tau)}"]
        code = []
        if self.lockstake:
            engine = ctx.type("lockstake_engine", "lssky")
            code += [f'require({engine}({ENGINE}).lssky() == {self.staking}, "{HELPER}/staking-token-not-lssky");']
        code.append(f"{HELPER}({self.farm}, {self.dist}, {self.vest}, {self.token}, {JOB}, "
                    f"{interval_literal(self.interval)}, {amount}, {start_literal(self.offset)}, "
                    f"{timeutil.solidity_duration(self.tau)});")
        code += ["", f"// Add {self.farm} ({self.farm_address}) to chainlog under {self.farm}",
                 f'DssExecLib.setChangelogAddress("{self.farm}", {self.farm});',
                 "", f"// Add {self.dist} ({self.dist_address}) to chainlog under {self.dist}",
                 f'DssExecLib.setChangelogAddress("{self.dist}", {self.dist});']
        if self.lockstake:
            engine = ctx.type("lockstake_engine", "addFarm")
            code += ["", f"// Add {self.farm} to the farms of {ENGINE}", f"{engine}({ENGINE}).addFarm({self.farm});"]
        if self.version:
            code += ["", "// Note: Bump chainlog patch version as new keys are being added",
                     f'DssExecLib.setChangelogVersion("{self.version}");']
        return Block(ctx.with_comment(self, head), code)

    @classmethod
    def extras(cls, actions: list, ctx: SolidityContext) -> SolidityExtras:
        if not actions:
            return SolidityExtras()
        vest = ctx.type("vest", "cap", "file", "create", "restrict", "unpaid")
        dist = ctx.type("rewards_dist", "vestId", "distribute", "file")
        farm = ctx.type("staking_rewards", "rewardsDistribution", "setRewardsDistribution")
        job = ctx.type("rewards_dist_job", "set")
        out = SolidityExtras(helpers=[helper(vest, dist, ctx.type("gem", "approve", "allowance"), farm, job)],
                             needs_wad=True)
        for a in actions:
            out.constants += [("address", a.farm, to_checksum(a.farm_address)),
                              ("address", a.dist, to_checksum(a.dist_address))]
        return out

    def chainlog_keys(self) -> set[str]:
        return {self.vest, JOB, self.staking} | ({ENGINE} if self.lockstake else set())

    def gem_symbols(self) -> set[str]:
        return {self.token}

    def registers(self) -> dict[str, str]:
        return {self.farm: self.farm_address, self.dist: self.dist_address}

    def chainlog_reads(self, day: str) -> tuple[str, ...]:
        return (self.token, self.vest, JOB, self.staking) + ((ENGINE,) if self.lockstake else ())

    def sets_cap(self, in_force: dict[str, Any]) -> None:
        return None  # conditional: only above the cap in force (verify judges it)

    def rate(self) -> None:
        return None  # the init raises the cap to 110% of its rate itself when the cap in force is lower

    def stream_vest(self) -> None:
        return None  # not a `stream`: it keeps its own allowance, and verify numbers its award itself

    def streamed(self) -> tuple[str, Decimal]:
        return self.token, self.total

    def stream_terms(self) -> StreamTerms:
        to = Party(self.dist_address, chainlog=self.dist)
        start = self.day + self.offset
        return StreamTerms(self.vest, to, self.token, self.total, start, start + self.tau, 0)

    # -- what the chain must show ---------------------------------------------------------------------
    def expect(self, spell: Spell, out: Expected) -> None:
        from spellgen.spellfile.expect import FarmInitialised, Item, Onboarded

        start = "the cast" if not self.offset else \
            f"the cast {'-' if self.offset < 0 else '+'} {timeutil.human_duration(abs(self.offset))}"
        item = Item(f"farm init: {self.farm} paid by {self.dist}, a new award of {human(self.total)} {self.token} on "
                    f"{self.vest} from {start} for {timeutil.human_duration(self.tau)}", self.path)
        nth = 1 + sum(1 for f in out.farm_inits if f.vest == self.vest)
        out.farm_inits.append(FarmInitialised(item, self.farm, self.farm_address, self.dist, self.dist_address,
                                              self.vest, to_wei(self.total), self.offset, self.tau, self.interval,
                                              self.lockstake, self.token, nth))
        # The two registrations are judged as a vest onboarding's are (the ChainLog's entries and version).
        for key, address, version in ((self.farm, self.farm_address, None),
                                      (self.dist, self.dist_address, self.version)):
            out.onboarded.append(Onboarded(Item(f"farm init: chainlog {key} is {address}", self.path), key, address,
                                           None, False, version, by=self.KIND))

    @staticmethod
    def owed_at(f: FarmInitialised, cast_time: int) -> int:
        """What the new award owes at the cast (DssVest's accrual: it starts `offset` from the cast)."""
        bgn = cast_time + f.offset
        return common._accrued(cast_time, bgn, bgn + f.tau, f.tot) if cast_time > bgn else 0

    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        from spellgen.spellfile.actions.onboarding import VestOnboarding

        wad, iso, cast_time, out = common.wad, timeutil.iso, o.cast.timestamp, []
        for ob in [ob for ob in getattr(e, "onboarded", []) if ob.by == cls.KIND]:  # its ChainLog entries
            out += VestOnboarding.judge(ob, o)
        for f in getattr(e, "farm_inits", []):
            fb, fa = o.before.farms.get(f.dist), o.after.farms.get(f.dist)
            wb, wa = o.before.farm_wiring.get(f.dist), o.after.farm_wiring.get(f.dist)
            if None in (fb, fa, wb, wa) or f.vest not in o.before.ids:
                out.append(Check(f.item.label, f.item.path, False, "not read",
                                 f"{f.dist} or {f.farm} could not be read at {f.dist_address} / {f.farm_address}"))
                continue
            new = o.before.ids[f.vest] + f.nth
            owed, award = cls.owed_at(f, cast_time), o.new_awards.get((f.vest, new))
            problems = common.compare([
                ("vestId before the cast", 0, fb[2]), ("vestId after", new, fa[2]),
                ("rewardsDistribution before the cast", common.ZERO, wb[0].lower()),
                ("rewardsDistribution after", f.dist_address.lower(), wa[0].lower()),
                ("farm received", wad(owed, f.token), wad(fa[0] - fb[0], f.token)),
                ("lastDistributedAt", cast_time if owed else fb[1], fa[1]),
                ("the job's interval", f.interval, wa[2])])
            if f.lockstake:
                problems += common.compare([("LOCKSTAKE_ENGINE.farms(farm) before", 0, wb[1]),
                                            ("LOCKSTAKE_ENGINE.farms(farm) after", ACTIVE, wa[1])])
            allowance = o.after.allowance.get(f.vest, 0) - o.before.allowance.get(f.vest, 0)
            problems += common.compare([
                ("allowance change (tot less what distribute() drew)", wad(f.tot - owed, f.token),
                 wad(allowance, f.token)),
                ("cap", max(o.before.caps.get(f.vest, 0), f.rate), o.after.caps.get(f.vest))])
            if award is None:
                problems.append(f"the cast created no award {new} on {f.vest}")
            else:
                bgn = cast_time + f.offset
                problems += common.compare([
                    ("usr", f.dist_address.lower(), award.usr.lower()), ("bgn", iso(bgn), iso(award.bgn)),
                    ("clf", iso(bgn), iso(award.clf)), ("fin", iso(bgn + f.tau), iso(award.fin)),
                    ("mgr", common.ZERO, award.mgr.lower()), ("res", 1, award.res),
                    ("tot", wad(f.tot, f.token), wad(award.tot, f.token)),
                    ("rxd", wad(owed, f.token), wad(award.rxd, f.token))])
            evidence = (f"{f.dist}.vestId {fb[2]} -> {fa[2]}; {f.farm}.rewardsDistribution {wb[0]} -> {wa[0]}; farm "
                        f"+{wad(fa[0] - fb[0], f.token)}; job interval {wb[2]} -> {wa[2]}; engine farms {wb[1]} -> "
                        f"{wa[1]}; cap {o.before.caps.get(f.vest)} -> {o.after.caps.get(f.vest)}")
            out.append(common.ok(f.item.label, f.item.path, evidence, problems))
        return out

    @classmethod
    def state_effects(cls, e: Expected, view: StateView) -> list[StateEffect]:
        """The farm's rewards distribution, the new award (what distribute() drew in its rxd) and ids, the
        allowance, the cap if raised, the distribution's vestId, what distribute() paid, the job's interval
        and the engine's farm (the ChainLog's entries are the onboarding items')."""
        out: list[StateEffect] = []
        for f in getattr(e, "farm_inits", []):
            label, a, cast_time = f.item.label, view.addresses, view.cast_time
            new, owed, bgn = view.ids_before[f.vest] + f.nth, cls.owed_at(f, cast_time), cast_time + f.offset
            out.append(StateEffect(f.farm, "rewardsDistribution", (), value=int(f.dist_address, 16), label=label,
                                   unit="address", layout="StakingRewards"))
            created = common.pack_award(f.dist_address, bgn, bgn, bgn + f.tau, common.ZERO, 1, f.tot, owed)
            for i, word in enumerate(created):
                out.append(StateEffect(f.vest, "awards", (new,), value=word, label=f"{label} (award {new})",
                                       unit=f"award{i}", time_dependent=i != 1 or owed > 0, layout="DssVest",
                                       offset=i))
            out.append(StateEffect(f.vest, "ids", (), delta=1, label=label, layout="DssVest"))
            if f.rate > view.caps_before.get(f.vest, 0):
                out.append(StateEffect(f.vest, "cap", (), value=f.rate, label=label, layout="DssVest"))
            out.append(StateEffect(f.token, "allowance", (a["MCD_PAUSE_PROXY"], a[f.vest]), delta=f.tot - owed,
                                   label=label, unit=f"wad:{f.token}", token=True, time_dependent=True))
            out.append(StateEffect(f.dist, "vestId", (), value=new, label=label, layout="VestedRewardsDistribution"))
            if owed:  # the farm is the one the YAML names (verify reads it as the distribution's, `DIST:farm`)
                paying = SimpleNamespace(addresses={**a, f.dist: f.dist_address, f.dist + FARM: f.farm_address},
                                         cast_time=cast_time)
                out += paid_effects(paying, f.dist, f.vest, owed, label)
            out.append(StateEffect(JOB, "intervals", (f.dist_address,), value=f.interval, label=label,
                                   layout="VestedRewardsDistributionJob"))
            if f.lockstake:
                out.append(StateEffect(ENGINE, "farms", (f.farm_address,), value=ACTIVE, label=label,
                                       layout="LockstakeEngine"))
        return out

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        moves, approvals = [], []
        for f in getattr(e, "farm_inits", []):
            owed, dist = cls.owed_at(f, view.cast_time), f.dist_address.lower()
            if owed:
                moves += [(f.token, view.proxy, dist, owed), (f.token, dist, f.farm_address.lower(), owed)]
            approvals.append((f.token, view.proxy, view.vest_address(f.vest)))
        return TokenEvents(moves=tuple(moves), approvals=tuple(approvals))

    # -- reports --------------------------------------------------------------------------------------
    def summary_row(self, spell: Spell) -> SummaryRow:
        start = f"from the cast{'' if not self.offset else ' - ' + timeutil.human_duration(-self.offset)}"
        return SummaryRow(f"farm init on {self.vest}", self.dist, self.dist_address, self.token,
                          common.amount_text(self.total, self.token),
                          f"{start} for {timeutil.human_duration(self.tau)}", "none", "yes")

    def diff_fields(self, spell: Spell) -> dict[str, str]:
        return {"farm": f"{self.farm} ({self.farm_address})", "dist": f"{self.dist} ({self.dist_address})",
                "vest": self.vest, "staking_token": self.staking, "lockstake": "yes" if self.lockstake else "no",
                "job_interval": timeutil.human_duration(self.interval),
                "total": common.amount_text(self.total, self.token), "start": start_literal(self.offset),
                "duration": timeutil.human_duration(self.tau), "version": self.version or "",
                "comment": common.comment_of(self)}

    def identity(self) -> tuple:
        return ("farm_init", self.dist)

    def paid_tokens(self) -> dict[str, Decimal]:
        return {}

    def flow(self) -> Flow:
        start = self.day + self.offset
        return Flow("stream", self.token, self.total, (start, start + self.tau))

    def ledger_fields(self, name: Callable[[Party], str]) -> list[str] | None:
        return None

    def doc_line(self, spell: Spell) -> str:
        start = "the cast" if not self.offset else \
            f"the cast {'minus' if self.offset < 0 else 'plus'} {timeutil.human_duration(abs(self.offset))}"
        return (f"- Initialize the {self.farm} farm: vest **{human(self.total)} {self.token}** from {start} for "
                f"{timeutil.human_duration(self.tau)} to {self.dist} ({self.dist_address}), a restricted award")

    def doc_claims(self) -> list[DocClaim]:
        return [DocClaim(self.token, (self.total,), self.dist_address.lower(), self.dist, "total", restricted=True)]

    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        out = []
        for f in [f for f in ctx.expected.farm_inits if f.item.path == self.path]:
            body = (f'    assert cast.before.farms["{f.dist}"][2] == 0  # no award before\n'
                    f'    award = cast.new_award("{f.vest}", {f.nth})  # the cast\'s new award number {f.nth} on '
                    f"{f.vest}\n"
                    f'    assert cast.after.farms["{f.dist}"][2] == cast.before.ids["{f.vest}"] + {f.nth}  # filed\n'
                    f'    assert award.usr.lower() == "{f.dist_address.lower()}"\n'
                    f"    assert award.bgn == cast.cast_time + ({f.offset})\n"
                    f"    assert award.fin - award.bgn == {f.tau}  # {timeutil.human_duration(f.tau)}\n"
                    f"    assert award.tot == {common.wei_literal(f.tot)}  # {common.token_amount(f.tot)} {f.token}\n"
                    "    assert award.res == 1\n"
                    f'    assert cast.after.farms["{f.dist}"][0] - cast.before.farms["{f.dist}"][0] == award.rxd  '
                    "# distributed at once\n"
                    f'    assert cast.after.farm_wiring["{f.dist}"][0].lower() == "{f.dist_address.lower()}"\n'
                    f'    assert cast.after.farm_wiring["{f.dist}"][2] == {f.interval}\n')
            if f.lockstake:
                body += f'    assert cast.after.farm_wiring["{f.dist}"][1] == {ACTIVE}  # listed by the engine\n'
            out.append((f.item, body))
        for ob in [ob for ob in ctx.expected.onboarded if ob.item.path == self.path]:  # its ChainLog entries
            body = f'    assert cast.after.registry["{ob.key}"].lower() == "{ob.address.lower()}"\n'
            if ob.version:
                body += f'    assert cast.after.chainlog_version == "{ob.version}"\n'
            out.append((ob.item, body))
        return out


def _address(p, node, what: str) -> str | None:
    text = p.r.scalar(node, what)
    if text is None:
        return None
    try:
        return parse_address(text.strip())
    except AddressError as exc:
        p.r.error(node.loc, f"{what}: {exc}")
        return None
