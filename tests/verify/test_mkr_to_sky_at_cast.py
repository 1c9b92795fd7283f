"""`mkr_to_sky` with an amount read at the cast (issue 24): the PauseProxy's MKR balance less what named
awards of an MKR vest still owe, as 2025-06-26 wrote it. The example is cast once on the twin of
2025-06-26; verify computes the amount from the chain's state before the cast, never from the render."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from spellgen.spellfile.actions.mkr_to_sky import at_cast_check
from spellgen.spellfile.computed import unpaid
from spellgen.spellfile.diagnostics import Diagnostics
from spellgen.spellfile.expect import expected_from
from spellgen.spellfile.parse import load_spell
from spellgen.spellfile.protocol import MKR_SKY_RATE, WAD
from tests.violations import assert_violation, run_cli, write_spell

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests/spells/mkr-to-sky-2025-06-26.yaml"
IDS = (9, 18, 24, 35, 37, 39)
PROXY = "0xBE8E3e3618f7474F8cB1d074A26afFef007E98FB"
LABEL = ("MKR -> SKY conversion: all MKR of the PauseProxy less what MCD_VEST_MKR_TREASURY ids 9, 18, 24, 35, 37, "
         "and 39 still owe, read at the cast, into SKY")


def _result(report: dict, prefix: str) -> dict:
    return next(r for r in report["results"] if r["item"].startswith(prefix))


def test_the_2025_06_26_conversion_is_computed_from_the_pre_state_and_verifies(simulated):
    run = simulated(EXAMPLE)
    assert run.code == 0, run.out + run.err
    report = run.report()
    converted = _result(report, LABEL)
    # The twin's figures: 83,647.19... MKR in the PauseProxy, the six awards owing 4,840 MKR at the cast.
    assert converted["status"] == "WARN", converted
    assert ("PauseProxy MKR before the cast 83,647.191716133942161344 MKR, owed by the awards at the cast 4,840 MKR: "
            "78,807.191716133942161344 MKR converted into 1,891,372,601.187214611872256 SKY") in converted["evidence"]
    assert "the twin's assumed PauseProxy MKR treasury" in converted["warning"]
    # What the other awards owe on the twin is its assumption (never claimed): a WARN, naming it.
    solvency = _result(report, "MCD_VEST_MKR_TREASURY can pay every valid award")
    assert solvency["status"] == "WARN", solvency
    assert "kept back what awards 9, 18, 24, 35, 37, 39 owe" in solvency["warning"]
    for item in ("nothing else: every changed storage slot", "nothing else: every event", "code: every call site",
                 "code: no branch", "source:"):
        assert _result(report, item)["status"] == "PASS", item


def test_the_conversion_renders_as_2025_06_26_wrote_it(capsys):
    code, out = run_cli(["render", EXAMPLE], capsys)
    assert code == 0, out
    assert ("        // Note: get unpaid MKR for MCD_VEST_MKR_TREASURY ids 9, 18, 24, 35, 37, and 39\n"
            "        uint256 unpaidMkr = VestAbstract(MCD_VEST_MKR_TREASURY).unpaid(9) +\n"
            "            VestAbstract(MCD_VEST_MKR_TREASURY).unpaid(18) +\n") in out
    assert "            VestAbstract(MCD_VEST_MKR_TREASURY).unpaid(39);\n" in out
    assert ("        GemAbstract(MKR).approve(MKR_SKY, GemAbstract(MKR).balanceOf(address(this)) - unpaidMkr);\n"
            "        // Call mkrToSky() on MKR_SKY with the MKR balance of the PauseProxy minus the unpaid() MKR for "
            "MCD_VEST_MKR_TREASURY ids 9, 18, 24, 35, 37, and 39\n"
            "        MkrSkyLike(MKR_SKY).mkrToSky(address(this), GemAbstract(MKR).balanceOf(address(this)) - unpaidMkr);"
            ) in out


def _spell(tmp_path: Path, action: str, extra: str = "") -> Path:
    text = EXAMPLE.read_text()
    head = text[:text.index("      - type: mkr_to_sky")]
    return write_spell(tmp_path, head + action + extra)


def test_a_balance_less_a_constant_without_awards_renders_the_balance_read(tmp_path, capsys):
    code, out = run_cli(["render", _spell(tmp_path, "      - {type: mkr_to_sky, amount: balance - 1_000}\n")], capsys)
    assert code == 0, out
    assert "MkrSkyLike(MKR_SKY).mkrToSky(address(this), GemAbstract(MKR).balanceOf(address(this)) - 1_000 * WAD);" in out
    assert "unpaidMkr" not in out


def test_bad_less_unpaid_inputs_are_located(tmp_path, capsys):
    cases = [
        ("      - {type: mkr_to_sky, amount: 1_000, less_unpaid: {vest: MCD_VEST_MKR_TREASURY, ids: [9]}}\n",
         "less_unpaid subtracts from the balance read at the cast"),
        ("      - {type: mkr_to_sky, amount: balance, less_unpaid: {vest: MCD_VEST_SKY_TREASURY, ids: [1]}}\n",
         "MCD_VEST_SKY_TREASURY pays SKY, not MKR"),
        ("      - {type: mkr_to_sky, amount: balance, less_unpaid: {vest: MCD_VEST_MKR_TREASURY, ids: [9, 9]}}\n",
         "an award id is listed twice"),
        ("      - {type: mkr_to_sky, amount: balance, less_unpaid: {vest: MCD_VEST_MKR_TREASURY, ids: [48]}}\n",
         "MCD_VEST_MKR_TREASURY has 47 awards before a 2025-06-26 spell: no award 48 to read"),
    ]
    for n, (action, message) in enumerate(cases):
        folder = tmp_path / str(n)
        folder.mkdir()
        code, out = run_cli(["check", _spell(folder, action)], capsys)
        assert_violation(code, out, exit_code=2, message=message)


def test_another_change_of_the_pauseproxys_sky_beside_it_is_refused(tmp_path, capsys):
    """A SKY burn of a constant may stand beside it (tests/verify/test_treasury_section_2025_06_26.py); one whose
    amount reads the PauseProxy's SKY at the cast may not: that balance holds the conversion's SKY."""
    burn = "  - title: Burn\n    actions:\n      - {type: burn, token: SKY, amount: balance - 426_292_860.23}\n"
    text = EXAMPLE.read_text() + burn
    code, out = run_cli(["check", write_spell(tmp_path, text)], capsys)
    assert_violation(code, out, exit_code=2, message="sections[1].actions[0] reads the PauseProxy's SKY balance at "
                                                     "the cast: beside the MKR conversion read at the cast at "
                                                     "sections[0].actions[0], verify could not compute it")


def test_a_constant_sky_burn_beside_it_is_accepted(tmp_path, capsys):
    burn = "  - title: Burn\n    actions:\n      - {type: burn, token: SKY, amount: 426_292_860.23}\n"
    code, out = run_cli(["check", write_spell(tmp_path, EXAMPLE.read_text() + burn)], capsys)
    assert code == 0, out


def _award(tot: int, rxd: int = 0) -> SimpleNamespace:
    return SimpleNamespace(usr=PROXY, bgn=0, clf=0, fin=100, tot=tot, rxd=rxd)


def _observed(balance: int, fell: int, t: int = 50) -> SimpleNamespace:
    awards = {("MCD_VEST_MKR_TREASURY", i): _award(10 * WAD, rxd=WAD) for i in IDS}
    before = SimpleNamespace(mkr={PROXY: balance}, sky={PROXY: 0}, supply={"MKR": 10**30, "SKY": 10**30},
                             awards=awards)
    after = SimpleNamespace(mkr={PROXY: balance - fell}, sky={PROXY: fell * MKR_SKY_RATE},
                            supply={"MKR": 10**30 - fell, "SKY": 10**30 + fell * MKR_SKY_RATE}, awards=awards)
    return SimpleNamespace(addresses={"MCD_PAUSE_PROXY": PROXY}, before=before, after=after, twin=False,
                           cast_receipt=lambda: SimpleNamespace(timestamp=t))


def test_verify_computes_the_amount_from_the_pre_state_and_fails_another():
    expected = expected_from(load_spell(EXAMPLE, Diagnostics(str(EXAMPLE))))
    [conversion] = expected.mkr_at_cast
    owed = 6 * unpaid(_award(10 * WAD, rxd=WAD), 50)  # half accrued, one paid: 4 MKR each
    assert owed == 24 * WAD
    good = at_cast_check(conversion, expected, _observed(1_000 * WAD, 1_000 * WAD - owed))
    assert good.passed and not good.warning, good
    # A spell that converted the whole balance (the awards' MKR not kept back) fails.
    whole = at_cast_check(conversion, expected, _observed(1_000 * WAD, 1_000 * WAD))
    assert not whole.passed and "MKR converted (MKR supply fall): expected 976 MKR, observed 1,000 MKR" in whole.reason
    # A balance below what the awards owe: the statement reverts, and verify says so.
    short = at_cast_check(conversion, expected, _observed(10 * WAD, 0))
    assert not short.passed and "the statement reverts" in short.reason
    # An award the chain did not have before the cast: not computable, a failure naming it.
    missing = _observed(1_000 * WAD, 0)
    del missing.before.awards[("MCD_VEST_MKR_TREASURY", 39)]
    unread = at_cast_check(conversion, expected, missing)
    assert not unread.passed and "MCD_VEST_MKR_TREASURY has no award 39 before the cast" in unread.reason


def test_a_yank_of_an_award_it_reads_is_refused(tmp_path, capsys):
    """verify computes the amount from the awards before the cast: a yank of one of them in the same spell
    could change what the statement reads, so it is refused wherever it stands."""
    yank = "  - title: Yank\n    actions:\n      - {type: yank, vest: MCD_VEST_MKR_TREASURY, id: 39}\n"
    code, out = run_cli(["check", write_spell(tmp_path, EXAMPLE.read_text() + yank)], capsys)
    assert_violation(code, out, exit_code=2, message="award 39 of MCD_VEST_MKR_TREASURY is changed by "
                                                     "sections[1].actions[0]: verify reads it before the cast")
