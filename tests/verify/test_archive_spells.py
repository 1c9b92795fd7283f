"""Real weekly spells from the spells archive compile unchanged against the exec base (dss-exec-lib,
dss-interfaces, the dss-test subset), with their own `dependencies/` folders (`./dependencies/...` and
`src/dependencies/...` imports).

The archive is not part of this repository (clean room): point SPELLGEN_SPELLS_ARCHIVE at the
`archive/` folder of a sky-ecosystem/spells-mainnet checkout to run this; it skips otherwise.
Measured 2026-12-01 on commit 17aee91: all 63 spells from 2024-01-12 to 2026-05-07 compile.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from spellgen.compiler.compile import compile_spell

ARCHIVE = os.environ.get("SPELLGEN_SPELLS_ARCHIVE")


def spells() -> list[str]:
    if not ARCHIVE:
        return ["(no archive)"]
    return sorted(p.name for p in Path(ARCHIVE).glob("202[4-6]-*-DssSpell") if (p / "DssSpell.sol").is_file())


@pytest.mark.parametrize("name", spells())
def test_an_archived_spell_compiles_unchanged(name):
    if not ARCHIVE:
        pytest.skip("SPELLGEN_SPELLS_ARCHIVE is not set (the archive/ folder of a spells-mainnet checkout)")
    folder = Path(ARCHIVE) / name
    compiled = compile_spell((folder / "DssSpell.sol").read_text(), "0.8.16", source_dir=folder)
    assert compiled.spell.size > 0 and compiled.action.size > 0
