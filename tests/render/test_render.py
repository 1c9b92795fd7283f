"""Rendering: golden files for review, plus facts about the output checked against the YAML model."""
import dataclasses
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from spellgen.spellfile.parse import load_spell
from spellgen.render.spell import render

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
GOLDEN = Path(__file__).resolve().parents[1] / "golden"
TARGETS = ["0.6.12", "0.8.16"]
UPDATE = os.environ.get("SPELLGEN_UPDATE_GOLDEN") == "1"


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text)
    assert path.exists(), f"missing golden file {path}; run with SPELLGEN_UPDATE_GOLDEN=1 and review it"
    assert text == path.read_text(), f"{name} changed; review the diff and update with SPELLGEN_UPDATE_GOLDEN=1"


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("solc", TARGETS)
def test_full_spell_golden(example, solc):
    spell = dataclasses.replace(load_spell(example), solc=solc)
    _golden(f"{example.stem}@{solc}.sol", render(spell, example.name))


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_section_golden(example):
    _golden(f"{example.stem}.section.sol", render(load_spell(example), example.name, section_only=True))


def constants(source: str) -> dict[str, int]:
    return {m[1]: int(m[2]) for m in re.finditer(r"uint256 internal constant (\w+) = (\d+);", source)}


def test_techops_dates_match_the_cast_spell():
    """The January 2022 stream ran from 2022-02-01 00:00:00 UTC to 2023-01-31 00:00:00 UTC (spec section 1)."""
    source = render(load_spell(ROOT / "examples/techops-2022-01-28.yaml"), "x.yaml")
    values = constants(source)
    assert values["FEB_01_2022"] == 1643673600
    assert values["JAN_31_2023"] == 1675123200
    assert "JAN_31_2023 - FEB_01_2022, // tau: 364 days" in source
    assert "2_486_400 * WAD," in source
    assert "DssExecLib.sendPaymentFromSurplusBuffer(TECH_001, 1_069_250);" in source
    assert "address internal constant TECH_001 = 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B;" in source
    assert "pragma solidity 0.6.12;" in source and ") public {}" in source
    assert "return false;" in source  # office hours off


def test_mkr_transfer_keeps_the_exact_decimals():
    source = render(load_spell(ROOT / "examples/techops-2022-12-09.yaml"), "x.yaml")
    assert "MKR.transfer(TECH_001, 257.31 ether); // Note: ether is a keyword helper" in source
    assert "// TECH_001 - 257.31 MKR - 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B" in source
    assert "pragma solidity 0.8.16;" in source and "public {}" not in source


def test_comment_and_code_agree_on_every_amount(tmp_path):
    """The 62.51-vs-62.50 trap: the comment above each transfer states the amount the code moves."""
    text = (ROOT / "examples/techops-2022-12-09.yaml").read_text().replace("257.31", "62.5")
    spec = tmp_path / "s.yaml"
    spec.write_text(text.replace("mkr_transferred: 62.5", "mkr_transferred: 62.50"))
    source = render(load_spell(spec), "s.yaml")
    comment = re.search(r"// TECH_001 - ([\d.,]+) MKR", source)[1]
    code = re.search(r"MKR\.transfer\(TECH_001, ([\d._]+) ether\)", source)[1]
    assert comment == code == "62.50"


def test_same_input_same_bytes_across_hash_seeds_and_time_zones():
    script = ("import sys; from pathlib import Path; from spellgen.spellfile.parse import load_spell; "
              "from spellgen.render.spell import render; "
              "sys.stdout.write(render(load_spell(Path('examples/techops-2022-01-28.yaml')), 'a.yaml'))")
    outputs = set()
    for seed, tz, lang in (("0", "UTC", "C"), ("123", "Asia/Tokyo", "de_DE.UTF-8"), ("random", "America/Lima", "C")):
        env = dict(os.environ, PYTHONHASHSEED=seed, TZ=tz, LANG=lang, LC_ALL=lang)
        outputs.add(subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True,
                                   text=True, check=True).stdout)
    assert len(outputs) == 1


def test_description_quotes_and_backslashes_are_escaped():
    spell = load_spell(ROOT / "examples/techops-2022-12-09.yaml")
    source = render(dataclasses.replace(spell, description='a "q" and \\ b'), "x.yaml")
    assert r'"a \"q\" and \\ b";' in source


def _render_actions(tmp_path, actions: str, date: str = "2026-03-26") -> str:
    spec = tmp_path / "s.yaml"
    spec.write_text(f"""spell:
  date: {date}
  description: "{date} MakerDAO Executive Spell | Hash: 0x{'0' * 64}"
  office_hours: true
wallets:
  BLUE: 0xb6C09680D822F162449cdFB8248a7D3FC26Ec9Bf
sections:
  - title: Budgets
    actions:
{actions}""")
    return render(load_spell(spec), "s.yaml")


def test_the_dai_and_mkr_era_spells_carry_no_sky_era_helper():
    for example in ("techops-2022-01-28", "techops-2022-12-09", "every-action"):
        source = render(load_spell(ROOT / f"examples/{example}.yaml"), "x.yaml")
        assert "_transferUsds" not in source and "_owed" not in source and "interface DaiUsdsLike" not in source


def test_owed_allowance_adds_only_the_streams_created_after_it(tmp_path):
    """`_owed` reads the vest at that point of the spell: a stream created before is already in it."""
    stream = """      - {type: stream, vest: MCD_VEST_SKY_TREASURY, to: BLUE, total: %s, start: cast, duration: 365 days}
"""
    source = _render_actions(tmp_path, stream % "1_000" + "      - {type: allowance, vest: MCD_VEST_SKY_TREASURY, "
                             "set: owed}\n" + stream % "2_000")
    assert "GemAbstract(SKY).approve(MCD_VEST_SKY_TREASURY, _owed(MCD_VEST_SKY_TREASURY) + 2_000 * WAD);" in source
    assert "owed += VestAbstract(vest).tot(id) - VestAbstract(vest).rxd(id);" in source  # the 2026 style


def test_usds_payment_comment_and_code_agree_and_the_helper_is_the_house_one(tmp_path):
    source = _render_actions(tmp_path, "      - {type: usds_payment, to: BLUE, amount: 678_176}\n")
    assert ("// Transfer 678,176 USDS from the Surplus Buffer to BLUE (0xb6C09680D822F162449cdFB8248a7D3FC26Ec9Bf)\n"
            "        _transferUsds(BLUE, 678_176 * WAD);") in source
    helper = source[source.index("function _transferUsds"):]
    assert helper.splitlines()[1:5] == [
        '        require(wad % WAD == 0, "transferUsds/non-integer-wad");',
        "        DssExecLib.sendPaymentFromSurplusBuffer(address(this), wad / WAD);",
        "        GemAbstract(DAI).approve(DAI_USDS, wad);",  # a 2026 spell: DAI is an address
        "        DaiUsdsLike(DAI_USDS).daiToUsds(usr, wad);"]
    assert 'address internal immutable DAI_USDS = DssExecLib.getChangelogAddress("DAI_USDS");' in source
    assert "address internal immutable DAI      = DssExecLib.dai();" in source


def test_sky_from_mkr_renders_the_round_up_and_the_rate(tmp_path):
    source = _render_actions(tmp_path, "      - {type: sky_transfer, to: BLUE, amount: 100_000.01, from: mkr}\n",
                             "2025-03-06")
    assert "(converted from 4.166667083333333334 MKR, rounded up)" in source
    assert 'uint256 internal immutable MKR_SKY_RATE = MkrSkyLike(DssExecLib.getChangelogAddress("MKR_SKY")).rate();' \
        in source
    assert "        if (wad % MKR_SKY_RATE != 0) {\n            mkrWad++;" in source
    assert "MkrSkyLike(MKR_SKY).mkrToSky(address(this), mkrWad);\n        SKY.transfer(usr, wad);" in source
    direct = _render_actions(tmp_path, "      - {type: sky_transfer, to: BLUE, amount: 330_000, from: mkr_direct}\n",
                             "2024-11-28")
    assert 'require(wad % MKR_SKY_RATE == 0, "transferSky/non-exact-conversion");' in direct
    assert "MkrSkyLike(MKR_SKY).mkrToSky(usr, mkrWad);" in direct and "SKY.transfer(usr" not in direct
