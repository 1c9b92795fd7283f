"""Actions are plug-ins: each kind lives in one module of spellgen/spellfile/actions/, with every part a
stage needs, and no stage outside that package names an action class or branches on one.

Adding a kind means its module, its tests and a README row: the parity test below fails until the new
kind has every part, and the layering test fails if a stage asks which kind an action is.
"""
from __future__ import annotations

import ast
import re
from decimal import Decimal
from pathlib import Path

import pytest

from spellgen.spellfile.actions import KINDS, PARTS, REGISTRY
from spellgen.spellfile.actions.base import Action, Block, DocClaim, Effects, Flow, SummaryRow

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "spellgen"
ACTIONS = PACKAGE / "spellfile" / "actions"
CLASS_NAMES = {kind.__name__ for kind in KINDS}
YAMLS = sorted(ROOT.glob("examples/*.yaml")) + sorted((ROOT / "tests/spells").glob("*.yaml"))


def stage_modules() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if ACTIONS not in p.parents]


def names_in(path: Path) -> set[str]:
    """Every identifier a module mentions: names, attributes, imported names (annotations included)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Name):
            found.add(node.id)
        elif isinstance(node, ast.Attribute):
            found.add(node.attr)
        elif isinstance(node, ast.ImportFrom):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in CLASS_NAMES:
            found.add(node.value)  # a string annotation or getattr by name
    return found


@pytest.mark.parametrize("path", stage_modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_stage_names_an_action_class(path):
    named = sorted(names_in(path) & CLASS_NAMES)
    assert not named, f"{path.relative_to(ROOT)} names {named}: call the action's part instead (spellfile/actions/)"


@pytest.mark.parametrize("path", stage_modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_stage_branches_on_the_kind_of_an_action(path):
    """No `type(a).__name__` dispatch, no `a.KIND == "..."` / `a.type == "..."` chain, no of_type() in a stage."""
    text = path.read_text()
    tree = ast.parse(text)
    kinds = set(REGISTRY)
    for node in ast.walk(tree):
        sides = [node.left, *node.comparators] if isinstance(node, ast.Compare) else []
        if any(isinstance(c, ast.Constant) and c.value in kinds for c in sides) and \
                any(isinstance(c, ast.Attribute) and c.attr in ("KIND", "type") for c in sides):
            pytest.fail(f"{path.relative_to(ROOT)}:{node.lineno} compares an action's kind with a kind's name")
        if isinstance(node, ast.Attribute) and node.attr == "of_type" and path.name != "model.py":
            pytest.fail(f"{path.relative_to(ROOT)}:{node.lineno} selects actions by class (of_type)")
    assert "type(a).__name__" not in text and "type(action).__name__" not in text


def test_the_registry_holds_every_kind_once_by_its_yaml_type():
    assert list(REGISTRY) == [k.KIND for k in KINDS]
    assert len(set(REGISTRY)) == len(KINDS)
    modules = {p.stem for p in ACTIONS.glob("*.py")} - {"__init__", "base", "common", "fields"}
    assert modules == {k.__module__.rsplit(".", 1)[1] for k in KINDS}, "one module per kind, each registered"


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.KIND)
@pytest.mark.parametrize("part", PARTS)
def test_every_kind_defines_every_part(kind, part):
    """Each part is the kind's own (defined in its module), not the base's placeholder."""
    mine, base = getattr(kind, part), getattr(Action, part)
    if part.isupper():
        assert mine and mine != base, f"{kind.KIND} has no {part}"
    else:
        assert getattr(mine, "__func__", mine) is not getattr(base, "__func__", base), \
            f"{kind.KIND} does not define {part}()"
    assert isinstance(kind.EFFECTS, Effects) and kind.EFFECTS.calls and kind.EFFECTS.events and kind.EFFECTS.used_by


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.KIND)
def test_every_kind_has_its_schema_fragment_for_exactly_its_fields(kind):
    description, fields = kind.schema({"type": "string"})
    assert description and set(fields) == set(kind.FIELDS) - {"type"}
    from spellgen.spellfile.schema import spell_schema

    actions = spell_schema()["properties"]["sections"]["items"]["properties"]["actions"]["items"]["oneOf"]
    assert kind.KIND in [a["properties"]["type"]["const"] for a in actions]


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.KIND)
def test_every_kind_has_a_readme_row_naming_its_fields(kind):
    rows = [line for line in (ROOT / "README.md").read_text().splitlines() if line.startswith(f"| {kind.README} |")]
    assert len(rows) == 1, f"README.md needs one action-table row `| {kind.README} | fields | renders |`"
    fields = set(re.findall(r"`(\w+)`", rows[0].split("|")[2]))
    assert set(kind.FIELDS) - {"type", "comment"} <= fields, rows[0]


def _instances() -> dict[str, list]:
    from spellgen.spellfile.parse import load_spell

    found: dict[str, list] = {k: [] for k in REGISTRY}
    for path in YAMLS:
        spell = load_spell(path)
        for action in spell.actions:
            found[action.KIND].append((spell, action))
    return found


INSTANCES = _instances()


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.KIND)
def test_every_kind_is_parsed_rendered_expected_reported_and_tested(kind):
    """Walk each part on a real instance (an example or test spell): parse, solidity, expected items,
    summary and diff rows, totals, flows, document claims and the Brownie test."""
    from spellgen.render.spell import render
    from spellgen.spellfile.actions.base import BrownieContext
    from spellgen.spellfile.expect import expected_from

    assert INSTANCES[kind.KIND], f"no example or test spell has a {kind.KIND}: add one"
    spell, action = INSTANCES[kind.KIND][0]
    assert type(action) is kind and action.path
    assert render(spell, "DssSpell.sol")  # the whole spell, this action's statement included
    expected = expected_from(spell)
    mine = [i for i in expected.items if i.path == action.path]
    assert mine, f"{kind.KIND} adds no item for verify to check"
    row = action.summary_row(spell)
    assert isinstance(row, SummaryRow) and row.action
    assert action.diff_fields(spell) and isinstance(action.identity(), tuple)
    assert all(isinstance(v, Decimal) for v in action.paid_tokens().values())
    assert action.flow() is None or isinstance(action.flow(), Flow)
    assert all(isinstance(c, DocClaim) for c in action.doc_claims())
    tests = action.brownie_tests(BrownieContext(expected, {}))
    assert [item for item, _ in tests] == mine, f"{kind.KIND}: one Brownie test per item verify checks"
    assert all(body.startswith("    ") and "assert " in body for _, body in tests)


def test_solidity_is_a_block_the_renderer_lays_out():
    from spellgen.render.spell import _Builder
    from spellgen.spellfile.style import house_style

    for kind in KINDS:
        spell, action = INSTANCES[kind.KIND][0]
        block = action.solidity(_Builder(spell, house_style(spell.date)))
        assert isinstance(block, Block) and block.code and all(isinstance(line, str) for line in block.code)


@pytest.mark.parametrize("spec", YAMLS, ids=lambda p: p.stem)
def test_each_actions_document_line_reads_back_as_what_the_document_must_state(spec):
    """A document made of the actions' `doc_line`s is, for the exec-doc cross-check, the YAML exactly:
    every payment, transfer and stream found with its recipient, and nothing else read as one."""
    from spellgen.spellfile.execdoc_items import cross_check, doc_payments
    from spellgen.spellfile.parse import load_spell

    spell = load_spell(spec)
    document = "\n".join(action.doc_line(spell) for action in spell.actions) + "\n"
    assert cross_check(spell, document, "generated.md") == []
    claims = [c for action in spell.actions for c in action.doc_claims()]
    assert len(doc_payments(document)) == len(claims)


class _View:
    """What verify offers around a cast, made up (no chain): the parts must only need these."""

    def __init__(self, expected):
        from spellgen.spellfile.history import MAINNET

        self.addresses = {**MAINNET, "USDS_JOIN": "0x" + "a1" * 20, "DAI_USDS": "0x" + "a2" * 20,
                          "MKR_SKY": "0x" + "a3" * 20}
        self.addresses.update({v: "0x" + f"{i + 1:02x}" * 20 for i, v in enumerate(expected.vests)})
        # A farm's distribution pays its farm, which verify reads from the distribution (`KEY:farm`).
        for d in [*expected.distributions, *expected.farm_updates]:
            self.addresses.setdefault(d.dist, "0x" + "f2" * 20)
            self.addresses[f"{d.dist}:farm"] = "0x" + "f1" * 20
        from types import SimpleNamespace

        from spellgen.cast.simulate import Award

        self.cast_time = 1_750_000_000
        self.ids_before = {v: 7 for v in expected.vests}
        # The existing awards a kind reads at the cast (yanked, repaired, read by a computed amount),
        # running across the cast time, so their effects and events are made, and judged.
        self.awards_before = {key: Award("0x" + "44" * 20, 1_700_000_000, 1_700_000_000, 1_800_000_000,
                                         "0x" + "00" * 20, 1, 10**24, 0) for key in expected.awards_read}
        self.before = SimpleNamespace(awards=self.awards_before)
        self.owed_after = {}
        self.chainlog_count = 100
        self.caps_before = {}
        self.before_state = None
        self.proxy = self.addresses["MCD_PAUSE_PROXY"].lower()
        # Every token a PauseProxy transfer reads holds 10**27 wei in the PauseProxy before the cast.
        self.held_before = {(t.key, self.proxy): 10**27 for t in [*expected.proxy_transfers, *expected.held_burns]}

    def address_of(self, key: str) -> str:
        return self.addresses.get(key, "").lower()

    def vest_address(self, vest: str) -> str:
        return self.addresses.get(vest, "").lower()

    def award_before(self, vest: str, award: int):
        return self.awards_before.get((vest, award))

    def farm_of(self, dist: str) -> str:
        return self.addresses.get(dist + ":farm", "").lower()


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.KIND)
def test_every_kinds_state_effects_and_token_events_are_the_declared_ones(kind):
    """What a kind explains to verify stays within what its EFFECTS declare: each storage variable it
    changes is one of its declared entries, and each token event's symbol one of its declared emitters."""
    from spellgen.spellfile.expect import expected_from
    from spellgen.spellfile.history import held_tokens
    from spellgen.spellfile.protocol import VESTS

    spell, _ = INSTANCES[kind.KIND][0]
    expected = expected_from(spell)
    view = _View(expected)
    declared_vars = {entry.split("[")[0].split(".")[0] for _, entry in kind.EFFECTS.state}
    effects = kind.state_effects(expected, view)
    assert {e.var for e in effects} <= declared_vars, kind.KIND
    emitters = {emitter for emitter, _ in kind.EFFECTS.events} | {
        emitter for _, events in kind.EFFECTS.variants for emitter, _ in events}
    if "MCD_DAI" in emitters:
        emitters.add("DAI")  # the token by its symbol
    if "TOKEN" in emitters:
        emitters |= {v.token for v in VESTS.values()}  # the vest's token
        # ... or a held token a PauseProxy transfer moves (spellgen/spellfile/data/held_tokens.tsv)
        emitters |= {t.symbol for t in held_tokens()}
    events = kind.token_events(expected, view)
    symbols = {m[0] for m in events.moves} | {a[0] for a in events.approvals} | {b[0] for b in events.burns}
    assert symbols <= emitters, kind.KIND


class _Numbers(dict):
    """A state's mapping where every key reads some number (the check must run, not pass)."""

    def __missing__(self, key):
        return 10**21


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.KIND)
def test_every_item_a_kind_expects_gets_a_verify_result_from_the_kind(kind):
    """What `expect` adds, `checks` judges: each of the kind's items has its own result."""
    from types import SimpleNamespace

    from spellgen.cast.simulate import Award, Observation, State
    from spellgen.spellfile.expect import expected_from

    spell, action = INSTANCES[kind.KIND][0]
    expected = expected_from(spell)
    o = Observation(_View(expected).addresses)
    o.before, o.after = State(), State()
    for state in (o.before, o.after):
        for name in ("ids", "dai", "mkr", "usds", "sky", "supply", "allowance", "caps"):
            setattr(state, name, _Numbers())
        state.awards = {(y.vest, y.award): Award("0x" + "44" * 20, 1, 1, 2, "0x" + "00" * 20, 1, 1, 0)
                        for y in expected.yanks}
    o.cast = SimpleNamespace(timestamp=1_750_000_000, logs=[])
    results = kind.checks(expected, o)
    mine = [i for i in expected.items if i.path == action.path]
    assert all(any(r.item == i.label and r.path == i.path for r in results) for i in mine), kind.KIND
    assert all(r.path == "spell" or r.path in {i.path for i in expected.items} for r in results)
