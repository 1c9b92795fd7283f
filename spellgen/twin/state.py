"""The figures of the twin: when it starts, who holds what, which awards already exist.

Pure data and pure functions (no I/O, no web3), shared by the builder, the starter and the
tests, so a figure is written down once. Addresses, caps and dates come from spellgen.spellfile.history.

Everything here that is not in the spec is an assumption, chosen to look like mainnet in
2021-2022 (2024-2025 for the USDS and SKY contracts) and marked as such; none of it is a mainnet fact.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spellgen.spellfile.address import keccak256, to_checksum
from spellgen.spellfile import history
from spellgen.spellfile.history import DSS_EXEC_LIB, known_awards, known_yanks, pause_delay_at, vest_cap_at, vest_ids_at
from spellgen.spellfile.protocol import DAY, RAD, VESTS as PROTOCOL_VESTS, WAD
from spellgen.spellfile.timeutil import day_start, iso_date, parse_date

# --- Time -------------------------------------------------------------------------------------

# The earliest date the twin can start at (history.TWIN_FIRST_DAY, which `check` tests a spell's date against).
GENESIS = day_start(parse_date(history.TWIN_FIRST_DAY))  # 1_622_505_600: 2021-06-01 00:00:00 UTC
# The build runs just before GENESIS, one second per block, so the dump's last block is older
# than any date a twin may start at and time only ever moves forward.
BUILD_START = GENESIS - 3_600  # 2021-05-31 23:00:00 UTC
GENESIS_DATE = iso_date(GENESIS)

CHAIN_ID = 1  # mainnet's: spells and tests that look at block.chainid behave as on a fork
HARDFORK = "cancun"  # the build's, pinned whatever anvil's default becomes (a dump loads under any fork)
# A twin at a date runs the rules in force then (Cancun's SELFDESTRUCT, Osaka's limits, ...).
hardfork_at = history.hardfork_at

GAS_LIMIT = 30_000_000  # mainnet's block gas limit in 2021-2024

# --- The contracts ------------------------------------------------------------------------------

# Chainlog key -> contract in contracts/ (and ChainLog registration order). The core is placed
# and registered first: the vests' constructors read it from the ChainLog.
CORE: dict[str, str] = {
    "CHANGELOG": "ChainLog",
    "MCD_VAT": "Vat",
    "MCD_DAI": "Dai",
    "MCD_JOIN_DAI": "DaiJoin",
    "MCD_VOW": "Vow",
    "MCD_GOV": "MkrToken",  # mainnet's MKR: the ds-token of 2017 (its own storage layout)
    "MCD_ADM": "DSChief",
    "MCD_PAUSE": "DSPause",
    "MCD_PAUSE_PROXY": "DSPauseProxy",  # created by DSPause's constructor, as on mainnet
    # The 2025-era tokens budget streams pay in. USDS_JOIN is mainnet's UsdsJoin: same Vat, USDS.
    "USDS": "Usds",
    "USDS_JOIN": "UsdsJoin",
    "SKY": "Sky",
    # Issue 12: the converters budget actions of 2024-26 go through, and the SPK token.
    "DAI_USDS": "DaiUsds",  # constructed after both joins: it hopes them from its own address
    "MKR_SKY": "MkrSky",
    "SPK": "Spk",
    # Issue 24: allocator payments drip the Jug and grab into a Prime Agent's allocator vault's urn.
    "MCD_JUG": "Jug",
    **{key: "AllocatorVault" for key in history.ALLOCATOR_VAULTS},
}
VESTS: dict[str, str] = {
    "MCD_VEST_DAI": "DssVestSuckable",
    "MCD_VEST_DAI_LEGACY": "DssVestSuckable",
    "MCD_VEST_MKR": "DssVestMintable",
    "MCD_VEST_MKR_TREASURY": "DssVestTransferrable",
    "MCD_VEST_USDS": "DssVestSuckable",  # with an explicit join: USDS_JOIN
    "MCD_VEST_SKY_TREASURY": "DssVestTransferrable",  # czar: the PauseProxy, gem: SKY
    "MCD_VEST_SKY": "DssVestMintable",  # gem: SKY; a ward of SKY
    "MCD_VEST_SPK_TREASURY": "DssVestTransferrable",  # czar: the PauseProxy, gem: SPK
}
# Transferrable vests pay from the PauseProxy's balance of their token, so the build mints that
# treasury and approves the vest for its seeded awards: vest key -> token key.
TREASURY_VESTS: dict[str, str] = {"MCD_VEST_MKR_TREASURY": "MCD_GOV", "MCD_VEST_SKY_TREASURY": "SKY",
                                  "MCD_VEST_SPK_TREASURY": "SPK"}


def label_address(label: str) -> str:
    """A made-up but stable address for something the spec gives no mainnet address for."""
    return to_checksum("0x" + keccak256(f"spellgen-twin:{label}".encode()).hex()[-40:])


# Contracts mainnet has but the spec gives no address for: placed at made-up addresses and
# left out of the ChainLog, so no spell can mistake them for the real ones.
CHIEF_IOU = label_address("IOU")  # the chief's IOU token (mainnet key MCD_IOU)
# MKR's ds-auth authority at its mainnet address: the chainlog names it GOV_GUARD until 2025-05-15 (then
# MKR_GUARD), so the twin's ChainLog answers it there and a spell may rely a mintable MKR vest on it (the
# 2021-09-03 spell's `DssExecLib.authorize(GOV_GUARD, MCD_VEST_MKR)`).
MKR_AUTHORITY = "0x6eEB68B2C7A918f36B78E2DB80dcF279236DDFb8"
# The SKY chief of 2025 at its mainnet address. On mainnet it is MCD_ADM from 2025-05-15 (and the
# MKR chief MCD_ADM_LEGACY): the twin registers it so for dates after that day (twin.start.chainlog_plan).
SKY_CHIEF = "0x929d9A1435662357F54AdcF64DcEE4d6b867a6f9"
# USDS is an ERC-1967 proxy on mainnet; its implementation (mainnet key USDS_IMP, left out of the
# twin's ChainLog like the SKY chief) sits at its mainnet address.
USDS_IMP = "0x1923DfeE706A8E78157416C29cBCCFDe7cdF4102"
TWIN_ONLY: dict[str, tuple[str, str]] = {  # name -> (address, contract)
    "MKR_AUTHORITY": (MKR_AUTHORITY, "MkrAuthority"),
    "IOU": (CHIEF_IOU, "DSToken"),
    "SKY_CHIEF": (SKY_CHIEF, "Chief"),
    "USDS_IMP": (USDS_IMP, "Usds"),
}
# Keys whose address holds an ERC1967Proxy (constructed there) in front of an implementation:
# key -> the implementation's name in TWIN_ONLY. The key's contract (CORE) names the ABI.
PROXIES: dict[str, str] = {"USDS": "USDS_IMP"}

# Treasury-funded farms (issue 24): a VestedRewardsDistribution and its StakingRewards farm, placed at
# their mainnet addresses when a twin starts at a date whose ChainLog names the distribution there
# (twin.start.place_farms). Distribution key -> (farm key, vest key, staking token key). The
# distribution holds the award of the vest the archive shows last created for it (its `vestId`).
FARMS: dict[str, tuple[str, str, str]] = {
    "REWARDS_DIST_LSSKY_SKY": ("REWARDS_LSSKY_SKY", "MCD_VEST_SKY_TREASURY", "LOCKSTAKE_SKY"),
    "REWARDS_DIST_USDS_SKY": ("REWARDS_USDS_SKY", "MCD_VEST_SKY_TREASURY", "USDS"),
}
FARM_DISTRIBUTIONS: dict[str, str] = {  # the mainnet addresses the twin models (both from 2025)
    "REWARDS_DIST_LSSKY_SKY": "0x675671A8756dDb69F7254AFB030865388Ef699Ee",
    "REWARDS_DIST_USDS_SKY": "0xC8d67Fcf101d3f89D0e1F3a2857485A84072a63F",
}
FARM_CONTRACTS: dict[str, str] = {
    "REWARDS_LSSKY_SKY": "0xB44C2Fb4181D7Cb06bdFf34A46FdFe4a259B40Fc",
    "REWARDS_USDS_SKY": "0x0650CAF159C5A49f711e8169D4336ECB9b950275",
}
# A farm deployed before the spell that initialises it (TreasuryFundedFarmingInit.initLockstakeFarm) and
# registers its keys: from this date on the twin places it uninitialised (no vestId, no rewards
# distribution, owned by the PauseProxy) until the ChainLog names it. The date is the initialising spell's
# (2025-10-30 names both by address constant); the deployment's own day is not known offline.
FARMS_DEPLOYED: dict[str, str] = {"REWARDS_DIST_LSSKY_SKY": "2025-10-30"}
# Placed with the farms (at the addresses the date's ChainLog names): the Lockstake engine a lockstake
# farm is registered with, and the keeper job that calls the distributions' distribute().
FARM_REGISTRIES: dict[str, str] = {"LOCKSTAKE_ENGINE": "LockstakeEngine",
                                   "CRON_REWARDS_DIST_JOB": "VestedRewardsDistributionJob"}
# The interval the keeper job calls an initialised lockstake farm's distribution at (the 2025-10-30 spell's).
FARM_JOB_INTERVAL = 7 * 86_400 - 3_600

# Uniswap V2 pairs (issue 24): placed at their mainnet addresses (contracts/twin/UniswapV2Pair.sol) when a
# twin starts at a date whose ChainLog names the key there (twin.start.place_pairs): the Smart Burn Engine's
# USDS/SKY pool, whose protocol-owned liquidity the PauseProxy holds. Key -> (address, token0, token1):
# mainnet sorts a pair's tokens by address (SKY 0x5607... before USDS 0xdC03...).
UNIV2_PAIRS: dict[str, tuple[str, str, str]] = {
    "UNIV2USDSSKY": ("0x2621CC0B3F3c079c1Db0E80794AA24976F0b9e3c", "SKY", "USDS"),
}
# Mainnet's Uniswap V2 factory, which created the pair (its `factory()`); the twin does not model it.
UNIV2_FACTORY = "0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6f"
# Assumptions (no offline source gives the pool's state at a date): its reserves (SKY, USDS: a SKY price
# of 0.06 USDS), its liquidity supply and the PauseProxy's share of it (the SBE's, the rest held by
# others), the same at every date the pool exists; last synced when the twin's date begins.
UNIV2_RESERVES: dict[str, tuple[int, int]] = {"UNIV2USDSSKY": (500_000_000 * WAD, 30_000_000 * WAD)}
UNIV2_SUPPLY: dict[str, int] = {"UNIV2USDSSKY": 120_000_000 * WAD}
UNIV2_PROXY_LP: dict[str, int] = {"UNIV2USDSSKY": 119_000_000 * WAD}


# The EOA that builds the twin; all its rights are removed at the end of the build.
DEPLOYER = label_address("deployer")


# DssExecLib, placed at the address spells link it at (not a ChainLog entry).
EXEC_LIB = ("DssExecLib", DSS_EXEC_LIB)


def chainlog_keys() -> list[str]:
    """Every key the twin's ChainLog answers, in registration order."""
    return [*CORE, *VESTS]


# --- Governance ---------------------------------------------------------------------------------

MAX_YAYS = 5  # DSChief slate size limit (mainnet's)
# The SKY chief's constructor arguments on mainnet (spec section 7): maxYays, launchThreshold, liftCooldown.
SKY_CHIEF_MAX_YAYS = 5
SKY_CHIEF_LAUNCH_THRESHOLD = 2_400_000_000 * WAD
SKY_CHIEF_LIFT_COOLDOWN = 10  # blocks
# Assumption: the chief already has a hat, a spell cast before GENESIS, backed by this much MKR.
# A test voter must lock more than this to lift its own spell, as on mainnet.
PREVIOUS_SPELL = label_address("previous-spell")
HAT_VOTER = label_address("hat-voter")
HAT_SUPPORT = 100_000 * WAD
# Assumption: the SKY chief's launch weight stays locked on address(0) as on mainnet, and its hat
# (the same earlier spell) holds the launch weight: a new spell needs more than that to be lifted.
SKY_HAT_VOTER = label_address("sky-hat-voter")
SKY_HAT_SUPPORT = 0


def anvil_args(timestamp: int | None = None, hardfork: str = HARDFORK) -> list[str]:
    """anvil options shared by the build and every start, so both run the same chain (a start
    passes the hardfork of its date)."""
    args = ["--chain-id", str(CHAIN_ID), "--hardfork", hardfork, "--gas-limit", str(GAS_LIMIT)]  # not --silent: readiness reads the "Listening on" line
    return args + (["--timestamp", str(timestamp)] if timestamp is not None else [])


def genesis_pause_delay() -> int:
    return pause_delay_at(GENESIS_DATE)  # 48 hours


# --- Balances -----------------------------------------------------------------------------------

# Assumption: the PauseProxy's MKR treasury, a plausible 2021-2022 size (about what the Maker
# Foundation is reported to have handed to governance in 2021; not checked against the chain).
MKR_TREASURY = 84_000 * WAD
# Assumption: the PauseProxy's SKY treasury. Not a mainnet figure: about the MKR treasury above
# at the public MKR -> SKY conversion rate of 24,000 SKY per MKR (84,000 * 24,000 ~ 2 billion).
SKY_TREASURY = 2_000_000_000 * WAD
# Assumption: the PauseProxy's SPK treasury. Not a mainnet figure: enough for the 3,250,000,000 SPK the
# 2025-06-26 spell approved to MCD_VEST_SPK_TREASURY and for new streams (SPK's supply is 10 billion).
SPK_TREASURY = 5_000_000_000 * WAD
# Assumption: the PauseProxy's own ETH at every start (what a `proxy_transfer` of `ether` moves on the
# twin). Not a mainnet figure; mainnet's PauseProxy has held small amounts of ETH sent to it.
PROXY_ETH = 1_000 * WAD
# The other tokens the PauseProxy holds (spellgen/spellfile/data/held_tokens.tsv): each family's clean-room
# contract (contracts/twin), placed at the token's mainnet address at spells dated after its deployed_by.
# A held UniswapV2ERC20 token is a pair's liquidity: the pair is placed whole (UNIV2_PAIRS, its figures there).
HELD_TOKEN_CONTRACTS: dict[str, str] = {"WETH9": "HeldWeth9", "UniswapV2ERC20": "UniswapV2Pair", "Comp": "HeldComp",
                                        "OpenZeppelinERC20": "HeldOzErc20", "FiatToken": "HeldFiatToken",
                                        "AaveTokenV3": "HeldAaveToken", "StakedAaveV3": "HeldStakedAave"}
# Assumption: the PauseProxy's holding of each, in whole tokens (no public source offline; mainnet's
# 2025-08-21 spell sent all of them). Each token's supply is that holding (COMP's is a constant).
HELD_TOKEN_HOLDINGS: dict[str, int] = {"ETH": 250, "UNIV2USDSSKY": UNIV2_PROXY_LP["UNIV2USDSSKY"] // WAD,
                                       "COMP": 12_000, "ENS": 30_000, "USDC": 1_500_000, "AAVE": 4_000,
                                       "STAAVE": 2_500}
TREASURIES: dict[str, int] = {"MCD_GOV": MKR_TREASURY, "SKY": SKY_TREASURY,
                              "SPK": SPK_TREASURY}  # token key -> PauseProxy balance
# Assumption: the surplus buffer, vat.dai(MCD_VOW), in RAD. Booked as dai of the Vow backed by
# debt (vat.debt), as stability fees are on mainnet. vat.sin(vow) holds only what the seeded DAI
# awards already paid out, so a test reads the effect of a payment as a plain difference.
SURPLUS = 80_000_000 * RAD
# Stored-only parameters with plausible 2021 values (no auctions run on the twin).
VAT_LINE = 17_500_000_000 * RAD
VOW_PARAMS: dict[str, int] = {
    "hump": 60_000_000 * RAD,  # surplus buffer target
    "bump": 30_000 * RAD,
    "sump": 50_000 * RAD,
    "dump": 250 * WAD,
    "wait": 156 * 3600,
}


# --- Allocator ilks (issue 24) ---------------------------------------------------------------------
# Mainnet's Jug charges no base fee on top of each ilk's duty.
JUG_BASE = 0
# Assumption: each allocator ilk's accumulated rate, per-second duty (about 4 % a year) and normalised
# debt, all in one urn, its vault's (ink not modelled). No offline source gives mainnet's figures at a
# date; the duty is not 0 so that drip's own effects (rate, the Vow's dai, the debt) show in a cast.
ALLOCATOR_RATE = 10 ** 27
ALLOCATOR_DUTY = 1_000_000_001_243_680_656_318_820_312
ALLOCATOR_ART = 100_000_000 * WAD


# --- Vests --------------------------------------------------------------------------------------

# How many awards each vest holds before any spell runs, so new ids do not start at 1.
DEFAULT_AWARD_COUNTS: dict[str, int] = {
    "MCD_VEST_DAI": 40,
    "MCD_VEST_DAI_LEGACY": 30,
    "MCD_VEST_MKR": 10,
    "MCD_VEST_MKR_TREASURY": 30,
    "MCD_VEST_USDS": 5,
    "MCD_VEST_SKY_TREASURY": 5,
    "MCD_VEST_SKY": 2,  # mainnet's ids 1 and 2 were the USDS->SKY farm's streams (2024-09, 2025-04)
    "MCD_VEST_SPK_TREASURY": 2,  # mainnet's ids 1 and 2 were the SPK farms' streams (2025-06-26)
}


def normalized_counts(award_counts: dict[str, int] | None) -> dict[str, int]:
    """DEFAULT_AWARD_COUNTS with the given overrides, checked."""
    counts = dict(DEFAULT_AWARD_COUNTS)
    for key, value in (award_counts or {}).items():
        if key not in counts:
            raise ValueError(f"unknown vest {key!r}; the twin has {', '.join(counts)}")
        if not isinstance(value, int) or value < 0:
            raise ValueError(f"award count of {key} must be a whole number >= 0, got {value!r}")
        counts[key] = value
    return counts


def vest_cap(vest_key: str, iso: str) -> int:
    """The cap (wei per second) a twin vest has on a date: mainnet's (spellgen.spellfile.history), or 0
    before governance set one, as a freshly deployed DssVest has."""
    cap = vest_cap_at(vest_key, iso)
    return cap.per_second_wei if cap else 0


def build_cap(vest_key: str) -> int:
    """The cap a vest has while the build seeds its awards: the newest mainnet cap, so every seed
    fits; each start then sets the cap of its own date (vest_cap)."""
    return vest_cap(vest_key, "9999-12-31")


@dataclass(frozen=True)
class SeedAward:
    """One award created during the build: the arguments of `create` (clf and fin derived)."""

    usr: str
    tot: int
    bgn: int
    tau: int
    eta: int
    mgr: str

    @property
    def clf(self) -> int:
        return self.bgn + self.eta

    @property
    def fin(self) -> int:
        return self.bgn + self.tau


ZERO = "0x" + "00" * 20
_SEED_SPAN = 2 * 365 * DAY  # seeded awards start over two years from their vest's first seed day
# Assumption: the day the first seeded award of a vest starts. DAI and MKR vests: half a year
# before GENESIS (so a 2022 spell finds most of them running). The USDS and SKY vests are 2024-era
# contracts: their seeds start on 2024-10-01, so none is due (or claimed) when the build runs and
# a 2025 spell finds them running.
# SPK's seeds start on 2025-07-01 (1_751_328_000), after SPK appeared.
_SEED_FIRST_DAY = {"DAI": GENESIS - 180 * DAY, "MKR": GENESIS - 180 * DAY,
                   "USDS": 1_727_740_800, "SKY": 1_727_740_800,  # 1_727_740_800 = 2024-10-01 00:00 UTC
                   "SPK": 1_751_328_000}
# Assumption: the size step of a seeded award's total, below each vest's first cap at five steps
# (USDS: 5 * 24,000 a year against a cap of 46,200 a month; SKY: 5,000,000 a year against
# MCD_VEST_SKY_TREASURY's 475,200 a month; SPK: 50,000,000 a year against 2,502,500,000 per 730 days).
_UNIT = {"DAI": 120_000 * WAD, "MKR": 60 * WAD, "USDS": 24_000 * WAD, "SKY": 1_000_000 * WAD,
         "SPK": 10_000_000 * WAD}


def seed_awards(vest_key: str, count: int) -> list[SeedAward]:
    """The awards of `vest_key` that exist before any spell, ids 1..count (assumption).

    Deterministic and realistic enough for spells that yank old ids: one-year streams to
    distinct recipients, starting at 00:00 UTC on days spread evenly over two years from the
    vest's first seed day (half a year before GENESIS for DAI and MKR, so a 2022 spell finds
    most of them running; 2024-10-01 for USDS and SKY), every fourth with a 90-day cliff, every
    fifth with a manager, all restricted; totals cycle through 1..5 units of the vest's token
    (_UNIT) a year, far below the caps.
    """
    token = PROTOCOL_VESTS[vest_key].token
    step = _SEED_SPAN // max(count - 1, 1)
    awards = []
    for i in range(1, count + 1):
        awards.append(SeedAward(
            usr=label_address(f"{vest_key}/award-{i}"),
            tot=(i % 5 + 1) * _UNIT[token],
            bgn=_SEED_FIRST_DAY[token] + (i - 1) * step // DAY * DAY,
            tau=365 * DAY,
            eta=90 * DAY if i % 4 == 0 else 0,
            mgr=label_address(f"{vest_key}/manager") if i % 5 == 0 else ZERO,
        ))
    return awards


def treasury_allowance(award_counts: dict[str, int], vest_key: str = "MCD_VEST_MKR_TREASURY") -> int:
    """The PauseProxy's allowance (of the vest's token) to a transferrable vest: the sum of its
    seeded totals, as the house pattern (`approve(vest, allowance + new tot)`) would have left it."""
    return sum(a.tot for a in seed_awards(vest_key, award_counts[vest_key]))


# --- Awards at a date ---------------------------------------------------------------------------

def seeded_total(vest_key: str) -> int:
    """The total of an assumed award on `vest_key`: one unit of its token (_UNIT)."""
    return _UNIT[PROTOCOL_VESTS[vest_key].token]


@dataclass(frozen=True)
class AwardPlan:
    """How a vest's awards at a date differ from the build's seeds (ids 1..built)."""

    count: int  # mainnet's ids() at the date
    recipients: dict[int, str]  # seeded ids whose recipient the spells archive shows: id -> usr
    added: dict[int, SeedAward]  # ids beyond the seeds, up to count: the archive's awards, else assumed
    paid: dict[int, int] = field(default_factory=dict)  # id -> rxd of an added award yanked before the date


def award_plan(vest_key: str, day: str, built: int) -> AwardPlan:
    """The vest as mainnet had it at `day`: as many awards as it had then (spellgen.spellfile.history).

    Seeds beyond that count are erased by the caller, and ids whose recipient the spells archive
    shows get that recipient (the rest of a seeded award, its dates and total, stays an assumption).
    Ids beyond the seeds are the awards of the date (known_award): the archive's recipient and total,
    running from the day of the spell that created it; ids the archive does not show get assumed
    awards like the seeds.
    """
    count = vest_ids_at(day).get(vest_key, 0)
    known = {a.award_id: a for a in known_awards() if a.vest == vest_key}
    recipients = {i: to_checksum(known[i].recipient) for i in range(1, min(count, built) + 1) if i in known}
    extra = seed_awards(vest_key, count) if count > built else []
    added = {award_id: known_award(known[award_id], extra[award_id - 1]) if award_id in known
             else extra[award_id - 1] for award_id in range(built + 1, count + 1)}
    paid = {}
    for award_id, award in added.items():
        yanked = known_yanks().get((vest_key, award_id))
        if yanked and yanked < day:
            added[award_id], paid[award_id] = yanked_award(award, day_start(parse_date(yanked)))
    return AwardPlan(count, recipients, added, paid)


def yanked_award(award: SeedAward, at: int) -> tuple[SeedAward, int]:
    """The award after `yank(id)` at `at`, as DssVest leaves it (ended at `at`, its total what had
    accrued then, none of it before the cliff), and what it had paid: assumed all of it, since the
    spells distributed a stream's accrued amount before yanking it. It owes nothing afterwards."""
    if at >= award.fin:
        return award, 0
    if at < award.clf:
        start = min(award.bgn, at)
        return SeedAward(award.usr, 0, start, at - start, at - start, award.mgr), 0
    tot = award.tot * (at - award.bgn) // award.tau
    return SeedAward(award.usr, tot, award.bgn, at - award.bgn, award.eta, award.mgr), tot


# Assumption: how long an award the archive shows runs, when the twin writes it (the archive's tables
# hold its id, recipient, total and the spell that created it, not its dates).
KNOWN_AWARD_TAU = 365 * DAY


def known_award(fact: "history.KnownAward", seed: SeedAward) -> SeedAward:
    """An award as the archive shows it: its recipient and total (the seed's when the spell computed it);
    assumed: it starts at 00:00 UTC of the day the spell that created it is dated, runs KNOWN_AWARD_TAU,
    has no cliff and no manager. So an award a later spell yanks (MCD_VEST_SKY_TREASURY's 8, created
    2025-10-30, yanked 2026-02-26) is running at that spell's date, as it was on mainnet."""
    return SeedAward(to_checksum(fact.recipient), fact.total_wei or seed.tot, day_start(parse_date(fact.created)),
                     KNOWN_AWARD_TAU, 0, ZERO)


# --- What a report must say is assumed ------------------------------------------------------------

@dataclass(frozen=True)
class TwinFigure:
    """A figure the twin starts with, and where it comes from: a public source (the chain, the spells
    archive, the public wallet registry), or "" when the twin assumes it (no mainnet fact)."""

    name: str
    value: str
    source: str = ""

    @property
    def assumed(self) -> bool:
        return not self.source


def _tokens(wei: int, token: str) -> str:
    whole, rest = divmod(wei, WAD)
    return f"{whole:,}{'.' + str(rest).rjust(18, '0').rstrip('0') if rest else ''} {token}"


def twin_figures() -> list[TwinFigure]:
    """Every figure of the twin's start a result may depend on, each marked public or assumed."""
    token_of = {"MCD_GOV": "MKR", "SKY": "SKY", "SPK": "SPK"}
    figures = [
        TwinFigure("ChainLog addresses, vest caps, pause delay, award counts of the date",
                   "mainnet's at the spell's date", "spellgen/spellfile/history.py (mainnet and the spells archive)"),
        TwinFigure("recipients and totals of existing awards the spells archive names", "as archived",
                   "the spells archive (spellgen/spellfile/history.py)"),
        TwinFigure("the terms of existing awards the spells archive names", "from 00:00 UTC of the day of the "
                   "spell that created them, 365 days, no cliff, no manager; ended where a later spell yanked them, "
                   "with what had accrued assumed paid"),
    ]
    figures += [TwinFigure(f"the PauseProxy's {token_of[key]} treasury", _tokens(wei, token_of[key]))
                for key, wei in TREASURIES.items()]
    figures.append(TwinFigure("the surplus buffer, vat.dai(MCD_VOW)", f"{SURPLUS // RAD:,} DAI"))
    # What a `proxy_transfer` of `balance` moves on the twin (issue 24): mainnet's holdings have no public
    # source offline.
    figures.append(TwinFigure("the PauseProxy's ETH", _tokens(PROXY_ETH, "ETH")))
    figures.append(TwinFigure("the PauseProxy's DAI and USDS holdings", "none (a transfer of its whole DAI or "
                              "USDS balance moves 0 on the twin)"))
    figures.append(TwinFigure("the PauseProxy's holdings of the held tokens (spellgen/spellfile/data/held_tokens.tsv)",
                              ", ".join(f"{whole:,} {key}" for key, whole in HELD_TOKEN_HOLDINGS.items()
                                        if key not in UNIV2_PAIRS)  # a pair's figures are its own
                              + " (each token's whole supply; COMP's is its constant 10,000,000), from the token's "
                              "deployed_by; nobody delegates their votes, and USDC has no proxy in front"))
    figures.append(TwinFigure("the PauseProxy's holdings of other chainlog tokens (AAVE, LINK, ...)",
                              "none: the twin has no contract at their addresses"))
    # twin.start.fund_treasury_vests sets it at each start to what the (assumed) awards still owe.
    figures += [TwinFigure(f"the PauseProxy's {token_of[token]} allowance to {vest} before the cast",
                           "exactly what its existing awards still owe at the spell's date (no slack; "
                           "mainnet's allowance may be larger)")
                for vest, token in TREASURY_VESTS.items()]
    figures.append(TwinFigure("the contents of existing awards (dates, totals, cliffs, managers; recipients the "
                              "archive does not name)", "one-year streams of 1 to 5 units of the vest's token, "
                              "every fourth with a 90-day cliff, all restricted"))
    figures.append(TwinFigure("the Treasury-funded farms' distributions and farms (REWARDS_DIST_*, REWARDS_*)",
                              "clean-room VestedRewardsDistribution and StakingRewards at the mainnet addresses, "
                              "the distribution holding the last award the archive shows created for it; revert "
                              "strings, event signatures, the farm's storage order and its 7-day period, and "
                              "nothing staked; the lsSKY farm deployed (uninitialised) from 2025-10-30"))
    figures.append(TwinFigure("the Lockstake engine and the rewards distribution job (LOCKSTAKE_ENGINE, "
                              "CRON_REWARDS_DIST_JOB), placed with the farms",
                              "clean-room: only the engine's farm list and lsSKY, the job's intervals (storage "
                              "order wards, intervals assumed); an initialised lsSKY farm listed in both (interval "
                              "7 days - 1 hour)"))
    figures.append(TwinFigure("the MKR behind the chief's hat", f"{HAT_SUPPORT // WAD:,} MKR"))
    for key, (r0, r1) in UNIV2_RESERVES.items():
        figures.append(TwinFigure(f"the {key} pool (SKY, USDS reserves; liquidity; the PauseProxy's liquidity)",
                                  f"{r0 // WAD:,} SKY, {r1 // WAD:,} USDS; {UNIV2_SUPPLY[key] // WAD:,} UNI-V2; "
                                  f"{UNIV2_PROXY_LP[key] // WAD:,} UNI-V2, synced at 00:00 UTC of the date less "
                                  "two minutes; no protocol fee; its USDS exited through USDS_JOIN from Vat dai "
                                  "the PauseProxy sucked (the Vow's sin that much higher)"))
    figures.append(TwinFigure("each allocator ilk's rate, duty and debt (all in its vault's urn), and its last drip",
                              f"rate {ALLOCATOR_RATE / 10 ** 27:g} ray, duty {ALLOCATOR_DUTY} (about 4 % a year), "
                              f"Art {ALLOCATOR_ART // WAD:,} (wad); last dripped at 00:00 UTC of the spell's date"))
    return figures


def twin_assumptions() -> list[str]:
    """The twin's figures without a public source, one sentence each, for the reports' Assumptions box."""
    return [f"{f.name}: {f.value}" for f in twin_figures() if f.assumed]


def same_address_note(spell_address: str) -> str:
    """Why every spell cast on a fresh twin shows the same address and cast transaction hash."""
    return (f"{spell_address} and the cast transaction hash are the twin's, not mainnet's: each run "
            f"starts a fresh twin and deploys the spell from the same development account at the same nonce, so "
            f"every spell cast on the twin gets this address, and its `cast()` (same sender, nonce, target and "
            f"calldata) the same hash; the source and runtime bytecode hashes tell spells apart")
