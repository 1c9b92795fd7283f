"""verify: compare what the YAML declares with what the chain showed, item by item.

Expected values come from spellgen.spellfile.expect (the model), observed ones from spellgen.cast
(the chain): a check never compares the template with itself.
May import: spellgen.spellfile, spellgen.compiler, spellgen.chain, spellgen.cast.
"""
