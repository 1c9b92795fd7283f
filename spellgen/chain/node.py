"""spellgen's one node launcher: start one anvil, know it is ours, never leave it behind.

Also the one place that picks and probes ports: the twin, simulate, Brownie's network and the
tests all start anvil through `AnvilNode`.
"""
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

from spellgen.compiler import toolchain
from spellgen.chain.rpc import Rpc, RpcError
from spellgen.errors import ExitCode, ToolError

HOST = "127.0.0.1"
READY_TIMEOUT = 30.0  # seconds; loading a state dump takes well under one


class NodeError(ToolError, RuntimeError):
    """anvil did not start or did not answer."""


class PortInUse(NodeError):
    """The requested port is taken (an input problem, not a broken tool)."""

    exit_code = ExitCode.INVALID  # the user's --port


START_ATTEMPTS = 3  # an automatically chosen port can be taken by another process before anvil binds it


def port_in_use_message(port: int) -> str:
    return f"port {port} is in use; choose another with --port"


def free_port() -> int:
    """A TCP port nobody listens on right now (the kernel picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def check_port(port: int) -> None:
    """Raise PortInUse when `port` has a listener, before anvil fails on it less clearly.

    The probe binds the way anvil does, with SO_REUSEADDR, so a port whose last connections
    linger in TIME_WAIT after the previous run counts as free: anvil can bind it too.
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError:
            raise PortInUse(port_in_use_message(port)) from None


def _die_with_parent() -> None:
    """In the child, before exec: have Linux send SIGTERM to anvil when its parent dies.

    With this, even a parent killed by SIGKILL leaves no anvil behind. (Linux ties it to the
    thread that started anvil: start twins from a thread that lives as long as they should.)
    """
    if _PRCTL is not None:
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
        self._anvil = toolchain.anvil_path()  # ToolchainError with a "run make setup" hint if missing
        self.process: subprocess.Popen | None = None
        self._log = tempfile.NamedTemporaryFile(prefix="spellgen-anvil-", suffix=".log", delete=False)
        atexit.register(self.stop)  # a forgotten stop() still ends anvil when Python exits
        try:
            if port:
                check_port(port)
                self._start(args, port)
            else:
                self._start_on_a_free_port(args)
        except BaseException:
            self.stop()
            raise

    def _start_on_a_free_port(self, args: list[str]) -> None:
        """Another process may take the chosen port first; then anvil exits and we try another."""
        for attempt in range(START_ATTEMPTS):
            try:
                self._start(args, free_port())
                return
            except PortInUse:
                if attempt == START_ATTEMPTS - 1:
                    raise

    def _start(self, args: list[str], port: int) -> None:
        self.port = port
        self.url = f"http://{HOST}:{port}"
        self.rpc = Rpc(self.url)
        self._log.seek(0)
        self._log.truncate()
        command = [str(self._anvil), "--host", HOST, "--port", str(port), *args]
        self.process = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=self._log, stderr=subprocess.STDOUT,
            start_new_session=True, preexec_fn=_die_with_parent if _PRCTL else None)
        self._wait_until_ready()

    @property
    def started(self) -> subprocess.Popen:
        """The anvil process (only after `_start`: the constructor either starts it or raises)."""
        if self.process is None:
            raise NodeError("anvil was not started")
        return self.process

    @property
    def pid(self) -> int:
        return self.started.pid

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log_tail(self, lines: int = 15) -> str:
        try:
            text = Path(self._log.name).read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def _wait_until_ready(self) -> None:
        """Ready when our own process says it listens on our port and then answers there.

        Asking the port alone is not enough: if another run's anvil holds it, that one would
        answer, and we would cast on someone else's chain.
        """
        listening = f"Listening on {HOST}:{self.port}"
        deadline = time.monotonic() + READY_TIMEOUT
        while True:
            if not self.running:
                tail = self.log_tail()
                if "address already in use" in tail.lower() or "addrinuse" in tail.lower():
                    raise PortInUse(port_in_use_message(self.port))
                raise NodeError(f"anvil exited with status {self.started.returncode}:\n{tail}")
            if listening in self.log_tail(200):
                try:
                    self.rpc.call("eth_chainId")
                    return
                except RpcError:
                    pass
            if time.monotonic() > deadline:
                raise NodeError(f"anvil did not answer on {self.url} within {READY_TIMEOUT:.0f} s:\n"
                                f"{self.log_tail()}")
            time.sleep(0.01)

    def wait(self) -> int:
        """Block until anvil exits on its own; its exit status."""
        return self.started.wait()

    def stop(self, timeout: float = 5.0) -> None:
        """SIGTERM, then SIGKILL if anvil lingers; idempotent; removes the log file."""
        if self.running and self.process is not None:
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
