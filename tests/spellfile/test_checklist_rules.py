"""The review checklist's mechanical rules, enforced by `check`: wallets, expiry, pragma, caps."""
from __future__ import annotations

from pathlib import Path

import pytest

from spellgen.cli import main as cli
from spellgen.spellfile import history

ROOT = Path(__file__).resolve().parents[2]
DEC = ROOT / "examples/techops-2022-12-09.yaml"
TREASURY = ROOT / "tests/spells/treasury-2023-08-02.yaml"
OTHER = "0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2"


def check(tmp_path: Path, text: str, capsys) -> tuple[int, str]:
    spec = tmp_path / "spec.yaml"
    spec.write_text(text)
    code = cli.main(["check", str(spec)])
    return code, "".join(capsys.readouterr())


def test_the_registry_is_as_of_the_date():
    assert history.wallets_at("2022-12-09")["TECH_WALLET"] == "0x2dC0420A736D1F40893B9481D8968E4D7424bC0B"
    assert "TECH_WALLET" not in history.wallets_at("2023-06-01")  # renamed TECH on 2023-04-05
    assert all(w.source for w in history.wallet_entries())


def test_a_registry_name_with_another_address_is_an_error(tmp_path, capsys):
    text = DEC.read_text().replace("TECH_001: 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B",
                                   f"TECH_WALLET: {OTHER}").replace("TECH_001", "TECH_WALLET")
    code, out = check(tmp_path, text, capsys)
    assert code == 2
    assert f"wallets.TECH_WALLET: the wallet registry lists TECH_WALLET as 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B " \
           f"on 2022-12-09, not {OTHER}" in out


def test_an_address_in_no_registry_entry_is_a_warning_with_close_names(tmp_path, capsys):
    text = DEC.read_text().replace("TECH_001: 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B", f"TECH_001: {OTHER}")
    code, out = check(tmp_path, text, capsys)
    assert code == 0
    assert f"warning: {OTHER} (TECH_001) is in no entry of the wallet registry" in out
    assert "closest registry names: " in out


def test_a_registry_address_under_our_own_name_is_a_warning_naming_the_registry_name(tmp_path, capsys):
    """Issue 21: the 2022 spells' TECH_001 is the registry's TECH_WALLET, a harmless difference that is
    still said (the registry's name), so a harmful one (SES_WALLET's address as TECH_001) cannot hide."""
    code, out = check(tmp_path, DEC.read_text(), capsys)
    assert code == 0
    assert "spec.yaml:16:3: wallets.TECH_001: warning: the wallet registry of 2022-12-09 calls " \
           "0x2dC0420A736D1F40893B9481D8968E4D7424bC0B TECH_WALLET, not TECH_001\n" in out


def test_another_wallets_address_under_a_name_is_a_warning_naming_the_registry_name(tmp_path, capsys):
    ses = "0x87AcDD9208f73bFc9207e1f6F0fDE906bcA95cc6"
    text = DEC.read_text().replace("TECH_001: 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B", f"TECH_001: {ses}")
    code, out = check(tmp_path, text, capsys)
    assert code == 0
    assert f"spec.yaml:16:3: wallets.TECH_001: warning: the wallet registry of 2022-12-09 calls {ses} " \
           "SES_WALLET, not TECH_001\n" in out


def test_strict_makes_every_warning_an_error(tmp_path, capsys):
    spec = tmp_path / "spec.yaml"
    spec.write_text(DEC.read_text())
    assert cli.main(["check", str(spec)]) == 0
    capsys.readouterr()
    assert cli.main(["check", "--strict", str(spec)]) == 2
    assert f"{spec}: invalid (0 errors, 1 warning; --strict: warnings are errors)" in capsys.readouterr().err
    clean = ROOT / "examples/sky-2026-02-26.yaml"
    assert cli.main(["check", "--strict", str(clean)]) == 0


@pytest.mark.parametrize("expiry, code, words", [("29 days", 2, "expiry: expiry 29 days: spells expire 30 days"),
                                                 ("12 hours", 2, "is outside 1 to 30 days"),
                                                 ("31 days", 2, "is outside 1 to 30 days")])
def test_expiry_other_than_30_days(expiry, code, words, tmp_path, capsys):
    text = DEC.read_text().replace("  office_hours:", f"  expiry: {expiry}\n  office_hours:", 1)
    got, out = check(tmp_path, text, capsys)
    assert got == code and words in out


def test_spells_from_2023_use_the_house_compiler(tmp_path, capsys):
    text = TREASURY.read_text().replace("  office_hours: false", "  office_hours: false\n  solc: 0.6.12")
    code, out = check(tmp_path, text, capsys)
    assert code == 2 and "spells from 2023 on are written for solc 0.8.16" in out


def test_an_unrestricted_stream_needs_a_reason(tmp_path, capsys):
    _, out = check(tmp_path, TREASURY.read_text(), capsys)
    assert "restricted: false lets anyone claim" in out
    with_reason = TREASURY.read_text().replace("        restricted: false",
                                               "        restricted: false\n        comment: the unit claims for its members")
    _, out = check(tmp_path, with_reason, capsys)
    assert "restricted: false lets anyone claim" not in out


def test_a_stream_on_a_vest_without_a_known_cap_is_an_error(tmp_path, capsys, monkeypatch):
    """The rate check is never skipped: no known cap at the date is an error, not a warning."""
    import spellgen.spellfile.checks as checks

    monkeypatch.setattr(checks, "vest_cap_at", lambda vest, day: None)
    code, out = check(tmp_path, TREASURY.read_text(), capsys)
    assert code == 2
    assert "sections[0].actions[1].vest: MCD_VEST_MKR_TREASURY has no rate cap on 2023-08-02" in out
