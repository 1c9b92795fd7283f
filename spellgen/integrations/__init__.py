"""integrations: spellgen inside other tools. `brownie` is the only module that imports brownie.

May import: spellgen.build, spellgen.chain, spellgen.run.
"""
