"""Fixtures for the twin's tests: one twin per session, a fresh copy of it for every test.

* `twin`  (session): a running twin at TWIN_DATE, started through spellgen.twin.start_twin.
* `kit`   (session): twinkit.Kit on it: web3 contracts at the mainnet addresses, senders, time.
* `fresh` (function, autouse): evm_snapshot before the test, evm_revert after, so each test
  starts from the same state and clock whatever the previous one did.

Run: .venv/bin/python -m pytest -p no:pytest-brownie tests/twin -q
"""
from __future__ import annotations

import pytest

from spellgen.twin import start_twin
from spellgen.twin import state as S
from twinkit import Kit

TWIN_DATE = "2022-01-28"  # a Friday; the TechOps example spell's date


@pytest.fixture(scope="session")
def twin():
    # The twin as built (its seeded award counts), not the vests of the date: these tests read the seeds.
    # Every contract it models, the 2024-era ones included: these tests exercise the contracts themselves.
    with start_twin(TWIN_DATE, award_counts=S.DEFAULT_AWARD_COUNTS, every_contract=True) as running:
        yield running


@pytest.fixture(scope="session")
def kit(twin) -> Kit:
    return Kit(twin)


@pytest.fixture(autouse=True)
def fresh(request):
    """Snapshot/revert around every test that uses the twin (others are left alone)."""
    if "kit" not in request.fixturenames and "twin" not in request.fixturenames:
        yield
        return
    twin = request.getfixturevalue("twin")
    snapshot = twin.rpc.snapshot()
    yield
    twin.rpc.revert(snapshot)
    if "kit" in request.fixturenames:
        request.getfixturevalue("kit").forget_senders()
