"""`proxy_transfer`: a token the chainlog names, out of the PauseProxy's holdings, in an amount that is a
constant, the whole balance or the balance less a constant (the balance read by the spell at the cast).

2025-08-21 wrote all three: `GemAbstract(DAI).transfer(SKY_FRONTIER_FOUNDATION,
GemAbstract(DAI).balanceOf(address(this)))`, `GemAbstract(SKY).transfer(SKY_FRONTIER_FOUNDATION,
GemAbstract(SKY).balanceOf(address(this)) - 16_000_000 * WAD)`, and constants through the older kinds.
verify computes each amount from the PauseProxy's balance before the cast, plus what the spell's earlier
statements change of it (constants the YAML states), so a spell holds at most one balance-read transfer
of a token.

The other tokens the PauseProxy holds (WETH, COMP, the UniV2 USDS-SKY LP, USDC, ...) are verified from
their facts (data/held_tokens.tsv, history.held_token_at): decimals, the mainnet contract family and the
slot of its balances; a token neither known nor in the facts is stated and rendered, and fails verify.

A held token may be named by its address constant instead of its key, as 2025-08-21 named all six
(`address internal constant ENS = 0xC183...;`: ENS and stkAAVE entered the chainlog only after that
spell): `token: {constant: ENS, address: 0x...}`, valid only for an address the facts know, under the
constant name they give it (its key: ENS, STAAVE), and from 2023-04-15 only for an address the date's
chainlog lacks (the house style reads the others from it: state their key); the spell then reads nothing
from the chainlog for it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from spellgen.spellfile import history
from spellgen.spellfile.actions import common
from spellgen.spellfile.actions.base import (
    Action, Block, Branch, BrownieContext, Check, CheckContext, DocClaim, Effects, EventView, Flow, Party, SolidityContext,
    SolidityExtras, StateEffect, StateView, SummaryRow, TokenEvents,
)
from spellgen.spellfile.actions.fields import ADDRESS, PARTY
from spellgen.spellfile.address import AddressError, parse_address
from spellgen.spellfile.amounts import human
from spellgen.spellfile.actions.univ2_withdrawal import withdrawn_wei
from spellgen.spellfile.held import BALANCE_LESS, CONSTANT, FORMAT, WITHDRAWN, HeldAmount, parse_held
from spellgen.spellfile.protocol import UINT128_MAX
from spellgen.spellfile.style import CHAINLOG_ADDRESSES_READ_FROM, source_rules

if TYPE_CHECKING:
    from spellgen.spellfile.expect import Expected, HeldSent, Item
    from spellgen.spellfile.model import Spell

# The budget tokens whose mainnet storage layout, events and twin contract spellgen knows, by symbol; the
# other tokens it verifies are the held tokens' facts (history.held_tokens). A transfer of any other
# chainlog token is stated and rendered, and fails verify (check says so).
KNOWN_TOKENS = ("DAI", "MKR", "SKY", "USDS", "SPK")
END = (10**9,)  # after every statement
# `token: ether`: the PauseProxy's own ETH (2025-08-21: `payable(usr).call{ value: address(this).balance }("")`),
# not a chainlog key (the key ETH is WETH). One a spell: the house form declares `success` once.
NATIVE = "ether"
ETH_FAILED = "DssSpell/transfer-eth-failed"
KEY = re.compile(r"^[A-Z][A-Z0-9_]{0,31}$")
# `token: {constant: NAME, address: 0x...}`: a held token by its address constant (2025-08-21's form).
BY_ADDRESS = {"constant": True, "address": True}


def symbol_at(key: str, day: str) -> str | None:
    """The budget token a chainlog key holds at `day` (MCD_DAI -> DAI, MCD_GOV -> MKR until 2025-05-15
    and SKY after), by address; None for a token spellgen does not model. ETH for `ether`."""
    if key == NATIVE:
        return "ETH"
    log = history.chainlog_at(day)
    address = log.get(key, "").lower()
    for symbol in KNOWN_TOKENS:
        if address and log.get(history.token_key_at(symbol, day), "").lower() == address:
            return symbol
    return None


def order(path: str) -> tuple[int, ...]:
    """A YAML path's place in the file (`sections[1].actions[3]` -> (1, 3)): the spell runs in that order."""
    return tuple(int(n) for n in re.findall(r"\[(\d+)\]", path))


def others_before(e: Expected, symbol: str | None, here: tuple[int, ...]) -> int:
    """How the other kinds' statements before `here` change the PauseProxy's balance of `symbol`
    (constants the YAML states: SKY transfers and conversions, MKR transfers)."""
    def before(x: Any) -> bool:
        return order(x.item.path) < here
    if symbol == "SKY":  # conversions read at the cast count once verify has computed them
        return sum(t.proxy_sky_change for t in e.sky_transfers if before(t)) + \
            sum(c.minted for c in [*e.conversions, *getattr(e, "conversions_read", [])] if before(c))
    if symbol == "MKR":
        return -(sum(t.wei for t in e.transfers if before(t)) + sum(t.mkr_wei for t in e.sky_transfers if before(t))
                 + sum(c.mkr_wei for c in e.conversions if before(c)))
    return 0


def outflows(e: Expected) -> list[HeldSent]:
    """Every statement that takes a held amount out of the PauseProxy: transfers, burns (`burn`) and
    returns to the surplus buffer (`surplus_return`)."""
    return [*getattr(e, "proxy_transfers", []), *getattr(e, "held_burns", []), *getattr(e, "surplus_returns", [])]


def earlier_change(e: Expected, sent: HeldSent) -> int:
    """How the statements before `sent` change the PauseProxy's balance of its token: the other kinds'
    and the held amounts' earlier constants (a spell reads a token's balance once: check_kind)."""
    here = order(sent.item.path)
    own = sum(t.amount.wei for t in outflows(e)
              if t.key == sent.key and not t.amount.reads_balance and order(t.item.path) < here)
    return others_before(e, sent.symbol, here) - own


def sent_wei(e: Expected, sent: HeldSent, held_before: dict, proxy: str, pools: dict | None = None) -> int | None:
    """What the statement moves: its constant, or what the balance read at it gives (the PauseProxy's
    balance before the cast plus the earlier statements' changes), or what the withdrawal before it paid
    (from the pools' state before the cast, `pools`); None when unknown or it reverts."""
    if sent.amount.form == WITHDRAWN:
        return withdrawn_wei(e, sent.item.path, sent.symbol, pools or {})
    if not sent.amount.reads_balance:
        return sent.amount.wei
    balance = held_before.get((sent.key, proxy.lower()))
    if balance is None:
        return None
    return sent.amount.resolve(balance + earlier_change(e, sent))


def taken(e: Expected, o: Any, symbol: str) -> int:
    """Every wei of `symbol` the proxy transfers take from the PauseProxy (for the kinds that check the
    PauseProxy's balance of that token as a whole; unknown amounts count 0, and fail their own item)."""
    proxy = o.addresses["MCD_PAUSE_PROXY"]
    held = getattr(o.before, "held", {})
    return sum(sent_wei(e, t, held, proxy) or 0 for t in outflows(e) if t.symbol == symbol)


def burnt(e: Expected, o: Any, key: str) -> int:
    """Every wei of the token (by chainlog key) the PauseProxy's burns take out of its supply (unknown
    amounts count 0, and fail their own item)."""
    proxy = o.addresses["MCD_PAUSE_PROXY"]
    held = getattr(o.before, "held", {})
    return sum(sent_wei(e, b, held, proxy) or 0 for b in getattr(e, "held_burns", []) if b.key == key)


@dataclass
class ProxyTransfer(Action):
    """A token the chainlog names at the spell's date, from the PauseProxy to a recipient:
    `GemAbstract(TOKEN).transfer(usr, amount)`, the amount a constant, `balance` or `balance - constant`."""

    token: str  # the chainlog key, or the name of its address constant (`address` set)
    to: Party
    amount: HeldAmount
    comment: str | None = None

    KIND: ClassVar[str] = "proxy_transfer"
    LABEL: ClassVar[str] = "PauseProxy transfer"
    FIELDS: ClassVar[dict[str, bool]] = {"type": True, "token": True, "to": True, "amount": True, "comment": False}
    README: ClassVar[str] = "`proxy_transfer`"
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = ("transfer",)
    CHECK_RANK: ClassVar[int] = 7
    EXPLAIN_RANK: ClassVar[int] = 11
    EFFECTS: ClassVar[Effects] = Effects(
        calls=(("TOKEN", "transfer"), ("TOKEN", "balanceOf")),  # ETH: `value_calls`
        reads=("TOKEN.balanceOf(proxy) (amount: balance, balance - N)", "address(this).balance (token: ether)"),
        # `balance - N` underflows (the cast reverts) without a branch of its own.
        branches=(Branch("require", (), f'require(success, "{ETH_FAILED}") (token: ether)'),),
        state=(("TOKEN", "balanceOf[usr]"), ("TOKEN", "balanceOf[proxy]"), ("ETH", "balance[usr]"),
               ("ETH", "balance[proxy]")),
        events=(("TOKEN", "Transfer(proxy, usr)"),),
        variants=(("token: ether", ()),),  # the PauseProxy's own ETH: a call with value logs nothing
        # A whole balance that is 0 moves nothing: its Transfer (still matched by its arguments) changes no storage.
        state_free=(("TOKEN", "Transfer(proxy, usr)"),),
        used_by=("checks, run by verify/compare.py: the recipient's and the PauseProxy's balance of the token, "
                 "the amount computed from the PauseProxy's balance before the cast",
                 "state_effects, applied by verify/statediff.py: its storage changes",
                 "token_events, counted by verify/compare.py's event check"))

    symbol: str | None = None  # the known token the key names at the spell's date (symbol_at), if any
    held: history.HeldToken | None = None  # else the held token's facts at the spell's date, if any
    address: str | None = None  # the token by its address constant (`token: {constant:, address:}`), checksummed

    @property
    def name(self) -> str:
        """The token as people read it: its symbol (budget or held token), else its chainlog key."""
        return self.symbol or (self.held.symbol if self.held else self.token)

    def effect_names(self, day: str) -> dict[str, str]:
        """TOKEN is the token the action moves, by its chainlog key (none for the PauseProxy's ETH)."""
        return {} if self.token == NATIVE else {"TOKEN": self.token}

    def value_calls(self) -> int:
        return 1 if self.token == NATIVE else 0  # the ETH goes by `call{value: ...}`

    def event_form(self, spell: Spell, before: Any, cast_time: int) -> str:
        return "token: ether" if self.symbol == "ETH" else ""

    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        return ("A token the chainlog names, from the PauseProxy's holdings: GemAbstract(TOKEN).transfer(usr, "
                "amount), the amount a constant, the whole balance or the balance less a constant, read at the "
                "cast."), {
            "token": {"anyOf": [
                {"type": "string", "pattern": f"{KEY.pattern}|^{NATIVE}$",
                 "description": "The chainlog key of the token at the spell's date (MCD_DAI, SKY, USDS, ...), "
                                "or `ether` for the PauseProxy's own ETH."},
                {"type": "object", "additionalProperties": False, "required": list(BY_ADDRESS),
                 "description": "A held token by its address constant, as 2025-08-21 named ENS and stkAAVE: the "
                                "address must be in spellgen/spellfile/data/held_tokens.tsv and, from 2023-04-15, "
                                "not in the chainlog of the date; the constant is the name it has there (ENS, "
                                "STAAVE).",
                 "properties": {"constant": {"type": "string", "pattern": KEY.pattern},
                                "address": ADDRESS}}]},
            "to": PARTY,
            "amount": {"description": f"{FORMAT}; a constant has at most the token's decimals (18; "
                                      "USDC's 6: spellgen/spellfile/data/held_tokens.tsv).",
                       "type": ["integer", "number", "string"]},
            "comment": comment}

    @staticmethod
    def _by_address(p, node) -> tuple[str, str] | None:
        """`{constant: NAME, address: 0x...}`: the constant's name and the checksummed address."""
        if not p.r.mapping(node, BY_ADDRESS, "the token by its address constant") or set(BY_ADDRESS) - set(node.entries):
            return None
        e = node.entries
        name = p.r.scalar(e["constant"], "the token's address constant")
        text = p.r.scalar(e["address"], "the token's address")
        if name is None or text is None:
            return None
        if not KEY.match(name.strip()):
            p.r.error(e["constant"].loc, f"the token's address constant {name.strip()!r} must be UPPER_SNAKE_CASE "
                                         "and at most 32 characters")
            return None
        try:
            return name.strip(), parse_address(text.strip())
        except AddressError as exc:
            p.r.error(e["address"].loc, f"the token's address: {exc}")
            return None

    @classmethod
    def parse(cls, p, node) -> ProxyTransfer | None:
        e = node.entries
        if e["token"].kind == "map":
            return cls._parse_by_address(p, node)
        key = p.r.scalar(e["token"], "the token's chainlog key")
        if key is not None and key.strip() != NATIVE and not KEY.match(key.strip()):
            p.r.error(e["token"].loc, f"the token's chainlog key {key.strip()!r} must be UPPER_SNAKE_CASE and at "
                                      f"most 32 characters (a bytes32), or `{NATIVE}` for the PauseProxy's ETH")
            key = None
        to = p.party(e["to"], "the recipient")
        # The token a key names depends on the date (MCD_GOV was MKR, then SKY); check reports a key the
        # date lacks.
        symbol = symbol_at(key.strip(), p.spell_date) if key and p.spell_date else None
        held = history.held_token_at(key.strip(), p.spell_date) if key and p.spell_date and not symbol else None
        amount = parse_held(p.r, e["amount"], "the amount", symbol or (held.symbol if held else None),
                            held.decimals if held else 18)
        if key is None or to is None or amount is None:
            return None
        return cls(key.strip(), to, amount, p.comment(e), symbol, held)

    @classmethod
    def _parse_by_address(cls, p, node) -> ProxyTransfer | None:
        """A held token by its address constant: its facts by address (check refuses an address they lack)."""
        e = node.entries
        named = cls._by_address(p, e["token"])
        to = p.party(e["to"], "the recipient")
        held = history.held_token_by_address(named[1]) if named else None
        amount = parse_held(p.r, e["amount"], "the amount", held.symbol if held else None,
                            held.decimals if held else 18)
        if named is None or to is None or amount is None:
            return None
        return cls(named[0], to, amount, p.comment(e), None, held, named[1])

    def _check_address(self, ctx: CheckContext) -> None:
        """Fail closed: the facts must know the address, under that constant name, deployed by the date; the
        constant may not be a chainlog key of another address, nor a wallet's name."""
        diags, day, address = ctx.diags, ctx.spell.date, str(self.address)
        known = ", ".join(t.key for t in history.held_tokens())
        if self.held is None:
            diags.error(self.loc("token"), f"{address} is not a token spellgen knows by address ({known}): its "
                                           "decimals and storage layout are facts to add first "
                                           "(spellgen/spellfile/data/held_tokens.tsv)")
        elif self.held.key != self.token:
            diags.error(self.loc("token"), f"the token at {address} is {self.held.symbol}, whose address constant is "
                                           f"{self.held.key}, not {self.token}")
        elif not self.held.deployed_for(day):
            diags.error(self.loc("token"), f"{self.held.symbol} ({address}) has no code for a {day} spell as "
                                           f"spellgen knows it (its facts: from {self.held.deployed_by})")
        log = history.chainlog_at(day)
        keys = [k for k, a in log.items() if a.lower() == address.lower()]
        if keys and source_rules(day).chainlog_addresses_read:
            # The house style (R:324, from 2023-04-15) reads an address the ChainLog holds from it; the
            # 2025-08-21 spell's COMP, AAVE, ETH and UNIV2USDSSKY constants are findings of that rule.
            diags.error(self.loc("token"), f"the chainlog of a {day} spell names {address} as {keys[0]}: state "
                                           f"`token: {keys[0]}` (the house style reads an address the ChainLog "
                                           f"holds from it from {CHAINLOG_ADDRESSES_READ_FROM}; `constant` is for "
                                           "addresses it lacks)")
        elif self.token in log and log[self.token].lower() != address.lower():
            diags.error(self.loc("token"), f"{self.token} is the chainlog key of {log[self.token]} at {day}: an "
                                           "address constant of that name would hide it")
        if self.token in ctx.spell.wallets:
            diags.error(self.loc("token"), f"{self.token} is also a wallet name: the spell could not tell the "
                                           "two apart")

    def check(self, ctx: CheckContext) -> None:
        diags, day = ctx.diags, ctx.spell.date
        if self.address is not None:
            self._check_address(ctx)
            if self.amount.wei > UINT128_MAX:
                diags.error(self.loc("amount"), "the amount is beyond any token supply (more than uint128)")
            return
        if self.token != NATIVE and self.token not in history.chainlog_at(day):
            near = history.closest_keys(self.token, day)
            hint = f"; did you mean {', '.join(near)}?" if near else ""
            held = next((t for t in history.held_tokens() if t.key == self.token and t.deployed_for(day)), None)
            if held:  # as 2025-08-21 named ENS before its key
                hint = f"; before its key, name it by its address constant: `token: {{constant: {held.key}, " \
                       f"address: {held.address}}}`"
            diags.error(self.loc("token"), f"{self.token} is not in the chainlog of a {day} spell: "
                                           f"{history.key_note(self.token, day)}{hint}")
            return
        if self.amount.wei > UINT128_MAX:
            diags.error(self.loc("amount"), "the amount is beyond any token supply (more than uint128)")
        if self.symbol is None and self.held is None:
            others = ", ".join(t.key for t in history.held_tokens())
            diags.warn(self.loc("token"), f"{self.token} is not a token spellgen models ({', '.join(KNOWN_TOKENS)}, "
                                          f"{others}): the spell is rendered, but the twin has no contract there and "
                                          "verify knows no storage layout for it, so verify fails until its facts "
                                          "are added (spellgen/spellfile/data/held_tokens.tsv)")

    @classmethod
    def check_kind(cls, actions: list, ctx: CheckContext) -> None:
        """One balance-read transfer of a token a spell (verify reads the balance once, before the cast);
        a recipient paid the same token by another kind too could not be told apart."""
        seen: set[str] = set()
        for a in ctx.spell.actions:  # this kind's and any other whose amount is a held amount (burn)
            held = getattr(a, "amount", None)
            # A kind whose YAML names the token by symbol says its chainlog key (`held_key`).
            token = a.held_key() if hasattr(a, "held_key") else str(getattr(a, "token", ""))
            if not isinstance(held, HeldAmount) or not held.reads_balance:
                continue
            if token in seen:
                ctx.diags.error(a.loc("amount"), f"a second amount read from the PauseProxy's {token} balance: a "
                                                 "spell reads a token's balance once (state one, or constants)")
            seen.add(token)
        ether = [t for t in actions if t.token == NATIVE]
        for t in ether[1:]:
            ctx.diags.error(t.loc("token"), "a second ETH transfer: the spell sends the PauseProxy's ETH once "
                                            "(`(bool success,) = payable(usr).call{value: ...}`), to one recipient")
        by_address = {t.token for t in actions if t.address}
        for t in actions:
            if not t.address and t.token in by_address:
                ctx.diags.error(t.loc("token"), f"{t.token} is named by its address constant elsewhere in the spell: "
                                                "name it one way (`address internal constant` or the chainlog)")
        mine = set(map(id, actions))
        others = {(token, payee.address.lower()) for a in ctx.spell.actions if id(a) not in mine
                  and (payee := a.payee()) is not None for token in a.paid_tokens()}
        for t in actions:
            if (t.symbol, t.to.address.lower()) in others:
                ctx.diags.error(t.loc("to"), f"{t.to.label} also receives {t.symbol} from another action of the "
                                             "spell: verify could not tell the two apart; send it one way")

    def payee(self) -> Party:
        return self.to

    def chainlog_reads(self, day: str) -> tuple[str, ...]:
        return ()  # check names a key the date lacks, at the `token` field

    def _receiver(self, ctx: SolidityContext) -> str:
        if self.symbol:
            return ctx.token(self.symbol, "transfer", "balanceOf")
        return f"{ctx.type('gem', 'transfer', 'balanceOf')}({self.token})"

    def _ether(self, ctx: SolidityContext) -> Block:
        """The PauseProxy's ETH, as 2025-08-21 sent it: a call with value, its success required."""
        literal, note = ctx.wei(self.amount.value) if self.amount.value else ("0", False)
        amount = self.amount.solidity(literal, "address(this).balance")
        to = self.to.address
        head = {CONSTANT: f"Transfer {human(self.amount.value)} ETH to {to}",
                BALANCE_LESS: f"Retain {human(self.amount.value)} ETH in the Pause Proxy and transfer the remaining "
                              f"ETH to {to}"}.get(self.amount.form, f"Transfer all ETH held in the Pause Proxy to {to}")
        return Block(ctx.with_comment(self, [head]), [
            f'(bool success,) = payable({common.code(self.to)}).call{{ value: {amount} }}("");'
            + (ctx.note("ETH") if note else ""),
            "// Note: call returns a boolean which needs to be checked",
            f'require(success, "{ETH_FAILED}");'])

    def solidity(self, ctx: SolidityContext) -> Block:
        if self.token == NATIVE:
            return self._ether(ctx)
        gem = self._receiver(ctx)
        literal, note = self._literal(ctx)
        suffix = ctx.note(self.symbol or self.token) if note else ""
        amount = self.amount.solidity(literal, f"{gem}.balanceOf(address(this))")
        # A held token as 2025-08-21 named it: "all WETH (0xC02a...)".
        name = f"{self.held.symbol} ({self.held.address})" if self.held else self.symbol or self.token
        to = self.to.address
        if self.amount.form == CONSTANT:
            head = f"Transfer {human(self.amount.value)} {name} to {to}"
        elif self.amount.form == BALANCE_LESS:
            head = (f"Retain {human(self.amount.value)} {name} in the Pause Proxy and transfer the remaining "
                    f"{self.name} to {to}")
        else:
            head = f"Transfer all {name} held in the Pause Proxy to {to}"
        return Block(ctx.with_comment(self, [head]), [f"{gem}.transfer({common.code(self.to)}, {amount});{suffix}"])

    def _literal(self, ctx: SolidityContext) -> tuple[str, bool]:
        """The constant: `N * WAD` for an 18-decimals token, else its smallest units (`1_000_500_000`)."""
        if not self.amount.value:
            return "0", False
        if self.amount.decimals != 18:
            return common.wei_literal(self.amount.wei), False
        return ctx.wei(self.amount.value)

    def chainlog_keys(self) -> set[str]:
        return set() if self.symbol or self.address else {self.token}  # ETH: symbol "ETH", no immutable

    def registers(self) -> dict[str, str]:
        return {self.token: self.address} if self.address else {}  # its calls go to the constant's address

    @classmethod
    def extras(cls, actions: list, ctx: SolidityContext) -> SolidityExtras:
        """The address constants of the tokens named by address, in the file's order, once each (2025-08-21's
        `// ---------- ERC-20 Tokens ----------` block)."""
        named = {t.token: t.address for t in actions if t.address}
        return SolidityExtras(constants=[("address", name, address) for name, address in named.items()])

    def gem_symbols(self) -> set[str]:
        return {self.symbol} if self.symbol and self.token != NATIVE else set()

    def code_parties(self) -> list[Party]:
        return [self.to]

    def _label(self) -> str:
        return f"PauseProxy transfer: {self.amount.words(self.name)} to {self.to.label}"

    def expect(self, spell: Spell, out: Expected) -> None:
        from spellgen.spellfile.expect import HeldSent, Item

        symbol = self.symbol or symbol_at(self.token, spell.date) or (self.held.symbol if self.held else None)
        out.proxy_transfers.append(HeldSent(Item(self._label(), self.path), self.token, symbol, self.to.address,
                                            self.amount, self.address))

    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        """Each recipient's balance rose by the amount the PauseProxy's balance before the cast gives, and
        the PauseProxy's fell by every amount (with what the other kinds move of SKY and MKR)."""
        if not e.proxy_transfers:
            return []
        proxy = o.addresses["MCD_PAUSE_PROXY"].lower()
        before, after = getattr(o.before, "held", {}), getattr(o.after, "held", {})
        out: list[Check] = []
        for t in e.proxy_transfers:
            name = t.symbol or t.key
            want = sent_wei(e, t, before, proxy)
            key = (t.key, t.recipient.lower())
            if want is None or key not in before or key not in after:
                why = ("the PauseProxy's balance was below the amount kept back: the transfer reverts"
                       if (t.key, proxy) in before else f"the chain's {t.key} balances were not read")
                out.append(common.ok(t.item.label, t.item.path, "no balance read", [why]))
                continue
            got = after[key] - before[key]
            check = common.ok(t.item.label, t.item.path,
                              f"PauseProxy {name} before the cast {common.wad(before[(t.key, proxy)], name)}; "
                              f"balance {common.wad(before[key], name)} -> {common.wad(after[key], name)}",
                              common.compare([(f"{name} received", common.wad(want, name), common.wad(got, name))]))
            if t.amount.reads_balance and getattr(o, "twin", False):
                # On the twin the PauseProxy's holding is an assumption (spellgen/twin/state.py); a fork reads mainnet's.
                check = replace(check, warning=f"the amount read at the cast rests on the twin's assumed PauseProxy "
                                               f"{name} holding, {common.wad(before[(t.key, proxy)], name)} before the "
                                               "cast (no mainnet fact)")
            out.append(check)
        for token in dict.fromkeys(t.key for t in e.proxy_transfers):
            mine = [t for t in outflows(e) if t.key == token]  # the same token's burns too
            if (token, proxy) not in before or (token, proxy) not in after:
                continue
            name = mine[0].symbol or token
            if (name == "SKY" and (e.sky_transfers or e.conversions or getattr(e, "mkr_at_cast", []))) or \
                    (name == "MKR" and (e.transfers or e.mkr_converted)):
                continue  # those kinds' treasury item checks the PauseProxy's whole change, this kind's too
            out_wei = sum(sent_wei(e, t, before, proxy) or 0 for t in mine)
            want = others_before(e, mine[0].symbol, END) - out_wei
            got = after[(token, proxy)] - before[(token, proxy)]
            out.append(common.ok(f"treasury: PauseProxy {name} {'+' if want >= 0 else '-'}"
                                 f"{common.wad(abs(want), name)}", "spell",
                                 f"PauseProxy {name} {common.wad(before[(token, proxy)], name)} -> "
                                 f"{common.wad(after[(token, proxy)], name)}",
                                 common.compare([(f"PauseProxy {name} change", want, got)])))
        return out

    @classmethod
    def state_effects(cls, e: Expected, view: StateView) -> list[StateEffect]:
        """The token's balances of the recipient and the PauseProxy (tokens of a known layout only: any
        other change stays unexplained, and fails)."""
        proxy = view.addresses["MCD_PAUSE_PROXY"]
        held = getattr(view, "held_before", {})
        out = []
        for t in getattr(e, "proxy_transfers", []):
            wei = sent_wei(e, t, held, proxy)
            if t.symbol is None or wei is None:
                continue
            if t.key == NATIVE:  # account balances, not storage (verify/statediff.py matches them)
                out += [StateEffect("ETH", "balance", (t.recipient,), delta=wei, label=t.item.label, unit="wad:ETH"),
                        StateEffect("ETH", "balance", (proxy,), delta=-wei, label=t.item.label, unit="wad:ETH")]
                continue
            out += [StateEffect(t.key, "balanceOf", (t.recipient,), delta=wei, label=t.item.label,
                                unit=f"wad:{t.symbol}"),
                    StateEffect(t.key, "balanceOf", (proxy,), delta=-wei, label=t.item.label, unit=f"wad:{t.symbol}")]
        return out

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        """One Transfer from the PauseProxy to the recipient (the event check watches the known tokens)."""
        held = getattr(view, "held_before", {})
        moves = []
        for t in e.proxy_transfers:
            wei = sent_wei(e, t, held, view.proxy)
            if t.symbol is not None and t.key != NATIVE and wei is not None:  # ETH moves log nothing
                moves.append((t.symbol, view.proxy, t.recipient.lower(), wei))
        return TokenEvents(moves=tuple(moves))

    def summary_row(self, spell: Spell) -> SummaryRow:
        name = self.symbol or symbol_at(self.token, spell.date) or self.name
        return SummaryRow("PauseProxy transfer", common.recipient(self.to), self.to.address, name,
                          self.amount.words(name) + (" (read at the cast)" if self.amount.reads_balance else ""))

    def diff_fields(self, spell: Spell) -> dict[str, str]:
        return {"token": f"{self.token} ({self.address})" if self.address else self.token, "to": common.diff_party(self.to), "amount": self.amount.yaml(),
                "comment": common.comment_of(self)}

    def identity(self) -> tuple:
        return (self.LABEL, self.token, self.to.address)

    def paid_tokens(self) -> dict[str, Decimal]:
        # A balance read at the cast is not known before it.
        return {} if self.amount.reads_balance else {self.symbol or self.token: self.amount.value}

    def flow(self) -> Flow | None:
        if self.amount.reads_balance or self.symbol is None or self.token == NATIVE:
            return None
        return Flow("transfer", self.symbol, self.amount.value)

    def ledger_fields(self, name: Callable[[Party], str]) -> list[str] | None:
        return None

    def doc_line(self, spell: Spell) -> str:
        token = self.symbol or symbol_at(self.token, spell.date) or self.name
        party = common.doc_party(self.to)
        if self.amount.form == CONSTANT:
            return f"- **{human(self.amount.value)} {token}** will be transferred from the PauseProxy to {party}"
        if self.amount.form == BALANCE_LESS:
            return f"- All {token} held in the PauseProxy but {human(self.amount.value)} of it will go to {party}"
        return f"- All {token} held in the PauseProxy will go to {party}"

    def doc_claims(self) -> list[DocClaim]:
        if self.amount.reads_balance or self.symbol is None or self.token == NATIVE:
            return []
        return [DocClaim(self.symbol, (self.amount.value,), self.to.address.lower(), self.to.label, "amount")]

    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        e = ctx.expected
        out = []
        for t in [t for t in e.proxy_transfers if t.item.path == self.path]:
            name = t.symbol or t.key
            lines = [f"    recipient = {ctx.party(t.recipient)}"]
            if t.amount.reads_balance:
                earlier = earlier_change(e, t)
                shift = f" {'+' if earlier > 0 else '-'} {common.wei_literal(abs(earlier))}" if earlier else ""
                lines += ['    proxy = cast.addresses["MCD_PAUSE_PROXY"].lower()',
                          f'    balance = cast.before.held[("{t.key}", proxy)]{shift}  # the PauseProxy\'s {name} '
                          "at this statement: before the cast" + (", with the earlier statements' changes"
                                                                   if earlier else "")]
                want = t.amount.solidity(common.wei_literal(t.amount.wei), "balance")
            else:
                want = common.wei_literal(t.amount.wei)
            lines += [f'    received = cast.after.held[("{t.key}", recipient.lower())] - '
                      f'cast.before.held[("{t.key}", recipient.lower())]',
                      f"    assert received == {want}  # {t.amount.words(name)}"]
            out.append((t.item, "\n".join(lines) + "\n"))
        return out
