"""compiler: compile spells and the exec base with the pinned solc, and locate the toolchain.

`toolchain` finds (or installs) anvil and the solc compilers; `compile` is the one entry point
that turns Solidity into bytecode (one spell, many in one input, or other contracts), with a
content-addressed cache, and enforces the EIP-170 code size limit; `solc` runs the compiler: a
persistent solcjs worker per version, or py-solc-x.
May import: spellgen.spellfile, py-solc-x.
"""
