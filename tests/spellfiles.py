"""Build small spell YAML files for tests, with predictable line numbers."""
from __future__ import annotations

import textwrap
from pathlib import Path

from spellgen.spellfile.checks import check_spell
from spellgen.spellfile.diagnostics import Diagnostics, InputError
from spellgen.spellfile.parse import load_spell

# A test spell names no executive document (exec_doc.url), so it is a draft: `diagnose` sets aside the
# one warning that says so.
HEADER = """\
spell:
  draft: true
  date: 2023-03-01
  description: "2023-03-01 MakerDAO Executive Spell | Hash: 0x1284f085ea8cd00b52464a5191e1975b5e1b53fcfe3daa1434bd37348fbeaf9f"
  office_hours: false
wallets:
  TECH_WALLET: 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B
  SES_WALLET: 0x87AcDD9208f73bFc9207e1f6F0fDE906bcA95cc6
sections:
  - title: Budgets
    actions:
"""
FIRST_ACTION_LINE = HEADER.count("\n") + 1  # line 12


def spell_text(actions: str, extra: str = "") -> str:
    """HEADER plus actions (a YAML list, indented by this function) plus top-level extra."""
    return HEADER + textwrap.indent(textwrap.dedent(actions).strip("\n"), "      ") + "\n" + textwrap.dedent(extra)


def diagnose(tmp_path: Path, text: str) -> list:
    path = tmp_path / "spell.yaml"
    path.write_text(text)
    diags = Diagnostics(str(path))
    checked = False
    try:
        spell = load_spell(path, diags)
        checked = True  # the draft warning comes from the checks, which a spell that does not parse never reaches
        check_spell(spell, diags)
    except InputError:
        pass
    return without_the_draft_warning(text, list(diags), checked)


DRAFT_WARNING = "draft: not for an executive vote"


def without_the_draft_warning(text: str, diags: list, checked: bool = True) -> list:
    """`diags` less the warning a `draft: true` spell gets for being one, asserted to be there exactly
    once for a checked draft (at its `draft` line) and never otherwise."""
    lines = [i + 1 for i, line in enumerate(text.splitlines()) if line == "  draft: true"] if checked else []
    found = [d for d in diags if d.path == "spell.draft" and d.message.startswith(DRAFT_WARNING)]
    assert [d.line for d in found] == lines and all(d.severity == "warning" for d in found), \
        [str(d) for d in diags]
    return [d for d in diags if d not in found]
