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


def test_planned_usds_top_up_usds_stream_and_sky_transfer_pass_on_the_twin(tmp_path, capsys):
    from budgetfiles import MIXED, ledger_file, stream, usds

    # The first USDS period was funded by an earlier spell; this one streams the second and moves SKY.
    ledger = ledger_file(tmp_path, [("2025-06-26", usds("100,000") + stream(
        "200,000", "2025-07-01", "2025-12-31", vest="MCD_VEST_USDS"))], unit="MIX-001")
    spec = tmp_path / "mixed-2025-10-02-planned.yaml"
    assert budget_cli.main(["plan", str(MIXED), "--spell-date", "2025-10-02", "--ledger", str(ledger),
                            "-o", str(spec), "--exec-hash", "0x1284f085ea8cd00b52464a5191e1975b5e1b53fcfe3daa1434bd37348fbeaf9f"]) == 0
    assert cli.main(["simulate", str(spec), "--twin", "--report-dir", str(tmp_path / "report")]) == 0
    assert "FAIL" not in capsys.readouterr().out
    report = json.loads((tmp_path / "report" / "report.json").read_text())
    items = {r["item"]: r["status"] for r in report["results"]}
    assert report["summary"]["failed"] == 0
    assert any(item.startswith("stream: 480,000 USDS to TECH_001 on MCD_VEST_USDS") and status == "PASS"
               for item, status in items.items()), items
    assert any("2,000,000 SKY" in item and status == "PASS" for item, status in items.items()), items


def test_planned_sky_treasury_stream_and_its_allowance_pass_on_the_twin(tmp_path, capsys):
    from budgetfiles import JANSKY

    spec = tmp_path / "jansky-2025-06-12-planned.yaml"
    assert budget_cli.main(["plan", str(JANSKY), "--spell-date", "2025-06-12", "-o", str(spec),
                            "--exec-hash", "0x1284f085ea8cd00b52464a5191e1975b5e1b53fcfe3daa1434bd37348fbeaf9f"]) == 0
    assert cli.main(["simulate", str(spec), "--twin", "--report-dir", str(tmp_path / "report")]) == 0
    assert "FAIL" not in capsys.readouterr().out
    report = json.loads((tmp_path / "report" / "report.json").read_text())
    items = {r["item"]: r["status"] for r in report["results"]}
    assert report["summary"]["failed"] == 0
    assert any(item.startswith("stream: 4,752,000 SKY to JANSKY on MCD_VEST_SKY_TREASURY") and status == "PASS"
               for item, status in items.items()), items
    assert items["allowance: PauseProxy SKY to MCD_VEST_SKY_TREASURY increased by 4,752,000 SKY"] == "PASS", items
