"""Compare what the YAML declares (expect.py) with what the chain showed (simulate.py), item by item.

Each result names the YAML item, the on-chain evidence and, when it fails, why. The expected side
never looks at the Solidity: a mutated or hand-written spell is judged only by its effects.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from spellgen.spellfile.amounts import from_wei, human
from spellgen.chain.client import topic
from spellgen.spellfile.actions import KINDS
from spellgen.spellfile.actions.mkr_to_sky import with_conversions_read
from spellgen.spellfile.address import keccak256, to_checksum
from spellgen.spellfile.protocol import RAY
from spellgen.spellfile.expect import Expected
from spellgen.cast.simulate import Observation
from spellgen.spellfile import history
from spellgen.spellfile.timeutil import iso
from spellgen.compiler.compile import MAX_CODE_SIZE

@dataclass(frozen=True)
class GasLimits:
    """Failing limits and warning figures for the deployment and the cast (a test may lower them)."""

    deploy_limit: int = history.DEPLOY_GAS_LIMIT
    deploy_warning: int = history.BLOCK_TARGET_GAS
    cast_warning: int = history.BLOCK_TARGET_GAS
    cast_limit: int | None = None  # None: the date's (max_cast_gas)


def max_cast_gas(date: str) -> tuple[int, str]:
    """The stricter of the reference suite's 20,000,000 and, from 2025-12-03, EIP-7825's 2^24."""
    limit = history.cast_gas_limit_at(date) if date else history.CAST_GAS_LIMIT
    if limit == history.TX_GAS_CAP:
        return limit, f"{limit:,} (EIP-7825, in force from {history.TX_GAS_CAP_SINCE})"
    return limit, f"{limit:,}"


@dataclass(frozen=True)
class Result:
    item: str
    path: str  # YAML path of the item, or "spell" for properties of the whole spell
    passed: bool
    evidence: str
    reason: str = ""
    warning: str = ""  # passed, but above a house figure: reports show WARN and this text


def _ok(item: str, path: str, evidence: str, problems: list[str]) -> Result:
    return Result(item, path, not problems, evidence, "; ".join(problems))


def _wad(value: int, token: str) -> str:
    """For people: the exact token units of `value` in the token's decimals (compare the integers, never this
    text)."""
    return f"{human(from_wei(value, history.token_decimals(token)))} {token}"


def _compare(fields: list[tuple[str, object, object]]) -> list[str]:
    return [f"{name}: expected {want}, observed {got}" for name, want, got in fields if want != got]


def gas_results(date: str, cast_gas: int, deploy_gas: int | None, limits: GasLimits = GasLimits()) -> list[Result]:
    """The cast's gas against the stricter of the reference suite's limit and the chain's cap at `date`
    (warned above the block target), and the deployment's against 30,000,000 (warned above 15,000,000).
    `deploy_gas` None: the spell was deployed before this run, so the reference suite skips that test too."""
    limit, limit_text = max_cast_gas(date)
    if limits.cast_limit is not None:
        limit, limit_text = limits.cast_limit, f"{limits.cast_limit:,}"
    results = [_gas("cast", cast_gas, limit, limit_text, limits.cast_warning)]
    if deploy_gas is not None:
        results.append(_gas("deployment", deploy_gas, limits.deploy_limit, f"{limits.deploy_limit:,}",
                            limits.deploy_warning))
    return results


def _gas(what: str, used: int, limit: int, limit_text: str, warning: int) -> Result:
    evidence = f"{used:,} gas"
    if used > limit:
        return Result(f"{what} gas at most {limit_text}", "spell", False, evidence,
                      f"{used:,} gas, above {limit:,}: mainnet would not include the transaction (or the "
                      f"reference suite fails it); move actions to another spell")
    note = (f"{used:,} gas, above the {warning:,} block target (the reference suite's house figure): it may "
            f"wait for a block with room" if used > warning else "")
    return Result(f"{what} gas at most {limit_text}", "spell", True, evidence, warning=note)


EVENTS_ITEM = ("nothing else: every event of the cast, from any emitter, is a YAML item or the spell's own "
               "machinery, with a state change behind it")


class Verifier:
    def __init__(self, expected: Expected, obs: Observation, control: dict, gas: GasLimits = GasLimits()):
        # A conversion read at the cast becomes a known quantity here, from the pre-state (never the render).
        self.e, self.o, self.control, self.gas = with_conversions_read(expected, obs), obs, control, gas
        self.results: list[Result] = []
        self._tried: list[tuple[str, str]] = []  # the event check's (contract name, call) of what the code tried

    def run(self) -> list[Result]:
        for check in (self.actions, self.chainlog, self.events, self.sequences, self.state_changes,
                      self.scheduling, self.calls, self.other_times, self.interface, self.spell):
            check()
        self._name_what_was_tried()
        return self.results

    def _name_what_was_tried(self) -> None:
        """A failure another row explains better (an award count, a storage slot of a contract whose
        unexplained event the event check traced to a call) names that call too: what the code tried."""
        for i, r in enumerate(self.results):
            if r.passed or r.item == EVENTS_ITEM or r.item.startswith("the cast "):  # other casts: the first says it
                continue
            calls = [call for name, call in self._tried if name and call not in r.reason
                     and (re.search(rf"\b{re.escape(name)}\b", r.item) or f"{name}:" in r.reason)]
            if calls:
                self.results[i] = replace(r, reason=f"{r.reason}; {'; '.join(dict.fromkeys(calls))}")

    def add(self, result: Result) -> None:
        self.results.append(result)

    # -- the action kinds' items ---------------------------------------------------------------------
    def actions(self) -> None:
        """Each action kind's results for its items (spellgen/spellfile/actions/: `checks`), in rank order."""
        for kind in sorted(KINDS, key=lambda k: k.CHECK_RANK):
            for c in kind.checks(self.e, self.o):
                self.add(Result(c.item, c.path, c.passed, c.evidence, c.reason, c.warning))

    def chainlog(self) -> None:
        for entry in self.e.chainlog:
            got = self.o.chainlog.get(entry.key)
            problems = [f"the chainlog has no key {entry.key}"] if got is None else \
                _compare([(entry.key, entry.address, got)])
            self.add(_ok(entry.item.label, entry.item.path, f"ChainLog.getAddress({entry.key}) = {got or 'missing'}",
                         problems))

    # -- nothing else happened ------------------------------------------------------------------
    def events(self) -> None:
        ledger = EventLedger(self.e, self.o, self._names())
        unexplained = ledger.unexplained()
        self._tried = ledger.tried
        cast = self.o.cast_receipt()
        count = len(cast.logs)
        self.add(Result(EVENTS_ITEM, "spell", not unexplained,
                        f"{count} log(s) in the cast transaction {cast.tx_hash}", "; ".join(unexplained)))
        if self.e.budget_only:
            self.add(Result(f"outside the budget (--budget-only, for the reviewer): {len(ledger.listed)} other "
                            "event(s)", "spell", True, "; ".join(ledger.listed) or "none"))

    def sequences(self) -> None:
        """Each action's exact ordered events (verify/sequence.py); the segments go to the reports."""
        from spellgen.verify.sequence import SEQUENCE_ITEM, sequences_of

        o = self.o
        try:
            segments, reordered, count = sequences_of(self.e, o, self._names(),
                                                      EventLedger(self.e, o, self._names())._bound_addresses(),
                                                      self.e.budget_only)
        except ValueError as exc:
            self.add(Result(SEQUENCE_ITEM, "spell", False, "no action runs", str(exc)))
            return
        o.event_sequences = [segment.as_dict() for segment in segments]
        problems = [p for segment in segments for p in segment.problems]
        order = " (matched in an order other than the YAML's: the spell runs its actions so)" if reordered else ""
        self.add(Result(SEQUENCE_ITEM, "spell", not problems,
                        f"{count} event(s) of {len(segments)} action(s), each in its declared order{order}",
                        "; ".join(problems)))

    # -- the spell as a whole ---------------------------------------------------------------------
    def spell(self) -> None:
        o, e = self.o, self.e
        for result in gas_results(e.date, o.cast_receipt().gas_used, None if o.attached else o.deploy_gas, self.gas):
            self.add(result)
        self.add(_ok("bytecode at most 24,576 bytes", "spell", f"spell {o.spell_size:,}, action {o.action_size:,}",
                     [f"{name} is {size:,} bytes" for name, size in (("spell", o.spell_size),
                                                                      ("action", o.action_size))
                      if size > MAX_CODE_SIZE]))
        if o.attached and not o.deployed_block:
            self.add(Result("expiration = deployment + expiry", "spell", False, f"expiration {iso(o.expiration)}",
                            "the node keeps no state old enough to find the deployment block (use an archive "
                            "node): the deployment time, and so the expiry, is unproven"))
        else:
            self.add(_ok("expiration = deployment + expiry", "spell", f"expiration {iso(o.expiration)}",
                         _compare([("expiration", iso(o.deployed_at + e.expiry), iso(o.expiration))])))
        self.add(_ok("office hours as declared", "spell.office_hours", f"officeHours() = {o.office_hours}",
                     _compare([("officeHours", e.office_hours, o.office_hours)])))
        self.add(_ok("description as declared", "spell.description", repr(o.description),
                     _compare([("description", e.description, o.description)])))
        observed = {"dai_paid": ("DAI", self._received(self.o.before.dai, self.o.after.dai, e.payments)),
                    "mkr_transferred": ("MKR", self._received(self.o.before.mkr, self.o.after.mkr, e.transfers)),
                    "usds_paid": ("USDS", self._received(self.o.before.usds, self.o.after.usds, e.usds_payments)),
                    "sky_transferred": ("SKY", self._received(self.o.before.sky, self.o.after.sky, e.sky_transfers))}
        for name, want in self.control.items():
            token, got = observed[name]
            self.add(_ok(f"control total expect.{name}: {_wad(want, token)}", f"expect.{name}",
                         f"observed {_wad(got, token)}",
                         [] if want == got else [f"{name}: expected {_wad(want, token)} ({want:,} wei), "
                                                 f"observed {_wad(got, token)} ({got:,} wei)"]))

    # -- the whole state diff, the call tree, other cast times, the interface -----------------------
    def _names(self) -> dict[str, str]:
        """Every contract of the ChainLog of the spell's date by its key (MCD_JUG, MCD_SPOT, ...), what
        the chain answered, and the spell's own parties."""
        from spellgen.cast.named import names_at

        o = self.o
        names = names_at(self.e.date, o.addresses)
        if o.mkr_authority:  # said as what it is, with the key the date's chainlog gives it (GOV_GUARD, MKR_GUARD)
            key = names.get(o.mkr_authority.lower())
            key = key if key in ("GOV_GUARD", "MKR_GUARD") else "GOV_GUARD"
            names[o.mkr_authority.lower()] = f"MKR's authority ({key})"
        names[o.spell.lower()] = "the spell (DssSpell)"
        names[o.action.lower()] = "the spell's action"
        if o.sender:
            names[o.sender.lower()] = "the caster"
        return names

    def _context(self, cast_time: int, fee: int, miner: str, sender: str = "", owed: dict | None = None,
                 chainlog_count: int | None = None):
        from spellgen.verify.statediff import Context

        o = self.o
        addresses = dict(o.addresses)
        addresses.update({k: v for k, v in o.watched_vests.items()})
        if o.mkr_authority:
            addresses["MKR_AUTHORITY"] = o.mkr_authority
        addresses.update({f"{dist}:farm": farm for dist, farm in o.farms.items()})  # a farm's distribute()
        tokens = dict(o.watched_tokens)
        ids_before = dict(o.before.ids)
        if owed is None:
            owed = {vest: unpaid for vest, (unpaid, _, _) in o.obligations.items()}
        return Context(addresses, tokens, o.spell, o.action, o.eta, o.action_code_hash, cast_time, ids_before,
                       o.before.awards, sender or o.sender, miner, fee, fee, owed,
                       chainlog_count=o.before.chainlog_count if chainlog_count is None else chainlog_count,
                       held_before=dict(o.before.held), caps_before=dict(o.before.caps), before_state=o.before)

    def _diff_problems(self, diff: dict, cast_time: int, fee: int, miner: str, trace: dict | None = None,
                       sender: str = "", owed: dict | None = None, chainlog_count: int | None = None,
                       labelled: bool = False):
        from spellgen.verify.statediff import candidate_keys, check_diff, parse_diff

        o = self.o
        changes = parse_diff(diff)
        names = self._names()
        extra = [*o.addresses.values(), *o.watched_vests.values(), *o.watched_tokens.values(), o.spell, o.action,
                 o.sender, *(p.recipient for p in self.e.payments), *(t.recipient for t in self.e.transfers),
                 *(w.usr for w in self.e.awards), *(w.mgr for w in self.e.awards)]
        max_id = max([*o.after.ids.values(), *o.before.ids.values(), 0])
        candidates = candidate_keys(o.call_trace, o.cast_receipt().logs, [a for a in extra if a], max_id)
        if trace is not None:
            candidates = sorted(set(candidates) | set(candidate_keys(trace, [], [], 0)))
        return changes, check_diff(changes, self.e, self._context(cast_time, fee, miner, sender, owed, chainlog_count),
                                   candidates, names, labelled)

    def state_changes(self) -> None:
        o = self.o
        item = "nothing else: every changed storage slot, balance, nonce and code is a YAML item"
        if o.state_diff is None:
            self.add(Result(item, "spell", False, "no state diff",
                            f"the node did not trace the cast ({o.trace_error or 'no trace'}); nothing else is unproven"))
            return
        cast = o.cast_receipt()
        changes, report = self._diff_problems(o.state_diff, cast.timestamp, o.fee, o.miner, labelled=True)
        o.labelled_diff = report.labelled  # the reports' state diff and permissions (run.py)
        self._first_changes, self._first_problems = changes, set(report.problems)
        if self.e.budget_only:
            item = ("nothing else in the budget's contracts (--budget-only): every change of the vests, the "
                    "budget tokens, the Vat's balances and the treasury is a YAML item")
        self.add(Result(item, "spell", not report.problems,
                        f"{report.changes} change(s) in the state diff of {cast.tx_hash}, {report.explained} explained",
                        "; ".join(report.problems)))
        if self.e.budget_only:
            self.add(Result(f"outside the budget (--budget-only, for the reviewer): {len(report.listed)} other "
                            "state change(s)", "spell", True, "; ".join(report.listed) or "none"))

    def scheduling(self) -> None:
        """schedule() may only set the spell's eta and plot its one plan on the pause."""
        from spellgen.verify.statediff import check_schedule

        o = self.o
        if o.schedule_diff is None:
            return
        problems = check_schedule(o.schedule_diff, self._context(o.cast_receipt().timestamp, o.schedule_fee, o.miner),
                                  self._names())
        self.add(_ok("schedule() only sets eta and plots the spell's plan", "spell",
                     f"eta {iso(o.eta)}", problems))

    def calls(self) -> None:
        from spellgen.verify.callpolicy import frames

        o = self.o
        item = "calls: only pause -> proxy -> action, DssExecLib and contracts that existed"
        if o.call_trace is None:
            self.add(Result(item, "spell", False, "no call trace", o.trace_error or "the node did not trace the cast"))
            return
        policy = self._policy()
        problems = policy.check(frames(o.call_trace))
        count = _count_frames(o.call_trace)
        for r in o.recasts:  # a contract created, or a codeless target called, only at another time
            if r.call_trace is not None:
                other = self._policy()
                problems += [f"at {iso(r.time)} ({r.label}): {p}" for p in other.check(frames(r.call_trace))
                             if p not in problems]
        self.add(Result(item, "spell", not problems, f"{count} call frame(s) in the cast", "; ".join(problems)))
        declared = self.e.payments or self.e.usds_payments or self.e.computed_payments or self.e.repairs
        if declared or policy.sucks or policy.exits:
            sucks, exits = self._computed_sucks()
            pay = policy.payments(self.e, sucks, exits)
            total = sum(p.wei for p in self.e.payments) + sum(u.wei for u in self.e.usds_payments) + \
                sum(rad for _, rad in sucks) // RAY
            label = (f"payments' Vat effects: sucks of {_wad(total, 'DAI')} in all from the Vow to the PauseProxy, "
                     "exits to the declared recipients (the PauseProxy for USDS payments)" if declared else
                     "payments' Vat effects: no suck or exit, since the YAML declares no payment")
            self.add(Result(label, "spell", not pay,
                            f"{len(policy.sucks)} suck(s), {len(policy.exits)} exit(s)", "; ".join(pay)))

    def _negative_amounts(self, t: int) -> list[str]:
        """The amounts computed at the cast that are negative for a cast at `t` (from the state before
        the cast), in words: the spell's subtraction reverts then."""
        from spellgen.spellfile.computed import NotReadable

        out = []
        for p in self.e.computed_payments:
            try:
                wei = p.amount.wei(self.o.before, t)
            except NotReadable:
                continue
            if wei < 0:
                out.append(f"{p.amount.words} is {_wad(wei, 'DAI')}")
        return out

    def _computed_sucks(self) -> tuple[list[tuple[str, int]], list[tuple[str, int]]]:
        """The Vat sucks (to whom, rad) and PauseProxy exits (to whom, wei) of amounts the spell computes
        at the cast, evaluated from the state before it: a computed payment sucks to the PauseProxy and
        exits to its recipient; a repaired award's DAI vest sucks to itself (and exits on its own)."""
        from spellgen.spellfile.computed import NotReadable, unpaid

        o, t = self.o, self.o.cast_receipt().timestamp
        sucks, exits = [], []
        for p in self.e.computed_payments:
            try:
                wei = p.amount.wei(o.before, t)
            except NotReadable:
                continue  # the item fails on its own
            sucks.append((o.addresses["MCD_PAUSE_PROXY"], wei * RAY))
            exits.append((p.recipient, wei))
        for r in self.e.repairs:
            award = o.before.awards.get((r.vest, r.award))
            if award is not None:
                sucks.append((o.watched_vests.get(r.vest) or o.addresses.get(r.vest, ""),
                              max(unpaid(award, t), 0) * RAY))
        return sucks, exits

    def _policy(self):
        from spellgen.verify.callpolicy import Policy

        o, a = self.o, self.o.addresses
        policy = Policy(o.spell, o.action, a["MCD_PAUSE"], a["MCD_PAUSE_PROXY"], a["MCD_VAT"], a["MCD_VOW"],
                        a.get("MCD_JOIN_DAI", ""), self._names(),
                        lambda address: o.code_before.get(address.lower(), True), o.twin, self.e.date)
        policy.ether_to = frozenset(t.recipient.lower() for t in self.e.proxy_transfers if t.symbol == "ETH")
        return policy

    def other_times(self) -> None:
        """The same cast at other times must do the same, apart from what the YAML makes time-dependent."""
        from spellgen.verify.statediff import compare_diffs, explain

        o = self.o
        if not o.recasts:
            return
        names = self._names()
        first = getattr(self, "_first_changes", None)
        for r in o.recasts:
            when = iso(r.time)
            if not r.must_succeed:
                ok = r.error is not None
                hours = "officeHours() is true" if o.office_hours else "officeHours() is false"
                self.add(Result(f"a cast {r.label} reverts", "spell.office_hours", ok,
                                f"cast at {when}: " + (f"reverted ({r.error})" if ok else "succeeded"),
                                "" if ok else f"the cast at {when} worked outside office hours; {hours}, "
                                              "so execute() does not enforce what the getter says"))
                continue
            label = (f"the cast {r.label} ({when}) changes the same state" if not r.label.startswith("cast by") else
                     f"the {r.label} changes the same state")
            negative = self._negative_amounts(r.time)
            if negative:  # the spell's own arithmetic must revert then, as the YAML's amounts say
                reverted = r.error is not None
                self.add(Result(f"the cast {r.label} ({when}) reverts: an amount computed at the cast is negative "
                                "then", "spell", reverted,
                                f"cast at {when}: " + (f"reverted ({r.error})" if reverted else "succeeded"),
                                "" if reverted else f"at {when} {'; '.join(negative)}, yet the cast succeeded"))
                continue
            if r.error is not None:
                self.add(Result(label, "spell", False, f"cast at {when} reverted",
                                f"the cast at {when} reverted: {r.error}" +
                                ("" if o.office_hours else " (officeHours() is false, so it must work at any time)")))
                continue
            if r.state_diff is None:
                self.add(Result(label, "spell", False, "no state diff", "the node did not trace the cast"))
                continue
            changes, report = self._diff_problems(r.state_diff, r.timestamp, r.fee, r.miner, r.call_trace, r.sender,
                                                  owed=r.owed, chainlog_count=r.chainlog_count)
            # What the first cast already showed is reported there; here only what this time adds.
            problems = [p for p in report.problems if p not in getattr(self, "_first_problems", set())]
            if first is not None:
                ctx = self._context(r.timestamp, r.fee, r.miner, owed=r.owed, chainlog_count=r.chainlog_count)
                varying = {k for k, eff in explain(self.e, ctx).effects.items() if eff.time_dependent}
                # and the first cast's (a slot that depends on the chain, such as a new ChainLog key's place)
                cast = o.cast_receipt()
                varying |= {k for k, eff in explain(self.e, self._context(cast.timestamp, o.fee, o.miner)).effects.items()
                            if eff.time_dependent}
                problems += compare_diffs(first, changes, varying, names)
            self.add(Result(label, "spell", not problems, f"{report.changes} change(s), {report.explained} explained",
                            "; ".join(problems)))

    def interface(self) -> None:
        from spellgen.verify.spellabi import DSS_ACTION, DSS_EXEC, interface_problems

        o = self.o
        if not o.spell_abi:
            return
        problems = interface_problems(o.spell_abi, DSS_EXEC, "DssSpell", "DssExec")
        problems += interface_problems(o.action_abi, DSS_ACTION, "the action", "DssAction")
        self.add(_ok("interface: DssSpell's ABI is DssExec's, the action's is DssAction's", "spell",
                     f"{sum(1 for e in o.spell_abi if e.get('type') == 'function')} spell function(s), "
                     f"{sum(1 for e in o.action_abi if e.get('type') == 'function')} action function(s)", problems))

    @staticmethod
    def _received(before: dict[str, int], after: dict[str, int], items: list) -> int:
        """What the recipients of `items` received in all, each recipient counted once."""
        recipients = {item.recipient for item in items}
        return sum(after[r] - before[r] for r in recipients)


class EventLedger:
    """Accounts for each log of the cast: every one must be explained by a YAML item."""

    NOTE_SELECTORS = {"suck(address,address,uint256)", "move(address,address,uint256)"}

    def __init__(self, e: Expected, o: Observation, names: dict[str, str] | None = None):
        self.e, self.o = e, o
        self.names = names or {}  # address (lower case) -> chainlog name, as the state diff names contracts
        a = o.addresses
        self.proxy = a["MCD_PAUSE_PROXY"].lower()
        self.vests = {address.lower(): key for key, address in o.watched_vests.items()}
        self.tokens = {address.lower(): symbol for symbol, address in o.watched_tokens.items()}
        self.vat = a["MCD_VAT"].lower()
        self.held_before = o.before.held
        self.listed: list[str] = []  # --budget-only: events of contracts outside the budget, for the reviewer
        self.tried: list[tuple[str, str]] = []  # (emitter's chainlog name, the call) of each unexplained event

    def _expected_moves(self) -> tuple[Counter, set, Counter]:
        """The token movements, approvals and DSToken burns the declared items explain, as
        (symbol, src, dst, amount), (symbol, owner, spender) and (symbol, guy, amount): each action
        kind's (`token_events`, spellgen/spellfile/actions/)."""
        moves: Counter = Counter()
        approvals: set = set()
        burns: Counter = Counter()
        for kind in KINDS:
            events = kind.token_events(self.e, self)
            moves.update(events.moves)
            approvals.update(events.approvals)
            burns.update(events.burns)
        return moves, approvals, burns

    def who(self, address: str) -> str:
        """An account as a reviewer reads it: its chainlog name with its address, or the address alone."""
        if address == "0x" + "00" * 20:
            return "the zero address"
        name = self.names.get(address.lower())
        return f"{name} ({to_checksum(address)})" if name else to_checksum(address)

    @property
    def cast_time(self) -> int:
        return self.o.cast_receipt().timestamp

    @property
    def before(self):
        return self.o.before

    def address_of(self, key: str) -> str:
        return self.o.addresses.get(key, "").lower()

    def _bound_addresses(self) -> dict[str, str]:
        """The chainlog addresses the cast read, and those of the keys the actions bind that it did not read
        (a farm the distribution pays: REWARDS_LSSKY_SKY), as the chain facts of the spell's date give them."""
        from spellgen.spellfile.history import chainlog_at

        addresses = dict(self.o.addresses)
        if self.o.mkr_authority:  # MKR's authority as the chain answers it (a mintable MKR vest's rely)
            addresses.setdefault("MKR_AUTHORITY", self.o.mkr_authority)
        facts = chainlog_at(self.e.date) if self.e.date else {}
        for keys in self.e.bindings.values():
            addresses.update({k: facts[k] for k in keys if k not in addresses and k in facts})
        return addresses

    def award_before(self, vest: str, award: int):
        return self.o.before.awards.get((vest, award))

    def farm_of(self, dist: str) -> str:
        return self.o.farms.get(dist, "").lower()

    def vest_address(self, vest: str) -> str:
        return next((a for a, k in self.vests.items() if k == vest), "")

    def _declared_rely(self, t0: str, topics: list[str], relies: set[tuple[str, str]]) -> bool:
        """The Vat's note of `rely(usr)` for a ward an item adds (a suckable vest the spell onboards)."""
        selector = keccak256(b"rely(address)")[:4].hex()
        return t0.startswith("0x" + selector) and len(topics) > 2 and \
            (self.vat, "0x" + topics[2][-40:]) in relies

    def unexplained(self) -> list[str]:
        """Each log of the cast the YAML and the spell's machinery do not explain, or that has no state
        change behind it, named with its emitter, its arguments and the call that emitted it."""
        from spellgen.cast.named import decode_log
        from spellgen.verify.events import Resolver, call_of, declared, emitting_frames, storage_changed

        moves, approvals, burns = self._expected_moves()
        relies = {pair for kind in KINDS for pair in kind.token_events(self.e, self).relies}
        inits = Counter((a.vest, a.usr.lower()) for a in self.e.awards)  # each declared award, one Init
        # A farm's vest update creates an award to its distribution too.
        inits.update((f.vest, self.o.addresses.get(f.dist, "").lower()) for f in self.e.farm_updates)
        inits.update((f.vest, f.dist_address.lower()) for f in self.e.farm_inits)  # a farm init's award
        started: set = set()  # (vest, id) of the awards whose Init a declared stream explains
        restricted = {k for k, w in self.o.new_awards.items() if w.res == 1}
        # A farm's vest update yanks the award its distribution holds and may file the vest's cap.
        yanks = {(y.vest, y.award) for y in self.e.yanks} | {(r.vest, r.award) for r in self.e.repairs} \
            | {(f.vest, f.award) for f in self.e.farm_updates}
        caps = {c.vest for c in self.e.caps} | {f.vest for f in self.e.farm_updates} | {f.vest for f in self.e.farm_inits}
        self.repaired = {(r.vest, r.award) for r in self.e.repairs}  # their Unrestrict and Vest events
        allowed = declared(self.e, Resolver(self._bound_addresses(), self.o.watched_tokens, self.o.watched_vests))
        frames = emitting_frames(self.o.call_trace)
        changed = storage_changed(self.o.state_diff)
        out: list[str] = []
        self.listed.clear()
        self.tried.clear()
        # the callTracer numbers the logs within the transaction, in the receipt's order
        for index, log in enumerate(self.o.cast_receipt().logs):
            address = log["address"].lower()
            topics = [bytes(t).hex() for t in log["topics"]]
            data = bytes(log["data"])
            t0 = "0x" + topics[0] if topics else ""
            event = decode_log(log["topics"], data, self.names)
            key = f"LogNote({event.function})" if event.name == "LogNote" else event.name
            problem: str | None = None
            if address in self.tokens:
                problem = self._token_event(self.tokens[address], t0, topics, data, moves, approvals, burns,
                                            event.text)
            elif address in self.vests:
                problem = self._vest_event(self.vests[address], t0, topics, inits, started, restricted, yanks, caps,
                                           event.text)
            elif address == self.vat:
                paying = self.e.payments or self.e.usds_payments or self.e.computed_payments or self.e.repairs
                if not (paying and self._payment_mechanics(t0, topics)) and \
                        not (self.e.allocator_payments and self._allocator_mechanics(t0, topics)) and \
                        not (self.e.surplus_returns and self._return_mechanics(t0, topics)) and \
                        not self._declared_rely(t0, topics, relies):
                    problem = (f"{self.names.get(self.vat, 'MCD_VAT')} emitted {self._vat_event(t0, topics, data)}, "
                               "which no declared payment explains")
            elif allowed.counts[(address, key)] > 0:
                allowed.counts[(address, key)] -= 1
            elif self.e.budget_only and address != self.proxy:
                self.listed.append(f"{self.who(address)}: {event.text}")
                continue
            else:
                problem = (f"{self.who(address)} emitted {event.text}, which neither a YAML item nor the spell's own "
                           "machinery (the pause's exec) explains")
            if problem is None and changed is not None and address not in changed \
                    and (address, key) not in allowed.state_free:
                problem = (f"{self.who(address)} emitted {event.text} with no state change behind it (its storage "
                           "did not change in the cast), and no YAML item declares it state-free")
            elif problem is not None and changed is not None and address not in changed:
                problem += " (and its storage did not change in the cast)"
            if problem is not None:
                call = call_of(frames.get(index), self.names)
                out.append(f"{problem} (the call: {call})" if call else problem)
                if call:
                    self.tried.append((self.names.get(address, ""), f"the code tried {call}"))
        return out

    def _token_event(self, symbol, t0, topics, data, moves, approvals, burns, text) -> str | None:
        """A budget token's log is explained by a declared item: a payment (DAI minted by the join,
        USDS through DaiUsds), a treasury transfer, a conversion through MKR_SKY, or an allowance."""
        first = "0x" + topics[1][-40:] if len(topics) > 1 else ""
        second = "0x" + topics[2][-40:] if len(topics) > 2 else ""
        amount = int.from_bytes(data[:32], "big") if data else 0
        if t0 == topic("Transfer(address,address,uint256)"):
            key = (symbol, first, second, amount)
            if moves[key] > 0:
                moves[key] -= 1
                return None
            return (f"{symbol} moved from {self.who(first)} to {self.who(second)}: {_wad(amount, symbol)} "
                    "is not a declared action")
        if t0 == topic("Approval(address,address,uint256)"):
            if (symbol, first, second) in approvals:
                return None
            return f"{symbol} approval from {self.who(first)} to {self.who(second)} is not a declared allowance"
        if t0 == topic("Burn(address,uint256)"):  # DSToken (MKR) logs its burns
            burn = (symbol, first, amount)
            if burns[burn] > 0:
                burns[burn] -= 1
                return None
            return f"{symbol} burnt from {self.who(first)}: {_wad(amount, symbol)} is not a declared conversion"
        return f"{symbol} emitted {text}, which no YAML item declares"

    def _vest_event(self, vest, t0, topics, inits, started, restricted, yanks, caps, text) -> str | None:
        """An Init of a declared stream (one per declared award of that vest and recipient), the Restrict
        of such an award, a declared yank, a declared cap; anything else is named with its arguments."""
        award = (vest, int(topics[1], 16)) if len(topics) > 1 else None
        if t0 == topic("Init(uint256,address)") and award in self.o.new_awards and len(topics) > 2:
            usr = "0x" + topics[2][-40:]
            if inits[(vest, usr)] > 0:
                inits[(vest, usr)] -= 1
                started.add(award)
                return None
            return f"{vest} emitted {text}: an award no YAML stream declares"
        if t0 == topic("Restrict(uint256)") and award in started and award in restricted:
            return None
        if t0 == topic("Yank(uint256,uint256)") and award in yanks:
            return None
        if t0 == topic("File(bytes32,uint256)") and vest in caps:
            return None
        claimed = {(d.vest, d.award) for d in self.e.distributions} | {(f.vest, f.award) for f in self.e.farm_updates}
        # A farm init distributes the award it creates (numbered after the vest's ids before the cast).
        claimed |= {(f.vest, self.o.before.ids.get(f.vest, 0) + f.nth) for f in self.e.farm_inits}
        if t0 == topic("Vest(uint256,uint256)") and (vest, int(topics[1], 16)) in claimed:
            return None  # a farm's distribute() claims its award
        if t0 in (topic("Unrestrict(uint256)"), topic("Vest(uint256,uint256)")) and \
                (vest, int(topics[1], 16)) in getattr(self, "repaired", set()):
            return None
        return f"{vest} emitted {text}, which no YAML item declares"

    def _vat_event(self, t0: str, topics: list[str], data: bytes) -> str:
        """A Vat log in words: the twin's named events with their accounts by name and their RAD as DAI;
        mainnet's anonymous notes by their selector."""
        from spellgen.verify.statediff import rad_text

        args = [self.who("0x" + t[-40:]) for t in topics[1:3]]
        rad = int.from_bytes(data[:32], "big") if len(data) >= 32 else None
        amount = f", {rad_text(rad)}" if rad is not None else ""
        for signature in ("Suck(address,address,uint256)", "Move(address,address,uint256)", "Hope(address,address)"):
            if t0 == topic(signature):
                return f"{signature.split('(')[0]}({', '.join(args)}{amount if 'uint256' in signature else ''})"
        return f"an event with topic {t0[:10]}"

    def _payment_mechanics(self, t0: str, topics: list[str]) -> bool:
        """Vat.suck (vow -> PauseProxy) and Vat.move (PauseProxy -> join) are how a payment works.

        The twin's Vat names these events; mainnet's Vat logs anonymous notes whose first topic is
        the called function's selector.
        """
        named = {topic("Suck(address,address,uint256)"), topic("Move(address,address,uint256)"),
                 topic("Hope(address,address)")}
        if t0 in named:
            return True
        selectors = {topic(s)[:10] for s in self.NOTE_SELECTORS}
        return t0[:10] in selectors and t0[10:].strip("0") == ""

    def _return_mechanics(self, t0: str, topics: list[str]) -> bool:
        """A return to the surplus buffer's Vat note: the join moving its dai to the Vow (mainnet's anonymous
        note: the selector, the caller, then `src` and `dst`)."""
        if t0[:10] != topic("move(address,address,uint256)")[:10] or t0[10:].strip("0") != "" or len(topics) < 4:
            return False
        a = self.o.addresses
        joins = {a.get(key, "").lower() for key in ("MCD_JOIN_DAI", "USDS_JOIN")} - {""}
        return "0x" + topics[2][-40:] in joins and "0x" + topics[3][-40:] == a["MCD_VOW"].lower()

    ALLOCATOR_SELECTORS = {"fold(bytes32,address,int256)", "grab(bytes32,address,address,address,int256,int256)"}

    def _allocator_mechanics(self, t0: str, topics: list[str]) -> bool:
        """An allocator payment's Vat notes: drip's fold of the ilk's rate, the suck from the Vow to itself, and
        the grab into the vault's urn (mainnet's anonymous notes: the selector, the caller, two arguments)."""
        if t0[10:].strip("0") != "":
            return False
        vow = self.o.addresses["MCD_VOW"].lower()
        if t0[:10] == topic("suck(address,address,uint256)")[:10]:
            return len(topics) > 3 and "0x" + topics[2][-40:] == vow == "0x" + topics[3][-40:]
        return t0[:10] in {topic(s)[:10] for s in self.ALLOCATOR_SELECTORS}


def _count_frames(frame: dict) -> int:
    return 1 + sum(_count_frames(c) for c in frame.get("calls") or [])


def verify(expected: Expected, obs: Observation, control: dict, gas: GasLimits = GasLimits()) -> list[Result]:
    return Verifier(expected, obs, control, gas).run()
