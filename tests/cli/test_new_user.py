"""What a new user hits first: ports, exit codes, limits, file modes, warnings and suggestions."""
from __future__ import annotations

import http.server
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import warnings
from decimal import Decimal
from pathlib import Path

import pytest

from violations import assert_violation
from spellgen.chain import node as node_module
from spellgen.chain.node import AnvilNode, check_port, free_port
from spellgen.cli import main as cli
from spellgen.files import write_atomic

ROOT = Path(__file__).resolve().parents[2]
DEC = ROOT / "examples/techops-2022-12-09.yaml"
JAN = ROOT / "examples/techops-2022-01-28.yaml"


@pytest.fixture(autouse=True)
def no_fork_url(monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)


# --- ports and nodes ----------------------------------------------------------------------------
def port_in_time_wait() -> int:
    """A port whose last connection, closed by the listening side first, lingers in TIME_WAIT.

    The listener sets SO_REUSEADDR as anvil's does (Rust's TcpListener on Unix): then a plain
    bind of the port fails while a bind with SO_REUSEADDR, which anvil makes, succeeds.
    """
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]
    client = socket.create_connection(("127.0.0.1", port))
    accepted, _ = server.accept()
    accepted.close()  # the side that closes first holds TIME_WAIT
    server.close()
    client.close()
    return port


def test_a_port_in_time_wait_is_free_for_anvil():
    port = port_in_time_wait()
    with socket.socket() as plain, pytest.raises(OSError):
        plain.bind(("127.0.0.1", port))  # what the old probe did: it refused the port
    check_port(port)  # no PortInUse: anvil binds with SO_REUSEADDR too
    node = AnvilNode([], port=port)
    try:
        assert node.port == port and node.rpc.chain_id() > 0
    finally:
        node.stop()


def test_simulate_twice_on_the_same_port(tmp_path, capsys):
    port = free_port()
    for run in range(2):
        code = cli.main(["simulate", str(DEC), "--port", str(port), "--report-dir", str(tmp_path / str(run))])
        assert code == 0, "".join(capsys.readouterr())  # what the run said, should it ever fail


@pytest.mark.parametrize("command", ["simulate", "verify"])
def test_a_port_really_in_use_is_an_input_error(command, tmp_path, capsys):
    from spellgen.render.spell import render
    from spellgen.spellfile.parse import load_spell

    spell = tmp_path / "DssSpell.sol"
    spell.write_text(render(load_spell(DEC), DEC.name))
    command = ["simulate", str(DEC)] if command == "simulate" else ["verify", str(DEC), "--spell", str(spell)]
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code = cli.main([*command, "--port", str(port)])
    err = capsys.readouterr().err
    assert code == 2
    assert f"port {port} is in use; choose another with --port" in err and "internal error" not in err


def test_twin_commands_take_port_and_refuse_a_busy_one():
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        for action in (["up", "--date", "2022-12-09"], ["build", "--rebuild"]):
            done = subprocess.run([sys.executable, "-m", "spellgen.cli.twin", *action, "--port", str(port)],
                                  capture_output=True, text=True, timeout=120, cwd=ROOT)
            assert done.returncode == 2, done.stderr
            assert f"port {port} is in use; choose another with --port" in done.stderr


class _FakeNode(http.server.BaseHTTPRequestHandler):
    """Another run's node: answers any JSON-RPC request with chain id 1."""

    def do_POST(self):  # noqa: N802 - the stdlib's name
        length = int(self.headers["Content-Length"])
        request = json.loads(self.rfile.read(length))
        body = json.dumps({"jsonrpc": "2.0", "id": request["id"], "result": "0x1"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_a_node_that_answers_on_our_port_but_is_not_ours_is_never_used(monkeypatch):
    """Two runs pick the same free port: the one whose anvil cannot bind must not attach to the other."""
    other = http.server.HTTPServer(("127.0.0.1", 0), _FakeNode)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    taken = other.server_address[1]
    picks = iter([taken, free_port()])
    monkeypatch.setattr(node_module, "free_port", lambda: next(picks))
    node = AnvilNode([])
    try:
        assert node.port != taken
        assert "anvil" in node.rpc.call("web3_clientVersion").lower()
    finally:
        node.stop()
        other.shutdown()


# --- limits and exit codes ----------------------------------------------------------------------
def test_build_over_the_size_limit_exits_1_and_says_what_to_do(tmp_path, capsys, monkeypatch):
    import spellgen.compiler.compile as compile_module

    monkeypatch.setattr(compile_module, "MAX_CODE_SIZE", 1_000)
    code = cli.main(["build", str(DEC), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert_violation(code, err, exit_code=1, message="re:DssSpell is [\\d,]+ bytes.* over the 1,000-byte contract size limit")
    assert "DssSpell is" in err and "over the 1,000-byte contract size limit" in err
    assert "DssSpellAction" in err and "split the budget into two spells" in err


def test_simulate_over_the_size_limit_stops_before_deploying(tmp_path, capsys, monkeypatch):
    import spellgen.compiler.compile as compile_module

    monkeypatch.setattr(compile_module, "MAX_CODE_SIZE", 1_000)
    assert cli.main(["simulate", str(DEC), "--report-dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "over the 1,000-byte contract size limit" in err
    assert "start the twin" not in err and "max initcode size" not in err


def test_a_hand_written_spell_that_does_not_compile_is_an_input_error(tmp_path, capsys):
    bad = tmp_path / "Broken.sol"
    bad.write_text("pragma solidity 0.8.16;\ncontract DssSpell { function f() public { undefined(); } }\n")
    assert cli.main(["verify", str(DEC), "--spell", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "Broken.sol" in err and "undefined" in err and "internal error" not in err


def test_usage_errors_exit_2():
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["simulate"])
    assert exit_info.value.code == 2


def test_an_absurd_cliff_is_a_located_error(tmp_path, capsys):
    spec = tmp_path / "absurd.yaml"
    spec.write_text(JAN.read_text().replace("        cliff: none", "        cliff: 1000000000000000000000000000000 days"))
    assert cli.main(["check", str(spec)]) == 2
    err = "".join(capsys.readouterr())
    assert "absurd.yaml:35:16: sections[0].actions[1].cliff:" in err and "longer than" in err


# --- files, warnings, suggestions ---------------------------------------------------------------
@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_output_files_follow_the_umask(umask, mode, tmp_path):
    previous = os.umask(umask)
    try:
        write_atomic(tmp_path / "out.txt", "x")
    finally:
        os.umask(previous)
    assert (tmp_path / "out.txt").stat().st_mode & 0o777 == mode


def test_the_chart_keeps_matplotlib_warnings_to_itself():
    from spellgen.review.chart import chart_svg
    from spellgen.review.summary import Series

    many = [Series(f"0x{i:040x}", "DAI", [(1_640_995_200 + 86_400 * k, Decimal(k * i)) for k in range(3)])
            for i in range(60)]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert chart_svg(many, [], 1_640_995_200).startswith("<svg")
    assert not caught, [str(w.message) for w in caught]


@pytest.mark.parametrize("typed, suggestion", [
    ("MCD_VEST_SPK", None), ("MCD_VEST_DAI_TREASURY", None), ("MCD_VEST_DIA", "MCD_VEST_DAI"),
    ("MCD_VEST_MKR_TRESURY", "MCD_VEST_MKR_TREASURY")])
def test_did_you_mean_never_names_another_tokens_vest(typed, suggestion, tmp_path, capsys):
    spec = tmp_path / "typo.yaml"
    spec.write_text(JAN.read_text().replace("vest: MCD_VEST_DAI", f"vest: {typed}", 1))
    assert cli.main(["check", str(spec)]) == 2
    err = "".join(capsys.readouterr())
    if suggestion:
        assert f"did you mean {suggestion!r}" in err
    else:
        assert "did you mean" not in err and "expected one of" in err


def test_twin_up_handles_ctrl_c_as_soon_as_it_says_so():
    """Started as a shell's background job (SIGINT ignored), Ctrl-C right after the hint stops it."""
    process = subprocess.Popen([sys.executable, "-m", "spellgen.cli.twin", "up", "--date", "2022-12-09"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    try:
        for line in process.stdout:
            if "Press Ctrl-C to stop." in line:
                process.send_signal(signal.SIGINT)
                break
        assert process.wait(timeout=30) == 0
    finally:
        process.kill()
