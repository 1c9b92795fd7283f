"""Budget planning from a core unit's MIP: the budget file, the ledger of earlier spells, the plan
of the next spell's actions, the status against the caps, and the budget checks of a spell.
A budget has one part per token: stablecoins (DAI, USDS) and governance tokens (MKR, SKY), each
written once for all its tokens (the tables of `model.py` say which spell action pays which).

Data flows one way: budget YAML + ledger YAML + spell model -> flows -> caps / plan -> report.
Nothing here imports brownie or web3, so `spellgen check --budget` stays on the light path.
`caplines` is the interface to the reports: budget caps as lines on the cumulative chart.
May import: spellgen.spec.
"""
