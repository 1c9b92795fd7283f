"""Budgets, ledgers and small spells for the budget tests (files written under tmp_path)."""
from __future__ import annotations

import textwrap
from pathlib import Path

from spellgen.budget.checks import check_against_budget
from spellgen.budget.ledger import load_ledger
from spellgen.budget.parse import load_budget
from spellgen.spellfile.diagnostics import Diagnostics, InputError
from spellgen.spellfile.parse import load_spell

ROOT = Path(__file__).resolve().parent.parent
TECHOPS = ROOT / "examples/budgets/techops.yaml"
TECHOPS_LEDGER = ROOT / "examples/budgets/techops-ledger.yaml"
TOPUP = ROOT / "tests/budgets/techops-topup.yaml"
LEAP = ROOT / "tests/budgets/leap.yaml"
MIXED = ROOT / "tests/budgets/mixed.yaml"
JANSKY = ROOT / "examples/budgets/jansky-2025.yaml"
DAI_SPELL = ROOT / "examples/techops-2022-01-28.yaml"
MKR_SPELL = ROOT / "examples/techops-2022-12-09.yaml"
AUDITOR = "0x2dC0420A736D1F40893B9481D8968E4D7424bC0B"
OPERATIONAL = "0x87AcDD9208f73bFc9207e1f6F0fDE906bcA95cc6"
# A made-up hash and no exec_doc.url: the small spells are drafts.
HASH = "0x3f9a5c1e7b2d4068a1c3e5f7092b4d6f8a0c2e4f6b8d0a2c4e6f8b0d2a4c6e8f"  # not a placeholder (is_placeholder)

SPELL = """\
spell:
  draft: true
  date: {day}
  description: "{day} MakerDAO Executive Spell | Hash: {hash}"
  office_hours: false
wallets:
  TECH_001: 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B
  SES_001: 0x87AcDD9208f73bFc9207e1f6F0fDE906bcA95cc6
sections:
  - title: Budget
    actions:
"""
ACTION_LINE = SPELL.count("\n") + 1  # the first action's line


def spell_file(tmp_path: Path, day: str, actions: str, name: str | None = None) -> Path:
    """A spell on `day` with the given actions (a YAML list, indented here)."""
    text = SPELL.format(day=day, hash=HASH) + textwrap.indent(textwrap.dedent(actions).strip("\n"), "      ") + "\n"
    path = tmp_path / (name or f"spell-{day}.yaml")
    path.write_text(text)
    return path


def mkr(amount: str, to: str = "TECH_001") -> str:
    return f"- type: mkr_transfer\n  to: {to}\n  amount: {amount}\n"


def payment(amount: str, to: str = "TECH_001") -> str:
    return f"- type: dai_payment\n  to: {to}\n  amount: {amount}\n"


def usds(amount: str, to: str = "TECH_001") -> str:
    return f"- type: usds_payment\n  to: {to}\n  amount: {amount}\n"


def sky(amount: str, to: str = "TECH_001") -> str:
    return f"- type: sky_transfer\n  to: {to}\n  amount: {amount}\n"


def stream(total: str, start: str, end: str, vest: str = "MCD_VEST_DAI", to: str = "TECH_001") -> str:
    return f"- type: stream\n  vest: {vest}\n  to: {to}\n  total: {total}\n  start: {start}\n  end: {end}\n"


def ledger_file(tmp_path: Path, entries: list[tuple[str, str]], unit: str = "TECH-001") -> Path:
    """A ledger with one entry per (date, actions)."""
    lines = ["spellgen: 1", f"core_unit: {unit}", "wallets:", f"  TECH_001: {AUDITOR}", f"  SES_001: {OPERATIONAL}",
             "spells:" if entries else "spells: []"]
    for day, actions in entries:
        lines += [f"  - date: {day}", f'    description: "{day} MakerDAO Executive Spell | Hash: {HASH}"',
                  "    actions:", textwrap.indent(textwrap.dedent(actions).strip("\n"), "      ")]
    path = tmp_path / "ledger.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def file_diagnostics(tmp_path: Path, text: str, load=load_budget, name: str = "budget.yaml") -> list:
    """What reading a file with this text says (a budget file by default; `load=load_ledger` for a ledger)."""
    path = tmp_path / name
    path.write_text(text)
    diags = Diagnostics(str(path))
    try:
        load(path, diags)
    except InputError:
        pass
    return list(diags)


def budget_file_diagnostics(tmp_path: Path, text: str) -> list:
    return file_diagnostics(tmp_path, text)


def budget_diagnostics(spell: Path, budget: Path = TECHOPS, ledger: Path | None = None) -> list:
    """Only what the budget checks say about the spell (the spell's own checks are tested elsewhere)."""
    diags = Diagnostics(str(spell))
    check_against_budget(load_spell(spell), load_budget(budget), load_ledger(ledger) if ledger else None, diags)
    return list(diags)


def errors(diags: list) -> list[str]:
    return [d.message for d in diags if d.severity == "error"]


def warnings(diags: list) -> list[str]:
    return [d.message for d in diags if d.severity == "warning"]
