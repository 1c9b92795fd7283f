"""`yank`: end an existing DssVest award, at the cast or at a planned end."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from spellgen.spellfile import timeutil
from spellgen.spellfile.actions import common
from spellgen.spellfile.actions.base import (
    Action, Block, BrownieContext, Check, CheckContext, DocClaim, Effects, EventView, Flow, Party, SolidityContext,
    StateEffect, StateView, SummaryRow, TokenEvents,
)
from spellgen.spellfile.actions.fields import INSTANT, PARTY, VEST
from spellgen.spellfile.protocol import VESTS

if TYPE_CHECKING:
    from spellgen.spellfile.expect import Expected, Item
    from spellgen.spellfile.model import Spell


@dataclass
class Yank(Action):
    vest: str
    id: int
    end: int | None = None  # planned end; None = at cast time
    recipient: Party | None = None  # what the award should belong to, checked before the cast
    current_end: int | None = None  # the award's fin before the yank, checked before the cast
    comment: str | None = None

    KIND: ClassVar[str] = "yank"
    LABEL: ClassVar[str] = "yank"
    FIELDS: ClassVar[dict[str, bool]] = {"type": True, "vest": True, "id": True, "end": False, "recipient": False,
                                         "current_end": False, "comment": False}
    README: ClassVar[str] = "`yank`"
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = ("yank",)
    CHECK_RANK: ClassVar[int] = 7
    EXPLAIN_RANK: ClassVar[int] = 5
    EFFECTS: ClassVar[Effects] = Effects(
        calls=(("VEST", "yank"),),
        reads=(),
        branches=(),
        state=(("VEST", "awards[id].fin"), ("VEST", "awards[id].tot")),
        events=(("VEST", "Yank(id, end)"),),
        state_free=(("VEST", "Yank(id, end)"),),  # an award that already ended keeps its fin
        used_by=("checks, run by verify/compare.py: the award's fin, its owner and end before the cast, the "
                 "Yank event's end",
                 "state_effects, applied by verify/statediff.py: its storage changes"))

    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        return "End an existing award (VestLike.yank).", {
            "vest": VEST, "id": {"type": "integer", "minimum": 1},
            "end": {"description": "now (default) or the planned end: a last day or a UTC timestamp.",
                    "anyOf": [{"enum": ["now"]}, INSTANT]},
            "recipient": {**PARTY, "description": "Who the award should belong to (verified before the cast)."},
            "current_end": {**INSTANT, "description": "The award's end before the yank (verified before the cast)."},
            "comment": comment}

    @classmethod
    def parse(cls, p, node) -> Yank | None:
        e = node.entries
        vest = p.vest(e["vest"], "the vest")
        award = p.r.integer(e["id"], "the award id", 1)
        end = None
        if "end" in e and not (e["end"].kind == "scalar" and e["end"].text.strip().lower() == "now"):
            parsed = p.r.instant(e["end"], "the planned end", "end")
            if parsed is None:
                return None
            end = parsed[0]
        recipient = p.party(e["recipient"], "the recipient") if "recipient" in e else None
        current = p.r.instant(e["current_end"], "current_end", "end") if "current_end" in e else None
        if None in (vest, award) or ("recipient" in e and recipient is None) or ("current_end" in e and not current):
            return None
        return cls(vest, award, end, recipient, current[0] if current else None, p.comment(e))

    def check(self, ctx: CheckContext) -> None:
        now = timeutil.day_start(timeutil.parse_date(ctx.spell.date))
        if self.end is not None and self.end < now:
            ctx.diags.warn(self.loc("end"), f"the planned end {timeutil.iso(self.end)} is before the spell's date; "
                                            "DssVest will end the award at the cast time instead")

    @classmethod
    def check_kind(cls, actions: list, ctx: CheckContext) -> None:
        seen: set[tuple[str, int]] = set()
        for yank in actions:
            if (yank.vest, yank.id) in seen:
                ctx.diags.error(yank.loc("id"), f"award {yank.id} of {yank.vest} is yanked twice")
            seen.add((yank.vest, yank.id))

    def solidity(self, ctx: SolidityContext) -> Block:
        token = VESTS[self.vest].token
        head = f"Yank {token} stream ID {self.id} on {self.vest}"
        if self.recipient is not None:
            head += f" ({self.recipient.label})"
        if self.end is None:
            return Block(ctx.with_comment(self, [head]), [f"{ctx.type('vest', 'yank')}({self.vest}).yank({self.id});"])
        head += f", ending it at {timeutil.iso(self.end)}"
        vest = ctx.type("vest", "yank-end")
        return Block(ctx.with_comment(self, [head]), [f"{vest}({self.vest}).yank({self.id}, {ctx.date(self.end)});"])

    def chainlog_keys(self) -> set[str]:
        return {self.vest}

    def date_stamps(self) -> set[int]:
        return {self.end} if self.end is not None else set()

    def yanked_vest(self) -> str:
        return self.vest

    def changed_award(self) -> tuple[str, int]:
        return self.vest, self.id

    def stated_award(self) -> tuple[str, int, str | None, int | None] | None:
        if not (self.recipient or self.current_end):
            return None
        return self.vest, self.id, self.recipient.address if self.recipient else None, self.current_end

    def expect(self, spell: Spell, out: Expected) -> None:
        from spellgen.spellfile.expect import Item, Yanked

        when = timeutil.iso(self.end) if self.end is not None else "the cast"
        item = Item(f"yank: award {self.id} on {self.vest}, ending at {when}", self.path)
        out.yanks.append(Yanked(item, self.vest, self.id, self.end,
                                self.recipient.address if self.recipient else None, self.current_end))

    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        """The award's fin after the cast, the Yank event's end, and what the YAML says it was before."""
        iso, wad = timeutil.iso, common.wad
        cast_time = o.cast.timestamp
        out = []
        for y in e.yanks:
            before = o.before.awards.get((y.vest, y.award))
            after = o.after.awards.get((y.vest, y.award))
            if before is None or after is None:
                out.append(Check(y.item.label, y.item.path, False, "no such award",
                                 f"{y.vest} has no award {y.award}"))
                continue
            end = max(y.end if y.end is not None else cast_time, cast_time)
            want_fin = min(before.fin, end)
            problems = common.compare([("fin after", iso(want_fin), iso(after.fin))])
            # An award that already ended keeps its fin when yanked, so the event is the proof.
            events = _yank_events(o, y.vest, y.award)
            if not events:
                problems.append(f"the cast emitted no Yank event for award {y.award}")
            elif events != [end]:
                problems.append(f"Yank event end {', '.join(iso(x) for x in events)}, expected {iso(end)}")
            if y.usr is not None:
                problems += common.compare([("usr before", y.usr, before.usr)])
            if y.fin_before is not None:
                problems += common.compare([("fin before", iso(y.fin_before), iso(before.fin))])
            token = VESTS[y.vest].token
            evidence = (f"award {y.award} of {before.usr}: fin {iso(before.fin)} -> {iso(after.fin)}, "
                        f"tot {wad(before.tot, token)} -> {wad(after.tot, token)}")
            out.append(common.ok(y.item.label, y.item.path, evidence, problems))
        return out

    @classmethod
    def state_effects(cls, e: Expected, view: StateView) -> list[StateEffect]:
        """The award's words as DssVest's yank leaves them (end: the planned end, or the cast if later)."""
        out = []
        for y in getattr(e, "yanks", []):
            before = view.awards_before.get((y.vest, y.award))
            if before is None:
                continue  # no such award: the yank item fails on its own
            end = max(y.end if y.end is not None else view.cast_time, view.cast_time)
            for i, word in enumerate(common.pack_award(*common.yanked(before, end))):
                out.append(StateEffect(y.vest, "awards", (y.award,), value=word,
                                       label=f"{y.item.label} (ends {timeutil.iso(min(end, before.fin))})",
                                       unit=f"award{i}", time_dependent=y.end is None or y.end < view.cast_time,
                                       layout="DssVest", offset=i))
        return out

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        return TokenEvents()  # its events are the vest's own (verify's vest-event check)

    def summary_row(self, spell: Spell) -> SummaryRow:
        end = common.utc(self.end) if self.end is not None else "at the cast"
        who = self.recipient
        return SummaryRow(f"yank award {self.id} on {self.vest}", common.recipient(who) if who else "",
                          who.address if who else "", VESTS[self.vest].token, "", f"ends {end}")

    def diff_fields(self, spell: Spell) -> dict[str, str]:
        return {"vest": self.vest, "id": str(self.id), "end": common.when(self.end, "at the cast"),
                "recipient": common.diff_party(self.recipient) if self.recipient else "not stated",
                "current_end": common.when(self.current_end, "not stated"), "comment": common.comment_of(self)}

    def identity(self) -> tuple:
        return ("yank", self.vest, self.id)

    def paid_tokens(self) -> dict[str, Decimal]:
        return {}

    def flow(self) -> Flow | None:
        return None

    def ledger_fields(self, name: Callable[[Party], str]) -> list[str] | None:
        return None

    def ledger_note(self) -> str:
        return (f"the yank of award {self.id} on {self.vest} is not recorded: the ledger does not know award ids, "
                "so edit the stream's `end` in the ledger by hand")

    def doc_line(self, spell: Spell) -> str:
        who = f" ({self.recipient.label})" if self.recipient else ""
        when = f", ending it at {timeutil.iso(self.end)}" if self.end is not None else ""
        return f"- Yank award {self.id} on {self.vest}{who}{when}"

    def doc_claims(self) -> list[DocClaim]:
        return []

    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        out = []
        for yank in [y for y in ctx.expected.yanks if y.item.path == self.path]:
            lines = [f'    before = cast.before.awards[("{yank.vest}", {yank.award})]',
                     f'    after = cast.after.awards[("{yank.vest}", {yank.award})]']
            if yank.usr:
                lines.append(f"    assert before.usr == {ctx.party(yank.usr)}")
            if yank.fin_before is not None:
                lines.append(f"    assert before.fin == {common.time_literal(yank.fin_before)}")
            if yank.end is None:
                lines.append("    assert after.fin == min(before.fin, cast.cast_time)  # ended at the cast")
            else:
                lines.append(f"    end = max({yank.end}, cast.cast_time)  # {timeutil.iso(yank.end)}, or the cast "
                             "if later")
                lines.append("    assert after.fin == min(before.fin, end)")
            out.append((yank.item, "\n".join(lines) + "\n"))
        return out


def _yank_events(o: Any, vest: str, award: int) -> list[int]:
    """The `end` of each Yank(award, end) event the vest emitted during the cast."""
    address = o.addresses[vest].lower()
    wanted = common.topic("Yank(uint256,uint256)")
    return [int.from_bytes(bytes(log["data"])[:32], "big") for log in o.cast.logs
            if log["address"].lower() == address and "0x" + bytes(log["topics"][0]).hex() == wanted
            and int(bytes(log["topics"][1]).hex(), 16) == award]
