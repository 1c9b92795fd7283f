"""Turn the YAML node tree of a spell file into the model, reporting every problem with its place.

Only shape and single-value problems are found here (types, unknown keys, amounts, dates,
addresses, names). Relations between values (periods, caps, totals) are `checks.py`'s job.
"""
from __future__ import annotations

import difflib
import re
from decimal import Decimal
from pathlib import Path

from spellgen.spellfile import amounts
from spellgen.spellfile import execdoc
from spellgen.spellfile import timeutil
from spellgen.spellfile.address import AddressError, looks_like_address, parse_address
from spellgen.spellfile.diagnostics import Diagnostics, InputError, Loc
from spellgen.spellfile.actions import REGISTRY
from spellgen.spellfile.model import Action, Condition, ExecDoc, Expect, Party, Section, Spell
from spellgen.spellfile.protocol import UINT48_MAX, VESTS, Cap
from spellgen.spellfile.history import MAINNET
from spellgen.spellfile.solidity import DATE_CONSTANT, TEMPLATE_NAMES, identifier_problem, string_literal_problem, text_problem
from spellgen.spellfile.source import YNode, read_file

FORMAT_VERSION = 1
SOLC_TARGETS = ("0.8.16", "0.6.12")
DEFAULT_SOLC = "0.8.16"
DEFAULT_EXPIRY = 30 * timeutil.DAY

TOP_KEYS = {"spellgen": False, "spell": True, "wallets": False, "sections": True, "expect": False,
            "vest_caps": False, "simulation": False}
SPELL_KEYS = {"date": True, "description": True, "office_hours": True, "expiry": False, "solc": False,
              "exec_doc": False, "draft": False}
EXEC_DOC_KEYS = {"url": False, "copy": False}
SECTION_KEYS = {"title": True, "links": False, "condition": False, "actions": True}
CONDITION_KEYS = {"earlier_spell": True, "runs_if": True, "name": False}
RUNS_IF = ("not_cast", "cast")
LINK_LABELS = {"forum": "Forum", "poll": "Poll", "mip": "MIP", "atlas": "Atlas", "executive_vote": "Executive Vote"}
ACTION_KEYS: dict[str, dict[str, bool]] = {kind: cls.FIELDS for kind, cls in REGISTRY.items()}
EXPECT_KEYS = {"dai_paid": False, "mkr_transferred": False, "usds_paid": False, "sky_transferred": False,
               "streams": False, "streamed": False}
PARTY_KEYS = {"chainlog": True, "address": True}
CHAINLOG_KEY = re.compile(r"^[A-Z][A-Z0-9_]{0,31}$")
CAP_KEYS = {"amount": True, "per": True}
SIMULATION_KEYS = {"pause_delay": False}
NONE_WORDS = ("none", "null", "~", "")


def _suggest(word: str, options: list[str]) -> str:
    """`; did you mean 'X'?` only for a plausible typo of X; otherwise the list of what is allowed.

    A wrong suggestion is worse than none: MCD_VEST_SKY must never be offered MCD_VEST_MKR, nor
    usds_payment dai_payment. So each part between underscores may differ by one slip at most
    (a letter added, dropped, changed or two swapped), and a token symbol must stay the same.
    """
    close = [c for c in difflib.get_close_matches(word, options, n=3) if _is_typo_of(word, c)]
    return f"; did you mean {close[0]!r}?" if close else f"; expected one of: {', '.join(options)}"


TOKEN_SYMBOLS = ("DAI", "MKR", "USDS", "SKY", "SPK")


def _is_typo_of(word: str, candidate: str) -> bool:
    if len(word) >= 3 and candidate.startswith(word) and "_" not in candidate[len(word):]:
        return True  # cut short: `0.8` for `0.8.16`
    parts, wanted = word.upper().split("_"), candidate.upper().split("_")
    if len(parts) != len(wanted):
        return _slips(word.upper(), candidate.upper()) <= 1
    for part, want in zip(parts, wanted):
        if part != want and (part in TOKEN_SYMBOLS or want in TOKEN_SYMBOLS and _slips(part, want) > 1):
            return False
        if _slips(part, want) > 1:
            return False
    return True


def _slips(a: str, b: str) -> int:
    """Edit distance counting a swap of two neighbouring letters as one slip (Damerau's)."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i]
        for j, cb in enumerate(b, 1):
            cost = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (ca != cb))
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            row.append(cost)
        previous2, previous = previous, row
    return previous[-1]


class Reader:
    """Typed access to YAML nodes; each getter reports a located error and returns None on failure."""

    def __init__(self, diags: Diagnostics):
        self.diags = diags

    def error(self, loc: Loc, message: str) -> None:
        self.diags.error(loc, message)

    # -- structure ---------------------------------------------------------------------------
    def mapping(self, node: YNode, keys: dict[str, bool], what: str) -> bool:
        """True when node is a mapping; reports unknown and missing keys."""
        if node.kind != "map":
            self.error(node.loc, f"{what} must be a mapping of fields, got {node.describe()}")
            return False
        for key, key_loc in node.key_locs.items():
            if key not in keys:
                self.error(key_loc, f"unknown field {key!r} in {what}{_suggest(key, list(keys))}")
        for key, required in keys.items():
            if required and key not in node.entries:
                self.error(node.loc, f"{what} needs the field {key!r}")
        return True

    def seq(self, node: YNode, what: str) -> list[YNode]:
        if node.kind != "seq":
            self.error(node.loc, f"{what} must be a list, got {node.describe()}")
            return []
        return node.items

    def scalar(self, node: YNode, what: str) -> str | None:
        if node.kind != "scalar" or node.tag == "null":
            self.error(node.loc, f"{what} must be a value, got {node.describe()}")
            return None
        return node.text

    # -- values --------------------------------------------------------------------------------
    def text(self, node: YNode, what: str, literal: bool = False) -> str | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        if not value.strip():
            self.error(node.loc, f"{what} is empty")
            return None
        problem = string_literal_problem(value) if literal else text_problem(value)
        if problem:
            self.error(node.loc, f"{what} {problem}")
            return None
        return value

    def boolean(self, node: YNode, what: str) -> bool | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        word = value.strip().lower()
        if node.quoted and word in ("true", "false"):
            self.error(node.loc, f"{what} must be true or false without quotes, got the text {value!r}")
            return None
        if node.quoted or word not in ("true", "false", "yes", "no", "on", "off"):
            self.error(node.loc, f"{what} must be true or false, got {node.describe()}")
            return None
        return word in ("true", "yes", "on")

    def integer(self, node: YNode, what: str, minimum: int = 0, maximum: int | None = None) -> int | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        cleaned = value.strip().replace("_", "")
        if not cleaned.isdigit():
            self.error(node.loc, f"{what} must be a whole number, got {node.describe()}")
            return None
        number = int(cleaned)
        if number < minimum or (maximum is not None and number > maximum):
            bound = f"from {minimum:,} to {maximum:,}" if maximum is not None else f"at least {minimum:,}"
            self.error(node.loc, f"{what} must be {bound}, got {number:,}")
            return None
        return number

    def amount(self, node: YNode, what: str, token: str | None, allow_zero: bool = False,
               mover: str = "this action moves") -> Decimal | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        if node.tag == "float" and not node.quoted and ("e" in value.lower() or value.startswith(".")):
            self.error(node.loc, f"{what}: write {value!r} as plain digits, e.g. 1000 or 0.5")
            return None
        try:
            number, written_token = amounts.parse_amount(value)
        except amounts.AmountError as exc:
            self.error(node.loc, f"{what}: {exc}")
            return None
        if written_token and token and written_token != token:
            self.error(node.loc, f"{what} is written in {written_token} but {mover} {token}")
            return None
        if number == 0 and not allow_zero:
            self.error(node.loc, f"{what} must be greater than zero")
            return None
        return number

    def instant(self, node: YNode, what: str, date_means: str) -> tuple[int, bool] | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        try:
            ts, was_date = timeutil.parse_instant(value, date_means)
        except timeutil.DateError as exc:
            self.error(node.loc, f"{what}: {exc}")
            return None
        if not 0 < ts <= UINT48_MAX:
            self.error(node.loc, f"{what}: {value!r} does not fit a uint48 timestamp")
            return None
        return ts, was_date

    def duration(self, node: YNode, what: str) -> int | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        try:
            seconds = timeutil.parse_duration(value)
        except timeutil.DateError as exc:
            self.error(node.loc, f"{what}: {exc}")
            return None
        if seconds <= 0 or seconds > UINT48_MAX:
            self.error(node.loc, f"{what} must be positive and fit a uint48")
            return None
        return seconds

    def choice(self, node: YNode, what: str, options: list[str]) -> str | None:
        value = self.scalar(node, what)
        if value is None:
            return None
        if value not in options:
            self.error(node.loc, f"{what} {value!r} is not known{_suggest(value, options)}")
            return None
        return value

    def is_none(self, node: YNode) -> bool:
        return node.kind == "scalar" and node.text.strip().lower() in NONE_WORDS and not node.quoted


class SpellParser:
    def __init__(self, diags: Diagnostics):
        self.r = Reader(diags)
        self.wallets: dict[str, str] = {}
        self.invalid_wallets: set[str] = set()  # declared, but already reported as invalid
        self.spell_date: str | None = None  # set before the sections are read (streams at the cast need it)

    # -- parties -------------------------------------------------------------------------------
    def party(self, node: YNode, what: str) -> Party | None:
        if node.kind == "map":
            return self.chainlog_party(node, what)
        value = self.r.scalar(node, what)
        if value is None:
            return None
        value = value.strip()
        if looks_like_address(value):
            try:
                return Party(parse_address(value))
            except AddressError as exc:
                self.r.error(node.loc, f"{what}: {exc}")
                return None
        if value in self.wallets:
            return Party(self.wallets[value], value)
        if value in self.invalid_wallets:
            return None  # its declaration was reported; one error, not one per use
        known = list(self.wallets)
        hint = _suggest(value, known) if known else "; declare it under `wallets:` or write the address"
        self.r.error(node.loc, f"{what}: unknown wallet {value!r}{hint}")
        return None

    def chainlog_party(self, node: YNode, what: str) -> Party | None:
        """`{chainlog: KEY, address: 0x...}`: the spell reads KEY from the chainlog; `address` is what
        `check` shows and what `verify` requires the chainlog to hold."""
        if not self.r.mapping(node, PARTY_KEYS, what) or set(PARTY_KEYS) - set(node.entries):
            return None
        e = node.entries
        key = self.r.scalar(e["chainlog"], f"{what}: the chainlog key")
        text = self.r.scalar(e["address"], f"{what}: the address")
        if key is None or text is None:
            return None
        key = key.strip()
        if not CHAINLOG_KEY.match(key):
            self.r.error(e["chainlog"].loc, f"{what}: the chainlog key {key!r} must be UPPER_SNAKE_CASE and at "
                                            "most 32 characters (a bytes32)")
            return None
        if key in self.wallets:
            self.r.error(e["chainlog"].loc, f"{what}: {key!r} is also a wallet name; the spell could not tell "
                                            "the two apart")
            return None
        if DATE_CONSTANT.match(key):
            self.r.error(e["chainlog"].loc, f"{what}: {key!r} looks like a date constant name; the spell could "
                                            "not tell the two apart")
            return None
        if key in TEMPLATE_NAMES:
            self.r.error(e["chainlog"].loc, f"{what}: {key!r} is a name the spell already uses for a token or a "
                                            "contract; it cannot be a recipient")
            return None
        try:
            address = parse_address(text)
        except AddressError as exc:
            self.r.error(e["address"].loc, f"{what}: {exc}")
            return None
        # Whether KEY holds `address` at the spell's date is check's (checks._chainlog_keys_of_date).
        return Party(address, None, key, key_loc=e["chainlog"].loc, address_loc=e["address"].loc)

    def vest(self, node: YNode, what: str) -> str | None:
        return self.r.choice(node, what, list(VESTS))

    # -- top level -----------------------------------------------------------------------------
    def spell(self, root: YNode) -> Spell | None:
        if not self.r.mapping(root, TOP_KEYS, "the spell file"):
            return None
        e = root.entries
        if "spellgen" in e:
            self.r.integer(e["spellgen"], "the format version", FORMAT_VERSION, FORMAT_VERSION)
        if "wallets" in e:
            self.wallets = self.wallet_registry(e["wallets"])
            if e["wallets"].kind == "map":
                self.invalid_wallets = set(e["wallets"].entries) - set(self.wallets)
        meta = self.metadata(e["spell"]) if "spell" in e else None
        self.spell_date = meta["date"] if meta else None
        sections = [s for i, n in enumerate(self.r.seq(e["sections"], "sections")) if (s := self.section(n))] \
            if "sections" in e else []
        expect = self.expect(e["expect"]) if "expect" in e else None
        caps = self.vest_caps(e["vest_caps"]) if "vest_caps" in e else {}
        delay = self.simulation(e["simulation"]) if "simulation" in e else None
        if meta is None:
            return None
        if "wallets" in e and e["wallets"].kind == "map":
            meta["locs"] |= {f"wallets.{k}": loc for k, loc in e["wallets"].key_locs.items()}
        return Spell(**meta, wallets=self.wallets, sections=sections, expect=expect, vest_caps=caps,
                     pause_delay=delay, path="")

    def metadata(self, node: YNode) -> dict | None:
        if not self.r.mapping(node, SPELL_KEYS, "`spell`"):
            return None
        e = node.entries
        date = None
        if "date" in e and (text := self.r.scalar(e["date"], "the target date")) is not None:
            try:
                date = timeutil.parse_date(text).isoformat()
            except timeutil.DateError as exc:
                self.r.error(e["date"].loc, f"the target date: {exc}")
        description = self.r.text(e["description"], "the description", literal=True) if "description" in e else None
        office_hours = self.r.boolean(e["office_hours"], "office_hours") if "office_hours" in e else None
        expiry = self.r.duration(e["expiry"], "expiry") if "expiry" in e else DEFAULT_EXPIRY
        solc = self.r.choice(e["solc"], "solc", list(SOLC_TARGETS)) if "solc" in e else DEFAULT_SOLC
        exec_doc, doc_locs = self.exec_doc(e["exec_doc"]) if "exec_doc" in e else (None, {})
        draft = self.r.boolean(e["draft"], "draft") if "draft" in e else False
        values = dict(date=date, description=description, office_hours=office_hours, expiry=expiry, solc=solc,
                      draft=draft)
        if any(v is None for v in values.values()):
            return None
        locs = {k: e[k].loc for k in e} | doc_locs | {"": node.loc}
        return values | {"exec_doc": exec_doc, "locs": locs}

    def exec_doc(self, node: YNode) -> tuple[ExecDoc | None, dict[str, Loc]]:
        """`{url: https://raw.githubusercontent.com/..., copy: docs/exec.md}`; a plain string is one of
        the two (a URL when it starts with https://, else the local copy, the older form)."""
        if node.kind == "scalar":
            text = self.r.text(node, "exec_doc")
            if text is None:
                return None, {}
            key = "url" if text.strip().startswith(("https://", "http://")) else "copy"
            entries, locs = {key: node}, {f"exec_doc.{key}": node.loc}
        elif self.r.mapping(node, EXEC_DOC_KEYS, "exec_doc"):
            entries, locs = node.entries, {f"exec_doc.{k}": v.loc for k, v in node.entries.items()}
            if not entries:
                self.r.error(node.loc, "exec_doc needs `url` (the document's raw URL at its commit), `copy` "
                                       "(a local copy) or both")
                return None, locs
        else:
            return None, {}
        url = self.exec_doc_url(entries["url"]) if "url" in entries else None
        copy = self.r.text(entries["copy"], "exec_doc.copy") if "copy" in entries else None
        if ("url" in entries and url is None) or ("copy" in entries and copy is None):
            return None, locs
        return ExecDoc(url, copy), locs

    def exec_doc_url(self, node: YNode) -> str | None:
        text = self.r.scalar(node, "exec_doc.url")
        if text is None:
            return None
        try:
            return execdoc.parse_url(text.strip()).url
        except execdoc.UrlError as exc:
            self.r.error(node.loc, f"the executive document's URL {exc}")
            return None

    def wallet_registry(self, node: YNode) -> dict[str, str]:
        wallets: dict[str, str] = {}
        if node.kind != "map":
            self.r.error(node.loc, f"`wallets` must map names to addresses, got {node.describe()}")
            return wallets
        chainlog = frozenset(MAINNET) | frozenset(VESTS)
        for name, value in node.entries.items():
            problem = identifier_problem(name, chainlog)
            if problem:
                self.r.error(node.key_locs[name], f"wallet name {problem}")
                continue
            text = self.r.scalar(value, f"the address of {name}")
            if text is None:
                continue
            try:
                wallets[name] = parse_address(text)
            except AddressError as exc:
                self.r.error(value.loc, str(exc))
        return wallets

    def section(self, node: YNode) -> Section | None:
        if not self.r.mapping(node, SECTION_KEYS, "a section"):
            return None
        e = node.entries
        title = self.r.text(e["title"], "the section title") if "title" in e else None
        located = self.located_links(e["links"]) if "links" in e else []
        actions = [a for n in self.r.seq(e["actions"], "actions") if (a := self.action(n))] if "actions" in e else []
        condition = self.condition(e["condition"]) if "condition" in e else None
        if title is None or ("condition" in e and condition is None):
            return None
        locs = {"": node.loc, "title": e["title"].loc} | {f"links[{i}]": loc for i, (_, _, loc) in enumerate(located)}
        if "condition" in e:
            locs |= {"condition": e["condition"].loc} | {f"condition.{k}": v.loc for k, v in e["condition"].entries.items()}
        return Section(title, [(label, text) for label, text, _ in located], actions, condition, locs=locs,
                       path=node.path)

    def condition(self, node: YNode) -> Condition | None:
        """`condition: {earlier_spell: 0x.., runs_if: not_cast | cast, name: PREV_SPELL}`: the section's
        actions run only if the spell at that address was not (or was) cast, as its `done()` says."""
        if not self.r.mapping(node, CONDITION_KEYS, "the condition") or {"earlier_spell", "runs_if"} - set(node.entries):
            return None
        e = node.entries
        text = self.r.scalar(e["earlier_spell"], "the earlier spell")
        runs_if = self.r.choice(e["runs_if"], "runs_if", list(RUNS_IF))
        name = self.r.scalar(e["name"], "the earlier spell's constant name") if "name" in e else "PREV_SPELL"
        if text is None or runs_if is None or name is None:
            return None
        try:
            address = parse_address(text.strip())
        except AddressError as exc:
            self.r.error(e["earlier_spell"].loc, f"the earlier spell: {exc}")
            return None
        problem = identifier_problem(name.strip(), frozenset(MAINNET))
        if problem or name.strip() in self.wallets:
            where = e["name"].loc if "name" in e else node.loc
            self.r.error(where, f"the earlier spell's constant name: {problem or f'{name!r} is also a wallet name'}")
            return None
        return Condition(address, runs_if == "cast", name.strip())

    def links(self, node: YNode) -> list[tuple[str, str]]:
        return [(label, text) for label, text, _ in self.located_links(node)]

    def located_links(self, node: YNode) -> list[tuple[str, str, Loc]]:
        """(label, text, where it was written) of each link line, in file order."""
        out: list[tuple[str, str, Loc]] = []
        if not self.r.mapping(node, {k: False for k in LINK_LABELS}, "links"):
            return out
        for key, value in node.entries.items():
            if key not in LINK_LABELS:
                continue
            items = value.items if value.kind == "seq" else [value]
            for item in items:
                text = self.r.text(item, f"the {LINK_LABELS[key]} link")
                if text is not None:
                    out.append((LINK_LABELS[key], text.strip(), item.loc))
        return out

    # -- actions -------------------------------------------------------------------------------
    def action(self, node: YNode) -> Action | None:
        if node.kind != "map":
            self.r.error(node.loc, f"an action must be a mapping with a `type`, got {node.describe()}")
            return None
        if "type" not in node.entries:
            self.r.error(node.loc, f"an action needs a `type`: one of {', '.join(ACTION_KEYS)}")
            return None
        kind = self.r.choice(node.entries["type"], "the action type", list(ACTION_KEYS))
        if kind is None or not self.r.mapping(node, ACTION_KEYS[kind], f"a {kind} action"):
            return None
        if any(required and key not in node.entries for key, required in ACTION_KEYS[kind].items()):
            return None  # already reported by mapping()
        action = REGISTRY[kind].parse(self, node)
        if action is not None:
            action.locs = {k: v.loc for k, v in node.entries.items()} | {"": node.loc}
            action.path = node.path
        return action

    def comment(self, e: dict[str, YNode]) -> str | None:
        """An action's optional `comment` line."""
        return self.r.text(e["comment"], "the comment") if "comment" in e else None

    # -- control totals and settings -----------------------------------------------------------
    def expect(self, node: YNode) -> Expect | None:
        if not self.r.mapping(node, EXPECT_KEYS, "`expect`"):
            return None
        e = node.entries
        out = Expect(locs={k: v.loc for k, v in e.items()} | {"": node.loc}, path=node.path)
        if "dai_paid" in e:
            out.dai_paid = self.r.amount(e["dai_paid"], "expect.dai_paid", "DAI")
        if "mkr_transferred" in e:
            out.mkr_transferred = self.r.amount(e["mkr_transferred"], "expect.mkr_transferred", "MKR")
        if "usds_paid" in e:
            out.usds_paid = self.r.amount(e["usds_paid"], "expect.usds_paid", "USDS")
        if "sky_transferred" in e:
            out.sky_transferred = self.r.amount(e["sky_transferred"], "expect.sky_transferred", "SKY")
        if "streams" in e and self.r.mapping(e["streams"], {k: False for k in VESTS}, "expect.streams"):
            for key, value in e["streams"].entries.items():
                if key in VESTS and (count := self.r.integer(value, f"the stream count of {key}")) is not None:
                    out.streams[key] = count
                    out.locs[f"streams.{key}"] = value.loc
        tokens = sorted({v.token for v in VESTS.values()})
        if "streamed" in e and self.r.mapping(e["streamed"], {t: False for t in tokens}, "expect.streamed"):
            for token, value in e["streamed"].entries.items():
                if token in tokens and (total := self.r.amount(value, f"the streamed {token}", token)) is not None:
                    out.streamed[token] = total
                    out.locs[f"streamed.{token}"] = value.loc
        return out

    def vest_caps(self, node: YNode) -> dict[str, Cap]:
        caps: dict[str, Cap] = {}
        if not self.r.mapping(node, {k: False for k in VESTS}, "`vest_caps`"):
            return caps
        for key, value in node.entries.items():
            if key not in VESTS or not self.r.mapping(value, CAP_KEYS, f"the cap of {key}"):
                continue
            amount = self.r.amount(value.entries["amount"], "the cap amount", VESTS[key].token) \
                if "amount" in value.entries else None
            period = self.r.duration(value.entries["per"], "the cap period") if "per" in value.entries else None
            if amount is not None and period is not None:
                caps[key] = Cap(amount, period)
        return caps

    def simulation(self, node: YNode) -> int | None:
        if not self.r.mapping(node, SIMULATION_KEYS, "`simulation`"):
            return None
        if "pause_delay" in node.entries:
            return self.r.duration(node.entries["pause_delay"], "the pause delay")
        return None


def parse_spell(root: YNode, diags: Diagnostics) -> Spell:
    """Build the model; raise InputError if any error was found."""
    spell = SpellParser(diags).spell(root)
    if diags.errors or spell is None:
        raise InputError(diags)
    return spell


def load_spell(path: Path, diags: Diagnostics | None = None) -> Spell:
    """Read, parse and build the model of a spell file (no relational checks)."""
    diags = diags or Diagnostics(str(path))
    return parse_spell(read_file(path, diags), diags)
