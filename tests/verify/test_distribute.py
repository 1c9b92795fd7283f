"""`distribute` (a Treasury-funded farm's VestedRewardsDistribution.distribute()), cast on the twin of
2026-02-26 and verified: what it pays is computed from the award before the cast, and the award the YAML
names must be the one the distribution holds."""
from __future__ import annotations

from pathlib import Path

from tests.violations import assert_violation, run_cli, write_spell

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples/farms-2026-02-26.yaml"


def _result(report: dict, path: str) -> dict:
    return next(r for r in report["results"] if r["path"] == path and r["item"].startswith("distribute:"))


def test_the_farms_example_distributes_award_8_to_the_farm_and_verifies(simulated):
    run = simulated(EXAMPLE)
    assert run.code == 0, run.out + run.err
    report = run.report()
    result = _result(report, "sections[0].actions[0]")
    assert result["status"] == "PASS", result
    # The twin's award 8: a year of 1,000,000,000 SKY from 2025-10-30, nothing paid, cast at 2026-02-27 14:00.
    assert "rxd 0 SKY -> 330,365,296.80365296803652968 SKY" in result["evidence"]
    assert "farm 0xB44C2Fb4181D7Cb06bdFf34A46FdFe4a259B40Fc +330,365,296.80365296803652968 SKY" in result["evidence"]
    diff = next(r for r in report["results"] if r["item"].startswith("nothing else"))
    assert diff["status"] == "PASS", diff  # the farm's, the distribution's and the award's slots explained
    source = ROOT / "tests/golden/farms-2026-02-26@0.8.16.sol"
    assert "if (VestAbstract(MCD_VEST_SKY_TREASURY).unpaid(8) > 0) {" in source.read_text()


def test_a_distribution_named_with_an_award_it_does_not_hold_fails_verify(tmp_path, capsys, shared_twins):
    # Award 9 (REWARDS_DIST_USDS_SKY's, yanked 2026-01-15) owes nothing: the guard skips the call, and the
    # distribution's vestId read before the cast is 8, not 9.
    text = EXAMPLE.read_text()
    spell = text[:text.index("      - type: stream")].replace("        id: 8\n", "        id: 9\n")
    path = write_spell(tmp_path, spell)
    code, out = run_cli(["simulate", path, "--report-dir", tmp_path / "report"], capsys)
    assert_violation(code, out, exit_code=1, message="vestId of the distribution: expected 9, observed 8")


def test_before_2026_02_26_the_call_is_bare_as_the_spells_of_the_date_write_it(tmp_path, capsys):
    text = EXAMPLE.read_text()
    spell = text[:text.index("      - type: stream")].replace("2026-02-26", "2026-01-15")
    code, out = run_cli(["render", write_spell(tmp_path, spell)], capsys)
    assert code == 0, out
    assert "        VestedRewardsDistributionLike(REWARDS_DIST_LSSKY_SKY).distribute();\n" in out
    assert ".unpaid(8)" not in out


def test_a_distribution_the_twin_does_not_model_fails_verify_saying_so(tmp_path, capsys, shared_twins):
    text = EXAMPLE.read_text()
    spell = text[:text.index("      - type: stream")].replace("REWARDS_DIST_LSSKY_SKY", "REWARDS_DIST_LSSKY_SPK") \
        .replace("MCD_VEST_SKY_TREASURY", "MCD_VEST_SPK_TREASURY").replace("id: 8", "id: 2")
    code, out = run_cli(["simulate", write_spell(tmp_path, spell), "--report-dir", tmp_path / "report"], capsys)
    assert_violation(code, out, exit_code=1, message="REWARDS_DIST_LSSKY_SPK could not be read: no "
                                                     "VestedRewardsDistribution at its address")
