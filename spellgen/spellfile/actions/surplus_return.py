"""`surplus_return`: DAI or USDS the PauseProxy holds, joined back into the Vat as the Vow's dai (the
surplus buffer), in an amount that is a constant, the whole balance or the balance less a constant.

2025-02-06 swept DAI a borrower had returned: `DAI.approve(MCD_JOIN_DAI, 406_451.52 ether);
DaiJoinAbstract(MCD_JOIN_DAI).join(MCD_VOW, 406_451.52 ether);`. 2025-02-21 swept USDS the same way
through its join: `GemAbstract(USDS).approve(USDS_JOIN, wad); UsdsJoinLike(USDS_JOIN).join(MCD_VOW, wad);`
(wad there what the Uniswap withdrawal just before had yielded, its balance after less its balance before:
`amount: withdrawn`, verify computing it from the pool's state before the cast as the withdrawal's own check
does). The join moves `wad * RAY` of its own Vat dai to the Vow and burns the PauseProxy's tokens.
verify proves the Vow's dai rose by exactly the amount and the PauseProxy's balance fell by it, the amount
computed from the PauseProxy's balance before the cast (proxy_transfer's held amounts, one reading a token).
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from spellgen.spellfile.actions import common
from spellgen.spellfile.actions.base import (
    Action, Block, BrownieContext, Check, CheckContext, DocClaim, Effects, EventView, Flow, Party, SolidityContext,
    StateEffect, StateView, SummaryRow, TokenEvents,
)
from spellgen.spellfile.actions.proxy_transfer import earlier_change, outflows, sent_wei
from spellgen.spellfile.amounts import human
from spellgen.spellfile.actions.univ2_withdrawal import (
    PAIRS, POOL_WORDS, paid_in, saved_balance, withdrawn_amount, yielding,
)
from spellgen.spellfile.held import BALANCE_LESS, CONSTANT, FORMAT, WITHDRAWN, HeldAmount, parse_held
from spellgen.spellfile.protocol import RAY, UINT128_MAX
from spellgen.spellfile.solidity import Interface

if TYPE_CHECKING:
    from spellgen.spellfile.expect import Expected, HeldSent, Item
    from spellgen.spellfile.model import Spell

# symbol -> (the token's chainlog key, its join's chainlog key, how the spells name the join in comments)
JOINS: dict[str, tuple[str, str, str]] = {"DAI": ("MCD_DAI", "MCD_JOIN_DAI", "DaiJoin"),
                                          "USDS": ("USDS", "USDS_JOIN", "UsdsJoin")}


def returned(e: Expected) -> list[HeldSent]:
    return list(getattr(e, "surplus_returns", []))


def returned_wei(e: Expected, o: Any, symbol: str) -> int:
    """Every wei of `symbol` the spell returns to the surplus buffer (for the kinds that check the DAI
    supply or the PauseProxy's DAI as a whole; an unknown amount counts 0, and fails its own item)."""
    proxy = o.addresses["MCD_PAUSE_PROXY"]
    held, pools = getattr(o.before, "held", {}), getattr(o.before, "pools", {})
    return sum(sent_wei(e, r, held, proxy, pools) or 0 for r in returned(e) if r.symbol == symbol)


@dataclass
class SurplusReturn(Action):
    """The PauseProxy's DAI or USDS back into the surplus buffer: `TOKEN.approve(JOIN, amount);
    JOIN.join(MCD_VOW, amount);`."""

    token: str  # DAI or USDS (the YAML's word; `key` is its chainlog key)
    amount: HeldAmount
    comment: str | None = None

    KIND: ClassVar[str] = "surplus_return"
    LABEL: ClassVar[str] = "return to the surplus buffer"
    FIELDS: ClassVar[dict[str, bool]] = {"type": True, "token": True, "amount": True, "comment": False}
    README: ClassVar[str] = "`surplus_return`"
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = ("approve", "join")
    CHECK_RANK: ClassVar[int] = 9
    EXPLAIN_RANK: ClassVar[int] = 13
    INTERFACES: ClassVar[dict[str, Interface]] = {
        # 2025-02-21 declared it locally; dss-interfaces has no UsdsJoin.
        "usds_join": Interface("UsdsJoinLike", (("join", "function join(address usr, uint256 wad) external;"),))}
    EFFECTS: ClassVar[Effects] = Effects(
        calls=(("TOKEN", "approve"), ("TOKEN", "balanceOf"), ("JOIN", "join")),
        reads=("TOKEN.balanceOf(proxy) (amount: balance, balance - N)",),
        branches=(),  # `balance - N` underflows (the cast reverts) without a branch of its own
        state=(("MCD_VAT", "dai[MCD_VOW]"), ("MCD_VAT", "dai[JOIN]"), ("TOKEN", "balanceOf[proxy]"),
               ("TOKEN", "totalSupply"), ("TOKEN", "allowance[proxy][JOIN]")),
        events=(("TOKEN", "Approval(proxy, JOIN)"), ("MCD_VAT", "LogNote(move)"), ("TOKEN", "Transfer(proxy, 0)"),
                ("JOIN", "LogNote(join)")),
        variants=(("token: USDS", (("USDS", "Approval(proxy, USDS_JOIN)"), ("MCD_VAT", "LogNote(move)"),
                                   ("USDS", "Transfer(proxy, 0)"), ("USDS_JOIN", "Join(proxy, MCD_VOW)"))),),
        # The joins keep no balance: their note or event comes without a storage change of theirs. A whole
        # balance that is 0 returns nothing: its approval, burn and move (matched by their arguments) change
        # no storage.
        state_free=(("MCD_JOIN_DAI", "LogNote(join)"), ("USDS_JOIN", "Join"), ("TOKEN", "Approval(proxy, JOIN)"),
                    ("TOKEN", "Transfer(proxy, 0)"), ("MCD_VAT", "LogNote(move)")),
        used_by=("checks, run by verify/compare.py: vat.dai(MCD_VOW), the PauseProxy's balance and the token's "
                 "supply, the amount computed from the PauseProxy's balance before the cast",
                 "state_effects, applied by verify/statediff.py: its storage changes",
                 "token_events, counted by verify/compare.py's event check"))

    @property
    def key(self) -> str:
        return JOINS[self.token][0]

    @property
    def join(self) -> str:
        return JOINS[self.token][1]

    def effect_names(self, day: str) -> dict[str, str]:
        """TOKEN is the returned token and JOIN its join, by chainlog key."""
        return {"TOKEN": self.key, "JOIN": self.join}

    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        return ("DAI or USDS of the PauseProxy returned to the surplus buffer: TOKEN.approve(JOIN, amount); "
                "JOIN.join(MCD_VOW, amount), the amount a constant, the whole balance or the balance less a "
                "constant, read at the cast."), {
            "token": {"enum": list(JOINS), "description": "DAI (through MCD_JOIN_DAI) or USDS (through USDS_JOIN)."},
            "amount": {"description": f"{FORMAT}; a constant has at most 18 decimals; or `{WITHDRAWN}`: what the "
                                      "Uniswap V2 withdrawal before it in its section paid the PauseProxy (USDS).",
                       "type": ["integer", "number", "string"]},
            "comment": comment}

    @classmethod
    def parse(cls, p, node) -> SurplusReturn | None:
        e = node.entries
        token = p.r.choice(e["token"], "the token", list(JOINS))
        if e["amount"].kind == "scalar" and e["amount"].text.strip() == WITHDRAWN:
            return None if token is None else cls(token, HeldAmount(WITHDRAWN), p.comment(e))
        amount = parse_held(p.r, e["amount"], "the amount", token)
        if token is None or amount is None:
            return None
        return cls(token, amount, p.comment(e))

    def check(self, ctx: CheckContext) -> None:
        if self.amount.form == WITHDRAWN:
            self._check_withdrawn(ctx)
        if self.amount.wei > UINT128_MAX:
            ctx.diags.error(self.loc("amount"), f"the amount is beyond any {self.token} supply (more than uint128)")

    def _check_withdrawn(self, ctx: CheckContext) -> None:
        """`withdrawn` spends what a Uniswap V2 withdrawal before it in its section paid in this token (the
        spell's local variables live in the section), once; verify models no other statement moving that
        token of the PauseProxy around it."""
        withdrawals = [a for a in ctx.spell.actions if a.KIND == "univ2_withdrawal"]
        w = yielding(withdrawals, self.path)
        if w is None:
            ctx.diags.error(self.loc("amount"), "`withdrawn`: no Uniswap V2 withdrawal (univ2_withdrawal) before "
                                                "this return in its section: state the withdrawal first")
            return
        if self.token not in PAIRS[w.pair]:
            ctx.diags.error(self.loc("token"), f"`withdrawn`: the {w.pair} withdrawal (line {w.loc().line}) pays "
                                               f"{' and '.join(PAIRS[w.pair])}, not {self.token}")
            return
        for a in ctx.spell.actions:
            token = getattr(a, "token", None)
            if a is self or token not in (self.token, self.key) or a.KIND not in (self.KIND, "proxy_transfer", "burn"):
                continue
            what = (f"another return of {self.token}" if isinstance(a, SurplusReturn)
                    else f"another statement taking the PauseProxy's {self.token}")
            ctx.diags.error(self.loc("amount"), f"`withdrawn` and {what} (line {a.loc().line}) in one spell: verify "
                                                "models the withdrawal's yield returned alone (state them in separate "
                                                "spells)")
            return

    @classmethod
    def check_kind(cls, actions: list, ctx: CheckContext) -> None:
        """verify checks the Vow's dai as the returns' sum: another kind changing it in the same spell (an
        allocator payment's drip and suck) would make that figure wrong, so it is refused."""
        if not actions:
            return
        for a in ctx.spell.actions:
            if a.KIND == "allocator_payment":
                ctx.diags.error(actions[0].loc("type"), "a return to the surplus buffer and an allocator payment "
                                                         "in one spell: verify checks vat.dai(MCD_VOW) for each on "
                                                         "its own (state them in separate spells)")
                return

    def chainlog_reads(self, day: str) -> tuple[str, ...]:
        return (self.key, self.join, "MCD_VOW")

    def event_form(self, spell: Spell, before: Any, cast_time: int) -> str:
        """UsdsJoin emits Join(caller, usr, wad) where DaiJoin's note is LogNote(join)."""
        return "token: USDS" if self.token == "USDS" else ""

    def held_key(self) -> str:
        """The chainlog key of the held token, as proxy_transfer's one-read-a-token rule compares them."""
        return self.key

    def assumed_holding(self) -> tuple[str, int] | None:
        """(token key, wei) the PauseProxy must hold for the statement not to revert, when the YAML states
        it as a constant: on the twin, which models no such holding, it is given that much (an assumption
        the reports name); a fork reads mainnet's."""
        return (self.key, self.amount.wei) if self.amount.form == CONSTANT else None

    def solidity(self, ctx: SolidityContext) -> Block:
        if self.amount.form == WITHDRAWN:
            return self._withdrawn_solidity(ctx)
        literal, note = ctx.wei(self.amount.value) if self.amount.value else ("0", False)
        suffix = ctx.note(self.token) if note else ""
        functions = ("approve", "balanceOf") if self.amount.reads_balance else ("approve",)
        gem = ctx.token(self.token, *functions)
        amount = self.amount.solidity(literal, f"{gem}.balanceOf(address(this))")
        name = "Dai" if self.token == "DAI" else self.token
        join_type = (ctx.type("dai_join", "join") if self.token == "DAI" else ctx.type("usds_join", "join"))
        words = JOINS[self.token][2]
        if self.amount.form == CONSTANT:
            head = f"Sweep {human(self.amount.value)} {name} from the PauseProxy to the Surplus Buffer"
        elif self.amount.form == BALANCE_LESS:
            head = (f"Sweep the PauseProxy's {name} but {human(self.amount.value)} {name} to the Surplus Buffer")
        else:
            head = f"Sweep all {name} held in the PauseProxy to the Surplus Buffer"
        return Block(ctx.with_comment(self, [head]), [
            f"// Note: Approve the {words} for the amount returned",
            f"{gem}.approve({self.join}, {amount});{suffix}",
            f"// Note: Join the {words} for the amount returned using the Vow as destination",
            f"{join_type}({self.join}).join(MCD_VOW, {amount});{suffix}"])

    def _withdrawn_solidity(self, ctx: SolidityContext) -> Block:
        """2025-02-21's steps: the yield computed from the balance the withdrawal saved, then approved and joined."""
        gem = ctx.token(self.token, "approve", "balanceOf")
        name, amount = self.token.capitalize(), withdrawn_amount(self.token)
        w = yielding([a for a in ctx.spell.actions if a.KIND == "univ2_withdrawal"], self.path)
        whose = POOL_WORDS.get(w.pair, f"the {w.pair} withdrawal") if w is not None else "the withdrawal"
        head = [f"// {c}" for c in ctx.with_comment(
            self, [f"Sweep {self.token} returned by {whose} from the PauseProxy to the Surplus Buffer"])]
        return Block([f"Note: Calculate the amount of {name} withdrawn"], [
            f"uint256 {amount} = {gem}.balanceOf(address(this)) - {saved_balance(self.token)};", "",
            *head, "// Note: instruction is done in multiple actions below", "",
            f"// Note: Approve {JOINS[self.token][2]} for the amount returned",
            f"{gem}.approve({self.join}, {amount});", "",
            f"// Note: Move {name} to surplus buffer",
            f"{ctx.type('usds_join', 'join')}({self.join}).join(MCD_VOW, {amount});"])

    def chainlog_keys(self) -> set[str]:
        return {self.join, "MCD_VOW"}

    def gem_symbols(self) -> set[str]:
        return {self.token}

    def _label(self) -> str:
        return f"return to the surplus buffer: {self.amount.words(self.token)} of the PauseProxy"

    def expect(self, spell: Spell, out: Expected) -> None:
        from spellgen.spellfile.expect import HeldSent, Item

        vow = spell_vow()
        out.surplus_returns.append(HeldSent(Item(self._label(), self.path), self.key, self.token, vow, self.amount))

    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        """Each return: the Vow's dai rose by every return's amount (in rad), the PauseProxy's balance fell by
        it and the token's supply too, each amount computed from the PauseProxy's balance before the cast."""
        mine = returned(e)
        if not mine:
            return []
        proxy = o.addresses["MCD_PAUSE_PROXY"].lower()
        before, after = getattr(o.before, "held", {}), getattr(o.after, "held", {})
        pools = getattr(o.before, "pools", {})
        wants = [sent_wei(e, r, before, proxy, pools) for r in mine]
        vow_rise = o.after.vow_dai - o.before.vow_dai
        out: list[Check] = []
        for r, want in zip(mine, wants):
            name = str(r.symbol)
            have = (r.key, proxy) in before and (r.key, proxy) in after and r.key in o.before.supply \
                and r.key in o.after.supply
            if want is None or not have:
                why = ("the PauseProxy's balance was below the amount kept back: the return reverts"
                       if have else f"the chain's {r.key} balances were not read")
                if have and r.amount.form == WITHDRAWN:
                    why = "the withdrawal's yield is unknown (its pool was not read, or the withdrawal reverts)"
                out.append(common.ok(r.item.label, r.item.path, "no balance read", [why]))
                continue
            total_rad = sum(w or 0 for w in wants) * RAY
            same = [x for x in outflows(e) if x.key == r.key]  # transfers and burns of the token too
            fell = before[(r.key, proxy)] - after[(r.key, proxy)]
            # what the spell's withdrawals paid the PauseProxy of the token offsets what left it
            out_wei = sum(sent_wei(e, x, before, proxy, pools) or 0 for x in same) - paid_in(e, r.symbol, pools)
            supply_fell = o.before.supply[r.key] - o.after.supply[r.key]
            burnt = sum(sent_wei(e, x, before, proxy, pools) or 0 for x in [*mine, *getattr(e, "held_burns", [])]
                        if x.key == r.key)
            many = " (all the spell's returns)" if len(mine) > 1 else ""
            check = common.ok(
                r.item.label, r.item.path,
                f"PauseProxy {name} {common.wad(before[(r.key, proxy)], name)} -> "
                f"{common.wad(after[(r.key, proxy)], name)}; vat.dai(MCD_VOW) +{vow_rise:,} rad",
                common.compare([(f"vat.dai(MCD_VOW) rise (rad){many}", f"{total_rad:,}", f"{vow_rise:,}"),
                                (f"PauseProxy {name} fall" + (" (less what the withdrawal paid in)"
                                                              if paid_in(e, r.symbol, pools) else ""),
                                 common.wad(out_wei, name),
                                 common.wad(fell, name)),
                                (f"{name} supply fall", common.wad(burnt, name),
                                 common.wad(supply_fell, name))]))
            if getattr(o, "twin", False) and r.amount.form != WITHDRAWN:
                # On the twin (a withdrawal's yield: the pool's figures, which the withdrawal's item names) the PauseProxy's holding is an assumption (spellgen/twin/start.py gives it).
                check = replace(check, warning=f"the PauseProxy's {name} holding is the twin's assumption, "
                                               f"{common.wad(before[(r.key, proxy)], name)} before the cast "
                                               "(no mainnet fact)")
            out.append(check)
        return out

    @classmethod
    def state_effects(cls, e: Expected, view: StateView) -> list[StateEffect]:
        """The join's Vat dai moved to the Vow; the PauseProxy's tokens burnt (its allowance to the join,
        set to the amount and spent by the burn, ends where it was: 0)."""
        proxy = view.addresses["MCD_PAUSE_PROXY"]
        held = getattr(view, "held_before", {})
        pools = getattr(getattr(view, "before_state", None), "pools", {})
        out = []
        for r in returned(e):
            wei = sent_wei(e, r, held, proxy, pools)
            if wei is None:
                continue
            label, join = r.item.label, view.addresses[JOINS[str(r.symbol)][1]]
            out += [common.vat_change("dai", view.addresses["MCD_VOW"], wei * RAY, label),
                    common.vat_change("dai", join, -wei * RAY, label),
                    common.balance_change(str(r.symbol), proxy, -wei, label),
                    common.supply_change(str(r.symbol), -wei, label)]
        return out

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        """The PauseProxy's approval of the join, and its tokens burnt (a Transfer to the zero address)."""
        held = getattr(view, "held_before", {})
        moves, approvals = [], []
        for r in returned(e):
            approvals.append((str(r.symbol), view.proxy, view.address_of(JOINS[str(r.symbol)][1])))
            if (wei := sent_wei(e, r, held, view.proxy, getattr(view.before, "pools", {}))) is not None:
                moves.append((str(r.symbol), view.proxy, common.ZERO, wei))
        return TokenEvents(moves=tuple(moves), approvals=tuple(dict.fromkeys(approvals)))

    def summary_row(self, spell: Spell) -> SummaryRow:
        return SummaryRow("return to the surplus buffer", "MCD_VOW (surplus buffer)", "", self.token,
                          self.amount.words(self.token) + (" (read at the cast)" if self.amount.reads_balance else ""))

    def diff_fields(self, spell: Spell) -> dict[str, str]:
        return {"token": self.token, "amount": self.amount.yaml(), "comment": common.comment_of(self)}

    def identity(self) -> tuple:
        return (self.LABEL, self.token)

    def paid_tokens(self) -> dict[str, Decimal]:
        return {}  # back into the protocol: nobody is paid

    def flow(self) -> Flow | None:
        return None

    def ledger_fields(self, name: Callable[[Party], str]) -> list[str] | None:
        return None

    def doc_line(self, spell: Spell) -> str:
        if self.amount.form == WITHDRAWN:
            return f"- Return the {self.token} the withdrawal returned to the PauseProxy to the Surplus Buffer"
        if self.amount.form == CONSTANT:
            return f"- Return {human(self.amount.value)} {self.token} from the PauseProxy to the Surplus Buffer"
        return f"- Return {self.amount.words(self.token)} held in the PauseProxy to the Surplus Buffer"

    def doc_claims(self) -> list[DocClaim]:
        return []

    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        e = ctx.expected
        out = []
        for r in [r for r in returned(e) if r.item.path == self.path]:
            if r.amount.form == WITHDRAWN:
                out += self._withdrawn_brownie(e, r)
                continue
            lines = ['    proxy = cast.addresses["MCD_PAUSE_PROXY"].lower()']
            if r.amount.reads_balance:
                earlier = earlier_change(e, r)
                shift = f" {'+' if earlier > 0 else '-'} {common.wei_literal(abs(earlier))}" if earlier else ""
                lines.append(f'    balance = cast.before.held[("{r.key}", proxy)]{shift}  # the PauseProxy\'s '
                             f"{r.symbol} at this statement")
                want = r.amount.solidity(common.wei_literal(r.amount.wei), "balance")
            else:
                want = common.wei_literal(r.amount.wei)
            alone = len(returned(e)) == 1 and len([x for x in outflows(e) if x.key == r.key]) == 1
            op = "==" if alone else ">="
            lines += [f"    amount = {want}  # {r.amount.words(str(r.symbol))}",
                      f"    assert cast.after.vow_dai - cast.before.vow_dai {op} amount * 10**27  # the Vow's dai, rad",
                      f'    assert cast.before.held[("{r.key}", proxy)] - cast.after.held[("{r.key}", proxy)] '
                      f"{op} amount"]
            out.append((r.item, "\n".join(lines) + "\n"))
        return out

    def _withdrawn_brownie(self, e: Expected, r: HeldSent) -> list[tuple[Item, str]]:
        """The yield from the pool before the cast, by hand (as univ2_withdrawal's own test): all of it joined,
        the PauseProxy's balance where it was."""
        w = yielding(list(e.pool_withdrawals), r.item.path)
        if w is None:
            return []
        column = "balance1" if r.symbol == w.token1 else "balance0"
        body = (f'    proxy = cast.addresses["MCD_PAUSE_PROXY"].lower()\n'
                f'    pool = cast.before.pools["{w.pair}"]\n'
                f'    burnt = pool["proxy_lp"] - pool["supply"] * {common.wei_literal(w.leave)} // pool["balance1"]\n'
                f'    amount = burnt * pool["{column}"] // pool["supply"]  # the {r.symbol} the withdrawal paid\n'
                "    assert cast.after.vow_dai - cast.before.vow_dai == amount * 10**27  # the Vow's dai, rad\n"
                f'    assert cast.after.held[("{r.key}", proxy)] == cast.before.held[("{r.key}", proxy)]  # paid in, '
                "joined\n")
        return [(r.item, body)]


def spell_vow() -> str:
    """The Vow's address (lower case): where the returns go."""
    from spellgen.spellfile.history import MAINNET

    return MAINNET["MCD_VOW"].lower()
