"""Adversarial text for the injection tests and bench/fuzz: strings that try to leave a Solidity
comment or string literal, and the oracles that prove they did not."""
from __future__ import annotations

import json
import string

import yaml
from hypothesis import strategies as st

from spellgen.spellfile.checks import check_spell
from spellgen.spellfile.diagnostics import Diagnostics, InputError
from spellgen.spellfile.parse import parse_spell
from spellgen.spellfile.source import parse_text

ADDRESS = "0x2dC0420A736D1F40893B9481D8968E4D7424bC0B"
DESCRIPTION = "2022-12-09 MakerDAO Executive Spell | Hash: 0xc1363d6a233492ab13d88e8bb9d9cab0033439f0817e152f0b3a4218989983ef"
TEXT_FIELDS = ("title", "link", "comment")

# Pieces that end or open comments and literals, break lines for editors or compilers, reorder
# text for a reviewer's eyes, or smuggle code.
FRAGMENTS = ["\n", "\r", "\r\n", "*/", "/*", "//", "///", '"', "'", "\\", "\\n", "\u2028", "\u2029", "\u0085",
             "\u202e", "\u2066", "\u200b", "\ufeff", "\x00", "\x07", "\t", "é", "—", "😀", "}", "{", ";",
             ");", "unicode\"", "hex\"00\"", "function evil() public {}", "selfdestruct(payable(0));",
             "pragma solidity 0.4.0;", "\\u000a", "\\x0a", " ", "----- x -----"]
adversarial_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(string.printable, max_size=4)),
                            max_size=8).map("".join)

# What a comment may legitimately hold although it looks dangerous: comment and literal
# delimiters, quotes, backslashes, code, non-ASCII. These must be accepted AND harmless.
_NO_BREAK = [f for f in FRAGMENTS if not any(c in f for c in "\n\r\x00\x07\t\u0085\u2028\u2029\u202e\u2066\u200b\ufeff")]
_PRINTABLE = "".join(c for c in string.printable if c not in "\n\r\t\x0b\x0c")
dangerous_but_valid_text = st.lists(st.one_of(st.sampled_from(_NO_BREAK), st.text(_PRINTABLE, max_size=4)),
                                    min_size=1, max_size=8).map("".join).filter(lambda t: t.strip() != "")


def spell_yaml(title: str = "Budget", link: str = "https://forum.example/t/x", comment: str = "note",
               description: str = DESCRIPTION) -> str:
    """A valid 0.8.16 spell with the given texts, emitted by a YAML library (so any string is representable)."""
    data = {
        # A draft: the spell names no executive document (exec_doc.url).
        "spell": {"date": "2022-12-09", "description": description, "office_hours": False, "solc": "0.8.16",
                  "draft": True},
        "wallets": {"TECH_001": ADDRESS},
        "sections": [{"title": title, "links": {"forum": link},
                      "actions": [{"type": "mkr_transfer", "to": "TECH_001", "amount": "257.31",
                                   "comment": comment}]}],
    }
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def load(text: str):
    """The checked model, or the diagnostics that refused it."""
    diags = Diagnostics("fuzz.yaml")
    try:
        spell = parse_spell(parse_text(text, diags), diags)
        check_spell(spell, diags)
    except InputError:
        return None, diags
    return (None if diags.errors else spell), diags


def refused_fields(diags: Diagnostics) -> set[str]:
    """Which YAML fields the errors point at (each must be one of the adversarial ones)."""
    return {d.path for d in diags.errors}


def normalized_ast(node):
    """solc's AST without positions, ids and comments' documentation: equal ASTs, equal programs."""
    if isinstance(node, dict):
        return {k: normalized_ast(v) for k, v in node.items()
                if k not in ("src", "id", "nameLocation", "documentation", "absolutePath", "scope",
                             "referencedDeclaration", "overloadedDeclarations", "exportedSymbols",
                             "nodes_count", "functionSelector", "baseFunctions", "contractDependencies",
                             "linearizedBaseContracts", "typeIdentifier", "functionReturnParameters",
                             "nameLocations") and not k.endswith("Location")}
    if isinstance(node, list):
        return [normalized_ast(v) for v in node]
    return node


def ast_fingerprint(ast: dict) -> str:
    return json.dumps(normalized_ast(ast), sort_keys=True)
