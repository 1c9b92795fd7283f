"""The executive document: `check` hashes it as `cast keccak` does and compares with the description."""
from pathlib import Path

import pytest

from spellgen.cli import main as cli
from spellgen.spec.checks import check_spell
from spellgen.spec.diagnostics import Diagnostics
from spellgen.spec.execdoc import description_hash, document_hashes, keccak_hex
from spellgen.spec.parse import load_spell

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples/techops-2022-12-09.yaml"
DOC = "# Executive Vote: TechOps MKR transfer\n\nTransfer 257.31 MKR to the TECH-001 Auditor Wallet.\n"


def test_keccak_is_ethereums_not_sha3():
    # Known values: keccak256("") and `cast keccak hello` (SHA3-256 would give a7ffc6f8... for "").
    assert keccak_hex(b"") == "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
    assert keccak_hex(b"hello") == "0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8"


def test_trailing_newlines_are_what_command_substitution_drops():
    hashes = document_hashes(b"text\n\n")
    assert hashes.raw == keccak_hex(b"text\n\n") and hashes.trimmed == keccak_hex(b"text")
    assert hashes.matches(hashes.raw.upper().replace("0X", "0x")) and hashes.matches(hashes.trimmed)
    assert not hashes.matches(keccak_hex(b"text\n"))


def test_description_hash():
    assert description_hash("2022-12-09 MakerDAO Executive Spell | Hash: 0x" + "ab" * 32) == "0x" + "ab" * 32
    assert description_hash("2022-12-09 MakerDAO Executive Spell") is None


def spec(folder: Path, doc_hash: str, exec_doc: str | None = "exec.md") -> Path:
    """The 2022-12-09 example with a description hash and an exec_doc line."""
    text = EXAMPLE.read_text().replace(
        "Hash: 0xc1363d6a233492ab13d88e8bb9d9cab0033439f0817e152f0b3a4218989983ef", f"Hash: {doc_hash}")
    if exec_doc is not None:
        text = text.replace("  solc: 0.8.16\n", f"  solc: 0.8.16\n  exec_doc: {exec_doc}\n")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "spell.yaml"
    path.write_text(text)
    return path


def diagnose(path: Path, base_dir: Path | None = None) -> list[str]:
    diags = Diagnostics(str(path))
    check_spell(load_spell(path, diags), diags, base_dir=base_dir)
    return [str(d) for d in diags]


def test_matching_hash_is_clean(tmp_path):
    (tmp_path / "exec.md").write_text(DOC)
    path = spec(tmp_path, keccak_hex(DOC.encode()))
    assert diagnose(path) == []


def test_the_hash_of_the_text_without_its_final_newline_is_accepted(tmp_path):
    # Spell crafters run `cast keccak -- "$(cat exec.md)"`: the shell drops the final newline.
    (tmp_path / "exec.md").write_text(DOC)
    assert diagnose(spec(tmp_path, keccak_hex(DOC.rstrip("\n").encode()))) == []


def test_a_mismatch_is_an_error_naming_both_hashes(tmp_path):
    (tmp_path / "exec.md").write_text(DOC)
    wrong = "0x" + "11" * 32
    path = spec(tmp_path, wrong)
    problems = diagnose(path)
    raw, trimmed = keccak_hex(DOC.encode()), keccak_hex(DOC.rstrip("\n").encode())
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:10:16: spell.description: the description's hash {wrong} is not the "
                                  f"keccak-256 of the executive document {tmp_path / 'exec.md'}: {raw}")
    assert trimmed in problems[0]


def test_a_missing_document_is_an_error_at_exec_doc(tmp_path):
    path = spec(tmp_path, keccak_hex(DOC.encode()), exec_doc="docs/absent.md")
    problems = diagnose(path)
    assert len(problems) == 1
    assert problems[0].startswith(f"{path}:13:13: spell.exec_doc: cannot read the executive document "
                                  f"{tmp_path / 'docs/absent.md'}: No such file or directory")


def test_the_document_is_found_next_to_the_yaml_not_in_the_working_directory(tmp_path, monkeypatch):
    (tmp_path / "spells" / "docs").mkdir(parents=True)
    (tmp_path / "spells" / "docs" / "exec.md").write_bytes(DOC.encode())
    path = spec(tmp_path / "spells", keccak_hex(DOC.encode()), exec_doc="docs/exec.md")
    monkeypatch.chdir(tmp_path)
    assert diagnose(Path("spells/spell.yaml")) == []
    # An explicit base_dir wins over the diagnostics' file name.
    other = tmp_path / "elsewhere"
    other.mkdir()
    assert "cannot read the executive document" in diagnose(path, base_dir=other)[0]


def test_a_description_without_a_hash_is_only_the_existing_warning(tmp_path):
    (tmp_path / "exec.md").write_text(DOC)
    path = spec(tmp_path, "none")
    problems = diagnose(path)
    assert len(problems) == 1 and "warning: the description should read" in problems[0]


def test_without_exec_doc_nothing_is_read(tmp_path):
    assert diagnose(spec(tmp_path, "0x" + "22" * 32, exec_doc=None)) == []


@pytest.mark.parametrize("good", [True, False])
def test_check_command(tmp_path, capsys, good):
    (tmp_path / "exec.md").write_text(DOC)
    path = spec(tmp_path, keccak_hex(DOC.encode()) if good else "0x" + "33" * 32)
    assert cli.main(["check", str(path)]) == (0 if good else 2)
    assert ("is not the keccak-256 of the executive document" in capsys.readouterr().out) is not good
