"""EIP-55 checksums, against the reference vectors of the EIP and the spec's addresses."""
import pytest

from spellgen.spellfile.address import AddressError, parse_address, to_checksum
from spellgen.spellfile.history import DSS_EXEC_LIB, MAINNET

EIP55_VECTORS = [
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
    "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
]


@pytest.mark.parametrize("address", EIP55_VECTORS + list(MAINNET.values()) + [DSS_EXEC_LIB])
def test_checksum_vectors(address):
    assert to_checksum(address.lower()) == address
    assert parse_address(address) == address


def test_wrong_checksum_shows_the_right_form():
    with pytest.raises(AddressError, match="0x2dC0420A736D1F40893B9481D8968E4D7424bC0B"):
        parse_address("0x2dc0420a736d1f40893b9481d8968e4d7424bc0b")


@pytest.mark.parametrize("bad", ["0x123", "2dC0420A736D1F40893B9481D8968E4D7424bC0B", "0x" + "g" * 40])
def test_not_addresses(bad):
    with pytest.raises(AddressError, match="not an address"):
        parse_address(bad)


def test_zero_address_refused():
    with pytest.raises(AddressError, match="zero address"):
        parse_address("0x" + "0" * 40)
