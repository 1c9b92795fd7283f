"""Real weekly spells from the spells archive compile unchanged against the exec base, with their own
`dependencies/` folders (`./dependencies/...` and `src/dependencies/...` imports).

The archive is not part of this repository (clean room): point SPELLGEN_SPELLS_ARCHIVE at the
`archive/` folder of a sky-ecosystem/spells-mainnet checkout to run this; it skips otherwise.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from spellgen.build.compile import compile_spell

ARCHIVE = os.environ.get("SPELLGEN_SPELLS_ARCHIVE")
# Spells whose imports stay within dss-exec-lib, dss-interfaces and their own dependencies/ folder
# (the spells that import dss-test/MCD.sol need a library this project does not offer).
SPELLS = ["2025-07-24-DssSpell", "2025-11-27-DssSpell", "2026-01-15-DssSpell", "2026-05-07-DssSpell"]


@pytest.mark.parametrize("name", SPELLS)
def test_an_archived_spell_compiles_unchanged(name):
    if not ARCHIVE:
        pytest.skip("SPELLGEN_SPELLS_ARCHIVE is not set (the archive/ folder of a spells-mainnet checkout)")
    folder = Path(ARCHIVE) / name
    compiled = compile_spell((folder / "DssSpell.sol").read_text(), "0.8.16", source_dir=folder)
    assert compiled.spell.size > 0 and compiled.action.size > 0
