"""Simulate the examples on the twin: every item of the YAML is proven on chain, reports are written."""
import json
from pathlib import Path

import pytest

from spellgen.cli import main as cli

ROOT = Path(__file__).resolve().parents[2]
SPECS = [ROOT / "examples/techops-2022-01-28.yaml", ROOT / "examples/techops-2022-12-09.yaml",
         ROOT / "tests/specs/treasury-2023-08-02.yaml", ROOT / "tests/specs/usds-sky-2025-03-01.yaml",
         ROOT / "tests/specs/payments-2023-03-01.yaml"]


@pytest.fixture(autouse=True)
def no_fork_url(monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_every_item_passes_on_the_twin(spec, tmp_path, capsys):
    assert cli.main(["simulate", str(spec), "--report-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "FAIL" not in out
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["summary"]["failed"] == 0 and report["summary"]["passed"] >= 8
    assert {r["status"] for r in report["results"]} == {"PASS"}
    assert (tmp_path / "report.md").read_text().startswith(f"# Spell verification: {spec.name}")


def test_techops_items_carry_on_chain_evidence(tmp_path, capsys):
    cli.main(["simulate", str(SPECS[0]), "--report-dir", str(tmp_path)])
    results = {r["item"]: r for r in json.loads((tmp_path / "report.json").read_text())["results"]}
    stream = results["stream: 2,486,400 DAI to TECH_001 on MCD_VEST_DAI_LEGACY, "
                     "2022-02-01 00:00:00 UTC to 2023-01-31 00:00:00 UTC"]
    assert stream["path"] == "sections[0].actions[1]"
    assert "vested at fin: 2,486,400 DAI" in stream["evidence"]
    assert results["DAI payment: 1,069,250 DAI to TECH_001"]["evidence"] == "balance 0 DAI -> 1,069,250 DAI"
    assert results["office hours as declared"]["evidence"] == "officeHours() = False"


def test_report_json_is_deterministic_apart_from_timings(tmp_path, capsys):
    reports = []
    for run in ("a", "b"):
        cli.main(["simulate", str(SPECS[1]), "--report-dir", str(tmp_path / run)])
        data = json.loads((tmp_path / run / "report.json").read_text())
        assert data["variable_fields"] == ["steps[].seconds"]
        for step in data["steps"]:
            step.pop("seconds")
        reports.append(data)
    assert reports[0] == reports[1]


def test_invalid_spec_exits_2_without_starting_a_chain(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(SPECS[1].read_text().replace("amount: 257.31", "amount: -1"))
    assert cli.main(["simulate", str(bad), "--report-dir", str(tmp_path / "r")]) == 2
    assert not (tmp_path / "r").exists()


def test_the_yaml_pause_delay_reaches_the_twin(tmp_path, capsys):
    """`simulation.pause_delay` replaces mainnet's delay: with 16 hours and office hours off, the
    spell is cast 16 hours (and a few one-second blocks) after it was deployed, not 48."""
    spec = tmp_path / "spec.yaml"
    spec.write_text(SPECS[0].read_text() + "simulation:\n  pause_delay: 16 hours\n")
    assert cli.main(["simulate", str(spec), "--report-dir", str(tmp_path / "r")]) == 0
    report = json.loads((tmp_path / "r" / "report.json").read_text())
    assert report["chain"] == "twin at 2022-01-28 (london, pause delay 16 hours)"
    # Blocks are one second apart: deploy, 4 election transactions, schedule, then the cast at eta.
    assert report["cast"]["time"] == "2022-01-28 16:00:06 UTC"
