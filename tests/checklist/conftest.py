"""The checklist rows' failing-input tests (docs/checklist.md): `verify` runs several violations in one cast.

`verified(name, spec, source)` runs `spellgen verify SPEC --spell DssSpell.sol` once per test process on the
pooled twins (tests/conftest.py) and gives its exit code and output to every test that asks for the same
name. A test proves its row by the FAIL line that names its own violation: any FAIL makes verify exit 1
(spellgen/run.py), so that line and the exit code are what `assert_violation` checks. The modules that use
it run on one pytest-xdist worker each (their `xdist_group`), so each batch is cast once per session.
"""
from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import Callable

import pytest

from spellgen.cli import main as cli


@pytest.fixture(autouse=True)
def _no_fork_url(monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)  # every cast here is on the twin


@pytest.fixture(scope="session")
def verified(twin_pool, tmp_path_factory) -> Callable[[str, Path, str], tuple[int, str]]:
    """verified(name, spec, source) -> (exit code, stdout + stderr) of `spellgen verify`, run once per name."""
    seen: dict[str, tuple[int, str]] = {}

    def run(name: str, spec: Path, source: str) -> tuple[int, str]:
        if name not in seen:
            import spellgen.twin

            folder = tmp_path_factory.mktemp(name)
            spell_file = folder / "DssSpell.sol"
            spell_file.write_text(source)
            out, err = io.StringIO(), io.StringIO()
            with pytest.MonkeyPatch.context() as patch:
                patch.setattr(spellgen.twin, "start_twin", twin_pool.start_twin)
                patch.delenv("ETH_RPC_URL", raising=False)
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    code = cli.main(["verify", str(spec), "--spell", str(spell_file),
                                     "--report-dir", str(folder / "report")])
            seen[name] = (code, out.getvalue() + err.getvalue())
        return seen[name]
    return run
