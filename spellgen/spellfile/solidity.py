"""What may reach Solidity source from YAML, and how: identifiers, comments, string literals.

Rule: text is validated when read (so the user gets a located error) and escaped again when
rendered (so a template can never be the weak point). Nothing from YAML can end a comment or a
string literal, or hide code from a reviewer with bidirectional control characters.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

MAX_TEXT = 500

IDENTIFIER = re.compile(r"^[A-Z][A-Z0-9_]{0,63}$")

# Solidity keywords and reserved words are lower case; what can collide with an UPPER_SNAKE wallet
# name are the names the templates declare themselves.
TEMPLATE_NAMES = frozenset({"WAD", "RAY", "RAD", "MKR", "SKY", "DAI", "USDS", "SPK", "LOG", "THIS", "MKR_SKY_RATE",
                            "MCD_VAT", "MCD_VOW", "MCD_JOIN_DAI", "DAI_USDS", "MKR_SKY"})
DATE_CONSTANT = re.compile(r"^(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)_\d{2}_\d{4}(_\d{6})?$")

# Characters that change how a line reads without being visible, or that some tools treat as a
# line break: bidirectional controls, zero-width marks and Unicode line/paragraph separators.
_INVISIBLE = set("\u061c\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u2060\ufeff") | {
    chr(c) for c in range(0x202A, 0x202F)
} | {chr(c) for c in range(0x2066, 0x206A)}


def identifier_problem(name: str, chainlog_keys: frozenset[str]) -> str | None:
    if not IDENTIFIER.match(name):
        return f"{name!r} is not a valid name: use UPPER_SNAKE_CASE letters, digits and _, starting with a letter"
    if name in TEMPLATE_NAMES or name in chainlog_keys:
        return f"{name!r} is a name the spell already uses; choose another"
    if DATE_CONSTANT.match(name):
        return f"{name!r} looks like a date constant name; choose another"
    return None


def text_problem(text: str) -> str | None:
    """Why `text` cannot go into a one-line comment, or None when it can."""
    if len(text) > MAX_TEXT:
        return f"is {len(text)} characters long; at most {MAX_TEXT}"
    for ch in text:
        if ch in ("\n", "\r", "\x85"):
            return "must be a single line"
        if ch in _INVISIBLE:
            return f"contains the invisible or direction-changing character U+{ord(ch):04X}"
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
            return f"contains the control character U+{ord(ch):04X}"
    return None


def string_literal_problem(text: str) -> str | None:
    """Why `text` cannot be a plain Solidity string literal (0.8 requires ASCII there)."""
    problem = text_problem(text)
    if problem:
        return problem
    for ch in text:
        if not (0x20 <= ord(ch) < 0x7F):
            return f"contains the non-ASCII character {ch!r} (U+{ord(ch):04X}); use plain ASCII"
    return None


def comment(text: str) -> str:
    """Render text inside a `//` comment; refuses anything text_problem would reject."""
    problem = text_problem(text)
    if problem:
        raise ValueError(f"unsafe comment text {text!r}: {problem}")
    return text


def string_literal(text: str) -> str:
    """A double-quoted Solidity string literal with quotes and backslashes escaped."""
    problem = string_literal_problem(text)
    if problem:
        raise ValueError(f"unsafe string literal {text!r}: {problem}")
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


# --- the contracts spells call ------------------------------------------------------------------------
# Data the action kinds name by key (`ctx.type("vest", "create")`) and render lays out: a local
# `...Like` declaration, or the dss-interfaces import real spells use from 2023-11-29. A kind that calls
# a contract not listed here declares it in its module (`Action.INTERFACES`).


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
        ("accrued", "function accrued(uint256 id) external view returns (uint256);"),
        ("unpaid", "function unpaid(uint256 id) external view returns (uint256);"),
        ("unrestrict", "function unrestrict(uint256 id) external;"),
        ("vest", "function vest(uint256 id) external;"),
        ("cap", "function cap() external view returns (uint256);"),
    ), "VestAbstract", "dss-interfaces/dss/VestAbstract.sol"),
    "gem": Interface("GemLike", (
        ("transfer", "function transfer(address dst, uint256 wad) external returns (bool);"),
        ("approve", "function approve(address usr, uint256 wad) external returns (bool);"),
        ("allowance", "function allowance(address src, address usr) external view returns (uint256);"),
        ("balanceOf", "function balanceOf(address usr) external view returns (uint256);"),
    ), "GemAbstract", "dss-interfaces/ERC/GemAbstract.sol"),
    # A Treasury-funded farm's VestedRewardsDistribution (`distribute`, `farm_vest_update`).
    "rewards_dist": Interface("VestedRewardsDistributionLike", (
        ("distribute", "function distribute() external returns (uint256 amount);"),
        ("vestId", "function vestId() external view returns (uint256);"),
        ("file", "function file(bytes32 what, uint256 data) external;"),
    )),
    # A Treasury-funded farm's StakingRewards, the keeper job of the distributions and the Lockstake engine
    # (`farm_init`).
    "staking_rewards": Interface("StakingRewardsLike", (
        ("rewardsDistribution", "function rewardsDistribution() external view returns (address);"),
        ("setRewardsDistribution", "function setRewardsDistribution(address _rewardsDistribution) external;"),
    )),
    "rewards_dist_job": Interface("VestedRewardsDistributionJobLike", (
        ("set", "function set(address dist, uint256 interval) external;"),
    )),
    "lockstake_engine": Interface("LockstakeEngineLike", (
        ("lssky", "function lssky() external view returns (address);"),
        ("addFarm", "function addFarm(address farm) external;"),
    )),
    "dai_usds": Interface("DaiUsdsLike", (("daiToUsds", "function daiToUsds(address usr, uint256 wad) external;"),)),
    "mkr_sky": Interface("MkrSkyLike", (("mkrToSky", "function mkrToSky(address usr, uint256 mkrAmt) external;"),
                                        ("rate", "function rate() external view returns (uint256);"))),
    "vat": Interface("VatLike", (("suck", "function suck(address u, address v, uint256 rad) external;"),
                                 ("grab", "function grab(bytes32 i, address u, address v, address w, int256 dink, "
                                          "int256 dart) external;")),
                     "VatAbstract", "dss-interfaces/dss/VatAbstract.sol"),
    "dai_join": Interface("DaiJoinLike", (("exit", "function exit(address usr, uint256 wad) external;"),
                                          ("join", "function join(address usr, uint256 wad) external;")),
                          "DaiJoinAbstract", "dss-interfaces/dss/DaiJoinAbstract.sol"),
    # An earlier spell whose cast a section's condition reads (2021-07-16 declared it so).
    "doable": Interface("Doable", (("done", "function done() external view returns (bool);"),)),
}
# Before 2023-11-29 (see spellfile/style.py) the vest and token interfaces were always declared, with a
# fixed set of functions (ids/tot/rxd only for `set: owed`); the others, when used, in full.
ALWAYS_DECLARED = ("vest", "gem")
FIXED_FUNCTIONS = {"vest": {"create", "restrict", "yank", "yank-end", "file"},
                   "gem": {"transfer", "approve", "allowance"}}
# Functions declared only when called: a vest's (`set: owed`, amounts computed at the cast, a repair, a
# conditional cap), a token's balanceOf (the PauseProxy transfers read at the cast) the Vat's grab (an
# allocator payment) and DaiJoin's join (a return to the surplus buffer).
CALLED_ONLY = {"ids", "tot", "rxd", "accrued", "unpaid", "unrestrict", "vest", "cap", "balanceOf", "grab", "join"}
