"""Put a contract at a chosen address by running its constructor there ("construct in place").

A normal deployment lands at an address derived from the deployer's nonce, never at a mainnet
address. Instead of deploying elsewhere and copying code and storage over, the creation code
(with its ABI-encoded constructor arguments appended) is set as the code of the target address
and called once by the deployer:

* the constructor's storage writes land in the target's own storage (`wards[deployer] = 1`,
  `live = 1`, DSPause's owner/authority/delay, ...);
* `address(this)` is the target, so side effects on other contracts are made from the right
  address (DssVestSuckable's `vat.hope(join)`) and a library's self-address guard holds the
  mainnet address, exactly what a deployment at that address would have produced;
* the call returns the runtime code with immutables filled in, which then replaces the
  creation code;
* the target's nonce is 1 before the constructor runs (EIP-161: a created contract starts at 1),
  so a contract its constructor creates lands where it would on mainnet (DSPause creates
  DSPauseProxy: MCD_PAUSE at nonce 1 gives MCD_PAUSE_PROXY).

The returned code is read with an eth_call first (same state, same result), then the call is
sent as a transaction so its storage writes and events persist.
"""
from __future__ import annotations

from eth_abi import encode

from spellgen.twin.artifacts import Artifact
from spellgen.chain.rpc import Rpc

CONSTRUCT_GAS = 10_000_000


def constructor_args(artifact: Artifact, args: tuple) -> str:
    """ABI-encoded constructor arguments (hex, no 0x) for `artifact`."""
    inputs: list[dict] = next((item["inputs"] for item in artifact.abi if item["type"] == "constructor"), [])
    if len(inputs) != len(args):
        raise ValueError(f"{artifact.name} takes {len(inputs)} constructor arguments, got {len(args)}")
    return encode([i["type"] for i in inputs], list(args)).hex() if inputs else ""


def construct_at(rpc: Rpc, address: str, artifact: Artifact, args: tuple, deployer: str) -> str:
    """Run `artifact`'s constructor at `address` as `deployer` (impersonated); returns the runtime code."""
    if rpc.code(address) not in ("0x", "0x0"):
        raise RuntimeError(f"{address} already has code; refusing to construct {artifact.name} over it")
    rpc.set_code(address, artifact.initcode + constructor_args(artifact, args))
    rpc.set_nonce(address, 1)  # EIP-161: a created contract starts at nonce 1 (its creations use it)
    call = {"from": deployer, "to": address, "data": "0x", "gas": hex(CONSTRUCT_GAS)}
    runtime = rpc.eth_call(call)
    if len(runtime) <= 2:
        raise RuntimeError(f"the constructor of {artifact.name} returned no code at {address}")
    rpc.send(call)
    rpc.set_code(address, runtime)
    return runtime
