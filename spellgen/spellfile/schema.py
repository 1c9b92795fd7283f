"""JSON Schema (draft-07) of the spell YAML, for editors and for the README.

The schema describes shapes; `spellgen check` remains the authority (checksums, periods, caps).
Field names come from parse.py's key tables, so the two cannot drift apart (tests compare them).
"""
from __future__ import annotations

from spellgen.spellfile.parse import (
    ACTION_KEYS, CAP_KEYS, EXEC_DOC_KEYS, EXPECT_KEYS, LINK_LABELS, SECTION_KEYS, SIMULATION_KEYS, SOLC_TARGETS, SPELL_KEYS, TOP_KEYS,
)
from spellgen.spellfile.execdoc import URL_PATTERN as EXEC_DOC_URL
from spellgen.spellfile.protocol import VESTS

AMOUNT = {
    "description": "A token amount, exact: 2,486,400 or 1_069_250 or 257.31, optionally followed by the token "
                   "(257.31 MKR). Never read as a float.",
    "type": ["integer", "number", "string"],
    "pattern": r"^(\d{1,3}(,\d{3})+|\d+(_\d+)*)(\.\d{1,18})?(\s+[A-Z]{2,6})?$",
}
ADDRESS = {"type": "string", "pattern": "^0x[0-9a-fA-F]{40}$",
           "description": "An EIP-55 checksummed address."}
PARTY = {"description": "A wallet name from `wallets`, an EIP-55 checksummed address, or a chainlog key with "
                        "the address it must hold: {chainlog: KEY, address: 0x...}.",
         "anyOf": [{"type": "string"},
                   {"type": "object", "additionalProperties": False, "required": ["chainlog", "address"],
                    "properties": {"chainlog": {"type": "string", "pattern": "^[A-Z][A-Z0-9_]{0,31}$",
                                                "description": "The chainlog key the spell reads the address from."},
                                   "address": {**ADDRESS, "description": "What the chainlog holds under the key "
                                                                         "(shown by check, required by verify)."}}}]}
CAST_START = {"type": "string", "pattern": r"^cast(\s*[+-]\s*\d+(?:[_,]\d{3})*\s*(second|minute|hour|day|week)s?)?$",
              "description": "`cast`, or `cast - 7 days`: the award starts at the cast's block.timestamp (with an "
                             "offset); needs `duration`, and a cliff given as a duration."}
DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$", "description": "A UTC calendar date, YYYY-MM-DD."}
INSTANT = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}:\d{2}\s*(Z|UTC|\+00:00))?$"}
DURATION = {"type": "string", "pattern": r"^\d+(?:[_,]\d{3})*\s*(second|minute|hour|day|week)s?$",
            "description": "A duration such as `365 days` or `48 hours` (months and years vary, so are refused)."}
TEXT = {"type": "string", "description": "One line of text; no control or direction-changing characters."}
VEST = {"enum": sorted(VESTS), "description": "The chainlog key of the DssVest contract."}
NONE_OR = {"enum": ["none"]}


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
    comment = {**TEXT, "description": "An extra comment line above the action in the spell."}
    return [
        _action("dai_payment", "DAI sent from the surplus buffer (DssExecLib.sendPaymentFromSurplusBuffer).", {
            "to": PARTY, "amount": {**AMOUNT, "description": "Whole DAI; a fraction needs round_up: true."},
            "round_up": {"type": "boolean", "description": "Allow a fractional amount, rounded up, with a note."},
            "exact": {"type": "boolean", "description": "Pay the exact amount (to the wei) the 2021 way: vat.suck "
                                                        "of the RAD to the PauseProxy and DaiJoin.exit to the recipient."},
            "comment": comment}),
        _action("usds_payment", "Whole USDS from the surplus buffer: _transferUsds(usr, wad) (DAI paid to the "
                                "PauseProxy, converted 1:1 through DAI_USDS).", {
            "to": PARTY, "amount": {**AMOUNT, "description": "Whole USDS; a fraction needs round_up: true."},
            "round_up": {"type": "boolean", "description": "Allow a fractional amount, rounded up, with a note."},
            "comment": comment}),
        _action("sky_transfer", "SKY to a recipient from the PauseProxy's treasury (SKY.transfer), or converted from "
                                "its MKR through MKR_SKY (_transferSky).", {
            "to": PARTY, "amount": {**AMOUNT, "description": "SKY, at most 18 decimals."},
            "from": {"enum": ["treasury", "mkr", "mkr_direct"],
                     "description": "treasury (default): the PauseProxy's SKY; mkr: convert ceil(amount / 24,000) MKR "
                                    "into the PauseProxy, then transfer (2025-01-09 to 2025-04-30); mkr_direct: convert "
                                    "straight to the recipient, an exact multiple of the rate (2024-11-28)."},
            "comment": comment}),
        _action("mkr_to_sky", "MKR of the PauseProxy converted into SKY for the PauseProxy through MKR_SKY "
                              "(MKR.approve(MKR_SKY, wad); MkrSkyLike(MKR_SKY).mkrToSky(address(this), wad)).", {
            "amount": {**AMOUNT, "description": "MKR, at most 18 decimals; the PauseProxy gets 24,000 SKY per MKR."},
            "comment": comment}),
        _action("mkr_transfer", "MKR transferred from the treasury (the PauseProxy's balance).", {
            "to": PARTY, "amount": {**AMOUNT, "description": "MKR, at most 18 decimals."}, "comment": comment}),
        _action("stream", "A new DssVest award: restrict(create(usr, tot, bgn, tau, eta, mgr)).", {
            "vest": VEST, "to": PARTY, "total": AMOUNT,
            "start": {"description": "A date (00:00:00 UTC), a UTC timestamp, or `cast` / `cast - 7 days`.",
                      "anyOf": [INSTANT, CAST_START]},
            "end": {**INSTANT, "description": "An inclusive last day (23:59:59 UTC) or a UTC timestamp."},
            "duration": {**DURATION, "description": "Instead of end: the length, e.g. `365 days`."},
            "cliff": {"description": "none, a date (00:00:00 UTC), a UTC timestamp, or a duration from the start.",
                      "anyOf": [NONE_OR, INSTANT, DURATION]},
            "manager": {"description": "none, a wallet name or an address allowed to yank.", "type": "string"},
            "restricted": {"type": "boolean", "description": "Only the recipient may claim (default true)."},
            "comment": comment}),
        _action("yank", "End an existing award (VestLike.yank).", {
            "vest": VEST, "id": {"type": "integer", "minimum": 1},
            "end": {"description": "now (default) or the planned end: a last day or a UTC timestamp.",
                    "anyOf": [{"enum": ["now"]}, INSTANT]},
            "recipient": {**PARTY, "description": "Who the award should belong to (verified before the cast)."},
            "current_end": {**INSTANT, "description": "The award's end before the yank (verified before the cast)."},
            "comment": comment}),
        _action("allowance", "The PauseProxy's token allowance to a transferrable vest.", {
            "vest": VEST,
            "increase": {"description": "auto (the total of this spell's new streams on the vest) or an amount, "
                                        "added to the current allowance.", "anyOf": [{"enum": ["auto"]}, AMOUNT]},
            "set": {"description": "An absolute allowance instead of an increase, or `owed`: what all valid awards "
                                   "of the vest still owe (the sum of tot - rxd, this spell's new streams included), "
                                   "computed on chain at the cast.", "anyOf": [{"enum": ["owed"]}, AMOUNT]},
            "comment": comment}),
        _action("cap", "Set a vest's rate cap: file(\"cap\", amount * WAD / per).", {
            "vest": VEST, "amount": AMOUNT, "per": DURATION}),
    ]


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
                                    "is the URL when it starts with https://, else the copy.",
                     "anyOf": [{"type": "string"}, _obj({
                         "url": {"type": "string", "pattern": EXEC_DOC_URL,
                                 "description": "https://raw.githubusercontent.com/sky-ecosystem/executive-votes/"
                                                "<commit>/YYYY/executive-vote-YYYY-MM-DD-<slug>.md (makerdao/community"
                                                "/<commit>/governance/votes/Executive%20vote%20-%20<Month>%20<d>%2C%20"
                                                "<yyyy>.md before 2025-05-29)"},
                         "copy": {"type": "string", "description": "A local copy, relative to this file."},
                     }, EXEC_DOC_KEYS)]},
        "draft": {"type": "boolean", "description": "Not for an executive vote yet: a placeholder hash is allowed "
                                                    "and `check` warns."},
    }, SPELL_KEYS, "Spell metadata.")
    section = _obj({
        "title": TEXT,
        "links": {"type": "object", "additionalProperties": False, "properties": links},
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
