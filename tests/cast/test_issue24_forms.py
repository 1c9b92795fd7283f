"""Issue 24's statement forms, cast on the twin and verified: the conditional cap raise (filed when
above the cap in force, kept otherwise), the allowance adjusted relative to the current one, and
allocator payments. The simulations are shared (tests/conftest.py, `simulated`)."""
from pathlib import Path

import pytest

from spellgen.render.spell import render
from spellgen.spellfile.diagnostics import Diagnostics
from spellgen.spellfile.parse import load_spell

ROOT = Path(__file__).resolve().parents[2]
CAP_FILED = ROOT / "examples/sky-2025-10-30.yaml"
CAP_KEPT = ROOT / "tests/spells/cap-kept-2026-04-09.yaml"

pytestmark = pytest.mark.usefixtures("shared_twins")


@pytest.fixture(autouse=True)
def no_fork_url(monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)


def _results(run) -> dict[str, dict]:
    assert run.code == 0, run.out + run.err
    return {r["item"]: r for r in run.report()["results"]}


def test_a_raise_only_cap_above_the_cap_in_force_is_filed(simulated):
    """2025-10-30: 110 % of 1,000,000,000 SKY over 180 days (70.73 SKY/s) above the 9.62 SKY/s in force."""
    results = _results(simulated(CAP_FILED))
    cap = results["cap: MCD_VEST_SKY_TREASURY raised only if above the cap in force, to 1,100,000,000 SKY per "
                  "180 days"]
    assert cap["status"] == "PASS"
    assert cap["evidence"] == ("cap 9618564306064306064 -> 70730452674897119341 wei/s (new 70730452674897119341 "
                               "wei/s: filed, above the cap in force)")
    assert {r["status"] for r in results.values()} == {"PASS"}


def test_a_raise_only_cap_below_the_cap_in_force_is_kept(simulated):
    """2026-04-09: 27.18 SKY/s, below the 70.73 SKY/s filed on 2025-10-30: no File, no cap slot changed."""
    run = simulated(CAP_KEPT)
    results = _results(run)
    cap = results["cap: MCD_VEST_SKY_TREASURY raised only if above the cap in force, to 211,321,354.2 SKY per "
                  "90 days"]
    assert cap["status"] == "PASS"
    assert cap["evidence"] == ("cap 70730452674897119341 -> 70730452674897119341 wei/s (new 27176100077160493827 "
                               "wei/s: not filed, the cap in force is at or above it)")
    assert {r["status"] for r in results.values()} == {"PASS"}


def test_a_raise_only_cap_renders_the_read_and_the_condition():
    source = render(load_spell(CAP_FILED), CAP_FILED.name)
    assert ("        // Raise the MCD_VEST_SKY_TREASURY rate cap to 1,100,000,000 SKY per 180 days, only if that is "
            "above the cap in force\n"
            "        {\n"
            "            uint256 newCap = 1_100_000_000 * WAD / 180 days;\n"
            "            // Note: a cap in force at or above it is kept\n"
            "            if (newCap > VestAbstract(MCD_VEST_SKY_TREASURY).cap()) {\n"
            '                VestAbstract(MCD_VEST_SKY_TREASURY).file("cap", newCap);\n'
            "            }\n"
            "        }\n") in source
    assert "setValue" not in source


def _rate_errors(tmp_path: Path, raise_only: bool, amount: str) -> list[str]:
    """check's rate errors for a stream of 192,110,322 SKY over 90 days (24.7 SKY/s) on 2026-04-09, after a
    cap of `amount` SKY per 90 days (the cap in force then: 70.73 SKY/s)."""
    spec = tmp_path / "s.yaml"
    spec.write_text(f"""spellgen: 1
spell:
  date: 2026-04-09
  description: "2026-04-09 MakerDAO Executive Spell | Hash: 0x1111111111111111111111111111111111111111111111111111111111111111"
  draft: true
  office_hours: true
wallets:
  DIST: 0x675671A8756dDb69F7254AFB030865388Ef699Ee
sections:
  - title: Farm
    actions:
      - {{type: cap, vest: MCD_VEST_SKY_TREASURY, amount: "{amount}", per: 90 days, raise_only: {str(raise_only).lower()}}}
      - {{type: stream, vest: MCD_VEST_SKY_TREASURY, to: DIST, total: 192_110_322, start: cast, duration: 90 days}}
      - {{type: allowance, vest: MCD_VEST_SKY_TREASURY, increase: auto}}
""")
    from spellgen.spellfile.checks import check_spell

    diags = Diagnostics(str(spec))
    check_spell(load_spell(spec, diags), diags)
    return [d.message for d in diags.errors if "above the MCD_VEST_SKY_TREASURY cap" in d.message]


def test_check_takes_a_kept_cap_as_the_one_in_force(tmp_path):
    """A raise_only cap below the cap in force leaves that cap: the stream is under it. Filed
    unconditionally, the same cap would be below the stream's rate."""
    assert _rate_errors(tmp_path, True, "1,000,000") == []
    assert _rate_errors(tmp_path, False, "1,000,000") != []
