"""Outputs do not depend on the hash seed, the locale or the time zone: reviewers can diff them."""
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENVIRONMENTS = [("0", "UTC", "C"), ("4242", "Asia/Kathmandu", "de_DE.UTF-8")]


def _run(args, env_values, cwd=ROOT):
    seed, tz, lang = env_values
    env = dict(os.environ, PYTHONHASHSEED=seed, TZ=tz, LANG=lang, LC_ALL=lang)
    env.pop("ETH_RPC_URL", None)
    return subprocess.run([sys.executable, "-m", "spellgen.cli.main", *args], cwd=cwd, env=env, capture_output=True,
                          text=True)


def test_rendered_section_and_spell_are_byte_identical():
    for args in (["render", "examples/every-action.yaml"], ["render", "examples/every-action.yaml", "--section"]):
        outputs = {_run(args, e).stdout for e in ENVIRONMENTS}
        assert len(outputs) == 1 and next(iter(outputs))


def test_simulation_reports_are_identical_apart_from_timings(tmp_path):
    reports = []
    for i, env_values in enumerate(ENVIRONMENTS):
        out = tmp_path / str(i)
        result = _run(["simulate", "--twin", "examples/techops-2022-01-28.yaml", "--report-dir", str(out)], env_values)
        assert result.returncode == 0, result.stderr
        data = json.loads((out / "report.json").read_text())
        variable = data.pop("variable_fields")
        assert variable == ["steps[].seconds"]
        for step in data["steps"]:
            step.pop("seconds")
        reports.append((data, (out / "report.md").read_text()))
    assert reports[0] == reports[1]
