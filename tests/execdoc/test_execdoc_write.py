"""`spellgen execdoc SPEC.yaml`: the executive document's budget lines written from the YAML, read back
exactly by `check` and by `spellgen import` (issue 25)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from spellgen.cli import main as cli
from spellgen.spellfile.execdoc import document_hashes
from spellgen.spellfile.parse import load_spell

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


def run(argv, capsys) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("spec", EXAMPLES, ids=lambda p: p.stem)
def test_the_written_document_agrees_with_its_yaml(spec, tmp_path, capsys):
    """`check` with the written document as exec_doc.copy finds no line either side lacks."""
    doc = tmp_path / "exec.md"
    code, _, err = run(["execdoc", spec, "-o", doc], capsys)
    assert code == 0, err
    digest = document_hashes(doc.read_bytes()).trimmed  # the description must state the written document's hash
    text = re.sub(r"Hash: 0x[0-9a-fA-F]{64}", f"Hash: {digest}", spec.read_text())
    if "exec_doc:" in text:
        text = text.replace("exec_doc: {url:", "exec_doc: {copy: exec.md, url:")
    else:
        text = text.replace("\nspell:\n", "\nspell:\n  exec_doc: {copy: exec.md}\n", 1)
    copy = tmp_path / spec.name
    copy.write_text(text)
    code, out, _ = run(["check", copy], capsys)
    assert code == 0, out
    assert "the executive document (" not in out and "is not in the executive document" not in out, out


@pytest.mark.parametrize("spec", EXAMPLES, ids=lambda p: p.stem)
def test_import_drafts_back_every_payment_and_transfer(spec, tmp_path, capsys):
    doc = tmp_path / f"executive-vote-{load_spell(spec).date}.md"
    assert run(["execdoc", spec, "-o", doc], capsys)[0] == 0
    code, drafted, err = run(["import", doc], capsys)
    assert code == 0, err
    spell = load_spell(spec)
    want = [a for a in spell.actions if a.DRAFTS]
    path = tmp_path / "drafted.yaml"
    path.write_text(drafted)
    back = load_spell(path)
    assert [(a.KIND, a.to.address) for a in back.actions] == [(a.KIND, a.to.address) for a in want]
    for drafted_action, action in zip(back.actions, want):
        # What is paid: the declared amount, or the whole amount a `round_up` payment sends.
        (claim,), (drafted_claim,) = action.doc_claims(), drafted_action.doc_claims()
        assert drafted_claim.amounts[0] in claim.amounts, (drafted_action, action)
    assert [s.title for s in back.sections] == [s.title for s in spell.sections
                                                 if any(a.DRAFTS for a in s.actions)]


def test_a_section_paying_one_token_twice_states_its_total(capsys):
    code, out, _ = run(["execdoc", ROOT / "examples/sky-2026-01-15.yaml", "--section"], capsys)
    assert code == 0
    assert "the following transfers totaling **20,755 USDS** will be made:" in out
    assert "- **4,000 USDS** will be transferred to AEGIS_D at [0x78C180CF113Fe4845C325f44648b6567BC79d6E0]" \
           "(https://etherscan.io/address/0x78C180CF113Fe4845C325f44648b6567BC79d6E0)" in out
    assert "- Yank award 9 on MCD_VEST_SKY_TREASURY" in out
    assert not out.startswith("---")  # --section: no front matter


def test_an_invalid_yaml_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("spellgen: 1\nspell: {}\n")
    out = tmp_path / "exec.md"
    code, _, err = run(["execdoc", bad, "-o", out], capsys)
    assert code == 2 and not out.exists() and "bad.yaml:" in err


def _vote_copy(spec: Path, doc: Path, folder: Path) -> Path:
    """`spec` with the written document as its exec_doc.copy and that document's hash: a spell for a vote."""
    digest = document_hashes(doc.read_bytes()).trimmed
    text = re.sub(r"Hash: 0x[0-9a-fA-F]{64}", f"Hash: {digest}", spec.read_text())
    text = text.replace("exec_doc: {url:", "exec_doc: {copy: exec.md, url:")
    copy = folder / spec.name
    copy.write_text(text)
    return copy


def test_a_yank_the_document_states_otherwise_is_an_error_both_ways(tmp_path, capsys):
    """Issue 22: the document's yank lines (a vest's chainlog key and the award's id) against the YAML's
    yanks; a spell for a vote fails on each one either side lacks."""
    spec = ROOT / "examples/sky-2026-01-15.yaml"
    doc = tmp_path / "exec.md"
    assert run(["execdoc", spec, "-o", doc], capsys)[0] == 0
    assert "- Yank award 9 on MCD_VEST_SKY_TREASURY" in doc.read_text()
    doc.write_text(doc.read_text().replace("- Yank award 9 on MCD_VEST_SKY_TREASURY",
                                           "- `yank` MCD_VEST_SKY_TREASURY stream with `id` of **7**"))
    code, out, _ = run(["check", _vote_copy(spec, doc, tmp_path)], capsys)
    assert code == 2, out
    assert "this yank of award 9 on MCD_VEST_SKY_TREASURY is not in the executive document" in out
    assert re.search(r"exec\.md:\d+\) yanks award 7 on MCD_VEST_SKY_TREASURY, which no action of this YAML yanks",
                     out), out
    assert "award 2 on MCD_VEST_SPK_TREASURY" not in out.split("is not in the executive document")[0]
