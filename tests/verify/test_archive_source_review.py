"""The source review on the real spells of the archive, each read with the rules of its own date: a FAIL of
the rules of issue 22 (comments against code, the UTC date comment, the ether note, two decimals, units and
rates `internal constant`) is one of the archive's own known slips below, never a rule applied before it
existed. Like test_archive_spells.py, it reads SPELLGEN_SPELLS_ARCHIVE (the `archive/` folder of a
sky-ecosystem/spells-mainnet checkout) and skips without it. Measured 2026-12-07: all 182 spells of 2021-26 in the archive.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from spellgen.verify.source import review_source

ARCHIVE = os.environ.get("SPELLGEN_SPELLS_ARCHIVE")
RULES = ("the comment", "ether", "two decimals", "has no comment stating", "declare precision", "declare rates",
         # issue 22's later rules: the exact pragma, a budget contract's ChainLog address as a constant,
         # stream times named MMM_DD_YYYY, unused or copied interfaces (none fails the archive)
         "pragma solidity", "is the ChainLog's", "is a stream time", "interface ")

# (folder, line, start of the finding): slips the archive really has, each checked by hand.
KNOWN_SLIPS = {
    # 4 * 365 days from 2022-06-01 crosses 2024's leap day: the stream ends 2026-05-31, its comment says 06-01.
    ("2022-06-08-DssSpell", 136, "the comment states the day 2026-06-01"),
    ("2022-10-05-DssSpell", 91, "the comment says 62.51 MKR"),  # the code streams 62.50
    # Rates and units without a visibility after 2022-11-10 (R:84, R:69; R:323 names them too).
    ("2023-02-22-DssSpell", 59, "DssSpellAction.ZERO_FIVE_PCT_RATE: declare rates"),
    ("2023-02-22-DssSpell", 60, "DssSpellAction.ONE_SEVENTY_FIVE_PCT_RATE: declare rates"),
    ("2023-02-22-DssSpell", 61, "DssSpellAction.THREE_TWENTY_FIVE_PCT_RATE: declare rates"),
    ("2023-03-08-DssSpell", 47, "DssSpellAction.ZERO_SEVENTY_FIVE_PCT_RATE: declare rates"),
    ("2023-03-08-DssSpell", 48, "DssSpellAction.ONE_PCT_RATE: declare rates"),
    ("2023-03-08-DssSpell", 49, "DssSpellAction.ONE_FIVE_PCT_RATE: declare rates"),
    ("2023-03-08-DssSpell", 51, "DssSpellAction.MILLION: declare precision and math units"),
    ("2023-03-08-DssSpell", 52, "DssSpellAction.RAY: declare precision and math units"),
    ("2023-05-24-DssSpell", 148, "the comment of MAY_23_2024 says 2023-05-23 23:59:59 UTC"),  # a year off
    ("2023-10-11-DssSpell", 311, "the comment says 34.5 MKR"),  # the code moves 34.55
    # DEC_01_2023 holds 2023-11-30 23:00:00 UTC (an hour off): the streams start a day early.
    ("2023-11-29-DssSpell", 190, "the comment states the day 2023-12-01"),
    ("2023-11-29-DssSpell", 205, "the comment states the day 2023-12-01"),
    ("2025-02-06-DssSpell", 140, "`ether` used for a token amount without the same-line note"),
    ("2025-02-06-DssSpell", 142, "`ether` used for a token amount without the same-line note"),
    # A native ETH fee held as `0.01 ether` in a constant: spellgen cannot tell it from a token amount.
    ("2026-05-07-DssSpell", 130, "`ether` used for a token amount without the same-line note"),
}


def spells() -> list[str]:
    if not ARCHIVE:
        return ["(no archive)"]
    return sorted(p.name for p in Path(ARCHIVE).glob("202[1-6]-*-DssSpell") if (p / "DssSpell.sol").is_file())


@pytest.mark.parametrize("name", spells())
def test_an_archived_spell_fails_only_on_its_known_slips(name):
    if not ARCHIVE:
        pytest.skip("SPELLGEN_SPELLS_ARCHIVE is not set (the archive/ folder of a spells-mainnet checkout)")
    source = (Path(ARCHIVE) / name / "DssSpell.sol").read_text()
    found = {(name, f.line, f.problem) for f in review_source(source, date=name[:10])
             if not f.warning and any(rule in f.problem for rule in RULES)}
    known = {(folder, line, start) for folder, line, start in KNOWN_SLIPS if folder == name}
    assert {(folder, line) for folder, line, _ in found} == {(folder, line) for folder, line, _ in known}, found
    for folder, line, start in known:
        assert any(f[1] == line and f[2].startswith(start) for f in found), (start, found)
