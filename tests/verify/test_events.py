"""Issue 22: every event of the cast, from any emitter, is explained with a state change behind it, and
a failure names the call the code tried.

Hostile edits of rendered spells in both house styles (2022's DAI-era techops spells, 2026's SKY-era
spell), each cast on the twin: an event with no state change (`pause.setDelay(pause.delay())`, the
ChainLog's version set to itself), a `Transfer` forged in the PauseProxy's name, and calls the YAML does
not imply (a ChainLog or USDS ward, MKR's owner, a second `create`). Each fails with exit 1 and the
failure names the emitter, the event with its arguments and the call, decoded, with its target by
chainlog name; the unedited spells pass (tests/verify/test_harm.py::test_unmodified_rendered_spells_pass
and the examples' own simulations).
"""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from batches import Batches, mutant_requests  # noqa: E402
from harm_corpus import ATTACKER, DEC, DEC_BODY, JAN, JAN_BODY, ROOT  # noqa: E402
from test_harm import NOT_CAST, mutate, verify  # noqa: E402
from violations import assert_violation  # noqa: E402

from spellgen.render.spell import render  # noqa: E402
from spellgen.spellfile.parse import load_spell  # noqa: E402
from spellgen.verify.compare import EVENTS_ITEM  # noqa: E402

SKY26 = ROOT / "examples/sky-2026-02-26.yaml"  # 2026 house style: USDS payments, a SKY stream, a yank, owed
SKY26_BODY = "        VestAbstract(MCD_VEST_SKY_TREASURY).yank(8);"
PROXY = "0xBE8E3e3618f7474F8cB1d074A26afFef007E98FB"
A = f"address({ATTACKER})"
PAUSE = 'DssExecLib.getChangelogAddress("MCD_PAUSE")'
LOG = 'DssExecLib.getChangelogAddress("CHANGELOG")'

ANCHOR = "contract DssSpellAction is DssAction {"
# What the edits call, declared before the action; the action declares the event it forges.
LIB = """
interface EventsLike {
    function delay() external view returns (uint256);
    function setDelay(uint256) external;
    function version() external view returns (string memory);
    function setVersion(string calldata) external;
    function rely(address) external;
    function setOwner(address) external;
    function create(address, uint256, uint256, uint256, uint256, address) external returns (uint256);
}

contract DssSpellAction is DssAction {
    event Transfer(address indexed src, address indexed dst, uint256 wad);
"""


def edit(spec: Path, code: str) -> list[tuple[str, str]]:
    body = {DEC: DEC_BODY, JAN: JAN_BODY, SKY26: SKY26_BODY}[spec]
    return [(ANCHOR, LIB), (body, code + "\n" + body)]


SET_DELAY = f"        EventsLike({PAUSE}).setDelay(EventsLike({PAUSE}).delay());"
SAME_VERSION = f"        EventsLike({LOG}).setVersion(EventsLike({LOG}).version());"
FORGED = f"        emit Transfer(address(this), {A}, 1_000_000 * 10**18);"
FORGED_TEXT = (f"MCD_PAUSE_PROXY ({PROXY}) emitted Transfer(src: MCD_PAUSE_PROXY ({PROXY}), dst: {ATTACKER}, "
               "wad: 1,000,000,000,000,000,000,000,000 (= 1,000,000 × 10^18))")

# (name, spec, edits, the item that must FAIL, texts its reason must hold)
EVENTS: list[tuple[str, Path, list[tuple[str, str]], str, tuple[str, ...]]] = [
    # -- events with no state change behind them, and a forged one ----------------------------------
    ("pause.setDelay(pause.delay()) (2022)", DEC, edit(DEC, SET_DELAY), EVENTS_ITEM,
     ("MCD_PAUSE (0xbE286431454714F511008713973d3B053A2d38f3) emitted LogNote of setDelay(172,800), called by "
      f"MCD_PAUSE_PROXY ({PROXY}), which neither a YAML item nor the spell's own machinery",
      "the call: MCD_PAUSE.setDelay(172,800), called by MCD_PAUSE_PROXY")),
    ("pause.setDelay(pause.delay()) (2026)", SKY26, edit(SKY26, SET_DELAY), EVENTS_ITEM,
     ("MCD_PAUSE (0xbE286431454714F511008713973d3B053A2d38f3) emitted LogNote of setDelay(",
      "the call: MCD_PAUSE.setDelay(")),
    ("the ChainLog's version set to itself (2022)", DEC, edit(DEC, SAME_VERSION), EVENTS_ITEM,
     ("CHANGELOG (0xdA0Ab1e0017DEbCd72Be8599041a2aa3bA7e740F) emitted UpdateVersion(version: ",
      "(and its storage did not change in the cast)", "the call: CHANGELOG.setVersion(")),
    ("the ChainLog's version set to itself (2026)", SKY26, edit(SKY26, SAME_VERSION), EVENTS_ITEM,
     ("CHANGELOG (0xdA0Ab1e0017DEbCd72Be8599041a2aa3bA7e740F) emitted UpdateVersion(version: ",
      "(and its storage did not change in the cast)", "the call: CHANGELOG.setVersion(")),
    ("a Transfer of 1,000,000 forged in the PauseProxy's name (2022)", DEC, edit(DEC, FORGED), EVENTS_ITEM,
     (FORGED_TEXT, "delegatecalled by MCD_PAUSE_PROXY")),
    ("a Transfer of 1,000,000 SKY forged in the PauseProxy's name (2026)", SKY26, edit(SKY26, FORGED), EVENTS_ITEM,
     (FORGED_TEXT, "the call: the spell's action.execute(), delegatecalled by MCD_PAUSE_PROXY")),
    # -- what the code tried, named ------------------------------------------------------------------
    ("a ward on the ChainLog (2022)", DEC, edit(DEC, f"        EventsLike({LOG}).rely({A});"), EVENTS_ITEM,
     (f"CHANGELOG (0xdA0Ab1e0017DEbCd72Be8599041a2aa3bA7e740F) emitted Rely(usr: {ATTACKER})",
      f"the call: CHANGELOG.rely({ATTACKER}), called by MCD_PAUSE_PROXY")),
    ("a ward on the ChainLog (2026)", SKY26, edit(SKY26, f"        EventsLike({LOG}).rely({A});"), EVENTS_ITEM,
     (f"the call: CHANGELOG.rely({ATTACKER}), called by MCD_PAUSE_PROXY",)),
    ("MKR's owner set (2022)", DEC, edit(DEC, f"        EventsLike(DssExecLib.mkr()).setOwner({A});"), EVENTS_ITEM,
     (f"MKR emitted LogSetOwner(owner: {ATTACKER})", f"the call: MKR.setOwner({ATTACKER}), called by MCD_PAUSE_PROXY")),
    ("a ward on USDS (2026)", SKY26, edit(SKY26, f'        EventsLike(DssExecLib.getChangelogAddress("USDS")).rely({A});'),
     EVENTS_ITEM, (f"the call: USDS.rely({ATTACKER}), called by MCD_PAUSE_PROXY",)),
    ("a ward on USDS_JOIN (2026)", SKY26,
     edit(SKY26, f'        EventsLike(DssExecLib.getChangelogAddress("USDS_JOIN")).rely({A});'),
     NOT_CAST, (f"(the call: USDS_JOIN.rely({ATTACKER}))",)),
    ("a second create on the YAML's vest (2026)", SKY26,
     edit(SKY26, f"        EventsLike(MCD_VEST_SKY_TREASURY).create({A}, 1_000 * WAD, block.timestamp, 30 days, 0, "
                 "address(0));"), EVENTS_ITEM,
     (f"emitted Init(id: 11, usr: {ATTACKER}): an award no YAML stream declares",
      f"the call: MCD_VEST_SKY_TREASURY.create({ATTACKER}, 1,000,000,000,000,000,000,000 (= 1,000 × 10^18), ")),
    ("a create on another vest (2026)", SKY26,
     edit(SKY26, f'        EventsLike(DssExecLib.getChangelogAddress("MCD_VEST_SKY")).create({A}, 1_000 * WAD, '
                 "block.timestamp, 30 days, 0, address(0));"), EVENTS_ITEM,
     (f"the call: MCD_VEST_SKY.create({ATTACKER}, 1,000,000,000,000,000,000,000 (= 1,000 × 10^18), ",)),
    ("a second create on the YAML's vest (2022)", JAN,
     edit(JAN, f"        EventsLike(MCD_VEST_DAI).create({A}, 1_000 * WAD, FEB_01_2022, 30 days, 0, address(0));"),
     EVENTS_ITEM,
     (f"an award no YAML stream declares (the call: MCD_VEST_DAI.create({ATTACKER}, "
      "1,000,000,000,000,000,000,000 (= 1,000 × 10^18), 1,643,673,600, 2,592,000, 0, ",)),
]


# Rows that fail for a reason the event check explains better name the call too: (item prefix, text).
ALSO = {
    "a second create on the YAML's vest (2026)":
        ("new awards on MCD_VEST_SKY_TREASURY", f"the code tried MCD_VEST_SKY_TREASURY.create({ATTACKER}, "),
    "a second create on the YAML's vest (2022)":
        ("new awards on MCD_VEST_DAI", f"the code tried MCD_VEST_DAI.create({ATTACKER}, "),
    "a ward on the ChainLog (2022)":
        ("nothing else: every changed storage slot", f"the code tried CHANGELOG.rely({ATTACKER}), called by MCD_PAUSE_PROXY"),
    "MKR's owner set (2022)":
        ("nothing else: every changed storage slot", f"the code tried MKR.setOwner({ATTACKER}), called by MCD_PAUSE_PROXY"),
    "a ward on USDS (2026)":
        ("nothing else: every changed storage slot", f"the code tried USDS.rely({ATTACKER}), called by MCD_PAUSE_PROXY"),
}


@pytest.fixture(autouse=True)
def no_fork_url(monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)


@pytest.fixture(scope="module")
def batches() -> Batches:
    return Batches(lambda: mutant_requests(EVENTS, mutate))


def test_the_cases_cover_both_house_styles():
    styles = {spec: load_spell(spec).date[:4] for _, spec, *_ in EVENTS}
    assert {"2022", "2026"} <= set(styles.values())


@pytest.mark.parametrize("name, spec, edits, item, texts", EVENTS, ids=[e[0] for e in EVENTS])
def test_a_hostile_event_or_call_is_caught_and_named(name, spec, edits, item, texts, tmp_path, capsys, batches):
    batches.compiled([e[0] for e in EVENTS].index(name))
    code, report, md = verify(spec, mutate(render(load_spell(spec), spec.name), edits), tmp_path)
    if item != NOT_CAST:  # the edit was really cast: its events are on the chain
        assert report["cast"]["tx"], f"{name}: the edit was not cast"
    failed = [r for r in report["results"] if r["status"] == "FAIL" and r["item"] == item]
    assert code == 1 and failed, f"{name}: exit {code}; failures: {[r['item'] for r in report['results'] if r['status'] == 'FAIL']}"
    for text in texts:
        assert any(text in r["reason"] for r in failed), f"{name}: {text!r} not in {[r['reason'] for r in failed]}"
    assert_violation(code, md, exit_code=1, message=texts[0])
    if name in ALSO:
        prefix, text = ALSO[name]
        other = [r["reason"] for r in report["results"] if r["status"] == "FAIL" and r["item"].startswith(prefix)]
        assert other and text in other[0], f"{name}: {text!r} not in {other}"
