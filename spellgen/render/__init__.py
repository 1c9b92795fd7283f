"""render: turn a checked spell model into Solidity with the Jinja templates, deterministically.

Python decides every name, literal and comment; the templates only lay them out.
May import: spellgen.spellfile (and jinja2). Never web3 or brownie: `render` is on the light path.
"""
