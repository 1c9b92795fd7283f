"""What the chain must show after the cast, computed from the YAML model alone.

Verification compares these values with what is read from the chain. Nothing here looks at the
rendered Solidity: a check that compared the template with itself would prove nothing.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import partial

from typing import TYPE_CHECKING, Any, Callable, Protocol

from spellgen.spellfile.computed import AwardReading, CastAmount
from spellgen.spellfile.protocol import MKR_SKY_RATE

if TYPE_CHECKING:  # the model imports the action kinds, which import this module's item types
    from spellgen.spellfile.held import HeldAmount
    from spellgen.spellfile.model import Spell

ZERO = "0x0000000000000000000000000000000000000000"


@dataclass(frozen=True)
class Item:
    """One YAML action as a reviewer names it."""

    label: str  # e.g. "DAI payment: 1,069,250 DAI to TECH_001"
    path: str  # YAML field path, e.g. sections[0].actions[1]


class Itemised(Protocol):
    """An expected change that names the YAML item it comes from."""

    @property
    def item(self) -> Item: ...


@dataclass(frozen=True)
class NewAward:
    item: Item
    vest: str
    usr: str
    bgn: int
    clf: int
    fin: int
    mgr: str
    res: int
    tot: int  # wei
    token: str
    # Streams that start at the cast: bgn = cast time + offset; bgn, clf and fin above are then
    # relative to the cast time (offset, offset + eta, offset + tau). See `times`.
    cast_offset: int | None = None

    def times(self, cast_time: int) -> tuple[int, int, int]:
        """bgn, clf and fin of the award for a cast at `cast_time`."""
        if self.cast_offset is None:
            return self.bgn, self.clf, self.fin
        return cast_time + self.bgn, cast_time + self.clf, cast_time + self.fin


@dataclass(frozen=True)
class Payment:
    item: Item
    recipient: str
    wei: int  # DAI received (whole DAI * WAD)


@dataclass(frozen=True)
class Transfer:
    item: Item
    recipient: str
    wei: int  # MKR received


@dataclass(frozen=True)
class UsdsPaid:
    item: Item
    recipient: str
    wei: int  # USDS received (whole USDS * WAD), paid out of the surplus buffer


@dataclass(frozen=True)
class AllocatorPaid:
    item: Item
    vault: str  # the vault's chainlog key
    ilk: str
    wei: int  # DAI (wad) the vault's debt and the Vow's surplus rise by


@dataclass(frozen=True)
class PoolWithdrawn:
    """A Uniswap V2 withdrawal: the PauseProxy's liquidity of `pair` burnt but what `leave` wei of the pool's
    token1 (USDS) is worth (read at the cast); the pool pays it both tokens."""

    item: Item
    pair: str  # the pair's chainlog key
    token0: str  # the pool's tokens by symbol, in the pair's order
    token1: str
    leave: int  # token1 (wei) the PauseProxy's remaining liquidity is worth


@dataclass(frozen=True)
class SkySent:
    item: Item
    recipient: str
    wei: int  # SKY received
    source: str  # "treasury", "mkr" (converted into the PauseProxy, then sent) or "mkr_direct"
    mkr_wei: int  # MKR the PauseProxy converts for it (0 from the treasury)

    @property
    def minted(self) -> int:
        """SKY the conversion mints (mkr * rate)."""
        return self.mkr_wei * MKR_SKY_RATE

    @property
    def proxy_sky_change(self) -> int:
        """How the PauseProxy's SKY changes: - wei from the treasury; the rounding's remainder with mkr."""
        return {"treasury": -self.wei, "mkr": self.minted - self.wei, "mkr_direct": 0}[self.source]


@dataclass(frozen=True)
class Converted:
    item: Item
    mkr_wei: int  # MKR of the PauseProxy converted into SKY for the PauseProxy

    @property
    def minted(self) -> int:
        return self.mkr_wei * MKR_SKY_RATE


@dataclass(frozen=True)
class ConvertedAtCast:
    """MKR of the PauseProxy converted into SKY for it in an amount read at the cast: its MKR balance (as
    `amount` takes it: all, or all but a constant) less what the awards of `unpaid` still owe then
    (2025-06-26: `MKR.balanceOf(address(this)) - unpaidMkr`, unpaidMkr the sum of six awards' unpaid())."""

    item: Item
    amount: HeldAmount
    unpaid: tuple[AwardReading, ...]

    def mkr_wei(self, balance: int, pre: Any, t: int) -> int | None:
        """The MKR converted when the PauseProxy held `balance` before the statement and the awards were
        as in `pre` at `t`; None when the statement reverts (the balance below what is kept back).
        NotReadable when `pre` lacks an award."""
        base = self.amount.resolve(balance)
        owed = sum(r.value(pre, t) for r in self.unpaid)
        return None if base is None or base < owed else base - owed


@dataclass(frozen=True)
class HeldSent:
    item: Item
    key: str  # the token's chainlog key
    symbol: str | None  # the known token it names at the spell's date (None: a token spellgen does not model)
    recipient: str
    amount: HeldAmount  # a constant, or read from the PauseProxy's balance at the cast
    address: str | None = None  # named by its address constant (key: the constant's name), not read from the chainlog


@dataclass(frozen=True)
class ChainlogEntry:
    item: Item
    key: str
    address: str  # what the chainlog must hold under key


@dataclass(frozen=True)
class Onboarded:
    item: Item
    key: str
    address: str  # what the ChainLog must hold under key after the cast
    legacy: str | None  # the key that must hold what `key` held before the cast
    rely: bool  # the vest must be a ward of the Vat after the cast (a suckable vest)
    version: str | None  # the ChainLog's version after the cast (on the spell's last onboarding)
    by: str = "vest_onboarding"  # the kind whose item it is (a farm init registers its farm's keys too)
    # A mintable MKR vest must be a ward of MKR's authority (GOV_GUARD) after the cast: its awards mint MKR.
    mints: bool = False


@dataclass(frozen=True)
class Yanked:
    item: Item
    vest: str
    award: int
    end: int | None  # None: the cast time
    usr: str | None  # expected owner before the cast, when the YAML states it
    fin_before: int | None


@dataclass(frozen=True)
class ComputedPaid:
    """DAI the spell sucks and exits to `recipient`, an amount it computes at the cast."""

    item: Item
    recipient: str
    amount: CastAmount


@dataclass(frozen=True)
class Repaired:
    """An existing award paid what it owes at the cast (unrestrict, vest) and ended then (yank)."""

    item: Item
    vest: str
    award: int
    usr: str | None  # expected owner before the cast, when the YAML states it
    fin_before: int | None
    bgn_before: int | None = None
    tot_before: int | None = None  # wei


@dataclass(frozen=True)
class Distributed:
    """A Treasury-funded farm's `distribute()`: its distribution (chainlog key) pays the farm what the award
    it holds has vested and not paid at the cast, computed by verify from the award before the cast."""

    item: Item
    dist: str
    vest: str
    award: int
    guarded: bool  # rendered under `if (unpaid(award) > 0)`: nothing owed means nothing happens


@dataclass(frozen=True)
class FarmVestUpdated:
    """A Treasury-funded farm's vest replaced (TreasuryFundedFarmingInit.updateFarmVest's steps): the
    award the distribution holds (`award`, read on chain by the spell, stated by the YAML, checked against
    the chain before the cast) is distributed if it owes, the allowance adjusted, the award yanked, the
    cap raised to 110% of the new rate if that is above it, a new award to the distribution from the cast
    created and filed as its vestId."""

    item: Item
    dist: str
    vest: str
    award: int
    tot: int  # wei
    tau: int
    token: str

    @property
    def rate(self) -> int:
        """The cap the update files when it is above the cap in force: 110% of the new award's rate."""
        return 110 * self.tot // (100 * self.tau)


@dataclass(frozen=True)
class FarmInitialised:
    """A deployed Treasury-funded farm initialised (TreasuryFundedFarmingInit.initLockstakeFarm's steps):
    its rewards distribution named, a new restricted award of `tot` to the distribution from the cast +
    `offset` (the `nth` new award on the vest) filed as its vestId and distributed if it owes, the allowance
    raised by `tot`, the cap raised to 110% of the rate if above it, the job's interval set and, for a
    lockstake farm, the farm listed by the Lockstake engine."""

    item: Item
    farm: str
    farm_address: str
    dist: str
    dist_address: str
    vest: str
    tot: int  # wei
    offset: int
    tau: int
    interval: int
    lockstake: bool
    token: str
    nth: int

    @property
    def rate(self) -> int:
        """The cap the init files when it is above the cap in force (initFarm rounds the rate first)."""
        return 110 * (self.tot // self.tau) // 100


@dataclass(frozen=True)
class AllowanceChange:
    item: Item
    vest: str
    token: str
    mode: str  # "increase", "set", "owed" (what every valid award still owes after the cast) or "adjust"
    wei: int  # "adjust": what it adds (the new streams' totals)
    award: int = 0  # "adjust": the award whose tot - rxd before its yank the allowance loses


@dataclass(frozen=True)
class CapSet:
    item: Item
    vest: str
    per_second: int  # wei per second, as Solidity computes amount * WAD / period
    raise_only: bool = False  # filed only if above the cap in force

    def after(self, before: int) -> int:
        """The cap after the cast, given the cap in force before it."""
        return max(before, self.per_second) if self.raise_only else self.per_second


@dataclass(frozen=True)
class EventPlan:
    """One action as verify's per-action event order check reads it: its item, its kind's KIND, what
    the names of its kind's EFFECTS stand for (`Action.effect_names`), and how it picks the form of its
    sequence from the state read before the cast (`Action.event_form`)."""

    item: Item
    kind: str
    names: dict[str, str]
    form: Callable[[Any, int], str] = field(compare=False)  # (state before the cast, cast time) -> form


@dataclass
class Expected:
    description: str
    office_hours: bool
    expiry: int
    awards: list[NewAward] = field(default_factory=list)
    payments: list[Payment] = field(default_factory=list)
    transfers: list[Transfer] = field(default_factory=list)
    yanks: list[Yanked] = field(default_factory=list)
    allowances: list[AllowanceChange] = field(default_factory=list)
    caps: list[CapSet] = field(default_factory=list)
    usds_payments: list[UsdsPaid] = field(default_factory=list)
    sky_transfers: list[SkySent] = field(default_factory=list)
    chainlog: list[ChainlogEntry] = field(default_factory=list)
    conversions: list[Converted] = field(default_factory=list)
    onboarded: list[Onboarded] = field(default_factory=list)
    proxy_transfers: list[HeldSent] = field(default_factory=list)
    held_burns: list[HeldSent] = field(default_factory=list)  # recipient: the zero address
    mkr_at_cast: list[ConvertedAtCast] = field(default_factory=list)  # MKR converted in an amount read at the cast
    # The conversions of `mkr_at_cast` as verify computed them from the chain's state before the cast
    # (`with_conversions_read`): known quantities for the other kinds' checks of the PauseProxy's SKY and
    # the SKY supply. Empty before a cast, and never in an item list (`mkr_at_cast` is the item).
    conversions_read: list[Converted] = field(default_factory=list)
    surplus_returns: list[HeldSent] = field(default_factory=list)  # recipient: the Vow
    allocator_payments: list[AllocatorPaid] = field(default_factory=list)
    distributions: list[Distributed] = field(default_factory=list)
    farm_updates: list[FarmVestUpdated] = field(default_factory=list)
    farm_inits: list[FarmInitialised] = field(default_factory=list)
    pool_withdrawals: list[PoolWithdrawn] = field(default_factory=list)
    new_awards_per_vest: dict[str, int] = field(default_factory=dict)
    computed_payments: list[ComputedPaid] = field(default_factory=list)
    repairs: list[Repaired] = field(default_factory=list)
    date: str = ""  # the spell's date: which chainlog keys name the tokens (MKR moved in 2025)
    # verify --budget-only: a real spell does more than its budget; changes outside the budget's
    # contracts are listed for the reviewer instead of failing.
    budget_only: bool = False
    # How many actions of each kind (its `KIND`) the YAML has: verify allows each kind's declared events
    # (`Effects.events`) that many times.
    kinds_present: dict[str, int] = field(default_factory=dict)
    # What the names of the kinds' EFFECTS stand for in this spell (`Action.effect_names`: VEST, TOKEN,
    # DIST, ...) -> the chainlog keys they are bound to, over all its actions.
    bindings: dict[str, set[str]] = field(default_factory=dict)
    # The YAML's parties by name (address lower case -> registry name or chainlog key): the labelled state
    # diff names a slot's keys by them (`balanceOf[TECH_001]`).
    party_names: dict[str, str] = field(default_factory=dict)
    # Each action that runs, in the YAML's order (the order a rendered spell runs them): verify checks
    # the ordered events of each.
    event_plans: list[EventPlan] = field(default_factory=list)

    @property
    def items(self) -> list[Item]:
        """Every YAML item, in the order the reports list them."""
        expected: tuple[Itemised, ...] = (*self.awards, *self.payments, *self.usds_payments, *self.sky_transfers,
                                          *self.conversions, *self.mkr_at_cast, *self.proxy_transfers, *self.held_burns,
                                          *self.surplus_returns,
                                          *self.computed_payments, *self.allocator_payments,
                                          *self.pool_withdrawals, *self.transfers, *self.yanks, *self.repairs,
                                          *self.allowances, *self.caps, *self.distributions, *self.farm_updates,
                                          *self.farm_inits, *self.chainlog, *self.onboarded)
        return [x.item for x in expected]

    @property
    def dai_paid(self) -> int:
        return sum(p.wei for p in self.payments)

    @property
    def usds_paid(self) -> int:
        return sum(p.wei for p in self.usds_payments)

    @property
    def sky_transferred(self) -> int:
        return sum(t.wei for t in self.sky_transfers)

    @property
    def mkr_converted(self) -> int:
        """MKR the cast converts into SKY: for SKY transfers and as treasury conversions."""
        return sum(t.mkr_wei for t in self.sky_transfers) + sum(c.mkr_wei for c in self.conversions)

    @property
    def sky_minted(self) -> int:
        """SKY the cast mints: every conversion of MKR, constant or read at the cast (once computed)."""
        return self.mkr_converted * MKR_SKY_RATE + sum(c.minted for c in self.conversions_read)

    @property
    def mkr_transferred(self) -> int:
        return sum(t.wei for t in self.transfers)

    @property
    def vests(self) -> list[str]:
        keys = {a.vest for a in self.awards} | {y.vest for y in self.yanks} | {a.vest for a in self.allowances} \
            | {c.vest for c in self.caps} | {vest for vest, _ in self.awards_read} \
            | {d.vest for d in self.distributions} | {f.vest for f in self.farm_updates} \
            | {f.vest for f in self.farm_inits}
        return sorted(keys)

    @property
    def awards_read(self) -> set[tuple[str, int]]:
        """(vest, id) of the existing awards verify reads before the cast: yanked, repaired, or read by
        an amount the spell computes at the cast."""
        return {(y.vest, y.award) for y in self.yanks} | {(r.vest, r.award) for r in self.repairs} | \
            {p.amount.reading.award_read for p in self.computed_payments} | \
            {r.award_read for c in self.mkr_at_cast for r in c.unpaid}


def expected_from(spell: Spell, earlier_cast: frozenset[str] = frozenset()) -> Expected:
    """Every on-chain consequence the YAML declares, in chain units, when the earlier spells in
    `earlier_cast` (addresses) were cast: a section whose condition does not hold then adds nothing."""
    out = Expected(spell.description, spell.office_hours, spell.expiry, date=spell.date)
    for action in spell.actions_in(earlier_cast):  # each kind adds the items verify checks (spellfile/actions/)
        action.expect(spell, out)
        label = next((i.label for i in out.items if i.path == action.path), action.KIND)
        out.event_plans.append(EventPlan(Item(label, action.path), action.KIND, action.effect_names(spell.date),
                                         partial(action.event_form, spell)))
    for key, address in spell.chainlog_parties().items():
        out.chainlog.append(ChainlogEntry(Item(f"chainlog: {key} is {address}", "spell"), key, address))
    # A farm's vest update creates an award too (after the streams on its vest: check refuses one after it).
    out.new_awards_per_vest = dict(Counter(a.vest for a in out.awards) + Counter(f.vest for f in out.farm_updates)
                                   + Counter(f.vest for f in out.farm_inits))
    out.kinds_present = dict(Counter(action.KIND for action in spell.actions))
    for action in spell.actions:
        for name, key in action.effect_names(spell.date).items():
            out.bindings.setdefault(name, set()).add(key)
    out.party_names = {p.address.lower(): p.label for p in spell.parties() if p.name or p.chainlog}
    return out
