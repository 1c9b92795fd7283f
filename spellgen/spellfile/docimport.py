"""A draft spell YAML from an executive document's money lines (`spellgen import DOC.md`).

A reviewer can start from the document instead of retyping it: every payment or transfer line the
document reader (execdoc_items.py) finds becomes an action of the kind that pays that token from a
document line (a kind's `DRAFTS`), its recipient named as the wallet registry or the ChainLog of the
document's date names the address, grouped under the document's headings with their forum, poll and
Atlas links. What the importer cannot state exactly (a stream's terms, a yank, an allowance, a cap,
an allocator payment, a line naming no or several addresses) is never guessed: it is listed, with
its line, in the draft's closing comment and in the returned `unread`, and `spellgen import` says so.
The draft is a `draft: true` spell whose `exec_doc.copy` is the document, so `check` compares the two.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from spellgen.errors import InvalidInput
from spellgen.spellfile import history
from spellgen.spellfile.actions import REGISTRY
from spellgen.spellfile.address import to_checksum
from spellgen.spellfile.amounts import human
from spellgen.spellfile.execdoc import MONTHS, document_hashes
from spellgen.spellfile.execdoc_items import DocPayment, body_lines, doc_payments, visible
from spellgen.spellfile.links import label_of
from spellgen.spellfile.parse import LINK_LABELS

_FRONT_DATE = re.compile(r"^date:\s*[\"']?(\d{4}-\d{2}-\d{2})")
_ISO_IN_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")
_SPOKEN_IN_NAME = re.compile(r"(?P<month>[A-Z][a-z]+) (?P<day>\d{1,2}), (?P<year>\d{4})")
# An amount the spell computes at the cast ("42,917 DAI minus what award 24 has accrued").
_COMPUTED = re.compile(r"\b(accrued|unpaid|minus|balance)\b", re.IGNORECASE)
_STREAM_WORDS = re.compile(r"\b(stream\w*|tot|usr|bgn|tau|vestBgn|vestTau|cliff)\b", re.IGNORECASE)
_MONEY_WORDS = re.compile(r"\b(yank\w*|allowance|stream\w*|vest\w*|cap|mint\w*|burn\w*)\b", re.IGNORECASE)
# Budget operations a line may state without an amount (`yank` award 8, set the allowance, a new stream).
_OPERATION = re.compile(r"\b(yank\w*|allowance|stream\w*|distribute\(\))", re.IGNORECASE)
_TOKEN_AMOUNT = re.compile(r"\d[\d,]*(?:\.\d+)?(?:\s+(?:thousand|million|billion))?\s+(?:DAI|USDS|MKR|SKY|SPK)\b")
_URL = re.compile(r"\((https://[^)\s]+)\)|(?<![(\w])(https://\S+)")
_LINK_LINE = re.compile(r"\b(authori[sz]ation|proposal|forum|poll|atlas|mip|executive vote)\b", re.IGNORECASE)


class DocumentUndated(InvalidInput, ValueError):
    """The document states no date spellgen can read (exit 2): pass --date."""


@dataclass(frozen=True)
class Unread:
    """A document line the draft does not state, and why."""

    line: int
    text: str
    why: str


@dataclass
class _Section:
    title: str
    links: dict[str, str] = field(default_factory=dict)  # YAML link key -> URL
    actions: list[list[str]] = field(default_factory=list)  # each action's `key: value` fields


@dataclass
class Draft:
    text: str  # the YAML
    date: str
    actions: int
    unread: list[Unread]


def document_date(markdown: str, name: str) -> str | None:
    """The date of the vote: the front matter's `date:`, else a date in the file name."""
    for line in markdown.splitlines()[:20]:
        if match := _FRONT_DATE.match(line.strip()):
            return match[1]
    if match := _ISO_IN_NAME.search(name):
        return match[1]
    if (match := _SPOKEN_IN_NAME.search(name)) and match["month"] in MONTHS:
        return date(int(match["year"]), MONTHS.index(match["month"]) + 1, int(match["day"])).isoformat()
    return None


def draft_from_document(markdown: str, name: str, copy_path: str, day: str | None = None) -> Draft:
    """The draft YAML of the document `name` (its text `markdown`), `copy_path` as its exec_doc.copy."""
    day = day or document_date(markdown, name)
    if day is None:
        raise DocumentUndated(f"{name}: the document states no date (no front matter `date:` and none in its "
                              "file name); pass --date YYYY-MM-DD")
    kinds = {token: kind for kind, cls in REGISTRY.items() for token in getattr(cls, "DRAFTS", ())}
    names = _names_at(day)
    sections: dict[str, _Section] = {}
    wallets: dict[str, str] = {}
    unread: list[Unread] = []
    used: set[int] = set()
    for payment in doc_payments(markdown):
        used.add(payment.line)
        why = _why_not(payment, kinds)
        if why:
            unread.append(Unread(payment.line, payment.text, why))
            continue
        to = _recipient(payment.addresses[0], names, wallets)
        section = sections.setdefault(payment.heading, _Section(payment.heading or "Payments"))
        section.actions.append([f"type: {kinds[payment.token]}", f"to: {to}", f"amount: {_amount(payment.amount)}"])
    unread += _other_money_lines(markdown, used)
    _add_links(markdown, sections)
    unread.sort(key=lambda u: u.line)
    text = _yaml(day, name, copy_path, markdown, wallets, list(sections.values()), unread)
    return Draft(text, day, sum(len(s.actions) for s in sections.values()), unread)


def _names_at(day: str) -> dict[str, tuple[str, str]]:
    """address (lower) -> ("wallet", name) or ("chainlog", key) at `day`; the registry first."""
    out: dict[str, tuple[str, str]] = {}
    for key, address in history.chainlog_at(day).items():
        out.setdefault(address.lower(), ("chainlog", key))
    for wallet, address in history.wallets_at(day).items():
        out[address.lower()] = ("wallet", wallet)
    return out


def _why_not(payment: DocPayment, kinds: dict[str, str]) -> str:
    """Why a payment line cannot become an action exactly ("" when it can)."""
    if payment.token not in kinds:
        return f"no action kind pays {payment.token} as a document line states it; state it by hand"
    if _COMPUTED.search(payment.text):
        return "an amount computed at the cast (accrued, unpaid, a balance): state it by hand"
    if payment.borrowed or _STREAM_WORDS.search(payment.text):
        return "a stream or its parameter: state the stream (vest, to, total, start, end, cliff) by hand"
    if len(payment.addresses) != 1:
        count = "no address" if not payment.addresses else f"{len(payment.addresses)} addresses"
        return f"the line names {count}, so its recipient is not read; state the action by hand"
    return ""


def _recipient(address: str, names: dict[str, tuple[str, str]], wallets: dict[str, str]) -> str:
    checksummed = to_checksum(address)
    how, name = names.get(address.lower(), ("", ""))
    if how == "wallet":
        wallets[name] = checksummed
        return name
    if how == "chainlog":
        return f"{{chainlog: {name}, address: {checksummed}}}"
    return checksummed


def _amount(amount: Decimal) -> str:
    return human(amount).replace(",", "_")


def _other_money_lines(markdown: str, used: set[int]) -> list[Unread]:
    """Lines outside the summary and proxy spells that speak of money or vests but became no payment."""
    out: list[Unread] = []
    for number, raw, _, skipped in body_lines(markdown):
        text = visible(raw).strip()
        if number in used or skipped or not text or _LINK_LINE.match(text.lstrip("-* ")):
            continue
        if _TOKEN_AMOUNT.search(text) and _MONEY_WORDS.search(text) or _OPERATION.search(text):
            out.append(Unread(number, text, "a money line the importer does not draft (a stream, yank, "
                                            "allowance, cap, mint or burn); state it by hand"))
    return out


def _add_links(markdown: str, sections: dict[str, _Section]) -> None:
    """Each section's forum, poll, Atlas and MIP links, from its `Authorization`/`Proposal` lines."""
    keys = {label: key for key, label in LINK_LABELS.items()}
    for _, raw, heading, _ in body_lines(markdown):
        section = sections.get(heading)
        if section is None or not _LINK_LINE.search(visible(raw).split(":")[0]):
            continue
        for found in _URL.finditer(raw):
            url = found[1] or found[2]
            key = keys.get(label_of(url) or "")
            if key and key not in section.links:
                section.links[key] = url


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _yaml(day: str, name: str, copy_path: str, markdown: str, wallets: dict[str, str], sections: list[_Section],
          unread: list[Unread]) -> str:
    digest = document_hashes(markdown.encode()).trimmed
    lines = [
        "# yaml-language-server: $schema=../schema/spell.schema.json",
        "#",
        f"# Drafted by `spellgen import` from {name}: the payment and transfer lines the document states",
        "# on one line each. Read every action against the document; what the importer did not state is",
        "# listed at the end. `draft: true` until the spell is for a vote; office_hours is not in the",
        "# document's money lines: confirm it.",
        "spellgen: 1",
        "",
        "spell:",
        f"  date: {day}",
        f"  description: {_quote(f'{day} MakerDAO Executive Spell | Hash: {digest}')}",
        f"  exec_doc: {{copy: {_quote(copy_path)}}}",
        "  draft: true",
        "  office_hours: true",
        "",
    ]
    if wallets:
        lines += ["wallets:"] + [f"  {n}: {a}" for n, a in wallets.items()] + [""]
    lines.append("sections:" if sections else "sections: []")
    for section in sections:
        lines.append(f"  - title: {_quote(section.title)}")
        if section.links:
            lines.append("    links:")
            lines += [f"      {key}: {_quote(url)}" for key, url in section.links.items()]
        lines.append("    actions:")
        lines += [f"      - {{{', '.join(fields)}}}" for fields in section.actions]
        lines.append("")
    if unread:
        lines += ["# Not stated by this draft (line of the document: why):"]
        lines += [f"#   line {u.line}: {u.why}: {u.text[:120]}" for u in unread]
    return "\n".join(lines).rstrip("\n") + "\n"
