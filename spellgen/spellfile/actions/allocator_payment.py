"""`allocator_payment`: an amount taken from a Prime Agent's allocator vault into the surplus buffer, as the
spells of 2025-09-18 to 2026-05-07 wrote it: `_takeAllocatorPayment(VAULT, wad)` drips the Jug for the
vault's ilk, sucks `dart * rate` from the Vow to itself and grabs `dart` into the vault's urn, so the
vault's debt and the Vow's dai rise (`dart` = wad / rate, rounded up)."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from spellgen.spellfile import history
from spellgen.spellfile.actions import common
from spellgen.spellfile.actions.base import (
    Action, Block, Branch, BrownieContext, Check, CheckContext, DocClaim, Effects, EventView, Flow, Party, SolidityContext,
    SolidityExtras, StateEffect, StateView, SummaryRow, TokenEvents,
)
from spellgen.spellfile.actions.fields import AMOUNT
from spellgen.spellfile.amounts import human, to_wei
from spellgen.spellfile.protocol import RAY
from spellgen.spellfile.solidity import Interface

if TYPE_CHECKING:
    from spellgen.spellfile.expect import Expected, Item
    from spellgen.spellfile.model import Spell

VAULT = {"enum": list(history.ALLOCATOR_VAULTS),
         "description": "The chainlog key of the Prime Agent's allocator vault (its ilk: the key without _VAULT, "
                        "with dashes: ALLOCATOR-BLOOM-A)."}


def helper(vault: str, jug: str, vat: str) -> list[str]:
    return [
        "// Take `wad` from an allocator vault into the surplus buffer: the vault's debt rises by `wad` (in",
        "// normalised debt at the ilk's rate after drip, rounded up) and the Vow's dai by as much",
        "function _takeAllocatorPayment(address vault, uint256 wad) internal {",
        '    require(wad > 0, "takeAllocatorPayment/zero-amount");',
        f"    bytes32 ilk = {vault}(vault).ilk();",
        f"    uint256 rate = {jug}(MCD_JUG).drip(ilk);",
        '    require(rate > 0, "takeAllocatorPayment/jug-ilk-not-initialized");',
        "    // Note: rounded up, in the protocol's favour",
        "    uint256 dart = ((wad * RAY - 1) / rate) + 1;",
        '    require(dart <= uint256(type(int256).max), "takeAllocatorPayment/dart-too-large");',
        "    // Note: the Vow gets dai and sin of dart * rate at once",
        f"    {vat}(MCD_VAT).suck(MCD_VOW, MCD_VOW, dart * rate);",
        "    // Note: the vault's urn takes the debt, cancelling the sin: the Vow keeps the dai",
        f"    {vat}(MCD_VAT).grab(ilk, vault, address(0), MCD_VOW, 0, int256(dart));",
        "}",
    ]


def bytes32_int(text: str) -> int:
    """A bytes32 name (an ilk) as the integer the storage keys use."""
    return int.from_bytes(text.encode().ljust(32, b"\0"), "big")


def rpow(x: int, n: int, base: int) -> int:
    """x ** n in fixed point of `base`, each product rounded half up, as the Jug computes it."""
    if x == 0:
        return base if n == 0 else 0
    z = base if n % 2 == 0 else x
    half = base // 2
    n //= 2
    while n:
        x = (x * x + half) // base
        if n % 2:
            z = (z * x + half) // base
        n //= 2
    return z


@dataclass
class IlkModel:
    """One allocator ilk through the cast, as the model computes it from the state before."""

    art: int  # ilks[ilk].Art
    rate: int
    duty: int
    rho: int
    urn_delta: dict[str, int] = field(default_factory=dict)  # vault key -> normalised debt added
    art_delta: int = 0
    vow_dai: int = 0  # rad the Vow gains: the folds and the payments
    folded: int = 0  # rad of the folds alone


def model(payments: list, before: Any, base: int, cast_time: int) -> dict[str, IlkModel]:
    """Each allocator ilk after the spell's payments, in order: drip (rate compounded from rho to the cast,
    the difference folded to the Vow for the ilk's debt), then `dart = ceil(wad * RAY / rate)` grabbed into
    the vault's urn and `dart * rate` of dai for the Vow."""
    out: dict[str, IlkModel] = {}
    for p in payments:
        if p.ilk not in out:
            art, rate = before.ilks[p.ilk]
            duty, rho = before.jug[p.ilk]
            out[p.ilk] = IlkModel(art, rate, duty, rho)
        m = out[p.ilk]
        new_rate = rpow(base + m.duty, cast_time - m.rho, RAY) * m.rate // RAY
        fold = (m.art + m.art_delta) * (new_rate - m.rate)
        m.rate, m.rho, m.vow_dai, m.folded = new_rate, cast_time, m.vow_dai + fold, m.folded + fold
        dart = (p.wei * RAY - 1) // new_rate + 1
        m.urn_delta[p.vault] = m.urn_delta.get(p.vault, 0) + dart
        m.art_delta += dart
        m.vow_dai += dart * new_rate
    return out


@dataclass
class AllocatorPayment(Action):
    """An amount of DAI from a Prime Agent's allocator vault (as new debt of its urn) into the surplus buffer."""

    vault: str
    amount: Decimal
    comment: str | None = None

    KIND: ClassVar[str] = "allocator_payment"
    LABEL: ClassVar[str] = "allocator payment"
    FIELDS: ClassVar[dict[str, bool]] = {"type": True, "vault": True, "amount": True, "comment": False}
    README: ClassVar[str] = "`allocator_payment`"
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = ("_takeAllocatorPayment",)
    CHECK_RANK: ClassVar[int] = 4
    EXPLAIN_RANK: ClassVar[int] = 11
    INTERFACES: ClassVar[dict[str, Interface]] = {
        "jug": Interface("JugLike", (("drip", "function drip(bytes32 ilk) external returns (uint256 rate);"),),
                         "JugAbstract", "dss-interfaces/dss/JugAbstract.sol"),
        "allocator_vault": Interface("AllocatorVaultLike",
                                     (("ilk", "function ilk() external view returns (bytes32);"),)),
    }
    EFFECTS: ClassVar[Effects] = Effects(
        calls=(("VAULT", "ilk"), ("MCD_JUG", "drip"), ("MCD_VAT", "ilks"), ("MCD_VAT", "fold"), ("MCD_VAT", "suck"),
               ("MCD_VAT", "grab")),
        reads=("VAULT.ilk()", "MCD_JUG.drip(ilk) returns the rate"),
        branches=(Branch("require", (), "wad > 0"), Branch("require", (), "rate > 0 (what drip returns)"),
                  Branch("require", (), "dart <= the largest int256")),
        state=(("MCD_JUG", "ilks[ilk].rho"), ("MCD_VAT", "ilks[ilk].rate"), ("MCD_VAT", "ilks[ilk].Art"),
               ("MCD_VAT", "urns[ilk][VAULT].art"), ("MCD_VAT", "dai[MCD_VOW]"), ("MCD_VAT", "debt")),
        events=(("MCD_VAT", "LogNote(fold)"), ("MCD_JUG", "LogNote(drip)"), ("MCD_VAT", "LogNote(suck)"),
                ("MCD_VAT", "LogNote(grab)")),
        used_by=("checks, run by verify/compare.py: the vault's and the ilk's debt, the ilk's rate after drip, the "
                 "Vow's dai and sin",
                 "state_effects, applied by verify/statediff.py: its storage changes (drip's included)",
                 "verify/compare.py's event check: the Vat's fold, suck (Vow to Vow) and grab"))

    @property
    def wei(self) -> int:
        return to_wei(self.amount)

    def effect_names(self, day: str) -> dict[str, str]:
        """VAULT is the paid allocator vault, by its chainlog key."""
        return {"VAULT": self.vault}

    @property
    def ilk(self) -> str:
        return history.allocator_ilk(self.vault)

    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        return ("Take an amount from a Prime Agent's allocator vault into the surplus buffer: "
                "_takeAllocatorPayment(VAULT, wad) (drip, vat.suck(vow, vow, dart * rate), vat.grab into the "
                "vault's urn)."), {
            "vault": VAULT, "amount": {**AMOUNT, "description": "DAI (wad) the vault's debt and the Vow's surplus "
                                                               "rise by (the debt in normalised units, rounded up)."},
            "comment": comment}

    @classmethod
    def parse(cls, p, node) -> AllocatorPayment | None:
        e = node.entries
        vault = p.r.choice(e["vault"], "the allocator vault", list(history.ALLOCATOR_VAULTS))
        amount = p.r.amount(e["amount"], "the allocator payment", "DAI")
        if None in (vault, amount):
            return None
        return cls(vault, amount, p.comment(e))

    def check(self, ctx: CheckContext) -> None:
        """The vault's key must be in the chainlog of the date (chainlog_reads)."""

    @classmethod
    def check_kind(cls, actions: list, ctx: CheckContext) -> None:
        """One payment per vault, as the spells wrote them (the Brownie test reads one payment's dart)."""
        seen: dict[str, Any] = {}
        for a in actions:
            if a.vault in seen:
                ctx.diags.error(a.loc("vault"), f"{a.vault} is paid twice in this spell (line "
                                                f"{seen[a.vault].loc().line}); write one payment of the total")
            seen.setdefault(a.vault, a)

    def chainlog_reads(self, day: str) -> tuple[str, ...]:
        return (self.vault, "MCD_JUG")

    def solidity(self, ctx: SolidityContext) -> Block:
        ctx.uses_ray()  # the helper's dart
        amount, note = ctx.wei(self.amount)
        head = (f"Take {human(self.amount)} DAI from {self.vault} (ilk {self.ilk}) into the surplus buffer, as new "
                "debt of the vault")
        code = f"_takeAllocatorPayment({self.vault}, {amount});" + (ctx.note("DAI") if note else "")
        return Block(ctx.with_comment(self, [head]), [code])

    def chainlog_keys(self) -> set[str]:
        return {self.vault, "MCD_JUG", "MCD_VAT", "MCD_VOW"}

    @classmethod
    def extras(cls, actions: list, ctx: SolidityContext) -> SolidityExtras:
        if not actions:
            return SolidityExtras()
        return SolidityExtras(helpers=[helper(ctx.type("allocator_vault", "ilk"), ctx.type("jug", "drip"),
                                              ctx.type("vat", "suck", "grab"))], needs_wad=True)

    def expect(self, spell: Spell, out: Expected) -> None:
        from spellgen.spellfile.expect import AllocatorPaid, Item

        item = Item(f"allocator payment: {human(self.amount)} DAI from {self.vault} into the surplus buffer", self.path)
        out.allocator_payments.append(AllocatorPaid(item, self.vault, self.ilk, self.wei))

    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        """Each vault's urn and its ilk (debt, rate after drip) against the model from the state before; the
        Vow's dai and sin."""
        payments = getattr(e, "allocator_payments", [])
        if not payments:
            return []
        wad = common.wad
        unread = [p for p in payments if p.ilk not in o.before.ilks or p.ilk not in o.after.ilks]
        if unread:  # not read around the cast (no such ilk on the chain): nothing to judge against
            return [Check(p.item.label, p.item.path, False, "not read",
                          f"the cast read no {p.ilk} ilk, Jug entry or {p.vault} urn") for p in payments]
        models = model(payments, o.before, o.before.jug_base, o.cast.timestamp)
        out = []
        for p in payments:
            m = models[p.ilk]
            urn = o.after.urns[p.vault] - o.before.urns[p.vault]
            art = o.after.ilks[p.ilk][0] - o.before.ilks[p.ilk][0]
            rate = o.after.ilks[p.ilk][1]
            problems = common.compare([(f"{p.vault}'s normalised debt added", f"{m.urn_delta[p.vault]:,}", f"{urn:,}"),
                                       (f"{p.ilk} Art added", f"{m.art_delta:,}", f"{art:,}"),
                                       (f"{p.ilk} rate after drip", f"{m.rate:,}", f"{rate:,}")])
            evidence = (f"urn art +{urn:,} at rate {rate:,} (= {wad(urn * rate // RAY, 'DAI')} of debt); "
                        f"ilk Art +{art:,}")
            out.append(common.ok(p.item.label, p.item.path, evidence, problems))
        vow_dai = sum(m.vow_dai for m in models.values())
        folded = sum(m.folded for m in models.values())
        got_dai = o.after.vow_dai - o.before.vow_dai
        got_sin = o.after.vow_sin - o.before.vow_sin
        want_sin = (sum(x.wei for x in e.payments) + sum(x.wei for x in e.usds_payments)) * RAY
        out.append(common.ok(f"surplus buffer: vat.dai(MCD_VOW) +{wad(vow_dai // RAY, 'DAI')} from the allocator "
                             "payments and their drips", "spell",
                             f"vat.dai(vow) +{wad(got_dai // RAY, 'DAI')} ({got_dai:,} rad; drip's folds "
                             f"{wad(folded // RAY, 'DAI')}), vat.sin(vow) +{got_sin:,} rad",
                             common.compare([("vat.dai(vow) rise (rad)", f"{vow_dai:,}", f"{got_dai:,}"),
                                             ("vat.sin(vow) rise (rad)", f"{want_sin:,}", f"{got_sin:,}")])))
        return out

    @classmethod
    def state_effects(cls, e: Expected, view: StateView) -> list[StateEffect]:
        """drip: the Jug's rho and the Vat's rate (values, at the cast's time), the folds' dai to the Vow and
        debt; the payments: the urn's and the ilk's normalised debt, the Vow's dai and debt (sin and vice net 0)."""
        payments = getattr(e, "allocator_payments", [])
        before = getattr(view, "before_state", None)
        if not payments or before is None:
            return []
        a, out = view.addresses, []
        models = model(payments, before, before.jug_base, view.cast_time)
        label = "; ".join(p.item.label for p in payments)
        for ilk, m in models.items():
            key = bytes32_int(ilk)
            out.append(StateEffect("MCD_JUG", "ilks", (key,), value=view.cast_time, label=f"drip of {ilk}",
                                   unit="time", time_dependent=True, layout="Jug", offset=1))
            out.append(StateEffect("MCD_VAT", "ilks", (key,), value=m.rate, label=f"drip of {ilk}: its rate",
                                   time_dependent=True, layout="Vat", offset=1))
            out.append(StateEffect("MCD_VAT", "ilks", (key,), delta=m.art_delta, label=f"{ilk} Art: {label}",
                                   time_dependent=True, layout="Vat"))
            for vault, dart in m.urn_delta.items():
                out.append(StateEffect("MCD_VAT", "urns", (key, a[vault]), delta=dart,
                                       label=f"{vault}'s urn art: {label}", time_dependent=True, layout="Vat",
                                       offset=1))
        vow_dai = sum(m.vow_dai for m in models.values())
        for var, who in (("dai", a["MCD_VOW"]), ("debt", None)):
            out.append(StateEffect("MCD_VAT", var, (who,) if who else (), delta=vow_dai,
                                   label=f"allocator payments and their drips: {label}", unit="rad",
                                   time_dependent=True, layout="Vat"))
        return out

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        return TokenEvents()  # no token moves: the Vat's notes are the event check's

    def summary_row(self, spell: Spell) -> SummaryRow:
        return SummaryRow("allocator payment", self.vault, "", "DAI", f"{common.amount_text(self.amount, 'DAI')} "
                                                                     "into the surplus buffer")

    def diff_fields(self, spell: Spell) -> dict[str, str]:
        return {"vault": self.vault, "amount": common.amount_text(self.amount, "DAI"),
                "comment": common.comment_of(self)}

    def identity(self) -> tuple:
        return (self.LABEL, self.vault)

    def paid_tokens(self) -> dict[str, Decimal]:
        return {}  # nothing leaves the protocol: the surplus buffer gains

    def flow(self) -> Flow | None:
        return None

    def ledger_fields(self, name: Callable[[Party], str]) -> list[str] | None:
        return None

    def doc_line(self, spell: Spell) -> str:
        return (f"- {self.vault}: its debt raised by {common.amount_text(self.amount, 'DAI')}, "
                "credited to the surplus buffer")

    def doc_claims(self) -> list[DocClaim]:
        return []

    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        out = []
        for p in [p for p in ctx.expected.allocator_payments if p.item.path == self.path]:
            body = (f'    rate = cast.after.ilks["{p.ilk}"][1]  # after drip\n'
                    f"    dart = ({common.wei_literal(p.wei)} * 10**27 - 1) // rate + 1  # "
                    f"{common.token_amount(p.wei)} DAI, rounded up\n"
                    f'    assert cast.after.urns["{p.vault}"] - cast.before.urns["{p.vault}"] == dart\n'
                    f'    assert cast.after.ilks["{p.ilk}"][0] - cast.before.ilks["{p.ilk}"][0] == dart\n')
            out.append((p.item, body))
        return out
