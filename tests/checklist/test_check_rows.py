"""docs/checklist.md rows that `spellgen check` proves (exit 2): each test feeds the row's violating input,
written against the claim as the row's "how" states it (the edge of the rule, not a blatant case), and
asserts the exit code and the message with `assert_violation`.

Rules issue 22 added (the exact pragma, the 30-day expiry outside drafts, `exec_doc.url` required, the
executive document as errors, the allowance against the new streams) are proven here like the others.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from violations import assert_violation, run_cli, write_spell

ROOT = Path(__file__).resolve().parents[2]
DEC = ROOT / "examples/techops-2022-12-09.yaml"  # 2022-12-09, office hours, 257.31 MKR
JAN = ROOT / "examples/techops-2022-01-28.yaml"  # 2022-01-28, a DAI payment and a DAI stream, `expect:`
JAN26 = ROOT / "examples/sky-2026-01-15.yaml"  # 2026, links and exec_doc.url
EVERY26 = ROOT / "examples/every-action-2026.yaml"  # 2026, draft, every Sky-era construct
TREASURY = ROOT / "tests/spells/treasury-2023-08-02.yaml"  # 2023, streams, a cap, an allowance
EXECDOC = ROOT / "tests/execdoc"  # a spell and the executive document it states


def check(tmp_path: Path, text: str, capsys, name: str = "spec.yaml") -> tuple[int, str]:
    return run_cli(["check", write_spell(tmp_path, text, name)], capsys)


def edited(path: Path, old: str, new: str) -> str:
    text = path.read_text()
    assert old in text, f"{old!r} is not in {path.name}"
    return text.replace(old, new, 1)


# --- R:18 solc 0.8.16 --------------------------------------------------------------------------------

def test_row_solc_0_8_16_from_2023(tmp_path, capsys):
    """The first day the rule applies: a spell dated 2023-01-01 for solc 0.6.12."""
    text = TREASURY.read_text().replace("2023-08-02", "2023-01-01")
    text = text.replace("  office_hours: false", "  office_hours: false\n  solc: 0.6.12", 1)
    code, out = check(tmp_path, text, capsys)
    assert_violation(code, out, exit_code=2, message="spells from 2023 on are written for solc 0.8.16")


# --- R:21 30-day expiry --------------------------------------------------------------------------------

@pytest.mark.parametrize("expiry", ["721 hours", "23 hours"], ids=["an hour over 30 days", "an hour under a day"])
def test_row_expiry_outside_1_to_30_days(expiry, tmp_path, capsys):
    code, out = check(tmp_path, edited(DEC, "  office_hours:", f"  expiry: {expiry}\n  office_hours:"), capsys)
    assert_violation(code, out, exit_code=2, message=f"re:spell\\.expiry: .*{expiry}.* is outside 1 to 30 days")


def test_row_expiry_of_29_days_outside_a_draft(tmp_path, capsys):
    code, out = check(tmp_path, edited(DEC, "  office_hours:", "  expiry: 29 days\n  office_hours:"), capsys)
    assert_violation(code, out, exit_code=2, message="re:spell\\.expiry: (?!warning).*29 days")


# --- R:27 the hash comment's URL -------------------------------------------------------------------------

@pytest.mark.parametrize("old, new, words", [
    ("https://raw.githubusercontent.com/sky-ecosystem", "http://raw.githubusercontent.com/sky-ecosystem", "https"),
    ("raw.githubusercontent.com/sky-ecosystem", "raw.githubusercontent.com/makerdao", "sky-ecosystem/executive-votes"),
    ("b8d7190058360e315d762041c135e8080eeadb5e", "master", "commit"),
    ("reduce-rewards-guni-offboarding.md", "reduce-rewards'$(id)'.md", "the URL goes into a Solidity comment and a shell command"),
], ids=["http", "the other era's repository", "a branch, not a commit", "a quote that ends the shell word"])
def test_row_hash_comment_url_is_checked(old, new, words, tmp_path, capsys):
    code, out = check(tmp_path, edited(JAN26, old, new), capsys)
    assert_violation(code, out, exit_code=2, message=f"re:spell\\.exec_doc\\.url: (?!warning).*{words}")


def test_row_exec_doc_url_required_outside_drafts(tmp_path, capsys):
    text = "\n".join(line for line in JAN26.read_text().splitlines() if "exec_doc:" not in line) + "\n"
    code, out = check(tmp_path, text, capsys)
    assert_violation(code, out, exit_code=2, message="re:exec_doc(\\.url)?: (?!warning).*no Hash comment")


def test_exec_doc_url_only_warns_in_a_draft(tmp_path, capsys):
    """The same spell marked `draft: true`: one warning, the draft's, which names the missing URL."""
    text = "\n".join(line for line in JAN26.read_text().splitlines() if "exec_doc:" not in line) + "\n"
    code, out = check(tmp_path, text.replace("\nspell:\n", "\nspell:\n  draft: true\n", 1), capsys)
    assert code == 0, out
    assert "exec_doc.url: " not in out
    warnings = [line for line in out.splitlines() if "warning: draft: not for an executive vote" in line]
    assert len(warnings) == 1 and "names no exec_doc.url, so the spell has no Hash comment" in warnings[0], out


# --- R:200 checksummed addresses ---------------------------------------------------------------------------

def test_row_address_checksum(tmp_path, capsys):
    """One letter's case flipped (a mixed-case address, so it is read as checksummed, and it is wrong)."""
    text = edited(DEC, "0x2dC0420A736D1F40893B9481D8968E4D7424bC0B", "0x2dc0420A736D1F40893B9481D8968E4D7424bC0B")
    code, out = check(tmp_path, text, capsys)
    assert_violation(code, out, exit_code=2, message="0x2dc0420A736D1F40893B9481D8968E4D7424bC0B fails its EIP-55 "
                                                     "checksum; the checksummed form is 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B")


# --- R:245-247 the vest's cap ------------------------------------------------------------------------------

def test_row_vest_cap_one_wei_per_second_over(tmp_path, capsys):
    """MCD_VEST_MKR's cap here is 1,200 MKR per 365 days = 38,051,750,380,517 wei/s (integer division): a
    stream of 365 days paying one wei/s more, 1,200.000000000015648 MKR, is over it."""
    text = edited(TREASURY, "        total: 250\n", "        total: 1,200.000000000015648\n")
    text = text.replace("    MKR: 1,750.75", "    MKR: 2,700.750000000000015648")
    code, out = check(tmp_path, text, capsys)
    assert_violation(code, out, exit_code=2, message="re:total: 1,200.000000000015648 MKR over 365 days is "
                                                     "38,051,750,380,518 wei/s, above the MCD_VEST_MKR cap")


# --- R:36-42 proof URLs ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("old, new, words", [
    ("https://vote.sky.money/polling/", "http://vote.sky.money/polling/", "is not an https link"),
    ("forum: https://forum.sky.money/t/atlas-edit-weekly-cycle-proposal-week-of-2026-01-12/27606",
     "forum: https://vote.sky.money/polling/QmYmaVVc",
     "links to a poll, not to a forum post: write it under `poll:`"),
], ids=["http", "a poll under forum"])
def test_row_proof_urls(old, new, words, tmp_path, capsys):
    code, out = check(tmp_path, edited(JAN26, old, new), capsys)
    assert_violation(code, out, exit_code=2, message=f"re:sections\\[0\\]\\.links\\.\\w+: .*{words}")


# --- R:205, C:155-156 the sum against the executive document ------------------------------------------------

def test_row_control_total_one_dai_off(tmp_path, capsys):
    code, out = check(tmp_path, edited(JAN, "  dai_paid: 1,069,250", "  dai_paid: 1,069,251"), capsys)
    assert_violation(code, out, exit_code=2, message="re:expect\\.dai_paid: .*1,069,251.*1,069,250")


def test_row_payment_that_differs_from_the_executive_document(tmp_path, capsys):
    for name in ("exec.md",):
        (tmp_path / name).write_text((EXECDOC / name).read_text())
    text = (EXECDOC / "spell.yaml").read_text()
    assert "to: TANGO, amount: 4_300}" in text
    # The control total follows the YAML's payments: only the document disagrees.
    text = text.replace("to: TANGO, amount: 4_300}", "to: TANGO, amount: 4_400}").replace("usds_paid: 12_300", "usds_paid: 12_400")
    code, out = check(tmp_path, text, capsys)
    assert_violation(code, out, exit_code=2, message="re:amount: (?!warning).*(executive document|exec)")


# --- R:254-258 the allowance against the new streams ------------------------------------------------------

def test_row_allowance_below_the_new_streams(tmp_path, capsys):
    text = EVERY26.read_text()
    at = text.index("vest: MCD_VEST_SKY_TREASURY\n        increase: auto")
    text = text[:at] + text[at:].replace("increase: auto", "increase: 1,000", 1)
    code, out = check(tmp_path, text, capsys)
    assert_violation(code, out, exit_code=2, message="re:(?i)allowance.*4,800,000")
