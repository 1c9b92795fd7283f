"""The coverage map: each YAML action linked to the executive document's line that states it, the
Solidity lines that implement it, the verify items that prove it and the Brownie tests that assert it.

This is the table reviewers of the spells repository write by hand in each pull request. Each link
comes from its own source: the document's lines from the local copy (`exec_doc.copy`, matched by
token, exact amount and recipient as `check` matches them), the Solidity lines from the rendered
spell, the items from the YAML model (with their results after a cast), the tests from the Brownie
module `spellgen brownie-test` writes. A link that should exist and does not is listed in `missing`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from spellgen.render.spell import action_lines
from spellgen.spellfile.execdoc import resolve
from spellgen.spellfile.execdoc_items import doc_lines_of
from spellgen.spellfile.expect import expected_from
from spellgen.spellfile.model import Spell
from spellgen.spellfile.testplan import numbered_tests

if TYPE_CHECKING:
    from spellgen.verify.compare import Result

SOURCE_NAME = "DssSpell.sol"


@dataclass(frozen=True)
class CoverageRow:
    path: str  # the action's YAML path
    action: str  # the action as the reports' table names it
    doc: str  # `exec.md:37`, or why there is none
    solidity: str  # `DssSpell.sol:91-93`, or why there is none
    items: list[str]  # the verify items (with their results after a cast)
    tests: list[str]  # the Brownie tests' names
    missing: list[str] = field(default_factory=list)  # the links that should exist and do not

    def as_dict(self) -> dict:
        return {"path": self.path, "action": self.action, "executive_document": self.doc,
                "solidity": self.solidity, "verify_items": self.items, "brownie_tests": self.tests,
                "missing": self.missing}


def coverage(spell: Spell, results: list[Result] | None = None, rendered: bool = True,
             spec_dir: Path = Path(".")) -> list[CoverageRow]:
    """One row per action, in the YAML's order. `rendered`: the verified source is the rendered spell
    (a hand-written one has no rendered lines to point at); `spec_dir`: the YAML's folder."""
    doc_name, doc_lines = _document(spell, spec_dir)
    lines = action_lines(spell, SOURCE_NAME) if rendered else {}
    expected = expected_from(spell)
    tests: dict[str, list[str]] = {}
    for test in numbered_tests(spell, expected):
        tests.setdefault(test.item.path, []).append(test.name)
    rows = []
    for action in spell.actions:
        missing: list[str] = []
        doc = _doc_cell(action, doc_name, doc_lines, missing)
        span = lines.get(action.path)
        if span:
            solidity = f"{SOURCE_NAME}:{span[0]}" + (f"-{span[1]}" if span[1] != span[0] else "")
        elif rendered:
            solidity = "not found in the rendered spell"
            missing.append("solidity")
        else:
            solidity = "hand-written source: see the source review's results"
        items = _items(action.path, expected, results)
        if not items:
            missing.append("verify items")
        if not tests.get(action.path):
            missing.append("brownie tests")
        rows.append(CoverageRow(action.path, _label(spell, action, expected), doc, solidity, items,
                                tests.get(action.path, []), missing))
    return rows


def _document(spell: Spell, spec_dir: Path) -> tuple[str, dict[str, list[int]] | None]:
    """The local copy's name and each action's lines in it; None when no copy is given or readable."""
    copy = spell.exec_doc.copy if spell.exec_doc else None
    if not copy:
        return "", None
    try:
        path = resolve(copy, spec_dir)
        return path.name, doc_lines_of(spell, path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Path(copy).name, None


def _doc_cell(action, doc_name: str, doc_lines: dict[str, list[int]] | None, missing: list[str]) -> str:
    if not action.doc_claims():
        return "no payment line to match (read the document by hand)"
    if doc_lines is None:
        return "no local copy of the executive document (exec_doc.copy)" if not doc_name else \
            f"{doc_name} could not be read"
    found = doc_lines.get(action.path)
    if not found:
        missing.append("executive document")
        return f"not in {doc_name}"
    return ", ".join(f"{doc_name}:{n}" for n in found)


def _items(path: str, expected, results: list[Result] | None) -> list[str]:
    if results is not None:
        return [f"{'FAIL' if not r.passed else 'WARN' if r.warning else 'PASS'} {r.item}"
                for r in results if r.path == path]
    return [item.label for item in expected.items if item.path == path]


def _label(spell: Spell, action, expected) -> str:
    """The action as its first verify item names it (`USDS payment: 4,000 USDS to AEGIS_D`)."""
    first = next((item.label for item in expected.items if item.path == action.path), None)
    return first or action.summary_row(spell).action
