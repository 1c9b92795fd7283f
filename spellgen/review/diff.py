"""A semantic diff of two spell YAMLs: what a reviewer needs to know changed, in human units.

Actions are matched by identity, not by position:

- a stream by vest, recipient and period (start and end);
- a DAI payment or an MKR transfer by recipient;
- a yank by vest and award id; an allowance or a cap change by vest.

When a stream's period changes it has no identity match; a removed and an added stream with the
same vest and recipient are then paired, in file order, and shown as "changed (period)" rather
than as an unrelated removal and addition. Two actions with the same identity (a recipient paid
twice) are paired by their order in each file. The recipient is its address: a renamed wallet
with the same address is the same recipient (the name shows as a changed field), a new address
is a different one.

Totals, future obligations (spellgen.review.summary) and the rendered Solidity section are compared too.
Pure: reads two models, imports neither web3, brownie nor matplotlib.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from decimal import Decimal

from spellgen.spellfile import timeutil
from spellgen.spellfile.expect import expected_from
from spellgen.spellfile.actions import REGISTRY
from spellgen.spellfile.model import Action, ExecDoc, Spell
from spellgen.spellfile.protocol import VESTS
from spellgen.review.summary import TokenTotal, amount_text, obligations, totals

# How the diff names each kind ("DAI payment"), from the kinds' modules.
KINDS = {cls: cls.LABEL for cls in REGISTRY.values()}


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class ActionChange:
    change: str  # "added", "removed", "changed" or "changed (period)"
    kind: str  # one of KINDS' values
    label: str  # how verification names the action (the old one when it changed or was removed)
    old_path: str  # YAML path in the old file ("" when added)
    new_path: str  # YAML path in the new file ("" when removed)
    fields: list[FieldChange] = field(default_factory=list)


@dataclass(frozen=True)
class TotalChange:
    token: str
    old: TokenTotal
    new: TokenTotal

    @property
    def changed(self) -> bool:
        return (self.old.paid, self.old.streamed) != (self.new.paid, self.new.streamed)


@dataclass(frozen=True)
class ObligationChange:
    recipient: str
    address: str
    token: str
    month: str
    old: Decimal
    new: Decimal


@dataclass
class SpellDiff:
    old_name: str
    new_name: str
    spell: list[FieldChange]
    wallets: list[FieldChange]
    sections: list[FieldChange]
    actions: list[ActionChange]
    totals: list[TotalChange]
    obligations: list[ObligationChange]
    solidity: str  # unified diff of the rendered budget sections, "" when identical

    @property
    def equal(self) -> bool:
        return not (self.spell or self.wallets or self.sections or self.actions or self.solidity)


# --- the values compared, as people read them ----------------------------------------------------

def _fields(action: Action, spell: Spell) -> dict[str, str]:
    """Every reviewable field of an action in human units (identity fields included: pairs may differ there)."""
    return action.diff_fields(spell)


def _identity(action: Action) -> tuple:
    return action.identity()


def _field_changes(old: dict[str, str], new: dict[str, str]) -> list[FieldChange]:
    return [FieldChange(name, old[name], new[name]) for name in old if old[name] != new[name]]


# --- matching ------------------------------------------------------------------------------------

def _pair(old: list, new: list, key) -> tuple[list[tuple], list, list]:
    """Pairs with equal keys (the n-th with the n-th), then the unmatched old and new, in file order."""
    remaining: dict[tuple, list] = {}
    for action in old:
        remaining.setdefault(key(action), []).append(action)
    pairs, added = [], []
    for action in new:
        bucket = remaining.get(key(action))
        if bucket:
            pairs.append((bucket.pop(0), action))
        else:
            added.append(action)
    matched = {id(a) for a, _ in pairs}
    return pairs, [a for a in old if id(a) not in matched], added


def _period_key(action: Action) -> tuple | None:
    return action.period_identity()


def _labels(spell: Spell) -> dict[str, str]:
    """YAML path -> the label verification uses for that action, so diffs and reports agree."""
    e = expected_from(spell)
    return {i.path: i.label for i in e.items if i.path != "spell"}


def compare_actions(old: Spell, new: Spell) -> list[ActionChange]:
    """Changed (in the new file's order), then added (new order), then removed (old order)."""
    pairs, removed, added = _pair(old.actions, new.actions, _identity)
    # An action with a period (a stream) whose period changed: paired by its identity without the period.
    period_pairs, removed_periodic, added_periodic = _pair(
        [a for a in removed if _period_key(a) is not None], [a for a in added if _period_key(a) is not None],
        _period_key)
    gone = {id(a) for a in removed_periodic} | {id(a) for a in removed if _period_key(a) is None}
    fresh = {id(a) for a in added_periodic} | {id(a) for a in added if _period_key(a) is None}
    old_labels, new_labels = _labels(old), _labels(new)
    position = {id(a): i for i, a in enumerate(new.actions)}
    matched = sorted([(a, b, "changed") for a, b in pairs] + [(a, b, "changed (period)") for a, b in period_pairs],
                     key=lambda m: position[id(m[1])])
    changes = []
    for a, b, how in matched:
        fields = _field_changes(_fields(a, old), _fields(b, new))
        if fields:  # a pair that only moved within the file shows in the Solidity diff alone
            changes.append(ActionChange(how, KINDS[type(a)], old_labels[a.path], a.path, b.path, fields))
    changes += [ActionChange("added", KINDS[type(b)], new_labels[b.path], "", b.path)
                for b in new.actions if id(b) in fresh]
    changes += [ActionChange("removed", KINDS[type(a)], old_labels[a.path], a.path, "")
                for a in old.actions if id(a) in gone]
    return changes


# --- metadata, registry, sections ------------------------------------------------------------------

def _spell_fields(spell: Spell) -> dict[str, str]:
    e = spell.expect
    doc = spell.exec_doc or ExecDoc()
    fields = {
        "date": spell.date, "description": spell.description,
        "office_hours": "yes" if spell.office_hours else "no", "expiry": timeutil.human_duration(spell.expiry),
        "solc": spell.solc, "exec_doc.url": doc.url or "none", "exec_doc.copy": doc.copy or "none",
        "draft": "yes" if spell.draft else "no",
        "pause_delay": timeutil.human_duration(spell.pause_delay) if spell.pause_delay else "mainnet's",
        "vest_caps": "; ".join(f"{vest}: {amount_text(cap.amount, VESTS[vest].token)} per "
                               f"{timeutil.human_duration(cap.period)}"
                               for vest, cap in spell.vest_caps.items()) or "none",
    }
    if e is not None:
        fields |= {
            "expect.dai_paid": amount_text(e.dai_paid, "DAI") if e.dai_paid is not None else "none",
            "expect.mkr_transferred": amount_text(e.mkr_transferred, "MKR") if e.mkr_transferred is not None
            else "none",
            "expect.usds_paid": amount_text(e.usds_paid, "USDS") if e.usds_paid is not None else "none",
            "expect.sky_transferred": amount_text(e.sky_transferred, "SKY") if e.sky_transferred is not None
            else "none",
            "expect.streams": ", ".join(f"{v}: {n}" for v, n in e.streams.items()) or "none",
            "expect.streamed": ", ".join(amount_text(a, t) for t, a in e.streamed.items()) or "none",
        }
    return fields


def compare_spell(old: Spell, new: Spell) -> list[FieldChange]:
    a, b = _spell_fields(old), _spell_fields(new)
    return [FieldChange(name, a.get(name, "none"), b.get(name, "none")) for name in {**a, **b}
            if a.get(name, "none") != b.get(name, "none")]


def compare_wallets(old: Spell, new: Spell) -> list[FieldChange]:
    """Registry entries added (old ""), removed (new "") or pointing elsewhere."""
    names = list(old.wallets) + [n for n in new.wallets if n not in old.wallets]
    return [FieldChange(n, old.wallets.get(n, ""), new.wallets.get(n, "")) for n in names
            if old.wallets.get(n) != new.wallets.get(n)]


def _links(section) -> str:
    return "; ".join(f"{label}: {text}" for label, text in section.links) or "none"


def _condition(section) -> str:
    """`only if PREV_SPELL (0x..) was not cast`, or "none": whether the section's actions run at all."""
    return section.condition.words if section.condition else "none"


def _position(items: list, item) -> int:
    return next(i for i, x in enumerate(items) if x is item)


def compare_sections(old: Spell, new: Spell) -> list[FieldChange]:
    """Sections matched by title; an unmatched pair at the same position is a renamed section.
    Then added (old ""), removed (new "") and changed link lines."""
    pairs, removed, added = _pair(old.sections, new.sections, lambda s: s.title)
    out = []
    for a in list(removed):
        b = next((b for b in added if _position(new.sections, b) == _position(old.sections, a)), None)
        if b is not None:
            out.append(FieldChange(f"title of section {_position(new.sections, b) + 1}", a.title, b.title))
            pairs.append((a, b))
            removed.remove(a)
            added.remove(b)
    out += [FieldChange(f"links of {b.title!r}", _links(a), _links(b)) for a, b in pairs if _links(a) != _links(b)]
    out += [FieldChange(f"condition of {b.title!r}", _condition(a), _condition(b)) for a, b in pairs
            if _condition(a) != _condition(b)]
    out += [FieldChange("section", "", s.title) for s in added]
    out += [FieldChange("section", s.title, "") for s in removed]
    return out


# --- amounts ---------------------------------------------------------------------------------------

def compare_totals(old: Spell, new: Spell) -> list[TotalChange]:
    """Every token of either spell, before and after (zero where a spell has none)."""
    a = {t.token: t for t in totals(old)}
    b = {t.token: t for t in totals(new)}
    zero = Decimal(0)
    return [TotalChange(token, a.get(token, TokenTotal(token, zero, zero)), b.get(token, TokenTotal(token, zero, zero)))
            for token in sorted({*a, *b})]


def compare_obligations(old: Spell, new: Spell) -> list[ObligationChange]:
    """Only the (recipient, token, month) rows whose amount differs; recipients named as in the new spell."""
    a = {(o.address, o.token, o.month): o.amount for o in obligations(old)}
    b = {(o.address, o.token, o.month): o.amount for o in obligations(new)}
    labels = {o.address: o.recipient for o in obligations(old)} | {o.address: o.recipient for o in obligations(new)}
    zero = Decimal(0)
    keys = sorted((k for k in {*a, *b} if a.get(k, zero) != b.get(k, zero)),
                  key=lambda k: (labels[k[0]], k[1], k[2]))
    return [ObligationChange(labels[k[0]], k[0], k[1], k[2], a.get(k, zero), b.get(k, zero)) for k in keys]


def solidity_diff(old: Spell, new: Spell, old_name: str, new_name: str) -> str:
    """Unified diff of the rendered budget sections (both rendered under the new name, so a renamed
    file alone is no difference)."""
    from spellgen.render.spell import render

    before = render(old, new_name, section_only=True).splitlines(True)
    after = render(new, new_name, section_only=True).splitlines(True)
    return "".join(difflib.unified_diff(before, after, f"{old_name} (rendered section)",
                                        f"{new_name} (rendered section)"))


def compare(old: Spell, new: Spell, old_name: str, new_name: str) -> SpellDiff:
    return SpellDiff(old_name, new_name, compare_spell(old, new), compare_wallets(old, new),
                     compare_sections(old, new), compare_actions(old, new), compare_totals(old, new),
                     compare_obligations(old, new), solidity_diff(old, new, old_name, new_name))
