"""The house style of the spell's date: dss-interfaces, only the called functions, the ether note of
the time, labelled link lines, token immutables as addresses. The goldens show whole spells of both
styles; these pin each rule at its threshold."""
import re

import pytest

from spellgen.render.spell import render
from spellgen.spellfile.parse import load_spell
from spellgen.spellfile.style import NEW_ETHER_NOTE, house_style

BLUE = "0xb6C09680D822F162449cdFB8248a7D3FC26Ec9Bf"


def rendered(tmp_path, date: str, actions: str, links: str = "") -> str:
    spec = tmp_path / f"s-{date}.yaml"
    spec.write_text(f"""spell:
  date: {date}
  description: "{date} MakerDAO Executive Spell | Hash: 0x{'0' * 64}"
  office_hours: true
wallets:
  BLUE: {BLUE}
sections:
  - title: Budgets
{links}    actions:
{actions}""")
    return render(load_spell(spec), spec.name)


def interfaces(source: str) -> dict[str, list[str]]:
    """Each local interface with the names of the functions it declares."""
    return {m[1]: re.findall(r"function (\w+)\(", m[2])
            for m in re.finditer(r"^interface (\w+) \{\n(.*?)^\}", source, re.MULTILINE | re.DOTALL)}


def imports(source: str) -> list[str]:
    return re.findall(r'^import \{ (\w+) \} from "dss-interfaces/[\w/]+\.sol";$', source, re.MULTILINE)


OLD_NOTE = "Note: ether is a keyword helper, only MKR is transferred here"


@pytest.mark.parametrize("date, labelled, dss, https_only, addresses, note", [
    ("2023-03-28", False, False, False, False, OLD_NOTE),
    ("2023-03-29", True, False, False, False, OLD_NOTE),
    ("2023-11-28", True, False, False, False, OLD_NOTE),
    ("2023-11-29", True, True, False, False, OLD_NOTE),
    ("2024-08-12", True, True, True, False, OLD_NOTE),
    ("2025-06-25", True, True, True, False, OLD_NOTE),
    ("2025-06-26", True, True, True, True, OLD_NOTE),
    ("2025-10-06", True, True, True, True, NEW_ETHER_NOTE),
])
def test_the_style_changes_at_the_archived_thresholds(date, labelled, dss, https_only, addresses, note):
    style = house_style(date)
    assert (style.labelled_links, style.dss_interfaces, style.called_functions_only, style.https_links_only,
            style.address_tokens) == (labelled, dss, dss, https_only, addresses)
    assert style.note("MKR") == note


STREAM_AND_YANK = """      - {type: stream, vest: MCD_VEST_MKR_TREASURY, to: BLUE, total: 240, start: 2023-12-01, end: 2024-11-30}
      - {type: yank, vest: MCD_VEST_MKR_TREASURY, id: 3}
      - {type: mkr_transfer, to: BLUE, amount: 240}
"""


def test_before_2023_11_29_the_fixed_local_interfaces_stay(tmp_path):
    source = rendered(tmp_path, "2023-11-28", STREAM_AND_YANK)
    assert imports(source) == []
    assert interfaces(source) == {"VestLike": ["create", "restrict", "yank", "yank", "file"],
                                  "GemLike": ["transfer", "approve", "allowance"]}
    assert "VestLike(MCD_VEST_MKR_TREASURY).yank(3);" in source
    assert "GemLike internal immutable MKR" in source


def test_from_2023_11_29_vest_and_token_interfaces_are_imported(tmp_path):
    source = rendered(tmp_path, "2023-11-29", STREAM_AND_YANK)
    assert imports(source) == ["GemAbstract", "VestAbstract"]
    assert interfaces(source) == {}
    assert "VestAbstract(MCD_VEST_MKR_TREASURY).restrict(\n            VestAbstract(MCD_VEST_MKR_TREASURY).create(" \
        in source
    assert "VestAbstract(MCD_VEST_MKR_TREASURY).yank(3);" in source
    assert re.search(r"GemAbstract internal immutable MKR += GemAbstract\(DssExecLib.mkr\(\)\);", source)
    assert "VestLike" not in source and "GemLike" not in source


def test_only_what_is_used_is_imported(tmp_path):
    source = rendered(tmp_path, "2026-01-15", "      - {type: mkr_transfer, to: BLUE, amount: 13.75}\n")
    assert imports(source) == ["GemAbstract"]


def test_a_local_interface_declares_only_the_functions_called(tmp_path):
    """The 2025-01-23 treasury conversion calls mkrToSky only; rate() is read for the MKR-era transfers."""
    conversion = rendered(tmp_path, "2025-01-23", "      - {type: mkr_to_sky, amount: 624}\n")
    assert interfaces(conversion) == {"MkrSkyLike": ["mkrToSky"]}
    transfer = rendered(tmp_path, "2025-03-06", "      - {type: sky_transfer, to: BLUE, amount: 330_000, from: mkr}\n")
    assert interfaces(transfer) == {"MkrSkyLike": ["mkrToSky", "rate"]}
    old = rendered(tmp_path, "2023-08-02", "      - {type: mkr_transfer, to: BLUE, amount: 1}\n")
    assert "interface MkrSkyLike" not in old


def test_the_ether_note_of_the_date_on_the_line_of_the_amount(tmp_path):
    action = "      - {type: sky_transfer, to: BLUE, amount: 330_000.25}\n"
    new = rendered(tmp_path, "2025-10-06", action)
    assert f"GemAbstract(SKY).transfer(BLUE, 330_000.25 ether); // {NEW_ETHER_NOTE}\n" in new
    old = rendered(tmp_path, "2025-09-18", action)
    assert "GemAbstract(SKY).transfer(BLUE, 330_000.25 ether); // Note: ether is a keyword helper, only SKY is " \
        "transferred here\n" in old


def test_amounts_as_the_spells_of_the_date_wrote_them(tmp_path):
    """MKR in `ether` with two decimals (no checked multiplication at the cast); whole stream totals `N * WAD`."""
    source = rendered(tmp_path, "2026-01-15", """      - {type: mkr_transfer, to: BLUE, amount: 240}
      - {type: stream, vest: MCD_VEST_SKY_TREASURY, to: BLUE, total: 68_379_376, start: cast, duration: 182 days}
""")
    assert f"GemAbstract(MKR).transfer(BLUE, 240.00 ether); // {NEW_ETHER_NOTE}" in source
    assert "68_379_376 * WAD, // tot" in source


def test_link_prefixes_come_from_the_urls(tmp_path):
    links = ("    links:\n      forum: https://forum.sky.money/t/x/1\n      poll: https://vote.sky.money/polling/QmYm\n"
             "      executive_vote: https://vote.sky.money/executive/template\n      atlas: https://sky-atlas.io/#A.1.5\n")
    source = rendered(tmp_path, "2026-01-15", "      - {type: mkr_transfer, to: BLUE, amount: 1}\n", links)
    assert ("        // Forum: https://forum.sky.money/t/x/1\n        // Poll: https://vote.sky.money/polling/QmYm\n"
            "        // Executive Vote: https://vote.sky.money/executive/template\n"
            "        // Atlas: https://sky-atlas.io/#A.1.5\n") in source


TOKENS = """      - {type: sky_transfer, to: BLUE, amount: 1_000}
      - {type: usds_payment, to: BLUE, amount: 10}
      - {type: allowance, vest: MCD_VEST_SKY_TREASURY, increase: 500}
"""


def test_until_2025_06_26_token_immutables_are_typed_and_called_by_name(tmp_path):
    source = rendered(tmp_path, "2025-06-25", TOKENS)
    assert re.search(r"GemAbstract internal immutable SKY += GemAbstract\(DssExecLib.getChangelogAddress\(\"SKY\"\)\);",
                     source)
    assert re.search(r"GemAbstract internal immutable DAI += GemAbstract\(DssExecLib.dai\(\)\);", source)
    assert "        SKY.transfer(BLUE, 1_000 * WAD);\n" in source
    assert "SKY.approve(MCD_VEST_SKY_TREASURY, SKY.allowance(address(this), MCD_VEST_SKY_TREASURY) + 500 * WAD);" \
        in source
    assert "        DAI.approve(DAI_USDS, wad);\n" in source


def test_from_2025_06_26_token_immutables_are_addresses_cast_at_each_call(tmp_path):
    source = rendered(tmp_path, "2025-06-26", TOKENS)
    assert re.search(r"address internal immutable SKY += DssExecLib.getChangelogAddress\(\"SKY\"\);", source)
    assert re.search(r"address internal immutable DAI += DssExecLib.dai\(\);", source)
    assert "GemAbstract internal immutable" not in source
    assert "        GemAbstract(SKY).transfer(BLUE, 1_000 * WAD);\n" in source
    assert ("GemAbstract(SKY).approve(MCD_VEST_SKY_TREASURY, GemAbstract(SKY).allowance(address(this), "
            "MCD_VEST_SKY_TREASURY) + 500 * WAD);") in source
    assert "        GemAbstract(DAI).approve(DAI_USDS, wad);\n" in source
    assert imports(source) == ["GemAbstract"]  # the casts need it; the immutables no longer do


MIP_LINKS = ("    links:\n      forum: https://forum.makerdao.com/t/x/1\n"
             "      poll: https://vote.makerdao.com/polling/QmYm\n      mip: MIP40c3-SP53\n")


def test_before_2023_03_29_link_lines_are_bare_urls_and_a_mip_its_portal_page(tmp_path):
    source = rendered(tmp_path, "2023-03-28", "      - {type: mkr_transfer, to: BLUE, amount: 1}\n", MIP_LINKS)
    assert ("        // https://forum.makerdao.com/t/x/1\n        // https://vote.makerdao.com/polling/QmYm\n"
            "        // https://mips.makerdao.com/mips/details/MIP40c3SP53\n") in source
    assert "// Forum:" not in source and "// MIP:" not in source


def test_from_2023_03_29_link_lines_are_labelled(tmp_path):
    source = rendered(tmp_path, "2023-03-29", "      - {type: mkr_transfer, to: BLUE, amount: 1}\n", MIP_LINKS)
    assert ("        // Forum: https://forum.makerdao.com/t/x/1\n"
            "        // Poll: https://vote.makerdao.com/polling/QmYm\n        // MIP: MIP40c3-SP53\n") in source
