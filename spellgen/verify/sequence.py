"""Each action's exact ordered events: the cast's logs split into one segment per action, each segment
equal to the sequence the action's kind declares (spellgen/spellfile/actions/: `Effects.events`, the
`variants` its `event_form` picks from the state read before the cast, and `first_use` events for the
first action that needs them), no more and no fewer.

A rendered spell runs its actions in the YAML's order, so the segments are matched in that order first.
A hand-written spell may order them otherwise: when the YAML's order does not fit, each segment is matched
to the first remaining action whose whole declared sequence it equals. When neither fits, the YAML's
order is aligned with what the chain showed and each difference is named: the action, the event expected
there and the event observed, with its emitter. The spell's own machinery (the pause's exec note) is no
action's and is left out.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from spellgen.spellfile.actions import REGISTRY
from spellgen.spellfile.expect import EventPlan, Expected
from spellgen.verify.events import MACHINERY, TOKEN_KEYS, event_key

SEQUENCE_ITEM = "events: each action's exact ordered event sequence, as its kind declares it, no more and no fewer"
# The unit of the 18-decimal amounts an emitter that is no token logs (its token's, as it moves it).
WAD_UNITS = {"MCD_JOIN_DAI": "DAI", "USDS_JOIN": "USDS", "DAI_USDS": "DAI", "USDS_DAI": "USDS"}


@dataclass(frozen=True)
class Step:
    """One event an action must emit: its emitter as declared, bound (a chainlog key or a token symbol) and
    as addresses (lower case; none when the chain did not name it), the event as matched and as declared."""

    emitter: str
    addresses: frozenset[str]
    key: str
    declared: str

    def matches(self, log: Logged) -> bool:
        return log.address in self.addresses and log.key == self.key

    @property
    def text(self) -> str:
        return f"{self.emitter} {self.declared}"


@dataclass(frozen=True)
class Logged:
    """One log of the cast: its index in the receipt, emitter (lower case) and its name, event key, arguments."""

    index: int
    address: str
    emitter: str
    key: str
    args: str

    @property
    def text(self) -> str:
        return f"{self.emitter} {self.key}"

    def as_dict(self, n: int) -> dict:
        return {"n": n, "log_index": self.index, "emitter": self.emitter, "event": self.key, "args": self.args}


@dataclass
class Segment:
    """One action's events as the cast showed them, against what its kind declares."""

    plan: EventPlan
    expected: list[Step]
    observed: list[Logged] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    form: str = ""  # the form of its kind's sequence (`Action.event_form`; "" the default)
    first_use: bool = False  # it is the first action that needs its kind's first-use events

    @property
    def pairs(self) -> list[tuple[str, str]]:
        """What the cast showed, as the generated Brownie tests compare it: (emitter, event) in order."""
        return [(log.emitter, log.key) for log in self.observed]

    def as_dict(self) -> dict:
        # A vest's, a farm's or a distribution's 18-decimal amounts are in the action's token (a cap's
        # File is per second: left in units of 10^18).
        unit = TOKEN_KEYS.get(self.plan.names.get("TOKEN", ""), "")
        events = [log.as_dict(n) for n, log in enumerate(self.observed, 1)]
        for event in events if unit else []:
            if not event["event"].startswith("File"):
                event["args"] = event["args"].replace(" × 10^18", f" {unit}")
        return {"item": self.plan.item.label, "path": self.plan.item.path, "kind": self.plan.kind,
                "passed": not self.problems,
                "expected": [{"emitter": s.emitter, "event": s.key} for s in self.expected],
                "events": events, "problems": list(self.problems)}


class Binder:
    """The emitters a kind names (a chainlog key, a token symbol, `VEST`, `TOKEN`, `DIST`, `proxy`, bound by
    each action's `effect_names`) -> their addresses (lower case) on the chain of the cast."""

    def __init__(self, addresses: dict[str, str], tokens: dict[str, str]):
        self.addresses = {k: v.lower() for k, v in addresses.items() if v}
        self.tokens = {k: v.lower() for k, v in tokens.items() if v}

    def __call__(self, name: str, plan: EventPlan) -> tuple[str, frozenset[str]]:
        bound = "MCD_PAUSE_PROXY" if name == "proxy" else plan.names.get(name, name)
        symbol = TOKEN_KEYS.get(bound, bound)  # a token by its symbol, whichever key names it
        if symbol in self.tokens:
            return symbol, frozenset({self.tokens[symbol]})
        return symbol, frozenset({self.addresses[bound]} if bound in self.addresses else ())


def declared_steps(plan: EventPlan, before: Any, cast_time: int, bind: Binder, first_use_done: set) -> Segment:
    """The events `plan`'s action must emit, in order (an empty segment of them): its form's sequence, with
    its kind's first-use events when it is the first action that needs them (the state before the cast
    says whether any does)."""
    fx = REGISTRY[plan.kind].EFFECTS
    form = plan.form(before, cast_time)
    sequence = list(fx.events) if not form else list(dict(fx.variants)[form])
    first, first_use = tuple(fx.first_use), False
    if first and first not in first_use_done and sequence:
        first_use_done.add(first)
        if not (fx.first_use_unless and getattr(before, fx.first_use_unless, None)):
            sequence[fx.first_use_at:fx.first_use_at] = list(first)
            first_use = True
    steps = []
    for emitter, declared in sequence:
        name, addresses = bind(emitter, plan)
        steps.append(Step(name, addresses, event_key(declared), declared))
    return Segment(plan, steps, form=form, first_use=first_use)


def observed_logs(logs: list, names: dict[str, str], tokens: dict[str, str], bind: Binder) -> list[Logged]:
    """The cast's logs as the check matches them, without the spell's own machinery (the pause's exec)."""
    from spellgen.cast.named import decode_log

    symbols = {address.lower(): symbol for symbol, address in tokens.items() if address}
    out = []
    for index, log in enumerate(logs):
        address = log["address"].lower()
        event = decode_log(log["topics"], bytes(log["data"]), names)
        key = f"LogNote({event.function})" if event.name == "LogNote" else event.name
        emitter = symbols.get(address) or names.get(address) or address
        emitter = TOKEN_KEYS.get(emitter, emitter)  # a token by its symbol, as the kinds' declarations bind it
        out.append(Logged(index, address, emitter, key, args_in_units(event.text, symbols.get(address) or
                                                                       WAD_UNITS.get(emitter, ""))))
    machinery = [(bind(emitter, _NO_PLAN)[1], event_key(event)) for emitter, event in MACHINERY]
    for addresses, key in machinery:  # once each, the last such log (the pause notes exec around the action)
        found = next((i for i in range(len(out) - 1, -1, -1) if out[i].address in addresses and out[i].key == key),
                     None)
        if found is not None:
            del out[found]
    return out


_NO_PLAN = EventPlan(item=None, kind="", names={}, form=lambda before, t: "")  # type: ignore[arg-type]
_NAMED = re.compile(r"([^\s(),:][^(),:]*?) \((0x[0-9a-fA-F]{40})\)")
_WAD = re.compile(r"(-?[\d,]+) \(= (-?[\d,]+(?:\.\d+)?) × 10\^18\)")
_RAD = re.compile(r"\b(\d{1,3}(?:,\d{3}){12,})\b")


def args_in_units(text: str, unit: str) -> str:
    """An event's decoded arguments as a reviewer reads them: accounts by name, 18-decimal amounts in the
    emitter's token (`unit`) and the Vat's RAD amounts as DAI."""
    from spellgen.spellfile.amounts import human
    from spellgen.verify.statediff import scaled_down

    text = _NAMED.sub(lambda m: m.group(1), text)
    call, _, caller = text.partition(", called by ")  # a note: the noted call's arguments, then its caller
    inner = "; ".join(part for part in (call[call.find("(") + 1:call.rfind(")")] if "(" in call else "",
                                        f"called by {caller}" if caller else "") if part)
    inner = _WAD.sub(lambda m: f"{m.group(2)} {unit}" if unit else f"{m.group(2)} × 10^18", inner)
    return _RAD.sub(lambda m: f"{human(scaled_down(int(m.group(1).replace(',', '')), 45))} DAI (RAD)", inner)


def check_sequences(e: Expected, before: Any, cast_time: int, logs: list[Logged], bind: Binder) -> tuple[list[Segment], bool]:
    """Each action's segment of `logs` (in the order matched), and whether the actions ran in an order other
    than the YAML's."""
    done: set = set()
    segments = [declared_steps(plan, before, cast_time, bind, done) for plan in e.event_plans]
    flat = [step for segment in segments for step in segment.expected]
    if len(flat) == len(logs) and all(s.matches(log) for s, log in zip(flat, logs)):
        at = 0
        for segment in segments:
            segment.observed, at = logs[at:at + len(segment.expected)], at + len(segment.expected)
        return segments, False
    # A hand-written spell's order: whole actions matched where they run, the rest held in the YAML's order.
    matched, rest, done, at = _match_any_order(e.event_plans, before, cast_time, logs, bind)
    reordered = [m.plan for m in matched] != e.event_plans[:len(matched)]
    tail = [declared_steps(plan, before, cast_time, bind, done) for plan in rest]
    if tail:
        _align(tail, logs[at:])
    elif matched and at < len(logs):  # every action matched, events after them: the last one's extras
        _name_differences(matched[-1], matched[-1].observed + logs[at:])
    return matched + tail, reordered


def _match_any_order(plans: list[EventPlan], before: Any, cast_time: int, logs: list[Logged],
                     bind: Binder) -> tuple[list[Segment], list[EventPlan], set, int]:
    """The actions matched where a spell runs them: at each point the first remaining action (in the YAML's
    order) whose whole sequence the next logs equal, until none does. (Those segments, the actions left,
    the first-use events the matched ones took, and the logs they covered.)"""
    remaining, at, out = list(plans), 0, []
    done: set[tuple] = set()  # the first-use events an earlier action took
    while remaining:
        for plan in remaining:
            trial = set(done)
            segment = declared_steps(plan, before, cast_time, bind, trial)
            window = logs[at:at + len(segment.expected)]
            if len(window) == len(segment.expected) and all(s.matches(log) for s, log in zip(segment.expected, window)):
                segment.observed = window
                out.append(segment)
                remaining.remove(plan)
                done, at = trial, at + len(window)
                break
        else:
            break
    return out, remaining, done, at


def _align(segments: list[Segment], logs: list[Logged]) -> None:
    """The YAML's order held against the logs, one action at a time: each action takes the run of logs
    nearest its own sequence (fewest edits; at a tie, the run after which the next action's first event
    comes, then the run as long as its sequence), and each extra, missing or different event in it is named.
    Logs after the last action count against it."""
    at = 0
    for n, segment in enumerate(segments):
        last = n == len(segments) - 1
        following = segments[n + 1].expected[:1] if not last else []
        ends = [len(logs)] if last else range(at, min(len(logs), at + 2 * len(segment.expected) + 4) + 1)

        def cost(end: int, segment: Segment = segment, following: list = following) -> tuple[int, int, int]:
            nearest = _edits(segment.expected, logs[at:end])
            starts_next = 0 if end < len(logs) and following and following[0].matches(logs[end]) else 1
            return nearest, starts_next, abs(end - at - len(segment.expected))
        end = min(ends, key=cost)
        _name_differences(segment, logs[at:end])
        at = end


def _edits(steps: list[Step], logs: list[Logged]) -> int:
    """How many events must be added, removed or replaced to make `logs` the sequence `steps` (Levenshtein)."""
    row = list(range(len(logs) + 1))
    for i, step in enumerate(steps, 1):
        previous, row[0] = row[0], i
        for j, log in enumerate(logs, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (not step.matches(log)))
    return row[-1]


def _name_differences(segment: Segment, logs: list[Logged]) -> None:
    """`logs` as the action's segment, each difference from its sequence a problem naming the action, the
    event expected and the event observed with its emitter."""
    segment.observed = list(logs)
    a = [(tuple(sorted(s.addresses)), s.key) for s in segment.expected]
    b = [((log.address,), log.key) for log in logs]
    label = segment.plan.item.label
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        for k in range(max(i2 - i1, j2 - j1)):
            step = segment.expected[i1 + k] if i1 + k < i2 else None
            log = logs[j1 + k] if j1 + k < j2 else None
            where = f"event {j1 + k + 1 if log else j1 + min(k, j2 - j1) + 1} of {label}"
            if step and log:
                segment.problems.append(f"{where}: expected {step.text}, observed {log.text} ({log.args}) from "
                                        f"{log.emitter}")
            elif step:
                segment.problems.append(f"{where}: expected {step.text}, observed none (missing)")
            elif log:
                segment.problems.append(f"{where}: expected none, observed {log.text} ({log.args}) from "
                                        f"{log.emitter} (an extra event)")


def sequences_of(e: Expected, o: Any, names: dict[str, str], addresses: dict[str, str],
                 budget_only: bool = False) -> tuple[list[Segment], bool, int]:
    """The check on a cast (`o`, cast/simulate.py's Observation): each action's segment, whether the actions
    ran out of the YAML's order, and how many logs are checked. `addresses`: chainlog key -> address, with
    the keys the actions bind (verify/compare.py's EventLedger reads them). `budget_only` (a real spell
    does more than its budget): only the logs of the contracts the actions' declarations name."""
    bind = Binder({**addresses, **o.watched_vests}, o.watched_tokens)
    # the YAML's parties by name too (the arguments' recipients), the chain's names first
    logs = observed_logs(o.cast_receipt().logs, {**e.party_names, **names}, o.watched_tokens, bind)
    if budget_only:
        declared = _declared_emitters(e, bind)
        logs = [log for log in logs if log.address in declared]
    segments, reordered = check_sequences(e, o.before, o.cast_receipt().timestamp, logs, bind)
    if not segments and logs:  # events, yet no action runs
        raise ValueError(f"{len(logs)} event(s) in a cast that runs no action")
    return segments, reordered, len(logs)


def _declared_emitters(e: Expected, bind: Binder) -> set[str]:
    """Every address an action of `e` may emit from, in any form of its kind's sequence."""
    out: set[str] = set()
    for plan in e.event_plans:
        fx = REGISTRY[plan.kind].EFFECTS
        for emitter, _ in (*fx.events, *fx.first_use, *(pair for _, seq in fx.variants for pair in seq)):
            out |= bind(emitter, plan)[1]
    return out
