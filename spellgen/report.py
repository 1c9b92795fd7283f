"""Verification results for people: a terminal table, report.md for a PR or forum post, report.json.

report.json and report.md are deterministic except for the fields listed in VARIABLE_FIELDS,
which are measurements of time by nature.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .atomic import write_atomic
from .verify import Result

VARIABLE_FIELDS = ("steps[].seconds",)


@dataclass
class RunInfo:
    spec: str
    date: str
    description: str
    chain: str  # "twin at 2022-01-28" or "fork of <url> at block N"
    solc: str
    spell_address: str = ""
    cast_tx: str = ""
    cast_time: str = ""
    cast_gas: int = 0
    steps: list[tuple[str, float]] = field(default_factory=list)


def _status(result: Result) -> str:
    return "PASS" if result.passed else "FAIL"


def summary_line(results: list[Result]) -> str:
    # "items" on purpose: a bare "N passed, N failed" line reads as a test runner's verdict to CI tools.
    failed = sum(not r.passed for r in results)
    return f"{len(results) - failed} items passed, {failed} failed"


def terminal_table(results: list[Result], width: int = 100) -> str:
    """Fixed-width lines: status, item, then the evidence or the reason indented below."""
    lines = []
    for r in results:
        lines.append(f"{_status(r)}  {r.item}")
        lines.append(f"      {r.reason if not r.passed else r.evidence}"[: max(width, 40) + 200])
    lines.append(summary_line(results))
    return "\n".join(lines)


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(info: RunInfo, results: list[Result]) -> str:
    out = [f"# Spell verification: {info.spec}", "",
           "| | |", "|---|---|",
           f"| Date | {info.date} |", f"| Description | {_md_cell(info.description)} |",
           f"| Chain | {_md_cell(info.chain)} |", f"| Compiler | solc {info.solc} |",
           f"| Spell | `{info.spell_address}` |", f"| Cast | `{info.cast_tx}` at {info.cast_time}, "
                                                  f"{info.cast_gas:,} gas |",
           "", f"**{summary_line(results)}**", "",
           "| Result | Item | YAML | Evidence |", "|---|---|---|---|"]
    for r in results:
        evidence = r.evidence if r.passed else f"**{r.reason}** ({r.evidence})"
        out.append(f"| {_status(r)} | {_md_cell(r.item)} | `{r.path}` | {_md_cell(evidence)} |")
    return "\n".join(out) + "\n"


def as_json(info: RunInfo, results: list[Result]) -> str:
    data = {
        "spec": info.spec, "date": info.date, "description": info.description, "chain": info.chain,
        "solc": info.solc, "spell": info.spell_address, "cast": {"tx": info.cast_tx, "time": info.cast_time,
                                                                  "gas": info.cast_gas},
        "steps": [{"step": name, "seconds": round(seconds, 3)} for name, seconds in info.steps],
        "summary": {"passed": sum(r.passed for r in results), "failed": sum(not r.passed for r in results)},
        "results": [{"status": _status(r), "item": r.item, "path": r.path, "evidence": r.evidence,
                     "reason": r.reason} for r in results],
        "variable_fields": list(VARIABLE_FIELDS),
    }
    return json.dumps(data, indent=2) + "\n"


def write_reports(directory: Path, info: RunInfo, results: list[Result]) -> list[Path]:
    paths = [directory / "report.md", directory / "report.json"]
    write_atomic(paths[0], markdown(info, results))
    write_atomic(paths[1], as_json(info, results))
    return paths
