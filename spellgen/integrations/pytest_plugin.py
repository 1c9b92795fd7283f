"""The spellgen pytest plugin: fixtures for Brownie tests of one spell (`spellgen brownie-test` writes them).

A test module names its spell with two module constants and loads this plugin:

    pytest_plugins = ["spellgen.integrations.pytest_plugin"]
    SPEC = HERE / "../examples/techops-2022-01-28.yaml"   # the spell's YAML
    SPELL = None                                         # or a .sol file to cast instead of the rendered spell

Fixtures:

* `spell_chain` (session): spellgen's Chain over Brownie's web3.
* `spell_cast` (module): the spell compiled, deployed, elected, scheduled and cast by
  `spellgen.run.cast_spell` (the cast of `spellgen simulate`), with what the chain showed before
  and after (a `CastSpell`).
* `cast` (function): the same `CastSpell`, inside an EVM snapshot reverted after the test, so a
  test may transact freely.

Under `brownie test` with no `--network`, the tests run on the twin (network spellgen-twin),
started once the tests are collected, as `spellgen simulate` starts it (spellgen.run.start_spell_twin).
`--network mainnet-fork` casts on a fork of $ETH_RPC_URL instead. $SPELLGEN_SPELL=FILE.sol overrides SPELL (e.g. a mutated spell).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

SPELL_ENV = "SPELLGEN_SPELL"


def pytest_plugin_registered(plugin: Any, manager: Any) -> None:
    """Under `brownie test`, re-enable Brownie's plugin if an ini's `-p no:pytest-brownie` removed it."""
    import sys

    if plugin is sys.modules[__name__]:
        from spellgen.integrations.brownie import bridge_brownie_plugin

        bridge_brownie_plugin(manager)


def _spec_of(module: Any) -> Path | None:
    spec = getattr(module, "SPEC", None)
    return Path(spec) if spec else None


def _under_brownie_test() -> bool:
    import sys

    config = sys.modules.get("brownie._config")
    return config is not None and config.CONFIG.argv["cli"] == "test"


def pytest_collection_modifyitems(items: list) -> None:
    """Outside `brownie test` (plain pytest), a spell's Brownie tests are skipped, saying how to run them."""
    if _under_brownie_test():
        return
    for item in items:
        if _spec_of(getattr(item, "module", None)) and "spell_cast" in getattr(item, "fixturenames", ()):
            where = os.path.relpath(item.module.__file__)
            item.add_marker(pytest.mark.skip(reason=f"a Brownie test of a spell: run it with `brownie test {where}`"))


def pytest_collection_finish(session: pytest.Session) -> None:
    """Before Brownie connects (its hook wraps this one): choose the twin and start it at the spell's date."""
    if not _under_brownie_test():
        return
    specs = [s for s in (_spec_of(getattr(i, "module", None)) for i in session.items) if s]
    if not specs:
        return
    from spellgen.integrations import brownie as B

    chosen = B.choose_network(B.TWIN_NETWORK)
    if chosen == B.FORK_NETWORK and not os.environ.get("ETH_RPC_URL"):
        raise pytest.UsageError(B.fork_url_missing())
    if chosen == B.TWIN_NETWORK and not B.connected():
        B.attach_twin(specs[0])


@dataclass(frozen=True)
class _ActionEvents:
    observed: list
    form: str
    first_use: bool


@dataclass
class CastSpell:
    """A cast spell and what spellgen read from the chain around the cast."""

    observation: Any  # spellgen.cast.simulate.Observation
    chain: Any  # spellgen.chain.client.Chain
    spell: Any = None  # spellgen.spellfile.model.Spell: the YAML's model
    # A hand-written spell (SPELL) may do more than its YAML's budget: the event order tests then read only
    # the logs of the contracts the YAML's actions name (verify --budget-only's rule).
    budget_only: bool = False
    _segments: dict | None = None

    @property
    def before(self) -> Any:
        return self.observation.before

    @property
    def after(self) -> Any:
        return self.observation.after

    @property
    def cast_time(self) -> int:
        return self.observation.cast.timestamp

    @property
    def addresses(self) -> dict[str, str]:
        return self.observation.addresses

    def new_award(self, vest: str, nth: int) -> Any:
        """The `nth` (1 = first) award the cast created on `vest`."""
        award = self.before.ids[vest] + nth
        found = self.observation.new_awards.get((vest, award))
        assert found is not None, f"the cast created fewer than {nth} award(s) on {vest}"
        return found

    def award_id(self, vest: str, nth: int) -> int:
        return self.before.ids[vest] + nth

    def vested_at_end(self, vest: str, nth: int) -> int:
        """What vesting the `nth` new award on `vest` to its end paid its recipient (measured in a snapshot)."""
        award = self.award_id(vest, nth)
        for payout in self.observation.payouts:
            if (payout.vest, payout.award) == (vest, award):
                assert payout.error is None, payout.error
                return payout.paid
        raise AssertionError(f"award {award} on {vest} was not vested")

    def action_events(self, path: str) -> Any:
        """The events of the action at `path` (`sections[0].actions[1]`) in the cast: `observed`, its (emitter,
        event) in order; `form`, the form of its kind's sequence the state before the cast selects; `first_use`,
        whether it is the first action needing its kind's first-use events (verify/sequence.py's Segment)."""
        if self._segments is None:
            from spellgen.spellfile.expect import expected_from
            from spellgen.verify.compare import EventLedger, Verifier
            from spellgen.verify.sequence import sequences_of

            e, o = expected_from(self.spell), self.observation
            names = Verifier(e, o, {})._names()
            segments, _, _ = sequences_of(e, o, names, EventLedger(e, o, names)._bound_addresses(), self.budget_only)
            self._segments = {segment.plan.item.path: segment for segment in segments}
        segment = self._segments.get(path)
        assert segment is not None, f"no action at {path} ran in the cast"
        return _ActionEvents(segment.pairs, segment.form, segment.first_use)

    def call(self, to: str, signature: str, *args: Any) -> Any:
        """A read-only call by signature, e.g. cast.call(VEST, "ids()(uint256)")."""
        return self.chain.call(to, signature, *args)


@pytest.fixture(scope="session")
def spell_chain() -> Any:
    """spellgen's Chain over the web3 Brownie is connected to."""
    from spellgen.chain.client import Chain
    from spellgen.integrations.brownie import brownie_web3

    return Chain(w3=brownie_web3())


def _spell_of(request: pytest.FixtureRequest) -> tuple[Path, Path | None]:
    module = request.module
    spec = _spec_of(module)
    if spec is None:
        pytest.fail(f"{module.__name__} names no SPEC (the spell's YAML)", pytrace=False)
    spell = os.environ.get(SPELL_ENV) or getattr(module, "SPELL", None)
    return spec, Path(spell) if spell else None


@pytest.fixture(scope="module")
def spell_cast(request: pytest.FixtureRequest, spell_chain: Any) -> Any:
    """The module's spell, compiled, deployed, elected, scheduled and cast (reverted after the module):
    spellgen.run.cast_spell, the cast of `spellgen simulate`, on Brownie's chain."""
    from spellgen.integrations import brownie as B
    from spellgen.run import ChainChoice, RunContext, cast_spell

    spec, spell_file = _spell_of(request)
    spell = B.readable_spell(spec)
    if spell is not None and B.twin_date() not in (None, spell.date):
        pytest.fail(f"this session's twin is at {B.twin_date()}, but {spec.name} is dated {spell.date}: "
                    f"run its tests in a `brownie test` session of their own", pytrace=False)
    network = B.active_network()
    context = RunContext(spec, spell_file, ChainChoice(web3=B.brownie_web3(), label=f"Brownie network {network}",
                                                       twin=network == B.TWIN_NETWORK,
                                                       real_fork=network == B.FORK_NETWORK))
    snapshot = spell_chain.snapshot()
    try:
        cast_model, observation = cast_spell(context, spell_chain)
        yield CastSpell(observation, spell_chain, cast_model, budget_only=spell_file is not None)
    finally:
        spell_chain.revert(snapshot)


@pytest.fixture
def cast(spell_cast: CastSpell, spell_chain: Any) -> Any:
    """The cast spell, with an EVM snapshot around the test."""
    snapshot = spell_chain.snapshot()
    try:
        yield spell_cast
    finally:
        spell_chain.revert(snapshot)
