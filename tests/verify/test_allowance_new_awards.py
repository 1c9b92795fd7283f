"""R:254 in verify: the allowance is judged against the new awards' totals read from the chain, not against
the slack it held before the cast (on the twin an assumption, on mainnet another spell's)."""
from pathlib import Path

import pytest

from spellgen.render.spell import render
from spellgen.spellfile.parse import load_spell
from violations import assert_violation, run_cli

ROOT = Path(__file__).resolve().parents[2]
EVERY26 = ROOT / "examples/every-action-2026.yaml"
RAISE = "GemAbstract(SKY).allowance(address(this), MCD_VEST_SKY_TREASURY) + 4_800_000 * WAD);"


@pytest.fixture(autouse=True)
def no_fork_url(monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)


def test_a_raise_below_the_new_awards_fails_though_the_twins_slack_covers_them(tmp_path, capsys):
    """The hand-written spell raises the SKY allowance by 1,000 for a 4,800,000 SKY stream: the twin's
    assumed allowance before the cast keeps every award payable, which used to pass with a WARN."""
    source = render(load_spell(EVERY26), EVERY26.name)
    assert RAISE in source
    spell_file = tmp_path / "DssSpell.sol"
    spell_file.write_text(source.replace(RAISE, RAISE.replace("4_800_000 * WAD", "1_000 * WAD")))
    code, out = run_cli(["verify", EVERY26, "--spell", spell_file, "--report-dir", tmp_path], capsys)
    assert_violation(code, out, exit_code=1, message="re:FAIL.*MCD_VEST_SKY_TREASURY can pay every valid award")
    assert "the new awards on MCD_VEST_SKY_TREASURY total 4,800,000 SKY (their tot, read from the chain), but the " \
           "spell raises the allowance by 1,000 SKY; what is left is the twin's assumed allowance" in out
