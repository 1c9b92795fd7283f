"""spec: read a spell YAML into the model and check it, before anything renders.

Source positions, parsing, the model (exact amounts, UTC times, checksummed addresses), the
protocol facts, the JSON Schema, the exec-doc hash, the checks with located diagnostics, and
`expect`: what the chain must show after the cast, derived from the model alone.
May import: the standard library, PyYAML, pycryptodome, and spellgen.resources/files/progress.
"""
