"""A thin JSON-RPC client for anvil: the standard calls the twin needs plus anvil's cheat codes.

Standard library only (urllib), so starting a twin never pays for importing web3.
"""
from __future__ import annotations

import gzip
import itertools
import json
import time
import urllib.error
import urllib.request
from typing import Any

from spellgen.spec.address import keccak256


class RpcError(RuntimeError):
    """The node answered with an error, or could not be reached."""


def word(value: int) -> str:
    """A 32-byte big-endian hex word, as storage cheat codes want it."""
    return "0x" + value.to_bytes(32, "big").hex()


def mapping_slot(key: str | int, slot: int) -> int:
    """Storage slot of `mapping[key]` for a mapping declared at `slot` (solc layout).

    An address key is left-padded to 32 bytes, like a uint256 key.
    """
    key_int = int(key, 16) if isinstance(key, str) else key
    return int.from_bytes(keccak256(key_int.to_bytes(32, "big") + slot.to_bytes(32, "big")), "big")


def nested_slot(key1: str | int, key2: str | int, slot: int) -> int:
    """Storage slot of `mapping[key1][key2]`."""
    return mapping_slot(key2, mapping_slot(key1, slot))


class Rpc:
    """JSON-RPC over HTTP to one node."""

    def __init__(self, url: str, timeout: float = 60.0) -> None:
        self.url = url
        self.timeout = timeout
        self._ids = itertools.count(1)

    def call(self, method: str, *params: Any) -> Any:
        body = json.dumps({"jsonrpc": "2.0", "id": next(self._ids), "method": method, "params": list(params)})
        request = urllib.request.Request(self.url, body.encode(), {"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                answer = json.loads(response.read())
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise RpcError(f"{method} at {self.url}: {exc}") from None
        if "error" in answer:
            raise RpcError(f"{method}: {answer['error'].get('message', answer['error'])}")
        return answer.get("result")

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
            time.sleep(0.002)
        return receipt

    def send(self, tx: dict) -> dict:
        """Send a transaction (from an unlocked or impersonated account) and return its mined receipt."""
        tx_hash = self.call("eth_sendTransaction", tx)
        receipt = self.receipt(tx_hash)
        if int(receipt["status"], 16) != 1:
            raise RpcError(f"transaction {tx_hash} reverted: {tx}")
        return receipt
