"""Cast a compiled spell on a chain the way governance does, and record what the chain shows.

Deploy the spell, elect it (give a voter MKR, lock it in the chief, vote, lift), schedule it, warp
to `nextCastTime()`, cast it. Every value needed for verification is read from the chain before and
after the cast; which contracts and accounts to read comes from the expected items, the values
never do.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, TypeVar

from spellgen.chain.client import Chain, Receipt, TxFailed
from spellgen.chain.rpc import RpcError
from spellgen.chain.slots import mapping_slot
from spellgen.compiler.compile import CompiledSpell
from spellgen.spellfile.actions.surplus_return import JOINS as SURPLUS_JOINS
from spellgen.spellfile.expect import Distributed, Expected, FarmInitialised, FarmVestUpdated
from spellgen.spellfile import history
from spellgen.spellfile.history import CHANGELOG
from spellgen.spellfile.protocol import VESTS, WAD, VestKind
from spellgen.spellfile.address import keccak256, to_checksum
from spellgen.spellfile.protocol import DAY
from spellgen.errors import SpellgenError

MAX_EMBEDDED_CASTERS = 4  # casts by addresses the action embeds, at most
MANY_KEYS = 600  # about the length of mainnet's ChainLog in 2025
CHAINLOG_KEYS_SLOT = 2  # ChainLog: wards 0, location 1, keys 2 (verify/layouts.py)
CAST_GAS = 25_000_000  # the cast's gas limit (the node's default block gas limit is 30,000,000)
OPEN, CLOSE = 14 * 3600, 21 * 3600  # office hours, UTC (DssExecLib.canCast)


def _in_office_hours(ts: int) -> bool:
    return (ts // DAY + 3) % 7 < 5 and OPEN <= ts % DAY < CLOSE


def latest_in_office_hours(before: int) -> int:
    """The latest second at or before `before` inside office hours."""
    t = before
    while not _in_office_hours(t):
        day = t - t % DAY
        t = day + CLOSE - 1 if t % DAY >= CLOSE and (t // DAY + 3) % 7 < 5 else day - 1
    return t


def latest_outside_office_hours(before: int) -> int:
    """The latest 03:00 UTC on a Saturday or Sunday at or before `before` (no office hours then)."""
    t = before - before % DAY + 3 * 3600
    if t > before:
        t -= DAY
    while (t // DAY + 3) % 7 < 5:
        t -= DAY
    return t

Progress = Callable[[str, float], None]

# A public mapping of a struct: the getter returns the members one by one (as on mainnet).
AWARD = "awards(uint256)(address,uint48,uint48,uint48,address,uint8,uint128,uint128)"
T = TypeVar("T")  # what a timed step returns


class SimulationError(SpellgenError, RuntimeError):
    """A governance step failed (deploy, vote, schedule or cast); the message names the step."""


@dataclass(frozen=True)
class Award:
    usr: str
    bgn: int
    clf: int
    fin: int
    mgr: str
    res: int
    tot: int
    rxd: int


@dataclass
class State:
    """Reads taken at one moment."""

    ids: dict[str, int] = field(default_factory=dict)
    dai: dict[str, int] = field(default_factory=dict)
    mkr: dict[str, int] = field(default_factory=dict)
    usds: dict[str, int] = field(default_factory=dict)
    sky: dict[str, int] = field(default_factory=dict)
    vow_sin: int = 0
    dai_supply: int = 0
    supply: dict[str, int] = field(default_factory=dict)  # totalSupply of USDS, SKY, MKR (when read)
    allowance: dict[str, int] = field(default_factory=dict)  # vest key -> PauseProxy's allowance
    caps: dict[str, int] = field(default_factory=dict)
    awards: dict[tuple[str, int], Award] = field(default_factory=dict)
    # Read when the spell onboards a vest: the ChainLog's entries of its keys (None: missing), its
    # version and key count, and whether each new vest is a ward of the Vat (address lower case -> 0/1).
    registry: dict[str, str | None] = field(default_factory=dict)
    chainlog_version: str = ""
    chainlog_count: int = 0
    vat_wards: dict[str, int] = field(default_factory=dict)
    # a mintable MKR vest's ward of MKR's authority (address lower case -> 0/1)
    mint_wards: dict[str, int] = field(default_factory=dict)
    # (token chainlog key, holder lower case) -> balanceOf, for the PauseProxy transfers' tokens
    held: dict[tuple[str, str], int] = field(default_factory=dict)
    # Allocator payments (issue 24): each ilk's (Art, rate) in the Vat and (duty, rho) in the Jug, the Jug's
    # base, each vault's urn art (by chainlog key), and the Vow's dai.
    ilks: dict[str, tuple[int, int]] = field(default_factory=dict)
    jug: dict[str, tuple[int, int]] = field(default_factory=dict)
    jug_base: int = 0
    urns: dict[str, int] = field(default_factory=dict)
    vow_dai: int = 0
    # distribution key -> (its farm's balance of the vest's token, lastDistributedAt, vestId)
    farms: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    # A farm init's wiring, distribution key -> (its farm's rewardsDistribution, LOCKSTAKE_ENGINE.farms(farm),
    # CRON_REWARDS_DIST_JOB.intervals(dist))
    farm_wiring: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    # Uniswap V2 withdrawals (issue 24): pair key -> its token balances (balance0, balance1), reserves
    # (reserve0, reserve1, last: their time mod 2**32), price accumulators (price0, price1), liquidity supply,
    # the PauseProxy's liquidity (proxy_lp) and its balances of the two tokens (proxy0, proxy1).
    pools: dict[str, dict[str, int]] = field(default_factory=dict)
    # vat.can(PauseProxy, MCD_JOIN_DAI), read for a spell that pays DAI or USDS (None: not read): 1 when
    # DssExecLib's payment needs no `hope` first.
    vat_can: int | None = None


@dataclass
class Payout:
    """What vesting an award to its end paid, measured in a snapshot."""

    vest: str
    award: int
    paid: int  # recipient's balance change
    sin: int | None  # vat.sin(vow) change, for suckable vests
    error: str | None = None


@dataclass
class Observation:
    addresses: dict[str, str]
    spell: str = ""
    action: str = ""
    deployed_at: int = 0
    expiration: int = 0
    description: str = ""
    office_hours: bool = False
    spell_size: int = 0
    action_size: int = 0
    deploy_gas: int = 0  # the deployment's gasUsed; 0 when the spell was deployed before (attached)
    attached: bool = False  # an already-deployed spell, found at an address, was cast
    deployed_block: int = 0  # where the attached spell's code first appears; 0 when the node cannot say
    eta: int = 0
    cast: Receipt | None = None
    before: State = field(default_factory=State)
    after: State = field(default_factory=State)
    new_awards: dict[tuple[str, int], Award] = field(default_factory=dict)
    payouts: list[Payout] = field(default_factory=list)
    obligations: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # vest -> unpaid, allowance, balance
    watched_vests: dict[str, str] = field(default_factory=dict)  # every vest in the ChainLog
    watched_tokens: dict[str, str] = field(default_factory=dict)  # symbol -> address, as present
    farms: dict[str, str] = field(default_factory=dict)  # distribution key -> its farm (read)
    chainlog: dict[str, str | None] = field(default_factory=dict)  # declared keys -> what the ChainLog holds
    steps: list[tuple[str, float]] = field(default_factory=list)
    # The cast transaction as the node traced it (verify/statediff.py, verify/callpolicy.py).
    state_diff: dict | None = None  # prestateTracer, diffMode
    call_trace: dict | None = None  # callTracer
    trace_error: str = ""
    fee: int = 0  # gasUsed * effectiveGasPrice, what the caster paid
    miner: str = ""
    sender: str = ""
    action_code_hash: bytes = b""
    code_before: dict[str, bool] = field(default_factory=dict)  # address (lower) -> had code before the cast
    twin: bool = False
    spell_abi: list = field(default_factory=list)
    action_abi: list = field(default_factory=list)
    recasts: list["Recast"] = field(default_factory=list)
    mkr_authority: str = ""
    schedule_tx: str = ""
    schedule_diff: dict | None = None  # schedule() must only set eta and plot the one plan
    schedule_fee: int = 0
    # The cast's state diff as verify labelled it (verify/statediff.py LabelledChange), for the reports; filled
    # by verify's state-diff check, empty before it or when the node did not trace the cast.
    labelled_diff: list = field(default_factory=list)
    # Each action's events as verify's order check matched them (verify/sequence.py Segment.as_dict): the reports'
    # events per action.
    event_sequences: list = field(default_factory=list)

    def cast_receipt(self) -> Receipt:
        """The cast transaction's receipt (an Observation `Simulator.run` returned has one)."""
        if self.cast is None:
            raise SimulationError("the spell was not cast")
        return self.cast


@dataclass
class Recast:
    """The same cast from the same pre-state at another time (or chain condition), in a snapshot."""

    label: str
    time: int
    must_succeed: bool  # False: an attempt outside office hours, which must revert
    error: str | None = None  # revert reason, when it reverted
    state_diff: dict | None = None
    call_trace: dict | None = None
    fee: int = 0
    miner: str = ""
    timestamp: int = 0
    sender: str = ""  # who cast it (the deployer, or an address the action's code embeds)
    owed: dict[str, int] = field(default_factory=dict)  # transferrable vest -> what its awards owe after
    chainlog_count: int | None = None  # the ChainLog's count() before this cast, when the spell registers keys


def _bytes32(text: str) -> bytes:
    return text.encode().ljust(32, b"\0")


class Simulator:
    def __init__(self, chain: Chain, expected: Expected, progress: Progress | None = None, twin: bool = False):
        self.chain = chain
        self.expected = expected
        self.progress = progress or (lambda step, seconds: None)
        self.addr: dict[str, str] = {}
        self.obs = Observation(self.addr, twin=twin)
        self.twin = twin

    def _step(self, name: str, fn: Callable[[], T]) -> T:
        started = time.monotonic()
        try:
            result = fn()
        except TxFailed as exc:
            raise SimulationError(f"{name}: the transaction reverted: {exc}{self._unmodeled(exc)}"
                                  f"{self._failing_call(exc, 'the cast' if 'cast' in name else 'the transaction')}"
                                  ) from None
        seconds = time.monotonic() - started
        self.obs.steps.append((name, seconds))
        self.progress(name, seconds)
        return result

    def names(self) -> dict[str, str]:
        """Address (lower case) -> what a reviewer calls it: the chainlog names of the spell's date,
        the spell and its action."""
        from spellgen.cast.named import names_at

        names = names_at(self.expected.date, self.addr)
        if self.obs.spell:
            names[self.obs.spell.lower()] = "the spell (DssSpell)"
        if self.obs.action:
            names[self.obs.action.lower()] = "the spell's action"
        return names

    def _failing_call(self, failed: TxFailed, what: str) -> str:
        """`; the transaction reverted in MCD_VAT.rely(address) called by MCD_PAUSE_PROXY: ...`: the
        call where the failure started, by name and signature (nothing when the node cannot trace)."""
        from spellgen.cast.named import failing_call

        if not failed.tx_hash:
            return ""
        try:
            trace = self.chain.trace(failed.tx_hash, "callTracer")
        except Exception:  # noqa: BLE001 - a hint only: the failure is reported either way
            return ""
        named = failing_call(trace, self.names(), what)
        return f"; {named}" if named else ""

    def _unmodeled(self, failed: TxFailed) -> str:
        """On the twin, the chainlog keys of the date the failed transaction touched where the twin has
        no code (contracts it does not model): a call to one of them is the likely cause."""
        if not self.twin or not failed.tx_hash or not self.expected.date:
            return ""
        try:
            touched = self.chain.trace(failed.tx_hash, "prestateTracer") or {}
        except Exception:  # noqa: BLE001 - a hint only: the failure is reported either way
            return ""
        keys = {address.lower(): key for key, address in history.chainlog_at(self.expected.date).items()}
        e = self.expected  # a payee without code is paid, not called: not a cause
        for paid in (*e.payments, *e.usds_payments, *e.transfers, *e.sky_transfers, *e.proxy_transfers, *e.awards):
            keys.pop(str(getattr(paid, "recipient", None) or getattr(paid, "usr", "")).lower(), None)
        named = sorted(f"{keys[address.lower()]} ({to_checksum(address)})" for address, account in touched.items()
                       if address.lower() in keys and account.get("code", "0x") in ("0x", "", None))
        if not named:
            return ""
        return (f"; it touched {', '.join(named)}: chainlog {'keys' if len(named) > 1 else 'key'} of "
                f"{self.expected.date} whose contract the twin does not model (no code there), so a call to it fails")

    def _present(self, names: list[str], resolve: Callable[[str], str]) -> dict[str, str]:
        """The names the chain's ChainLog knows, with their addresses (missing keys are skipped)."""
        present = {}
        for name in names:
            try:
                present[name] = resolve(name)
            except Exception:  # noqa: BLE001 - the key is not in this chain's ChainLog
                continue
        return present

    def token(self, symbol: str) -> str:
        """A token's address by the chainlog key of the spell's date (MKR: MCD_GOV until 2025-05-15,
        then MKR; DAI: MCD_DAI; others their own key). A token deployed before its key was registered
        (SPK before 2025-06-26) is at its known address, as the spell names it."""
        day = self.expected.date or "2000-01-01"
        unregistered = history.unregistered_tokens(day)
        if symbol in unregistered:
            return self.addr.setdefault(history.token_key_at(symbol, day), unregistered[symbol])
        return self.lookup(history.token_key_at(symbol, day))

    def lookup(self, key: str) -> str:
        if key not in self.addr:
            self.addr[key] = self.chain.call(CHANGELOG, "getAddress(bytes32)(address)", _bytes32(key))
        return self.addr[key]

    # -- the whole run ---------------------------------------------------------------------------
    def run(self, compiled: CompiledSpell, address: str | None = None) -> Observation:
        """Deploy `compiled` and cast it; with `address`, cast the spell already deployed there instead
        (its code was compared with `compiled` before: spellgen.verify.deployed)."""
        self._onboarded_addresses()
        for key in ("MCD_VAT", "MCD_VOW", "MCD_DAI", "MCD_ADM", "MCD_PAUSE", "MCD_PAUSE_PROXY",
                    *self.expected.vests):
            self.lookup(key)
        self.addr["MKR"] = self.token("MKR")  # by the date's key; reads below name the token, not the key
        self._present(["MCD_JOIN_DAI", "USDS_JOIN", "CHANGELOG"], self.lookup)
        self.addr.setdefault("CHANGELOG", CHANGELOG)
        # Every DssVest and budget token on the chain: any event of theirs must be explained.
        self.obs.watched_vests = self._present(list(VESTS), self.lookup)
        self.obs.watched_tokens = self._present(sorted({v.token for v in VESTS.values()}), self.token)
        # The held tokens (data/held_tokens.tsv) the spell's PauseProxy transfers move: their events too.
        held = {t.key: t.symbol for t in history.held_tokens()}
        for sent in getattr(self.expected, "proxy_transfers", []):
            if sent.address:  # named by its address constant, as the spell names it: no chainlog read
                self.addr.setdefault(sent.key, sent.address)
        for sent in getattr(self.expected, "proxy_transfers", []):
            if sent.key in held and sent.symbol == held[sent.key]:
                self.obs.watched_tokens.update({held[sent.key]: address for address in
                                                self._present([sent.key], self.lookup).values()})
        if self.expected.usds_payments:
            self.lookup("DAI_USDS")
        if self.expected.mkr_converted or self.expected.mkr_at_cast:
            self.lookup("MKR_SKY")
        for withdrawn in self.expected.pool_withdrawals:
            self.lookup(withdrawn.pair)
        for paid in self.expected.allocator_payments:
            self.lookup("MCD_JUG")
            self.lookup(paid.vault)
        if self.expected.farm_inits:  # a farm init's keeper job and Lockstake engine
            self._present(["CRON_REWARDS_DIST_JOB", "LOCKSTAKE_ENGINE"], self.lookup)
        for entry in self.expected.chainlog:  # a missing key is reported by verify, not here
            self.obs.chainlog[entry.key] = self._present([entry.key], self.lookup).get(entry.key)
        self.deployer = self.chain.accounts()[0]
        if address:
            self._step("attach the deployed spell", lambda: self.attach(compiled, address))
        else:
            self._step("deploy spell", lambda: self.deploy(compiled))
        self._step("elect spell (lock MKR, vote, lift)", self.elect)
        self._step("schedule", self.schedule)
        self.obs.before = self._step("read state before the cast", self.read_state)
        pre_cast = self.chain.snapshot()
        self.obs.cast = self._step("warp to nextCastTime and cast", self.cast)
        self._step("trace the cast (state diff, calls)", self.trace_cast)
        self.obs.after = self._step("read state after the cast", self.read_state)
        self._step("read new awards", self.read_new_awards)
        self._step("vest each new award to its end (in snapshots)", self.pay_out)
        self._step("sum treasury obligations", self.obligations)
        self._step("cast again at other times (in snapshots)", lambda: self.recast(pre_cast))
        return self.obs

    def _onboarded_addresses(self) -> None:
        """A vest the spell registers is at the address the YAML states, not (yet) under its key; a legacy
        key names the contract the key held before the cast (what the spell moves there)."""
        for ob in self.expected.onboarded:
            if ob.legacy:
                self.addr[ob.legacy] = self.lookup(ob.key)
            self.addr[ob.key] = ob.address

    def _read_registry(self, state: State) -> None:
        c, log = self.chain, self.addr.get("CHANGELOG") or CHANGELOG
        for ob in self.expected.onboarded:
            for key in [k for k in (ob.key, ob.legacy) if k]:
                state.registry[key] = self._present([key], lambda k: c.call(
                    log, "getAddress(bytes32)(address)", _bytes32(k))).get(key)
            state.vat_wards[ob.address.lower()] = c.call(self.addr["MCD_VAT"], "wards(address)(uint256)", ob.address)
            if ob.mints:  # MKR mints through its ds-auth authority, read from the token as the chain has it
                authority = c.call(self.addr["MCD_GOV"], "authority()(address)")
                state.mint_wards[ob.address.lower()] = c.call(authority, "wards(address)(uint256)", ob.address)
        state.chainlog_version = c.call(log, "version()(string)")
        state.chainlog_count = c.call(log, "count()(uint256)")

    def deploy(self, compiled: CompiledSpell) -> None:
        self.obs.spell_abi, self.obs.action_abi = compiled.spell.abi, compiled.action.abi
        receipt = self.chain.send(self.deployer, None, bytes.fromhex(compiled.spell.bytecode))
        spell = receipt.contract_address
        if spell is None:  # a node that mined the creation but names no contract
            raise SimulationError(f"deploy spell: transaction {receipt.tx_hash} created no contract")
        obs = self.obs
        obs.spell, obs.deployed_at, obs.deploy_gas = spell, receipt.timestamp, receipt.gas_used
        self._read_spell()

    def attach(self, compiled: CompiledSpell, address: str) -> None:
        """Take the spell deployed at `address`: its deployment time is the block its code first appears in."""
        obs = self.obs
        obs.spell_abi, obs.action_abi = compiled.spell.abi, compiled.action.abi
        obs.spell, obs.attached = to_checksum(address), True
        if self.chain.call(obs.spell, "done()(bool)"):
            raise SimulationError(f"attach: the spell at {obs.spell} has already been cast (done() is true); "
                                  f"fork a block before its cast (--fork-block)")
        obs.deployed_block = self._creation_block(obs.spell)
        if obs.deployed_block:
            block = self.chain.rpc("eth_getBlockByNumber", [hex(obs.deployed_block), False])
            obs.deployed_at = int(block["timestamp"], 16)
        self._read_spell()

    def _creation_block(self, address: str) -> int:
        """The first block whose state holds code at `address`: back from the latest block in growing
        steps to one without it, then a binary search between. 0 when the node cannot answer for a
        block on the way (it keeps no state that old: not an archive node)."""
        def has_code(block: int) -> bool:
            return self.chain.rpc("eth_getCode", [address, hex(block)]) not in (None, "0x", "0x0")
        high = int(self.chain.rpc("eth_blockNumber", []), 16)
        step, low = 1, -1
        try:
            while high - step >= 0:
                if not has_code(high - step):
                    low = high - step
                    break
                high, step = high - step, step * 2
            while high - low > 1:  # low has no code (or is before genesis), high has it
                middle = (low + high) // 2
                if has_code(middle):
                    high = middle
                else:
                    low = middle
        except Exception:  # noqa: BLE001 - a pruned node: the deployment time stays unknown, and verify says so
            return 0
        return high

    def _read_spell(self) -> None:
        obs, spell = self.obs, self.obs.spell
        obs.action = self.chain.call(spell, "action()(address)")
        obs.expiration = self.chain.call(spell, "expiration()(uint256)")
        obs.description = self.chain.call(spell, "description()(string)")
        obs.office_hours = self.chain.call(spell, "officeHours()(bool)")
        obs.spell_size, obs.action_size = len(self.chain.code(spell)), len(self.chain.code(obs.action))

    def _give(self, token: str, who: str, amount: int) -> None:
        """Set a voter's balance of `token` by finding the balance mapping's slot, as fork tests do."""
        for slot in range(0, 20):
            key = mapping_slot(who, slot)
            old = self.chain.storage(token, key)
            self.chain.set_storage(token, key, amount)
            if self.chain.call(token, "balanceOf(address)(uint256)", who) == amount:
                return
            self.chain.set_storage(token, key, old)
        raise SimulationError(f"elect: could not find the balance slot of {token} to fund the voter")

    def _governance_token(self, chief: str) -> str:
        """What the chief counts: `GOV()` on the MKR chief, `gov()` on the SKY chief of 2025."""
        for signature in ("GOV()(address)", "gov()(address)"):
            try:
                return self.chain.call(chief, signature)
            except TxFailed:
                continue
        raise SimulationError("elect: MCD_ADM answers neither GOV() nor gov()")

    def _wait_for_lift_cooldown(self, chief: str) -> None:
        """The SKY chief allows a lift only `liftCooldown` blocks after the last one; the MKR chief
        has no such rule (and no such getter)."""
        try:
            cooldown = self.chain.call(chief, "liftCooldown()(uint256)")
        except TxFailed:
            return
        for _ in range(cooldown + 1):
            self.chain.mine()

    def elect(self) -> None:
        chief, spell = self.addr["MCD_ADM"], self.obs.spell
        if self.obs.attached and self.chain.call(chief, "hat()(address)") == spell:
            return  # an attached spell that governance has already lifted
        voter = self.chain.accounts()[1]
        hat = self.chain.call(chief, "hat()(address)")
        amount = self.chain.call(chief, "approvals(address)(uint256)", hat) + 1_000 * WAD
        gov = self._governance_token(chief)
        self._give(gov, voter, amount)
        self.chain.transact(voter, gov, "approve(address,uint256)", chief, amount)
        self.chain.transact(voter, chief, "lock(uint256)", amount)
        self.chain.transact(voter, chief, "vote(address[])", [spell])
        self._wait_for_lift_cooldown(chief)
        self.chain.transact(voter, chief, "lift(address)", spell)
        if self.chain.call(chief, "hat()(address)") != spell:
            raise SimulationError("elect: the spell did not become the hat")

    def schedule(self) -> None:
        if self.obs.attached and self.chain.call(self.obs.spell, "eta()(uint256)"):
            self.obs.eta = self.chain.call(self.obs.spell, "eta()(uint256)")  # scheduled before the fork
            return
        self.obs.schedule_tx = self.chain.transact(self.deployer, self.obs.spell, "schedule()").tx_hash
        self.obs.eta = self.chain.call(self.obs.spell, "eta()(uint256)")

    def cast(self) -> Receipt:
        cast_time = self.chain.call(self.obs.spell, "nextCastTime()(uint256)")
        self.chain.warp(cast_time)
        return self.chain.transact(self.deployer, self.obs.spell, "cast()", gas=CAST_GAS)

    # -- traces and other cast times ---------------------------------------------------------------
    def _fee(self, tx_hash: str) -> tuple[int, str]:
        receipt = self.chain.rpc("eth_getTransactionReceipt", [tx_hash])
        block = self.chain.rpc("eth_getBlockByNumber", [receipt["blockNumber"], False])
        price = int(receipt.get("effectiveGasPrice") or "0x0", 16)
        return int(receipt["gasUsed"], 16) * price, block.get("miner") or ""

    def _call_trace(self, tx: str) -> dict:
        """The cast's call tree with each frame's events (`withLog`: a report names the call behind an
        event); from a node without that option, the tree alone (events are then named without it)."""
        try:
            return self.chain.trace(tx, "callTracer", {"withLog": True})
        except RpcError:
            return self.chain.trace(tx, "callTracer")

    def trace_cast(self) -> None:
        """The cast's full state diff and call tree (anvil's prestateTracer and callTracer)."""
        obs, tx = self.obs, self.obs.cast_receipt().tx_hash
        obs.sender = self.deployer
        obs.fee, obs.miner = self._fee(tx)
        code = self.chain.code(obs.action)
        try:
            obs.mkr_authority = self.chain.call(self.addr["MCD_GOV"], "authority()(address)")
        except Exception:  # noqa: BLE001 - MCD_GOV without ds-auth (SKY from 2025-05-15)
            obs.mkr_authority = ""
        obs.action_code_hash = keccak256(code)
        try:
            obs.state_diff = self.chain.trace(tx, "prestateTracer", {"diffMode": True})
            obs.call_trace = self._call_trace(tx)
            if obs.schedule_tx:
                obs.schedule_diff = self.chain.trace(obs.schedule_tx, "prestateTracer", {"diffMode": True})
                obs.schedule_fee, _ = self._fee(obs.schedule_tx)
        except Exception as exc:  # noqa: BLE001 - a node without debug_traceTransaction: verify says so
            obs.trace_error = str(exc)
            return
        self._code_before(obs.call_trace, obs.cast_receipt().block)

    def _code_before(self, trace: dict, block: int) -> None:
        """Which addresses the trace touches had code before the cast (the pre-state is the same for
        every cast from the snapshot, so one table serves them all)."""
        before = hex(block - 1)
        addresses: set[str] = set()

        def walk(frame: dict) -> None:
            for key in ("from", "to"):
                if frame.get(key):
                    addresses.add(frame[key].lower())
            for child in frame.get("calls") or []:
                walk(child)
        walk(trace)
        for address in sorted(addresses - set(self.obs.code_before)):
            raw = self.chain.rpc("eth_getCode", [to_checksum(address), before])
            self.obs.code_before[address] = raw not in (None, "0x", "0x0")

    def cast_times(self) -> list[tuple[str, int, bool]]:
        """Other moments to cast at, from the same pre-state: near the end of the expiration window;
        with office hours declared, both ends of a weekday's window and attempts outside it (which
        must revert); without, a time outside office hours (which must work)."""
        first = self.obs.cast_receipt().timestamp
        expiry_end = self.obs.expiration
        out: list[tuple[str, int, bool]] = []
        if self.expected.office_hours:
            day = (first // DAY + 1) * DAY
            while (day // DAY + 3) % 7 >= 5:
                day += DAY
            out.append(("at the opening of office hours", day + 14 * 3600, True))
            out.append(("at the last second of office hours", day + 21 * 3600 - 1, True))
            out.append(("just after office hours (must revert)", day + 21 * 3600, False))
            saturday = day + ((5 - (day // DAY + 3) % 7) % 7) * DAY + 15 * 3600
            out.append(("on a Saturday afternoon (must revert)", saturday, False))
            late = latest_in_office_hours(max(expiry_end - 3600, first + 1))
        else:
            late = latest_outside_office_hours(max(expiry_end - 3600, first + 1))
        if late <= first:
            late = first + 7 * DAY
        label = "near the end of the expiration window" + ("" if self.expected.office_hours else
                                                           ", outside office hours")
        if self.twin:
            label += f", with {MANY_KEYS} ChainLog keys"
        out.append((label, late, True))
        # cast() has no deadline: a year after the expiration window someone may still cast it.
        year = expiry_end + 365 * DAY
        year = latest_in_office_hours(year) if self.expected.office_hours else year
        out.append(("a year after the expiration window", year, True))
        return out

    def embedded_addresses(self) -> list[str]:
        """Accounts without code whose addresses the action's runtime code pushes (PUSH20): anyone
        may cast a spell, so a spell that behaves differently when one of them casts it must be seen."""
        code = self.chain.code(self.obs.action)
        found: list[str] = []
        i = 0
        while i < len(code):
            op = code[i]
            if 0x60 <= op <= 0x7F:
                n = op - 0x5F
                raw = code[i + 1:i + 21]
                text = sum(32 <= b < 127 for b in raw) >= 16  # a string constant's bytes, not an address
                mask = raw.count(0xFF) >= 16  # an address mask (type(uint160).max), not an account
                if n == 20 and len(raw) == 20 and not text and not mask:
                    address = to_checksum("0x" + raw.hex())
                    if int(address, 16) > 0xFFFF and address not in found and not self.chain.code(address):
                        found.append(address)
                i += n
            i += 1
        return found[:MAX_EMBEDDED_CASTERS]

    def recast(self, pre_cast: str) -> None:
        """Cast again from the pre-cast state at each other time; record each state diff."""
        snapshot = pre_cast
        plan = [(label, when, ok, self.deployer) for label, when, ok in self.cast_times()]
        first = self.obs.cast_receipt().timestamp
        plan += [(f"cast by {who}, an address the action's code embeds", first, True, who)
                 for who in self.embedded_addresses()]
        for index, (label, when, must_succeed, caster) in enumerate(plan, start=1):
            self.chain.revert(snapshot)
            snapshot = self.chain.snapshot()
            if "ChainLog keys" in label:
                self._many_chainlog_keys()
            if caster != self.deployer:
                self.chain.impersonate(caster)
            self.chain.warp(when)
            entry = Recast(label, when, must_succeed, sender=caster)
            if self.expected.onboarded:  # a key the spell adds goes at this index
                entry.chainlog_count = self.chain.call(self.addr.get("CHANGELOG") or CHANGELOG, "count()(uint256)")
            if self._reads_as_cast():
                entry.error = "the node did not return to the state before the cast: the spell reads as cast"
                entry.must_succeed = True
                self.obs.recasts.append(entry)
                continue
            try:
                # Each cast its own transaction (a gas limit one lower each time): identical ones, sent
                # again after a revert, share a hash the node might answer for with the other's receipt.
                receipt = self.chain.transact(caster, self.obs.spell, "cast()", gas=CAST_GAS - index)
            except TxFailed as exc:
                entry.error = (str(exc) or "reverted") + self._failing_call(exc, "the cast")
            except Exception as exc:  # noqa: BLE001 - the node did not take the transaction: say so, fail the item
                entry.error = f"the node did not cast it: {exc}"
                entry.must_succeed = True
            else:
                entry.timestamp = receipt.timestamp
                entry.fee, entry.miner = self._fee(receipt.tx_hash)
                entry.owed = {vest: self._unpaid(vest) for vest in self.expected.vests
                              if VESTS[vest].kind is VestKind.TRANSFERRABLE}
                try:
                    entry.state_diff = self.chain.trace(receipt.tx_hash, "prestateTracer", {"diffMode": True})
                    entry.call_trace = self.chain.trace(receipt.tx_hash, "callTracer")
                    self._code_before(entry.call_trace, receipt.block)
                except Exception as exc:  # noqa: BLE001
                    entry.error = f"could not trace: {exc}"
            self.obs.recasts.append(entry)
        self.chain.revert(snapshot)
        # Leave the chain as the first cast left it (tests and Brownie fixtures read it afterwards):
        # anvil forgets snapshots newer than a reverted one, so the first cast is made again, at its time.
        self.chain.warp(first)
        self.chain.transact(self.deployer, self.obs.spell, "cast()", gas=CAST_GAS)

    def _reads_as_cast(self) -> bool:
        """done() after a revert to the state before the cast: true only if the node did not revert."""
        try:
            return bool(self.chain.call(self.obs.spell, "done()(bool)"))
        except Exception:  # noqa: BLE001 - a spell without done() is judged by its interface item
            return False

    def _many_chainlog_keys(self) -> None:
        """Make the twin's ChainLog at least MANY_KEYS long (count()), as a spell that behaves
        differently with many keys would see on mainnet later. Only the array length is set, and
        never shortened: the twin already holds every key of its date."""
        log = self.addr.get("CHANGELOG") or CHANGELOG
        self.chain.set_storage(log, CHAINLOG_KEYS_SLOT, max(MANY_KEYS, self.chain.storage(log, CHAINLOG_KEYS_SLOT)))

    # -- reads -----------------------------------------------------------------------------------
    def award(self, vest: str, award: int) -> Award:
        return Award(*self.chain.call(self.addr[vest], AWARD, award))

    def _pool(self, w) -> dict[str, int]:
        """A Uniswap V2 pool's state and the PauseProxy's share and tokens (State.pools)."""
        c, pair, proxy = self.chain, self.addr[w.pair], self.addr["MCD_PAUSE_PROXY"]
        t0, t1 = self.token(w.token0), self.token(w.token1)
        r0, r1, last = c.call(pair, "getReserves()(uint112,uint112,uint32)")
        return {"balance0": c.call(t0, "balanceOf(address)(uint256)", pair),
                "balance1": c.call(t1, "balanceOf(address)(uint256)", pair),
                "reserve0": r0, "reserve1": r1, "last": last,
                "price0": c.call(pair, "price0CumulativeLast()(uint256)"),
                "price1": c.call(pair, "price1CumulativeLast()(uint256)"),
                "supply": c.call(pair, "totalSupply()(uint256)"),
                "proxy_lp": c.call(pair, "balanceOf(address)(uint256)", proxy),
                "proxy0": c.call(t0, "balanceOf(address)(uint256)", proxy),
                "proxy1": c.call(t1, "balanceOf(address)(uint256)", proxy)}

    def read_state(self) -> State:
        e, c, a = self.expected, self.chain, self.addr
        state = State()
        for vest in e.vests:
            state.ids[vest] = c.call(a[vest], "ids()(uint256)")
            state.caps[vest] = c.call(a[vest], "cap()(uint256)")
        for vest, symbol in [(x.vest, x.token) for x in e.allowances] + [(f.vest, f.token) for f in e.farm_updates] \
                + [(f.vest, f.token) for f in e.farm_inits]:
            state.allowance[vest] = c.call(self.token(symbol), "allowance(address,address)(uint256)",
                                           a["MCD_PAUSE_PROXY"], a[vest])
        for vest, award in sorted(e.awards_read):  # yanked, repaired, or read by an amount at the cast
            if award <= state.ids[vest]:
                state.awards[(vest, award)] = self.award(vest, award)
        proxy = a["MCD_PAUSE_PROXY"]
        dai_holders = {p.recipient for p in e.payments} | {w.usr for w in e.awards if w.token == "DAI"}
        dai_holders |= {proxy} if e.usds_payments else set()
        dai_holders |= {p.recipient for p in e.computed_payments}
        dai_holders |= {state.awards[(r.vest, r.award)].usr for r in e.repairs if (r.vest, r.award) in state.awards
                        and VESTS[r.vest].token == "DAI"}
        mkr_holders = {t.recipient for t in e.transfers} | {w.usr for w in e.awards if w.token == "MKR"}
        for holder in sorted(dai_holders):
            state.dai[holder] = c.call(a["MCD_DAI"], "balanceOf(address)(uint256)", holder)
        for holder in sorted(mkr_holders | {proxy}):
            state.mkr[holder] = c.call(a["MKR"], "balanceOf(address)(uint256)", holder)
        if e.usds_payments:
            usds = self.token("USDS")
            for holder in sorted({p.recipient for p in e.usds_payments}):
                state.usds[holder] = c.call(usds, "balanceOf(address)(uint256)", holder)
            state.supply["USDS"] = c.call(usds, "totalSupply()(uint256)")
        if e.sky_transfers or e.conversions or e.mkr_at_cast:
            sky = self.token("SKY")
            for holder in sorted({t.recipient for t in e.sky_transfers} | {proxy}):
                state.sky[holder] = c.call(sky, "balanceOf(address)(uint256)", holder)
            state.supply["SKY"] = c.call(sky, "totalSupply()(uint256)")
            state.supply["MKR"] = c.call(a["MKR"], "totalSupply()(uint256)")
        state.vow_sin = c.call(a["MCD_VAT"], "sin(address)(uint256)", a["MCD_VOW"])
        state.vow_dai = c.call(a["MCD_VAT"], "dai(address)(uint256)", a["MCD_VOW"])
        if e.allocator_payments:
            state.jug_base = c.call(a["MCD_JUG"], "base()(uint256)")
        for paid in e.allocator_payments:
            ilk = _bytes32(paid.ilk)
            state.ilks[paid.ilk] = c.call(a["MCD_VAT"], "ilks(bytes32)(uint256,uint256,uint256,uint256,uint256)", ilk)[:2]
            state.jug[paid.ilk] = c.call(a["MCD_JUG"], "ilks(bytes32)(uint256,uint256)", ilk)
            state.urns[paid.vault] = c.call(a["MCD_VAT"], "urns(bytes32,address)(uint256,uint256)", ilk, a[paid.vault])[1]
        for w in e.pool_withdrawals:
            state.pools[w.pair] = self._pool(w)
        state.dai_supply = c.call(a["MCD_DAI"], "totalSupply()(uint256)")
        if (e.payments or e.usds_payments or e.computed_payments) and a.get("MCD_JOIN_DAI"):
            state.vat_can = c.call(a["MCD_VAT"], "can(address,address)(uint256)", proxy, a["MCD_JOIN_DAI"])
        self._read_held(state)
        if e.onboarded:
            self._read_registry(state)
        # A farm's distribute() or vest update: its award, its farm's token, its last distribution.
        farm_items: list[Distributed | FarmVestUpdated] = [*e.distributions, *e.farm_updates]
        for d in farm_items:
            if d.award <= state.ids[d.vest]:
                state.awards[(d.vest, d.award)] = self.award(d.vest, d.award)
            try:
                dist = self.lookup(d.dist)
                farm = self.obs.farms.setdefault(d.dist, c.call(dist, "stakingRewards()(address)"))
                state.farms[d.dist] = (c.call(self.token(VESTS[d.vest].token), "balanceOf(address)(uint256)", farm),
                                       c.call(dist, "lastDistributedAt()(uint256)"), c.call(dist, "vestId()(uint256)"))
            except Exception:  # noqa: BLE001 - no such distribution here (the twin models two): its item fails
                continue
        for f in e.farm_inits:
            self._read_farm_init(state, f)
        return state

    def _read_farm_init(self, state: State, f: FarmInitialised) -> None:
        """A farm init's farm, distribution, keeper job and engine, at the addresses the YAML states (the
        spell registers the farm's keys); a contract without code leaves the item unread (verify fails it)."""
        c = self.chain
        if not (c.code(f.dist_address) and c.code(f.farm_address)):
            return
        self.obs.farms[f.dist] = f.farm_address
        state.farms[f.dist] = (c.call(self.token(f.token), "balanceOf(address)(uint256)", f.farm_address),
                               c.call(f.dist_address, "lastDistributedAt()(uint256)"),
                               c.call(f.dist_address, "vestId()(uint256)"))
        job, engine = self.addr.get("CRON_REWARDS_DIST_JOB", ""), self.addr.get("LOCKSTAKE_ENGINE", "")
        listed = c.call(engine, "farms(address)(uint8)", f.farm_address) if f.lockstake and engine and c.code(engine) \
            else -1
        interval = c.call(job, "intervals(address)(uint256)", f.dist_address) if job and c.code(job) else -1
        state.farm_wiring[f.dist] = (c.call(f.farm_address, "rewardsDistribution()(address)"), listed, interval)

    def _read_held(self, state: State) -> None:
        """The PauseProxy's and each recipient's balance of every token a PauseProxy transfer moves (a
        token without code on this chain is not read: verify says so, and the cast fails on it)."""
        proxy = self.addr["MCD_PAUSE_PROXY"]
        for sent in getattr(self.expected, "proxy_transfers", []):
            if sent.symbol == "ETH":  # the PauseProxy's own ETH (`token: ether`): account balances
                for holder in (proxy, sent.recipient):
                    state.held[(sent.key, holder.lower())] = int(self.chain.rpc("eth_getBalance",
                                                                                [holder, "latest"]), 16)
                continue
            token = self.lookup(sent.key)
            if not self.chain.code(token):
                continue
            for holder in (proxy, sent.recipient):
                state.held[(sent.key, holder.lower())] = self.chain.call(token, "balanceOf(address)(uint256)", holder)
        for burnt in getattr(self.expected, "held_burns", []):  # the PauseProxy's balance and the supply
            token = self.lookup(burnt.key)
            state.held[(burnt.key, proxy.lower())] = self.chain.call(token, "balanceOf(address)(uint256)", proxy)
            state.supply[burnt.key] = self.chain.call(token, "totalSupply()(uint256)")
        for back in getattr(self.expected, "surplus_returns", []):  # the PauseProxy's balance and the supply
            token = self.lookup(back.key)
            self.lookup(SURPLUS_JOINS[str(back.symbol)][1])  # the join the Vat dai leaves (the state diff names it)
            state.held[(back.key, proxy.lower())] = self.chain.call(token, "balanceOf(address)(uint256)", proxy)
            state.supply[back.key] = self.chain.call(token, "totalSupply()(uint256)")

    def read_new_awards(self) -> None:
        before, after = self.obs.before.ids, self.obs.after.ids
        for vest in self.expected.vests:
            for award in range(before[vest] + 1, after[vest] + 1):
                self.obs.new_awards[(vest, award)] = self.award(vest, award)

    def pay_out(self) -> None:
        """As a ward: unrestrict, warp to fin, vest; the balance change is what the award pays."""
        proxy = self.chain.impersonate(self.addr["MCD_PAUSE_PROXY"])
        for (vest, award), state in sorted(self.obs.new_awards.items()):
            snapshot = self.chain.snapshot()
            try:
                self.obs.payouts.append(self._pay_one(proxy, vest, award, state))
            finally:
                self.chain.revert(snapshot)

    def _pay_one(self, proxy: str, vest: str, award: int, state: Award) -> Payout:
        c, a = self.chain, self.addr
        token = self.token(VESTS[vest].token)
        before_balance = c.call(token, "balanceOf(address)(uint256)", state.usr)
        before_sin = c.call(a["MCD_VAT"], "sin(address)(uint256)", a["MCD_VOW"])
        try:
            c.transact(proxy, a[vest], "unrestrict(uint256)", award)
            c.mine(max(state.fin, c.timestamp() + 1))
            c.transact(self.deployer, a[vest], "vest(uint256)", award)
        except TxFailed as exc:
            return Payout(vest, award, 0, None, f"vest({award}) reverted: {exc}")
        paid = c.call(token, "balanceOf(address)(uint256)", state.usr) - before_balance
        sin = c.call(a["MCD_VAT"], "sin(address)(uint256)", a["MCD_VOW"]) - before_sin
        suckable = VESTS[vest].kind is VestKind.SUCKABLE
        return Payout(vest, award, paid, sin if suckable else None)

    def _unpaid(self, vest: str) -> int:
        """What the valid awards of `vest` still owe now: the sum of tot - rxd."""
        unpaid = 0
        for award in range(1, self.chain.call(self.addr[vest], "ids()(uint256)") + 1):
            state = self.award(vest, award)
            if state.rxd < state.tot:
                unpaid += state.tot - state.rxd
        return unpaid

    def obligations(self) -> None:
        """For transferrable vests: what every valid award still owes, against allowance and balance."""
        c, a = self.chain, self.addr
        for vest in self.expected.vests:
            if VESTS[vest].kind is not VestKind.TRANSFERRABLE or vest not in self.obs.after.ids:
                continue
            unpaid = self._unpaid(vest)
            token = self.token(VESTS[vest].token)
            allowance = c.call(token, "allowance(address,address)(uint256)", a["MCD_PAUSE_PROXY"], a[vest])
            balance = c.call(token, "balanceOf(address)(uint256)", a["MCD_PAUSE_PROXY"])
            self.obs.obligations[vest] = (unpaid, allowance, balance)

