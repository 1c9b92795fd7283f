"""Every rendered full spell compiles with the pinned compilers, DssExecLib linked at its mainnet address."""
import dataclasses
from pathlib import Path

import pytest

from batches import Batches
from spellgen.compiler.compile import MAX_CODE_SIZE, CompileError, SpellRequest, compile_spell
from spellgen.spellfile.parse import load_spell
from spellgen.spellfile.history import DSS_EXEC_LIB
from spellgen.render.spell import render

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
# The MKR-era SKY forms (the conversion helpers) are only in test specs: compile them too.
SPECS = sorted((ROOT / "tests/spells").glob("sky-*.yaml"))


SOLCS = ["0.6.12", "0.8.16"]
CASES = [(example, solc) for solc in SOLCS for example in EXAMPLES + SPECS]


def rendered(example: Path, solc: str) -> str:
    return render(dataclasses.replace(load_spell(example), solc=solc), example.name)


@pytest.fixture(scope="module")
def batches() -> Batches:
    """The cases compiled in batches (one standard-JSON input per chunk and compiler); each test's own
    compile_spell then reads its spell from the compile cache."""
    return Batches(lambda: [SpellRequest(rendered(example, solc), solc) for example, solc in CASES])


@pytest.mark.parametrize("example", EXAMPLES + SPECS, ids=lambda p: p.stem)
@pytest.mark.parametrize("solc", SOLCS)
def test_rendered_spell_compiles(example, solc, batches):
    batches.compiled(CASES.index((example, solc)))
    compiled = compile_spell(rendered(example, solc), solc)
    for contract in (compiled.spell, compiled.action):
        assert 0 < contract.size <= MAX_CODE_SIZE
        assert "__$" not in contract.bytecode, "an unlinked library placeholder is left"
    # The action delegatecalls DssExecLib: its mainnet address is baked into the code.
    assert DSS_EXEC_LIB[2:].lower() in compiled.action.deployed.lower()
    names = {item.get("name") for item in compiled.action.abi}
    assert {"description", "officeHours", "actions", "execute", "nextCastTime"} <= names


def test_compile_errors_are_reported():
    with pytest.raises(CompileError, match="DssSpell.sol"):
        compile_spell("pragma solidity 0.8.16; contract DssSpell { function f() public { undefined(); } }", "0.8.16")
