"""`burn`: tokens of the PauseProxy burnt, in an amount that is a constant, its whole balance or its balance
less a constant (2025-06-26: `BurnLike(SKY).burn(address(this), 426_292_860.23 ether);`)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from spellgen.spellfile.actions import common
from spellgen.spellfile.actions.base import (
    Action, Block, BrownieContext, Check, CheckContext, DocClaim, Effects, EventView, Flow, Party, SolidityContext,
    StateEffect, StateView, SummaryRow, TokenEvents,
)
from spellgen.spellfile.actions.proxy_transfer import outflows, sent_wei, earlier_change
from spellgen.spellfile.amounts import human
from spellgen.spellfile.held import BALANCE_LESS, CONSTANT, FORMAT, HeldAmount, parse_held
from spellgen.spellfile.protocol import UINT128_MAX
from spellgen.spellfile.solidity import Interface

if TYPE_CHECKING:
    from spellgen.spellfile.expect import Expected, Item
    from spellgen.spellfile.model import Spell

# The tokens whose `burn(address, uint256)` burns a holder's own balance (the 2024-era ERC-20s, the
# twin's WardedToken): the chainlog key is the symbol.
BURNABLE = ("SKY", "USDS", "SPK")


@dataclass
class Burn(Action):
    """The PauseProxy's tokens burnt: `BurnLike(TOKEN).burn(address(this), amount)`."""

    token: str  # SKY, USDS or SPK (its chainlog key too)
    amount: HeldAmount
    comment: str | None = None

    KIND: ClassVar[str] = "burn"
    LABEL: ClassVar[str] = "burn"
    FIELDS: ClassVar[dict[str, bool]] = {"type": True, "token": True, "amount": True, "comment": False}
    README: ClassVar[str] = "`burn`"
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = ("burn",)
    CHECK_RANK: ClassVar[int] = 8
    EXPLAIN_RANK: ClassVar[int] = 12
    INTERFACES: ClassVar[dict[str, Interface]] = {
        "burn": Interface("BurnLike", (("burn", "function burn(address, uint256) external;"),))}
    EFFECTS: ClassVar[Effects] = Effects(
        calls=(("TOKEN", "burn"), ("TOKEN", "balanceOf")),
        reads=("TOKEN.balanceOf(proxy) (amount: balance, balance - N)",),
        branches=(),  # `balance - N` underflows (the cast reverts) without a branch of its own
        state=(("TOKEN", "balanceOf[proxy]"), ("TOKEN", "totalSupply")),
        events=(("TOKEN", "Transfer(proxy, 0)"),),
        used_by=("checks, run by verify/compare.py: the token's supply and the PauseProxy's balance, the amount "
                 "computed from the PauseProxy's balance before the cast",
                 "state_effects, applied by verify/statediff.py: its storage changes",
                 "token_events, counted by verify/compare.py's event check"))

    def effect_names(self, day: str) -> dict[str, str]:
        """TOKEN is the burnt token, by its chainlog key."""
        return {"TOKEN": self.token}

    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        return ("Tokens of the PauseProxy burnt: BurnLike(TOKEN).burn(address(this), amount), the amount a "
                "constant, the whole balance or the balance less a constant, read at the cast."), {
            "token": {"enum": list(BURNABLE), "description": "The token burnt (its chainlog key)."},
            "amount": {"description": f"{FORMAT}; a constant has at most 18 decimals.",
                       "type": ["integer", "number", "string"]},
            "comment": comment}

    @classmethod
    def parse(cls, p, node) -> Burn | None:
        e = node.entries
        token = p.r.choice(e["token"], "the token", list(BURNABLE))
        amount = parse_held(p.r, e["amount"], "the amount", token)
        if token is None or amount is None:
            return None
        return cls(token, amount, p.comment(e))

    def check(self, ctx: CheckContext) -> None:
        if self.amount.wei > UINT128_MAX:
            ctx.diags.error(self.loc("amount"), f"the amount is beyond any {self.token} supply (more than uint128)")

    def chainlog_reads(self, day: str) -> tuple[str, ...]:
        return (self.token,)

    def solidity(self, ctx: SolidityContext) -> Block:
        literal, note = ctx.wei(self.amount.value) if self.amount.value else ("0", False)
        token = ctx.token(self.token, "balanceOf") if self.amount.reads_balance else self.token
        address = self.token if ctx.style.address_tokens else f"address({self.token})"
        amount = self.amount.solidity(literal, f"{token}.balanceOf(address(this))")
        if self.amount.form == CONSTANT:
            head = f"Burn {human(self.amount.value)} {self.token} from the PauseProxy"
        elif self.amount.form == BALANCE_LESS:
            head = f"Burn the PauseProxy's {self.token} but {human(self.amount.value)} {self.token}"
        else:
            head = f"Burn all {self.token} held in the PauseProxy"
        code = f"{ctx.type('burn', 'burn')}({address}).burn(address(this), {amount});"
        return Block(ctx.with_comment(self, [head]), [code + (ctx.note(self.token) if note else "")])

    def gem_symbols(self) -> set[str]:
        return {self.token}

    def _label(self) -> str:
        return f"burn: {self.amount.words(self.token)} of the PauseProxy"

    def expect(self, spell: Spell, out: Expected) -> None:
        from spellgen.spellfile.expect import ZERO, HeldSent, Item

        out.held_burns.append(HeldSent(Item(self._label(), self.path), self.token, self.token, ZERO, self.amount))

    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        """Each burn's amount, from the PauseProxy's balance before the cast: the supply fell by every burn
        of the token (the PauseProxy's balance is the transfer kinds' treasury item, or this kind's)."""
        if not e.held_burns:
            return []
        proxy = o.addresses["MCD_PAUSE_PROXY"].lower()
        before, after = getattr(o.before, "held", {}), getattr(o.after, "held", {})
        out: list[Check] = []
        for b in e.held_burns:
            want = sent_wei(e, b, before, proxy)
            same = [x for x in e.held_burns if x.key == b.key]
            total = sum(sent_wei(e, x, before, proxy) or 0 for x in same)
            have = b.key in o.before.supply and b.key in o.after.supply and (b.key, proxy) in before
            if want is None or not have:
                why = ("the PauseProxy's balance was below the amount kept back: the burn reverts"
                       if have else f"the chain's {b.key} supply and balances were not read")
                out.append(common.ok(b.item.label, b.item.path, "no balance read", [why]))
                continue
            fell = o.before.supply[b.key] - o.after.supply[b.key]
            note = f" (with {len(same) - 1} more burn(s) of {b.key})" if len(same) > 1 else ""
            # MKR converted in the same cast mints SKY: the supply falls by the burns less that (a
            # conversion read at the cast counts as verify computed it from the pre-state).
            minted = getattr(e, "sky_minted", 0) if b.key == "SKY" else 0
            if minted:
                note += f" (less {common.wad(minted, b.key)} the cast's conversions mint)"
                total -= minted
            check = common.ok(b.item.label, b.item.path,
                              f"PauseProxy {b.key} before the cast {common.wad(before[(b.key, proxy)], b.key)}; "
                              f"{b.key} supply {'-' if fell >= 0 else '+'}{common.wad(abs(fell), b.key)}",
                              common.compare([(f"{b.key} supply fall{note}", common.wad(total, b.key),
                                               common.wad(fell, b.key))]))
            if b.amount.reads_balance and getattr(o, "twin", False):
                check = replace(check, warning=f"the amount read at the cast rests on the twin's assumed PauseProxy "
                                               f"{b.key} holding, {common.wad(before[(b.key, proxy)], b.key)} before "
                                               "the cast (no mainnet fact)")
            out.append(check)
        transferred = {t.key for t in getattr(e, "proxy_transfers", [])}  # that kind's treasury item covers them
        for key in dict.fromkeys(b.key for b in e.held_burns):
            if key in transferred or (key == "SKY" and (e.sky_transfers or e.conversions or
                                                        getattr(e, "mkr_at_cast", []))) or \
                    (key, proxy) not in before or (key, proxy) not in after:
                continue
            out_wei = sum(sent_wei(e, x, before, proxy) or 0 for x in outflows(e) if x.key == key)
            got = after[(key, proxy)] - before[(key, proxy)]
            out.append(common.ok(f"treasury: PauseProxy {key} -{common.wad(out_wei, key)}", "spell",
                                 f"PauseProxy {key} {common.wad(before[(key, proxy)], key)} -> "
                                 f"{common.wad(after[(key, proxy)], key)}",
                                 common.compare([(f"PauseProxy {key} change", -out_wei, got)])))
        return out

    @classmethod
    def state_effects(cls, e: Expected, view: StateView) -> list[StateEffect]:
        """The PauseProxy's balance and the token's supply, down by the amount."""
        proxy = view.addresses["MCD_PAUSE_PROXY"]
        held = getattr(view, "held_before", {})
        out = []
        for b in getattr(e, "held_burns", []):
            wei = sent_wei(e, b, held, proxy)
            if wei is not None:
                out += [common.balance_change(b.key, proxy, -wei, b.item.label),
                        common.supply_change(b.key, -wei, b.item.label)]
        return out

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        """A Transfer from the PauseProxy to the zero address."""
        held = getattr(view, "held_before", {})
        moves = [(b.key, view.proxy, common.ZERO, wei) for b in e.held_burns
                 if (wei := sent_wei(e, b, held, view.proxy)) is not None]
        return TokenEvents(moves=tuple(moves))

    def summary_row(self, spell: Spell) -> SummaryRow:
        return SummaryRow("burn", "PauseProxy", "", self.token,
                          self.amount.words(self.token) + (" (read at the cast)" if self.amount.reads_balance else ""))

    def diff_fields(self, spell: Spell) -> dict[str, str]:
        return {"token": self.token, "amount": self.amount.yaml(), "comment": common.comment_of(self)}

    def identity(self) -> tuple:
        return (self.LABEL, self.token)

    def paid_tokens(self) -> dict[str, Decimal]:
        return {}  # nobody is paid

    def flow(self) -> Flow | None:
        return None

    def ledger_fields(self, name: Callable[[Party], str]) -> list[str] | None:
        return None

    def doc_line(self, spell: Spell) -> str:
        if self.amount.form == CONSTANT:
            return f"- Burn {human(self.amount.value)} of the PauseProxy's {self.token}"
        return f"- Burn {self.amount.words(self.token)} held in the PauseProxy"

    def doc_claims(self) -> list[DocClaim]:
        return []

    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        e = ctx.expected
        out = []
        for b in [b for b in e.held_burns if b.item.path == self.path]:
            lines = []
            if b.amount.reads_balance:
                earlier = earlier_change(e, b)
                shift = f" {'+' if earlier > 0 else '-'} {common.wei_literal(abs(earlier))}" if earlier else ""
                lines += ['    proxy = cast.addresses["MCD_PAUSE_PROXY"].lower()',
                          f'    balance = cast.before.held[("{b.key}", proxy)]{shift}  # the PauseProxy\'s {b.key} '
                          "at this statement"]
                want = b.amount.solidity(common.wei_literal(b.amount.wei), "balance")
            else:
                want = common.wei_literal(b.amount.wei)
            others = len([x for x in e.held_burns if x.key == b.key]) > 1
            # SKY the cast's conversions mint (24,000 per MKR the cast burns) offsets the burn in the supply.
            converts = b.key == "SKY" and (e.conversions or e.mkr_at_cast or any(t.mkr_wei for t in e.sky_transfers))
            minted = (' + (cast.before.supply["MKR"] - cast.after.supply["MKR"]) * 24_000  # with the SKY the '
                      "conversions mint") if converts else ""
            lines += [f'    fell = cast.before.supply["{b.key}"] - cast.after.supply["{b.key}"]{minted}',
                      f"    assert fell {'>=' if others else '=='} {want}  # {b.amount.words(b.key)}"
                      + (" (with the other burns of the token)" if others else "")]
            out.append((b.item, "\n".join(lines) + "\n"))
        return out
