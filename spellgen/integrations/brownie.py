"""Run brownie on the project's own anvil without touching the user's ~/.brownie settings.

`brownie networks modify development cmd=anvil` would rewrite the global
~/.brownie/network-config.yaml; instead we change brownie's in-memory copy of it for this
process only. brownie picks its launcher from the command string (it must start with
"anvil") and runs it through PATH, so `prepare_env()` puts .tools/bin (our anvil) first.

Two ways in:

* code and conftest.py: call `use_project_anvil()` before `brownie.network.connect()`.
* plain pytest with the `pytest-brownie` plugin: `-p spellgen.integrations.brownie` loads this module as
  a plugin whose hook runs before brownie loads (and compiles) the project.
"""
from __future__ import annotations

from typing import Any

import pluggy

from spellgen.build.toolchain import anvil_path, prepare_env
from spellgen.chain.node import free_port

ANVIL_HOST = "http://127.0.0.1"


def use_project_anvil(network: str = "development", port: int | None = None, **cmd_settings: Any) -> dict[str, Any]:
    """Make brownie's `network` (default: development) launch .tools/bin/anvil on a free port.

    Must run before `brownie.network.connect()`; extra keyword arguments become anvil
    cmd_settings (gas_limit, accounts, chain_id, fork, ...). Returns the edited network entry.
    """
    prepare_env()
    anvil_path()  # fail now, with the "run make setup" hint, rather than inside brownie
    from brownie._config import CONFIG  # imported late: prepare_env() has to come first

    entry = CONFIG.networks[network]
    settings = dict(entry.get("cmd_settings") or {})
    settings.update(cmd_settings)
    settings["port"] = port or free_port()
    entry.update(cmd="anvil", host=ANVIL_HOST, cmd_settings=settings)
    return entry


@pluggy.HookimplMarker("pytest")(tryfirst=True)
def pytest_load_initial_conftests(early_config: Any) -> None:
    """As a pytest plugin (`-p spellgen.integrations.brownie`): set up before pytest-brownie loads the project.

    pytest-brownie compiles the project in this same hook, before any conftest.py is read, so
    only a plugin named with -p (loaded ahead of installed plugins, hook marked tryfirst) can
    point py-solc-x at .tools/solc in time.
    """
    use_project_anvil()
