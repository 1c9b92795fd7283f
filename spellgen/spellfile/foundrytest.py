"""The budget tests of a spell as a Foundry test file, in the house style of the spells repository.

`spellgen foundry-test SPEC.yaml` (cli/foundry_test.py) writes it. The expected values are literals
computed from the YAML model (spellgen.spellfile.expect), never from the Solidity, and they are read
from the Expected items generically: no branch on an action's class, so a new kind's payments,
streams, yanks, allowances and caps are tested as soon as it adds Expected items of those types.

The file is self-contained: a minimal test base of its own (only the cheatcodes it uses, no
forge-std) forks `$ETH_RPC_URL` (the twin, or a mainnet node), deploys the spell from the compiled
artifact `spellgen build` writes (`$SPELL_ARTIFACT`), elects it (locks governance tokens in the
chief, votes, lifts), schedules it, warps to `nextCastTime()` and casts it, as the spells
repository's own tests do, and asserts balances, awards, allowances and caps before and after.

The newer kinds are tested as the archive's files of their dates did, with exact values where those
checked bounds: allocator payments (testMonthlySettlementCycleInflows, 2026-05-07), PauseProxy
transfers and burns (testTokenTransfers, 2025-08-21: the PauseProxy's balances read before the cast and
walked through the statements in order), farm vest updates and distributions (testVestedRewardsDist,
2026-04-09), farm inits (testLsskySkyFarm, 2025-10-30), the Uniswap V2 withdrawal
(testUnwindSurplusBuffer, 2025-02-21), repairs and amounts computed at the cast (testRepairs) and vest
onboardings (testAddedChainlogKeys). An amount the spell computes at the cast is read in the block of
the cast (after the warp, before the cast), never taken from the rendered Solidity.

House styles, from the spells archive's `src/DssSpell.t.sol`: early 2022 files test payouts wallet by
wallet (`testPayouts`) and each new award field by field (`testVestDAI`, `testVestMKR`); by December
2022 payments are one list of payees with totals from the executive sheet (`testPayments`), and the
files of 2025-2026 check each vest's new and yanked streams as lists (`testVestSky`, ...).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from spellgen.spellfile.actions.onboarding import guard_key
from spellgen.spellfile.actions.univ2_withdrawal import yielding
from spellgen.spellfile.expect import (
    Distributed, Expected, FarmInitialised, FarmVestUpdated, HeldSent, Item, Itemised, NewAward, Repaired, Yanked,
)
from spellgen.spellfile.amounts import to_wei
from spellgen.spellfile.held import WITHDRAWN
from spellgen.spellfile.history import token_key_at, unregistered_tokens
from spellgen.spellfile.protocol import VESTS, VestKind
from spellgen.spellfile.solidity import comment, string_literal
from spellgen.spellfile.timeutil import stamp

# The first DssSpell.t.sol with a Payee list in the archive is the 2022-12-09 spell's; the 2022-06
# files still test payouts wallet by wallet. Spells dated before this use the early style.
PAYEE_STYLE_SINCE = "2022-12-01"
# Vest tests as lists of new and yanked streams handed to one checking function: first in the
# archive's 2025-07-03 file; before, each award's fields are asserted one by one.
VEST_LIST_STYLE_SINCE = "2025-07-01"
WAD = 10**18


@dataclass(frozen=True)
class Style:
    early: bool  # testPayouts / per-field vest asserts (and `hevm` for the cheatcodes)
    vest_lists: bool = False  # NewStream / YankedStream lists checked by _checkVest

    @property
    def vm(self) -> str:
        return "hevm" if self.early else "vm"


def style_for(date: str) -> Style:
    return Style(early=date < PAYEE_STYLE_SINCE, vest_lists=date >= VEST_LIST_STYLE_SINCE)


def _amount(wei: int) -> str:
    """`1_069_250 * WAD` for whole tokens, the exact wei otherwise."""
    if wei % WAD == 0:
        return f"{wei // WAD:_} * WAD"
    return f"{wei:_}"


def _time(value: int, relative: bool) -> str:
    """A literal unix time with its UTC date, or `castTime +/- offset` for a stream from the cast."""
    if relative:
        return "castTime" if value == 0 else f"castTime {'+' if value > 0 else '-'} {abs(value)}"
    return f"{value} /* {stamp(value)} */"


def _message(text: str, limit: int = 200) -> str:
    """A YAML-derived label as a Solidity string literal: ASCII (others as \\uXXXX text), escaped."""
    return string_literal(text[:limit].encode("ascii", "backslashreplace").decode())


def _note(text: str) -> str:
    """A YAML-derived label as a one-line comment's text (refused if it could break the line)."""
    return comment(text.encode("ascii", "backslashreplace").decode())


def _ident(text: str) -> str:
    return "".join(part.capitalize() for part in text.replace("-", "_").split("_") if part)


# --- the parts -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Movement:
    """A balance the cast must change by `delta` wei (a recipient's, or the PauseProxy's)."""
    token: str  # symbol
    holder: str  # checksummed address, or "PAUSE_PROXY"
    delta: int
    why: list[str]


@dataclass(frozen=True)
class Step:
    """One statement's constant change of one balance, in YAML order (`order`)."""
    order: tuple[int, ...]
    token: str  # symbol
    holder: str  # checksummed address, or "PAUSE_PROXY"
    delta: int
    label: str


def _order(path: str) -> tuple[int, ...]:
    """`sections[1].actions[3]` -> (1, 3): the statement's place in the spell."""
    return tuple(int(n) for n in re.findall(r"\[(\d+)\]", path))


def steps(expected: Expected) -> list[Step]:
    """The constant balance changes of the YAML's payments, transfers and conversions, kind by kind (each
    with its place in the spell: `order`)."""
    out: list[Step] = []

    def add(token: str, holder: str, delta: int, item: Item) -> None:
        out.append(Step(_order(item.path), token, holder, delta, item.label))

    for paid in expected.payments:
        add("DAI", paid.recipient, paid.wei, paid.item)
    for usds in expected.usds_payments:
        add("USDS", usds.recipient, usds.wei, usds.item)
    for sent in expected.transfers:
        add("MKR", sent.recipient, sent.wei, sent.item)
        add("MKR", "PAUSE_PROXY", -sent.wei, sent.item)
    for sky in expected.sky_transfers:
        add("SKY", sky.recipient, sky.wei, sky.item)
        if sky.source != "mkr_direct":
            add("SKY", "PAUSE_PROXY", sky.proxy_sky_change, sky.item)
        if sky.mkr_wei:
            add("MKR", "PAUSE_PROXY", -sky.mkr_wei, sky.item)
    for conversion in expected.conversions:
        add("SKY", "PAUSE_PROXY", conversion.minted, conversion.item)
        add("MKR", "PAUSE_PROXY", -conversion.mkr_wei, conversion.item)
    return out


def movements(expected: Expected) -> list[Movement]:
    """Every balance change the YAML's payments, transfers and conversions make, per token and holder;
    but those of a token the PauseProxy also moves by its balance or burns (testTokenTransfers has them)."""
    deltas: dict[tuple[str, str], int] = defaultdict(int)
    why: dict[tuple[str, str], list[str]] = defaultdict(list)
    held = {_held_symbol(expected, sent) for sent in [*expected.proxy_transfers, *expected.held_burns]}
    repaired, cast_time_moved = _repair_holders(expected), _cast_time_moves(expected)
    for step in steps(expected):
        if step.token in held or (step.token == "DAI" and step.holder in repaired) or \
                (step.holder == "PAUSE_PROXY" and step.token in cast_time_moved):
            continue
        deltas[(step.token, step.holder)] += step.delta
        why[(step.token, step.holder)].append(step.label)
    return [Movement(token, holder, delta, why[(token, holder)]) for (token, holder), delta in deltas.items()]


def _holder(holder: str) -> str:
    return "_addr(\"MCD_PAUSE_PROXY\")" if holder == "PAUSE_PROXY" else holder


def _token(expected: Expected, symbol: str) -> str:
    """A budget token by its chainlog key at the spell's date, or by its address when the chainlog of the
    date lacks it (SPK before the 2025-06-26 spell registered it), as the spell names it."""
    day = expected.date or "2000-01-01"
    return unregistered_tokens(day).get(symbol) or f'_addr("{token_key_at(symbol, day)}")'


def payments_test(expected: Expected, style: Style) -> str:
    moves = movements(expected)
    if not moves:
        return ""
    if style.early:
        return _payouts_test(expected, moves)
    lines = ["    function testPayments() public {"]
    totals: dict[str, int] = defaultdict(int)
    for move in moves:
        if move.holder != "PAUSE_PROXY":
            totals[move.token] += move.delta
    lines.append("        // Totals from the executive sheet (the YAML), per token")
    for token, total in totals.items():
        lines.append(f"        // {token}: {_amount(total)}")
    lines.append(f"        Payee[] memory payees = new Payee[]({len(moves)});")
    for index, move in enumerate(moves):
        sign = "true" if move.delta >= 0 else "false"
        lines.append(f"        payees[{index}] = Payee({_token(expected, move.token)}, {_holder(move.holder)}, "
                     f"{_amount(abs(move.delta))}, {sign}, {_message('; '.join(move.why))});")
    lines += [
        "        uint256[] memory before = new uint256[](payees.length);",
        "        for (uint256 i = 0; i < payees.length; i++) before[i] = _balance(payees[i].token, payees[i].addr);",
        "",
        "        _vote(address(spell));",
        "        _scheduleWarpAndCast();",
        "",
        "        for (uint256 i = 0; i < payees.length; i++) {",
        "            uint256 expected = payees[i].received ? before[i] + payees[i].amount : before[i] - payees[i].amount;",
        "            _assertEq(_balance(payees[i].token, payees[i].addr), expected, payees[i].item);",
        "        }",
        "    }",
    ]
    return "\n".join(lines) + "\n"


def _payouts_test(expected: Expected, moves: list[Movement]) -> str:
    """The early style: one balance before and after per wallet, written out."""
    lines = ["    function testPayouts() public {"]
    for index, move in enumerate(moves):
        lines.append(f"        uint256 prevBalance{index} = _balance({_token(expected, move.token)}, {_holder(move.holder)});")
    lines += ["", "        _vote(address(spell));", "        _scheduleWarpAndCast();", ""]
    for index, move in enumerate(moves):
        sign = "+" if move.delta >= 0 else "-"
        lines.append(f"        _assertEq(_balance({_token(expected, move.token)}, {_holder(move.holder)}), "
                     f"prevBalance{index} {sign} {_amount(abs(move.delta))}, {_message('; '.join(move.why))});")
    lines.append("    }")
    return "\n".join(lines) + "\n"


def _vest_tests(expected: Expected, style: Style) -> list[str]:
    tests = []
    for vest in expected.vests:
        awards = [a for a in expected.awards if a.vest == vest]
        yanks = [y for y in expected.yanks if y.vest == vest]
        caps = [c for c in expected.caps if c.vest == vest]
        if not (awards or yanks or caps):
            continue
        token = VESTS[vest].token
        rest = _ident(vest.removeprefix("MCD_VEST_").removeprefix(token))  # "Treasury", "Legacy" or ""
        # testVestDAI, testVestMKR until the list style; testVestSky, testVestUsds, testVestSpk with it
        name = f"testVest{token.capitalize() if style.vest_lists else token.upper()}{rest}"
        lines = [f"    function {name}() public {{", f'        VestLike vest = VestLike({_vest_at(expected, vest)});',
                 "        uint256 streams = vest.ids();"]
        for yank in yanks:  # before the cast: the award exists, and is as the YAML describes it
            lines.append(f"        _assertTrue(vest.usr({yank.award}) != address(0), "
                         f"\"award {yank.award} on {vest} does not exist\");")
            lines.append(f"        uint256 finBefore{yank.award} = vest.fin({yank.award});")
            if yank.usr:
                lines.append(f"        _assertEq(vest.usr({yank.award}), {yank.usr}, "
                             f"{_message('recipient before the cast: ' + yank.item.label)});")
            if yank.fin_before is not None:
                lines.append(f"        _assertEq(vest.fin({yank.award}), {yank.fin_before}, "
                             f"{_message('end before the cast: ' + yank.item.label)});")
        if any(cap.raise_only for cap in caps):  # filed only above the cap in force before the cast
            lines.append("        uint256 capBefore = vest.cap();")
        if yanks:  # an award that already ended keeps its fin when yanked: its Yank event is the proof
            lines.append(f"        {style.vm}.recordLogs();")
        lines += ["", "        _vote(address(spell));", "        _scheduleWarpAndCast();"]
        if yanks:
            lines.append(f"        Vm.Log[] memory logs = {style.vm}.getRecordedLogs();")
        if yanks or any(a.cast_offset is not None for a in awards):  # their times are the cast's
            lines.append("        uint256 castTime = block.timestamp;")
        lines.append("")
        for cap in caps:
            want = f"capBefore > {cap.per_second} ? capBefore : {cap.per_second}" if cap.raise_only else str(cap.per_second)
            lines.append(f"        _assertEq(vest.cap(), {want}, {_message(cap.item.label)});")
        if style.vest_lists:
            # a farm's update or init on the vest creates its award after the streams (testVestedRewardsDist
            # and the farm's test check it): the vest's count includes it
            lines += _stream_lists(awards, yanks, expected.new_awards_per_vest.get(vest, 0) - len(awards))
        else:
            count = expected.new_awards_per_vest.get(vest, len(awards))
            lines.append(f"        _assertEq(vest.ids(), streams + {count}, \"new streams on {vest}\");")
            for offset, award in enumerate(awards, 1):
                lines += _award_lines(award, offset)
            for yank in yanks:
                lines.append(f"        _assertEq(vest.fin({yank.award}), {_yank_end(yank)}, {_message(yank.item.label)});")
        for yank in yanks:
            end = "castTime" if yank.end is None else f"({yank.end} > castTime ? {yank.end} : castTime)"
            lines.append(f"        _assertYankLogged(logs, address(vest), {yank.award}, {end}, {_message(yank.item.label)});")
        lines.append("    }")
        tests.append("\n".join(lines) + "\n")
    return tests


def _yank_end(yank: Yanked) -> str:
    """What `fin` is after the yank, as DssVest.yank sets it: the end (the cast time when none is given,
    or when it is earlier), unless the award already ends before that, when fin stays."""
    end = "castTime" if yank.end is None else f"({yank.end} > castTime ? {yank.end} : castTime)"
    return f"_min(finBefore{yank.award}, {end})"


def _stream_lists(awards: list[NewAward], yanks: list[Yanked], farms: int = 0) -> list[str]:
    """The 2025-2026 shape: the vest's new and yanked streams as lists, checked by `_checkVest`."""
    lines = [f"        NewStream[] memory newStreams = new NewStream[]({len(awards)});"]
    for index, award in enumerate(awards):
        relative = award.cast_offset is not None
        lines += [f"        newStreams[{index}] = NewStream({{",
                  f"            usr: {award.usr},",
                  f"            bgn: {_time(award.bgn, relative)},",
                  f"            clf: {_time(award.clf, relative)},",
                  f"            fin: {_time(award.fin, relative)},",
                  f"            mgr: {award.mgr},",
                  f"            res: {award.res},",
                  f"            tot: {_amount(award.tot)},",
                  f"            item: {_message(award.item.label)}",
                  "        });"]
    lines.append(f"        YankedStream[] memory yankedStreams = new YankedStream[]({len(yanks)});")
    for index, yank in enumerate(yanks):
        lines.append(f"        yankedStreams[{index}] = YankedStream({{id: {yank.award}, fin: {_yank_end(yank)}, "
                     f"item: {_message(yank.item.label)}}});")
    lines.append("        _checkVest(vest, streams, newStreams, yankedStreams);" if not farms else
                 f"        _checkVest(vest, streams, {farms}, newStreams, yankedStreams);")
    return lines


def _award_lines(award: NewAward, offset: int) -> list[str]:
    relative = award.cast_offset is not None
    label = award.item.label
    # each award in a block of its own: its id's stack slot is freed after it (a spell of many new awards,
    # 2021-09-03, with 16 on one vest, runs out of stack otherwise)
    lines = [f"        // {_note(label)}", "        {", f"        uint256 id{offset} = streams + {offset};"]
    checks = [("usr", award.usr), ("bgn", _time(award.bgn, relative)), ("clf", _time(award.clf, relative)),
              ("fin", _time(award.fin, relative)), ("mgr", award.mgr), ("res", str(award.res)),
              ("tot", _amount(award.tot)), ("rxd", "0")]
    for field, value in checks:
        lines.append(f"        _assertEq(vest.{field}(id{offset}), {value}, {_message(field + ': ' + label)});")
    return lines + ["        }"]


def _vest_at(expected: Expected, vest: str) -> str:
    """A vest as the test reaches it: by its chainlog key, but by the address the YAML gives for a vest the
    spell onboards (before the cast its key is missing, or names the contract that moves to a legacy key)."""
    onboarded = {entry.key: entry.address for entry in expected.onboarded}
    return onboarded.get(vest) or f'_addr("{vest}")'


def _vest_key(expected: Expected, vest: str) -> str:
    """The vest argument of `_allowance`: its key (a string literal), or the onboarded vest's address."""
    at = _vest_at(expected, vest)
    return f'"{vest}"' if at.startswith("_addr(") else at


def allowances_test(expected: Expected, style: Style) -> str:
    if not expected.allowances:
        return ""
    lines = ["    function testAllowances() public {"]
    for index, change in enumerate(expected.allowances):
        if change.mode in ("increase", "adjust"):  # the others are absolute after the cast
            lines.append(f"        uint256 before{index} = _allowance({_token(expected, change.token)}, {_vest_key(expected, change.vest)});")
        if change.mode == "adjust":  # what the award the spell yanks still owes, read before the cast
            vest = f'VestLike({_vest_at(expected, change.vest)})'
            lines.append(f"        uint256 left{index} = {vest}.tot({change.award}) - {vest}.rxd({change.award});")
    lines += ([""] if len(lines) > 1 else []) + ["        _vote(address(spell));", "        _scheduleWarpAndCast();", ""]
    for index, change in enumerate(expected.allowances):
        token = _token(expected, change.token)
        if change.mode == "increase":
            want = f"before{index} + {_amount(change.wei)}"
        elif change.mode == "set":
            want = _amount(change.wei)
        elif change.mode == "adjust":
            want = f"before{index} - left{index} + {_amount(change.wei)}"
        else:  # what every valid award of the vest still owes, summed on the chain after the cast
            want = f'_owed(VestLike({_vest_at(expected, change.vest)}))'
        lines.append(f"        _assertEq(_allowance({token}, {_vest_key(expected, change.vest)}), {want}, {_message(change.item.label)});")
    lines.append("    }")
    return "\n".join(lines) + "\n"


def chainlog_test(expected: Expected) -> str:
    if not expected.chainlog:
        return ""
    lines = ["    function testChainlogRecipients() public view {"]
    for entry in expected.chainlog:
        lines.append(f'        _assertEq(_addr("{entry.key}"), {entry.address}, {_message(entry.item.label)});')
    lines.append("    }")
    return "\n".join(lines) + "\n"


# The tokens the other kinds move (their steps join a held token's ledger by these symbols).
LEDGER_SYMBOLS = ("DAI", "MKR", "SKY", "USDS", "SPK", "ETH")


def _held_symbol(expected: Expected, sent: HeldSent) -> str:
    """The ledger's name of a held token: its symbol when the other kinds may move it too (so their SKY
    and MKR moves join it), its chainlog key otherwise."""
    return sent.symbol if sent.symbol in LEDGER_SYMBOLS else sent.key


def _held_token(sent: HeldSent) -> str:
    """The token as the test reads it: by the chainlog key the YAML names (check proved it at the date)."""
    if sent.symbol == "ETH":  # the PauseProxy's own ETH: the test base's ETH stands for it
        return "ETH"
    return f'_addr("{sent.key}")'


@dataclass
class Linear:
    """A balance as `share` times the PauseProxy's balance before the cast, plus `constant` wei."""
    share: int = 0
    constant: int = 0

    def plus(self, other: Linear, sign: int = 1) -> Linear:
        return Linear(self.share + sign * other.share, self.constant + sign * other.constant)

    def solidity(self, start: str, proxy: str) -> str:
        """`start` plus this, as uint arithmetic that adds before it subtracts (no underflow on the way)."""
        terms = [(self.share, proxy), (0 if self.constant == 0 else 1 if self.constant > 0 else -1,
                                       _amount(abs(self.constant)))]
        text = start
        for count, term in sorted(terms, key=lambda t: t[0] < 0):
            if count == 0:
                continue
            text += "".join(f" {'+' if count > 0 else '-'} {term}" for _ in range(abs(count)))
        return text


def _cast_time_movers(expected: Expected) -> dict[str, list[tuple[int, ...]]]:
    """Symbol -> the places in the spell of the statements that change the PauseProxy's balance of it by
    an amount computed at the cast (a transferrable vest paying an award, a pool withdrawal paying the
    PauseProxy): testTokenTransfers cannot give that amount from the balances before the cast."""
    out: dict[str, list[tuple[int, ...]]] = defaultdict(list)
    paying: list[Distributed | FarmVestUpdated | FarmInitialised | Repaired] = [
        *expected.distributions, *expected.farm_updates, *expected.farm_inits, *expected.repairs]
    for entry in paying:
        vest = VESTS.get(entry.vest)
        if vest is not None and vest.kind == VestKind.TRANSFERRABLE:
            out[vest.token].append(_order(entry.item.path))
    for pool in expected.pool_withdrawals:
        for symbol in (pool.token0, pool.token1):
            out[symbol].append(_order(pool.item.path))
    for converted in expected.mkr_at_cast:  # the PauseProxy's MKR less what awards owe, into SKY
        for symbol in ("MKR", "SKY"):
            out[symbol].append(_order(converted.item.path))
    return dict(out)


def _cast_time_moves(expected: Expected) -> dict[str, tuple[int, ...]]:
    """Symbol -> the first place of such a statement."""
    return {symbol: min(places) for symbol, places in _cast_time_movers(expected).items()}


def _unledgered(expected: Expected) -> list[HeldSent]:
    """The held transfers and burns reading a balance that such a statement changed before them."""
    first = _cast_time_moves(expected)
    return [sent for sent in [*expected.proxy_transfers, *expected.held_burns] if sent.amount.reads_balance
            and _order(sent.item.path) > first.get(_held_symbol(expected, sent), (10**9,))]


def token_transfers_test(expected: Expected) -> str:
    """testTokenTransfers (the 2025-08-21 file's form): the PauseProxy's balances of the tokens it sends or
    burns by a constant or by its balance, read before the cast, walked through the spell's statements in
    order (the other kinds' moves of those tokens included), so each recipient's balance after is its
    balance before plus a share of the PauseProxy's, and the PauseProxy keeps what the YAML leaves it.
    A burnt token's total supply falls by the amounts burnt when no other statement mints or burns it."""
    unledgered = {id(sent) for sent in _unledgered(expected)}  # named as untested; left out here
    held = [sent for sent in [*expected.proxy_transfers, *expected.held_burns] if id(sent) not in unledgered]
    if not held:
        return ""
    cast_time_moved = _cast_time_moves(expected)
    symbols = list(dict.fromkeys(_held_symbol(expected, sent) for sent in held))
    # ledger name -> how the test reads the token: the first statement's key names it
    token_of: dict[str, str] = {}
    for sent in held:
        token_of.setdefault(_held_symbol(expected, sent), _held_token(sent))
    proxy = "PAUSE_PROXY"
    balances: dict[tuple[str, str], Linear] = {}
    burnt: dict[str, Linear] = {}
    why: dict[tuple[str, str], list[str]] = defaultdict(list)
    events: list[tuple[tuple[int, ...], object]] = [(_order(sent.item.path), sent) for sent in held]
    events += [(step.order, step) for step in steps(expected) if step.token in symbols]
    for _, event in sorted(events, key=lambda pair: pair[0]):
        if isinstance(event, Step):
            key = (event.token, event.holder)
            balances[key] = balances.get(key, Linear()).plus(Linear(0, event.delta))
            why[key].append(event.label)
            continue
        assert isinstance(event, HeldSent)
        symbol = _held_symbol(expected, event)
        now = balances.get((symbol, proxy), Linear()).plus(Linear(1, 0))  # the PauseProxy's balance at it
        moved = {"constant": Linear(0, event.amount.wei), "balance": now,
                 "balance less": now.plus(Linear(0, event.amount.wei), -1)}[event.amount.form]
        balances[(symbol, proxy)] = balances.get((symbol, proxy), Linear()).plus(moved, -1)
        why[(symbol, proxy)].append(event.item.label)
        if event in expected.held_burns:
            burnt[symbol] = burnt.get(symbol, Linear()).plus(moved, -1)
        else:
            key = (symbol, event.recipient)
            balances[key] = balances.get(key, Linear()).plus(moved)
            why[key].append(event.item.label)
    minted = _minted_elsewhere(expected)
    names = expected.party_names
    holders = [key for key in balances if key[1] != proxy]
    # arrays, not locals: a spell moving many tokens would run out of stack
    lines = ["    function testTokenTransfers() public {",
             f"        address[] memory token = new address[]({len(symbols)});",
             f"        uint256[] memory pauseProxyBalance = new uint256[]({len(symbols)});",
             f"        uint256[] memory before = new uint256[]({len(holders)});",
             f"        uint256[] memory supply = new uint256[]({len(symbols)});"]
    for index, symbol in enumerate(symbols):
        lines.append(f"        token[{index}] = {token_of[symbol]}; // {symbol}")
        lines.append(f"        pauseProxyBalance[{index}] = _balance(token[{index}], _addr(\"MCD_PAUSE_PROXY\"));")
    for number, (symbol, holder) in enumerate(holders):
        lines.append(f"        before[{number}] = _balance(token[{symbols.index(symbol)}], {holder});")
    for symbol in burnt:
        if symbol not in minted:
            lines.append(f"        supply[{symbols.index(symbol)}] = TokenLike(token[{symbols.index(symbol)}]).totalSupply();")
    lines += ["", "        _vote(address(spell));", "        _scheduleWarpAndCast();", ""]
    for number, (symbol, holder) in enumerate(holders):
        index = symbols.index(symbol)
        want = balances[(symbol, holder)].solidity(f"before[{number}]", f"pauseProxyBalance[{index}]")
        lines.append(f"        _assertEq(_balance(token[{index}], {holder}), {want}, "
                     f"{_message(symbol + ' of ' + names.get(holder.lower(), holder) + ': ' + '; '.join(why[(symbol, holder)]))});")
    for index, symbol in enumerate(symbols):
        if symbol in cast_time_moved:
            lines.append(f"        // {symbol}: a later statement moves the PauseProxy's by an amount computed at the "
                         "cast; what it keeps is not asserted")
            continue
        left = balances.get((symbol, proxy), Linear()).plus(Linear(1, 0))  # what the PauseProxy holds after
        lines.append(f"        _assertEq(_balance(token[{index}], _addr(\"MCD_PAUSE_PROXY\")), "
                     f"{left.solidity('0', f'pauseProxyBalance[{index}]').removeprefix('0 + ') if left.share or left.constant else '0'}, "
                     f"{_message(symbol + ' the PauseProxy keeps: ' + '; '.join(why[(symbol, proxy)]))});")
    for symbol, change in burnt.items():
        index = symbols.index(symbol)
        if symbol in minted:
            lines.append(f"        // {symbol}: other statements mint or burn it too; its total supply is not asserted")
            continue
        lines.append(f"        _assertEq(TokenLike(token[{index}]).totalSupply(), "
                     f"{change.solidity(f'supply[{index}]', f'pauseProxyBalance[{index}]')}, \"{symbol} total supply after the burns\");")
    lines.append("    }")
    return "\n".join(lines) + "\n"


def _minted_elsewhere(expected: Expected) -> set[str]:
    """Tokens whose total supply other statements change (payments mint DAI and USDS, conversions mint
    SKY and burn MKR)."""
    out = {"DAI"} if expected.payments or expected.computed_payments else set()
    if expected.usds_payments:
        out.add("USDS")
    if expected.conversions or expected.mkr_at_cast or any(sky.mkr_wei for sky in expected.sky_transfers):
        out |= {"SKY", "MKR"}
    return out


def allocator_test(expected: Expected) -> str:
    """testMonthlySettlementCycleInflows (the 2026-05-07 file's test of the allocator payments): each
    vault's urn debt and its ilk's Art rise by `dart` = wad / rate rounded up, and the Vow's dai by
    dart * rate. As the repository's test does first, the Jug is dripped in the block of the cast, so the
    rate the test reads before the cast is the one the spell's own drip returns."""
    if not expected.allocator_payments:
        return ""
    paid = expected.allocator_payments
    lines = ["    function testMonthlySettlementCycleInflows() public {",
             f"        AllocatorPayment[] memory payments = new AllocatorPayment[]({len(paid)});"]
    for index, payment in enumerate(paid):
        lines.append(f'        payments[{index}] = AllocatorPayment(_addr("{payment.vault}"), '
                     f'{_amount(payment.wei)}, {_message(payment.item.label)});')
    lines += [f"        // Total from the executive sheet (the YAML): {_amount(sum(p.wei for p in paid))}",
              "        _vote(address(spell));",
              "        _scheduleAndWarp();",
              "        MscIlkValues[] memory want = _allocatorPaymentsExpected(payments);",
              '        uint256 vowDai = VatLike(_addr("MCD_VAT")).dai(_addr("MCD_VOW"));',
              "        for (uint256 i = 0; i < payments.length; i++) vowDai += want[i].dtab;",
              "",
              "        _cast();",
              "",
              "        for (uint256 i = 0; i < payments.length; i++) {",
              "            (uint256 urnArt, uint256 ilkArt) = _allocatorArt(payments[i].vault);",
              '            _assertEq(urnArt, want[i].urnArt, string(abi.encodePacked("vault debt (urn art): ", payments[i].item)));',
              '            _assertEq(ilkArt, want[i].ilkArt, string(abi.encodePacked("ilk Art: ", payments[i].item)));',
              "        }",
              '        _assertEq(VatLike(_addr("MCD_VAT")).dai(_addr("MCD_VOW")), vowDai, "the Vow\'s dai (the surplus buffer)");',
              "    }"]
    return "\n".join(lines) + "\n"


def onboarding_test(expected: Expected) -> str:
    """testAddedChainlogKeys: each key the spell adds holds its contract after the cast, a key it moves to
    a legacy name holds what the key held before, a vest that sucks is a ward of the Vat, and the
    ChainLog's version is the one the YAML gives."""
    if not expected.onboarded:
        return ""
    lines = ["    function testAddedChainlogKeys() public {"]
    for index, entry in enumerate(expected.onboarded):
        if entry.legacy:
            lines.append(f'        address legacy{index} = _addr("{entry.key}");')
    lines += ([""] if len(lines) > 1 else []) + ["        _vote(address(spell));", "        _scheduleWarpAndCast();", ""]
    for index, entry in enumerate(expected.onboarded):
        label = entry.item.label
        lines.append(f'        _assertEq(_addr("{entry.key}"), {entry.address}, {_message(label)});')
        if entry.legacy:
            lines.append(f'        _assertEq(_addr("{entry.legacy}"), legacy{index}, {_message("legacy key: " + label)});')
        if entry.rely:
            lines.append(f'        _assertEq(WardsLike(_addr("MCD_VAT")).wards({entry.address}), 1, '
                         f'{_message("a ward of the Vat: " + label)});')
        if entry.mints and (guard := guard_key(expected.date)):  # its awards mint MKR: a ward of MKR's authority
            lines.append(f'        _assertEq(WardsLike(_addr("{guard}")).wards({entry.address}), 1, '
                         f"{_message('a ward of the authority of MKR (' + guard + '): ' + label)});")
        if entry.version:
            lines.append(f"        _assertTrue(keccak256(bytes(chainlog.version())) == keccak256(bytes({string_literal(entry.version)})), "
                         f"{_message('chainlog version: ' + label)});")
    lines.append("    }")
    return "\n".join(lines) + "\n"


def rewards_tests(expected: Expected) -> list[str]:
    """testVestedRewardsDist (the 2026-04-09 file's test of a farm's vest update): for each distribution a
    farm vest update or a `distribute` pays from, what its award owes in the block of the cast (read
    after the warp, as `unpaid`) is paid to the farm; a replaced award ends at the cast and the new one,
    from the cast, is filed as the distribution's vestId, with the allowance and the cap as the update
    sets them."""
    by_dist: dict[str, list[Distributed | FarmVestUpdated]] = defaultdict(list)
    paying: list[Distributed | FarmVestUpdated] = [*expected.distributions, *expected.farm_updates]
    for entry in paying:
        by_dist[entry.dist].append(entry)
    tests = []
    for dist, entries in by_dist.items():
        name = "testVestedRewardsDist" + ("" if len(by_dist) == 1 else _ident(dist.removeprefix("REWARDS_DIST_")))
        lines = [f"    function {name}() public {{",
                 f'        RewardsDistLike dist = RewardsDistLike(_addr("{dist}"));',
                 f"        RewardsBefore[] memory before = new RewardsBefore[]({len(entries)});"]
        for entry in entries:
            if isinstance(entry, FarmVestUpdated):
                lines.append(f"        _assertEq(dist.vestId(), {entry.award}, "
                             f"{_message('the award the distribution holds before the cast: ' + entry.item.label)});")
        lines += ["", "        _vote(address(spell));", "        _scheduleAndWarp();",
                  "        // read in the block of the cast: what an award owes then is what distribute() pays"]
        for index, entry in enumerate(entries):
            vest = _vest_at(expected, entry.vest)
            lines.append(f"        before[{index}] = _rewardsBefore(dist, VestLike({vest}), {entry.award}, "
                         f"{_token(expected, VESTS[entry.vest].token)});")
        lines += ["", "        _cast();", "        uint256 castTime = block.timestamp;", ""]
        for index, entry in enumerate(entries):
            lines += _rewards_lines(expected, entry, index)
        lines.append("    }")
        tests.append("\n".join(lines) + "\n")
    return tests


def _rewards_lines(expected: Expected, entry: Distributed | FarmVestUpdated, index: int) -> list[str]:
    award, b = entry.award, f"before[{index}]"
    label = f"{entry.dist}, award {award} on {entry.vest}"  # the whole item's label is the comment above
    vest = f"VestLike({_vest_at(expected, entry.vest)})"
    lines = [f"        // {_note(entry.item.label)}",
             f"        _assertEq({vest}.rxd({award}), {b}.rxd + {b}.owed, {_message('award paid what it owed: ' + label)});",
             f"        _assertEq(_balance({b}.token, {b}.farm), {b}.farmBalance + {b}.owed, {_message('the farm received it: ' + label)});",
             f"        if ({b}.owed > 0) _assertEq(dist.lastDistributedAt(), castTime, {_message('distributed at the cast: ' + label)});"]
    if isinstance(entry, Distributed):
        return lines
    # the new award's place after the vest's ids before the cast: after the streams on the vest (check
    # keeps them first) and the earlier updates on it
    new = sum(1 for a in expected.awards if a.vest == entry.vest) + 1 + \
        [f for f in expected.farm_updates if f.vest == entry.vest].index(entry)
    lines += [f"        _assertEq({vest}.fin({award}), _min({b}.fin, castTime), {_message('replaced award ends at the cast: ' + label)});",
              f"        _assertEq({vest}.tot({award}), {b}.rxd + {b}.owed, {_message('replaced award keeps what it paid: ' + label)});",
              f"        _assertEq(dist.vestId(), {b}.ids + {new}, {_message('the new award filed: ' + label)});"]
    checks = [("usr", "address(dist)"), ("bgn", "castTime"), ("clf", "castTime"), ("fin", f"castTime + {entry.tau}"),
              ("mgr", "address(0)"), ("res", "1"), ("tot", _amount(entry.tot)), ("rxd", "0")]
    for field, value in checks:
        lines.append(f"        _assertEq({vest}.{field}({b}.ids + {new}), {value}, {_message('new award ' + field + ': ' + label)});")
    lines += [f"        _assertEq({vest}.cap(), {b}.cap > {entry.rate} ? {b}.cap : {entry.rate}, "
              f"{_message('cap at least 110% of the new rate: ' + label)});",
              f"        _assertEq(_allowance({b}.token, address({vest})), {b}.allowance - {b}.left + {_amount(entry.tot)}, "
              f"{_message('allowance: less what the replaced award owed, plus the new total: ' + label)});"]
    return lines


def _repair_holders(expected: Expected) -> set[str]:
    """The recipients testRepairs owns the DAI balance of: amounts computed at the cast, and the owners the
    YAML states of the awards a repair pays out."""
    return {paid.recipient for paid in expected.computed_payments} | {r.usr for r in expected.repairs if r.usr}


def repairs_test(expected: Expected) -> str:
    """testRepairs (the 2022-02-04 spell's repair of two DAI streams): what each award has accrued and
    owes in the block of the cast (read after the warp) is what the spell reads and pays; after the cast
    each recipient's DAI rose by the amounts computed from those readings (and by the constant payments to
    it), a repaired award paid what it owed, is unrestricted and ends at the cast."""
    computed, repairs = expected.computed_payments, expected.repairs
    if not (computed or repairs):
        return ""
    holders = sorted(_repair_holders(expected))
    dai = _token(expected, "DAI")
    lines = ["    function testRepairs() public {",
             f"        uint256[] memory reading = new uint256[]({len(computed)});",
             f"        uint256[] memory owed = new uint256[]({len(repairs)});",
             f"        uint256[] memory rxd = new uint256[]({len(repairs)});",
             f"        uint256[] memory fin = new uint256[]({len(repairs)});",
             f"        uint256[] memory before = new uint256[]({len(holders)});"]
    for index, repair in enumerate(repairs):  # before the cast: the award exists, and is as the YAML says
        vest = f"VestLike({_vest_at(expected, repair.vest)})"
        lines.append(f"        _assertTrue({vest}.usr({repair.award}) != address(0), "
                     f"\"award {repair.award} on {repair.vest} does not exist\");")
        for field, value in (("usr", repair.usr), ("fin", repair.fin_before), ("bgn", repair.bgn_before),
                             ("tot", repair.tot_before)):
            if value is not None:
                lines.append(f"        _assertEq({vest}.{field}({repair.award}), {value}, "
                             f"{_message(field + ' before the cast: ' + repair.item.label)});")
    lines += ["", "        _vote(address(spell));", "        _scheduleAndWarp();",
              "        // read in the block of the cast: what the spell reads and what vest() pays then"]
    for index, paid in enumerate(computed):
        reading = paid.amount.reading
        lines.append(f"        reading[{index}] = VestLike({_vest_at(expected, reading.vest)}).{reading.what}({reading.award});")
    for index, repair in enumerate(repairs):
        vest = f"VestLike({_vest_at(expected, repair.vest)})"
        lines += [f"        owed[{index}] = {vest}.unpaid({repair.award});",
                  f"        rxd[{index}] = {vest}.rxd({repair.award});",
                  f"        fin[{index}] = {vest}.fin({repair.award});"]
    for number, holder in enumerate(holders):
        lines.append(f"        before[{number}] = _balance({dai}, {holder});")
    lines += ["", "        _cast();", "        uint256 castTime = block.timestamp;", ""]
    for number, holder in enumerate(holders):
        terms, labels = [], []
        for index, paid in enumerate(computed):
            if paid.recipient == holder:
                amount = paid.amount
                value = _amount(to_wei(amount.value))
                terms.append(f"(reading[{index}] - {value})" if amount.less_value else
                             f"({value} {'+' if amount.sign > 0 else '-'} reading[{index}])")
                labels.append(paid.item.label)
        for index, repair in enumerate(repairs):
            if repair.usr == holder:
                terms.append(f"owed[{index}]")
                labels.append(repair.item.label)
        for constant in expected.payments:
            if constant.recipient == holder:
                terms.append(_amount(constant.wei))
                labels.append(constant.item.label)
        name = expected.party_names.get(holder.lower(), holder)
        lines.append(f"        _assertEq(_balance({dai}, {holder}), before[{number}] + {' + '.join(terms)}, "
                     f"{_message('DAI of ' + name + ': ' + '; '.join(labels))});")
    for index, repair in enumerate(repairs):
        vest, award = f"VestLike({_vest_at(expected, repair.vest)})", repair.award
        label = repair.item.label
        lines += [f"        _assertEq({vest}.rxd({award}), rxd[{index}] + owed[{index}], {_message('paid what it owed: ' + label)});",
                  f"        _assertEq({vest}.res({award}), 0, {_message('unrestricted: ' + label)});",
                  f"        _assertEq({vest}.fin({award}), _min(fin[{index}], castTime), {_message('ends at the cast: ' + label)});",
                  f"        _assertEq({vest}.tot({award}), rxd[{index}] + owed[{index}], {_message('keeps what it paid: ' + label)});"]
    lines.append("    }")
    return "\n".join(lines) + "\n"


def farm_init_tests(expected: Expected) -> list[str]:
    """test<Farm>Farm (the 2025-10-30 file's testLsskySkyFarm) with exact values: the farm names its
    distribution, the distribution its new award (the vest's ids before the cast + the init's place among
    the inits on it), the award from the cast + offset for the duration to the distribution, restricted;
    what it accrued by the cast (its start before it) distributed to the farm at once; the allowance raised
    by the total less that, the cap at least 110% of the rate, the keeper job's interval, the Lockstake
    engine's farm (a lockstake farm)."""
    tests = []
    for init in expected.farm_inits:
        name = f"test{_ident(init.farm.removeprefix('REWARDS_').lower())}Farm"
        vest, token, farm, dist = _vest_at(expected, init.vest), _token(expected, init.token), init.farm_address, init.dist_address
        label = f"{init.farm} paid by {init.dist}"  # the whole item's label is the comment below
        offset = "" if init.offset == 0 else f" {'+' if init.offset > 0 else '-'} {abs(init.offset)}"
        lines = [f"    function {name}() public {{",
                 f"        // {_note(init.item.label)}",
                 f"        VestLike vest = VestLike({vest});",
                 "        uint256 ids = vest.ids();",
                 "        uint256 capBefore = vest.cap();",
                 f"        uint256 allowanceBefore = _allowance({token}, address(vest));",
                 f"        uint256 farmBalance = _balance({token}, {farm});",
                 "", "        _vote(address(spell));", "        _scheduleWarpAndCast();",
                 f"        uint256 bgn = block.timestamp{offset};",
                 "        // what the award accrued by the cast (DssVest's accrued: no cliff), distributed at once",
                 f"        uint256 paid = block.timestamp >= bgn + {init.tau} ? {_amount(init.tot)} : block.timestamp > bgn"
                 f" ? {_amount(init.tot)} * (block.timestamp - bgn) / {init.tau} : 0;",
                 "",
                 f"        _assertEq(RewardsLike({farm}).rewardsDistribution(), {dist}, {_message('the farm names its distribution: ' + label)});",
                 f"        _assertEq(RewardsDistLike({dist}).stakingRewards(), {farm}, {_message('the distribution pays the farm: ' + label)});",
                 f"        _assertEq(RewardsDistLike({dist}).vestId(), ids + {init.nth}, {_message('the new award filed: ' + label)});"]
        checks = [("usr", dist), ("bgn", "bgn"), ("clf", "bgn"), ("fin", f"bgn + {init.tau}"), ("mgr", "address(0)"),
                  ("res", "1"), ("tot", _amount(init.tot)), ("rxd", "paid")]
        for field, value in checks:
            lines.append(f"        _assertEq(vest.{field}(ids + {init.nth}), {value}, {_message('new award ' + field + ': ' + label)});")
        lines += [f"        _assertEq(_balance({token}, {farm}), farmBalance + paid, {_message('the farm received what it accrued: ' + label)});",
                  f"        _assertEq(_allowance({token}, address(vest)), allowanceBefore + {_amount(init.tot)} - paid, "
                  f"{_message('allowance raised by the total, less what was distributed: ' + label)});",
                  f"        _assertEq(vest.cap(), capBefore > {init.rate} ? capBefore : {init.rate}, {_message('cap at least 110% of the rate: ' + label)});",
                  f'        _assertEq(RewardsJobLike(_addr("CRON_REWARDS_DIST_JOB")).intervals({dist}), {init.interval}, '
                  f"{_message('the keeper job interval: ' + label)});"]
        if init.lockstake:
            lines.append(f'        _assertEq(LockstakeEngineLike(_addr("LOCKSTAKE_ENGINE")).farms({farm}), 1, '
                         f"{_message('an active farm of the Lockstake engine: ' + label)});")
        lines.append("    }")
        tests.append("\n".join(lines) + "\n")
    return tests


def pool_withdrawal_tests(expected: Expected) -> list[str]:
    """testUnwindSurplusBuffer (the 2025-02-21 file's test of the Uniswap V2 withdrawal), with exact amounts
    from the pool's state before the cast (the pool's protocol fee unset: no fee liquidity is minted): the
    liquidity left is totalSupply * leave / the pool's token1 (its reserves synced to its balances), the
    rest burnt, each token paid pro rata to the PauseProxy. Its balances of the two tokens are asserted
    when no other statement moves them by the PauseProxy's balance. A `surplus_return` of what it paid
    (`amount: withdrawn`, 2025-02-21's sweep): the PauseProxy's balance of it where it was, and the Vow's
    dai up by the pool's pay-out (the spell's one return)."""
    tests = []
    spent = _withdrawn_returns(expected)
    held = {_held_symbol(expected, sent) for sent in [*expected.proxy_transfers, *expected.held_burns,
                                                      *(r for r in expected.surplus_returns if id(r) not in spent)]}
    movers = _cast_time_movers(expected)
    for pool in expected.pool_withdrawals:
        name = "testUnwindSurplusBuffer" + ("" if len(expected.pool_withdrawals) == 1 else _ident(pool.pair.lower()))
        label = pool.item.label
        t0, t1 = _token(expected, pool.token0), _token(expected, pool.token1)
        lines = [f"    function {name}() public {{",
                 f'        TokenLike pair = TokenLike(_addr("{pool.pair}"));',
                 "        // [lp, supply, pool's token0, pool's token1, PauseProxy's token0, PauseProxy's token1]",
                 "        uint256[] memory b = new uint256[](6);",
                 '        b[0] = pair.balanceOf(_addr("MCD_PAUSE_PROXY"));',
                 "        b[1] = pair.totalSupply();",
                 f"        b[2] = _balance({t0}, address(pair));",
                 f"        b[3] = _balance({t1}, address(pair));",
                 f'        b[4] = _balance({t0}, _addr("MCD_PAUSE_PROXY"));',
                 f'        b[5] = _balance({t1}, _addr("MCD_PAUSE_PROXY"));',
                 *(['        uint256 vowDai = VatLike(_addr("MCD_VAT")).dai(_addr("MCD_VOW"));']
                   if _returns_of(expected, pool) else []),
                 "", "        _vote(address(spell));", "        _scheduleWarpAndCast();", "",
                 f"        uint256 left = b[1] * {_amount(pool.leave)} / b[3];",
                 "        uint256 burnt = b[0] - left;",
                 f'        _assertEq(pair.balanceOf(_addr("MCD_PAUSE_PROXY")), left, {_message("liquidity left: " + label)});',
                 f"        _assertEq(pair.totalSupply(), b[1] - burnt, {_message('liquidity burnt: ' + label)});",
                 f"        _assertEq(_balance({t0}, address(pair)), b[2] - burnt * b[2] / b[1], {_message(pool.token0 + ' the pool paid: ' + label)});",
                 f"        _assertEq(_balance({t1}, address(pair)), b[3] - burnt * b[3] / b[1], {_message(pool.token1 + ' the pool paid: ' + label)});"]
        for index, symbol in ((4, pool.token0), (5, pool.token1)):
            returned = [r for r in _returns_of(expected, pool) if r.symbol == symbol]
            if returned:  # paid in by the pool, joined out to the Vow
                whose = f"{label}; {returned[0].item.label}"
                lines += [f'        _assertEq(_balance({_token(expected, symbol)}, _addr("MCD_PAUSE_PROXY")), b[{index}], '
                          f"{_message(symbol + ' of the PauseProxy, paid in and returned: ' + whose)});",
                          f'        _assertEq(VatLike(_addr("MCD_VAT")).dai(_addr("MCD_VOW")), vowDai + burnt * '
                          f"b[{index - 2}] / b[1] * 10**27, {_message('the Vow dai rose by the pay-out: ' + whose)});"]
                continue
            others = [step for step in steps(expected) if step.token == symbol and step.holder == "PAUSE_PROXY"]
            if symbol in held or len(movers.get(symbol, [])) > 1:
                lines.append(f"        // {symbol}: other statements move the PauseProxy's by amounts read at the cast; not asserted")
                continue
            change = Linear(0, sum(step.delta for step in others)).solidity("", "")
            whose = "; ".join([label, *(step.label for step in others)])
            lines.append(f'        _assertEq(_balance({_token(expected, symbol)}, _addr("MCD_PAUSE_PROXY")), '
                         f"b[{index}] + burnt * b[{index - 2}] / b[1]{change}, {_message(symbol + ' of the PauseProxy: ' + whose)});")
        lines.append("    }")
        tests.append("\n".join(lines) + "\n")
    return tests


def _withdrawn_returns(expected: Expected) -> set[int]:
    """The `amount: withdrawn` returns testUnwindSurplusBuffer asserts (by id): when the spell has no other
    return (the Vow's dai is then theirs alone)."""
    mine = [r for r in expected.surplus_returns if r.amount.form == WITHDRAWN]
    return {id(r) for r in mine} if len(expected.surplus_returns) == 1 else set()


def _returns_of(expected: Expected, pool: Any) -> list[HeldSent]:
    """The asserted `withdrawn` returns of what `pool`'s withdrawal paid."""
    spent = _withdrawn_returns(expected)
    return [r for r in expected.surplus_returns
            if id(r) in spent and yielding(expected.pool_withdrawals, r.item.path) is pool]


def untested(expected: Expected) -> list[Item]:
    """The YAML items the file writes no test for: those of the kinds it does not walk yet (allocator
    payments, PauseProxy transfers and burns, amounts computed at the cast, repairs, farms, onboardings).
    `spellgen verify` checks them; the CLI names each, so a Foundry run is never taken for the whole proof."""
    walked: list[Itemised] = [*expected.payments, *expected.usds_payments, *expected.transfers, *expected.sky_transfers,
              *expected.conversions, *expected.awards, *expected.yanks, *expected.caps, *expected.allowances,
              *expected.chainlog, *expected.proxy_transfers, *expected.held_burns,
              *expected.allocator_payments, *expected.distributions, *expected.farm_updates,
              *expected.computed_payments, *expected.repairs, *expected.farm_inits, *expected.pool_withdrawals,
              # a mintable MKR vest's ward on MKR's authority is asserted when the date's chainlog names it
              *(entry for entry in expected.onboarded if not entry.mints or guard_key(expected.date))]
    walked += [r for r in expected.surplus_returns if id(r) in _withdrawn_returns(expected)]
    covered = {id(x.item) for x in walked} - {id(sent.item) for sent in _unledgered(expected)}
    # A burn whose token's supply other statements change too and whose PauseProxy balance another moves
    # by an amount computed at the cast (a conversion read at the cast): testTokenTransfers asserts neither.
    moved, minted = _cast_time_moves(expected), _minted_elsewhere(expected)
    covered -= {id(b.item) for b in expected.held_burns if _held_symbol(expected, b) in moved
                and _held_symbol(expected, b) in minted}
    return [item for item in expected.items if id(item) not in covered]


def foundry_tests(expected: Expected, date: str, spec_name: str, solc: str) -> str:
    """The whole test file for a spell whose Expected items are `expected`."""
    style = style_for(date)
    body = [payments_test(expected, style), token_transfers_test(expected), allocator_test(expected),
            *_vest_tests(expected, style), allowances_test(expected, style), chainlog_test(expected),
            repairs_test(expected), *rewards_tests(expected), *farm_init_tests(expected),
            *pool_withdrawal_tests(expected), onboarding_test(expected),
            _spell_test(expected)]
    # 0.6 returns the recorded logs (structs) from the cheatcode only with the v2 ABI coder
    encoder = "\npragma experimental ABIEncoderV2;" if solc.startswith("0.6.") else ""
    return (HEADER.format(spec=spec_name, date=date, solc=solc, encoder=encoder, vm=style.vm,
                          contract=_contract_name(spec_name))
            + "\n".join(part for part in body if part) + "}\n")


def _spell_test(expected: Expected) -> str:
    return (f"    function testSpellDescriptionAndOfficeHours() public view {{\n"
            f"        _assertTrue(keccak256(bytes(spell.description())) == keccak256(bytes({string_literal(expected.description)})), \"description\");\n"
            f"        _assertTrue(spell.officeHours() == {str(expected.office_hours).lower()}, \"office hours\");\n"
            f"        _assertEq(spell.expiration(), block.timestamp + {expected.expiry}, \"expiration\");\n"
            f"    }}\n")


def _contract_name(spec_name: str) -> str:
    stem = spec_name.rsplit(".", 1)[0]
    return "Budget" + "".join(c for c in _ident(stem.replace(".", "_")) if c.isalnum()) + "Test"


HEADER = """// SPDX-License-Identifier: AGPL-3.0-or-later
// Budget tests of {spec} ({date}), written by `spellgen foundry-test`: expected values are literals
// computed from the YAML, never read from the spell.
//
//   spellgen build {spec} --out out/spell              # out/spell/DssSpell.json: the compiled spell
//   SPELL_ARTIFACT=out/spell/DssSpell.json ETH_RPC_URL=http://127.0.0.1:8545 \\
//     forge test --offline --no-storage-caching --use .tools/solc/solc-v{solc}
// foundry.toml: fs_permissions read on the artifact. --no-storage-caching: forge caches a fork's
// state on disk by chain id and block number, which twins of different dates share.
//
// Self-contained: the cheatcodes it uses, the interfaces it calls and a minimal base (fork, deploy,
// vote, schedule, warp, cast) are below; nothing is imported.
pragma solidity {solc};{encoder}

interface Vm {{
    struct Log {{
        bytes32[] topics;
        bytes data;
        address emitter;
    }}
    function recordLogs() external;
    function getRecordedLogs() external returns (Log[] memory);
    function envString(string calldata name) external view returns (string memory);
    function createSelectFork(string calldata url) external returns (uint256);
    function readFile(string calldata path) external view returns (string memory);
    function parseJsonBytes(string calldata json, string calldata key) external pure returns (bytes memory);
    function load(address target, bytes32 slot) external view returns (bytes32);
    function store(address target, bytes32 slot, bytes32 value) external;
    function warp(uint256 timestamp) external;
    function roll(uint256 blockNumber) external;
}}

interface ChainlogLike {{
    function getAddress(bytes32 key) external view returns (address);
    function version() external view returns (string memory);
}}
interface VatLike {{
    function wards(address who) external view returns (uint256);
    function dai(address who) external view returns (uint256);
    function urns(bytes32 ilk, address urn) external view returns (uint256 ink, uint256 art);
    function ilks(bytes32 ilk) external view returns (uint256 Art, uint256 rate, uint256 spot, uint256 line, uint256 dust);
}}
interface WardsLike {{ function wards(address who) external view returns (uint256); }}
interface RewardsDistLike {{
    function vestId() external view returns (uint256);
    function lastDistributedAt() external view returns (uint256);
    function stakingRewards() external view returns (address);
}}
interface RewardsLike {{ function rewardsDistribution() external view returns (address); }}
interface RewardsJobLike {{ function intervals(address dist) external view returns (uint256); }}
interface LockstakeEngineLike {{ function farms(address farm) external view returns (uint256); }}
interface JugLike {{ function drip(bytes32 ilk) external returns (uint256 rate); }}
interface AllocatorVaultLike {{ function ilk() external view returns (bytes32); }}
interface TokenLike {{
    function balanceOf(address who) external view returns (uint256);
    function totalSupply() external view returns (uint256);
    function allowance(address owner, address spender) external view returns (uint256);
    function approve(address spender, uint256 amount) external returns (bool);
}}
interface ChiefLike {{
    function hat() external view returns (address);
    function approvals(address candidate) external view returns (uint256);
    function lock(uint256 amount) external;
    function vote(address[] calldata slate) external returns (bytes32);
    function lift(address whom) external;
}}
interface SpellLike {{
    function schedule() external;
    function cast() external;
    function done() external view returns (bool);
    function nextCastTime() external view returns (uint256);
    function description() external view returns (string memory);
    function officeHours() external view returns (bool);
    function expiration() external view returns (uint256);
}}
interface VestLike {{
    function ids() external view returns (uint256);
    function cap() external view returns (uint256);
    function usr(uint256 id) external view returns (address);
    function bgn(uint256 id) external view returns (uint256);
    function clf(uint256 id) external view returns (uint256);
    function fin(uint256 id) external view returns (uint256);
    function mgr(uint256 id) external view returns (address);
    function res(uint256 id) external view returns (uint256);
    function tot(uint256 id) external view returns (uint256);
    function rxd(uint256 id) external view returns (uint256);
    function unpaid(uint256 id) external view returns (uint256);
    function accrued(uint256 id) external view returns (uint256);
}}

contract SpellgenTestBase {{
    Vm internal constant {vm} = Vm(0x7109709ECfa91a80626fF3989D68f67F5b1DD12D); // the cheatcode address
    ChainlogLike internal constant chainlog = ChainlogLike(0xdA0Ab1e0017DEbCd72Be8599041a2aa3bA7e740F);
    uint256 internal constant WAD = 10 ** 18;
    uint256 internal constant RAY = 10 ** 27;
    // The PauseProxy's own ETH in a list of tokens: `_balance` reads the holder's ETH for it.
    address internal constant ETH = 0xEeeeeEeeeEeEeeEeEeEeeEEEeeeeEeeeeeeeEEeE;
    SpellLike internal spell;

    struct Payee {{
        address token;
        address addr;
        uint256 amount;
        bool received; // false: the PauseProxy's balance falls by amount
        string item;
    }}

    struct NewStream {{
        address usr;
        uint256 bgn;
        uint256 clf;
        uint256 fin;
        address mgr;
        uint256 res;
        uint256 tot;
        string item;
    }}

    struct AllocatorPayment {{
        address vault;
        uint256 wad;
        string item;
    }}

    struct MscIlkValues {{
        uint256 urnArt;
        uint256 ilkArt;
        uint256 dtab; // rad the Vow's dai rises by
    }}

    /// A farm distribution's award and what surrounds it, read in the block of the cast.
    struct RewardsBefore {{
        address token;
        address farm;
        uint256 owed; // unpaid(award): what distribute() pays at the cast
        uint256 rxd;
        uint256 fin;
        uint256 left; // tot - rxd: what the award still owes in all
        uint256 allowance;
        uint256 cap;
        uint256 ids;
        uint256 farmBalance;
    }}

    struct YankedStream {{
        uint256 id;
        uint256 fin; // after the cast
        string item;
    }}

    function setUp() public {{
        {vm}.createSelectFork({vm}.envString("ETH_RPC_URL"));
        bytes memory code = {vm}.parseJsonBytes({vm}.readFile({vm}.envString("SPELL_ARTIFACT")),
                                              ".contracts.DssSpell.bytecode");
        address deployed;
        assembly {{ deployed := create(0, add(code, 0x20), mload(code)) }}
        _assertTrue(deployed != address(0), "spell deployment failed");
        spell = SpellLike(deployed);
    }}

    function _addr(bytes32 key) internal view returns (address) {{
        return chainlog.getAddress(key);
    }}

    function _balance(address token, address who) internal view returns (uint256) {{
        if (token == ETH) return who.balance;
        return TokenLike(token).balanceOf(who);
    }}

    function _allowance(address token, bytes32 vestKey) internal view returns (uint256) {{
        return _allowance(token, _addr(vestKey));
    }}

    function _allowance(address token, address vest) internal view returns (uint256) {{
        return TokenLike(token).allowance(_addr("MCD_PAUSE_PROXY"), vest);
    }}

    /// What every award of `vest` still owes: the sum of tot - rxd.
    function _owed(VestLike vest) internal view returns (uint256 owed) {{
        for (uint256 id = 1; id <= vest.ids(); id++) {{
            if (vest.rxd(id) < vest.tot(id)) owed += vest.tot(id) - vest.rxd(id);
        }}
    }}

    /// The cast emitted DssVest's `Yank(id, end)` for the award.
    function _assertYankLogged(Vm.Log[] memory logs, address vest, uint256 id, uint256 end, string memory what)
        internal pure
    {{
        for (uint256 i = 0; i < logs.length; i++) {{
            if (logs[i].emitter == vest && logs[i].topics.length == 2
                && logs[i].topics[0] == keccak256("Yank(uint256,uint256)") && uint256(logs[i].topics[1]) == id) {{
                _assertEq(abi.decode(logs[i].data, (uint256)), end, string(abi.encodePacked("Yank end: ", what)));
                return;
            }}
        }}
        revert(string(abi.encodePacked("no Yank event: ", what)));
    }}

    function _min(uint256 a, uint256 b) internal pure returns (uint256) {{
        return a < b ? a : b;
    }}

    /// The vest's awards after the cast: `newStreams` numbered from `before` + 1, the yanked ones ended.
    function _checkVest(VestLike vest, uint256 before, NewStream[] memory newStreams,
                        YankedStream[] memory yankedStreams) internal view {{
        _checkVest(vest, before, 0, newStreams, yankedStreams);
    }}

    /// As above, with `others` awards created after the streams (a farm's, checked by its own test).
    function _checkVest(VestLike vest, uint256 before, uint256 others, NewStream[] memory newStreams,
                        YankedStream[] memory yankedStreams) internal view {{
        _assertEq(vest.ids(), before + newStreams.length + others, "number of new streams");
        for (uint256 i = 0; i < newStreams.length; i++) {{
            uint256 id = before + 1 + i;
            NewStream memory s = newStreams[i];
            _assertEq(vest.usr(id), s.usr, string(abi.encodePacked("usr: ", s.item)));
            _assertEq(vest.bgn(id), s.bgn, string(abi.encodePacked("bgn: ", s.item)));
            _assertEq(vest.clf(id), s.clf, string(abi.encodePacked("clf: ", s.item)));
            _assertEq(vest.fin(id), s.fin, string(abi.encodePacked("fin: ", s.item)));
            _assertEq(vest.mgr(id), s.mgr, string(abi.encodePacked("mgr: ", s.item)));
            _assertEq(vest.res(id), s.res, string(abi.encodePacked("res: ", s.item)));
            _assertEq(vest.tot(id), s.tot, string(abi.encodePacked("tot: ", s.item)));
            _assertEq(vest.rxd(id), 0, string(abi.encodePacked("rxd: ", s.item)));
        }}
        for (uint256 i = 0; i < yankedStreams.length; i++) {{
            _assertEq(vest.fin(yankedStreams[i].id), yankedStreams[i].fin, yankedStreams[i].item);
        }}
    }}

    /// Elect `candidate`: lock more governance tokens than the hat has behind it, vote, lift.
    function _vote(address candidate) internal {{
        ChiefLike chief = ChiefLike(_addr("MCD_ADM"));
        if (chief.hat() == candidate) return;
        address gov = _call(address(chief), "GOV()");
        if (gov == address(0)) gov = _call(address(chief), "gov()");
        uint256 amount = chief.approvals(chief.hat()) + 1000 * WAD;
        _giveTokens(gov, amount);
        TokenLike(gov).approve(address(chief), amount);
        chief.lock(amount);
        address[] memory slate = new address[](1);
        slate[0] = candidate;
        chief.vote(slate);
        (bool hasCooldown, bytes memory cooldown) = address(chief).staticcall(abi.encodeWithSignature("liftCooldown()"));
        if (hasCooldown && cooldown.length == 32) {{
            {vm}.roll(block.number + abi.decode(cooldown, (uint256)) + 1);
        }}
        chief.lift(candidate);
        _assertTrue(chief.hat() == candidate, "the spell is not the hat");
    }}

    function _scheduleWarpAndCast() internal {{
        _scheduleAndWarp();
        _cast();
    }}

    function _scheduleAndWarp() internal {{
        spell.schedule();
        {vm}.warp(spell.nextCastTime());
    }}

    function _cast() internal {{
        spell.cast();
        _assertTrue(spell.done(), "the spell is not done");
    }}

    function _rewardsBefore(RewardsDistLike dist, VestLike vest, uint256 id, address token)
        internal view returns (RewardsBefore memory b)
    {{
        b.token = token;
        b.farm = dist.stakingRewards();
        b.owed = vest.unpaid(id);
        b.rxd = vest.rxd(id);
        b.fin = vest.fin(id);
        b.left = vest.tot(id) - b.rxd;
        b.allowance = _allowance(token, address(vest));
        b.cap = vest.cap();
        b.ids = vest.ids();
        b.farmBalance = _balance(token, b.farm);
    }}

    function _allocatorArt(address vault) internal view returns (uint256 urnArt, uint256 ilkArt) {{
        bytes32 ilk = AllocatorVaultLike(vault).ilk();
        (, urnArt) = VatLike(_addr("MCD_VAT")).urns(ilk, vault);
        (ilkArt,,,,) = VatLike(_addr("MCD_VAT")).ilks(ilk);
    }}

    /// Each vault's urn art and its ilk's Art after the payments, and the dai each gives the Vow: the Jug
    /// dripped now (in the block of the cast, so the spell's drip returns the same rate), dart = wad / rate
    /// rounded up; payments from one vault (or one ilk) add up.
    function _allocatorPaymentsExpected(AllocatorPayment[] memory payments)
        internal returns (MscIlkValues[] memory want)
    {{
        want = new MscIlkValues[](payments.length);
        uint256[] memory darts = new uint256[](payments.length);
        bytes32[] memory ilks = new bytes32[](payments.length);
        for (uint256 i = 0; i < payments.length; i++) {{
            ilks[i] = AllocatorVaultLike(payments[i].vault).ilk();
            uint256 rate = JugLike(_addr("MCD_JUG")).drip(ilks[i]);
            darts[i] = ((payments[i].wad * RAY - 1) / rate) + 1;
            want[i].dtab = darts[i] * rate;
        }}
        for (uint256 i = 0; i < payments.length; i++) {{
            (want[i].urnArt, want[i].ilkArt) = _allocatorArt(payments[i].vault);
            for (uint256 j = 0; j < payments.length; j++) {{
                if (payments[j].vault == payments[i].vault) want[i].urnArt += darts[j];
                if (ilks[j] == ilks[i]) want[i].ilkArt += darts[j];
            }}
        }}
    }}

    function _call(address target, string memory signature) internal view returns (address found) {{
        (bool ok, bytes memory out) = target.staticcall(abi.encodeWithSignature(signature));
        if (ok && out.length == 32) found = abi.decode(out, (address));
    }}

    /// Set this contract's balance of `token` by finding its balance mapping's slot.
    function _giveTokens(address token, uint256 amount) internal {{
        for (uint256 slot = 0; slot < 20; slot++) {{
            bytes32 key = keccak256(abi.encode(address(this), slot));
            bytes32 old = {vm}.load(token, key);
            {vm}.store(token, key, bytes32(amount));
            if (TokenLike(token).balanceOf(address(this)) == amount) return;
            {vm}.store(token, key, old);
        }}
        revert("no balance slot found for the governance token");
    }}

    function _assertTrue(bool condition, string memory what) internal pure {{
        if (!condition) revert(what);
    }}

    function _assertEq(uint256 got, uint256 want, string memory what) internal pure {{
        if (got != want) revert(string(abi.encodePacked(what, ": got ", _decimal(got), ", want ", _decimal(want))));
    }}

    function _assertEq(address got, address want, string memory what) internal pure {{
        if (got != want) revert(string(abi.encodePacked(what, ": wrong address")));
    }}

    function _decimal(uint256 value) internal pure returns (string memory) {{
        if (value == 0) return "0";
        bytes memory digits = new bytes(78);
        uint256 length = 0;
        for (; value > 0; value /= 10) digits[77 - length++] = bytes1(uint8(48 + value % 10));
        bytes memory out = new bytes(length);
        for (uint256 i = 0; i < length; i++) out[i] = digits[78 - length + i];
        return string(out);
    }}
}}

contract {contract} is SpellgenTestBase {{
"""
