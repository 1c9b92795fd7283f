"""report.json records its inputs and a content hash that the same inputs reproduce (issue 25)."""
from __future__ import annotations

import contextlib
import io
import json
import os
from pathlib import Path

from spellgen.cli import main as cli
from spellgen.review.report import RunInfo, as_json, content_hash
from spellgen.spellfile.address import keccak256

ROOT = Path(__file__).resolve().parents[2]
TECHOPS = ROOT / "examples/techops-2022-01-28.yaml"
SKY = ROOT / "examples/sky-2026-02-26.yaml"


def report_json(spec: Path, out: Path) -> dict:
    assert cli.main(["report", str(spec), "--out", str(out)]) == 0
    return json.loads((out / "report.json").read_text())


def test_report_json_names_its_inputs(tmp_path):
    data = report_json(TECHOPS, tmp_path)
    inputs = data["inputs"]
    assert inputs["spec"] == "techops-2022-01-28.yaml"
    assert inputs["spec_keccak256"] == "0x" + keccak256(TECHOPS.read_bytes()).hex()
    assert inputs["date"] == "2022-01-28" and inputs["compiler"] == "solc 0.6.12"
    from spellgen import __version__
    assert inputs["spellgen"] == __version__
    assert data["content_hash"] == content_hash(data)


def test_the_same_inputs_give_the_same_hash_and_another_yaml_another(tmp_path):
    first = report_json(TECHOPS, tmp_path / "a")
    again = report_json(TECHOPS, tmp_path / "b")
    assert first["content_hash"] == again["content_hash"]
    # One byte more in the YAML (a comment) is another input: another hash, though the budget is the same.
    edited = tmp_path / "techops-2022-01-28.yaml"
    edited.write_text(TECHOPS.read_text() + "# reviewed\n")
    other = report_json(edited, tmp_path / "c")
    assert other["budget"] == first["budget"]
    assert other["inputs"]["spec_keccak256"] != first["inputs"]["spec_keccak256"]
    assert other["content_hash"] != first["content_hash"]


def test_timings_do_not_change_the_hash_but_a_result_does():
    info = RunInfo("s.yaml", "2026-02-26", "d", "twin at 2026-02-26", "0.8.16", steps=[("cast", 1.25)])
    slow = RunInfo("s.yaml", "2026-02-26", "d", "twin at 2026-02-26", "0.8.16", steps=[("cast", 9.5), ("more", 1.0)])
    one, two = json.loads(as_json(info, [])), json.loads(as_json(slow, []))
    assert one["steps"] != two["steps"] and one["content_hash"] == two["content_hash"]
    info.cast_gas = 1
    assert json.loads(as_json(info, []))["content_hash"] != one["content_hash"]


def test_two_simulations_of_the_same_spell_give_the_same_hash(tmp_path, simulated, shared_twins):
    """The second run is a fresh simulate into another folder; its timings differ, its hash must not."""
    first = simulated(SKY).report()
    out, err = io.StringIO(), io.StringIO()
    saved = os.environ.pop("ETH_RPC_URL", None)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(["simulate", str(SKY), "--report-dir", str(tmp_path)])
    finally:
        if saved is not None:
            os.environ["ETH_RPC_URL"] = saved
    assert code == 0, out.getvalue() + err.getvalue()
    again = json.loads((tmp_path / "report.json").read_text())
    assert again["inputs"] == first["inputs"]
    assert again["inputs"]["source_keccak256"].startswith("0x") and again["inputs"]["chain"].startswith("twin")
    assert again["content_hash"] == first["content_hash"]
