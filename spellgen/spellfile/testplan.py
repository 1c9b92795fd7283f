"""The generated Brownie tests by name: one per item verify checks, in the YAML's order, then one per
action asserting its events in order (emitters and names, as its kind declares them).

`spellgen brownie-test` writes them (cli/brownie_test.py) and the reports' coverage map names them
(review/coverage.py), so both read the same names from here. Each action kind writes its tests'
bodies (spellfile/actions/: `brownie_tests`); the ChainLog keys the spell reads recipients from come after.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spellgen.spellfile.actions import REGISTRY
from spellgen.spellfile.actions.base import TOKEN_KEYS, BrownieContext, event_key
from spellgen.spellfile.expect import EventPlan, Expected, Item
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
    # Each action's events in order, after (so the numbers of the item tests stay as they were).
    tests += [(Item(f"events of {plan.item.label}", plan.item.path), events_body(plan)) for plan in expected.event_plans]
    return [PlannedTest(_name(item, number), item, body) for number, (item, body) in enumerate(tests, 1)]


def _slug(text: str, limit: int = 60) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    return slug[:limit].rstrip("_")


def _chainlog_body(entry) -> str:
    """A key the spell reads a recipient from holds the address the YAML states."""
    return (f'    held = cast.observation.chainlog["{entry.key}"] or ""  # what the ChainLog holds under the key\n'
            f'    assert held.lower() == "{entry.address}".lower()\n')


def _pairs(plan: EventPlan, sequence: tuple[tuple[str, str], ...], indent: int = 4) -> str:
    """A declared sequence as the test compares it: (emitter, event), the emitter bound (a chainlog key, a
    token by its symbol), the event as the check keys it (verify/sequence.py names the cast's logs so);
    one pair a line when they are more than two."""
    out = []
    for emitter, event in sequence:
        bound = "MCD_PAUSE_PROXY" if emitter == "proxy" else plan.names.get(emitter, emitter)
        out.append(f'("{TOKEN_KEYS.get(bound, bound)}", "{event_key(event)}")')
    if len(out) <= 2:
        return "[" + ", ".join(out) + "]"
    return "[\n" + "".join(f"{' ' * (indent + 4)}{pair},\n" for pair in out) + " " * indent + "]"


def events_body(plan: EventPlan) -> str:
    """The action's events in the cast, in order, against the sequences its kind declares (the form the
    state before the cast selects, the kind's first-use events when this action is the first to need them)."""
    kind = REGISTRY[plan.kind]
    fx = kind.EFFECTS
    module = kind.__module__.rsplit(".", 1)[-1]
    lines = [f'    events = cast.action_events("{plan.item.path}")  # its segment of the cast\'s logs, in order']
    if fx.variants:
        lines.append(f"    forms = {{  # the sequences {kind.LABEL} declares (spellgen/spellfile/actions/{module}.py)")
        lines += [f'        "{name}": {_pairs(plan, seq, 8)},' for name, seq in (("", fx.events), *fx.variants)]
        lines += ["    }", "    expected = forms[events.form]  # the form the YAML and the state before the cast select"]
    else:
        lines += [f"    # as {kind.LABEL} declares it (spellgen/spellfile/actions/{module}.py)",
                  f"    expected = {_pairs(plan, fx.events)}"]
    if fx.first_use:
        lines += [f"    if events.first_use:  # the first action that needs them ({fx.first_use_unless or 'always'} "
                  "false before the cast)",
                  f"        expected[{fx.first_use_at}:{fx.first_use_at}] = {_pairs(plan, fx.first_use)}"]
    lines.append("    assert events.observed == expected  # (emitter, event), no more and no fewer")
    return "\n".join(lines) + "\n"


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
