"""chain: talk to one Ethereum node: the one JSON-RPC client, the node launcher, storage slots.

`rpc.Rpc` is the transport (HTTP or a connected web3 provider), `client.Chain` the contract
calls by signature on top of it, `node.AnvilNode` starts anvil and proves it is ours.
May import: spellgen.spellfile, spellgen.compiler (for the anvil binary), eth_abi.
"""
