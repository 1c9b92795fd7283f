"""integrations: spellgen inside other tools. `brownie` is the only module that imports brownie;
`pytest_plugin` gives Brownie tests of a spell their fixtures.

May import: spellgen.spellfile, spellgen.compiler, spellgen.chain, spellgen.twin, spellgen.cast, spellgen.run.
"""
