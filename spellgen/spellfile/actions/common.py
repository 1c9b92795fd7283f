"""Words and checks several action kinds share: how a party reads in a comment, a report and a diff."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from spellgen.spellfile import history, timeutil
from spellgen.spellfile.actions.base import Check, Party, StateEffect
from spellgen.spellfile.address import keccak256
from spellgen.spellfile.amounts import from_wei, human, is_whole
from spellgen.spellfile.diagnostics import Diagnostics
from spellgen.spellfile.protocol import MKR_SKY_RATE, WAD


ZERO = "0x" + "00" * 20


def code(party: Party | None) -> str:
    """How the Solidity names a party (`address(0)` for none)."""
    return "address(0)" if party is None else party.code


def to_text(party: Party) -> str:
    """`NAME (0x...)`, `the KEY (0x...)` or the bare address, for a comment."""
    if party.name:
        return f"{party.name} ({party.address})"
    if party.chainlog:
        return f"the {party.chainlog} ({party.address})"
    return party.address


def head(party: Party, what: str) -> str:
    """The house comment above a payment: `NAME - 109,168 DAI - 0x...`."""
    label = party.name or party.chainlog
    return f"{label} - {what} - {party.address}" if label else f"{party.address} - {what}"


def recipient(party: Party) -> str:
    """The reports' recipient column; an inline address shows in the address column, so say so."""
    if party.chainlog:
        return f"{party.chainlog} (chainlog)"
    return party.name or "(no wallet name)"


def doc_party(party: Party) -> str:
    """How an executive document names a recipient: its name (or key) and address."""
    label = party.name or party.chainlog
    return f"{label} at {party.address}" if label else party.address


def diff_party(party: Party | None) -> str:
    if party is None:
        return "none"
    label = party.name or (f"chainlog {party.chainlog}" if party.chainlog else None)
    return f"{label} ({party.address})" if label else party.address


def amount_text(amount: Decimal, token: str, min_decimals: int = 0) -> str:
    return f"{human(amount, min_decimals)} {token}"


def utc(ts: int) -> str:
    """UTC is said once, in the reports' column header."""
    return timeutil.utc(ts).strftime("%Y-%m-%d %H:%M:%S")


def when(ts: int | None, none: str = "none") -> str:
    return timeutil.iso(ts) if ts is not None else none


def comment_of(action: Any) -> str:
    return getattr(action, "comment", None) or "none"


def whole_units(amount: Decimal) -> int:
    """Whole tokens sent for an amount rounded up (DssExecLib takes whole DAI)."""
    whole = int(amount)
    return whole if whole == amount else whole + 1


def whole_payment(pay: Any, token: str, sender: str, diags: Diagnostics) -> None:
    """A surplus-buffer payment moves whole units below 10^18: a fraction must be rounded up, and say so."""
    if not is_whole(pay.amount) and not pay.round_up:
        diags.error(pay.loc("amount"), f"{sender}: round {human(pay.amount)} up to {pay.paid:,} "
                                       "(or set round_up: true to do it and say so in the spell)")
    if pay.paid >= WAD:
        diags.error(pay.loc("amount"), f"{pay.paid:,} {token} is too large: sendPaymentFromSurplusBuffer "
                                       "requires less than 10^18 whole DAI")
    if pay.round_up and is_whole(pay.amount):
        diags.warn(pay.loc("round_up"), "round_up has no effect: the amount is already whole")


def wei_literal(value: int) -> str:
    """An integer literal with underscores every three digits."""
    return f"{value:_}"


def token_amount(value: int) -> str:
    return human(Decimal(value) / Decimal(10**18))


def time_literal(value: int) -> str:
    return f"{value}  # {timeutil.iso(value)}"


def balance_test(item: Any, attr: str, token: str, items: list, ctx: Any) -> str:
    """A recipient's balance of a token rose by what every item to it sends (the items of one kind)."""
    same = [x for x in items if x.recipient == item.recipient]
    total = sum(x.wei for x in same)
    note = f"  # this item and {len(same) - 1} more to the same recipient" if len(same) > 1 else ""
    return (f"    recipient = {ctx.party(item.recipient)}\n"
            f"    received = cast.after.{attr}[recipient] - cast.before.{attr}[recipient]\n"
            f"    assert received == {wei_literal(total)}  # {token_amount(total)} {token}{note}\n")


# -- state effects several kinds share (verify/statediff.py applies them) ------------------------------

def vat_change(var: str, who: str | None, rad: int, label: str) -> StateEffect:
    """A Vat entry (`sin[who]`, `dai[who]`, `vice`, `debt`) changed by `rad`."""
    return StateEffect("MCD_VAT", var, (who,) if who else (), delta=rad, label=label, unit="rad", layout="Vat")


def balance_change(symbol: str, holder: str, amount: int, label: str) -> StateEffect:
    return StateEffect(symbol, "balanceOf", (holder,), delta=amount, label=label, unit=f"wad:{symbol}", token=True)


def supply_change(symbol: str, amount: int, label: str) -> StateEffect:
    return StateEffect(symbol, "totalSupply", (), delta=amount, label=label, unit=f"wad:{symbol}", token=True)


def conversion(proxy: str, mkr_wei: int, sky_to: str, label: str) -> list[StateEffect]:
    """MKR_SKY's mkrToSky: the PauseProxy's MKR burnt, `mkr * rate` SKY minted to `sky_to`."""
    return [balance_change("MKR", proxy, -mkr_wei, label), supply_change("MKR", -mkr_wei, label),
            supply_change("SKY", mkr_wei * MKR_SKY_RATE, label),
            balance_change("SKY", sky_to, mkr_wei * MKR_SKY_RATE, label)]


def pack_award(usr: str, bgn: int, clf: int, fin: int, mgr: str, res: int, tot: int, rxd: int) -> tuple[int, int, int]:
    """DssVest's Award struct in its three storage words (solc packs members right to left)."""
    return (int(usr, 16) | bgn << 160 | clf << 208, fin | int(mgr, 16) << 48 | res << 208, tot | rxd << 128)


def _accrued(t: int, bgn: int, fin: int, tot: int) -> int:
    if t < bgn:
        return 0
    if t >= fin:
        return tot
    return tot * (t - bgn) // (fin - bgn)


def yanked(award: Any, end: int) -> tuple:
    """DssVest.yank(id, end) on an award, as mainnet's DssVest computes it (spec section 4)."""
    usr, bgn, clf, fin, mgr, res, tot, rxd = (award.usr, award.bgn, award.clf, award.fin, award.mgr, award.res,
                                              award.tot, award.rxd)
    if end < fin:
        new_fin = end
        if end < bgn:
            return usr, end, end, new_fin, mgr, res, 0, rxd
        if end < clf:
            return usr, bgn, end, new_fin, mgr, res, 0, rxd
        unpaid = 0 if end < clf else _accrued(end, bgn, fin, tot) - rxd
        return usr, bgn, clf, new_fin, mgr, res, unpaid + rxd, rxd
    return usr, bgn, clf, fin, mgr, res, tot, rxd


# -- verify's results (verify/compare.py turns each Check into a Result) -------------------------------

def ok(item: str, path: str, evidence: str, problems: list[str]) -> Check:
    return Check(item, path, not problems, evidence, "; ".join(problems))


def wad(value: int, token: str) -> str:
    """For people: the exact token units of `value` in the token's decimals (USDC: 6; compare the integers,
    never this text)."""
    return f"{human(from_wei(value, history.token_decimals(token)))} {token}"


def compare(fields: list[tuple[str, object, object]]) -> list[str]:
    return [f"{name}: expected {want}, observed {got}" for name, want, got in fields if want != got]


def topic(event_signature: str) -> str:
    return "0x" + keccak256(event_signature.encode()).hex()


def each_received(moves: list, token: str, before: Any, after: Any) -> list[Check]:
    """One result per payment or transfer: its recipient's balance rose by everything the spell sends it
    (a recipient paid twice is checked against the sum, on each of its items)."""
    per_recipient: dict[str, int] = {}
    for m in moves:
        per_recipient[m.recipient] = per_recipient.get(m.recipient, 0) + m.wei
    out = []
    for m in moves:
        got = after[m.recipient] - before[m.recipient]
        out.append(ok(m.item.label, m.item.path, f"balance {wad(before[m.recipient], token)} -> "
                                                 f"{wad(after[m.recipient], token)}",
                      compare([(f"{token} received", wad(per_recipient[m.recipient], token), wad(got, token))])))
    return out
