"""Output files are replaced whole or not at all, even when the run is interrupted mid-write."""
import os

import pytest

from spellgen import files as atomic


def test_writes_new_content(tmp_path):
    target = tmp_path / "out" / "DssSpell.sol"
    atomic.write_atomic(target, "contract A {}")
    assert target.read_text() == "contract A {}"


@pytest.mark.parametrize("interruption", [KeyboardInterrupt, OSError])
def test_interrupted_write_keeps_the_previous_file(tmp_path, monkeypatch, interruption):
    target = tmp_path / "DssSpell.sol"
    target.write_text("previous")

    def interrupted(*args):
        raise interruption()

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(interruption):
        atomic.write_atomic(target, "new")
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["DssSpell.sol"]  # no temporary file left behind


def test_interrupted_while_writing_bytes(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    target.write_text("{}")
    monkeypatch.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        atomic.write_atomic(target, b'{"half": ')
    assert target.read_text() == "{}" and len(list(tmp_path.iterdir())) == 1
