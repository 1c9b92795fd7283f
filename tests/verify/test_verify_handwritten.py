"""`spellgen verify` judges a spell written by hand (dss-interfaces imports, its own names and layout)
by its effects alone: the correct one passes, slips in it fail with the item named."""
from pathlib import Path

import pytest

from spellgen.cli import main as cli

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "tests/spells/treasury-2023-08-02.yaml"
SPELL = ROOT / "tests/handwritten/treasury-2023-08-02.sol"


@pytest.fixture(autouse=True)
def no_fork_url(monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)


def verify(source: str, tmp_path: Path) -> tuple[int, str]:
    spell = tmp_path / "DssSpell.sol"
    spell.write_text(source)
    code = cli.main(["verify", str(SPEC), "--spell", str(spell), "--report-dir", str(tmp_path)])
    return code, spell.read_text()


def test_the_handwritten_spell_verifies(tmp_path, capsys):
    code, _ = verify(SPELL.read_text(), tmp_path)
    assert code == 0, capsys.readouterr().out


@pytest.mark.parametrize("old, new, item", [
    ("GOV.allowance(address(this), VEST_MKR_TREASURY) + treasuryStream",
     "GOV.allowance(address(this), VEST_MKR_TREASURY) + 1_500 ether", "allowance: PauseProxy MKR"),
    ("VestAbstract(VEST_DAI).yank(35);", "VestAbstract(VEST_DAI).yank(34);", "yank: award 35 on MCD_VEST_DAI"),
    ("JUL_31_2026 - AUG_01_2023, 365 days", "JUL_31_2026 - AUG_01_2023, 366 days", "stream: 1,500.75 MKR"),
])
def test_slips_in_the_handwritten_spell_are_caught(old, new, item, tmp_path, capsys):
    source = SPELL.read_text()
    assert old in source
    code, _ = verify(source.replace(old, new, 1), tmp_path)
    out = capsys.readouterr().out
    assert code == 1 and any(line.startswith("FAIL") and item in line for line in out.splitlines()), out


def test_a_chainlog_key_holding_another_address_fails_its_item():
    """The chainlog item compares what the ChainLog answered with the YAML's stated address."""
    from spellgen.cast.simulate import Observation
    from spellgen.verify.compare import Verifier
    from spellgen.spellfile.expect import ChainlogEntry, Expected, Item

    expected = Expected("d", True, 0)
    want = "0x3300f198988e4C9C63F75dF86De36421f06af8c4"
    expected.chainlog = [ChainlogEntry(Item(f"chainlog: SPARK_SUBPROXY is {want}", "spell"), "SPARK_SUBPROXY", want),
                         ChainlogEntry(Item("chainlog: GROVE_SUBPROXY is x", "spell"), "GROVE_SUBPROXY", want)]
    obs = Observation({})
    obs.chainlog = {"SPARK_SUBPROXY": "0x1369f7b2b38c76B6478c0f0E66D94923421891Ba", "GROVE_SUBPROXY": None}
    verifier = Verifier(expected, obs, {})
    verifier.chainlog()
    wrong, missing = verifier.results
    assert not wrong.passed and wrong.reason == (f"SPARK_SUBPROXY: expected {want}, "
                                                 "observed 0x1369f7b2b38c76B6478c0f0E66D94923421891Ba")
    assert not missing.passed and missing.reason == "the chainlog has no key GROVE_SUBPROXY"
