"""A small client for an anvil chain (the twin or a mainnet fork), in the manner of `cast`.

Calls name their function by signature, `"awards(uint256)(address,uint48,...)"`, so verification
reads mainnet contracts and the twin's through the same public interface, without the twin's ABIs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from eth_abi import decode, encode
from web3 import Web3

from spellgen.spec.address import keccak256

_SIG = re.compile(r"^(\w+)\(([^()]*)\)(?:\(([^()]*)\))?$")


class TxFailed(RuntimeError):
    """A transaction reverted; the message carries the revert reason when the node gives one."""


def _types(text: str) -> list[str]:
    return [t.strip() for t in text.split(",") if t.strip()]


def calldata(signature: str, *args: Any) -> bytes:
    """4-byte selector of `name(types)` followed by the ABI-encoded arguments."""
    match = _SIG.match(signature.replace(" ", ""))
    if not match:
        raise ValueError(f"bad signature {signature!r}")
    name, inputs, _ = match.groups()
    head = keccak256(f"{name}({inputs})".encode())[:4]
    return head + encode(_types(inputs), list(args))


def outputs_of(signature: str) -> list[str]:
    match = _SIG.match(signature.replace(" ", ""))
    return _types(match.group(3) or "") if match else []


def topic(event_signature: str) -> str:
    return "0x" + keccak256(event_signature.encode()).hex()


@dataclass
class Receipt:
    tx_hash: str
    block: int
    gas_used: int
    logs: list
    contract_address: str | None
    timestamp: int


class Chain:
    """JSON-RPC access to one chain, with anvil's cheat codes for a simulation."""

    def __init__(self, url: str | None = None, timeout: float = 120, w3: Web3 | None = None):
        """Connect to `url`, or use an already connected web3 (Brownie's, in a Brownie script or test)."""
        self.url = url or ""
        self.w3 = w3 if w3 is not None else Web3(Web3.HTTPProvider(url, request_kwargs={"timeout": timeout}))
        self._warp_pending = False

    # -- plain RPC -------------------------------------------------------------------------------
    def rpc(self, method: str, params: list) -> Any:
        response = self.w3.provider.make_request(method, params)
        if "error" in response:
            raise RuntimeError(f"{method} failed: {response['error'].get('message', response['error'])}")
        return response.get("result")

    def timestamp(self) -> int:
        return self.w3.eth.get_block("latest")["timestamp"]

    def chain_id(self) -> int:
        return self.w3.eth.chain_id

    def code(self, address: str) -> bytes:
        return bytes(self.w3.eth.get_code(Web3.to_checksum_address(address)))

    # -- calls -----------------------------------------------------------------------------------
    def call(self, to: str, signature: str, *args: Any, sender: str | None = None) -> Any:
        """Read-only call; returns one value, or a tuple when the signature returns several."""
        request = {"to": Web3.to_checksum_address(to), "data": "0x" + calldata(signature, *args).hex()}
        if sender:
            request["from"] = Web3.to_checksum_address(sender)
        raw = self.w3.eth.call(request)
        values = decode(outputs_of(signature), bytes(raw))
        values = tuple(Web3.to_checksum_address(v) if isinstance(v, str) and v.startswith("0x") and len(v) == 42
                       else v for v in values)
        return values[0] if len(values) == 1 else values

    def send(self, sender: str, to: str | None, data: bytes, gas: int = 25_000_000) -> Receipt:
        """Send a transaction from an unlocked (or impersonated) account and wait for it."""
        if not self._warp_pending:
            # Each block one second after the last, whatever the wall clock says: anvil would
            # otherwise stamp blocks with the time that passed, and reports would vary by a second.
            self.warp(self.timestamp() + 1)
        self._warp_pending = False
        tx = {"from": Web3.to_checksum_address(sender), "data": "0x" + data.hex(), "gas": gas}
        if to:
            tx["to"] = Web3.to_checksum_address(to)
        try:
            tx_hash = self.w3.eth.send_transaction(tx)
        except Exception as exc:  # web3 raises on a revert detected at estimation or submission
            raise TxFailed(_reason(exc)) from None
        receipt = self.w3.eth.wait_for_transaction_receipt(tx_hash, timeout=120)
        if receipt["status"] != 1:
            raise TxFailed(self._innermost_reason("0x" + bytes(tx_hash).hex())
                           or self._revert_reason(tx, receipt["blockNumber"]))
        block = self.w3.eth.get_block(receipt["blockNumber"])
        return Receipt("0x" + bytes(tx_hash).hex(), receipt["blockNumber"], receipt["gasUsed"],
                       list(receipt["logs"]), receipt.get("contractAddress"), block["timestamp"])

    def transact(self, sender: str, to: str, signature: str, *args: Any, gas: int = 25_000_000) -> Receipt:
        return self.send(sender, to, calldata(signature, *args), gas)

    def _innermost_reason(self, tx_hash: str) -> str | None:
        """The revert reason where the failure started, from anvil's call tracer.

        A spell's action runs in a delegatecall from the PauseProxy, whose own message
        (`ds-pause-delegatecall-error`) hides the cause, e.g. `ds-token-insufficient-balance`.
        """
        try:
            frame = self.rpc("debug_traceTransaction", [tx_hash, {"tracer": "callTracer"}])
        except Exception:  # noqa: BLE001 - a node without tracing: fall back to replaying the call
            return None
        reasons: list[str] = []
        while frame:
            if frame.get("error"):
                reasons.append(frame.get("revertReason") or frame["error"])
            failed = [child for child in frame.get("calls") or [] if child.get("error")]
            frame = failed[-1] if failed else None
        if not reasons:
            return None
        innermost, outer = reasons[-1], reasons[0]
        return innermost if innermost == outer else f"{innermost} (reported as {outer})"

    def _revert_reason(self, tx: dict, block: int) -> str:
        """Replay the failed transaction as a call on its own block: a reverted transaction left the
        state as it was, and the block keeps its timestamp (which a replay one block earlier would not)."""
        try:
            self.w3.eth.call({k: v for k, v in tx.items() if k != "gas"}, block)
        except Exception as exc:  # noqa: BLE001 - replaying only to learn the reason
            return _reason(exc)
        return "reverted"

    # -- anvil cheat codes -------------------------------------------------------------------------
    def impersonate(self, address: str, eth: int = 10**20) -> str:
        address = Web3.to_checksum_address(address)
        self.rpc("anvil_impersonateAccount", [address])
        self.rpc("anvil_setBalance", [address, hex(eth)])
        return address

    def set_storage(self, address: str, slot: int | bytes, value: int) -> None:
        key = slot if isinstance(slot, bytes) else slot.to_bytes(32, "big")
        self.rpc("anvil_setStorageAt", [Web3.to_checksum_address(address), "0x" + key.hex(),
                                        "0x" + value.to_bytes(32, "big").hex()])

    def storage(self, address: str, slot: bytes) -> int:
        return int.from_bytes(bytes(self.w3.eth.get_storage_at(Web3.to_checksum_address(address),
                                                               int.from_bytes(slot, "big"))), "big")

    def warp(self, timestamp: int) -> None:
        """The next block gets this timestamp."""
        self.rpc("evm_setNextBlockTimestamp", [hex(timestamp)])
        self._warp_pending = True

    def mine(self, timestamp: int | None = None) -> None:
        self.warp(timestamp if timestamp is not None else self.timestamp() + 1)
        self.rpc("evm_mine", [])
        self._warp_pending = False

    def snapshot(self) -> str:
        return self.rpc("evm_snapshot", [])

    def revert(self, snapshot_id: str) -> None:
        if not self.rpc("evm_revert", [snapshot_id]):
            raise RuntimeError(f"could not revert to snapshot {snapshot_id}")

    def accounts(self) -> list[str]:
        return list(self.w3.eth.accounts)


def _reason(exc: Exception) -> str:
    """The revert string of a web3 error, without the encoded data web3 appends."""
    text = getattr(exc, "message", None) or (exc.args[0] if exc.args and isinstance(exc.args[0], str) else str(exc))
    match = re.search(r"revert(?:ed)?:?\s*(.*)$", text)
    return (match.group(1).strip(" '\"") or "reverted without a reason") if match else text


def mapping_slot(key: str | int, slot: int) -> bytes:
    """Storage slot of `mapping[key]` for a mapping declared at `slot` (Solidity layout)."""
    raw_key = bytes.fromhex(key[2:]).rjust(32, b"\0") if isinstance(key, str) else key.to_bytes(32, "big")
    return keccak256(raw_key + slot.to_bytes(32, "big"))
