"""What a report says, independent of its format: report.md and report.html both lay this out.

Built from the spell model (metadata, sections, actions, totals, future obligations) and, after
`simulate` or `verify`, the run and its verification results. Every value is already text for
people; nothing here depends on the clock, so the same inputs give the same report.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spellgen.spellfile import timeutil
from spellgen.spellfile.amounts import human
from spellgen.spellfile.model import Spell
from spellgen.review.coverage import CoverageRow
from spellgen.review.summary import (
    COLUMNS, ActionRow, Obligation, exact_sum, obligations, rounded, section_rows, totals,
)

if TYPE_CHECKING:  # verify.py loads web3; `spellgen report` must not need it
    from spellgen.verify.compare import Result


@dataclass(frozen=True)
class RunFacts:
    """How the spell was cast, when it was (simulate/verify); the report of `spellgen report` has none."""

    chain: str
    solc: str
    spell_address: str = ""
    cast_tx: str = ""
    cast_time: str = ""
    cast_gas: int = 0
    source: tuple = ()  # (label, text) rows naming the verified source, its hashes and the compiler
    # What the run's results rest on without a public source (the twin's assumed figures), one sentence each.
    assumptions: tuple = ()
    address_note: str = ""  # why this spell address and cast hash are what they are (the twin's, shared)


@dataclass(frozen=True)
class SectionView:
    title: str
    links: list[tuple[str, str]]
    rows: list[ActionRow]
    status: dict[str, str]  # YAML path -> PASS/FAIL, when verified


@dataclass(frozen=True)
class ObligationTable:
    """Months down, one column per recipient and token; cells are amounts rounded to the cent."""

    columns: list[str]  # "TECH_001 (DAI)"
    rows: list[list[str]]  # [month, cell, cell, ...]
    totals: list[str]  # ["Total", cell, ...]


@dataclass
class BranchDiff:
    """One cast's labelled state diff (grouped by contract), its hash and permissions; `branch` names the
    branch of a spell with conditions ("" for a spell cast once)."""
    branch: str
    groups: list[tuple[str, list[dict]]]
    hash: str
    permissions: list[dict]


@dataclass
class ReportView:
    spec: str
    title: str
    metadata: list[tuple[str, str]]
    sections: list[SectionView]
    totals: list[list[str]]  # [token, paid at the cast, new streams, total]
    obligations: ObligationTable
    results: list[Result] | None = None
    columns: list[str] = field(default_factory=lambda: list(COLUMNS))
    assumptions: list[str] = field(default_factory=list)
    cast: bool = False  # a chain was involved (simulate/verify), so the Assumptions box speaks of it
    coverage: list[CoverageRow] = field(default_factory=list)  # each action's links (review/coverage.py)
    # The cast's state diff as verify labelled it, its normalized hash and the permissions it changed (run.py).
    state_diff: list[dict] = field(default_factory=list)
    state_diff_hash: str = ""
    state_diff_encoding: str = ""
    permissions: list[dict] = field(default_factory=list)
    branch_diffs: list[BranchDiff] = field(default_factory=list)  # one per branch of a spell with conditions

    @property
    def diffs(self) -> list[BranchDiff]:
        """What the report shows as state diffs: each branch's, or the one cast's (branch "")."""
        return self.branch_diffs or [BranchDiff("", self.state_diff_groups, self.state_diff_hash, self.permissions)]
    event_sequences: list[dict] = field(default_factory=list)  # each action's events (verify/sequence.py)

    @property
    def state_diff_groups(self) -> list[tuple[str, list[dict]]]:
        """The labelled changes grouped by contract, in the order the diff lists the contracts."""
        return group_by_contract(self.state_diff)

    @property
    def verified(self) -> bool:
        return self.results is not None

    @property
    def failed(self) -> bool:
        return self.results is not None and any(not r.passed for r in self.results)

    @property
    def summary(self) -> str:
        if self.results is None:
            return "Not simulated: run `spellgen simulate` or `spellgen verify` for a verification per item."
        failed = sum(not r.passed for r in self.results)
        return f"{len(self.results) - failed} items passed, {failed} failed"


def _metadata(spell: Spell, run: RunFacts | None) -> list[tuple[str, str]]:
    rows = [("Date", spell.date), ("Description", spell.description),
            ("Office hours", "yes (weekdays 14:00 to 21:00 UTC)" if spell.office_hours else "no"),
            ("Expiry", f"{timeutil.human_duration(spell.expiry)} after deployment"),
            ("Compiler", f"solc {run.solc if run else spell.solc}")]
    if spell.exec_doc and spell.exec_doc.url:
        rows.append(("Executive document", spell.exec_doc.url))
    if spell.exec_doc and spell.exec_doc.copy:
        rows.append(("Executive document (local copy)", spell.exec_doc.copy))
    if spell.draft:
        rows.append(("Draft", "yes: not for an executive vote"))
    if run is not None:
        rows += [("Chain", run.chain), ("Spell", run.spell_address or "not deployed")]
        if run.cast_tx:
            rows.append(("Cast", f"{run.cast_tx} at {run.cast_time}, {run.cast_gas:,} gas"))
        if run.address_note:
            rows.append(("Same address and cast hash for every spell", run.address_note))
        rows += list(run.source)
    return rows


def _status(results: list[Result] | None) -> dict[str, str]:
    """PASS for a YAML path when every result about it passed, FAIL when any failed."""
    out: dict[str, str] = {}
    for r in results or []:
        out[r.path] = "FAIL" if out.get(r.path) == "FAIL" or not r.passed else "PASS"
    return out


def obligation_table(items: list[Obligation]) -> ObligationTable:
    keys = list(dict.fromkeys((o.recipient, o.token) for o in items))
    months = sorted({o.month for o in items})
    cell = {(o.recipient, o.token, o.month): o.amount for o in items}
    rows = [[m] + [rounded(cell[(r, t, m)]) if (r, t, m) in cell else "" for r, t in keys] for m in months]
    sums = [rounded(exact_sum([o.amount for o in items if (o.recipient, o.token) == k])) for k in keys]
    return ObligationTable([f"{r} ({t})" for r, t in keys], rows, ["Total"] + sums)


def report_content(spell: Spell, spec: str, run: RunFacts | None = None,
               results: list[Result] | None = None) -> ReportView:
    status = _status(results)
    # A conditional section says so in its heading: its rows run in one branch only.
    sections = [SectionView(s.title + (f" ({s.condition.words})" if s.condition else ""), list(s.links),
                            section_rows(s, spell), status) for s in spell.sections]
    title = f"Spell verification: {spec}" if results is not None else f"Spell report: {spec}"
    token_rows = [[t.token, human(t.paid), human(t.streamed), human(t.total)] for t in totals(spell)]
    return ReportView(spec, title, _metadata(spell, run), sections, token_rows,
                      obligation_table(obligations(spell)), results,
                      assumptions=list(run.assumptions) if run else [], cast=run is not None)


def assumptions_lead(cast: bool, assumptions: list[str]) -> str:
    """The sentence above the Assumptions box: what the list is, or why it is empty."""
    if not cast:
        return "Nothing was cast: this report rests on the YAML alone."
    if not assumptions:
        return "None: every figure the run read came from the chain it ran on."
    return (f"{len(assumptions)} figures of the twin have no public source; a result that holds only thanks to "
            f"one of them is a WARN naming it.")


def group_by_contract(changes: list[dict]) -> list[tuple[str, list[dict]]]:
    """Labelled changes (report.json's `state_diff`) grouped by their contract, first appearance first."""
    groups: dict[str, list[dict]] = {}
    for change in changes:
        groups.setdefault(change["contract"], []).append(change)
    return list(groups.items())
