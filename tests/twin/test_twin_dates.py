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
    # Re-dated, the 2022 Exec Doc URL would name the wrong repository and date: the copy states none.
    lines = DEC.read_text().replace("2022-12-09", "2025-06-10").splitlines(keepends=True)
    text = "".join(line for line in lines if not line.lstrip().startswith("exec_doc:"))
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
