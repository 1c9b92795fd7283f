"""Compile a test corpus of spells (mutants, harmful edits, examples) in batches (issue 20).

Each test still compiles, casts and checks its own spell through the CLI or compile_spell; this
only makes its compile a cache hit: the first test of a chunk compiles the whole chunk in one
standard-JSON input (spellgen.compiler.compile.compile_many), which fills the compile cache
with exactly what compiling each alone gives. Chunks, not the whole corpus, because parallel
test processes each run a share of the tests (pytest-xdist hands them out in consecutive runs).
"""
from __future__ import annotations

import threading
from typing import Callable, Sequence

from spellgen.compiler.compile import CompiledSpell, CompileError, SpellRequest, compile_many

CHUNK = 8


class Batches:
    """`requests()` builds the corpus (lazily: collecting the tests must stay cheap); an entry may be
    None for a spell that cannot even be built (its test then fails on its own)."""

    def __init__(self, requests: Callable[[], Sequence[SpellRequest | None]], chunk: int = CHUNK) -> None:
        self._make = requests
        self._requests: Sequence[SpellRequest | None] | None = None
        self._chunk = chunk
        self._done: dict[int, CompiledSpell | CompileError] = {}
        self._lock = threading.Lock()

    def compiled(self, index: int) -> CompiledSpell | CompileError | None:
        """The index-th spell's result, compiling its chunk first if that has not been done."""
        with self._lock:
            if self._requests is None:
                self._requests = list(self._make())
            if index not in self._done and self._requests[index] is not None:
                start = index - index % self._chunk
                chunk = [i for i in range(start, min(start + self._chunk, len(self._requests)))
                         if self._requests[i] is not None and i not in self._done]
                for i, result in zip(chunk, compile_many([self._requests[i] for i in chunk])):
                    self._done[i] = result
            return self._done.get(index)


def mutant_requests(corpus: Sequence[tuple], mutate: Callable[[str, list], str]) -> list[SpellRequest | None]:
    """A SpellRequest per (name, spec, edits, ...) entry: the spec's rendered spell with the edits made
    (None where an edit's target is missing: that test fails by itself, naming it)."""
    from spellgen.render.spell import render
    from spellgen.spellfile.parse import load_spell

    rendered: dict = {}
    out: list[SpellRequest | None] = []
    for entry in corpus:
        spec, edits = entry[1], entry[2]
        if spec not in rendered:
            spell = load_spell(spec)
            rendered[spec] = (render(spell, spec.name), spell.solc)
        source, solc = rendered[spec]
        try:
            out.append(SpellRequest(mutate(source, edits), solc))
        except AssertionError:
            out.append(None)
    return out
