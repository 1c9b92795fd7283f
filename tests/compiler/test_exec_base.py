"""The exec base offers what real spells use: every public function of the deployed DssExecLib by its
mainnet signature, the dss-interfaces files the 2024-2026 spells import, and a spell's own imports
from beside it or from its `dependencies/` folder."""
from __future__ import annotations

from pathlib import Path

import pytest

from spellgen.compiler.compile import CompileError, compile_spell, local_sources
from spellgen.resources import contracts_dir

# The public functions of DssExecLib as deployed at 0x8De6DDbCd5053d32292AAA0D2105A32d108484a6
# (makerdao/dss-exec-lib, src/DssExecLib.sol), as canonical ABI signatures.
# A library's selectors name a struct parameter by the struct's name (solc's library ABI rule).
COLLATERAL_OPTS = "CollateralOpts"
DEPLOYED = """LOG() dai() mkr() vat() cat() dog() jug() pot() vow() end() esm() reg() spotter() flap() flop() osmMom()
govGuard() flipperMom() clipperMom() pauseProxy() autoLine() daiJoin() lerpFab() clip(bytes32) flip(bytes32)
calc(bytes32) getChangelogAddress(bytes32) setChangelogAddress(bytes32,address) setChangelogVersion(string)
setChangelogIPFS(string) setChangelogSHA256(string) authorize(address,address) deauthorize(address,address)
setAuthority(address,address) delegateVat(address) undelegateVat(address) canCast(uint40,bool)
nextCastTime(uint40,uint40,bool) accumulateDSR() accumulateCollateralStabilityFees(bytes32)
updateCollateralPrice(bytes32) setContract(address,bytes32,address) setContract(address,bytes32,bytes32,address)
setValue(address,bytes32,uint256) setValue(address,bytes32,bytes32,uint256) setGlobalDebtCeiling(uint256)
increaseGlobalDebtCeiling(uint256) decreaseGlobalDebtCeiling(uint256) setDSR(uint256,bool)
setSurplusAuctionAmount(uint256) setSurplusBuffer(uint256) setMinSurplusAuctionBidIncrease(uint256)
setSurplusAuctionBidDuration(uint256) setSurplusAuctionDuration(uint256) setDebtAuctionDelay(uint256)
setDebtAuctionDAIAmount(uint256) setDebtAuctionMKRAmount(uint256) setMinDebtAuctionBidIncrease(uint256)
setDebtAuctionBidDuration(uint256) setDebtAuctionDuration(uint256) setDebtAuctionMKRIncreaseRate(uint256)
setMaxTotalDAILiquidationAmount(uint256) setMaxTotalDAILiquidationAmountLEGACY(uint256)
setEmergencyShutdownProcessingTime(uint256) setGlobalStabilityFee(uint256) setDAIReferenceValue(uint256)
setIlkDebtCeiling(bytes32,uint256) increaseIlkDebtCeiling(bytes32,uint256,bool) decreaseIlkDebtCeiling(bytes32,uint256,bool)
setRWAIlkDebtCeiling(bytes32,uint256,uint256) setIlkAutoLineParameters(bytes32,uint256,uint256,uint256)
setIlkAutoLineDebtCeiling(bytes32,uint256) removeIlkFromAutoLine(bytes32) setIlkMinVaultAmount(bytes32,uint256)
setIlkLiquidationPenalty(bytes32,uint256) setIlkMaxLiquidationAmount(bytes32,uint256)
setIlkLiquidationRatio(bytes32,uint256) setStartingPriceMultiplicativeFactor(bytes32,uint256)
setAuctionTimeBeforeReset(bytes32,uint256) setAuctionPermittedDrop(bytes32,uint256)
setKeeperIncentivePercent(bytes32,uint256) setKeeperIncentiveFlatRate(bytes32,uint256)
setLiquidationBreakerPriceTolerance(address,uint256) setIlkStabilityFee(bytes32,uint256,bool)
setLinearDecrease(address,uint256) setStairstepExponentialDecrease(address,uint256,uint256)
setExponentialDecrease(address,uint256) whitelistOracleMedians(address) addReaderToWhitelist(address,address)
removeReaderFromWhitelist(address,address) addReaderToWhitelistCall(address,address)
removeReaderFromWhitelistCall(address,address) setMedianWritersQuorum(address,uint256) allowOSMFreeze(address,bytes32)
setD3MTargetInterestRate(address,uint256) addCollateralBase(bytes32,address,address,address,address,address)
addNewCollateral(COLLATERAL_OPTS) sendPaymentFromSurplusBuffer(address,uint256)
linearInterpolation(bytes32,address,bytes32,uint256,uint256,uint256,uint256)
linearInterpolation(bytes32,address,bytes32,bytes32,uint256,uint256,uint256,uint256)""".replace(
    "COLLATERAL_OPTS", COLLATERAL_OPTS).split()

# What the spells of 2024-2026 import from dss-interfaces (sky-ecosystem/spells-mainnet, archive/).
SPELL_IMPORTS = {
    "ERC/GemAbstract.sol": "GemAbstract", "dss/VatAbstract.sol": "VatAbstract",
    "dss/VestAbstract.sol": "VestAbstract", "dss/JugAbstract.sol": "JugAbstract",
    "dss/DssAutoLineAbstract.sol": "DssAutoLineAbstract", "dss/ChainlogAbstract.sol": "ChainlogAbstract",
    "dss/IlkRegistryAbstract.sol": "IlkRegistryAbstract", "utils/WardsAbstract.sol": "WardsAbstract",
    "dss/OsmAbstract.sol": "OsmAbstract", "dss/DaiJoinAbstract.sol": "DaiJoinAbstract",
}


@pytest.fixture(scope="module")
def library() -> dict:
    """DssExecLib compiled alone: its method identifiers (a library's ABI leaves out its non-view
    functions, which only a DELEGATECALL reaches) and its runtime size."""
    from spellgen.compiler import solc
    from spellgen.compiler.compile import exec_lib_sources

    output = solc.standard_json({
        "language": "Solidity", "sources": exec_lib_sources(),
        "settings": {"optimizer": {"enabled": True, "runs": 200},
                     "outputSelection": {"dss-exec-lib/DssExecLib.sol": {
                         "DssExecLib": ["evm.methodIdentifiers", "evm.deployedBytecode.object"]}}}}, "0.8.16")
    assert not [e for e in output.get("errors", []) if e["severity"] == "error"], output["errors"]
    return output["contracts"]["dss-exec-lib/DssExecLib.sol"]["DssExecLib"]["evm"]


def test_every_public_function_of_the_deployed_library_is_offered_with_its_signature(library):
    offered = set(library["methodIdentifiers"])
    assert sorted(set(DEPLOYED) - offered) == []
    assert sorted(offered - set(DEPLOYED)) == []  # nothing a mainnet spell could not call


def test_the_library_fits_in_a_contract(library):
    assert len(library["deployedBytecode"]["object"]) // 2 <= 24_576


SPELL = """pragma solidity {pragma};
import "dss-exec-lib/DssExec.sol";
import "dss-exec-lib/DssAction.sol";
{imports}
contract DssSpellAction is DssAction {{
    string public constant override description = "test";
    function actions() public override {{ {body} }}
}}
contract DssSpell is DssExec {{
    constructor() DssExec(block.timestamp + 30 days, address(new DssSpellAction())) public {{}}
}}
"""


@pytest.mark.parametrize("solc", ["0.8.16", "0.6.12"])
def test_each_interface_file_the_spells_import_compiles_by_its_path(solc):
    imports = "\n".join(f'import {{ {name} }} from "dss-interfaces/{path}";' for path, name in SPELL_IMPORTS.items())
    body = " ".join(f"{name}(address(uint160({i + 1})));" for i, name in enumerate(SPELL_IMPORTS.values()))
    compile_spell(SPELL.format(pragma=solc, imports=imports, body=body), solc)
    compile_spell(SPELL.format(pragma=solc, imports='import "dss-interfaces/Interfaces.sol";',
                               body="VatAbstract(address(1)); GemAbstract(address(2));"), solc)


def test_a_spell_may_call_library_functions_outside_the_budget():
    body = ('DssExecLib.setIlkStabilityFee("ETH-A", 1000000001547125957863212448, true); '
            'DssExecLib.setIlkAutoLineParameters("ETH-A", 15_000_000_000, 150_000_000, 6 hours); '
            'DssExecLib.setChangelogVersion("1.20.0");')
    compiled = compile_spell(SPELL.format(pragma="0.8.16", imports="", body=body), "0.8.16")
    assert compiled.action.size > 0


def test_a_spells_own_imports_come_from_beside_it_or_its_dependencies_folder(tmp_path):
    (tmp_path / "dependencies" / "tools").mkdir(parents=True)
    (tmp_path / "dependencies" / "tools" / "A.sol").write_text(
        'pragma solidity 0.8.16;\nimport { B } from "../shared/B.sol";\nimport { VatAbstract } from '
        '"dss-interfaces/dss/VatAbstract.sol";\nlibrary A { function f() internal pure returns (uint256) { return B.g(); } }\n')
    (tmp_path / "dependencies" / "shared").mkdir()
    (tmp_path / "dependencies" / "shared" / "B.sol").write_text(
        "pragma solidity 0.8.16;\nlibrary B { function g() internal pure returns (uint256) { return 7; } }\n")
    (tmp_path / "dependencies" / "rooted" ).mkdir()
    (tmp_path / "dependencies" / "rooted" / "C.sol").write_text(
        "pragma solidity 0.8.16;\nlibrary C { function h() internal pure returns (uint256) { return 8; } }\n")
    source = SPELL.format(pragma="0.8.16", imports='import { A } from "./dependencies/tools/A.sol";\n'
                                                   'import { C } from "rooted/C.sol";', body="A.f(); C.h();")
    found = local_sources(source, tmp_path, {})
    assert sorted(found) == ["dependencies/shared/B.sol", "dependencies/tools/A.sol", "rooted/C.sol"]
    assert compile_spell(source, "0.8.16", source_dir=tmp_path).action.size > 0
    with pytest.raises(CompileError):  # without its folder the imports are not found
        compile_spell(source, "0.8.16")


def test_the_exec_base_files_are_where_spells_import_them():
    base = contracts_dir()
    for path in ["dss-exec-lib/DssExec.sol", "dss-exec-lib/DssAction.sol", "dss-exec-lib/DssExecLib.sol",
                 "dss-exec-lib/CollateralOpts.sol", "dss-interfaces/Interfaces.sol", "dss-test/MCD.sol",
                 "dss-test/ScriptTools.sol",
                 *(f"dss-interfaces/{p}" for p in SPELL_IMPORTS)]:
        assert (Path(base) / path).is_file(), path


def test_the_dss_test_subset_loads_the_core_from_the_chainlog():
    source = SPELL.format(pragma="0.8.16", imports='import { DssInstance, MCD } from "dss-test/MCD.sol";\n'
                                                   'import { ScriptTools } from "dss-test/ScriptTools.sol";',
                          body='DssInstance memory dss = MCD.loadFromChainlog(DssExecLib.LOG); '
                               'dss.chainlog.setAddress(ScriptTools.stringToBytes32("X"), address(dss.vat));')
    assert compile_spell(source, "0.8.16").action.size > 0


def test_a_spell_inside_a_spells_repository_checkout_compiles_against_its_exec_base(tmp_path):
    """`lib/dss-exec-lib/src/` of the checkout replaces spellgen's exec base (so a real spell can match
    mainnet's bytecode); here a copy of spellgen's own base with one marker added stands in for it."""
    from spellgen import resources

    lib = tmp_path / "lib" / "dss-exec-lib" / "src"
    lib.mkdir(parents=True)
    for path in (resources.contracts_dir() / "dss-exec-lib").glob("*.sol"):
        text = path.read_text()
        if path.name == "DssExec.sol":
            text = text.replace("contract DssExec {", "contract DssExec {\n    uint256 public constant MARK = 7;", 1)
        (lib / path.name).write_text(text)
    (tmp_path / "src").mkdir()
    source = SPELL.format(pragma="0.8.16", imports="", body="")
    marked = compile_spell(source, "0.8.16", source_dir=tmp_path / "src")
    assert "MARK" in {entry.get("name") for entry in marked.spell.abi}
    assert "MARK" not in {entry.get("name") for entry in compile_spell(source, "0.8.16").spell.abi}
