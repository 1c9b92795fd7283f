"""Reports for people: a terminal table, report.md for a PR or forum post, report.html, report.json.

report.md and report.html hold the spell's metadata, each section with its link lines and a table
of its actions, totals per token, future obligations and, after `simulate` or `verify`, the
verification result per item; report.html adds a chart. `spellgen report` writes them without a
simulation (results None). All are deterministic except the fields listed in VARIABLE_FIELDS,
which are measurements of time by nature (and appear in report.json only).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from spellgen.files import write_atomic
from spellgen.review.coverage import CoverageRow, coverage
from spellgen.review.report_view import (BranchDiff, ReportView, RunFacts, assumptions_lead, group_by_contract,
                                         report_content)
from spellgen.review.summary import obligations, plain, section_rows, totals

if TYPE_CHECKING:  # verify.py loads web3; `spellgen report` must not need it
    from spellgen.budget.caplines import CapLine
    from spellgen.spellfile.model import Spell
    from spellgen.verify.compare import Result

VARIABLE_FIELDS = ("steps[].seconds",)
# The canonical encoding the content hash is taken over: report.json's data without the variable
# fields and without `content_hash` itself, as JSON with sorted keys, no whitespace and ASCII escapes.
CONTENT_HASH_ENCODING = "keccak-256 of json.dumps(data, sort_keys=True, separators=(',', ':'), ensure_ascii=True), " \
    "report.json without content_hash and without the timed steps (steps)"


@dataclass
class RunInfo:
    spec: str
    date: str
    description: str
    chain: str  # "twin at 2022-01-28" or "fork of <url> at block N"; "" when nothing was cast
    solc: str
    spell_address: str = ""
    cast_tx: str = ""
    cast_time: str = ""
    cast_gas: int = 0
    steps: list[tuple[str, float]] = field(default_factory=list)
    # The verified source: file, source_keccak256, spell_runtime_keccak256, action_runtime_keccak256, compiler.
    source: dict[str, str] = field(default_factory=dict)
    # Figures the run rests on without a public source (the twin's), one sentence each (twin/state.py).
    assumptions: list[str] = field(default_factory=list)
    address_note: str = ""  # why the spell address and cast hash match every other twin run's
    spec_keccak256: str = ""  # keccak-256 of the YAML file's bytes, as read for this run
    spec_dir: str = ""  # the YAML's folder: its exec_doc.copy is relative to it (the coverage map reads it)
    # The cast's state diff as verify labelled it (verify/statediff.py LabelledChange.as_dict), its normalized
    # hash and that hash's encoding, and the authorizations it changed (verify/diffhash.py); filled by run.py.
    state_diff: list[dict] = field(default_factory=list)
    state_diff_hash: str = ""
    state_diff_encoding: str = ""
    permissions: list[dict] = field(default_factory=list)
    # A spell cast once per branch of its conditions: each branch's state diff, hash and permissions
    # ({"branch", "state_diff", "state_diff_hash", "permissions"}); the fields above are the last branch's.
    branch_diffs: list[dict] = field(default_factory=list)
    # Each action's events as verify's order check matched them (verify/sequence.py Segment.as_dict); run.py.
    event_sequences: list[dict] = field(default_factory=list)


def spec_keccak256(path: Path) -> str:
    """keccak-256 of a spell YAML's bytes (the report's record of which YAML it is about)."""
    from spellgen.spellfile.execdoc import keccak_hex

    return keccak_hex(Path(path).read_bytes())


def verdict(results: list[Result] | None) -> str | None:
    """`FAILED: ...` or `PASSED: ...` for a run, None when nothing was verified."""
    if results is None:
        return None
    failed = sum(not r.passed for r in results)
    if failed:
        return f"FAILED: {failed} of {len(results)} items failed; the chain did not change exactly as the YAML says"
    return f"PASSED: all {len(results)} items passed"


def source_rows(info: RunInfo) -> list[tuple[str, str]]:
    s = info.source
    if not s:
        return []
    return [("Verified source", f"{s['file']}, keccak-256 {s['source_keccak256']}"),
            ("Runtime bytecode", f"DssSpell keccak-256 {s['spell_runtime_keccak256']}; action keccak-256 "
                                 f"{s['action_runtime_keccak256']}"),
            ("Compiled with", s["compiler"])]


def _status(result: Result) -> str:
    return ("WARN" if result.warning else "PASS") if result.passed else "FAIL"


def summary_line(results: list[Result]) -> str:
    # "items" on purpose: a bare "N passed, N failed" line reads as a test runner's verdict to CI tools.
    failed = sum(not r.passed for r in results)
    return f"{len(results) - failed} items passed, {failed} failed"


def terminal_table(results: list[Result], width: int = 100) -> str:
    """Fixed-width lines: status, item, then the evidence or the reason indented below."""
    lines = []
    for r in results:
        lines.append(f"{_status(r)}  {r.item}")
        lines.append(f"      {r.reason if not r.passed else r.warning or r.evidence}"[: max(width, 40) + 4000])
    lines.append(summary_line(results))
    return "\n".join(lines)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ") if text else " "


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + \
        ["| " + " | ".join(_md_cell(c) for c in row) + " |" for row in rows]


def _facts(info: RunInfo) -> RunFacts | None:
    if not info.chain:
        return None
    return RunFacts(info.chain, info.solc, info.spell_address, info.cast_tx, info.cast_time, info.cast_gas,
                    tuple(source_rows(info)), tuple(info.assumptions),
                    info.address_note)


def view_of(info: RunInfo, results: list[Result] | None, spell: Spell,
            rows: list[CoverageRow] | None = None) -> ReportView:
    view = report_content(spell, info.spec, _facts(info), results)
    view.coverage = coverage_of(info, results, spell) if rows is None else rows
    view.state_diff, view.state_diff_hash = info.state_diff, info.state_diff_hash
    view.state_diff_encoding, view.permissions = info.state_diff_encoding, info.permissions
    view.branch_diffs = [BranchDiff(b["branch"], group_by_contract(b["state_diff"]), b["state_diff_hash"],
                                    b["permissions"]) for b in info.branch_diffs]
    view.event_sequences = info.event_sequences
    return view


def coverage_of(info: RunInfo, results: list[Result] | None, spell: Spell) -> list[CoverageRow]:
    """The coverage map of the run: Solidity lines only when the verified source is the rendered spell."""
    rendered = not info.source or "(rendered from" in info.source.get("file", "")
    return coverage(spell, results, rendered, Path(info.spec_dir or "."))


# --- report.md -------------------------------------------------------------------------------------

def _md_metadata(rows: list[tuple[str, str]]) -> list[str]:
    # The spell's address reads better in monospace; everything else is prose.
    return ["| | |", "|---|---|"] + [f"| {k} | {f'`{v}`' if k == 'Spell' and v.startswith('0x') else _md_cell(v)} |"
                                     for k, v in rows]


def _md_sections(view: ReportView) -> list[str]:
    out = []
    for i, section in enumerate(view.sections, 1):
        out += [f"### {i}. {section.title}", ""]
        out += [f"- {label}: {text}" for label, text in section.links] + ([""] if section.links else [])
        header = view.columns + (["Verified"] if view.verified else [])
        rows = []
        for row in section.rows:
            cells = row.cells()
            cells[2] = f"`{cells[2]}`" if cells[2] else ""
            rows.append(cells + ([section.status.get(row.path, "not checked")] if view.verified else []))
        out += _md_table(header, rows) + [""]
    return out


def _md_coverage(rows: list[CoverageRow]) -> list[str]:
    lead = ("Each action linked to the executive document's line, the Solidity that implements it, the verify "
            "items that prove it and the Brownie tests (`spellgen brownie-test`) that assert it. A link that "
            "should exist and does not is marked **missing**.")
    table = [[f"`{r.path}`", r.action, r.doc, r.solidity, "; ".join(r.items) or "none",
              ", ".join(f"`{t}`" for t in r.tests) or "none",
              ("**missing: " + ", ".join(r.missing) + "**") if r.missing else "complete"] for r in rows]
    return ["## Coverage map", "", lead, ""] + _md_table(
        ["YAML", "Action", "Executive document", "Solidity", "Verify items", "Brownie tests", "Links"], table) + [""]


def _md_obligations(view: ReportView) -> list[str]:
    table = view.obligations
    out = ["## Future obligations", "",
           "What the new streams make claimable per UTC month from the spell's date (the first month includes "
           "anything accrued before it; nothing before a cliff, then the cliff's amount at once), rounded to the "
           "cent. A yanked award's remaining amount is not included: its terms are on chain, not in the YAML.", ""]
    if not table.columns:
        return out + ["This spell creates no stream.", ""]
    return out + _md_table(["Month"] + table.columns, table.rows + [table.totals]) + [""]


def _md_results(results: list[Result]) -> list[str]:
    rows = [[_status(r), r.item, f"`{r.path}`", (f"{r.warning} ({r.evidence})" if r.warning else r.evidence)
             if r.passed else f"**{r.reason}** ({r.evidence})"] for r in results]
    return ["## Verification", "", f"**{summary_line(results)}**", ""] + \
        _md_table(["Result", "Item", "YAML", "Evidence"], rows) + [""]


def markdown(info: RunInfo, results: list[Result] | None, spell: Spell | None = None,
             rows: list[CoverageRow] | None = None) -> str:
    banner = verdict(results)
    top = [banner, ""] if banner and banner.startswith("FAILED") else []  # a failed run says so first
    if spell is None:  # a caller without the model: the run and its results only
        out = top + [f"# Spell verification: {info.spec}", ""] + _md_metadata(
            [("Date", info.date), ("Description", info.description)] + _run_rows(info) + source_rows(info)) + [""]
        out += _md_assumptions(bool(info.chain), info.assumptions)
        return "\n".join(out + _md_results(results or [])).rstrip("\n") + "\n"
    view = view_of(info, results, spell, rows)
    out = top + [f"# {view.title}", ""] + _md_metadata(view.metadata) + ["", f"**{view.summary}**", ""]
    out += _md_assumptions(view.cast, view.assumptions)
    out += ["## Sections", ""] + _md_sections(view)
    out += _md_coverage(view.coverage)
    out += ["## Totals per token", ""] + _md_table(["Token", "Paid at the cast", "New streams", "Total"],
                                                   view.totals or [["none", "", "", ""]]) + [""]
    out += _md_obligations(view)
    if results is not None:
        out += _md_diffs(info) + _md_event_sequences(info)
        out += _md_results(results)
    return "\n".join(out).rstrip("\n") + "\n"


def _md_diffs(info: RunInfo) -> list[str]:
    """The state diff and permissions sections: once, or once per branch of a spell with conditions."""
    if not info.branch_diffs:
        return (_md_state_diff(info.state_diff, info.state_diff_hash, info.state_diff_encoding)
                + _md_permissions(info.permissions, bool(info.state_diff)))
    out: list[str] = []
    for branch in info.branch_diffs:
        words = f" (branch {branch['branch']})"
        out += _md_state_diff(branch["state_diff"], branch["state_diff_hash"], info.state_diff_encoding, words)
        out += _md_permissions(branch["permissions"], bool(branch["state_diff"]), words)
    return out


def _md_state_diff(diff: list[dict], diff_hash: str, encoding: str, words: str = "") -> list[str]:
    out = [f"## State diff{words}", ""]
    if not diff:
        return out + ["No state diff: the node did not trace the cast, or nothing was cast.", ""]
    out += [f"Every change of the cast, grouped by contract, with the YAML item that explains it. Normalized "
            f"state-diff hash: `{diff_hash}` ({encoding}).", ""]
    for contract, changes in group_by_contract(diff):
        rows = [[f"`{c['meaning']}`", c["old"], c["new"],
                 c["item"] if c["verdict"] == "explained" else f"**{c['verdict']}: {c['item']}**",
                 c["left_out"] and f"left out: {c['left_out']}" or c["hash_encoding"]] for c in changes]
        out += [f"### {contract}", ""] + _md_table(["Slot", "Before", "After", "YAML item", "Hash"], rows) + [""]
    return out


def _md_permissions(permissions: list[dict], traced: bool, words: str = "") -> list[str]:
    out = [f"## Permissions{words}", "", "Every authorization the cast changed (wards, can, allowances, owners and "
           "authorities, ChainLog entries), before and after.", ""]
    if not permissions:
        return out + ["None changed." if traced else "Unknown: no state diff.", ""]
    rows = [[p["contract"], f"`{p['permission']}`", p["kind"], p["before"], p["after"],
             p["item"] if p["verdict"] == "explained" else f"**{p['verdict']}: {p['item']}**"]
            for p in permissions]
    return out + _md_table(["Contract", "Permission", "Kind", "Before", "After", "YAML item"], rows) + [""]


def _md_event_sequences(info: RunInfo) -> list[str]:
    out = ["## Events per action", "", "Each action's events in the cast, in the order they came, against the sequence "
           "its kind declares (the pause's exec note is the spell's own machinery, no action's).", ""]
    if not info.event_sequences:
        return out + ["None: nothing was cast.", ""]
    for number, segment in enumerate(info.event_sequences, 1):
        verdict = "PASS" if segment["passed"] else "FAIL"
        rows = [[str(ev["n"]), ev["emitter"], f"`{ev['event']}`", ev["args"]] for ev in segment["events"]]
        out += [f"### {number}. {segment['item']} ({segment['path']}): {verdict}", ""]
        out += _md_table(["#", "Emitter", "Event", "Arguments"], rows) if rows else ["No event, as declared."]
        out += [""] + [f"- **{problem}**" for problem in segment["problems"]] + ([""] if segment["problems"] else [])
    return out


def _md_assumptions(cast: bool, assumptions: list[str]) -> list[str]:
    return ["## Assumptions", "", assumptions_lead(cast, assumptions), ""] + \
        [f"- {text}" for text in assumptions] + ([""] if assumptions else [])


def _run_rows(info: RunInfo) -> list[tuple[str, str]]:
    return [("Chain", info.chain), ("Compiler", f"solc {info.solc}"), ("Spell", info.spell_address),
            ("Cast", f"`{info.cast_tx}` at {info.cast_time}, {info.cast_gas:,} gas")] + \
        ([("Same address and cast hash for every spell", info.address_note)] if info.address_note else [])


# --- report.json -----------------------------------------------------------------------------------

_ROW_KEYS = ("action", "recipient", "address", "token", "amount", "period", "cliff", "restricted")


def _spell_json(spell: Spell) -> dict:
    return {
        "sections": [{"title": s.title, "links": [{"label": k, "text": v} for k, v in s.links],
                      **({"condition": s.condition.words} if s.condition else {}),
                      "actions": [dict(zip(_ROW_KEYS, r.cells())) | {"path": r.path} for r in section_rows(s, spell)]}
                     for s in spell.sections],
        "totals": [{"token": t.token, "paid": plain(t.paid), "streamed": plain(t.streamed), "total": plain(t.total)}
                   for t in totals(spell)],
        "obligations": [{"recipient": o.recipient, "address": o.address, "token": o.token, "month": o.month,
                         "amount": plain(o.amount)} for o in obligations(spell)],
    }


def as_json(info: RunInfo, results: list[Result] | None, spell: Spell | None = None,
            rows: list[CoverageRow] | None = None) -> str:
    done = results or []
    data = {
        "spec": info.spec, "date": info.date, "description": info.description, "chain": info.chain,
        "solc": info.solc, "source": info.source, "verdict": verdict(results), "spell": info.spell_address, "cast": {"tx": info.cast_tx, "time": info.cast_time,
                                                                  "gas": info.cast_gas},
        "steps": [{"step": name, "seconds": round(seconds, 3)} for name, seconds in info.steps],
        "simulated": results is not None,
        "summary": {"passed": sum(r.passed for r in done), "failed": sum(not r.passed for r in done)}
        if results is not None else None,
        "results": [{"status": _status(r), "item": r.item, "path": r.path, "evidence": r.evidence,
                     "reason": r.reason, "warning": r.warning} for r in done],
        "variable_fields": list(VARIABLE_FIELDS),
        "assumptions": list(info.assumptions),
        "spell_address_note": info.address_note,
        "inputs": inputs(info),
        "state_diff": info.state_diff, "state_diff_hash": info.state_diff_hash,
        "state_diff_encoding": info.state_diff_encoding, "permissions": info.permissions,
        "branch_diffs": info.branch_diffs,
        "event_sequences": info.event_sequences,
    }
    if spell is not None:
        data["budget"] = _spell_json(spell)
        data["coverage"] = [row.as_dict() for row in (coverage_of(info, results, spell) if rows is None else rows)]
    data["content_hash"] = content_hash(data)
    data["content_hash_encoding"] = CONTENT_HASH_ENCODING
    return json.dumps(data, indent=2) + "\n"


def inputs(info: RunInfo) -> dict[str, str]:
    """What the run read: the YAML (its hash), the verified source (its hash), the compiler, the chain
    and the spell's date, and the spellgen version that wrote the report."""
    from spellgen import __version__

    return {"spec": info.spec, "spec_keccak256": info.spec_keccak256,
            "source_keccak256": info.source.get("source_keccak256", ""),
            "compiler": info.source.get("compiler") or f"solc {info.solc}",
            "chain": info.chain, "date": info.date, "spellgen": __version__}


def content_hash(data: dict) -> str:
    """keccak-256 over report.json's data but its timed steps (CONTENT_HASH_ENCODING): the same inputs give
    the same hash on any machine, whatever the run took."""
    from spellgen.spellfile.execdoc import keccak_hex

    stable = {k: v for k, v in data.items() if k not in ("content_hash", "content_hash_encoding", "steps")}
    text = json.dumps(stable, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return keccak_hex(text.encode("ascii"))


# --- writing ---------------------------------------------------------------------------------------

def write_reports(directory: Path, info: RunInfo, results: list[Result] | None, spell: Spell | None = None,
                  caps: Sequence[CapLine] = ()) -> list[Path]:
    """report.md and report.json, and report.html when the spell model is given; each written atomically,
    and only after all of them were produced."""
    rows = coverage_of(info, results, spell) if spell is not None else None  # once for the three reports
    texts = {"report.md": markdown(info, results, spell, rows), "report.json": as_json(info, results, spell, rows)}
    if spell is not None:
        from spellgen.review.html_report import html  # matplotlib loads only when a chart is drawn

        texts["report.html"] = html(view_of(info, results, spell, rows), spell, list(caps))
    paths = []
    for name, text in texts.items():
        write_atomic(Path(directory) / name, text)
        paths.append(Path(directory) / name)
    return paths
