"""The twin at a date has that date's ChainLog, and a spell of that date runs against it."""
from __future__ import annotations

from pathlib import Path

import pytest

from spellgen.chain.client import Chain, TxFailed
from spellgen.cli import main as cli
from spellgen.spellfile.history import CHANGELOG
from spellgen.twin import start_twin

ROOT = Path(__file__).resolve().parents[2]
DEC = ROOT / "examples/techops-2022-12-09.yaml"


def key(name: str) -> bytes:
    return name.encode().ljust(32, b"\0")


def test_in_january_2022_mcd_vest_dai_is_the_first_dai_vest():
    with start_twin("2022-01-28") as twin:
        chain = Chain(twin.url)
        assert chain.call(CHANGELOG, "getAddress(bytes32)(address)", key("MCD_VEST_DAI")) == \
            "0x2Cc583c0AaCDaC9e23CB601fDA8F1A0c56Cdcb71"
        for absent in ("MCD_VEST_DAI_LEGACY", "USDS", "SKY", "MCD_VEST_SKY_TREASURY"):
            with pytest.raises(TxFailed):
                chain.call(CHANGELOG, "getAddress(bytes32)(address)", key(absent))
        assert twin.rpc.timestamp() == twin.timestamp  # the edits happened before the date


def test_from_may_2025_mcd_gov_is_sky_and_mkr_has_its_own_key():
    with start_twin("2025-06-10") as twin:
        chain = Chain(twin.url)
        assert chain.call(CHANGELOG, "getAddress(bytes32)(address)", key("MCD_GOV")) == \
            "0x56072C95FAA701256059aa122697B133aDEd9279"
        assert chain.call(CHANGELOG, "getAddress(bytes32)(address)", key("MKR")) == \
            "0x9f8F72aA9304c8B593d555F12eF6589cC3A579A2"
        assert twin.addresses["MCD_GOV"] == "0x56072C95FAA701256059aa122697B133aDEd9279"


def test_a_june_2025_mkr_transfer_moves_mkr_not_sky(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)
    # Re-dated, the 2022 Exec Doc URL would name the wrong repository and date: the copy states none,
    # so it is a draft.
    lines = DEC.read_text().replace("2022-12-09", "2025-06-10").splitlines(keepends=True)
    text = "".join("  draft: true\n" if line.lstrip().startswith("exec_doc:") else line for line in lines)
    spec = tmp_path / "mkr-2025.yaml"
    spec.write_text(text)
    assert cli.main(["simulate", str(spec), "--report-dir", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "PASS  MKR transfer: 257.31 MKR to TECH_001" in out
    assert "PASS  nothing else" in out  # a SKY Transfer event would be an unexplained event


@pytest.mark.parametrize("day, chief, legacy", [
    ("2025-05-14", "0x0a3f6849f78076aefaDf113F5BED87720274dDC0", None),
    ("2025-05-16", "0x929d9A1435662357F54AdcF64DcEE4d6b867a6f9", "0x0a3f6849f78076aefaDf113F5BED87720274dDC0")])
def test_the_chief_of_the_date_is_mcd_adm_and_the_pause_obeys_it(day, chief, legacy):
    with start_twin(day) as twin:
        chain = Chain(twin.url)
        assert chain.call(CHANGELOG, "getAddress(bytes32)(address)", key("MCD_ADM")) == chief
        assert chain.call("0xbE286431454714F511008713973d3B053A2d38f3", "authority()(address)") == chief
        if legacy:
            assert chain.call(CHANGELOG, "getAddress(bytes32)(address)", key("MCD_ADM_LEGACY")) == legacy
            assert chain.call(chief, "gov()(address)") == "0x56072C95FAA701256059aa122697B133aDEd9279"
            assert chain.call(chief, "live()(uint256)") == 1


AWARD = "awards(uint256)(address,uint48,uint48,uint48,address,uint8,uint128,uint128)"


def test_the_awards_of_the_date_are_the_archives_and_running():
    """Issue 23: the 2026-02-26 spell yanked MCD_VEST_SKY_TREASURY award 8 (created 2025-10-30, 1e9 SKY
    to the LSSKY>SKY rewards distribution). The twin of that date holds the vest's nine ids, award 8
    with the archive's recipient and total, running at the date (its dates are assumed)."""
    from spellgen.spellfile.history import MAINNET

    with start_twin("2026-02-26") as twin:
        chain = Chain(twin.url)
        vest = MAINNET["MCD_VEST_SKY_TREASURY"]
        assert chain.call(vest, "ids()(uint256)") == 9
        usr, bgn, _, fin, _, _, tot, rxd = chain.call(vest, AWARD, 8)
        assert usr == "0x675671A8756dDb69F7254AFB030865388Ef699Ee"
        assert tot == 1_000_000_000 * 10**18 and rxd == 0
        assert bgn == 1_761_782_400  # 2025-10-30 00:00:00 UTC, the day of the spell that created it
        assert bgn < twin.timestamp < fin
        assert chain.call(vest, "unpaid(uint256)(uint256)", 8) > 0
        assert chain.call(vest, AWARD, 9)[0] == "0xC8d67Fcf101d3f89D0e1F3a2857485A84072a63F"
        assert chain.call(vest, AWARD, 10)[0] == "0x" + "00" * 20  # created by the spell of that date


def test_an_award_yanked_before_the_date_owes_nothing():
    """Award 8 was yanked by the 2026-02-26 spell: on the twin of 2026-03-26 it ended that day, its total
    what had accrued by then, all of it paid (the spells distributed before yanking)."""
    from spellgen.spellfile.history import MAINNET

    with start_twin("2026-03-26") as twin:
        chain = Chain(twin.url)
        vest = MAINNET["MCD_VEST_SKY_TREASURY"]
        _, bgn, _, fin, _, _, tot, rxd = chain.call(vest, AWARD, 8)
        assert fin == 1_772_064_000  # 2026-02-26 00:00:00 UTC
        assert tot == rxd == 1_000_000_000 * 10**18 * (fin - bgn) // (365 * 86_400)
        assert chain.call(vest, "unpaid(uint256)(uint256)", 8) == 0


def test_a_yank_as_dssvest_leaves_the_award():
    from spellgen.twin.state import SeedAward, yanked_award

    award = SeedAward("0x" + "11" * 20, 365_000, 1_000, 365, 100, "0x" + "00" * 20)
    assert yanked_award(award, 2_000) == (award, 0)  # after fin: nothing changes
    running, paid = yanked_award(award, 1_200)
    assert (running.tot, running.fin, running.clf, paid) == (200_000, 1_200, 1_100, 200_000)
    before_cliff, paid = yanked_award(award, 1_050)
    assert (before_cliff.tot, before_cliff.bgn, before_cliff.clf, before_cliff.fin, paid) == (0, 1_000, 1_050, 1_050, 0)
    not_started, _ = yanked_award(award, 900)
    assert (not_started.tot, not_started.bgn, not_started.clf, not_started.fin) == (0, 900, 900, 900)


@pytest.mark.parametrize("day, absent, present", [
    ("2022-06-02", ["USDS", "SKY", "DAI_USDS", "MKR_SKY", "SPK", "USDS_JOIN", "MCD_VEST_USDS",
                    "MCD_VEST_SKY_TREASURY", "MCD_VEST_SKY", "MCD_VEST_SPK_TREASURY"],
     ["MCD_VAT", "MCD_DAI", "MCD_GOV", "MCD_VEST_DAI", "MCD_VEST_DAI_LEGACY", "MCD_VEST_MKR_TREASURY"]),
    ("2021-06-04", ["MCD_VEST_DAI", "MCD_VEST_DAI_LEGACY", "USDS"], ["MCD_VAT", "MCD_PAUSE_PROXY", "MCD_GOV"]),
    ("2025-01-24", ["SPK", "MCD_VEST_SPK_TREASURY"], ["USDS", "SKY", "DAI_USDS", "MKR_SKY", "MCD_VEST_USDS",
                                                      "MCD_VEST_SKY_TREASURY"]),
    ("2025-06-27", [], ["USDS", "SKY", "SPK", "MCD_VEST_SPK_TREASURY", "MKR_SKY"]),
])
def test_contracts_exist_from_their_deployment(day, absent, present):
    """Issue 23: a contract the chainlog of the date does not name (deployed later) has no code on the
    twin of that date, while the date's contracts do."""
    from spellgen.spellfile.history import MAINNET

    with start_twin(day) as twin:
        chain = Chain(twin.url)
        for key in absent:
            assert chain.code(MAINNET[key]) == b"", f"{key} has code at {day}"
        for key in present:
            assert len(chain.code(MAINNET[key])) > 100, f"{key} has no code at {day}"


def test_the_sky_chief_and_usds_implementation_come_with_their_dates():
    from spellgen.twin import state as S

    with start_twin("2024-10-01") as twin:
        chain = Chain(twin.url)
        assert chain.code(S.SKY_CHIEF) == b""  # MCD_ADM from 2025-05-15
        assert any(note.startswith("not deployed at this date") and "SKY_CHIEF" in note for note in twin.notes)
        assert len(chain.code(S.USDS_IMP)) > 100 and len(chain.code(S.MKR_AUTHORITY)) > 100


@pytest.mark.parametrize("key, since, deployed_before", [("USDS", "2024-09-13", False), ("SPK", "2025-06-26", True)])
def test_the_twin_places_a_contract_when_check_accepts_its_key(key, since, deployed_before):
    """The day a spell registered a key, a spell of that date cannot use it (`check` says which spell
    registered it) and the twin has no contract there, unless the facts date its deployment earlier (SPK:
    token_deployments.tsv); the day after, both have it. (A vest or token deployed before the spell that
    registered it is there, unregistered: tests/twin/test_twin_onboarding.py.)"""
    from datetime import date, timedelta

    from spellgen.spellfile.history import chainlog_at, key_note
    from spellgen.twin.start import absent_contracts

    assert (key not in absent_contracts(since)) == deployed_before and key not in chainlog_at(since)
    assert key_note(key, since) == f"{key} was first registered by the {since} spell"
    day_after = (date.fromisoformat(since) + timedelta(days=1)).isoformat()
    assert key not in absent_contracts(day_after) and key in chainlog_at(day_after)
