"""`spellgen diff` output: plain text for a terminal, Markdown for a pull request, JSON for tools.

Amounts in text and Markdown are human (thousands separators, the token; monthly obligations to
the cent); JSON carries the exact decimals. The unified diff of the rendered section comes last.
"""
from __future__ import annotations

import json
from decimal import Decimal

from spellgen.review.diff import ActionChange, FieldChange, SpellDiff, TotalChange
from spellgen.spellfile.amounts import human
from spellgen.review.summary import exact_sum, plain, rounded, signed


def _delta(old: Decimal, new: Decimal) -> Decimal:
    return exact_sum([new], [old])


def _wallet_text(change: FieldChange) -> str:
    if not change.old:
        return f"added {change.new}"
    if not change.new:
        return f"removed (was {change.old})"
    return f"{change.old} -> {change.new}"


def _section_text(change: FieldChange) -> str:
    if change.field != "section":
        return f"{change.field}: {change.old} -> {change.new}"
    return f"section added: {change.new!r}" if change.new else f"section removed: {change.old!r}"


def _total_text(t: TotalChange) -> str:
    change = signed(_delta(t.old.total, t.new.total), t.token)
    head = f"{human(t.old.total)} {t.token} -> {human(t.new.total)} {t.token} ({change})"
    return (f"{head}; paid at the cast {human(t.old.paid)} -> {human(t.new.paid)}, "
            f"new streams {human(t.old.streamed)} -> {human(t.new.streamed)}")


def _action_counts(actions: list[ActionChange]) -> str:
    counts = {kind: sum(a.change.startswith(kind) for a in actions) for kind in ("changed", "added", "removed")}
    return ", ".join(f"{n} {kind}" for kind, n in counts.items())


def _where(a: ActionChange) -> str:
    if a.old_path and a.new_path and a.old_path != a.new_path:
        return f"{a.old_path} -> {a.new_path}"
    return a.new_path or a.old_path


def _obligation_amounts(old: Decimal, new: Decimal) -> tuple[str, str]:
    """Rounded to the cent, unless rounding would hide the difference."""
    a, b = rounded(old), rounded(new)
    return (human(old), human(new)) if a == b else (a, b)


# --- text ------------------------------------------------------------------------------------------

def text(d: SpellDiff) -> str:
    if d.equal:
        return ""
    out = [f"spellgen diff {d.old_name} -> {d.new_name}"]
    if d.spell:
        out += ["", "Spell"] + [f"  {c.field}: {c.old} -> {c.new}" for c in d.spell]
    if d.wallets:
        out += ["", "Wallets"] + [f"  {c.field}: {_wallet_text(c)}" for c in d.wallets]
    if d.sections:
        out += ["", "Sections"] + [f"  {_section_text(c)}" for c in d.sections]
    out += ["", f"Actions ({_action_counts(d.actions)})"]
    for a in d.actions:
        out.append(f"  {a.change:<16} {a.label}  [{_where(a)}]")
        out += [f"      {c.field}: {c.old} -> {c.new}" for c in a.fields]
    out += ["", "Totals per token (old -> new)"] + [f"  {t.token}: {_total_text(t)}" for t in d.totals]
    if not d.totals:
        out.append("  none: neither spell pays or streams anything")
    out += ["", "Future obligations: amounts still to stream per recipient and UTC month, from the spell's date"]
    for o in d.obligations:
        old, new = _obligation_amounts(o.old, o.new)
        change = signed(_delta(o.old, o.new), o.token, 2)
        out.append(f"  {o.recipient}  {o.token}  {o.month}  {old} -> {new}  ({change})")
    if not d.obligations:
        out.append("  unchanged")
    out += ["", "Rendered Solidity section (unified diff)"]
    out.append(d.solidity.rstrip("\n") if d.solidity else "  identical")
    return "\n".join(out) + "\n"


# --- Markdown --------------------------------------------------------------------------------------

def _cell(value: str) -> str:
    return value.replace("|", "\\|").replace("\n", " ") if value else " "


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + \
        ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]


def markdown(d: SpellDiff) -> str:
    out = [f"## Spell diff: `{d.old_name}` -> `{d.new_name}`", ""]
    if d.equal:
        return "\n".join(out + ["No differences: both files declare the same spell.", ""])
    if d.spell:
        out += ["### Spell", ""] + _table(["Field", "Old", "New"], [[c.field, c.old, c.new] for c in d.spell]) + [""]
    if d.wallets:
        out += ["### Wallets", ""] + _table(["Wallet", "Old", "New"],
                                            [[c.field, c.old or "none", c.new or "none"] for c in d.wallets]) + [""]
    if d.sections:
        out += ["### Sections", ""] + [f"- {_section_text(c)}" for c in d.sections] + [""]
    rows = []
    for a in d.actions:
        first = [a.change, f"{a.label} (`{_where(a)}`)"]
        if not a.fields:
            rows.append(first + ["", "", ""])
        for i, c in enumerate(a.fields):
            rows.append((first if i == 0 else ["", ""]) + [c.field, c.old, c.new])
    out += [f"### Actions ({_action_counts(d.actions)})", ""]
    out += (_table(["Change", "Action", "Field", "Old", "New"], rows) if rows else ["No action changed."]) + [""]
    out += ["### Totals per token", ""] + _table(
        ["Token", "Paid at the cast", "New streams", "Total", "Change"],
        [[t.token, f"{human(t.old.paid)} -> {human(t.new.paid)}", f"{human(t.old.streamed)} -> {human(t.new.streamed)}",
          f"{human(t.old.total)} -> {human(t.new.total)}", signed(_delta(t.old.total, t.new.total), t.token)]
         for t in d.totals]) + [""]
    out += ["### Future obligations", "", "Amounts still to stream per recipient and UTC month, from the spell's "
            "date (changed months only; rounded to the cent).", ""]
    out += (_table(["Recipient", "Token", "Month", "Old", "New", "Change"],
                   [[o.recipient, o.token, o.month, *_obligation_amounts(o.old, o.new),
                     signed(_delta(o.old, o.new), o.token, 2)] for o in d.obligations])
            if d.obligations else ["Unchanged."]) + [""]
    out += ["### Rendered Solidity section", ""]
    out += (["```diff", d.solidity.rstrip("\n"), "```"] if d.solidity else ["Identical."]) + [""]
    return "\n".join(out)


# --- JSON ------------------------------------------------------------------------------------------

def _fields(changes: list[FieldChange]) -> list[dict]:
    return [{"field": c.field, "old": c.old, "new": c.new} for c in changes]


def as_json(d: SpellDiff) -> str:
    data = {
        "old": d.old_name, "new": d.new_name, "equal": d.equal,
        "spell": _fields(d.spell), "wallets": _fields(d.wallets), "sections": _fields(d.sections),
        "actions": [{"change": a.change, "kind": a.kind, "label": a.label, "old_path": a.old_path,
                     "new_path": a.new_path, "fields": _fields(a.fields)} for a in d.actions],
        "totals": [{"token": t.token,
                    "old": {"paid": plain(t.old.paid), "streamed": plain(t.old.streamed), "total": plain(t.old.total)},
                    "new": {"paid": plain(t.new.paid), "streamed": plain(t.new.streamed), "total": plain(t.new.total)},
                    "delta": plain(_delta(t.old.total, t.new.total))} for t in d.totals],
        "obligations": [{"recipient": o.recipient, "address": o.address, "token": o.token, "month": o.month,
                         "old": plain(o.old), "new": plain(o.new), "delta": plain(_delta(o.old, o.new))}
                        for o in d.obligations],
        "solidity_diff": d.solidity,
    }
    return json.dumps(data, indent=2) + "\n"


FORMATS = {"text": text, "md": markdown, "json": as_json}
