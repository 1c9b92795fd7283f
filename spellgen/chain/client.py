"""A small client for an anvil chain (the twin or a mainnet fork), in the manner of `cast`.

Calls name their function by signature, `"awards(uint256)(address,uint48,...)"`, so verification
reads mainnet contracts and the twin's through the same public interface, without the twin's ABIs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from eth_abi import decode, encode
from spellgen.chain.rpc import Rpc, RpcError
from spellgen.spellfile.address import keccak256, to_checksum
from spellgen.errors import SpellgenError

_SIG = re.compile(r"^(\w+)\(([^()]*)\)(?:\(([^()]*)\))?$")


class TxFailed(SpellgenError, RuntimeError):
    """A transaction reverted; the message carries the revert reason when the node gives one, and
    `tx_hash` the mined transaction (None when the node refused it unmined), for a closer look."""

    def __init__(self, message: str, tx_hash: str | None = None) -> None:
        super().__init__(message)
        self.tx_hash = tx_hash


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
    logs: list  # each {"address": checksummed str, "topics": [bytes], "data": bytes}
    contract_address: str | None
    timestamp: int


def _log(raw: dict) -> dict:
    return {"address": to_checksum(raw["address"]), "topics": [_bytes(t) for t in raw.get("topics", [])],
            "data": _bytes(raw.get("data", "0x")), "logIndex": int(str(raw.get("logIndex", "0x0")), 0)}


def _bytes(value: Any) -> bytes:
    if isinstance(value, (bytes, bytearray)):
        return bytes(value)
    text = value.hex() if hasattr(value, "hex") and not isinstance(value, str) else str(value)
    return bytes.fromhex(text.removeprefix("0x"))


def _int(value: Any) -> int:
    return value if isinstance(value, int) else int(str(value), 16)


class Chain:
    """Contract calls and transactions by signature on one chain, with anvil's cheat codes."""

    def __init__(self, url: str | None = None, timeout: float = 120, w3: Any = None):
        """Connect to `url`, or go through an already connected web3 (Brownie's)."""
        self.url = url or ""
        self.node = Rpc.over_web3(w3) if w3 is not None else Rpc(url or "", timeout=timeout)
        self._warp_pending = False

    # -- plain RPC -------------------------------------------------------------------------------
    def rpc(self, method: str, params: list) -> Any:
        try:
            return self.node.call(method, *params)
        except RpcError as exc:
            raise RuntimeError(str(exc)) from None

    def timestamp(self) -> int:
        return self.node.timestamp()

    def chain_id(self) -> int:
        return self.node.chain_id()

    def code(self, address: str) -> bytes:
        return _bytes(self.node.code(to_checksum(address)))

    # -- calls -----------------------------------------------------------------------------------
    def call(self, to: str, signature: str, *args: Any, sender: str | None = None) -> Any:
        """Read-only call; returns one value, or a tuple when the signature returns several."""
        request = {"to": to_checksum(to), "data": "0x" + calldata(signature, *args).hex()}
        if sender:
            request["from"] = to_checksum(sender)
        try:
            raw = self.node.eth_call(request)
        except RpcError as exc:
            raise TxFailed(_reason(exc)) from None
        values = decode(outputs_of(signature), _bytes(raw))
        values = tuple(to_checksum(v) if isinstance(v, str) and v.startswith("0x") and len(v) == 42
                       else v for v in values)
        return values[0] if len(values) == 1 else values

    def send(self, sender: str, to: str | None, data: bytes, gas: int = 25_000_000) -> Receipt:
        """Send a transaction from an unlocked (or impersonated) account and wait for it."""
        if not self._warp_pending:
            # Each block one second after the last, whatever the wall clock says: anvil would
            # otherwise stamp blocks with the time that passed, and reports would vary by a second.
            self.warp(self.timestamp() + 1)
        self._warp_pending = False
        tx = {"from": to_checksum(sender), "data": "0x" + data.hex(), "gas": hex(gas)}
        if to:
            tx["to"] = to_checksum(to)
        # Before London (a twin dated before 2021-08-05 runs Berlin) a legacy gasPrice: the node
        # refuses the EIP-1559 fields it would fill in for a transaction that names no price.
        tx = self.node.with_fees(tx)
        try:
            tx_hash = self.node.call("eth_sendTransaction", tx)
        except RpcError as exc:  # a node that checks the transaction before mining it
            raise TxFailed(_reason(exc)) from None
        receipt = self.node.receipt(tx_hash, timeout=120)
        block_number = _int(receipt["blockNumber"])
        if _int(receipt["status"]) != 1:
            raise TxFailed(self._innermost_reason(tx_hash) or self._revert_reason(tx, block_number), tx_hash)
        block = self.node.block(hex(block_number))
        address = receipt.get("contractAddress")
        return Receipt(tx_hash, block_number, _int(receipt["gasUsed"]), [_log(x) for x in receipt["logs"]],
                       to_checksum(address) if address else None, _int(block["timestamp"]))

    def transact(self, sender: str, to: str, signature: str, *args: Any, gas: int = 25_000_000) -> Receipt:
        return self.send(sender, to, calldata(signature, *args), gas)

    def trace(self, tx_hash: str, tracer: str, config: dict | None = None) -> Any:
        """`debug_traceTransaction` with a built-in tracer (callTracer, prestateTracer)."""
        options: dict[str, Any] = {"tracer": tracer}
        if config:
            options["tracerConfig"] = config
        return self.node.call("debug_traceTransaction", tx_hash, options)

    def _innermost_reason(self, tx_hash: str) -> str | None:
        """The revert reason where the failure started, from anvil's call tracer.

        A spell's action runs in a delegatecall from the PauseProxy, whose own message
        (`ds-pause-delegatecall-error`) hides the cause, e.g. `ds-token-insufficient-balance`.
        """
        try:
            frame = self.trace(tx_hash, "callTracer")
        except RpcError:  # a node without tracing: fall back to replaying the call
            return None
        reasons: list[str] = []
        innermost_frame = None
        while frame:
            if frame.get("error"):
                reasons.append(frame.get("revertReason") or frame["error"])
                innermost_frame = frame
            failed = [child for child in frame.get("calls") or [] if child.get("error")]
            frame = failed[-1] if failed else None
        if not reasons:
            return None
        innermost, outer = reasons[-1], reasons[0]
        named = innermost + _chainlog_key(innermost_frame)
        return named if innermost == outer else f"{named} (reported as {outer})"

    def _revert_reason(self, tx: dict, block: int) -> str:
        """Replay the failed transaction as a call on its own block: a reverted transaction left the
        state as it was, and the block keeps its timestamp (which a replay one block earlier would not)."""
        try:
            self.node.eth_call({k: v for k, v in tx.items() if k != "gas"}, hex(block))
        except RpcError as exc:
            return _reason(exc)
        return "reverted"

    # -- anvil cheat codes -------------------------------------------------------------------------
    def impersonate(self, address: str, eth: int = 10**20) -> str:
        address = to_checksum(address)
        self.node.call("anvil_impersonateAccount", address)
        self.node.set_balance(address, eth)
        return address

    def set_storage(self, address: str, slot: int, value: int) -> None:
        self.node.set_storage(to_checksum(address), slot, value)

    def storage(self, address: str, slot: int) -> int:
        return self.node.storage(to_checksum(address), slot)

    def warp(self, timestamp: int) -> None:
        """The next block gets this timestamp."""
        self.node.next_block_at(timestamp)
        self._warp_pending = True

    def mine(self, timestamp: int | None = None) -> None:
        self.warp(timestamp if timestamp is not None else self.timestamp() + 1)
        self.node.mine()
        self._warp_pending = False

    def snapshot(self) -> str:
        return self.node.snapshot()

    def revert(self, snapshot_id: str) -> None:
        try:
            self.node.revert(snapshot_id)
        except RpcError:
            raise RuntimeError(f"could not revert to snapshot {snapshot_id}") from None

    def accounts(self) -> list[str]:
        return [to_checksum(a) for a in self.node.call("eth_accounts")]


_GET_ADDRESS = "0x" + keccak256(b"getAddress(bytes32)")[:4].hex()


def _chainlog_key(frame: dict | None) -> str:
    """` for key MCD_JUG` when the failing call asked a ChainLog for a key (it names what is missing)."""
    data = str((frame or {}).get("input") or "")
    if not data.startswith(_GET_ADDRESS) or len(data) < 74:
        return ""
    key = bytes.fromhex(data[10:74]).rstrip(b"\0")
    try:
        return f" for key {key.decode('ascii')}" if key and key.isascii() else ""
    except UnicodeDecodeError:
        return ""


def _reason(exc: Exception) -> str:
    """The revert string of a node's error, decoded from its revert data when the message lacks it."""
    error = getattr(exc, "error", None) or {}
    data = error.get("data")
    if isinstance(data, dict):
        data = data.get("data")
    if isinstance(data, str) and data.startswith("0x08c379a0"):  # Error(string)
        try:
            return decode(["string"], bytes.fromhex(data[10:]))[0] or "reverted without a reason"
        except Exception:  # noqa: BLE001 - malformed revert data: fall back to the message
            pass
    text = error.get("message") or str(exc)
    match = re.search(r"revert(?:ed)?:?\s*(.*)$", text)
    return (match.group(1).strip(" '\"") or "reverted without a reason") if match else text
