"""build: compile spells and the exec base with the pinned solc, and locate the toolchain.

`toolchain` finds (or installs) anvil and the solc compilers; `compile` turns Solidity into
bytecode with a content-addressed cache and enforces the EIP-170 code size limit.
May import: spellgen.spellfile, py-solc-x.
"""
