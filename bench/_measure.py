"""Shared by the bench scripts: run a command several times, report wall time and peak memory."""
from __future__ import annotations

import resource
import statistics
import subprocess
import time


def measure(command: list[str], runs: int, cwd: str) -> tuple[list[float], float]:
    """Wall seconds of each run, and the peak resident memory (MiB) of any run."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    # ru_maxrss of the children is the largest peak among all of them (KiB on Linux).
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return times, peak_mib


def verdict(value: float, target: float) -> str:
    return "within target" if value <= target else "OVER TARGET"


def summary(label: str, times: list[float], peak_mib: float, time_target: float, mem_target: float) -> str:
    best, median = min(times), statistics.median(times)
    return (f"{label}: best {best:.3f} s, median {median:.3f} s over {len(times)} runs "
            f"(target < {time_target} s: {verdict(median, time_target)}); "
            f"peak memory {peak_mib:.1f} MiB (target < {mem_target} MB: {verdict(peak_mib, mem_target)})")
