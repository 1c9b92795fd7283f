"""Progress lines with durations for the slow steps (the first build), or silence."""
from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Iterator, TextIO


class Progress:
    """Writes `label ... 1.2 s` per step to `stream`; with stream=None it only keeps the timings."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream
        self.timings: dict[str, float] = {}

    def note(self, text: str) -> None:
        if self.stream:
            print(text, file=self.stream, flush=True)

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
        self.timings[label] = seconds
        if self.stream:
            print(f" {seconds:.1f} s", file=self.stream, flush=True)
