"""The coverage map: each action linked to the document's line, its Solidity, its verify items and its
Brownie tests; a missing link is shown as missing (issue 25)."""
from __future__ import annotations

import json
from pathlib import Path

from spellgen.cli import main as cli
from spellgen.render.spell import render
from spellgen.review.coverage import coverage
from spellgen.spellfile.parse import load_spell
from spellgen.spellfile.testplan import numbered_tests
from spellgen.spellfile.expect import expected_from

ROOT = Path(__file__).resolve().parents[2]
EXECDOC = ROOT / "tests/execdoc"
TECHOPS = ROOT / "examples/techops-2022-01-28.yaml"


def test_every_link_of_every_action_of_the_documented_spell(tmp_path):
    spell = load_spell(EXECDOC / "spell.yaml")
    rows = coverage(spell, spec_dir=EXECDOC)
    assert [r.doc for r in rows] == ["exec.md:36", "exec.md:37", "exec.md:38", "exec.md:42", "exec.md:52",
                                     "no payment line to match (read the document by hand)"]
    assert all(not r.missing for r in rows)
    source = render(spell, "DssSpell.sol").splitlines()
    for row, action in zip(rows, spell.actions):
        first, _, last = row.solidity.removeprefix("DssSpell.sol:").partition("-")
        statement = "\n".join(source[int(first) - 1:int(last or first)])
        # The lines named are the action's own statement: its recipient or vest is in them.
        name = getattr(action, "to", None) or getattr(action, "vest", None)
        assert (name.code if hasattr(name, "code") else name) in statement, (row, statement)
    names = {t.name for t in numbered_tests(spell, expected_from(spell))}
    assert all(set(r.tests) <= names and r.tests for r in rows)


def test_an_action_the_document_does_not_state_is_marked_missing(tmp_path, capsys):
    spec = tmp_path / "spell.yaml"
    spec.write_text((EXECDOC / "spell.yaml").read_text().replace("amount: 4_300", "amount: 4_301").replace("usds_paid: 12_300", "usds_paid: 12_301")
                    .replace("  office_hours: true\n", "  office_hours: true\n  draft: true\n"))  # mismatches warn in a draft
    (tmp_path / "exec.md").write_text((EXECDOC / "exec.md").read_text())
    assert cli.main(["report", str(spec), "--out", str(tmp_path / "out")]) == 0
    md = (tmp_path / "out/report.md").read_text()
    assert "| USDS payment: 4,301 USDS to TANGO | not in exec.md |" in md
    assert "**missing: executive document**" in md
    data = json.loads((tmp_path / "out/report.json").read_text())
    tango = next(r for r in data["coverage"] if "TANGO" in r["action"])
    assert tango["missing"] == ["executive document"] and tango["verify_items"] and tango["brownie_tests"]
    html = (tmp_path / "out/report.html").read_text()
    assert "<h2>Coverage map</h2>" in html and 'class="FAIL">missing: executive document</td>' in html


def test_without_a_local_copy_the_document_link_says_why():
    rows = coverage(load_spell(TECHOPS))
    assert rows and all(r.doc.startswith("no local copy") or r.doc.startswith("no payment line") for r in rows)
    assert all(not r.missing for r in rows)


def test_a_simulation_links_each_action_to_its_results(simulated):
    data = simulated(TECHOPS).report()
    rows = data["coverage"]
    assert len(rows) == len(load_spell(TECHOPS).actions)
    for row in rows:
        assert row["verify_items"] and all(item.startswith("PASS ") for item in row["verify_items"]), row
        assert row["solidity"].startswith("DssSpell.sol:") and row["brownie_tests"]
