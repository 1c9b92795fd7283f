"""The chain by date: the one source of mainnet facts spellgen uses.

Chainlog keys and their addresses, the wallet registry, vest caps and award counts, the pause delay,
the key each token is read from, hardforks and the twin's first date, the vests governance onboarded
(where and by when each was deployed) and the ChainLog's version. A spell dated D is judged
against mainnet as the spells dated before D left it: the spell of D itself has not been cast yet.
The facts are tab-separated tables in `spellgen/spellfile/data/`, each row naming the public source
it comes from (the spells repository at a commit); this module only reads them. Pure: no I/O beyond
those package files, no web3. `check`, `render`, the twin, the cast, `verify`, the Brownie networks
and the reports all ask here, so an address or a date boundary is written down once.
"""
from __future__ import annotations

import csv
import difflib
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from spellgen.spellfile.protocol import DAY, Cap

DATA = Path(__file__).resolve().parent / "data"

# --- Addresses that are not dated -----------------------------------------------------------------

# The ChainLog itself, at the same address since 2020, and DssExecLib where spells link it.
CHANGELOG = "0xdA0Ab1e0017DEbCd72Be8599041a2aa3bA7e740F"
DSS_EXEC_LIB = "0x8De6DDbCd5053d32292AAA0D2105A32d108484a6"

# The contracts the twin models, at their mainnet addresses: each is an address data/chainlog.tsv
# gives that key at some date (tests/spellfile/test_history.py holds the two together). A key whose
# address changed names the contract the twin models: MCD_VEST_DAI the second DAI vest (the first is
# MCD_VEST_DAI_LEGACY), MCD_GOV the MKR token and MKR_SKY the first converter (both until 2025-05-15).
MAINNET: dict[str, str] = {
    "CHANGELOG": CHANGELOG,
    "MCD_VAT": "0x35D1b3F3D7966A1DFe207aa4514C12a259A0492B",
    "MCD_VOW": "0xA950524441892A31ebddF91d3cEEFa04Bf454466",
    "MCD_JOIN_DAI": "0x9759A6Ac90977b93B58547b4A71c78317f391A28",
    "MCD_DAI": "0x6B175474E89094C44Da98b954EedeAC495271d0F",
    "MCD_GOV": "0x9f8F72aA9304c8B593d555F12eF6589cC3A579A2",
    "MCD_ADM": "0x0a3f6849f78076aefaDf113F5BED87720274dDC0",
    "MCD_PAUSE": "0xbE286431454714F511008713973d3B053A2d38f3",
    "MCD_PAUSE_PROXY": "0xBE8E3e3618f7474F8cB1d074A26afFef007E98FB",
    "MCD_VEST_DAI": "0xa4c22f0e25C6630B2017979AcF1f865e94695C4b",
    "MCD_VEST_DAI_LEGACY": "0x2Cc583c0AaCDaC9e23CB601fDA8F1A0c56Cdcb71",
    "MCD_VEST_MKR": "0x0fC8D4f2151453ca0cA56f07359049c8f07997Bd",
    "MCD_VEST_MKR_TREASURY": "0x6D635c8d08a1eA2F1687a5E46b666949c977B7dd",
    "USDS": "0xdC035D45d973E3EC169d2276DDab16f1e407384F",
    "USDS_JOIN": "0x3C0f895007CA717Aa01c8693e59DF1e8C3777FEB",
    "MCD_VEST_USDS": "0xc447a9745aDe9A44Bb9E37B7F6C92f9582544110",
    "SKY": "0x56072C95FAA701256059aa122697B133aDEd9279",
    "MCD_VEST_SKY_TREASURY": "0x67eaDb3288cceDe034cE95b0511DCc65cf630bB6",
    "DAI_USDS": "0x3225737a9Bbb6473CB4a45b7244ACa2BeFdB276A",
    "MKR_SKY": "0xBDcFCA946b6CDd965f99a839e4435Bcdc1bc470B",
    "MCD_VEST_SKY": "0xB313Eab3FdE99B2bB4bA9750C2DDFBe2729d1cE9",
    "SPK": "0xc20059e0317DE91738d13af027DfC4a50781b066",
    "MCD_VEST_SPK_TREASURY": "0xF9A2002b471f600A5484da5a735a2A053d377078",
    # Issue 24: the stability-fee collector and the Prime Agents' allocator vaults allocator payments use.
    "MCD_JUG": "0x19c0976f590D67707E62397C87829d896Dc0f1F1",
    "ALLOCATOR_SPARK_A_VAULT": "0x691a6c29e9e96dd897718305427Ad5D534db16BA",
    "ALLOCATOR_NOVA_A_VAULT": "0xe4470DD3158F7A905cDeA07260551F72d4bB0e77",
    "ALLOCATOR_BLOOM_A_VAULT": "0x26512A41C8406800f21094a7a7A0f980f6e25d43",
    "ALLOCATOR_OBEX_A_VAULT": "0xF275110dFE7B80df66a762f968f59B70BABE2b29",
    "ALLOCATOR_PATTERN_A_VAULT": "0xbd34fc6AAa1d3F52B314CB9D78023dd23eAc3B0E",
    "ALLOCATOR_INTERVAL_A_VAULT": "0xDD3bE7650589E6A6171d454b026C4AD1a2C02720",
    "ALLOCATOR_PRYSM_A_VAULT": "0x146181Aa9B362EaEC2eC3aDd7429a06D53B43d1a",
}


def allocator_ilk(vault_key: str) -> str:
    """The Vat ilk of an allocator vault's chainlog key, as mainnet names it: ALLOCATOR_SPARK_A_VAULT's is
    ALLOCATOR-SPARK-A (the spells' setUserRole("ALLOCATOR-NOVA-A", ...) name the same ilks)."""
    return vault_key.removesuffix("_VAULT").replace("_", "-")


ALLOCATOR_VAULTS = tuple(key for key in MAINNET if key.startswith("ALLOCATOR_") and key.endswith("_VAULT"))

# The earliest date the twin starts at (MCD_VEST_DAI_LEGACY was deployed in 2021; every budget spell
# spellgen targets is later). A spell dated earlier can be checked and rendered, not simulated on it.
TWIN_FIRST_DAY = "2021-06-01"

# Spells converted MKR to SKY for SKY transfers from 2024-11-28 (straight to the recipient) and from
# 2025-01-09 to 2025-04-30 (into the PauseProxy, rounding the MKR up); from 2025-05-29 the treasury held SKY.
MKR_CONVERSION_ERA = ("2024-11-28", "2025-05-14")

# Mainnet hardforks by activation date (shared/spec/maker.md, section 7): a spell cast on or after
# the date runs under that fork. anvil names them the same way.
HARDFORKS: tuple[tuple[str, str], ...] = (
    ("2021-08-05", "london"), ("2022-09-15", "paris"), ("2023-04-12", "shanghai"), ("2024-03-13", "cancun"),
    ("2025-05-07", "prague"), ("2025-12-03", "osaka"),
)
FIRST_HARDFORK = "berlin"
# EIP-7825 (Osaka, 2025-12-03): one transaction may use at most 2^24 gas, whatever the block limit.
TX_GAS_CAP = 16_777_216
TX_GAS_CAP_SINCE = "2025-12-03"
# The reference suite's limit for cast(), in force at every date.
CAST_GAS_LIMIT = 20_000_000
# The reference suite's deployment limits (DssSpell.t.base.sol, `_testDeployCost`): it fails above
# 30,000,000 and warns above 15,000,000, "the average block target". The checklist itself names no gas
# figure (only "no out-of-gas errors"), so that block target is the house figure a cast() is warned at too.
DEPLOY_GAS_LIMIT = 30_000_000
BLOCK_TARGET_GAS = 15_000_000
# The date MCD_GOV became SKY and MKR moved to the key MKR (the chief changed the same day).
SKY_GOVERNANCE_SINCE = "2025-05-15"


@dataclass(frozen=True)
class KeyEntry:
    key: str
    address: str
    since: str  # "" = before 2021
    until: str  # "" = still registered
    source: str

    def registered_for(self, day: str) -> bool:
        """True when a spell dated `day` finds this entry (set by an earlier spell, not yet replaced)."""
        return (not self.since or self.since < day) and (not self.until or day <= self.until)


def _rows(name: str) -> list[dict[str, str]]:
    lines = [line for line in (DATA / name).read_text().splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


# Where data/chainlog.tsv comes from: its source column is the commit (tools/chainlog_history.py).
CHAINLOG_REPO, CHAINLOG_FILE = "sky-ecosystem/spells-mainnet", "src/test/addresses_mainnet.sol"


@lru_cache(maxsize=None)
def key_entries() -> tuple[KeyEntry, ...]:
    """Every (key, address) span of the chainlog (data/chainlog.tsv, written by tools/chainlog_history.py)."""
    return tuple(KeyEntry(r["key"], r["address"], r["since"], r["until"],
                          f"{CHAINLOG_REPO}@{r['source']} {CHAINLOG_FILE}") for r in _rows("chainlog.tsv"))


def chainlog_at(day: str) -> dict[str, str]:
    """Chainlog key -> address for a spell dated `day` (ISO date)."""
    return dict(_chainlog_at(day))


@lru_cache(maxsize=64)
def _chainlog_at(day: str) -> tuple[tuple[str, str], ...]:
    return tuple((entry.key, entry.address) for entry in key_entries() if entry.registered_for(day))


def current_name(key: str, day: str) -> str:
    """Today's key of the contract that `key` named at `day`: spellgen's tables (vests, caps, award
    counts) use today's names. MCD_VEST_DAI in January 2022 is today's MCD_VEST_DAI_LEGACY."""
    address = chainlog_at(day).get(key)
    if address is None:
        return key
    today = chainlog_at("9999-12-31")
    if today.get(key, "").lower() == address.lower():
        return key
    for name, now in sorted(today.items()):
        if now.lower() == address.lower() and not name.startswith("MCD_GOV"):
            return name
    return key


def known_keys() -> frozenset[str]:
    """Every key the chainlog has held at any date."""
    return frozenset(entry.key for entry in key_entries())


def closest_keys(key: str, day: str, n: int = 3) -> list[str]:
    """The keys of the date's chainlog spelled most like `key` (for a typo's message)."""
    return difflib.get_close_matches(key, sorted(chainlog_at(day)), n=n, cutoff=0.6)


def key_named(address: str, day: str) -> str | None:
    """The key the chainlog of `day` registers `address` under (the first in order), if any."""
    return next((key for key, at in sorted(chainlog_at(day).items()) if at.lower() == address.lower()), None)


def key_history(key: str) -> list[KeyEntry]:
    return [entry for entry in key_entries() if entry.key == key]


def key_note(key: str, day: str) -> str:
    """Why `key` is not registered at `day`: when it was, or that it never was (for messages)."""
    entries = key_history(key)
    if not entries:
        return f"{key} is not a chainlog key spellgen knows"
    later = [e for e in entries if e.since and e.since >= day]
    if later:
        return f"{key} was first registered by the {later[0].since} spell"
    ended = max((e.until for e in entries if e.until), default="")
    # Not registered at `day` and no later entry: the key's last address was removed, not replaced.
    return (f"{key} was removed from the chainlog by the {ended} spell" if ended
            else f"{key} is not registered at {day}")


def token_key_at(symbol: str, day: str) -> str:
    """The chainlog key a spell of `day` reads a budget token from (MKR moved off MCD_GOV in 2025)."""
    if symbol == "MKR":
        return "MKR" if day > SKY_GOVERNANCE_SINCE else "MCD_GOV"
    return {"DAI": "MCD_DAI"}.get(symbol, symbol)


def governance_token_at(day: str) -> str:
    """What is locked in MCD_ADM to elect a spell of `day`."""
    return "SKY" if day > SKY_GOVERNANCE_SINCE else "MKR"


@lru_cache(maxsize=None)
def _vest_ids() -> tuple[tuple[str, str, int], ...]:
    return tuple((r["spell_date"], r["vest_key"], int(r["ids_after"])) for r in _rows("vest_ids.tsv"))


def vest_ids_at(day: str) -> dict[str, int]:
    """Each budget vest's award count (its `ids()`) when a spell of `day` is cast; 0 before any award.

    Keys are today's names: the first DAI vest is MCD_VEST_DAI_LEGACY whatever the date.
    """
    counts: dict[str, int] = {}
    for spell_date, vest, ids_after in _vest_ids():
        if spell_date < day:
            counts[vest] = ids_after
    return counts


_CAP_EXPRESSION = re.compile(
    r"^(?P<amount>[\d_]+)(?P<million> \* MILLION)? \* WAD / (?:uint256\()?(?P<days>\d+) days\)?$")


@lru_cache(maxsize=None)
def _caps() -> tuple[tuple[str, str, Cap], ...]:
    caps: list[tuple[str, str, Cap]] = []
    for row in _rows("vest_caps.tsv"):
        if not row["cap_wei_per_second"]:
            continue  # a conditional change that did not raise the cap
        caps.append((row["spell_date"], row["vest_key"], _cap(row["expression"], int(row["cap_wei_per_second"]))))
    return tuple(caps)


def _cap(expression: str, per_second: int) -> Cap:
    """The cap as governance wrote it when the expression is `N * WAD / D days`; else per second."""
    match = _CAP_EXPRESSION.match(expression.split("(=")[-1].strip(" )") if "(=" in expression else expression)
    if match:
        amount = int(match["amount"].replace("_", "")) * (10**6 if match["million"] else 1)
        cap = Cap(Decimal(amount), int(match["days"]) * DAY)
        if cap.per_second_wei == per_second:
            return cap
    per_day = Decimal(per_second * DAY // 10**12) / 10**6  # rounded for people; the rate stays exact
    return Cap(per_day, DAY, exact_per_second=per_second)


def vest_cap_at(vest: str, day: str) -> Cap | None:
    """The rate cap of `vest` (today's name) for a spell dated `day`, or None before one was set."""
    cap = None
    for spell_date, key, value in _caps():
        if key == vest and spell_date < day:
            cap = value
    return cap


@lru_cache(maxsize=None)
def _delays() -> tuple[tuple[str, int], ...]:
    return tuple((r["spell_date"], int(r["delay_seconds"])) for r in _rows("pause_delay.tsv"))


def pause_delay_at(day: str) -> int:
    """MCD_PAUSE's delay (seconds) when a spell dated `day` is scheduled."""
    delays = _delays()
    delay = delays[0][1]
    for spell_date, seconds in delays:
        if spell_date < day:
            delay = seconds
    return delay


@dataclass(frozen=True)
class CompileSettings:
    """solc's optimizer as the spells repository deployed a spell with it (the EVM version is solc's default)."""

    optimizer: bool
    runs: int
    source: str = ""

    def describe(self) -> str:
        return f"optimizer {'on' if self.optimizer else 'off'}, {self.runs} runs, solc's default EVM version"


# What spellgen compiles with on the twin: a fixed choice, so the twin's cache and reports do not vary by date.
TWIN_COMPILE = CompileSettings(True, 200, "spellgen's own choice for the twin")


@lru_cache(maxsize=None)
def _compile_rows() -> tuple[tuple[str, CompileSettings], ...]:
    return tuple((r["spell_date"], CompileSettings(r["optimizer"] == "1", int(r["runs"]), r["source"]))
                 for r in _rows("compile_settings.tsv"))


def compile_settings_at(day: str) -> CompileSettings:
    """How a spell dated `day` was compiled for deployment: the row in force on that date (inclusive,
    because the spell's own pull request set the flags it was deployed with)."""
    rows = _compile_rows()
    settings = rows[0][1]
    for since, row in rows:
        if since <= day:
            settings = row
    return settings


def hardfork_at(day: str) -> str:
    """The EVM rules a spell cast on `day` runs under (anvil's --hardfork name)."""
    fork = FIRST_HARDFORK
    for since, name in HARDFORKS:
        if day >= since:
            fork = name
    return fork


def cast_gas_limit_at(day: str) -> int:
    """The stricter of the reference suite's cast() limit and the chain's per-transaction cap."""
    return min(CAST_GAS_LIMIT, TX_GAS_CAP) if day >= TX_GAS_CAP_SINCE else CAST_GAS_LIMIT


@dataclass(frozen=True)
class KnownAward:
    vest: str
    award_id: int
    recipient: str
    created: str  # spell date
    source: str
    total_wei: int | None = None  # the total as the spell wrote it, when it is a plain amount


# The plain forms award totals take in the archive: `N * WAD`, `N * MILLION * WAD`, `N * 10**18`, `N ether`.
_AWARD_TOTAL = re.compile(r"^(?P<n>[\d_]+(?:\.\d+)?)\s*(?:(?P<million>\* MILLION )?\* WAD|\* 10\*\*18|ether)$")


def award_total(expression: str) -> int | None:
    """The total in wei of an award as the spell wrote it, or None for a computed one (a variable)."""
    match = _AWARD_TOTAL.match(expression.strip())
    if not match:
        return None
    wei = Decimal(match["n"].replace("_", "")) * 10**18 * (10**6 if match["million"] else 1)
    return int(wei) if wei == wei.to_integral_value() else None


@lru_cache(maxsize=None)
def known_awards() -> tuple[KnownAward, ...]:
    """Awards the spells archive shows being created (id, recipient, the spell's date and, when written
    as an amount, the total), for the twin's awards at a date."""
    return tuple(KnownAward(r["vest_key"], int(r["id"]), r["recipient"], r["spell_date"], r["source"],
                            award_total(r["tot_expr"]))
                 for r in _rows("vest_awards.tsv") if r["recipient"].startswith("0x"))


@lru_cache(maxsize=None)
def known_yanks() -> dict[tuple[str, int], str]:
    """(vest, award id) -> the date of the spell that yanked it, as the spells archive shows (data/vest_yanks.tsv)."""
    return {(r["vest_key"], int(r["award_id"])): r["spell_date"] for r in _rows("vest_yanks.tsv")}


@dataclass(frozen=True)
class Wallet:
    name: str
    address: str
    first_seen: str
    removed: str  # "" = still listed
    source: str

    def listed_at(self, day: str) -> bool:
        return self.first_seen <= day and (not self.removed or day < self.removed)


@lru_cache(maxsize=None)
def wallet_entries() -> tuple[Wallet, ...]:
    """The public wallet registry's entries over time (spellgen/spellfile/data/wallets.tsv)."""
    return tuple(Wallet(r["name"], r["address"], r["first_seen"], r["removed"], r["source"])
                 for r in _rows("wallets.tsv"))


def wallets_at(day: str) -> dict[str, str]:
    """Registry name -> address as the registry listed them on `day`."""
    return {w.name: w.address for w in wallet_entries() if w.listed_at(day)}


# --- Vests a spell onboards ----------------------------------------------------------------------

@dataclass(frozen=True)
class VestDeployment:
    """A DssVest governance onboarded (data/vest_deployments.tsv): today's key, address, how it pays,
    its token, and the day by which it had code on mainnet."""

    key: str
    address: str
    kind: str  # "suckable", "mintable" or "transferrable" (protocol.VestKind's values)
    token: str
    deployed_by: str
    source: str

    def deployed_for(self, day: str) -> bool:
        """True when a spell dated `day` finds the contract deployed (registered or not)."""
        return self.deployed_by < day


@lru_cache(maxsize=None)
def vest_deployments() -> tuple[VestDeployment, ...]:
    return tuple(VestDeployment(r["vest_key"], r["address"], r["kind"], r["token"], r["deployed_by"], r["source"])
                 for r in _rows("vest_deployments.tsv"))


def vest_deployment(address: str) -> VestDeployment | None:
    """The vest deployed at `address`, if the facts name one."""
    return next((v for v in vest_deployments() if v.address.lower() == address.lower()), None)


def unregistered_vests(day: str) -> dict[str, str]:
    """Today's key -> address of the vests deployed before `day` that no chainlog key of `day` names:
    contracts with code that a spell of `day` may onboard (MCD_VEST_USDS on 2025-01-23)."""
    present = {address.lower() for address in chainlog_at(day).values()}
    return {v.key: v.address for v in vest_deployments() if v.deployed_for(day) and v.address.lower() not in present}


@dataclass(frozen=True)
class TokenDeployment:
    """A budget token deployed before the chainlog named it (data/token_deployments.tsv)."""

    token: str
    address: str
    deployed_by: str
    source: str


@lru_cache(maxsize=None)
def token_deployments() -> tuple[TokenDeployment, ...]:
    return tuple(TokenDeployment(r["token"], r["address"], r["deployed_by"], r["source"])
                 for r in _rows("token_deployments.tsv"))


def unregistered_tokens(day: str) -> dict[str, str]:
    """Symbol -> address of the budget tokens deployed before `day` whose chainlog key `day` lacks (SPK
    from 2025-05-24 to its registration by the 2025-06-26 spell): a spell names one by its address."""
    registered = chainlog_at(day)
    return {t.token: t.address for t in token_deployments()
            if t.deployed_by < day and token_key_at(t.token, day) not in registered}


def token_deployment(symbol: str) -> TokenDeployment | None:
    return next((t for t in token_deployments() if t.token == symbol), None)


def registered_by_spell_of(key: str, day: str) -> KeyEntry | None:
    """The entry the spell of `day` gave `key` (the chainlog's facts: an entry of `key` since `day`)."""
    return next((e for e in key_history(key) if e.since == day), None)


def contract_name(address: str) -> str:
    """An address as a message names it: with today's key of its contract, when the chainlog has one."""
    key = key_named(address, "9999-12-31")
    return f"{address} (today's {key})" if key else address


@lru_cache(maxsize=None)
def _versions() -> tuple[tuple[str, str], ...]:
    return tuple((r["spell_date"], r["version"]) for r in _rows("chainlog_versions.tsv"))


def version_tuple(version: str) -> tuple[int, ...]:
    """`1.19.5` as (1, 19, 5), for comparing versions."""
    return tuple(int(part) for part in version.split("."))


def chainlog_version_at(day: str) -> str | None:
    """The ChainLog's version when a spell of `day` is cast (the archive's latest before `day`), or None
    before the first archived bump."""
    found = None
    for spell_date, version in _versions():
        if spell_date < day:
            found = version
    return found


# --- Other tokens the PauseProxy holds ------------------------------------------------------------

@dataclass(frozen=True)
class HeldToken:
    """A token the PauseProxy may hold that is not a budget token (data/held_tokens.tsv): its chainlog key,
    address, symbol and decimals, its mainnet contract family and the slots of that family's balance and
    allowance mappings, and the day by which it had code on mainnet."""

    key: str
    address: str
    symbol: str
    decimals: int
    family: str
    balance_slot: int
    allowance_slot: int
    deployed_by: str
    source: str

    def deployed_for(self, day: str) -> bool:
        return self.deployed_by < day


@lru_cache(maxsize=None)
def held_tokens() -> tuple[HeldToken, ...]:
    return tuple(HeldToken(r["key"], r["address"], r["symbol"], int(r["decimals"]), r["family"],
                           int(r["balance_slot"]), int(r["allowance_slot"]), r["deployed_by"], r["source"])
                 for r in _rows("held_tokens.tsv"))


def held_token_at(key: str, day: str) -> HeldToken | None:
    """The held token the chainlog key names at `day` (by address: the key must name the facts' address)."""
    address = chainlog_at(day).get(key, "").lower()
    return next((t for t in held_tokens() if t.key == key and t.address.lower() == address), None)


def held_token_by_address(address: str) -> HeldToken | None:
    """The held token at `address` (data/held_tokens.tsv), whatever the chainlog names: a spell may name
    one by its address constant (2025-08-21: ENS and stkAAVE before their keys)."""
    return next((t for t in held_tokens() if t.address.lower() == address.lower()), None)


def token_decimals(symbol: str) -> int:
    """How many decimals a token of that symbol has: the held tokens' facts, else 18 (every budget token)."""
    return next((t.decimals for t in held_tokens() if t.symbol == symbol), 18)
