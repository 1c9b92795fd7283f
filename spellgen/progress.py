"""spellgen's one step timer: `  label ... 1.23 s` lines for the slow steps, and their timings.

The twin build, `twin up`, `simulate` and `verify` all report progress through `Progress`;
with stream=None it stays silent and only keeps the timings (for reports and manifests).
"""
from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Iterator, TextIO


class Progress:
    """Writes `label ... 1.23 s` per step to `stream` and keeps (label, seconds) in order."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream
        self.timings: list[tuple[str, float]] = []

    def note(self, text: str) -> None:
        if self.stream:
            print(text, file=self.stream, flush=True)

    def done(self, label: str, seconds: float) -> None:
        """Record a step that was timed elsewhere (the cast's own steps)."""
        self.timings.append((label, seconds))
        if self.stream:
            print(f"  {label} ... {seconds:.2f} s", file=self.stream, flush=True)

    @contextmanager
    def step(self, label: str) -> Iterator[None]:
        if self.stream:
            print(f"  {label} ...", end="", file=self.stream, flush=True)
        started = time.perf_counter()
        try:
            yield
        except BaseException:
            if self.stream:
                print(" failed", file=self.stream, flush=True)
            raise
        seconds = time.perf_counter() - started
        self.timings.append((label, seconds))
        if self.stream:
            print(f" {seconds:.2f} s", file=self.stream, flush=True)
