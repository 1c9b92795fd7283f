"""Where spellgen's own data lives: the Jinja templates, the Solidity base, the npm pins.

In a checkout (an editable install) they are the top-level folders `templates/` and `contracts/`
and the files `package.json` and `package-lock.json`. A built wheel ships the same files inside
the package, under `spellgen/_data/`, so an installed spellgen renders from any folder.
Standard library only: the toolchain module and the render path both use it.
"""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
PACKAGED = _PACKAGE / "_data"
CHECKOUT = _PACKAGE.parent


def is_checkout() -> bool:
    """True when spellgen runs from its source tree (the data folders sit beside the package)."""
    return not PACKAGED.is_dir() and (CHECKOUT / "templates").is_dir()


def data_root() -> Path:
    """The folder holding templates/, contracts/ and package.json."""
    return PACKAGED if PACKAGED.is_dir() else CHECKOUT


def templates_dir() -> Path:
    return data_root() / "templates"


def contracts_dir() -> Path:
    return data_root() / "contracts"
