"""cli: the `spellgen` command line, one module per command group (main, twin, budget, review).

Commands parse arguments and call the stage that owns the work (for simulate and verify, the
one run function in spellgen.run); heavy modules are imported inside the commands that need them.
May import: everything.
"""
