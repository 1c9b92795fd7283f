"""Run solc on a standard-JSON input: the one place spellgen starts a compiler.

Loading solcjs costs node about a second (more on a busy machine) before it compiles anything,
so each compiler version gets one long-lived worker: `node tools/solc-facade.cjs solc-X.Y.Z
--serve`, answering one standard-JSON input per line on stdin with one output per line on
stdout. A worker starts on first use and is stopped when this process exits (atexit); if the
process dies without running atexit, the worker sees its stdin close and exits by itself.

Where `make setup` linked a native solc into .tools/solc (no load time to save), or no solcjs
package is installed, the compile goes through py-solc-x and the `.tools/solc/solc-vX.Y.Z`
entry instead, as Brownie's own compiles do. SPELLGEN_SOLC_WORKER=0 forces that path.
"""
from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from spellgen.errors import ToolError
from spellgen import resources
from spellgen.compiler import toolchain

WORKER_ENV = "SPELLGEN_SOLC_WORKER"


class SolcFailure(ToolError, RuntimeError):
    """The compiler could not be run, or died, before it answered (not a rejected source)."""


@dataclass
class _Worker:
    """One `solc-facade.cjs --serve` process; requests are serialised by `lock`."""

    version: str
    process: subprocess.Popen
    stderr: IO[bytes]
    owner: int = field(default_factory=os.getpid)  # a forked child must not use or stop its parent's
    lock: threading.Lock = field(default_factory=threading.Lock)

    def ask(self, text: str) -> str:
        with self.lock:
            assert self.process.stdin and self.process.stdout
            try:
                self.process.stdin.write(text.encode() + b"\n")
                self.process.stdin.flush()
                line = self.process.stdout.readline()
            except (BrokenPipeError, OSError):
                line = b""
            if not line.endswith(b"\n"):
                raise SolcFailure(f"the solcjs {self.version} worker stopped without answering:\n{self._stderr()}")
            return line.decode()

    def _stderr(self) -> str:
        self.stderr.seek(0)
        return self.stderr.read().decode(errors="replace").strip() or "(it printed nothing)"

    def stop(self) -> None:
        if self.owner != os.getpid():
            return
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                try:
                    stream.close()
                except OSError:
                    pass  # the pipe broke: the worker is gone already
        try:
            self.process.wait(timeout=2)  # stdin closed: it exits by itself
        except subprocess.TimeoutExpired:
            self.process.terminate()
            try:
                self.process.wait(timeout=2)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.stderr.close()


_WORKERS: dict[str, _Worker] = {}
_WORKERS_LOCK = threading.Lock()


def solcjs_package(version: str) -> Path:
    """node_modules/solc-X.Y.Z: the npm alias package.json pins for `version`."""
    return toolchain.repo_root() / "node_modules" / f"solc-{version}"


def uses_worker(version: str) -> bool:
    """True when `version` compiles in a persistent solcjs worker (see the module's docstring)."""
    if os.environ.get(WORKER_ENV, "1") == "0":
        return False
    if (toolchain.solc_dir() / f"solc-v{version}").is_symlink():
        return False  # a native solc: starts in milliseconds, nothing to keep loaded
    return shutil.which("node") is not None and (solcjs_package(version) / "package.json").is_file()


def _start(version: str) -> _Worker:
    facade = resources.data_root() / "tools" / "solc-facade.cjs"
    stderr = tempfile.TemporaryFile()  # per process: parallel test workers never share it
    node = shutil.which("node") or "node"
    process = subprocess.Popen([node, str(facade), str(solcjs_package(version)), "--serve",
                                "--allow-paths", str(resources.contracts_dir())],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr,
                               cwd=str(resources.contracts_dir()))
    return _Worker(version, process, stderr)


def _worker(version: str) -> _Worker:
    with _WORKERS_LOCK:
        worker = _WORKERS.get(version)
        if worker is None or worker.owner != os.getpid() or worker.process.poll() is not None:
            worker = _WORKERS[version] = _start(version)
        return worker


def running_workers() -> list[int]:
    """The process ids of this process's live workers (for tests)."""
    return [w.process.pid for w in _WORKERS.values() if w.owner == os.getpid() and w.process.poll() is None]


def stop_workers() -> None:
    """Stop every worker this process started; the next compile starts a new one."""
    with _WORKERS_LOCK:
        workers = list(_WORKERS.values())
        _WORKERS.clear()
    for worker in workers:
        worker.stop()


atexit.register(stop_workers)


def standard_json(request: dict, version: str) -> dict:
    """solc `version`'s output for the standard-JSON `request` (errors are in its "errors" list)."""
    text = json.dumps(request, sort_keys=True)
    if uses_worker(version):
        worker = _worker(version)
        try:
            answer = worker.ask(text)
        except SolcFailure:
            with _WORKERS_LOCK:
                if _WORKERS.get(version) is worker:
                    del _WORKERS[version]
            worker.stop()
            raise
        return json.loads(answer)
    return _via_solcx(request, version)


def _via_solcx(request: dict, version: str) -> dict:
    """py-solc-x and the .tools/solc entry (a native solc or the facade script), one process per compile."""
    toolchain.prepare_env()
    import solcx  # late: py-solc-x reads SOLCX_BINARY_PATH when imported; check/render never need it
    from solcx.exceptions import SolcError

    try:
        return solcx.compile_standard(request, solc_binary=toolchain.solc_path(version),
                                      allow_paths=str(resources.contracts_dir()))
    except SolcError as exc:  # py-solc-x raises on any error; the output still lists them
        try:
            return json.loads(getattr(exc, "stdout_data", "") or "")
        except ValueError:
            raise SolcFailure(f"solc {version} failed:\n{exc}") from None
