"""The generated Brownie tests by name: one per item verify checks, in the YAML's order.

`spellgen brownie-test` writes them (cli/brownie_test.py) and the reports' coverage map names them
(review/coverage.py), so both read the same names from here. Each action kind writes its tests'
bodies (spellfile/actions/: `brownie_tests`); the ChainLog keys the spell reads recipients from come after.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spellgen.spellfile.actions.base import BrownieContext
from spellgen.spellfile.expect import Expected, Item
from spellgen.spellfile.model import Spell


@dataclass(frozen=True)
class PlannedTest:
    name: str  # `test_2_stream_2_486_400_dai_to_tech_001_on_mcd_vest_dai`
    item: Item
    body: str  # the test's lines after its docstring, indented 4


def numbered_tests(spell: Spell, expected: Expected) -> list[PlannedTest]:
    """Every item's test, numbered in the YAML's order (stable within an action)."""
    ctx = BrownieContext(expected, _wallet_names(spell))
    tests = [pair for action in spell.actions for pair in action.brownie_tests(ctx)]
    tests.sort(key=lambda pair: _position(pair[0].path))
    tests += [(entry.item, _chainlog_body(entry)) for entry in expected.chainlog]  # the spell's keys, after
    return [PlannedTest(_name(item, number), item, body) for number, (item, body) in enumerate(tests, 1)]


def _slug(text: str, limit: int = 60) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    return slug[:limit].rstrip("_")


def _chainlog_body(entry) -> str:
    """A key the spell reads a recipient from holds the address the YAML states."""
    return (f'    held = cast.observation.chainlog["{entry.key}"] or ""  # what the ChainLog holds under the key\n'
            f'    assert held.lower() == "{entry.address}".lower()\n')


def _wallet_names(spell) -> dict[str, str]:
    """address (lower case) -> registry name, from the parties the actions name."""
    return {party.address.lower(): party.name for action in spell.actions for _, party in action.parties()
            if party.name}


def _position(path: str) -> tuple[int, ...]:
    """`sections[1].actions[2]` -> (1, 2): the YAML's order."""
    return tuple(int(n) for n in re.findall(r"\d+", path))


def _name(item, number: int) -> str:
    """`test_2_stream_2_486_400_dai_to_tech_001_on_mcd_vest_dai`: the item's number and label."""
    kind, _, rest = item.label.partition(":")
    return f"test_{number}_{_slug(kind)}_{_slug(rest)}"
