"""The JSON-schema building blocks the action kinds' fields are made of (spellfile/schema.py assembles them)."""
from __future__ import annotations

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
