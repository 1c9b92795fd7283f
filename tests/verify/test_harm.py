"""Issue 13: harmful and sloppy edits of rendered spells (harm_corpus.py) are cast on the twin and
`verify` must fail each one, naming the problem; the unmodified rendered spells still pass.

A mutant counts as caught only if it was really cast: its report records the cast transaction and
no "not cast" failure (a spell that reverts would fail every item without proving anything).
"""
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batches import Batches, mutant_requests  # noqa: E402
from harm_corpus import A, DEC, DEC_BODY, HARM, JAN, SKY_SPEC, TREASURY, dec, jan  # noqa: E402

from spellgen.cli import main as cli  # noqa: E402
from spellgen.render.spell import render  # noqa: E402
from spellgen.spellfile.parse import load_spell  # noqa: E402

NOT_CAST = "the spell is deployed, elected, scheduled and cast"


@pytest.fixture(autouse=True)
def no_fork_url(monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)


@pytest.fixture(scope="module")
def batches() -> Batches:
    """The harmful edits compiled in chunks, one standard-JSON input each: every test's own compile
    (in `spellgen verify`) is then read from the compile cache. Each edit is still cast and checked."""
    return Batches(lambda: mutant_requests(HARM, mutate))


def mutate(source: str, edits: list[tuple[str, str]]) -> str:
    for old, new in edits:
        assert old in source, f"the mutation target {old!r} is not in the rendered spell"
        source = source.replace(old, new, 1)
    return source


def verify(spec: Path, source: str, tmp_path: Path) -> tuple[int, dict, str]:
    spell_file = tmp_path / "DssSpell.sol"
    spell_file.write_text(source)
    code = cli.main(["verify", str(spec), "--spell", str(spell_file), "--report-dir", str(tmp_path)])
    return code, json.loads((tmp_path / "report.json").read_text()), (tmp_path / "report.md").read_text()


def test_the_corpus_covers_every_class():
    assert len(HARM) >= 40
    items = {m[3] for m in HARM}
    for check in ("nothing else: every changed storage slot", "calls: only pause", "interface:", "payments' Vat effects",
                  "near the end of the expiration window", "ChainLog keys", "office hours"):
        assert any(check in item for item in items), check


@pytest.mark.parametrize("spec", [JAN, DEC, TREASURY, SKY_SPEC], ids=lambda p: p.stem)
def test_unmodified_rendered_spells_pass(spec, tmp_path, capsys):
    code, report, md = verify(spec, render(load_spell(spec), spec.name), tmp_path)
    failed = [r for r in report["results"] if r["status"] == "FAIL"]
    assert code == 0 and not failed, failed
    assert not md.startswith("FAILED")


@pytest.mark.parametrize("name, spec, edits, item, problem", HARM, ids=[f"{m[1].stem}: {m[0]}" for m in HARM])
def test_harmful_edit_is_cast_and_caught(name, spec, edits, item, problem, tmp_path, capsys, batches):
    batches.compiled(HARM.index((name, spec, edits, item, problem)))
    source = mutate(render(load_spell(spec), spec.name), edits)
    code, report, md = verify(spec, source, tmp_path)
    if item != NOT_CAST:  # only an edit whose harm is precisely a revert may fail by not being cast
        assert report["cast"]["tx"], f"{name}: the mutant was not cast, so it proves nothing"
        assert not any(r["item"] == NOT_CAST for r in report["results"]), f"{name}: the mutant was not cast"
    failed = [r for r in report["results"] if r["status"] == "FAIL"]
    assert code == 1, f"{name}: verify exited {code}, not 1"
    named = [r for r in failed if item in r["item"]]
    assert named, f"{name}: no FAIL names {item!r}: {[r['item'] for r in failed]}"
    assert any(problem in r["reason"] for r in named), f"{name}: {problem!r} not in {[r['reason'] for r in named]}"
    assert md.startswith("FAILED")


@pytest.mark.parametrize("spec, edit, message", [
    (DEC, dec(f"        HarmLike(DssExecLib.dai()).mint({A}, 1);"),
     "the cast reverted in MCD_DAI.mint(address,uint256) called by MCD_PAUSE_PROXY: Dai/not-authorized"),
    (JAN, jan(f"        HarmHelper h = new HarmHelper(); h.harm(DssExecLib.vat(), {A});"),
     "the cast reverted in MCD_VAT.suck(address,address,uint256) called by 0x"),  # a helper: no name
], ids=["DAI.mint (2022-12 style)", "a helper's Vat suck (2022-01 style)"])
def test_a_reverting_cast_names_the_call_that_did_it(spec, edit, message, tmp_path, capsys):
    """A hostile edit the PauseProxy is not authorized for: the cast reverts, and the report names the
    failing call by its target's chainlog name, its decoded signature and its caller."""
    code, report, md = verify(spec, mutate(render(load_spell(spec), spec.name), edit), tmp_path)
    assert code == 1
    [not_cast] = [r for r in report["results"] if r["item"] == NOT_CAST]
    assert message in not_cast["reason"], not_cast["reason"]
    assert message in md
    if message.endswith("called by 0x"):  # the helper the cast created has no name: its revert string follows
        assert not_cast["reason"].split(message, 1)[1][40:].startswith(": Vat/not-authorized")


SPOT = "0x65C79fcB50Ca1594B025960e539eD7A9a6D434A3"  # mainnet MCD_SPOT: a ChainLog key the twin does not model


def test_a_contract_of_the_dates_chainlog_is_named_in_every_message(tmp_path, capsys):
    """MKR sent to MCD_SPOT: the event and the state change both name it by its chainlog key of the
    spell's date, though spellgen models no MCD_SPOT."""
    edit = [(DEC_BODY, f"        MKR.transfer({SPOT}, 1 ether);\n" + DEC_BODY)]
    code, report, md = verify(DEC, mutate(render(load_spell(DEC), DEC.name), edit), tmp_path)
    assert code == 1
    failed = {r["item"]: r["reason"] for r in report["results"] if r["status"] == "FAIL"}
    [events] = [reason for item, reason in failed.items() if item.startswith("nothing else: every event")]
    assert f"MKR moved from MCD_PAUSE_PROXY (0xBE8E3e3618f7474F8cB1d074A26afFef007E98FB) to MCD_SPOT ({SPOT}): 1 MKR" \
        in events, events


def test_the_reports_name_a_hostile_rely_in_permissions_and_an_extra_transfer_in_the_state_diff(tmp_path, capsys):
    """Issue 25: a rely no YAML item declares is a row of the permissions table, marked unexplained, in
    report.json, report.md and report.html; an extra transfer is an unexplained row of the state diff; each
    changes the normalized state-diff hash, which the unmodified spell keeps."""
    from harm_corpus import ATTACKER

    rendered = render(load_spell(DEC), DEC.name)
    for run in ("clean", "rely", "transfer"):
        (tmp_path / run).mkdir()
    _, clean, clean_md = verify(DEC, rendered, tmp_path / "clean")
    assert clean["permissions"] == [] and "## Permissions" in clean_md and "None changed." in clean_md
    assert clean["state_diff_hash"].startswith("0x") and clean["state_diff_encoding"]
    assert any(c["meaning"] == "balanceOf[TECH_001]" and c["item"].startswith("MKR transfer")
               for c in clean["state_diff"]), clean["state_diff"]

    code, rely, md = verify(DEC, mutate(rendered, dec(f"        HarmLike(DssExecLib.vat()).rely({A});")),
                            tmp_path / "rely")
    assert code == 1
    [ward] = rely["permissions"]
    assert (ward["contract"], ward["permission"], ward["before"], ward["after"], ward["item"]) == \
        ("MCD_VAT", f"wards[{ATTACKER}]", "0", "1", "unexplained")
    assert f"`wards[{ATTACKER}]`" in md.split("## Permissions", 1)[1].split("## Verification", 1)[0]
    html = (tmp_path / "rely" / "report.html").read_text()
    assert f"wards[{ATTACKER}]" in html.split('id="permissions"', 1)[1]
    assert rely["state_diff_hash"] != clean["state_diff_hash"]

    code, extra, _ = verify(DEC, mutate(rendered, [(DEC_BODY, DEC_BODY + f"\n        MKR.transfer({ATTACKER}, 1 ether);")]),
                            tmp_path / "transfer")
    assert code == 1 and extra["permissions"] == []
    assert any(c["meaning"] == f"balanceOf[{ATTACKER}]" and c["verdict"] == "unexplained" for c in extra["state_diff"])
    assert extra["state_diff_hash"] not in (clean["state_diff_hash"], rely["state_diff_hash"])
