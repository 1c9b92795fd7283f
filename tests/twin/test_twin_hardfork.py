"""The twin runs the EVM rules mainnet ran at the spell's date, from one state dump.

The dump is built once (under the builder's pinned fork); anvil loads it under every hardfork
anvil 1.7.1 names (berlin ... osaka), so one cached dump serves every era: these tests start a twin
at a date of each era and check the fork anvil reports and that a contract call works there.
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
