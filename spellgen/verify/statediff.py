"""Every change the cast made to the chain, explained by the YAML model or reported.

The cast transaction's full state diff (`debug_traceTransaction` with `prestateTracer`, diffMode)
lists every storage slot, balance, nonce and code that changed. Each one must be an effect the
model declares, computed here from the YAML (expect.py) and mainnet's storage layouts
(layouts.py): token balances, allowances and supplies of exactly the declared parties; the Vat's
`dai`, `sin`, `debt` and `vice` of exactly the parties the declared payments imply; the declared
vests' award structs, `ids` and `cap`; the spell's own `done` flag and the pause's cleared plan; the
caster's nonce and gas fee. Anything else fails, named by chainlog key, slot meaning and old -> new.

Each action kind declares its effects in its module (`state_effects`, spellgen/spellfile/actions/): a
contract by chainlog key or a token by symbol, a variable of its layout and the entry's keys, a delta or
an exact value; this module turns them into slots. A new action kind adds nothing here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from decimal import Decimal

from eth_abi import encode

from spellgen.errors import InternalError
from spellgen.spellfile.address import keccak256, to_checksum
from spellgen.spellfile.amounts import human
from spellgen.spellfile.history import token_decimals
from spellgen.spellfile.protocol import WAD
from spellgen.spellfile.timeutil import iso
from spellgen.spellfile.actions import KINDS
from spellgen.spellfile.actions.base import StateEffect
from spellgen.spellfile.actions.common import pack_award, yanked  # noqa: F401 (DssVest's arithmetic, used by tests)
from spellgen.spellfile.expect import Expected
from spellgen.verify.layouts import KIND_BY_ADDRESS, KIND_BY_KEY, LAYOUTS, Decoder, Layout, _key

MOD = 2**256
SPELL_DONE_SLOT = LAYOUTS["DssExec"].slot("done")


@dataclass(frozen=True)
class Change:
    address: str  # checksummed
    what: str  # "storage", "balance", "nonce", "code"
    slot: int | None
    old: int
    new: int

    @property
    def storage_slot(self) -> int:
        """The slot of a storage change (the other kinds of change have none)."""
        if self.slot is None:
            raise InternalError(f"a {self.what} change of {self.address} was read as a storage change")
        return self.slot


def parse_diff(trace: dict) -> list[Change]:
    """The prestateTracer diffMode answer as a flat list of changes (absent values are zero)."""
    pre, post = trace.get("pre") or {}, trace.get("post") or {}
    out: list[Change] = []
    for raw in sorted(set(pre) | set(post)):
        a, b = pre.get(raw) or {}, post.get(raw) or {}
        address = to_checksum(raw)
        if raw in pre and raw not in post and (a.get("code") or a.get("storage")):
            # diffMode lists every changed account in `post`; one only in `pre` no longer exists
            out.append(Change(address, "deleted", None, _code_hash(a.get("code")), 0))
            continue
        for what in ("balance", "nonce"):
            if what in b:
                old, new = _int(a.get(what, 0)), _int(b[what])
                if old != new:
                    out.append(Change(address, what, None, old, new))
        if "code" in b and b["code"] != a.get("code"):
            out.append(Change(address, "code", None, _code_hash(a.get("code")), _code_hash(b["code"])))
        sa, sb = a.get("storage") or {}, b.get("storage") or {}
        for slot in sorted(set(sa) | set(sb), key=lambda s: int(s, 16)):
            old, new = int(sa.get(slot, "0x0"), 16), int(sb.get(slot, "0x0"), 16)
            if old != new:
                out.append(Change(address, "storage", int(slot, 16), old, new))
    return out


def _int(value) -> int:
    return value if isinstance(value, int) else int(str(value), 16)


def _code_hash(code: str | None) -> int:
    raw = bytes.fromhex((code or "0x").removeprefix("0x"))
    return int.from_bytes(keccak256(raw), "big") if raw else 0


@dataclass
class Effect:
    """What the model says one slot must become: `delta` (post - pre) or an exact `value`."""

    label: str
    delta: int | None = None
    value: int | None = None
    unit: str = ""  # how to show values: "wad:DAI", "rad", ...
    time_dependent: bool = False
    meaning: str = ""  # the slot as its layout names it: "balanceOf[0x..]", "awards[42].tot", "done"
    var: str = ""  # the layout's variable ("wards", "allowance", ...)
    left_out: str = ""  # why the normalized state-diff hash leaves it out (verify/diffhash.py): run-specific

    def after(self, old: int) -> int:
        """What the slot must hold after the cast, given what it held before (uint256 arithmetic)."""
        if self.value is not None:
            return self.value
        if self.delta is None:
            raise InternalError(f"the effect {self.label!r} has neither a value nor a delta")
        return (old + self.delta) % MOD


@dataclass
class Context:
    """What the explainers may use: addresses from the ChainLog, the spell, the cast's time, and
    pre-cast reads of the declared vests (ids, awards to yank). No value comes from the Solidity."""

    addresses: dict[str, str]  # chainlog key -> address
    tokens: dict[str, str]  # symbol -> address
    spell: str
    action: str
    eta: int
    action_code_hash: bytes
    cast_time: int
    ids_before: dict[str, int]
    awards_before: dict
    sender: str
    miner: str
    fee: int  # what the caster paid: gasUsed * effectiveGasPrice
    tip: int  # what the block's miner received
    # What each transferrable vest's awards owe after the cast (read from the vest, not the token):
    # a `set: owed` allowance must equal it.
    owed_after: dict[str, int] = field(default_factory=dict)
    chainlog_count: int = 0  # the ChainLog's count() before the cast (read when the spell registers keys)
    # The balances of the PauseProxy transfers' tokens before the cast: a `balance` amount's figure.
    held_before: dict[tuple[str, str], int] = field(default_factory=dict)
    caps_before: dict[str, int] = field(default_factory=dict)  # vest key -> cap() before the cast
    before_state: Any = None  # the cast's reads before it (spellgen.cast.simulate.State): allocator ilks

    def kind(self, address: str) -> str | None:
        if address.lower() in KIND_BY_ADDRESS:
            return KIND_BY_ADDRESS[address.lower()]
        for key, value in self.addresses.items():
            if value.lower() == address.lower() and key in KIND_BY_KEY:
                return KIND_BY_KEY[key]
        return None

    def layout(self, address: str) -> Layout:
        kind = self.kind(address)
        if kind is None:  # a state effect on a contract of no known kind must name its layout
            raise InternalError(f"no storage layout is known for {address}")
        return LAYOUTS[kind]


@dataclass
class Explained:
    effects: dict[tuple[str, int], Effect] = field(default_factory=dict)
    # ETH moved by the spell: address (lower case) -> balance change, with the items' labels.
    ether: dict[str, int] = field(default_factory=dict)
    ether_labels: dict[str, str] = field(default_factory=dict)

    def delta(self, address: str, slot: int, amount: int, label: str, unit: str = "",
              time_dependent: bool = False, meaning: str = "", var: str = "") -> None:
        key = (address.lower(), slot)
        effect = self.effects.get(key)
        if effect is None:
            self.effects[key] = Effect(label, delta=amount, unit=unit, time_dependent=time_dependent,
                                       meaning=meaning, var=var)
        elif effect.delta is not None:
            effect.delta += amount
            effect.time_dependent |= time_dependent  # an amount computed at the cast: it varies with the time
            if label not in effect.label:
                effect.label += f"; {label}"
        else:
            raise ValueError(f"slot {slot:#x} of {address} has both a value and a delta")

    def value(self, address: str, slot: int, value: int, label: str, unit: str = "",
              time_dependent: bool = False, meaning: str = "", var: str = "", left_out: str = "") -> None:
        self.effects[(address.lower(), slot)] = Effect(label, value=value, unit=unit, time_dependent=time_dependent,
                                                       meaning=meaning, var=var, left_out=left_out)


# -- explanations: each action kind's state effects (spellfile/actions/), and the spell's own ---------

ETHER = "ETH"  # a StateEffect on an account's ETH balance names this contract


def apply(x: Explained, ctx: Context, effect: StateEffect) -> None:
    """One storage entry an action declares, as a slot of its contract's layout; or an account's ETH
    balance (`ETH`, `balance`, keyed by the account), which is no storage."""
    if effect.contract == ETHER and effect.var == "balance":
        who = str(effect.keys[0]).lower()
        x.ether[who] = x.ether.get(who, 0) + (effect.delta or 0)
        x.ether_labels[who] = "; ".join(filter(None, (x.ether_labels.get(who), effect.label)))
        return
    address = ctx.tokens[effect.contract] if effect.token else ctx.addresses[effect.contract]
    layout = LAYOUTS[effect.layout] if effect.layout else ctx.layout(address)
    slot = layout.slot(effect.var, *effect.keys) + effect.offset
    if effect.element is not None:  # an array element: keccak(slot) + index
        slot = int.from_bytes(keccak256(slot.to_bytes(32, "big")), "big") + effect.element
    meaning = _effect_meaning(layout, effect)
    if effect.value is not None:
        x.value(address, slot, effect.value, effect.label, effect.unit, time_dependent=effect.time_dependent,
                meaning=meaning, var=effect.var)
    else:
        x.delta(address, slot, effect.delta or 0, effect.label, effect.unit, time_dependent=effect.time_dependent,
                meaning=meaning, var=effect.var)


def _effect_meaning(layout: Layout, effect: StateEffect) -> str:
    """A declared entry as its layout names it (the Decoder's form): `awards[42].tot`, `keys[7]`."""
    name = effect.var + "".join(f"[{_key(int(k, 16) if isinstance(k, str) else k)}]" for k in effect.keys)
    if effect.element is not None:
        name += f"[{effect.element}]"
    try:
        var = layout.var(effect.var)
    except StopIteration:  # a variable the layout does not list: its name as declared
        return name
    if var.words > 1:
        name += f".{var.fields[effect.offset] if effect.offset < len(var.fields) else effect.offset}"
    return name


def explain_spell_bookkeeping(x: Explained, e: Expected, ctx: Context) -> None:
    """The spell's `done` flag and the pause's plan, cleared by exec."""
    x.value(ctx.spell, SPELL_DONE_SLOT, 1, "the spell's done flag", meaning="done", var="done",
            left_out="the spell's own done flag")
    plan = keccak256(encode(["address", "bytes32", "bytes", "uint256"],
                            [ctx.action, ctx.action_code_hash, keccak256(b"execute()")[:4], ctx.eta]))
    x.value(ctx.addresses["MCD_PAUSE"], LAYOUTS["DSPause"].slot("plans", int.from_bytes(plan, "big")), 0,
            "the pause's plan of the spell, cleared by exec", meaning=f"plans[0x{plan.hex()}]", var="plans",
            left_out="the pause's plan, keyed by the eta")


def explain(e: Expected, ctx: Context) -> Explained:
    """What the YAML says every storage change of the cast is: each kind's effects, in their rank's order."""
    x = Explained()
    for kind in sorted(KINDS, key=lambda k: k.EXPLAIN_RANK):
        for effect in kind.state_effects(e, ctx):
            apply(x, ctx, effect)
    explain_spell_bookkeeping(x, e, ctx)
    return x


# -- the check -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelledChange:
    """One change of the cast as a reviewer reads it: where, what the slot means, old and new in units,
    and the YAML item that explains it. `encoding` and `value` are what the normalized state-diff hash
    takes of it (verify/diffhash.py): "delta" (new - old), "value" (new), "time-dependent" (no value),
    or "" with `left_out` saying why it differs between runs and chains."""

    contract: str  # chainlog name (or the run's name of the party), else the checksummed address
    address: str
    slot: str  # "0x.." for storage; "" for an account's ETH balance, nonce or code
    meaning: str  # "balanceOf[SPARK_SUBPROXY]", "awards[42].tot", "wards[0x..]", "ETH balance", "nonce"
    variable: str  # the layout's variable ("wards", "can", "allowance", "location", ...); "" when unknown
    old: str
    new: str
    old_raw: int
    new_raw: int
    item: str  # the YAML item's label, or "unexplained"
    verdict: str  # "explained", "differs" (the YAML makes it another value), "unexplained", "outside the budget"
    encoding: str = ""
    value: int = 0
    left_out: str = ""

    def as_dict(self) -> dict:
        """For report.json: the integers as decimal strings (JSON readers lose digits past 2^53)."""
        return {"contract": self.contract, "address": self.address, "slot": self.slot, "meaning": self.meaning,
                "variable": self.variable, "old": self.old, "new": self.new, "old_raw": str(self.old_raw),
                "new_raw": str(self.new_raw), "item": self.item, "verdict": self.verdict,
                "hash_encoding": self.encoding, "hash_value": str(self.value) if self.encoding else "",
                "left_out": self.left_out}


@dataclass
class DiffReport:
    problems: list[str]
    explained: int  # changes matched to the model
    changes: int
    listed: list[str] = field(default_factory=list)  # --budget-only: changes outside the budget's contracts
    labelled: list[LabelledChange] = field(default_factory=list)  # every change judged (check_diff(labelled=True))


BUDGET_VAT_SLOTS = ("dai[", "sin[", "debt", "vice")  # the Vat's balances a budget moves


def outside_budget(c: "Change", ctx: "Context", name: str, budget: set[str]) -> bool:
    """A change in a contract the budget does not touch (for --budget-only): not a vest, a budget
    token or the PauseProxy's account; in the Vat, anything but its dai/sin/debt/vice balances."""
    address = c.address.lower()
    if address == ctx.addresses.get("MCD_VAT", "").lower():
        return not name.startswith(BUDGET_VAT_SLOTS)
    return address not in budget

def check_diff(changes: list[Change], e: Expected, ctx: Context, candidates: list[int],
               names: dict[str, str], labelled: bool = False) -> DiffReport:
    """Every change explained, with the right value; every declared non-zero effect present. With
    `labelled`, the report also lists every change as a reviewer reads it (LabelledChange)."""
    x = explain(e, ctx)
    problems: list[str] = []
    seen: set[tuple[str, int]] = set()
    explained = 0
    listed: list[str] = []
    rows: list[LabelledChange] = []
    decoders: dict[str, Decoder] = {}
    # A slot's keys by the run's names (chainlog keys, the spell, the caster), else the YAML's parties' names.
    key_names = {**getattr(e, "party_names", {}), **names}
    for c in changes:
        where = names.get(c.address.lower()) or to_checksum(c.address)
        if c.what != "storage":
            if c.what == "balance":
                seen.add((c.address.lower(), -1))
            problem = _account_change(c, ctx, where, x)
            if problem:
                problems.append(problem)
            else:
                explained += 1
            if labelled:
                rows.append(_account_row(c, ctx, where, x, problem))
            continue
        key = (c.address.lower(), c.storage_slot)
        effect = x.effects.get(key)
        if effect is None:
            name, unit = _slot_name(c, ctx, candidates, decoders)
            text = f"{where}: {name} changed {_fmt(c.old, unit)} -> {_fmt(c.new, unit)}"
            outside = getattr(e, "budget_only", False) and outside_budget(c, ctx, name, _budget_addresses(ctx))
            if outside:
                listed.append(text)
            else:
                problems.append(f"{text}, which no YAML item explains")
            if labelled:
                rows.append(_storage_row(c, ctx, where, None, "outside the budget" if outside else "unexplained",
                                         candidates, decoders, key_names))
            continue
        seen.add(key)
        want = effect.after(c.old)
        if c.new != want:
            name, unit = _slot_name(c, ctx, candidates, decoders)
            unit = effect.unit or unit
            problems.append(f"{where}: {name} became {_fmt(c.new, unit)}, "
                            f"but {effect.label} makes it {_fmt(want, unit)} (was {_fmt(c.old, unit)})")
        else:
            explained += 1
        if labelled:
            rows.append(_storage_row(c, ctx, where, effect, "explained" if c.new == want else "differs",
                                     candidates, decoders, key_names))
    for (address, slot), effect in x.effects.items():
        if (address, slot) in seen:
            continue
        if effect.delta:
            where = names.get(address) or to_checksum(address)
            problems.append(f"{where}: slot {slot:#x} did not change, but {effect.label} changes it by "
                            f"{_fmt(effect.delta, effect.unit)}")
        # a `value` effect whose slot did not change already held that value: nothing to report
        # here (the item checks compare the getters).
    for address, delta in x.ether.items():
        if delta and (address, -1) not in seen:
            where = names.get(address) or to_checksum(address)
            problems.append(f"{where}: its ETH balance did not change, but {x.ether_labels[address]} changes it by "
                            f"{_eth(abs(delta))}")
    return DiffReport(problems, explained, len(changes), listed, rows)


QUANTITY_UNITS = ("wad:", "rad")  # amounts: the hash takes their delta, which a chain's other balances leave alone


def _storage_row(c: Change, ctx: Context, where: str, effect: Effect | None, verdict: str, candidates: list[int],
                 decoders: dict[str, Decoder], names: dict[str, str]) -> LabelledChange:
    """A storage change labelled: the declared entry's name (or the decoder's), in units, and how the
    normalized hash encodes it (verify/diffhash.py documents the rules)."""
    if effect is not None and effect.meaning:  # the declared entry names itself: no decoding (no hashing)
        meaning, var, unit = effect.meaning, effect.var, effect.unit or _var_unit(ctx, c.address, effect.var)
    else:
        meaning, var, unit = _slot_meaning(c, ctx, candidates, decoders)
        unit = effect.unit or unit if effect is not None else unit
    meaning = named_addresses(meaning, names)
    if effect is not None and effect.left_out:
        encoding, value, left_out = "", 0, effect.left_out
    elif c.address.lower() == ctx.spell.lower():
        encoding, value, left_out = "", 0, "the spell's own storage (its address differs between runs)"
    elif effect is not None and effect.time_dependent:
        encoding, value, left_out = "time-dependent", 0, ""
    elif (effect is not None and effect.delta is not None) or \
            (effect is None and unit.startswith(QUANTITY_UNITS)):
        encoding, value, left_out = "delta", c.new - c.old, ""
    else:
        encoding, value, left_out = "value", c.new, ""
    return LabelledChange(where, to_checksum(c.address), f"{c.storage_slot:#x}", meaning, var, _fmt(c.old, unit),
                          _fmt(c.new, unit), c.old, c.new, effect.label if effect else "unexplained", verdict,
                          encoding, value, left_out)


def _var_unit(ctx: Context, address: str, var: str) -> str:
    """How a variable's values read by its contract's layout ("" when the contract or variable is unknown,
    or a struct whose words read differently)."""
    kind = "DssExec" if address.lower() == ctx.spell.lower() else ctx.kind(address)
    found = [v for v in LAYOUTS[kind].vars if v.name == var] if kind in LAYOUTS else []
    return found[0].unit if found and found[0].unit != "award" else ""


def _account_row(c: Change, ctx: Context, where: str, x: Explained, problem: str | None) -> LabelledChange:
    """An account's ETH balance, nonce or code: the caster's fee and nonce and the block's fee are left out of
    the hash (they differ between runs); ETH the YAML moves, and anything else, is in it."""
    address = c.address.lower()
    meaning = {"balance": "ETH balance"}.get(c.what, c.what)
    show = _eth if c.what == "balance" else (lambda v: f"{v:#066x}" if v >= 2**64 else str(v))
    item = x.ether_labels.get(address, "") if c.what == "balance" else ""
    left_out = ""
    if problem is None and address == ctx.sender.lower():
        left_out, item = f"the caster's {'gas fee' if c.what == 'balance' else 'nonce'}", item or "the cast's caster"
    elif problem is None and address == ctx.miner.lower():
        left_out, item = "the block's fee recipient", item or "the cast's block"
    encoding, value = ("", 0) if left_out else ("delta", c.new - c.old) if c.what == "balance" else ("value", c.new)
    return LabelledChange(where, to_checksum(c.address), "", meaning, "", show(c.old), show(c.new), c.old, c.new,
                          item or "unexplained", "unexplained" if problem else "explained", encoding, value, left_out)


def named_addresses(text: str, names: dict[str, str]) -> str:
    """Each address in a slot's name by the run's name of it (a chainlog key, "the spell (DssSpell)")."""
    return re.sub(r"0x[0-9a-fA-F]{40}\b", lambda m: names.get(m.group(0).lower(), m.group(0)), text)


def _budget_addresses(ctx: "Context") -> set[str]:
    keys = [k for k in ctx.addresses if k.startswith("MCD_VEST_")] + ["MCD_PAUSE_PROXY"]
    return {ctx.addresses[k].lower() for k in keys if k in ctx.addresses} | {a.lower() for a in ctx.tokens.values()}


def _account_change(c: Change, ctx: Context, where: str, x: Explained | None = None) -> str | None:
    sender, miner = ctx.sender.lower(), ctx.miner.lower()
    address = c.address.lower()
    moved = x.ether.get(address, 0) if x else 0  # ETH the YAML sends to (+) or from (-) the account
    if c.what == "nonce":
        if address == sender and c.new == c.old + 1:
            return None
        return (f"{where}: nonce {c.old} -> {c.new}: the cast created a contract" if address != sender else
                f"{where}: the caster's nonce {c.old} -> {c.new}, not +1")
    if c.what == "balance":
        if address == sender and c.old - c.new == ctx.fee - moved:
            return None
        if address == miner and 0 <= c.new - c.old - moved <= ctx.fee:
            return None
        if moved and address not in (sender, miner):
            if c.new - c.old == moved:
                return None
            label = x.ether_labels[address] if x else ""
            return (f"{where}: ETH balance {_eth(c.old)} -> {_eth(c.new)}, but {label} changes it by "
                    f"{'+' if moved > 0 else '-'}{_eth(abs(moved))}")
        return f"{where}: ETH balance {_eth(c.old)} -> {_eth(c.new)} ({c.old} -> {c.new} wei), which no YAML item explains"
    if c.what == "deleted":
        return f"{where}: the account was destroyed during the cast (SELFDESTRUCT; code hash {c.old:#066x})"
    if c.what == "code":
        return (f"{where}: code created or replaced during the cast (code hash {c.old:#066x} -> {c.new:#066x}); "
                "a spell creates no contract")
    return f"{where}: {c.what} changed"


def _eth(wei: int) -> str:
    return f"{human(Decimal(wei) / WAD)} ETH"


def _slot_name(c: Change, ctx: Context, candidates: list[int], decoders: dict[str, Decoder]) -> tuple[str, str]:
    """The slot's meaning in its contract's mainnet layout, and how its values read."""
    meaning, var, unit = _slot_meaning(c, ctx, candidates, decoders)
    return (f"{meaning} (slot {c.slot:#x})" if var else meaning), unit


def _slot_meaning(c: Change, ctx: Context, candidates: list[int], decoders: dict[str, Decoder]) -> tuple[str, str, str]:
    """(meaning, its variable, unit) of a slot by its contract's mainnet layout; `slot 0x..` when unknown."""
    kind = ctx.kind(c.address)
    if c.address.lower() == ctx.spell.lower():
        kind = "DssExec"
    if kind is None or kind not in LAYOUTS:
        return f"slot {c.slot:#x}", "", ""
    if kind not in decoders:
        decoders[kind] = Decoder(LAYOUTS[kind], candidates)
    found = decoders[kind].lookup(c.storage_slot)
    if not found:
        return f"slot {c.slot:#x}", "", ""
    name, var, index = found
    unit = f"award{index}" if var.unit == "award" else var.unit
    if index < len(var.field_units):
        unit = var.field_units[index] or unit
    return name, var.name, unit


def _fmt(value: int, unit: str) -> str:
    """Human units first (tokens, DAI, dates, addresses), the raw integer after."""
    if unit.startswith("wad:"):
        decimals = token_decimals(unit[4:])  # USDC: 6, its smallest units are no wei
        return f"{human(scaled_down(value, decimals))} {unit[4:]} ({value:,} {'wei' if decimals == 18 else 'units'})"
    if unit == "rad":
        return rad_text(value)
    if unit == "address":
        return to_checksum("0x" + (value & (2**160 - 1)).to_bytes(20, "big").hex()) + \
            (f" (+{value >> 160} above the address)" if value >> 160 else "")
    if unit == "time":
        return f"{iso(value)} ({value})" if 0 < value < 2**40 else str(value)
    if unit.startswith("award"):
        return _award_word(value, int(unit[5:] or 0))
    return str(value) if value < 2**64 else f"{value:#x} ({value})"


def scaled_down(value: int, digits: int) -> Decimal:
    """`value` / 10**digits, exactly (Decimal division would round a RAD's 52 digits to 28)."""
    sign = "-" if value < 0 else ""
    whole, frac = divmod(abs(value), 10**digits)
    decimals = f"{frac:0{digits}d}".rstrip("0")
    return Decimal(f"{sign}{whole}.{decimals}" if decimals else f"{sign}{whole}")


def rad_text(value: int) -> str:
    """A Vat amount (RAD: 10**45 per DAI) as people read it: DAI first, the raw integer separated after."""
    return f"{human(scaled_down(value, 45))} DAI ({value:,} in RAD)"


def _award_word(value: int, index: int) -> str:
    def addr(v: int) -> str:
        return to_checksum("0x" + v.to_bytes(20, "big").hex())
    mask48 = 2**48 - 1
    if index == 0:
        return f"usr {addr(value & (2**160 - 1))}, bgn {iso(value >> 160 & mask48)}, clf {iso(value >> 208)}"
    if index == 1:
        return f"fin {iso(value & mask48)}, mgr {addr(value >> 48 & (2**160 - 1))}, res {value >> 208 & 0xff}"
    tot, rxd = value & (2**128 - 1), value >> 128
    return f"tot {human(Decimal(tot) / WAD)} ({tot}), rxd {human(Decimal(rxd) / WAD)} ({rxd})"


def compare_diffs(first: list[Change], other: list[Change], time_dependent: set[tuple[str, int]],
                  names: dict[str, str]) -> list[str]:
    """Differences between two casts' diffs from the same pre-state, apart from the gas payment
    (fees vary with the base fee) and the slots the YAML makes time-dependent."""
    def keyed(changes):
        # balances (fees vary with the base fee) and nonces (casters differ) are checked per cast instead
        return {(c.address.lower(), c.what, c.slot): c for c in changes if c.what not in ("balance", "nonce")}
    a, b = keyed(first), keyed(other)
    out = []
    for key in sorted(set(a) | set(b), key=str):
        if key[1] == "storage" and (key[0], key[2]) in time_dependent:
            continue
        ca, cb = a.get(key), b.get(key)
        if ca is None or cb is None or ca.new != cb.new:
            where = names.get(key[0]) or to_checksum(key[0])
            what = f"slot {key[2]:#x}" if key[1] == "storage" else key[1]
            got_a = str(ca.new) if ca else "unchanged"
            got_b = str(cb.new) if cb else "unchanged"
            out.append(f"{where} {what}: {got_a} at the first cast, {got_b} at this one")
    return out


def candidate_keys(trace: dict | None, logs: list, extra: list[str], max_id: int) -> list[int]:
    """Every word that might be a mapping key: addresses and words in the cast's calls and logs,
    known addresses, small ids."""
    words: set[int] = set(range(0, max_id + 5))
    for address in extra:
        words.add(int(address, 16))

    def add_hex(text: str | None) -> None:
        raw = bytes.fromhex((text or "0x").removeprefix("0x"))
        body = raw[4:] if len(raw) % 32 == 4 else raw
        for i in range(0, len(body) - 31, 32):
            words.add(int.from_bytes(body[i:i + 32], "big"))

    def walk(frame: dict) -> None:
        for k in ("from", "to"):
            if frame.get(k):
                words.add(int(frame[k], 16))
        add_hex(frame.get("input"))
        add_hex(frame.get("output"))
        for child in frame.get("calls") or []:
            walk(child)
    if trace:
        walk(trace)
    for log in logs:
        for t in log["topics"]:
            words.add(int.from_bytes(bytes(t), "big"))
        data = bytes(log["data"])
        for i in range(0, len(data) - 31, 32):
            words.add(int.from_bytes(data[i:i + 32], "big"))
    return sorted(w for w in words if w < 2**256)


def check_schedule(trace: dict, ctx: Context, names: dict[str, str]) -> list[str]:
    """The schedule() transaction's diff: the spell's eta (slot 0), the pause's plan set, the caller's
    nonce and fee; nothing else (a second plan plotted while the spell is the hat would outlive it)."""
    x = Explained()
    x.value(ctx.spell, LAYOUTS["DssExec"].slot("eta"), ctx.eta, "the spell's eta")
    plan = keccak256(encode(["address", "bytes32", "bytes", "uint256"],
                            [ctx.action, ctx.action_code_hash, keccak256(b"execute()")[:4], ctx.eta]))
    x.value(ctx.addresses["MCD_PAUSE"], LAYOUTS["DSPause"].slot("plans", int.from_bytes(plan, "big")), 1,
            "the pause's plan of the spell")
    problems = []
    for c in parse_diff(trace):
        where = names.get(c.address.lower()) or to_checksum(c.address)
        if c.what != "storage":
            problem = _account_change(c, ctx, where)
            if problem:
                problems.append(problem)
            continue
        effect = x.effects.get((c.address.lower(), c.storage_slot))
        if effect is None or c.new != effect.value:
            problems.append(f"{where}: slot {c.slot:#x} changed {c.old} -> {c.new} in schedule(), which only sets the "
                            "spell's eta and plots its plan")
    return problems
