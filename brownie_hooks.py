"""Brownie imports this file while it loads the project, before it connects to a network.

It defines the project's networks in Brownie's memory (never in ~/.brownie): `development` (the
project's anvil), `spellgen-twin` (the twin at the spell's date; the default of `brownie run`)
and `mainnet-fork` (the project's anvil forking $ETH_RPC_URL), and points py-solc-x at the
project's compilers. See spellgen/integrations/brownie.py.
"""
from spellgen.integrations.brownie import configure_brownie

configure_brownie()
