"""report.md, report.html and report.json: content, verification per item, the chart and its caps,
self-containment, escaping, determinism; `spellgen report`; `simulate` writing all three."""
import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from spellgen.cli import review as report_cli
from spellgen.budget.parse import load_budget
from spellgen.budget.caplines import budget_cap_lines, load_budget_caps
from spellgen.review.chart import chart_svg
from spellgen.spellfile.parse import load_spell
from spellgen.review.report import RunInfo, markdown, write_reports
from spellgen.review.summary import cumulative_series, spell_time
from spellgen.verify.compare import Result

ROOT = Path(__file__).resolve().parents[2]
TECHOPS = ROOT / "examples/techops-2022-01-28.yaml"
EVERY = ROOT / "examples/every-action.yaml"
BUDGET = ROOT / "examples/budgets/techops.yaml"


def report(spec: Path, out: Path, *extra) -> int:
    return report_cli.main(["report", str(spec), "--out", str(out), *map(str, extra)])


@pytest.fixture(scope="module")
def every(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("every")
    assert report(EVERY, out) == 0
    return out


# --- report.md --------------------------------------------------------------------------------------

def test_report_md_is_ready_to_paste(every):
    md = (every / "report.md").read_text()
    assert md.startswith("# Spell report: every-action.yaml\n\n| | |\n|---|---|\n| Date | 2023-07-26 |\n")
    assert "| Office hours | yes (weekdays 14:00 to 21:00 UTC) |" in md
    assert "**Not simulated: run `spellgen simulate` or `spellgen verify` for a verification per item.**" in md
    # Each section with its link lines and a table of its actions.
    assert ("### 2. Budget streams\n\n- Forum: https://forum.example/t/budget-one\n"
            "- Forum: https://forum.example/t/budget-two\n- Poll: https://vote.example/polling/Qm0000\n") in md
    assert "| Action | Recipient | Address | Token | Amount | Period (UTC) | Cliff | Restricted |" in md
    assert ("| stream on MCD_VEST_DAI | ECOSYSTEM | `0xaef7a9890c81A46C38fb26b940624DBB4dd591dd` | DAI | "
            "1,200,000 DAI | 2023-07-01 00:00:00 to 2024-06-30 23:59:59 | 2023-10-01 00:00:00 | yes |") in md
    assert ("| DAI payment | DELEGATE | `0x0a6ae7bE40A2656cce2c3881DD009Fc855B9d1eC` | DAI | "
            "348,453 DAI (rounded up from 348,452.30) |") in md
    assert ("| allowance to MCD_VEST_MKR_TREASURY | PauseProxy |   | MKR | "
            "increase by 1,500.75 MKR (the new streams' total) |") in md
    # Totals per token and the future obligations, a column per recipient and token.
    assert "| DAI | 348,453 | 1,300,000.50 | 1,648,453.50 |\n| MKR | 362.51 | 1,500.75 | 1,863.26 |" in md
    assert "| Month | ECOSYSTEM (DAI) | ECOSYSTEM (MKR) | 0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2 (DAI) |" in md
    assert "| 2023-10 | 403,278.70 |   | 8,493.19 |" in md  # the cliff's amount at once
    assert "| Total | 1,200,000 | 1,500.75 | 100,000.50 |" in md
    assert "## Verification" not in md


def _results(spell) -> list[Result]:
    return [Result("DAI payment: 1,069,250 DAI to TECH_001", "sections[0].actions[0]", True,
                   "balance 0 DAI -> 1,069,250 DAI"),
            Result("stream: 2,486,400 DAI to TECH_001", "sections[0].actions[1]", False, "tot 1 DAI",
                   "tot: expected 2,486,400 DAI, observed 1 DAI"),
            Result("office hours as declared", "spell.office_hours", True, "officeHours() = False")]


def test_report_md_with_verification_results(tmp_path):
    spell = load_spell(TECHOPS)
    info = RunInfo("techops-2022-01-28.yaml", spell.date, spell.description, "twin at 2022-01-28", "0.6.12",
                   "0x" + "ab" * 20, "0x" + "cd" * 32, "2022-01-30 14:00:00 UTC", 123_456)
    md = markdown(info, _results(spell), spell)
    # A failed run says so on its first line, before anything else.
    assert md.startswith("FAILED: 1 of 3 items failed; the chain did not change exactly as the YAML says\n\n"
                         "# Spell verification: techops-2022-01-28.yaml\n")
    assert "| Chain | twin at 2022-01-28 |" in md and f"| Spell | `0x{'ab' * 20}` |" in md
    assert "**2 items passed, 1 failed**" in md
    # The result of each action beside it, and the full table with the evidence.
    assert md.count("| Restricted | Verified |") == 1
    assert "| 1,069,250 DAI |   |   |   | PASS |" in md
    assert "| 2,486,400 DAI | 2022-02-01 00:00:00 to 2023-01-31 00:00:00 | none | yes | FAIL |" in md
    assert "| FAIL | stream: 2,486,400 DAI to TECH_001 | `sections[0].actions[1]` | " \
           "**tot: expected 2,486,400 DAI, observed 1 DAI** (tot 1 DAI) |" in md


# --- report.json ------------------------------------------------------------------------------------

def test_report_json_has_exact_amounts(every):
    data = json.loads((every / "report.json").read_text())
    assert data["simulated"] is False and data["summary"] is None and data["results"] == []
    assert data["variable_fields"] == ["steps[].seconds"]
    budget = data["budget"]
    assert budget["totals"][0] == {"token": "DAI", "paid": "348453", "streamed": "1300000.50", "total": "1648453.50"}
    by_stream: dict = {}
    for o in budget["obligations"]:
        key = (o["address"], o["token"])
        by_stream[key] = by_stream.get(key, Decimal(0)) + Decimal(o["amount"])
    assert by_stream[("0xaef7a9890c81A46C38fb26b940624DBB4dd591dd", "MKR")] == Decimal("1500.75")
    assert by_stream[("0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2", "DAI")] == Decimal("100000.50")
    assert budget["sections"][1]["actions"][0]["path"] == "sections[1].actions[0]"


# --- report.html ------------------------------------------------------------------------------------

def test_report_html_is_self_contained(every):
    html = (every / "report.html").read_text()
    assert html.startswith("<!DOCTYPE html>")
    for fetching in ("<script", "<link", "<img", "<iframe", "<object", "<embed", "src=", "@import"):
        assert fetching not in html, fetching
    assert not re.search(r"url\((?!#)", html)  # only the SVG's own clip paths
    # Only the SVG's own glyphs and the section's links (anchors, never loaded) are referenced.
    assert {h[0] for h in re.findall(r'href="(.)', html)} <= {"#", "h"}
    assert set(re.findall(r'<a href="([^"]+)"', html)) == {
        "https://forum.example/t/caps", "https://forum.example/t/budget-one", "https://forum.example/t/budget-two",
        "https://vote.example/polling/Qm0000", "https://vote.example/executive/template"}
    assert html.count("<svg") == 1 and '<figure id="chart">' in html
    assert "<?xml" not in html and "<!DOCTYPE svg" not in html  # the SVG is inlined as an element
    # The same content as report.md.
    for text in ("Spell report: every-action.yaml", "2. Budget streams", "1,200,000 DAI", "348,453", "1,648,453.50",
                 "403,278.70", "0x0a6ae7bE40A2656cce2c3881DD009Fc855B9d1eC", "Future obligations"):
        assert text in html, text


def test_report_html_escapes_yaml_text_and_links_only_to_the_web(tmp_path):
    spec = tmp_path / "spell.yaml"
    spec.write_text(TECHOPS.read_text()
                    .replace("title: TechOps Core Unit DAI budget", "title: TechOps <script>alert(1)</script> & co")
                    .replace("mip: MIP40c3-SP53\n", "mip: javascript:alert(1)\n"))
    assert report(spec, tmp_path / "out") == 0
    html = (tmp_path / "out/report.html").read_text()
    assert "<script>" not in html and "TechOps &lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in html
    assert '<a href="https://forum.makerdao.com/t/mip40c3-sp53-techops-core-unit-dai-budget"' in html
    assert "MIP: javascript:alert(1)</li>" in html and 'href="javascript' not in html


def test_reports_are_byte_identical_across_runs_hash_seeds_and_time_zones(tmp_path, every):
    env = {**os.environ, "PYTHONHASHSEED": "12345", "TZ": "Asia/Tokyo", "LC_ALL": "C.UTF-8"}
    subprocess.run([sys.executable, "-m", "spellgen.cli.review", "report", str(EVERY), "--out", str(tmp_path)],
                   cwd=ROOT, env=env, check=True, capture_output=True)
    for name in ("report.md", "report.html", "report.json"):
        assert (tmp_path / name).read_bytes() == (every / name).read_bytes(), name


def test_a_spell_without_streams_has_no_chart(tmp_path):
    assert report(ROOT / "examples/techops-2022-12-09.yaml", tmp_path) == 0
    html = (tmp_path / "report.html").read_text()
    assert "<svg" not in html and "This spell creates no stream." in html


# --- the chart ---------------------------------------------------------------------------------------

def test_cumulative_series_show_the_cliff():
    series = cumulative_series(load_spell(EVERY))
    assert [(s.recipient, s.token) for s in series] == [
        ("ECOSYSTEM", "DAI"), ("0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2", "DAI"), ("ECOSYSTEM", "MKR")]
    points = dict(series[0].points)
    cliff = 1696118400  # 2023-10-01 00:00:00 UTC
    assert points[cliff - 1] == 0
    tot, bgn, fin = 1_200_000 * 10**18, 1688169600, 1719791999
    assert points[cliff] * 10**18 == tot * (cliff - bgn) // (fin - bgn)
    assert points[fin] == 1_200_000
    # Both DAI curves span the DAI chart: the second recipient's starts at 0 on the first start.
    assert series[1].points[0] == (bgn, 0) and series[1].points[-1][1] == Decimal("100000.5")


def test_budget_caps_become_lines():
    annual, monthly = budget_cap_lines(load_budget(BUDGET))
    first, last = 1643673600, 1675209599  # 2022-02-01 00:00:00 and 2023-01-31 23:59:59 UTC
    assert annual.label == "TechOps annual cap: 2,566,200 DAI (2022-02-01 to 2023-01-31)"
    assert annual.points == ((first, Decimal(2_566_200)), (last, Decimal(2_566_200)))
    assert monthly.points[0] == (first, Decimal(213_850)) and monthly.points[-1] == (last, Decimal(2_566_200))
    assert len(monthly.points) == 24  # a step per month


def test_chart_svg_is_deterministic_and_draws_the_caps(tmp_path):
    spell = load_spell(TECHOPS)
    caps = load_budget_caps(BUDGET)
    svg = chart_svg(cumulative_series(spell), caps, spell_time(spell))
    assert svg == chart_svg(cumulative_series(spell), caps, spell_time(spell))
    assert svg.startswith("<svg") and "<dc:date>" not in svg.lower()
    # Text is drawn as paths; matplotlib leaves each string as a comment beside its glyphs.
    for label in ("TECH_001", "TechOps annual cap: 2,566,200 DAI (2022-02-01 to 2023-01-31)",
                  "TechOps monthly cap: 213,850 DAI a month (cumulated)", "spell date"):
        assert f"<!-- {label} -->" in svg, label
    without = chart_svg(cumulative_series(spell), [], spell_time(spell))
    assert "annual cap" not in without


def test_report_with_budget_draws_its_caps(tmp_path):
    assert report(TECHOPS, tmp_path, "--budget", BUDGET) == 0
    html = (tmp_path / "report.html").read_text()
    assert "<!-- TechOps annual cap: 2,566,200 DAI (2022-02-01 to 2023-01-31) -->" in html
    assert "Dashed lines: the budget's caps." in html


def test_an_invalid_budget_is_invalid_input(tmp_path, capsys):
    bad = tmp_path / "budget.yaml"
    bad.write_text(BUDGET.read_text().replace("annual_cap: 2,566,200 DAI", "annual_cap: lots"))
    assert report(TECHOPS, tmp_path / "out", "--budget", bad) == 2
    assert f"{bad}:" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_an_invalid_spec_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(TECHOPS.read_text().replace("amount: 1,069,250", "amount: -1"))
    assert report(bad, tmp_path / "out") == 2
    assert not (tmp_path / "out").exists()


def test_write_reports_replaces_files_atomically(tmp_path):
    spell = load_spell(TECHOPS)
    info = RunInfo("techops-2022-01-28.yaml", spell.date, spell.description, "", spell.solc)
    (tmp_path / "report.md").write_text("old")
    paths = write_reports(tmp_path, info, None, spell)
    assert [p.name for p in paths] == ["report.md", "report.json", "report.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html", "report.json", "report.md"]


# --- simulate writes them with results ---------------------------------------------------------------

def test_simulate_writes_md_html_and_json_with_results(simulated):
    run = simulated(TECHOPS)  # `spellgen simulate` once per session, shared (tests/conftest.py)
    assert run.code == 0
    md = run.text("report.md")
    assert md.startswith("# Spell verification: techops-2022-01-28.yaml\n")  # passed: no banner line
    # The verified source named: file, keccak-256 of the source and of each runtime bytecode, the compiler.
    assert "| Verified source | DssSpell.sol (rendered from techops-2022-01-28.yaml), keccak-256 0x" in md
    assert "| Runtime bytecode | DssSpell keccak-256 0x" in md and "| Compiled with | solc 0.6.12" in md
    assert re.search(r"\*\*\d+ items passed, 0 failed\*\*", md)
    assert "| 1,069,250 DAI |   |   |   | PASS |" in md
    assert "| 2,486,400 DAI | 2022-02-01 00:00:00 to 2023-01-31 00:00:00 | none | yes | PASS |" in md
    html = run.text("report.html")
    assert "<h2>Verification</h2>" in html and '<td class="PASS">PASS</td>' in html and "<svg" in html
    assert 'class="FAIL"' not in html


def test_a_failed_run_has_a_red_banner_in_html_and_failed_in_json(tmp_path):
    from spellgen.review.report import write_reports

    spell = load_spell(TECHOPS)
    info = RunInfo("techops-2022-01-28.yaml", spell.date, spell.description, "twin at 2022-01-28", "0.6.12",
                   "0x" + "ab" * 20, "0x" + "cd" * 32, "2022-01-30 14:00:00 UTC", 123_456,
                   source={"file": "DssSpell.sol", "source_keccak256": "0x" + "11" * 32,
                           "spell_runtime_keccak256": "0x" + "22" * 32, "action_runtime_keccak256": "0x" + "33" * 32,
                           "compiler": "solc 0.6.12 (optimizer on, 200 runs)"})
    write_reports(tmp_path, info, _results(spell), spell)
    page = (tmp_path / "report.html").read_text()
    banner = page.index('<div class="banner failed" id="verdict" role="alert">FAILED')
    assert banner < page.index("<h1>")
    assert "#d1242f" in page  # red
    assert f"keccak-256 0x{'11' * 32}" in page and f"DssSpell keccak-256 0x{'22' * 32}" in page
    data = json.loads((tmp_path / "report.json").read_text())
    assert data["verdict"].startswith("FAILED") and data["source"]["file"] == "DssSpell.sol"
    assert (tmp_path / "report.md").read_text().startswith("FAILED")


def test_a_warning_reads_warn_in_every_report(tmp_path):
    """A passed item above a house figure (gas above the block target) says WARN and why, and passes."""
    from spellgen.review.report import write_reports
    from spellgen.verify.compare import gas_results

    spell = load_spell(TECHOPS)
    info = RunInfo("techops-2022-01-28.yaml", spell.date, spell.description, "twin at 2022-01-28", "0.6.12")
    results = gas_results(spell.date, 15_500_000, 1_000_000)
    write_reports(tmp_path, info, results, spell)
    page = (tmp_path / "report.html").read_text()
    assert '<td class="WARN">WARN</td>' in page and "above the 15,000,000 block target" in page
    assert "| WARN | cast gas at most 20,000,000 |" in (tmp_path / "report.md").read_text()
    data = json.loads((tmp_path / "report.json").read_text())
    assert data["verdict"].startswith("PASSED") and data["results"][0]["status"] == "WARN"
    assert "block target" in data["results"][0]["warning"]


def test_rounded_amounts_for_people_and_no_rounding_of_what_is_no_amount():
    from spellgen.errors import InternalError
    from spellgen.review.summary import rounded

    assert rounded(Decimal("348452.305")) == "348,452.30"  # half-even, thousands separators
    assert rounded(Decimal("1200000.000000000000000000")) == "1,200,000"
    assert rounded(Decimal("0.5")) == "0.5"
    with pytest.raises(InternalError, match="NaN is not an amount"):
        rounded(Decimal("NaN"))
