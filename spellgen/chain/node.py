"""Start and stop one anvil process: a free port, wait until it answers, never leave it behind."""
from __future__ import annotations

import atexit
import ctypes
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from spellgen.build import toolchain
from spellgen.chain.rpc import Rpc, RpcError

HOST = "127.0.0.1"
READY_TIMEOUT = 30.0  # seconds; loading a state dump takes well under one


class NodeError(RuntimeError):
    """anvil did not start or did not answer."""


class PortInUse(NodeError):
    """The requested port is taken (an input problem, not a broken tool)."""


def free_port() -> int:
    """A TCP port nobody listens on right now (the kernel picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def check_port(port: int) -> None:
    """Raise PortInUse when `port` cannot be bound, before anvil fails on it less clearly."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((HOST, port))
        except OSError as exc:
            raise PortInUse(f"port {port} on {HOST} is not available ({exc.strerror})") from None


def _die_with_parent() -> None:
    """In the child, before exec: have Linux send SIGTERM to anvil when its parent dies.

    With this, even a parent killed by SIGKILL leaves no anvil behind. (Linux ties it to the
    thread that started anvil: start twins from a thread that lives as long as they should.)
    """
    _PRCTL(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


try:  # resolved before any fork: preexec_fn must not load libraries
    _PRCTL = ctypes.CDLL("libc.so.6", use_errno=True).prctl if sys.platform.startswith("linux") else None
except OSError:
    _PRCTL = None


class AnvilNode:
    """One anvil process on 127.0.0.1.

    It runs in its own session, so a Ctrl-C in the terminal reaches only the Python process,
    which then stops anvil in order (see `stop`).
    """

    def __init__(self, args: list[str], port: int | None = None) -> None:
        anvil = toolchain.anvil_path()  # ToolchainError with a "run make setup" hint if missing
        self.port = port or free_port()
        if port:
            check_port(port)
        self.url = f"http://{HOST}:{self.port}"
        self.rpc = Rpc(self.url)
        self._log = tempfile.NamedTemporaryFile(prefix="spellgen-anvil-", suffix=".log", delete=False)
        command = [str(anvil), "--host", HOST, "--port", str(self.port), *args]
        self.process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT,
            start_new_session=True, preexec_fn=_die_with_parent if _PRCTL else None)
        atexit.register(self.stop)  # a forgotten stop() still ends anvil when Python exits
        try:
            self._wait_until_ready()
        except BaseException:
            self.stop()
            raise

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def running(self) -> bool:
        return self.process.poll() is None

    def log_tail(self, lines: int = 15) -> str:
        try:
            text = Path(self._log.name).read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + READY_TIMEOUT
        while True:
            if not self.running:
                tail = self.log_tail()
                if "address already in use" in tail.lower():
                    raise PortInUse(f"port {self.port} on {HOST} is already in use")
                raise NodeError(f"anvil exited with status {self.process.returncode}:\n{tail}")
            try:
                self.rpc.call("eth_chainId")
                return
            except RpcError:
                if time.monotonic() > deadline:
                    raise NodeError(f"anvil did not answer on {self.url} within {READY_TIMEOUT:.0f} s:\n"
                                    f"{self.log_tail()}") from None
                time.sleep(0.01)

    def wait(self) -> int:
        """Block until anvil exits on its own; its exit status."""
        return self.process.wait()

    def stop(self, timeout: float = 5.0) -> None:
        """SIGTERM, then SIGKILL if anvil lingers; idempotent; removes the log file."""
        if self.running:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._log.close()
        try:
            os.unlink(self._log.name)
        except OSError:
            pass
        atexit.unregister(self.stop)
