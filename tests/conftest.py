"""Fixtures the whole suite shares, so that it does each expensive thing once (issue 20).

* `shared_twins` (function; opt-in, e.g. autouse in tests/verify/conftest.py): every twin the code
  under test starts through `spellgen.twin.start_twin` (simulate, verify) is leased from a pool of
  running twins, one per distinct start request (date, pause delay, chainlog keys, stated awards,
  award counts), started once per test process. Each lease begins at the snapshot taken right after
  the start, and ending it (the code's own `twin.stop()`) reverts the twin there: the spell is cast
  on a twin in exactly the state a fresh start gives, without paying for the start.
* `simulated` (session): `spellgen simulate EXAMPLE --report-dir ...` run once per session for an
  example several modules check (the TechOps examples), shared read-only: the report files are
  read-only and the JSON is parsed afresh for every caller. Under pytest-xdist the first worker to
  ask runs it and the others read its result (a file lock in the session's shared temporary folder).

Parallel runs (make test: pytest-xdist on every core) are safe because every twin and node picks
its own free port (spellgen.chain.node), caches are written atomically (spellgen.files.write_atomic),
outputs go to tmp_path, and the tests that use Brownie or build/ in the checkout share one worker
(the "checkout-build" xdist_group).
"""
from __future__ import annotations

import contextlib
import copy
import fcntl
import io
import json
import os
import stat
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Iterator

import pytest

# Light: the standard library, spellgen's pure modules and its JSON-RPC client (no web3, no solc).
from spellgen.twin.start import Twin

ROOT = Path(__file__).resolve().parent.parent
POOL_SIZE = 4  # running twins kept per test process (each anvil holds ~40 MB); the oldest is stopped first


# --- one twin per start request, reverted after each use ------------------------------------------

def _request_key(date: str, port: int | None = None, pause_delay: int | None = None,
                 award_counts: dict[str, int] | None = None, progress=None,
                 extra_keys: dict[str, str] | None = None, stated_awards: tuple = (),
                 proxy_holdings: dict[str, int] | None = None) -> tuple | None:
    """What makes two start_twin calls give the same twin; None for a request the pool does not serve
    (a fixed port: the test is about that port)."""
    if port is not None:
        return None
    return (date, pause_delay, tuple(sorted((award_counts or {}).items())) if award_counts is not None else None,
            tuple(sorted((extra_keys or {}).items())), tuple(stated_awards), tuple(sorted((proxy_holdings or {}).items())))


class TwinPool:
    """Running twins by start request; a lease starts at the fresh-start snapshot and ends reverted to it."""

    def __init__(self, start) -> None:
        self._start = start  # the real spellgen.twin.start.start_twin
        self._twins: dict[tuple, list] = {}  # key -> [twin, snapshot id of its fresh state, lease number out or 0]
        self.starts = 0
        self.leases = 0

    def start_twin(self, date: str, *args, **kwargs):
        """Drop-in for spellgen.twin.start_twin."""
        key = _request_key(date, *args, **kwargs)
        if key is None:
            return self._start(date, *args, **kwargs)
        if key in self._twins:
            self._twins[key] = self._twins.pop(key)  # most recently used last
            self.release(key, self._twins[key][2])  # a lease never given back (the code crashed) ends now
        else:
            if len(self._twins) >= POOL_SIZE:
                self._twins.pop(next(iter(self._twins)))[0].stop()
            twin = self._start(date, *args, **kwargs)
            self._twins[key] = [twin, twin.rpc.snapshot(), 0]
            self.starts += 1
        self.leases += 1
        entry = self._twins[key]
        entry[2] = self.leases
        base = entry[0]
        # Lists and dicts (notes, chainlog) copied: what one lease's user changes, the next never sees.
        return LeasedTwin(self, key, self.leases, **{f.name: base.node if f.name == "node" else
                                                     copy.copy(getattr(base, f.name)) for f in fields(base)})

    def release(self, key: tuple, lease: int) -> None:
        """Back to the fresh state, if `lease` is still out (anvil drops a snapshot once reverted to it:
        it is taken again)."""
        entry = self._twins.get(key)
        if entry is None or not lease or entry[2] != lease:
            return
        entry[0].rpc.revert(entry[1])
        entry[1], entry[2] = entry[0].rpc.snapshot(), 0

    def close(self) -> None:
        for twin, _, _ in self._twins.values():
            twin.stop()
        self._twins.clear()


class LeasedTwin(Twin):
    """A pooled twin as start_twin returns it; stop() gives it back to the pool, reverted."""

    def __init__(self, pool: TwinPool, key: tuple, lease: int, **fields_of_twin) -> None:
        super().__init__(**fields_of_twin)
        self._pool, self._key, self._lease = pool, key, lease

    def stop(self) -> None:
        self._pool.release(self._key, self._lease)


@pytest.fixture(scope="session")
def twin_pool() -> Iterator[TwinPool]:
    from spellgen.twin import start

    pool = TwinPool(start.start_twin)
    yield pool
    pool.close()


@pytest.fixture
def shared_twins(twin_pool: TwinPool, monkeypatch) -> TwinPool:
    """The code under test starts its twins from the pool (see the module docstring)."""
    import spellgen.twin

    monkeypatch.setattr(spellgen.twin, "start_twin", twin_pool.start_twin)
    return twin_pool


# --- one simulation per shared example ------------------------------------------------------------

@dataclass(frozen=True)
class Simulated:
    """What `spellgen simulate SPEC --report-dir DIR` did: exit code, stdout, stderr, the report files.

    Shared by many tests: the files are read-only and `report()` parses report.json afresh each call,
    so no test can change what another one sees."""

    spec: Path
    code: int
    out: str
    err: str
    report_dir: Path

    def report(self) -> dict:
        return json.loads((self.report_dir / "report.json").read_text())

    def text(self, name: str) -> str:
        return (self.report_dir / name).read_text()


def shared_folder(tmp_path_factory) -> Path:
    """A folder all pytest-xdist workers of this session see (the parent of each worker's basetemp)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def simulate_once(spec: Path, folder: Path) -> Simulated:
    """Run the simulation into `folder` unless a process of this session already did; its result."""
    from spellgen.cli import main as cli

    folder.mkdir(parents=True, exist_ok=True)
    done = folder / "simulated.json"
    with locked(folder / ".lock"):
        if not done.exists():
            out, err = io.StringIO(), io.StringIO()
            saved = os.environ.pop("ETH_RPC_URL", None)  # the twin, never a fork
            try:
                with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                    code = cli.main(["simulate", str(spec), "--report-dir", str(folder / "report")])
            finally:
                if saved is not None:
                    os.environ["ETH_RPC_URL"] = saved
            for path in (folder / "report").iterdir():
                path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            done.write_text(json.dumps({"code": code, "out": out.getvalue(), "err": err.getvalue()}))
    data = json.loads(done.read_text())
    return Simulated(spec, data["code"], data["out"], data["err"], folder / "report")


@pytest.fixture(scope="session")
def simulated(tmp_path_factory):
    """simulated(spec) -> Simulated: `spellgen simulate spec` on the twin, run once per session."""
    root = shared_folder(tmp_path_factory) / "simulated"
    seen: dict[Path, Simulated] = {}

    def get(spec: Path) -> Simulated:
        spec = Path(spec).resolve()
        if spec not in seen:
            seen[spec] = simulate_once(spec, root / spec.relative_to(ROOT).as_posix().replace("/", "--"))
        return seen[spec]
    return get
