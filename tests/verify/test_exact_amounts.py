"""Amounts stay exact to the wei beyond Decimal's default precision, from the YAML to verify."""
from pathlib import Path

import pytest

from spellgen.cli import main as cli
from spellgen.render.spell import render
from spellgen.spellfile.parse import load_spell

ROOT = Path(__file__).resolve().parents[2]
HUGE = ROOT / "tests/spells/huge-allowance-2023-08-02.yaml"
LITERAL = "12_345_678_901.123456789012345678 ether"
ITEM = "allowance: PauseProxy MKR to MCD_VEST_MKR_TREASURY set to 12,345,678,901.123456789012345678 MKR"


@pytest.fixture(autouse=True)
def no_fork_url(monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)


def verify(source: str, tmp_path: Path, capsys) -> tuple[int, str]:
    spell_file = tmp_path / "DssSpell.sol"
    spell_file.write_text(source)
    code = cli.main(["verify", str(HUGE), "--spell", str(spell_file), "--report-dir", str(tmp_path)])
    return code, capsys.readouterr().out


def test_the_29_digit_allowance_renders_every_digit_and_verifies(tmp_path, capsys):
    source = render(load_spell(HUGE), HUGE.name)
    assert LITERAL in source
    code, out = verify(source, tmp_path, capsys)
    assert code == 0, out
    assert f"PASS  {ITEM}" in out


def test_an_allowance_five_wei_above_the_yaml_fails(tmp_path, capsys):
    source = render(load_spell(HUGE), HUGE.name).replace(LITERAL, LITERAL + " + 5", 1)
    code, out = verify(source, tmp_path, capsys)
    assert code == 1
    assert f"FAIL  {ITEM}" in out


def test_the_control_total_of_29_digit_transfers_is_exact(tmp_path):
    """expect.mkr_transferred must equal the exact sum; one wei off is a located error."""
    text = (ROOT / "examples/techops-2022-12-09.yaml").read_text()
    assert "257.31" in text
    exact = text.replace("257.31", "12,345,678,901.123456789012345678")
    spec = tmp_path / "spec.yaml"
    if "expect:" not in exact:
        exact += "expect:\n  mkr_transferred: 12,345,678,901.123456789012345678\n"
    spec.write_text(exact)
    assert cli.main(["check", str(spec)]) == 0
    spec.write_text(exact.replace("mkr_transferred: 12,345,678,901.123456789012345678",
                                  "mkr_transferred: 12,345,678,901.123456789012345679"))
    assert cli.main(["check", str(spec)]) == 2


def test_a_fractional_cap_compiles_and_sets_the_exact_per_second_integer(tmp_path, capsys):
    spec = ROOT / "tests/spells/fractional-cap-2023-08-02.yaml"
    code = cli.main(["simulate", str(spec), "--report-dir", str(tmp_path)])
    out = capsys.readouterr().out
    assert code == 0, out
    wanted = 1_200_500_000_000_000_000_000 // (365 * 86_400)
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("PASS  cap: MCD_VEST_MKR to 1,200.5 MKR"))
    assert lines[at + 1].strip().endswith(f"-> {wanted} wei/s"), lines[at + 1]
