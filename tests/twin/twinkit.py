"""Helpers for the twin's tests: web3 contracts at mainnet addresses, senders, time, reverts."""
from __future__ import annotations

from pathlib import Path

import pytest
from web3 import Web3
from web3.exceptions import ContractLogicError
from web3.logs import DISCARD

from spellgen.spellfile.protocol import WAD
from spellgen.spellfile.history import DSS_EXEC_LIB, MAINNET
from spellgen.twin import state as S
from spellgen.twin.artifacts import Artifact, compile_twin_sources, twin_artifacts

HERE = Path(__file__).parent
ZERO = S.ZERO
GAS = 12_000_000  # explicit gas: no estimate, so a transaction lands in the block we chose


def b32(text: str) -> bytes:
    return text.encode().ljust(32, b"\0")


def probe_artifacts() -> dict[str, Artifact]:
    """tests/twin/contracts/TwinProbes.sol, compiled once and cached like the twin's contracts."""
    return compile_twin_sources({"TwinProbes.sol": (HERE / "contracts" / "TwinProbes.sol").read_text()})


class Kit:
    """The twin as tests see it: contracts by name, and transactions from anyone at any time."""

    def __init__(self, twin) -> None:
        self.twin = twin
        self.rpc = twin.rpc
        self.w3 = Web3(Web3.HTTPProvider(twin.url, request_kwargs={"timeout": 120}))
        self.art = twin_artifacts()
        self.accounts = list(self.w3.eth.accounts)  # anvil's unlocked dev accounts
        self._impersonated: set[str] = set()
        A = MAINNET
        self.log = self.at("ChainLog", A["CHANGELOG"])
        self.vat = self.at("Vat", A["MCD_VAT"])
        self.dai = self.at("Dai", A["MCD_DAI"])
        self.join = self.at("DaiJoin", A["MCD_JOIN_DAI"])
        self.usds = self.at("Usds", A["USDS"])
        self.usds_join = self.at("UsdsJoin", A["USDS_JOIN"])
        self.sky = self.at("Sky", A["SKY"])
        self.vow = self.at("Vow", A["MCD_VOW"])
        self.mkr = self.at("MkrToken", A["MCD_GOV"])
        self.chief = self.at("DSChief", A["MCD_ADM"])
        self.pause = self.at("DSPause", A["MCD_PAUSE"])
        self.proxy = self.at("DSPauseProxy", A["MCD_PAUSE_PROXY"])
        self.lib = self.at("DssExecLib", DSS_EXEC_LIB)
        self.iou = self.at("DSToken", S.CHIEF_IOU)
        self.sky_chief = self.at("Chief", S.SKY_CHIEF)
        self.mkr_authority = self.at("MkrAuthority", S.MKR_AUTHORITY)
        self.vests = {key: self.at(kind, A[key]) for key, kind in S.VESTS.items()}
        self.voter, self.stranger, self.someone = self.accounts[1], self.accounts[2], self.accounts[3]

    # --- contracts ---

    def at(self, name: str, address: str, artifacts: dict[str, Artifact] | None = None):
        return self.w3.eth.contract(address=Web3.to_checksum_address(address), abi=(artifacts or self.art)[name].abi)

    def deploy(self, artifact: Artifact, *args, sender: str | None = None, at: int | None = None):
        """A normal deployment (at a nonce-derived address), in a block at `at` if given; the contract."""
        factory = self.w3.eth.contract(abi=artifact.abi, bytecode="0x" + artifact.initcode)
        self.pin_time(at)
        receipt = self._mined(factory.constructor(*args).transact({"from": sender or self.accounts[0], "gas": GAS}))
        assert receipt.status == 1, f"deploying {artifact.name} reverted"
        return self.w3.eth.contract(address=receipt.contractAddress, abi=artifact.abi)

    @property
    def proxy_address(self) -> str:
        return MAINNET["MCD_PAUSE_PROXY"]

    # --- senders ---

    def sender(self, address: str) -> str:
        """Unlock `address` for eth_sendTransaction (dev accounts already are)."""
        address = Web3.to_checksum_address(address)
        if address not in self.accounts and address not in self._impersonated:
            self.rpc.impersonate(address)
            self._impersonated.add(address)
        return address

    def forget_senders(self) -> None:
        """After an evm_revert the impersonation may be gone with the state; re-do it on next use."""
        self._impersonated.clear()

    # --- time ---

    def now(self) -> int:
        return self.rpc.timestamp()

    def pin_time(self, at: int | None) -> None:
        """The next block lands at `at`, or at the latest block's time: left alone, anvil would
        stamp it with the wall clock, and a test's times would depend on how fast it runs."""
        self.rpc.next_block_at(self.now() if at is None else at)

    def warp(self, ts: int) -> None:
        """Mine a block at exactly `ts`; eth_call then sees block.timestamp == ts."""
        self.rpc.warp(ts)

    # --- calls and transactions ---

    def tx(self, fn, sender: str | None = None, at: int | None = None):
        """Send `fn` from `sender` (any address), in a block at `at` if given; the receipt, which must succeed."""
        frm = self.sender(sender or self.accounts[0])
        self.pin_time(at)
        receipt = self._mined(fn.transact({"from": frm, "gas": GAS}))
        if receipt.status != 1:
            raise AssertionError(f"{fn.fn_name} from {frm} reverted: {self.revert_reason(fn, frm, receipt)}")
        return receipt

    def _mined(self, tx_hash):
        return self.w3.eth.wait_for_transaction_receipt(tx_hash, timeout=60, poll_latency=0.005)

    def revert_reason(self, fn, sender: str, receipt) -> str:
        try:
            fn.call({"from": sender}, block_identifier=receipt.blockNumber - 1)
        except ContractLogicError as exc:
            return str(exc.message)
        return "(no reason)"

    def reverts(self, fn, reason: str, sender: str | None = None) -> None:
        """`fn` called from `sender` at the latest block reverts with exactly `reason` ("" for a
        revert without a reason string, as mainnet's older contracts give)."""
        with pytest.raises(ContractLogicError) as caught:
            fn.call({"from": Web3.to_checksum_address(sender or self.accounts[0]), "gas": GAS})
        expected = f"execution reverted: {reason}" if reason else "execution reverted"
        assert caught.value.message == expected, caught.value.message
        if not reason:
            assert caught.value.data in (None, "0x", b""), caught.value.data  # no Error(string), no Panic

    def events(self, contract, name: str, receipt) -> list[dict]:
        """The `name` events `contract` itself emitted in `receipt` (others' logs are skipped)."""
        logs = getattr(contract.events, name)().process_receipt(receipt, errors=DISCARD)
        return [dict(e["args"]) for e in logs if e["address"] == contract.address]

    # --- governance shortcuts ---

    def as_governance(self, fn, at: int | None = None):
        """Run `fn` from the PauseProxy, as a cast spell would (wards are the PauseProxy's)."""
        return self.tx(fn, self.proxy_address, at=at)

    def give_mkr(self, usr: str, wad: int) -> None:
        self.as_governance(self.mkr.functions.mint(usr, wad))

    def vote_in(self, spell_address: str, voter: str | None = None) -> None:
        """Make `spell_address` the hat: a voter locks more MKR than the current hat has, votes, lifts."""
        voter = voter or self.voter
        weight = self.chief.functions.approvals(self.chief.functions.hat().call()).call() + WAD
        self.give_mkr(voter, weight)
        self.tx(self.mkr.functions.approve(self.chief.address, weight), voter)
        self.tx(self.chief.functions.lock(weight), voter)
        self.tx(self.chief.functions.vote([spell_address]), voter)
        self.tx(self.chief.functions.lift(spell_address), voter)
