"""Hand-made mutants of rendered spells: `spellgen verify` must fail each one and name the item.

Each mutant is a realistic slip in a spell written by hand (an amount off by one unit, a wrong
recipient, a missing restrict, ...). The YAML is unchanged, so the expected values are the same;
only the chain's behaviour differs.
"""
from pathlib import Path

import pytest

from batches import Batches, mutant_requests
from violations import assert_violation
from spellgen.cli import main as cli
from spellgen.spellfile.parse import load_spell
from spellgen.render.spell import render

ROOT = Path(__file__).resolve().parents[2]
OTHER = "0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2"

JAN = ROOT / "examples/techops-2022-01-28.yaml"
DEC = ROOT / "examples/techops-2022-12-09.yaml"
TREASURY = ROOT / "tests/spells/treasury-2023-08-02.yaml"
SKY_SPEC = ROOT / "tests/spells/usds-sky-2025-03-01.yaml"
EVERY26 = ROOT / "examples/every-action-2026.yaml"
FEB26 = ROOT / "examples/sky-2026-02-26.yaml"
SKY_MKR = ROOT / "tests/spells/sky-mkr-2025-03-06.yaml"
SKY_DIRECT = ROOT / "tests/spells/sky-direct-2024-11-28.yaml"
PROXY = ROOT / "tests/spells/proxy-transfer-2025-08-21.yaml"
CAP_FILED = ROOT / "examples/sky-2025-10-30.yaml"
CAP_KEPT = ROOT / "tests/spells/cap-kept-2026-04-09.yaml"
MAY26 = ROOT / "examples/sky-2026-05-07.yaml"
FEB21_UNIV2 = ROOT / "examples/univ2-2025-02-21.yaml"
UNIV2_WITHDRAWN = "Uniswap V2 withdrawal: the PauseProxy's UNIV2USDSSKY liquidity"
BLOOM_PAID = "allocator payment: 9,385,986 DAI from ALLOCATOR_BLOOM_A_VAULT"

USDS_DELEGATE = "USDS payment: 4,000 USDS to DELEGATE"
USDS_SPARK = "USDS payment: 1,512,762 USDS to SPARK_SUBPROXY"
SKY_DELEGATE = "SKY transfer: 330,000.25 SKY to DELEGATE"
EXACT_DAI = "DAI payment: 1,234.56 DAI (exact) to ECOSYSTEM"
SPK_AT_CAST = "stream: 227,500,000 SPK to REWARDS_DIST_USDS_SPK on MCD_VEST_SPK_TREASURY, from the cast - 7 days"
SKY_AT_CAST = "stream: 1,000,000 SKY to ECOSYSTEM on MCD_VEST_SKY, from the cast for 365 days"
SPK_OWED = "allowance: PauseProxy SPK to MCD_VEST_SPK_TREASURY set to what its valid awards still owe"
SPK_APPROVE = "        GemAbstract(SPK).approve(MCD_VEST_SPK_TREASURY, _owed(MCD_VEST_SPK_TREASURY));\n"
SPK_CREATE = "        VestAbstract(MCD_VEST_SPK_TREASURY).restrict(\n"

STREAM_JAN = "stream: 2,486,400 DAI to TECH_001"
PAY_JAN = "DAI payment: 1,069,250 DAI to TECH_001"
MKR_DEC = "MKR transfer: 257.31 MKR to TECH_001"
EVENTS = "nothing else"
NOT_CAST = "the spell is deployed, elected, scheduled and cast"  # the item a failed cast reports

# (name, spec, [(old, new)], item that must FAIL)
MUTANTS = [
    ("payment off by one DAI", JAN, [("(TECH_001, 1_069_250)", "(TECH_001, 1_069_251)")], PAY_JAN),
    ("payment missing", JAN, [("DssExecLib.sendPaymentFromSurplusBuffer(TECH_001, 1_069_250);", "")], PAY_JAN),
    ("stream to a wrong recipient", JAN, [("TECH_001,                  // usr", f"{OTHER}, // usr")], STREAM_JAN),
    ("stream total off by one wei", JAN, [("2_486_400 * WAD,", "2_486_400 * WAD + 1,")], STREAM_JAN),
    ("bgn set to fin", JAN, [("FEB_01_2022,               // bgn", "JAN_31_2023,               // bgn")],
     STREAM_JAN),
    ("tau one day short", JAN, [("JAN_31_2023 - FEB_01_2022, // tau", "JAN_31_2023 - FEB_01_2022 - 1 days, // tau")],
     STREAM_JAN),
    ("restrict missing", JAN, [("VestLike(MCD_VEST_DAI).restrict(", "uint256(")], STREAM_JAN),
    ("eta changed", JAN, [("0,                         // eta", "1 days,                    // eta")],
     STREAM_JAN),
    ("stream on the wrong vest", TREASURY, [
        ("VestLike(MCD_VEST_DAI).restrict(\n            VestLike(MCD_VEST_DAI).create(",
         'VestLike(DssExecLib.getChangelogAddress("MCD_VEST_DAI_LEGACY")).restrict(\n'
         '            VestLike(DssExecLib.getChangelogAddress("MCD_VEST_DAI_LEGACY")).create(')],
     "new awards on MCD_VEST_DAI"),
    ("an extra stream", JAN, [("        );\n    }\n}", "        );\n        VestLike(MCD_VEST_DAI).create("
                                                     "TECH_001, 1 * WAD, FEB_01_2022, 30 days, 0, address(0));\n"
                                                     "    }\n}")], "new awards on MCD_VEST_DAI"),
    ("office hours flipped", JAN, [("return false;", "return true;")], "office hours as declared"),
    ("MKR amount off by one unit", DEC, [("257.31 ether", "257.310000000000000001 ether")], MKR_DEC),
    ("comment says 257.31, code sends 257.30", DEC, [("257.31 ether", "257.30 ether")], MKR_DEC),
    ("MKR to a wrong recipient", DEC, [("MKR.transfer(TECH_001,", f"MKR.transfer({OTHER},")], MKR_DEC),
    ("MKR transfer missing", DEC, [("MKR.transfer(TECH_001, 257.31 ether);", "")], MKR_DEC),
    ("MKR transfer twice", DEC, [("MKR.transfer(TECH_001, 257.31 ether);",
                                 "MKR.transfer(TECH_001, 257.31 ether); MKR.transfer(TECH_001, 257.31 ether);")],
     MKR_DEC),
    ("an undeclared approval", DEC, [("MKR.transfer(TECH_001, 257.31 ether);",
                                      "MKR.transfer(TECH_001, 257.31 ether); MKR.approve(TECH_001, 1);")], EVENTS),
    ("an undeclared payment", DEC, [("MKR.transfer(TECH_001, 257.31 ether);",
                                     "MKR.transfer(TECH_001, 257.31 ether); "
                                     "DssExecLib.sendPaymentFromSurplusBuffer(TECH_001, 1);")], EVENTS),
    ("expiry changed", DEC, [("block.timestamp + 30 days", "block.timestamp + 29 days")], "expiration"),
    ("description changed", DEC, [("Executive Spell | Hash", "Executive Spell  | Hash")], "description as declared"),
    ("office hours flipped", DEC, [("return true;", "return false;")], "office hours as declared"),
    ("allowance short", TREASURY, [("+ 1_500.75 ether)", "+ 1_500.74 ether)")], "allowance: PauseProxy MKR"),
    ("allowance missing", TREASURY, [("MKR.approve(MCD_VEST_MKR_TREASURY, MKR.allowance(address(this), "
                                      "MCD_VEST_MKR_TREASURY) + 1_500.75 ether);", "")], "allowance: PauseProxy MKR"),
    ("yank missing", TREASURY, [("VestLike(MCD_VEST_DAI).yank(35);", "")], "yank: award 35 on MCD_VEST_DAI"),
    ("wrong award yanked", TREASURY, [("VestLike(MCD_VEST_DAI).yank(35);", "VestLike(MCD_VEST_DAI).yank(34);")],
     "yank: award 35 on MCD_VEST_DAI"),
    ("yanks the wrong owner's award", TREASURY, [("yank(30, NOV_30_2023);", "yank(29, NOV_30_2023);")],
     "yank: award 30 on MCD_VEST_MKR"),
    ("planned end ignored", TREASURY, [("yank(30, NOV_30_2023);", "yank(30);")], "yank: award 30 on MCD_VEST_MKR"),
    ("cap changed", TREASURY, [("1_200 * WAD / 365 days", "1_300 * WAD / 365 days")], "cap: MCD_VEST_MKR"),
    ("an undeclared SKY approval", SKY_SPEC, [("        SKY.approve(MCD_VEST_SKY_TREASURY,",
                                               "        SKY.approve(address(0xdead), 1);\n"
                                               "        SKY.approve(MCD_VEST_SKY_TREASURY,")], EVENTS),
    ("an undeclared SKY transfer", SKY_SPEC, [("        SKY.approve(MCD_VEST_SKY_TREASURY,",
                                               "        SKY.transfer(address(0xdead), 1);\n"
                                               "        SKY.approve(MCD_VEST_SKY_TREASURY,")], EVENTS),
    # Issue 12: the Sky-era actions.
    ("USDS payment off by one USDS", EVERY26, [("_transferUsds(DELEGATE, 4_000 * WAD);",
                                                "_transferUsds(DELEGATE, 4_001 * WAD);")], USDS_DELEGATE),
    ("USDS payment missing", EVERY26, [("_transferUsds(DELEGATE, 4_000 * WAD);", "")], USDS_DELEGATE),
    ("USDS paid as DAI", EVERY26, [("_transferUsds(DELEGATE, 4_000 * WAD);",
                                    "DssExecLib.sendPaymentFromSurplusBuffer(DELEGATE, 4_000);")], USDS_DELEGATE),
    ("USDS left in the PauseProxy as DAI", EVERY26, [("DaiUsdsLike(DAI_USDS).daiToUsds(usr, wad);",
                                                      "if (usr != DELEGATE) DaiUsdsLike(DAI_USDS).daiToUsds(usr, wad);")],
     "surplus buffer"),
    ("USDS to the key of another recipient", EVERY26, [('getChangelogAddress("SPARK_SUBPROXY")',
                                                       'getChangelogAddress("MCD_VOW")')], USDS_SPARK),
    ("SKY transfer off by one wei", EVERY26, [("330_000.25 ether", "330_000.250000000000000001 ether")], SKY_DELEGATE),
    ("SKY transfer missing", EVERY26, [("GemAbstract(SKY).transfer(DELEGATE, 330_000.25 ether);", "")], SKY_DELEGATE),
    ("exact DAI a cent short", EVERY26, [("exit(ECOSYSTEM, 1_234.56 ether)", "exit(ECOSYSTEM, 1_234.55 ether)")],
     EXACT_DAI),
    ("exact DAI paid rounded", EVERY26, [("VatAbstract(MCD_VAT).suck(MCD_VOW, address(this), 1_234.56 ether * RAY);",
                                          "DssExecLib.sendPaymentFromSurplusBuffer(ECOSYSTEM, 1_235);"),
                                         ("DaiJoinAbstract(MCD_JOIN_DAI).exit(ECOSYSTEM, 1_234.56 ether);", "")], EXACT_DAI),
    ("stream at the cast without its offset", EVERY26, [("block.timestamp - 7 days, // bgn",
                                                         "block.timestamp,          // bgn")], SPK_AT_CAST),
    ("stream at the cast given a fixed date", EVERY26, [("block.timestamp, // bgn: the cast",
                                                         "APR_01_2026,     // bgn: the cast")], SKY_AT_CAST),
    ("cliff of a stream at the cast a day long", EVERY26, [("90 days,         // eta", "91 days,         // eta")],
     SKY_AT_CAST),
    ("owed allowance one wei short", EVERY26, [("_owed(MCD_VEST_SPK_TREASURY));", "_owed(MCD_VEST_SPK_TREASURY) - 1);")],
     SPK_OWED),
    ("owed allowance computed before the new stream", EVERY26, [(SPK_APPROVE, ""), (SPK_CREATE, SPK_APPROVE + SPK_CREATE)],
     SPK_OWED),
    ("SPK allowance given in SKY", EVERY26, [("GemAbstract(SPK).approve(MCD_VEST_SPK_TREASURY,",
                                             "GemAbstract(SKY).approve(MCD_VEST_SPK_TREASURY,")],
     SPK_OWED),
    ("MCD_VEST_SKY cap changed", EVERY26, [("200_000_000 * WAD / 182 days", "210_000_000 * WAD / 182 days")],
     "cap: MCD_VEST_SKY"),
    ("MCD_VEST_SKY yank missing", EVERY26, [("VestAbstract(MCD_VEST_SKY).yank(2);", "")], "yank: award 2 on MCD_VEST_SKY"),
    ("a SubProxy paid through another key", FEB26, [('getChangelogAddress("GROVE_SUBPROXY")',
                                                    'getChangelogAddress("OBEX_SUBPROXY")')],
     "USDS payment: 6,090 USDS to GROVE_SUBPROXY"),
    ("treasury stream yank missing", FEB26, [("VestAbstract(MCD_VEST_SKY_TREASURY).yank(8);", "")],
     "yank: award 8 on MCD_VEST_SKY_TREASURY"),
    ("MKR not rounded up", SKY_MKR, [("            mkrWad++;\n", "")], "MKR -> SKY conversion"),
    ("SKY from the treasury, not converted", SKY_MKR, [("_transferSky(BLUE, 330_000 * WAD);",
                                                        "SKY.transfer(BLUE, 330_000 * WAD);")], "MKR -> SKY conversion"),
    ("converted straight to the recipient", SKY_MKR, [("mkrToSky(address(this), mkrWad);", "mkrToSky(usr, mkrWad);"),
                                                      ("        SKY.transfer(usr, wad);\n", "")],
     "treasury: PauseProxy SKY"),
    ("treasury conversion short", SKY_MKR, [("mkrToSky(address(this), 624 * WAD);", "mkrToSky(address(this), 623 * WAD);")],
     "MKR -> SKY conversion: 624 MKR of the PauseProxy"),
    ("treasury conversion missing", SKY_MKR, [("MKR.approve(MKR_SKY, 624 * WAD);", ""),
                                              ("MkrSkyLike(MKR_SKY).mkrToSky(address(this), 624 * WAD);", "")],
     "MKR -> SKY conversion: 624 MKR of the PauseProxy"),
    ("direct conversion one MKR wei short", SKY_DIRECT, [("mkrToSky(usr, mkrWad);", "mkrToSky(usr, mkrWad - 1);")],
     "SKY transfer: 330,000 SKY to BLUE"),
    # Issue 24: transfers of the PauseProxy's holdings, the amount read at the cast.
    ("SKY kept back 15,000,000, not 16,000,000", PROXY, [("- 16_000_000 * WAD)", "- 15_000_000 * WAD)")],
     "PauseProxy transfer: all SKY but 16,000,000 to SKY_FRONTIER_FOUNDATION"),
    ("all MKR sent, none kept back", PROXY, [("GemAbstract(MKR).balanceOf(address(this)) - 1_000 * WAD)",
                                             "GemAbstract(MKR).balanceOf(address(this)))")],
     "PauseProxy transfer: all MKR but 1,000 to ECOSYSTEM"),
    ("SPK to another recipient", PROXY, [("GemAbstract(SPK).transfer(ECOSYSTEM,",
                                          "GemAbstract(SPK).transfer(FORTIFICATION_FOUNDATION,")],
     "PauseProxy transfer: 1,000,000.5 SPK to ECOSYSTEM"),
    ("all ETH sent, none kept back", PROXY, [("value: address(this).balance - 0.25 ether }", "value: address(this).balance }")],
     "PauseProxy transfer: all ETH but 0.25 to SKY_FRONTIER_FOUNDATION"),
    ("ETH to another recipient", PROXY, [("payable(SKY_FRONTIER_FOUNDATION).call", "payable(ECOSYSTEM).call")],
     "PauseProxy transfer: all ETH but 0.25 to SKY_FRONTIER_FOUNDATION"),
    ("a cent more SKY burnt", PROXY, [("burn(address(this), 6_292_860.23 ether)", "burn(address(this), 6_292_860.24 ether)")],
     "burn: 6,292,860.23 SKY of the PauseProxy"),
    ("SPK burnt but 3,999,999,999", PROXY, [("- 4_000_000_000 * WAD)", "- 3_999_999_999 * WAD)")],
     "burn: all SPK but 4,000,000,000 of the PauseProxy"),
    # Issue 24: the conditional cap raise.
    ("raise_only cap filed without its condition", CAP_KEPT,
     [("if (newCap > VestAbstract(MCD_VEST_SKY_TREASURY).cap()) {", "if (newCap > 0) {")],
     "cap: MCD_VEST_SKY_TREASURY raised only if"),
    ("raise_only cap condition inverted", CAP_KEPT,
     [("if (newCap > VestAbstract(MCD_VEST_SKY_TREASURY).cap()) {",
       "if (newCap < VestAbstract(MCD_VEST_SKY_TREASURY).cap()) {")],
     "cap: MCD_VEST_SKY_TREASURY raised only if"),
    ("raise_only cap above the stated one", CAP_FILED,
     [("uint256 newCap = 1_100_000_000 * WAD / 180 days;", "uint256 newCap = 1_200_000_000 * WAD / 180 days;")],
     "cap: MCD_VEST_SKY_TREASURY raised only if"),
    # Issue 24: the allowance adjusted relative to the current one.
    ("adjusted allowance without the new stream's total", FEB26,
     [("uint256 allowance = pallowance - yallowance + 838_182_330 * WAD;", "uint256 allowance = pallowance - yallowance;")],
     "allowance: PauseProxy SKY to MCD_VEST_SKY_TREASURY less what award 8"),
    ("adjusted allowance less another award's remainder", FEB26,
     [("VestAbstract(MCD_VEST_SKY_TREASURY).tot(8);", "VestAbstract(MCD_VEST_SKY_TREASURY).tot(7);"),
      ("VestAbstract(MCD_VEST_SKY_TREASURY).rxd(8);", "VestAbstract(MCD_VEST_SKY_TREASURY).rxd(7);")],
     "allowance: PauseProxy SKY to MCD_VEST_SKY_TREASURY less what award 8"),
    ("adjusted allowance set to the new stream's total only", FEB26,
     [("GemAbstract(SKY).approve(MCD_VEST_SKY_TREASURY, allowance);",
       "GemAbstract(SKY).approve(MCD_VEST_SKY_TREASURY, 838_182_330 * WAD);")],
     "allowance: PauseProxy SKY to MCD_VEST_SKY_TREASURY less what award 8"),
    # Issue 24: allocator payments.
    ("allocator payment rounded down", MAY26, [("uint256 dart = ((wad * RAY - 1) / rate) + 1;",
                                                "uint256 dart = (wad * RAY) / rate;")], BLOOM_PAID),
    ("allocator payment from another vault", MAY26, [("_takeAllocatorPayment(ALLOCATOR_BLOOM_A_VAULT, 9_385_986 * WAD);",
                                                      "_takeAllocatorPayment(ALLOCATOR_OBEX_A_VAULT, 9_385_986 * WAD);")],
     BLOOM_PAID),
    ("allocator payment at the rate before drip", MAY26,
     [("uint256 rate = JugAbstract(MCD_JUG).drip(ilk);",
       "JugAbstract(MCD_JUG).drip(ilk); uint256 rate = 10 ** 27;")], BLOOM_PAID),
    ("allocator payment's dai sent to the PauseProxy", MAY26,
     [("VatAbstract(MCD_VAT).suck(MCD_VOW, MCD_VOW, dart * rate);",
       "VatAbstract(MCD_VAT).suck(MCD_VOW, address(this), dart * rate);")], "surplus buffer: vat.dai(MCD_VOW)"),
    # Issue 24: the Uniswap V2 withdrawal.
    ("Uniswap V2 withdrawal kept in SKY's reserve", FEB21_UNIV2,
     [("(, uint256 usdsReserve,) = UniV2PoolLike(pair).getReserves();",
       "(uint256 usdsReserve,,) = UniV2PoolLike(pair).getReserves();")], UNIV2_WITHDRAWN),
    ("manager missing", TREASURY, [("STREAM_MANAGER             // mgr", "address(0)                 // mgr")],
     "stream: 1,500.75 MKR to ECOSYSTEM"),
]


def mutate(source: str, edits: list[tuple[str, str]]) -> str:
    for old, new in edits:
        assert source.count(old) >= 1, f"the mutation target {old!r} is not in the rendered spell"
        source = source.replace(old, new, 1)
    return source


@pytest.fixture(autouse=True)
def no_fork_url(monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)


@pytest.fixture(scope="module")
def batches() -> Batches:
    """The mutants compiled in chunks, one standard-JSON input each: every test's own compile (in
    `spellgen verify`) is then read from the compile cache. Each mutant is still cast and checked."""
    return Batches(lambda: mutant_requests(MUTANTS, mutate))


def test_enough_mutants_per_example():
    per_spec = {spec: sum(1 for m in MUTANTS if m[1] == spec) for spec in (JAN, DEC)}
    assert min(per_spec.values()) >= 10, per_spec


def test_unmutated_render_verifies(tmp_path, capsys):
    spell_file = tmp_path / "DssSpell.sol"
    spell_file.write_text(render(load_spell(DEC), DEC.name))
    assert cli.main(["verify", str(DEC), "--spell", str(spell_file), "--report-dir", str(tmp_path)]) == 0


@pytest.mark.parametrize("name, spec, edits, item", MUTANTS, ids=[f"{m[1].stem}: {m[0]}" for m in MUTANTS])
def test_mutant_fails_and_names_the_item(name, spec, edits, item, tmp_path, capsys, batches):
    batches.compiled(MUTANTS.index((name, spec, edits, item)))
    source = mutate(render(load_spell(spec), spec.name), edits)
    spell_file = tmp_path / "DssSpell.sol"
    spell_file.write_text(source)
    code = cli.main(["verify", str(spec), "--spell", str(spell_file), "--report-dir", str(tmp_path)])
    out = capsys.readouterr().out
    failed = [line for line in out.splitlines() if line.startswith("FAIL")]
    assert code == 1, f"{name}: verify exited {code}, not 1\n{out}"
    # A mutant that reverts fails every item; it must be caught by what it changed, not by reverting.
    assert NOT_CAST not in out and "cast gas at most" in out, f"{name}: the mutated spell was not cast\n{out}"
    assert any(item in line for line in failed), f"{name}: no FAIL line names {item!r}\n{out}"


def test_a_reverting_cast_fails_every_item_with_the_real_reason(tmp_path, capsys):
    """More MKR than the treasury holds: the PauseProxy hides the cause; the report must not."""
    source = mutate(render(load_spell(DEC), DEC.name), [("257.31 ether", "900_000 ether")])
    spell_file = tmp_path / "DssSpell.sol"
    spell_file.write_text(source)
    code = cli.main(["verify", str(DEC), "--spell", str(spell_file), "--report-dir", str(tmp_path)])
    out = capsys.readouterr().out
    assert_violation(code, out, exit_code=1, message="re:FAIL  the spell is deployed, elected, scheduled and cast\n.*"
                                                     "execution reverted")
    # Mainnet's MKR (the ds-token of 2017, as the twin's) reverts without a reason: the innermost
    # frame's bare revert is reported, not the PauseProxy's message alone.
    assert "execution reverted (reported as ds-pause-delegatecall-error)" in out
    assert f"FAIL  {MKR_DEC}" in out
