"""spellgen's one JSON-RPC client: standard calls, traces and anvil's cheat codes.

Why this one stack and not web3: spellgen needs raw JSON-RPC (anvil_* and evm_* cheat codes,
debug_traceTransaction with built-in tracers, eth_call at a block), which web3 reaches only through
`make_request` anyway; urllib costs no import time (web3 takes about a second to import, on every
`twin up` and `simulate`) and has no middleware that rewrites answers. Calls are encoded by
signature with eth_abi (spellgen.chain.client). web3 appears only as Brownie's connected provider,
which `Rpc.over_web3` sends the same requests through, so a Brownie script casts on Brownie's network.
Everything above it (the twin builder, the cast, verification) speaks through it.
"""
from __future__ import annotations

import contextlib
import gzip
import itertools
import json
import time
import urllib.error
import urllib.request
from typing import Any

from spellgen.chain.slots import word
from spellgen.errors import SpellgenError


# The fees of a transaction spellgen sends from London on: a cap far above a twin's base fee (a fork's
# above twice its own) and a fixed tip, the same on every run.
FEE_CAP = 100 * 10**9
FEE_TIP = 10**9


class RpcError(SpellgenError, RuntimeError):
    """The node answered with an error, or could not be reached."""

    def __init__(self, message: str, error: dict | None = None) -> None:
        super().__init__(message)
        self.error = error or {}  # the node's error object: code, message and any revert data


class Rpc:
    """JSON-RPC to one node: over HTTP to `url`, or through a connected web3 provider."""

    def __init__(self, url: str, timeout: float = 60.0, provider: Any = None) -> None:
        self.url = url
        self.timeout = timeout
        self.provider = provider
        self._ids = itertools.count(1)
        self._legacy_fees: bool | None = None  # asked of the node once (legacy_fees)

    @classmethod
    def over_web3(cls, w3: Any, label: str = "web3") -> "Rpc":
        """Requests through `w3.provider` (Brownie's connection), answered by the node it talks to."""
        return cls(label, provider=w3.provider)

    def call(self, method: str, *params: Any) -> Any:
        answer = self._request(method, list(params))
        if "error" in answer:
            error = answer["error"]
            raise RpcError(f"{method}: {error.get('message', error) if isinstance(error, dict) else error}",
                           error if isinstance(error, dict) else None)
        return answer.get("result")

    def _request(self, method: str, params: list) -> dict:
        if self.provider is not None:
            return dict(self.provider.make_request(method, params))
        body = json.dumps({"jsonrpc": "2.0", "id": next(self._ids), "method": method, "params": params})
        request = urllib.request.Request(self.url, body.encode(), {"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as exc:  # some nodes answer a JSON-RPC error with HTTP 500
            try:
                return json.loads(exc.read())
            except ValueError:
                raise RpcError(f"{method} at {self.url}: {exc}") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise RpcError(f"{method} at {self.url}: {exc}") from None

    # --- reads ---

    def chain_id(self) -> int:
        return int(self.call("eth_chainId"), 16)

    def block(self, tag: str = "latest") -> dict:
        return self.call("eth_getBlockByNumber", tag, False)

    def timestamp(self) -> int:
        """Timestamp of the latest block (what eth_call sees as block.timestamp)."""
        return int(self.block()["timestamp"], 16)

    def code(self, address: str) -> str:
        return self.call("eth_getCode", address, "latest")

    def storage(self, address: str, slot: int) -> int:
        return int(self.call("eth_getStorageAt", address, hex(slot), "latest"), 16)

    def eth_call(self, tx: dict, tag: str = "latest") -> str:
        return self.call("eth_call", tx, tag)

    # --- cheat codes ---

    def set_code(self, address: str, code: str) -> None:
        self.call("anvil_setCode", address, code if code.startswith("0x") else "0x" + code)

    def set_storage(self, address: str, slot: int, value: int) -> None:
        self.call("anvil_setStorageAt", address, word(slot), word(value))

    def set_storages(self, writes: list[tuple[str, int, int]]) -> None:
        """Many (address, slot, value) writes in one JSON-RPC batch: one request for hundreds of words."""
        if self.provider is not None or not writes:
            for address, slot, value in writes:
                self.set_storage(address, slot, value)
            return
        batch = [{"jsonrpc": "2.0", "id": next(self._ids), "method": "anvil_setStorageAt",
                  "params": [address, word(slot), word(value)]} for address, slot, value in writes]
        request = urllib.request.Request(self.url, json.dumps(batch).encode(), {"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                answers = json.loads(response.read())
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise RpcError(f"anvil_setStorageAt (batch of {len(writes)}) at {self.url}: {exc}") from None
        failed = [a["error"] for a in answers if isinstance(a, dict) and "error" in a]
        if failed or not isinstance(answers, list) or len(answers) != len(writes):
            raise RpcError(f"anvil_setStorageAt (batch of {len(writes)}): {failed[:1] or answers!r}")

    def set_balance(self, address: str, wei: int) -> None:
        self.call("anvil_setBalance", address, hex(wei))

    def set_nonce(self, address: str, nonce: int) -> None:
        self.call("anvil_setNonce", address, hex(nonce))

    def impersonate(self, address: str, fund: int = 10**20) -> None:
        """Let eth_sendTransaction come from `address`; give it ether for gas if it has less than `fund`."""
        self.call("anvil_impersonateAccount", address)
        if fund and int(self.call("eth_getBalance", address, "latest"), 16) < fund:
            self.set_balance(address, fund)

    def stop_impersonating(self, address: str) -> None:
        self.call("anvil_stopImpersonatingAccount", address)

    # --- time ---

    def set_time(self, ts: int) -> None:
        """Move the clock to `ts` and mine a block there: forwards or, unlike warp, backwards."""
        self.call("evm_setTime", ts)
        self.call("evm_mine")

    def warp(self, ts: int) -> None:
        """Mine a block at exactly `ts` (not earlier than the latest block)."""
        self.call("evm_setNextBlockTimestamp", ts)
        self.call("evm_mine")

    def next_block_at(self, ts: int) -> None:
        """The next transaction's block gets timestamp `ts` exactly."""
        self.call("evm_setNextBlockTimestamp", ts)

    def mine(self) -> None:
        self.call("evm_mine")

    # --- snapshots and state ---

    def snapshot(self) -> str:
        return self.call("evm_snapshot")

    def revert(self, snapshot_id: str) -> None:
        if not self.call("evm_revert", snapshot_id):
            raise RpcError(f"evm_revert: unknown snapshot {snapshot_id}")
        # anvil reverts the state but not its transaction pool: a transaction still pending from
        # after the snapshot would be mined into the reverted chain (or hold a nonce it now needs).
        with contextlib.suppress(RpcError):  # a node without the method has no such pool to clear
            self.call("anvil_dropAllTransactions")

    def dump_state(self) -> bytes:
        """The node's whole state as anvil's JSON (what `anvil --load-state FILE` reads)."""
        return gzip.decompress(bytes.fromhex(self.call("anvil_dumpState")[2:]))

    # --- transactions ---

    def receipt(self, tx_hash: str, timeout: float = 30.0) -> dict:
        """The receipt of `tx_hash`, waiting for anvil's automine (it answers before mining)."""
        deadline = time.monotonic() + timeout
        while (receipt := self.call("eth_getTransactionReceipt", tx_hash)) is None:
            if time.monotonic() > deadline:
                raise RpcError(f"transaction {tx_hash} was not mined within {timeout:.0f} s (is automine off?)")
            time.sleep(0.0005)  # anvil mines within a millisecond or two: a short poll keeps casts fast
        return receipt

    def legacy_fees(self) -> bool:
        """True when the node runs rules before London (EIP-1559): its next block carries no base fee.

        Asked of the chain itself rather than of a date, so a twin, a fork and Brownie's network are
        each sent what their rules take."""
        if self._legacy_fees is None:
            self._legacy_fees = self.block("pending").get("baseFeePerGas") is None
        return self._legacy_fees

    def with_fees(self, tx: dict) -> dict:
        """`tx` as the node's rules take it: before London a legacy `gasPrice`, since a node (anvil
        under Berlin) refuses the EIP-1559 fields it would otherwise fill in itself; from London fees
        of our own, not the node's suggestion, which follows its fee history (a twin reverted to a
        snapshot keeps that history), so the same spell gets the same transaction hash on every twin."""
        if "gasPrice" in tx or "maxFeePerGas" in tx:
            return tx
        if self.legacy_fees():
            return {**tx, "gasPrice": self.call("eth_gasPrice")}
        base = int(self.block("pending").get("baseFeePerGas") or "0x0", 16)
        return {**tx, "maxFeePerGas": hex(max(FEE_CAP, 2 * base)), "maxPriorityFeePerGas": hex(FEE_TIP)}

    def send(self, tx: dict) -> dict:
        """Send a transaction (from an unlocked or impersonated account) and return its mined receipt."""
        tx_hash = self.call("eth_sendTransaction", self.with_fees(tx))
        receipt = self.receipt(tx_hash)
        if int(receipt["status"], 16) != 1:
            raise RpcError(f"transaction {tx_hash} reverted: {tx}")
        return receipt
