"""Checklist rules added by issue 22, each proven by its violating input (tests/violations.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from violations import assert_violation, run_cli, write_spell

ROOT = Path(__file__).resolve().parents[2]
EVERY_2026 = ROOT / "examples/every-action-2026.yaml"
AUTO = "      - type: allowance\n        vest: MCD_VEST_SKY_TREASURY\n        increase: auto\n"


def _allowance(form: str) -> str:
    """every-action-2026.yaml (a 4,800,000 SKY stream on MCD_VEST_SKY_TREASURY) with another allowance."""
    text = EVERY_2026.read_text()
    assert AUTO in text
    return text.replace(AUTO, f"      - type: allowance\n        vest: MCD_VEST_SKY_TREASURY\n        {form}\n")


def test_an_allowance_increase_below_the_new_streams_is_an_error(tmp_path, capsys):
    """R:254: `increase: 1,000` for a 4,800,000 SKY stream passed check (and verify, through the twin's
    earlier allowance); the allowance must rise by the new streams' cumulative total."""
    code, out = run_cli(["check", write_spell(tmp_path, _allowance("increase: 1,000"))], capsys)
    assert_violation(code, out, exit_code=2, message="re:sections\\[1\\]\\.actions\\[\\d+\\]\\.increase: this "
                     "raises the allowance by 1,000 SKY, less than the 4,800,000 SKY of the 1 new stream\\(s\\) on "
                     "MCD_VEST_SKY_TREASURY")


def test_an_allowance_set_below_the_new_streams_is_an_error(tmp_path, capsys):
    code, out = run_cli(["check", write_spell(tmp_path, _allowance("set: 4,799,999.99"))], capsys)
    assert_violation(code, out, exit_code=2, message="set: this sets the allowance to 4,799,999.99 SKY, less "
                                                     "than the 4,800,000 SKY of the 1 new stream(s)")


@pytest.mark.parametrize("form", ["increase: 4,800,000", "set: 4,800,000", "set: 50,000,000", "set: owed",
                                  "increase: auto"])
def test_an_allowance_that_covers_the_new_streams_passes(form, tmp_path, capsys):
    """`set: owed` covers them by construction: `_owed` counts the awards created before it, the code adds
    those created after it."""
    code, out = run_cli(["check", write_spell(tmp_path, _allowance(form))], capsys)
    assert code == 0, out
    assert "new stream(s) on" not in out


DEC = ROOT / "examples/techops-2022-12-09.yaml"


def _with_expiry(expiry: str, draft: bool = False) -> str:
    extra = "  draft: true\n" if draft else ""
    return DEC.read_text().replace("  office_hours:", f"  expiry: {expiry}\n{extra}  office_hours:", 1)


def test_an_expiry_other_than_30_days_is_an_error_outside_drafts(tmp_path, capsys):
    """R:21: `expiry: 29 days` was a warning (exit 0) for a spell meant for a vote."""
    code, out = run_cli(["check", write_spell(tmp_path, _with_expiry("29 days"))], capsys)
    assert_violation(code, out, exit_code=2, message="spell.expiry: expiry 29 days: spells expire 30 days after "
                                                     "deployment (a draft, `draft: true`, only warns)")


def test_a_drafts_other_expiry_only_warns(tmp_path, capsys):
    code, out = run_cli(["check", write_spell(tmp_path, _with_expiry("29 days", draft=True))], capsys)
    assert code == 0 and "spell.expiry: warning: expiry 29 days: spells expire 30 days after deployment\n" in out


TREASURY = ROOT / "tests/spells/treasury-2023-08-02.yaml"
CAP_1200 = "        amount: 1,200\n        per: 365 days\n"


def test_a_new_cap_off_the_checklists_figure_warns_with_the_figure(tmp_path, capsys):
    """R:248: the cap for a 1,500.75 MKR stream over 2023-08-02..2026-08-01 is its rate plus 10 %, two
    significant figures up: 280 MKR per 365 days. With --strict the warning fails the spell."""
    assert CAP_1200 in TREASURY.read_text()
    spec = write_spell(tmp_path, TREASURY.read_text())
    code, out = run_cli(["check", "--strict", spec], capsys)
    assert_violation(code, out, exit_code=2, message="sections[0].actions[0].amount: warning: the checklist's new cap "
                     "is 10 % above the fastest new stream's rate, rounded up to two significant figures: 280 MKR per "
                     "365 days, not 1,200")
    code, out = run_cli(["check", write_spell(tmp_path, TREASURY.read_text().replace(
        CAP_1200, CAP_1200.replace("1,200", "280")))], capsys)
    assert "checklist's new cap" not in out


# --- the executive document against the YAML (a local copy): errors outside drafts ------------------------
EXECDOC = ROOT / "tests/execdoc"


def _with_doc(tmp_path: Path, text: str, doc: str | None = None) -> Path:
    """The executive-document fixture (a spell for a vote, not a draft) with its copy next to it."""
    (tmp_path / "exec.md").write_text(doc if doc is not None else (EXECDOC / "exec.md").read_text())
    return write_spell(tmp_path, text)


def _edited(*pairs: tuple[str, str]) -> str:
    text = (EXECDOC / "spell.yaml").read_text()
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    return text


def test_the_fixture_for_a_vote_is_clean(tmp_path, capsys):
    """Clean against its document; its one error is the URL it cannot name (the document is made up)."""
    code, out = run_cli(["check", _with_doc(tmp_path, _edited())], capsys)
    assert code == 2 and "executive document (" not in out, out
    assert "spell.exec_doc.url: a spell for an executive vote names the URL of its executive document" in out
    assert "invalid (1 error, 0 warnings)" in out, out


def test_a_payment_that_differs_from_the_document_is_an_error_outside_drafts(tmp_path, capsys):
    """R:203: an amount the document does not give failed nothing (a warning, exit 0)."""
    text = _edited(("to: TANGO, amount: 4_300", "to: TANGO, amount: 4_030"), ("usds_paid: 12_300", "usds_paid: 12_030"))
    code, out = run_cli(["check", _with_doc(tmp_path, text)], capsys)
    assert_violation(code, out, exit_code=2, message="re:sections\\[0\\]\\.actions\\[2\\]\\.amount: the executive "
                     "document \\(.*exec.md:38\\) gives 4,300 USDS to 0xb2b86a130b1ec101e4aed9a88502e08995760307; "
                     "this action moves 4,030 USDS to TANGO")


def test_a_recipient_that_differs_from_the_document_is_an_error_outside_drafts(tmp_path, capsys):
    """R:201."""
    text = _edited(("BLUE: 0xb6C09680D822F162449cdFB8248a7D3FC26Ec9Bf", "BLUE: 0x9244F47D70587Fa2329B89B6f503022b63Ad54A5"))
    code, out = run_cli(["check", _with_doc(tmp_path, text)], capsys)
    assert_violation(code, out, exit_code=2, message="re:sections\\[0\\]\\.actions\\[1\\]\\.to: the executive "
                     "document \\(.*exec.md:37\\) gives 4,000 USDS")


def test_a_total_the_yaml_does_not_pay_is_an_error(tmp_path, capsys):
    """R:205 without `expect:`: the section's `totaling` line says 12,400 USDS; its three lines, and the
    YAML's three payments, make 12,300."""
    doc = (EXECDOC / "exec.md").read_text()
    line = "distributions totaling **12,300 USDS** will be distributed"
    assert line in doc
    text = _edited()
    code, out = run_cli(["check", _with_doc(tmp_path, text, doc.replace(line, line.replace("12,300", "12,400")))],
                        capsys)
    assert_violation(code, out, exit_code=2, message="re:spell\\.exec_doc\\.copy: the executive document "
                     "\\(.*exec.md:32\\) states a total of 12,400 USDS; the actions matched to its section's 3 "
                     "line\\(s\\) pay 12,300 USDS")


def test_a_restriction_the_document_does_not_give_is_an_error(tmp_path, capsys):
    """R:227: the document's stream has `res: 1 (restricted)`; the YAML's award is unrestricted."""
    text = _edited()
    assert "restricted: false" not in text
    text = text.replace("total: 500_000_000", "total: 500_000_000\n        restricted: false\n"
                                              "        comment: the distribution contract claims")
    code, out = run_cli(["check", _with_doc(tmp_path, text)], capsys)
    assert_violation(code, out, exit_code=2, message="re:sections\\[2\\]\\.actions\\[0\\]: the executive document "
                     "\\(.*exec.md:52\\) gives a stream restricted \\(res 1\\); this action's award is unrestricted")


def test_in_a_draft_the_documents_differences_stay_warnings(tmp_path, capsys):
    text = _edited(("  office_hours: true\n", "  office_hours: true\n  draft: true\n"),
                   ("to: TANGO, amount: 4_300", "to: TANGO, amount: 4_030"), ("usds_paid: 12_300", "usds_paid: 12_030"))
    code, out = run_cli(["check", _with_doc(tmp_path, text)], capsys)
    assert code == 0 and "sections[0].actions[2].amount: warning: the executive document (" in out
