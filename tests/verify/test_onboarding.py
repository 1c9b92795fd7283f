"""Issue 23: a spell that onboards a vest and uses it at once is cast and verified on the twin of its date,
and a hand-written slip in the onboarding fails the item it breaks (the YAML unchanged)."""
from __future__ import annotations

from pathlib import Path

import pytest

from batches import Batches, mutant_requests
from spellgen.cli import main as cli
from spellgen.render.spell import render
from spellgen.spellfile.parse import load_spell

ROOT = Path(__file__).resolve().parents[2]
JAN25 = ROOT / "examples/sky-2025-01-23.yaml"
APR22 = ROOT / "examples/core-units-2022-04-29.yaml"
OCT21 = ROOT / "examples/core-units-2021-10-08.yaml"

USDS_VEST = "vest onboarding: MCD_VEST_USDS is 0xc447a9745aDe9A44Bb9E37B7F6C92f9582544110"
USDS_RELY = "vest onboarding: MCD_VEST_USDS may suck from the Vat"
SKY_VEST = "vest onboarding: MCD_VEST_SKY_TREASURY is 0x67eaDb3288cceDe034cE95b0511DCc65cf630bB6"
VERSION = "vest onboarding: the ChainLog's version bumped to 1.19.5"
DAI_VEST = ("vest onboarding: MCD_VEST_DAI is 0xa4c22f0e25C6630B2017979AcF1f865e94695C4b, the contract it named "
            "before moved to MCD_VEST_DAI_LEGACY")


@pytest.fixture(autouse=True)
def no_fork_url(monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)


def test_the_2025_01_23_onboardings_verify(simulated):
    run = simulated(JAN25)
    assert run.code == 0, run.out
    results = {r["item"]: r for r in run.report()["results"]}
    assert all(r["status"] != "FAIL" for r in results.values())
    assert results[USDS_VEST]["evidence"] == \
        "ChainLog.getAddress(MCD_VEST_USDS): missing -> 0xc447a9745aDe9A44Bb9E37B7F6C92f9582544110"
    assert results[USDS_RELY]["evidence"] == "MCD_VAT.wards(0xc447a9745aDe9A44Bb9E37B7F6C92f9582544110): 0 -> 1"
    assert results[SKY_VEST]["status"] == "PASS"
    assert not [k for k in results if k.startswith("vest onboarding: MCD_VEST_SKY_TREASURY may")]  # transferrable
    assert results[VERSION]["evidence"] == "ChainLog.version(): '1.19.4' -> '1.19.5'"
    # The new vests' awards are ids 1 to 3 of each, as on mainnet, and pay out in full.
    streams = [k for k in results if k.startswith("stream: ")]
    assert len(streams) == 6 and all(results[k]["status"] == "PASS" for k in streams)


def test_the_2022_04_29_replacement_verifies(simulated):
    run = simulated(APR22)
    assert run.code == 0, run.out
    results = {r["item"]: r for r in run.report()["results"]}
    assert all(r["status"] != "FAIL" for r in results.values())
    assert results[DAI_VEST]["evidence"] == (
        "ChainLog.getAddress(MCD_VEST_DAI): 0x2Cc583c0AaCDaC9e23CB601fDA8F1A0c56Cdcb71 -> "
        "0xa4c22f0e25C6630B2017979AcF1f865e94695C4b; MCD_VEST_DAI_LEGACY: missing -> "
        "0x2Cc583c0AaCDaC9e23CB601fDA8F1A0c56Cdcb71")
    assert results["vest onboarding: the ChainLog's version bumped to 1.12.0"]["status"] == "PASS"


def test_the_2021_10_08_treasury_vest_verifies(simulated):
    run = simulated(OCT21)
    assert run.code == 0, run.out
    results = {r["item"]: r for r in run.report()["results"]}
    assert all(r["status"] != "FAIL" for r in results.values())
    assert results["vest onboarding: MCD_VEST_MKR_TREASURY is 0x6D635c8d08a1eA2F1687a5E46b666949c977B7dd"][
        "evidence"] == "ChainLog.getAddress(MCD_VEST_MKR_TREASURY): missing -> 0x6D635c8d08a1eA2F1687a5E46b666949c977B7dd"
    assert results["vest onboarding: the ChainLog's version bumped to 1.9.7"]["evidence"] == \
        "ChainLog.version(): '1.9.6' -> '1.9.7'"


# (name, spec, [(old, new)], item that must FAIL)
MUTANTS = [
    ("the USDS vest never relied on the Vat", JAN25,
     [("        DssExecLib.authorize(DssExecLib.vat(), MCD_VEST_USDS);\n", "")], USDS_RELY),
    ("the SKY vest registered at the USDS vest's address", JAN25,
     [('DssExecLib.setChangelogAddress("MCD_VEST_SKY_TREASURY", MCD_VEST_SKY_TREASURY);',
       'DssExecLib.setChangelogAddress("MCD_VEST_SKY_TREASURY", MCD_VEST_USDS);')], SKY_VEST),
    ("the version not bumped as stated", JAN25, [('setChangelogVersion("1.19.5")', 'setChangelogVersion("1.19.6")')],
     VERSION),
    ("the previous DAI vest left without its legacy key", APR22,
     [('        DssExecLib.setChangelogAddress("MCD_VEST_DAI_LEGACY", MCD_VEST_DAI_LEGACY);\n', "")], DAI_VEST),
]


def mutate(source: str, edits: list[tuple[str, str]]) -> str:
    for old, new in edits:
        assert source.count(old) == 1, f"the mutation target {old!r} is not in the rendered spell once"
        source = source.replace(old, new)
    return source


@pytest.fixture(scope="module")
def batches() -> Batches:
    return Batches(lambda: mutant_requests(MUTANTS, mutate))


@pytest.mark.parametrize("name, spec, edits, item", MUTANTS, ids=[m[0] for m in MUTANTS])
def test_an_onboarding_slip_fails_its_item(name, spec, edits, item, tmp_path, capsys, batches):
    batches.compiled(MUTANTS.index((name, spec, edits, item)))
    spell_file = tmp_path / "DssSpell.sol"
    spell_file.write_text(mutate(render(load_spell(spec), spec.name), edits))
    code = cli.main(["verify", str(spec), "--spell", str(spell_file), "--report-dir", str(tmp_path)])
    out = capsys.readouterr().out
    failed = [line for line in out.splitlines() if line.startswith("FAIL")]
    assert code == 1, f"{name}: verify exited {code}, not 1\n{out}"
    assert any(item in line for line in failed), f"{name}: {item!r} did not fail\n{out}"
