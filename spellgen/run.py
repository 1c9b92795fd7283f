"""The one end-to-end run: YAML -> checked model -> spell source -> compiled -> cast -> verified -> reported.

`run_spec(RunContext)` is what `spellgen simulate`, `spellgen verify`, the Brownie script and the
tests call; `cast_spell` is its cast alone, for the pytest plugin's fixtures; `start_spell_twin` is
the one way a spell's twin starts (here and for Brownie's spellgen-twin network). No other module
strings the stages together. The chain is the twin at the spell's date by default, anvil forking a
real RPC (`--fork-url`), or a web3 that is already connected (Brownie's). Each step prints its
duration. `run_spec` returns 0 when every item passed, 1 when any failed; invalid input raises a
spellgen error carrying exit code 2 (spellgen.errors), which the caller maps.
"""
from __future__ import annotations

import re
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Sequence, TextIO

from spellgen.progress import Progress
from spellgen.compiler.compile import SPELL_FILE, CompiledSpell, CompileError, compile_spell
from spellgen.spellfile.amounts import from_wei, human
from spellgen.spellfile.expect import expected_from
from spellgen.spellfile.model import Spell
from spellgen.spellfile.timeutil import iso
from spellgen.errors import ExitCode, InvalidInput


@dataclass
class ChainChoice:
    fork_url: str | None = None
    fork_block: int | None = None
    port: int | None = None
    web3: object | None = None  # an already connected web3 (Brownie's): cast there, start nothing
    label: str = ""  # how reports name that chain
    address: str | None = None  # cast the spell already deployed here (its code compared first), not a new one
    real_fork: bool = False  # `web3` is a fork of mainnet (Brownie's mainnet-fork): compile as mainnet's spells were
    twin: bool = False  # `web3` is a twin started by `start_spell_twin` (Brownie's spellgen-twin)


@dataclass
class RunContext:
    """Everything one run needs, built by each way in (the CLI, the Brownie script, the pytest plugin)."""

    spec: Path  # the spell YAML
    spell_file: Path | None = None  # a hand-written spell to cast instead of the YAML's rendering
    chain: ChainChoice = field(default_factory=ChainChoice)
    report_dir: Path | None = None  # where report.md, report.html and report.json go (None: none written)
    budget: Path | None = None  # a budget whose caps report.html's chart draws
    budget_only: bool = False  # verify --budget-only
    stream: TextIO | None = None  # progress and messages (default: sys.stderr, looked up per call)

    @property
    def source_name(self) -> str:
        return Path(self.spell_file).name if self.spell_file else f"DssSpell.sol (rendered from {Path(self.spec).name})"

    @property
    def source_dir(self) -> Path | None:
        """A hand-written spell's folder, where its own imports (`./dependencies/...`) are found."""
        return Path(self.spell_file).resolve().parent if self.spell_file else None


@contextmanager
def open_chain(spell: Spell, choice: ChainChoice, steps: Progress,
               earlier_cast: frozenset[str] = frozenset()) -> Iterator[tuple[str, str, bool]]:
    """Yield (RPC URL, description of the chain, whether it is the twin) and stop the node afterwards.
    On the twin, the earlier spells a section's condition reads are placed, those in `earlier_cast` cast."""
    if choice.web3 is not None:
        yield "", choice.label or "a connected web3", choice.twin
        return
    if choice.fork_url:
        from spellgen.chain.node import AnvilNode

        args = ["--fork-url", choice.fork_url]
        if _is_local(choice.fork_url):
            # anvil caches a fork's state on disk by chain id and block number (~/.foundry/cache/rpc);
            # a local node (the twin: chain id 1, small block numbers) reuses both with other state.
            args.append("--no-storage-caching")
        if choice.fork_block is not None:
            args += ["--fork-block-number", str(choice.fork_block)]
        with steps.step("start anvil forking the RPC"):
            node = AnvilNode(args, port=choice.port)
        block = node.rpc.call("eth_blockNumber")
        where = f"fork of {_redact(choice.fork_url)} at block {int(block, 16)}"
        try:
            yield node.url, where, False
        finally:
            node.stop()
        return
    with steps.step(f"start the twin at {spell.date}"):
        twin, where = start_spell_twin(spell, port=choice.port, earlier_cast=earlier_cast)
    try:
        yield twin.url, where, True
    finally:
        twin.stop()


def start_spell_twin(spell: Spell, port: int | None = None,
                     earlier_cast: frozenset[str] = frozenset()) -> tuple[Any, str]:
    """The twin a spell is cast on, and how reports describe it: the one way the CLI and Brownie's
    spellgen-twin network start it (the spell's date, pause delay, chainlog keys and stated awards,
    and the earlier spells its conditions read, cast or not as `earlier_cast` says: a branch of verify,
    never the YAML's word)."""
    from spellgen.twin import start_twin
    from spellgen.twin.start import StatedAward, place_earlier_spells

    stated = tuple(StatedAward(*award) for action in spell.actions if (award := action.stated_award()))
    # The twin registers the chainlog of the date (spellgen.spellfile.history), never a key's address
    # from the YAML: check has compared the YAML's keys with it.
    holdings: dict[str, int] = {}
    for action in spell.actions:  # what the twin does not model the PauseProxy holding: an assumption
        if held := action.assumed_holding():
            holdings[held[0]] = holdings.get(held[0], 0) + held[1]
    twin = start_twin(spell.date, port=port, pause_delay=spell.pause_delay, stated_awards=stated,
                      proxy_holdings=holdings)
    where = f"twin at {spell.date} ({twin.hardfork}, pause delay {twin.pause_delay // 3600} hours)"
    earlier = spell.earlier_spells()
    if earlier:
        place_earlier_spells(twin.rpc, {address: address in earlier_cast for address in earlier})
    if stated:  # said in every report: these awards are the YAML's word, not the chain's
        where += "; assumed from the YAML, not mainnet facts: " + ", ".join(
            f"award {a.award_id} on {a.vest} as the YAML describes it" for a in stated)
    if holdings:  # the same for what the PauseProxy was given to return
        where += "; assumed, not mainnet facts: the PauseProxy holds " + ", ".join(
            f"{human(from_wei(wei))} of {key}" for key, wei in holdings.items()) + " (what the spell returns)"
    return twin, where


def branch_words(spell: Spell, earlier_cast: frozenset[str]) -> str:
    """`PREV_SPELL (0x..) not cast`: a branch of a spell with conditions, as reports name it."""
    return ", ".join(f"{name} ({address}) {'cast' if address in earlier_cast else 'not cast'}"
                     for address, name in spell.earlier_spells().items())


def run_assumptions(spell: Spell, where: str) -> list[str]:
    """What a run's results rest on without a public source, for every report's Assumptions box: on the
    twin, its assumed figures (twin/state.py) and the awards the YAML describes; on a fork, nothing
    (the fork's chain is the source)."""
    if not where.startswith("twin at"):
        return []
    from spellgen.twin.state import twin_assumptions

    stated = [f"award {award[1]} on {award[0]}: as the YAML describes it (its recipient, start, end or total), "
              "not read from mainnet" for action in spell.actions if (award := action.stated_award())]
    held = [f"the PauseProxy's {held[0]} before the cast: given {human(from_wei(held[1]))} more on the twin for "
            f"the statement at {action.path} to return (mainnet's holding is not read)"
            for action in spell.actions if (held := action.assumed_holding())]
    return twin_assumptions() + stated + held


def address_note(where: str, spell_address: str) -> str:
    """On the twin, why this spell's address and cast hash are every twin spell's (a fresh twin, the same
    deployer and nonce); on a fork the address is the fork's own."""
    if not where.startswith("twin at") or not spell_address:
        return ""
    from spellgen.twin.state import same_address_note

    return same_address_note(spell_address)


def say_assumptions(assumptions: list[str], stream) -> None:
    """The terminal's line: how many figures the results rest on without a public source."""
    if assumptions:
        print(f"assumptions: {len(assumptions)} figures of the twin have no public source "
              f"(listed under Assumptions in the reports)", file=stream)


def _is_local(url: str) -> bool:
    from urllib.parse import urlparse

    return (urlparse(url).hostname or "") in ("127.0.0.1", "localhost", "::1")


def _redact(url: str) -> str:
    """RPC URLs often carry an API key in the path; keep the host only in reports."""
    match = re.match(r"^(\w+://[^/]+)", url)
    return f"{match.group(1)}/..." if match and match.group(1) != url else url


def run_spec(ctx: RunContext) -> int:
    """Check the YAML, take the spell (rendered from it, or `ctx.spell_file`), cast and verify it, report.

    Returns 0 when every item passed, 1 when any failed. Invalid input raises a spellgen error whose
    exit code is 2 (InputError for the YAML, its warnings printed either way; SpellFileError for a
    spell file that cannot be read or that solc rejects); the callers map errors to exit codes.
    """
    stream = ctx.stream or sys.stderr  # looked up per call: tests swap sys.stderr
    chain = ctx.chain  # cast on the twin (started here, or Brownie's spellgen-twin): its dates are checked first
    on_twin = chain.twin or (chain.web3 is None and not chain.fork_url)
    spell, source, solc = load_source(ctx.spec, ctx.spell_file, stream, on_twin=on_twin)
    return run(spell, source, solc, ctx, _budget_caps(ctx.budget))


def compile_for(spell: Spell, source: str, solc: str, ctx: RunContext, steps: Progress) -> CompiledSpell:
    """The spell compiled as the chain it is cast on needs (solc rejecting a hand-written spell is the
    user's input: SpellFileError; rejecting a rendered one is spellgen's bug)."""
    settings = compile_settings_for(spell, ctx.chain)
    with steps.step(f"compile with solc {solc} ({settings.describe()})"):
        try:
            # solc's messages name a hand-written spell's file as the user named it, not DssSpell.sol
            shown = ctx.source_name if ctx.source_dir is not None else SPELL_FILE
            return compile_spell(source, solc, source_dir=ctx.source_dir, settings=settings, display_name=shown)
        except CompileError as exc:
            if ctx.spell_file is None:
                raise
            raise SpellFileError(f"solc rejected {ctx.spell_file}:\n{exc}") from None


def cast_spell(ctx: RunContext, chain: Any) -> tuple[Spell, Any]:
    """(the spell model, its Observation): the spell loaded, compiled and cast on `chain`, a connected
    spellgen.chain.client.Chain, as `run` casts it; for the pytest plugin's fixtures, which verify
    item by item themselves."""
    from spellgen.cast.simulate import Simulator

    stream = ctx.stream or sys.stderr
    spell, source, solc = load_source(ctx.spec, ctx.spell_file, stream, on_twin=ctx.chain.twin)
    compiled = compile_for(spell, source, solc, ctx, Progress())
    return spell, Simulator(chain, expected_from(spell), twin=ctx.chain.twin).run(compiled, ctx.chain.address)


class SpellFileError(InvalidInput, ValueError):
    """A hand-written spell file that cannot be read, or that no installed solc accepts."""


def load_source(spec: Path, spell_file: Path | None = None, stream: TextIO | None = None,
                on_twin: bool = False) -> tuple[Spell, str, str]:
    """(the checked spell model, the Solidity source, the solc version): rendered from the YAML, or `spell_file`.

    `on_twin`: it will be cast on the twin, so the date must be one the twin has (exit 2, located).
    Invalid YAML raises spellgen.spellfile.diagnostics.InputError (warnings are printed to `stream`);
    an unreadable spell file or an unsatisfiable pragma raises SpellFileError.
    """
    from spellgen.spellfile.checks import check_spell
    from spellgen.spellfile.diagnostics import Diagnostics, InputError
    from spellgen.spellfile.parse import load_spell

    stream = stream or sys.stderr
    diags = Diagnostics(str(spec))
    spell = load_spell(Path(spec), diags)
    check_spell(spell, diags, base_dir=Path(spec).parent, on_twin=on_twin)
    if diags.errors:
        raise InputError(diags)
    for diagnostic in diags:
        print(diagnostic, file=stream)
    if spell_file is None:
        from spellgen.render.spell import render

        return spell, render(spell, Path(spec).name), spell.solc
    from spellgen.compiler.toolchain import solc_versions

    try:
        source = Path(spell_file).read_text()
    except OSError as exc:
        raise SpellFileError(f"cannot read {spell_file}: {exc.strerror}") from None
    try:
        return spell, source, solc_for(source, spell.solc, solc_versions())
    except ValueError as exc:
        raise SpellFileError(str(exc)) from None


def _budget_caps(budget: Path | None) -> list:
    """The budget's caps for report.html's chart (an invalid budget raises InputError: exit 2)."""
    if budget is None:
        return []
    from spellgen.budget.caplines import load_budget_caps

    return load_budget_caps(Path(budget))


def run(spell: Spell, source: str, solc: str, ctx: RunContext, caps: Sequence = ()) -> int:
    """Compile `source`, cast it, verify it against the spell's YAML model, report. Returns the exit code.

    `caps` (spellgen.budget.caplines.CapLine) are budget caps drawn on report.html's chart."""
    from spellgen.review.report import RunInfo, spec_keccak256, terminal_table, write_reports

    stream = ctx.stream or sys.stderr
    steps = Progress(stream)
    spec_name, choice, report_dir = Path(ctx.spec).name, ctx.chain, ctx.report_dir
    compiled = compile_for(spell, source, solc, ctx, steps)
    if compiled.size_problems():  # stop before deploying: anvil's "max initcode size" says less
        for problem in compiled.size_problems():
            print(f"spellgen: {problem}", file=stream)
        return ExitCode.FAILED
    identity = source_identity(ctx.source_name, source, compiled)
    from spellgen.verify.codescan import code_results as action_code

    # The action's code, judged whether or not a cast reaches it (and before anything is cast).
    scanned = action_code(compiled, source, spell, ctx.budget_only)
    # A spell with conditions on earlier spells is cast in every branch on the twin (both verdicts are
    # reported); elsewhere in the branch the chain holds.
    branches: list[frozenset[str] | None] = list(spell.branches()) if _twin_chosen(choice) else [None]
    results: list = []
    branch_diffs: list[dict] = []
    for branch in branches:
        outcome = _cast_branch(spell, compiled, ctx, steps, branch, identity, caps, scanned)
        if isinstance(outcome, int):  # not cast (or other code deployed): reported already
            return outcome
        branch_results, observation, where, earlier_cast = outcome
        if len(branches) > 1:
            results += _branch_summary(spell, earlier_cast, branch_results)
            branch_diffs.append({"branch": branch_words(spell, earlier_cast), **diff_fields(observation)})
        else:
            results = branch_results
    if len(branches) > 1:  # the report's chain line: the last branch's twin, and that there were several
        where += (f"; cast once per branch ({len(branches)}: {', '.join(spell.earlier_spells().values())} "
                  "cast and not cast), each with its verdict")
    results += scanned
    from spellgen.verify.source import source_results
    from spellgen.spellfile.history import held_tokens

    # The ChainLog keys the code reads, by what the chain holds under them (the YAML's address where
    # the chain was not read): a payment to a key is then read against its comment like a wallet's.
    chainlog = spell.chainlog_parties() | {k: v for k, v in observation.chainlog.items() if v}
    # A held token's comment names its address (2025-08-21: "all WETH (0xC02a...)"), read by what the chain
    # holds under its key.
    chainlog |= {t.key: observation.watched_tokens[t.symbol] for t in held_tokens()
                 if t.symbol in observation.watched_tokens}
    results += source_results(source, ctx.source_name, spell.exec_doc.url if spell.exec_doc else None,
                              chainlog=chainlog, date=spell.date)
    cast = observation.cast_receipt()
    info = RunInfo(spec_name, spell.date, spell.description, where, solc, observation.spell, cast.tx_hash,
                   iso(cast.timestamp), cast.gas_used, steps.timings, identity,
                   run_assumptions(spell, where), address_note(where, observation.spell),
                   spec_keccak256(Path(ctx.spec)), str(Path(ctx.spec).parent))
    with_state_diff(info, observation)
    info.branch_diffs = branch_diffs
    print(terminal_table(results), file=sys.stdout, flush=True)
    say_assumptions(info.assumptions, stream)
    if report_dir is not None:
        with steps.step("write the reports"):  # report.html draws its chart here: matplotlib loads
            paths = write_reports(report_dir, info, results, spell, caps)
        print(f"wrote {', '.join(str(p) for p in paths)}", file=stream)
    return ExitCode.OK if all(r.passed for r in results) else ExitCode.FAILED


def with_state_diff(info: Any, observation: Any) -> None:
    """The reports' state diff: the cast's changes as verify labelled them, their normalized hash and the
    permissions they changed (verify/diffhash.py). Nothing when the node did not trace the cast."""
    from spellgen.verify.diffhash import STATE_DIFF_ENCODING

    info.event_sequences = list(observation.event_sequences)  # each action's events, as verify matched them
    if not observation.labelled_diff:
        return
    fields = diff_fields(observation)
    info.state_diff, info.state_diff_hash, info.permissions = (fields["state_diff"], fields["state_diff_hash"],
                                                               fields["permissions"])
    info.state_diff_encoding = STATE_DIFF_ENCODING


def diff_fields(observation: Any) -> dict:
    """One cast's labelled changes, their normalized hash and the permissions they changed (empty when the
    node did not trace the cast)."""
    from spellgen.verify.diffhash import permissions, state_diff_hash

    labelled = observation.labelled_diff
    if not labelled:
        return {"state_diff": [], "state_diff_hash": "", "permissions": []}
    return {"state_diff": [change.as_dict() for change in labelled], "state_diff_hash": state_diff_hash(labelled),
            "permissions": permissions(labelled, observation.addresses.get("CHANGELOG", ""))}


def _chain_branch(spell: Spell, chain: Any) -> frozenset[str]:
    """On a fork or a connected chain: the earlier spells that chain says were cast (their done())."""
    from eth_abi.exceptions import DecodingError

    from spellgen.chain.client import TxFailed

    cast = set()
    for address, name in spell.earlier_spells().items():
        try:
            if chain.call(address, "done()(bool)"):
                cast.add(address)
        except (TxFailed, ValueError, DecodingError) as exc:  # reverted, or no code there (nothing returned)
            raise InvalidInput(f"the earlier spell {name} ({address}) does not answer done() on this chain: "
                               f"{exc}") from None
    return frozenset(cast)


def _twin_chosen(choice: ChainChoice) -> bool:
    """The run starts its own twin (where it sets up each branch of a condition); on a fork or a
    connected chain the earlier spells are what that chain holds."""
    return choice.web3 is None and not choice.fork_url


def _branch_summary(spell: Spell, earlier_cast: frozenset[str], results: list) -> list:
    """A branch's results, each named by the branch, after one line with the branch's verdict."""
    from spellgen.verify.compare import Result

    words = branch_words(spell, earlier_cast)
    failed = sum(not r.passed for r in results)
    verdict = f"PASSED: all {len(results)} items passed" if not failed else \
        f"FAILED: {failed} of {len(results)} items failed"
    runs = [s.title for s in spell.sections if s.condition and s.condition.holds(earlier_cast)]
    skipped = [s.title for s in spell.sections if s.condition and not s.condition.holds(earlier_cast)]
    evidence = "; ".join(part for part in (verdict, f"runs: {', '.join(runs)}" if runs else "",
                                           f"skipped: {', '.join(skipped)}" if skipped else "") if part)
    head = Result(f"branch {words}: every item of the branch passes", "spell", not failed, evidence,
                  "" if not failed else f"{failed} item(s) of this branch failed")
    return [head] + [Result(f"[{words}] {r.item}", r.path, r.passed, r.evidence, r.reason, r.warning)
                     for r in results]


def _cast_branch(spell: Spell, compiled: CompiledSpell, ctx: RunContext, steps: Progress,
                 branch: frozenset[str] | None, identity: dict[str, str], caps: Sequence, scanned: Sequence = ()):
    """Cast the spell on a chain where the earlier spells in `branch` were cast (None: those the chain
    says were) and verify it against what the YAML says then: (results, observation, chain
    description, the branch), or the exit code of a run that cast nothing (reported already)."""
    from spellgen.chain.client import Chain
    from spellgen.cast.simulate import SimulationError, Simulator
    from spellgen.verify.compare import verify

    stream = ctx.stream or sys.stderr
    spec_name, choice, report_dir = Path(ctx.spec).name, ctx.chain, ctx.report_dir
    solc = compiled.solc
    code_results: list = []
    with open_chain(spell, choice, steps, branch or frozenset()) as (url, where, twin):
        chain = Chain(w3=choice.web3) if choice.web3 is not None else Chain(url)
        earlier_cast = _chain_branch(spell, chain) if branch is None else branch
        if branch is None and spell.earlier_spells():
            where += "; " + branch_words(spell, earlier_cast) + " (as this chain holds)"
        expected = expected_from(spell, earlier_cast)
        expected.budget_only = ctx.budget_only
        try:
            if choice.address:
                with steps.step(f"compare the code at {choice.address} with the source"):
                    code_results = deployed_code_results(chain, compiled, choice.address)
                if not all(r.passed for r in code_results):
                    return _code_differs(spell, spec_name, solc, where, expected, code_results, steps,
                                         report_dir, stream, caps, identity)
            observation = Simulator(chain, expected, steps.done, twin=twin).run(compiled, choice.address)
        except SimulationError as exc:
            return _not_cast(spell, spec_name, solc, where, expected, exc, steps, report_dir, stream, caps, identity,
                             twin, scanned)
    control = {}
    # The control totals are the executive document's: they hold in a branch where every section runs.
    if spell.expect is not None and len(spell.actions_in(earlier_cast)) == len(spell.actions):
        from spellgen.spellfile.amounts import to_wei

        control = {name: to_wei(value) for name, value in
                   (("dai_paid", spell.expect.dai_paid), ("mkr_transferred", spell.expect.mkr_transferred),
                    ("usds_paid", spell.expect.usds_paid), ("sky_transferred", spell.expect.sky_transferred))
                   if value is not None}
    return code_results + verify(expected, observation, control), observation, where, earlier_cast


def compile_settings_for(spell: Spell, choice: ChainChoice):
    """The optimizer the spells repository deployed a spell of that date with, on a real fork or for
    a deployed spell (its code must match); the twin's fixed choice otherwise."""
    from spellgen.spellfile.history import TWIN_COMPILE, compile_settings_at

    return compile_settings_at(spell.date) if choice.fork_url or choice.address or choice.real_fork else TWIN_COMPILE


class DeployedCodeMissing(InvalidInput, ValueError):
    """`--address` holds no code on the chain: invalid input (exit 2)."""


def deployed_code_results(chain, compiled: CompiledSpell, address: str) -> list:
    """One result per contract (DssSpell, DssSpellAction): its runtime code is the compiled one."""
    from spellgen.verify.compare import Result
    from spellgen.verify.deployed import NoCodeError, deployed_code_checks

    try:
        checks, _ = deployed_code_checks(chain, compiled, address)
    except NoCodeError as exc:
        raise DeployedCodeMissing(str(exc)) from None
    settings = f"solc {compiled.solc}, {compiled.settings.describe()}"
    return [Result(f"deployed {c.name} is the source compiled ({settings})", "spell", not c.problems,
                   c.evidence() if not c.problems else f"{c.name} at {c.address}", "; ".join(c.problems))
            for c in checks]


def _code_differs(spell, spec_name, solc, where, expected, code_results, steps, report_dir, stream, caps,
                  identity) -> int:
    """The deployed code is not the source: nothing is cast (its effects would prove nothing about
    the source); every item fails, naming why."""
    from spellgen.verify.compare import Result

    why = "the deployed code is not the source, so it was not cast"
    results = code_results + [Result(i.label, i.path, False, "not executed", why) for i in expected.items]
    return _unverified(spell, spec_name, solc, where, results, steps, report_dir, stream, caps, identity)


def source_identity(name: str, source: str, compiled: CompiledSpell) -> dict[str, str]:
    """What was verified: the source file, keccak-256 of its text and of each runtime bytecode, the compiler."""
    from spellgen.spellfile.address import keccak256

    def runtime(contract) -> str:
        return "0x" + keccak256(bytes.fromhex(contract.deployed)).hex()
    return {"file": name, "source_keccak256": "0x" + keccak256(source.encode()).hex(),
            "spell_runtime_keccak256": runtime(compiled.spell), "action_runtime_keccak256": runtime(compiled.action),
            "compiler": f"solc {compiled.solc} ({compiled.settings.describe()})"}


def _not_cast(spell, spec_name, solc, where, expected, exc, steps, report_dir, stream, caps=(), identity=None,
              twin: bool = False, scanned: Sequence = ()) -> int:
    """The spell could not be deployed, elected, scheduled or cast: every item fails, naming why."""
    from spellgen.verify.compare import Result

    items = expected.items
    detail = str(exc)
    if twin:
        detail = twin_hint(detail) + detail
    results = [Result("the spell is deployed, elected, scheduled and cast", "spell", False, "", detail)]
    results += [Result(i.label, i.path, False, "not executed", f"the spell was not cast ({exc})") for i in items]
    # What the code could do is known without a cast: its findings are named too (nothing passes here).
    results += [r for r in scanned if not r.passed]
    return _unverified(spell, spec_name, solc, where, results, steps, report_dir, stream, caps, identity)


def _unverified(spell, spec_name, solc, where, results, steps, report_dir, stream, caps, identity) -> int:
    """Print and write the reports of a run that cast nothing; exit 1."""
    from spellgen.review.report import RunInfo, spec_keccak256, terminal_table, write_reports

    print(terminal_table(results), file=sys.stdout, flush=True)
    say_assumptions(run_assumptions(spell, where), stream)
    if report_dir is not None:
        info = RunInfo(spec_name, spell.date, spell.description, where, solc, steps=steps.timings,
                       source=identity or {}, assumptions=run_assumptions(spell, where),
                       spec_keccak256=spec_keccak256(Path(spell.path)) if spell.path else "")
        with steps.step("write the reports"):
            paths = write_reports(report_dir, info, results, spell, caps)
        print(f"wrote {', '.join(str(p) for p in paths)}", file=stream)
    return ExitCode.FAILED


def twin_hint(reason: str) -> str:
    """A prefix for a failure on the twin, which holds only the contracts budget spells touch."""
    if "dss-chain-log/invalid-key" in reason:
        return "a ChainLog key the twin does not list (cast it on a fork: --fork-url URL): "
    return "if the spell calls contracts the twin does not model, cast it on a fork (--fork-url URL): "


_PRAGMA = re.compile(r"pragma\s+solidity\s+([^;]+);")


def solc_for(source: str, preferred: str, available: list[str]) -> str:
    """The compiler for a hand-written spell: the YAML's target if the pragma allows it, else the
    newest available version that does."""
    import semantic_version  # brought by eth-brownie; only the verify path needs it

    match = _PRAGMA.search(source)
    if not match:
        return preferred
    spec = semantic_version.NpmSpec(match.group(1).strip().replace("  ", " "))
    candidates = [preferred] + sorted(available, key=semantic_version.Version, reverse=True)
    for version in candidates:
        if semantic_version.Version(version) in spec:
            return version
    raise ValueError(f"no available solc ({', '.join(available)}) satisfies `pragma solidity {match.group(1)};`")
