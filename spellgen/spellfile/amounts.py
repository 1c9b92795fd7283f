"""Exact token amounts: parsing what people write, and formatting for people and for Solidity.

Everything is `decimal.Decimal` built from the characters in the file; no float is ever involved.
Arithmetic on amounts (wei, sums) is done on integers: Decimal's context keeps 28 significant
digits and would silently round 12,345,678,901.123456789012345678 (29 digits).
"""
from __future__ import annotations

import re
from decimal import Decimal

from spellgen.errors import InvalidInput

MAX_DECIMALS = 18

# 1069250, 1_069_250, 1,069,250, 257.31, optionally followed by a token symbol.
_AMOUNT = re.compile(
    r"^(?P<int>\d{1,3}(?:,\d{3})+|\d+(?:_\d+)*)(?:\.(?P<frac>\d+))?(?:\s+(?P<token>[A-Z]{2,6}))?$"
)


class AmountError(InvalidInput, ValueError):
    pass


def parse_amount(text: str) -> tuple[Decimal, str | None]:
    """Parse an amount such as `2,486,400`, `1_069_250`, `257.31` or `257.31 MKR`.

    Returns the exact value and the token symbol written after it, if any.
    """
    cleaned = text.strip()
    if cleaned.startswith("-"):
        raise AmountError(f"{text!r} is negative; amounts are positive token quantities")
    match = _AMOUNT.match(cleaned)
    if not match:
        raise AmountError(
            f"{text!r} is not an amount; write digits with optional thousands separators "
            "and decimals, e.g. 2,486,400 or 257.31"
        )
    frac = match.group("frac") or ""
    if len(frac) > MAX_DECIMALS:
        raise AmountError(f"{text!r} has {len(frac)} decimals; tokens have at most {MAX_DECIMALS}")
    whole = match.group("int").replace(",", "").replace("_", "")
    value = Decimal(f"{whole}.{frac}") if frac else Decimal(whole)
    return value, match.group("token")


def scaled(amount: Decimal, places: int) -> int:
    """`amount * 10**places` as an exact integer (an error if that leaves a fraction)."""
    sign, digits, exponent = amount.as_tuple()
    if not isinstance(exponent, int):
        raise AmountError(f"{amount} is not a finite amount")
    number = int("".join(map(str, digits)) or "0")
    shift = exponent + places
    if shift >= 0:
        value = number * 10**shift
    else:
        value, rest = divmod(number, 10**-shift)
        if rest:
            raise AmountError(f"{amount} has more than {places} decimals")
    return -value if sign else value


def to_wei(amount: Decimal) -> int:
    """Token units to the 18-decimal integer the chain stores; exact, whatever the digit count."""
    return scaled(amount, MAX_DECIMALS)


def from_wei(wei: int, decimals: int = MAX_DECIMALS) -> Decimal:
    """The exact token amount of `wei`, the smallest units of a token of `decimals` (no rounding; trailing
    zero decimals dropped)."""
    sign = "-" if wei < 0 else ""
    whole, frac = divmod(abs(wei), 10**decimals)
    text = f"{whole}.{frac:0{decimals}d}".rstrip("0").rstrip(".") if decimals else str(whole)
    return Decimal(sign + text)


def exact_sum(values, negate=()) -> Decimal:
    """Sum of `values` minus `negate`, exact: added as integers at the finest decimal place used."""
    values, negate = list(values), list(negate)
    places = max((decimals_of(v) for v in values + negate), default=0)
    total = sum(scaled(v, places) for v in values) - sum(scaled(v, places) for v in negate)
    sign = "-" if total < 0 else ""
    whole, frac = divmod(abs(total), 10**places)
    return Decimal(f"{sign}{whole}.{frac:0{places}d}" if places else f"{sign}{whole}")


def decimals_of(amount: Decimal) -> int:
    """Decimals as written: 348452.30 keeps its two, so messages quote the user's own figure."""
    exponent = amount.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def human(amount: Decimal, min_decimals: int = 0) -> str:
    """`2486400` -> `2,486,400`; `257.31` -> `257.31`; keeps every decimal the value has."""
    places = max(decimals_of(amount), min_decimals)
    return f"{amount:,.{places}f}"


def solidity_number(amount: Decimal, min_decimals: int = 0) -> str:
    """A Solidity number literal: `2_486_400`, `257.31`, `1_234.50` (underscores group thousands)."""
    places = max(decimals_of(amount), min_decimals)
    text = f"{amount:,.{places}f}"
    whole, _, frac = text.partition(".")
    return whole.replace(",", "_") + (f".{frac}" if frac else "")


def is_whole(amount: Decimal) -> bool:
    return amount == amount.to_integral_value()
