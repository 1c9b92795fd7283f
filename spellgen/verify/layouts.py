"""Mainnet storage layouts of the contracts a budget spell may touch, and a decoder of slots.

The state-diff check (statediff.py) names every changed storage slot by what it means on mainnet
(`wards[0x..]`, `can[a][b]`, `delay`, a ChainLog entry, a balance), so the same check reads a real
mainnet fork and the twin (whose contracts keep mainnet's layouts). Each layout was read from the
contract's public source:

- Vat (makerdao/dss src/vat.sol): wards 0, can 1, ilks 2 (5 words: Art, rate, spot, line, dust),
  urns 3 (2 words: ink, art), gem 4, dai 5, sin 6, debt 7, vice 8, Line 9, live 10.
- Vow (dss src/vow.sol): wards 0, vat 1, flapper 2, flopper 3, sin 4, Sin 5, Ash 6, wait 7, dump 8,
  sump 9, bump 10, hump 11, live 12.
- DaiJoin (dss src/join.sol): wards 0, vat 1, dai 2, live 3. Dai (dss src/dai.sol): wards 0,
  totalSupply 1, balanceOf 2, allowance 3, nonces 4. USDS and SKY keep Dai's first five.
  UsdsJoin: immutables only.
- MKR (the 2017 ds-token): _supply 0, _balances 1, _approvals 2, authority 3, owner 4 (stopped in
  the same word), symbol 5, decimals 6, name 7.
- MkrAuthority (makerdao/mkr-authority, chainlog GOV_GUARD): root 0, wards 1.
- DSPause (dapphub/ds-pause): authority 0, owner 1, plans 2, proxy 3, delay 4. DSPauseProxy: owner 0.
- DSChief (dapphub/ds-chief over ds-roles and ds-auth): authority 0, owner 1, _root_users 2,
  _user_roles 3, _capability_roles 4, _public_capabilities 5, slates 6, votes 7, approvals 8,
  deposits 9, GOV 10, IOU 11, hat 12, MAX_YAYS 13, last 14, live 15.
- ChainLog (makerdao/dss-chain-log): wards 0, location 1 (2 words: pos, addr), keys 2 (array),
  version 3, sha256sum 4, ipfs 5.
- DssVest (makerdao/dss-vest): wards 0, awards 1 (3 words), cap 2, ids 3, locked 4.
- DssExec (dss-exec-lib, the spell itself): eta 0, sig 1, done 2 (the rest immutables).
- Jug (dss src/jug.sol): wards 0, ilks 1 (2 words: duty, rho), vat 2, vow 3, base 4.
- AllocatorVault (dss-allocator): wards 0, buffer 1, jug 2 (roles, vat, ilk, usdsJoin, usds are immutables).
- The other tokens the PauseProxy holds (WETH9, UniswapV2ERC20, Comp, OpenZeppelin ERC20, FiatToken): the
  slots of their balance and allowance mappings, from spellgen/spellfile/data/held_tokens.tsv.
- VestedRewardsDistribution (a Treasury-funded farm's): wards 0, vestId 1, lastDistributedAt 2; its farm,
  StakingRewards, as the twin assumes it (contracts/twin/StakingRewards.sol).
- LockstakeEngine (lockstake): wards 0, farms 1; VestedRewardsDistributionJob (CRON_REWARDS_DIST_JOB): wards
  0, intervals 1, as the twin assumes it (contracts/twin/VestedRewardsDistributionJob.sol).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from spellgen.chain.slots import mapping_slot
from spellgen.spellfile.address import keccak256
from spellgen.spellfile.history import ALLOCATOR_VAULTS, HeldToken, held_tokens


@dataclass(frozen=True)
class Var:
    """One state variable: a scalar at `slot`, or a mapping (`keys` levels) of `words`-word values."""

    name: str
    slot: int
    keys: int = 0  # 0 scalar, 1 mapping, 2 mapping of mappings
    words: int = 1  # words per value (structs)
    fields: tuple[str, ...] = ()  # names of the words of a struct
    array: bool = False  # a dynamic array (elements at keccak(slot) + i)
    unit: str = ""  # how its values read: "wad:TOKEN", "rad", "address", "bool", "time", "award"
    field_units: tuple[str, ...] = ()  # a struct's words that read otherwise than `unit` (by word index)


@dataclass(frozen=True)
class Layout:
    kind: str
    vars: tuple[Var, ...]

    def var(self, name: str) -> Var:
        return next(v for v in self.vars if v.name == name)

    def slot(self, name: str, *keys: int | str) -> int:
        var = self.var(name)
        slot = var.slot
        for key in keys:
            slot = mapping_slot(key, slot)
        return slot


def _erc20(kind: str, token: str) -> Layout:
    return Layout(kind, (Var("wards", 0, 1, unit="bool"), Var("totalSupply", 1, unit=f"wad:{token}"),
                         Var("balanceOf", 2, 1, unit=f"wad:{token}"), Var("allowance", 3, 2, unit=f"wad:{token}"),
                         Var("nonces", 4, 1)))


AWARD_FIELDS = ("usr|bgn|clf", "fin|mgr|res", "tot|rxd")

LAYOUTS: dict[str, Layout] = {layout.kind: layout for layout in (
    Layout("Vat", (Var("wards", 0, 1, unit="bool"), Var("can", 1, 2, unit="bool"),
                   Var("ilks", 2, 1, 5, ("Art", "rate", "spot", "line", "dust")),
                   Var("urns", 3, 2, 2, ("ink", "art")), Var("gem", 4, 2), Var("dai", 5, 1, unit="rad"),
                   Var("sin", 6, 1, unit="rad"), Var("debt", 7, unit="rad"), Var("vice", 8, unit="rad"),
                   Var("Line", 9, unit="rad"), Var("live", 10))),
    Layout("Vow", (Var("wards", 0, 1, unit="bool"), Var("vat", 1, unit="address"), Var("flapper", 2, unit="address"),
                   Var("flopper", 3, unit="address"), Var("sin", 4, 1, unit="rad"), Var("Sin", 5, unit="rad"),
                   Var("Ash", 6, unit="rad"), Var("wait", 7), Var("dump", 8, unit="wad:MKR"), Var("sump", 9, unit="rad"),
                   Var("bump", 10, unit="rad"), Var("hump", 11, unit="rad"), Var("live", 12))),
    Layout("DaiJoin", (Var("wards", 0, 1, unit="bool"), Var("vat", 1, unit="address"), Var("dai", 2, unit="address"),
                       Var("live", 3))),
    Layout("UsdsJoin", ()),
    _erc20("Dai", "DAI"), _erc20("Usds", "USDS"), _erc20("Sky", "SKY"), _erc20("Spk", "SPK"),
    Layout("MkrToken", (Var("totalSupply", 0, unit="wad:MKR"), Var("balanceOf", 1, 1, unit="wad:MKR"),
                        Var("allowance", 2, 2, unit="wad:MKR"), Var("authority", 3, unit="address"),
                        Var("owner|stopped", 4, unit="address"), Var("symbol", 5), Var("decimals", 6),
                        Var("name", 7))),
    Layout("MkrAuthority", (Var("root", 0, unit="address"), Var("wards", 1, 1, unit="bool"))),
    Layout("DSPause", (Var("authority", 0, unit="address"), Var("owner", 1, unit="address"),
                       Var("plans", 2, 1, unit="bool"), Var("proxy", 3, unit="address"), Var("delay", 4))),
    Layout("DSPauseProxy", (Var("owner", 0, unit="address"),)),
    Layout("DSChief", (Var("authority", 0, unit="address"), Var("owner", 1, unit="address"),
                       Var("_root_users", 2, 1), Var("_user_roles", 3, 1), Var("_capability_roles", 4, 2),
                       Var("_public_capabilities", 5, 2), Var("slates", 6, 1), Var("votes", 7, 1),
                       Var("approvals", 8, 1, unit="wad:MKR"), Var("deposits", 9, 1, unit="wad:MKR"),
                       Var("GOV", 10, unit="address"), Var("IOU", 11, unit="address"), Var("hat", 12, unit="address"),
                       Var("MAX_YAYS", 13), Var("last", 14, 1), Var("live", 15))),
    Layout("ChainLog", (Var("wards", 0, 1, unit="bool"), Var("location", 1, 1, 2, ("pos", "addr"), field_units=("", "address")),
                        Var("keys", 2, array=True), Var("version", 3), Var("sha256sum", 4), Var("ipfs", 5))),
    Layout("DssVest", (Var("wards", 0, 1, unit="bool"), Var("awards", 1, 1, 3, AWARD_FIELDS, unit="award"),
                       Var("cap", 2), Var("ids", 3), Var("locked", 4))),
    Layout("DssExec", (Var("eta", 0, unit="time"), Var("sig", 1), Var("done", 2, unit="bool"))),
    Layout("Jug", (Var("wards", 0, 1, unit="bool"), Var("ilks", 1, 1, 2, ("duty", "rho")), Var("vat", 2, unit="address"),
                   Var("vow", 3, unit="address"), Var("base", 4))),
    Layout("AllocatorVault", (Var("wards", 0, 1, unit="bool"), Var("buffer", 1, unit="address"),
                              Var("jug", 2, unit="address"))),
    # A Treasury-funded farm's distribution and farm (the twin's; the farm's order is an assumption).
    Layout("VestedRewardsDistribution", (Var("wards", 0, 1, unit="bool"), Var("vestId", 1),
                                         Var("lastDistributedAt", 2, unit="time"))),
    Layout("StakingRewards", (Var("owner", 0, unit="address"), Var("rewardsDistribution", 1, unit="address"),
                              Var("rewardsToken", 2, unit="address"), Var("stakingToken", 3, unit="address"),
                              Var("periodFinish", 4, unit="time"), Var("rewardRate", 5), Var("rewardsDuration", 6),
                              Var("lastUpdateTime", 7, unit="time"), Var("rewardPerTokenStored", 8))),
    # The keeper job of the distributions and the Lockstake engine's farm list (the twin's; the job's order is
    # an assumption, the engine's first two variables mainnet's).
    Layout("VestedRewardsDistributionJob", (Var("wards", 0, 1, unit="bool"), Var("intervals", 1, 1))),
    Layout("LockstakeEngine", (Var("wards", 0, 1, unit="bool"), Var("farms", 1, 1))),
    # A Uniswap V2 pair (v2-core UniswapV2ERC20, then UniswapV2Pair): reserves packs reserve0, reserve1 << 112
    # and blockTimestampLast << 224.
    Layout("UniswapV2Pair", (Var("totalSupply", 0), Var("balanceOf", 1, 1), Var("allowance", 2, 2),
                             Var("DOMAIN_SEPARATOR", 3), Var("nonces", 4, 1), Var("factory", 5, unit="address"),
                             Var("token0", 6, unit="address"), Var("token1", 7, unit="address"), Var("reserves", 8),
                             Var("price0CumulativeLast", 9), Var("price1CumulativeLast", 10), Var("kLast", 11),
                             Var("unlocked", 12))),
)}

# Chainlog key -> layout kind. MCD_GOV is MKR's layout until 2025-05-15, when the key names SKY:
# kinds are looked up by address (KIND_BY_ADDRESS) first for that reason.
KIND_BY_KEY: dict[str, str] = {
    "CHANGELOG": "ChainLog", "MCD_VAT": "Vat", "MCD_VOW": "Vow", "MCD_JOIN_DAI": "DaiJoin", "MCD_DAI": "Dai",
    "MCD_GOV": "MkrToken", "MKR": "MkrToken", "MCD_ADM": "DSChief", "MCD_PAUSE": "DSPause",
    "MCD_PAUSE_PROXY": "DSPauseProxy", "USDS": "Usds", "USDS_JOIN": "UsdsJoin", "SKY": "Sky", "SPK": "Spk",
    "GOV_GUARD": "MkrAuthority", "MKR_AUTHORITY": "MkrAuthority",
    "MCD_VEST_DAI": "DssVest", "MCD_VEST_DAI_LEGACY": "DssVest", "MCD_VEST_MKR": "DssVest",
    "MCD_VEST_MKR_TREASURY": "DssVest", "MCD_VEST_USDS": "DssVest", "MCD_VEST_SKY_TREASURY": "DssVest",
    "MCD_VEST_SKY": "DssVest", "MCD_VEST_SPK_TREASURY": "DssVest", "MCD_JUG": "Jug",
    **{key: "AllocatorVault" for key in ALLOCATOR_VAULTS},
    "REWARDS_DIST_LSSKY_SKY": "VestedRewardsDistribution", "REWARDS_DIST_USDS_SKY": "VestedRewardsDistribution",
    "REWARDS_LSSKY_SKY": "StakingRewards", "REWARDS_USDS_SKY": "StakingRewards",
    "CRON_REWARDS_DIST_JOB": "VestedRewardsDistributionJob", "LOCKSTAKE_ENGINE": "LockstakeEngine",
    "UNIV2USDSSKY": "UniswapV2Pair",
}
MKR_ADDRESS = "0x9f8F72aA9304c8B593d555F12eF6589cC3A579A2"
SKY_ADDRESS = "0x56072C95FAA701256059aa122697B133aDEd9279"
SPK_ADDRESS = "0xc20059e0317DE91738d13af027DfC4a50781b066"
KIND_BY_ADDRESS = {MKR_ADDRESS.lower(): "MkrToken", SKY_ADDRESS.lower(): "Sky", SPK_ADDRESS.lower(): "Spk"}


def held_kind(token: HeldToken) -> str:
    """The layout kind of a held token (data/held_tokens.tsv): its family, by its symbol (`WETH9/WETH`)."""
    return f"{token.family}/{token.symbol}"


def _held_layout(token: HeldToken) -> Layout:
    """A held token's balances and allowances at its family's mainnet slots (the facts'); the family's other
    variables are not listed: the spell changes only balances."""
    unit = f"wad:{token.symbol}"
    return Layout(held_kind(token), (Var("balanceOf", token.balance_slot, 1, unit=unit),
                                     Var("allowance", token.allowance_slot, 2, unit=unit)))


for _token in held_tokens():
    LAYOUTS[held_kind(_token)] = _held_layout(_token)
    KIND_BY_ADDRESS[_token.address.lower()] = held_kind(_token)


def array_base(slot: int) -> int:
    return int.from_bytes(keccak256(slot.to_bytes(32, "big")), "big")


_TABLES: dict[tuple[Layout, tuple[int, ...]], dict[int, tuple[Var, int | tuple[int, int] | None, int]]] = {}  # Decoder tables by layout and candidate keys


@lru_cache(maxsize=1 << 17)
def _candidate_slot(key: int, slot: int) -> int:
    """mapping_slot for the tables: the casts of one run try mostly the same keys (a keccak each)."""
    return mapping_slot(key, slot)


@dataclass
class Decoder:
    """Names slots of one contract kind, trying every candidate key (addresses and words seen in the
    cast's calls and logs, the declared parties, award ids). Built lazily: only an unexplained slot
    pays for the hashing."""

    layout: Layout
    candidates: list[int]
    # slot -> (variable, its key or keys, word index); the name is written only for a slot looked up
    # (an address key's checksum costs a keccak, and the table holds every candidate key's slots).
    _table: dict[int, tuple[Var, int | tuple[int, int] | None, int]] | None = None

    def _build(self) -> dict[int, tuple[Var, int | tuple[int, int] | None, int]]:
        table: dict[int, tuple[Var, int | tuple[int, int] | None, int]] = {}
        keys = sorted(set(self.candidates))
        for var in self.layout.vars:
            if var.array:
                continue  # found by offset below
            if var.keys == 0:
                table[var.slot] = (var, None, 0)
                continue
            firsts = [(k, _candidate_slot(k, var.slot)) for k in keys]
            levels: Sequence[tuple[int | tuple[int, int], int]] = firsts
            if var.keys != 1:
                levels = [((k1, k2), _candidate_slot(k2, s1)) for k1, s1 in firsts for k2 in keys]
            for key, base in levels:
                for i in range(var.words):
                    table[base + i] = (var, key, i)
        return table

    @staticmethod
    def _name(var: Var, key: int | tuple[int, int] | None, i: int) -> str:
        name = var.name if key is None else f"{var.name}{_keys(key)}"
        if var.words > 1:
            name += f".{var.fields[i] if i < len(var.fields) else i}"
        return name

    def lookup(self, slot: int) -> tuple[str, Var, int] | None:
        """(name, variable, word index within its value) of a slot, or None."""
        if self._table is None:
            # The casts of one run (the cast, the casts at other times) share their candidates: built once.
            shared = (self.layout, tuple(sorted(set(self.candidates))))
            if shared not in _TABLES:
                if len(_TABLES) >= 32:
                    _TABLES.clear()
                _TABLES[shared] = self._build()
            self._table = _TABLES[shared]
        found = self._table.get(slot)
        if found:
            var, key, i = found
            return self._name(var, key, i), var, i
        for var in self.layout.vars:
            if var.array:
                offset = slot - array_base(var.slot)
                if 0 <= offset < 100_000:
                    return f"{var.name}[{offset}]", var, 0
        return None

    def name(self, slot: int) -> str | None:
        found = self.lookup(slot)
        return found[0] if found else None


def _keys(key: int | tuple[int, int]) -> str:
    parts = key if isinstance(key, tuple) else (key,)
    return "".join(f"[{_key(k)}]" for k in parts)


def _key(k: int) -> str:
    if 0 < k < 2**160 and k >= 2**32:
        from spellgen.spellfile.address import to_checksum

        return to_checksum("0x" + k.to_bytes(20, "big").hex())
    raw = k.to_bytes(32, "big")
    text = raw.rstrip(b"\0")
    if k >= 2**160 and text and all(32 <= c < 127 for c in text) and len(text) < 32:
        return f'"{text.decode()}"'
    return str(k)
