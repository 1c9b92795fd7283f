"""The Maker protocol's units and kinds that budget spells touch (from shared/spec/maker.md).

Pure data: no I/O, no web3. Units (WAD, RAY), limits, the kinds of vest and what each budget vest
pays. What depends on the date or names an address (the chainlog, wallets, caps, tokens, hardforks)
is spellgen.spellfile.history's, so each fact is written down once.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

WAD = 10**18
RAY = 10**27
RAD = 10**45

DAY = 86_400
TWENTY_YEARS = 20 * 365 * DAY
UINT48_MAX = 2**48 - 1
UINT128_MAX = 2**128 - 1

# Addresses, chainlog keys, caps, tokens and hardforks by date are chain facts: spellgen.spellfile.history,
# the one module that holds them.

# SKY per MKR at MKR_SKY (`rate()`).
MKR_SKY_RATE = 24_000


class VestKind(str, Enum):
    """How a DssVest variant pays (spec section 4)."""

    SUCKABLE = "suckable"  # vat.suck + join.exit: DAI/USDS out of the surplus buffer
    MINTABLE = "mintable"  # gem.mint
    TRANSFERRABLE = "transferrable"  # gem.transferFrom(PauseProxy, usr, amt): needs an allowance


@dataclass(frozen=True)
class Cap:
    """A vest rate cap as governance writes it: `amount * WAD / period` tokens per second."""

    amount: Decimal
    period: int  # seconds
    # A cap set by arithmetic that is not `amount * WAD / period` (e.g. 110 % of a stream's rate):
    # the exact wei per second; `amount` is then that rate over `period`, for people only.
    exact_per_second: int | None = None

    @property
    def per_second_wei(self) -> int:
        if self.exact_per_second is not None:
            return self.exact_per_second
        # Solidity evaluates `amount * WAD / period` with integer division; the wei are exact
        # (amounts imports this module, hence the late import).
        from spellgen.spellfile.amounts import to_wei

        return to_wei(self.amount) // self.period


@dataclass(frozen=True)
class Vest:
    key: str
    kind: VestKind
    token: str  # symbol of what it pays
    token_key: str  # chainlog key of that token (today's; spellgen.spellfile.history.token_key_at by date)


VESTS: dict[str, Vest] = {
    v.key: v
    for v in (
        Vest("MCD_VEST_DAI", VestKind.SUCKABLE, "DAI", "MCD_DAI"),
        # The first DAI vest; from 2021-09-03 to 2022-04-29 its key was MCD_VEST_DAI.
        Vest("MCD_VEST_DAI_LEGACY", VestKind.SUCKABLE, "DAI", "MCD_DAI"),
        Vest("MCD_VEST_MKR", VestKind.MINTABLE, "MKR", "MCD_GOV"),
        Vest("MCD_VEST_MKR_TREASURY", VestKind.TRANSFERRABLE, "MKR", "MCD_GOV"),
        Vest("MCD_VEST_USDS", VestKind.SUCKABLE, "USDS", "USDS"),
        Vest("MCD_VEST_SKY_TREASURY", VestKind.TRANSFERRABLE, "SKY", "SKY"),
        Vest("MCD_VEST_SKY", VestKind.MINTABLE, "SKY", "SKY"),
        Vest("MCD_VEST_SPK_TREASURY", VestKind.TRANSFERRABLE, "SPK", "SPK"),
    )
}

# Each vest's cap by date: spellgen.spellfile.history.vest_cap_at (data/vest_caps.tsv).
