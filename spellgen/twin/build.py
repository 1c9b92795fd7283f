"""Build the twin's state once and cache it as an anvil state dump.

Steps, on one fresh anvil whose clock starts at state.BUILD_START and ticks one second per block
(so the same inputs give the same state; only the order of anvil's block list in the dump varies):

1. place every contract at its mainnet address (place.construct_at) and register it in the ChainLog
   (the ChainLog registers itself as CHANGELOG; DSPause creates MCD_PAUSE_PROXY);
2. wire governance as on mainnet (wards, vat.hope, MKR authority, chief IOU, vest caps);
3. seed state: surplus buffer, MKR and SKY treasuries and their allowances, the MKR chief launched
   with its current hat, and the awards each vest already holds;
4. remove every right of the deployer, so only governance (the PauseProxy) rules;
5. check the result, then dump the state to .cache/twin/.

Only here are the twin's ABIs read (to decode calls); starting a twin from the dump never needs them.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from eth_abi import decode

from spellgen.files import write_atomic
from spellgen.spellfile.protocol import MKR_SKY_RATE
from spellgen.spellfile.history import ALLOCATOR_VAULTS, MAINNET, allocator_ilk
from spellgen.twin import state as S
from spellgen.twin.artifacts import Artifact, precompiled, twin_artifacts
from spellgen.twin.cache import check_builder_unchanged, manifest_path, state_key, state_path
from spellgen.chain.node import AnvilNode
from spellgen.twin.place import construct_at
from spellgen.progress import Progress
from spellgen.chain.client import calldata
from spellgen.chain.rpc import Rpc
from spellgen.chain.slots import mapping_slot
from spellgen.errors import SpellgenError

# Storage slots (contracts/README.md; mainnet's Vat layout) the builder writes directly.
VAT_DAI_SLOT, VAT_DEBT_SLOT = 5, 7
VAT_ILKS_SLOT, VAT_URNS_SLOT, JUG_ILKS_SLOT = 2, 3, 1  # Vat: ilks {Art, rate, ...}, urns {ink, art}; Jug: ilks {duty, rho}
# Every contract with `wards`: the deployer is a ward of each until retire_deployer.
# (USDS_JOIN is mainnet's UsdsJoin, which has none; MKR_AUTHORITY has a root instead.)
WARDED = ("CHANGELOG", "MCD_VAT", "MCD_DAI", "MCD_JOIN_DAI", "MCD_VOW", "USDS", "SKY", "SPK", *S.VESTS, "MCD_JUG",
          *ALLOCATOR_VAULTS)
# Created by another contract's constructor, not placed by the builder: key -> creator.
CREATED_BY = {"MCD_PAUSE_PROXY": "MCD_PAUSE"}
# Suckable vests -> their join: each is a ward of the Vat and hoped its join from its own
# address when constructed in place (construct_at).
SUCKABLE = {"MCD_VEST_DAI": "MCD_JOIN_DAI", "MCD_VEST_DAI_LEGACY": "MCD_JOIN_DAI", "MCD_VEST_USDS": "USDS_JOIN"}
# A join per token: the join must be a ward of the token it mints on exit.
JOINS = {"MCD_JOIN_DAI": "MCD_DAI", "USDS_JOIN": "USDS"}


class BuildError(SpellgenError, RuntimeError):
    """The twin state could not be built (a bug in the builder or the contracts)."""


def build_state(award_counts: dict[str, int] | None = None, rebuild: bool = False,
                progress: Progress | None = None, port: int | None = None) -> Path:
    """The cached state dump for these award counts, building it first if needed (or if `rebuild`)."""
    counts = S.normalized_counts(award_counts)
    path = state_path(counts)
    if path.is_file() and not rebuild:
        return path
    check_builder_unchanged()
    progress = progress or Progress()
    shipped = None if rebuild else precompiled()  # --rebuild compiles the contracts too
    with progress.step("loading the precompiled twin contracts" if shipped else
                       "compiling the twin contracts with solc 0.8.16"):
        artifacts = shipped or twin_artifacts(rebuild=rebuild)
    with progress.step("starting anvil for the build"):
        node = AnvilNode(S.anvil_args(S.BUILD_START), port=port)
    try:
        chain = TwinContracts(node.rpc, artifacts)
        node.rpc.call("anvil_setBlockTimestampInterval", 1)  # deterministic block times
        chain.rpc.impersonate(S.DEPLOYER)
        with progress.step(f"placing {1 + len(S.CORE) + len(S.TWIN_ONLY) + len(S.VESTS)} contracts at their addresses"):
            place_contracts(chain)
        with progress.step("wiring governance"):
            wire_governance(chain)
        with progress.step(f"seeding balances, the chief's hat and {sum(counts.values())} vest awards"):
            seed_balances(chain, counts)
            seed_hat(chain)
            seed_sky_chief(chain)
            seed_awards(chain, counts)
            seed_allocators(chain)
        with progress.step("removing the deployer's rights"):
            retire_deployer(chain)
        with progress.step("checking the result"):
            verify(chain, counts)
        with progress.step("dumping the state"):
            end = chain.rpc.timestamp()
            write_atomic(path, chain.rpc.dump_state())
    finally:
        node.stop()
    manifest = {"state_key": state_key(counts), "award_counts": counts, "genesis": S.GENESIS,
                "build_end_timestamp": end, "chainlog": {k: MAINNET[k] for k in S.chainlog_keys()},
                "twin_only": {k: address for k, (address, _) in S.TWIN_ONLY.items()},
                "build_seconds": {k: round(v, 2) for k, v in progress.timings}}
    write_atomic(manifest_path(path), json.dumps(manifest, indent=2) + "\n")
    prune_old_states(keep=path)
    return path


def prune_old_states(keep: Path, how_many: int = 4) -> None:
    """Delete all but the newest few dumps: each builder change leaves a ~2 MB one behind."""
    dumps = sorted((p for p in keep.parent.glob("state-*.json") if not p.name.endswith(".meta.json")),
                   key=lambda p: p.stat().st_mtime, reverse=True)
    for old in [p for p in dumps if p != keep][how_many - 1:]:
        old.unlink(missing_ok=True)
        manifest_path(old).unlink(missing_ok=True)


class TwinContracts:
    """The build's contracts by chainlog key on its node, called from any account.

    Calls are encoded by signature (spellgen.chain.client.calldata) and sent through the one
    JSON-RPC client (spellgen.chain.rpc.Rpc); the twin's ABIs only decode what `read` returns.
    """

    def __init__(self, rpc: Rpc, artifacts: dict[str, Artifact]) -> None:
        self.rpc = rpc
        self.artifacts = artifacts
        self.addresses = {**{k: MAINNET[k] for k in S.chainlog_keys()},
                          **{k: address for k, (address, _) in S.TWIN_ONLY.items()}}
        self.kinds = {**S.CORE, **S.VESTS, **{k: kind for k, (_, kind) in S.TWIN_ONLY.items()}}

    def encode(self, key: str, signature: str, *args: Any) -> str:
        """Calldata of `signature` with `args` for the contract under `key` (hex); the contract must have it."""
        self._function(key, signature)
        return "0x" + calldata(signature, *args).hex()

    def send(self, key: str, signature: str, *args: Any, sender: str = S.DEPLOYER) -> dict:
        """Call `signature` (e.g. "rely(address)") on the contract under `key` as `sender`."""
        data = self.encode(key, signature, *args)
        tx = {"from": sender, "to": self.addresses[key], "data": data}
        try:
            self.rpc.call("eth_estimateGas", tx)  # surfaces the revert reason before sending
        except Exception as exc:  # noqa: BLE001 - re-raised with context
            raise BuildError(f"{key}.{signature} from {sender} fails: {exc}") from None
        return self.rpc.send(tx)

    def read(self, key: str, signature: str, *args: Any) -> Any:
        outputs = [o["type"] for o in self._function(key, signature)["outputs"]]
        raw = self.rpc.eth_call({"to": self.addresses[key], "data": self.encode(key, signature, *args)})
        values = decode(outputs, bytes.fromhex(raw[2:]))
        return values[0] if len(values) == 1 else values

    def _function(self, key: str, signature: str) -> dict:
        """The ABI entry of `signature` in the contract under `key` (a BuildError names a missing one)."""
        for entry in self.artifacts[self.kinds[key]].abi:
            if entry.get("type") == "function" and signature.replace(" ", "") == \
                    f"{entry['name']}({','.join(i['type'] for i in entry['inputs'])})":
                return entry
        raise BuildError(f"{key} ({self.kinds[key]}) has no function {signature}")

    def as_account(self, address: str) -> None:
        self.rpc.impersonate(address)


def _b32(text: str) -> bytes:
    return text.encode().ljust(32, b"\0")


def place_contracts(chain: TwinContracts) -> None:
    """Every contract at its address, constructed there; each mainnet one registered in the ChainLog.

    Constructor arguments are the mainnet addresses of dependencies (and mainnet's own arguments:
    Dai's chain id 1, the Vow's auction houses, here none), so immutables and storage are right.
    """
    a = chain.addresses
    args: dict[str, tuple] = {
        "CHANGELOG": (), "MCD_VAT": (),
        "MCD_DAI": (S.CHAIN_ID,),  # the chain id of the permit domain: 1, as deployed on mainnet
        "MCD_JOIN_DAI": (a["MCD_VAT"], a["MCD_DAI"]),
        "MCD_VOW": (a["MCD_VAT"], S.ZERO, S.ZERO),  # no flapper or flopper on the twin
        "MCD_GOV": (_b32("MKR"),),
        "MCD_ADM": (a["MCD_GOV"], a["IOU"], S.MAX_YAYS),
        # owner 0 as on mainnet: only the authority (the chief's hat) may plot. Creates the proxy.
        "MCD_PAUSE": (S.genesis_pause_delay(), S.ZERO, a["MCD_ADM"]),
        "USDS": (), "SKY": (),
        "USDS_JOIN": (a["MCD_VAT"], a["USDS"]),
        "DAI_USDS": (a["MCD_JOIN_DAI"], a["USDS_JOIN"]),
        "MKR_SKY": (a["MCD_GOV"], a["SKY"], MKR_SKY_RATE),
        "SPK": (),
        "MCD_VEST_SKY": (a["SKY"],),
        "MCD_VEST_SPK_TREASURY": (a["MCD_PAUSE_PROXY"], a["SPK"]),
        "MCD_VEST_DAI": (a["CHANGELOG"], a["MCD_JOIN_DAI"]),
        "MCD_VEST_DAI_LEGACY": (a["CHANGELOG"], a["MCD_JOIN_DAI"]),
        "MCD_VEST_MKR": (a["MCD_GOV"],),
        "MCD_VEST_MKR_TREASURY": (a["MCD_PAUSE_PROXY"], a["MCD_GOV"]),
        "MCD_VEST_USDS": (a["CHANGELOG"], a["USDS_JOIN"]),  # pays USDS, not DAI
        "MCD_VEST_SKY_TREASURY": (a["MCD_PAUSE_PROXY"], a["SKY"]),
        "MKR_AUTHORITY": (),
        "IOU": (_b32("IOU"),),
        "SKY_CHIEF": (a["SKY"], S.SKY_CHIEF_MAX_YAYS, S.SKY_CHIEF_LAUNCH_THRESHOLD, S.SKY_CHIEF_LIFT_COOLDOWN),
        "USDS_IMP": (),  # USDS itself is an ERC1967Proxy(USDS_IMP, initialize())
        "MCD_JUG": (a["MCD_VAT"],),
        **{key: (a["MCD_VAT"], _b32(allocator_ilk(key))) for key in ALLOCATOR_VAULTS},
    }
    lib_name, lib_address = S.EXEC_LIB
    runtime = construct_at(chain.rpc, lib_address, chain.artifacts[lib_name], (), S.DEPLOYER)
    # A library's code starts with PUSH20 <its own address>: the guard against direct calls.
    if runtime[2:44].lower() != "73" + lib_address[2:].lower():
        raise BuildError("DssExecLib's runtime code does not embed its mainnet address")
    # Dependencies first: the chief needs no live MKR, but each vest's constructor may read the
    # ChainLog (DssVestSuckable looks up MCD_VAT and MCD_JOIN_DAI and hopes the join).
    placed: set[str] = set()
    for key in [*S.CORE, *S.TWIN_ONLY]:
        if key in placed:
            continue
        if key in CREATED_BY:
            if chain.rpc.code(a[key]) in ("0x", "0x0"):
                raise BuildError(f"{CREATED_BY[key]} did not create {key} at {a[key]}")
            continue
        if key in S.PROXIES:  # the implementation first, then the proxy initialising through it
            impl = S.PROXIES[key]
            construct_at(chain.rpc, a[impl], chain.artifacts[chain.kinds[impl]], args[impl], S.DEPLOYER)
            init = bytes.fromhex(chain.encode(key, "initialize()")[2:])
            construct_at(chain.rpc, a[key], chain.artifacts["ERC1967Proxy"], (a[impl], init), S.DEPLOYER)
            placed |= {key, impl}
            continue
        construct_at(chain.rpc, a[key], chain.artifacts[chain.kinds[key]], args[key], S.DEPLOYER)
        placed.add(key)
    for key in S.CORE:
        if key != "CHANGELOG":  # the ChainLog's constructor listed itself first
            chain.send("CHANGELOG", "setAddress(bytes32,address)", _b32(key), a[key])
    for key in S.VESTS:
        construct_at(chain.rpc, a[key], chain.artifacts[chain.kinds[key]], args[key], S.DEPLOYER)
        chain.send("CHANGELOG", "setAddress(bytes32,address)", _b32(key), a[key])


def wire_governance(chain: TwinContracts) -> None:
    """Mainnet's rights: the PauseProxy governs; the joins mint DAI and USDS; vests can pay."""
    a = chain.addresses
    proxy = a["MCD_PAUSE_PROXY"]
    for join, token in JOINS.items():
        chain.send(token, "rely(address)", a[join])
    # Not DAI: as on mainnet only its join mints it. USDS: a ward, as on mainnet (its deployment handed
    # the wards to governance, which authorises upgrades). SKY: the PauseProxy may mint, as MKR.
    # USDS_JOIN has no wards.
    for key in ("CHANGELOG", "MCD_VAT", "MCD_JOIN_DAI", "MCD_VOW", "USDS", "SKY", "SPK", *S.VESTS):
        chain.send(key, "rely(address)", proxy)
    # SKY is minted by MCD_VEST_SKY (a mintable vest) and by MKR_SKY, which also mints MKR back.
    chain.send("SKY", "rely(address)", a["MCD_VEST_SKY"])
    chain.send("SKY", "rely(address)", a["MKR_SKY"])
    chain.send("MKR_AUTHORITY", "rely(address)", a["MKR_SKY"])
    for key in SUCKABLE:
        chain.send("MCD_VAT", "rely(address)", a[key])  # suckable vests suck from the Vat
    # MKR: minted only through its authority: MCD_VEST_MKR as a ward, the PauseProxy as its root
    # (handed over in retire_deployer, as the deployer roots it until then).
    chain.send("MCD_GOV", "setName(bytes32)", _b32("Maker"))
    chain.send("MCD_GOV", "setAuthority(address)", a["MKR_AUTHORITY"])
    chain.send("MKR_AUTHORITY", "rely(address)", a["MCD_VEST_MKR"])
    chain.send("IOU", "setOwner(address)", a["MCD_ADM"])  # lock mints IOU, free burns it
    # sendPaymentFromSurplusBuffer exits DAI through the join on the PauseProxy's behalf; the
    # same right on USDS_JOIN lets a spell pay USDS out of the surplus buffer the same way.
    chain.as_account(proxy)
    for join in JOINS:
        chain.send("MCD_VAT", "hope(address)", a[join], sender=proxy)
    for key in S.VESTS:
        chain.send(key, "file(bytes32,uint256)", _b32("cap"), S.build_cap(key))
    chain.send("MCD_VAT", "file(bytes32,uint256)", _b32("Line"), S.VAT_LINE)
    wire_allocators(chain)
    for what, value in S.VOW_PARAMS.items():
        chain.send("MCD_VOW", "file(bytes32,uint256)", _b32(what), value)


def wire_allocators(chain: TwinContracts) -> None:
    """The Jug folds fees into the Vat for the Vow; each allocator ilk is initialised in both, its vault
    filed with the Jug; the PauseProxy governs them all."""
    a = chain.addresses
    chain.send("MCD_VAT", "rely(address)", a["MCD_JUG"])
    chain.send("MCD_JUG", "file(bytes32,address)", _b32("vow"), a["MCD_VOW"])
    chain.send("MCD_JUG", "rely(address)", a["MCD_PAUSE_PROXY"])
    for key in ALLOCATOR_VAULTS:
        ilk = _b32(allocator_ilk(key))
        chain.send("MCD_VAT", "init(bytes32)", ilk)
        chain.send("MCD_JUG", "init(bytes32)", ilk)
        chain.send(key, "file(bytes32,address)", _b32("jug"), a["MCD_JUG"])
        chain.send(key, "rely(address)", a["MCD_PAUSE_PROXY"])


def seed_allocators(chain: TwinContracts) -> None:
    """Each allocator ilk's assumed duty, rate and debt, the debt all in its vault's urn (storage: the Jug
    files a duty only in the second of a drip, and the vault's draws are not modelled: the dai they drew,
    and so the Vat's debt, leave it out; a cast changes debt and dai by deltas, which this does not touch)."""
    a, rpc = chain.addresses, chain.rpc
    vat, jug = a["MCD_VAT"], a["MCD_JUG"]
    for key in ALLOCATOR_VAULTS:
        ilk = int.from_bytes(_b32(allocator_ilk(key)), "big")
        rpc.set_storage(jug, mapping_slot(ilk, JUG_ILKS_SLOT), S.ALLOCATOR_DUTY)
        rpc.set_storage(vat, mapping_slot(ilk, VAT_ILKS_SLOT), S.ALLOCATOR_ART)
        rpc.set_storage(vat, mapping_slot(ilk, VAT_ILKS_SLOT) + 1, S.ALLOCATOR_RATE)
        rpc.set_storage(vat, mapping_slot(a[key], mapping_slot(ilk, VAT_URNS_SLOT)) + 1, S.ALLOCATOR_ART)


def seed_balances(chain: TwinContracts, counts: dict[str, int]) -> None:
    """Surplus buffer in the Vat; MKR and SKY treasuries in the PauseProxy, each approved to its vest."""
    a = chain.addresses
    vat, vow = a["MCD_VAT"], a["MCD_VOW"]
    # dai of the Vow backed by system debt, as accumulated stability fees would be.
    chain.rpc.set_storage(vat, mapping_slot(vow, VAT_DAI_SLOT), S.SURPLUS)
    chain.rpc.set_storage(vat, VAT_DEBT_SLOT, chain.read("MCD_VAT", "debt()") + S.SURPLUS)
    proxy = a["MCD_PAUSE_PROXY"]
    for vest, token in S.TREASURY_VESTS.items():
        chain.send(token, "mint(address,uint256)", proxy, S.TREASURIES[token])
        chain.send(token, "approve(address,uint256)", a[vest], S.treasury_allowance(counts, vest), sender=proxy)


def seed_hat(chain: TwinContracts) -> None:
    """The chief launched as on mainnet (80,000 MKR on address(0) first), then its current hat: an
    earlier spell backed by HAT_SUPPORT MKR."""
    a = chain.addresses
    voter = S.HAT_VOTER
    chain.send("MCD_GOV", "mint(address,uint256)", voter, S.HAT_SUPPORT)
    chain.as_account(voter)
    chain.send("MCD_GOV", "approve(address,uint256)", a["MCD_ADM"], 2**256 - 1, sender=voter)
    chain.send("IOU", "approve(address,uint256)", a["MCD_ADM"], 2**256 - 1, sender=voter)
    chain.send("MCD_ADM", "lock(uint256)", S.HAT_SUPPORT, sender=voter)
    chain.send("MCD_ADM", "vote(address[])", [S.ZERO], sender=voter)
    chain.send("MCD_ADM", "launch()", sender=voter)
    chain.send("MCD_ADM", "vote(address[])", [S.PREVIOUS_SPELL], sender=voter)
    chain.send("MCD_ADM", "lift(address)", S.PREVIOUS_SPELL, sender=voter)
    _retire_account(chain, voter)


def seed_sky_chief(chain: TwinContracts) -> None:
    """The SKY chief as governance found it after 2025-05-15: launched (the threshold of SKY on
    address(0)), with an earlier spell as its hat. It becomes MCD_ADM and the pause's authority
    only for twins dated after that day (spellgen.twin.start)."""
    voter = S.SKY_HAT_VOTER
    chain.send("SKY", "mint(address,uint256)", voter, S.SKY_CHIEF_LAUNCH_THRESHOLD + S.SKY_HAT_SUPPORT)
    chain.as_account(voter)
    chain.send("SKY", "approve(address,uint256)", S.SKY_CHIEF, 2**256 - 1, sender=voter)
    chain.send("SKY_CHIEF", "lock(uint256)", S.SKY_CHIEF_LAUNCH_THRESHOLD, sender=voter)
    chain.send("SKY_CHIEF", "vote(address[])", [S.ZERO], sender=voter)
    chain.send("SKY_CHIEF", "launch()", sender=voter)
    chain.send("SKY_CHIEF", "vote(address[])", [S.PREVIOUS_SPELL], sender=voter)
    for _ in range(S.SKY_CHIEF_LIFT_COOLDOWN + 1):  # no lift within the cooldown after the launch
        chain.rpc.mine()
    chain.send("SKY_CHIEF", "lift(address)", S.PREVIOUS_SPELL, sender=voter)
    _retire_account(chain, voter)


def seed_awards(chain: TwinContracts, counts: dict[str, int]) -> None:
    """The awards each vest holds before any spell; those past their cliff are claimed once."""
    now = chain.rpc.timestamp()
    for key in S.VESTS:
        for award_id, award in enumerate(S.seed_awards(key, counts[key]), start=1):
            chain.send(key, "create(address,uint256,uint256,uint256,uint256,address)",
                       award.usr, award.tot, award.bgn, award.tau, award.eta, award.mgr)
            chain.send(key, "restrict(uint256)", award_id)
            if award.clf < now:
                chain.as_account(award.usr)
                chain.send(key, "vest(uint256)", award_id, sender=award.usr)
                _retire_account(chain, award.usr)


def _retire_account(chain: TwinContracts, address: str) -> None:
    """Stop impersonating a helper account and take back the ether it was given for gas."""
    chain.rpc.stop_impersonating(address)
    chain.rpc.set_balance(address, 0)


def retire_deployer(chain: TwinContracts) -> None:
    """Deny the deployer everywhere (and give up MKR's ownership): governance alone rules."""
    deployer = S.DEPLOYER
    for key in WARDED:
        chain.send(key, "deny(address)", deployer)
    chain.send("MKR_AUTHORITY", "setRoot(address)", chain.addresses["MCD_PAUSE_PROXY"])
    chain.send("MCD_GOV", "setOwner(address)", S.ZERO)
    _retire_account(chain, chain.addresses["MCD_PAUSE_PROXY"])
    _retire_account(chain, deployer)


def verify(chain: TwinContracts, counts: dict[str, int]) -> None:
    """Cheap checks before the dump is cached: a broken build must fail here, not in a test."""
    a = chain.addresses
    problems = []
    for key in S.chainlog_keys():
        if chain.read("CHANGELOG", "getAddress(bytes32)", _b32(key)).lower() != a[key].lower():
            problems.append(f"ChainLog does not answer {key}")
    for key in WARDED:
        if chain.read(key, "wards(address)", S.DEPLOYER) != 0:
            problems.append(f"the deployer is still a ward of {key}")
    for key in S.VESTS:
        if chain.read(key, "ids()") != counts[key]:
            problems.append(f"{key} holds {chain.read(key, 'ids()')} awards, not {counts[key]}")
    for join in JOINS:
        if chain.read("MCD_VAT", "can(address,address)", a["MCD_PAUSE_PROXY"], a[join]) != 1:
            problems.append(f"the PauseProxy has not hoped {join}")
    for vest, join in SUCKABLE.items():
        if chain.read(vest, "join()").lower() != a[join].lower():
            problems.append(f"{vest} does not pay through {join}")
        if chain.read("MCD_VAT", "can(address,address)", a[vest], a[join]) != 1:
            problems.append(f"{vest} has not hoped {join}")
    if chain.read("MCD_ADM", "hat()").lower() != S.PREVIOUS_SPELL.lower():
        problems.append("the chief's hat is not the previous spell")
    for key, impl in S.PROXIES.items():
        if chain.read(key, "getImplementation()").lower() != a[impl].lower():
            problems.append(f"{key} is not a proxy of {impl}")
    for key in ALLOCATOR_VAULTS:
        ilk = _b32(allocator_ilk(key))
        if chain.read(key, "ilk()") != ilk or chain.read("MCD_VAT", "urns(bytes32,address)", ilk, a[key])[1] == 0:
            problems.append(f"{key} has no ilk {allocator_ilk(key)} or no debt in its urn")
        if chain.read("MCD_JUG", "ilks(bytes32)", ilk)[0] != S.ALLOCATOR_DUTY:
            problems.append(f"the Jug has not the assumed duty of {allocator_ilk(key)}")
    if chain.read("MKR_AUTHORITY", "root()").lower() != a["MCD_PAUSE_PROXY"].lower():
        problems.append("the PauseProxy is not the root of MKR's authority")
    if not chain.read("MCD_ADM", "live()"):
        problems.append("the chief is not launched")
    if chain.read("MCD_PAUSE", "proxy()").lower() != a["MCD_PAUSE_PROXY"].lower():
        problems.append("MCD_PAUSE's proxy is not MCD_PAUSE_PROXY")
    if chain.read("MCD_PAUSE_PROXY", "owner()").lower() != a["MCD_PAUSE"].lower():
        problems.append("MCD_PAUSE_PROXY is not owned by MCD_PAUSE")
    if chain.rpc.timestamp() >= S.GENESIS:
        problems.append("the build ran past GENESIS; a twin could not start at GENESIS")
    if problems:
        raise BuildError("the twin state failed its checks:\n  " + "\n  ".join(problems))
