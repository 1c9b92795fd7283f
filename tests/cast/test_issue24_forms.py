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


JAN26 = ROOT / "examples/sky-2026-01-15.yaml"
FEB26 = ROOT / "examples/sky-2026-02-26.yaml"


def test_an_adjusted_allowance_is_the_one_before_less_the_yanked_remainder(simulated):
    """2026-01-15: `pallowance - (tot(9) - rxd(9))` and `pallowance - (tot(2) - rxd(2))`, exactly, from the
    twin's pre-state (award 9: 60,297,057 SKY unpaid; award 2: 30,000,000 SPK)."""
    results = _results(simulated(JAN26))
    sky = results["allowance: PauseProxy SKY to MCD_VEST_SKY_TREASURY less what award 9 owes before its yank, plus 0 SKY"]
    assert sky["status"] == "PASS"
    assert sky["evidence"] == "1,075,297,057 SKY - award 9's 60,297,057 SKY + 0 SKY -> 1,015,000,000 SKY"
    spk = results["allowance: PauseProxy SPK to MCD_VEST_SPK_TREASURY less what award 2 owes before its yank, plus 0 SPK"]
    assert spk["status"] == "PASS" and spk["evidence"].endswith("-> 20,000,000 SPK")
    # What award 9 had accrued unpaid on the twin is no longer covered: named, as the spell's distribute() paid it.
    owed = results["MCD_VEST_SKY_TREASURY can pay every valid award"]
    assert owed["status"] == "WARN" and owed["warning"].startswith("the allowance is 6,043,472.15136986301369863 SKY short")


def test_an_adjusted_allowance_renders_the_spells_statement():
    source = render(load_spell(FEB26), FEB26.name)
    block = ("        {\n"
             "            // Note: the allowance before the cast\n"
             "            uint256 pallowance = GemAbstract(SKY).allowance(address(this), MCD_VEST_SKY_TREASURY);\n"
             "            // Note: what award 8 still owes, read before its yank\n"
             "            uint256 ytot = VestAbstract(MCD_VEST_SKY_TREASURY).tot(8);\n"
             "            uint256 yrxd = VestAbstract(MCD_VEST_SKY_TREASURY).rxd(8);\n"
             "            uint256 yallowance = ytot - yrxd;\n")
    assert block in source
    assert "            uint256 allowance = pallowance - yallowance + 838_182_330 * WAD;\n" in source
    # before the yank, as the spell did; no loop over the awards
    assert source.index("GemAbstract(SKY).approve(MCD_VEST_SKY_TREASURY, allowance);") < source.index(".yank(8);")
    assert "_owed(" not in source
    january = render(load_spell(JAN26), JAN26.name)
    assert "            uint256 allowance = pallowance - yallowance;\n" in january


def test_the_brownie_test_of_an_adjusted_allowance_reads_the_award_before_the_cast():
    from spellgen.spellfile.actions.base import BrownieContext
    from spellgen.spellfile.expect import expected_from

    spell = load_spell(FEB26)
    expected = expected_from(spell)
    action = next(a for a in spell.actions if a.KIND == "allowance")
    [(item, body)] = action.brownie_tests(BrownieContext(expected, {}))
    assert 'award = cast.before.awards[("MCD_VEST_SKY_TREASURY", 8)]' in body
    assert ('assert cast.after.allowance["MCD_VEST_SKY_TREASURY"] == before - (award.tot - award.rxd) + '
            "838_182_330_000_000_000_000_000_000  # 838,182,330 SKY") in body


def test_plus_auto_needs_new_streams(tmp_path):
    spec = tmp_path / "s.yaml"
    spec.write_text(JAN26.read_text().replace("adjust: {less_unpaid_of: 9}", "adjust: {less_unpaid_of: 9, plus: auto}"))
    from spellgen.spellfile.checks import check_spell

    diags = Diagnostics(str(spec))
    check_spell(load_spell(spec, diags), diags)
    assert [d.message for d in diags.errors] == [
        "plus: auto adds the totals of the new streams on MCD_VEST_SKY_TREASURY, but this spell creates none"]


MAY26 = ROOT / "examples/sky-2026-05-07.yaml"


def test_allocator_payments_raise_the_vaults_debt_and_the_vows_dai_exactly(simulated):
    """2026-05-07: three vaults; each urn's art rose by ceil(wad * RAY / rate) at the rate drip left (the
    twin's assumed duty compounded from 00:00 UTC of the date to the cast), the Vow's dai by the payments
    and drip's folds, its sin by nothing; the state diff and the events hold nothing else."""
    results = _results(simulated(MAY26))
    for amount, vault in (("9,179,021", "SPARK"), ("9,385,986", "BLOOM"), ("1,969,499", "OBEX")):
        paid = results[f"allocator payment: {amount} DAI from ALLOCATOR_{vault}_A_VAULT into the surplus buffer"]
        assert paid["status"] == "PASS" and f"(= {amount} DAI of debt)" in paid["evidence"]
    vow = next(r for item, r in results.items() if item.startswith("surplus buffer: vat.dai(MCD_VOW) +"))
    assert vow["status"] == "PASS" and "vat.sin(vow) +0 rad" in vow["evidence"]
    assert results["nothing else: every changed storage slot, balance, nonce and code is a YAML item"]["status"] == "PASS"
    assert results["payments' Vat effects: no suck or exit, since the YAML declares no payment"]["status"] == "PASS"
    assert {r["status"] for r in results.values()} == {"PASS"}


def test_allocator_payments_render_the_house_helper_once():
    source = render(load_spell(MAY26), MAY26.name)
    assert source.count("function _takeAllocatorPayment(address vault, uint256 wad) internal {") == 1
    assert "        _takeAllocatorPayment(ALLOCATOR_BLOOM_A_VAULT, 9_385_986 * WAD);\n" in source
    assert "        uint256 dart = ((wad * RAY - 1) / rate) + 1;\n" in source
    assert "        VatAbstract(MCD_VAT).suck(MCD_VOW, MCD_VOW, dart * rate);\n" in source
    assert "        VatAbstract(MCD_VAT).grab(ilk, vault, address(0), MCD_VOW, 0, int256(dart));\n" in source
    assert 'address internal immutable MCD_JUG                 = DssExecLib.getChangelogAddress("MCD_JUG");' in source


def test_an_allocator_vault_the_date_lacks_is_refused(tmp_path):
    """ALLOCATOR_OBEX_A_VAULT entered the chainlog on 2025-10-16: a spell of 2025-09-18 cannot read it."""
    spec = tmp_path / "s.yaml"
    spec.write_text(MAY26.read_text().replace("date: 2026-05-07", "date: 2025-09-18"))
    from spellgen.spellfile.checks import check_spell

    diags = Diagnostics(str(spec))
    check_spell(load_spell(spec, diags), diags)
    assert any("ALLOCATOR_OBEX_A_VAULT" in d.message for d in diags.errors), [d.message for d in diags]
    assert not any("ALLOCATOR_SPARK_A_VAULT" in d.message for d in diags.errors)
