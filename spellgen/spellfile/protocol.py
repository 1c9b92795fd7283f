"""Facts about the Maker protocol that budget spells touch (from shared/spec/maker.md).

Pure data: no I/O, no web3. Both the render path and the twin read it, so an address or a cap
is written down exactly once.
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

# Chainlog keys -> mainnet addresses (spec section 1).
CHANGELOG = "0xdA0Ab1e0017DEbCd72Be8599041a2aa3bA7e740F"
DSS_EXEC_LIB = "0x8De6DDbCd5053d32292AAA0D2105A32d108484a6"

MAINNET: dict[str, str] = {
    "CHANGELOG": CHANGELOG,
    "MCD_VAT": "0x35D1b3F3D7966A1DFe207aa4514C12a259A0492B",
    "MCD_VOW": "0xA950524441892A31ebddF91d3cEEFa04Bf454466",
    "MCD_JOIN_DAI": "0x9759A6Ac90977b93B58547b4A71c78317f391A28",
    "MCD_DAI": "0x6B175474E89094C44Da98b954EedeAC495271d0F",
    "MCD_GOV": "0x9f8F72aA9304c8B593d555F12eF6589cC3A579A2",
    "MCD_ADM": "0x0a3f6849f78076aefaDf113F5BED87720274dDC0",
    "MCD_PAUSE": "0xbE286431454714F511008713973d3B053A2d38f3",
    "MCD_PAUSE_PROXY": "0xBE8E3e3618f7474F8cB1d074A26afFef007E98FB",
    "MCD_VEST_DAI": "0xa4c22f0e25C6630B2017979AcF1f865e94695C4b",
    "MCD_VEST_DAI_LEGACY": "0x2Cc583c0AaCDaC9e23CB601fDA8F1A0c56Cdcb71",
    "MCD_VEST_MKR": "0x0fC8D4f2151453ca0cA56f07359049c8f07997Bd",
    "MCD_VEST_MKR_TREASURY": "0x6D635c8d08a1eA2F1687a5E46b666949c977B7dd",
    "USDS": "0xdC035D45d973E3EC169d2276DDab16f1e407384F",
    "USDS_JOIN": "0x3C0f895007CA717Aa01c8693e59DF1e8C3777FEB",
    "MCD_VEST_USDS": "0xc447a9745aDe9A44Bb9E37B7F6C92f9582544110",
    "SKY": "0x56072C95FAA701256059aa122697B133aDEd9279",
    "MCD_VEST_SKY_TREASURY": "0x67eaDb3288cceDe034cE95b0511DCc65cf630bB6",
    # Converters (spec section 7): DaiUsds 1:1, MkrSky at MKR_SKY_RATE. MKR_SKY is the address the
    # key named until 2025-05-15 (then MKR_SKY_LEGACY; a new converter took the key).
    "DAI_USDS": "0x3225737a9Bbb6473CB4a45b7244ACa2BeFdB276A",
    "MKR_SKY": "0xBDcFCA946b6CDd965f99a839e4435Bcdc1bc470B",
    "MCD_VEST_SKY": "0xB313Eab3FdE99B2bB4bA9750C2DDFBe2729d1cE9",
    "SPK": "0xc20059e0317DE91738d13af027DfC4a50781b066",
    "MCD_VEST_SPK_TREASURY": "0xF9A2002b471f600A5484da5a735a2A053d377078",
}

# Which of these keys exist at a spell's date, and under which address, is spellgen.spellfile.history's
# (spellgen/spellfile/data/chainlog.tsv); the twin holds the contracts above and registers them by date.

# SKY per MKR at MKR_SKY (`rate()`).
MKR_SKY_RATE = 24_000
# Spells converted MKR to SKY for SKY transfers from 2024-11-28 (straight to the recipient) and from
# 2025-01-09 to 2025-04-30 (into the PauseProxy, rounding the MKR up); from 2025-05-29 the treasury held SKY.
MKR_CONVERSION_ERA = ("2024-11-28", "2025-05-14")


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
    token_key: str  # chainlog key of that token
    cap: Cap | None  # mainnet cap when the spec states it, else None (rate not checkable)


VESTS: dict[str, Vest] = {
    v.key: v
    for v in (
        Vest("MCD_VEST_DAI", VestKind.SUCKABLE, "DAI", "MCD_DAI", Cap(Decimal(1_000_000), 30 * DAY)),
        # The first DAI vest; from 2021-09-03 to 2022-04-29 its key was MCD_VEST_DAI.
        Vest("MCD_VEST_DAI_LEGACY", VestKind.SUCKABLE, "DAI", "MCD_DAI", None),
        Vest("MCD_VEST_MKR", VestKind.MINTABLE, "MKR", "MCD_GOV", Cap(Decimal(1_100), 365 * DAY)),
        Vest("MCD_VEST_MKR_TREASURY", VestKind.TRANSFERRABLE, "MKR", "MCD_GOV", Cap(Decimal(1_100), 365 * DAY)),
        Vest("MCD_VEST_USDS", VestKind.SUCKABLE, "USDS", "USDS", Cap(Decimal(46_200), 30 * DAY)),
        # Initial caps as set by the spells that created them (research/vest_caps.tsv).
        Vest("MCD_VEST_SKY_TREASURY", VestKind.TRANSFERRABLE, "SKY", "SKY", Cap(Decimal(475_200), 30 * DAY)),
        Vest("MCD_VEST_SKY", VestKind.MINTABLE, "SKY", "SKY", Cap(Decimal(800_000_000), 365 * DAY)),
        Vest("MCD_VEST_SPK_TREASURY", VestKind.TRANSFERRABLE, "SPK", "SPK", Cap(Decimal(2_502_500_000), 730 * DAY)),
    )
}

# Caps and delays by date: spellgen.spellfile.history (tables of the spells archive, with sources).
