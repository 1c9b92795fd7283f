"""`spellgen twin up|build`: starts from the cached state fast, serves, stops cleanly, refuses bad input.

Run as `python -m spellgen.cli.twin` (the same parser and `run` that spellgen's CLI wires in).
"""
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from spellgen.spellfile.history import MAINNET
from spellgen.chain.rpc import Rpc
from spellgen.twin.start import cached_state
from spellgen.chain.node import free_port

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "spellgen.cli.twin"]


@pytest.fixture(scope="module", autouse=True)
def state_is_cached():
    cached_state()  # the first build (if any) is not what these tests time


def start_up(*args: str):
    """Run `twin up`, read its summary until the Ctrl-C line; (process, url, anvil pid, seconds, text)."""
    started = time.perf_counter()
    process = subprocess.Popen([*CLI, "up", *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    lines = []
    for line in process.stdout:
        lines.append(line)
        if line.startswith("Press Ctrl-C"):
            break
    else:
        raise AssertionError(f"twin up ended early ({process.wait()}):\n{''.join(lines)}{process.stderr.read()}")
    text = "".join(lines)
    url = re.search(r"twin up at (http://\S+)", text)[1]
    pid = int(re.search(r"anvil pid (\d+)", text)[1])
    return process, url, pid, time.perf_counter() - started, text


def gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_up_serves_the_twin_and_stops_cleanly(stop_signal):
    process, url, pid, seconds, text = start_up("--date", "2022-01-28")
    try:
        assert seconds < 3.0, f"warm start took {seconds:.2f} s"
        rpc = Rpc(url)
        assert rpc.chain_id() == 1 and rpc.timestamp() == 1643328000
        data = "0x21f8a721" + b"MCD_VEST_DAI".ljust(32, b"\0").hex()  # getAddress(bytes32)
        first_dai_vest = MAINNET["MCD_VEST_DAI_LEGACY"]  # what MCD_VEST_DAI named in January 2022
        assert int(rpc.eth_call({"to": MAINNET["CHANGELOG"], "data": data}), 16) == int(first_dai_vest, 16)
        assert "pause delay 48 hours" in text and f"MCD_VEST_DAI           {first_dai_vest}" in text
    finally:
        process.send_signal(stop_signal)
        assert process.wait(timeout=15) == 0
    assert "twin stopped" in process.stderr.read()
    assert gone(pid), "anvil outlived `twin up`"


def test_up_with_a_port_and_a_pause_delay():
    port = free_port()
    process, url, pid, _, text = start_up("--date", "2024-03-01", "--port", str(port), "--pause-delay", "36 hours")
    try:
        assert url == f"http://127.0.0.1:{port}"
        assert "pause delay 36 hours" in text
        assert Rpc(url).storage(MAINNET["MCD_PAUSE"], 4) == 36 * 3600
    finally:
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=15) == 0
    assert gone(pid)


@pytest.mark.parametrize("args, message", [
    (["--date", "2021-05-31"], "before the twin's genesis (2021-06-01 00:00:00 UTC)"),
    (["--date", "2022-13-01"], "is not a real date"),
    (["--date", "January 2022"], "is not a date or UTC timestamp"),
    (["--date", "2022-01-28", "--pause-delay", "2 months"], "is not a duration"),
    (["--date", "2022-01-28", "--port", "70000"], "is not a TCP port"),
])
def test_invalid_input_exits_2(args, message):
    result = subprocess.run([*CLI, "up", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr and result.stdout == ""


def test_a_busy_port_exits_2():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run([*CLI, "up", "--date", "2022-01-28", "--port", str(port)], cwd=ROOT,
                                capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and f"port {port}" in result.stderr


def test_build_prints_the_cached_state():
    result = subprocess.run([*CLI, "build"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    assert Path(result.stdout.strip()) == cached_state()


def test_the_cli_module_is_light():
    """spellgen's parser imports spellgen.cli.twin for every command: it must load nothing else."""
    probe = ("import sys, argparse, spellgen.cli.twin as c\n"
             "c.add_parser(argparse.ArgumentParser().add_subparsers())\n"
             "print(sorted(m for m in sys.modules if m.startswith('spellgen.twin') or "
             "m.split('.')[0] in ('web3', 'brownie', 'solcx', 'eth_abi')))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
