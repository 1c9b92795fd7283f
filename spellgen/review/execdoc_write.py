"""The executive document's budget section, written from the YAML (`spellgen execdoc SPEC.yaml`).

The payment, transfer, stream, yank, allowance and cap lines are each action's own line (its kind's
`doc_line`), under the section's title with its links, after a "totaling" line when a section pays
one token more than once; addresses are Etherscan links, as the executive documents write them. The
document reader `check` uses (spellfile/execdoc_items.py) reads the payments back exactly: a test
drafts a YAML from the written section (`spellgen import`) and compares. A crafter pastes the section
into the document instead of typing the amounts a second time.
"""
from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from spellgen.spellfile.amounts import exact_sum, human
from spellgen.spellfile.execdoc import MONTHS
from spellgen.spellfile.model import Section, Spell

_LINK_TEXT = {"Forum": "Forum Post", "Poll": "Poll", "Atlas": "Atlas", "MIP": "MIP", "Executive Vote": "Executive Vote"}
_ADDRESS = re.compile(r"(?<![0-9A-Za-z/\[])(0x[0-9a-fA-F]{40})(?![0-9A-Za-z])")


def spoken_date(day: str) -> str:
    """`2026-02-26` -> `February 26, 2026`, as the documents' titles write it."""
    d = date.fromisoformat(day)
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def budget_document(spell: Spell) -> str:
    """A whole document: front matter, title and the budget section (for a local `exec_doc.copy`)."""
    titles = ", ".join(s.title for s in spell.sections)
    head = ["---", f"title: Template - [Executive Vote] {titles} - {spoken_date(spell.date)}",
            f"summary: {titles}.", f"date: {spell.date}T00:00:00.000Z", 'address: "$spell_address"', "---", "",
            f"# [Executive Proposal] {titles} - {spoken_date(spell.date)}", "", "## Proposal Details", ""]
    return "\n".join(head) + "\n" + budget_section(spell)


def budget_section(spell: Spell) -> str:
    """Each section's heading, links, totals line and action lines, in the YAML's order."""
    out: list[str] = []
    for section in spell.sections:
        out += [f"### {section.title}", ""]
        out += [f"- **{label}**: [{_LINK_TEXT.get(label, label)}]({text})" if text.startswith("https://")
                else f"- **{label}**: {text}" for label, text in section.links]
        out += [""] if section.links else []
        out += _totaling(section)
        out += [_linked(action.doc_line(spell)) for action in section.actions] + [""]
    return "\n".join(out).rstrip("\n") + "\n"


def _totaling(section: Section) -> list[str]:
    """`If this executive proposal passes, the following transfers totaling **12,300 USDS** will be made:`
    for each token the section pays more than once."""
    paid: dict[str, list[Decimal]] = {}
    for action in section.actions:
        for token, amount in action.paid_tokens().items():
            paid.setdefault(token, []).append(amount)
    return [f"If this executive proposal passes, the following transfers totaling **{human(exact_sum(amounts))} "
            f"{token}** will be made:\n" for token, amounts in paid.items() if len(amounts) > 1]


def _linked(line: str) -> str:
    return _ADDRESS.sub(lambda m: f"[{m[1]}](https://etherscan.io/address/{m[1]})", line)
