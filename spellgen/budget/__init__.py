"""Budget planning from a core unit's MIP: the budget file, the ledger of earlier spells, the plan
of the next spell's actions, the status against the caps, and the budget checks of a spell.
A budget has one part per token (DAI, USDS, MKR, SKY), of two kinds written once for all their tokens:
period parts funded by streams (and stablecoin top-ups), schedule parts (MKR, SKY) moved by transfers.
The tables of `model.py` say which spell action pays which token.

Data flows one way: budget YAML + ledger YAML + spell model -> flows -> caps / plan -> report.
Nothing here imports brownie or web3, so `spellgen check --budget` stays on the light path.
`caplines` is the interface to the reports: budget caps as lines on the cumulative chart.
May import: spellgen.spellfile.
"""
