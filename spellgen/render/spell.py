"""Render a checked spell model into Solidity with the Jinja templates under templates/.

Python decides every name, literal and comment (so they can be tested and escaped in one place);
the templates only lay them out in the house style. The same model always gives the same bytes.
"""
from __future__ import annotations

import functools

from dataclasses import dataclass, field
from decimal import Decimal

import jinja2

from spellgen.spellfile import execdoc, history, solidity
from spellgen.spellfile import timeutil
from spellgen.spellfile.links import link_line
from spellgen.spellfile.style import HouseStyle, house_style
from spellgen.spellfile.actions import KINDS, of_kind
from spellgen.spellfile.actions.base import Block
from spellgen.spellfile.solidity import ALWAYS_DECLARED, CALLED_ONLY, FIXED_FUNCTIONS, INTERFACES, Interface
from spellgen.spellfile.amounts import is_whole, solidity_number
from spellgen.spellfile.model import Spell
from spellgen.resources import templates_dir

TEMPLATES = templates_dir()


# One rendered statement: comment lines above it and the code; each action kind writes its own
# (spellfile/actions/), this module lays them out.
Line = Block


@dataclass
class SectionView:
    title: str
    links: list[str]  # each link line's text after `// `, in the style of the date (spellfile/links.py)
    blocks: list[Line]
    opening: str = ""  # `if (!Doable(PREV_SPELL).done()) {` around the blocks of a conditional section


@dataclass
class SpellView:
    source_name: str
    solc: str
    description: str
    office_hours: bool
    expiry: str
    exec_doc: str | None  # the executive document's raw URL, for the `// Hash: cast keccak ...` comment
    wallets: list[tuple[str, str]]
    dates: list[tuple[str, int, str]]  # name, value, UTC text
    chainlog: list[str]
    gems: list[tuple[str, str]]  # (symbol, initialiser expression)
    sections: list[SectionView] = field(default_factory=list)
    needs_wad: bool = False
    needs_ray: bool = False
    values: list[tuple[str, str, str]] = field(default_factory=list)  # (type, name, initialiser): other immutables
    constants: list[tuple[str, str, str]] = field(default_factory=list)  # (type, name, literal): contracts by address
    helpers: list[list[str]] = field(default_factory=list)  # internal functions of the action, line by line
    imports: list[tuple[str, str]] = field(default_factory=list)  # (interface, dss-interfaces path)
    interfaces: list[tuple[str, list[str]]] = field(default_factory=list)  # local interfaces: name, functions
    gem_type: str = "GemLike"  # the type of the token immutables (`address` from 2025-06-26)
    earlier_spells: list[tuple[str, str]] = field(default_factory=list)  # (constant name, address) conditions read

    @property
    def immutables_width(self) -> int:
        """Width of `TYPE internal immutable NAME` of the chainlog and token immutables, aligned on `=`."""
        lefts = [f"address internal immutable {key}" for key in self.chainlog]
        lefts += [f"{self.gem_type} internal immutable {symbol}" for symbol, _ in self.gems]
        lefts += [f"{kind} internal constant {name}" for kind, name, _ in self.constants]
        return max(map(len, lefts), default=0)


def _interfaces() -> dict[str, Interface]:
    """The contracts spells call: the shared table (spellfile/solidity.py), then those a kind adds."""
    table = dict(INTERFACES)
    for kind in KINDS:
        table.update({k: v for k, v in kind.INTERFACES.items() if k not in table})
    return table


class _Calls:
    """Which functions of which contracts the spell calls, and the type name each call is written with."""

    def __init__(self, style: HouseStyle):
        self.style = style
        self.used: dict[str, set[str]] = {}
        self.table = _interfaces()

    def type(self, key: str, *functions: str) -> str:
        """The type name to call `functions` of contract kind `key` with; the calls are recorded."""
        self.used.setdefault(key, set()).update(functions)
        return self.name(key)

    def token(self, symbol: str, *functions: str) -> str:
        """The receiver of a call of `functions` on token `symbol`: the immutable itself (`SKY.transfer(`)
        or, from 2025-06-26 when token immutables are addresses, the cast (`GemAbstract(SKY).transfer(`)."""
        gem = self.type("gem", *functions)
        return f"{gem}({symbol})" if self.style.address_tokens else symbol

    def name(self, key: str) -> str:
        interface = self.table[key]
        return interface.abstract if self.style.dss_interfaces and interface.abstract else interface.local

    def imports(self) -> list[tuple[str, str]]:
        """(interface, path) of the dss-interfaces files to import, by path."""
        if not self.style.dss_interfaces:
            return []
        found = {(i.abstract, i.path) for k in self.used if (i := self.table[k]).abstract and i.path}
        return sorted(found, key=lambda item: item[1])

    def declared(self) -> list[tuple[str, list[str]]]:
        """The local interfaces: name and function declarations, in the order of the table."""
        out = []
        for key, interface in self.table.items():
            if self.style.dss_interfaces and interface.abstract:
                continue  # imported
            called = self.used.get(key, set())
            if self.style.called_functions_only:
                wanted = called
            elif key in ALWAYS_DECLARED or called:
                wanted = FIXED_FUNCTIONS.get(key, {f for f, _ in interface.functions} - CALLED_ONLY) | (called & CALLED_ONLY)
            else:
                continue
            functions = [declaration for name, declaration in interface.functions if name in wanted]
            if functions:
                out.append((interface.local, functions))
        return out


class _Names:
    """Solidity names of the constants a spell needs, chosen once and deterministically."""

    def __init__(self, spell: Spell):
        stamps = sorted(self._stamps(spell))
        per_day: dict[str, int] = {}
        for ts in stamps:
            per_day[timeutil.iso_date(ts)] = per_day.get(timeutil.iso_date(ts), 0) + 1
        self.dates = {ts: timeutil.constant_name(ts, per_day[timeutil.iso_date(ts)] > 1) for ts in stamps}

    @staticmethod
    def _stamps(spell: Spell) -> set[int]:
        return {ts for a in spell.actions for ts in a.date_stamps()}

    def date(self, ts: int) -> str:
        return self.dates[ts]


def wei_expression(amount: Decimal) -> tuple[str, bool]:
    """Solidity for a token amount in wei, and whether the `ether` keyword note is needed."""
    if amount == 0:
        return "0", False
    if is_whole(amount):
        return f"{solidity_number(amount)} * WAD", False
    return f"{solidity_number(amount, 2)} ether", True  # two decimals at least: `1_200.50 ether`


class _Builder:
    def __init__(self, spell: Spell, style: HouseStyle):
        self.spell = spell
        self.style = style
        self.calls = _Calls(style)
        self.names = _Names(spell)
        self.needs_wad = False
        self.needs_ray = False

    def note(self, token: str) -> str:
        """The same-line `// Note: ...` after an `N ether` amount, in the words of the spell's date."""
        return f" // {self.style.note(token)}"

    def wei(self, amount: Decimal) -> tuple[str, bool]:
        expression, needs_note = wei_expression(amount)
        self.needs_wad |= expression.endswith("* WAD")
        return expression, needs_note

    # -- the context an action writes its Solidity with (spellfile/actions/base.SolidityContext) --------
    def type(self, key: str, *functions: str) -> str:
        return self.calls.type(key, *functions)

    def token(self, symbol: str, *functions: str) -> str:
        return self.calls.token(symbol, *functions)

    def date(self, ts: int) -> str:
        return self.names.date(ts)

    def uses_ray(self) -> None:
        self.needs_ray = True

    def with_comment(self, action, comments: list[str]) -> list[str]:
        extra = [solidity.comment(action.comment)] if getattr(action, "comment", None) else []
        return extra + [solidity.comment(c) for c in comments]

    def section(self, section) -> SectionView:
        blocks = [a.solidity(self) for a in section.actions]
        return SectionView(solidity.comment(section.title),
                           [solidity.comment(link_line(label, text, self.style)) for label, text in section.links],
                           blocks, self.opening(section.condition))

    def opening(self, condition) -> str:
        """The `if` a conditional section's statements sit in, as 2021-07-16 wrote it."""
        if condition is None:
            return ""
        call = f"{self.type('doable', 'done')}({condition.name}).done()"
        return f"if ({'' if condition.runs_if_cast else '!'}{call}) {{"


def _used_wallets(spell: Spell) -> list[tuple[str, str]]:
    """Registry wallets the code refers to, in registry order (a yank's recipient is only a comment)."""
    used = {p.name for a in spell.actions for p in a.code_parties() if p.name}
    return [(name, address) for name, address in spell.wallets.items() if name in used]


def _gems(spell: Spell, gem: str | None) -> list[tuple[str, str]]:
    """Token immutables, each through the chainlog key of the spell's date: MKR through
    DssExecLib.mkr() (MCD_GOV) until 2025-05-15, then its own key MKR (MCD_GOV is SKY from then on);
    DAI through DssExecLib.dai(); others through their key. Wrapped in `gem(...)` when the immutables
    are of that interface type; `gem` None: bare addresses (from 2025-06-26, spellfile/style.py)."""
    symbols = {symbol for a in spell.actions for symbol in a.gem_symbols()} - set(_token_constants(spell))

    def address(symbol: str) -> str:
        key = history.token_key_at(symbol, spell.date)
        if symbol == "MKR" and key == "MCD_GOV":
            return "DssExecLib.mkr()"
        if symbol == "DAI":
            return "DssExecLib.dai()"
        return f'DssExecLib.getChangelogAddress("{key}")'
    return [(s, f"{gem}({address(s)})" if gem else address(s)) for s in sorted(symbols)]


def _token_constants(spell: Spell) -> dict[str, str]:
    """Tokens the spell uses that the date's chainlog does not name yet, though deployed: each by its
    address constant, as the 2025-06-26 spell named SPK (history.unregistered_tokens)."""
    symbols = {symbol for a in spell.actions for symbol in a.gem_symbols()}
    return {s: a for s, a in history.unregistered_tokens(spell.date).items() if s in symbols}


def _chainlog(spell: Spell) -> list[str]:
    """Chainlog immutables: vests, the converters and core contracts the actions use, and recipients
    named by key (sorted, so the order never depends on the file)."""
    keys = {key for a in spell.actions for key in a.chainlog_keys()}
    keys |= set(spell.chainlog_parties())
    # A key the spell registers itself names its contract by an address constant (a kind's extras).
    onboarded = {k for key, (_, legacy) in spell.onboarded().items() for k in (key, legacy) if k}
    return sorted(keys - onboarded)


def _extras(spell: Spell, view: SpellView, builder: _Builder) -> None:
    """Helpers and immutables each kind needs once (none for the older forms, so their rendering is
    unchanged), with the calls they make; in the registry's order."""
    for kind in KINDS:
        extras = kind.extras(of_kind(spell.actions, kind), builder)
        view.values += extras.values
        view.constants += extras.constants
        view.helpers += [h for h in extras.helpers if h not in view.helpers]  # a helper two kinds share, once
        view.needs_wad |= extras.needs_wad


def _exec_doc_url(spell: Spell) -> str | None:
    """The URL for the hash comment, checked again here (parse_url admits no quote, `*/` or line break).
    Without a URL there is no comment: a local path would mean nothing to a reviewer of the spell."""
    url = spell.exec_doc.url if spell.exec_doc else None
    return solidity.comment(execdoc.parse_url(url).url) if url else None


def spell_view(spell: Spell, source_name: str) -> SpellView:
    builder = _Builder(spell, house_style(spell.date))
    sections = [builder.section(s) for s in spell.sections]
    gem = None if builder.style.address_tokens else builder.calls.name("gem")
    view = SpellView(
        source_name=solidity.comment(source_name),
        solc=spell.solc,
        description=solidity.string_literal(spell.description),
        office_hours=spell.office_hours,
        expiry=timeutil.solidity_duration(spell.expiry),
        exec_doc=_exec_doc_url(spell),
        wallets=_used_wallets(spell),
        dates=[(name, ts, timeutil.iso(ts)) for ts, name in sorted(builder.names.dates.items())],
        chainlog=_chainlog(spell),
        gems=_gems(spell, gem),
        sections=sections,
        needs_wad=builder.needs_wad,
        needs_ray=builder.needs_ray,
        gem_type=gem or "address",
        earlier_spells=[(name, address) for address, name in spell.earlier_spells().items()],
    )
    _extras(spell, view, builder)
    view.constants += [(gem, symbol, f"{gem}({address})") if gem else ("address", symbol, address)
                       for symbol, address in _token_constants(spell).items()]
    if view.gems and gem:
        builder.calls.type("gem")  # the immutables' type is needed even where no call was recorded
    view.imports = builder.calls.imports()
    view.interfaces = builder.calls.declared()
    return view


@functools.lru_cache(maxsize=1)  # one per process: jinja compiles each template once per environment
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=False,  # Solidity, not HTML: every value is made safe in Python (solidity.py)
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def tidy(text: str) -> str:
    """One blank line at most, none just inside braces, one newline at the end.

    Templates stay readable with conditional blocks; this pass makes the layout exact.
    """
    out: list[str] = []
    for line in text.splitlines():
        line = line.rstrip()
        if not line and (not out or not out[-1] or out[-1].endswith("{")):
            continue
        if line.strip() in ("}", ");", ")") and out and not out[-1]:
            out.pop()
        out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out) + "\n"


def render(spell: Spell, source_name: str, section_only: bool = False) -> str:
    """The full spell (or only the budget section) as Solidity source text."""
    view = spell_view(spell, source_name)
    template = _environment().get_template("section.sol.j2" if section_only else "spell.sol.j2")
    return tidy(template.render(v=view))


def action_lines(spell: Spell, source_name: str) -> dict[str, tuple[int, int]]:
    """YAML path of each action -> the first and last line (1-based) of its statement in the rendered
    spell: the statement's code lines, found in order in the text `render` writes."""
    lines = [line.strip() for line in render(spell, source_name).splitlines()]
    view = spell_view(spell, source_name)
    found: dict[str, tuple[int, int]] = {}
    at = 0
    for section, section_view in zip(spell.sections, view.sections):
        for action, block in zip(section.actions, section_view.blocks):
            code = [c.strip() for c in "\n".join(block.code).splitlines() if c.strip()]
            for i in range(at, len(lines) - len(code) + 1):
                if code and lines[i:i + len(code)] == code:
                    found[action.path] = (i + 1, i + len(code))
                    at = i + len(code)
                    break
    return found
