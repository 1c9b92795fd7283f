"""Read a spell's source the way a reviewer does: comments and names must agree with the code.

Real spells have shipped a comment saying 300 MKR above a transfer of 257.31, and a date constant
named for one day holding another. These slips do not change the chain, so the state checks
cannot see them; this reads the Solidity text. Each finding is a FAIL naming the line.
Independent of rendering: it parses whatever source it is given (hand-written or rendered).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from decimal import Decimal

from spellgen.spellfile.actions import KINDS
from spellgen.spellfile.address import to_checksum
from spellgen.spellfile.links import NOUNS, label_of
from spellgen.spellfile import history
from spellgen.spellfile.protocol import VESTS
from spellgen.spellfile.solidity import INTERFACES
from spellgen.spellfile.style import (CHAINLOG_ADDRESSES_READ_FROM, ETHER_NOTE_FROM, EXACT_PRAGMA_FROM,
                                      INTERFACE_RULES_FROM, NEW_ETHER_NOTE_FROM, TIMESTAMP_NAMES_FROM,
                                      TWO_DECIMALS_FROM, UNITS_INTERNAL_FROM, UTC_DATE_COMMENT_FROM, SourceRules,
                                      source_rules)

MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
TOKENS = ("DAI", "MKR", "USDS", "SKY", "SPK")
_DATE_CONSTANT = re.compile(
    r"\b(?P<name>(?P<mon>" + "|".join(MONTHS) + r")_(?P<day>\d{2})_(?P<year>\d{4})(?:_(?P<hms>\d{6}))?)\s*="
    r"\s*(?P<value>\d+)\s*;")
_ADDRESS_CONSTANT = re.compile(r"\baddress\s+(?:internal\s+|public\s+|private\s+)?constant\s+(\w+)\s*=\s*"
                               r"(?:address\()?(0x[0-9a-fA-F]{40})\)?\s*;")
# `address internal immutable KEY = DssExecLib.getChangelogAddress("KEY");` (or `ChainlogAbstract(LOG).getAddress(...)`)
_CHAINLOG_IMMUTABLE = re.compile(
    r"\baddress\s+(?:internal\s+|public\s+|private\s+)?immutable\s+(\w+)\s*=\s*"
    r"(?:DssExecLib\.getChangelogAddress|\w+\([^()]*\)\.getAddress)\(\s*\"(\w+)\"\s*\)\s*;")
_ETHER_AMOUNT = re.compile(r"(?<![\w.])(\d[\d_]*(?:\.\d+)?)\s+ether\b")
_ETHER_NOTE = re.compile(r"//.*\bNote\b.*\bether\b", re.IGNORECASE)
_COMMENT_AMOUNT = re.compile(r"(?<![\w.\-])(\d[\d,_]*(?:\.\d+)?)\s*(" + "|".join(TOKENS) + r")\b")
_COMMENT_ADDRESS = re.compile(r"0x[0-9a-fA-F]{40}\b")
_COMMENT_ID = re.compile(r"\bID\s+(\d+)\b", re.IGNORECASE)
# `// Hash: cast keccak -- "$(wget 'URL' -q -O - 2>/dev/null)"` (2022 spells: seth, the URL unquoted).
_HASH_COMMENT = re.compile(r"//\s*Hash:\s*(?:cast|seth)\s+keccak\s+--\s+\"\$\(wget\s+'?(?P<url>[^'\s\"]+)")
_DESCRIPTION = re.compile(r"\bstring\s+public\s+constant\s+override\s+description\b")
_LINK_LINE = re.compile(r"^\s*//\s*(" + "|".join(NOUNS) + r"):\s*(\S+)")
# The calls whose statement carries an action's comment block, as each action kind declares them.
_BUDGET_CALL = re.compile(r"\b(" + "|".join(sorted({call for kind in KINDS for call in kind.COMMENTED_CALLS}))
                          + r")\s*\(")


@dataclass(frozen=True)
class SourceFinding:
    line: int
    problem: str
    warning: bool = False  # a house rule the archive itself sometimes departs from: WARN, not FAIL


# The date a spell states in its description: `"2023-05-24 MakerDAO Executive Spell | Hash: ..."`.
_DESCRIPTION_DATE = re.compile(r"description\s*=\s*\"(\d{4}-\d{2}-\d{2})\s")
TODAY = "9999-12-31"  # read with every rule of today's checklist


def spell_date(source: str) -> str:
    """The date the description states, else TODAY (every rule applies). `verify` passes the YAML's
    date instead, and fails a description of another date, so a back-dated description gains nothing."""
    match = _DESCRIPTION_DATE.search(source)
    return match[1] if match else TODAY


def review_source(source: str, exec_doc_url: str | None = None, chainlog: dict[str, str] | None = None,
                  date: str | None = None) -> list[SourceFinding]:
    """Every comment or name the code contradicts, in line order; with the YAML's executive document
    URL, also a hash comment that names another document or is missing. With `chainlog` (key ->
    the address it holds), a name read from the ChainLog counts as that address, as a wallet
    constant counts as its literal: a comment naming another address above its payment fails.
    Each rule applies from the date it entered the checklist (spellfile/style.py): `date` is the
    spell's (default: its description's)."""
    rules = source_rules(date or spell_date(source))
    lines = source.splitlines()
    code = [_strip_comment(line) for line in lines]
    findings = _date_constants(source)
    if exec_doc_url:
        findings += _hash_comment(lines, exec_doc_url)
    findings += _date_comments(source, lines, rules)
    findings += _license(lines)
    findings += _ether_lines(lines, code, rules)
    findings += _link_lines(lines)
    names = _address_constants(source) | _chainlog_immutables(source, chainlog or {})
    constants = _uint_constants(code)
    findings += _comments_against_statements(lines, code, names, constants, _wallet_names(rules.date))
    findings += variable_findings(state_variables(code), rules)
    findings += _pragma(code, rules)
    findings += _static_chainlog_addresses(source, rules)
    findings += _stream_time_names(lines, code, constants, rules)
    findings += _interfaces(code, rules)
    return sorted(findings, key=lambda f: (f.line, f.problem))


_PRAGMA = re.compile(r"^\s*pragma\s+solidity\s+([^;]*);")


def _pragma(code: list[str], rules: SourceRules) -> list[SourceFinding]:
    """R:18: from EXACT_PRAGMA_FROM the spell targets exactly solc 0.8.16 (`^0.8.0` would let any 0.8
    compiler build it)."""
    if not rules.pragma:
        return []
    for number, body in enumerate(code, 1):
        if match := _PRAGMA.match(body):
            version = match[1].strip()
            if version != rules.pragma:
                return [SourceFinding(number, f"`pragma solidity {version};`: spells target solc {rules.pragma} "
                                              f"exactly, `pragma solidity {rules.pragma};` (required from "
                                              f"{EXACT_PRAGMA_FROM})")]
            return []
    return []  # no pragma line (a fragment): the compile settings decide the version, and verify compiles it


# The budget's own contracts by chainlog key: the vests, their tokens, what the action kinds call, the
# governance contracts around them. A constant holding one of these fails; any other key warns (the
# archive itself hard-codes many: `SPARK_PROXY` in 49 spells of 2023-26, the RWA015 contracts, the CRON jobs).
_BUDGET_KEYS = frozenset(
    set(VESTS) | {v.token_key for v in VESTS.values()}
    | {contract for kind in KINDS for contract, _ in kind.EFFECTS.calls if contract.isupper() and len(contract) > 5}
    | {"MCD_PAUSE", "MCD_PAUSE_PROXY", "MCD_VOW", "MCD_GOV", "MCD_DAI", "MCD_VAT", "MCD_JOIN_DAI", "USDS", "SKY",
       "SPK", "MKR", "USDS_JOIN", "DAI_USDS", "MKR_SKY", "CHANGELOG"})


def _static_chainlog_addresses(source: str, rules: SourceRules) -> list[SourceFinding]:
    """R:324: an address constant holding what the ChainLog holds under a key when the spell is cast (a
    key the spell itself adds is new, so its constant is fine) is read from the ChainLog instead. A
    FAIL for the budget's own contracts (_BUDGET_KEYS), a WARN for other keys, as the archive departs."""
    if not rules.chainlog_addresses_read:
        return []
    # What a spell of the date finds in the ChainLog: set by earlier spells, not by this one.
    by_address = {address.lower(): key for key, address in history.chainlog_at(rules.date).items()}
    findings = []
    for match in _ADDRESS_CONSTANT.finditer(source):
        key = by_address.get(match[2].lower())
        if key is not None:
            findings.append(SourceFinding(_line_of(source, match.start()), f"{match[1]} = {match[2]} is the ChainLog's "
                                          f"{key}: read it from the ChainLog (`address internal immutable {key} = "
                                          f"DssExecLib.getChangelogAddress(\"{key}\");`), `constant` is for static "
                                          f"addresses (required from {CHAINLOG_ADDRESSES_READ_FROM})",
                                          warning=key not in _BUDGET_KEYS))
    return findings


_IDENTIFIER = re.compile(r"\b[A-Za-z_]\w*\b")
_TIMESTAMP_NAME = re.compile(r"^(?:" + "|".join(MONTHS) + r")_\d{2}_\d{4}(?:_\d{6})?$")
_A_TIMESTAMP = 1_000_000_000  # 2001-09-09: a constant this large in bgn, tau or eta is a time, not a duration


def _stream_time_names(lines: list[str], code: list[str], constants: dict[str, int],
                       rules: SourceRules) -> list[SourceFinding]:
    """R:91 and R:88: each constant a stream's `bgn`, `tau` (`fin - bgn`) or `eta` (`clf - bgn`) uses as a
    time is named `MMM_DD_YYYY` (the date constants' own rules then read its value and UTC comment); a time
    named otherwise (`CLIFF_DATE`) fails, saying whether its UTC comment is missing too."""
    if not rules.timestamp_names:
        return []
    declared = {v.name: v.line for v in state_variables(code) if v.mutability == "constant"}
    used: set[str] = set()
    for _, _, statement in _statements(code):
        for argument in _create_arguments(statement)[2:5]:
            used |= {name for name in _IDENTIFIER.findall(argument)
                     if name in declared and constants.get(name, 0) >= _A_TIMESTAMP}
    findings = []
    for name in sorted(used):
        if _TIMESTAMP_NAME.match(name):
            continue
        number = declared[name]
        nearby = [lines[number - 1]] + ([lines[number - 2]] if number >= 2 else [])
        stated = next((t for t in map(_stated_time, nearby) if t), None)
        value = datetime.fromtimestamp(constants[name], tz=timezone.utc)
        comment = "" if stated else f", and has no comment stating it (`// {value:%Y-%m-%d %H:%M:%S} UTC`)"
        findings.append(SourceFinding(number, f"{name} is a stream time ({value:%Y-%m-%d %H:%M:%S} UTC) not named "
                                              f"MMM_DD_YYYY ({MONTHS[value.month - 1]}_{value:%d_%Y}){comment} "
                                              f"(required from {TIMESTAMP_NAMES_FROM})"))
    return findings


_INTERFACE = re.compile(r"^\s*interface\s+(\w+)")
_IMPORTED = re.compile(r"^\s*import\s*\{([^}]*)\}\s*from\s*\"([^\"]+)\"")
# The dss-interfaces interfaces the house style imports, and the static `...Like` names that copy them.
_DSS_INTERFACES = {i.abstract: i.local for i in INTERFACES.values() if i.abstract}


def _interfaces(code: list[str], rules: SourceRules) -> list[SourceFinding]:
    """R:53-61: no unused interface, imported or declared; no static interface for a contract whose
    interface dss-interfaces has (`VestAbstract`), which the spell imports instead."""
    if not rules.interface_rules:
        return []
    findings = []
    for number, body in enumerate(code, 1):
        names: list[str] = []
        if match := _INTERFACE.match(body):
            names = [match[1]]
            copied = match[1] in _DSS_INTERFACES or match[1] in _DSS_INTERFACES.values()
            if copied:
                abstract = match[1] if match[1] in _DSS_INTERFACES else next(
                    a for a, like in _DSS_INTERFACES.items() if like == match[1])
                findings.append(SourceFinding(number, f"interface {match[1]} is declared here, but dss-interfaces has "
                                                      f"{abstract}: import it (required from {INTERFACE_RULES_FROM})"))
        elif match := _IMPORTED.match(body):
            names = [n.strip() for n in match[1].split(",") if n.strip()]
        elsewhere = "\n".join(code[:number - 1] + code[number:])
        for name in names:
            if not re.search(rf"\b{re.escape(name)}\b", elsewhere):
                findings.append(SourceFinding(number, f"interface {name} is never used (required from "
                                                      f"{INTERFACE_RULES_FROM})"))
    return findings


def _strip_comment(line: str) -> str:
    return line.split("//", 1)[0]


def _line_of(source: str, offset: int) -> int:
    return source.count("\n", 0, offset) + 1


def _date_constants(source: str) -> list[SourceFinding]:
    findings = []
    for match in _DATE_CONSTANT.finditer(source):
        value = int(match["value"])
        try:
            named = datetime(int(match["year"]), MONTHS.index(match["mon"]) + 1, int(match["day"]), tzinfo=timezone.utc)
        except ValueError:
            findings.append(SourceFinding(_line_of(source, match.start()), f"{match['name']} names no calendar day"))
            continue
        actual = datetime.fromtimestamp(value, tz=timezone.utc)
        wanted_time = match["hms"]
        if actual.date() != named.date() or (wanted_time and actual.strftime("%H%M%S") != wanted_time):
            findings.append(SourceFinding(_line_of(source, match.start()),
                                          f"{match['name']} = {value} is {actual:%Y-%m-%d %H:%M:%S} UTC, "
                                          f"not {named:%Y-%m-%d}{' ' + wanted_time if wanted_time else ''}"))
    return findings


# The two forms real spells wrote: `// 2025-02-01 00:00:00 UTC` and (2022-23) `// 24 May 2023 12:00:00 AM UTC`.
_DATE_COMMENT = re.compile(r"//.*\b(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})\s*UTC\b")
_SPOKEN_DATE_COMMENT = re.compile(r"//.*\b(\d{1,2}) (" + "|".join(m.title() for m in MONTHS) +
                                  r")[a-z]* (\d{4}),? (\d{1,2}:\d{2}:\d{2})\s*(AM|PM)?\s*UTC\b", re.IGNORECASE)


def _stated_time(line: str) -> str | None:
    """The UTC time a comment states, as `YYYY-MM-DD HH:MM:SS`, in either form; None without one."""
    iso = _DATE_COMMENT.search(line)
    if iso:
        return f"{iso[1]} {iso[2]}"
    spoken = _SPOKEN_DATE_COMMENT.search(line)
    if not spoken:
        return None
    day, month, year, clock, half = spoken.groups()
    hour, rest = clock.split(":", 1)
    hour_24 = int(hour) % 12 + (12 if (half or "").upper() == "PM" else 0) if half else int(hour)
    return f"{year}-{MONTHS.index(month[:3].upper()) + 1:02d}-{int(day):02d} {hour_24:02d}:{rest}"


def _date_comments(source: str, lines: list[str], rules: SourceRules) -> list[SourceFinding]:
    """A date constant carries its full date and time in UTC in a comment, on its line (as spellgen renders)
    or the line above (as the spells repository writes it), and that comment states the constant's value.
    A missing comment fails from UTC_DATE_COMMENT_FROM; a comment stating another time fails at any date."""
    findings = []
    for match in _DATE_CONSTANT.finditer(source):
        number = _line_of(source, match.start())
        value = datetime.fromtimestamp(int(match["value"]), tz=timezone.utc)
        # The line above counts only as a comment line: another constant's trailing comment is its own.
        above = lines[number - 2] if number >= 2 and lines[number - 2].lstrip().startswith("//") else ""
        nearby = [lines[number - 1], above]
        stated = next((t for t in map(_stated_time, nearby) if t), None)
        if stated is None:
            if rules.utc_date_comment:
                findings.append(SourceFinding(number, f"{match['name']} has no comment stating its full date in UTC "
                                                      f"(`// {value:%Y-%m-%d %H:%M:%S} UTC`) on its line or above it "
                                                      f"(required from {UTC_DATE_COMMENT_FROM})"))
        elif stated != f"{value:%Y-%m-%d %H:%M:%S}":
            findings.append(SourceFinding(number, f"the comment of {match['name']} says {stated} UTC, "
                                                  f"its value {match['value']} is {value:%Y-%m-%d %H:%M:%S} UTC"))
    return findings


_LICENSE = re.compile(r"^//\s*SPDX-License-Identifier:\s*(\S+)")


def _license(lines: list[str]) -> list[SourceFinding]:
    """The spell is licensed GNU AGPLv3 (R:401): its SPDX line says AGPL-3.0 (or -or-later)."""
    for number, line in enumerate(lines[:20], 1):
        match = _LICENSE.match(line.strip())
        if match:
            if match[1] in ("AGPL-3.0", "AGPL-3.0-only", "AGPL-3.0-or-later"):
                return []
            return [SourceFinding(number, f"the license is {match[1]}, not GNU AGPLv3 (AGPL-3.0-or-later)")]
    return [SourceFinding(1, "no `// SPDX-License-Identifier: AGPL-3.0-or-later` line: spells are GNU AGPLv3")]


def _ether_lines(lines: list[str], code: list[str], rules: SourceRules) -> list[SourceFinding]:
    """`257.31 ether` for a token amount: the note must say so (from ETHER_NOTE_FROM, in the wording of
    the date from NEW_ETHER_NOTE_FROM), and amounts carry two decimals (from TWO_DECIMALS_FROM)."""
    findings = []
    for number, (line, body) in enumerate(zip(lines, code), 1):
        amounts = _ETHER_AMOUNT.findall(body)
        if not amounts or "constant" in body and "uint256" not in body:
            continue
        # Same line, or the comment line directly above (the 2025-06-26 and 2025-10-06 spells wrote
        # `// Note: ...` above the statement or above `0.04 ether`, an argument of a call over several lines).
        above = lines[number - 2] if number >= 2 and lines[number - 2].strip().startswith("//") else ""
        note = _ETHER_NOTE.search(line) or _ETHER_NOTE.search(above)
        line = line if _ETHER_NOTE.search(line) or not note else above
        if rules.ether_note and not note:
            findings.append(SourceFinding(number, "`ether` used for a token amount without the same-line note "
                                                  f"`// {rules.ether_note_wording or 'Note: ether is a keyword helper'}`"
                                                  f" (required from {ETHER_NOTE_FROM})"))
        elif note and rules.ether_note_wording and rules.ether_note_wording not in line:
            findings.append(SourceFinding(number, f"the ether note is superseded: spells from {NEW_ETHER_NOTE_FROM} write "
                                                  f"`// {rules.ether_note_wording}`"))
        for amount in amounts:
            decimals = amount.split(".", 1)[1] if "." in amount else ""
            if rules.two_decimals and 0 < len(decimals) < 2:
                findings.append(SourceFinding(number, f"{amount} ether: write token amounts with two decimals "
                                                      f"({amount}0 ether; required from {TWO_DECIMALS_FROM})"))
    return findings


# A link line of the spells before 2023-03-29: the bare URL, `// https://...` (spellfile/style.py).
_BARE_LINK_LINE = re.compile(r"^\s*//\s*(https?://\S+)")


def _link_lines(lines: list[str]) -> list[SourceFinding]:
    """`// Forum: https://...` lines: https, and the prefix the URL's host implies (spellfile/links.py).
    A bare `// https://...` line, the form of spells before 2023-03-29 (and of other links since), has
    no prefix to check: only https (no archived spell of 2021-26 wrote a bare `http://` line).
    An unknown host or a reference that is no URL is left to the reviewer (the YAML check warns)."""
    findings = []
    for number, line in enumerate(lines, 1):
        match = _LINK_LINE.match(line)
        if not match:
            bare = _BARE_LINK_LINE.match(line)
            if bare and bare[1].lower().startswith("http://"):
                findings.append(SourceFinding(number, f"{bare[1]} is not an https link"))
            continue
        label, url = match.groups()
        if url.lower().startswith("http://"):
            findings.append(SourceFinding(number, f"{url} is not an https link"))
        elif url.lower().startswith("https://") and (implied := label_of(url)) is not None and implied != label:
            findings.append(SourceFinding(number, f"{url} links to {NOUNS[implied]}, not to {NOUNS[label]}: "
                                                  f"prefix it `// {implied}:`"))
    return findings


def _address_constants(source: str) -> dict[str, str]:
    return {name: to_checksum(address) for name, address in _ADDRESS_CONSTANT.findall(source)}


def _chainlog_immutables(source: str, chainlog: dict[str, str]) -> dict[str, str]:
    """Immutables read from the ChainLog -> the address their key holds (keys the caller knows only)."""
    return {name: to_checksum(chainlog[key]) for name, key in _CHAINLOG_IMMUTABLE.findall(source)
            if chainlog.get(key)}


def _statements(code: list[str]) -> list[tuple[int, int, str]]:
    """(first line, last line, text) of each statement, folding calls written over several lines."""
    statements, start, buffer, depth = [], None, [], 0
    for number, body in enumerate(code, 1):
        if start is None and not body.strip():
            continue
        if start is None:
            start = number
        buffer.append(body)
        depth += body.count("(") - body.count(")")
        if depth <= 0 and (body.rstrip().endswith((";", "{", "}"))):
            statements.append((start, number, " ".join(part.strip() for part in buffer)))
            start, buffer, depth = None, [], 0
    return statements


def _comment_above(lines: list[str], first: int) -> tuple[int, str]:
    """The `//` lines directly above line `first` (1-based): (their first line, their text)."""
    texts: list[str] = []
    number = first - 1
    while number >= 1 and lines[number - 1].strip().startswith("//"):
        texts.insert(0, lines[number - 1].strip().lstrip("/").strip())
        number -= 1
    return number + 1, " ".join(texts)


_SCALED = re.compile(r"(?<![\w.])(\d[\d_]*(?:\.\d+)?)\s*\*\s*(HUNDRED|THOUSAND|MILLION|BILLION)\b")


def _numbers_in_code(text: str) -> set[Decimal]:
    """Every number literal, and each literal times a math unit as written (`2 * MILLION` is 2,000,000)."""
    found = set()
    for raw in re.findall(r"(?<![\w.])\d[\d_]*(?:\.\d+)?", text):
        found.add(Decimal(raw.replace("_", "")))
    for raw, unit in _SCALED.findall(text):
        found.add(Decimal(raw.replace("_", "")) * UNITS[unit])
    return found


_TIME_UNITS = {"seconds": 1, "minutes": 60, "hours": 3_600, "days": 86_400, "weeks": 604_800, "ether": 10 ** 18}
_UNIT_LITERAL = re.compile(r"(?<![\w.])(\d[\d_]*(?:\.\d+)?)\s+(" + "|".join(_TIME_UNITS) + r")\b")


def _exact(expression: str, names: dict[str, int]) -> int | None:
    """The exact integer value of a Solidity constant expression as solc folds it (rational literals:
    `700_356.9 * 10 * WAD / 10`, `4 * 365 days`, `MAR_31_2027 - APR_01_2026`); None for anything else."""
    import ast
    from fractions import Fraction

    text = _UNIT_LITERAL.sub(lambda m: f"({m[1]} * {_TIME_UNITS[m[2]]})", expression.strip()).replace("_", "")
    text = re.sub(r"\b(\d+)e(\d+)\b", r"(\1 * 10 ** \2)", text)
    known = {name.replace("_", ""): value for name, value in names.items()}
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError:
        return None

    def value(node) -> Fraction:
        if isinstance(node, ast.Expression):
            return value(node.body)
        if isinstance(node, ast.Constant) and type(node.value) in (int, float):
            return Fraction(str(node.value))
        if isinstance(node, ast.Name) and node.id in known:
            return Fraction(known[node.id])
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow)):
            left, right = value(node.left), value(node.right)
            if isinstance(node.op, ast.Pow):
                if right.denominator != 1 or right > 256:
                    raise ValueError("not a small integer exponent")
                return left ** int(right)
            return {ast.Add: left + right, ast.Sub: left - right, ast.Mult: left * right,
                    ast.Div: left / right}[type(node.op)]
        raise ValueError("not a constant expression")
    try:
        result = value(tree)
    except (ValueError, ZeroDivisionError):
        return None
    return int(result) if result.denominator == 1 else None


def _uint_constants(code: list[str]) -> dict[str, int]:
    """Every integer constant of the spell with its exact value (dates, units, `ONE_YEAR = 365 days`,
    amounts), names resolved in any order."""
    pending = {v.name: v.value for v in state_variables(code) if v.mutability == "constant" and v.value
               and v.type.startswith(("uint", "int"))}
    # The units at their defined values until the spell's own declarations are read (a wrong unit is a
    # finding of its own, _unit_findings).
    known: dict[str, int] = {name: value for name, value in UNITS.items() if name not in pending}
    while pending:
        solved = {name: got for name, text in pending.items() if (got := _exact(text, known)) is not None}
        if not solved:
            break
        known.update(solved)
        pending = {name: text for name, text in pending.items() if name not in solved}
    return known


def _wallet_names(date: str) -> frozenset[str]:
    """The public wallet registry's names at the spell's date (all of them for TODAY)."""
    from spellgen.spellfile.history import wallet_entries, wallets_at

    names = {w.name for w in wallet_entries()} if date == TODAY else set(wallets_at(date))
    return frozenset(n for n in names if n not in TOKENS)


@dataclass(frozen=True)
class _Action:
    """A budget statement with its comment block: what the comment must agree with."""

    first: int  # the statement's first line
    text: str  # the statement, comments stripped
    comment_at: int  # the comment block's first line
    comment: str  # the block's text, lines joined
    group: tuple[str, ...]  # this statement and the budget statements directly below it, no blank line between
    restricted: bool | None  # a stream: whether the code restricts it (this or the next statement); else None
    # The comment line nearest the statement that states a day (number, text): the stream's own line;
    # lines above it are context (a plan's "budget period 2025-02-01 to 2026-01-31").
    dated: tuple[int, str] | None = None


def _comments_against_statements(lines: list[str], code: list[str], names: dict[str, str], constants: dict[str, int],
                                 wallets: frozenset[str]) -> list[SourceFinding]:
    findings = []
    statements = _statements(code)
    for index, (first, last, text) in enumerate(statements):
        if not _BUDGET_CALL.search(text):
            continue
        at, comment = _comment_above(lines, first)
        if not comment:
            continue
        dated = next(((number, lines[number - 1]) for number in range(first - 1, at - 1, -1)
                      if _ISO_DAY.search(lines[number - 1])), None)
        action = _Action(first, text, at, comment, _group(statements, index), _restricted(statements, index), dated)
        # The amount is read from the comment line nearest the statement that states one (the
        # house style's "NAME - AMOUNT TOKEN - 0x..." line); lines above it are context.
        nearest = next(((number, lines[number - 1]) for number in range(first - 1, at - 1, -1)
                        if _COMMENT_AMOUNT.search(lines[number - 1])), None)
        kind = _kind(text)
        if nearest:
            findings += _amounts_agree(nearest[0], nearest[1].strip().lstrip("/").strip(),
                                       _amount_text(action, kind, constants), action.group)
        by_address = _addresses_agree(at, comment, text, names)
        findings += by_address
        findings += _ids_agree(at, comment, text)
        # A recipient to name (a `file` or `approve` names contracts); a comment whose address already
        # disagrees is one finding, not two (the address says more than the name).
        if kind in ("payment", "stream") and not by_address:
            findings += _names_agree(action, names, wallets)
        for check in _KIND_CHECKS.get(kind, ()):
            findings += check(action, constants)
    return findings


def _group(statements: list[tuple[int, int, str]], index: int) -> tuple[str, ...]:
    """The statement at `index` and the budget statements that follow it line after line (a comment
    stating a group total heads them: `Payout: 57,665 DAI` above eight payments)."""
    group = [statements[index][2]]
    for (_, previous_last, _), (first, _, text) in zip(statements[index:], statements[index + 1:]):
        if first != previous_last + 1 or not _BUDGET_CALL.search(text):
            break
        group.append(text)
    return tuple(group)


def _restricted(statements: list[tuple[int, int, str]], index: int) -> bool | None:
    """For a `create`: whether it is restricted, in the statement (`restrict(create(...))`) or the next
    one (`restrict(id)` of the id the create assigned)."""
    text = statements[index][2]
    if not re.search(r"\bcreate\s*\(", text):
        return None
    if re.search(r"\brestrict\s*\(", text):
        return True
    assigned = re.match(r"^\s*uint256\s+(\w+)\s*=", text)
    following = statements[index + 1][2] if index + 1 < len(statements) else ""
    return bool(assigned and re.search(rf"\brestrict\s*\(\s*{assigned[1]}\s*\)", following))


# -- per action kind: what a comment block states and the code must agree with ---------------------
# (kept small and separate so each kind's knowledge can move to that kind's action module)

_PAYMENT_CALL = re.compile(r"\b(transfer|sendPaymentFromSurplusBuffer|_transferUsds|_transferSky|exit|daiToUsds)\s*\(")


def _kind(statement: str) -> str:
    """The action kind a budget statement belongs to (what its comment describes)."""
    if re.search(r"\bcreate\s*\(", statement):
        return "stream"
    if re.search(r"\byank\s*\(", statement):
        return "yank"
    if _PAYMENT_CALL.search(statement):
        return "payment"
    return "other"  # an approval, a cap, a conversion, a parameter


def _amount_text(action: _Action, kind: str, constants: dict[str, int]) -> str:
    """The statement's text the comment's amounts are compared with: a stream's total as the code fixes
    it (`GOV_2_MKR`, `700_356.9 * 10 * WAD / 10` folded, in whole tokens and decimals) beside its text."""
    times = _stream_times(action, constants) if kind == "stream" else None
    if times is None:
        return action.text
    whole, rest = divmod(times.tot, 10 ** 18)
    return f"{action.text} {whole}{'.' + str(rest).rjust(18, '0').rstrip('0') if rest else ''}"


_ISO_DAY = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
_CLIFF = re.compile(r"\bCliff:?\s*(\d{4}-\d{2}-\d{2})", re.IGNORECASE)
_RESTRICTED = re.compile(r"\bRestricted:\s*(Yes|No)\b|\b(unrestricted)\b", re.IGNORECASE)


def _create_arguments(statement: str) -> list[str]:
    """The six arguments of `create(usr, tot, bgn, tau, eta, mgr)` as written; [] when not six."""
    match = re.search(r"\bcreate\s*\(", statement)
    if not match:
        return []
    args, depth, current = [], 0, ""
    for char in statement[match.end():]:
        if char == ")" and depth == 0:
            args.append(current.strip())
            break
        depth += (char == "(") - (char == ")")
        if char == "," and depth == 0:
            args.append(current.strip())
            current = ""
        else:
            current += char
    return args if len(args) == 6 else []


@dataclass(frozen=True)
class _StreamTimes:
    tot: int
    bgn: int
    fin: int
    clf: int


def _stream_times(action: _Action, constants: dict[str, int]) -> _StreamTimes | None:
    """The stream's total and times as the code fixes them; None when any is not a constant expression
    (a stream from the cast, `block.timestamp`, or a value read on chain)."""
    args = _create_arguments(action.text)
    if not args:
        return None
    tot, bgn, tau, eta = (_exact(a, constants) for a in args[1:5])
    if tot is None or bgn is None or tau is None or eta is None:
        return None
    return _StreamTimes(tot, bgn, bgn + tau, bgn + eta)


def _day(timestamp: int) -> str:
    return datetime.fromtimestamp(timestamp, tz=timezone.utc).strftime("%Y-%m-%d")


def _stream_dates_agree(action: _Action, constants: dict[str, int]) -> list[SourceFinding]:
    """Each day the comment states is the stream's start, end or cliff as the code computes them (an end
    at 23:59:59 may be written as the next day, `2023-05-01 to 2024-05-01`); a stated cliff is the
    code's cliff day. A stream timed from the cast states no day to compare."""
    times = _stream_times(action, constants)
    if times is None or action.dated is None:
        return []
    at, comment = action.dated
    days = {_day(times.bgn), _day(times.fin), _day(times.fin + 1), _day(times.clf)}
    cliff = _CLIFF.search(comment)
    findings = []
    if cliff and cliff[1] not in (_day(times.clf), _day(times.clf + 1)):
        findings.append(SourceFinding(at, f"the comment states a cliff of {cliff[1]}, the code below "
                                          f"gives {_day(times.clf)}"))
    for stated in dict.fromkeys(_ISO_DAY.findall(_CLIFF.sub("", comment))):
        if stated not in days:
            findings.append(SourceFinding(at, f"the comment states the day {stated}, the code below "
                                              f"starts the stream {_day(times.bgn)} and ends it "
                                              f"{_day(times.fin)}"))
    return findings


def _stream_restriction_agrees(action: _Action, _dates: dict[str, int]) -> list[SourceFinding]:
    stated = _RESTRICTED.search(action.comment)
    if stated is None or action.restricted is None:
        return []
    says = (stated[1] or "").lower() == "yes"
    if says == action.restricted:
        return []
    return [SourceFinding(action.comment_at, f"the comment says the stream is {'restricted' if says else 'unrestricted'}"
                                             f", the code below {'restricts' if action.restricted else 'does not restrict'} it")]


_KIND_CHECKS = {"stream": (_stream_dates_agree, _stream_restriction_agrees)}


def _name_key(name: str) -> str:
    """`RISK-001`, `RISK_001_WALLET` and `RISK_001` name the same wallet."""
    key = name.upper().replace("-", "_")
    return key[: -len("_WALLET")] if key.endswith("_WALLET") else key


def _names_agree(action: _Action, names: dict[str, str], wallets: frozenset[str]) -> list[SourceFinding]:
    """A wallet the comment names (an address constant of the spell or a registry name of its date) is
    one the code below uses: a comment naming BONAPUBLICA above BLUE's payment fails."""
    paid = {_name_key(n) for n in names if re.search(rf"\b{re.escape(n)}\b", action.text)}
    if not paid:
        return []  # the recipient is no address constant (a chainlog read, a literal): nothing to compare
    known = {_name_key(n) for n in names if n not in TOKENS} | {_name_key(n) for n in wallets}
    # Names are written in capitals (`BLUE - 1,000 DAI`, `Stream to RISK-001`); prose words are not names.
    stated = {_name_key(w) for w in re.findall(r"\b[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)*\b", action.comment)}
    return [SourceFinding(action.comment_at, f"the comment names {name}, the code below pays {', '.join(sorted(paid))}")
            for name in sorted((stated & known) - paid)]


_RATE_AFTER = re.compile(r"\s*(?:/|per\b)", re.IGNORECASE)


def _amounts_agree(line: int, comment: str, statement: str, group: tuple[str, ...] = ()) -> list[SourceFinding]:
    """Every token amount of the comment is what the code below moves, or the total of the payments it
    heads (`Payout: 57,665 DAI` above eight payments), or a rate (`1,000 DAI/day`, `... SKY per 182 days`),
    which is no payment amount. A rounded payment may state both figures."""
    numbers = _numbers_in_code(statement)
    stated = [(m[1], m[2], Decimal(m[1].replace(",", "").replace("_", "")))
              for m in _COMMENT_AMOUNT.finditer(comment) if not _RATE_AFTER.match(comment, m.end())]
    if not numbers or not stated:
        return []  # the amount comes from a constant or a call: nothing literal to compare
    group_total = sum((max(_numbers_in_code(text), default=Decimal(0)) for text in group), Decimal(0))
    if "round" in comment.lower() and any(value in numbers for _, _, value in stated):
        return []  # "348,452.30 DAI rounded up to 348,453 DAI"
    wrong = [(raw, token) for raw, token, value in stated
             if value not in numbers and not (len(group) > 1 and value == group_total)
             and not (_WHOLE_TOKENS.search(statement) and _ceiling(value) in numbers)]
    if len(wrong) < len(stated):
        # A change's comment names what it changes from and by ("Increase bump by 15,000 DAI, from 5,000
        # DAI to 20,000 DAI"): figures after "by" or "from" are context once the code's own figure is there.
        context = {m[1] for m in _COMMENT_AMOUNT.finditer(comment) if re.search(r"\b(by|for|from)\s+$", comment[:m.start()])}
        wrong = [(raw, token) for raw, token in wrong if raw not in context]
    if "convert" in comment.lower():
        # A conversion states both sides ("330,000 SKY ... converted from 13.75 MKR"): the code moves one
        # of them; the other token's figure is the conversion's input or output.
        moved = {token for raw, token in ((r, t) for r, t, _ in stated) if (raw, token) not in wrong}
        wrong = [(raw, token) for raw, token in wrong if not moved or token in moved]
    return [SourceFinding(line, f"the comment says {raw} {token}, the code below does not "
                                f"(its amounts: {', '.join(_show(n) for n in sorted(numbers))}"
                                f"{f'; the {len(group)} payments it heads total {_show(group_total)}' if len(group) > 1 else ''})")
            for raw, token in wrong]


# Calls that move whole tokens only (a surplus payment) or that spells of 2022 wrote rounded up (a stream).
_WHOLE_TOKENS = re.compile(r"\b(sendPaymentFromSurplusBuffer|_transferUsds|create)\s*\(")


def _ceiling(value: Decimal) -> Decimal:
    """`348,452.30 DAI` paid as 348,453 (whole tokens only, rounded up, as spells of 2022 paid and streamed)."""
    return value.to_integral_value(rounding="ROUND_CEILING")


def _show(number: Decimal) -> str:
    return f"{number:,}"


def _addresses_agree(line: int, comment: str, statement: str, names: dict[str, str]) -> list[SourceFinding]:
    used = {address for name, address in names.items() if re.search(rf"\b{re.escape(name)}\b", statement)}
    used |= {to_checksum(a) for a in _COMMENT_ADDRESS.findall(statement)}
    if not used:
        return []
    return [SourceFinding(line, f"the comment names {to_checksum(address)}, the code below pays "
                                f"{', '.join(sorted(used))}")
            for address in _COMMENT_ADDRESS.findall(comment) if to_checksum(address) not in used]


def _ids_agree(line: int, comment: str, statement: str) -> list[SourceFinding]:
    yank = re.search(r"\byank\s*\(\s*(\d+)", statement)
    if not yank:
        return []
    return [SourceFinding(line, f"the comment says ID {stated}, the code below yanks {yank.group(1)}")
            for stated in _COMMENT_ID.findall(comment) if stated != yank.group(1)]


def _hash_comment(lines: list[str], url: str) -> list[SourceFinding]:
    """The `// Hash: cast keccak ...` comment must fetch the executive document the YAML names."""
    found = [(n, m["url"]) for n, line in enumerate(lines, 1) if (m := _HASH_COMMENT.search(line))]
    if not found:
        line = next((n for n, text in enumerate(lines, 1) if _DESCRIPTION.search(text)), 1)
        return [SourceFinding(line, f"no `// Hash: cast keccak -- \"$(wget '{url}' -q -O - 2>/dev/null)\"` comment "
                                    "above the description: the YAML names that executive document")]
    return [SourceFinding(n, f"the hash comment fetches {got}, but the YAML's executive document is {url}")
            for n, got in found if got != url]



# -- state variables (checklist R:64-94, R:323-327) -------------------------------------------------
@dataclass(frozen=True)
class Variable:
    """A contract-level variable declaration as written: `TYPE [visibility] [mutability] NAME [= value];`."""

    line: int
    contract: str
    type: str
    name: str
    visibility: str  # "" when not written
    mutability: str  # "constant", "immutable" or "" (a storage variable)
    value: str  # the initializer's text, "" without one


_CONTRACT = re.compile(r"\b(?:abstract\s+)?(contract|interface|library)\s+(\w+)[^{;]*\{")
_NOT_VARIABLE = re.compile(r"^\s*(?:function|modifier|event|error|struct|enum|using|constructor|receive|fallback)\b")
_VISIBILITY = ("public", "internal", "private", "external")
EXEC_BASE = ("DssExec", "DssAction")  # the exec base's own contracts, when a flattened spell carries them
_MUTABILITY = ("constant", "immutable")
_LOCATION_WORDS = ("override",)


def state_variables(code: list[str]) -> list[Variable]:
    """The variables declared directly in a contract's body (not in functions, interfaces or libraries),
    read from comment-stripped lines by brace depth."""
    text = "\n".join(code)
    out: list[Variable] = []
    for match in _CONTRACT.finditer(text):
        if match.group(1) != "contract" or match.group(2) in EXEC_BASE:
            continue
        depth, start, position = 1, match.end(), match.end()
        while position < len(text) and depth:
            char = text[position]
            if char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
                start = position + 1 if depth == 1 else start
            elif char == ";" and depth == 1:
                statement = text[start:position]
                variable = _variable(statement, match.group(2), text.count("\n", 0, start + len(statement) - len(statement.lstrip())) + 1)
                if variable:
                    out.append(variable)
                start = position + 1
            position += 1
    return out


def _variable(statement: str, contract: str, line: int) -> Variable | None:
    body = " ".join(statement.split())
    if not body or _NOT_VARIABLE.match(body):
        return None
    head, _, value = body.partition("=")
    words = head.replace("(", " ( ").replace(")", " ) ").split()
    if len(words) < 2:
        return None
    name = words[-1]
    visibility = next((w for w in words if w in _VISIBILITY), "")
    mutability = next((w for w in words if w in _MUTABILITY), "")
    kind = " ".join(w for w in words[:-1] if w not in _VISIBILITY + _MUTABILITY + _LOCATION_WORDS)
    return Variable(line, contract, kind.replace(" ( ", "(").replace(" ) ", ")"), name, visibility, mutability,
                    value.strip())


# A ChainLog read: the one initializer the checklist allows for `immutable` (R:324). DssExecLib.LOG is the
# ChainLog's own address, which archive spells hold as `ChainlogAbstract internal immutable CHAINLOG`.
_CHAINLOG_READ = re.compile(r"^(?:\w+\s*\(\s*)?DssExecLib\s*\.\s*(?:getChangelogAddress\s*\(\s*\"(?P<key>\w+)\"\s*\)"
                            r"|(?P<helper>\w+)\s*\(\s*\)|LOG)\s*\)?$")
# The one archive pattern of an immutable that is not an address: the converter's rate, read at deployment
# by the spells of 2024-11-28 to 2025-04-30 (and rendered so for those dates); accepted as the archive has it.
_ARCHIVE_IMMUTABLE = re.compile(r'^MKR_SKY_RATE = \w+\(\s*DssExecLib\.getChangelogAddress\(\s*"MKR_SKY"\s*\)\s*\)\.rate\(\)$')
UNITS = {"WAD": 10 ** 18, "RAY": 10 ** 27, "RAD": 10 ** 45,
         "HUNDRED": 10 ** 2, "THOUSAND": 10 ** 3, "MILLION": 10 ** 6, "BILLION": 10 ** 9}
_DIGITS = ("ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE")
_WHOLE = _DIGITS + ("TEN", "ELEVEN", "TWELVE", "THIRTEEN", "FOURTEEN", "FIFTEEN", "SIXTEEN", "SEVENTEEN",
                    "EIGHTEEN", "NINETEEN", "TWENTY", "THIRTY", "FORTY", "FIFTY", "SIXTY", "SEVENTY", "EIGHTY",
                    "NINETY", "HUNDRED")
_RATE_NAME = re.compile(r"^(?:" + "|".join(_WHOLE) + r")(?:_(?:" + "|".join(_WHOLE) + r"))*"
                        r"(?:_PT(?:_(?:" + "|".join(_DIGITS) + r"))+)?_PCT_RATE$")


_TENS = {"TEN": 10, "ELEVEN": 11, "TWELVE": 12, "THIRTEEN": 13, "FOURTEEN": 14, "FIFTEEN": 15, "SIXTEEN": 16,
         "SEVENTEEN": 17, "EIGHTEEN": 18, "NINETEEN": 19, "TWENTY": 20, "THIRTY": 30, "FORTY": 40, "FIFTY": 50,
         "SIXTY": 60, "SEVENTY": 70, "EIGHTY": 80, "NINETY": 90, "HUNDRED": 100}
SECONDS_PER_YEAR = 365 * 24 * 60 * 60


def percent_of_rate_name(name: str) -> Decimal | None:
    """`FOUR_PT_TWO_FIVE_PCT_RATE` -> 4.25, `TWELVE_PCT_RATE` -> 12; None for a name of another form."""
    if not _RATE_NAME.match(name):
        return None
    words = name[: -len("_PCT_RATE")].split("_")
    whole, decimals = (words[:words.index("PT")], words[words.index("PT") + 1:]) if "PT" in words else (words, [])
    number = sum(_DIGITS.index(w) if w in _DIGITS else _TENS[w] for w in whole)
    return Decimal(f"{number}.{''.join(str(_DIGITS.index(w)) for w in decimals)}" if decimals else str(number))


def rate_for(percent: Decimal) -> int:
    """The per-second rate of `percent` a year, in RAY, digit for digit as the spells repository's
    `make rates` computes it: bc at 27 decimals, truncating `l(1 + pct/100)`, its division by the
    seconds of a 365-day year, and `e()` of that (all 193 rates of the archive agree)."""
    from decimal import ROUND_DOWN, localcontext

    with localcontext() as ctx:
        ctx.prec = 90
        step = Decimal(1).scaleb(-27)
        logarithm = (1 + percent / 100).ln().quantize(step, rounding=ROUND_DOWN)
        exponent = (logarithm / SECONDS_PER_YEAR).quantize(step, rounding=ROUND_DOWN)
        return int(exponent.exp().quantize(step, rounding=ROUND_DOWN).scaleb(27))


def variable_findings(variables: list[Variable], rules: SourceRules | None = None) -> list[SourceFinding]:
    """Visibility and mutability of every spell variable, units at their defined values, rate names
    and order, ChainLog reads named by their key (each finding names the line); the `internal` rules
    of units and rates from UNITS_INTERNAL_FROM (rules: today's when not given)."""
    rules = rules or source_rules(TODAY)
    findings: list[SourceFinding] = []
    rates: list[tuple[Variable, int]] = []
    for v in variables:
        where = f"{v.contract}.{v.name}"
        if v.visibility not in ("public", "internal"):
            findings.append(SourceFinding(v.line, f"{where} is declared {v.visibility or 'without a visibility'}: "
                                                  f"declare every spell variable `public` or `internal`"))
        read = _CHAINLOG_READ.match(v.value) if v.value else None
        if v.mutability == "immutable" and not read and not _ARCHIVE_IMMUTABLE.match(f"{v.name} = {v.value}"):
            # Archive spells held MKR_SKY.rate() this way (2024-11 to 2025-04): a call on a contract read
            # from the ChainLog is a warning; an immutable with no ChainLog read at all fails.
            on_chain = "DssExecLib." in v.value
            findings.append(SourceFinding(v.line, f"{where} is `immutable` but not an address read from the ChainLog "
                                                  f"(`DssExecLib.getChangelogAddress(key)`)" +
                                          (": its value is fixed at deployment" if on_chain else
                                           ": use `constant` for a static value"), warning=on_chain))
        elif v.mutability == "" and v.name != "description":
            findings.append(SourceFinding(v.line, f"{where} is a storage variable (neither `constant` nor "
                                                  f"`immutable`); the action runs in the PauseProxy's storage"))
        if read and read["key"] and v.name != read["key"]:
            findings.append(SourceFinding(v.line, f"{where} holds ChainLog key {read['key']}: name the variable "
                                                  f"after its key ({read['key']}) unless an archive pattern names "
                                                  f"it otherwise", warning=True))
        findings += _unit_findings(v, where, rules)
        if v.name.endswith("_PCT_RATE"):
            findings += _rate_name_findings(v, where, rules)
            value = _integer(v.value, {})
            if value is not None:
                rates.append((v, value))
                percent = percent_of_rate_name(v.name)
                if percent is not None and value != rate_for(percent):
                    findings.append(SourceFinding(v.line, f"{where} = {value} is not the rate of {percent}% "
                                                          f"(`make rates pct={percent}`: {rate_for(percent)})"))
    for (previous, low), (current, high) in zip(rates, rates[1:]):
        if high < low:
            findings.append(SourceFinding(current.line, f"{current.name} is smaller than {previous.name} above it: "
                                                        f"define rates from smallest to largest"))
    return findings


def _declared_internal_constant(v: Variable, rules: SourceRules) -> bool:
    """`internal constant`; before UNITS_INTERNAL_FROM the rule did not exist (spells wrote the read-only
    getter `public constant`, or no visibility, which R:323's own finding names)."""
    return not rules.internal_units or v.mutability == "constant" and v.visibility == "internal"


def _unit_findings(v: Variable, where: str, rules: SourceRules) -> list[SourceFinding]:
    if v.name not in UNITS:
        return []
    problems = []
    value = _integer(v.value, UNITS)
    if value != UNITS[v.name]:
        exponent = len(str(UNITS[v.name])) - 1
        problems.append(f"{where} = {v.value or 'nothing'}, not 10 ** {exponent}")
    if not _declared_internal_constant(v, rules):
        problems.append(f"{where}: declare precision and math units `internal constant`"
                        f"{f' (`public constant` was allowed before {UNITS_INTERNAL_FROM})' if rules.internal_units and v.visibility == 'public' else ''}")
    return [SourceFinding(v.line, p) for p in problems]


def _rate_name_findings(v: Variable, where: str, rules: SourceRules) -> list[SourceFinding]:
    problems = []
    if not _RATE_NAME.match(v.name):
        problems.append(f"{where}: a rate is named `X_PT_Y_Z_PCT_RATE` (e.g. ZERO_PT_SEVEN_FIVE_PCT_RATE for 0.75%)")
    if not _declared_internal_constant(v, rules):
        problems.append(f"{where}: declare rates `internal constant`")
    return [SourceFinding(v.line, p) for p in problems]


def _integer(expression: str, names: dict[str, int]) -> int | None:
    """The exact value of an integer constant expression (`10 ** 18`, `1_000`, `WAD * 10 ** 9`), None
    when it is anything else (a call, a cast). Integers only: `1e18` is read as 1 * 10 ** 18."""
    import ast

    text = re.sub(r"\b(\d+)e(\d+)\b", r"(\1 * 10 ** \2)", expression.strip())
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError:
        return None

    def value(node) -> int:
        if isinstance(node, ast.Expression):
            return value(node.body)
        if isinstance(node, ast.Constant) and type(node.value) is int:
            return node.value
        if isinstance(node, ast.Name) and node.id in names:
            return names[node.id]
        if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.FloorDiv, ast.Div, ast.Pow)):
            left, right = value(node.left), value(node.right)
            if isinstance(node.op, ast.Pow):
                if right > 256:
                    raise ValueError("exponent too large")
                return left ** right
            if isinstance(node.op, (ast.Div, ast.FloorDiv)):
                return left // right
            return {ast.Add: left + right, ast.Sub: left - right, ast.Mult: left * right}[type(node.op)]
        raise ValueError("not an integer expression")
    try:
        return value(tree)
    except (ValueError, ZeroDivisionError, KeyError):
        return None


def source_results(source: str, file_name: str, exec_doc_url: str | None = None,
                   chainlog: dict[str, str] | None = None, date: str | None = None) -> list:
    """The findings as verification results: one FAIL per finding naming the line, else one PASS.
    `chainlog`: key -> address of the keys the spell reads (what the chain holds), and `date`, the
    spell's: see review_source."""
    from spellgen.verify.compare import Result

    findings = review_source(source, exec_doc_url, chainlog, date)
    failures = [f for f in findings if not f.warning]
    results = [Result(f"source {file_name}:{f.line}: {f.problem}", "spell", True, f"{file_name}:{f.line}", warning=f.problem)
               for f in findings if f.warning]
    if not failures:
        return [Result("source: comments, date constants, ether notes and variable declarations agree with the code "
                       "and the checklist", "spell", True,
                       f"{file_name}: {len(source.splitlines())} lines read")] + results
    return [Result(f"source {file_name}:{f.line}: {f.problem}", "spell", False, "", f.problem)
            for f in failures] + results
