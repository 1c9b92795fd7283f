"""review: what a reviewer reads: the semantic diff, the summaries, report.md/html/json, the chart.

May import: spellgen.spellfile, spellgen.budget, spellgen.render (diff of rendered text), spellgen.verify
(result types only); matplotlib only inside the chart.
"""
