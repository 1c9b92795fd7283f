"""Run brownie on the project's own anvil and on spellgen's networks, without touching ~/.brownie.

`brownie networks modify ...` would rewrite the global ~/.brownie/network-config.yaml; instead
brownie's in-memory copy of it is edited for this process only. Brownie picks its launcher from
the command string (it must start with "anvil") and runs it through PATH, so `prepare_env()`
puts .tools/bin (our anvil) first.

The networks (`register_networks`):

* `development`: the project's anvil on a free port (brownie launches it);
* `spellgen-twin`: a development network attached to a twin that spellgen starts at the spell's
  date (`attach_twin`); Brownie finds the port answering and attaches instead of launching, and,
  the network being a development one, caches no call results;
* `mainnet-fork`: brownie launches the project's anvil forking `$ETH_RPC_URL` (at
  `$SPELLGEN_FORK_BLOCK` when set).

Ways in:

* `brownie run` / `brownie test` in this project: brownie imports the project's `brownie_hooks.py`
  while it loads the project, before it connects; that file calls `configure_brownie()`.
* code and conftest.py: call `use_project_anvil()` or `register_networks()` before `brownie.network.connect()`.
* plain pytest with the `pytest-brownie` plugin: `-p spellgen.integrations.brownie` loads this module as
  a plugin whose hook runs before brownie loads (and compiles) the project.
"""
from __future__ import annotations

import os
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pluggy

from spellgen.compiler.toolchain import anvil_path, prepare_env
from spellgen.chain.node import free_port

ANVIL_HOST = "http://127.0.0.1"
TWIN_NETWORK = "spellgen-twin"
FORK_NETWORK = "mainnet-fork"
FORK_BLOCK_ENV = "SPELLGEN_FORK_BLOCK"
TWIN_DATE_ENV = "SPELLGEN_TWIN_DATE"

_twins: list = []  # twins started for brownie in this process (stopped at exit by AnvilNode)


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


def register_networks(environ: dict | None = None) -> dict[str, dict]:
    """Define development, spellgen-twin and mainnet-fork in brownie's in-memory network config.

    spellgen-twin has no port until `attach_twin` starts a twin; mainnet-fork forks
    `$ETH_RPC_URL` (left as the literal `$ETH_RPC_URL` when unset: connecting then fails, and
    `configure_brownie` says why before that). Returns the three entries.
    """
    env = os.environ if environ is None else environ
    development = use_project_anvil()
    from brownie._config import CONFIG

    CONFIG.networks[TWIN_NETWORK] = {
        "id": TWIN_NETWORK, "name": "spellgen twin (mainnet replica at the spell's date)",
        "host": ANVIL_HOST, "cmd": "anvil", "cmd_settings": {"port": None}}
    fork = {"fork": env.get("ETH_RPC_URL") or "$ETH_RPC_URL", "port": free_port(), "chain_id": 1,
            "gas_limit": 30_000_000}
    if env.get(FORK_BLOCK_ENV):
        fork["fork_block"] = int(env[FORK_BLOCK_ENV])
    CONFIG.networks[FORK_NETWORK] = {
        "id": FORK_NETWORK, "name": "mainnet fork of $ETH_RPC_URL (spellgen's anvil)",
        "host": ANVIL_HOST, "cmd": "anvil", "cmd_settings": fork}
    return {"development": development, TWIN_NETWORK: CONFIG.networks[TWIN_NETWORK],
            FORK_NETWORK: CONFIG.networks[FORK_NETWORK]}


def attach_twin(spec: Path | None) -> Any:
    """Start the twin `spellgen simulate` casts `spec` on, and point the spellgen-twin network at it
    (before connecting). It is started the one way the CLI starts it (spellgen.run.start_spell_twin:
    the spell's date and pause delay, the chainlog keys it names parties by, the awards its yanks
    state), so Brownie casts on the same state. A YAML that cannot be read gets a bare twin at its
    date (or `default_date()`): the script then reports the YAML's errors with exit 2."""
    from brownie._config import CONFIG

    from spellgen.run import start_spell_twin
    from spellgen.twin import start_twin

    spell = readable_spell(spec) if spec else None
    if spell is not None:
        twin, where = start_spell_twin(spell)
        date = spell.date
    else:
        date = default_date()
        twin = start_twin(date)
        where = f"twin at {date}"
    _twins.append((date, twin, where))
    CONFIG.networks[TWIN_NETWORK]["cmd_settings"]["port"] = twin.port
    return twin


def twin_date() -> str | None:
    """The date of the twin `attach_twin` started in this process, if any."""
    return _twins[-1][0] if _twins else None


def twin_description() -> str | None:
    """How reports describe the twin `attach_twin` started (the words `spellgen simulate` uses)."""
    return _twins[-1][2] if _twins else None


def readable_spell(spec: Path) -> Any:
    """The spell model of a YAML, or None when it cannot be read well enough to start its twin."""
    from spellgen.spellfile.diagnostics import Diagnostics
    from spellgen.spellfile.parse import load_spell

    try:
        spell = load_spell(Path(spec), Diagnostics(str(spec)))
        spell.chainlog_parties()  # a YAML too broken for its parties gets a bare twin
    except Exception:  # noqa: BLE001 - invalid YAML: the script reports it with exit 2
        return None
    return spell if spell.date else None


def default_date() -> str:
    """$SPELLGEN_TWIN_DATE, else today (UTC)."""
    return os.environ.get(TWIN_DATE_ENV) or datetime.now(timezone.utc).strftime("%Y-%m-%d")


def _spec_in(args: list[str]) -> Path | None:
    """The first spell YAML among a command line's arguments."""
    for arg in args:
        if arg.endswith((".yaml", ".yml")) and Path(arg).is_file():
            return Path(arg)
    return None


def configure_brownie(argv: list[str] | None = None) -> None:
    """What `brownie_hooks.py` runs while brownie loads the project: compilers, networks, the twin.

    For `brownie run`, no `--network` means spellgen-twin; the twin starts at the date of the
    first spell YAML among the script's arguments. For `brownie test`, the spellgen pytest
    plugin starts it once the tests are collected (their module names the spell).
    """
    from brownie._config import CONFIG

    register_networks()
    import_scripts_from_any_folder()
    argv = sys.argv if argv is None else argv
    mode = CONFIG.argv["cli"]
    if mode == "run" and not CONFIG.argv["network"]:
        CONFIG.argv["network"] = TWIN_NETWORK
    if CONFIG.argv["network"] == FORK_NETWORK and not os.environ.get("ETH_RPC_URL"):
        sys.exit(fork_url_missing())
    if mode == "run" and CONFIG.argv["network"] == TWIN_NETWORK:
        spec = _spec_in(argv)
        spell = readable_spell(spec) if spec else None
        if spec and spell is not None:
            refuse_before_the_twin(spec, spell.date)
        attach_twin(spec)


def import_scripts_from_any_folder() -> None:
    """Let `brownie run` import a script from a checkout whose path has a folder with a dot in its name.

    eth-brownie 1.22 imports a script as the module named by its absolute path's folders joined
    with dots: `/src/spells.v2/spellgen/scripts/x.py` becomes `src.spells.v2.spellgen.scripts.x`,
    and `src.spells` names no folder. Its compiled code cannot be patched, so a last-resort finder
    resolves such names instead: `src.spells` as a prefix of the folder `spells.v2`, then
    `src.spells.v2` as that folder; the rest is ordinary. Installed once per process.
    """
    if not any(isinstance(finder, DottedFolderFinder) for finder in sys.meta_path):
        sys.meta_path.append(DottedFolderFinder())  # last: only names nothing else found


class DottedFolderFinder:
    """A meta path finder for module names whose dots may belong to folder names (see above)."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> Any:
        from importlib.machinery import ModuleSpec

        folders = _folders_named(Path("/"), fullname.split("."))
        if folders is None:
            return None
        spec = ModuleSpec(fullname, None, is_package=True)  # a namespace package over those folders
        spec.submodule_search_locations = folders
        return spec


def _folders_named(base: Path, parts: list[str]) -> list[str] | None:
    """The folder under `base` that `parts` name when some of their dots are a folder name's own:
    [that folder]; [] when they name the beginning of a dotted folder name; None when neither."""
    if not parts:
        return [str(base)]
    for n in range(1, len(parts) + 1):
        folder = base / ".".join(parts[:n])
        if folder.is_dir():
            found = _folders_named(folder, parts[n:])
            if found is not None:
                return found
    prefix = ".".join(parts) + "."
    try:
        if any(child.name.startswith(prefix) and child.is_dir() for child in base.iterdir()):
            return []
    except OSError:
        pass
    return None


def refuse_before_the_twin(spec: Path, date: str) -> None:
    """A spell dated before the twin's first day gets the located error `simulate` gives (exit 2),
    before a twin is started for it."""
    from spellgen.spellfile.history import TWIN_FIRST_DAY

    if date >= TWIN_FIRST_DAY:
        return
    from spellgen.run import load_source
    from spellgen.spellfile.diagnostics import InputError

    try:
        load_source(spec, on_twin=True)
    except InputError as exc:
        print(exc, file=sys.stderr)
        sys.exit(2)


def fork_url_missing() -> str:
    """The message when mainnet-fork is chosen without an RPC URL."""
    return (f"spellgen: --network {FORK_NETWORK} forks $ETH_RPC_URL, which is not set; "
            f"export ETH_RPC_URL=https://your-node/... (and optionally {FORK_BLOCK_ENV}=N)")


def bridge_brownie_plugin(manager: Any) -> bool:
    """Under `brownie test`, put Brownie's pytest plugin back when an ini's `-p no:pytest-brownie` removed it.

    Its options were added before the removal, so a copy of its hooks without
    `pytest_addoption` is registered. Returns whether it did so.
    """
    config_module = sys.modules.get("brownie._config")
    if config_module is None or config_module.CONFIG.argv["cli"] != "test":
        return False
    if manager.get_plugin("pytest-brownie") is not None or manager.get_plugin("spellgen-brownie-bridge"):
        return False
    import types

    import brownie.test.plugin as plugin

    bridge = types.ModuleType("spellgen_brownie_bridge")
    for name in dir(plugin):
        if name.startswith("pytest_") and name != "pytest_addoption":
            setattr(bridge, name, getattr(plugin, name))
    manager.register(bridge, "spellgen-brownie-bridge")
    return True


def brownie_web3() -> Any:
    """Brownie's web3 (connected by brownie before the tests run)."""
    from brownie import web3

    return web3


def active_network() -> str:
    """The name of the network Brownie is connected to (spellgen-twin, mainnet-fork, ...)."""
    from brownie import network

    return str(network.show_active())


def connected() -> bool:
    """Whether brownie is connected to a network already."""
    from brownie import network

    return network.is_connected()


def choose_network(default: str) -> str:
    """The network `brownie test` will connect to: the one asked for, else `default`."""
    from brownie._config import CONFIG

    if not CONFIG.argv["network"]:
        CONFIG.argv["network"] = default
    return CONFIG.argv["network"]


@pluggy.HookimplMarker("pytest")(tryfirst=True)
def pytest_load_initial_conftests(early_config: Any) -> None:
    """As a pytest plugin (`-p spellgen.integrations.brownie`): set up before pytest-brownie loads the project.

    pytest-brownie compiles the project in this same hook, before any conftest.py is read, so
    only a plugin named with -p (loaded ahead of installed plugins, hook marked tryfirst) can
    point py-solc-x at .tools/solc in time.
    """
    use_project_anvil()
