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
    items = [*expected.awards, *expected.payments, *expected.transfers, *expected.yanks, *expected.allowances,
             *expected.caps]
    assert len(tests) == len(items) + 1  # and one for the spell's own properties
    docstrings = list(tests.values())[:-1]
    assert [d.split(": ", 1)[0] for d in docstrings] == sorted(
        (i.item.path for i in items), key=lambda p: [int(n) for n in p.replace("]", "[").split("[")[1::2]])
    for item in items:
        assert f"{item.item.path}: {item.item.label}" in docstrings
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
