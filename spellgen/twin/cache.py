"""Where the twin's state dump lives and what its cache key covers.

The dump is reused only if nothing that shaped it changed: the contract sources, the builder's
code, the award counts, and the anvil binary (its dump format is its own).
"""
from __future__ import annotations

import json
from pathlib import Path

from spellgen.compiler import toolchain
from spellgen.twin.artifacts import cache_dir, contract_sources, digest
from spellgen.errors import SpellgenError

# Bump to invalidate every cached dump when the dump layout changes in a way the hashes miss.
STATE_FORMAT = "1"
# The modules whose code decides what the dump contains.
_PACKAGE = Path(__file__).resolve().parent.parent
BUILDER_MODULES = ("twin/build.py", "twin/place.py", "twin/state.py", "twin/artifacts.py", "chain/rpc.py",
                   "chain/client.py")
_HERE = _PACKAGE
# Read once, when this process first imports the twin: a process that loaded the builder and
# later builds must label the dump with the code it runs, not with what is on disk by then.
_BUILDER_TEXTS = {name: (_HERE / name).read_text() for name in BUILDER_MODULES}


class StaleBuilder(SpellgenError, RuntimeError):
    """The builder's code changed on disk after this process loaded it."""


def check_builder_unchanged() -> None:
    """Refuse to build with code that no longer matches the files (the dump would be mislabelled)."""
    changed = [name for name, text in _BUILDER_TEXTS.items() if (_HERE / name).read_text() != text]
    if changed:
        raise StaleBuilder(f"spellgen/{', '.join(changed)} changed since this process started; "
                           "restart it to build the twin state")


def anvil_identity() -> str:
    """The anvil binary, by path, size and modification time (cheaper than running --version)."""
    path = toolchain.anvil_path()
    stat = path.stat()
    return f"{path}:{stat.st_size}:{stat.st_mtime_ns}"


def state_key(award_counts: dict[str, int]) -> str:
    parts = dict(contract_sources())
    parts.update({f"<builder>/{name}": text for name, text in _BUILDER_TEXTS.items()})
    parts["<awards>"] = json.dumps(award_counts, sort_keys=True)
    parts["<anvil>"] = anvil_identity()
    parts["<format>"] = STATE_FORMAT
    return digest(parts)


def state_path(award_counts: dict[str, int]) -> Path:
    """The anvil state dump (`anvil --load-state` JSON) for these award counts."""
    return cache_dir() / f"state-{state_key(award_counts)}.json"


def manifest_path(state: Path) -> Path:
    """What the builder recorded next to a dump: addresses, figures, timings (for humans and tests)."""
    return state.with_suffix(".meta.json")
