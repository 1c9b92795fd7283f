"""`farm_vest_update` (TreasuryFundedFarmingInit.updateFarmVest's steps), cast on the twin of 2026-04-09
and verified against the chain's pre-state: the award the distribution holds, what it owed, the allowance
and the cap in force before the cast."""
from __future__ import annotations

from pathlib import Path

from tests.violations import assert_violation, run_cli, write_spell

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples/farms-2026-04-09.yaml"
CAP_IN_FORCE = 70_730_452_674_897_119_341  # the twin's MCD_VEST_SKY_TREASURY cap at 2026-04-09 (wei a second)


def _update(report: dict) -> dict:
    return next(r for r in report["results"] if r["item"].startswith("farm vest update:"))


def test_the_example_replaces_award_10_and_keeps_the_cap_below_which_its_rate_stays(simulated):
    run = simulated(EXAMPLE)
    assert run.code == 0, run.out + run.err
    result = _update(run.report())
    assert result["status"] == "PASS", result
    # Award 10: a year of 838,182,330 SKY from 2026-02-26 on the twin, cast 2026-04-10 14:00 (43.58 days).
    assert "vestId 10 -> 11; award 10: rxd 0 SKY -> 100,084,328.445205479452054794 SKY" in result["evidence"]
    # 110% of 192,110,322 SKY over 90 days is below the cap in force: the cap is not filed.
    assert f"cap {CAP_IN_FORCE} -> {CAP_IN_FORCE}" in result["evidence"]
    assert all(r["status"] == "PASS" for r in run.report()["results"])


def test_a_rate_above_the_cap_in_force_files_110_percent_of_it(tmp_path, capsys, shared_twins):
    spell = EXAMPLE.read_text().replace("192_110_322", "800_000_000")
    code, out = run_cli(["simulate", write_spell(tmp_path, spell), "--report-dir", tmp_path / "r"], capsys)
    assert code == 0, out
    rate = 110 * 800_000_000 * 10**18 // (100 * 90 * 86_400)
    assert rate > CAP_IN_FORCE
    assert f"cap {CAP_IN_FORCE} -> {rate}" in out


def test_a_current_id_the_distribution_does_not_hold_fails_verify(tmp_path, capsys, shared_twins):
    spell = EXAMPLE.read_text().replace("current_id: 10", "current_id: 9")
    code, out = run_cli(["simulate", write_spell(tmp_path, spell), "--report-dir", tmp_path / "r"], capsys)
    assert_violation(code, out, exit_code=1, message="vestId before the cast: expected 9, observed 10")


def test_a_stream_on_the_vest_after_the_update_is_refused_where_it_is_written(tmp_path, capsys):
    # verify numbers the vest's new awards with the streams first: a stream after the update is refused.
    text = EXAMPLE.read_text()
    spell = text[:text.index("expect:")] + (
        "      - type: stream\n        vest: MCD_VEST_SKY_TREASURY\n"
        "        to: {chainlog: REWARDS_DIST_LSSKY_SKY, address: 0x675671A8756dDb69F7254AFB030865388Ef699Ee}\n"
        "        total: 1_000\n        start: cast\n        duration: 90 days\n")
    code, out = run_cli(["check", write_spell(tmp_path, spell)], capsys)
    assert_violation(code, out, exit_code=2, message="re::30:9: sections\\[0\\]\\.actions\\[1\\]: a stream on "
                                                     "MCD_VEST_SKY_TREASURY after the farm vest update")
