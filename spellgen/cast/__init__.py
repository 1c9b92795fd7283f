"""cast: make a compiled spell law the way governance does, and record what the chain shows.

Deploy, elect, schedule, cast; read every value the expectations name before and after.
May import: spellgen.spellfile, spellgen.compiler, spellgen.chain.
"""
