"""`spellgen foundry-test`: the budget tests as a self-contained Foundry file in the spells repository's
house style of the spell's date, expected values as literals from the YAML model; `forge test` of it
(forge from npm, the solc facade by `--use`) passes on the twin served as the fork's RPC and fails
against a spell rendered with one amount changed."""
from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from spellgen.cli import main as cli
from spellgen.compiler import toolchain
from spellgen.spellfile.diagnostics import Diagnostics
from spellgen.spellfile.expect import expected_from
from spellgen.spellfile.foundrytest import _message
from spellgen.spellfile.parse import load_spell

ROOT = Path(__file__).resolve().parents[2]
DAI_2022 = ROOT / "examples/techops-2022-01-28.yaml"
SKY_2026 = ROOT / "examples/sky-2026-02-26.yaml"
EVERY_2026 = ROOT / "examples/every-action-2026.yaml"


def generated(spec: Path, tmp_path: Path) -> str:
    out = tmp_path / "test" / "Budget.t.sol"
    assert cli.main(["foundry-test", str(spec), "-o", str(out)]) == 0
    return out.read_text()


def test_2022_dai_example_in_the_early_house_style(tmp_path, capsys):
    text = generated(DAI_2022, tmp_path)
    assert "wrote" in capsys.readouterr().err
    assert "pragma solidity 0.6.12;\npragma experimental ABIEncoderV2;" in text  # the spell's compiler, as then
    assert "Vm internal constant hevm" in text and "import " not in text  # self-contained, no forge-std
    # testPayouts: the wallet's balance before and after, the amount a literal from the YAML
    assert "function testPayouts() public {" in text and "function testPayments" not in text
    assert ('_assertEq(_balance(_addr("MCD_DAI"), 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B), '
            'prevBalance0 + 1_069_250 * WAD, "DAI payment: 1,069,250 DAI to TECH_001");') in text
    # testVestDAI: the new award field by field, absolute times with their UTC date
    vest = text[text.index("function testVestDAI()"):]
    assert "_assertEq(vest.ids(), streams + 1" in vest
    assert "_assertEq(vest.tot(id1), 2_486_400 * WAD" in vest
    assert "_assertEq(vest.bgn(id1), 1643673600 /* 2022-02-01T00:00:00Z */" in vest
    assert "_assertEq(vest.fin(id1), 1675123200 /* 2023-01-31T00:00:00Z */" in vest
    # it compiles with the spell's solc 0.6.12 (the solcjs facade) under forge from npm
    built = subprocess.run([str(toolchain.forge_path()), "build", "--offline", "--use", str(toolchain.solc_path("0.6.12"))],
                           cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr


def test_2026_sky_example_in_the_payee_list_style(tmp_path):
    text = generated(SKY_2026, tmp_path)
    expected = expected_from(load_spell(SKY_2026, Diagnostics(str(SKY_2026))))
    assert "pragma solidity 0.8.16;" in text and "Vm internal constant vm " in text
    assert f"Payee[] memory payees = new Payee[]({len(expected.usds_payments)});" in text
    for paid in expected.usds_payments:
        whole = f"{paid.wei // 10**18:_} * WAD"
        assert f'Payee(_addr("USDS"), {paid.recipient}, {whole}, true, "{paid.item.label}");' in text
    # 2025-2026: a vest's new and yanked streams as lists for one check; a stream from the cast is
    # relative to the cast time, and the yank ends at it
    vest = text[text.index("function testVestSkyTreasury()"):]
    assert "NewStream[] memory newStreams = new NewStream[](1);" in vest
    assert "            bgn: castTime,\n" in vest and "            fin: castTime + 15552000,\n" in vest
    assert "            tot: 838_182_330 * WAD,\n" in vest
    assert "uint256 finBefore8 = vest.fin(8);" in vest  # read before the cast
    assert ('yankedStreams[0] = YankedStream({id: 8, fin: _min(finBefore8, castTime), '
            'item: "yank: award 8 on MCD_VEST_SKY_TREASURY, ending at the cast"});') in vest
    assert "_checkVest(vest, streams, newStreams, yankedStreams);" in vest
    # an award that already ended keeps its fin when yanked: the Yank event is checked too
    assert "vm.recordLogs();" in vest and "Vm.Log[] memory logs = vm.getRecordedLogs();" in vest
    assert ('_assertYankLogged(logs, address(vest), 8, castTime, '
            '"yank: award 8 on MCD_VEST_SKY_TREASURY, ending at the cast");') in vest
    # the allowance is what every award still owes after the cast, summed on the chain
    # The allowance adjusted as the spell did: before, less what award 8 still owed before its yank, plus
    # the new stream (both read before the cast).
    assert 'uint256 left0 = VestLike(_addr("MCD_VEST_SKY_TREASURY")).tot(8) - ' \
           'VestLike(_addr("MCD_VEST_SKY_TREASURY")).rxd(8);' in text
    assert "before0 - left0 + 838_182_330 * WAD" in text
    for entry in expected.chainlog:
        assert f'_assertEq(_addr("{entry.key}"), {entry.address},' in text


def test_late_2022_to_mid_2025_payee_list_and_fields_one_by_one(tmp_path):
    text = generated(ROOT / "examples/techops-2022-12-09.yaml", tmp_path)
    assert "Vm internal constant vm " in text and "function testPayments() public {" in text
    # an MKR transfer from the treasury: the recipient's MKR rises, the PauseProxy's falls
    assert ('Payee(_addr("MCD_GOV"), 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B, 257_310_000_000_000_000_000, true, '
            '"MKR transfer: 257.31 MKR to TECH_001");') in text
    assert 'Payee(_addr("MCD_GOV"), _addr("MCD_PAUSE_PROXY"), 257_310_000_000_000_000_000, false,' in text
    every = generated(ROOT / "examples/every-action.yaml", tmp_path / "2023")  # 2023-07-26: fields one by one
    tests = every.split("contract Budget")[-1]
    assert "function testVestDAI() public {" in tests and "function testVestMKRTreasury() public {" in tests
    assert "NewStream({" not in tests
    assert ('_assertEq(vest.tot(id2), 100_000_500_000_000_000_000_000, "tot: stream: 100,000.50 DAI to '
            '0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2 on MCD_VEST_DAI,') in tests


def test_every_kind_of_expected_item_is_tested(tmp_path):
    text = generated(EVERY_2026, tmp_path)
    expected = expected_from(load_spell(EVERY_2026, Diagnostics(str(EVERY_2026))))
    assert f"_assertEq(vest.cap(), {expected.caps[0].per_second}," in text
    assert "1_234_560_000_000_000_000_000, true" in text  # an exact (not whole) DAI amount, in wei
    assert "            bgn: castTime - 604800,\n" in text  # a stream from 7 days before the cast
    increase = next(a for a in expected.allowances if a.mode == "increase")
    assert f'"{increase.vest}"), before1 + {increase.wei // 10**18:_} * WAD,' in text
    sky = expected.sky_transfers[0]  # from the treasury: the PauseProxy's SKY falls by as much
    assert f'Payee(_addr("SKY"), _addr("MCD_PAUSE_PROXY"), {sky.wei:_}, false,' in text
    names = re.findall(r"function (test\w+)\(\)", text)
    assert names == ["testPayments", "testVestSky", "testVestSkyTreasury", "testVestSpkTreasury", "testVestUsds",
                     "testAllowances", "testChainlogRecipients", "testSpellDescriptionAndOfficeHours"]


def test_labels_become_safe_string_literals():
    assert _message('a "quoted" \\ label \u2248') == '"a \\"quoted\\" \\\\ label \\\\u2248"'


def test_stdout_help_and_bad_input(tmp_path, capsys):
    assert cli.main(["foundry-test", str(DAI_2022)]) == 0
    assert capsys.readouterr().out.startswith("// SPDX-License-Identifier")
    with pytest.raises(SystemExit):
        cli.main(["foundry-test", "--help"])
    help_text = capsys.readouterr().out
    assert "examples:" in help_text and "forge test --offline --no-storage-caching --use .tools/solc/solc-v0.8.16" in help_text
    bad = tmp_path / "bad.yaml"
    bad.write_text(DAI_2022.read_text().replace("date: 2022-01-28", "date: 2022-13-45"))
    out = tmp_path / "never.t.sol"
    assert cli.main(["foundry-test", str(bad), "-o", str(out)]) == 2
    assert not out.exists()


# --- forge test on the twin ---------------------------------------------------------------------

def _artifact(source: str, solc: str, path: Path) -> Path:
    from spellgen.compiler.compile import compile_spell

    compiled = compile_spell(source, solc)
    path.write_text(json.dumps({"contracts": {"DssSpell": {"bytecode": compiled.spell.bytecode}}}))
    return path


def _forge_test(project: Path, artifact: Path, rpc: str, solc: str) -> subprocess.CompletedProcess:
    (project / "foundry.toml").write_text(
        f'[profile.default]\nfs_permissions = [{{ access = "read", path = "{artifact.parent}" }}]\n')
    # HOME in tmp: whatever forge keeps in ~/.foundry stays in the test (and is checked: nothing cached)
    env = {**os.environ, "SPELL_ARTIFACT": str(artifact), "ETH_RPC_URL": rpc, "NO_COLOR": "1",
           "HOME": str(project.parent / "home")}
    return subprocess.run([str(toolchain.forge_path()), "test", "--offline", "--no-storage-caching",
                           "--use", str(toolchain.solc_path(solc))],
                          cwd=project, env=env, capture_output=True, text=True, timeout=300)


def test_forge_passes_on_the_twin_and_fails_against_a_mutant(tmp_path, twin_pool):
    from spellgen.render.spell import render

    spell = load_spell(SKY_2026, Diagnostics(str(SKY_2026)))
    generated(SKY_2026, tmp_path / "project")
    source = render(spell, SKY_2026.name)
    twin = twin_pool.start_twin(spell.date)
    try:
        good = _forge_test(tmp_path / "project", _artifact(source, spell.solc, tmp_path / "good.json"), twin.url,
                           spell.solc)
        assert good.returncode == 0, good.stdout + good.stderr
        assert "5 tests passed, 0 failed" in good.stdout
        changed = source.replace("_transferUsds(GROVE_SUBPROXY, 6_090 * WAD)", "_transferUsds(GROVE_SUBPROXY, 6_091 * WAD)")
        assert changed != source
        bad = _forge_test(tmp_path / "project", _artifact(changed, spell.solc, tmp_path / "mutant.json"), twin.url,
                          spell.solc)
    finally:
        twin.stop()
    assert bad.returncode != 0
    assert "[FAIL: USDS payment: 6,090 USDS to GROVE_SUBPROXY: got 6091000000000000000000, " \
           "want 6090000000000000000000] testPayments()" in bad.stdout
    assert "4 tests passed, 1 failed" in bad.stdout
    # forge caches a fork's state on disk by chain id and block number, and twins of different dates
    # share both: with --no-storage-caching nothing of one twin is read back against another
    assert not list((tmp_path / "home").rglob("rpc/mainnet/*"))


def test_items_the_file_does_not_test_are_named(tmp_path, capsys):
    """An item the file cannot test is named on stderr, so a passing `forge test` is never taken for the
    whole proof: here a PauseProxy transfer of its SKY balance less a constant after a farm's vest update
    paid SKY out of the PauseProxy by what the award owed at the cast (an amount no balance before the cast
    gives); the same items in the other order are all tested, and so is every kind of the examples."""
    farm_first = tmp_path / "farm-first.yaml"
    sections = COMBINED.index("  - title: Treasury")
    farm = COMBINED.index("  - title: Staking Rewards Update")
    farm_first.write_text(COMBINED[:sections] + COMBINED[farm:] + COMBINED[sections:farm])
    text = generated(farm_first, tmp_path / "a")
    err = capsys.readouterr().err
    assert "farm-first.yaml: warning: sections[2].actions[3]: no Foundry test is written for PauseProxy " \
           "transfer: all SKY but 16,000,000 to SKY_FRONTIER_FOUNDATION; spellgen verify checks it" in err
    assert err.count("no Foundry test is written") == 1
    assert "all SKY but 16,000,000" not in text.split("function testTokenTransfers")[1].split("\n    }\n")[0]
    # (the other examples of the newer kinds are checked so by their own tests below)
    for example in ("examples/farms-2026-04-09.yaml", "examples/sky-2026-05-07.yaml",
                    "tests/spells/proxy-transfer-2025-08-21.yaml"):
        generated(ROOT / example, tmp_path / Path(example).stem)
        assert "no Foundry test is written" not in capsys.readouterr().err, example


# --- the newer kinds: allocator payments, PauseProxy transfers (ETH and balance-N included) and burns ---

# The 2026-05-07 allocator payments, the 2025-08-21 PauseProxy transfers and burns and the 2026-04-09 farm
# vest update in one spell, so one twin and one forge run (and one for the mutant) test them all.
COMBINED = """\
spellgen: 1
spell:
  date: 2026-05-07
  description: "2026-05-07 MakerDAO Executive Spell | Hash: 0x0000000000000000000000000000000000000000000000000000000000000000"
  draft: true
  office_hours: true
wallets:
  FORTIFICATION_FOUNDATION: 0x483413ccCD796Deddee88E4d3e202425d5E891C6
  SKY_FRONTIER_FOUNDATION: 0xca5183FB9997046fbd9bA8113139bf5a5Af122A0
  ECOSYSTEM: 0xaef7a9890c81A46C38fb26b940624DBB4dd591dd
sections:
  - title: Prime Agent payments
    actions:
      - {type: allocator_payment, vault: ALLOCATOR_SPARK_A_VAULT, amount: 9_179_021}
      - {type: allocator_payment, vault: ALLOCATOR_BLOOM_A_VAULT, amount: 9_385_986}
      - {type: allocator_payment, vault: ALLOCATOR_OBEX_A_VAULT, amount: 1_969_499}
  - title: Treasury
    actions:
      - {type: sky_transfer, to: FORTIFICATION_FOUNDATION, amount: "200,000,000"}
      - {type: proxy_transfer, token: MCD_DAI, to: SKY_FRONTIER_FOUNDATION, amount: balance}
      - {type: proxy_transfer, token: ether, to: SKY_FRONTIER_FOUNDATION, amount: balance - 0.25}
      - {type: proxy_transfer, token: SKY, to: SKY_FRONTIER_FOUNDATION, amount: "balance - 16,000,000"}
      - {type: proxy_transfer, token: SPK, to: ECOSYSTEM, amount: "1,000,000.5"}
      - {type: burn, token: SKY, amount: "6,292,860.23"}
      - {type: burn, token: SPK, amount: "balance - 4,000,000,000"}
  - title: Staking Rewards Update
    actions:
      # the 2026-04-09 update again: on the 2026-05-07 twin the distribution holds award 12
      - {type: farm_vest_update, dist: REWARDS_DIST_LSSKY_SKY, vest: MCD_VEST_SKY_TREASURY, current_id: 12,
         total: 192_110_322, duration: 90 days}
"""


def test_newer_kinds_pass_on_the_twin_and_fail_against_a_mutant(tmp_path, twin_pool, capsys):
    from spellgen.render.spell import render

    spec = tmp_path / "combined-2026-05-07.yaml"
    spec.write_text(COMBINED)
    text = generated(spec, tmp_path / "project")
    assert "no Foundry test is written" not in capsys.readouterr().err  # every item is tested
    names = re.findall(r"function (test\w+)\(\)", text)
    # the SKY transfer's and the burns' token is walked in testTokenTransfers: no testPayments row for it
    assert names == ["testTokenTransfers", "testMonthlySettlementCycleInflows", "testVestedRewardsDist",
                     "testSpellDescriptionAndOfficeHours"]
    # the 2026-05-07 file's form: the payments as a list, the expected debt from the rate of the block
    assert ('payments[0] = AllocatorPayment(_addr("ALLOCATOR_SPARK_A_VAULT"), 9_179_021 * WAD, '
            '"allocator payment: 9,179,021 DAI from ALLOCATOR_SPARK_A_VAULT into the surplus buffer");') in text
    # the 2025-08-21 form: a recipient gets the PauseProxy's balance before the cast less the constant
    # and what the earlier statements took; the PauseProxy keeps the constant, less the later burn
    assert "before[3] + pauseProxyBalance[2] - 216_000_000 * WAD," in text
    # ... but the farm's distribution, later, pays SKY out of the PauseProxy by what the award owes at the
    # cast: what the PauseProxy keeps of SKY is not asserted (of SPK it is)
    assert "// SKY: a later statement moves the PauseProxy's by an amount computed at the cast" in text
    assert '_assertEq(_balance(token[3], _addr("MCD_PAUSE_PROXY")), 4_000_000_000 * WAD,' in text
    # the 2026-04-09 file's testVestedRewardsDist: the award held before, the new one filed after
    assert '_assertEq(dist.vestId(), 12, "the award the distribution holds before the cast: farm vest update:' in text
    assert "_assertEq(dist.vestId(), before[0].ids + 1," in text
    assert ("before[0].cap > 27176100077160493827 ? before[0].cap : 27176100077160493827" in text)
    assert "before[2] + pauseProxyBalance[1] - 250_000_000_000_000_000," in text  # ETH, by `who.balance`
    assert '_assertEq(_balance(token[0], _addr("MCD_PAUSE_PROXY")), 0,' in text  # all the DAI
    assert "supply[3] + 4_001_000_000_500_000_000_000_000_000 - pauseProxyBalance[3]" in text  # SPK burnt
    assert "before[0] + 200_000_000 * WAD," in text  # the SKY transfer, in its place of the ledger
    spell = load_spell(spec, Diagnostics(str(spec)))
    source = render(spell, spec.name)
    twin = twin_pool.start_twin(spell.date)
    try:
        good = _forge_test(tmp_path / "project", _artifact(source, spell.solc, tmp_path / "good.json"), twin.url,
                           spell.solc)
        assert good.returncode == 0, good.stdout + good.stderr
        assert "4 tests passed, 0 failed" in good.stdout
        changed = source.replace("_takeAllocatorPayment(ALLOCATOR_OBEX_A_VAULT, 1_969_499 * WAD)",
                                 "_takeAllocatorPayment(ALLOCATOR_OBEX_A_VAULT, 1_969_500 * WAD)")
        changed = changed.replace("16_000_000 * WAD", "16_000_001 * WAD")
        changed = changed.replace("192_110_322 * WAD, 90 days", "192_110_323 * WAD, 90 days")
        assert changed.count("\n") == source.count("\n") and changed != source
        bad = _forge_test(tmp_path / "project", _artifact(changed, spell.solc, tmp_path / "mutant.json"), twin.url,
                          spell.solc)
    finally:
        twin.stop()
    assert bad.returncode != 0
    assert "1 tests passed, 3 failed" in bad.stdout, bad.stdout
    assert "[FAIL: new award tot: REWARDS_DIST_LSSKY_SKY, award 12 on MCD_VEST_SKY_TREASURY: got " \
           "192110323000000000000000000, want 192110322000000000000000000] testVestedRewardsDist()" in bad.stdout
    assert "[FAIL: vault debt (urn art): allocator payment: 1,969,499 DAI from ALLOCATOR_OBEX_A_VAULT" in bad.stdout
    assert "[FAIL: SKY of SKY_FRONTIER_FOUNDATION: PauseProxy transfer: all SKY but 16,000,000" in bad.stdout


def test_onboarded_vests_and_unmodelled_held_tokens(tmp_path, capsys):
    """A vest the spell onboards is reached by the YAML's address (before the cast its key is missing, or
    names the contract that moves to the legacy key), a token the chainlog of the date lacks by its address,
    and testAddedChainlogKeys asserts the keys, the legacy key, the Vat's ward and the ChainLog's version;
    PauseProxy transfers of tokens spellgen does not model are read by the chainlog key the YAML names."""
    text = generated(ROOT / "examples/sky-2025-06-26.yaml", tmp_path / "a")
    assert "VestLike vest = VestLike(0xF9A2002b471f600A5484da5a735a2A053d377078);" in text
    assert ("_allowance(0xc20059e0317DE91738d13af027DfC4a50781b066, 0xF9A2002b471f600A5484da5a735a2A053d377078), "
            "3_250_000_000 * WAD,") in text  # SPK by address: the 2025-06-26 spell registers its key
    added = text[text.index("function testAddedChainlogKeys"):]
    assert ('_assertEq(_addr("MCD_VEST_SPK_TREASURY"), 0xF9A2002b471f600A5484da5a735a2A053d377078, '
            '"vest onboarding: MCD_VEST_SPK_TREASURY is 0xF9A2002b471f600A5484da5a735a2A053d377078");') in added
    assert 'keccak256(bytes("1.20.2"))' in added
    legacy = generated(ROOT / "examples/core-units-2022-04-29.yaml", tmp_path / "b")
    added = legacy[legacy.index("function testAddedChainlogKeys"):]
    assert 'address legacy0 = _addr("MCD_VEST_DAI");' in added  # read before the cast
    assert '_assertEq(_addr("MCD_VEST_DAI_LEGACY"), legacy0,' in added
    assert '_assertEq(WardsLike(_addr("MCD_VAT")).wards(0xa4c22f0e25C6630B2017979AcF1f865e94695C4b), 1,' in added
    mints = generated(ROOT / "examples/core-units-2021-09-03.yaml", tmp_path / "c")
    assert '_assertEq(WardsLike(_addr("GOV_GUARD")).wards(0x0fC8D4f2151453ca0cA56f07359049c8f07997Bd), 1,' in mints
    awards = expected_from(load_spell(ROOT / "examples/core-units-2021-09-03.yaml")).awards
    assert max(sum(1 for a in awards if a.vest == vest) for vest in {a.vest for a in awards}) == 16
    # each award in a block of its own: 16 on one vest fit the stack
    assert mints.count("        {\n        uint256 id") == len(awards)
    held = generated(ROOT / "tests/spells/held-tokens-2025-08-21.yaml", tmp_path / "d")
    assert 'token[0] = _addr("ETH"); // ETH' in held  # WETH, by the key the YAML names
    assert 'token[2] = _addr("COMP"); // COMP' in held
    assert '_assertEq(_balance(token[2], _addr("MCD_PAUSE_PROXY")), 2_000 * WAD,' in held
    assert "no Foundry test is written" not in capsys.readouterr().err


def test_repairs_read_in_the_block_of_the_cast(tmp_path, capsys):
    """The 2022-02-04 repair: amounts computed at the cast and the repaired awards' payouts, read after the
    warp (in the block of the cast, what the spell reads), asserted on the recipients' DAI and the awards."""
    text = generated(ROOT / "examples/repair-2022-02-04.yaml", tmp_path)
    assert "no Foundry test is written" not in capsys.readouterr().err
    repairs = text[text.index("function testRepairs"):]
    # before the cast: the award as the YAML states it
    assert '_assertEq(VestLike(_addr("MCD_VEST_DAI")).fin(24), 1690761600, "fin before the cast:' in repairs
    warp = repairs.index("_scheduleAndWarp();")
    assert repairs.index('reading[0] = VestLike(_addr("MCD_VEST_DAI")).accrued(24);') > warp
    assert repairs.index('owed[0] = VestLike(_addr("MCD_VEST_DAI")).unpaid(24);') > warp
    assert ('_assertEq(_balance(_addr("MCD_DAI"), 0x6D348f18c88D45243705D4fdEeB6538c6a9191F1), '
            'before[0] + (42_917 * WAD - reading[0]) + owed[0], "DAI of SNE_001_WALLET:') in repairs
    assert '_assertEq(VestLike(_addr("MCD_VEST_DAI")).res(26), 0, "unrestricted:' in repairs
    assert '_assertEq(VestLike(_addr("MCD_VEST_DAI")).fin(26), _min(fin[1], castTime), "ends at the cast:' in repairs
    # the constant payments to others stay in testPayouts
    assert "function testPayouts() public {" in text and "0x6D348f18c88D45243705D4fdEeB6538c6a9191F1), " \
        "prevBalance" not in text


def test_farm_init_in_the_2025_10_30_form(tmp_path, capsys):
    """testLsskySkyFarm with exact values: the wiring, the new award from the cast - 7 days (ids before + 1),
    what it accrued by the cast distributed to the farm, the allowance, the cap, the job interval, the engine."""
    text = generated(ROOT / "examples/farm-init-2025-10-30.yaml", tmp_path)
    assert "no Foundry test is written" not in capsys.readouterr().err
    farm = text[text.index("function testLsskySkyFarm() public {"):]
    farm = farm[:farm.index("\n    }\n")]
    assert "uint256 bgn = block.timestamp - 604800;" in farm
    assert ("1_000_000_000 * WAD * (block.timestamp - bgn) / 15552000" in farm
            and "_assertEq(vest.rxd(ids + 1), paid," in farm)
    assert ("_assertEq(RewardsDistLike(0x675671A8756dDb69F7254AFB030865388Ef699Ee).vestId(), ids + 1, "
            "\"the new award filed: REWARDS_LSSKY_SKY paid by REWARDS_DIST_LSSKY_SKY\");") in farm
    assert "allowanceBefore + 1_000_000_000 * WAD - paid," in farm
    assert "capBefore > 70730452674897119340 ? capBefore : 70730452674897119340" in farm  # 110% of tot / tau
    assert '.intervals(0x675671A8756dDb69F7254AFB030865388Ef699Ee), 601200,' in farm  # 7 days - 1 hours
    assert 'LockstakeEngineLike(_addr("LOCKSTAKE_ENGINE")).farms(0xB44C2Fb4181D7Cb06bdFf34A46FdFe4a259B40Fc), 1,' in farm
    added = text[text.index("function testAddedChainlogKeys"):]  # the farm's keys, by the onboarding test
    assert '_assertEq(_addr("REWARDS_LSSKY_SKY"), 0xB44C2Fb4181D7Cb06bdFf34A46FdFe4a259B40Fc,' in added


def test_uniswap_withdrawal_with_exact_amounts(tmp_path, capsys):
    """testUnwindSurplusBuffer (2025-02-21): the liquidity left is what 7,500,000 USDS of the pool is worth,
    the rest burnt and paid pro rata, from the pool's state before the cast."""
    text = generated(ROOT / "examples/univ2-2025-02-21.yaml", tmp_path)
    assert "no Foundry test is written" not in capsys.readouterr().err
    unwind = text[text.index("function testUnwindSurplusBuffer() public {"):]
    assert unwind.index('b[3] = _balance(_addr("USDS"), address(pair));') < unwind.index("_vote(address(spell));")
    assert "uint256 left = b[1] * 7_500_000 * WAD / b[3];" in unwind
    assert '_assertEq(pair.balanceOf(_addr("MCD_PAUSE_PROXY")), left, "liquidity left: Uniswap V2 withdrawal:' in unwind
    assert '_assertEq(_balance(_addr("USDS"), _addr("MCD_PAUSE_PROXY")), b[5] + burnt * b[3] / b[1],' in unwind


def test_a_stream_and_a_farm_update_on_one_vest(tmp_path):
    """The farm's new award comes after the streams on its vest: the vest's test counts it (a stream and the
    update on MCD_VEST_SKY_TREASURY: without it, forge on the twin fails `number of new streams`), and the
    update's test looks for its award after the stream."""
    spec = tmp_path / "stream-and-farm.yaml"
    spec.write_text(COMBINED.replace("  - title: Staking Rewards Update\n    actions:\n", (
        "  - title: Staking Rewards Update\n    actions:\n"
        "      - {type: stream, vest: MCD_VEST_SKY_TREASURY, to: ECOSYSTEM, total: \"1,000\", start: cast,\n"
        "         duration: 30 days, cliff: none, manager: none, restricted: true}\n")))
    text = generated(spec, tmp_path / "p")
    assert "_checkVest(vest, streams, 1, newStreams, yankedStreams);" in text
    assert "_assertEq(dist.vestId(), before[0].ids + 2," in text
