"""The payments an executive document states, read from its markdown and set against the actions.

Executive documents state each payment, transfer or stream on one line: a bullet
(`- **1,069,250 DAI** will be transferred to the TechOps Core Unit at 0x2dC0...`), a table row under
an `Amount (USDS)` column, a sub-bullet of a stream's parameters (`tot: **838,182,330 SKY**`) or a
sentence. A line counts as a payment when it gives an amount of DAI, USDS, MKR, SKY or SPK, is not a
total (`a total of`, `totaling`) nor money into the surplus buffer, nor a vest's cap or allowance, and it, its parent bullets, the
sentence before its list or its headings speak of a transfer, payment, stream or compensation. The
executive summary and Star Agent proxy spells (their own spells) are skipped. Addresses count as
written in the visible text: a link's target (`[name](https://vote.makerdao.com/address/0x...)`) is
not a recipient.

Matching is exact (Decimal, never float): every such amount must be an action's (with its
recipient, when the line names addresses), and every payment action must be in the document.
Each mismatch is one problem at the YAML action (or at `exec_doc.copy` for a line no action makes),
naming the document's line; checks.py makes it an error outside drafts. Besides the payments, a
`totaling` line of a section must equal what the YAML's actions matched to that section's lines pay
(when each of its lines matched an action: a slip in one line is named at that line), and a stream's `res`
line (`res: 1 (restricted)`) must agree with the action's `restricted`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterator

from spellgen.spellfile.amounts import human
from spellgen.spellfile.diagnostics import Loc
from spellgen.spellfile.model import Spell

TOKENS = ("DAI", "USDS", "MKR", "SKY", "SPK")
_NUMBER = r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?(?:\s+(?P<scale>thousand|million|billion))?"
_AMOUNT = re.compile(r"(?<![\w.,])" + _NUMBER + r"\s+(?P<token>" + "|".join(TOKENS) + r")\b")
_BARE_NUMBER = re.compile(r"^\s*" + _NUMBER + r"\s*$")
_SCALES = {None: 0, "thousand": 3, "million": 6, "billion": 9}
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_URL = re.compile(r"https?://\S+")
_ADDRESS = re.compile(r"(?<![0-9A-Za-z])0x[0-9a-fA-F]{40}(?![0-9A-Za-z])")
_PAYMENT = re.compile(r"\b(transfer\w*|send|sent|pay|paid|payments?|distribut\w*|stream\w*|vest\w*|tot|"
                      r"compensation|reimburse\w*|grants?|funding|budget)\b", re.IGNORECASE)
_TOTAL = re.compile(r"\b(a total of|totall?ing|in total)\b", re.IGNORECASE)
# Money into the protocol (`Mint 8,079,210 USDS debt ... and transfer the amount to the Surplus Buffer`).
_INFLOW = re.compile(r"\bto the surplus buffer\b", re.IGNORECASE)
_SKIPPED = re.compile(r"summary|proxy spell", re.IGNORECASE)
# A vest's rate cap, the PauseProxy's allowance to it, a conversion: amounts that move nothing to a recipient.
_NOT_MOVED = re.compile(r"\b(allowance|rate cap|cap\b.*\bper|convert\w*)\b", re.IGNORECASE)
_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_BULLET = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}")


@dataclass
class DocPayment:
    """One amount a document line gives, with the addresses that line (or its bullet) names."""

    line: int
    amount: Decimal
    token: str
    addresses: list[str]  # lowercase
    text: str
    borrowed: bool = False  # the addresses are those of the line's bullet, not of the line itself
    heading: str = ""  # the innermost heading above the line (the title's excluded)
    section: int = 0  # the line of the heading it is under (0: none)
    restricted: bool | None = None  # a stream's `res` line in the same bullet: 1 restricted, 0 not

    def describe(self) -> str:
        to = f" to {', '.join(self.addresses)}" if self.addresses else ""
        return f"{human(self.amount)} {self.token}{to}"


@dataclass
class DocTotal:
    """A `totaling` (or `a total of`) amount the document states for a section's payments."""

    line: int
    amount: Decimal
    token: str
    section: int  # the line of the heading it is under


@dataclass
class _Payment:
    """A YAML action that moves tokens to a recipient."""

    loc: Loc
    amount_loc: Loc
    to_loc: Loc
    kind: str
    label: str
    address: str  # lowercase
    amounts: tuple[Decimal, ...]  # as declared, and as paid when rounding changes it
    token: str
    restricted: bool | None = None
    matched: bool = field(default=False)

    def describe(self) -> str:
        return f"{human(self.amounts[0])} {self.token} to {self.label}"


def visible(text: str) -> str:
    """The text a reader sees: link targets, bare URLs, bold and code marks removed."""
    text = _LINK.sub(r"\1", text)
    text = _URL.sub(" ", text)
    return text.replace("**", "").replace("__", "").replace("`", "")


def _amount(match: re.Match) -> Decimal:
    """Exact: built from the digits (Decimal arithmetic would round past 28 digits)."""
    whole, frac = match["int"].replace(",", ""), match["frac"] or ""
    return Decimal(f"{whole}{frac}E{_SCALES[match['scale']] - len(frac)}")


def _addresses(text: str) -> list[str]:
    return list(dict.fromkeys(a.lower() for a in _ADDRESS.findall(text)))


_RES = re.compile(r"\bres\b\W*(?P<value>[01])\b")


def doc_payments(markdown: str) -> list[DocPayment]:
    """Every amount the document gives for a payment, transfer or stream, in line order."""
    return _read(markdown).out


def doc_totals(markdown: str) -> list[DocTotal]:
    """Every `totaling` amount the document states under a section heading, in line order."""
    return _read(markdown).totals


def _read(markdown: str) -> _Reader:
    reader = _Reader()
    for number, line in enumerate(markdown.splitlines(), 1):
        reader.feed(number, line)
    reader._close_block()
    return reader


class _Reader:
    """One pass over the lines, keeping the headings, the open bullet list and the last sentence."""

    def __init__(self) -> None:
        self.out: list[DocPayment] = []
        self.totals: list[DocTotal] = []
        self.section = 0  # the line of the current heading
        self.headings: list[tuple[int, str]] = []
        self.bullets: list[tuple[int, str]] = []  # (indent, visible text) of the open bullets
        self.block: list[str] = []  # visible text of the whole top-level bullet
        self.block_items: list[DocPayment] = []  # its lines' payments without an address of their own
        self.block_payments: list[DocPayment] = []  # all its lines' payments
        self.sentence = ""  # the last paragraph line before a list or table
        self.table_token: dict[int, str] = {}  # column -> token, from the table's header
        self.table_header: list[str] | None = None
        self.front_matter = False

    def feed(self, number: int, raw: str) -> None:
        if number == 1 and raw.strip() == "---":
            self.front_matter = True
            return
        if self.front_matter:
            self.front_matter = raw.strip() != "---"
            return
        text = visible(raw)
        if match := _HEADING.match(raw):
            self._close_block()
            level = len(match[1])
            self.headings = [h for h in self.headings if h[0] < level] + [(level, visible(match[2]))]
            self.section = number
            self.sentence, self.table_header = "", None
        elif raw.lstrip().startswith("|"):
            self._close_block()
            self._table_row(number, raw)
        elif match := _BULLET.match(raw):
            indent = len(match[1])
            if not self.bullets or indent <= self.bullets[0][0]:
                self._close_block()
            self.bullets = [b for b in self.bullets if b[0] < indent] + [(indent, visible(match[2]))]
            self.block.append(text)
            self._line(number, text, [b[1] for b in self.bullets[:-1]], in_block=True)
        elif not raw.strip():
            if not self.bullets:
                self.table_header = None
        elif self.bullets and raw.startswith((" ", "\t")):
            self.block.append(text)  # a continuation of the bullet
            self._line(number, text, [b[1] for b in self.bullets], in_block=True)
        else:
            self._close_block()
            self.table_header = None
            self._line(number, text, [])
            self.sentence = text

    def _skipped(self) -> bool:
        # The title (level 1) lists every part of the proposal; sections below it are what counts.
        return any(level > 1 and _SKIPPED.search(title) for level, title in self.headings)

    def heading(self) -> str:
        below_title = [title for level, title in self.headings if level > 1]
        return below_title[-1] if below_title else ""

    def _context(self, parents: list[str]) -> str:
        return " ".join([t for level, t in self.headings if level > 1] + [self.sentence] + parents)

    def _line(self, number: int, text: str, parents: list[str], in_block: bool = False) -> None:
        if self._skipped() or _INFLOW.search(text) or _NOT_MOVED.search(text):
            return
        if _TOTAL.search(text):
            self.totals += [DocTotal(number, _amount(m), m["token"], self.section) for m in _AMOUNT.finditer(text)]
            return
        amounts = list(_AMOUNT.finditer(text))
        if not amounts or not _PAYMENT.search(text + " " + self._context(parents)):
            return
        addresses = _addresses(text)
        for match in amounts:
            item = DocPayment(number, _amount(match), match["token"], addresses, text.strip(), section=self.section,
                              heading=self.heading())
            self.out.append(item)
            if in_block:
                self.block_payments.append(item)
            if in_block and not addresses:
                self.block_items.append(item)

    def _close_block(self) -> None:
        """A sub-bullet such as `tot: 838,182,330 SKY` takes the addresses its bullet names elsewhere."""
        if self.block_items:
            addresses = _addresses(" ".join(self.block))
            for item in self.block_items:
                item.addresses, item.borrowed = addresses, True
        # A stream's parameters as sub-bullets: `res: 1 (restricted)` says how its `tot` is claimed.
        res = [m["value"] for line in self.block if (m := _RES.search(line))]
        if len(res) == 1 and len(self.block_payments) == 1:
            self.block_payments[0].restricted = res[0] == "1"
        self.bullets, self.block, self.block_items, self.block_payments = [], [], [], []

    def _table_row(self, number: int, raw: str) -> None:
        cells = [c.strip() for c in raw.strip().strip("|").split("|")]
        if _TABLE_RULE.match(raw):
            return
        if self.table_header is None:
            self.table_header = cells
            self.table_token = {i: t for i, cell in enumerate(cells) for t in TOKENS
                                if re.search(rf"\b{t}\b", visible(cell))}
            return
        if self._skipped():
            return
        text = visible(raw)
        if not self.table_token and not _PAYMENT.search(text + " " + self._context([])):
            return
        addresses = _addresses(text)
        for i, cell in enumerate(cells):
            shown = visible(cell)
            if i in self.table_token and (match := _BARE_NUMBER.match(shown)):
                self.out.append(DocPayment(number, _amount(match), self.table_token[i], addresses, text.strip(),
                                           section=self.section, heading=self.heading()))
                continue
            for match in _AMOUNT.finditer(shown):
                self.out.append(DocPayment(number, _amount(match), match["token"], addresses, text.strip(),
                                           section=self.section, heading=self.heading()))


def _payments(spell: Spell) -> list[_Payment]:
    """What each action says the document must state (spellfile/actions/: `doc_claims`)."""
    return [_Payment(action.loc(), action.loc(claim.amount_field), action.loc("to"), action.KIND, claim.label,
                     claim.address, claim.amounts, claim.token, claim.restricted)
            for action in spell.actions for claim in action.doc_claims()]


def cross_check(spell: Spell, markdown: str, doc_name: str) -> list[tuple[Loc, str]]:
    """Problems where the document's payments and the YAML's actions differ, each naming both sides."""
    actions = _payments(spell)
    reader = _read(markdown)
    items = reader.out
    taken = {id(item): action for item in items if (action := _take(actions, item)) is not None}
    matched = [item for item in items if id(item) in taken]
    left = [item for item in items if item not in matched]
    warnings: list[tuple[Loc, str]] = []
    for action in [a for a in actions if not a.matched]:
        near = next((i for i in left if action.address in i.addresses), None)
        if near is not None:
            left.remove(near)
            warnings.append((action.amount_loc, f"the executive document ({doc_name}:{near.line}) gives "
                                                f"{near.describe()}; this action moves {action.describe()}"))
            continue
        near = next((i for i in left if i.token == action.token and i.amount in action.amounts), None)
        if near is not None:
            left.remove(near)
            warnings.append((action.to_loc, f"the executive document ({doc_name}:{near.line}) gives "
                                            f"{near.describe()}; this action pays {action.describe()} "
                                            f"({action.address})"))
            continue
        warnings.append((action.loc, f"this action ({action.describe()}) is not in the executive document "
                                     f"{doc_name}"))
    copy_loc = spell.loc("exec_doc.copy")
    for item in left:
        warnings.append((copy_loc, f"the executive document ({doc_name}:{item.line}) gives {item.describe()}, "
                                   "which no action of this YAML pays, transfers or streams"))
    recipients = {a.address for a in actions} | {party.address.lower() for action in spell.actions
                                                 for field, party in action.parties() if field == "manager"}
    for item in matched:
        if not item.borrowed:
            for address in item.addresses:
                if address not in recipients:
                    warnings.append((copy_loc, f"the executive document ({doc_name}:{item.line}) names {address} "
                                               "for a payment, and no action of this YAML pays it"))
        action = taken[id(item)]
        if item.restricted is not None and action.restricted is not None and item.restricted != action.restricted:
            said = "restricted (res 1)" if item.restricted else "unrestricted (res 0)"
            warnings.append((action.loc, f"the executive document ({doc_name}:{item.line}) gives a stream "
                                         f"{said}; this action's award is {'' if action.restricted else 'un'}"
                                         "restricted"))
    warnings += _totals(reader, taken, copy_loc, doc_name)
    warnings += _yanks(spell, markdown, copy_loc, doc_name)
    return list(dict.fromkeys(warnings))



def body_lines(markdown: str) -> Iterator[tuple[int, str, str, bool]]:
    """Each line of a document after its front matter, headings left out: (line number, raw text, the
    innermost heading below the title, whether it lies in the summary or a proxy spell's section, which
    the readers skip). For readers that judge a line on its own (yanks, the importer's leftovers)."""
    headings: list[tuple[int, str]] = []
    front = False
    for number, raw in enumerate(markdown.splitlines(), 1):
        if number == 1 and raw.strip() == "---" or front:
            front = not (front and raw.strip() == "---")
            continue
        if match := _HEADING.match(raw):
            level = len(match[1])
            headings = [h for h in headings if h[0] < level] + [(level, visible(match[2]))]
            continue
        below_title = [title for level, title in headings if level > 1]
        yield number, raw, below_title[-1] if below_title else "", any(_SKIPPED.search(t) for t in below_title)

_YANK = re.compile(r"\byank\w*\b", re.IGNORECASE)
_VEST_KEY = re.compile(r"\bMCD_VEST_[A-Z0-9_]+\b")
_AWARD_ID = re.compile(r"\b(?:id|ids|award)\b\D{0,12}?(\d+)", re.IGNORECASE)


def doc_yanks(markdown: str) -> list[tuple[int, str, int]]:
    """(line, vest key, award id) of each yank a document line states with its vest's chainlog key and the
    award's id (`yank MCD_VEST_SKY_TREASURY stream with id of 9`), outside the summary and proxy spells."""
    out = []
    for number, raw, _, skipped in body_lines(markdown):
        text = visible(raw)
        if skipped or not _YANK.search(text):
            continue
        keys, ids = _VEST_KEY.findall(text), _AWARD_ID.findall(text)
        if len(set(keys)) == 1 and ids:
            out += [(number, keys[0], int(award)) for award in ids]
    return out


def _yanks(spell: Spell, markdown: str, copy_loc: Loc, doc_name: str) -> list[tuple[Loc, str]]:
    """The awards the YAML yanks against those the document's yank lines name (vest key and id). Judged
    only when the document states at least one yank so (older documents word yanks without ids)."""
    stated = doc_yanks(markdown)
    if not stated:
        return []
    yanked = {(a.yanked_vest(), getattr(a, "id", None)): a for a in spell.actions if a.yanked_vest() is not None}
    out = []
    for vest_id, action in yanked.items():
        if not any((vest, award) == vest_id for _, vest, award in stated):
            out.append((action.loc("id"), f"this yank of award {vest_id[1]} on {vest_id[0]} is not in the executive "
                                          f"document {doc_name}, whose yank lines name "
                                          + ", ".join(f"award {a} on {v} (line {n})" for n, v, a in stated)))
    for number, vest, award in stated:
        if (vest, award) not in yanked:
            out.append((copy_loc, f"the executive document ({doc_name}:{number}) yanks award {award} on {vest}, "
                                  "which no action of this YAML yanks"))
    return out


def _totals(reader: _Reader, taken: dict[int, _Payment], copy_loc: Loc, doc_name: str) -> list[tuple[Loc, str]]:
    """Each section's `totaling` line against what the YAML's actions matched to that section's lines pay.
    Judged when every line of the section matched an action (else that line is the problem, named once);
    a section whose lines name no payment, the summary's, is not judged here: `expect:` states those."""
    out = []
    for total in reader.totals:
        lines = [item for item in reader.out if item.section == total.section and item.token == total.token]
        if not lines:
            continue
        if any(id(item) not in taken for item in lines):
            continue  # a line no action matches is its own problem, named at the action or the copy
        # What each action pays: the last of its amounts (a `round_up` payment's whole amount, not its declared one).
        paid = sum((taken[id(item)].amounts[-1] for item in lines), Decimal(0))
        if paid != total.amount:
            out.append((copy_loc, f"the executive document ({doc_name}:{total.line}) states a total of "
                                  f"{human(total.amount)} {total.token}; the actions matched to its section's "
                                  f"{len(lines)} line(s) pay {human(paid)} {total.token}"))
    return out


def _take(actions: list[_Payment], item: DocPayment) -> _Payment | None:
    """Mark the first unmatched action the item describes (amount, token, and recipient when named)."""
    for action in actions:
        if action.matched or action.token != item.token or item.amount not in action.amounts:
            continue
        if item.addresses and action.address not in item.addresses:
            continue
        action.matched = True
        return action
    return None


def doc_lines_of(spell: Spell, markdown: str) -> dict[str, list[int]]:
    """YAML path of each action -> the document's lines that state what it pays, transfers or streams
    (the same matching as `cross_check`: token, exact amount, and the recipient when the line names one)."""
    items = doc_payments(markdown)
    taken: set[int] = set()
    out: dict[str, list[int]] = {}
    for action in spell.actions:
        for claim in action.doc_claims():
            for n, item in enumerate(items):
                if n in taken or item.token != claim.token or item.amount not in claim.amounts:
                    continue
                if item.addresses and claim.address not in item.addresses:
                    continue
                taken.add(n)
                out.setdefault(action.path, []).append(item.line)
                break
    return out
