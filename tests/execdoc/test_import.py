"""`spellgen import DOC.md`: a draft spell YAML from an executive document's money lines (issue 25)."""
from __future__ import annotations

from pathlib import Path

import yaml

from spellgen.cli import main as cli

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "tests/execdoc/exec.md"

# A document in the layout of the 2022 executive documents (written for this test; the addresses are
# mainnet's delegate and Core Unit wallets of the date, the figures are made up).
DOC_2022 = """\
# [Executive Proposal] Delegate Compensation, TechOps MKR Transfer - December 9, 2022

## Executive Summary

- A total of **3,500 DAI** will be distributed to 2 Recognized Delegates.

## Proposal Details

### Recognized Delegate Compensation

- **Forum Post**: [link](https://forum.makerdao.com/t/recognized-delegate-compensation-breakdown-november-2022/19011)

- 2,000 DAI will be transferred to [StableNode](https://vote.makerdao.com/address/0x8804d391472126da56b9a560aef6c6d5aaa7607b) at [0x3B91eBDfBC4B78d778f62632a4004804AC5d2DB0](https://etherscan.io/address/0x3B91eBDfBC4B78d778f62632a4004804AC5d2DB0).
- 1,500 DAI will be transferred to [schuppi](https://vote.makerdao.com/address/0xb4b82978fce6d26a22dea7e653bb9ce8e14f8056) at [0xccffdbc38b1463847509dcd95e0d9aaf54d1c167](https://etherscan.io/address/0xCCffDBc38B1463847509dCD95e0D9AAf54D1c167).

### TechOps MKR Transfer

As per their MKR vesting proposal **257.31 MKR** will be transferred to the TechOps Core Unit at [0x2dC0420A736D1F40893B9481D8968E4D7424bC0B](https://etherscan.io/address/0x2dC0420A736D1F40893B9481D8968E4D7424bC0B).

### Someone Else

- 10 DAI will be transferred to 0x3B91eBDfBC4B78d778f62632a4004804AC5d2DB0 and 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B.
- `yank` MCD_VEST_DAI vest with ID 12.
"""


def run(argv, capsys) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_sky_document_drafts_its_payments_and_lists_what_it_did_not_read(tmp_path, capsys):
    out = tmp_path / "drafted.yaml"
    code, _, err = run(["import", DOC, "-o", out], capsys)
    assert code == 0, err
    data = yaml.safe_load(out.read_text())
    assert str(data["spell"]["date"]) == "2026-04-09" and data["spell"]["draft"] is True
    assert (out.parent / data["spell"]["exec_doc"]["copy"]).resolve() == DOC  # relative to the YAML
    compensation, staking = data["sections"]
    assert compensation["title"] == "Delegate Compensation for March 2026"
    assert compensation["links"]["forum"] == "https://forum.sky.money/t/march-2026-ranked-delegate-compensation/1"
    assert compensation["actions"] == [{"type": "usds_payment", "to": "AEGIS_D", "amount": 4000},
                                       {"type": "usds_payment", "to": "BLUE", "amount": 4000},
                                       {"type": "usds_payment", "to": "TANGO", "amount": 4300}]
    assert staking["actions"] == [{"type": "sky_transfer", "to": "SKY_STAKING", "amount": 2500000}]
    # The stream, its allowance, distribute() and the allocator mint: each named, none guessed.
    for line in (46, 47, 52, 53, 57):
        assert f"exec.md:{line}: not read: " in err
    assert "exec.md:52: not read: a stream or its parameter" in err
    assert "4 actions drafted for 2026-04-09, 5 lines not read; wrote" in err
    assert "#   line 57: a money line the importer does not draft" in out.read_text()
    # The draft is a valid spell, and `check` holds it against the document it came from.
    code, stdout, _ = run(["check", out], capsys)
    assert code == 0, stdout
    assert "gives 500,000,000 SKY to 0x675671a8756ddb69f7254afb030865388ef699ee, which no action" in stdout  # the stream left to the reviewer
    assert stdout.count("which no action") == 1  # every payment the draft states is the document's


def test_a_2022_document_names_recipients_by_the_registry_of_its_date(tmp_path, capsys):
    doc = tmp_path / "Executive Vote - December 9, 2022.md"
    doc.write_text(DOC_2022)
    code, text, err = run(["import", doc], capsys)
    assert code == 0, err
    data = yaml.safe_load(text)
    assert str(data["spell"]["date"]) == "2022-12-09"  # from the file name: this document has no front matter
    assert "  TECH_WALLET: 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B\n" in text
    sections = {s["title"]: s for s in data["sections"]}
    paid = sections["Recognized Delegate Compensation"]["actions"]
    assert [a["type"] for a in paid] == ["dai_payment", "dai_payment"] and [a["amount"] for a in paid] == [2000, 1500]
    # A lower-case address in the document is written checksummed.
    assert "0xCCffDBc38B1463847509dCD95e0D9AAf54D1c167" in text
    assert sections["TechOps MKR Transfer"]["actions"] == [
        {"type": "mkr_transfer", "to": "TECH_WALLET", "amount": 257.31}]
    assert "Someone Else" not in sections  # a line with two addresses is not guessed
    assert ":22: not read: the line names 2 addresses" in err and ":23: not read: a money line" in err
    assert "Executive Summary" not in text  # the summary's total is not a payment
    path = tmp_path / "spec.yaml"
    path.write_text(text.replace(f'copy: "{doc}"', f'copy: "{doc.name}"'))
    code, stdout, _ = run(["check", path], capsys)
    assert code == 0, stdout


def test_an_undated_document_and_an_existing_output_are_invalid_input(tmp_path, capsys):
    doc = tmp_path / "notes.md"
    doc.write_text(DOC_2022.replace("December 9, 2022", "soon"))
    code, _, err = run(["import", doc], capsys)
    assert code == 2 and "the document states no date" in err and "--date YYYY-MM-DD" in err
    code, text, _ = run(["import", doc, "--date", "2022-12-09"], capsys)
    assert code == 0 and "date: 2022-12-09" in text
    existing = tmp_path / "spec.yaml"
    existing.write_text("keep me\n")
    code, _, err = run(["import", doc, "--date", "2022-12-09", "-o", existing], capsys)
    assert code == 2 and "exists; pass --force" in err and existing.read_text() == "keep me\n"


def test_headings_and_links_are_quoted_so_yaml_text_cannot_escape(tmp_path, capsys):
    hostile = DOC_2022.replace("### TechOps MKR Transfer", '### TechOps "MKR" # Transfer: {x}\\n')
    doc = tmp_path / "Executive Vote - December 9, 2022.md"
    doc.write_text(hostile)
    code, text, _ = run(["import", doc], capsys)
    assert code == 0
    titles = [s["title"] for s in yaml.safe_load(text)["sections"]]
    assert 'TechOps "MKR" # Transfer: {x}\\n' in titles
