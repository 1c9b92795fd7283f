"""Bad input gets one clear located line, exit 2, no traceback, and nothing written."""
import subprocess
import sys
from pathlib import Path

import pytest

from spellgen.cli import main as cli

HERE = Path(__file__).resolve().parents[1] / "bad_inputs"
CASES = [line.split("\t", 1) for line in (HERE / "expected.tsv").read_text().splitlines() if line]


SPELL_CASES = [c for c in CASES if c[0].startswith("spell/") and not c[0].startswith("spell/warn-")]


def command_for(name: str) -> list[str]:
    return ["budget", "check", name] if name.startswith("budget/") else ["check", name]


def without_the_draft_warning(name: str, lines: list[str]) -> list[str]:
    """`lines` less the one warning a `draft: true` fixture gets for being a draft (a spell without
    exec_doc.url must be a draft), asserted to be there exactly once for a draft and never otherwise."""
    text = (HERE / name).read_text(errors="replace").splitlines()
    draft = [f"{name}:{i + 1}:10: spell.draft: warning: draft: not for an executive vote"
             for i, line in enumerate(text) if line == "  draft: true"]
    found = [line for line in lines if draft and line.startswith(draft[0])]
    assert len(found) == len(draft), lines
    return [line for line in lines if line not in found]


def test_the_corpus_is_large_and_complete():
    files = {p.relative_to(HERE).as_posix() for p in HERE.glob("*/*.yaml")}
    assert files == {name for name, _ in CASES} and len(files) >= 50
    assert sum(name.startswith("budget/") for name in files) >= 10


@pytest.mark.parametrize("name, message", CASES, ids=[name for name, _ in CASES])
def test_check_prints_exactly_the_expected_line(name, message, capsys, monkeypatch):
    monkeypatch.chdir(HERE)
    code = cli.main(command_for(name))
    out = without_the_draft_warning(name, capsys.readouterr().out.splitlines())
    assert out == [f"{name}:{message}"]
    assert code == (0 if name.startswith("spell/warn-") else 2)


@pytest.mark.parametrize("name, message", SPELL_CASES, ids=[c[0] for c in SPELL_CASES])
def test_render_writes_nothing(name, message, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(HERE)
    out = tmp_path / "DssSpell.sol"
    assert cli.main(["render", name, "-o", str(out)]) == 2
    assert not out.exists() and list(tmp_path.iterdir()) == []
    assert without_the_draft_warning(name, capsys.readouterr().err.splitlines()) == [f"{name}:{message}"]


@pytest.mark.parametrize("name", ["spell/yaml-alias-bomb.yaml", "spell/yaml-custom-tag.yaml", "spell/not-utf8.yaml",
                                  "spell/title-newline.yaml"])
def test_no_traceback_from_the_command(name):
    result = subprocess.run([sys.executable, "-m", "spellgen.cli.main", "render", name], cwd=HERE,
                            capture_output=True, text=True)
    assert result.returncode == 2 and result.stdout == ""
    assert "Traceback" not in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_10_mb_file_is_refused_before_parsing(tmp_path, capsys):
    big = tmp_path / "big.yaml"
    big.write_text("# padding\n" * (1 << 20))  # 10 MiB
    assert cli.main(["check", str(big)]) == 2
    assert capsys.readouterr().out.strip() == (f"{big}:1:1: (document): the file is 10,485,760 bytes; "
                                               "spellgen reads at most 1,048,576")
