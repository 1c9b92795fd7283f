"""Hand-made mutants of rendered spells: `spellgen verify` must fail each one and name the item.

Each mutant is a realistic slip in a spell written by hand (an amount off by one unit, a wrong
recipient, a missing restrict, ...). The YAML is unchanged, so the expected values are the same;
only the chain's behaviour differs.
"""
from pathlib import Path

import pytest

from spellgen.cli import main as cli
from spellgen.spec.parse import load_spell
from spellgen.render.spell import render

ROOT = Path(__file__).resolve().parents[2]
OTHER = "0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2"

JAN = ROOT / "examples/techops-2022-01-28.yaml"
DEC = ROOT / "examples/techops-2022-12-09.yaml"
TREASURY = ROOT / "tests/specs/treasury-2023-08-02.yaml"
SKY_SPEC = ROOT / "tests/specs/usds-sky-2025-03-01.yaml"

STREAM_JAN = "stream: 2,486,400 DAI to TECH_001"
PAY_JAN = "DAI payment: 1,069,250 DAI to TECH_001"
MKR_DEC = "MKR transfer: 257.31 MKR to TECH_001"
EVENTS = "nothing else"

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
    ("restrict missing", JAN, [("VestLike(MCD_VEST_DAI_LEGACY).restrict(", "uint256(")], STREAM_JAN),
    ("eta changed", JAN, [("0,                         // eta", "1 days,                    // eta")],
     STREAM_JAN),
    ("stream on the wrong vest", JAN, [('getChangelogAddress("MCD_VEST_DAI_LEGACY")',
                                       'getChangelogAddress("MCD_VEST_DAI")')], "new awards on MCD_VEST_DAI_LEGACY"),
    ("an extra stream", JAN, [("        );\n    }\n}", "        );\n        VestLike(MCD_VEST_DAI_LEGACY).create("
                                                     "TECH_001, 1 * WAD, FEB_01_2022, 30 days, 0, address(0));\n"
                                                     "    }\n}")], "new awards on MCD_VEST_DAI_LEGACY"),
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
    ("yank missing", TREASURY, [("VestLike(MCD_VEST_DAI).yank(39);", "")], "yank: award 39 on MCD_VEST_DAI"),
    ("wrong award yanked", TREASURY, [("VestLike(MCD_VEST_DAI).yank(39);", "VestLike(MCD_VEST_DAI).yank(38);")],
     "yank: award 39 on MCD_VEST_DAI"),
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


def test_enough_mutants_per_example():
    per_spec = {spec: sum(1 for m in MUTANTS if m[1] == spec) for spec in (JAN, DEC)}
    assert min(per_spec.values()) >= 10, per_spec


def test_unmutated_render_verifies(tmp_path, capsys):
    spell_file = tmp_path / "DssSpell.sol"
    spell_file.write_text(render(load_spell(DEC), DEC.name))
    assert cli.main(["verify", str(DEC), "--spell", str(spell_file), "--report-dir", str(tmp_path)]) == 0


@pytest.mark.parametrize("name, spec, edits, item", MUTANTS, ids=[f"{m[1].stem}: {m[0]}" for m in MUTANTS])
def test_mutant_fails_and_names_the_item(name, spec, edits, item, tmp_path, capsys):
    source = mutate(render(load_spell(spec), spec.name), edits)
    spell_file = tmp_path / "DssSpell.sol"
    spell_file.write_text(source)
    code = cli.main(["verify", str(spec), "--spell", str(spell_file), "--report-dir", str(tmp_path)])
    out = capsys.readouterr().out
    failed = [line for line in out.splitlines() if line.startswith("FAIL")]
    assert code == 1, f"{name}: verify exited {code}, not 1\n{out}"
    assert any(item in line for line in failed), f"{name}: no FAIL line names {item!r}\n{out}"


def test_a_reverting_cast_fails_every_item_with_the_real_reason(tmp_path, capsys):
    """More MKR than the treasury holds: the PauseProxy hides the cause; the report must not."""
    source = mutate(render(load_spell(DEC), DEC.name), [("257.31 ether", "900_000 ether")])
    spell_file = tmp_path / "DssSpell.sol"
    spell_file.write_text(source)
    assert cli.main(["verify", str(DEC), "--spell", str(spell_file), "--report-dir", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    # Mainnet's MKR (the ds-token of 2017, as the twin's) reverts without a reason: the innermost
    # frame's bare revert is reported, not the PauseProxy's message alone.
    assert "execution reverted (reported as ds-pause-delegatecall-error)" in out
    assert f"FAIL  {MKR_DEC}" in out
