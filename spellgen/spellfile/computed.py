"""Amounts a spell computes when it is cast, from what the chain holds then: stated in the YAML as what
they are, written in Solidity as the real spells wrote them, and evaluated by verify from the chain's
state before the cast (the Observation's `before`) at the cast's time.

An amount is a constant (`value`, in token units) plus or minus one reading (`Reading`): today what a
DssVest award has accrued (`accrued`, 2022-02-04: "first month payment minus accrued amount") or what it
still owes (`unpaid`). A reading is a small class with three parts (its words, its Solidity, its value
from a pre-state), so a balance read at the cast (a treasury's "balance less a constant") is one more
reading with the same three parts, evaluated from the same pre-state.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from spellgen.errors import SpellgenError
from spellgen.spellfile.amounts import human, to_wei

READINGS = ("accrued", "unpaid")  # DssVest's view functions of an award, by their names
SIGNS = ("minus", "plus")


class PreState(Protocol):
    """What a reading is evaluated from: the chain before the cast (cast/simulate.py's State has it)."""

    awards: dict  # (vest, id) -> an award with usr, bgn, clf, fin, tot, rxd


def accrued(award: Any, t: int) -> int:
    """DssVest.accrued at time `t`: 0 before bgn, tot from fin on, linear between (rounded down); the
    cliff and what was paid do not count."""
    if t < award.bgn:
        return 0
    if t >= award.fin:
        return award.tot
    return award.tot * (t - award.bgn) // (award.fin - award.bgn)


def unpaid(award: Any, t: int) -> int:
    """DssVest.unpaid at time `t`: 0 before the cliff, else accrued - rxd."""
    return 0 if t < award.clf else accrued(award, t) - award.rxd


class NotReadable(SpellgenError, ValueError):
    """The pre-state lacks what a reading needs (no such award): verify fails the item, saying so (never
    raised out of verify)."""


@dataclass(frozen=True)
class AwardReading:
    """`VEST.accrued(id)` or `VEST.unpaid(id)` of an existing award, read at the cast."""

    what: str  # "accrued" or "unpaid"
    vest: str  # chainlog key of the vest
    award: int

    @property
    def words(self) -> str:
        return (f"what award {self.award} of {self.vest} has accrued" if self.what == "accrued" else
                f"what award {self.award} of {self.vest} has not paid yet")

    def solidity(self, vest_type: str) -> str:
        return f"{vest_type}({self.vest}).{self.what}({self.award})"

    def value(self, pre: PreState, t: int) -> int:
        award = pre.awards.get((self.vest, self.award))
        if award is None:
            raise NotReadable(f"{self.vest} has no award {self.award} before the cast")
        return accrued(award, t) if self.what == "accrued" else unpaid(award, t)

    @property
    def award_read(self) -> tuple[str, int]:
        """The award whose state before the cast the reading needs."""
        return self.vest, self.award


Reading = AwardReading  # the one reading today; a balance reading would join it here


@dataclass(frozen=True)
class CastAmount:
    """`value` (token units, 0: none) plus or minus (`sign` +1 or -1) a reading at the cast; with
    `less_value`, the reading less `value` instead ("the PauseProxy's balance less 1,000 SKY")."""

    value: Decimal
    sign: int
    reading: Reading
    token: str
    less_value: bool = False

    @property
    def words(self) -> str:
        """`42,917 DAI minus what award 24 of MCD_VEST_DAI has accrued` (at the cast)."""
        if self.less_value:
            return f"{self.reading.words} less {human(self.value)} {self.token}"
        if self.value == 0 and self.sign > 0:
            return f"{self.reading.words}, in {self.token}"
        return f"{human(self.value)} {self.token} {'minus' if self.sign < 0 else 'plus'} {self.reading.words}"

    def wei(self, pre: PreState, t: int) -> int:
        """The amount in wei for a cast at `t` from the state `pre` (NotReadable when it cannot say;
        a negative result is returned as is: the spell's `sub` reverts then, and verify says so)."""
        if self.less_value:
            return self.reading.value(pre, t) - to_wei(self.value)
        return to_wei(self.value) + self.sign * self.reading.value(pre, t)
