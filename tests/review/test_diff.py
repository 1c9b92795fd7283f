"""`spellgen diff`: identity matching, human units, totals, future obligations, the rendered section,
exit codes, lightness; and the regeneration gate as the example CI workflow runs it."""
import json
import os
import re
import shlex
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from spellgen.cli import main as cli
from spellgen.cli import review as report_cli
from spellgen.spellfile.parse import load_spell
from spellgen.review.summary import from_wei, obligations, stream_months
from spellgen.spellfile.actions import Stream

ROOT = Path(__file__).resolve().parents[2]
TECHOPS = ROOT / "examples/techops-2022-01-28.yaml"
EVERY = ROOT / "examples/every-action.yaml"
WORKFLOW = ROOT / "examples/ci/spell-gate.yml"


def diff(*args):
    """The `diff` command as spellgen/cli.py wires it (report_cli.add_parsers)."""
    return report_cli.main(["diff", *map(str, args)])


def edited(tmp_path: Path, source: Path, *replacements: tuple[str, str], name: str = "new.yaml") -> Path:
    text = source.read_text()
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text)
    return path


def json_diff(old, new, capsys) -> dict:
    capsys.readouterr()
    diff(old, new, "--format", "json")
    return json.loads(capsys.readouterr().out)


# --- exit codes -----------------------------------------------------------------------------------

def test_same_spell_exits_0_and_prints_nothing(tmp_path, capsys):
    # A copy under another name is the same spell: both sections are rendered under one name.
    copy = edited(tmp_path, TECHOPS, name="copy.yaml")
    assert diff(TECHOPS, copy) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "declare the same spell" in captured.err
    assert diff(TECHOPS, copy, "--format", "json") == 0
    assert json.loads(capsys.readouterr().out)["equal"] is True


def test_different_spell_exits_1(tmp_path):
    new = edited(tmp_path, TECHOPS, ("amount: 1,069,250", "amount: 1,069,000"),
                 ("dai_paid: 1,069,250", "dai_paid: 1,069,000"))
    assert diff(TECHOPS, new) == 1


def test_invalid_input_exits_2_naming_the_problems_of_both_files(tmp_path, capsys):
    old = edited(tmp_path, TECHOPS, ("to: TECH_001\n        total", "to: TECH_002\n        total"), name="old.yaml")
    new = edited(tmp_path, TECHOPS, ("amount: 1,069,250", "amount: -5"), name="new.yaml")
    assert diff(old, new) == 2
    err = capsys.readouterr().err
    assert f"{old}:31:13: sections[0].actions[1].to: the recipient: unknown wallet 'TECH_002'" in err
    assert f"{new}:" in err and "negative" in err


def test_missing_file_exits_2(tmp_path, capsys):
    assert diff(TECHOPS, tmp_path / "absent.yaml") == 2
    assert "cannot read the file" in capsys.readouterr().err


# --- matching by identity -------------------------------------------------------------------------

def test_changed_stream_fields_in_human_units(tmp_path, capsys):
    new = edited(tmp_path, TECHOPS, ("total: 2,486,400", "total: 2,500,000"), ("restricted: true", "restricted: false"),
                 ("DAI: 2,486,400", "DAI: 2,500,000"))
    assert diff(TECHOPS, new) == 1
    out = capsys.readouterr().out
    assert ("  changed          stream: 2,486,400 DAI to TECH_001 on MCD_VEST_DAI, 2022-02-01 00:00:00 UTC "
            "to 2023-01-31 00:00:00 UTC  [sections[0].actions[1]]") in out
    assert "      total: 2,486,400 DAI -> 2,500,000 DAI\n      restricted: yes -> no\n" in out
    assert "Actions (1 changed, 0 added, 0 removed)" in out


def test_a_new_period_pairs_the_stream_as_changed_period(tmp_path, capsys):
    # Same vest and recipient, another end: not an unrelated removal and addition.
    new = edited(tmp_path, TECHOPS, ("end: 2023-01-31T00:00:00Z", "end: 2023-01-31"))
    data = json_diff(TECHOPS, new, capsys)
    assert [(a["change"], a["kind"]) for a in data["actions"]] == [("changed (period)", "stream")]
    assert data["actions"][0]["fields"] == [
        {"field": "end", "old": "2023-01-31 00:00:00 UTC", "new": "2023-01-31 23:59:59 UTC"}]


def test_a_stream_to_another_vest_is_removed_and_added(tmp_path, capsys):
    # Moved to the date after the DAI vest changed: both DAI vests exist then (without the Exec Doc
    # URL, whose file is dated 2022-01-28, so a draft).
    url_line = next(line for line in TECHOPS.read_text().splitlines(keepends=True) if "exec_doc:" in line)
    old = edited(tmp_path, TECHOPS, ("2022-01-28", "2022-05-27"), (url_line, "  draft: true\n"), name="old.yaml")
    new = edited(tmp_path, old, ("vest: MCD_VEST_DAI", "vest: MCD_VEST_DAI_LEGACY"),
                 ("MCD_VEST_DAI: 1", "MCD_VEST_DAI_LEGACY: 1"))
    data = json_diff(old, new, capsys)
    assert [(a["change"], a["label"].split(" on ")[1].split(",")[0]) for a in data["actions"]] == [
        ("added", "MCD_VEST_DAI_LEGACY"), ("removed", "MCD_VEST_DAI")]


def test_payments_match_by_recipient_and_transfers_are_added_or_removed(tmp_path, capsys):
    old = EVERY
    new = edited(tmp_path, EVERY,
                 ("      - type: mkr_transfer\n        to: ECOSYSTEM\n        amount: 300\n", ""),
                 ("amount: 62.51", "amount: 62.50"),
                 ("mkr_transferred: 362.51", "mkr_transferred: 62.50"))
    data = json_diff(old, new, capsys)
    changes = [(a["change"], a["label"], a["fields"]) for a in data["actions"]]
    assert changes == [
        ("changed", "MKR transfer: 62.51 MKR to 0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2",
         [{"field": "amount", "old": "62.51 MKR", "new": "62.50 MKR"}]),
        ("removed", "MKR transfer: 300.00 MKR to ECOSYSTEM", []),
    ]
    # The inline address's transfer moved up a line in the file: matched by recipient all the same.
    assert data["actions"][0]["old_path"] == "sections[2].actions[2]"
    assert data["actions"][0]["new_path"] == "sections[2].actions[1]"


def test_yanks_match_by_vest_and_id(tmp_path, capsys):
    new = edited(tmp_path, EVERY, ("        id: 7\n        end: 2023-12-31", "        id: 7\n        end: 2023-11-30"),
                 ("        id: 19\n", "        id: 20\n"))
    data = json_diff(EVERY, new, capsys)
    changes = [(a["change"], a["label"], a["fields"]) for a in data["actions"]]
    assert changes[0] == ("changed", "yank: award 7 on MCD_VEST_MKR_TREASURY, ending at 2023-12-31 23:59:59 UTC",
                          [{"field": "end", "old": "2023-12-31 23:59:59 UTC", "new": "2023-11-30 23:59:59 UTC"}])
    assert changes[1][:2] == ("added", "yank: award 20 on MCD_VEST_DAI, ending at the cast")
    assert changes[2][:2] == ("removed", "yank: award 19 on MCD_VEST_DAI, ending at the cast")


def test_a_recipient_paid_twice_pairs_in_file_order(tmp_path, capsys):
    pay = "      - type: dai_payment\n        to: DELEGATE\n        amount: {}\n"
    base = edited(tmp_path, EVERY, (pay.format("348,452.30") + "        round_up: true\n",
                                    pay.format("1,000") + pay.format("2,000")),
                  ("dai_paid: 348,453", "dai_paid: 3,000"), name="old.yaml")
    new = edited(tmp_path, base, ("amount: 2,000", "amount: 2,500"), ("dai_paid: 3,000", "dai_paid: 3,500"))
    data = json_diff(base, new, capsys)
    assert [(a["change"], a["label"]) for a in data["actions"]] == [("changed", "DAI payment: 2,000 DAI to DELEGATE")]


def test_wallet_registry_and_metadata_changes(tmp_path, capsys):
    new = edited(tmp_path, EVERY, ("DELEGATE: 0x0a6ae7bE40A2656cce2c3881DD009Fc855B9d1eC",
                                   "DELEGATE: 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B"),
                 ("office_hours: true", "office_hours: false"))
    assert diff(EVERY, new) == 1
    out = capsys.readouterr().out
    assert "Spell\n  office_hours: yes -> no\n" in out
    assert "  DELEGATE: 0x0a6ae7bE40A2656cce2c3881DD009Fc855B9d1eC -> 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B" in out
    # A payment to another address is another payment, whatever the wallet is called.
    assert "  added            DAI payment: 348,453 DAI to DELEGATE" in out
    assert "  removed          DAI payment: 348,453 DAI to DELEGATE" in out


def test_sections_renamed_added_and_relinked(tmp_path, capsys):
    new = edited(tmp_path, EVERY, ("title: Payments", "title: Payments and transfers"),
                 ("forum: https://forum.example/t/caps", "forum: https://forum.example/t/caps-2"),
                 ("  - title: Stream changes\n",
                  "  - title: Extra\n    actions:\n      - type: mkr_transfer\n        to: DELEGATE\n"
                  "        amount: 1\n  - title: Stream changes\n"),
                 ("mkr_transferred: 362.51", "mkr_transferred: 363.51"))
    data = json_diff(EVERY, new, capsys)
    assert data["sections"] == [
        {"field": "title of section 3", "old": "Payments", "new": "Payments and transfers"},
        {"field": "links of 'Vest rate caps'", "old": "Forum: https://forum.example/t/caps",
         "new": "Forum: https://forum.example/t/caps-2"},
        {"field": "section", "old": "", "new": "Extra"}]
    assert [(a["change"], a["label"]) for a in data["actions"]] == [("added", "MKR transfer: 1.00 MKR to DELEGATE")]


def test_a_changed_condition_on_an_earlier_spell_is_shown(tmp_path, capsys):
    """Whether a section runs at all is the reviewer's first question: `not_cast` -> `cast` flips it."""
    example = ROOT / "examples/core-units-2021-07-16.yaml"
    new = edited(tmp_path, example, ("runs_if: not_cast", "runs_if: cast"))
    data = json_diff(example, new, capsys)
    assert data["sections"] == [{"field": "condition of 'Core Unit Budget Distributions - July'",
                                 "old": "only if PREV_SPELL (0xEC782b5aC1f0Fc096Ad30950f3348670980f7FD3) was not cast",
                                 "new": "only if PREV_SPELL (0xEC782b5aC1f0Fc096Ad30950f3348670980f7FD3) was cast"}]


# --- totals and obligations -----------------------------------------------------------------------

def test_totals_before_and_after(tmp_path, capsys):
    new = edited(tmp_path, TECHOPS, ("total: 2,486,400", "total: 2,500,000"), ("DAI: 2,486,400", "DAI: 2,500,000"))
    diff(TECHOPS, new)
    out = capsys.readouterr().out
    assert ("  DAI: 3,555,650 DAI -> 3,569,250 DAI (+13,600 DAI); paid at the cast 1,069,250 -> 1,069,250, "
            "new streams 2,486,400 -> 2,500,000") in out
    data = json_diff(TECHOPS, new, capsys)
    assert data["totals"] == [{"token": "DAI", "old": {"paid": "1069250", "streamed": "2486400", "total": "3555650"},
                               "new": {"paid": "1069250", "streamed": "2500000", "total": "3569250"},
                               "delta": "13600"}]


def _claimable_before(tot: int, bgn: int, clf: int, fin: int, t: int) -> int:
    """DssVest's accrual (spec section 4), written again here from the spec, not imported."""
    if t <= clf or t <= bgn:
        return 0
    return tot if t >= fin else tot * (t - bgn) // (fin - bgn)


def test_obligations_follow_dssvest_exactly_and_add_up_to_the_total():
    spell = load_spell(EVERY)
    stream = spell.of_type(Stream)[0]  # 1,200,000 DAI, 2023-07-01 to 2024-06-30 23:59:59, cliff 2023-10-01
    tot, bgn, clf, fin = 1_200_000 * 10**18, 1688169600, 1696118400, 1719791999
    months = dict(stream_months(stream, since=1690329600))  # the spell's date, 2023-07-26
    assert months["2023-07"] == months["2023-08"] == months["2023-09"] == 0  # nothing before the cliff
    november = 1698796800  # 2023-11-01 00:00:00 UTC
    assert months["2023-10"] == _claimable_before(tot, bgn, clf, fin, november)  # the cliff's amount at once
    assert months["2023-11"] == _claimable_before(tot, bgn, clf, fin, 1701388800) - months["2023-10"]
    assert sum(months.values()) == tot and list(months)[-1] == "2024-06"


def test_obligations_per_recipient_month():
    rows = obligations(load_spell(TECHOPS))
    assert [(o.recipient, o.token) for o in rows] == [("TECH_001", "DAI")] * 12
    # February 2022 holds 28 of the stream's 364 days (it ends 2023-01-31 00:00:00).
    assert rows[0].month == "2022-02"
    assert rows[0].amount == from_wei(2_486_400 * 10**18 * 28 // 364) == Decimal("191261.538461538461538461")
    assert sum(o.amount for o in rows) == 2_486_400


def test_obligation_changes_per_month(tmp_path, capsys):
    # Ending a day later: every month's share shrinks a little and the last day moves to January's end.
    new = edited(tmp_path, TECHOPS, ("end: 2023-01-31T00:00:00Z", "end: 2023-01-31"))
    data = json_diff(TECHOPS, new, capsys)
    rows = {o["month"]: o for o in data["obligations"]}
    assert set(rows) == {f"2022-{m:02d}" for m in range(2, 13)} | {"2023-01"}
    assert sum(Decimal(o["delta"]) for o in data["obligations"]) == 0
    assert Decimal(rows["2023-01"]["delta"]) > 0 and Decimal(rows["2022-03"]["delta"]) < 0
    diff(TECHOPS, new)
    out = capsys.readouterr().out
    assert re.search(r"  TECH_001  DAI  2022-02  191,261\.54 -> 190,737\.\d\d  \(-52\d\.\d\d DAI\)", out)


# --- the rendered section -------------------------------------------------------------------------

def test_the_unified_diff_of_the_rendered_section_comes_last(tmp_path, capsys):
    new = edited(tmp_path, TECHOPS, ("total: 2,486,400", "total: 2,500,000"), ("DAI: 2,486,400", "DAI: 2,500,000"))
    diff(TECHOPS, new)
    out = capsys.readouterr().out
    head, _, unified = out.partition("Rendered Solidity section (unified diff)\n")
    assert unified.startswith(f"--- {TECHOPS} (rendered section)\n+++ {new} (rendered section)\n@@ ")
    assert "-                2_486_400 * WAD,           // tot\n" in unified
    assert "+                2_500_000 * WAD,           // tot\n" in unified
    assert "Future obligations" in head


def test_markdown_for_a_pull_request(tmp_path, capsys):
    new = edited(tmp_path, TECHOPS, ("total: 2,486,400", "total: 2,500,000"), ("DAI: 2,486,400", "DAI: 2,500,000"))
    assert diff(TECHOPS, new, "--format", "md") == 1
    md = capsys.readouterr().out
    assert md.startswith(f"## Spell diff: `{TECHOPS}` -> `{new}`\n")
    assert "| changed | stream: 2,486,400 DAI to TECH_001 on MCD_VEST_DAI" in md
    assert "| total | 2,486,400 DAI | 2,500,000 DAI |" in md
    assert "| DAI | 1,069,250 -> 1,069,250 | 2,486,400 -> 2,500,000 | 3,555,650 -> 3,569,250 | +13,600 DAI |" in md
    assert "```diff\n--- " in md and md.rstrip().endswith("```")


# --- lightness ------------------------------------------------------------------------------------

def test_diff_never_imports_brownie_web3_or_matplotlib(tmp_path):
    new = edited(tmp_path, TECHOPS, ("restricted: true", "restricted: false"))
    probe = ("import sys, io, contextlib; from spellgen.cli.review import main\n"
             "with contextlib.redirect_stdout(io.StringIO()): code = main(sys.argv[1:])\n"
             "heavy = sorted({m.split('.')[0] for m in sys.modules} & {'brownie', 'web3', 'solcx', 'eth_abi', "
             "'matplotlib', 'numpy'})\n"
             "print(code, heavy)")
    for fmt in ("text", "md", "json"):
        result = subprocess.run([sys.executable, "-c", probe, "diff", str(TECHOPS), str(new), "--format", fmt],
                                cwd=ROOT, capture_output=True, text=True, check=True)
        assert result.stdout.strip() == "1 []"


# --- the regeneration gate, as the example workflow runs it --------------------------------------

def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text())


def _spellgen_commands(workflow: dict) -> list[list[str]]:
    """Every `$SPELLGEN ...` command of the workflow's steps, with the workflow's env substituted."""
    env = {**workflow["env"], "GITHUB_BASE_REF": "main"}
    commands = []
    for step in workflow["jobs"]["spell"]["steps"]:
        for line in step.get("run", "").splitlines():
            if "$SPELLGEN" not in line:
                continue
            command = line[line.index("$SPELLGEN"):]
            command = re.split(r"\s(?:>>|\|\||;|&&)\s", command)[0]
            words = [re.sub(r"\$(\w+)", lambda m: env.get(m.group(1), m.group(0)), w) for w in shlex.split(command)]
            commands.append(words[1:])
    return commands


def test_the_workflow_gates_the_committed_spell_and_simulates_on_the_twin():
    workflow = _workflow()
    assert set(workflow[True]) == {"push", "pull_request"}  # PyYAML reads the key `on` as True
    commands = _spellgen_commands(workflow)
    assert [c[0] for c in commands] == ["check", "render", "simulate", "diff"]
    spec, spell = workflow["env"]["SPEC"], workflow["env"]["SPELL"]
    assert commands[1] == ["render", spec, "--check", spell]
    assert commands[2][:2] == ["simulate", spec] and "--twin" in commands[2]
    for command in commands:  # every command parses with spellgen's own parser
        parser = report_commands_parser() if command[0] in ("diff", "report") else cli.build_parser()
        parser.parse_args(command)


def report_commands_parser():
    """`diff` and `report` as spellgen/cli.py adds them (report_cli.add_parsers)."""
    import argparse

    parser = argparse.ArgumentParser(prog="spellgen")
    report_cli.add_parsers(parser.add_subparsers(dest="command", required=True))
    return parser


def test_the_gate_passes_on_the_committed_spell_and_fails_on_an_edited_one(tmp_path, capsys):
    env = _workflow()["env"]
    spec, spell = ROOT / env["SPEC"], ROOT / env["SPELL"]
    assert cli.main(["render", str(spec), "--check", str(spell)]) == 0
    edited_spell = tmp_path / "DssSpell.sol"
    edited_spell.write_text(spell.read_text().replace("2_486_400 * WAD", "2_486_401 * WAD"))
    capsys.readouterr()
    assert cli.main(["render", str(spec), "--check", str(edited_spell)]) == 1
    assert "+                2_486_400 * WAD," in capsys.readouterr().out


def test_the_workflow_pr_diff_step_tolerates_exit_1_only():
    step = next(s for s in _workflow()["jobs"]["spell"]["steps"] if "diff" in s.get("run", ""))
    assert "|| [ $? -eq 1 ]" in step["run"]
    script = step["run"].replace('$SPELLGEN diff /tmp/base.yaml "$SPEC" --format md >> "$GITHUB_STEP_SUMMARY"',
                                 "(exit $CODE)")
    script = script.replace('git show "origin/$GITHUB_BASE_REF:$SPEC" > /tmp/base.yaml 2>/dev/null', "true")
    for code, ok in ((0, True), (1, True), (2, False)):
        result = subprocess.run(["bash", "-e", "-c", script], env={**os.environ, "CODE": str(code),
                                                                   "GITHUB_STEP_SUMMARY": os.devnull})
        assert (result.returncode == 0) is ok, code


@pytest.mark.parametrize("command", ["diff", "report"])
def test_help_teaches(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        report_cli.main([command, "--help"])
    assert exit_.value.code == 0
    assert "examples:" in capsys.readouterr().out


def test_the_executive_document_and_draft_are_metadata(tmp_path, capsys):
    old_commit, new_commit = "8d4ada25d79f0d7cee894fc9f80d579ae5545a48", "0" * 39 + "1"
    new = edited(tmp_path, TECHOPS, (old_commit, new_commit), ("  office_hours: false\n",
                                                               "  office_hours: false\n  draft: true\n"))
    assert diff(TECHOPS, new) == 1
    out = capsys.readouterr().out
    assert f"  exec_doc.url: https://raw.githubusercontent.com/makerdao/community/{old_commit}/" in out
    assert f" -> https://raw.githubusercontent.com/makerdao/community/{new_commit}/" in out
    assert "  draft: no -> yes\n" in out
