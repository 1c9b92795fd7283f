"""The budget commands' plumbing: schemas, `check --budget`, exit codes, and the light import path."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from budgetfiles import MKR_SPELL, ROOT, TECHOPS, TECHOPS_LEDGER, ledger_file
from spellgen.cli import budget as cli
from spellgen.budget.checks import check_with_budget_files
from spellgen.spellfile.checks import check_spell
from spellgen.spellfile.diagnostics import Diagnostics, InputError
from spellgen.spellfile.parse import load_spell
from spellgen.spellfile.source import parse_text, read_file


@pytest.mark.parametrize("args, committed", [([], "budget.schema.json"), (["--ledger"], "ledger.schema.json")])
def test_committed_schemas_are_current(capsys, args, committed):
    assert cli.main(["budget", "schema", *args]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads((ROOT / "schema" / committed).read_text()), \
        f"run `python -m spellgen.cli.budget budget schema {' '.join(args)} > schema/{committed}`"


def shape_problems(node, schema, path="") -> list[str]:
    """A small structural validator: mappings against properties/required, lists against items."""
    alternatives = schema.get("anyOf") or schema.get("oneOf")
    if alternatives:
        objects = [a for a in alternatives if a.get("type") == "object"]
        if node.kind != "map" or not objects:
            return []
        tried = [shape_problems(node, option, path) for option in objects]
        return min(tried, key=len)  # valid when one alternative fits (oneOf: the action of its type)
    if node.kind == "map" and schema.get("type") == "object":
        props = schema.get("properties", {})
        problems = [f"{path}: missing {k}" for k in schema.get("required", []) if k not in node.entries]
        for key, child in node.entries.items():
            if key in props:
                problems += shape_problems(child, props[key], f"{path}.{key}")
            elif schema.get("additionalProperties") is False:
                problems.append(f"{path}: unknown {key}")
        return problems
    if node.kind == "seq" and "items" in schema:
        return [p for i, item in enumerate(node.items) for p in shape_problems(item, schema["items"], f"{path}[{i}]")]
    return []


@pytest.mark.parametrize("example, committed", [(TECHOPS, "budget.schema.json"),
                                                (TECHOPS_LEDGER, "ledger.schema.json")])
def test_the_examples_fit_their_schema(example, committed):
    schema = json.loads((ROOT / "schema" / committed).read_text())
    assert shape_problems(read_file(example, Diagnostics(str(example))), schema) == []
    slipped = example.read_text().replace("  - date: 2022-12-09", "  - dte: 2022-12-09").replace(
        "  cliff: 1 year", "  clif: 1 year")
    assert any("unknown" in p for p in shape_problems(parse_text(slipped, Diagnostics("x")), schema))
    # ...and the schema's first-line reference in the example points at it.
    assert example.read_text().startswith(f"# yaml-language-server: $schema=../../schema/{committed}\n")


def check(spec, budget, ledger=None):
    """What `spellgen check SPEC --budget B [--ledger L]` runs after check_spell."""
    diags = Diagnostics(str(spec))
    spell = load_spell(spec, diags)
    check_spell(spell, diags)
    try:
        check_with_budget_files(spell, str(budget), str(ledger) if ledger else None, diags)
    except InputError:
        pass
    return list(diags)


def test_check_with_budget_files_reports_each_file_by_name():
    found = check(MKR_SPELL, TECHOPS, TECHOPS_LEDGER)
    files = {d.file for d in found}
    assert files == {str(MKR_SPELL), str(TECHOPS)}  # the spell's warnings and the budget's own warning
    assert any("gives 385.96 MKR" in d.message for d in found if d.file == str(MKR_SPELL))


def test_check_with_an_invalid_budget_stops_with_its_errors(tmp_path):
    bad = tmp_path / "budget.yaml"
    bad.write_text(TECHOPS.read_text().replace("annual_cap: 686.05 MKR", "annual_cap: lots"))
    with pytest.raises(InputError) as caught:
        check_with_budget_files(load_spell(MKR_SPELL), str(bad), None, Diagnostics(str(MKR_SPELL)))
    [error] = caught.value.diagnostics.errors
    assert (error.file, error.path) == (str(bad), "mkr.annual_cap")


def test_check_with_another_units_ledger(tmp_path):
    ledger = ledger_file(tmp_path, [], unit="SES-001")
    found = [d for d in check(MKR_SPELL, TECHOPS, ledger) if d.severity == "error"]
    assert [(d.file, d.path) for d in found] == [(str(ledger), "core_unit")]


def test_budget_check_command(tmp_path, capsys):
    assert cli.main(["budget", "check", str(TECHOPS)]) == 0
    assert "ok (0 errors, 1 warning)" in capsys.readouterr().err
    bad = tmp_path / "b.yaml"
    bad.write_text(TECHOPS.read_text().replace("cliff: 1 year", "cliff: 4 years"))
    assert cli.main(["budget", "check", str(bad)]) == 2
    assert "mkr.cliff: the cliff is longer than the vesting period" in capsys.readouterr().out


@pytest.mark.parametrize("command", [["plan"], ["ledger", "add"], ["budget", "status"], ["budget", "check"]])
def test_help_teaches(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main([*command, "--help"])
    assert exit_.value.code == 0
    assert "usage: spellgen" in capsys.readouterr().out


PROBE = """\
import sys, io, contextlib
from pathlib import Path
from spellgen.cli.budget import main
from spellgen.budget.checks import check_with_budget_files
from spellgen.spellfile.checks import check_spell
from spellgen.spellfile.diagnostics import Diagnostics
from spellgen.spellfile.parse import load_spell
tmp = Path(sys.argv[1])
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    codes = [main(["plan", "examples/budgets/techops.yaml", "--spell-date", "2022-12-09", "-o", str(tmp / "p.yaml")]),
             main(["ledger", "add", "examples/techops-2022-12-09.yaml", "--ledger", str(tmp / "l.yaml"),
                   "--budget", "examples/budgets/techops.yaml"]),
             main(["budget", "status", "examples/budgets/techops.yaml", "--at", "2023-01-01"])]
    diags = Diagnostics("x")
    spell = load_spell(Path("examples/techops-2022-12-09.yaml"), diags)
    check_spell(spell, diags)
    check_with_budget_files(spell, "examples/budgets/techops.yaml", str(tmp / "l.yaml"), diags)
heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('brownie', 'web3', 'solcx', 'eth_abi'))
print(codes, heavy)
"""


def test_budget_path_never_imports_brownie_or_web3(tmp_path):
    result = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "[0, 0, 0] []"
    assert Path(tmp_path / "p.yaml").exists() and Path(tmp_path / "l.yaml").exists()


@pytest.mark.parametrize("example", sorted((ROOT / "examples").glob("*.yaml")), ids=lambda p: p.stem)
def test_the_spell_examples_fit_the_spell_schema(example):
    """Every field the examples use (the Sky-era ones included) is in spell.schema.json, and a slip is not."""
    schema = json.loads((ROOT / "schema" / "spell.schema.json").read_text())
    assert shape_problems(read_file(example, Diagnostics(str(example))), schema) == []
    slipped = example.read_text().replace("    actions:\n", "    actions:\n      - {type: stream, vest: MCD_VEST_SKY, to: X, totl: 1}\n", 1)
    assert any("unknown" in p for p in shape_problems(parse_text(slipped, Diagnostics("x")), schema))
