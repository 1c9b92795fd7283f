"""`spellgen brownie-test`: one readable test per YAML item, expected values as literals from the YAML
model, written atomically; bad input is exit 2 and writes nothing. (Running the modules under
`brownie test` is tests/integrations/test_brownie_cli.py.)"""
from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

from spellgen.cli import main as cli
from spellgen.spellfile.diagnostics import Diagnostics
from spellgen.spellfile.expect import expected_from
from spellgen.spellfile.parse import load_spell

ROOT = Path(__file__).resolve().parents[2]
EVERY = ROOT / "examples/every-action.yaml"


def collected(path: Path) -> dict[str, str]:
    tree = ast.parse(path.read_text())
    return {node.name: ast.get_docstring(node) or "" for node in tree.body
            if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")}


def test_one_test_per_yaml_item_in_yaml_order(tmp_path, capsys):
    out = tmp_path / "tests" / "test_every.py"
    assert cli.main(["brownie-test", str(EVERY), "-o", str(out)]) == 0
    tests = collected(out)
    expected = expected_from(load_spell(EVERY, Diagnostics(str(EVERY))))
    items = [*expected.awards, *expected.payments, *expected.usds_payments, *expected.sky_transfers,
             *expected.conversions, *expected.transfers, *expected.yanks, *expected.allowances, *expected.caps]
    # and one per action for its events in order, after the items' (issue 25), and one for the spell's own properties
    assert len(tests) == len(expected.items) + len(expected.event_plans) + 1
    events = [d for d in tests.values() if d.split(": ", 1)[-1].startswith("events of ")]
    assert events == [f"{p.item.path}: events of {p.item.label}" for p in expected.event_plans]
    docstrings = list(tests.values())[:-1 - len(events)]
    assert [d.split(": ", 1)[0] for d in docstrings] == sorted(
        (i.item.path for i in items), key=lambda p: [int(n) for n in p.replace("]", "[").split("[")[1::2]]) + [
        c.item.path for c in expected.chainlog]
    for item in expected.items:
        assert f"{item.path}: {item.label}" in docstrings
    assert "wrote" in capsys.readouterr().err


def test_expected_values_are_literals_from_the_yaml(tmp_path):
    out = tmp_path / "test_every.py"
    cli.main(["brownie-test", str(EVERY), "-o", str(out)])
    text = out.read_text()
    spell = load_spell(EVERY, Diagnostics(str(EVERY)))
    expected = expected_from(spell)
    for cap in expected.caps:
        assert f"== {cap.per_second:_}, ITEM  # wei per second" in text
    for award in expected.awards:
        assert f"assert award.tot == {award.tot:_}, ITEM" in text
        assert f"assert award.bgn == {award.bgn}, ITEM  # " in text
    for payment in expected.payments:
        assert f'recipient = "{payment.recipient}"' in text
    assert os.path.relpath(EVERY, out.parent) in text


def test_without_output_the_module_goes_to_stdout(capsys):
    assert cli.main(["brownie-test", str(ROOT / "examples/techops-2022-12-09.yaml")]) == 0
    out = capsys.readouterr().out
    assert "def test_1_mkr_transfer_257_31_mkr_to_tech_001(cast):" in out
    assert "assert received == 257_310_000_000_000_000_000, ITEM  # 257.31 MKR" in out
    compile(out, "generated", "exec")


def test_bad_input_is_exit_2_and_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(EVERY.read_text().replace("type: stream", "type: streem", 1))
    out = tmp_path / "test_bad.py"
    assert cli.main(["brownie-test", str(bad), "-o", str(out)]) == 2
    assert not out.exists()
    assert "streem" in capsys.readouterr().err


def test_the_spell_option_is_written_relative_to_the_module(tmp_path):
    out = ROOT / "tests" / "brownie" / "test_usds_sky_2025_03_01.py"
    text = out.read_text()
    assert 'SPELL = HERE / "../realspells/2025-03-01-DssSpell/DssSpell.sol"' in text
    assert 'SPEC = HERE / "../spells/usds-sky-2025-03-01.yaml"' in text


@pytest.mark.parametrize("interruption", [KeyboardInterrupt])
def test_an_interrupted_write_keeps_the_previous_module(tmp_path, monkeypatch, interruption):
    out = tmp_path / "test_every.py"
    out.write_text("previous")

    def interrupted(*args):
        raise interruption()

    monkeypatch.setattr(os, "replace", interrupted)
    assert cli.main(["brownie-test", str(EVERY), "-o", str(out)]) != 0  # the CLI reports the Ctrl-C
    assert out.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["test_every.py"]


# Issue 21, case 4: a test for every item verify checks, for every action kind.
SKY_FEB = ROOT / "examples/sky-2026-02-26.yaml"
EXAMPLES = sorted(ROOT.glob("examples/*.yaml"))


def _tests_of(spec: Path, tmp_path: Path) -> dict[str, str]:
    out = tmp_path / f"test_{spec.stem.replace('-', '_')}.py"
    assert cli.main(["brownie-test", str(spec), "-o", str(out)]) == 0
    compile(out.read_text(), str(out), "exec")
    return collected(out)


def test_every_verify_item_of_the_sky_example_has_a_test(tmp_path):
    tests = _tests_of(SKY_FEB, tmp_path)
    expected = expected_from(load_spell(SKY_FEB, Diagnostics(str(SKY_FEB))))
    kinds = {i.label.split(":")[0] for i in expected.items}
    assert {"USDS payment", "stream", "yank", "allowance", "chainlog"} <= kinds
    docstrings = set(tests.values())
    assert [i for i in expected.items if f"{i.path}: {i.label}" not in docstrings] == []
    assert len(tests) == len(expected.items) + len(expected.event_plans) + 1 == 13 + 8  # 8 actions' events in order


@pytest.mark.parametrize("spec", EXAMPLES + [ROOT / "tests/spells/sky-mkr-2025-03-06.yaml",
                                             ROOT / "tests/spells/sky-direct-2024-11-28.yaml",
                                             ROOT / "tests/spells/proxy-transfer-2025-08-21.yaml",
                                             ROOT / "tests/spells/surplus-return-2025-02-06.yaml",
                                             ROOT / "tests/spells/mkr-to-sky-2025-06-26.yaml",
                                             ROOT / "tests/spells/treasury-2025-06-26.yaml"], ids=lambda p: p.stem)
def test_every_example_has_a_test_for_each_verify_item(spec, tmp_path):
    docstrings = set(_tests_of(spec, tmp_path).values())
    expected = expected_from(load_spell(spec, Diagnostics(str(spec))))
    assert [i.label for i in expected.items if f"{i.path}: {i.label}" not in docstrings] == []


@pytest.mark.parametrize("every", [ROOT / "examples/every-action-2026.yaml", ROOT / "examples/sky-2026-02-26.yaml",
                                   ROOT / "tests/spells/sky-mkr-2025-03-06.yaml", ROOT / "examples/sky-2025-10-30.yaml"],
                         ids=lambda p: p.stem)
def test_each_kind_of_item_is_asserted_against_what_the_cast_read(every, tmp_path):
    """The tests of the newer kinds read the balances, supplies and ChainLog entries the cast recorded."""
    text = (tmp_path / "m.py")
    assert cli.main(["brownie-test", str(every), "-o", str(text)]) == 0
    module = text.read_text()
    expected = expected_from(load_spell(every, Diagnostics(str(every))))
    if expected.usds_payments:
        assert "received = cast.after.usds[recipient] - cast.before.usds[recipient]" in module
    if expected.sky_transfers:
        assert "received = cast.after.sky[recipient] - cast.before.sky[recipient]" in module
    if expected.conversions:
        assert 'cast.before.supply["MKR"] - cast.after.supply["MKR"] == ' in module
    for entry in expected.chainlog:
        assert f'cast.observation.chainlog["{entry.key}"]' in module
    for cap in [c for c in expected.caps if c.raise_only]:  # the larger of the cap before and the new one
        assert f'assert cast.after.caps["{cap.vest}"] == max(cast.before.caps["{cap.vest}"], ' in module
    cast_streams = [a for a in expected.awards if a.cast_offset is not None]
    for award in cast_streams:
        assert f"assert award.fin == cast.cast_time + {award.fin}, ITEM" in module
