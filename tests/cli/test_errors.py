"""One error root, one table of exit codes, and usage errors refused before any work starts."""
from __future__ import annotations

import ast
import inspect
import time
from pathlib import Path

import pytest

import spellgen
from spellgen.cli import main as cli
from spellgen.errors import ExitCode, SpellgenError

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "spellgen"
JAN = ROOT / "examples/techops-2022-01-28.yaml"


@pytest.fixture(autouse=True)
def no_fork_url(monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)


@pytest.fixture
def no_chain(monkeypatch):
    """Fail the test if a command gets as far as loading the spell (the work): usage errors come first."""
    import spellgen.run as run

    def refuse(*args, **kwargs):
        raise AssertionError("the run started although the command line was unusable")
    monkeypatch.setattr(run, "load_source", refuse)


def exception_classes() -> list[tuple[str, str]]:
    """(module, class name) of every class spellgen defines whose name says it is an error."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = ".".join(("spellgen", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ClassDef) and any(
                    isinstance(b, ast.Name) and (b.id.endswith(("Error", "Exception")) or b.id in found_names(found))
                    for b in node.bases):
                found.append((module, node.name))
    return found


def found_names(found: list[tuple[str, str]]) -> set[str]:
    return {name for _, name in found}


def test_every_spellgen_exception_derives_from_the_one_root():
    import importlib

    classes = exception_classes()
    assert len(classes) >= 20
    strays = [f"{m}.{n}" for m, n in classes if not issubclass(getattr(importlib.import_module(m), n), SpellgenError)]
    assert not strays, f"not derived from spellgen.errors.SpellgenError: {strays}"


def test_exit_codes_are_defined_in_one_place():
    """No module but spellgen/errors.py binds exit-code constants (EXIT_OK = 0 and the like)."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Assign):
                names = [n.id for t in node.targets for n in ast.walk(t) if isinstance(n, ast.Name)]
                offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.startswith("EXIT_")]
    assert not offenders
    assert [int(c) for c in (ExitCode.OK, ExitCode.FAILED, ExitCode.INVALID, ExitCode.INTERNAL)] == [0, 1, 2, 3]


def test_each_error_carries_its_exit_code():
    from spellgen.chain.node import NodeError, PortInUse
    from spellgen.compiler.toolchain import ToolchainError
    from spellgen.run import SpellFileError
    from spellgen.spellfile.amounts import AmountError
    from spellgen.spellfile.diagnostics import InputError
    from spellgen.twin.start import TwinDateError

    for cls in (InputError, AmountError, SpellFileError, TwinDateError, PortInUse):
        assert cls.exit_code == ExitCode.INVALID, cls
    for cls in (NodeError, ToolchainError):
        assert cls.exit_code == ExitCode.INTERNAL, cls


def test_the_cli_maps_errors_in_one_place(capsys):
    from spellgen.run import SpellFileError

    assert cli.exit_code_for(SpellFileError("cannot read x.sol")) == 2
    assert "spellgen: cannot read x.sol" in capsys.readouterr().err
    assert cli.exit_code_for(KeyError("boom")) == 3
    assert "internal error: KeyError" in capsys.readouterr().err


@pytest.mark.parametrize("port", ["99999", "0", "-1", "http"])
def test_a_port_out_of_range_is_a_usage_error(port, capsys, no_chain):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["simulate", str(JAN), "--port", port])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "--port" in err and "internal error" not in err


def test_twin_up_refuses_a_port_out_of_range(capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(["twin", "up", "--date", "2022-01-28", "--port", "70000"])
    assert exit_.value.code == 2
    assert "not a TCP port" in capsys.readouterr().err


def test_an_unwritable_report_folder_is_refused_before_the_simulation(tmp_path, capsys, no_chain):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    started = time.monotonic()
    assert cli.main(["simulate", str(JAN), "--twin", "--report-dir", str(blocker / "reports")]) == 2
    assert time.monotonic() - started < 5  # nothing was compiled or cast
    err = capsys.readouterr().err
    assert "--report-dir" in err and "cannot write" in err and "internal error" not in err


@pytest.mark.parametrize("command", [["simulate", "{missing}"], ["verify", "{jan}", "--spell", "{missing}"],
                                     ["simulate", "{jan}", "--budget", "{missing}"]])
def test_a_missing_file_is_a_usage_error(command, tmp_path, capsys, no_chain):
    missing = tmp_path / "nothere.yaml"
    argv = [part.format(missing=missing, jan=JAN) for part in command]
    assert cli.main([*argv, "--report-dir", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "cannot read" in err and str(missing) in err and "internal error" not in err


def test_the_root_is_a_utility_every_stage_may_import():
    source = inspect.getsource(spellgen.errors)
    assert "import spellgen" not in source and "from spellgen" not in source  # standard library only


def test_the_report_folder_check_tries_without_leaving_anything(tmp_path):
    from spellgen.errors import UsageError
    from spellgen.files import require_writable_dir

    require_writable_dir(tmp_path / "a" / "b" / "c", "--report-dir")  # writable once made: fine
    assert list(tmp_path.iterdir()) == []  # nothing created, no probe left behind
    require_writable_dir(tmp_path, "--report-dir")
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "f").write_text("")
    with pytest.raises(UsageError, match="is not a folder"):
        require_writable_dir(tmp_path / "f" / "reports", "--report-dir")
