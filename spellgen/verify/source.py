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

from spellgen.spec.address import to_checksum
from spellgen.spec.links import NOUNS, label_of

MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
TOKENS = ("DAI", "MKR", "USDS", "SKY", "SPK")
_DATE_CONSTANT = re.compile(
    r"\b(?P<name>(?P<mon>" + "|".join(MONTHS) + r")_(?P<day>\d{2})_(?P<year>\d{4})(?:_(?P<hms>\d{6}))?)\s*="
    r"\s*(?P<value>\d+)\s*;")
_ADDRESS_CONSTANT = re.compile(r"\baddress\s+(?:internal\s+|public\s+|private\s+)?constant\s+(\w+)\s*=\s*"
                               r"(?:address\()?(0x[0-9a-fA-F]{40})\)?\s*;")
_ETHER_AMOUNT = re.compile(r"(?<![\w.])(\d[\d_]*(?:\.\d+)?)\s+ether\b")
_ETHER_NOTE = re.compile(r"//.*\bNote\b.*\bether\b", re.IGNORECASE)
_COMMENT_AMOUNT = re.compile(r"(?<![\w.])(\d[\d,_]*(?:\.\d+)?)\s*(" + "|".join(TOKENS) + r")\b")
_COMMENT_ADDRESS = re.compile(r"0x[0-9a-fA-F]{40}\b")
_COMMENT_ID = re.compile(r"\bID\s+(\d+)\b", re.IGNORECASE)
# `// Hash: cast keccak -- "$(wget 'URL' -q -O - 2>/dev/null)"` (2022 spells: seth, the URL unquoted).
_HASH_COMMENT = re.compile(r"//\s*Hash:\s*(?:cast|seth)\s+keccak\s+--\s+\"\$\(wget\s+'?(?P<url>[^'\s\"]+)")
_DESCRIPTION = re.compile(r"\bstring\s+public\s+constant\s+override\s+description\b")
_LINK_LINE = re.compile(r"^\s*//\s*(" + "|".join(NOUNS) + r"):\s*(\S+)")
_BUDGET_CALL = re.compile(r"\b(transfer|approve|create|yank|sendPaymentFromSurplusBuffer|_transferUsds|"
                          r"_transferSky|daiToUsds|mkrToSky|exit|suck|restrict|setValue|file)\s*\(")


@dataclass(frozen=True)
class SourceFinding:
    line: int
    problem: str


def review_source(source: str, exec_doc_url: str | None = None) -> list[SourceFinding]:
    """Every comment or name the code contradicts, in line order; with the YAML's executive document
    URL, also a hash comment that names another document or is missing."""
    lines = source.splitlines()
    code = [_strip_comment(line) for line in lines]
    findings = _date_constants(source)
    if exec_doc_url:
        findings += _hash_comment(lines, exec_doc_url)
    findings += _ether_lines(lines, code)
    findings += _link_lines(lines)
    findings += _comments_against_statements(lines, code, _address_constants(source))
    return sorted(findings, key=lambda f: (f.line, f.problem))


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


def _ether_lines(lines: list[str], code: list[str]) -> list[SourceFinding]:
    """`257.31 ether` for a token amount: the note must say so, and amounts carry two decimals."""
    findings = []
    for number, (line, body) in enumerate(zip(lines, code), 1):
        amounts = _ETHER_AMOUNT.findall(body)
        if not amounts or "constant" in body and "uint256" not in body:
            continue
        if not _ETHER_NOTE.search(line):
            findings.append(SourceFinding(number, "`ether` used for a token amount without the same-line note "
                                                  "`// Note: ether is a keyword that represents 10**18, not the ETH token`"))
        for amount in amounts:
            decimals = amount.split(".", 1)[1] if "." in amount else ""
            if 0 < len(decimals) < 2:
                findings.append(SourceFinding(number, f"{amount} ether: write token amounts with two decimals "
                                                      f"({amount}0 ether)"))
    return findings


# A link line of the spells before 2023-03-29: the bare URL, `// https://...` (spec/style.py).
_BARE_LINK_LINE = re.compile(r"^\s*//\s*(https?://\S+)")


def _link_lines(lines: list[str]) -> list[SourceFinding]:
    """`// Forum: https://...` lines: https, and the prefix the URL's host implies (spec/links.py).
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
        elif url.lower().startswith("https://") and label_of(url) not in (None, label):
            findings.append(SourceFinding(number, f"{url} links to {NOUNS[label_of(url)]}, not to {NOUNS[label]}: "
                                                  f"prefix it `// {label_of(url)}:`"))
    return findings


def _address_constants(source: str) -> dict[str, str]:
    return {name: to_checksum(address) for name, address in _ADDRESS_CONSTANT.findall(source)}


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
    texts, number = [], first - 1
    while number >= 1 and lines[number - 1].strip().startswith("//"):
        texts.insert(0, lines[number - 1].strip().lstrip("/").strip())
        number -= 1
    return number + 1, " ".join(texts)


def _numbers_in_code(text: str) -> set[Decimal]:
    found = set()
    for raw in re.findall(r"(?<![\w.])\d[\d_]*(?:\.\d+)?", text):
        found.add(Decimal(raw.replace("_", "")))
    return found


def _comments_against_statements(lines: list[str], code: list[str], names: dict[str, str]) -> list[SourceFinding]:
    findings = []
    for first, _last, text in _statements(code):
        if not _BUDGET_CALL.search(text):
            continue
        at, comment = _comment_above(lines, first)
        if not comment:
            continue
        # The amount is read from the comment line nearest the statement that states one (the
        # house style's "NAME - AMOUNT TOKEN - 0x..." line); lines above it are context.
        nearest = next(((number, lines[number - 1]) for number in range(first - 1, at - 1, -1)
                        if _COMMENT_AMOUNT.search(lines[number - 1])), None)
        if nearest:
            findings += _amounts_agree(nearest[0], nearest[1].strip().lstrip("/").strip(), text)
        findings += _addresses_agree(at, comment, text, names)
        findings += _ids_agree(at, comment, text)
    return findings


def _amounts_agree(line: int, comment: str, statement: str) -> list[SourceFinding]:
    """The comment's first token amount is what the code below moves; later figures are context
    (a conversion's MKR, a breakdown by vesting date). A rounded payment may state both figures."""
    numbers = _numbers_in_code(statement)
    stated = [(raw, token, Decimal(raw.replace(",", "").replace("_", "")))
              for raw, token in _COMMENT_AMOUNT.findall(comment)]
    if not numbers or not stated:
        return []  # the amount comes from a constant or a call: nothing literal to compare
    raw, token, first = stated[0]
    if first in numbers:
        return []
    if "round" in comment.lower() and any(value in numbers for _, _, value in stated[1:]):
        return []  # "348,452.30 DAI rounded up to 348,453 DAI"
    return [SourceFinding(line, f"the comment says {raw} {token}, the code below does not "
                                f"(its amounts: {', '.join(_show(n) for n in sorted(numbers))})")]


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


def source_results(source: str, file_name: str, exec_doc_url: str | None = None) -> list:
    """The findings as verification results: one FAIL per finding naming the line, else one PASS."""
    from spellgen.verify.compare import Result

    findings = review_source(source, exec_doc_url)
    if not findings:
        return [Result("source: comments, date constants and ether notes agree with the code", "spell", True,
                       f"{file_name}: {len(source.splitlines())} lines read")]
    return [Result(f"source {file_name}:{f.line}: {f.problem}", "spell", False, "", f.problem) for f in findings]
