"""`sky_transfer`: SKY to a recipient, from the PauseProxy's SKY or converted from its MKR through MKR_SKY."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from spellgen.spellfile import history
from spellgen.spellfile.actions import common, proxy_transfer
from spellgen.spellfile.actions.base import (
    Action, Block, Branch, BrownieContext, Check, CheckContext, DocClaim, Effects, EventView, Flow, Party,
    SolidityContext, SolidityExtras, StateEffect, StateView, SummaryRow, TokenEvents,
)
from spellgen.spellfile.actions.fields import AMOUNT, PARTY
from spellgen.spellfile.amounts import human, to_wei
from spellgen.spellfile.history import MKR_CONVERSION_ERA
from spellgen.spellfile.protocol import MKR_SKY_RATE, UINT128_MAX

if TYPE_CHECKING:
    from spellgen.spellfile.expect import Expected, Item
    from spellgen.spellfile.model import Spell

SOURCES = ["treasury", "mkr", "mkr_direct"]
HOW = {"treasury": "SKY transfer", "mkr": "SKY transfer (from MKR)", "mkr_direct": "SKY transfer (from MKR, direct)"}


def helper(mkr: str, sky: str, mkr_sky: str) -> list[str]:
    return [
        "// SKY from the PauseProxy's MKR: convert ceil(wad / MKR_SKY_RATE) MKR into the PauseProxy, then transfer",
        "function _transferSky(address usr, uint256 wad) internal {",
        "    uint256 mkrWad = wad / MKR_SKY_RATE;",
        "    if (wad % MKR_SKY_RATE != 0) {",
        "        mkrWad++;",
        "    }",
        f"    {mkr}.approve(MKR_SKY, mkrWad);",
        f"    {mkr_sky}(MKR_SKY).mkrToSky(address(this), mkrWad);",
        f"    {sky}.transfer(usr, wad);",
        "}",
    ]


def direct_helper(mkr: str, mkr_sky: str) -> list[str]:
    return [
        "// SKY converted from the PauseProxy's MKR straight to the recipient (an exact multiple of the rate)",
        "function _transferSky(address usr, uint256 wad) internal {",
        '    require(wad % MKR_SKY_RATE == 0, "transferSky/non-exact-conversion");',
        "    uint256 mkrWad = wad / MKR_SKY_RATE;",
        f"    {mkr}.approve(MKR_SKY, mkrWad);",
        f"    {mkr_sky}(MKR_SKY).mkrToSky(usr, mkrWad);",
        "}",
    ]


@dataclass
class SkyTransfer(Action):
    """SKY to a recipient: from the PauseProxy's SKY (`treasury`), or converted from its MKR through
    MKR_SKY into the PauseProxy first, rounding the MKR up (`mkr`), or straight to the recipient
    (`mkr_direct`, 2024-11-28; the amount must be a whole multiple of the rate)."""

    to: Party
    amount: Decimal
    source: str = "treasury"  # "treasury", "mkr" or "mkr_direct"
    comment: str | None = None

    KIND: ClassVar[str] = "sky_transfer"
    LABEL: ClassVar[str] = "SKY transfer"
    DRAFTS: ClassVar[tuple[str, ...]] = ("SKY",)  # a document line paying SKY drafts this kind
    FIELDS: ClassVar[dict[str, bool]] = {"type": True, "to": True, "amount": True, "from": False, "comment": False}
    README: ClassVar[str] = "`sky_transfer`"
    RECORDED: ClassVar[int] = 4
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = ("transfer", "_transferSky", "mkrToSky")
    CHECK_RANK: ClassVar[int] = 4
    EXPLAIN_RANK: ClassVar[int] = 8
    EFFECTS: ClassVar[Effects] = Effects(
        calls=(("SKY", "transfer"), ("MKR", "approve"), ("MKR_SKY", "mkrToSky"), ("MKR_SKY", "rate")),
        reads=("MKR_SKY.rate() (from: mkr and mkr_direct, an immutable)",),
        branches=(Branch("if", ("MKR_SKY.rate",), "wad % MKR_SKY_RATE != 0: one more MKR wei (from: mkr; "
                                                   "MKR_SKY_RATE is the immutable read from MKR_SKY.rate())"),
                  Branch("require", ("MKR_SKY.rate",), "wad % MKR_SKY_RATE == 0 (from: mkr_direct)")),
        state=(("SKY", "balanceOf[usr]"), ("SKY", "balanceOf[proxy]"), ("MKR", "balanceOf[proxy]"),
               ("MKR", "totalSupply"), ("SKY", "totalSupply"), ("MKR", "allowance[proxy][MKR_SKY]")),
        events=(("SKY", "Transfer(proxy, usr)"),),
        variants=(("from: mkr", (("MKR", "Approval(proxy, MKR_SKY)"), ("MKR", "Burn(proxy)"),
                                 ("SKY", "Transfer(0, proxy)"), ("MKR_SKY", "MkrToSky"),
                                 ("SKY", "Transfer(proxy, usr)"))),
                  ("from: mkr_direct", (("MKR", "Approval(proxy, MKR_SKY)"), ("MKR", "Burn(proxy)"),
                                        ("SKY", "Transfer(0, usr)"), ("MKR_SKY", "MkrToSky")))),
        state_free=(("MKR_SKY", "MkrToSky"),),  # the converter keeps no storage
        used_by=("checks, run by verify/compare.py: the recipient's SKY, the PauseProxy's SKY and MKR, the supplies",
                 "state_effects, applied by verify/statediff.py: its storage changes",
                 "token_events, counted by verify/compare.py's event check"))

    @property
    def wei(self) -> int:
        return to_wei(self.amount)

    @property
    def mkr_wei(self) -> int:
        """MKR converted for it (0 from the treasury): ceil(wei / rate)."""
        if self.source == "treasury":
            return 0
        return -(-self.wei // MKR_SKY_RATE)

    def event_form(self, spell: Spell, before: Any, cast_time: int) -> str:
        return "" if self.source == "treasury" else f"from: {self.source}"

    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        return ("SKY to a recipient from the PauseProxy's treasury (SKY.transfer), or converted from its MKR "
                "through MKR_SKY (_transferSky)."), {
            "to": PARTY, "amount": {**AMOUNT, "description": "SKY, at most 18 decimals."},
            "from": {"enum": ["treasury", "mkr", "mkr_direct"],
                     "description": "treasury (default): the PauseProxy's SKY; mkr: convert ceil(amount / 24,000) "
                                    "MKR into the PauseProxy, then transfer (2025-01-09 to 2025-04-30); mkr_direct: "
                                    "convert straight to the recipient, an exact multiple of the rate (2024-11-28)."},
            "comment": comment}

    @classmethod
    def parse(cls, p, node) -> SkyTransfer | None:
        e = node.entries
        to = p.party(e["to"], "the recipient")
        amount = p.r.amount(e["amount"], "the SKY amount", "SKY")
        source = p.r.choice(e["from"], "from", SOURCES) if "from" in e else "treasury"
        if None in (to, amount, source):
            return None
        return cls(to, amount, source, p.comment(e))

    def check(self, ctx: CheckContext) -> None:
        diags, date = ctx.diags, ctx.spell.date
        first, last = MKR_CONVERSION_ERA
        if self.wei > UINT128_MAX:
            diags.error(self.loc("amount"), "the amount is beyond any SKY supply (more than uint128)")
        if self.source == "mkr_direct" and self.wei % MKR_SKY_RATE:
            diags.error(self.loc("amount"), f"from: mkr_direct converts whole MKR wei straight to the recipient: "
                                            f"{human(self.amount)} SKY is not a multiple of {MKR_SKY_RATE:,} wei "
                                            "(transferSky/non-exact-conversion); use `from: mkr`, which rounds up")
        # What the treasury held by date: MKR (converted for SKY transfers) from `first` to `last`.
        if self.source != "treasury" and not first <= date <= last:
            diags.warn(self.loc("from"), f"spells converted MKR for SKY transfers from {first} to {last}; on "
                                         f"{date} the treasury is expected to hold SKY (from: treasury)")
        elif self.source == "treasury" and first <= date <= last:
            diags.warn(self.loc("amount"), f"from {first} to {last} the PauseProxy held MKR, not SKY: spells of "
                                           "that time converted it (from: mkr)")

    @classmethod
    def check_kind(cls, actions: list, ctx: CheckContext) -> None:
        if {"mkr", "mkr_direct"} <= {t.source for t in actions}:
            ctx.diags.error(next(t for t in actions if t.source == "mkr_direct").loc("from"),
                            "a spell converts MKR for SKY transfers one way: either `from: mkr` (into the "
                            "PauseProxy, then transfer) or `from: mkr_direct` (straight to the recipient), not both")

    def payee(self) -> Party:
        return self.to

    def chainlog_reads(self, day: str) -> tuple[str, ...]:
        if self.source == "treasury":
            return ("SKY",)
        return ("SKY", history.token_key_at("MKR", day), "MKR_SKY")

    def solidity(self, ctx: SolidityContext) -> Block:
        amount, note = ctx.wei(self.amount)
        suffix = ctx.note("SKY") if note else ""
        head = common.head(self.to, f"{human(self.amount)} SKY")
        if self.source == "mkr":
            rounded = ", rounded up" if self.wei % MKR_SKY_RATE else ""
            head += f" (converted from {human(Decimal(self.mkr_wei) / 10**18)} MKR{rounded})"
        elif self.source == "mkr_direct":
            head += f" (converted from {human(Decimal(self.mkr_wei) / 10**18)} MKR straight to the recipient)"
        call = f"{ctx.token('SKY', 'transfer')}.transfer" if self.source == "treasury" else "_transferSky"
        return Block(ctx.with_comment(self, [head]), [f"{call}({common.code(self.to)}, {amount});{suffix}"])

    def chainlog_keys(self) -> set[str]:
        return set() if self.source == "treasury" else {"MKR_SKY"}

    def gem_symbols(self) -> set[str]:
        return {"treasury": {"SKY"}, "mkr": {"MKR", "SKY"}, "mkr_direct": {"MKR"}}[self.source]

    def code_parties(self) -> list[Party]:
        return [self.to]

    @classmethod
    def extras(cls, actions: list, ctx: SolidityContext) -> SolidityExtras:
        sources = {t.source for t in actions}
        if not sources - {"treasury"}:
            return SolidityExtras()
        rate = f'{ctx.type("mkr_sky", "rate")}(DssExecLib.getChangelogAddress("MKR_SKY")).rate()'
        out = SolidityExtras(values=[("uint256", "MKR_SKY_RATE", rate)])
        mkr, mkr_sky = ctx.token("MKR", "approve"), ctx.type("mkr_sky", "mkrToSky")
        if "mkr_direct" in sources:
            out.helpers.append(direct_helper(mkr, mkr_sky))
        else:
            out.helpers.append(helper(mkr, ctx.token("SKY", "transfer"), mkr_sky))
        return out

    def expect(self, spell: Spell, out: Expected) -> None:
        from spellgen.spellfile.expect import Item, SkySent

        how = {"treasury": "", "mkr": " (converted from MKR)", "mkr_direct": " (converted from MKR directly)"}
        item = Item(f"SKY transfer: {human(self.amount)} SKY to {self.to.label}{how[self.source]}", self.path)
        out.sky_transfers.append(SkySent(item, self.to.address, self.wei, self.source, self.mkr_wei))

    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        """Each recipient's SKY, the PauseProxy's SKY (with the treasury conversions), and every MKR the
        cast converts (the conversions' own items are the mkr_to_sky kind's)."""
        if not e.sky_transfers and not e.conversions and not getattr(e, "mkr_at_cast", []):
            return []
        wad, before, after = common.wad, o.before, o.after
        proxy = o.addresses["MCD_PAUSE_PROXY"]
        out = common.each_received(e.sky_transfers, "SKY", before.sky, after.sky)
        want = proxy_sky_change(e) - proxy_transfer.taken(e, o, "SKY")
        got = after.sky[proxy] - before.sky[proxy]
        out.append(common.ok(f"treasury: PauseProxy SKY {'+' if want >= 0 else '-'}{wad(abs(want), 'SKY')}", "spell",
                             f"PauseProxy SKY {wad(before.sky[proxy], 'SKY')} -> {wad(after.sky[proxy], 'SKY')}",
                             common.compare([("PauseProxy SKY change", want, got)])))
        if e.mkr_converted:
            evidence, problems = conversion_figures(e, o)
            converted = e.mkr_converted
            out.append(common.ok(f"MKR -> SKY conversion: {wad(converted, 'MKR')} into "
                                 f"{wad(converted * MKR_SKY_RATE, 'SKY')}", "spell", evidence, problems))
        return out

    @classmethod
    def state_effects(cls, e: Expected, view: StateView) -> list[StateEffect]:
        """SKY to a recipient: from the PauseProxy's treasury; or converted from its MKR into the
        PauseProxy first (then sent, the rounding remainder staying there); or converted straight to the
        recipient."""
        proxy, out = view.addresses["MCD_PAUSE_PROXY"], []
        for t in getattr(e, "sky_transfers", []):
            source = getattr(t, "source", "treasury")
            if source == "mkr_direct":
                out += common.conversion(proxy, t.mkr_wei, t.recipient, t.item.label)
                continue
            if source == "mkr":
                out += common.conversion(proxy, t.mkr_wei, proxy, t.item.label)
            out += [common.balance_change("SKY", t.recipient, t.wei, t.item.label),
                    common.balance_change("SKY", proxy, -t.wei, t.item.label)]
        return out

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        """From the treasury: a transfer; converted: the MKR burnt, the SKY minted (to the PauseProxy, then
        sent, or straight to the recipient)."""
        proxy, mkr_sky = view.proxy, view.address_of("MKR_SKY")
        moves: list[tuple[str, str, str, int]] = []
        approvals: list[tuple[str, str, str]] = []
        burns: list[tuple[str, str, int]] = []
        for t in e.sky_transfers:
            if t.source != "treasury":
                moves.append(("MKR", proxy, common.ZERO, t.mkr_wei))
                burns.append(("MKR", proxy, t.mkr_wei))
                approvals.append(("MKR", proxy, mkr_sky))
            if t.source == "mkr_direct":
                moves.append(("SKY", common.ZERO, t.recipient.lower(), t.minted))
                continue
            if t.source == "mkr":
                moves.append(("SKY", common.ZERO, proxy, t.minted))
            moves.append(("SKY", proxy, t.recipient.lower(), t.wei))
        return TokenEvents(tuple(moves), tuple(approvals), tuple(burns))

    def summary_row(self, spell: Spell) -> SummaryRow:
        return SummaryRow(HOW[self.source], common.recipient(self.to), self.to.address, "SKY",
                          common.amount_text(self.amount, "SKY"))

    def diff_fields(self, spell: Spell) -> dict[str, str]:
        return {"to": common.diff_party(self.to), "amount": common.amount_text(self.amount, "SKY"),
                "from": self.source, "comment": common.comment_of(self)}

    def identity(self) -> tuple:
        return (self.LABEL, self.to.address)

    def paid_tokens(self) -> dict[str, Decimal]:
        return {"SKY": self.amount}

    def flow(self) -> Flow:
        return Flow("transfer", "SKY", self.amount)

    def ledger_fields(self, name: Callable[[Party], str]) -> list[str]:
        # Where the SKY came from does not change what the unit received.
        return ["type: sky_transfer", f"to: {name(self.to)}", f"amount: {human(self.amount)}"]

    def doc_line(self, spell: Spell) -> str:
        return f"- **{human(self.amount)} SKY** will be transferred to {common.doc_party(self.to)}"

    def doc_claims(self) -> list[DocClaim]:
        return [DocClaim("SKY", (self.amount,), self.to.address.lower(), self.to.label, "amount")]

    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        mine = [t for t in ctx.expected.sky_transfers if t.item.path == self.path]
        return [(t.item, common.balance_test(t, "sky", "SKY", ctx.expected.sky_transfers, ctx)) for t in mine]


def proxy_sky_change(e: Expected) -> int:
    """How the PauseProxy's SKY changes: what the SKY transfers take or leave, and what conversions mint
    (a conversion read at the cast once verify has computed it from the pre-state: `conversions_read`)."""
    return sum(t.proxy_sky_change for t in e.sky_transfers) + \
        sum(c.minted for c in [*e.conversions, *getattr(e, "conversions_read", [])])


def conversion_figures(e: Expected, o: Any) -> tuple[str, list[str]]:
    """The evidence and problems of every MKR the cast converts: MKR supply down, SKY supply up."""
    wad = common.wad
    converted = e.mkr_converted + sum(c.mkr_wei for c in getattr(e, "conversions_read", []))
    minted = o.after.supply["SKY"] - o.before.supply["SKY"]
    burnt = o.before.supply["MKR"] - o.after.supply["MKR"]
    # SKY the PauseProxy burns in the same cast leaves the supply too: the supply's change is both.
    sky_burnt = proxy_transfer.burnt(e, o, "SKY")
    evidence = f"MKR supply -{wad(burnt, 'MKR')}, SKY supply {'+' if minted >= 0 else '-'}{wad(abs(minted), 'SKY')}"
    sky = ("SKY minted", converted * MKR_SKY_RATE) if not sky_burnt else \
        (f"SKY supply change (minted, less {wad(sky_burnt, 'SKY')} burnt)", converted * MKR_SKY_RATE - sky_burnt)
    return evidence, common.compare([("MKR burnt", wad(converted, "MKR"), wad(burnt, "MKR")),
                                     (sky[0], wad(sky[1], "SKY"), wad(minted, "SKY"))])
