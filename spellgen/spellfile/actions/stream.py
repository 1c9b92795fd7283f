"""`stream`: a new DssVest award, `restrict(create(usr, tot, bgn, tau, eta, mgr))`, dated or from the cast."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from spellgen.spellfile import solidity as sol
from spellgen.spellfile import timeutil
from spellgen.spellfile.actions import common
from spellgen.spellfile.actions.base import (
    Action, Block, BrownieContext, Check, CheckContext, DocClaim, Effects, EventView, Flow, Party, SolidityContext,
    StateEffect, StateView, StreamTerms, SummaryRow, TokenEvents,
)
from spellgen.spellfile.actions.fields import AMOUNT, CAST_START, DURATION, INSTANT, NONE_OR, PARTY, VEST
from spellgen.spellfile.amounts import human, to_wei
from spellgen.spellfile.protocol import RAY, TWENTY_YEARS, UINT128_MAX, VESTS

if TYPE_CHECKING:
    from spellgen.spellfile.expect import Expected, Item
    from spellgen.spellfile.model import Spell

CAST_START_TEXT = re.compile(r"^cast(?:\s*([+-])\s*(.+))?$")
ZERO = "0x0000000000000000000000000000000000000000"


@dataclass
class Stream(Action):
    vest: str
    to: Party
    total: Decimal
    start: int
    end: int
    end_style: str  # "date" (inclusive last day), "timestamp", or "duration"
    duration: int | None = None  # seconds, when end_style == "duration"
    cliff: int | None = None  # absolute time, None without a cliff
    cliff_style: str = "none"  # "none", "date", "timestamp" or "duration"
    manager: Party | None = None
    restricted: bool = True
    comment: str | None = None
    # `start: cast` / `cast - 7 days`: bgn is block.timestamp plus this offset (seconds, may be
    # negative); `start` and `end` then hold an estimate (the spell's date 00:00 UTC plus the offset).
    cast_offset: int | None = None

    KIND: ClassVar[str] = "stream"
    LABEL: ClassVar[str] = "stream"
    FIELDS: ClassVar[dict[str, bool]] = {"type": True, "vest": True, "to": True, "total": True, "start": True,
                                         "end": False, "duration": False, "cliff": False, "manager": False,
                                         "restricted": False, "comment": False}
    README: ClassVar[str] = "`stream`"
    RECORDED: ClassVar[int] = 5
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = ("create", "restrict")
    CHECK_RANK: ClassVar[int] = 1
    EXPLAIN_RANK: ClassVar[int] = 4
    EFFECTS: ClassVar[Effects] = Effects(
        calls=(("VEST", "create"), ("VEST", "restrict")),
        reads=("block.timestamp (start: cast)",),
        branches=(),
        state=(("VEST", "ids"), ("VEST", "awards[id]")),
        events=(("VEST", "Init(id, usr)"), ("VEST", "Restrict(id)")),
        variants=(("restricted: false", (("VEST", "Init(id, usr)"),)),),
        used_by=("checks, run by verify/compare.py: the new award's fields, the count per vest, the payout at its end",
                 "state_effects, applied by verify/statediff.py: its storage changes",
                 "verify/compare.py: Init and Restrict among the vest's events"))

    @property
    def at_cast(self) -> bool:
        return self.cast_offset is not None

    @property
    def tau(self) -> int:
        return self.end - self.start

    @property
    def eta(self) -> int:
        return 0 if self.cliff is None else self.cliff - self.start

    @property
    def wei(self) -> int:
        return to_wei(self.total)

    @property
    def token(self) -> str:
        return VESTS[self.vest].token

    # -- YAML ----------------------------------------------------------------------------------------
    def event_form(self, spell: Spell, before: Any, cast_time: int) -> str:
        return "" if self.restricted else "restricted: false"

    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        return "A new DssVest award: restrict(create(usr, tot, bgn, tau, eta, mgr)).", {
            "vest": VEST, "to": PARTY, "total": AMOUNT,
            "start": {"description": "A date (00:00:00 UTC), a UTC timestamp, or `cast` / `cast - 7 days`.",
                      "anyOf": [INSTANT, CAST_START]},
            "end": {**INSTANT, "description": "An inclusive last day (23:59:59 UTC) or a UTC timestamp."},
            "duration": {**DURATION, "description": "Instead of end: the length, e.g. `365 days`."},
            "cliff": {"description": "none, a date (00:00:00 UTC), a UTC timestamp, or a duration from the start.",
                      "anyOf": [NONE_OR, INSTANT, DURATION]},
            "manager": {"description": "none, a wallet name or an address allowed to yank.", "type": "string"},
            "restricted": {"type": "boolean", "description": "Only the recipient may claim (default true)."},
            "comment": comment}

    @classmethod
    def parse(cls, p, node) -> Stream | None:
        e = node.entries
        vest = p.vest(e["vest"], "the vest")
        token = VESTS[vest].token if vest else None
        to = p.party(e["to"], "the recipient")
        total = p.r.amount(e["total"], "the stream total", token)
        offset = _cast_offset(p, e["start"])
        if offset is not None:
            return _cast_stream(p, node, vest, to, total, offset)
        start = p.r.instant(e["start"], "the start", "start")
        if ("end" in e) == ("duration" in e):
            p.r.error(node.loc, "a stream needs exactly one of `end` (last day or UTC time) and `duration`")
            return None
        end_style, duration, end = "duration", None, None
        if "end" in e:
            parsed = p.r.instant(e["end"], "the end", "end")
            if parsed:
                end, end_style = parsed[0], "date" if parsed[1] else "timestamp"
        else:
            duration = p.r.duration(e["duration"], "the duration")
            if duration is not None and start is not None:
                end = start[0] + duration
        cliff, cliff_style = _cliff(p, e.get("cliff"), start[0] if start else None)
        terms = _manager_and_restriction(p, e)
        if terms is None:
            return None
        manager, restricted = terms
        if vest is None or to is None or total is None or start is None or end is None or restricted is None \
                or cliff_style is None:
            return None
        return cls(vest, to, total, start[0], end, end_style, duration, cliff, cliff_style, manager,
                   restricted, p.comment(e))

    # -- checks --------------------------------------------------------------------------------------
    def check(self, ctx: CheckContext) -> None:
        diags = ctx.diags
        now = timeutil.day_start(timeutil.parse_date(ctx.spell.date))
        if not self.restricted and not (self.comment or "").strip():
            diags.warn(self.loc("restricted"), "restricted: false lets anyone claim for the recipient; say why "
                                               "in the action's comment")
        if self.end <= self.start:
            diags.error(self.loc("end" if "end" in self.locs else "duration"),
                        f"the stream ends ({timeutil.iso(self.end)}) before it starts ({timeutil.iso(self.start)})")
            return
        if self.cliff is not None and not self.start <= self.cliff <= self.end:
            diags.error(self.loc("cliff"), f"the cliff {timeutil.iso(self.cliff)} is outside the stream's period "
                                           f"{timeutil.iso(self.start)} to {timeutil.iso(self.end)}")
        if self.tau > TWENTY_YEARS:
            diags.error(self.loc("end"), "the stream lasts more than twenty years (DssVest/tau-too-long)")
        if not now - TWENTY_YEARS < self.start < now + TWENTY_YEARS:
            diags.error(self.loc("start"), "the start must lie within twenty years of the spell's date "
                                           "(DssVest/bgn-too-far, DssVest/bgn-too-long-ago)")
        if self.wei > UINT128_MAX:
            diags.error(self.loc("total"), "the total does not fit DssVest's uint128 `tot`")
        if self.manager is not None and self.manager.address == self.to.address:
            diags.warn(self.loc("manager"), "the manager is the recipient: it could yank its own stream")
        if self.end_style == "timestamp" and timeutil.utc(self.end).strftime("%H:%M:%S") not in ("23:59:59",
                                                                                                  "00:00:00"):
            diags.warn(self.loc("end"), f"the stream ends at {timeutil.iso(self.end)}, neither the start nor the "
                                        "end of a day: is that intended?")

    @classmethod
    def check_kind(cls, actions: list, ctx: CheckContext) -> None:
        by_owner: dict[tuple[str, str], list[Stream]] = defaultdict(list)
        for s in actions:
            for other in by_owner[(s.vest, s.to.address)]:
                if (other.start, other.end, other.total) == (s.start, s.end, s.total):
                    ctx.diags.error(s.loc(), f"the same stream is declared twice (see line {other.loc().line})")
                elif s.start <= other.end and other.start <= s.end:
                    ctx.diags.warn(s.loc("start"), f"this stream overlaps another one to {s.to.label} on {s.vest} "
                                                   f"(line {other.loc().line})")
            by_owner[(s.vest, s.to.address)].append(s)

    def rate(self) -> tuple[str, int, int, Decimal] | None:
        return (self.vest, self.wei, self.tau, self.total) if self.tau > 0 and self.wei <= UINT128_MAX else None

    # -- Solidity ------------------------------------------------------------------------------------
    def solidity(self, ctx: SolidityContext) -> Block:
        vest = f"{ctx.type('vest', 'create', *(['restrict'] if self.restricted else []))}({self.vest})"
        total, note = ctx.wei(self.total)
        if self.at_cast:
            return self._cast_solidity(ctx, vest, total, note)
        bgn = ctx.date(self.start)
        if self.end_style == "duration":
            tau = timeutil.solidity_duration(self.duration or self.tau)
        else:
            tau = f"{ctx.date(self.end)} - {bgn}"
        if self.cliff is None:
            eta, eta_note = "0", "eta: no cliff"
        elif self.cliff_style == "duration":
            eta, eta_note = timeutil.solidity_duration(self.eta), f"eta: cliff {timeutil.iso(self.cliff)}"
        else:
            eta, eta_note = f"{ctx.date(self.cliff)} - {bgn}", f"eta: cliff {timeutil.iso(self.cliff)}"
        args = [
            (f"{common.code(self.to)},", "usr"),
            (f"{total},", "tot" + (f" ({ctx.style.note(self.token)})" if note else "")),
            (f"{bgn},", "bgn"),
            (f"{tau},", f"tau: {timeutil.human_duration(self.tau)}"),
            (f"{eta},", eta_note),
            (common.code(self.manager), "mgr" + (f": {self.manager.label}" if self.manager else ": none")),
        ]
        return Block(ctx.with_comment(self, [self._head()]), self._create(vest, args))

    def _create(self, vest: str, args: list[tuple[str, str]]) -> list[str]:
        width = max(len(code) for code, _ in args)
        create = [f"    {code.ljust(width)} // {sol.comment(note_)}" for code, note_ in args]
        if self.restricted:
            return [f"{vest}.restrict(", f"    {vest}.create("] + ["    " + c for c in create] + ["    )", ");"]
        return [f"{vest}.create("] + create + [");"]

    def _cast_solidity(self, ctx: SolidityContext, vest: str, total: str, note: bool) -> Block:
        """bgn = block.timestamp (+/- an offset), tau and eta as durations, as 2025-26 spells write them."""
        offset = self.cast_offset or 0
        bgn = "block.timestamp" if offset == 0 else \
            f"block.timestamp {'-' if offset < 0 else '+'} {timeutil.solidity_duration(abs(offset))}"
        eta = "0" if self.cliff is None else timeutil.solidity_duration(self.eta)
        args = [
            (f"{common.code(self.to)},", "usr"),
            (f"{total},", "tot" + (f" ({ctx.style.note(self.token)})" if note else "")),
            (f"{bgn},", "bgn: the cast" + (f" {'minus' if offset < 0 else 'plus'} "
                                           f"{timeutil.human_duration(abs(offset))}" if offset else "")),
            (f"{timeutil.solidity_duration(self.tau)},", f"tau: {timeutil.human_duration(self.tau)}"),
            (f"{eta},", "eta: no cliff" if self.cliff is None else f"eta: cliff {timeutil.human_duration(self.eta)} "
                                                                   "after bgn"),
            (common.code(self.manager), "mgr" + (f": {self.manager.label}" if self.manager else ": none")),
        ]
        parts = [self.to.label, f"from: {bgn}", f"tau: {timeutil.human_duration(self.tau)}",
                 f"{human(self.total)} {self.token}"]
        if self.to.name or self.to.chainlog:
            parts.append(self.to.address)
        parts += ["Cliff: " + ("none" if self.cliff is None else f"{timeutil.human_duration(self.eta)} after bgn"),
                  f"Restricted: {'Yes' if self.restricted else 'No'}"]
        return Block(ctx.with_comment(self, [" | ".join(parts)]), self._create(vest, args))

    def _head(self) -> str:
        start_end_of_day = timeutil.utc(self.start).strftime("%H%M%S") == "000000" and \
            timeutil.utc(self.end).strftime("%H%M%S") == "235959"
        period = f"{timeutil.iso_date(self.start)} to {timeutil.iso_date(self.end)}" if start_end_of_day \
            else f"{timeutil.iso(self.start)} to {timeutil.iso(self.end)}"
        cliff = timeutil.iso(self.cliff) if self.cliff is not None else "none"
        parts = [self.to.label, period, f"{human(self.total)} {self.token}"]
        if self.to.name or self.to.chainlog:
            parts.append(self.to.address)
        parts += [f"Cliff: {cliff}", f"Restricted: {'Yes' if self.restricted else 'No'}"]
        return " | ".join(parts)

    def chainlog_keys(self) -> set[str]:
        return {self.vest}

    def date_stamps(self) -> set[int]:
        if self.at_cast:
            return set()
        stamps = {self.start}
        if self.end_style != "duration":
            stamps.add(self.end)
        if self.cliff is not None and self.cliff_style != "duration":
            stamps.add(self.cliff)
        return stamps

    def code_parties(self) -> list[Party]:
        return [self.to] + ([self.manager] if self.manager is not None else [])

    # -- what the chain must show --------------------------------------------------------------------
    def expect(self, spell: Spell, out: Expected) -> None:
        from spellgen.spellfile.expect import Item, NewAward

        token = self.token
        mgr, res = self.manager.address if self.manager else ZERO, 1 if self.restricted else 0
        if self.at_cast:
            offset = self.cast_offset or 0
            start = "the cast" if offset == 0 else \
                f"the cast {'-' if offset < 0 else '+'} {timeutil.human_duration(abs(offset))}"
            item = Item(f"stream: {human(self.total)} {token} to {self.to.label} on {self.vest}, "
                        f"from {start} for {timeutil.human_duration(self.tau)}", self.path)
            out.awards.append(NewAward(item, self.vest, self.to.address, offset, offset + self.eta,
                                       offset + self.tau, mgr, res, to_wei(self.total), token, cast_offset=offset))
            return
        item = Item(f"stream: {human(self.total)} {token} to {self.to.label} on {self.vest}, "
                    f"{timeutil.iso(self.start)} to {timeutil.iso(self.end)}", self.path)
        out.awards.append(NewAward(item, self.vest, self.to.address, self.start, self.start + self.eta, self.end,
                                   mgr, res, to_wei(self.total), token))

    # -- reports -------------------------------------------------------------------------------------
    def _offset_text(self) -> str:
        offset = self.cast_offset
        if not offset:
            return ""
        return f" {'-' if offset < 0 else '+'} {timeutil.human_duration(abs(offset))}"

    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        """The count of new awards on every vest the spell names, and each new award's fields and payout."""
        out = []
        for vest in e.vests:
            count = e.new_awards_per_vest.get(vest, 0)
            got = o.after.ids[vest] - o.before.ids[vest]
            out.append(common.ok(f"new awards on {vest}: {count}", "spell",
                                 f"ids {o.before.ids[vest]} -> {o.after.ids[vest]}",
                                 common.compare([("new awards", count, got)])))
        by_vest: dict[str, list[tuple[int, Any]]] = defaultdict(list)
        for (vest, award), state in sorted(o.new_awards.items()):
            by_vest[vest].append((award, state))
        seen: Counter[str] = Counter()
        for want in e.awards:
            index = seen[want.vest]
            seen[want.vest] += 1
            created = by_vest[want.vest]
            if index >= len(created):
                out.append(Check(want.item.label, want.item.path, False, "no award",
                                 "the cast created no award for it"))
                continue
            out.append(_award_check(o, want, *created[index]))
        return out

    @classmethod
    def state_effects(cls, e: Expected, view: StateView) -> list[StateEffect]:
        """Each new award's three words at the next ids of its vest, and each vest's ids raised."""
        seen: Counter[str] = Counter()
        out = []
        for w in getattr(e, "awards", []):
            seen[w.vest] += 1
            award_id = view.ids_before[w.vest] + seen[w.vest]
            # A stream that starts at the cast (a model with `times(cast_time)`) has cast-relative times.
            bgn, clf, fin = w.times(view.cast_time) if hasattr(w, "times") else (w.bgn, w.clf, w.fin)
            at_cast = getattr(w, "cast_offset", None) is not None
            for i, word in enumerate(common.pack_award(w.usr, bgn, clf, fin, w.mgr, w.res, w.tot, 0)):
                out.append(StateEffect(w.vest, "awards", (award_id,), value=word,
                                       label=f"{w.item.label} (award {award_id})", unit=f"award{i}",
                                       time_dependent=at_cast and i < 2, layout="DssVest", offset=i))
        for vest_key, count in seen.items():
            out.append(StateEffect(vest_key, "ids", (), delta=count, label=f"{count} new award(s) on {vest_key}",
                                   layout="DssVest"))
        return out

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        return TokenEvents()  # its events are the vest's own (verify's vest-event check)

    def summary_row(self, spell: Spell) -> SummaryRow:
        period = f"{common.utc(self.start)} to {common.utc(self.end)}" if not self.at_cast else \
            f"from the cast{self._offset_text()} for {timeutil.human_duration(self.tau)}"
        return SummaryRow(f"stream on {self.vest}", common.recipient(self.to), self.to.address, self.token,
                          common.amount_text(self.total, self.token), period,
                          common.utc(self.cliff) if self.cliff is not None else "none",
                          "yes" if self.restricted else "no")

    def diff_fields(self, spell: Spell) -> dict[str, str]:
        at_cast = None if not self.at_cast else "the cast" + self._offset_text()
        return {"vest": self.vest, "to": common.diff_party(self.to),
                "total": common.amount_text(self.total, self.token),
                "start": at_cast or timeutil.iso(self.start),
                "end": f"{timeutil.human_duration(self.tau)} after the start" if at_cast else timeutil.iso(self.end),
                "cliff": common.when(self.cliff), "manager": common.diff_party(self.manager),
                "restricted": "yes" if self.restricted else "no", "comment": common.comment_of(self)}

    def identity(self) -> tuple:
        return ("stream", self.vest, self.to.address, self.start, self.end)

    def period_identity(self) -> tuple:
        return (self.vest, self.to.address)

    # -- totals and the budget -----------------------------------------------------------------------
    def paid_tokens(self) -> dict[str, Decimal]:
        return {}

    def streamed(self) -> tuple[str, Decimal]:
        return self.token, self.total

    def stream_terms(self) -> StreamTerms:
        return StreamTerms(self.vest, self.to, self.token, self.total, self.start, self.end, self.eta)

    def stream_vest(self) -> str:
        return self.vest

    def flow(self) -> Flow:
        return Flow("stream", self.token, self.total, (self.start, self.end))

    def ledger_fields(self, name: Callable[[Party], str]) -> list[str]:
        fields = ["type: stream", f"vest: {self.vest}", f"to: {name(self.to)}", f"total: {human(self.total)}",
                  f"start: {timeutil.stamp(self.start)}", f"end: {timeutil.stamp(self.end)}"]
        if self.cliff is not None:
            fields.append(f"cliff: {timeutil.stamp(self.cliff)}")
        if self.manager is not None:
            fields.append(f"manager: {name(self.manager)}")
        if not self.restricted:
            fields.append("restricted: false")
        return fields

    def doc_line(self, spell: Spell) -> str:
        when = f"from the cast{self._offset_text()} for {timeutil.human_duration(self.tau)}" if self.at_cast else \
            f"from {timeutil.iso(self.start)} to {timeutil.iso(self.end)}"
        cliff = "no cliff" if self.cliff is None else f"cliff {timeutil.iso(self.cliff)}"
        return (f"- A new stream on {self.vest} of **{human(self.total)} {self.token}** to "
                f"{common.doc_party(self.to)}, {when}, {cliff}")

    def doc_claims(self) -> list[DocClaim]:
        return [DocClaim(self.token, (self.total,), self.to.address.lower(), self.to.label, "total",
                         restricted=self.restricted)]

    # -- Brownie -------------------------------------------------------------------------------------
    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        out = []
        awards = ctx.expected.awards
        for index, award in enumerate(awards):
            if award.item.path != self.path:
                continue
            nth = sum(1 for a in awards[:index + 1] if a.vest == award.vest)
            if award.cast_offset is None:
                times = "".join(f"    assert award.{name} == {common.time_literal(value)}\n"
                                for name, value in (("bgn", award.bgn), ("clf", award.clf), ("fin", award.fin)))
            else:  # relative to the cast: bgn = block.timestamp + offset
                relative = (("bgn", award.bgn, "the cast" + self._offset_text()),
                            ("clf", award.clf, "the cliff, after bgn"), ("fin", award.fin, "bgn + tau"))
                times = "".join(f"    assert award.{name} == cast.cast_time + {value}  # {what}\n"
                                for name, value, what in relative)
            out.append((award.item,
                        f'    award = cast.new_award("{award.vest}", {nth})  # the cast\'s new award number {nth} '
                        f'on {award.vest}\n'
                        f"    assert award.usr == {ctx.party(award.usr)}\n"
                        + times +
                        f"    assert award.mgr == {ctx.party(award.mgr)}\n"
                        f"    assert award.res == {award.res}\n"
                        f"    assert award.tot == {common.wei_literal(award.tot)}  # "
                        f"{common.token_amount(award.tot)} {award.token}\n"
                        "    assert award.rxd == 0\n"
                        f'    assert cast.vested_at_end("{award.vest}", {nth}) == {common.wei_literal(award.tot)}  '
                        "# all of it, at fin\n"))
        return out


def _award_check(o: Any, want: Any, award: int, got: Any) -> Check:
    """A new award against its stream: every field, and what vesting it to its end paid."""
    wad, iso = common.wad, timeutil.iso
    # A stream that starts at the cast is judged against the cast's own block time.
    bgn, clf, fin = want.times(o.cast.timestamp)
    problems = common.compare([
        ("usr", want.usr, got.usr), ("bgn", iso(bgn), iso(got.bgn)), ("clf", iso(clf), iso(got.clf)),
        ("fin", iso(fin), iso(got.fin)), ("tau", fin - bgn, got.fin - got.bgn),
        ("mgr", want.mgr, got.mgr), ("res", want.res, got.res),
        ("tot", wad(want.tot, want.token), wad(got.tot, want.token)), ("rxd", 0, got.rxd),
    ])
    payout = next((p for p in o.payouts if (p.vest, p.award) == (want.vest, award)), None)
    if payout is None or payout.error:
        problems.append(payout.error if payout else "not vested in the simulation")
    else:
        if payout.paid != got.tot - got.rxd:
            problems.append(f"vesting to fin paid {wad(payout.paid, want.token)}, "
                            f"not tot - rxd = {wad(got.tot - got.rxd, want.token)}")
        if payout.sin is not None and payout.sin != payout.paid * RAY:
            problems.append(f"vat.sin(vow) rose by {payout.sin}, not paid * RAY")
    evidence = (f"{want.vest} id {award}: usr {got.usr}, {iso(got.bgn)} to {iso(got.fin)}, "
                f"tot {wad(got.tot, want.token)}, res {got.res}"
                + (f"; vested at fin: {wad(payout.paid, want.token)}" if payout and not payout.error else ""))
    return common.ok(want.item.label, want.item.path, evidence, problems)


# -- parsing helpers ---------------------------------------------------------------------------------

def _manager_and_restriction(p, e) -> tuple[Party | None, bool | None] | None:
    """A stream's `manager` (None when absent or `none`) and `restricted` (true unless stated);
    None when the manager is invalid (its error is already reported)."""
    manager = None
    if "manager" in e and not p.r.is_none(e["manager"]):
        manager = p.party(e["manager"], "the manager")
        if manager is None:
            return None
    return manager, (p.r.boolean(e["restricted"], "restricted") if "restricted" in e else True)


def _cast_offset(p, node) -> int | None | bool:
    """`cast`, `cast - 7 days`, `cast + 1 hour` -> the offset in seconds; None when not such a start;
    False (falsy but not None) when it is one, written wrongly (already reported)."""
    text = node.text.strip() if node.kind == "scalar" else ""
    match = CAST_START_TEXT.match(text)
    if not match:
        return None
    if match.group(1) is None:
        return 0
    try:
        seconds = timeutil.parse_duration(match.group(2))
    except timeutil.DateError as exc:
        p.r.error(node.loc, f"the start: {exc}")
        return False
    return seconds if match.group(1) == "+" else -seconds


def _cast_stream(p, node, vest, to, total, offset) -> Stream | None:
    """A stream that starts at the cast: bgn = block.timestamp (+ offset), tau and eta durations."""
    e = node.entries
    if offset is False:
        return None
    if "end" in e or "duration" not in e:
        p.r.error(e["end"].loc if "end" in e else node.loc,
                  "a stream that starts at the cast needs `duration` (its end is not known before the cast)")
        return None
    duration = p.r.duration(e["duration"], "the duration")
    cliff = None
    if "cliff" in e and not p.r.is_none(e["cliff"]):
        text = p.r.scalar(e["cliff"], "the cliff")
        try:
            cliff = timeutil.parse_duration(text or "")
        except timeutil.DateError:
            p.r.error(e["cliff"].loc, "the cliff of a stream that starts at the cast must be a duration "
                                      "from the start, e.g. `90 days`")
            return None
    terms = _manager_and_restriction(p, e)
    if terms is None:
        return None
    manager, restricted = terms
    if vest is None or to is None or total is None or duration is None or restricted is None:
        return None
    # An estimate for the checks and the reports: the cast is at the earliest on the spell's date.
    start = timeutil.day_start(timeutil.parse_date(p.spell_date)) + offset if p.spell_date else 0
    return Stream(vest, to, total, start, start + duration, "duration", duration,
                  None if cliff is None else start + cliff, "none" if cliff is None else "duration",
                  manager, restricted, p.comment(e), cast_offset=offset)


def _cliff(p, node, start: int | None) -> tuple[int | None, str | None]:
    if node is None or p.r.is_none(node):
        return None, "none"
    text = p.r.scalar(node, "the cliff")
    if text is None:
        return None, None
    try:  # a duration counts from the start; anything else must be a date or UTC time
        seconds = timeutil.parse_duration(text)
    except timeutil.DurationTooLong as exc:
        p.r.error(node.loc, f"the cliff: {exc}")
        return None, None
    except timeutil.DateError:
        parsed = p.r.instant(node, "the cliff", "start")
        return (parsed[0], "date" if parsed[1] else "timestamp") if parsed else (None, None)
    if start is None:
        return None, None
    return start + seconds, "duration"
