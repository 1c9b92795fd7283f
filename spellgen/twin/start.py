"""Start a twin: load the cached state into a fresh anvil, move it to the requested date.

Only the standard library, spellgen's pure modules and the JSON-RPC client are imported here,
so a start from the cache costs anvil's start plus a few RPC calls (the build, which needs
solc and web3, runs only when the cache is missing).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from spellgen.spec.protocol import MAINNET, pause_delay_at
from spellgen.spec.timeutil import DateError, iso, iso_date, parse_instant
from spellgen.twin import state as S
from spellgen.twin.cache import state_path
from spellgen.chain.node import AnvilNode
from spellgen.progress import Progress
from spellgen.chain.rpc import Rpc

PAUSE_DELAY_SLOT = 4  # DSPause (as mainnet's): authority=0, owner=1, plans=2, proxy=3, delay=4
VEST_CAP_SLOT = 2  # DssVest* (as mainnet's): wards=0, awards=1, cap=2, ids=3, locked=4
MKR_ERA_END = "2025-05-15"  # from then on MCD_GOV names SKY on mainnet; the twin keeps MKR


class TwinDateError(ValueError):
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

    @property
    def addresses(self) -> dict[str, str]:
        """ChainLog key -> address of everything the twin registers (mainnet addresses)."""
        return {key: MAINNET[key] for key in S.chainlog_keys()}

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


def start_twin(date: str, port: int | None = None, pause_delay: int | None = None,
               award_counts: dict[str, int] | None = None, progress: Progress | None = None) -> Twin:
    """A twin at `date` (00:00:00 UTC for a bare date) on `port` (default: a free one).

    `pause_delay` (seconds) defaults to mainnet's at the date (protocol.pause_delay_at). The
    state is built first if it is not cached (several seconds, reported through `progress`).
    """
    ts = parse_start(date)
    day = iso_date(ts)
    delay = pause_delay_at(day) if pause_delay is None else pause_delay
    if delay < 0:
        raise ValueError(f"the pause delay must be >= 0 seconds, got {delay}")
    state = cached_state(award_counts, progress)
    started = time.perf_counter()
    hardfork = S.hardfork_at(day)
    node = AnvilNode([*S.anvil_args(hardfork=hardfork), "--load-state", str(state)], port=port)
    try:
        move_to(node.rpc, ts, delay, day)
    except BaseException:
        node.stop()
        raise
    twin = Twin(node.url, ts, delay, state, node, time.perf_counter() - started, hardfork=hardfork)
    if day >= MKR_ERA_END:
        twin.notes.append(f"on mainnet MCD_GOV names SKY from {MKR_ERA_END}; the twin keeps the MKR-era "
                          "ChainLog (MCD_GOV = MKR, MCD_ADM = the MKR chief; SKY only under its own key; "
                          f"the SKY chief sits at {S.SKY_CHIEF}, unregistered and not launched)")
    return twin


def cached_state(award_counts: dict[str, int] | None = None, progress: Progress | None = None) -> Path:
    """The state dump for these award counts; built (slow, needs solc and web3) only when missing."""
    counts = S.normalized_counts(award_counts)
    path = state_path(counts)
    if path.is_file():
        return path
    from spellgen.twin.build import build_state  # late: the build imports solc and web3 machinery

    if progress:
        progress.note(f"building the twin state (first run; cached in {path.parent} afterwards)")
    return build_state(counts, progress=progress)


def move_to(rpc: Rpc, ts: int, delay: int, day: str) -> None:
    """Set the date-dependent parameters, then the clock (storage edits need no transaction)."""
    rpc.set_storage(MAINNET["MCD_PAUSE"], PAUSE_DELAY_SLOT, delay)
    for key in S.VESTS:  # e.g. MCD_VEST_MKR_TREASURY's cap doubled in July 2023
        rpc.set_storage(MAINNET[key], VEST_CAP_SLOT, S.vest_cap(key, day))
    # evm_setTime rather than evm_setNextBlockTimestamp: after --load-state anvil compares a
    # requested timestamp with the wall clock, not with the loaded chain's last block.
    rpc.set_time(ts)
