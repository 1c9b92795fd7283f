"""The twin: a local replica of mainnet for fork-testing spells without an RPC endpoint.

Clean-room contracts (contracts/twin, contracts/dss-exec-lib) sit at their mainnet addresses on
anvil with mainnet-like state, so a compiled spell runs unchanged on the twin and on a real
mainnet fork. Nothing on the render path imports this package.

    from spellgen.twin import start_twin
    with start_twin("2022-01-28") as twin:
        print(twin.url)   # any web3 or Brownie client sees mainnet-shaped contracts there

Modules, one job each: state (figures), artifacts (the shipped precompiled contracts), place (construct at an
address), build (build the state dump), cache (keys, paths), start (load the dump, move to a
date). The anvil process and JSON-RPC are spellgen.chain's; `spellgen twin` is spellgen.cli.twin.
May import: spellgen.spellfile, spellgen.compiler, spellgen.chain.

The names below load their module on first use (PEP 562), so importing `spellgen.cli.twin`
to build spellgen's argument parser loads nothing else.
"""
from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Twin": "start", "TwinDateError": "start", "start_twin": "start",
    "DEFAULT_AWARD_COUNTS": "state", "GENESIS": "state", "GENESIS_DATE": "state",
}

__all__ = [*_EXPORTS, "build_state"]


def build_state(award_counts: dict[str, int] | None = None, rebuild: bool = False, progress: Any = None):
    """Make (or, with rebuild=True, remake) the cached state dump; returns its path."""
    from spellgen.twin.build import build_state as _build

    return _build(award_counts, rebuild=rebuild, progress=progress)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
