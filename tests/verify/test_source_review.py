"""verify reads the spell's source: comments, date constants and ether notes must agree with the code."""
from pathlib import Path

import pytest

from spellgen.cli import main as cli
from spellgen.render.spell import render
from spellgen.spec.parse import load_spell
from spellgen.verify.source import review_source

ROOT = Path(__file__).resolve().parents[2]
DEC = ROOT / "examples/techops-2022-12-09.yaml"
JAN = ROOT / "examples/techops-2022-01-28.yaml"
JAN26 = ROOT / "examples/sky-2026-01-15.yaml"
SPECS = [JAN, DEC, ROOT / "examples/every-action.yaml", ROOT / "tests/specs/treasury-2023-08-02.yaml", JAN26,
         ROOT / "examples/sky-2026-02-26.yaml", ROOT / "examples/every-action-2026.yaml"]


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_rendered_spells_have_no_findings(spec):
    assert review_source(render(load_spell(spec), spec.name)) == []


def test_the_hand_written_spell_has_no_findings():
    assert review_source((ROOT / "tests/handwritten/treasury-2023-08-02.sol").read_text()) == []


def finding_lines(source: str) -> list[tuple[int, str]]:
    return [(f.line, f.problem) for f in review_source(source)]


SLIPS = [
    ("a comment saying 300 MKR above a transfer of 257.31", DEC, ("- 257.31 MKR -", "- 300 MKR -"),
     "the comment says 300 MKR, the code below does not"),
    ("a comment naming another address", DEC, ("- 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B", "- 0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2"),
     "the comment names 0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2"),
    ("a date constant one hour off into the day before", JAN, ("FEB_01_2022 = 1643673600", "FEB_01_2022 = 1643670000"),
     "FEB_01_2022 = 1643670000 is 2022-01-31 23:00:00 UTC, not 2022-02-01"),
    ("the ether note missing", DEC, ("; // Note: ether is a keyword helper, only MKR is transferred here", ";"),
     "`ether` used for a token amount without the same-line note"),
    ("one decimal where the style asks two", DEC, ("257.31 ether", "257.3 ether"), "257.3 ether: write token amounts with two decimals"),
    ("a poll under the prefix of a forum post", JAN26, ("// Forum: https://forum.sky.money/t/atlas-edit",
                                                        "// Poll: https://forum.sky.money/t/atlas-edit"),
     "links to a forum post, not to a poll: prefix it `// Forum:`"),
    ("an http link", JAN26, ("// Poll: https://vote.sky.money/polling/QmYmaVVc", "// Poll: http://vote.sky.money/polling/QmYmaVVc"),
     "http://vote.sky.money/polling/QmYmaVVc is not an https link"),
    ("an http link in the bare form of 2022", JAN, ("// https://forum.makerdao.com/t/mip40c3-sp53",
                                                    "// http://forum.makerdao.com/t/mip40c3-sp53"),
     "http://forum.makerdao.com/t/mip40c3-sp53-techops-core-unit-dai-budget is not an https link"),
]


@pytest.mark.parametrize("name, spec, edit, problem", SLIPS, ids=[s[0] for s in SLIPS])
def test_each_slip_is_found_on_its_line(name, spec, edit, problem):
    source = render(load_spell(spec), spec.name)
    assert edit[0] in source, edit[0]
    mutated = source.replace(edit[0], edit[1], 1)
    found = finding_lines(mutated)
    assert any(problem in text for _, text in found), found
    edited_line = next(i for i, line in enumerate(mutated.splitlines(), 1) if edit[1] and edit[1] in line) \
        if edit[1] not in (";",) else None
    if edited_line:
        assert any(line in (edited_line, edited_line + 1) for line, text in found if problem in text), found


def test_verify_fails_a_spell_whose_comment_disagrees_and_names_the_line(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)
    source = render(load_spell(DEC), DEC.name).replace("- 257.31 MKR -", "- 300 MKR -", 1)
    spell = tmp_path / "DssSpell.sol"
    spell.write_text(source)
    assert cli.main(["verify", str(DEC), "--spell", str(spell), "--report-dir", str(tmp_path / "out")]) == 1
    out = capsys.readouterr().out
    line = next(i for i, text in enumerate(source.splitlines(), 1) if "- 300 MKR -" in text)
    assert f"FAIL  source DssSpell.sol:{line}: the comment says 300 MKR" in out
    assert "PASS  MKR transfer: 257.31 MKR to TECH_001" in out  # the chain did what the YAML says


@pytest.mark.parametrize("spec", [JAN, DEC, ROOT / "examples/sky-2026-01-15.yaml"], ids=lambda p: p.stem)
def test_the_hash_comment_must_fetch_the_yamls_executive_document(spec):
    spell = load_spell(spec)
    url = spell.exec_doc.url
    source = render(spell, spec.name)
    assert review_source(source, url) == []
    line = next(n for n, text in enumerate(source.splitlines(), 1) if "// Hash: cast keccak" in text)
    other = url.replace(url.split("/")[5], "0" * 40)  # another commit of the document
    assert [(f.line, f.problem) for f in review_source(source.replace(url, other), url)] == [
        (line, f"the hash comment fetches {other}, but the YAML's executive document is {url}")]
    without = "\n".join(text for text in source.splitlines() if "// Hash: cast keccak" not in text)
    [missing] = review_source(without, url)
    assert missing.line == line and "no `// Hash: cast keccak" in missing.problem
    # A 2022 hand-written form (seth, the URL unquoted) is read too.
    seth = source.replace(f"cast keccak -- \"$(wget '{url}' -q", f"seth keccak -- \"$(wget {url} -q")
    assert review_source(seth, url) == []
