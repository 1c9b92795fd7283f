"""What a reviewer signs of the cast's state diff: its normalized hash and its permissions table.

The state-diff check (statediff.py) labels every change of the cast (LabelledChange). Two reviewers,
one on the twin and one on a fork, or one run and the next, compare the **normalized state-diff hash**:
keccak-256 of a canonical encoding of those changes as deltas, which leaves out what differs between
runs and chains (STATE_DIFF_ENCODING says exactly what). The **permissions table** lists every change of
an authorization: `wards` (rely/deny), the Vat's `can` (hope/nope), ChainLog entries, allowances, and an
owner, authority or root; before and after, with the YAML item that explains it or "unexplained".
"""
from __future__ import annotations

import json

from spellgen.spellfile.address import keccak256
from spellgen.verify.statediff import LabelledChange

STATE_DIFF_ENCODING = (
    "keccak-256 of json.dumps(entries, separators=(',', ':'), ensure_ascii=True), entries sorted, one "
    "[contract, meaning, kind, value] per changed slot or account: contract its chainlog name (else its checksummed "
    "address), meaning the slot by its mainnet layout with each known address by its name (balanceOf[SPARK_SUBPROXY]), "
    "kind 'delta' (value: new - old, for amounts and declared deltas), 'value' (value: the new word) or "
    "'time-dependent' (value: '', for values the YAML computes at the cast), values as decimal strings. Left out: "
    "the caster's nonce and gas fee, the block's fee recipient, the spell's own storage (its done flag) and the "
    "pause's eta-keyed plan")

# The variables that grant or record authority: a change of any of them is a permission change.
PERMISSION_VARIABLES = frozenset({"wards", "can", "allowance", "owner", "authority", "root", "owner|stopped"})
CHAINLOG_KIND = "ChainLog"


def hash_entries(changes: list[LabelledChange]) -> list[list[str]]:
    """The canonical entries of STATE_DIFF_ENCODING, sorted."""
    return sorted([c.contract, c.meaning, c.encoding, "" if c.encoding == "time-dependent" else str(c.value)]
                  for c in changes if c.encoding)


def state_diff_hash(changes: list[LabelledChange]) -> str:
    """The normalized state-diff hash (STATE_DIFF_ENCODING): the same spell gives the same hash at any cast
    time, on any run; one more transfer, ward or entry changes it."""
    text = json.dumps(hash_entries(changes), separators=(",", ":"), ensure_ascii=True)
    return "0x" + keccak256(text.encode("ascii")).hex()


def permissions(changes: list[LabelledChange], chainlog: str = "") -> list[dict[str, str]]:
    """Every authorization the cast changed, before and after: wards, can, allowances, owners and
    authorities, and every storage change of the ChainLog (`chainlog`: its address) but its wards."""
    out = []
    for c in changes:
        on_chainlog = bool(chainlog) and c.address.lower() == chainlog.lower()
        if not c.slot or not (c.variable in PERMISSION_VARIABLES or on_chainlog):
            continue
        kind = c.variable if c.variable in PERMISSION_VARIABLES else "chainlog entry"
        out.append({"contract": c.contract, "permission": c.meaning, "kind": kind, "before": c.old,
                    "after": c.new, "item": c.item, "verdict": c.verdict})
    return out
