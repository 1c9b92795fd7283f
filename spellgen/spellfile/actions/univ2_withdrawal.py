"""`univ2_withdrawal`: the PauseProxy's Uniswap V2 liquidity withdrawn but a part worth a stated amount of the
pool's USDS, as 2025-02-21 unwound the Smart Burn Engine's USDS/SKY liquidity (`UniV2PoolWithdraw.withdraw(dss,
7_500_000 * WAD)`): the pair synced, the liquidity to keep read as `totalSupply * leave / usdsReserve`, the rest
of the PauseProxy's liquidity sent to the pair and burnt, the pool paying the PauseProxy both tokens pro rata.
All of it is read at the cast; verify computes it from the pool's state before the cast."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from spellgen.spellfile.actions import common
from spellgen.spellfile.actions.base import (
    Action, Block, BrownieContext, Check, CheckContext, DocClaim, Effects, EventView, Flow, Party, SolidityContext,
    SolidityExtras, StateEffect, StateView, SummaryRow, TokenEvents,
)
from spellgen.spellfile.actions.fields import AMOUNT
from spellgen.spellfile.amounts import human, to_wei
from spellgen.spellfile.solidity import Interface

if TYPE_CHECKING:
    from spellgen.spellfile.expect import Expected, Item
    from spellgen.spellfile.model import Spell

# The pairs a spell may withdraw from: chainlog key -> (token0, token1) by symbol, in the pair's order (a V2
# pair sorts its tokens by address: SKY 0x5607... before USDS 0xdC03...). The amount left is in token1.
PAIRS: dict[str, tuple[str, str]] = {"UNIV2USDSSKY": ("SKY", "USDS")}
# How the spells name a pool's liquidity in words (2025-02-21: "Sweep USDS returned by the SBE"): the USDS/SKY
# pool is the one the Smart Burn Engine (MCD_FLAP) trades on and its liquidity the engine's.
POOL_WORDS: dict[str, str] = {"UNIV2USDSSKY": "the SBE"}
U112 = 2**112
U32 = 2**32
U256 = 2**256


def helper(pool: str) -> list[str]:
    return [
        "// Withdraw the PauseProxy's liquidity from a Uniswap V2 pool but what `usdsToLeave` of its USDS is worth",
        "// (the same worth of SKY stays with it): the pool pays the PauseProxy both tokens pro rata",
        "function _withdrawUniV2Liquidity(address pair, uint256 usdsToLeave) internal {",
        "    // Note: reserves equal to the balances before reading them",
        f"    {pool}(pair).sync();",
        f"    (, uint256 usdsReserve,) = {pool}(pair).getReserves();",
        f"    uint256 lpsToLeave = {pool}(pair).totalSupply() * usdsToLeave / usdsReserve;",
        f"    uint256 lpsToBurn = {pool}(pair).balanceOf(address(this)) - lpsToLeave;",
        f"    {pool}(pair).transfer(pair, lpsToBurn);",
        f"    {pool}(pair).burn(address(this));",
        "}",
    ]


@dataclass(frozen=True)
class Withdrawal:
    """One withdrawal as the model computes it from the pool's state before the cast."""

    burnt: int  # liquidity burnt
    out0: int  # token0 paid to the PauseProxy
    out1: int  # token1 paid to the PauseProxy
    reserve0: int  # the pool's reserves after
    reserve1: int
    price0: int  # the price accumulators after the cast's sync
    price1: int


def model(pool: dict[str, int], leave: int, cast_time: int) -> Withdrawal | None:
    """sync (reserves := balances, the prices accumulated over the time since the last update at the old
    reserves), then liquidity to keep = supply * leave // balance1, burnt = the PauseProxy's - kept, each token
    out = burnt * balance // supply (rounded down, as the pair pays). None: the cast reverts (the PauseProxy
    holds less than it keeps, an empty pool, or nothing to pay)."""
    bal0, bal1, supply = pool["balance0"], pool["balance1"], pool["supply"]
    if not bal1 or not supply:
        return None
    burnt = pool["proxy_lp"] - supply * leave // bal1
    if burnt <= 0:
        return None
    out0, out1 = burnt * bal0 // supply, burnt * bal1 // supply
    if not out0 or not out1:
        return None
    price0, price1 = pool["price0"], pool["price1"]
    elapsed = (cast_time % U32 - pool["last"]) % U32
    if elapsed and pool["reserve0"] and pool["reserve1"]:
        price0 = (price0 + (pool["reserve1"] * U112 // pool["reserve0"]) * elapsed) % U256
        price1 = (price1 + (pool["reserve0"] * U112 // pool["reserve1"]) * elapsed) % U256
    return Withdrawal(burnt, out0, out1, bal0 - out0, bal1 - out1, price0, price1)


def _section_of(path: str) -> str:
    return path.split(".actions[")[0]


def _order(path: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\[(\d+)\]", path))


def _path_of(w: Any) -> str:
    return str(w.item.path if hasattr(w, "item") else w.path)  # an expected PoolWithdrawn, or the action


def yielding(withdrawals: list, path: str) -> Any | None:
    """The withdrawal whose yield the statement at `path` spends: the last one before it in its section (a
    spell's `withdrawn` amount is a local variable of that section's code)."""
    mine = [w for w in withdrawals
            if _section_of(_path_of(w)) == _section_of(path) and _order(_path_of(w)) < _order(path)]
    return mine[-1] if mine else None


def paid(w: Any, pool: dict | None, symbol: str | None) -> int | None:
    """What withdrawal `w` (an expected PoolWithdrawn) pays the PauseProxy of `symbol`, computed from the pool's
    state before the cast; None when unknown or the cast reverts, 0 for a token not the pool's."""
    if symbol not in (w.token0, w.token1):
        return 0
    m = model(pool, w.leave, 0) if pool else None  # the amounts paid do not depend on the time
    if m is None:
        return None
    return m.out0 if symbol == w.token0 else m.out1


def withdrawn_wei(e: Any, path: str, symbol: str | None, pools: dict) -> int | None:
    """The `withdrawn` amount of the statement at `path`: what the withdrawal before it paid in `symbol`."""
    w = yielding(list(getattr(e, "pool_withdrawals", [])), path)
    return None if w is None else paid(w, pools.get(w.pair), symbol)


def paid_in(e: Any, symbol: str | None, pools: dict) -> int:
    """Every wei of `symbol` the spell's withdrawals pay the PauseProxy (an unknown pay-in counts 0 and fails
    the withdrawal's own item)."""
    return sum(paid(w, pools.get(w.pair), symbol) or 0 for w in getattr(e, "pool_withdrawals", []))


def saved_balance(token: str) -> str:
    """The local variable holding the PauseProxy's balance before the withdrawal (2025-02-21: pProxyUsdsPrev)."""
    return f"pProxy{token.capitalize()}Prev"


def withdrawn_amount(token: str) -> str:
    """The local variable holding what the withdrawal paid (2025-02-21: withdrawnUsdsAmount)."""
    return f"withdrawn{token.capitalize()}Amount"


@dataclass
class Univ2Withdrawal(Action):
    """The PauseProxy's liquidity in a Uniswap V2 pool withdrawn but a part worth `leave` USDS."""

    pair: str
    leave: Decimal
    comment: str | None = None

    KIND: ClassVar[str] = "univ2_withdrawal"
    LABEL: ClassVar[str] = "Uniswap V2 withdrawal"
    FIELDS: ClassVar[dict[str, bool]] = {"type": True, "pair": True, "leave": True, "comment": False}
    README: ClassVar[str] = "`univ2_withdrawal`"
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = ("_withdrawUniV2Liquidity",)
    CHECK_RANK: ClassVar[int] = 9
    EXPLAIN_RANK: ClassVar[int] = 13
    INTERFACES: ClassVar[dict[str, Interface]] = {
        "univ2_pair": Interface("UniV2PoolLike", (
            ("getReserves", "function getReserves() external view returns (uint112, uint112, uint32);"),
            ("sync", "function sync() external;"),
            ("burn", "function burn(address to) external returns (uint256 amount0, uint256 amount1);"),
            ("totalSupply", "function totalSupply() external view returns (uint256);"),
            ("balanceOf", "function balanceOf(address usr) external view returns (uint256);"),
            ("transfer", "function transfer(address dst, uint256 wad) external returns (bool);"),
        ))}
    EFFECTS: ClassVar[Effects] = Effects(
        calls=(("UNIV2USDSSKY", "sync"), ("UNIV2USDSSKY", "getReserves"), ("UNIV2USDSSKY", "totalSupply"), ("UNIV2USDSSKY", "balanceOf"),
               ("UNIV2USDSSKY", "transfer"), ("UNIV2USDSSKY", "burn"), ("SKY", "transfer"), ("USDS", "transfer"),
               ("SKY", "balanceOf"), ("USDS", "balanceOf")),
        reads=("UNIV2USDSSKY.getReserves() after sync", "UNIV2USDSSKY.totalSupply()", "UNIV2USDSSKY.balanceOf(proxy)"),
        branches=(),  # keeping more liquidity than the PauseProxy holds underflows: the cast reverts
        state=(("UNIV2USDSSKY", "balanceOf[proxy]"), ("UNIV2USDSSKY", "totalSupply"), ("UNIV2USDSSKY", "reserve0, reserve1, "
                                                                              "blockTimestampLast"),
               ("UNIV2USDSSKY", "price0CumulativeLast"), ("UNIV2USDSSKY", "price1CumulativeLast"), ("SKY", "balanceOf[UNIV2USDSSKY]"),
               ("SKY", "balanceOf[proxy]"), ("USDS", "balanceOf[UNIV2USDSSKY]"), ("USDS", "balanceOf[proxy]")),
        events=(("UNIV2USDSSKY", "Sync(reserve0, reserve1)"), ("UNIV2USDSSKY", "Transfer(proxy, UNIV2USDSSKY)"), ("UNIV2USDSSKY", "Transfer(UNIV2USDSSKY, 0)"),
                ("SKY", "Transfer(UNIV2USDSSKY, proxy)"), ("USDS", "Transfer(UNIV2USDSSKY, proxy)"),
                ("UNIV2USDSSKY", "Sync(reserve0, reserve1)"), ("UNIV2USDSSKY", "Burn(proxy, amount0, amount1, proxy)")),
        used_by=("checks, run by verify/compare.py: the liquidity burnt, what the pool paid the PauseProxy and its "
                 "reserves after, computed from the pool's state before the cast",
                 "state_effects, applied by verify/statediff.py: the pair's and the tokens' storage",
                 "token_events and the declared events, counted by verify's event check"))

    @property
    def leave_wei(self) -> int:
        return to_wei(self.leave)

    @property
    def tokens(self) -> tuple[str, str]:
        return PAIRS[self.pair]

    def effect_names(self, day: str) -> dict[str, str]:
        """The pool is named by its chainlog key in EFFECTS (the one pool spellgen knows): nothing to bind."""
        return {}

    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        return ("The PauseProxy's Uniswap V2 liquidity withdrawn but a part worth `leave` of the pool's USDS (2025-02-21: "
                "sync, totalSupply * leave / usdsReserve kept, the rest transferred to the pair and burnt to the "
                "PauseProxy), read at the cast."), {
            "pair": {"enum": list(PAIRS), "description": "The pool's chainlog key."},
            "leave": {**AMOUNT, "description": "USDS the PauseProxy's remaining liquidity is worth (0: withdraw all "
                                               "of it); as much SKY stays with it."},
            "comment": comment}

    @classmethod
    def parse(cls, p, node) -> Univ2Withdrawal | None:
        e = node.entries
        pair = p.r.choice(e["pair"], "the pool", list(PAIRS))
        leave = p.r.amount(e["leave"], "the amount to leave", "USDS", allow_zero=True, mover="the pool counts it in")
        if pair is None or leave is None:
            return None
        return cls(pair, leave, p.comment(e))

    def check(self, ctx: CheckContext) -> None:
        """The pair's key and its tokens must be in the chainlog of the date (chainlog_reads)."""

    @classmethod
    def check_kind(cls, actions: list, ctx: CheckContext) -> None:
        """One withdrawal per pool: a second reads the pool the first left (verify models one)."""
        seen: dict[str, Any] = {}
        for a in actions:
            if a.pair in seen:
                ctx.diags.error(a.loc("pair"), f"{a.pair} is withdrawn from twice in this spell (line "
                                               f"{seen[a.pair].loc().line}); write one withdrawal")
            seen.setdefault(a.pair, a)

    def chainlog_reads(self, day: str) -> tuple[str, ...]:
        return (self.pair, *self.tokens)

    def chainlog_keys(self) -> set[str]:
        return {self.pair}

    def solidity(self, ctx: SolidityContext) -> Block:
        amount, note = ctx.wei(self.leave) if self.leave else ("0", False)
        token0, token1 = self.tokens
        head = (f"Withdraw the PauseProxy's {self.pair} liquidity but {human(self.leave)} {token1} worth (and as "
                f"much {token0} worth), the {token0} and {token1} to the PauseProxy"
                if self.leave else f"Withdraw all of the PauseProxy's {self.pair} liquidity, the {token0} and "
                                   f"{token1} to the PauseProxy")
        code = f"_withdrawUniV2Liquidity({self.pair}, {amount});" + (ctx.note(token1) if note else "")
        spent = self._spent_tokens(ctx.spell)
        if not spent:
            return Block(ctx.with_comment(self, [head]), [code])
        # A return of what it yields follows: the PauseProxy's balance is saved first (2025-02-21's steps).
        saves = []
        for token in spent:
            saves += [f"uint256 {saved_balance(token)} = {ctx.token(token, 'balanceOf')}.balanceOf(address(this));", ""]
        return Block([f"Note: Save {spent[0].capitalize()} amount before withdraw"],
                     [*saves, *(f"// {c}" for c in ctx.with_comment(self, [head])), code])

    def _spent_tokens(self, spell: Spell) -> list[str]:
        """The tokens a later statement of this section spends as `withdrawn` from this withdrawal."""
        from spellgen.spellfile.held import WITHDRAWN

        spent = []
        for a in spell.actions:
            token = str(getattr(a, "token", ""))
            if getattr(getattr(a, "amount", None), "form", None) == WITHDRAWN and token not in spent and \
                    yielding([x for x in spell.actions if x.KIND == self.KIND], a.path) is self:
                spent.append(token)
        return spent

    @classmethod
    def extras(cls, actions: list, ctx: SolidityContext) -> SolidityExtras:
        if not actions:
            return SolidityExtras()
        pool = ctx.type("univ2_pair", "sync", "getReserves", "totalSupply", "balanceOf", "transfer", "burn")
        return SolidityExtras(helpers=[helper(pool)], needs_wad=True)

    def _label(self) -> str:
        token0, token1 = self.tokens
        kept = f"but {human(self.leave)} {token1} worth" if self.leave else "all of it"
        return f"Uniswap V2 withdrawal: the PauseProxy's {self.pair} liquidity, {kept}, paid out in {token0} and {token1}"

    def expect(self, spell: Spell, out: Expected) -> None:
        from spellgen.spellfile.expect import Item, PoolWithdrawn

        token0, token1 = self.tokens
        out.pool_withdrawals.append(PoolWithdrawn(Item(self._label(), self.path), self.pair, token0, token1,
                                                  self.leave_wei))

    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        """Each pool against the model from its state before the cast: the liquidity burnt, the pool's reserves
        and balances after, what the PauseProxy received (its balances: when no other kind moves them)."""
        out: list[Check] = []
        for w in getattr(e, "pool_withdrawals", []):
            before, after = getattr(o.before, "pools", {}).get(w.pair), getattr(o.after, "pools", {}).get(w.pair)
            if before is None or after is None:
                out.append(Check(w.item.label, w.item.path, False, "not read", f"the cast read no {w.pair} pool"))
                continue
            m = model(before, w.leave, o.cast.timestamp)
            if m is None:
                out.append(Check(w.item.label, w.item.path, False, "no withdrawal",
                                 f"the PauseProxy's {w.pair} liquidity before the cast ({before['proxy_lp']:,}) is not "
                                 f"above what {common.wad(w.leave, w.token1)} is worth: the cast must revert"))
                continue
            wad = common.wad
            fields: list[tuple[str, object, object]] = [
                (f"{w.pair} liquidity burnt (supply fall)", f"{m.burnt:,}", f"{before['supply'] - after['supply']:,}"),
                ("the PauseProxy's liquidity fall", f"{m.burnt:,}", f"{before['proxy_lp'] - after['proxy_lp']:,}"),
                (f"{w.token0} reserve after", f"{m.reserve0:,}", f"{after['reserve0']:,}"),
                (f"{w.token1} reserve after", f"{m.reserve1:,}", f"{after['reserve1']:,}"),
                (f"the pool's {w.token0} paid", wad(m.out0, w.token0), wad(before["balance0"] - after["balance0"],
                                                                          w.token0)),
                (f"the pool's {w.token1} paid", wad(m.out1, w.token1), wad(before["balance1"] - after["balance1"],
                                                                          w.token1))]
            shared = _shared_tokens(e)
            for token, got, paid in ((w.token0, "proxy0", m.out0), (w.token1, "proxy1", m.out1)):
                if token not in shared:
                    fields.append((f"PauseProxy {token} rise", wad(paid, token), wad(after[got] - before[got], token)))
            evidence = (f"{m.burnt:,} of {before['supply']:,} liquidity burnt (the PauseProxy kept "
                        f"{before['proxy_lp'] - m.burnt:,}); paid {wad(m.out0, w.token0)} and {wad(m.out1, w.token1)} "
                        f"to the PauseProxy; reserves {after['reserve0']:,} / {after['reserve1']:,}")
            check = common.ok(w.item.label, w.item.path, evidence, common.compare(fields))
            if getattr(o, "twin", False):
                check = Check(check.item, check.path, check.passed, check.evidence, check.reason,
                              warning="the pool's reserves, supply and the PauseProxy's liquidity are the twin's "
                                      "assumptions (no mainnet fact offline)")
            out.append(check)
        return out

    @classmethod
    def state_effects(cls, e: Expected, view: StateView) -> list[StateEffect]:
        """The pair: the PauseProxy's liquidity and the supply down by the burnt liquidity, the reserves and their
        time (a value at the cast's time), the price accumulators when sync found time passed; each token: the
        pair's balance down and the PauseProxy's up by what the pool paid."""
        before_state = getattr(view, "before_state", None)
        out: list[StateEffect] = []
        for w in getattr(e, "pool_withdrawals", []):
            pool = getattr(before_state, "pools", {}).get(w.pair) if before_state is not None else None
            m = model(pool, w.leave, view.cast_time) if pool else None
            if pool is None or m is None:
                continue
            pair, proxy, label = view.addresses[w.pair], view.addresses["MCD_PAUSE_PROXY"], w.item.label
            out += [StateEffect(w.pair, "balanceOf", (proxy,), delta=-m.burnt, label=label, layout="UniswapV2Pair"),
                    StateEffect(w.pair, "totalSupply", (), delta=-m.burnt, label=label, layout="UniswapV2Pair"),
                    StateEffect(w.pair, "reserves", (), value=m.reserve0 | m.reserve1 << 112 |
                                (view.cast_time % U32) << 224, label=f"{label}: reserves and their time",
                                time_dependent=True, layout="UniswapV2Pair")]
            if m.price0 != pool["price0"] or m.price1 != pool["price1"]:
                out += [StateEffect(w.pair, var, (), value=value, label=f"{label}: sync's price accumulator",
                                    time_dependent=True, layout="UniswapV2Pair")
                        for var, value in (("price0CumulativeLast", m.price0), ("price1CumulativeLast", m.price1))]
            for token, paid in ((w.token0, m.out0), (w.token1, m.out1)):
                out += [common.balance_change(token, pair, -paid, label), common.balance_change(token, proxy, paid, label)]
        return out

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        """Each token's Transfer from the pair to the PauseProxy (the pair's own events are declared)."""
        moves = []
        for w in getattr(e, "pool_withdrawals", []):
            pool = getattr(view.before, "pools", {}).get(w.pair)
            m = model(pool, w.leave, view.cast_time) if pool else None
            if m is not None:
                pair = view.address_of(w.pair)
                moves += [(w.token0, pair, view.proxy, m.out0), (w.token1, pair, view.proxy, m.out1)]
        return TokenEvents(moves=tuple(moves))

    def summary_row(self, spell: Spell) -> SummaryRow:
        token0, token1 = self.tokens
        kept = f"but {common.amount_text(self.leave, token1)} worth" if self.leave else "all"
        return SummaryRow("Uniswap V2 withdrawal", "PauseProxy", "", f"{token0}, {token1}",
                          f"{self.pair} liquidity, {kept} (read at the cast)")

    def diff_fields(self, spell: Spell) -> dict[str, str]:
        return {"pair": self.pair, "leave": common.amount_text(self.leave, self.tokens[1]),
                "comment": common.comment_of(self)}

    def identity(self) -> tuple:
        return (self.LABEL, self.pair)

    def paid_tokens(self) -> dict[str, Decimal]:
        return {}  # nobody is paid: the tokens return to the PauseProxy

    def flow(self) -> Flow | None:
        return None

    def ledger_fields(self, name: Callable[[Party], str]) -> list[str] | None:
        return None

    def doc_line(self, spell: Spell) -> str:
        token0, token1 = self.tokens
        kept = (f"leaving {common.amount_text(self.leave, token1)} and the equivalent amount in {token0}"
                if self.leave else "all of it")
        return f"- Withdraw the PauseProxy's {self.pair} liquidity, {kept}; the {token0} and {token1} to the PauseProxy"

    def doc_claims(self) -> list[DocClaim]:
        return []

    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        out = []
        for w in [w for w in ctx.expected.pool_withdrawals if w.item.path == self.path]:
            body = (f'    pool, after = cast.before.pools["{w.pair}"], cast.after.pools["{w.pair}"]\n'
                    f"    kept = pool[\"supply\"] * {common.wei_literal(w.leave)} // pool[\"balance1\"]  # "
                    f"{common.token_amount(w.leave)} {w.token1} worth\n"
                    '    burnt = pool["proxy_lp"] - kept\n'
                    '    assert pool["supply"] - after["supply"] == burnt\n'
                    '    assert pool["proxy_lp"] - after["proxy_lp"] == burnt\n'
                    '    assert pool["balance0"] - after["balance0"] == burnt * pool["balance0"] // pool["supply"]\n'
                    '    assert pool["balance1"] - after["balance1"] == burnt * pool["balance1"] // pool["supply"]\n'
                    '    assert (after["reserve0"], after["reserve1"]) == (after["balance0"], after["balance1"])\n')
            out.append((w.item, body))
        return out


def _shared_tokens(e: Any) -> set[str]:
    """Tokens whose PauseProxy balance another kind of the spell moves too: the state diff judges their sum."""
    shared: set[str] = set()
    if e.sky_transfers or e.conversions or e.mkr_at_cast or e.held_burns or e.proxy_transfers:
        shared |= {"SKY", "USDS"}
    if e.usds_payments:
        shared.add("USDS")
    shared |= {str(r.symbol) for r in getattr(e, "surplus_returns", [])}  # its check judges the net change
    return shared
