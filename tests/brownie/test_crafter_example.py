"""A test a crafter adds by hand next to the generated ones, with the same fixtures: the real-style
spell of tests/realspells also sets the ChainLog's version, which is no budget item."""
from pathlib import Path

HERE = Path(__file__).resolve().parent
pytest_plugins = ["spellgen.integrations.pytest_plugin"]

SPEC = HERE / "../spells/usds-sky-2025-03-01.yaml"
SPELL = HERE / "../realspells/2025-03-01-DssSpell/DssSpell.sol"
CHAINLOG = "0xdA0Ab1e0017DEbCd72Be8599041a2aa3bA7e740F"


def test_the_spell_sets_the_chainlog_version(cast):
    assert cast.call(CHAINLOG, "version()(string)") == "1.19.7"


def test_each_test_starts_from_the_cast(cast, spell_chain):
    """A test may transact: the snapshot around it undoes that for the next test."""
    proxy = spell_chain.impersonate(cast.addresses["MCD_PAUSE_PROXY"])
    spell_chain.transact(proxy, CHAINLOG, "setVersion(string)", "9.9.9")
    assert cast.call(CHAINLOG, "version()(string)") == "9.9.9"


def test_the_version_is_back_after_the_previous_test(cast):
    assert cast.call(CHAINLOG, "version()(string)") == "1.19.7"
