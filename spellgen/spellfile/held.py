"""An amount of a holding, as a spell states it: a constant, the whole balance, or the balance less a
constant, the balance read by the spell at the cast (2025-08-21: `GemAbstract(DAI).balanceOf(address(this))`
and `GemAbstract(SKY).balanceOf(address(this)) - 16_000_000 * WAD`).

Not an action kind: a small piece a kind's `amount` field is made of. The kind parses it (`parse_held`),
renders it around its own balance expression (`solidity`), words it (`words`) and, in verify, turns it
into wei from the balance the chain held before the statement (`resolve`). Any kind whose amount the
spell reads at the cast from one figure may share it (a vest's unpaid or accrued amount is such a figure:
`resolve` takes the figure, whatever it is).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from spellgen.spellfile.amounts import decimals_of, human, scaled

if TYPE_CHECKING:
    from spellgen.spellfile.parse import Reader
    from spellgen.spellfile.source import YNode

CONSTANT, BALANCE, BALANCE_LESS = "constant", "balance", "balance less"
# What a Uniswap V2 withdrawal earlier in the section paid the PauseProxy, read at the cast as its balance after
# less its balance before (2025-02-21's `withdrawnUsdsAmount`): `surplus_return` only; verify computes it from
# the pool's state before the cast (univ2_withdrawal.model), not from a balance.
WITHDRAWN = "withdrawn"
FORMS = (CONSTANT, BALANCE, BALANCE_LESS, WITHDRAWN)
WORD = "balance"
# `balance`, `balance - 16,000,000` or `balance - 16,000,000 SKY`; the constant is read as any amount.
_LESS = re.compile(r"^balance\s*-\s*(?P<constant>\S.*)$")
FORMAT = "`balance`, `balance - AMOUNT` (the balance read at the cast, less AMOUNT) or an AMOUNT"


@dataclass(frozen=True)
class HeldAmount:
    """What a statement moves: `form` CONSTANT (`value`), BALANCE (all of it) or BALANCE_LESS (all but `value`)."""

    form: str
    value: Decimal = Decimal(0)
    decimals: int = 18  # the token's (USDC: 6): the constant in the token's smallest units

    @property
    def wei(self) -> int:
        """The constant in the token's smallest units (wei for an 18-decimals token; 0 for the whole balance)."""
        return scaled(self.value, self.decimals)

    @property
    def reads_balance(self) -> bool:
        return self.form != CONSTANT

    def resolve(self, balance: int) -> int | None:
        """The wei moved when the balance read at the statement is `balance`; None when the statement
        reverts (the balance is below the constant kept back: Solidity 0.8 underflows)."""
        if self.form == CONSTANT:
            return self.wei
        if self.form == BALANCE:
            return balance
        if self.form == WITHDRAWN:
            return None  # not a balance's figure: the pool's (proxy_transfer.sent_wei)
        return balance - self.wei if balance >= self.wei else None

    def solidity(self, literal: str, balance: str) -> str:
        """The amount's expression, from the constant's literal and the balance's expression."""
        return {CONSTANT: literal, BALANCE: balance, BALANCE_LESS: f"{balance} - {literal}", WITHDRAWN: balance}[self.form]

    def words(self, token: str) -> str:
        """`16,000,000 SKY`, `all SKY`, `all SKY but 16,000,000` (for reports and documents)."""
        if self.form == CONSTANT:
            return f"{human(self.value)} {token}"
        if self.form == BALANCE:
            return f"all {token}"
        if self.form == WITHDRAWN:
            return f"the {token} withdrawn"
        return f"all {token} but {human(self.value)}"

    def yaml(self) -> str:
        """As the YAML writes it."""
        return {CONSTANT: human(self.value), BALANCE: WORD, BALANCE_LESS: f"{WORD} - {human(self.value)}",
                WITHDRAWN: WITHDRAWN}[self.form]


def parse_held(r: Reader, node: YNode, what: str, token: str | None, decimals: int = 18) -> HeldAmount | None:
    """`balance`, `balance - AMOUNT` or AMOUNT; errors at the node (a constant is read as any amount is, and
    has at most the token's `decimals`)."""
    held = _parse_held(r, node, what, token)
    if held is not None and decimals_of(held.value) > decimals:
        r.error(node.loc, f"{what}: {human(held.value)} has {decimals_of(held.value)} decimals; {token or 'the token'} "
                          f"has {decimals}")
        return None
    return None if held is None else HeldAmount(held.form, held.value, decimals)


def _parse_held(r: Reader, node: YNode, what: str, token: str | None) -> HeldAmount | None:
    text = r.scalar(node, what)
    if text is None:
        return None
    text = text.strip()
    if text == WORD:
        return HeldAmount(BALANCE)
    less = _LESS.match(text)
    if less is None:
        if text.lower().startswith(WORD) or text.startswith("-"):
            r.error(node.loc, f"{what}: {text!r} is not an amount: write {FORMAT}")
            return None
        value = r.amount(node, what, token)
        return None if value is None else HeldAmount(CONSTANT, value)
    from spellgen.spellfile import amounts

    try:
        value, written = amounts.parse_amount(less["constant"])
    except amounts.AmountError as exc:
        r.error(node.loc, f"{what}: the amount after `balance -`: {exc}")
        return None
    if written and token and written != token:
        r.error(node.loc, f"{what} is written in {written} but this action moves {token}")
        return None
    if value == 0:
        r.error(node.loc, f"{what}: `balance - 0` is the whole balance: write `balance`")
        return None
    return HeldAmount(BALANCE_LESS, value)
