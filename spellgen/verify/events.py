"""Every event of the cast, from any emitter, explained: the parts of the event check that do not depend
on the emitter's kind (verify/compare.py's EventLedger judges the budget tokens', the vests' and the
Vat's events by their arguments and asks this module about every other emitter).

An event is explained by the spell's own machinery (the pause's `exec` note, once) or by what the
action kinds present in the YAML declare they emit (`Effects.events`, `variants` and `first_use` in
spellgen/spellfile/actions/, at most as many times as the spell has such actions). Whatever explains
it, an event needs a state change behind it: an emitter whose storage the cast did not change may
only have emitted what a kind declares state-free (`Effects.state_free`: an approval to the value it
already had, a join's note of a mint and burn that cancel out). Each unexplained event is named with
the call that emitted it (the callTracer's `withLog` frames), its arguments decoded.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spellgen.cast.named import call_with_args, name_of
from spellgen.spellfile.actions import KINDS
from spellgen.spellfile.actions.base import TOKEN_KEYS, event_key
from spellgen.spellfile.expect import Expected

# The spell's own machinery in the cast: DssExec.cast() -> DSPause.exec, whose ds-note logs the call.
MACHINERY: tuple[tuple[str, str], ...] = (("MCD_PAUSE", "LogNote(exec)"),)
# TOKEN_KEYS (how the kinds name the tokens) and event_key (a declared event as matched) live with the kinds
# (spellfile/actions/base.py): the generated Brownie tests name events as this check does.
__all__ = ["MACHINERY", "TOKEN_KEYS", "Declared", "Resolver", "declared", "event_key"]


@dataclass
class Declared:
    """What the YAML's actions and the spell's machinery may emit: (emitter, event key) -> how many
    times at most, and the (emitter, event key) pairs that may come without a state change."""

    counts: Counter = field(default_factory=Counter)
    state_free: set[tuple[str, str]] = field(default_factory=set)


class Resolver:
    """Emitters as the kinds name them (a chainlog key, `VEST`, `TOKEN`, `proxy`) -> addresses (lower case)."""

    def __init__(self, addresses: dict[str, str], tokens: dict[str, str], vests: dict[str, str]):
        self.addresses = {k: v.lower() for k, v in addresses.items() if v}
        self.tokens = {k: v.lower() for k, v in tokens.items() if v}
        self.vests = {k: v.lower() for k, v in vests.items() if v}

    def __call__(self, key: str, e: Expected) -> set[str]:
        if key == "VEST":
            return {self.vests[v] for v in e.vests if v in self.vests}
        if key == "TOKEN":
            return set(self.tokens.values())
        if key == "proxy":
            return {self.addresses.get("MCD_PAUSE_PROXY", "")} - {""}
        if key in TOKEN_KEYS and TOKEN_KEYS[key] in self.tokens:
            return {self.tokens[TOKEN_KEYS[key]]}
        if key in e.bindings and key not in self.addresses:  # a name an action binds (DIST, FARM, VAULT, ...)
            return {self.addresses[k] for k in e.bindings[key] if k in self.addresses}
        return {self.addresses[key]} if key in self.addresses else set()


def declared(e: Expected, resolve: Resolver) -> Declared:
    """Each kind present in the YAML, `n` actions of it: its events n times (the most any of its forms
    emits), its first-use events once; the pause's exec note once."""
    out = Declared()
    present = e.kinds_present
    for kind in KINDS:
        n = present.get(kind.KIND, 0)
        if not n:
            continue
        fx = kind.EFFECTS
        forms = [fx.events, *(events for _, events in fx.variants)]
        most: Counter = Counter()
        for form in forms:
            for pair, count in Counter((emitter, event_key(ev)) for emitter, ev in form).items():
                most[pair] = max(most[pair], count)
        for (emitter, name), count in most.items():
            for address in resolve(emitter, e):
                out.counts[(address, name)] += count * n
        for (emitter, name), count in Counter((emitter, event_key(ev)) for emitter, ev in fx.first_use).items():
            for address in resolve(emitter, e):
                out.counts[(address, name)] += count
        for emitter, ev in fx.state_free:
            for address in resolve(emitter, e):
                out.state_free.add((address, event_key(ev)))
    for emitter, ev in MACHINERY:
        for address in resolve(emitter, e):
            out.counts[(address, event_key(ev))] += 1
    return out


def emitting_frames(trace: dict | None) -> dict[int, dict]:
    """Log index in the receipt -> the call frame whose code emitted it (callTracer with `withLog`)."""
    out: dict[int, dict] = {}

    def walk(frame: dict, parent: dict | None) -> None:
        # A proxy forwarding its call (USDS's ERC-1967 proxy) emits from its implementation's
        # DELEGATECALL of the same calldata: the call the code made is the proxy's.
        caller = parent if (parent and str(frame.get("type", "")).upper() == "DELEGATECALL"
                            and frame.get("input") == parent.get("input")
                            and str(frame.get("from", "")).lower() == str(parent.get("to", "")).lower()) else frame
        for log in frame.get("logs") or []:
            if log.get("index") is not None:
                out[int(str(log["index"]), 16) if isinstance(log["index"], str) else int(log["index"])] = caller
        for child in frame.get("calls") or []:
            walk(child, caller)
    if trace:
        walk(trace, None)
    return out


def call_of(frame: dict | None, names: dict[str, str]) -> str:
    """`CHANGELOG.rely(0x6cD0...), called by MCD_PAUSE_PROXY`: what the code did to emit an event (a
    delegatecalled code emits in its caller's name: the call then says so); "" without a frame."""
    if not frame or not frame.get("to"):
        return ""
    call = call_with_args(str(frame["to"]), str(frame.get("input") or "0x"), names)
    caller = name_of(str(frame.get("from") or ""), names)
    how = "delegatecalled by" if str(frame.get("type", "")).upper() == "DELEGATECALL" else "called by"
    return f"{call}, {how} {caller}"


def storage_changed(state_diff: dict | None) -> set[str] | None:
    """The accounts (lower case) whose storage the cast changed; None without a state diff."""
    if state_diff is None:
        return None
    pre, post = state_diff.get("pre") or {}, state_diff.get("post") or {}
    changed = set()
    for address in set(pre) | set(post):
        before = (pre.get(address) or {}).get("storage") or {}
        after = (post.get(address) or {}).get("storage") or {}
        if any(before.get(k) != after.get(k) for k in set(before) | set(after)):
            changed.add(address.lower())
    return changed
