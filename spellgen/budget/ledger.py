"""The ledger: what earlier executive spells did for a core unit, one entry per spell.

An entry cites its spell by date and description (the description carries the executive
document's hash) and lists the spell's actions for the core unit's wallets in the spell YAML's own
action format, so the ledger is read with the spell parser and can be written by hand for spells
cast before spellgen. `ledger add` builds the entry from the spell's YAML. Adding a spell that is
already recorded is a no-op when the entry would be identical, and refused when it differs.
`ledger show` lists the entries with what each moved per token (`summary`).
"""
from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path

from spellgen.spellfile import timeutil
from spellgen.spellfile.amounts import human
from spellgen.spellfile.diagnostics import Diagnostics, InputError, Loc
from spellgen.spellfile.actions import REGISTRY
from spellgen.spellfile.model import Action, Party, Spell
from spellgen.spellfile.parse import Reader, SpellParser
from spellgen.spellfile.source import YNode, read_file
from spellgen.budget.flows import payment_of, transfer_of
from spellgen.budget.model import Budget, Ledger, LedgerEntry
from spellgen.errors import InvalidInput

FORMAT_VERSION = 1
TOP_KEYS = {"spellgen": False, "core_unit": True, "budget": False, "wallets": False, "spells": True}
ENTRY_KEYS = {"date": True, "description": True, "source": False, "actions": True}
# The kinds a ledger records (each kind says so: `RECORDED`, `ledger_fields`).
RECORDED_TYPES = tuple(cls.KIND for cls in sorted((c for c in REGISTRY.values() if c.RECORDED),
                                                   key=lambda c: c.RECORDED))


class LedgerConflict(InvalidInput):
    """The spell is already in the ledger with different actions."""


# -- reading --------------------------------------------------------------------------------------

class LedgerParser:
    def __init__(self, diags: Diagnostics):
        self.r = Reader(diags)
        self.spells = SpellParser(diags)  # actions and wallets read exactly as in a spell file

    def ledger(self, root: YNode) -> Ledger | None:
        if not self.r.mapping(root, TOP_KEYS, "the ledger file"):
            return None
        e = root.entries
        if "spellgen" in e:
            self.r.integer(e["spellgen"], "the format version", FORMAT_VERSION, FORMAT_VERSION)
        unit = self.r.text(e["core_unit"], "the core unit id") if "core_unit" in e else None
        budget = self.r.text(e["budget"], "the budget path") if "budget" in e else None
        if "wallets" in e:
            self.spells.wallets = self.spells.wallet_registry(e["wallets"])
        entries = [x for n in self.r.seq(e["spells"], "spells") if (x := self.entry(n))] if "spells" in e else []
        self._duplicates(entries)
        if unit is None:
            return None
        return Ledger(unit.strip(), dict(self.spells.wallets), entries, budget,
                      locs={k: v.loc for k, v in e.items()} | {"": root.loc})

    def entry(self, node: YNode) -> LedgerEntry | None:
        if not self.r.mapping(node, ENTRY_KEYS, "a ledger entry"):
            return None
        e = node.entries
        day = None
        if "date" in e and (text := self.r.scalar(e["date"], "the spell's date")) is not None:
            try:
                day = timeutil.parse_date(text).isoformat()
            except timeutil.DateError as exc:
                self.r.error(e["date"].loc, f"the spell's date: {exc}")
        description = self.r.text(e["description"], "the description") if "description" in e else None
        source = self.r.text(e["source"], "the source") if "source" in e else None
        actions = [a for n in self.r.seq(e["actions"], "actions") if (a := self.action(n))] if "actions" in e else []
        if day is None or description is None:
            return None
        return LedgerEntry(day, description, actions, source,
                           locs={k: v.loc for k, v in e.items()} | {"": node.loc}, path=node.path)

    def action(self, node: YNode) -> Action | None:
        kind = node.entries.get("type") if node.kind == "map" else None
        if kind is not None and kind.kind == "scalar" and kind.text not in RECORDED_TYPES:
            self.r.error(kind.loc, f"a ledger records {', '.join(RECORDED_TYPES)}; {kind.text!r} is not one of them")
            return None
        return self.spells.action(node)

    def _duplicates(self, entries: list[LedgerEntry]) -> None:
        seen: dict[tuple[str, str], Loc] = {}
        for entry in entries:
            if entry.key in seen:
                self.r.error(entry.loc(), f"the spell of {entry.date} is recorded twice (first at line "
                                          f"{seen[entry.key].line})")
            seen.setdefault(entry.key, entry.loc())


def load_ledger(path: Path, diags: Diagnostics | None = None) -> Ledger:
    diags = diags or Diagnostics(str(path))
    ledger = LedgerParser(diags).ledger(read_file(path, diags))
    if diags.errors or ledger is None:
        raise InputError(diags)
    ledger.file = str(path)
    return ledger


def check_unit(ledger: Ledger, budget: Budget, diags: Diagnostics) -> None:
    """A ledger belongs to one core unit; using another unit's ledger would mix two budgets."""
    if ledger.unit_id != budget.unit_id:
        diags.error(ledger.loc("core_unit"), f"this ledger is for {ledger.unit_id}, the budget for {budget.unit_id}")


# -- adding a spell -----------------------------------------------------------------------------

def entry_from_spell(spell: Spell, budget: Budget, source: str | None) -> tuple[LedgerEntry, list[str]]:
    """The spell's actions for the unit's wallets, and notes about what a ledger cannot record."""
    actions, notes = [], []
    for action in spell.actions:
        party = action.receiver() or next((p for field, p in action.parties() if field == "recipient"), None)
        if party is None or budget.wallet_of(party.address) is None:
            continue
        if action.RECORDED:
            actions.append(action)
        elif (note := action.ledger_note()) is not None:
            notes.append(note)
    return LedgerEntry(spell.date, spell.description, actions, source), notes


def add_entry(ledger: Ledger, entry: LedgerEntry) -> str:
    """Add in date order; "unchanged" when the same spell is recorded identically, LedgerConflict when not."""
    for existing in ledger.entries:
        if existing.key == entry.key:
            if _action_texts(existing.actions, ledger.wallets) == _action_texts(entry.actions, ledger.wallets):
                return "unchanged"
            raise LedgerConflict(f"the spell of {entry.date} ({entry.description}) is already in the ledger with "
                                 "different actions; remove its entry first to record it again")
    for action in entry.actions:
        for party in _parties(action):
            _register(ledger.wallets, party)
    ledger.entries.append(entry)
    ledger.entries.sort(key=lambda e: e.date)  # stable: spells of one day keep the order they were added
    return "added"


def _parties(action: Action) -> list[Party]:
    return [p for field, p in action.parties() if field in ("to", "manager")]


def _register(wallets: dict[str, str], party: Party) -> None:
    """Name the wallet in the ledger's registry, unless the name or the address is already taken."""
    if party.name is None or party.name in wallets:
        return
    if any(a.lower() == party.address.lower() for a in wallets.values()):
        return
    wallets[party.name] = party.address


def relative_source(spec: Path, ledger_path: Path) -> str:
    return Path(os.path.relpath(spec.resolve(), ledger_path.resolve().parent)).as_posix()


# -- showing --------------------------------------------------------------------------------------

def summary(ledger: Ledger) -> dict:
    """The entries, each action as (kind, token, exact amount, recipient), and totals per token and kind
    (JSON-ready: amounts are decimal strings)."""
    totals: dict[str, dict[str, Decimal]] = {}
    spells = []
    for entry in ledger.entries:
        rows = []
        for action in entry.actions:
            kind, token, amount = _moved(action)
            by_kind = totals.setdefault(token, {})
            by_kind[kind] = by_kind.get(kind, Decimal(0)) + amount
            to = action.receiver()
            assert to is not None  # a ledger records only actions to a wallet
            row = {"kind": kind, "token": token, "amount": _plain(amount), "to": _party(to, ledger.wallets)}
            if (terms := action.stream_terms()) is not None:
                row |= {"vest": terms.vest, "start": timeutil.iso(terms.start), "end": timeutil.iso(terms.end)}
            rows.append(row)
        spells.append({"date": entry.date, "description": entry.description, "actions": rows})
    return {"core_unit": ledger.unit_id, "spells": spells,
            "totals": {t: {k: _plain(v) for k, v in kinds.items()} for t, kinds in totals.items()}}


def _moved(action: Action) -> tuple[str, str, Decimal]:
    if (paid := payment_of(action)) is not None:
        return "paid", *paid
    if (moved := transfer_of(action)) is not None:
        return "transferred", *moved
    flow = action.flow()
    assert flow is not None, "a ledger records only money flows"
    return "streamed", flow.token, flow.amount


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")


def summary_text(data: dict) -> str:
    count = len(data["spells"])
    lines = [f"{data['core_unit']}: {count} spell{'s' * (count != 1)} in the ledger"]
    for spell in data["spells"]:
        lines.append(f"{spell['date']}  {spell['description']}")
        for row in spell["actions"]:
            where = f" on {row['vest']} ({row['start']} to {row['end']})" if "vest" in row else ""
            lines.append(f"  {row['kind']} {human(Decimal(row['amount']))} {row['token']} to {row['to']}{where}")
    for token, kinds in data["totals"].items():
        moved = ", ".join(f"{human(Decimal(v))} {k}" for k, v in kinds.items())
        lines.append(f"total {token}: {moved}")
    return "\n".join(lines) + "\n"


# -- writing --------------------------------------------------------------------------------------

def dump_ledger(ledger: Ledger, schema_ref: str | None = None) -> str:
    """The ledger as YAML, the same bytes for the same content (and schema reference)."""
    lines = [f"# yaml-language-server: $schema={schema_ref}", "#"] if schema_ref else []
    lines += [
        f"# What executive spells did for {ledger.unit_id}: one entry per spell, cited by date and description.",
        "# Maintained with `spellgen ledger add SPEC.yaml --ledger THIS_FILE`; entries may also be written by hand.",
        f"spellgen: {FORMAT_VERSION}",
        f"core_unit: {_quote(ledger.unit_id)}",
    ]
    if ledger.budget:
        lines.append(f"budget: {_quote(ledger.budget)}")
    if ledger.wallets:
        lines.append("wallets:")
        lines += [f"  {name}: {address}" for name, address in ledger.wallets.items()]
    lines.append("spells:" if ledger.entries else "spells: []")
    for entry in ledger.entries:
        lines += _entry_lines(entry, ledger.wallets)
    return "\n".join(lines) + "\n"


def _entry_lines(entry: LedgerEntry, wallets: dict[str, str]) -> list[str]:
    lines = [f"  - date: {entry.date}", f"    description: {_quote(entry.description)}"]
    if entry.source:
        lines.append(f"    source: {_quote(entry.source)}")
    lines.append("    actions:" if entry.actions else "    actions: []")
    for text in _action_texts(entry.actions, wallets):
        first, *rest = text
        lines.append(f"      - {first}")
        lines += [f"        {line}" for line in rest]
    return lines


def _action_texts(actions: list[Action], wallets: dict[str, str]) -> list[list[str]]:
    return [_action_fields(a, wallets) for a in actions]


def _action_fields(action: Action, wallets: dict[str, str]) -> list[str]:
    """The action's ledger lines (spellfile/actions/: `ledger_fields`), parties by the ledger's names."""
    return action.ledger_fields(lambda party: _party(party, wallets)) or []


def _party(party: Party, wallets: dict[str, str]) -> str:
    for name, address in wallets.items():
        if address.lower() == party.address.lower():
            return name
    return party.address


def _quote(text: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: quotes, backslashes and non-ASCII escaped.
    return json.dumps(text)
