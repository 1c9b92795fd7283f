"""report.html's chart is drawn once per distinct input (issue 20): a warm `simulate` of an unchanged
spell reads the SVG from .cache/chart and never loads matplotlib."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from spellgen.budget.caplines import load_budget_caps
from spellgen.review.chart import cached_chart_svg, chart_svg
from spellgen.review.summary import cumulative_series, spell_time
from spellgen.spellfile.parse import load_spell

ROOT = Path(__file__).resolve().parents[2]
TECHOPS = ROOT / "examples/techops-2022-01-28.yaml"
BUDGET = ROOT / "examples/budgets/techops.yaml"


def test_the_cached_chart_is_the_drawn_chart_and_follows_its_inputs(tmp_path, monkeypatch):
    monkeypatch.setenv("SPELLGEN_CACHE_DIR", str(tmp_path))
    spell = load_spell(TECHOPS)
    series, when = cumulative_series(spell), spell_time(spell)
    caps = load_budget_caps(BUDGET)
    first = cached_chart_svg(series, caps, when)
    assert first == chart_svg(series, caps, when)
    assert len(list((tmp_path / "chart").glob("*.svg"))) == 1
    assert cached_chart_svg(series, caps, when) == first
    without = cached_chart_svg(series, [], when)  # other inputs: another entry, another drawing
    assert without == chart_svg(series, [], when) and without != first
    assert len(list((tmp_path / "chart").glob("*.svg"))) == 2
    assert cached_chart_svg([], caps, when) == ""


PROBE = """
import sys
from spellgen.budget.caplines import load_budget_caps
from spellgen.review.chart import cached_chart_svg
from spellgen.review.summary import cumulative_series, spell_time
from spellgen.spellfile.parse import load_spell
from pathlib import Path
spell = load_spell(Path(sys.argv[1]))
svg = cached_chart_svg(cumulative_series(spell), load_budget_caps(sys.argv[2]), spell_time(spell))
print(svg.startswith("<svg"), "matplotlib" in sys.modules)
"""


def test_a_second_process_reads_the_chart_without_loading_matplotlib(tmp_path):
    env = {**os.environ, "SPELLGEN_CACHE_DIR": str(tmp_path)}
    runs = [subprocess.run([sys.executable, "-c", PROBE, str(TECHOPS), str(BUDGET)], cwd=ROOT, env=env,
                           capture_output=True, text=True, check=True).stdout.split() for _ in range(2)]
    assert runs == [["True", "True"], ["True", "False"]]
