"""verify reads the spell's source: comments, date constants and ether notes must agree with the code."""
from pathlib import Path

import pytest

from spellgen.cli import main as cli
from spellgen.render.spell import render
from spellgen.spellfile.parse import load_spell
from spellgen.verify.source import review_source

ROOT = Path(__file__).resolve().parents[2]
DEC = ROOT / "examples/techops-2022-12-09.yaml"
JAN = ROOT / "examples/techops-2022-01-28.yaml"
JAN26 = ROOT / "examples/sky-2026-01-15.yaml"
EVERY26 = ROOT / "examples/every-action-2026.yaml"
SPECS = [JAN, DEC, ROOT / "examples/every-action.yaml", ROOT / "tests/spells/treasury-2023-08-02.yaml",
         # the MKR-era SKY conversions hold MKR_SKY.rate() as an immutable, as the archive did
         ROOT / "tests/spells/sky-mkr-2025-03-06.yaml", ROOT / "tests/spells/sky-direct-2024-11-28.yaml",
         ROOT / "examples/every-action-2026.yaml", *sorted(ROOT.glob("examples/*-202[56]-*.yaml"))]


@pytest.mark.parametrize("spec", SPECS, ids=lambda p: p.stem)
def test_rendered_spells_have_no_findings(spec):
    assert review_source(render(load_spell(spec), spec.name)) == []


def test_the_hand_written_spell_has_no_findings():
    findings = review_source((ROOT / "tests/handwritten/treasury-2023-08-02.sol").read_text())
    assert [f for f in findings if not f.warning] == []
    # It names its vests VEST_DAI, ...: a warning (R:327 allows archive patterns), not a failure.
    assert [f.line for f in findings] == [23, 24, 25] and all("name the variable after its key" in f.problem
                                                              for f in findings)


def finding_lines(source: str) -> list[tuple[int, str]]:
    return [(f.line, f.problem) for f in review_source(source)]


SLIPS = [
    ("a comment saying 300 MKR above a transfer of 257.31", DEC, ("- 257.31 MKR -", "- 300 MKR -"),
     "the comment says 300 MKR, the code below does not"),
    ("a comment naming another address", DEC, ("- 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B", "- 0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2"),
     "the comment names 0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2"),
    ("a date constant one hour off into the day before", JAN, ("FEB_01_2022 = 1643673600", "FEB_01_2022 = 1643670000"),
     "FEB_01_2022 = 1643670000 is 2022-01-31 23:00:00 UTC, not 2022-02-01"),
    # The ether note (from 2024-01-25) and two decimals (from 2023-10-25) judge spells of those dates on:
    # a 2026 spell here; test_each_rule_applies_from_its_date shows a 2022 spell without them passes.
    ("the ether note missing", EVERY26, ("; // Note: ether is a keyword that represents 10**18, not the ETH token", ";"),
     "`ether` used for a token amount without the same-line note"),
    ("a superseded ether note", EVERY26, ("// Note: ether is a keyword that represents 10**18, not the ETH token",
                                          "// Note: ether is a keyword helper, only SKY is transferred here"),
     "the ether note is superseded: spells from 2025-10-06 write"),
    ("one decimal where the style asks two", EVERY26, ("330_000.25 ether", "330_000.2 ether"),
     "330_000.2 ether: write token amounts with two decimals"),
    ("a poll under the prefix of a forum post", JAN26, ("// Forum: https://forum.sky.money/t/atlas-edit",
                                                        "// Poll: https://forum.sky.money/t/atlas-edit"),
     "links to a forum post, not to a poll: prefix it `// Forum:`"),
    ("an http link", JAN26, ("// Poll: https://vote.sky.money/polling/QmYmaVVc", "// Poll: http://vote.sky.money/polling/QmYmaVVc"),
     "http://vote.sky.money/polling/QmYmaVVc is not an https link"),
    ("an http link in the bare form of 2022", JAN, ("// https://forum.makerdao.com/t/mip40c3-sp53",
                                                    "// http://forum.makerdao.com/t/mip40c3-sp53"),
     "http://forum.makerdao.com/t/mip40c3-sp53-techops-core-unit-dai-budget is not an https link"),
]


@pytest.mark.parametrize("name, spec, edit, problem", SLIPS, ids=[s[0] for s in SLIPS])
def test_each_slip_is_found_on_its_line(name, spec, edit, problem):
    source = render(load_spell(spec), spec.name)
    assert edit[0] in source, edit[0]
    mutated = source.replace(edit[0], edit[1], 1)
    found = finding_lines(mutated)
    assert any(problem in text for _, text in found), found
    edited_line = next(i for i, line in enumerate(mutated.splitlines(), 1) if edit[1] and edit[1] in line) \
        if edit[1] not in (";",) else None
    if edited_line:
        assert any(line in (edited_line, edited_line + 1) for line, text in found if problem in text), found


def test_verify_fails_a_spell_whose_comment_disagrees_and_names_the_line(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)
    source = render(load_spell(DEC), DEC.name).replace("- 257.31 MKR -", "- 300 MKR -", 1)
    spell = tmp_path / "DssSpell.sol"
    spell.write_text(source)
    assert cli.main(["verify", str(DEC), "--spell", str(spell), "--report-dir", str(tmp_path / "out")]) == 1
    out = capsys.readouterr().out
    line = next(i for i, text in enumerate(source.splitlines(), 1) if "- 300 MKR -" in text)
    assert f"FAIL  source DssSpell.sol:{line}: the comment says 300 MKR" in out
    assert "PASS  MKR transfer: 257.31 MKR to TECH_001" in out  # the chain did what the YAML says


@pytest.mark.parametrize("spec", [JAN, DEC, ROOT / "examples/sky-2026-01-15.yaml"], ids=lambda p: p.stem)
def test_the_hash_comment_must_fetch_the_yamls_executive_document(spec):
    spell = load_spell(spec)
    url = spell.exec_doc.url
    source = render(spell, spec.name)
    assert review_source(source, url) == []
    line = next(n for n, text in enumerate(source.splitlines(), 1) if "// Hash: cast keccak" in text)
    other = url.replace(url.split("/")[5], "0" * 40)  # another commit of the document
    assert [(f.line, f.problem) for f in review_source(source.replace(url, other), url)] == [
        (line, f"the hash comment fetches {other}, but the YAML's executive document is {url}")]
    without = "\n".join(text for text in source.splitlines() if "// Hash: cast keccak" not in text)
    [missing] = review_source(without, url)
    assert missing.line == line and "no `// Hash: cast keccak" in missing.problem
    # A 2022 hand-written form (seth, the URL unquoted) is read too.
    seth = source.replace(f"cast keccak -- \"$(wget '{url}' -q", f"seth keccak -- \"$(wget {url} -q")
    assert review_source(seth, url) == []


# Variable declarations (checklist R:64-94, R:323-327): each edit of a rendered spell, the finding, and
# whether it fails (True) or warns (False).
VARIABLE_SLIPS = [
    ("a wallet without a visibility", JAN, ("address internal constant TECH_001", "address constant TECH_001"),
     "DssSpellAction.TECH_001 is declared without a visibility", True),
    ("a private wallet", JAN, ("address internal constant TECH_001", "address private constant TECH_001"),
     "DssSpellAction.TECH_001 is declared private", True),
    ("a static address held as immutable", JAN, ("address internal constant TECH_001", "address internal immutable TECH_001"),
     "DssSpellAction.TECH_001 is `immutable` but not an address read from the ChainLog", True),
    ("a storage variable in the action", JAN, ("address internal constant TECH_001", "address internal TECH_001"),
     "DssSpellAction.TECH_001 is a storage variable", True),
    ("WAD one digit short", JAN, ("WAD = 10 ** 18;", "WAD = 10 ** 17;"), "DssSpellAction.WAD = 10 ** 17, not 10 ** 18", True),
    ("WAD public", EVERY26, ("uint256 internal constant WAD", "uint256 public constant WAD"),
     "DssSpellAction.WAD: declare precision and math units `internal constant`", True),
    ("a date constant not constant", JAN, ("uint256 internal constant FEB_01_2022", "uint256 internal immutable FEB_01_2022"),
     "DssSpellAction.FEB_01_2022 is `immutable` but not an address read from the ChainLog", True),
    ("a ChainLog read named otherwise", JAN, ("address internal immutable MCD_VEST_DAI = DssExecLib.getChangelogAddress(\"MCD_VEST_DAI\");",
                                              "address internal immutable VEST = DssExecLib.getChangelogAddress(\"MCD_VEST_DAI\");"),
     "DssSpellAction.VEST holds ChainLog key MCD_VEST_DAI: name the variable after its key", False),
    # R:88: the comment states the timestamp's full date and time in UTC (same line, or the line above).
    ("a date comment naming another time", JAN, ("= 1643673600; // 2022-02-01 00:00:00 UTC", "= 1643673600; // 2022-02-01 12:00:00 UTC"),
     "the comment of FEB_01_2022 says 2022-02-01 12:00:00 UTC, its value 1643673600 is 2022-02-01 00:00:00 UTC", True),
    # Required from 2023-12-12 (a 2022 spell may omit it: test_each_rule_applies_from_its_date).
    ("a date constant without its UTC comment", EVERY26, ("APR_01_2026 = 1775001600; // 2026-04-01 00:00:00 UTC", "APR_01_2026 = 1775001600;"),
     "APR_01_2026 has no comment stating its full date in UTC", True),
    # R:401: GNU AGPLv3.
    ("a license other than AGPLv3", JAN, ("SPDX-License-Identifier: AGPL-3.0-or-later", "SPDX-License-Identifier: MIT"),
     "the license is MIT, not GNU AGPLv3", True),
]


@pytest.mark.parametrize("name, spec, edit, problem, fails", VARIABLE_SLIPS, ids=[s[0] for s in VARIABLE_SLIPS])
def test_each_variable_slip_is_found_on_its_line(name, spec, edit, problem, fails):
    source = render(load_spell(spec), spec.name)
    assert edit[0] in source, edit[0]
    mutated = source.replace(edit[0], edit[1], 1)
    if "VEST =" in edit[1]:
        mutated = mutated.replace("VestLike(MCD_VEST_DAI)", "VestLike(VEST)")
    line = next(i for i, text in enumerate(mutated.splitlines(), 1) if edit[1] in text)
    found = [f for f in review_source(mutated) if problem in f.problem]
    assert [(f.line, not f.warning) for f in found] == [(line, fails)], review_source(mutated)


def test_the_date_comment_may_stand_above_the_constant_as_the_spells_repository_writes_it():
    source = ("// SPDX-License-Identifier: AGPL-3.0-or-later\ncontract DssSpellAction {\n"
              "    // 2025-02-01 00:00:00 UTC\n    uint256 internal constant FEB_01_2025 = 1738368000;\n}\n")
    assert finding_lines(source) == []
    assert finding_lines(source.replace("// 2025-02-01 00:00:00 UTC", "// 2025-02-01 00:00:00"))[0][0] == 4


def test_rates_are_named_declared_and_ordered():
    source = """// SPDX-License-Identifier: AGPL-3.0-or-later
contract DssSpellAction is DssAction {
    uint256 internal constant ZERO_PT_SEVEN_FIVE_PCT_RATE = 1000000000236936036262880196;
    uint256 internal constant ONE_PCT_RATE = 1000000000315522921573372069;
    uint256 internal constant HALF_PCT_RATE = 1000000000158153903837946257;
    uint256 constant TWO_PT_FIVE_PCT_RATE = 1000000000782997609082909351;
}
"""
    found = finding_lines(source)
    assert (5, "DssSpellAction.HALF_PCT_RATE: a rate is named `X_PT_Y_Z_PCT_RATE` "
               "(e.g. ZERO_PT_SEVEN_FIVE_PCT_RATE for 0.75%)") in found
    assert (5, "HALF_PCT_RATE is smaller than ONE_PCT_RATE above it: define rates from smallest to largest") in found
    assert (6, "DssSpellAction.TWO_PT_FIVE_PCT_RATE: declare rates `internal constant`") in found
    assert not [f for f in found if f[0] in (3, 4)]


def test_units_are_evaluated_exactly():
    from spellgen.verify.source import _integer

    assert _integer("10 ** 27", {}) == 10 ** 27 and _integer("WAD * 10 ** 9", {"WAD": 10 ** 18}) == 10 ** 27
    assert _integer("1e18", {}) == 10 ** 18 and _integer("1_000", {}) == 1000
    assert _integer("DssExecLib.dai()", {}) is None
    ok = "// SPDX-License-Identifier: AGPL-3.0\ncontract A {\n    uint256 internal constant RAY = WAD * 10 ** 9;\n    uint256 internal constant WAD = 10 ** 18;\n}\n"
    assert finding_lines(ok) == []
    assert finding_lines(ok.replace("10 ** 9", "10 ** 8")) == [(3, "A.RAY = WAD * 10 ** 8, not 10 ** 27")]


def test_rate_values_are_what_make_rates_computes():
    """R:81: the rate a `..._PCT_RATE` name states, digit for digit as bc computes it (values from archive spells)."""
    from decimal import Decimal

    from spellgen.verify.source import percent_of_rate_name, rate_for

    assert rate_for(Decimal("0.25")) == 1000000000079175551708715274  # an exact computation gives ...275
    assert rate_for(Decimal("3.75")) == 1000000001167363430498603315
    assert percent_of_rate_name("FOUR_PT_TWO_FIVE_PCT_RATE") == Decimal("4.25")
    assert percent_of_rate_name("TWENTY_FIVE_PCT_RATE") == 25 and percent_of_rate_name("HALF_PCT_RATE") is None
    source = ("// SPDX-License-Identifier: AGPL-3.0-or-later\ncontract DssSpellAction {\n"
              "    uint256 internal constant ZERO_PT_TWO_FIVE_PCT_RATE = 1000000000079175551708715275;\n}\n")
    assert finding_lines(source) == [(3, "DssSpellAction.ZERO_PT_TWO_FIVE_PCT_RATE = 1000000000079175551708715275 is "
                                         "not the rate of 0.25% (`make rates pct=0.25`: 1000000000079175551708715274)")]


def test_an_immutable_holding_another_call_warns():
    """MKR_SKY_RATE = MkrSkyLike(...MKR_SKY...).rate() is the archive's pattern; any other call warns."""
    source = ("// SPDX-License-Identifier: AGPL-3.0-or-later\ncontract DssSpellAction {\n"
              "    uint256 internal immutable MKR_SKY_RATE = MkrSkyLike(DssExecLib.getChangelogAddress(\"MKR_SKY\")).rate();\n}\n")
    assert review_source(source) == []
    other = review_source(source.replace("MKR_SKY_RATE =", "OTHER_RATE ="))
    assert [(f.line, f.warning) for f in other] == [(3, True)] and "fixed at deployment" in other[0].problem


# Issue 21, case 6: chainlog-key immutables are read against the comments as wallet constants are.
SKY_FEB = ROOT / "examples/sky-2026-02-26.yaml"


def _swapped_subproxies() -> tuple[str, str, dict[str, str]]:
    """The rendered spell, and the same with the SPARK and GROVE SubProxy payments' recipients swapped in
    code only (comments unchanged), and the keys' addresses."""
    spell = load_spell(SKY_FEB)
    source = render(spell, SKY_FEB.name)
    spark, grove = "_transferUsds(SPARK_SUBPROXY,", "_transferUsds(GROVE_SUBPROXY,"
    assert spark in source and grove in source
    swapped = source.replace(spark, "@@").replace(grove, spark).replace("@@", grove)
    return source, swapped, spell.chainlog_parties()


def test_swapped_subproxy_recipients_fail_on_their_comment_lines():
    source, swapped, chainlog = _swapped_subproxies()
    assert review_source(source, chainlog=chainlog) == []
    lines = swapped.splitlines()
    spark_comment = next(i for i, t in enumerate(lines, 1) if "the SPARK_SUBPROXY (" in t)
    grove_comment = next(i for i, t in enumerate(lines, 1) if "the GROVE_SUBPROXY (" in t)
    found = [(f.line, f.problem, f.warning) for f in review_source(swapped, chainlog=chainlog)]
    assert found == [
        (spark_comment, f"the comment names {chainlog['SPARK_SUBPROXY']}, the code below pays "
                        f"{chainlog['GROVE_SUBPROXY']}", False),
        (grove_comment, f"the comment names {chainlog['GROVE_SUBPROXY']}, the code below pays "
                        f"{chainlog['SPARK_SUBPROXY']}", False),
    ]


def test_swapped_subproxy_recipients_fail_the_source_item():
    from spellgen.verify.source import source_results

    _, swapped, chainlog = _swapped_subproxies()
    results = source_results(swapped, "DssSpell.sol", chainlog=chainlog)
    failed = [r for r in results if not r.passed]
    lines = swapped.splitlines()
    comments = [i for i, t in enumerate(lines, 1) if "the SPARK_SUBPROXY (" in t or "the GROVE_SUBPROXY (" in t]
    assert [r.item.split(":")[1] for r in failed] == [str(n) for n in comments]
    assert all(r.item.startswith("source DssSpell.sol:") and "the code below pays" in r.reason for r in failed)
    # Without the keys' addresses the review cannot tell (the chain items catch the swap there).
    assert all(r.passed for r in source_results(swapped, "DssSpell.sol"))


def test_a_chainlog_read_through_the_chainlog_contract_counts_too():
    source, swapped, chainlog = _swapped_subproxies()
    via_log = swapped.replace('DssExecLib.getChangelogAddress("SPARK_SUBPROXY")',
                              'ChainlogAbstract(DssExecLib.LOG).getAddress("SPARK_SUBPROXY")')
    assert len([f for f in review_source(via_log, chainlog=chainlog) if not f.warning]) == 2
# --- Rules from the date they entered the checklist (spellfile/style.py), each on both sides ---------

def snippet(date: str, body: str, declarations: str = "") -> str:
    """A small hand-written spell of `date` in the house style (its description states the date)."""
    return ("// SPDX-License-Identifier: AGPL-3.0-or-later\npragma solidity 0.8.16;\n"
            "contract DssSpellAction {\n"
            f'    string public constant override description = "{date} MakerDAO Executive Spell | Hash: 0x01";\n'
            f"{declarations}"
            "    function actions() public {\n"
            f"{body}"
            "    }\n}\n")


RULES_BY_DATE = [
    # (rule, first day it applies, declarations, body, the failure's text)
    ("the UTC date comment", "2023-12-12", "    uint256 internal constant MAY_24_2023 = 1684886400;\n", "",
     "MAY_24_2023 has no comment stating its full date in UTC"),
    ("the ether note", "2024-01-25", "", "        MKR.transfer(TECH_001, 257.31 ether);\n",
     "`ether` used for a token amount without the same-line note"),
    ("two decimals", "2023-10-25", "",
     "        MKR.transfer(TECH_001, 257.3 ether); // Note: ether is a keyword helper, only MKR is transferred here\n",
     "257.3 ether: write token amounts with two decimals"),
    ("units internal", "2022-11-10", "    uint256 public constant WAD = 10 ** 18;\n", "",
     "DssSpellAction.WAD: declare precision and math units `internal constant`"),
    ("rates internal", "2022-11-10", "    uint256 public constant THREE_PT_SEVEN_FIVE_PCT_RATE = 1000000001167363430498603315;\n",
     "", "DssSpellAction.THREE_PT_SEVEN_FIVE_PCT_RATE: declare rates `internal constant`"),
    ("the ether note's wording of the date", "2025-10-06", "",
     "        SKY.transfer(TECH_001, 257.31 ether); // Note: ether is a keyword helper, only SKY is transferred here\n",
     "the ether note is superseded"),
]


@pytest.mark.parametrize("rule, first_day, declarations, body, problem", RULES_BY_DATE, ids=[r[0] for r in RULES_BY_DATE])
def test_each_rule_applies_from_its_date(rule, first_day, declarations, body, problem):
    """The day before the rule, the spell passes it; from its first day, the same text fails on its line."""
    from datetime import date, timedelta

    day_before = (date.fromisoformat(first_day) - timedelta(days=1)).isoformat()
    assert not [f for f in review_source(snippet(day_before, body, declarations)) if problem in f.problem]
    source = snippet(first_day, body, declarations)
    found = [(f.line, f.warning) for f in review_source(source) if problem in f.problem]
    offending = next(n for n, text in enumerate(source.splitlines(), 1)
                     if text.strip() and text.strip() in (declarations + body).splitlines()[0].strip())
    assert found == [(offending, False)], review_source(source)
    # verify passes the YAML's date, which overrides the description's.
    assert [f for f in review_source(snippet(day_before, body, declarations), date=first_day) if problem in f.problem]


def test_the_spoken_date_comment_of_2023_is_read_and_checked():
    """`// 24 May 2023 12:00:00 AM UTC` (the 2023 archive's form) states the date; a wrong one fails at any date."""
    ok = snippet("2023-05-24", "", "    // 24 May 2023 12:00:00 AM UTC\n    uint256 internal constant MAY_24_2023 = 1684886400;\n"
                                   "    // 23 May 2024 11:59:59 PM UTC\n    uint256 internal constant MAY_23_2024 = 1716508799;\n")
    assert review_source(ok) == []
    assert review_source(ok, date="2026-01-15") == []  # read as a comment stating the date under today's rules
    wrong = ok.replace("23 May 2024 11:59:59 PM UTC", "23 May 2024 11:59:59 AM UTC")
    assert [(f.line, f.problem) for f in review_source(wrong)] == [
        (8, "the comment of MAY_23_2024 says 2024-05-23 11:59:59 UTC, its value 1716508799 is 2024-05-23 23:59:59 UTC")]


def test_a_group_total_and_a_rate_are_not_payment_amounts():
    """`Payout: 57,665 DAI` above eight payments that sum to it; `1,000 DAI/day` beside a 366,000 DAI stream."""
    wallets = ["FLIP_FLOP_FLAP_WALLET", "FEEDBLACK_LOOPS_WALLET", "ULTRASCHUPPI_WALLET", "MAKERMAN_WALLET",
               "ACRE_INVEST_WALLET", "MONETSUPPLY_WALLET", "JUSTIN_CASE_WALLET", "GFX_LABS_WALLET"]
    amounts = ["12_000", "12_000", "12_000", "8_512", "6_494", "5_072", "927", "660"]
    payments = "".join(f"        DssExecLib.sendPaymentFromSurplusBuffer({w}, {a});\n" for w, a in zip(wallets, amounts))
    group = snippet("2022-03-04", "        // Recognized Delegate Compensation (Payout: 57,665 DAI)\n" + payments)
    assert review_source(group) == []
    wrong = group.replace("57,665 DAI", "57,666 DAI")
    assert [(f.line, f.problem) for f in review_source(wrong)] == [
        (6, "the comment says 57,666 DAI, the code below does not (its amounts: 12,000; "
            "the 8 payments it heads total 57,665)")]
    rate = snippet("2023-05-24", "        // TECHOPS | 1,000 DAI/day | 366_000 DAI | 1 years\n"
                                 "        VestLike(MCD_VEST_DAI).create(TECHOPS, 366_000 * WAD, MAY_24_2023, 365 days, 0, address(0));\n",
                   "    uint256 internal constant MAY_24_2023 = 1684886400;\n")
    assert review_source(rate) == []
    assert "the comment says 366_001 DAI" in review_source(rate.replace("| 366_000 DAI", "| 366_001 DAI"))[0].problem


def test_every_amount_of_a_comment_is_compared_not_only_the_first():
    source = snippet("2026-01-15", "        // BLUE - 1,000 USDS - then 2,000 USDS\n        _transferUsds(BLUE, 1_000 * WAD);\n",
                     "    address internal constant BLUE = 0xb6C09680D822F162449cdFB8248a7D3FC26Ec9Bf;\n")
    assert [f.problem for f in review_source(source)] == [
        "the comment says 2,000 USDS, the code below does not (its amounts: 1,000)"]


# --- Comments that lie where the code is right (each action's comment block against its own code) ---

STREAM_2026 = """        // ECOSYSTEM | 2026-04-01 to 2027-03-31 | 360,000 USDS | Cliff: 2026-07-01 00:00:00 UTC | Restricted: Yes
        VestAbstract(MCD_VEST_USDS).restrict(
            VestAbstract(MCD_VEST_USDS).create(
                ECOSYSTEM,                 // usr
                360_000 * WAD,             // tot
                APR_01_2026,               // bgn
                MAR_31_2027 - APR_01_2026, // tau
                JUL_01_2026 - APR_01_2026, // eta
                address(0)                 // mgr
            )
        );
"""
DECLARATIONS_2026 = """    address internal constant ECOSYSTEM = 0xaef7a9890c81A46C38fb26b940624DBB4dd591dd;
    address internal constant BLUE = 0xb6C09680D822F162449cdFB8248a7D3FC26Ec9Bf;
    address internal constant BONAPUBLICA = 0x167c1a762B08D7e78dbF8f24e5C3f1Ab415021D3;
    uint256 internal constant APR_01_2026 = 1775001600; // 2026-04-01 00:00:00 UTC
    uint256 internal constant JUL_01_2026 = 1782864000; // 2026-07-01 00:00:00 UTC
    uint256 internal constant MAR_31_2027 = 1806537599; // 2027-03-31 23:59:59 UTC
"""
PAYMENT_2026 = "        // BLUE - 4,000 USDS\n        _transferUsds(BLUE, 4_000 * WAD);\n"

LYING_COMMENTS = [
    ("a comment naming another delegate", PAYMENT_2026, ("// BLUE - 4,000 USDS", "// BONAPUBLICA - 4,000 USDS"),
     "the comment names BONAPUBLICA, the code below pays BLUE"),
    ("a cliff the code does not give", STREAM_2026, ("Cliff: 2026-07-01", "Cliff: 2026-10-01"),
     "the comment states a cliff of 2026-10-01, the code below gives 2026-07-01"),
    ("an end the code does not give", STREAM_2026, ("to 2027-03-31", "to 2027-06-30"),
     "the comment states the day 2027-06-30, the code below starts the stream 2026-04-01 and ends it 2027-03-31"),
    ("restricted above an unrestricted stream", STREAM_2026.replace(
        "VestAbstract(MCD_VEST_USDS).restrict(\n            VestAbstract", "(\n            VestAbstract"),
     ("Restricted: Yes", "Restricted: Yes"), "the comment says the stream is restricted, the code below does not restrict it"),
    ("unrestricted above a restricted stream", STREAM_2026, ("Restricted: Yes", "Restricted: No"),
     "the comment says the stream is unrestricted, the code below restricts it"),
    ("another amount", STREAM_2026, ("| 360,000 USDS |", "| 390,000 USDS |"), "the comment says 390,000 USDS"),
]


@pytest.mark.parametrize("name, body, edit, problem", LYING_COMMENTS, ids=[c[0] for c in LYING_COMMENTS])
def test_a_comment_that_lies_where_the_code_is_right_fails_on_its_line(name, body, edit, problem):
    honest = snippet("2026-01-15", body, DECLARATIONS_2026)
    if edit[0] == edit[1]:  # the code was edited, not the comment
        assert [f.problem for f in review_source(snippet("2026-01-15", STREAM_2026, DECLARATIONS_2026))] == []
    else:
        assert review_source(honest) == []
    lying = honest.replace(edit[0], edit[1], 1)
    comment_line = next(n for n, text in enumerate(lying.splitlines(), 1) if edit[1] in text)
    found = [(f.line, f.warning) for f in review_source(lying) if problem in f.problem]
    assert found == [(comment_line, False)], review_source(lying)


def test_a_restriction_in_the_next_statement_counts():
    """`uint256 id = vest.create(...); vest.restrict(id);` (2023 archive form) is a restricted stream."""
    body = ("        // ECOSYSTEM | 2026-04-01 to 2027-03-31 | 360,000 USDS | Restricted: Yes\n"
            "        uint256 vestId = VestLike(MCD_VEST_USDS).create(ECOSYSTEM, 360_000 * WAD, APR_01_2026, "
            "MAR_31_2027 - APR_01_2026, 0, address(0));\n        VestLike(MCD_VEST_USDS).restrict(vestId);\n")
    assert review_source(snippet("2026-01-15", body, DECLARATIONS_2026)) == []
    unrestricted = body.replace("restrict(vestId)", "restrict(otherId)")
    assert "the comment says the stream is restricted" in review_source(
        snippet("2026-01-15", unrestricted, DECLARATIONS_2026))[0].problem


def test_an_amount_written_with_a_math_unit_is_read_with_it():
    """`2 * MILLION` is the 2,000,000 DAI of its comment (the 2023 archive's form); 3 * MILLION is not."""
    body = "        // Launch Project - 2,000,000 DAI\n        DssExecLib.sendPaymentFromSurplusBuffer(LAUNCH_PROJECT, 2 * MILLION);\n"
    assert review_source(snippet("2023-08-02", body)) == []
    assert [f.problem for f in review_source(snippet("2023-08-02", body.replace("2 * MILLION", "3 * MILLION")))] == [
        "the comment says 2,000,000 DAI, the code below does not (its amounts: 3, 3,000,000)"]


def test_the_ether_note_may_stand_above_an_argument_of_a_call_over_several_lines():
    body = ("        DssExecLib.setValue(\n            VEST,\n            // Note: ether is a keyword that represents 10**18, not the ETH token\n"
            "            0.04 ether\n        );\n")
    assert review_source(snippet("2026-01-15", body)) == []
    assert "without the same-line note" in review_source(snippet("2026-01-15", body.replace("// Note: ether", "// ether")))[0].problem


def test_verify_exits_1_on_a_cliff_comment_the_code_does_not_give(tmp_path, capsys, monkeypatch):
    """The chain does what the YAML says (every item passes); the comment above the stream lies: exit 1."""
    monkeypatch.delenv("ETH_RPC_URL", raising=False)
    honest = render(load_spell(EVERY26), EVERY26.name)
    edit = "Cliff: 2026-07-01 00:00:00 UTC | Restricted: Yes"
    assert edit in honest
    lying = honest.replace(edit, "Cliff: 2026-10-01 00:00:00 UTC | Restricted: No", 1)
    spell = tmp_path / "DssSpell.sol"
    spell.write_text(lying)
    assert cli.main(["verify", str(EVERY26), "--spell", str(spell)]) == 1
    out = capsys.readouterr().out
    line = next(i for i, text in enumerate(lying.splitlines(), 1) if "Cliff: 2026-10-01" in text)
    assert f"FAIL  source DssSpell.sol:{line}: the comment states a cliff of 2026-10-01, the code below gives 2026-07-01" in out
    assert f"FAIL  source DssSpell.sol:{line}: the comment says the stream is unrestricted, the code below restricts it" in out


def test_a_stream_is_read_with_its_constants_folded_as_solc_folds_them():
    """2022 spells wrote durations and totals as constants (`ONE_YEAR = 365 days`, `700_356.9 * 10 * WAD / 10`,
    `4 * 365 days`): the comment's days and amount are compared with the values solc computes."""
    declarations = ("    uint256 internal constant WAD = 10 ** 18;\n    uint256 internal constant ONE_YEAR = 365 days;\n"
                    "    uint256 internal constant FIVE_MONTHS = 153 days;\n"
                    "    uint256 internal constant IS_AMOUNT = 700_356.9 * 10 * WAD / 10;\n"
                    "    uint256 internal constant MAR_01_2022 = 1646092800; // 2022-03-01 00:00:00 UTC\n"
                    "    address internal constant IS_WALLET = 0xd1F2eEf8576736C1EbA36920B957cd2aF07280F4;\n")
    body = ("        // IS-001 | 2022-03-01 to 2022-08-01 | 700,356.90 DAI | Cliff: 2023-03-01 (1 year)\n"
            "        VEST.restrict(VEST.create(IS_WALLET, IS_AMOUNT, MAR_01_2022, FIVE_MONTHS, ONE_YEAR, address(0)));\n")
    assert review_source(snippet("2022-04-01", body, declarations)) == []
    problems = [f.problem for f in review_source(snippet("2022-04-01", body.replace("700,356.90", "700,356.80")
                                                         .replace("2022-08-01", "2022-09-01"), declarations))]
    assert problems == ["the comment says 700,356.80 DAI, the code below does not (its amounts: 0, 700,356.9)",
                        "the comment states the day 2022-09-01, the code below starts the stream 2022-03-01 and "
                        "ends it 2022-08-01"]
    # Four years of 365 days from 2022-06-01 end on 2026-05-31 (a leap day in 2024): "to 2026-06-01" fails.
    leap = body.replace("FIVE_MONTHS", "4 * 365 days").replace("to 2022-08-01", "to 2026-06-01")
    assert "the code below starts the stream 2022-03-01 and ends it 2026-02-28" in review_source(
        snippet("2022-04-01", leap, declarations))[0].problem


def test_figures_of_a_change_and_a_rounded_whole_token_payment_are_read_as_such():
    declarations = "    address internal constant IS_WALLET = 0xd1F2eEf8576736C1EbA36920B957cd2aF07280F4;\n"
    change = "        // Increase bump by 15,000 DAI, from 5,000 DAI to 20,000 DAI\n        DssExecLib.setValue(VOW, \"bump\", 20_000 * RAD);\n"
    assert review_source(snippet("2024-03-26", change)) == []
    # Without the code's own figure, the context is no excuse either: each figure is named.
    assert sorted(f.problem for f in review_source(snippet("2024-03-26", change.replace("to 20,000", "to 25,000")))) == sorted([
        f"the comment says {n} DAI, the code below does not (its amounts: 20,000)" for n in ("15,000", "5,000", "25,000")])
    # A surplus payment moves whole DAI: 348,452.30 DAI paid as 348,453 (the 2022 archive's form).
    payment = "        // IS-001 - 348,452.30 DAI\n        DssExecLib.sendPaymentFromSurplusBuffer(IS_WALLET, 348_453);\n"
    assert review_source(snippet("2022-04-01", payment, declarations)) == []
    assert review_source(snippet("2022-04-01", payment.replace("348_453", "348_454"), declarations))
    # `SF-001 MKR` is a name, not an amount of 001 MKR; a `file` names contracts, not a recipient.
    yank = "        // Yank old SF-001 MKR streams\n        VEST.yank(18);\n"
    assert review_source(snippet("2023-04-05", yank)) == []
