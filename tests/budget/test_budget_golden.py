"""The DAI/MKR budgets' outputs, byte for byte: `plan` and `budget status` (text and JSON) of the TechOps
example and the test budgets. The golden files were written by spellgen before budgets had USDS and
SKY parts, so these tests show the generalisation changed nothing a DAI/MKR user sees (the plans' `draft: true`
lines came later, on purpose: a spell without exec_doc.url is a draft).
Regenerate with SPELLGEN_UPDATE_GOLDEN=1 and review the diff."""
import os
from pathlib import Path

import pytest

from budgetfiles import LEAP, ROOT, TECHOPS, TECHOPS_LEDGER, TOPUP
from spellgen.cli import budget as cli

GOLDEN = ROOT / "tests" / "golden" / "budget"
UPDATE = os.environ.get("SPELLGEN_UPDATE_GOLDEN") == "1"

CASES = {
    "techops-plan-2022-12-09.yaml": ["plan", TECHOPS, "--spell-date", "2022-12-09"],
    "techops-plan-2023-06-09.yaml": ["plan", TECHOPS, "--spell-date", "2023-06-09", "--ledger", TECHOPS_LEDGER],
    "topup-plan-2022-01-28.yaml": ["plan", TOPUP, "--spell-date", "2022-01-28", "--exec-hash", "0x1284f085ea8cd00b52464a5191e1975b5e1b53fcfe3daa1434bd37348fbeaf9f"],
    "leap-plan-2027-06-15.yaml": ["plan", LEAP, "--spell-date", "2027-06-15"],
    "techops-status-2023-03-08.txt": ["budget", "status", TECHOPS, "--ledger", TECHOPS_LEDGER, "--at", "2023-03-08"],
    "techops-status-2023-03-08.json": ["budget", "status", TECHOPS, "--ledger", TECHOPS_LEDGER, "--at",
                                       "2023-03-08", "--format", "json"],
    "leap-status-2024-02-15.txt": ["budget", "status", LEAP, "--at", "2024-02-15"],
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_dai_and_mkr_outputs_are_unchanged(capsys, name):
    args = [str(Path(a).relative_to(ROOT)) if isinstance(a, Path) else a for a in CASES[name]]
    cwd = os.getcwd()
    os.chdir(ROOT)  # the outputs name the files as given
    try:
        assert cli.main(args) == 0
    finally:
        os.chdir(cwd)
    out = capsys.readouterr().out
    path = GOLDEN / name
    if UPDATE:
        path.write_text(out)
    assert path.exists(), f"missing golden file {path}; run with SPELLGEN_UPDATE_GOLDEN=1 and review it"
    assert out == path.read_text(), f"{name} changed; review the diff and update with SPELLGEN_UPDATE_GOLDEN=1"
