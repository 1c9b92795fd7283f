"""The twin runs the EVM rules mainnet ran at the spell's date, from one state dump.

The dump is built once (under the builder's pinned fork); anvil loads it under every hardfork
anvil 1.7.1 names (berlin ... osaka), so one cached dump serves every era: these tests start a twin
at a date of each era and check the fork anvil reports and that a contract call works there, and
that the transactions spellgen sends fit the fork (legacy gasPrice before London).
"""
import pytest

from spellgen.spellfile.history import MAINNET
from spellgen.twin import start_twin
from spellgen.twin import state as S

ERAS = [("2021-06-01", "berlin"), ("2021-08-05", "london"), ("2022-09-14", "london"), ("2022-09-15", "paris"),
        ("2023-04-12", "shanghai"), ("2024-03-13", "cancun"), ("2025-05-06", "cancun"), ("2025-05-07", "prague"),
        ("2025-12-02", "prague"), ("2025-12-03", "osaka")]


@pytest.mark.parametrize("date, fork", ERAS)
def test_hardfork_by_date(date, fork):
    assert S.hardfork_at(date) == fork


@pytest.mark.parametrize("date, fork", [("2021-06-01", "berlin"), ("2022-01-28", "london"), ("2022-12-09", "paris"),
                                        ("2023-08-02", "shanghai"), ("2025-03-01", "cancun"), ("2025-06-01", "prague"),
                                        ("2025-12-10", "osaka")])
def test_the_dump_loads_under_the_fork_of_its_date(date, fork):
    with start_twin(date) as twin:
        assert twin.hardfork == fork
        assert twin.rpc.call("anvil_nodeInfo")["hardFork"].lower() == fork
        code = twin.rpc.call("eth_getCode", MAINNET["MCD_VAT"], "latest")
        assert len(code) > 1000
        answer = twin.rpc.eth_call({"to": MAINNET["MCD_VAT"], "data": "0x957aa58c"})  # live()
        assert int(answer, 16) == 1


def _sent(date: str, extra_keys: dict[str, str] | None = None) -> tuple[dict, dict]:
    """A transaction spellgen's Chain sends on the twin of `date` (a contract creation, as a spell's
    deployment), as the node recorded it, and its receipt."""
    from spellgen.chain.client import Chain

    with start_twin(date, extra_keys=extra_keys) as twin:
        chain = Chain(twin.url)
        sender = chain.accounts()[0]
        receipt = chain.send(sender, None, bytes.fromhex("600a600c600039600a6000f3602a60005260206000f3"))
        assert len(chain.code(receipt.contract_address)) == 10
        return (twin.rpc.call("eth_getTransactionByHash", receipt.tx_hash),
                twin.rpc.call("eth_getTransactionReceipt", receipt.tx_hash))


def test_a_transaction_before_london_is_a_legacy_one():
    """Berlin refuses EIP-1559 fee fields: before 2021-08-05 spellgen names a gasPrice (issue 23)."""
    tx, receipt = _sent("2021-06-04")
    assert int(tx["type"], 16) == 0
    assert int(tx["gasPrice"], 16) > 0
    assert "maxFeePerGas" not in tx and "maxPriorityFeePerGas" not in tx
    assert int(receipt["status"], 16) == 1


def test_a_transaction_from_london_on_keeps_eip1559_fees():
    tx, _ = _sent("2021-08-05")
    assert int(tx["type"], 16) == 2
    assert "maxFeePerGas" in tx


def test_the_twin_registers_extra_keys_before_london():
    """The twin's own setup transactions (a key a spell registers) are legacy ones too under Berlin."""
    tx, _ = _sent("2021-06-04", extra_keys={"SPELLGEN_TEST_KEY": "0x" + "12" * 20})
    assert int(tx["type"], 16) == 0
