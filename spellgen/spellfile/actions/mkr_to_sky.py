"""`mkr_to_sky`: MKR of the PauseProxy converted into SKY for the PauseProxy through MKR_SKY."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from spellgen.spellfile import history
from spellgen.spellfile.actions import common, proxy_transfer
from spellgen.spellfile.actions.base import (
    Action, Block, BrownieContext, Check, CheckContext, DocClaim, Effects, EventView, Flow, Party, SolidityContext,
    StateEffect, StateView, SummaryRow, TokenEvents,
)
from spellgen.spellfile.actions.fields import AMOUNT
from spellgen.spellfile.amounts import from_wei, human, to_wei
from spellgen.spellfile.protocol import MKR_SKY_RATE, UINT128_MAX, WAD

if TYPE_CHECKING:
    from spellgen.spellfile.expect import Expected, Item
    from spellgen.spellfile.model import Spell


@dataclass
class MkrToSky(Action):
    """MKR of the PauseProxy converted into SKY for the PauseProxy through MKR_SKY (2025-01-23:
    `MKR.approve(MKR_SKY, 624 * WAD); MkrSkyLike(MKR_SKY).mkrToSky(address(this), 624 * WAD);`)."""

    amount: Decimal  # MKR
    comment: str | None = None

    KIND: ClassVar[str] = "mkr_to_sky"
    LABEL: ClassVar[str] = "MKR -> SKY conversion"
    FIELDS: ClassVar[dict[str, bool]] = {"type": True, "amount": True, "comment": False}
    README: ClassVar[str] = "`mkr_to_sky`"
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = ("approve", "mkrToSky")
    CHECK_RANK: ClassVar[int] = 5
    EXPLAIN_RANK: ClassVar[int] = 9
    EFFECTS: ClassVar[Effects] = Effects(
        calls=(("MKR", "approve"), ("MKR_SKY", "mkrToSky")),
        reads=(),
        branches=(),
        state=(("MKR", "balanceOf[proxy]"), ("MKR", "totalSupply"), ("SKY", "balanceOf[proxy]"), ("SKY", "totalSupply"),
               ("MKR", "allowance[proxy][MKR_SKY]")),
        events=(("MKR", "Approval(proxy, MKR_SKY)"), ("MKR", "Burn(proxy)"), ("SKY", "Transfer(0, proxy)"),
                ("MKR_SKY", "MkrToSky")),
        state_free=(("MKR_SKY", "MkrToSky"),),  # the converter keeps no storage
        used_by=("checks, run by verify/compare.py: the PauseProxy's MKR and SKY, the MKR and SKY supplies",
                 "state_effects, applied by verify/statediff.py: its storage changes",
                 "token_events, counted by verify/compare.py's event check"))

    @property
    def wei(self) -> int:
        return to_wei(self.amount)

    @property
    def sky_wei(self) -> int:
        return self.wei * MKR_SKY_RATE

    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        return ("MKR of the PauseProxy converted into SKY for the PauseProxy through MKR_SKY "
                "(MKR.approve(MKR_SKY, wad); MkrSkyLike(MKR_SKY).mkrToSky(address(this), wad))."), {
            "amount": {**AMOUNT, "description": "MKR, at most 18 decimals; the PauseProxy gets 24,000 SKY per MKR."},
            "comment": comment}

    @classmethod
    def parse(cls, p, node) -> MkrToSky | None:
        amount = p.r.amount(node.entries["amount"], "the MKR amount", "MKR")
        return None if amount is None else cls(amount, p.comment(node.entries))

    def check(self, ctx: CheckContext) -> None:
        # Which key MKR is read from at the date is the renderer's (spellfile.history.token_key_at).
        if self.wei > UINT128_MAX:
            ctx.diags.error(self.loc("amount"), "the amount is beyond any MKR supply (more than uint128)")

    def chainlog_reads(self, day: str) -> tuple[str, ...]:
        return (history.token_key_at("MKR", day), "MKR_SKY", "SKY")

    def solidity(self, ctx: SolidityContext) -> Block:
        amount, note = ctx.wei(self.amount)
        suffix = ctx.note("MKR") if note else ""
        sky = human(Decimal(self.sky_wei) / 10**18)
        head = f"Convert {human(self.amount)} MKR of the PauseProxy into {sky} SKY through MKR_SKY"
        mkr = ctx.token("MKR", "approve")
        mkr_sky = ctx.type("mkr_sky", "mkrToSky")
        return Block(ctx.with_comment(self, [head]), [f"{mkr}.approve(MKR_SKY, {amount});{suffix}",
                                                      f"{mkr_sky}(MKR_SKY).mkrToSky(address(this), {amount});{suffix}"])

    def chainlog_keys(self) -> set[str]:
        return {"MKR_SKY"}

    def gem_symbols(self) -> set[str]:
        return {"MKR"}

    def expect(self, spell: Spell, out: Expected) -> None:
        from spellgen.spellfile.expect import Converted, Item

        item = Item(f"MKR -> SKY conversion: {human(self.amount)} MKR of the PauseProxy into "
                    f"{human(Decimal(self.sky_wei) / WAD)} SKY", self.path)
        out.conversions.append(Converted(item, self.wei))

    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        """A treasury conversion's own item: the cast's conversions in all, and the PauseProxy's SKY."""
        from spellgen.spellfile.actions.sky_transfer import conversion_figures, proxy_sky_change

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
        return [effect for c in getattr(e, "conversions", [])
                for effect in common.conversion(proxy, c.mkr_wei, proxy, c.item.label)]

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        """MKR burnt from the PauseProxy, SKY minted to it."""
        proxy, mkr_sky = view.proxy, view.address_of("MKR_SKY")
        moves = [m for c in e.conversions for m in (("MKR", proxy, common.ZERO, c.mkr_wei),
                                                     ("SKY", common.ZERO, proxy, c.minted))]
        return TokenEvents(moves=tuple(moves), approvals=(("MKR", proxy, mkr_sky),) if e.conversions else (),
                           burns=tuple(("MKR", proxy, c.mkr_wei) for c in e.conversions))

    def summary_row(self, spell: Spell) -> SummaryRow:
        return SummaryRow("MKR -> SKY conversion", "PauseProxy", "", "MKR",
                          f"{common.amount_text(self.amount, 'MKR')} into "
                          f"{common.amount_text(from_wei(self.sky_wei), 'SKY')}")

    def diff_fields(self, spell: Spell) -> dict[str, str]:
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
        return (f"- Convert {human(self.amount)} MKR of the PauseProxy into "
                f"{human(Decimal(self.sky_wei) / WAD)} SKY through MKR_SKY")

    def doc_claims(self) -> list[DocClaim]:
        return []

    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        e = ctx.expected
        out = []
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
