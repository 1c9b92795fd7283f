"""The command line: exit codes, located messages, atomic output, the --check gate, lightness."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from spellgen.cli import main as cli

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples/techops-2022-01-28.yaml"


def run(*args):
    return cli.main([str(a) for a in args])


@pytest.fixture
def bad_spec(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(EXAMPLE.read_text().replace("to: TECH_001\n        total", "to: TECH_002\n        total"))
    return path


def test_check_clean_example_exits_0(capsys):
    assert run("check", EXAMPLE) == 0
    assert "ok (0 errors" in capsys.readouterr().err


def test_check_invalid_exits_2_with_located_lines(bad_spec, capsys):
    # The recipient of the stream sits on line 30, its value at column 13.
    assert run("check", bad_spec) == 2
    out = capsys.readouterr().out
    assert f"{bad_spec}:31:13: sections[0].actions[1].to: the recipient: unknown wallet 'TECH_002'" in out


def test_check_json_format(bad_spec, capsys):
    assert run("check", bad_spec, "--format", "json") == 2
    problems = json.loads(capsys.readouterr().out)
    assert problems[0]["line"] == 31 and problems[0]["severity"] == "error"


def test_render_to_stdout_and_file(tmp_path, capsys):
    assert run("render", EXAMPLE) == 0
    stdout = capsys.readouterr().out
    out = tmp_path / "DssSpell.sol"
    assert run("render", EXAMPLE, "-o", out) == 0
    assert out.read_text() == stdout and "contract DssSpell is DssExec" in stdout


def test_render_with_errors_writes_nothing(bad_spec, tmp_path):
    out = tmp_path / "DssSpell.sol"
    out.write_text("previous")
    assert run("render", bad_spec, "-o", out) == 2
    assert out.read_text() == "previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["DssSpell.sol", "bad.yaml"]  # no temporary left


def test_render_check_gate(tmp_path, capsys):
    out = tmp_path / "DssSpell.sol"
    run("render", EXAMPLE, "-o", out)
    assert run("render", EXAMPLE, "--check", out) == 0
    out.write_text(out.read_text().replace("1_069_250", "1_069_251"))
    capsys.readouterr()
    assert run("render", EXAMPLE, "--check", out) == 1
    diff = capsys.readouterr().out
    assert "-        DssExecLib.sendPaymentFromSurplusBuffer(TECH_001, 1_069_251);" in diff
    assert "+        DssExecLib.sendPaymentFromSurplusBuffer(TECH_001, 1_069_250);" in diff


def test_render_check_missing_file_is_invalid_input(tmp_path):
    assert run("render", EXAMPLE, "--check", tmp_path / "nope.sol") == 2


def test_missing_spec_file(tmp_path, capsys):
    assert run("check", tmp_path / "absent.yaml") == 2
    assert "cannot read the file" in capsys.readouterr().out


def test_schema_is_json_and_the_committed_copy_is_current(capsys):
    assert run("schema") == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["$schema"].startswith("http://json-schema.org/draft-07")
    committed = json.loads((ROOT / "schema/spell.schema.json").read_text())
    assert printed == committed, "run `spellgen schema > schema/spell.schema.json`"


def test_internal_error_is_short_and_exits_3(monkeypatch, capsys):
    import spellgen.render.spell

    monkeypatch.setattr(spellgen.render.spell, "render", lambda *a, **k: 1 / 0)
    assert run("render", EXAMPLE) == 3
    err = capsys.readouterr().err
    assert "internal error: ZeroDivisionError" in err and "Traceback" not in err


@pytest.mark.parametrize("command", ["check", "render", "build", "schema", "simulate", "verify", "twin", "plan",
                                     "diff", "report"])
def test_help_teaches(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        run(command, "--help")
    assert exit_.value.code == 0
    assert "usage: spellgen" in capsys.readouterr().out


@pytest.mark.parametrize("command", [["render", str(EXAMPLE)], ["check", str(EXAMPLE)],
                                     ["render", str(EXAMPLE), "--section"],
                                     ["check", str(ROOT / "examples/techops-2022-12-09.yaml"), "--budget",
                                      str(ROOT / "examples/budgets/techops.yaml")],
                                     ["diff", str(EXAMPLE), str(EXAMPLE)],
                                     # build compiles in the solcjs worker: no py-solc-x, no chain, no chart
                                     ["build", str(EXAMPLE), "--out", "{tmp}/out"]])
def test_render_path_never_imports_brownie_or_web3(command, tmp_path):
    probe = ("import sys, io, contextlib; from spellgen.cli.main import main\n"
             "with contextlib.redirect_stdout(io.StringIO()): code = main(sys.argv[1:])\n"
             "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('brownie', 'web3', 'solcx', 'eth_abi', 'matplotlib'))\n"
             "print(code, heavy)")
    command = [part.replace("{tmp}", str(tmp_path)) for part in command]
    result = subprocess.run([sys.executable, "-c", probe, *command], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "0 []"
