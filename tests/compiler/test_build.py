"""`spellgen build`: render and compile into a folder, all files or none."""
import json
from pathlib import Path

from spellgen.cli import main as cli
from spellgen.spellfile.history import DSS_EXEC_LIB

ROOT = Path(__file__).resolve().parents[2]
DEC = ROOT / "examples/techops-2022-12-09.yaml"


def test_build_writes_the_spell_the_section_and_the_artifact(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("SPELLGEN_CACHE_DIR", str(tmp_path / "cache"))  # an empty compile cache: solc runs
    out = tmp_path / "out"
    assert cli.main(["build", str(DEC), "--out", str(out)]) == 0
    assert "compiled in" in capsys.readouterr().err
    assert sorted(p.name for p in out.iterdir()) == ["DssSpell.json", "DssSpell.sol", "section.sol"]
    # The reviewed golden file, not a second rendering (which would compare the template with itself).
    assert (out / "DssSpell.sol").read_text() == (ROOT / "tests/golden/techops-2022-12-09@0.8.16.sol").read_text()
    assert "MKR.transfer(TECH_001, 257.31 ether);" in (out / "section.sol").read_text()
    artifact = json.loads((out / "DssSpell.json").read_text())
    assert artifact["solc"] == "0.8.16" and artifact["spec"] == DEC.name
    action = artifact["contracts"]["DssSpellAction"]
    assert 0 < action["size"] <= 24_576 and action["size"] == len(action["deployedBytecode"]) // 2
    assert DSS_EXEC_LIB[2:].lower() in action["deployedBytecode"].lower()
    names = {entry.get("name") for entry in artifact["contracts"]["DssSpell"]["abi"]}
    assert {"schedule", "cast", "nextCastTime", "description"} <= names


def test_build_of_an_invalid_spec_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text(DEC.read_text().replace("amount: 257.31", "amount: 0"))
    assert cli.main(["build", str(bad), "--out", str(tmp_path / "out")]) == 2
    assert not (tmp_path / "out").exists()


def test_build_reuses_what_simulate_compiled(tmp_path, capsys, monkeypatch):
    """Issue 20: `simulate` and `build` compile the same input (the twin's settings), so the second of
    them reads the first one's result from the compile cache, and writes the same artifact."""
    from spellgen.compiler.compile import compile_spell
    from spellgen.render.spell import render
    from spellgen.run import ChainChoice, compile_settings_for
    from spellgen.spellfile.parse import load_spell

    monkeypatch.setenv("SPELLGEN_CACHE_DIR", str(tmp_path / "cache"))
    spell = load_spell(DEC)
    simulated = compile_spell(render(spell, DEC.name), spell.solc, settings=compile_settings_for(spell, ChainChoice()))
    assert not simulated.cached
    assert cli.main(["build", str(DEC), "--out", str(tmp_path / "out")]) == 0
    err = capsys.readouterr().err
    assert "from the compile cache" in err and "compiled in" not in err
    artifact = json.loads((tmp_path / "out" / "DssSpell.json").read_text())
    assert artifact["contracts"]["DssSpellAction"]["deployedBytecode"] == simulated.action.deployed
