"""Start a twin: load the cached state into a fresh anvil, move it to the requested date.

Only the standard library, spellgen's pure modules and the JSON-RPC client are imported here,
so a start from the cache costs anvil's start plus a few RPC calls (the build, which needs
solc, runs only when the cache is missing).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spellgen.spellfile import history
from spellgen.spellfile.address import keccak256
from spellgen.spellfile.history import CHANGELOG, MAINNET, pause_delay_at
from spellgen.spellfile.timeutil import DateError, iso, iso_date, parse_instant
from spellgen.twin import state as S
from spellgen.twin.cache import state_path
from spellgen.chain.node import AnvilNode
from spellgen.progress import Progress
from spellgen.chain.rpc import Rpc
from spellgen.chain.slots import mapping_slot
from spellgen.errors import InvalidInput

PAUSE_DELAY_SLOT = 4  # DSPause (as mainnet's): authority=0, owner=1, plans=2, proxy=3, delay=4
VEST_CAP_SLOT = 2  # DssVest* (as mainnet's): wards=0, awards=1, cap=2, ids=3, locked=4
VEST_IDS_SLOT = 3
PAUSE_AUTHORITY_SLOT = 0
VAT_WARDS_SLOT = 0  # Vat (as mainnet's): wards=0
MKR_AUTHORITY_WARDS_SLOT = 1  # MkrAuthority (GOV_GUARD, as mainnet's): root=0, wards=1
CHAINLOG_VERSION_SLOT = 3  # ChainLog (as mainnet's): wards=0, location=1, keys=2, version=3
# Chainlog edits for the date are sent just before the date, so the twin's head block is at it.
CHAINLOG_EDIT_LEAD = 120  # seconds; more than the edits' blocks (one per second)


class TwinDateError(InvalidInput, ValueError):
    """The requested date is not a date, or is before the twin's genesis."""


@dataclass
class Twin:
    """A running twin. Use as a context manager, or call stop()."""

    url: str
    timestamp: int  # block time the twin starts at
    pause_delay: int  # seconds
    state_path: Path
    node: AnvilNode = field(repr=False)
    startup_seconds: float = 0.0  # from the call to a ready node at the date (build excluded)
    notes: list[str] = field(default_factory=list)
    hardfork: str = S.HARDFORK  # the EVM rules it runs: mainnet's at its date

    @property
    def rpc(self) -> Rpc:
        return self.node.rpc

    @property
    def port(self) -> int:
        return self.node.port

    @property
    def pid(self) -> int:
        return self.node.pid

    chainlog: dict[str, str] = field(default_factory=dict)  # what its ChainLog answers at the date

    @property
    def addresses(self) -> dict[str, str]:
        """ChainLog key -> address of everything the twin's ChainLog answers at its date."""
        return dict(self.chainlog) or {key: MAINNET[key] for key in S.chainlog_keys()}

    def stop(self) -> None:
        self.node.stop()

    def __enter__(self) -> Twin:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def parse_start(date: str) -> int:
    """`YYYY-MM-DD` (00:00:00 UTC) or `YYYY-MM-DDTHH:MM:SSZ` -> unix time, not before GENESIS."""
    try:
        ts, _ = parse_instant(date, "start")
    except DateError as exc:
        raise TwinDateError(str(exc)) from None
    if ts < S.GENESIS:
        raise TwinDateError(f"{date!r} is before the twin's genesis ({iso(S.GENESIS)}); "
                            f"the twin starts on {S.GENESIS_DATE} or later")
    return ts


@dataclass(frozen=True)
class StatedAward:
    """An award a spell's YAML describes before acting on it (a yank's `recipient` and `current_end`):
    the twin makes sure the award is there, as an assumption taken from the YAML."""

    vest: str
    award_id: int
    usr: str | None = None
    fin: int | None = None
    bgn: int | None = None  # a repair's `current_start`: its cliff is taken to be the start (no cliff)
    tot: int | None = None  # a repair's `current_total`, in wei


def start_twin(date: str, port: int | None = None, pause_delay: int | None = None,
               award_counts: dict[str, int] | None = None, progress: Progress | None = None,
               extra_keys: dict[str, str] | None = None, stated_awards: tuple[StatedAward, ...] = (),
               every_contract: bool = False, proxy_holdings: dict[str, int] | None = None) -> Twin:
    """A twin at `date` (00:00:00 UTC for a bare date) on `port` (default: a free one).

    `pause_delay` (seconds) defaults to mainnet's at the date (history.pause_delay_at). The
    state is built first if it is not cached (several seconds, reported through `progress`).
    The twin's ChainLog answers every key mainnet's had at the date (chainlog_plan). `extra_keys`
    (chainlog key -> address) adds keys the date lacks, as governance would: the seam for a spell that
    registers keys itself (an onboarding); a key the date has under another address is refused. A
    spell's YAML never supplies an address here: `check` compares its keys with the date's chainlog.
    A contract the date does not have yet (USDS in 2022, a vest before its deployment: absent_contracts)
    holds no code; `every_contract` keeps every one the twin models (its contracts' own tests).
    `proxy_holdings` (MCD_DAI or USDS -> wei) gives the PauseProxy DAI or USDS the twin does not model
    (give_proxy): what a spell's returns to the surplus buffer take from it, an assumption.
    """
    ts = parse_start(date)
    day = iso_date(ts)
    delay = pause_delay_at(day) if pause_delay is None else pause_delay
    if delay < 0:
        raise InvalidInput(f"the pause delay must be >= 0 seconds, got {delay}")
    state = cached_state(award_counts, progress)
    absent = {} if every_contract else absent_contracts(day)
    started = time.perf_counter()
    hardfork = S.hardfork_at(day)
    node = AnvilNode([*S.anvil_args(hardfork=hardfork), "--load-state", str(state)], port=port)
    try:
        register_keys(node.rpc, extra_keys or {}, day)
        # Award counts given by a test are kept as built; otherwise the vests are as on mainnet then.
        move_to(node.rpc, ts, delay, day, S.normalized_counts(None) if award_counts is None else None,
                stated_awards)
        give_proxy(node.rpc, proxy_holdings or {})
        node.rpc.set_balance(MAINNET["MCD_PAUSE_PROXY"], S.PROXY_ETH)  # an assumption (state.py)
        remove_code(node.rpc, absent)
    except BaseException:
        node.stop()
        raise
    twin = Twin(node.url, ts, delay, state, node, time.perf_counter() - started, hardfork=hardfork)
    twin.chainlog, twin.notes = chainlog_plan(day)
    if absent:
        twin.notes.append(f"not deployed at this date, so without code: {', '.join(sorted(absent))}")
    waiting = sorted([*(key for key in history.unregistered_vests(day) if key in S.VESTS),
                      *history.unregistered_tokens(day)])
    if waiting and not every_contract:
        twin.notes.append(f"deployed but not registered yet (a spell of this date may onboard them): {', '.join(waiting)}")
    return twin


def cached_state(award_counts: dict[str, int] | None = None, progress: Progress | None = None,
                 port: int | None = None) -> Path:
    """The state dump for these award counts; built (slow, needs solc) only when missing."""
    counts = S.normalized_counts(award_counts)
    path = state_path(counts)
    if path.is_file():
        return path
    from spellgen.twin.build import build_state  # late: the build imports solc machinery

    if progress:
        progress.note(f"building the twin state (first run; cached in {path.parent} afterwards)")
    return build_state(counts, progress=progress, port=port)


class TwinKeyError(InvalidInput, ValueError):
    """An extra chainlog key would replace a key the twin's ChainLog has at its date."""


def register_keys(rpc: Rpc, keys: dict[str, str], day: str) -> None:
    """`ChainLog.setAddress(key, address)` from the PauseProxy (a ward of the ChainLog) for each key
    the date's chainlog lacks; a key it has with another address is refused."""
    plan, _ = chainlog_plan(day)
    todo = {}
    for key, address in keys.items():
        if key in plan:
            if plan[key].lower() != address.lower():
                raise TwinKeyError(f"the twin's ChainLog holds {plan[key]} under {key} at {day}, not {address}")
            continue
        todo[key] = address
    if not todo:
        return
    proxy = MAINNET["MCD_PAUSE_PROXY"]
    selector = keccak256(b"setAddress(bytes32,address)")[:4].hex()
    rpc.impersonate(proxy)
    try:
        for key, address in todo.items():
            data = "0x" + selector + key.encode().ljust(32, b"\0").hex() + address[2:].lower().rjust(64, "0")
            rpc.send({"from": proxy, "to": MAINNET["CHANGELOG"], "data": data})
    finally:
        rpc.stop_impersonating(proxy)
        rpc.set_balance(proxy, 0)


# The twin's tokens the PauseProxy can be given by joining them out of the Vat: token key -> its join.
HOLDING_JOINS = {"MCD_DAI": "MCD_JOIN_DAI", "USDS": "USDS_JOIN"}


def give_proxy(rpc: Rpc, holdings: dict[str, int]) -> None:
    """The PauseProxy holds `wei` of each token (MCD_DAI, USDS) more, minted as mainnet mints them: the
    PauseProxy (a ward of the Vat) sucks the dai, booked as the Vow's debt like any surplus payment, and
    exits it through the token's join. An assumption: where mainnet's PauseProxy got it from (a
    borrower's repayment, a pool's withdrawal) is not modelled, and the Vow's sin before the cast is
    higher by that much (a cast's effects are deltas, which this does not touch)."""
    proxy = MAINNET["MCD_PAUSE_PROXY"]
    todo = {key: wei for key, wei in holdings.items() if wei > 0}
    unknown = sorted(set(todo) - set(HOLDING_JOINS))
    if unknown:
        raise InvalidInput(f"the twin cannot give the PauseProxy {', '.join(unknown)}: it gives DAI and USDS only")
    if not todo:
        return
    rpc.impersonate(proxy)
    try:
        for key, wei in todo.items():
            rad = wei * 10**27
            _send(rpc, proxy, MAINNET["MCD_VAT"], "suck(address,address,uint256)",
                  _address_word(MAINNET["MCD_VOW"]) + _address_word(proxy) + f"{rad:064x}")
            _send(rpc, proxy, MAINNET[HOLDING_JOINS[key]], "exit(address,uint256)",
                  _address_word(proxy) + f"{wei:064x}")
    finally:
        rpc.stop_impersonating(proxy)


def move_to(rpc: Rpc, ts: int, delay: int, day: str, awards_from: dict[str, int] | None = None,
            stated: tuple[StatedAward, ...] = ()) -> None:
    """Set the date's parameters (storage), the date's ChainLog (transactions), then the clock."""
    rpc.set_storage(MAINNET["MCD_PAUSE"], PAUSE_DELAY_SLOT, delay)
    for key in S.VESTS:  # e.g. MCD_VEST_MKR_TREASURY's cap doubled in July 2023
        rpc.set_storage(MAINNET[key], VEST_CAP_SLOT, S.vest_cap(key, day))
    for key in history.ALLOCATOR_VAULTS:  # assumed: each allocator ilk last dripped at the date's start
        ilk = int.from_bytes(history.allocator_ilk(key).encode().ljust(32, b"\0"), "big")
        rpc.set_storage(MAINNET["MCD_JUG"], mapping_slot(ilk, JUG_ILKS_SLOT) + 1, ts)
    # evm_setTime rather than evm_setNextBlockTimestamp: after --load-state anvil compares a
    # requested timestamp with the wall clock, not with the loaded chain's last block.
    rpc.set_time(ts - CHAINLOG_EDIT_LEAD)
    if awards_from is not None:
        set_awards(rpc, day, awards_from)
    for award in stated:
        write_stated_award(rpc, award, ts, day)
    if awards_from is not None or stated:
        fund_treasury_vests(rpc)
    edit_chainlog(rpc, day)
    set_onboarding_state(rpc, day)
    place_farms(rpc, day)
    place_held_tokens(rpc, day)
    place_pairs(rpc, day)
    # The pause obeys whichever chief is MCD_ADM at the date (the SKY chief after 2025-05-15).
    chief = chainlog_plan(day)[0].get("MCD_ADM", MAINNET["MCD_ADM"])
    rpc.set_storage(MAINNET["MCD_PAUSE"], PAUSE_AUTHORITY_SLOT, int(chief, 16))
    rpc.set_time(ts)


JUG_ILKS_SLOT = 1  # Jug: mapping(bytes32 => Ilk {duty, rho}) ilks (mainnet's)
VEST_AWARDS_SLOT = 1  # DssVest: mapping(uint256 => Award) awards, three slots per award (mainnet's)
LOW_160 = 2**160 - 1


def award_word(award: "S.SeedAward", rxd: int = 0) -> tuple[int, int, int]:
    """The three storage words of a DssVest Award, packed as mainnet's struct."""
    return (int(award.usr, 16) | award.bgn << 160 | award.clf << 208,
            award.fin | int(award.mgr, 16) << 48 | 1 << 208,  # res = 1: restricted
            award.tot | rxd << 128)


def set_awards(rpc: Rpc, day: str, built: dict[str, int]) -> None:
    """Each vest's ids() and awards as mainnet had them at `day` (twin.state.award_plan), written in one
    JSON-RPC batch (hundreds of words: one request each would cost a warm simulate a tenth of a second)."""
    writes: list[tuple[str, int, int]] = []
    for vest, seeded in built.items():
        plan = S.award_plan(vest, day, seeded)
        address = MAINNET[vest]
        for award_id, usr in plan.recipients.items():
            base = mapping_slot(award_id, VEST_AWARDS_SLOT)
            word0 = rpc.storage(address, base)  # read before any write: the batch comes after
            writes.append((address, base, (word0 & ~LOW_160) | int(usr, 16)))
        for award_id, award in plan.added.items():
            base = mapping_slot(award_id, VEST_AWARDS_SLOT)
            for offset, word in enumerate(award_word(award, plan.paid.get(award_id, 0))):
                writes.append((address, base + offset, word))
        for award_id in range(plan.count + 1, seeded + 1):  # not created yet at the date
            base = mapping_slot(award_id, VEST_AWARDS_SLOT)
            writes += [(address, base + offset, 0) for offset in range(3)]
        writes.append((address, VEST_IDS_SLOT, plan.count))
    if writes:
        rpc.set_storages(writes)


def write_stated_award(rpc: Rpc, award: StatedAward, ts: int, day: str | None = None) -> None:
    """Make award `award_id` of the vest have the stated recipient and end (the rest assumed: a
    one-year stream ending at the stated end, or the existing award's fields). The vest is the one its
    key names at `day` (MCD_VEST_DAI was the first DAI vest until 2022-04-29)."""
    address = chainlog_plan(day)[0].get(award.vest, MAINNET[award.vest]) if day else MAINNET[award.vest]
    base = mapping_slot(award.award_id, VEST_AWARDS_SLOT)
    words = [rpc.storage(address, base + i) for i in range(3)]
    if not words[0] & LOW_160:  # no such award on the twin: an assumed one-year stream
        fin = award.fin or ts + 180 * 86_400
        seed = S.SeedAward(award.usr or S.label_address(f"{award.vest}/stated-{award.award_id}"),
                           S.seeded_total(award.vest), max(fin - 365 * 86_400, 0), min(365 * 86_400, fin), 0, S.ZERO)
        words = list(award_word(seed))
    if award.usr:
        words[0] = (words[0] & ~LOW_160) | int(award.usr, 16)
    if award.fin:
        words[1] = (words[1] & ~(2**48 - 1)) | award.fin
    if award.bgn is not None:  # bgn and clf: bits 160-207 and 208-255 of the first word
        words[0] = (words[0] & LOW_160) | award.bgn << 160 | award.bgn << 208
    if award.tot is not None:  # tot: the low 128 bits of the third word
        words[2] = (words[2] & ~(2**128 - 1)) | award.tot
    for offset, word in enumerate(words):
        rpc.set_storage(address, base + offset, word)
    if rpc.storage(address, VEST_IDS_SLOT) < award.award_id:
        rpc.set_storage(address, VEST_IDS_SLOT, award.award_id)


EARLIER_SPELL_DONE_SLOT = 0  # contracts/twin/EarlierSpell.sol: `bool public done` is its only variable


def place_earlier_spells(rpc: Rpc, spells: dict[str, bool]) -> None:
    """An earlier spell at each address (a fact: the YAML's condition names it) answering `done()`
    as this branch of verify sets it (address -> whether it was cast): the twin's setup, which casts
    a spell with a condition once per branch, never the YAML's claim about mainnet."""
    from spellgen.twin.artifacts import twin_artifacts  # late: only spells with conditions need it

    runtime = "0x" + twin_artifacts()["EarlierSpell"].runtime
    for address, done in spells.items():
        rpc.set_code(address, runtime)
        rpc.set_storage(address, EARLIER_SPELL_DONE_SLOT, int(done))
def farm_award(dist: str, day: str) -> int:
    """The award a Treasury-funded farm's distribution holds before the spells of `day`: the last one the
    archive shows created for it by an earlier spell (0: none yet)."""
    farm_vest, address = S.FARMS[dist][1], S.FARM_DISTRIBUTIONS[dist].lower()
    return max((a.award_id for a in history.known_awards()
                if a.vest == farm_vest and a.recipient.lower() == address and a.created < day), default=0)


def place_farms(rpc: Rpc, day: str) -> None:
    """Each Treasury-funded farm whose distribution the date's ChainLog names at the address the twin
    models: its farm and distribution constructed there (twin.place), the distribution's vestId filed
    to its award (when the twin's vest holds it for the distribution), the PauseProxy its only ward; a
    lockstake farm listed by the Lockstake engine and its distribution by the keeper job. A farm deployed
    but not yet initialised at the date (S.FARMS_DEPLOYED, before the ChainLog names it) is placed as its
    init finds it: no vestId, no rewards distribution, nothing listed. The engine and the job are placed
    with the farms, at the addresses the date's ChainLog names."""
    plan = chainlog_plan(day)[0]
    todo = [key for key, address in S.FARM_DISTRIBUTIONS.items() if plan.get(key, "").lower() == address.lower()]
    pending = [key for key, deployed in S.FARMS_DEPLOYED.items() if key not in plan and day >= deployed]
    if not todo and not pending:
        return
    # Late: only a twin of a farm's date needs the contracts' creation code.
    from spellgen.chain.client import calldata
    from spellgen.twin.artifacts import twin_artifacts
    from spellgen.twin.place import construct_at

    artifacts, deployer, proxy = twin_artifacts(), S.DEPLOYER, MAINNET["MCD_PAUSE_PROXY"]

    def send(to: str, signature: str, *args: Any) -> None:
        rpc.send({"from": deployer, "to": to, "data": "0x" + calldata(signature, *args).hex()})

    rpc.impersonate(deployer)
    try:
        registries = {key: plan[key] for key in S.FARM_REGISTRIES if key in plan}
        for key, address in registries.items():
            args = (plan.get("LOCKSTAKE_SKY", S.ZERO),) if key == "LOCKSTAKE_ENGINE" else ()
            construct_at(rpc, address, artifacts[S.FARM_REGISTRIES[key]], args, deployer)
        for dist in todo + pending:
            initialised = dist in todo
            farm_key, vest, staking = S.FARMS[dist]
            farm, address = S.FARM_CONTRACTS[farm_key], S.FARM_DISTRIBUTIONS[dist]
            construct_at(rpc, farm, artifacts["StakingRewards"],
                         (proxy, address if initialised else S.ZERO, MAINNET["SKY"], plan.get(staking, S.ZERO)),
                         deployer)
            construct_at(rpc, address, artifacts["VestedRewardsDistribution"], (MAINNET[vest], farm), deployer)
            award = farm_award(dist, day) if initialised else 0
            usr = rpc.eth_call({"to": MAINNET[vest], "data": "0x" + calldata("usr(uint256)", award).hex()})
            if award and int(usr, 16) == int(address, 16):
                send(address, "file(bytes32,uint256)", b"vestId".ljust(32, b"\0"), award)
            if initialised and staking == "LOCKSTAKE_SKY":  # as the init left them
                if "LOCKSTAKE_ENGINE" in registries:
                    send(registries["LOCKSTAKE_ENGINE"], "addFarm(address)", farm)
                if "CRON_REWARDS_DIST_JOB" in registries:
                    send(registries["CRON_REWARDS_DIST_JOB"], "set(address,uint256)", address, S.FARM_JOB_INTERVAL)
            for signature, who in (("rely(address)", proxy), ("deny(address)", deployer)):
                send(address, signature, who)
        for address in registries.values():
            for signature, who in (("rely(address)", proxy), ("deny(address)", deployer)):
                send(address, signature, who)
    finally:
        rpc.stop_impersonating(deployer)


# contracts/twin/UniswapV2Pair.sol, mainnet's order: totalSupply 0, balanceOf 1, reserves and time 8.
PAIR_SUPPLY_SLOT, PAIR_BALANCE_SLOT, PAIR_FACTORY_SLOT, PAIR_RESERVES_SLOT = 0, 1, 5, 8


def place_pairs(rpc: Rpc, day: str) -> None:
    """Each Uniswap V2 pair whose key the date's ChainLog names at the address the twin models: constructed
    there and initialised with its tokens, its reserves held (the PauseProxy, a ward of both tokens, mints
    them to the pair; USDS as mainnet backs it: Vat dai sucked and exited through USDS_JOIN, so that a
    return of it joins the join's own dai back), its liquidity supply and the PauseProxy's share written (twin.state's assumptions), its
    factory() mainnet's (the builder initialised it as the factory)."""
    plan = chainlog_plan(day)[0]
    todo = [key for key, (address, _, _) in S.UNIV2_PAIRS.items() if plan.get(key, "").lower() == address.lower()]
    if not todo:
        return
    from spellgen.chain.client import calldata  # late: only a twin of a pool's date needs them
    from spellgen.twin.artifacts import twin_artifacts
    from spellgen.twin.place import construct_at

    deployer, proxy, now = S.DEPLOYER, MAINNET["MCD_PAUSE_PROXY"], rpc.timestamp()
    for key in todo:
        address, token0, token1 = S.UNIV2_PAIRS[key]
        r0, r1 = S.UNIV2_RESERVES[key]
        rpc.impersonate(deployer)
        try:
            construct_at(rpc, address, twin_artifacts()["UniswapV2Pair"], (), deployer)
            rpc.send({"from": deployer, "to": address, "data": "0x" + calldata(
                "initialize(address,address)", MAINNET[token0], MAINNET[token1]).hex()})
        finally:
            rpc.stop_impersonating(deployer)
        rpc.impersonate(proxy)
        try:
            for token, amount in ((token0, r0), (token1, r1)):
                if token in HOLDING_JOINS:  # USDS minted as mainnet mints it, its join holding the Vat dai behind
                    _send(rpc, proxy, MAINNET["MCD_VAT"], "suck(address,address,uint256)",  # (a return joins it back)
                          _address_word(MAINNET["MCD_VOW"]) + _address_word(proxy) + f"{amount * 10**27:064x}")
                    _send(rpc, proxy, MAINNET[HOLDING_JOINS[token]], "exit(address,uint256)",
                          _address_word(address) + f"{amount:064x}")
                    continue
                _send(rpc, proxy, MAINNET[token], "mint(address,uint256)", _address_word(address) +
                      amount.to_bytes(32, "big").hex())
        finally:
            rpc.stop_impersonating(proxy)
            rpc.set_balance(proxy, 0)
        rpc.set_storages([(address, PAIR_SUPPLY_SLOT, S.UNIV2_SUPPLY[key]),
                          (address, PAIR_FACTORY_SLOT, int(S.UNIV2_FACTORY, 16)),  # mainnet's creator
                          (address, mapping_slot(int(proxy, 16), PAIR_BALANCE_SLOT), S.UNIV2_PROXY_LP[key]),
                          (address, PAIR_RESERVES_SLOT, r0 | r1 << 112 | (now % 2**32) << 224)])


# Where each held token's family keeps its supply (solc's layout of its mainnet source); WETH9's is
# the ETH it holds, COMP's a constant.
HELD_SUPPLY_SLOTS: dict[str, int] = {"OpenZeppelinERC20": 2, "FiatToken": 11, "AaveTokenV3": 2, "StakedAaveV3": 2}


def place_held_tokens(rpc: Rpc, day: str) -> None:
    """Each held token deployed before `day` (data/held_tokens.tsv): its family's clean-room contract at the
    mainnet address, the PauseProxy holding the assumed amount (S.HELD_TOKEN_HOLDINGS) in the balance slot
    of mainnet's layout, and the supply to match."""
    from spellgen.twin.artifacts import twin_artifacts  # late: as place_earlier_spells

    artifacts, proxy = twin_artifacts(), MAINNET["MCD_PAUSE_PROXY"]
    for token in history.held_tokens():
        if not token.deployed_for(day) or token.key in S.UNIV2_PAIRS:  # a pair is placed whole (place_pairs)
            continue
        rpc.set_code(token.address, "0x" + artifacts[S.HELD_TOKEN_CONTRACTS[token.family]].runtime)
        holding = S.HELD_TOKEN_HOLDINGS[token.key] * 10**token.decimals
        rpc.set_storage(token.address, mapping_slot(proxy, token.balance_slot), holding)
        if token.family in HELD_SUPPLY_SLOTS:
            rpc.set_storage(token.address, HELD_SUPPLY_SLOTS[token.family], holding)
        if token.family == "WETH9":  # its supply is its ETH: every WETH is backed
            rpc.set_balance(token.address, holding)


def owed(rpc: Rpc, vest: str) -> int:
    """What the valid awards of `vest` still owe: the sum of tot - rxd (read from storage)."""
    address, total = MAINNET[vest], 0
    for award_id in range(1, rpc.storage(address, VEST_IDS_SLOT) + 1):
        base = mapping_slot(award_id, VEST_AWARDS_SLOT)
        if rpc.storage(address, base) & LOW_160:
            word2 = rpc.storage(address, base + 2)
            total += (word2 & (2**128 - 1)) - (word2 >> 128)
    return total


def fund_treasury_vests(rpc: Rpc) -> None:
    """Each transferrable vest may draw exactly what its awards still owe, as governance keeps it:
    the PauseProxy approves it (a transaction, so each token keeps its own allowance bookkeeping)."""
    proxy = MAINNET["MCD_PAUSE_PROXY"]
    rpc.impersonate(proxy)
    for vest, token in S.TREASURY_VESTS.items():
        args = _address_word(MAINNET[vest]) + owed(rpc, vest).to_bytes(32, "big").hex()
        _send(rpc, proxy, MAINNET[token], "approve(address,uint256)", args)
    rpc.stop_impersonating(proxy)


def set_onboarding_state(rpc: Rpc, day: str) -> None:
    """What a spell onboarding a vest finds at `day`, from the dated facts: a vest deployed but not
    registered yet is no ward of the Vat nor, a mintable MKR vest, of MKR's authority (its onboarding spell
    relies it: the 2021-09-03 spell's GOV_GUARD rely), and the ChainLog holds the version the archived
    spells had set before `day`."""
    for key, address in history.unregistered_vests(day).items():
        if key in S.VESTS:
            rpc.set_storage(MAINNET["MCD_VAT"], mapping_slot(address, VAT_WARDS_SLOT), 0)
            fact = history.vest_deployment(address)
            if fact is not None and (fact.kind, fact.token) == ("mintable", "MKR"):
                rpc.set_storage(S.MKR_AUTHORITY, mapping_slot(address, MKR_AUTHORITY_WARDS_SLOT), 0)
    version = history.chainlog_version_at(day)
    if version is not None:
        raw = version.encode()  # a string of under 32 bytes: the bytes, then length * 2, in one word
        rpc.set_storage(CHANGELOG, CHAINLOG_VERSION_SLOT, int.from_bytes(raw.ljust(31, b"\0") + bytes([len(raw) * 2]),
                                                                          "big"))


def modeled_addresses() -> set[str]:
    """Addresses (lower case) of the contracts the twin holds: its keys' and its own (the SKY chief)."""
    held = {address.lower() for address in (MAINNET[key] for key in S.chainlog_keys())}
    return held | {address.lower() for address, _ in S.TWIN_ONLY.values()}


def absent_contracts(day: str) -> dict[str, str]:
    """Name -> address of the twin's contracts mainnet did not have at `day`, from the chainlog's dates:
    a contract at an address the chainlog names at some date, but under no key of `day` (as the twin's
    ChainLog answers it, chainlog_plan), is not there yet (USDS before 2024-09-13, MCD_VEST_USDS before
    2025-01-23) or no longer. Contracts at addresses the chainlog never names (the chief's IOU) stay
    whatever the date; MKR's authority is named throughout (GOV_GUARD, then MKR_GUARD)."""
    dated = {entry.address.lower() for entry in history.key_entries()}
    present = {address.lower() for address in chainlog_plan(day)[0].values()}
    # A vest deployed before the date but registered later (by the spell that onboards it) is there.
    present |= {address.lower() for address in history.unregistered_vests(day).values()}
    # So is a token deployed before its key was registered (SPK from 2025-05-24, a key from 2025-06-26).
    present |= {address.lower() for address in history.unregistered_tokens(day).values()}
    contracts = {**{key: MAINNET[key] for key in S.chainlog_keys()},
                 **{name: address for name, (address, _) in S.TWIN_ONLY.items()}}
    return {name: address for name, address in contracts.items()
            if address.lower() in dated and address.lower() not in present}


def remove_code(rpc: Rpc, contracts: dict[str, str]) -> None:
    """No code at these addresses: a call to one finds nothing there, as on mainnet at the date."""
    for address in contracts.values():
        rpc.set_code(address, "0x")


def chainlog_plan(day: str) -> tuple[dict[str, str], list[str]]:
    """What the twin's ChainLog answers at `day`: every key mainnet's had then (history.chainlog_at).

    The twin places every contract it models at today's address and its build registers today's keys;
    a spell of an earlier date must find that date's keys instead (MCD_VEST_DAI was the first DAI vest
    until 2022-04-29, MCD_GOV is SKY from 2025-05-15, a vest deployed later is absent). Every other key
    of the date points at its mainnet address, where the twin has no code: a spell reading it gets the
    right address, and a call to it fails (a failed cast names the key: cast.simulate). A key of the
    twin's own whose contract at the date it does not model keeps the twin's, said in the notes.
    """
    held = modeled_addresses()
    plan = history.chainlog_at(day)
    missing = sorted(key for key, address in plan.items()
                     if address.lower() not in held and key in S.chainlog_keys())
    notes = [f"{key}: mainnet had {plan[key]} at this date, a contract the twin does not model; "
             f"the twin keeps {MAINNET[key]}" for key in missing]
    for key in missing:
        plan[key] = MAINNET[key]
    without_code = len(unmodeled_keys(plan))
    if without_code:
        notes.append(f"{without_code} of the {len(plan)} keys of the date name contracts the twin does not model: "
                     "they point at their mainnet addresses, which hold no code on the twin")
    return plan, notes


def unmodeled_keys(chainlog: dict[str, str]) -> dict[str, str]:
    """Key -> address of the keys of `chainlog` whose address holds no twin contract."""
    held = modeled_addresses()
    return {key: address for key, address in chainlog.items() if address.lower() not in held}


def edit_chainlog(rpc: Rpc, day: str) -> None:
    """Make the twin's ChainLog answer as chainlog_plan(day) says. The twin's own keys change as
    governance would change them (the PauseProxy, a ward of the ChainLog, sets and removes them);
    the hundreds of keys it does not model are written into its storage in one batch."""
    plan, _ = chainlog_plan(day)
    current = {key: MAINNET[key] for key in S.chainlog_keys()}
    without_code = {key: address for key, address in unmodeled_keys(plan).items() if key not in current}
    proxy = MAINNET["MCD_PAUSE_PROXY"]
    rpc.impersonate(proxy)
    for key in sorted(set(current) | set(plan)):
        if key in without_code:
            continue  # appended below, in one batch
        if key in plan and current.get(key, "").lower() != plan[key].lower():
            _send(rpc, proxy, CHANGELOG, "setAddress(bytes32,address)", _word(key) + _address_word(plan[key]))
        elif key not in plan:
            _send(rpc, proxy, CHANGELOG, "removeAddress(bytes32)", _word(key))
    rpc.stop_impersonating(proxy)
    append_keys(rpc, without_code)


# The twin's ChainLog (as mainnet's): location mapping(bytes32 => (pos, addr)) at slot 1, keys array at 2.
CHAINLOG_LOCATION_SLOT, CHAINLOG_KEYS_SLOT = 1, 2


def append_keys(rpc: Rpc, keys: dict[str, str]) -> None:
    """Register `keys` (none of them in the ChainLog yet) as setAddress would leave its storage:
    each key appended to `keys`, its position and address under `location[key]`."""
    if not keys:
        return
    count = rpc.storage(CHANGELOG, CHAINLOG_KEYS_SLOT)
    first = int.from_bytes(keccak256(CHAINLOG_KEYS_SLOT.to_bytes(32, "big")), "big")  # keys[0]
    writes = []
    for pos, (key, address) in enumerate(sorted(keys.items()), start=count):
        name = int(_word(key), 16)
        location = mapping_slot(name, CHAINLOG_LOCATION_SLOT)
        writes += [(CHANGELOG, first + pos, name), (CHANGELOG, location, pos),
                   (CHANGELOG, location + 1, int(address, 16))]
    writes.append((CHANGELOG, CHAINLOG_KEYS_SLOT, count + len(keys)))
    rpc.set_storages(writes)


def _send(rpc: Rpc, sender: str, to: str, signature: str, args: str) -> None:
    data = "0x" + keccak256(signature.encode())[:4].hex() + args
    # A legacy transaction (gasPrice), which every hardfork takes: berlin refuses EIP-1559 fields.
    rpc.send({"from": sender, "to": to, "data": data, "gas": hex(500_000), "gasPrice": rpc.call("eth_gasPrice")})


def _word(key: str) -> str:
    return key.encode().ljust(32, b"\0").hex()


def _address_word(address: str) -> str:
    return address[2:].lower().rjust(64, "0")
