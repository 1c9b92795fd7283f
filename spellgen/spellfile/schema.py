"""JSON Schema (draft-07) of the spell YAML, for editors and for the README.

The schema describes shapes; `spellgen check` remains the authority (checksums, periods, caps).
Field names come from parse.py's key tables and each action kind's module, so the two cannot drift apart (tests compare them).
"""
from __future__ import annotations

from spellgen.spellfile.parse import (
    ACTION_KEYS, CAP_KEYS, CONDITION_KEYS, RUNS_IF, EXEC_DOC_KEYS, EXPECT_KEYS, LINK_LABELS, SECTION_KEYS, SIMULATION_KEYS, SOLC_TARGETS, SPELL_KEYS, TOP_KEYS,
)
from spellgen.spellfile.actions import REGISTRY
# The building blocks are shared with the action kinds' schema fragments (spellfile/actions/).
from spellgen.spellfile.actions.fields import ADDRESS, AMOUNT, DATE, DURATION, TEXT
from spellgen.spellfile.execdoc import URL_PATTERN as EXEC_DOC_URL
from spellgen.spellfile.protocol import VESTS


def _obj(properties: dict, keys: dict[str, bool], description: str = "") -> dict:
    assert set(properties) == set(keys), f"schema and parser disagree: {set(properties) ^ set(keys)}"
    schema = {"type": "object", "additionalProperties": False, "properties": properties,
              "required": [k for k, required in keys.items() if required]}
    if description:
        schema["description"] = description
    return schema


def _action(kind: str, description: str, fields: dict) -> dict:
    properties = {"type": {"const": kind}, **fields}
    return _obj(properties, ACTION_KEYS[kind], description)


def _actions() -> list[dict]:
    """Each registered kind's fragment, in the registry's order."""
    comment = {**TEXT, "description": "An extra comment line above the action in the spell."}
    out = []
    for kind, cls in REGISTRY.items():
        description, fields = cls.schema(comment)
        out.append(_action(kind, description, fields))
    return out


def spell_schema() -> dict:
    links = {key: {"description": f"{label} line(s)", "anyOf": [TEXT, {"type": "array", "items": TEXT}]}
             for key, label in LINK_LABELS.items()}
    tokens = sorted({v.token for v in VESTS.values()})
    spell = _obj({
        "date": {**DATE, "description": "The spell's target date (UTC)."},
        "description": {"type": "string", "description": "YYYY-MM-DD MakerDAO Executive Spell | Hash: 0x..."},
        "office_hours": {"type": "boolean", "description": "Cast only on weekdays 14:00-21:00 UTC."},
        "expiry": {**DURATION, "description": "How long after deployment the spell can be scheduled (30 days)."},
        "solc": {"enum": list(SOLC_TARGETS), "description": "Compiler of the rendered spell (default 0.8.16)."},
        "exec_doc": {"description": "The executive document: its permanent raw URL at the commit of its last change "
                                    "(rendered in the `// Hash: cast keccak` comment) and/or a local copy, relative "
                                    "to this file (hashed and cross-checked against the actions). A plain string "
                                    "is the URL when it starts with https://, else the copy. The URL is required "
                                    "unless `draft: true`.",
                     "anyOf": [{"type": "string"}, _obj({
                         "url": {"type": "string", "pattern": EXEC_DOC_URL,
                                 "description": "https://raw.githubusercontent.com/sky-ecosystem/executive-votes/"
                                                "<commit>/YYYY/executive-vote-YYYY-MM-DD-<slug>.md (makerdao/community"
                                                "/<commit>/governance/votes/Executive%20vote%20-%20<Month>%20<d>%2C%20"
                                                "<yyyy>.md before 2025-05-29)"},
                         "copy": {"type": "string", "description": "A local copy, relative to this file."},
                     }, EXEC_DOC_KEYS)]},
        "draft": {"type": "boolean", "description": "Not for an executive vote yet: a placeholder hash and a missing "
                                                    "exec_doc.url are allowed and `check` warns."},
    }, SPELL_KEYS, "Spell metadata.")
    section = _obj({
        "title": TEXT,
        "links": {"type": "object", "additionalProperties": False, "properties": links},
        "condition": _obj({
            "earlier_spell": {**ADDRESS, "description": "The earlier spell's address (checksummed)."},
            "runs_if": {"enum": list(RUNS_IF),
                        "description": "not_cast: the actions run only if the earlier spell's done() is false "
                                       "(2021-07-16: `if (!Doable(PREV_SPELL).done())`); cast: only if true."},
            "name": {"type": "string", "pattern": "^[A-Z][A-Z0-9_]{0,63}$",
                     "description": "The address constant's name (default PREV_SPELL)."},
        }, CONDITION_KEYS, "The section's actions run only if an earlier spell was not (or was) cast; "
                           "verify casts both branches."),
        "actions": {"type": "array", "items": {"oneOf": _actions()}},
    }, SECTION_KEYS, "A titled group of actions with its link lines.")
    expect = _obj({
        "dai_paid": AMOUNT, "mkr_transferred": AMOUNT, "usds_paid": AMOUNT, "sky_transferred": AMOUNT,
        "streams": {"type": "object", "additionalProperties": False,
                    "properties": {k: {"type": "integer", "minimum": 0} for k in sorted(VESTS)}},
        "streamed": {"type": "object", "additionalProperties": False, "properties": {t: AMOUNT for t in tokens}},
    }, EXPECT_KEYS, "Control totals from the executive document, checked against the actions.")
    cap = _obj({"amount": AMOUNT, "per": DURATION}, CAP_KEYS)
    top = _obj({
        "spellgen": {"const": 1, "description": "Format version."},
        "spell": spell,
        "wallets": {"type": "object", "description": "Wallet registry: UPPER_SNAKE name -> checksummed address.",
                    "propertyNames": {"pattern": "^[A-Z][A-Z0-9_]{0,63}$"}, "additionalProperties": ADDRESS},
        "sections": {"type": "array", "items": section},
        "expect": expect,
        "vest_caps": {"type": "object", "additionalProperties": False,
                      "description": "Rate caps to check against, overriding the mainnet caps spellgen knows.",
                      "properties": {k: cap for k in sorted(VESTS)}},
        "simulation": _obj({"pause_delay": {**DURATION, "description": "The twin's governance delay."}},
                           SIMULATION_KEYS, "Settings of the simulation."),
    }, TOP_KEYS)
    return {"$schema": "http://json-schema.org/draft-07/schema#",
            "$id": "https://spellgen.invalid/schema/spell.schema.json",
            "title": "spellgen spell", **top}
