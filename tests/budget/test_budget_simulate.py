"""A planned spell is a real spell: it renders, compiles and passes simulation on the twin."""
import json

import pytest

from budgetfiles import TECHOPS
from spellgen.cli import main as cli
from spellgen.cli import budget as budget_cli


@pytest.fixture(autouse=True)
def no_fork_url(monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)


def test_planned_stream_and_mkr_transfer_pass_on_the_twin(tmp_path, capsys):
    spec = tmp_path / "techops-2022-12-09-planned.yaml"
    assert budget_cli.main(["plan", str(TECHOPS), "--spell-date", "2022-12-09", "-o", str(spec),
                            "--exec-hash", "0xc1363d6a233492ab13d88e8bb9d9cab0033439f0817e152f0b3a4218989983ef"]) == 0  # not a placeholder
    assert cli.main(["build", str(spec), "--out", str(tmp_path / "build")]) == 0
    assert cli.main(["simulate", str(spec), "--twin", "--report-dir", str(tmp_path / "report")]) == 0
    assert "FAIL" not in capsys.readouterr().out
    report = json.loads((tmp_path / "report" / "report.json").read_text())
    items = {r["item"]: r["status"] for r in report["results"]}
    assert report["summary"]["failed"] == 0
    assert items["MKR transfer: 385.96 MKR to TECH_001"] == "PASS"
    assert any(item.startswith("stream: 2,486,400 DAI to TECH_001 on MCD_VEST_DAI") for item in items)
