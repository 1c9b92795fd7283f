"""Brownie from a plain shell: `brownie run` and `brownie test` in subprocesses, with the project's
networks (brownie_hooks.py) and no help from `make` (no .tools/bin on PATH, no SOLCX_BINARY_PATH).

One module, run in order: Brownie compiles the project into build/ on its first run, and two
Brownie processes writing build/ at once would race.
"""
from __future__ import annotations

import hashlib
import os
import re
import subprocess
from pathlib import Path

import pytest

# Under pytest-xdist (make test) every test of the "checkout-build" group runs on one worker, in order:
# Brownie compiles the project into build/ and reads ~/.brownie; two Brownie processes at once would race.
pytestmark = pytest.mark.xdist_group("checkout-build")

ROOT = Path(__file__).resolve().parents[2]
BROWNIE = ROOT / ".venv" / "bin" / "brownie"
SCRIPT = "scripts/simulate_spell.py"
REAL_SPELL = "tests/realspells/2025-03-01-DssSpell/DssSpell.sol"
USDS_SKY = "tests/spells/usds-sky-2025-03-01.yaml"
NETWORK_CONFIG = Path.home() / ".brownie" / "network-config.yaml"


def plain_env(**extra: str) -> dict[str, str]:
    """The environment of a shell after `make setup`: nothing of make's exports."""
    tools = str(ROOT / ".tools")
    env = {k: v for k, v in os.environ.items() if k not in ("SOLCX_BINARY_PATH", "ETH_RPC_URL", "SPELLGEN_SPELL")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if not p.startswith(tools))
    env.update(extra)
    return env


def shell(command: str, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", command], cwd=ROOT, env=plain_env(**extra), capture_output=True,
                          text=True, timeout=900)


def brownie(*args: str, **extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BROWNIE), *args], cwd=ROOT, env=plain_env(**extra), capture_output=True,
                          text=True, timeout=900)


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


@pytest.fixture(scope="module", autouse=True)
def user_brownie_settings_untouched():
    """Nothing here may write the user's ~/.brownie/network-config.yaml."""
    before = digest(NETWORK_CONFIG)
    yield
    assert digest(NETWORK_CONFIG) == before


def test_brownie_run_exits_0_with_the_table_of_spellgen_simulate():
    result = brownie("run", SCRIPT, "main", "examples/techops-2022-12-09.yaml")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "PASS  MKR transfer: 257.31 MKR to TECH_001" in result.stdout
    assert re.search(r"\d+ items passed, 0 failed", result.stdout)
    assert "Attached to local RPC client" in result.stdout  # Brownie attached to the twin spellgen started


def test_brownie_run_casts_a_sky_spell_paying_subproxies_on_the_twin_simulate_uses():
    """The Brownie twin is the CLI's: it registers the chainlog keys the spell names parties by
    (GROVE_SUBPROXY...), so the deploy no longer reverts `dss-chain-log/invalid-key`."""
    result = brownie("run", SCRIPT, "main", "examples/sky-2026-02-26.yaml", "--network", "spellgen-twin")
    out = result.stdout + result.stderr
    assert result.returncode == 0, out[-3000:]
    assert "invalid-key" not in out
    assert re.search(r"PASS  USDS payment: [\d,]+ USDS to GROVE_SUBPROXY", result.stdout), result.stdout[-3000:]
    assert re.search(r"\d+ items passed, 0 failed", result.stdout)
    report = (ROOT / "out/sky-2026-02-26/report.md").read_text()
    assert "Brownie network spellgen-twin: twin at 2026-02-26 (" in report  # described as simulate describes it


def test_brownie_run_casts_a_2021_spell_on_the_berlin_twin():
    """Before London the twin runs Berlin, which refuses EIP-1559 fee fields: the transactions
    Brownie's run sends through spellgen carry a legacy gasPrice (issue 23)."""
    result = brownie("run", SCRIPT, "main", "examples/core-units-2021-06-04.yaml", "--network", "spellgen-twin")
    out = result.stdout + result.stderr
    assert result.returncode == 0, out[-3000:]
    assert "EIP-1559" not in out
    assert "PASS  DAI payment: 642,135 DAI to SES_001_MULSTISIG" in result.stdout, result.stdout[-3000:]
    assert re.search(r"\d+ items passed, 0 failed", result.stdout)


def test_brownie_run_refuses_an_unwritable_report_folder_before_the_cast(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    result = brownie("run", SCRIPT, "main", "examples/techops-2022-12-09.yaml", "", str(blocker / "report"))
    assert result.returncode == 2, result.stdout[-3000:] + result.stderr[-3000:]
    assert "cannot write" in result.stderr and "internal error" not in result.stderr
    assert "items passed" not in result.stdout


def test_brownie_run_on_the_named_twin_network_verifies_a_real_style_spell():
    result = brownie("run", SCRIPT, "main", USDS_SKY, REAL_SPELL, "out/usds-sky-2025-03-01", "budget-only",
                     "--network", "spellgen-twin")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "PASS  stream: 4,800,000 SKY to ECOSYSTEM on MCD_VEST_SKY_TREASURY" in result.stdout


def test_brownie_run_of_a_sky_era_spell_paying_subproxies_passes_on_the_twin():
    """Issue 21, case 3: the Brownie twin is the CLI's, with every chainlog key of its date (the
    deploy used to revert `dss-chain-log/invalid-key for key GROVE_SUBPROXY`)."""
    result = brownie("run", SCRIPT, "main", "examples/sky-2026-02-26.yaml", "--network", "spellgen-twin")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "invalid-key" not in result.stdout + result.stderr
    assert re.search(r"\d+ items passed, 0 failed", result.stdout)


def test_brownie_run_of_a_spell_before_the_twin_exits_2_located(tmp_path):
    spec = tmp_path / "june-2020.yaml"
    spec.write_text("spellgen: 1\nspell:\n  date: 2020-06-04\n  description: \"2020-06-04 MakerDAO Executive Spell | "
                    "Hash: 0x1284f085ea8cd00b52464a5191e1975b5e1b53fcfe3daa1434bd37348fbeaf9f\"\n  office_hours: false\n"
                    "  draft: true\n"
                    "sections:\n  - title: Budgets\n    actions:\n"
                    "      - {type: dai_payment, to: 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B, amount: 1000}\n")
    result = brownie("run", SCRIPT, "main", str(spec), "--network", "spellgen-twin")
    assert result.returncode == 2, result.stdout[-3000:] + result.stderr[-3000:]
    assert f"{spec}:3:9: spell.date: the twin's chain begins on 2021-06-01; a spell dated 2020-06-04 cannot be " \
           "cast on it" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_brownie_run_exits_1_when_an_item_fails(tmp_path):
    folder = tmp_path / "spell"
    folder.mkdir()
    source = (ROOT / REAL_SPELL).read_text()
    assert "tot: 360_000 * WAD" in source
    (folder / "DssSpell.sol").write_text(source.replace("tot: 360_000 * WAD", "tot: 360_001 * WAD", 1))
    (folder / "dependencies").symlink_to(ROOT / REAL_SPELL.rsplit("/", 1)[0] / "dependencies")
    # the third argument of main is the report folder
    result = brownie("run", SCRIPT, "main", USDS_SKY, str(folder / "DssSpell.sol"), str(tmp_path / "report"))
    assert result.returncode == 1, result.stdout[-3000:] + result.stderr[-3000:]
    assert "FAIL  stream: 360,000 USDS to ECOSYSTEM on MCD_VEST_USDS" in result.stdout
    assert re.search(r"\d+ items passed, [1-9]\d* failed", result.stdout)
    assert (tmp_path / "report" / "report.md").is_file()


def test_brownie_run_exits_2_on_bad_input(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text((ROOT / "examples/techops-2022-12-09.yaml").read_text().replace(
        "0x2dC0420A736D1F40893B9481D8968E4D7424bC0B", "0x2dc0420a736d1f40893b9481d8968e4d7424bc0b"))
    result = brownie("run", SCRIPT, "main", str(bad))
    assert result.returncode == 2, result.stdout[-3000:] + result.stderr[-3000:]
    assert "checksum" in (result.stdout + result.stderr).lower()
    missing = brownie("run", SCRIPT, "main", "examples/techops-2022-12-09.yaml", str(tmp_path / "missing.sol"))
    assert missing.returncode == 2 and "cannot read" in missing.stdout + missing.stderr


def test_brownie_run_on_a_chain_without_maker_contracts_exits_2():
    result = brownie("run", SCRIPT, "main", "examples/techops-2022-12-09.yaml", "--network", "development")
    assert result.returncode == 2, result.stdout[-3000:] + result.stderr[-3000:]
    assert "no ChainLog" in result.stderr and "--network spellgen-twin" in result.stderr


def test_mainnet_fork_without_an_rpc_url_says_what_is_missing():
    result = brownie("run", SCRIPT, "main", "examples/techops-2022-12-09.yaml", "--network", "mainnet-fork")
    assert result.returncode != 0
    assert "ETH_RPC_URL" in result.stdout + result.stderr
    assert "ganache" not in (result.stdout + result.stderr).lower()


PROBE = r"""
import json
from brownie._config import CONFIG
from spellgen.integrations.brownie import register_networks
register_networks({"ETH_RPC_URL": "https://node.example/key", "SPELLGEN_FORK_BLOCK": "16140000"})
print(json.dumps({k: CONFIG.networks[k] for k in ("development", "spellgen-twin", "mainnet-fork")}))
"""


def test_brownie_test_on_mainnet_fork_without_an_rpc_url_says_what_is_missing():
    result = brownie("test", "tests/brownie/test_techops_2022_01_28.py", "--network", "mainnet-fork")
    assert result.returncode != 0
    assert "ETH_RPC_URL" in result.stdout + result.stderr


def test_the_networks_point_at_the_projects_anvil_in_memory():
    import json

    result = subprocess.run([str(ROOT / ".venv/bin/python"), "-c", PROBE], cwd=ROOT, env=plain_env(),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    networks = json.loads(result.stdout.strip().splitlines()[-1])
    for entry in networks.values():
        assert entry["cmd"] == "anvil" and entry["host"] == "http://127.0.0.1"
    fork = networks["mainnet-fork"]["cmd_settings"]
    assert fork["fork"] == "https://node.example/key" and fork["fork_block"] == 16140000 and fork["chain_id"] == 1
    assert "mnemonic" not in fork and "evm_version" not in fork  # nothing left of the ganache entry


def test_brownie_run_on_a_real_fork():
    if not os.environ.get("ETH_RPC_URL"):
        pytest.skip("ETH_RPC_URL is not set: no mainnet node to fork")
    result = brownie("run", SCRIPT, "main", "examples/techops-2022-12-09.yaml", "--network", "mainnet-fork",
                     ETH_RPC_URL=os.environ["ETH_RPC_URL"], SPELLGEN_FORK_BLOCK="16140000")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


# --- generated Brownie tests ----------------------------------------------------------------------

GENERATED = {
    "tests/brownie/test_techops_2022_01_28.py": ["examples/techops-2022-01-28.yaml"],
    "tests/brownie/test_usds_sky_2025_03_01.py": [USDS_SKY, "--spell", REAL_SPELL],
    "tests/brownie/test_core_units_2022_04_29.py": ["examples/core-units-2022-04-29.yaml"],
    "tests/brownie/test_proxy_transfer_2025_08_21.py": ["tests/spells/proxy-transfer-2025-08-21.yaml"],
    # A return to the surplus buffer (the Vow's dai, the PauseProxy's DAI).
    "tests/brownie/test_surplus_return_2025_02_06.py": ["tests/spells/surplus-return-2025-02-06.yaml"],
    # MKR converted in an amount read at the cast: the PauseProxy's MKR less what named awards owe.
    "tests/brownie/test_mkr_to_sky_2025_06_26.py": ["tests/spells/mkr-to-sky-2025-06-26.yaml"],
    # The same conversion beside the SKY burn, SKY transfers and USDS payments of the 2025-06-26 spell.
    "tests/brownie/test_treasury_2025_06_26.py": ["tests/spells/treasury-2025-06-26.yaml"],
    # Issue 23: amounts computed at the cast and a stream repair, judged from the awards before the cast.
    "tests/brownie/test_repair_2022_02_04.py": ["examples/repair-2022-02-04.yaml"],
    "tests/brownie/test_farms_2026_02_26.py": ["examples/farms-2026-02-26.yaml"],  # a farm's distribute()
    "tests/brownie/test_farms_2026_04_09.py": ["examples/farms-2026-04-09.yaml"],  # a farm's vest update
    "tests/brownie/test_univ2_2025_02_21.py": ["examples/univ2-2025-02-21.yaml"],  # a Uniswap V2 withdrawal
    # the withdrawal's USDS returned to the surplus buffer (`amount: withdrawn`), the yield from the pool by hand
    "tests/brownie/test_univ2_return_2025_02_21.py": ["tests/spells/univ2-return-2025-02-21.yaml"],
    "tests/brownie/test_farm_init_2025_10_30.py": ["examples/farm-init-2025-10-30.yaml"],  # a farm's init
}


@pytest.mark.parametrize("module", sorted(GENERATED))
def test_the_committed_generated_modules_are_what_brownie_test_writes(module, tmp_path):
    out = ROOT / module  # written in place: the module's relative paths depend on where it lives
    before = out.read_text()
    result = shell(f".venv/bin/spellgen brownie-test {' '.join(GENERATED[module])} -o {module}")
    assert result.returncode == 0, result.stderr
    assert out.read_text() == before, f"{module} is stale: rerun spellgen brownie-test"


def test_a_generated_module_has_literals_from_the_yaml():
    text = (ROOT / "tests/brownie/test_techops_2022_01_28.py").read_text()
    assert 'assert award.usr == "0x2dC0420A736D1F40893B9481D8968E4D7424bC0B", ITEM  # TECH_001' in text
    assert "assert award.bgn == 1643673600, ITEM  # 2022-02-01 00:00:00 UTC" in text
    assert "assert received == 1_069_250_000_000_000_000_000_000, ITEM  # 1,069,250 DAI" in text
    assert "DssSpell" not in text.split('"""', 2)[2]  # nothing is read from the Solidity


def test_brownie_test_passes_a_generated_module_on_the_twin():
    result = brownie("test", "tests/brownie/test_techops_2022_01_28.py")
    assert result.returncode == 0, result.stdout[-3000:]
    assert re.search(r"\b5 passed\b", result.stdout)


def test_brownie_test_passes_the_computed_payments_and_repairs_of_2022_02_04():
    """The generated tests of `computed_payment` and `vest_and_yank` evaluate DssVest's accrued/unpaid
    from the awards before the cast, at the cast's time, and pass on the twin."""
    result = brownie("test", "tests/brownie/test_repair_2022_02_04.py")
    assert result.returncode == 0, result.stdout[-3000:]
    assert re.search(r"\b29 passed\b", result.stdout)


def test_brownie_test_passes_the_farms_module_on_its_twin():
    """A farm's distribute() (2026-02-26, a twin of its own date): the award's rxd rose by what it owed at
    the cast and the farm received it, with the stream, the yank, the allowance and the spell's own test."""
    result = brownie("test", "tests/brownie/test_farms_2026_02_26.py")
    assert result.returncode == 0, result.stdout[-3000:]
    assert re.search(r"\b10 passed\b", result.stdout)


def test_brownie_test_passes_the_farm_vest_update_module_on_its_twin():
    """A farm's vest update (2026-04-09): the award the distribution held, yanked at the cast; the new award."""
    result = brownie("test", "tests/brownie/test_farms_2026_04_09.py")
    assert result.returncode == 0, result.stdout[-3000:]
    assert re.search(r"\b3 passed\b", result.stdout)


def test_brownie_test_runs_generated_and_hand_written_tests_of_a_real_style_spell():
    result = brownie("test", "tests/brownie/test_usds_sky_2025_03_01.py", "tests/brownie/test_crafter_example.py")
    assert result.returncode == 0, result.stdout[-3000:]
    assert re.search(r"\b10 passed\b", result.stdout)


def test_brownie_test_checks_a_vest_the_spell_onboards():
    """Issue 23: the generated test of a `vest_onboarding` reads the ChainLog entries, the Vat ward and the
    ChainLog's version the cast recorded (the 2022-04-29 replacement of the DAI vest, on the twin)."""
    text = (ROOT / "tests/brownie/test_core_units_2022_04_29.py").read_text()
    assert 'assert cast.after.registry["MCD_VEST_DAI"].lower() == "0xa4c22f0e25c6630b2017979acf1f865e94695c4b"' in text
    assert 'assert cast.after.vat_wards["0xa4c22f0e25c6630b2017979acf1f865e94695c4b"] == 1' in text
    result = brownie("test", "tests/brownie/test_core_units_2022_04_29.py")
    assert result.returncode == 0, result.stdout[-3000:]
    assert re.search(r"\b23 passed\b", result.stdout)


def test_brownie_test_passes_the_proxy_transfers_read_at_the_cast():
    """Issue 24: the generated tests of balance-read PauseProxy transfers compute each amount from what the
    cast read before it (`cast.before.held`), and pass on the twin."""
    module = "tests/brownie/test_proxy_transfer_2025_08_21.py"
    text = (ROOT / module).read_text()
    assert 'balance = cast.before.held[("SKY", proxy)] - 200_000_000_000_000_000_000_000_000' in text
    assert "assert received == balance - 16_000_000_000_000_000_000_000_000, ITEM  # all SKY but 16,000,000" in text
    result = brownie("test", module)
    assert result.returncode == 0, result.stdout[-3000:]
    assert re.search(r"\b20 passed\b", result.stdout)


def test_a_mutated_spell_fails_the_test_of_the_item_it_breaks(tmp_path):
    folder = tmp_path / "spell"
    folder.mkdir()
    source = (ROOT / REAL_SPELL).read_text()
    (folder / "DssSpell.sol").write_text(source.replace("eta: 365 days", "eta: 364 days", 1))
    (folder / "dependencies").symlink_to(ROOT / REAL_SPELL.rsplit("/", 1)[0] / "dependencies")
    result = brownie("test", "tests/brownie/test_usds_sky_2025_03_01.py", SPELLGEN_SPELL=str(folder / "DssSpell.sol"))
    assert result.returncode == 1, result.stdout[-3000:]
    failed = re.findall(r"FAILED \S+::(\w+)", result.stdout)
    assert failed == ["test_2_stream_4_800_000_sky_to_ecosystem_on_mcd_vest_sky_treasury_2025_03"], \
        result.stdout[-3000:]
    assert "stream: 4,800,000 SKY to ECOSYSTEM" in result.stdout  # the assertion names the item


def test_plain_pytest_skips_generated_modules_saying_how_to_run_them():
    result = subprocess.run([str(ROOT / ".venv/bin/python"), "-m", "pytest", "-p", "no:cacheprovider", "-rs", "-q",
                             "tests/brownie/test_techops_2022_01_28.py"], cwd=ROOT, env=plain_env(),
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout
    assert "5 skipped" in result.stdout and "brownie test" in result.stdout


# --- the README's Brownie section -----------------------------------------------------------------

def readme_commands(block: str) -> list[str]:
    text = (ROOT / "README.md").read_text()
    match = re.search(rf"<!-- {block} -->\s*```sh\n(.*?)```", text, re.S)
    assert match, f"README.md has no `{block}` command block"
    return [line.split("  #")[0].strip() for line in match.group(1).splitlines()
            if line.strip() and not line.lstrip().startswith("#")]


def test_every_command_of_the_readmes_brownie_section_works():
    commands = readme_commands("brownie-commands")
    assert len(commands) >= 5
    for command in commands:
        result = shell(command)
        assert result.returncode == 0, f"{command}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"


def test_the_readmes_fork_commands_work_with_an_rpc_url():
    commands = readme_commands("brownie-fork-commands")
    assert commands
    if not os.environ.get("ETH_RPC_URL"):
        pytest.skip("ETH_RPC_URL is not set: the README's mainnet-fork commands need a mainnet node")
    for command in commands:
        result = shell(command, ETH_RPC_URL=os.environ["ETH_RPC_URL"])
        assert result.returncode == 0, f"{command}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}"


# --- a checkout in a folder whose name holds a dot -------------------------------------------------

def dotted_project(tmp_path: Path) -> Path:
    """The Brownie project's own files under `<tmp>/spells.v2/spellgen` (the spellgen package and its
    tools stay those of this checkout: the virtual environment's editable install)."""
    project = tmp_path / "spells.v2" / "spellgen"
    for name in ("brownie-config.yaml", "brownie_hooks.py", SCRIPT, "examples/techops-2022-12-09.yaml",
                 "examples/techops-2022-01-28.yaml", "tests/brownie/test_techops_2022_01_28.py"):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_bytes((ROOT / name).read_bytes())
    return project


def test_brownie_run_and_test_work_from_a_folder_whose_name_holds_a_dot(tmp_path):
    """eth-brownie imports a script as its absolute path's folders joined with dots; `spells.v2` broke it."""
    project = dotted_project(tmp_path)
    run = subprocess.run([str(BROWNIE), "run", SCRIPT, "main", "examples/techops-2022-12-09.yaml"], cwd=project,
                         env=plain_env(), capture_output=True, text=True, timeout=900)
    assert "ModuleNotFoundError" not in run.stdout + run.stderr, run.stdout[-3000:]
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    assert re.search(r"\d+ items passed, 0 failed", run.stdout)
    test = subprocess.run([str(BROWNIE), "test", "tests/brownie/test_techops_2022_01_28.py"], cwd=project,
                          env=plain_env(), capture_output=True, text=True, timeout=900)
    assert test.returncode == 0, test.stdout[-3000:]
    assert re.search(r"\b5 passed\b", test.stdout)
