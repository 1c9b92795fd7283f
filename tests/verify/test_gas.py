"""Gas: the deployment fails above 30,000,000 and warns above 15,000,000; the cast fails above the stricter
of the reference suite's 20,000,000 and the chain's cap at the date, and warns above the block target."""
from __future__ import annotations

from pathlib import Path

from spellgen.review.report import terminal_table
from spellgen.verify.compare import GasLimits, gas_results

ROOT = Path(__file__).resolve().parents[2]


def _by_item(results):
    return {r.item.split(" gas")[0]: r for r in results}


def test_deployment_gas_fails_above_30_million_and_warns_above_15_million():
    ok, warned, failed = (_by_item(gas_results("2025-01-01", 100_000, used))["deployment"]
                          for used in (15_000_000, 15_000_001, 30_000_001))
    assert ok.passed and not ok.warning
    assert warned.passed and "above the 15,000,000 block target" in warned.warning
    assert not failed.passed and "30,000,001 gas, above 30,000,000" in failed.reason
    assert failed.item == "deployment gas at most 30,000,000"
    assert gas_results("2025-01-01", 100_000, 30_000_000)[1].passed


def test_cast_gas_limit_is_the_stricter_of_the_suite_and_the_chain_at_the_date():
    before, after = (_by_item(gas_results(day, 17_000_000, None))["cast"] for day in ("2025-12-02", "2025-12-03"))
    assert before.passed and before.item == "cast gas at most 20,000,000"
    assert "block target" in before.warning  # 17,000,000 is above 15,000,000
    assert not after.passed and after.item == "cast gas at most 16,777,216 (EIP-7825, in force from 2025-12-03)"
    assert not _by_item(gas_results("2025-01-01", 20_000_001, None))["cast"].passed
    assert _by_item(gas_results("2025-12-03", 16_777_216, None))["cast"].passed


def test_lowered_thresholds_through_the_parameter_and_the_warn_line():
    limits = GasLimits(deploy_limit=1_000_000, deploy_warning=500_000, cast_warning=50_000, cast_limit=90_000)
    cast, deploy = gas_results("2022-01-28", 60_000, 700_000, limits)
    assert cast.passed and cast.warning and deploy.passed and deploy.warning
    table = terminal_table([cast, deploy])
    assert table.splitlines()[0] == "WARN  cast gas at most 90,000"
    assert "above the 500,000 block target" in table
    assert not gas_results("2022-01-28", 90_001, 1_000_001, limits)[0].passed
    assert not gas_results("2022-01-28", 1, 1_000_001, limits)[1].passed
    assert len(gas_results("2022-01-28", 1, None, limits)) == 1  # an attached spell: deployment not measured


def test_simulate_reports_the_measured_deployment_gas(simulated):
    run = simulated(ROOT / "examples/techops-2022-12-09.yaml")  # once per session, shared (tests/conftest.py)
    assert run.code == 0
    items = {r["item"]: r for r in run.report()["results"]}
    deploy = items["deployment gas at most 30,000,000"]
    assert deploy["status"] == "PASS" and 100_000 < int(deploy["evidence"].split()[0].replace(",", "")) < 15_000_000

