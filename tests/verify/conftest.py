"""Every `verify` and `simulate` of this folder casts on a pooled twin (tests/conftest.py, `shared_twins`):
a twin per start request, reverted to its fresh-start snapshot after each cast, instead of a new anvil
per test. tests/verify/test_pooled_twin.py checks that a cast there reports what a fresh twin reports."""
import pytest


@pytest.fixture(autouse=True)
def _cast_on_pooled_twins(shared_twins):
    yield
