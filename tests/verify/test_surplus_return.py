"""`surplus_return` (issue 24): the PauseProxy's DAI or USDS joined back into the Vow's dai, as 2025-02-06
(DAI through MCD_JOIN_DAI) and 2025-02-21 (USDS through USDS_JOIN) wrote it. The example is cast once on
the twin of 2025-02-06; the rest needs no cast."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from spellgen.spellfile.actions.surplus_return import SurplusReturn
from spellgen.spellfile.diagnostics import Diagnostics
from spellgen.spellfile.expect import expected_from
from spellgen.spellfile.parse import load_spell
from spellgen.spellfile.protocol import RAY, WAD
from tests.violations import assert_violation, run_cli, write_spell

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests/spells/surplus-return-2025-02-06.yaml"
RETURNED = 406_451_52 * WAD // 100  # 406,451.52 DAI
PROXY = "0xBE8E3e3618f7474F8cB1d074A26afFef007E98FB"


def _result(report: dict, prefix: str) -> dict:
    return next(r for r in report["results"] if r["item"].startswith(prefix))


def test_the_2025_02_06_sweep_is_cast_and_the_vows_dai_rises_by_exactly_the_amount(simulated):
    run = simulated(EXAMPLE)
    assert run.code == 0, run.out + run.err
    report = run.report()
    swept = _result(report, "return to the surplus buffer: 406,451.52 DAI of the PauseProxy")
    # PASS with a warning: the twin models no DAI in the PauseProxy, so it was given the amount.
    assert swept["status"] == "WARN", swept
    assert "the PauseProxy's DAI holding is the twin's assumption, 406,451.52 DAI before the cast" in swept["warning"]
    assert f"vat.dai(MCD_VOW) +{RETURNED * RAY:,} rad" in swept["evidence"]
    assert "PauseProxy DAI 406,451.52 DAI -> 0 DAI" in swept["evidence"]
    # The USDS payments' figures count the DAI that left the PauseProxy and the DAI supply.
    buffer = _result(report, "surplus buffer:")
    assert buffer["status"] == "PASS", buffer
    assert "DAI supply -406,451.52 DAI, PauseProxy DAI -406,451.52 DAI" in buffer["evidence"]
    for nothing_else in ("nothing else: every changed storage slot", "nothing else: every event"):
        assert _result(report, nothing_else)["status"] == "PASS"
    code = _result(report, "code: every call site")
    assert "MCD_JOIN_DAI.join" in code["evidence"] and code["status"] == "PASS"
    assert _result(report, "source:")["status"] == "PASS"
    markdown = run.text("report.md")
    assert "the PauseProxy holds 406,451.52 of MCD_DAI (what the spell returns)" in markdown
    assert "the PauseProxy's MCD_DAI before the cast: given 406,451.52 more on the twin" in markdown


def test_the_dai_form_renders_as_2025_02_06_wrote_it(tmp_path, capsys):
    code, out = run_cli(["render", EXAMPLE], capsys)
    assert code == 0, out
    assert ("        // Note: Approve the DaiJoin for the amount returned\n"
            "        DAI.approve(MCD_JOIN_DAI, 406_451.52 ether);") in out
    assert ("        // Note: Join the DaiJoin for the amount returned using the Vow as destination\n"
            "        DaiJoinAbstract(MCD_JOIN_DAI).join(MCD_VOW, 406_451.52 ether);") in out
    assert 'import { DaiJoinAbstract } from "dss-interfaces/dss/DaiJoinAbstract.sol";' in out


def _usds_spell(tmp_path: Path, amount: str, extra: str = "") -> Path:
    text = EXAMPLE.read_text()
    text = text[:text.index("  - title: Integration Boost Funding")] + extra
    return write_spell(tmp_path, text.replace("2025-02-06", "2025-02-21").replace("token: DAI", "token: USDS")
                       .replace("amount: 406,451.52", f"amount: {amount}"))


def test_the_usds_form_reads_the_balance_at_the_cast_through_usds_join(tmp_path, capsys):
    code, out = run_cli(["render", _usds_spell(tmp_path, "balance - 7,500,000")], capsys)
    assert code == 0, out
    balance = "USDS.balanceOf(address(this)) - 7_500_000 * WAD"
    assert f"        USDS.approve(USDS_JOIN, {balance});" in out
    assert f"        UsdsJoinLike(USDS_JOIN).join(MCD_VOW, {balance});" in out
    assert "interface UsdsJoinLike {\n    function join(address usr, uint256 wad) external;\n}" in out


def test_before_dss_interfaces_the_dai_join_is_declared_with_join_only_when_called(tmp_path, capsys):
    text = EXAMPLE.read_text().replace("2025-02-06", "2022-06-10")
    text = text[:text.index("  - title: Integration Boost Funding")]
    code, out = run_cli(["render", write_spell(tmp_path, text)], capsys)
    assert code == 0, out
    assert "function join(address usr, uint256 wad) external;" in out
    assert "DaiJoinLike(MCD_JOIN_DAI).join(MCD_VOW, 406_451.52 ether);" in out


def test_a_return_beside_an_allocator_payment_is_refused(tmp_path, capsys):
    allocator = ("  - title: Allocator\n    actions:\n"
                 "      - {type: allocator_payment, vault: ALLOCATOR_SPARK_A_VAULT, amount: 1_000}\n")
    path = _usds_spell(tmp_path, "1,000", allocator)
    text = path.read_text().replace("2025-02-21", "2025-10-30")
    code, out = run_cli(["check", write_spell(tmp_path, text)], capsys)
    assert_violation(code, out, exit_code=2, message="a return to the surplus buffer and an allocator payment in "
                                                     "one spell: verify checks vat.dai(MCD_VOW) for each on its own")


def test_a_second_balance_read_of_the_same_token_by_another_kind_is_refused(tmp_path, capsys):
    transfer = ("  - title: Transfer\n    actions:\n"
                "      - {type: proxy_transfer, token: USDS, to: 0xa6e8772af29b29B9202a073f8E36f447689BEef6, "
                "amount: balance}\n")
    code, out = run_cli(["check", _usds_spell(tmp_path, "balance - 5", transfer)], capsys)
    assert_violation(code, out, exit_code=2, message="a second amount read from the PauseProxy's USDS balance")


def _observed(vow_rise: int, proxy_fall: int, supply_fall: int) -> SimpleNamespace:
    key = ("MCD_DAI", PROXY.lower())
    before = SimpleNamespace(held={key: RETURNED}, supply={"MCD_DAI": 10 * RETURNED}, vow_dai=0)
    after = SimpleNamespace(held={key: RETURNED - proxy_fall}, supply={"MCD_DAI": 10 * RETURNED - supply_fall},
                            vow_dai=vow_rise)
    return SimpleNamespace(addresses={"MCD_PAUSE_PROXY": PROXY}, before=before, after=after, twin=False)


def test_verify_fails_a_vow_or_a_pauseproxy_that_did_not_move_by_exactly_the_amount():
    expected = expected_from(load_spell(EXAMPLE, Diagnostics(str(EXAMPLE))))
    [good] = SurplusReturn.checks(expected, _observed(RETURNED * RAY, RETURNED, RETURNED))
    assert good.passed and not good.warning, good  # on a fork: no assumption to name
    [short] = SurplusReturn.checks(expected, _observed(RETURNED * RAY - 1, RETURNED, RETURNED))
    assert not short.passed
    assert f"vat.dai(MCD_VOW) rise (rad): expected {RETURNED * RAY:,}, observed {RETURNED * RAY - 1:,}" in short.reason
    [kept] = SurplusReturn.checks(expected, _observed(RETURNED * RAY, 0, RETURNED))
    assert "PauseProxy DAI fall: expected 406,451.52 DAI, observed 0 DAI" in kept.reason
    [unread] = SurplusReturn.checks(expected, SimpleNamespace(addresses={"MCD_PAUSE_PROXY": PROXY},
                                                              before=SimpleNamespace(held={}, supply={}, vow_dai=0),
                                                              after=SimpleNamespace(held={}, supply={}, vow_dai=0)))
    assert not unread.passed and "the chain's MCD_DAI balances were not read" in unread.reason


def test_the_vat_note_of_a_join_moving_its_dai_to_the_vow_is_a_returns_mechanics_and_no_other():
    """Without a payment in the spell, a return's Vat.move note (the join's dai to the Vow) is explained by
    the return alone: a move to anyone else, or from another account, is not."""
    from spellgen.spellfile.actions.common import topic
    from spellgen.spellfile.history import MAINNET
    from spellgen.verify.compare import EventLedger

    ledger = EventLedger.__new__(EventLedger)
    ledger.o = SimpleNamespace(addresses={k: MAINNET[k] for k in ("MCD_JOIN_DAI", "USDS_JOIN", "MCD_VOW")})
    note = topic("move(address,address,uint256)")[:10] + "0" * 56

    def word(address: str) -> str:
        return "0" * 24 + address[2:].lower()
    join, usds_join, vow = MAINNET["MCD_JOIN_DAI"], MAINNET["USDS_JOIN"], MAINNET["MCD_VOW"]
    assert ledger._return_mechanics(note, [note[2:], word(join), word(join), word(vow)])
    assert ledger._return_mechanics(note, [note[2:], word(usds_join), word(usds_join), word(vow)])
    assert not ledger._return_mechanics(note, [note[2:], word(join), word(join), word(PROXY)])
    assert not ledger._return_mechanics(note, [note[2:], word(PROXY), word(PROXY), word(vow)])
    suck = topic("suck(address,address,uint256)")[:10] + "0" * 56
    assert not ledger._return_mechanics(suck, [suck[2:], word(join), word(join), word(vow)])
