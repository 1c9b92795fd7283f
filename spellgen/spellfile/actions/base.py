"""The contract every action kind fulfils: one class per kind, in one module per kind, holding all of it.

A stage never asks which kind an action is. It calls the action's part instead: `parse` (the
YAML fields), `check`, `solidity` (a `Block` laid out by render), `expect` (the items verify
checks), `checks`, `state_effects` and `token_events` (how verify judges those items, explains the
storage changes and counts the token events), `summary_row` and `diff_fields` (the reports),
`paid_tokens`/`streamed` (totals per token), `flow` and `ledger_fields` (the budget planner and
ledger), `doc_claims` and `doc_line` (the executive document's lines), `brownie_tests` (the
generated Brownie test). What the kind's Solidity does on chain is declared as data in `EFFECTS` (the
calls, chain reads, branches, storage entries and ordered events), for the code analysis, the event
check and the per-action event order (`event_form` picks the form of the sequence).

`PARTS` lists the parts; tests/architecture/test_actions.py fails when a registered kind lacks one.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar, Protocol

from spellgen.spellfile.amounts import to_wei
from spellgen.spellfile.diagnostics import Diagnostics, Loc
from spellgen.spellfile.solidity import Interface

if TYPE_CHECKING:  # the model and the parser import this module
    from spellgen.spellfile.expect import Expected, Item
    from spellgen.spellfile.model import Spell
    from spellgen.spellfile.parse import SpellParser
    from spellgen.spellfile.source import YNode
    from spellgen.spellfile.style import HouseStyle


# How the kinds name the tokens in their declarations (by chainlog key or symbol) -> the tokens' symbols.
TOKEN_KEYS = {"MCD_DAI": "DAI", "DAI": "DAI", "MKR": "MKR", "MCD_GOV": "MKR", "SKY": "SKY", "USDS": "USDS",
              "SPK": "SPK"}


def event_key(declared: str) -> str:
    """A declared event as the check matches it: its name, and for a note the noted function
    ("Transfer(0, usr)" -> "Transfer", "LogNote(exit)" -> "LogNote(exit)", "LogNote rely(VEST)" -> "LogNote(rely)")."""
    name = declared.split("(", 1)[0].strip()
    if name.startswith("LogNote "):  # "LogNote rely(VEST)": the note of rely
        return f"LogNote({name.split()[1]})"
    if name == "LogNote":
        return f"LogNote({declared.split('(', 1)[1].split(')')[0].strip()})"
    return name


@dataclass(frozen=True)
class Party:
    """A recipient or manager: a registry wallet (name set) or an inline address (name None)."""

    address: str
    name: str | None = None
    chainlog: str | None = None  # a chainlog key the spell reads the address from; `address` is what it must hold
    # Where the key and its address were written (`to: {chainlog: KEY, address: 0x..}`), for check's messages.
    key_loc: Loc | None = field(default=None, compare=False)
    address_loc: Loc | None = field(default=None, compare=False)

    @property
    def label(self) -> str:
        return self.name or self.chainlog or self.address

    @property
    def code(self) -> str:
        """How the spell's code names it: a wallet constant, a chainlog immutable, or the literal."""
        return self.name or self.chainlog or self.address


@dataclass
class Located:
    locs: dict[str, Loc] = field(default_factory=dict, kw_only=True)
    path: str = field(default="", kw_only=True)

    def loc(self, name: str = "") -> Loc:
        """Where a field was written; falls back to the object itself."""
        return self.locs.get(name) or self.locs.get("") or Loc(1, 1, self.path)


# --- what the parts exchange with the stages ---------------------------------------------------------------

@dataclass
class Block:
    """One rendered statement: comment lines above it and the code (one or more physical lines, unindented)."""

    comments: list[str]
    code: list[str]


@dataclass
class SolidityExtras:
    """What a kind adds to the spell besides its statements: other immutables and internal helpers."""

    values: list[tuple[str, str, str]] = field(default_factory=list)  # (type, name, initialiser)
    helpers: list[list[str]] = field(default_factory=list)  # internal functions, line by line
    needs_wad: bool = False
    constants: list[tuple[str, str, str]] = field(default_factory=list)  # (type, name, literal): `internal constant`


class SolidityContext(Protocol):
    """What render offers an action writing its Solidity (render/spell.py's builder implements it)."""

    spell: Spell
    style: HouseStyle

    def wei(self, amount: Decimal) -> tuple[str, bool]:
        """Solidity for a token amount in wei, and whether the `ether` note is needed (records WAD)."""

    def note(self, token: str) -> str:
        """The same-line `// Note: ...` after an `N ether` amount, in the words of the spell's date."""

    def type(self, key: str, *functions: str) -> str:
        """The interface name to call `functions` of contract kind `key` with (the calls are recorded)."""

    def token(self, symbol: str, *functions: str) -> str:
        """The receiver of a call of `functions` on token `symbol` (`SKY` or `GemAbstract(SKY)`)."""

    def date(self, ts: int) -> str:
        """The name of the date constant of `ts`."""

    def uses_ray(self) -> None:
        """The spell needs the RAY constant."""

    def with_comment(self, action: Any, comments: list[str]) -> list[str]:
        """The action's own `comment` line (if any) above the given comment lines, escaped."""


@dataclass(frozen=True)
class SummaryRow:
    """One action as a row of the reports' table (review/summary.py adds the YAML path)."""

    action: str
    recipient: str = ""
    address: str = ""
    token: str = ""
    amount: str = ""
    period: str = ""
    cliff: str = ""
    restricted: str = ""


@dataclass(frozen=True)
class Flow:
    """What an action moves to its recipient, as the budget planner counts it.

    `how`: "payment" (out of the surplus buffer, matched to a budget period's top-up), "transfer"
    (out of the treasury on one day), "stream" (over its days); `span` the stream's start and end."""

    how: str
    token: str
    amount: Decimal
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class StreamTerms:
    """A new award's terms, as the reports and the budget planner read them (dated: for a stream from
    the cast, `start` and `end` are the estimate at the spell's date)."""

    vest: str
    to: Party
    token: str
    total: Decimal
    start: int
    end: int
    eta: int  # the cliff, in seconds after the start

    @property
    def wei(self) -> int:
        return to_wei(self.total)


@dataclass(frozen=True)
class DocClaim:
    """A line the executive document must hold for an action: an amount of a token to an address."""

    token: str
    amounts: tuple[Decimal, ...]  # as declared, and as paid when rounding changes it
    address: str
    label: str
    amount_field: str  # the YAML field of the amount
    # For a stream: whether the award is restricted (the document's `res` line must say the same); None:
    # the claim has no restriction.
    restricted: bool | None = None


@dataclass(frozen=True)
class Branch:
    """A condition a kind's Solidity has, as the code analysis (verify/codescan.py) matches it.

    form: `if`, `require`, `loop`, `ternary`, `&&` or `||`; on: what the condition reads from the chain
    or the environment, each `CONTRACT.function` (a call's result, the contract named as in `calls`) or
    an environment value (`block.timestamp`); empty: it reads neither, so it needs no declaration to
    pass and is listed for the reader. text: how a reviewer reads it."""

    form: str
    on: tuple[str, ...] = ()
    text: str = ""


@dataclass(frozen=True)
class Effects:
    """What a kind's Solidity does on chain, as data: the contract of what later checks may allow.

    Contracts are named by chainlog key; `VEST` and `TOKEN` stand for the action's vest and its token,
    `usr` for its recipient, `proxy` for the PauseProxy (`Action.effect_names` binds VEST and TOKEN; other
    names are chainlog keys or token symbols). Events are `(emitter, event)`; a `LogNote` names its
    function. verify checks what `used_by` says; the code analysis (verify/codescan.py) allows the call
    sites of `calls` and the branches of `branches`; the event check (verify/events.py) allows each
    emitter's events by `events`, `variants`, `first_use` and `state_free` (matched by emitter and event
    name: the text in parentheses documents the arguments); the per-action order check
    (verify/sequence.py) requires each action's events to be exactly its form's sequence, in order.

    calls: (contract, function) the statement and its helpers may call (a DssExecLib function: the
    calls it makes, when codescan knows them, must be declared too);
    reads: chain reads the Solidity makes; branches: conditions in the Solidity (a require included);
    state: (contract, storage entry) the action changes;
    events: the ordered event sequence of one action in its default form;
    variants: form -> the sequence of another form (e.g. `from: mkr`), as `Action.event_form` names it;
    first_use: events only the first such action of a spell emits (DssExecLib's `hope`), and only when
    the state before the cast needs them: `first_use_unless` names the fact of the state read before the
    cast (cast/simulate.py's State) that, when true, means the chain needs them no more; they come
    before the `first_use_at`-th event of that action's sequence (whichever kind declaring them runs first);
    state_free: events that may come without a state change at their emitter (an approval to the value
    it already had, a join's note of a mint and a burn that cancel out): verify's event check fails any
    other event of an emitter whose storage the cast did not change."""

    calls: tuple[tuple[str, str], ...] = ()
    reads: tuple[str, ...] = ()
    branches: tuple[Branch, ...] = ()
    state: tuple[tuple[str, str], ...] = ()
    events: tuple[tuple[str, str], ...] = ()
    variants: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()
    first_use: tuple[tuple[str, str], ...] = ()
    first_use_at: int = 0
    first_use_unless: str = ""
    state_free: tuple[tuple[str, str], ...] = ()
    used_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class StateEffect:
    """One storage entry an action changes, as verify's state-diff check expects it (verify turns it into
    a slot with the contract's layout): a contract by chainlog key, or a token by symbol (`token`); a
    variable of its layout with the keys of the entry (and a word `offset` into a struct); the change,
    a `delta` (post - pre, summed over actions) or an exact `value`; how to show it (`unit`) and whether
    it depends on the cast's time."""

    contract: str
    var: str
    keys: tuple[str | int, ...] = ()
    delta: int | None = None
    value: int | None = None
    label: str = ""
    unit: str = ""
    time_dependent: bool = False
    token: bool = False
    layout: str | None = None  # the layout by name; None: the layout of the contract's kind
    offset: int = 0
    element: int | None = None  # an element of the dynamic array `var` (at keccak(slot) + element)


class StateView(Protocol):
    """What verify knows around the cast that an action's state effects may use (verify/statediff.py's
    Context): addresses by chainlog key, the cast's time, the vests' award counts, caps and the awards
    to yank before the cast, what each transferrable vest's awards owe after it, and the balances of the
    PauseProxy transfers' tokens before it ((chainlog key, holder lower case) -> wei)."""

    addresses: dict[str, str]
    cast_time: int
    ids_before: dict[str, int]
    awards_before: dict
    owed_after: dict[str, int]
    chainlog_count: int  # the ChainLog's count() before the cast (a key the spell adds goes at that index)
    held_before: dict[tuple[str, str], int]
    caps_before: dict[str, int]
    before_state: Any


@dataclass(frozen=True)
class TokenEvents:
    """The token events a kind's items explain, as verify's event check counts them (addresses lower
    case): transfers and mints/burns as (symbol, src, dst, amount), approvals as (symbol, owner,
    spender), DSToken burns as (symbol, guy, amount)."""

    moves: tuple[tuple[str, str, str, int], ...] = ()
    approvals: tuple[tuple[str, str, str], ...] = ()
    burns: tuple[tuple[str, str, int], ...] = ()
    relies: tuple[tuple[str, str], ...] = ()  # (contract, usr): a ward the items add (the Vat's rely note)


class EventView(Protocol):
    """What verify's event check offers a kind: the PauseProxy (lower case), the addresses read from the
    ChainLog, a vest's address by key (lower case, "" when the chain has none), the balances of the
    PauseProxy transfers' tokens before the cast (as StateView's `held_before`), for amounts the spell
    computes at the cast (spellfile/computed.py) the cast's time and the state read before it, and a
    farm's address (amounts a farm's distribute() moves depend on the awards before the cast)."""

    proxy: str
    held_before: dict[tuple[str, str], int]

    @property
    def cast_time(self) -> int:
        """The cast's block time."""

    @property
    def before(self) -> Any:
        """cast/simulate.py's State read before the cast."""

    def address_of(self, key: str) -> str:
        """The address (lower case) of a chainlog key, "" when the cast did not read it."""

    def vest_address(self, vest: str) -> str:
        """The address (lower case) of a vest the chain has, "" when none."""

    def award_before(self, vest: str, award: int) -> Any:
        """An award as the chain held it before the cast (read for the items that need it), None if not read."""

    def farm_of(self, dist: str) -> str:
        """The farm (lower case) a farm's distribution pays, as read from it; "" when not read."""


@dataclass(frozen=True)
class Check:
    """One result of verify for an action kind's items (verify/compare.py makes it a Result): the item
    as a reviewer names it, its YAML path ("spell" for a figure of the whole spell), whether the chain
    shows it, the evidence, and why not."""

    item: str
    path: str
    passed: bool
    evidence: str
    reason: str = ""
    warning: str = ""


@dataclass
class CheckContext:
    spell: Spell
    diags: Diagnostics


@dataclass
class BrownieContext:
    """What the Brownie test writer gives an action: names for addresses and formatters."""

    expected: Expected
    names: dict[str, str]  # address (lower) -> wallet name

    def party(self, address: str) -> str:
        name = self.names.get(address.lower())
        return f'"{address}"' + (f"  # {name}" if name else "")


PARTS = ("KIND", "LABEL", "FIELDS", "README", "EFFECTS", "EXPLAIN_RANK", "CHECK_RANK", "COMMENTED_CALLS", "schema",
         "parse", "check", "solidity", "expect", "checks", "state_effects", "token_events", "summary_row",
         "diff_fields", "identity", "paid_tokens", "flow", "ledger_fields", "doc_claims", "doc_line", "brownie_tests")


class Action(Located):
    """The base of every action kind. Subclasses are dataclasses; each defines every part of PARTS."""

    KIND: ClassVar[str] = ""  # the YAML `type`
    LABEL: ClassVar[str] = ""  # how the diff names the kind ("DAI payment")
    FIELDS: ClassVar[dict[str, bool]] = {}  # YAML field -> required (`type` included)
    README: ClassVar[str] = ""  # what the README's action table row must mention (the type, in backticks)
    # The tokens an executive document's one-line payment of which `spellgen import` drafts as this kind,
    # with the fields `to` and `amount` (spellfile/docimport.py); () for a kind it never drafts.
    DRAFTS: ClassVar[tuple[str, ...]] = ()
    # The budget ledger records actions of this kind (`ledger_fields`): the kind's place in the ledger's
    # list of kinds (its messages name them in that order); 0: not recorded.
    RECORDED: ClassVar[int] = 0
    EFFECTS: ClassVar[Effects] = Effects()
    # The order in which verify applies the kinds' state effects (the labels of a slot two kinds change
    # list them in this order).
    EXPLAIN_RANK: ClassVar[int] = 0
    CHECK_RANK: ClassVar[int] = 0  # the order of the kinds' results in the reports
    # The functions whose statements carry the kind's comment block: the source review (verify/source.py)
    # reads the comment above each such call against the call's amounts, addresses and award ids.
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = ()
    # Contracts the kind calls that spellfile/solidity.py's shared table lacks (key -> declaration).
    INTERFACES: ClassVar[dict[str, Interface]] = {}

    # -- YAML -------------------------------------------------------------------------------------------
    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        """The description and the JSON-schema properties of the fields (all but `type`)."""
        raise NotImplementedError

    @classmethod
    def parse(cls, p: SpellParser, node: YNode) -> Action | None:
        """The action from its YAML mapping (fields known and required present); errors go to p's diagnostics."""
        raise NotImplementedError

    # -- checks -----------------------------------------------------------------------------------------
    def check(self, ctx: CheckContext) -> None:
        """This action's own checks."""
        raise NotImplementedError

    @classmethod
    def check_kind(cls, actions: list, ctx: CheckContext) -> None:
        """Checks across the spell's actions of this kind (none by default)."""

    def rate(self) -> tuple[str, int, int, Decimal] | None:
        """(vest, wei, tau, total as declared) of an award the vest's rate cap must allow."""
        return None

    def sets_cap(self, in_force: dict[str, Any]) -> tuple[str, Any] | None:
        """(vest, Cap) in force after this action, given the Caps in force before it by vest (None: unknown)."""
        return None

    def parties(self) -> list[tuple[str, Party]]:
        """(field, party) of every party the action names, in field order."""
        return [(name, p) for name in ("to", "manager", "recipient") if (p := getattr(self, name, None)) is not None]

    def onboards(self) -> tuple[str, str, str | None] | None:
        """(key, address, legacy key) of a vest the action registers in the ChainLog (the spell names it by
        an address constant; a legacy key receives the contract the key named before)."""
        return None

    def registers(self) -> dict[str, str]:
        """Chainlog key -> address of contracts other than a vest the action registers (a farm init's farm
        and distribution), or names by an address constant of that name (a held token, 2025-08-21's ENS):
        the spell names them by address constant, so its calls to them are to those keys."""
        return {}
    def assumed_holding(self) -> tuple[str, int] | None:
        """(token chainlog key, wei) the PauseProxy must hold before the cast for the statement to run, when
        the twin models no such holding (its DAI and USDS): the twin gives it that much, an assumption every
        report names; None for most kinds."""
        return None

    def yanked_vest(self) -> str | None:
        """The vest of an award the action yanks."""
        return None

    def changed_award(self) -> tuple[str, int] | None:
        """(vest, id) of an existing award the action changes (a yank, a repair): an amount the spell
        computes from that award must be read before it (check)."""
        return None

    def read_awards(self) -> set[tuple[str, int]]:
        """(vest, id) of existing awards an amount of the action reads at the cast."""
        return set()

    def stated_award(self) -> tuple | None:
        """(vest, award id, owner, end[, start, total in wei]) of an existing award the YAML states before
        the cast (the twin builds it as stated; verify checks it on a fork)."""
        return None

    def effect_names(self, day: str) -> dict[str, str]:
        """What the names of `EFFECTS` stand for in this action, on a spell of `day`: `VEST` the chainlog
        key of its vest and `TOKEN` that of the vest's token (none for an action without a vest)."""
        from spellgen.spellfile.history import token_key_at
        from spellgen.spellfile.protocol import VESTS

        vest = getattr(self, "vest", None)
        if not isinstance(vest, str) or vest not in VESTS:
            return {}
        return {"VEST": vest, "TOKEN": token_key_at(VESTS[vest].token, day)}

    def event_form(self, spell: Spell, before: Any, cast_time: int) -> str:
        """Which of the kind's declared event sequences this action of `spell` emits, given the state read
        before the cast (cast/simulate.py's State) and the cast's time: "" for `EFFECTS.events`, else the
        name of one of `EFFECTS.variants` (verify's per-action event order check matches it)."""
        return ""

    def value_calls(self) -> int:
        """Low-level calls with value (`payable(usr).call{value: ...}("")`) the action's Solidity makes:
        the code analysis allows that many (verify/codescan.py); 0 for almost every kind."""
        return 0

    def receiver(self) -> Party | None:
        """Who the action sends tokens or an award to (its `to`), None for an action without one."""
        return dict(self.parties()).get("to")

    def payee(self) -> Party | None:
        """The recipient of tokens the action moves at the cast (a payee paid twice is worth a warning)."""
        return None

    # -- Solidity ---------------------------------------------------------------------------------------
    def solidity(self, ctx: SolidityContext) -> Block:
        raise NotImplementedError

    def chainlog_keys(self) -> set[str]:
        """Chainlog immutables the statement needs (recipients named by key are added by render)."""
        return set()

    def gem_symbols(self) -> set[str]:
        """Token immutables the statement needs."""
        return set()

    def chainlog_reads(self, day: str) -> tuple[str, ...]:
        """Chainlog keys of tokens and converters the statement reads when cast on `day` (check refuses
        a spell whose date has no such key: on mainnet the read would revert)."""
        return ()

    def date_stamps(self) -> set[int]:
        """Timestamps the statement names by date constant."""
        return set()

    def code_parties(self) -> list[Party]:
        """Parties the code refers to (a comment-only party is not one)."""
        return []

    @classmethod
    def extras(cls, actions: list, ctx: SolidityContext) -> SolidityExtras:
        """Helpers and immutables the kind needs once per spell (none by default)."""
        return SolidityExtras()

    # -- what the chain must show ----------------------------------------------------------------------
    def expect(self, spell: Spell, out: Expected) -> None:
        """Add the items verify checks for this action to `out`."""
        raise NotImplementedError

    @classmethod
    def state_effects(cls, e: Expected, view: StateView) -> list[StateEffect]:
        """The storage changes the kind's items of `e` explain (verify's state-diff check applies them)."""
        raise NotImplementedError

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        """The token events the kind's items of `e` explain (verify's event check counts them)."""
        raise NotImplementedError

    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        """verify's results for the kind's items of `e`, against what the cast showed (`o`, the
        Observation of spellgen/cast/simulate.py: the states before and after, the new awards, ...)."""
        raise NotImplementedError

    # -- reports ----------------------------------------------------------------------------------------
    def summary_row(self, spell: Spell) -> SummaryRow:
        raise NotImplementedError

    def diff_fields(self, spell: Spell) -> dict[str, str]:
        """Every reviewable field in human units (identity fields included)."""
        raise NotImplementedError

    def identity(self) -> tuple:
        """What makes two versions of the action the same action in a diff."""
        raise NotImplementedError

    def period_identity(self) -> tuple | None:
        """For kinds with a period: the identity without it, to pair a changed period (None: no period)."""
        return None

    # -- totals and the budget -------------------------------------------------------------------------
    def paid_tokens(self) -> dict[str, Decimal]:
        """Token -> amount the recipient receives at the cast."""
        raise NotImplementedError

    def streamed(self) -> tuple[str, Decimal] | None:
        """(token, total) of a new stream."""
        return None

    def stream_terms(self) -> StreamTerms | None:
        """The terms of the award the action creates."""
        return None

    def stream_vest(self) -> str | None:
        """The vest of a new award (stream counts per vest)."""
        return None

    def flow(self) -> Flow | None:
        """What the budget planner counts for the recipient (None: not a money flow to it)."""
        raise NotImplementedError

    def ledger_fields(self, name: Callable[[Party], str]) -> list[str] | None:
        """The YAML lines the budget ledger records for the action, parties named by `name` (None: the
        ledger does not record it)."""
        raise NotImplementedError

    def ledger_note(self) -> str | None:
        """Why the ledger cannot record an action for a unit's wallet (None: nothing to say)."""
        return None

    def doc_claims(self) -> list[DocClaim]:
        """What the executive document must state for the action (execdoc_items.py checks a copy against it)."""
        raise NotImplementedError

    def doc_line(self, spell: Spell) -> str:
        """The action as a line of an executive document's budget section (a markdown bullet), which
        the document reader (execdoc_items.py) reads back as the action's `doc_claims`."""
        raise NotImplementedError

    # -- Brownie ------------------------------------------------------------------------------------
    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        """(item, test body after its docstring) for each item `expect` added, bodies indented 4."""
        raise NotImplementedError
