"""The chain by date: each boundary of the tables, the day before and the day after."""
from __future__ import annotations

from pathlib import Path

import pytest

from spellgen.cli import main as cli
from spellgen.render.spell import render
from spellgen.spellfile import history
from spellgen.spellfile.parse import load_spell

ROOT = Path(__file__).resolve().parents[2]
DEC = ROOT / "examples/techops-2022-12-09.yaml"
JAN = ROOT / "examples/techops-2022-01-28.yaml"
FIRST_DAI_VEST = "0x2Cc583c0AaCDaC9e23CB601fDA8F1A0c56Cdcb71"
SECOND_DAI_VEST = "0xa4c22f0e25C6630B2017979AcF1f865e94695C4b"
MKR = "0x9f8F72aA9304c8B593d555F12eF6589cC3A579A2"
SKY = "0x56072C95FAA701256059aa122697B133aDEd9279"


def test_the_dai_vest_key_moves_on_2022_04_29():
    before, after = history.chainlog_at("2022-04-28"), history.chainlog_at("2022-04-30")
    assert before["MCD_VEST_DAI"] == FIRST_DAI_VEST and "MCD_VEST_DAI_LEGACY" not in before
    assert after["MCD_VEST_DAI"] == SECOND_DAI_VEST and after["MCD_VEST_DAI_LEGACY"] == FIRST_DAI_VEST
    assert history.current_name("MCD_VEST_DAI", "2022-04-28") == "MCD_VEST_DAI_LEGACY"


def test_mkr_leaves_mcd_gov_on_2025_05_15():
    before, after = history.chainlog_at("2025-05-14"), history.chainlog_at("2025-05-16")
    assert before["MCD_GOV"] == MKR and "MKR" not in before
    assert after["MCD_GOV"] == SKY and after["MKR"] == MKR
    assert history.token_key_at("MKR", "2025-05-14") == "MCD_GOV"
    assert history.token_key_at("MKR", "2025-05-16") == "MKR"
    assert history.governance_token_at("2025-05-14") == "MKR" and history.governance_token_at("2025-05-16") == "SKY"


@pytest.mark.parametrize("key, since", [("MCD_VEST_MKR_TREASURY", "2021-10-08"), ("USDS", "2024-09-13"),
                                        ("MCD_VEST_SKY_TREASURY", "2025-01-23"), ("SPK", "2025-06-26")])
def test_keys_appear_after_the_spell_that_set_them(key, since):
    from datetime import date, timedelta

    day = date.fromisoformat(since)
    assert key not in history.chainlog_at((day - timedelta(days=1)).isoformat())
    assert key in history.chainlog_at((day + timedelta(days=1)).isoformat())


def test_award_counts_caps_and_delays_by_date():
    assert history.vest_ids_at("2021-09-01") == {}
    assert history.vest_ids_at("2021-09-04")["MCD_VEST_DAI_LEGACY"] == 9
    assert history.vest_ids_at("2026-05-08")["MCD_VEST_SKY_TREASURY"] == 13
    wad, year = 10**18, 365 * 86_400
    assert history.vest_cap_at("MCD_VEST_MKR_TREASURY", "2023-05-09").per_second_wei == 1_100 * wad // year
    assert history.vest_cap_at("MCD_VEST_MKR_TREASURY", "2023-05-11").per_second_wei == 2_200 * wad // year
    assert history.vest_cap_at("MCD_VEST_MKR_TREASURY", "2023-07-15").per_second_wei == 2_220 * wad // year
    assert history.vest_cap_at("MCD_VEST_USDS", "2025-01-22") is None
    assert history.pause_delay_at("2024-03-07") == 48 * 3600 and history.pause_delay_at("2024-03-09") == 16 * 3600


@pytest.mark.parametrize("day, fork", [("2021-08-04", "berlin"), ("2021-08-05", "london"), ("2022-09-14", "london"),
                                       ("2022-09-15", "paris"), ("2024-03-13", "cancun"), ("2025-05-06", "cancun"),
                                       ("2025-05-07", "prague"), ("2025-12-02", "prague"), ("2025-12-03", "osaka")])
def test_hardforks_by_date(day, fork):
    assert history.hardfork_at(day) == fork


def test_the_cast_gas_limit_tightens_with_eip_7825():
    assert history.cast_gas_limit_at("2025-12-02") == 20_000_000
    assert history.cast_gas_limit_at("2025-12-03") == 16_777_216


def test_every_table_row_names_its_source():
    for name in ("chainlog.tsv", "vest_ids.tsv", "vest_caps.tsv", "pause_delay.tsv", "vest_awards.tsv"):
        rows = history._rows(name)
        assert rows and all(row["source"].strip() for row in rows), name


def respell(text: str, day: str) -> str:
    """The TechOps spec moved to another date (description and date both)."""
    old = text.split("date: ", 1)[1][:10]
    return text.replace(old, day)


@pytest.mark.parametrize("vest, day, ok", [
    ("MCD_VEST_DAI_LEGACY", "2022-04-28", False), ("MCD_VEST_DAI_LEGACY", "2022-04-30", True),
    ("MCD_VEST_SKY_TREASURY", "2025-01-22", False), ("MCD_VEST_MKR", "2021-09-02", False),
    ("MCD_VEST_DAI", "2022-01-28", True)])
def test_check_knows_which_vests_exist_at_the_date(vest, day, ok, tmp_path, capsys):
    spec = tmp_path / "spec.yaml"
    spec.write_text(respell(JAN.read_text(), day).replace("vest: MCD_VEST_DAI", f"vest: {vest}", 1))
    code = cli.main(["check", str(spec)])
    out = "".join(capsys.readouterr())
    if ok:
        assert "is not in the chainlog" not in out
    else:
        assert code == 2 and f"sections[0].actions[1].vest: {vest} is not in the chainlog of a {day} spell" in out


@pytest.mark.parametrize("day, source", [("2025-05-14", "GemAbstract(DssExecLib.mkr())"),
                                         ("2025-05-16", 'GemAbstract(DssExecLib.getChangelogAddress("MKR"))')])
def test_mkr_is_read_from_the_key_of_the_date(day, source, tmp_path):
    spec = tmp_path / "spec.yaml"
    spec.write_text(respell(DEC.read_text(), day))
    assert source in render(load_spell(spec), spec.name)


def test_the_chainlog_table_is_the_address_list_of_every_date():
    """The table holds every key of the spells repository's address list (some 600 today), each
    row citing the commit that listed it; a few keys checked by hand against the list."""
    today = history.chainlog_at("2026-04-30")
    assert len(today) > 550
    assert today["MCD_SPOT"] == "0x65C79fcB50Ca1594B025960e539eD7A9a6D434A3"
    assert today["GROVE_SUBPROXY"] == "0x1369f7b2b38c76B6478c0f0E66D94923421891Ba"
    assert "MCD_SPOT" in history.chainlog_at("2021-06-01")
    entry = history.key_history("GROVE_SUBPROXY")[0]
    assert entry.source.startswith("sky-ecosystem/spells-mainnet@") and entry.source.endswith(
        " src/test/addresses_mainnet.sol")


def test_every_twin_contract_address_is_one_the_table_gives_its_key():
    for key, address in history.MAINNET.items():
        assert any(e.address.lower() == address.lower() for e in history.key_history(key)), key


def test_mkr_authority_key_and_spk_deployment_by_date():
    """The key a mintable MKR vest's onboarding reads MKR's authority from, and SPK before its key."""
    from spellgen.spellfile.actions.onboarding import guard_key

    assert guard_key("2021-09-03") == guard_key("2025-05-15") == "GOV_GUARD"
    assert guard_key("2025-05-16") == "MKR_GUARD"
    spk = history.token_deployment("SPK")
    assert spk is not None and spk.address == history.MAINNET["SPK"] and spk.deployed_by == "2025-05-24"
    assert history.unregistered_tokens("2025-05-24") == {}  # deployed by that day: code the day after
    assert history.unregistered_tokens("2025-05-25") == {"SPK": spk.address}
    assert "SPK" not in history.chainlog_at("2025-06-26") and "SPK" in history.chainlog_at("2025-06-27")


def test_an_spk_vest_onboarded_before_spk_was_deployed_is_refused(tmp_path, capsys):
    """Fail closed: a vest whose token the date's chainlog lacks, deployed later, cannot be onboarded."""
    from violations import assert_violation, run_cli, write_spell

    text = (ROOT / "examples/sky-2025-06-26.yaml").read_text()
    text = text.replace("date: 2025-06-26", "date: 2025-05-22").replace("version: 1.20.2", "version: 1.20.1")
    text = text.replace("  exec_doc: ", "  draft: true\n  # exec_doc: ")
    code, out = run_cli(["check", write_spell(tmp_path, text)], capsys)
    assert_violation(code, out, exit_code=2, message=(
        "token: a 2025-05-22 spell finds no SPK: the chainlog names no SPK at 2025-05-22, and SPK was deployed "
        "by 2025-05-24"))
