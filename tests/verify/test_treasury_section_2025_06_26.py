"""The treasury money actions of the 2025-06-26 spell stated whole (issue 24): the MKR conversion read at
the cast beside the SKY burn, the SKY transfers and the USDS payments. verify computes the conversion from
the chain's state before the cast and adds its SKY to the other statements' checks (the PauseProxy's SKY,
the SKY supply). The example is cast once (the session's `simulated`); the hostile variants are judged by
the same checks against observations built here, without a cast."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from spellgen.spellfile.actions.burn import Burn
from spellgen.spellfile.actions.mkr_to_sky import MkrToSky, with_conversions_read
from spellgen.spellfile.actions.sky_transfer import SkyTransfer
from spellgen.spellfile.diagnostics import Diagnostics
from spellgen.spellfile.expect import expected_from
from spellgen.spellfile.parse import load_spell
from spellgen.spellfile.protocol import MKR_SKY_RATE, WAD
from tests.violations import assert_violation, run_cli, write_spell

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "tests/spells/treasury-2025-06-26.yaml"
IDS = (9, 18, 24, 35, 37, 39)
PROXY = "0xBE8E3e3618f7474F8cB1d074A26afFef007E98FB"
CONVERSION = "MKR -> SKY conversion: all MKR of the PauseProxy less what MCD_VEST_MKR_TREASURY ids 9"
BURN = "burn: 426,292,860.23 SKY of the PauseProxy"
BURNT = 426_292_860_230_000_000_000_000_000
SENT = (8_400_000 + 330_000 + 288_000) * WAD  # the Launch Project's, BLUE's and CLOAKY_2's SKY


def _result(report: dict, prefix: str) -> dict:
    return next(r for r in report["results"] if r["item"].startswith(prefix))


def test_the_2025_06_26_treasury_section_is_stated_whole_and_verifies(simulated):
    run = simulated(EXAMPLE)
    assert run.code == 0, run.out + run.err
    report = run.report()
    # The twin's figures (assumptions): 83,647.19... MKR in the PauseProxy, 4,840 MKR owed by the six awards,
    # 2,000,000,000 SKY held before the cast.
    converted = _result(report, CONVERSION)
    assert converted["status"] == "WARN" and "the twin's assumed PauseProxy MKR treasury" in converted["warning"]
    assert "78,807.191716133942161344 MKR converted into 1,891,372,601.187214611872256 SKY" in converted["evidence"]
    # The PauseProxy's SKY walk: the conversion's SKY (computed from the pre-state) less the burn and the transfers.
    treasury = _result(report, "treasury: PauseProxy SKY")
    assert treasury["status"] == "PASS", treasury
    assert treasury["item"] == "treasury: PauseProxy SKY +1,456,061,740.957214611872256 SKY"
    assert "PauseProxy SKY 2,000,000,000 SKY -> 3,456,061,740.957214611872256 SKY" in treasury["evidence"]
    # The burn against the SKY supply, which the conversion raised in the same cast.
    burn = _result(report, BURN)
    assert burn["status"] == "PASS", burn
    assert "SKY supply +1,465,079,740.957214611872256 SKY" in burn["evidence"]
    for item in ("SKY transfer: 8,400,000 SKY to LAUNCH_PROJECT_FUNDING", "SKY transfer: 330,000 SKY to BLUE",
                 "SKY transfer: 288,000 SKY to CLOAKY_2", "USDS payment: 20,600,000 USDS to SPARK_PROXY",
                 "nothing else: every changed storage slot", "nothing else: every event", "code: every call site",
                 "code: no branch"):
        assert _result(report, item)["status"] == "PASS", item
    assert not [r for r in report["results"] if r["status"] == "FAIL"]


def _award(tot: int, rxd: int = 0) -> SimpleNamespace:
    return SimpleNamespace(usr=PROXY, bgn=0, clf=0, fin=100, tot=tot, rxd=rxd)


def _observed(expected, mkr_fell: int, burnt: int = BURNT, t: int = 50) -> SimpleNamespace:
    """The chain before and after a cast at `t` that burnt `mkr_fell` MKR into SKY for the PauseProxy,
    burnt `burnt` SKY and sent the YAML's SKY transfers; 1,000 MKR and 500,000,000 SKY before."""
    awards = {("MCD_VEST_MKR_TREASURY", i): _award(10 * WAD, rxd=WAD) for i in IDS}  # 4 MKR owed each at 50
    proxy_sky = 500_000_000 * WAD
    recipients = {s.recipient: s.wei for s in expected.sky_transfers}
    before = SimpleNamespace(mkr={PROXY: 1_000 * WAD}, sky={PROXY: proxy_sky, **{r: 0 for r in recipients}},
                             supply={"MKR": 10**30, "SKY": 10**30}, awards=awards,
                             held={("SKY", PROXY.lower()): proxy_sky})
    minted = mkr_fell * MKR_SKY_RATE
    proxy_after = proxy_sky + minted - burnt - SENT
    after = SimpleNamespace(mkr={PROXY: 1_000 * WAD - mkr_fell}, sky={PROXY: proxy_after, **recipients},
                            supply={"MKR": 10**30 - mkr_fell, "SKY": 10**30 + minted - burnt}, awards=awards,
                            held={("SKY", PROXY.lower()): proxy_after})
    receipt = SimpleNamespace(timestamp=t)
    return SimpleNamespace(addresses={"MCD_PAUSE_PROXY": PROXY}, before=before, after=after, twin=False,
                           cast=receipt, cast_receipt=lambda: receipt)


def _checks(o: SimpleNamespace) -> dict[str, object]:
    """The conversion's, the burn's and the SKY transfers' items, as verify runs them (the conversion
    computed from `o`'s pre-state first)."""
    e = with_conversions_read(expected_from(load_spell(EXAMPLE, Diagnostics(str(EXAMPLE)))), o)
    return {c.item: c for kind in (MkrToSky, Burn, SkyTransfer) for c in kind.checks(e, o)}


@pytest.fixture(scope="module")
def expected():
    return expected_from(load_spell(EXAMPLE, Diagnostics(str(EXAMPLE))))


def test_the_conversion_is_a_known_quantity_for_the_other_items(expected):
    checks = _checks(_observed(expected, 976 * WAD))  # 1,000 MKR less 24 owed
    assert [c.reason for c in checks.values() if not c.passed] == []
    # 976 MKR mint 23,424,000 SKY; the burn and the transfers take 435,310,860.23.
    assert 976 * WAD * MKR_SKY_RATE - BURNT - SENT == -411_886_860_230_000_000_000_000_000
    assert "treasury: PauseProxy SKY -411,886,860.23 SKY" in checks, sorted(checks)
    assert expected.conversions_read == []  # the YAML's model knows no amount before a cast


def test_a_spell_keeping_nothing_back_fails_the_conversion_and_the_walk_by_name(expected):
    checks = _checks(_observed(expected, 1_000 * WAD))
    failed = {label: c.reason for label, c in checks.items() if not c.passed}
    [conversion] = [r for label, r in failed.items() if label.startswith(CONVERSION)]
    assert "MKR converted (MKR supply fall): expected 976 MKR, observed 1,000 MKR" in conversion
    [walk] = [r for label, r in failed.items() if label.startswith("treasury: PauseProxy SKY")]
    assert "PauseProxy SKY change: expected" in walk
    # The burn is judged by the SKY supply, which counts the conversion's mint as verify computed it: the
    # supply did not fall as the burn less that would make it fall, so the burn's item fails too (fail closed).
    assert failed[BURN].startswith("SKY supply fall (less 23,424,000 SKY the cast's conversions mint): expected "
                                   "402,868,860.23 SKY, observed 402,292,860.23 SKY"), failed[BURN]


def test_a_spell_burning_more_sky_fails_the_burn_by_name(expected):
    checks = _checks(_observed(expected, 976 * WAD, burnt=BURNT + WAD))
    failed = {label: c.reason for label, c in checks.items() if not c.passed}
    assert failed[BURN].startswith("SKY supply fall (less 23,424,000 SKY the cast's conversions mint): expected "
                                   "402,868,860.23 SKY, observed 402,868,861.23 SKY"), failed[BURN]
    assert any(label.startswith("treasury: PauseProxy SKY") for label in failed)


def _spell(tmp_path: Path, extra: str) -> Path:
    return write_spell(tmp_path, EXAMPLE.read_text() + "  - title: More\n    actions:\n" + extra)


@pytest.mark.parametrize("action, message", [
    ("      - {type: mkr_transfer, to: BLUE, amount: 1}\n", "changes the PauseProxy's MKR"),
    ("      - {type: sky_transfer, to: BLUE, amount: 1, from: mkr}\n", "changes the PauseProxy's MKR"),
    ("      - {type: mkr_to_sky, amount: 1}\n", "changes the PauseProxy's MKR"),
    ("      - {type: burn, token: SKY, amount: balance - 16_000_000}\n", "reads the PauseProxy's SKY balance at the cast"),
    ("      - {type: proxy_transfer, token: SKY, to: BLUE, amount: balance}\n",
     "reads the PauseProxy's SKY balance at the cast"),
    ("      - {type: univ2_withdrawal, pair: UNIV2USDSSKY, leave: 7_500_000 USDS}\n",
     "changes the PauseProxy's SKY by an amount of the chain's"),
], ids=["mkr_transfer", "sky_from_mkr", "second_conversion", "burn_balance", "transfer_balance", "univ2"])
def test_what_the_conversion_makes_unknowable_is_refused_located(action, message, tmp_path, capsys):
    """Beside a conversion read at the cast, what verify could not compute from the pre-state is refused,
    at the statement's line."""
    line = len(EXAMPLE.read_text().splitlines()) + 3
    code, out = run_cli(["check", _spell(tmp_path, action)], capsys)
    assert_violation(code, out, exit_code=2, message=f":{line}:16: sections[7].actions[0].type: sections[7].actions[0] "
                                                     f"{message}: beside the MKR conversion read at the cast at "
                                                     "sections[0].actions[0], verify could not compute it")


def test_the_foundry_file_names_what_it_cannot_assert(tmp_path, capsys):
    """The Foundry file reads no balance at the cast: the conversion, and the burn whose supply and PauseProxy
    balance the conversion also changes, are named as untested (never taken as proven by a forge run)."""
    code, out = run_cli(["foundry-test", EXAMPLE, "-o", tmp_path / "T.t.sol"], capsys)
    assert code == 0, out
    assert f"warning: sections[1].actions[0]: no Foundry test is written for {BURN}; spellgen verify checks it" in out
    assert "warning: sections[0].actions[0]: no Foundry test is written for MKR -> SKY conversion" in out
    assert out.count("no Foundry test is written") == 2
    text = (tmp_path / "T.t.sol").read_text()
    assert "before[0] + 8_400_000 * WAD" in text  # the SKY transfers' recipients are asserted
