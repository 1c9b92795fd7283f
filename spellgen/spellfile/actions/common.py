"""Words and checks several action kinds share: how a party reads in a comment, a report and a diff."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from spellgen.spellfile import timeutil
from spellgen.spellfile.actions.base import Party
from spellgen.spellfile.amounts import human, is_whole
from spellgen.spellfile.diagnostics import Diagnostics
from spellgen.spellfile.protocol import WAD


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
