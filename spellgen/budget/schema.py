"""JSON Schemas (draft-07) of the budget and ledger YAML, for editors.

Built against the parsers' key tables (a mismatch fails an assertion, so they cannot drift) and
from the spell schema's own pieces, so an amount or a date means the same everywhere. The schemas
describe shapes; `spellgen budget check` is the authority.
"""
from __future__ import annotations

from spellgen.spellfile.parse import LINK_LABELS
from spellgen.spellfile.actions.fields import ADDRESS, AMOUNT, DATE, INSTANT, TEXT
from spellgen.spellfile.schema import _actions, _obj
from spellgen.budget import ledger, model, parse

MONTHS = {"type": "string", "pattern": r"^\d{1,3}\s*(month|year)s?$",
          "description": "A length in calendar months or years: `6 months`, `1 year`, `3 years`."}
NAME = {"type": "string", "pattern": "^[A-Z][A-Z0-9_]{0,63}$",
        "description": "The wallet's name in a spell's registry (UPPER_SNAKE_CASE)."}


def _links() -> dict:
    return {"type": "object", "additionalProperties": False, "description": "Link lines of the spell's section.",
            "properties": {key: {"description": f"{label} line(s)", "anyOf": [TEXT, {"type": "array", "items": TEXT}]}
                           for key, label in LINK_LABELS.items()}}


def _wallets() -> dict:
    wallet = _obj({"name": NAME, "address": ADDRESS}, parse.WALLET_KEYS)
    return _obj({
        "auditor": {**wallet, "description": "The Auditor Wallet: streams, top-ups and transfers go here."},
        "operational": {"description": "The Operational Wallet, or none when the MIP gives no address.",
                        "anyOf": [{"enum": ["none"]}, wallet]},
    }, parse.WALLETS_KEYS, "The core unit's wallets.")


def _periodic(token: str) -> dict:
    """A period part (`dai:`, `usds:`, or a streamed `mkr:`/`sky:`): one shape, amounts in its own token."""
    default = model.DEFAULT_VESTS[token]
    notes = {"DAI": " (before 2022-04-29 that key named today's MCD_VEST_DAI_LEGACY).",
             "MKR": ", paid from the PauseProxy's MKR: a plan raises its allowance.",
             "SKY": ", paid from the PauseProxy's SKY: a plan raises its allowance."}
    stream = _obj({
        "total": {**AMOUNT, "description": f"{token} streamed over the period."},
        "vest": {"enum": parse.vests_of(token), "description": f"Default: {default}" + notes.get(token, ".")},
        "end": {**INSTANT, "description": "The stream's end if not 23:59:59 UTC of the period's last day "
                                          "(2022 spells ended at 00:00:00)."},
        "cliff": {"anyOf": [{"enum": ["none"]}, INSTANT], "description": "The stream's cliff (default none)."},
    }, parse.STREAM_KEYS, "The DssVest stream that funds the period.")
    period = _obj({
        "start": {**DATE, "description": "First day of the budget period."},
        "end": {**DATE, "description": "Last day (inclusive); a period lasts at most a year."},
        "stream": stream,
        "top_up": {**AMOUNT, "description": f"Whole {token} paid from the surplus buffer to fund the period "
                                            f"({model.PAYMENT_TYPES[token]})."} if token in model.PAYMENT_TYPES
        else {"not": {}, "description": f"{token} periods are funded by their stream only."},
    }, parse.PERIOD_KEYS, "A budget period: the annual cap applies to it pro rata by day.")
    return _obj({
        "mip": {**TEXT, "description": f"The MIP or Atlas document that sets the {token} budget."},
        "links": _links(),
        "annual_cap": AMOUNT, "monthly_cap": AMOUNT,
        "plan_ahead": {**MONTHS, "description": "A plan funds periods starting within this much of the spell "
                                                "(default 3 months)."},
        "periods": {"type": "array", "items": period},
    }, parse.STABLE_KEYS, f"The {token} budget: caps and budget periods; amounts in {token}.")


def _scheduled(token: str) -> dict:
    """A schedule part (`mkr:` or `sky:` moved by transfers): one shape, amounts in its own token."""
    vesting = _obj({"date": DATE, "amount": AMOUNT}, parse.VESTING_KEYS, "One line of the vesting schedule.")
    return _obj({
        "mip": {**TEXT, "description": f"The MIP or Atlas document that sets the {token} budget."},
        "links": _links(),
        "lock_in_price": _obj({"new": TEXT, "og": TEXT}, parse.LOCK_IN_KEYS, "For information."),
        "price_floor": {**TEXT, "description": "For information."},
        "manual_repricing": {"type": "boolean"}, "auto_renewal": {"type": "boolean"},
        "vesting_start": {**DATE, "description": "The start of the vesting schedule."},
        "vesting_period": MONTHS, "cliff": MONTHS, "interval": MONTHS,
        "annual_cap": AMOUNT, "total_cap": AMOUNT,
        "transfer_within": {**MONTHS, "description": f"{token} vesting within this much of a vote moves in it "
                                                     f"({model.TRANSFER_TYPES[token]})."},
        "schedule": {"type": "array", "items": vesting},
        "schedule_total": {**AMOUNT, "description": "The total the MIP states, checked against the lines."},
    }, parse.GOV_KEYS, f"The {token} budget: vesting plan, caps and schedule; amounts in {token}.")


def budget_schema() -> dict:
    top = _obj({
        "spellgen": {"const": 1, "description": "Format version."},
        "core_unit": _obj({"id": TEXT, "name": TEXT}, parse.UNIT_KEYS, "The core unit, e.g. TECH-001 TechOps "
                                                                         "(or `unit`, not both)."),
        "unit": _obj({"id": TEXT, "name": TEXT, "role": {**TEXT, "description": "What the unit is, in section "
                                                                                  "titles: `Facilitator`."}},
                     parse.ROLE_UNIT_KEYS, "A unit that is not a core unit (or `core_unit`, not both)."),
        "wallets": _wallets(),
        **{token.lower(): _periodic(token) for token in model.STABLE_TOKENS},
        **{token.lower(): {"description": f"The {token} budget: streamed over budget periods (`periods`) or "
                                          "moved by transfers of a vesting schedule (`schedule`).",
                           "oneOf": [_periodic(token), _scheduled(token)]} for token in model.GOV_TOKENS},
    }, parse.TOP_KEYS)
    return {"$schema": "http://json-schema.org/draft-07/schema#",
            "$id": "https://spellgen.invalid/schema/budget.schema.json", "title": "spellgen budget", **top}


def ledger_schema() -> dict:
    recorded = [a for a in _actions() if a["properties"]["type"]["const"] in ledger.RECORDED_TYPES]
    entry = _obj({
        "date": {**DATE, "description": "The spell's date."},
        "description": {"type": "string", "description": "The spell's description (with the document's hash)."},
        "source": {"type": "string", "description": "The spell YAML it was recorded from, relative to the ledger."},
        "actions": {"type": "array", "items": {"oneOf": recorded}},
    }, ledger.ENTRY_KEYS, "What one executive spell did for the core unit.")
    top = _obj({
        "spellgen": {"const": 1, "description": "Format version."},
        "core_unit": {**TEXT, "description": "The core unit id, as in its budget."},
        "budget": {"type": "string", "description": "The budget file, relative to the ledger."},
        "wallets": {"type": "object", "propertyNames": {"pattern": "^[A-Z][A-Z0-9_]{0,63}$"},
                    "additionalProperties": ADDRESS, "description": "Names of the wallets the entries use."},
        "spells": {"type": "array", "items": entry},
    }, ledger.TOP_KEYS)
    return {"$schema": "http://json-schema.org/draft-07/schema#",
            "$id": "https://spellgen.invalid/schema/ledger.schema.json", "title": "spellgen ledger", **top}
