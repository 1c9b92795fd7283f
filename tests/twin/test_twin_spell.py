"""A spell spellgen renders and compiles runs on the twin unchanged: vote, schedule, cast, check.

The same bytecode, with DssExecLib linked at its mainnet address, is what would run on a real
mainnet fork. The checks follow spec section 6.
"""
from pathlib import Path

import pytest

from spellgen.compiler.compile import MAX_CODE_SIZE, compile_spell
from spellgen.spellfile.parse import load_spell
from spellgen.spellfile.protocol import RAD, WAD
from spellgen.spellfile.history import DSS_EXEC_LIB, MAINNET
from spellgen.render.spell import render
from spellgen.twin.artifacts import Artifact

ROOT = Path(__file__).resolve().parents[2]
TECH_001 = "0x2dC0420A736D1F40893B9481D8968E4D7424bC0B"
DELAY = 48 * 3600


def compiled(example: str):
    spell = load_spell(ROOT / "examples" / example)
    result = compile_spell(render(spell, example), spell.solc)
    for contract in (result.spell, result.action):
        assert 0 < contract.size <= MAX_CODE_SIZE
    assert DSS_EXEC_LIB[2:].lower() in result.action.deployed.lower()  # linked at the mainnet address
    return spell, Artifact("DssSpell", result.spell.abi, result.spell.bytecode, result.spell.deployed)


@pytest.fixture(scope="session")
def techops_january():
    return compiled("techops-2022-01-28.yaml")


@pytest.fixture(scope="session")
def techops_december():
    return compiled("techops-2022-12-09.yaml")


def cast(kit, artifact, deployed_at: int):
    """Deploy, vote in, schedule at deploy time, cast at nextCastTime; returns (spell, cast receipt)."""
    spell = kit.deploy(artifact, at=deployed_at)
    assert spell.functions.expiration().call() == deployed_at + 30 * 86400
    kit.vote_in(spell.address)
    kit.tx(spell.functions.schedule(), at=deployed_at)
    assert spell.functions.eta().call() == deployed_at + DELAY
    when = spell.functions.nextCastTime().call()
    receipt = kit.tx(spell.functions.cast(), at=when)
    assert receipt.gasUsed <= 20_000_000
    assert spell.functions.done().call() is True
    return spell, receipt, when


def test_techops_january_2022_payment_and_stream(kit, techops_january):
    yaml_spell, artifact = techops_january
    T0 = 1643328000
    assert kit.now() == T0 and yaml_spell.solc == "0.6.12"
    vest = kit.vests["MCD_VEST_DAI_LEGACY"]
    vow = MAINNET["MCD_VOW"]
    ids, sin = vest.functions.ids().call(), kit.vat.functions.sin(vow).call()
    spell, _, cast_time = cast(kit, artifact, T0)
    assert spell.functions.description().call() == yaml_spell.description
    assert spell.functions.officeHours().call() is False and cast_time == T0 + DELAY
    # DAI payment: the surplus buffer paid 1,069,250 DAI
    assert kit.vat.functions.sin(vow).call() - sin == 1_069_250 * RAD
    assert kit.dai.functions.balanceOf(TECH_001).call() == 1_069_250 * WAD
    # one new, restricted stream: 2022-02-01 00:00:00 to 2023-01-31 00:00:00 UTC, no cliff, no manager
    assert vest.functions.ids().call() == ids + 1 == 31
    assert vest.functions.awards(31).call() == [TECH_001, 1643673600, 1643673600, 1675123200,
                                                 "0x0000000000000000000000000000000000000000", 1,
                                                 2_486_400 * WAD, 0]
    # as the reference suite does: unrestrict as a ward, vest at fin, the wallet got it all
    kit.as_governance(vest.functions.unrestrict(31))
    kit.tx(vest.functions.vest(31), kit.stranger, at=1675123200)
    assert kit.dai.functions.balanceOf(TECH_001).call() == (1_069_250 + 2_486_400) * WAD


def test_techops_december_2022_mkr_transfer_in_office_hours(kit, techops_december):
    yaml_spell, artifact = techops_december
    DEC_09 = 1670544000  # Friday 2022-12-09 00:00:00 UTC
    kit.warp(DEC_09)
    treasury = kit.mkr.functions.balanceOf(kit.proxy_address).call()
    spell, _, cast_time = cast(kit, artifact, DEC_09)
    assert yaml_spell.solc == "0.8.16" and spell.functions.officeHours().call() is True
    assert cast_time == 1670853600  # eta falls on Sunday: Monday 2022-12-12 14:00:00 UTC
    assert treasury - kit.mkr.functions.balanceOf(kit.proxy_address).call() == 257_310_000_000_000_000_000
    assert kit.mkr.functions.balanceOf(TECH_001).call() == 257_310_000_000_000_000_000
