"""Amounts a spell computes at the cast and a stream repair (issue 23): 2022-02-04 paid SNE-001 and SF-001
"first month payment minus accrued amount" and repaired their awards (unrestrict, vest, yank). verify
evaluates each amount from the chain's state before the cast at the cast's time."""
import re
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from spellgen.render.spell import render
from spellgen.spellfile.computed import AwardReading, CastAmount, NotReadable, accrued, unpaid
from spellgen.spellfile.parse import load_spell

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples/repair-2022-02-04.yaml"
WAD = 10**18

pytestmark = pytest.mark.usefixtures("shared_twins")


@pytest.fixture(autouse=True)
def no_fork_url(monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)


def _award(bgn=1_000, clf=1_000, fin=2_000, tot=1_000 * WAD, rxd=0):
    return SimpleNamespace(usr="0x" + "44" * 20, bgn=bgn, clf=clf, fin=fin, tot=tot, rxd=rxd)


def test_accrued_and_unpaid_are_dssvests():
    award = _award(clf=1_500, rxd=100 * WAD)
    assert [accrued(award, t) for t in (999, 1_000, 1_250, 2_000, 9_999)] == [0, 0, 250 * WAD, 1_000 * WAD,
                                                                              1_000 * WAD]
    assert unpaid(award, 1_250) == 0  # before the cliff
    assert unpaid(award, 1_500) == 500 * WAD - 100 * WAD
    assert accrued(_award(tot=10), 1_333) == 3  # rounded down, as the vest's integer division


def test_an_amount_is_evaluated_from_the_state_before_the_cast():
    amount = CastAmount(Decimal(42_917), -1, AwardReading("accrued", "MCD_VEST_DAI", 24), "DAI")
    pre = SimpleNamespace(awards={("MCD_VEST_DAI", 24): _award(tot=257_500 * WAD)})
    assert amount.wei(pre, 1_100) == 42_917 * WAD - 25_750 * WAD
    assert amount.wei(pre, 2_000) < 0  # the spell's sub() reverts then
    assert amount.words == "42,917 DAI minus what award 24 of MCD_VEST_DAI has accrued"
    with pytest.raises(NotReadable, match="MCD_VEST_DAI has no award 24 before the cast"):
        amount.wei(SimpleNamespace(awards={}), 1_100)
    # The other shape a treasury amount takes: a reading less a constant.
    unpaid_less = CastAmount(Decimal(1_000), 1, AwardReading("unpaid", "MCD_VEST_DAI", 24), "DAI", less_value=True)
    assert unpaid_less.wei(pre, 1_100) == 25_750 * WAD - 1_000 * WAD
    assert unpaid_less.words == "what award 24 of MCD_VEST_DAI has not paid yet less 1,000 DAI"


def test_rendered_as_2022_02_04_wrote_it():
    source = render(load_spell(EXAMPLE), EXAMPLE.name)
    for line in ("uint256 snePayment = sub(42_917 * WAD, VestLike(MCD_VEST_DAI).accrued(24));",
                 "VatLike(MCD_VAT).suck(MCD_VOW, address(this), snePayment * RAY);",
                 "DaiJoinLike(MCD_JOIN_DAI).exit(SNE_001_WALLET, snePayment);",
                 "VestLike(MCD_VEST_DAI).unrestrict(24);",
                 "VestLike(MCD_VEST_DAI).vest(24); // Pay unpaid stream amount",
                 "VestLike(MCD_VEST_DAI).yank(24);",
                 "uint256 sfPayment = sub(82_417 * WAD, VestLike(MCD_VEST_DAI).accrued(26));",
                 'require((z = x - y) <= x, "sub-underflow");'):
        assert line in source, line
    spell = load_spell(EXAMPLE)
    spell.solc = "0.8.16"  # checked arithmetic: no helper
    modern = render(spell, EXAMPLE.name)
    assert "uint256 snePayment = 42_917 * WAD - VestLike(MCD_VEST_DAI).accrued(24);" in modern
    assert "sub-underflow" not in modern


def test_the_repair_is_verified_against_the_amounts_at_the_cast(simulated):
    run = simulated(EXAMPLE)
    assert run.code == 0, run.out + run.err
    results = {r["item"]: r for r in run.report()["results"]}
    sne = results["computed DAI payment: 42,917 DAI minus what award 24 of MCD_VEST_DAI has accrued, to SNE_001_WALLET"]
    accrued_then = re.search(r"accrued\(24\) at .* UTC = ([\d,.]+) DAI", sne["evidence"]).group(1)
    assert Decimal(accrued_then.replace(",", "")) > 0  # the award ran before the cast: the subtraction counts
    # What the award had accrued is what vest() paid it: its recipient ends with the month's 42,917 DAI.
    assert sne["evidence"].endswith("balance 0 DAI -> 42,917 DAI")
    repair = results["vest and yank: award 24 on MCD_VEST_DAI paid what it owes and ended at the cast"]
    assert f"paid {accrued_then} DAI" in repair["evidence"] and "tot 257,500 DAI -> " in repair["evidence"]
    late = [r for item, r in results.items() if "reverts: an amount computed at the cast is negative then" in item]
    assert late and all(r["status"] == "PASS" and "sub-underflow" in r["evidence"] for r in late)


def _observation(paid_to_sne: int):
    """What a cast at t=1_100 would show: award 24 (257,500 DAI over 1_000..2_000) paid out by the repair,
    SNE_001's DAI up by `paid_to_sne` in all."""
    from spellgen.cast.simulate import Award, Observation, State

    sne = "0x6D348f18c88D45243705D4fdEeB6538c6a9191F1"
    award = Award(sne, 1_000, 1_000, 2_000, "0x" + "00" * 20, 1, 257_500 * WAD, 0)
    o = Observation({})
    o.before, o.after = State(), State()
    o.before.awards = {("MCD_VEST_DAI", 24): award, ("MCD_VEST_DAI", 26): award}
    o.before.dai, o.after.dai = {sne: 0}, {sne: paid_to_sne}
    o.cast = SimpleNamespace(timestamp=1_100, logs=[])
    return o


@pytest.mark.parametrize("received, passes", [(42_917 * WAD, True), (42_917 * WAD + 25_750 * WAD, False),
                                              (42_917 * WAD - 1, False)])
def test_the_payment_is_judged_against_the_amount_at_the_cast(received, passes):
    """The recipient's DAI must rise by 42,917 - accrued (the computed payment) plus what vest() paid
    (accrued, the award having paid nothing before): a spell that forgot to subtract pays 25,750 too much."""
    from spellgen.spellfile.actions import ComputedPayment
    from spellgen.spellfile.expect import expected_from

    spell = load_spell(EXAMPLE)
    e = expected_from(spell)
    e.computed_payments = e.computed_payments[:1]  # SNE's
    e.repairs, e.payments = e.repairs[:1], []
    [check] = ComputedPayment.checks(e, _observation(received))
    assert check.passed is passes, check.reason
    assert "accrued(24) at 1970-01-01 00:18:20 UTC = 25,750 DAI, so 17,167 DAI" in check.evidence
    if not passes:
        assert check.reason.startswith("DAI received: expected 42,917 DAI, observed ")
