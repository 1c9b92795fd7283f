"""Exact decimals: a YAML 257.31 must reach the chain as exactly 257.31 * 10**18."""
from decimal import Decimal

import pytest

from spellgen.spellfile import amounts
from spellgen.spellfile.diagnostics import Diagnostics
from spellgen.spellfile.source import parse_text


@pytest.mark.parametrize("text, value", [
    ("2486400", Decimal(2486400)), ("2,486,400", Decimal(2486400)), ("1_069_250", Decimal(1069250)),
    ("257.31", Decimal("257.31")), ("0.000000000000000001", Decimal("1E-18")), ("128.65 MKR", Decimal("128.65")),
])
def test_parse(text, value):
    assert amounts.parse_amount(text)[0] == value


@pytest.mark.parametrize("text, reason", [
    ("-5", "negative"), ("1,00,000", "not an amount"), ("1.2.3", "not an amount"), ("1e18", "not an amount"),
    ("0.1234567890123456789", "19 decimals"), ("12,5", "not an amount"),
])
def test_parse_refuses(text, reason):
    with pytest.raises(amounts.AmountError, match=reason):
        amounts.parse_amount(text)


def test_yaml_float_text_stays_exact():
    # 0.1 + 0.2 style traps: the YAML scalar is read as its characters, never as a float.
    root = parse_text("a: 257.31\nb: 0.3\n", Diagnostics("t"))
    value = amounts.parse_amount(root.entries["a"].text)[0]
    assert amounts.to_wei(value) == 257_310_000_000_000_000_000
    assert amounts.to_wei(amounts.parse_amount(root.entries["b"].text)[0]) == 3 * 10**17
    assert int(Decimal(257.31) * 10**18) != 257_310_000_000_000_000_000  # what a float would have done


def test_formatting():
    assert amounts.human(Decimal("2486400")) == "2,486,400"
    assert amounts.human(Decimal("257.31")) == "257.31"
    assert amounts.human(Decimal("300"), min_decimals=2) == "300.00"
    assert amounts.solidity_number(Decimal("1069250")) == "1_069_250"
    assert amounts.solidity_number(Decimal("1234.5"), min_decimals=2) == "1_234.50"
    assert amounts.solidity_number(Decimal("0.000000000000000001")) == "0.000000000000000001"


# --- exact beyond Decimal's 28-digit default context -------------------------------------------
HUGE = "12,345,678,901.123456789012345678"  # 29 significant digits


def test_to_wei_keeps_every_digit_of_a_29_digit_amount():
    from spellgen.spellfile.amounts import parse_amount, to_wei

    value, _ = parse_amount(HUGE)
    assert to_wei(value) == 12_345_678_901_123_456_789_012_345_678


def test_exact_sum_and_from_wei_do_not_round():
    from spellgen.spellfile.amounts import exact_sum, from_wei, parse_amount, to_wei

    value, _ = parse_amount(HUGE)
    total = exact_sum([value, value, Decimal("0.000000000000000001")])
    assert to_wei(total) == 2 * 12_345_678_901_123_456_789_012_345_678 + 1
    assert from_wei(to_wei(value)) == value and str(from_wei(10**18)) == "1"
    assert exact_sum([value], [value]) == 0
