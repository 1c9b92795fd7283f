"""Render a checked spell model into Solidity with the Jinja templates under templates/.

Python decides every name, literal and comment (so they can be tested and escaped in one place);
the templates only lay them out in the house style. The same model always gives the same bytes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

import jinja2

from spellgen.spellfile import execdoc, history, solidity
from spellgen.spellfile import timeutil
from spellgen.spellfile.links import link_line
from spellgen.spellfile.style import HouseStyle, house_style
from spellgen.spellfile.amounts import human, is_whole, solidity_number
from spellgen.spellfile.model import (
    Allowance, CapChange, DaiPayment, MkrToSky, MkrTransfer, Party, SkyTransfer, Spell, Stream, UsdsPayment, Yank,
)
from spellgen.spellfile.protocol import MKR_SKY_RATE, VESTS
from spellgen.resources import templates_dir

TEMPLATES = templates_dir()


@dataclass
class Line:
    """One rendered statement: comment lines above it, the code, and an optional trailing comment."""

    comments: list[str]
    code: list[str]  # one or more physical lines, unindented


@dataclass
class SectionView:
    title: str
    links: list[str]  # each link line's text after `// `, in the style of the date (spellfile/links.py)
    blocks: list[Line]


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
    helpers: list[list[str]] = field(default_factory=list)  # internal functions of the action, line by line
    imports: list[tuple[str, str]] = field(default_factory=list)  # (interface, dss-interfaces path)
    interfaces: list[tuple[str, list[str]]] = field(default_factory=list)  # local interfaces: name, functions
    gem_type: str = "GemLike"  # the type of the token immutables (`address` from 2025-06-26)

    @property
    def immutables_width(self) -> int:
        """Width of `TYPE internal immutable NAME` of the chainlog and token immutables, aligned on `=`."""
        lefts = [f"address internal immutable {key}" for key in self.chainlog]
        lefts += [f"{self.gem_type} internal immutable {symbol}" for symbol, _ in self.gems]
        return max(map(len, lefts), default=0)


@dataclass(frozen=True)
class Interface:
    """A contract the spell calls: its local `...Like` declaration and, where dss-interfaces has one,
    the interface real spells import instead (by the import path they use)."""

    local: str
    functions: tuple[tuple[str, str], ...]  # (what the spell calls, its declaration), in declaration order
    abstract: str | None = None
    path: str | None = None


INTERFACES = {
    "vest": Interface("VestLike", (
        ("create", "function create(address usr, uint256 tot, uint256 bgn, uint256 tau, uint256 eta, address mgr) "
                   "external returns (uint256 id);"),
        ("restrict", "function restrict(uint256 id) external;"),
        ("yank", "function yank(uint256 id) external;"),
        ("yank-end", "function yank(uint256 id, uint256 end) external;"),
        ("file", "function file(bytes32 what, uint256 data) external;"),
        ("ids", "function ids() external view returns (uint256);"),
        ("tot", "function tot(uint256 id) external view returns (uint256);"),
        ("rxd", "function rxd(uint256 id) external view returns (uint256);"),
    ), "VestAbstract", "dss-interfaces/dss/VestAbstract.sol"),
    "gem": Interface("GemLike", (
        ("transfer", "function transfer(address dst, uint256 wad) external returns (bool);"),
        ("approve", "function approve(address usr, uint256 wad) external returns (bool);"),
        ("allowance", "function allowance(address src, address usr) external view returns (uint256);"),
    ), "GemAbstract", "dss-interfaces/ERC/GemAbstract.sol"),
    "dai_usds": Interface("DaiUsdsLike", (("daiToUsds", "function daiToUsds(address usr, uint256 wad) external;"),)),
    "mkr_sky": Interface("MkrSkyLike", (("mkrToSky", "function mkrToSky(address usr, uint256 mkrAmt) external;"),
                                        ("rate", "function rate() external view returns (uint256);"))),
    "vat": Interface("VatLike", (("suck", "function suck(address u, address v, uint256 rad) external;"),),
                     "VatAbstract", "dss-interfaces/dss/VatAbstract.sol"),
    "dai_join": Interface("DaiJoinLike", (("exit", "function exit(address usr, uint256 wad) external;"),),
                          "DaiJoinAbstract", "dss-interfaces/dss/DaiJoinAbstract.sol"),
}
# Before 2023-11-29 (see spellfile/style.py) the vest and token interfaces were always declared, with a
# fixed set of functions (ids/tot/rxd only for `set: owed`); the others, when used, in full.
ALWAYS_DECLARED = ("vest", "gem")
FIXED_FUNCTIONS = {"vest": {"create", "restrict", "yank", "yank-end", "file"}}


class _Calls:
    """Which functions of which contracts the spell calls, and the type name each call is written with."""

    def __init__(self, style: HouseStyle):
        self.style = style
        self.used: dict[str, set[str]] = {}

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
        interface = INTERFACES[key]
        return interface.abstract if self.style.dss_interfaces and interface.abstract else interface.local

    def imports(self) -> list[tuple[str, str]]:
        """(interface, path) of the dss-interfaces files to import, by path."""
        if not self.style.dss_interfaces:
            return []
        found = {(INTERFACES[k].abstract, INTERFACES[k].path) for k in self.used if INTERFACES[k].abstract}
        return sorted(found, key=lambda item: item[1])

    def declared(self) -> list[tuple[str, list[str]]]:
        """The local interfaces: name and function declarations, in the order of INTERFACES."""
        out = []
        for key, interface in INTERFACES.items():
            if self.style.dss_interfaces and interface.abstract:
                continue  # imported
            called = self.used.get(key, set())
            if self.style.called_functions_only:
                wanted = called
            elif key in ALWAYS_DECLARED or called:
                wanted = FIXED_FUNCTIONS.get(key, {f for f, _ in interface.functions}) | (called & {"ids", "tot", "rxd"})
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
        stamps: set[int] = set()
        for s in spell.of_type(Stream):
            if s.at_cast:
                continue
            stamps.add(s.start)
            if s.end_style != "duration":
                stamps.add(s.end)
            if s.cliff is not None and s.cliff_style != "duration":
                stamps.add(s.cliff)
        stamps.update(y.end for y in spell.of_type(Yank) if y.end is not None)
        return stamps

    def date(self, ts: int) -> str:
        return self.dates[ts]


def _party(party: Party | None) -> str:
    return "address(0)" if party is None else party.code


def _to_text(party: Party) -> str:
    """`NAME (0x...)`, `the KEY (0x...)` or the bare address, for a comment."""
    if party.name:
        return f"{party.name} ({party.address})"
    if party.chainlog:
        return f"the {party.chainlog} ({party.address})"
    return party.address


def _head(party: Party, what: str) -> str:
    """The house comment above a payment: `NAME - 109,168 DAI - 0x...`."""
    label = party.name or party.chainlog
    return f"{label} - {what} - {party.address}" if label else f"{party.address} - {what}"


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

    def section(self, section) -> SectionView:
        blocks = [getattr(self, f"_{type(a).__name__}")(a) for a in section.actions]
        return SectionView(solidity.comment(section.title),
                           [solidity.comment(link_line(label, text, self.style)) for label, text in section.links],
                           blocks)

    def _with_comment(self, action, comments: list[str]) -> list[str]:
        extra = [solidity.comment(action.comment)] if getattr(action, "comment", None) else []
        return extra + [solidity.comment(c) for c in comments]

    def _DaiPayment(self, pay: DaiPayment) -> Line:
        if pay.exact:
            return self._exact_dai(pay)
        what = f"{human(pay.amount)} DAI"
        if pay.paid != pay.amount:
            what += f" rounded up to {pay.paid:,} DAI (sendPaymentFromSurplusBuffer takes whole DAI)"
        code = f"DssExecLib.sendPaymentFromSurplusBuffer({_party(pay.to)}, {pay.paid:_});"
        return Line(self._with_comment(pay, [_head(pay.to, what)]), [code])

    def _exact_dai(self, pay: DaiPayment) -> Line:
        """The 2021 form for an exact amount: suck the RAD from the vow to the PauseProxy, exit the wei."""
        amount, note = self.wei(pay.amount)
        self.needs_ray = True
        head = _head(pay.to, f"{human(pay.amount)} DAI") + " (exact: vat.suck of the RAD, DaiJoin.exit of the wei)"
        suffix = self.note("DAI") if note else ""
        vat, join = self.calls.type("vat", "suck"), self.calls.type("dai_join", "exit")
        return Line(self._with_comment(pay, [head]), [
            f"{vat}(MCD_VAT).suck(MCD_VOW, address(this), {amount} * RAY);{suffix}",
            f"{join}(MCD_JOIN_DAI).exit({_party(pay.to)}, {amount});{suffix}",
        ])

    def _UsdsPayment(self, pay: UsdsPayment) -> Line:
        amount, _ = self.wei(Decimal(pay.paid))
        what = f"{human(pay.amount)} USDS"
        if pay.paid != pay.amount:
            what += f" rounded up to {pay.paid:,} USDS (whole USDS only)"
        head = f"Transfer {what} from the Surplus Buffer to {_to_text(pay.to)}"
        return Line(self._with_comment(pay, [head]), [f"_transferUsds({_party(pay.to)}, {amount});"])

    def _SkyTransfer(self, t: SkyTransfer) -> Line:
        amount, note = self.wei(t.amount)
        suffix = self.note("SKY") if note else ""
        head = _head(t.to, f"{human(t.amount)} SKY")
        if t.source == "mkr":
            rounded = ", rounded up" if t.wei % MKR_SKY_RATE else ""
            head += f" (converted from {human(Decimal(t.mkr_wei) / 10**18)} MKR{rounded})"
        elif t.source == "mkr_direct":
            head += f" (converted from {human(Decimal(t.mkr_wei) / 10**18)} MKR straight to the recipient)"
        call = f"{self.calls.token('SKY', 'transfer')}.transfer" if t.source == "treasury" else "_transferSky"
        return Line(self._with_comment(t, [head]), [f"{call}({_party(t.to)}, {amount});{suffix}"])

    def _MkrToSky(self, c: MkrToSky) -> Line:
        amount, note = self.wei(c.amount)
        suffix = self.note("MKR") if note else ""
        sky = human(Decimal(c.sky_wei) / 10**18)
        head = f"Convert {human(c.amount)} MKR of the PauseProxy into {sky} SKY through MKR_SKY"
        mkr = self.calls.token("MKR", "approve")
        mkr_sky = self.calls.type("mkr_sky", "mkrToSky")
        return Line(self._with_comment(c, [head]), [f"{mkr}.approve(MKR_SKY, {amount});{suffix}",
                                                    f"{mkr_sky}(MKR_SKY).mkrToSky(address(this), {amount});{suffix}"])

    def _MkrTransfer(self, transfer: MkrTransfer) -> Line:
        amount = human(transfer.amount, min_decimals=2)
        head = _head(transfer.to, f"{amount} MKR")
        literal = solidity_number(transfer.amount, min_decimals=2)
        mkr = self.calls.token("MKR", "transfer")
        code = f"{mkr}.transfer({_party(transfer.to)}, {literal} ether);{self.note('MKR')}"
        return Line(self._with_comment(transfer, [head]), [code])

    def _Stream(self, s: Stream) -> Line:
        vest = f"{self.calls.type('vest', 'create', *(['restrict'] if s.restricted else []))}({s.vest})"
        total, note = self.wei(s.total)
        if s.at_cast:
            return self._cast_stream(s, vest, total, note)
        bgn = self.names.date(s.start)
        if s.end_style == "duration":
            tau = timeutil.solidity_duration(s.duration or s.tau)
        else:
            tau = f"{self.names.date(s.end)} - {bgn}"
        if s.cliff is None:
            eta, eta_note = "0", "eta: no cliff"
        elif s.cliff_style == "duration":
            eta, eta_note = timeutil.solidity_duration(s.eta), f"eta: cliff {timeutil.iso(s.cliff)}"
        else:
            eta, eta_note = f"{self.names.date(s.cliff)} - {bgn}", f"eta: cliff {timeutil.iso(s.cliff)}"
        args = [
            (f"{_party(s.to)},", "usr"),
            (f"{total},", "tot" + (f" ({self.style.note(s.token)})" if note else "")),
            (f"{bgn},", "bgn"),
            (f"{tau},", f"tau: {timeutil.human_duration(s.tau)}"),
            (f"{eta},", eta_note),
            (_party(s.manager), "mgr" + (f": {s.manager.label}" if s.manager else ": none")),
        ]
        return Line(self._with_comment(s, [self._stream_head(s)]), self._create(s, vest, args))

    @staticmethod
    def _create(s: Stream, vest: str, args: list[tuple[str, str]]) -> list[str]:
        width = max(len(code) for code, _ in args)
        create = [f"    {code.ljust(width)} // {solidity.comment(note_)}" for code, note_ in args]
        if s.restricted:
            return [f"{vest}.restrict(", f"    {vest}.create("] + ["    " + c for c in create] + ["    )", ");"]
        return [f"{vest}.create("] + create + [");"]

    def _cast_stream(self, s: Stream, vest: str, total: str, note: bool) -> Line:
        """bgn = block.timestamp (+/- an offset), tau and eta as durations, as 2025-26 spells write them."""
        offset = s.cast_offset or 0
        bgn = "block.timestamp" if offset == 0 else \
            f"block.timestamp {'-' if offset < 0 else '+'} {timeutil.solidity_duration(abs(offset))}"
        eta = "0" if s.cliff is None else timeutil.solidity_duration(s.eta)
        args = [
            (f"{_party(s.to)},", "usr"),
            (f"{total},", "tot" + (f" ({self.style.note(s.token)})" if note else "")),
            (f"{bgn},", "bgn: the cast" + (f" {'minus' if offset < 0 else 'plus'} "
                                           f"{timeutil.human_duration(abs(offset))}" if offset else "")),
            (f"{timeutil.solidity_duration(s.tau)},", f"tau: {timeutil.human_duration(s.tau)}"),
            (f"{eta},", "eta: no cliff" if s.cliff is None else f"eta: cliff {timeutil.human_duration(s.eta)} "
                                                                "after bgn"),
            (_party(s.manager), "mgr" + (f": {s.manager.label}" if s.manager else ": none")),
        ]
        parts = [s.to.label, f"from: {bgn}", f"tau: {timeutil.human_duration(s.tau)}", f"{human(s.total)} {s.token}"]
        if s.to.name or s.to.chainlog:
            parts.append(s.to.address)
        parts += ["Cliff: " + ("none" if s.cliff is None else f"{timeutil.human_duration(s.eta)} after bgn"),
                  f"Restricted: {'Yes' if s.restricted else 'No'}"]
        return Line(self._with_comment(s, [" | ".join(parts)]), self._create(s, vest, args))

    def _stream_head(self, s: Stream) -> str:
        start_end_of_day = timeutil.utc(s.start).strftime("%H%M%S") == "000000" and \
            timeutil.utc(s.end).strftime("%H%M%S") == "235959"
        period = f"{timeutil.iso_date(s.start)} to {timeutil.iso_date(s.end)}" if start_end_of_day \
            else f"{timeutil.iso(s.start)} to {timeutil.iso(s.end)}"
        cliff = timeutil.iso(s.cliff) if s.cliff is not None else "none"
        parts = [s.to.label, period, f"{human(s.total)} {s.token}"]
        if s.to.name or s.to.chainlog:
            parts.append(s.to.address)
        parts += [f"Cliff: {cliff}", f"Restricted: {'Yes' if s.restricted else 'No'}"]
        return " | ".join(parts)

    def _Yank(self, y: Yank) -> Line:
        token = VESTS[y.vest].token
        head = f"Yank {token} stream ID {y.id} on {y.vest}"
        if y.recipient is not None:
            head += f" ({y.recipient.label})"
        if y.end is None:
            return Line(self._with_comment(y, [head]), [f"{self.calls.type('vest', 'yank')}({y.vest}).yank({y.id});"])
        head += f", ending it at {timeutil.iso(y.end)}"
        vest = self.calls.type("vest", "yank-end")
        return Line(self._with_comment(y, [head]), [f"{vest}({y.vest}).yank({y.id}, {self.names.date(y.end)});"])

    def _Allowance(self, a: Allowance) -> Line:
        gem = VESTS[a.vest].token
        token = self.calls.token(gem, "approve", *(["allowance"] if a.mode == "increase" else []))
        if a.mode == "owed":
            later = self._later_streams(a)
            head = (f"Set the PauseProxy's {gem} allowance to {a.vest} to what its valid awards still owe "
                    f"(the sum of tot - rxd)")
            code = f"{token}.approve({a.vest}, _owed({a.vest}));"
            note = False
            if later:
                amount, note = self.wei(sum((s.total for s in later), Decimal(0)))
                head += f", plus the {len(later)} stream(s) created below: {human(sum((s.total for s in later), Decimal(0)))} {gem}"
                code = f"{token}.approve({a.vest}, _owed({a.vest}) + {amount});"
        elif a.mode == "set":
            amount, note = self.wei(a.amount)
            head = f"Set the PauseProxy's {gem} allowance to {a.vest} to {human(a.amount)} {gem}"
            code = f"{token}.approve({a.vest}, {amount});"
        else:
            delta = a.amount if a.amount is not None else sum(
                (s.total for s in self.spell.of_type(Stream) if s.vest == a.vest), Decimal(0))
            amount, note = self.wei(delta)
            source = "the new streams' total" if a.amount is None else "the declared amount"
            head = f"Increase the PauseProxy's {gem} allowance to {a.vest} by {source}: {human(delta)} {gem}"
            code = f"{token}.approve({a.vest}, {token}.allowance(address(this), {a.vest}) + {amount});"
        if note:
            code += self.note(gem)
        return Line(self._with_comment(a, [head]), [code])

    def _later_streams(self, a: Allowance) -> list[Stream]:
        """Streams on the allowance's vest that the spell creates after it (not yet in `_owed`)."""
        actions = self.spell.actions
        return [s for s in actions[actions.index(a) + 1:] if isinstance(s, Stream) and s.vest == a.vest]

    def _CapChange(self, c: CapChange) -> Line:
        token = VESTS[c.vest].token
        amount, note = self.wei(c.amount)
        head = f"Set the {c.vest} rate cap to {human(c.amount)} {token} per {timeutil.human_duration(c.period)}"
        period = timeutil.solidity_duration(c.period)
        if note:  # `1_200.5 ether / 365 days` would be a constant rational, not an integer division
            period = f"uint256({period})"
        code = f'DssExecLib.setValue({c.vest}, "cap", {amount} / {period});'
        if note:
            code += self.note(token)
        return Line([solidity.comment(head)], [code])


def _used_wallets(spell: Spell) -> list[tuple[str, str]]:
    """Registry wallets the code refers to, in registry order (a yank's recipient is only a comment)."""
    parties = [a.to for a in spell.actions if isinstance(a, (DaiPayment, UsdsPayment, SkyTransfer, MkrTransfer, Stream))]
    parties += [s.manager for s in spell.of_type(Stream) if s.manager is not None]
    used = {p.name for p in parties if p.name}
    return [(name, address) for name, address in spell.wallets.items() if name in used]


def _sky_sources(spell: Spell) -> set[str]:
    return {t.source for t in spell.of_type(SkyTransfer)}


def _gems(spell: Spell, gem: str | None) -> list[tuple[str, str]]:
    """Token immutables, each through the chainlog key of the spell's date: MKR through
    DssExecLib.mkr() (MCD_GOV) until 2025-05-15, then its own key MKR (MCD_GOV is SKY from then on);
    DAI through DssExecLib.dai(); others through their key. Wrapped in `gem(...)` when the immutables
    are of that interface type; `gem` None: bare addresses (from 2025-06-26, spellfile/style.py)."""
    sources = _sky_sources(spell)
    symbols = {"MKR"} if spell.of_type(MkrTransfer) or spell.of_type(MkrToSky) or sources - {"treasury"} else set()
    symbols |= {VESTS[a.vest].token for a in spell.of_type(Allowance)}
    symbols |= {"SKY"} if sources - {"mkr_direct"} else set()
    symbols |= {"DAI"} if spell.of_type(UsdsPayment) else set()

    def address(symbol: str) -> str:
        key = history.token_key_at(symbol, spell.date)
        if symbol == "MKR" and key == "MCD_GOV":
            return "DssExecLib.mkr()"
        if symbol == "DAI":
            return "DssExecLib.dai()"
        return f'DssExecLib.getChangelogAddress("{key}")'
    return [(s, f"{gem}({address(s)})" if gem else address(s)) for s in sorted(symbols)]


def _chainlog(spell: Spell) -> list[str]:
    """Chainlog immutables: vests, the converters and core contracts the actions use, and recipients
    named by key (sorted, so the order never depends on the file)."""
    keys = {a.vest for a in spell.actions if hasattr(a, "vest")}
    keys |= set(spell.chainlog_parties())
    if spell.of_type(UsdsPayment):
        keys.add("DAI_USDS")
    if _sky_sources(spell) - {"treasury"} or spell.of_type(MkrToSky):
        keys.add("MKR_SKY")
    if any(p.exact for p in spell.of_type(DaiPayment)):
        keys |= {"MCD_VAT", "MCD_VOW", "MCD_JOIN_DAI"}
    return sorted(keys)


def _usds_helper(dai: str, dai_usds: str) -> list[str]:
    return [
        "// Whole USDS from the surplus buffer: DAI to the PauseProxy, converted 1:1 through DAI_USDS",
        "function _transferUsds(address usr, uint256 wad) internal {",
        '    require(wad % WAD == 0, "transferUsds/non-integer-wad");',
        "    DssExecLib.sendPaymentFromSurplusBuffer(address(this), wad / WAD);",
        f"    {dai}.approve(DAI_USDS, wad);",
        f"    {dai_usds}(DAI_USDS).daiToUsds(usr, wad);",
        "}",
    ]


def _sky_helper(mkr: str, sky: str, mkr_sky: str) -> list[str]:
    return [
        "// SKY from the PauseProxy's MKR: convert ceil(wad / MKR_SKY_RATE) MKR into the PauseProxy, then transfer",
        "function _transferSky(address usr, uint256 wad) internal {",
        "    uint256 mkrWad = wad / MKR_SKY_RATE;",
        "    if (wad % MKR_SKY_RATE != 0) {",
        "        mkrWad++;",
        "    }",
        f"    {mkr}.approve(MKR_SKY, mkrWad);",
        f"    {mkr_sky}(MKR_SKY).mkrToSky(address(this), mkrWad);",
        f"    {sky}.transfer(usr, wad);",
        "}",
    ]


def _sky_direct_helper(mkr: str, mkr_sky: str) -> list[str]:
    return [
        "// SKY converted from the PauseProxy's MKR straight to the recipient (an exact multiple of the rate)",
        "function _transferSky(address usr, uint256 wad) internal {",
        '    require(wad % MKR_SKY_RATE == 0, "transferSky/non-exact-conversion");',
        "    uint256 mkrWad = wad / MKR_SKY_RATE;",
        f"    {mkr}.approve(MKR_SKY, mkrWad);",
        f"    {mkr_sky}(MKR_SKY).mkrToSky(usr, mkrWad);",
        "}",
    ]


def _owed_helper(vest: str) -> list[str]:
    return [
        "// What the awards of a vest still owe: the sum of tot - rxd (zero for an award paid in full or yanked)",
        "function _owed(address vest) internal view returns (uint256 owed) {",
        f"    uint256 count = {vest}(vest).ids();",
        "    for (uint256 id = 1; id <= count; id++) {",
        f"        owed += {vest}(vest).tot(id) - {vest}(vest).rxd(id);",
        "    }",
        "}",
    ]


def _extras(spell: Spell, view: SpellView, calls: _Calls) -> None:
    """Helpers and immutables only the newer action forms need (none for the older ones, so their
    rendering is unchanged), with the calls they make."""
    sources = _sky_sources(spell)
    if spell.of_type(UsdsPayment):
        view.needs_wad = True
        view.helpers.append(_usds_helper(calls.token("DAI", "approve"), calls.type("dai_usds", "daiToUsds")))
    if sources - {"treasury"}:
        view.values.append(("uint256", "MKR_SKY_RATE",
                            f'{calls.type("mkr_sky", "rate")}(DssExecLib.getChangelogAddress("MKR_SKY")).rate()'))
        mkr, mkr_sky = calls.token("MKR", "approve"), calls.type("mkr_sky", "mkrToSky")
        if "mkr_direct" in sources:
            view.helpers.append(_sky_direct_helper(mkr, mkr_sky))
        else:
            view.helpers.append(_sky_helper(mkr, calls.token("SKY", "transfer"), mkr_sky))
    if any(a.mode == "owed" for a in spell.of_type(Allowance)):
        view.helpers.append(_owed_helper(calls.type("vest", "ids", "tot", "rxd")))


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
    )
    _extras(spell, view, builder.calls)
    if view.gems and gem:
        builder.calls.type("gem")  # the immutables' type is needed even where no call was recorded
    view.imports = builder.calls.imports()
    view.interfaces = builder.calls.declared()
    return view


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
