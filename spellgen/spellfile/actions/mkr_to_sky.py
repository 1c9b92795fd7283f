"""`mkr_to_sky`: MKR of the PauseProxy converted into SKY for the PauseProxy through MKR_SKY.

The amount is a constant (2025-01-23: `624 * WAD`) or read at the cast: the PauseProxy's MKR balance (all
of it, or all but a constant: spellfile/held.py) less what named awards of an MKR vest still owe
(`less_unpaid`), as 2025-06-26 wrote it: `GemAbstract(MKR).balanceOf(address(this)) - unpaidMkr`, unpaidMkr
the sum of `VestAbstract(MCD_VEST_MKR_TREASURY).unpaid(id)` of six awards. verify computes that amount
from the chain's state before the cast (the PauseProxy's MKR, the awards, spellfile/computed.py's unpaid at
the cast's time), never from the render.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from spellgen.spellfile import history
from spellgen.spellfile.actions import common, proxy_transfer
from spellgen.spellfile.actions.base import (
    Action, Block, BrownieContext, Check, CheckContext, DocClaim, Effects, EventView, Flow, Party, SolidityContext,
    StateEffect, StateView, SummaryRow, TokenEvents,
)
from spellgen.spellfile.actions.fields import VEST
from spellgen.spellfile.amounts import from_wei, human, to_wei
from spellgen.spellfile.computed import AwardReading, NotReadable
from spellgen.spellfile.held import BALANCE_LESS, HeldAmount, parse_held
from spellgen.spellfile.protocol import MKR_SKY_RATE, UINT128_MAX, VESTS, WAD

# The local variable of the unpaid sum, as 2025-06-26 named it (so one such conversion a spell).
UNPAID_VARIABLE = "unpaidMkr"
# The kinds that change the PauseProxy's MKR: the conversion reads its MKR balance at the cast and verify
# computes that balance from the pre-state alone (a SKY transfer converted from MKR is one too).
MKR_MOVERS = ("mkr_transfer", "mkr_to_sky")
# The kinds whose amount may read the PauseProxy's balance of a token at the cast (held.py).
HELD_KINDS = ("proxy_transfer", "burn", "surplus_return")
# The kinds that change the PauseProxy's SKY by an amount of the chain's (the pool's share): not in the
# PauseProxy SKY walk the conversion's figures are checked against.
SKY_FROM_CHAIN = ("univ2_withdrawal",)


def unpaid_words(vest: str, ids: tuple[int, ...]) -> str:
    """`MCD_VEST_MKR_TREASURY ids 9, 18, 24, 35, 37, and 39`, as the 2025-06-26 comments list them."""
    names = [str(i) for i in ids]
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])}{',' if len(names) > 2 else ''} and {names[-1]}"
    return f"{vest} id{'s' if len(ids) > 1 else ''} {listed}"

if TYPE_CHECKING:
    from spellgen.spellfile.expect import Expected, Item
    from spellgen.spellfile.model import Spell


@dataclass
class MkrToSky(Action):
    """MKR of the PauseProxy converted into SKY for the PauseProxy through MKR_SKY (2025-01-23:
    `MKR.approve(MKR_SKY, 624 * WAD); MkrSkyLike(MKR_SKY).mkrToSky(address(this), 624 * WAD);`)."""

    amount: Decimal  # MKR (0 when read at the cast)
    comment: str | None = None
    # Read at the cast: the PauseProxy's MKR balance as `at_cast` takes it, less the unpaid of these
    # awards of `unpaid_vest` (None: the constant `amount`).
    at_cast: HeldAmount | None = None
    unpaid_vest: str | None = None
    unpaid_ids: tuple[int, ...] = ()

    KIND: ClassVar[str] = "mkr_to_sky"
    LABEL: ClassVar[str] = "MKR -> SKY conversion"
    FIELDS: ClassVar[dict[str, bool]] = {"type": True, "amount": True, "less_unpaid": False, "comment": False}
    README: ClassVar[str] = "`mkr_to_sky`"
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = ("approve", "mkrToSky")
    CHECK_RANK: ClassVar[int] = 5
    EXPLAIN_RANK: ClassVar[int] = 9
    EFFECTS: ClassVar[Effects] = Effects(
        calls=(("MKR", "approve"), ("MKR_SKY", "mkrToSky"), ("MKR", "balanceOf"), ("VEST", "unpaid")),
        reads=("MKR.balanceOf(proxy) and VEST.unpaid(id) of each `less_unpaid` award (amount read at the cast)",),
        branches=(),
        state=(("MKR", "balanceOf[proxy]"), ("MKR", "totalSupply"), ("SKY", "balanceOf[proxy]"), ("SKY", "totalSupply"),
               ("MKR", "allowance[proxy][MKR_SKY]")),
        events=(("MKR", "Approval(proxy, MKR_SKY)"), ("MKR", "Burn(proxy)"), ("SKY", "Transfer(0, proxy)"),
                ("MKR_SKY", "MkrToSky")),
        state_free=(("MKR_SKY", "MkrToSky"),),  # the converter keeps no storage
        used_by=("checks, run by verify/compare.py: the PauseProxy's MKR and SKY, the MKR and SKY supplies (an "
                 "amount read at the cast computed from the PauseProxy's MKR and the awards before the cast)",
                 "state_effects, applied by verify/statediff.py: its storage changes",
                 "token_events, counted by verify/compare.py's event check"))

    @property
    def wei(self) -> int:
        return to_wei(self.amount)

    @property
    def reads_balance(self) -> bool:
        return self.at_cast is not None

    def unpaid_readings(self) -> tuple[AwardReading, ...]:
        return tuple(AwardReading("unpaid", str(self.unpaid_vest), i) for i in self.unpaid_ids)

    def effect_names(self, day: str) -> dict[str, str]:
        """VEST is the vest whose awards' unpaid the amount subtracts (none for a constant)."""
        return {"VEST": self.unpaid_vest} if self.unpaid_vest else {}

    def read_awards(self) -> set[tuple[str, int]]:
        return {r.award_read for r in self.unpaid_readings()}

    @property
    def sky_wei(self) -> int:
        return self.wei * MKR_SKY_RATE

    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        return ("MKR of the PauseProxy converted into SKY for the PauseProxy through MKR_SKY "
                "(MKR.approve(MKR_SKY, wad); MkrSkyLike(MKR_SKY).mkrToSky(address(this), wad))."), {
            "amount": {"type": ["integer", "number", "string"],
                       "description": "MKR, at most 18 decimals; or `balance` / `balance - N` (the PauseProxy's MKR "
                                      "read at the cast, all of it or all but N). The PauseProxy gets 24,000 SKY "
                                      "per MKR."},
            "less_unpaid": {"type": "object", "additionalProperties": False, "required": ["vest", "ids"],
                            "description": "With a balance amount: less what these awards of an MKR vest still "
                                           "owe at the cast, VEST.unpaid(id) summed (2025-06-26).",
                            "properties": {"vest": VEST, "ids": {"type": "array", "minItems": 1, "uniqueItems": True,
                                                                 "items": {"type": "integer", "minimum": 1}}}},
            "comment": comment}

    @classmethod
    def parse(cls, p, node) -> MkrToSky | None:
        e = node.entries
        held = parse_held(p.r, e["amount"], "the MKR amount", "MKR")
        if held is None:
            return None
        if not held.reads_balance:
            if "less_unpaid" in e:
                p.r.error(e["less_unpaid"].loc, "less_unpaid subtracts from the balance read at the cast: write "
                                                "`amount: balance` (or `balance - N`), not a constant")
                return None
            return cls(held.value, p.comment(e))
        vest, ids = cls._unpaid(p, e["less_unpaid"]) if "less_unpaid" in e else (None, ())
        if "less_unpaid" in e and vest is None:
            return None
        return cls(Decimal(0), p.comment(e), held, vest, ids)

    @staticmethod
    def _unpaid(p, node) -> tuple[str | None, tuple[int, ...]]:
        if node.kind != "map":
            p.r.error(node.loc, f"less_unpaid is a mapping of `vest` and `ids`; got {node.describe()}")
            return None, ()
        if not p.r.mapping(node, {"vest": True, "ids": True}, "less_unpaid"):
            return None, ()
        vest = p.vest(node.entries["vest"], "the vest")
        ids = [p.r.integer(n, "an award id", 1) for n in p.r.seq(node.entries["ids"], "the award ids")]
        if vest is None or not ids or None in ids:
            if vest is not None and not ids:
                p.r.error(node.entries["ids"].loc, "less_unpaid needs at least one award id")
            return None, ()
        if vest in VESTS and VESTS[vest].token != "MKR":
            p.r.error(node.entries["vest"].loc, f"{vest} pays {VESTS[vest].token}, not MKR: the PauseProxy keeps "
                                                "MKR back for an MKR vest's awards")
            return None, ()
        found = [int(i) for i in ids if i is not None]
        if len(set(found)) != len(found):
            p.r.error(node.entries["ids"].loc, "an award id is listed twice: its unpaid would be subtracted twice")
            return None, ()
        return vest, tuple(found)

    def check(self, ctx: CheckContext) -> None:
        # Which key MKR is read from at the date is the renderer's (spellfile.history.token_key_at).
        if self.wei > UINT128_MAX or (self.at_cast is not None and self.at_cast.wei > UINT128_MAX):
            ctx.diags.error(self.loc("amount"), "the amount is beyond any MKR supply (more than uint128)")
        if self.unpaid_vest is not None:
            ids = history.vest_ids_at(ctx.spell.date).get(self.unpaid_vest, 0)
            late = [i for i in self.unpaid_ids if i > ids]
            if late:
                ctx.diags.error(self.loc("less_unpaid"), f"{self.unpaid_vest} has {ids} awards before a "
                                                         f"{ctx.spell.date} spell: no award {late[0]} to read")

    @classmethod
    def check_kind(cls, actions: list, ctx: CheckContext) -> None:
        """An amount read at the cast becomes a known quantity only in verify (computed from the pre-state):
        the spell's other statements may change the PauseProxy's SKY by constants (SKY transfers from the
        treasury, burns, transfers: verify adds the conversion's SKY to them), but none may change its MKR
        (the balance the conversion reads), read its SKY balance at the cast (its amount would rest on the
        conversion's) or change its SKY by a figure of the chain's. One such conversion a spell (the
        Solidity declares `unpaidMkr` once). Awards it reads are read before any action changes them."""
        read = [a for a in actions if a.reads_balance]
        if not read:
            return
        first = read[0]
        for a in ctx.spell.actions:
            if a is not first and cls._refused_beside(a):
                ctx.diags.error(a.loc("type"), f"{a.path} {cls._refused_beside(a)}: beside the MKR conversion read "
                                               f"at the cast at {first.path}, verify could not compute it from the "
                                               "state before the cast; state it in another spell")
                return
        for a in ctx.spell.actions:
            changed = a.changed_award()
            if changed is not None and changed in first.read_awards():
                ctx.diags.error(first.loc("less_unpaid"), f"award {changed[1]} of {changed[0]} is changed by "
                                                          f"{a.path}: verify reads it before the cast, the spell at "
                                                          "the statement")
                return

    @staticmethod
    def _refused_beside(a: Action) -> str:
        """Why statement `a` cannot stand beside a conversion read at the cast ("" when it can)."""
        token = getattr(a, "symbol", None) or getattr(a, "token", None)
        held = getattr(a, "amount", None)
        if a.KIND in MKR_MOVERS or (a.KIND == "sky_transfer" and getattr(a, "source", "treasury") != "treasury") \
                or (a.KIND in HELD_KINDS and token == "MKR"):
            return "changes the PauseProxy's MKR"
        if a.KIND in HELD_KINDS and token == "SKY" and isinstance(held, HeldAmount) and held.reads_balance:
            return "reads the PauseProxy's SKY balance at the cast"
        if a.KIND in SKY_FROM_CHAIN:
            return "changes the PauseProxy's SKY by an amount of the chain's"
        return ""

    def chainlog_reads(self, day: str) -> tuple[str, ...]:
        return (history.token_key_at("MKR", day), "MKR_SKY", "SKY")

    def _at_cast_solidity(self, ctx: SolidityContext) -> Block:
        """2025-06-26's statements: the unpaid sum in a local, the balance less it approved and converted."""
        held = self.at_cast
        assert held is not None
        mkr = ctx.token("MKR", "approve", "balanceOf")
        literal, note = ctx.wei(held.value) if held.value else ("0", False)
        amount = held.solidity(literal, f"{mkr}.balanceOf(address(this))")
        suffix = ctx.note("MKR") if note else ""
        lines: list[str] = []
        words = "the MKR balance of the PauseProxy"
        if held.form == BALANCE_LESS:
            words += f" less {human(held.value)} MKR"
        if self.unpaid_vest:
            vest = ctx.type("vest", "unpaid")
            calls = [f"{vest}({self.unpaid_vest}).unpaid({i})" for i in self.unpaid_ids]
            named = unpaid_words(self.unpaid_vest, self.unpaid_ids)
            lines += [f"// Note: get unpaid MKR for {named}", f"uint256 {UNPAID_VARIABLE} = {calls[0]}"
                      + (" +" if len(calls) > 1 else ";")]
            lines += [f"    {c}{' +' if n < len(calls) - 1 else ';'}" for n, c in enumerate(calls[1:], 1)]
            amount += f" - {UNPAID_VARIABLE}"
            words += f" minus the unpaid() MKR for {named}"
        mkr_sky = ctx.type("mkr_sky", "mkrToSky")
        head = f"Convert {words} into SKY through MKR_SKY"
        lines += ["// Note: approve MKR_SKY to spend MKR balance of the PauseProxy",
                  f"{mkr}.approve(MKR_SKY, {amount});{suffix}",
                  f"// Call mkrToSky() on MKR_SKY with {words}",
                  f"{mkr_sky}(MKR_SKY).mkrToSky(address(this), {amount});{suffix}"]
        return Block(ctx.with_comment(self, [head]), lines)

    def solidity(self, ctx: SolidityContext) -> Block:
        if self.at_cast is not None:
            return self._at_cast_solidity(ctx)
        amount, note = ctx.wei(self.amount)
        suffix = ctx.note("MKR") if note else ""
        sky = human(Decimal(self.sky_wei) / 10**18)
        head = f"Convert {human(self.amount)} MKR of the PauseProxy into {sky} SKY through MKR_SKY"
        mkr = ctx.token("MKR", "approve")
        mkr_sky = ctx.type("mkr_sky", "mkrToSky")
        return Block(ctx.with_comment(self, [head]), [f"{mkr}.approve(MKR_SKY, {amount});{suffix}",
                                                      f"{mkr_sky}(MKR_SKY).mkrToSky(address(this), {amount});{suffix}"])

    def chainlog_keys(self) -> set[str]:
        return {"MKR_SKY"} | ({self.unpaid_vest} if self.unpaid_vest else set())

    def gem_symbols(self) -> set[str]:
        return {"MKR"}

    def _words(self) -> str:
        """What the amount read at the cast is, for labels and documents."""
        held = self.at_cast
        assert held is not None
        words = held.words("MKR").replace("all MKR", "all MKR of the PauseProxy", 1)
        if self.unpaid_vest:
            words += f" less what {unpaid_words(self.unpaid_vest, self.unpaid_ids)} still owe"
        return words

    def expect(self, spell: Spell, out: Expected) -> None:
        from spellgen.spellfile.expect import Converted, ConvertedAtCast, Item

        if self.at_cast is not None:
            label = f"MKR -> SKY conversion: {self._words()}, read at the cast, into SKY"
            out.mkr_at_cast.append(ConvertedAtCast(Item(label, self.path), self.at_cast, self.unpaid_readings()))
            return
        item = Item(f"MKR -> SKY conversion: {human(self.amount)} MKR of the PauseProxy into "
                    f"{human(Decimal(self.sky_wei) / WAD)} SKY", self.path)
        out.conversions.append(Converted(item, self.wei))

    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        """A treasury conversion's own item: the cast's conversions in all, and the PauseProxy's SKY."""
        from spellgen.spellfile.actions.sky_transfer import conversion_figures, proxy_sky_change

        if getattr(e, "mkr_at_cast", None):
            return [at_cast_check(c, e, o) for c in e.mkr_at_cast]
        if not e.conversions or not e.mkr_converted:
            return []
        proxy = o.addresses["MCD_PAUSE_PROXY"]
        evidence, problems = conversion_figures(e, o)
        got = o.after.sky[proxy] - o.before.sky[proxy]
        want = proxy_sky_change(e) - proxy_transfer.taken(e, o, "SKY")
        proxy_sky = common.compare([("PauseProxy SKY change", want, got)])
        return [common.ok(c.item.label, c.item.path, evidence + f"; PauseProxy SKY {'+' if got >= 0 else ''}"
                                                            f"{common.wad(got, 'SKY')}", problems + proxy_sky)
                for c in e.conversions]

    @classmethod
    def state_effects(cls, e: Expected, view: StateView) -> list[StateEffect]:
        """The PauseProxy's MKR converted into SKY for itself."""
        proxy = view.addresses["MCD_PAUSE_PROXY"]
        out = [effect for c in getattr(e, "conversions", [])
               for effect in common.conversion(proxy, c.mkr_wei, proxy, c.item.label)]
        for c in getattr(e, "mkr_at_cast", []):
            wei = at_cast_wei(c, proxy, view.before_state, view.cast_time)
            if isinstance(wei, int):
                out += common.conversion(proxy, wei, proxy, c.item.label)
        return out

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        """MKR burnt from the PauseProxy, SKY minted to it."""
        proxy, mkr_sky = view.proxy, view.address_of("MKR_SKY")
        converted = [c.mkr_wei for c in e.conversions]
        converted += [wei for c in getattr(e, "mkr_at_cast", [])
                      if isinstance(wei := at_cast_wei(c, proxy, view.before, view.cast_time), int)]
        moves = [m for wei in converted for m in (("MKR", proxy, common.ZERO, wei),
                                                  ("SKY", common.ZERO, proxy, wei * MKR_SKY_RATE))]
        any_conversion = e.conversions or getattr(e, "mkr_at_cast", [])
        return TokenEvents(moves=tuple(moves), approvals=(("MKR", proxy, mkr_sky),) if any_conversion else (),
                           burns=tuple(("MKR", proxy, wei) for wei in converted))

    def summary_row(self, spell: Spell) -> SummaryRow:
        if self.at_cast is not None:
            return SummaryRow("MKR -> SKY conversion", "PauseProxy", "", "MKR", f"{self._words()} (read at the cast)")
        return SummaryRow("MKR -> SKY conversion", "PauseProxy", "", "MKR",
                          f"{common.amount_text(self.amount, 'MKR')} into "
                          f"{common.amount_text(from_wei(self.sky_wei), 'SKY')}")

    def diff_fields(self, spell: Spell) -> dict[str, str]:
        if self.at_cast is not None:
            return {"amount": self.at_cast.yaml(), "less_unpaid": unpaid_words(self.unpaid_vest, self.unpaid_ids)
                    if self.unpaid_vest else "none", "comment": common.comment_of(self)}
        return {"amount": common.amount_text(self.amount, "MKR"), "comment": common.comment_of(self)}

    def identity(self) -> tuple:
        return (self.LABEL,)

    def paid_tokens(self) -> dict[str, Decimal]:
        return {}  # the PauseProxy converts its own MKR: nobody is paid

    def flow(self) -> Flow | None:
        return None

    def ledger_fields(self, name: Callable[[Party], str]) -> list[str] | None:
        return None

    def doc_line(self, spell: Spell) -> str:
        if self.at_cast is not None:
            return f"- Convert {self._words()} into SKY through MKR_SKY"
        return (f"- Convert {human(self.amount)} MKR of the PauseProxy into "
                f"{human(Decimal(self.sky_wei) / WAD)} SKY through MKR_SKY")

    def doc_claims(self) -> list[DocClaim]:
        return []

    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        e = ctx.expected
        out = []
        for a in [a for a in getattr(e, "mkr_at_cast", []) if a.item.path == self.path]:
            want = a.amount.solidity(common.wei_literal(a.amount.wei), "balance")
            lines = ['    proxy = cast.addresses["MCD_PAUSE_PROXY"]',
                     "    balance = cast.before.mkr[proxy]  # the PauseProxy's MKR before the cast",
                     "    t = cast.cast_time  # what each award owes at the cast",
                     "    owed = 0"]
            if a.unpaid:
                keys = ", ".join(f'("{r.vest}", {r.award})' for r in a.unpaid)
                lines += [f"    for key in [{keys}]:  # DssVest.unpaid of each award the amount keeps back",
                          "        b = cast.before.awards[key]",
                          "        owed += 0 if t < b.clf else (b.tot if t >= b.fin else "
                          "b.tot * (t - b.bgn) // (b.fin - b.bgn)) - b.rxd"]
            want = f"{want} - owed"
            # The spell's other SKY statements are constants beside it (check_kind): their sums, from the YAML.
            supply_other = sum(t.minted for t in e.sky_transfers) + sum(c.minted for c in e.conversions) - \
                sum(b.amount.wei for b in e.held_burns if b.key == "SKY")
            proxy_other = sum(t.proxy_sky_change for t in e.sky_transfers) + sum(x.minted for x in e.conversions) \
                - sum(t.amount.wei for t in proxy_transfer.outflows(e) if t.symbol == "SKY")
            lines += [f"    converted = {want}  # {a.item.label.split(': ', 1)[1]}",
                      '    assert cast.before.supply["MKR"] - cast.after.supply["MKR"] == converted',
                      _plus('    assert cast.after.supply["SKY"] - cast.before.supply["SKY"] == converted * 24_000',
                            supply_other, "the SKY supply"),
                      _plus("    assert cast.after.sky[proxy] - cast.before.sky[proxy] == converted * 24_000",
                            proxy_other, "the PauseProxy's SKY")]
            out.append((a.item, "\n".join(lines) + "\n"))
        for c in [c for c in e.conversions if c.item.path == self.path]:
            proxy_sky = sum(c2.minted for c2 in e.conversions) + sum(t.proxy_sky_change for t in e.sky_transfers)
            out.append((c.item,
                        f"    proxy = cast.addresses[\"MCD_PAUSE_PROXY\"]\n"
                        f"    assert cast.before.supply[\"MKR\"] - cast.after.supply[\"MKR\"] == "
                        f"{common.wei_literal(e.mkr_converted)}  # every MKR the cast converts: "
                        f"{common.token_amount(e.mkr_converted)} MKR\n"
                        f"    assert cast.after.sky[proxy] - cast.before.sky[proxy] == "
                        f"{common.wei_literal(proxy_sky)}  # {common.token_amount(c.minted)} SKY minted for this "
                        f"item, with the other conversions and SKY transfers of the PauseProxy\n"))
        return out


def _plus(line: str, other: int, what: str) -> str:
    """`line` with the spell's other constant change of `what` added (a Brownie test's assertion)."""
    if not other:
        return line
    return (f"{line} {'+' if other > 0 else '-'} {common.wei_literal(abs(other))}  # with the spell's other "
            f"statements of {what}")


def at_cast_wei(c: Any, proxy: str, before: Any, t: int) -> int | str:
    """The MKR an amount read at the cast converts, from the chain's state before the cast (the PauseProxy's
    MKR, the awards) at the cast's time `t`; a reason (str) when it cannot say or the statement reverts."""
    balance = next((wei for holder, wei in getattr(before, "mkr", {}).items() if holder.lower() == proxy.lower()), None)
    if balance is None:
        return "the PauseProxy's MKR was not read before the cast"
    try:
        wei = c.mkr_wei(balance, before, t)
    except NotReadable as exc:
        return str(exc)
    return "the MKR balance is below what the awards owe (and the constant kept back): the statement reverts" \
        if wei is None else wei


def other_sky_changes(e: Expected, o: Any) -> tuple[int, int]:
    """How the statements beside the conversions read at the cast change the SKY supply and the
    PauseProxy's SKY: constants (SKY transfers from the treasury, burns, transfers; check_kind)."""
    burnt = proxy_transfer.burnt(e, o, "SKY")
    supply = sum(t.minted for t in e.sky_transfers) + sum(c.minted for c in e.conversions) - burnt
    return supply, sum(t.proxy_sky_change for t in e.sky_transfers) + sum(x.minted for x in e.conversions) - \
        proxy_transfer.taken(e, o, "SKY")


def with_conversions_read(e: Expected, o: Any) -> Expected:
    """`e` with each conversion read at the cast computed from the chain's state before the cast, at the
    cast's time (`conversions_read`): a known quantity for the other kinds' checks (the PauseProxy's SKY,
    the SKY supply). One that cannot be computed is left out; its own item fails naming why."""
    from spellgen.spellfile.expect import Converted

    if not getattr(e, "mkr_at_cast", []) or getattr(o, "cast", None) is None:
        return e
    proxy, t = o.addresses["MCD_PAUSE_PROXY"], o.cast_receipt().timestamp
    read = [Converted(c.item, wei) for c in e.mkr_at_cast if isinstance(wei := at_cast_wei(c, proxy, o.before, t), int)]
    return replace(e, conversions_read=read)


def at_cast_check(c: Any, e: Expected, o: Any) -> Check:
    """The amount computed from the pre-state: MKR supply and the PauseProxy's MKR fell by it, SKY supply
    and the PauseProxy's SKY rose by 24,000 times it (check_kind keeps every other MKR or SKY statement of
    the PauseProxy out of the spell)."""
    proxy = o.addresses["MCD_PAUSE_PROXY"]
    wei = at_cast_wei(c, proxy, o.before, o.cast_receipt().timestamp)
    if isinstance(wei, str):
        return common.ok(c.item.label, c.item.path, "amount not computed", [wei])
    wad, before, after = common.wad, o.before, o.after
    owed = sum(r.value(before, o.cast_receipt().timestamp) for r in c.unpaid)
    # The spell's other statements of the PauseProxy's SKY are constants (check_kind): added to this one.
    supply_other, proxy_other = other_sky_changes(e, o)
    also = " (with the spell's other SKY statements)"
    figures: list[tuple[str, object, object]] = [
        ("MKR converted (MKR supply fall)", wad(wei, "MKR"), wad(before.supply["MKR"] - after.supply["MKR"], "MKR")),
        ("PauseProxy MKR fall", wad(wei, "MKR"), wad(before.mkr[proxy] - after.mkr[proxy], "MKR")),
        ("SKY supply rise" + (also if supply_other else ""), wad(wei * MKR_SKY_RATE + supply_other, "SKY"),
         wad(after.supply["SKY"] - before.supply["SKY"], "SKY")),
        ("PauseProxy SKY rise" + (also if proxy_other else ""), wad(wei * MKR_SKY_RATE + proxy_other, "SKY"),
         wad(after.sky[proxy] - before.sky[proxy], "SKY"))]
    check = common.ok(c.item.label, c.item.path,
                      f"PauseProxy MKR before the cast {wad(before.mkr[proxy], 'MKR')}, owed by the awards at the "
                      f"cast {wad(owed, 'MKR')}: {wad(wei, 'MKR')} converted into {wad(wei * MKR_SKY_RATE, 'SKY')}",
                      common.compare(figures))
    if getattr(o, "twin", False):
        check = replace(check, warning=f"the amount rests on the twin's assumed PauseProxy MKR treasury "
                                       f"({wad(before.mkr[proxy], 'MKR')} before the cast) and the awards' assumed "
                                       "contents (no mainnet fact)")
    return check
