"""Issue 21: what the spell's date decides is checked against the one table of chain facts, located.

A recipient's chainlog key must hold the stated address at the date (the twin registers the table's
address, never the YAML's), a typo gets the closest keys, an action's tokens must exist at the date,
and a spell the twin cannot reach (before its first date) is refused before anything starts.
"""
from __future__ import annotations

import re
from pathlib import Path

from spellgen.cli import main as cli
from spellgen.run import load_source
from spellgen.spellfile.diagnostics import InputError

import pytest

ROOT = Path(__file__).resolve().parents[2]
SKY = ROOT / "examples/sky-2026-02-26.yaml"
JAN = ROOT / "examples/techops-2022-01-28.yaml"
SPARK = "0x3300f198988e4C9C63F75dF86De36421f06af8c4"
GROVE = "0x1369f7b2b38c76B6478c0f0E66D94923421891Ba"


def check(tmp_path: Path, text: str, capsys, *extra: str) -> tuple[int, list[str]]:
    spec = tmp_path / "spec.yaml"
    spec.write_text(text)
    code = cli.main(["check", *extra, str(spec)])
    return code, capsys.readouterr().out.splitlines()


def test_a_known_key_with_another_address_names_the_right_address(tmp_path, capsys):
    text = SKY.read_text().replace(f"chainlog: GROVE_SUBPROXY, address: {GROVE}",
                                   f"chainlog: GROVE_SUBPROXY, address: {SPARK}")
    code, out = check(tmp_path, text, capsys)
    assert code == 2
    assert f"{tmp_path / 'spec.yaml'}:36:49: sections[0].actions[1].to.address: the chainlog of a 2026-02-26 spell " \
           f"holds {GROVE} under GROVE_SUBPROXY, not {SPARK}; {SPARK} is SPARK_SUBPROXY at that date" in out


def test_an_unknown_key_lists_the_closest_known_keys(tmp_path, capsys):
    text = SKY.read_text().replace("chainlog: SPARK_SUBPROXY,", "chainlog: SPARK_SUBPROXI,")
    code, out = check(tmp_path, text, capsys)
    assert code == 2
    assert out == [f"{tmp_path / 'spec.yaml'}:33:24: sections[0].actions[0].to.chainlog: SPARK_SUBPROXI is not a "
                   "chainlog key at 2026-02-26; closest keys: SPARK_SUBPROXY, PATTERN_SUBPROXY, SKYBASE_SUBPROXY"]


def test_a_key_registered_after_the_spells_date_says_when(tmp_path, capsys):
    amatsu = "0xF33B14329e7115dD0B40DBb2985E1A0Df10E3fAa"  # registered by the 2026-03-26 spell
    text = SKY.read_text().replace(f"chainlog: GROVE_SUBPROXY, address: {GROVE}",
                                   f"chainlog: AMATSU_SUBPROXY, address: {amatsu}")
    code, out = check(tmp_path, text, capsys)
    assert code == 2
    assert f"{tmp_path / 'spec.yaml'}:36:24: sections[0].actions[1].to.chainlog: AMATSU_SUBPROXY is not in the " \
           "chainlog of a 2026-02-26 spell: AMATSU_SUBPROXY was first registered by the 2026-03-26 spell" in out


USDS_IN_2022 = """\
      - type: usds_payment
        to: TECH_001
        amount: 1,000
"""


def _with_usds_payment() -> str:
    text = JAN.read_text()
    anchor = "    actions:\n"
    return text.replace(anchor, anchor + USDS_IN_2022, 1)


def test_a_usds_payment_before_usds_existed_is_a_located_error(tmp_path, capsys):
    text = _with_usds_payment().replace("2022-01-28", "2022-06-02")
    code, out = check(tmp_path, text, capsys)
    assert code == 2
    spec = tmp_path / "spec.yaml"
    line = text.splitlines().index("      - type: usds_payment") + 1
    assert f"{spec}:{line}:9: sections[0].actions[0]: usds_payment reads USDS, DAI_USDS from the chainlog; " \
           "USDS was first registered by the 2024-09-13 spell; DAI_USDS was first registered by the 2024-09-13 spell" \
           in out


def test_simulate_of_a_usds_payment_in_2022_exits_2_before_starting_the_twin(tmp_path, capsys):
    spec = tmp_path / "spec.yaml"
    spec.write_text(_with_usds_payment().replace("2022-01-28", "2022-06-02"))
    assert cli.main(["simulate", str(spec), "--twin", "--report-dir", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert "usds_payment reads USDS, DAI_USDS from the chainlog" in err and "internal error" not in err
    assert not (tmp_path / "out").exists()


JUNE_2020 = """\
spellgen: 1
spell:
  date: 2020-06-04
  description: "2020-06-04 MakerDAO Executive Spell | Hash: 0x1284f085ea8cd00b52464a5191e1975b5e1b53fcfe3daa1434bd37348fbeaf9f"
  office_hours: false
  draft: true  # no executive document of its own
wallets:
  TECH_001: 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B
sections:
  - title: Budgets
    actions:
      - type: dai_payment
        to: TECH_001
        amount: 1,000
"""


def test_a_spell_before_the_twins_first_date_renders_but_is_not_cast(tmp_path, capsys):
    spec = tmp_path / "spec.yaml"
    text = JUNE_2020
    spec.write_text(text)
    assert cli.main(["check", str(spec)]) == 0  # check and render do not need the chain
    assert cli.main(["render", str(spec), "-o", str(tmp_path / "DssSpell.sol")]) == 0
    capsys.readouterr()
    with pytest.raises(InputError) as caught:
        load_source(spec, on_twin=True)
    line = text.splitlines().index("  date: 2020-06-04") + 1
    assert [str(d) for d in caught.value.diagnostics.errors] == [
        f"{spec}:{line}:9: spell.date: the twin's chain begins on 2021-06-01; a spell dated 2020-06-04 cannot be "
        "cast on it (check and render do not need the chain)"]
    assert cli.main(["simulate", str(spec), "--twin", "--report-dir", str(tmp_path / "out")]) == 2
    assert "spell.date: the twin's chain begins on 2021-06-01" in capsys.readouterr().err


def test_a_key_removed_before_the_spells_date_says_by_which_spell(tmp_path, capsys):
    cat = "0xa5679C04fc3d9d8b0AaB1F0ab83555b301cA70Ea"  # MCD_CAT, removed from the list in 2023
    text = SKY.read_text().replace(f"chainlog: GROVE_SUBPROXY, address: {GROVE}",
                                   f"chainlog: MCD_CAT, address: {cat}")
    code, out = check(tmp_path, text, capsys)
    assert code == 2
    assert f"{tmp_path / 'spec.yaml'}:36:24: sections[0].actions[1].to.chainlog: MCD_CAT is not in the chainlog of a " \
           "2026-02-26 spell: MCD_CAT was removed from the chainlog by the 2023-09-13 spell" in out


# Issue 24: the tokens the PauseProxy holds besides the budget tokens are facts of their date too
# (spellgen/spellfile/data/held_tokens.tsv): their decimals decide what an amount means.
HELD = ROOT / "tests/spells/held-tokens-2025-08-21.yaml"


def _held_spec(tmp_path: Path, old: str, new: str, date: str = "2025-08-21") -> Path:
    text = HELD.read_text()
    assert text.count(old) == 1
    if date != "2025-08-21":  # the tokens named by address constant are keyed after that spell: state them so
        text = re.sub(r"      - type: proxy_transfer\n        token: \{constant: [^\n]*\n(        [^\n]*\n)*", "", text)
        assert "{constant:" not in text
    spec = tmp_path / "spec.yaml"
    spec.write_text(text.replace(old, new).replace("2025-08-21", date))
    return spec


def test_a_held_tokens_amount_is_exact_in_its_decimals(tmp_path):
    from spellgen.spellfile.parse import load_spell

    spell = load_spell(_held_spec(tmp_path, "amount: 1,000.5\n", "amount: 0.000001\n"))
    usdc = spell.actions[3]
    assert (usdc.held.symbol, usdc.amount.decimals, usdc.amount.wei) == ("USDC", 6, 1)
    comp = spell.actions[2]
    assert (comp.held.symbol, comp.amount.wei) == ("COMP", 2_000 * 10**18)
    assert load_spell(HELD).actions[3].amount.wei == 1_000_500_000


def test_a_held_tokens_amount_finer_than_its_decimals_is_a_located_error(tmp_path, capsys):
    code, out = check(tmp_path, _held_spec(tmp_path, "amount: 1,000.5\n", "amount: 1,000.0000005\n").read_text(),
                      capsys)
    assert code == 2
    assert out == [f"{tmp_path / 'spec.yaml'}:33:17: sections[0].actions[3].amount: the amount: 1,000.0000005 has 7 "
                   "decimals; USDC has 6"]


def test_a_held_token_is_one_from_the_date_its_key_names_it(tmp_path, capsys):
    """ENS entered the chainlog with the 2025-08-21 spell: a spell of that date cannot name it by its key;
    a later one can, and ENS is then verified from its facts (no warning)."""
    code, out = check(tmp_path, _held_spec(tmp_path, "token: COMP\n", "token: ENS\n").read_text(), capsys)
    assert code == 2 and any("sections[0].actions[2].token: ENS is not in the chainlog of a 2025-08-21 spell" in line
                             for line in out), out
    assert any(line.endswith("before its key, name it by its address constant: `token: {constant: ENS, address: "
                             "0xC18360217D8F7Ab5e7c516566761Ea12Ce7F9D72}`") for line in out), out
    code, out = check(tmp_path, _held_spec(tmp_path, "token: COMP\n", "token: ENS\n", "2025-09-18").read_text(),
                      capsys)
    assert code == 0 and not [line for line in out if "ENS" in line], out
