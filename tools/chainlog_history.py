#!/usr/bin/env python3
"""Write spellgen/spellfile/data/chainlog.tsv from a local clone of the public spells repository.

Developer tool, standard library only; nothing in spellgen imports it. It reads every commit of the
repository's address list (src/test/addresses_mainnet.sol), takes each version's `addr["KEY"] = 0x..;`
lines as facts, and writes one row per (key, address) span:

    key  address  since  until  commit

`since` and `until` are spell dates: a row holds for spells dated after `since` and up to `until`
(the spell of `since` registered the address; the spell of `until` replaced or removed it). A commit's
spell date is the date its subject names (the repository titles each spell's pull request with it:
"Mainnet spell 2025-04-03 (#460)", "PE-1005 June 8th, 2022 Mainnet Exec (#250)"); a subject naming no
date (housekeeping) uses the commit's own date in UTC. Keys already in the first version (2020-12-03)
have an empty `since` (registered before the list began). Zero addresses (placeholders) are left out.

Usage: python3 tools/chainlog_history.py REPO_DIR [OUT.tsv]
"""
from __future__ import annotations

import re
import subprocess
import sys
from datetime import date, datetime, timezone
from pathlib import Path

PATH = "src/test/addresses_mainnet.sol"
REPOSITORY = "sky-ecosystem/spells-mainnet"
LINE = re.compile(r'addr\["(?P<key>[A-Za-z0-9_]+)"\]\s*=\s*(?P<address>0x[0-9a-fA-F]{40})\s*;')
ISO = re.compile(r"(20\d\d)[-/](\d\d?)[-/](\d\d?)|\b(20\d\d)(\d\d)(\d\d)\b")
MONTHS = {name[:3]: i for i, name in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"), start=1)}
WORDY = re.compile(r"(?P<month>[A-Z][a-z]+)\.? (?P<day>\d\d?)(?:st|nd|rd|th)?(?:,? (?P<year>20\d\d))?")
ZERO = "0x" + "0" * 40


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def spell_date(subject: str, committed: str) -> str:
    """The spell date a commit's subject names, else the commit's UTC date."""
    when = datetime.fromisoformat(committed).astimezone(timezone.utc).date()
    if match := ISO.search(subject):
        return date(*(int(g) for g in match.groups() if g)).isoformat()
    for match in WORDY.finditer(subject):
        month = MONTHS.get(match["month"][:3].lower())  # "Novmber" is November too
        if month:
            year = int(match["year"]) if match["year"] else when.year
            return date(year, month, int(match["day"])).isoformat()
    return when.isoformat()


def versions(repo: Path) -> list[tuple[str, str, dict[str, str]]]:
    """(commit, spell date, key -> address) for each commit of the list, oldest first."""
    log = git(repo, "log", "--reverse", "--format=%H%x09%cI%x09%s", "--", PATH)
    found = []
    for line in log.splitlines():
        commit, committed, subject = line.split("\t", 2)
        text = git(repo, "show", f"{commit}:{PATH}")
        entries = {m["key"]: m["address"] for m in LINE.finditer(text) if m["address"].lower() != ZERO}
        found.append((commit, spell_date(subject, committed), entries))
    return found


def spans(history: list[tuple[str, str, dict[str, str]]]) -> list[tuple[str, str, str, str, str]]:
    """(key, address, since, until, commit) rows: one per address a key held, in key order."""
    rows: list[tuple[str, str, str, str, str]] = []
    open_rows: dict[str, tuple[str, str, str]] = {}  # key -> (address, since, commit)
    for index, (commit, day, entries) in enumerate(history):
        since = "" if index == 0 else day
        for key in list(open_rows):
            address, started, source = open_rows[key]
            if entries.get(key, "").lower() != address.lower():
                rows.append((key, address, started, day, source))
                del open_rows[key]
        for key, address in entries.items():
            if key not in open_rows:
                open_rows[key] = (address, since, commit)
    rows += [(key, address, since, "", source) for key, (address, since, source) in open_rows.items()]
    return sorted(rows, key=lambda r: (r[0], r[2], r[3] or "9999"))


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    repo = Path(argv[1])
    default = Path(__file__).resolve().parents[1] / "spellgen/spellfile/data/chainlog.tsv"
    out = Path(argv[2]) if len(argv) == 3 else default
    history = versions(repo)
    rows = spans(history)
    newest = history[-1]
    header = [
        f"# Every chainlog key of the address list {PATH} of {REPOSITORY},",
        f"# in each of its {len(history)} versions ({history[0][1]} to {newest[1]}, newest commit {newest[0][:12]});",
        "# written by tools/chainlog_history.py.",
        "# since/until: spell dates (the date the commit's subject names, else its UTC commit date); a row holds",
        "# for spells dated after since and up to until. Empty since: listed in the first version; empty until:",
        "# still listed. source: the first commit of that repository listing that address under that key.",
        "key\taddress\tsince\tuntil\tsource",
    ]
    lines = header + ["\t".join((key, address, since, until, commit[:12]))
                      for key, address, since, until, commit in rows]
    out.write_text("\n".join(lines) + "\n")
    print(f"{out}: {len(rows)} rows, {len({r[0] for r in rows})} keys from {len(history)} versions")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
