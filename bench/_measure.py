"""Shared by the bench scripts: run a command several times, report wall time, CPU time and peak memory.

Standard library and /proc only (Linux). `run_tree` follows every process the command starts
(the Python of spellgen, its solcjs worker under node, anvil) and keeps the peak resident memory
(VmHWM) of each, so the report can name the largest single process.
"""
from __future__ import annotations

import os
import resource
import statistics
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path


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


@dataclass
class Run:
    wall: float  # seconds, process start to exit
    cpu: float  # user + system seconds of the command and everything it started and waited for
    peaks: dict[str, float] = field(default_factory=dict)  # process name -> largest peak RSS seen, MB
    returncode: int = 0

    def largest(self) -> tuple[str, float]:
        return max(self.peaks.items(), key=lambda kv: kv[1]) if self.peaks else ("?", 0.0)


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            tree.setdefault(ppid, []).append(int(entry.name))
    return tree


def _descendants(root: int) -> list[int]:
    tree, found, todo = _children(), [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(tree.get(pid, []))
    return found


def _peak_mb(pid: int) -> tuple[str, float] | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        name = Path(f"/proc/{pid}/comm").read_text().strip()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return name, int(line.split()[1]) / 1000  # kB -> MB
    return None


def run_tree(command: list[str], env: dict | None = None, cwd: str = ".", poll: float = 0.05) -> Run:
    """Run `command` to the end, polling its process tree for each process's peak memory."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peaks: dict[str, float] = {}
    while process.poll() is None:
        for pid in _descendants(process.pid):
            seen = _peak_mb(pid)
            if seen:
                name = "python" if seen[0].startswith(("python", "spellgen")) else seen[0]
                peaks[name] = max(peaks.get(name, 0.0), seen[1])
        time.sleep(poll)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss (KiB) is the largest peak of every process reaped so far; if it grew during this run,
    # it is this run's largest process, whose last polled peak may have missed its final growth.
    largest = max(peaks, key=peaks.__getitem__, default=None)
    if largest and after.ru_maxrss > before.ru_maxrss:
        peaks[largest] = max(peaks[largest], after.ru_maxrss * 1024 / 1e6)
    return Run(wall, cpu, peaks, process.returncode)


def machine() -> str:
    """CPUs, their model and the load average: the context a figure needs."""
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), "unknown CPU")
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{os.cpu_count()} CPUs ({model}); load average {load} (1, 5, 15 min)"
