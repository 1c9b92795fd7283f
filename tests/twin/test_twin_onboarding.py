"""Issue 23: a vest deployed before the spell that onboards it is on the twin of that spell's date, as
mainnet had it then: code at its address, no chainlog key, no cap, no awards, no Vat ward; the ChainLog
holds the version of the date. All from the dated facts (history.py), never from a YAML."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from spellgen.chain.client import Chain, TxFailed
from spellgen.spellfile import history
from spellgen.spellfile.history import CHANGELOG, MAINNET
from spellgen.twin import start_twin
from spellgen.twin.start import absent_contracts


def key(name: str) -> bytes:
    return name.encode().ljust(32, b"\0")


@pytest.mark.parametrize("vest, since", [("MCD_VEST_USDS", "2025-01-23"), ("MCD_VEST_SKY_TREASURY", "2025-01-23"),
                                         ("MCD_VEST_DAI", "2022-04-29"), ("MCD_VEST_SPK_TREASURY", "2025-06-26"),
                                         ("MCD_VEST_MKR", "2021-09-03")])
def test_a_vest_is_there_from_its_deployment_and_registered_from_its_onboarding(vest, since):
    deployed = history.vest_deployment(MAINNET[vest])
    assert deployed is not None and deployed.key == vest and deployed.deployed_by < since
    assert vest in absent_contracts(deployed.deployed_by)  # not yet deployed
    assert vest not in absent_contracts(since)  # deployed, not registered: the onboarding spell finds it
    assert history.chainlog_at(since).get(vest, "").lower() != MAINNET[vest].lower()
    assert history.chainlog_at((date.fromisoformat(since) + timedelta(days=1)).isoformat())[vest] == MAINNET[vest]
    assert vest in history.unregistered_vests(since) and vest not in history.unregistered_vests("2026-01-01")


@pytest.mark.parametrize("day, vest, named_before", [
    ("2025-01-23", "MCD_VEST_USDS", None),
    ("2022-04-29", "MCD_VEST_DAI", "0x2Cc583c0AaCDaC9e23CB601fDA8F1A0c56Cdcb71"),
])
def test_the_twin_of_the_onboarding_date_has_the_vest_as_the_spell_found_it(day, vest, named_before):
    address = MAINNET[vest]
    with start_twin(day) as twin:
        chain = Chain(twin.url)
        assert len(chain.code(address)) > 100
        if named_before is None:
            with pytest.raises(TxFailed):
                chain.call(CHANGELOG, "getAddress(bytes32)(address)", key(vest))
        else:  # the key still names the previous contract
            assert chain.call(CHANGELOG, "getAddress(bytes32)(address)", key(vest)) == named_before
        assert chain.call(address, "ids()(uint256)") == 0
        assert chain.call(address, "cap()(uint256)") == 0
        assert chain.call(MAINNET["MCD_VAT"], "wards(address)(uint256)", address) == 0  # the spell relies it
        assert chain.call(CHANGELOG, "version()(string)") == history.chainlog_version_at(day)
        assert any(note.startswith("deployed but not registered yet") and vest in note for note in twin.notes)


def test_the_chainlog_version_of_a_date_is_the_last_bump_before_it():
    assert history.chainlog_version_at("2025-01-23") == "1.19.4"
    assert history.chainlog_version_at("2025-01-24") == "1.19.5"
    assert history.chainlog_version_at("2022-04-29") == "1.11.2"
    assert history.chainlog_version_at("2020-01-01") is None
    assert history.version_tuple("1.19.10") > history.version_tuple("1.19.9")


def test_mkr_authority_is_gov_guard_and_the_mkr_vest_mints_from_its_onboarding():
    """MKR's authority sits at its mainnet address, which the ChainLog names GOV_GUARD; the MKR vest,
    deployed 2021-09-02, has code but is no ward of it on the twin of the 2021-09-03 spell (that spell
    relies it), and is one afterwards."""
    from spellgen.twin import state as S

    assert S.MKR_AUTHORITY == history.chainlog_at("2021-09-03")["GOV_GUARD"]
    vest = MAINNET["MCD_VEST_MKR"]
    with start_twin("2021-09-03") as twin:
        chain = Chain(twin.url)
        assert chain.call(CHANGELOG, "getAddress(bytes32)(address)", key("GOV_GUARD")) == S.MKR_AUTHORITY
        assert chain.call(MAINNET["MCD_GOV"], "authority()(address)") == S.MKR_AUTHORITY
        assert chain.call(S.MKR_AUTHORITY, "root()(address)") == MAINNET["MCD_PAUSE_PROXY"]
        assert len(chain.code(vest)) > 100
        assert chain.call(S.MKR_AUTHORITY, "wards(address)(uint256)", vest) == 0
        first_dai_vest = "0x2Cc583c0AaCDaC9e23CB601fDA8F1A0c56Cdcb71"
        assert chain.call(MAINNET["MCD_VAT"], "wards(address)(uint256)", first_dai_vest) == 0
    with start_twin("2021-09-04") as twin:
        assert Chain(twin.url).call(S.MKR_AUTHORITY, "wards(address)(uint256)", vest) == 1


def test_spk_is_there_from_its_deployment_before_its_key():
    """SPK had code from 2025-05-24 (the 2025-05-29 spell relied its new owner on it) but no chainlog key
    until the 2025-06-26 spell registered it: the twin of 2025-06-26 has its code, the twin of 2025-05-20 not."""
    spk = MAINNET["SPK"]
    assert history.unregistered_tokens("2025-06-26") == {"SPK": spk}
    assert history.unregistered_tokens("2025-05-20") == {} and history.unregistered_tokens("2025-06-27") == {}
    assert "SPK" in absent_contracts("2025-05-20") and "SPK" not in absent_contracts("2025-06-26")
    with start_twin("2025-06-26") as twin:
        chain = Chain(twin.url)
        assert len(chain.code(spk)) > 100
        with pytest.raises(TxFailed):
            chain.call(CHANGELOG, "getAddress(bytes32)(address)", key("SPK"))
        waiting = [note.split(": ", 1)[1].split(", ") for note in twin.notes
                   if note.startswith("deployed but not registered yet")]
        assert waiting == [["MCD_VEST_SPK_TREASURY", "SPK"]]
