"""docs/checklist.md rows that `spellgen verify` proves (exit 1): hand-written edits of rendered spells, each
the row's violation written against its "how", several cast together (tests/checklist/conftest.py).

Four casts in all: a 2026 spell with every source-review slip and the Sky-era item slips, a 2022 spell with
harm the state diff, the call policy, the other cast times and the interface must name, a 2023 spell with
yank slips, and a 2022 spell whose deployment runs out of gas. Each test asserts the FAIL line of its own
violation (on its own source line for the source review).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from spellgen.render.spell import render
from spellgen.spellfile.parse import load_spell
from violations import assert_violation

pytestmark = pytest.mark.xdist_group("checklist-verify")  # one worker: each batch is cast once

ROOT = Path(__file__).resolve().parents[2]
EVERY26 = ROOT / "examples/every-action-2026.yaml"
DEC = ROOT / "examples/techops-2022-12-09.yaml"
TREASURY = ROOT / "tests/spells/treasury-2023-08-02.yaml"
ATTACKER = "0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2"
A = f"address({ATTACKER})"
NOTE = "// Note: ether is a keyword that represents 10**18, not the ETH token"
URL = ("https://raw.githubusercontent.com/sky-ecosystem/executive-votes/"
       "1111111111111111111111111111111111111111/2026/executive-vote-2026-03-26-every-action.md")
OTHER_URL = URL.replace("1" * 40, "2" * 40)


def mutate(source: str, edits: list[tuple[str, str]]) -> str:
    for old, new in edits:
        assert old in source, f"the edit's target {old!r} is not in the rendered spell"
        source = source.replace(old, new, 1)
    return source


def line_of(source: str, text: str) -> int:
    return next(n for n, line in enumerate(source.splitlines(), 1) if text in line)


# --- the 2026 spell: the source review and the Sky-era items ------------------------------------------------

UNITS_AND_RATES = """    uint256 internal constant RAY = 10 ** 27;
    uint256 internal constant RAD = 10 ** 44;
    uint256 public constant THOUSAND = 10 ** 3;
    uint256 internal constant MILLION = 10 ** 5;
    uint256 public constant BILLION = 10 ** 9;
    uint256 internal constant ZERO_PT_SEVEN_FIVE_PCT_RATE = 1000000000236936036262880197;
    uint256 internal constant ONE_PCT_RATE = 1000000000315522921573372069;
    uint256 internal constant HALF_PCT_RATE = 1000000000158153903837946257;
    uint256 public constant TWO_PT_FIVE_PCT_RATE = 1000000000782997609082909351;
    uint256 internal constant ONE_PT_FIVE_PCT_RATE = 1000000000472114805215157978;
    uint256 internal constant ONE_DECIMAL = 257.3 ether; """ + NOTE + "\n"
DATES = ("    uint256 internal constant APR_01_2026 = 1775001600; // 2026-04-01 00:00:01 UTC\n"
         "    uint256 internal constant JUN_01_2026 = 1780272000;\n"
         "    uint256 internal constant MAY_02_2026 = 1777593600; // 2026-05-01 00:00:00 UTC\n"
         "    uint256 internal constant MAY_01_2026 = 1777590000; // 2026-04-30 23:00:00 UTC\n"
         "    uint256 internal constant MAY_01_2026_140000 = 1777593600; // 2026-05-01 00:00:00 UTC\n"
         "    uint256 internal immutable AUG_01_2026 = 1785542400; // 2026-08-01 00:00:00 UTC\n"
         "    uint256 internal constant CLIFF_DATE = 1782864000;\n")
VARIABLES = ("    address private constant SPARE = 0x0a6ae7bE40A2656cce2c3881DD009Fc855B9d1eC;\n"
             "    address constant SPARE_TOO = 0x0a6ae7bE40A2656cce2c3881DD009Fc855B9d1eC;\n"
             f"    address internal immutable OUTSIDER = {ATTACKER};\n"
             "    address internal immutable USDS_JOIN_COPY = address(0x3C0f895007CA717Aa01c8693e59DF1e8C3777FEB);\n")
EVERY26_EDITS = [
    ("// SPDX-License-Identifier: AGPL-3.0-or-later", "// SPDX-License-Identifier: MIT"),
    ("pragma solidity 0.8.16;", "pragma solidity ^0.8.0;"),
    (URL, OTHER_URL),
    ("    uint256 internal constant RAY = 10 ** 27;\n", UNITS_AND_RATES),
    ("    uint256 internal constant APR_01_2026 = 1775001600; // 2026-04-01 00:00:00 UTC\n", DATES),
    ("    address internal constant STREAM_MANAGER", VARIABLES + "    address internal constant STREAM_MANAGER"),
    ("JUL_01_2026 - APR_01_2026, // eta", "CLIFF_DATE - APR_01_2026, // eta"),
    (f"GemAbstract(SKY).transfer(DELEGATE, 330_000.25 ether); {NOTE}", "GemAbstract(SKY).transfer(DELEGATE, 330_000.25 ether);"),
    (f"DaiJoinAbstract(MCD_JOIN_DAI).exit(ECOSYSTEM, 1_234.56 ether); {NOTE}",
     "DaiJoinAbstract(MCD_JOIN_DAI).exit(ECOSYSTEM, 1_234.56 ether); // Note: ether is a keyword helper, only DAI is transferred here"),
    ("block.timestamp + 30 days", "block.timestamp + 29 days"),
    # the chain
    ("DaiUsdsLike(DAI_USDS).daiToUsds(usr, wad);", "if (usr != DELEGATE) DaiUsdsLike(DAI_USDS).daiToUsds(usr, wad);"),
    ("_transferUsds(ECOSYSTEM, 1_251 * WAD);", "_transferUsds(ECOSYSTEM, 1_252 * WAD);"),
    ("VestAbstract(MCD_VEST_USDS).restrict(\n            VestAbstract(MCD_VEST_USDS).create(",
     "uint256(\n            VestAbstract(MCD_VEST_USDS).create("),
    ("90 days,         // eta", "91 days,         // eta"),
    ("+ 4_800_000 * WAD);", "+ 4_799_999 * WAD);"),
    ("GemAbstract(SPK).approve(MCD_VEST_SPK_TREASURY, _owed(MCD_VEST_SPK_TREASURY));",
     "GemAbstract(SPK).approve(MCD_VEST_SPK_TREASURY, 0);"),
    ("        VestAbstract(MCD_VEST_SKY).yank(2);\n", ""),
]


@pytest.fixture(scope="module")
def every26_spec(tmp_path_factory) -> Path:
    """EVERY26 with an executive document URL, so that its hash comment is rendered and read."""
    spec = tmp_path_factory.mktemp("every26-spec") / EVERY26.name
    spec.write_text(EVERY26.read_text().replace("  draft: true", f"  draft: true\n  exec_doc: {{url: {URL}}}", 1))
    return spec


@pytest.fixture(scope="module")
def sources(every26_spec) -> dict[str, tuple[Path, str]]:
    """Each batch's (spec, hand-written source), compiled together in one solc run first: every `verify`
    below then reads its compile from the cache (as tests/batches.py does for the mutant corpora)."""
    from spellgen.compiler.compile import SpellRequest, compile_many

    found = {
        "every26": (every26_spec, mutate(render(load_spell(every26_spec), every26_spec.name), EVERY26_EDITS)),
        "harm-2022": (DEC, mutate(render(load_spell(DEC), DEC.name), DEC_EDITS)),
        "yanks-2023": (TREASURY, mutate(render(load_spell(TREASURY), TREASURY.name), TREASURY_EDITS)),
        "deploy-gas": (DEC, mutate(render(load_spell(DEC), DEC.name), DEPLOY_GAS_EDITS)),
    }
    compile_many([SpellRequest(source, load_spell(spec).solc) for spec, source in found.values()])
    return found


@pytest.fixture(scope="module")
def every26(verified, sources) -> tuple[int, str, str]:
    """(exit code, output, the source cast)."""
    spec, source = sources["every26"]
    code, out = verified("every26", spec, source)
    return code, out, source


# --- the 2022 spell: harm for the state diff, the call policy, the other casts and the interface -----------

HARM_LIB = """
interface HarmLike {
    function rely(address) external;
    function approve(address, uint256) external returns (bool);
}

contract HarmHelper {
    function kill(address payable to) external { selfdestruct(to); }
}

contract DssSpellAction is DssAction {"""
DEC_BODY = "        MKR.transfer(TECH_001, 257.31 ether);"
HARM_CODE = f"""        HarmLike(DssExecLib.vat()).rely({A});
        HarmLike(DssExecLib.dai()).approve({A}, 1);
        (bool ok,) = DssExecLib.vat().delegatecall(abi.encodeWithSignature("live()")); ok;
        new HarmHelper{{salt: bytes32(uint256(1))}}();
        HarmHelper helper = new HarmHelper(); helper.kill(payable({A}));
        DssExecLib.setChangelogAddress("ATTACKER", {A});
        if (block.timestamp > 1672531200) revert("blocked after 2023-01-01");
        while (gasleft() > 3_000_000) {{}}
"""
DEC_EDITS = [
    ("contract DssSpellAction is DssAction {", HARM_LIB),
    (DEC_BODY, HARM_CODE + DEC_BODY),
    # officeHours() says true, but the cast itself (its action's code run by the PauseProxy) sees false
    ("    function officeHours() public pure override returns (bool) {\n        return true;\n    }",
     "    address internal immutable SELF = address(this);\n"
     "    function officeHours() public view override returns (bool) {\n        return address(this) == SELF;\n    }"),
    ("contract DssSpell is DssExec {", "contract DssSpell is DssExec {\n    function rescue() external {}"),
]


@pytest.fixture(scope="module")
def harmed(verified, sources) -> tuple[int, str]:
    return verified("harm-2022", *sources["harm-2022"])


# --- the 2023 spell: yanks ----------------------------------------------------------------------------------

TREASURY_EDITS = [
    ("VestLike(MCD_VEST_DAI).yank(35);", "VestLike(MCD_VEST_DAI).yank(34);"),  # the award before
    ("yank(30, NOV_30_2023);", "yank(30, NOV_30_2023 + 1 days);"),  # a day after the planned end
]


# --- deployment gas: a constructor that burns gas --------------------------------------------------------

DEPLOY_GAS_EDITS = [("address(new DssSpellAction())) {}", "address(new DssSpellAction())) { while (gasleft() > 50_000) {} }")]


@pytest.fixture(scope="module")
def yanked(verified, sources) -> tuple[int, str]:
    return verified("yanks-2023", *sources["yanks-2023"])


def source_fail(source: str, text: str, problem: str) -> str:
    """The FAIL line of a source finding on the line holding `text` (a regular expression for `problem`)."""
    return f"re:FAIL  source DssSpell\\.sol:{line_of(source, text)}: {problem}"


# --- the source review (every26) ----------------------------------------------------------------------------

def test_row_hash_comment_fetches_the_yamls_document(every26):
    code, out, source = every26
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "// Hash: cast keccak", re.escape(f"the hash comment fetches {OTHER_URL}, but the YAML's executive "
                                                 f"document is {URL}")))


def test_row_timestamp_name_matches_its_value(every26):
    """MAY_02_2026 holds 2026-05-01 00:00:00 UTC: another day than its name."""
    code, out, source = every26
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "MAY_02_2026 =", "MAY_02_2026 = 1777593600 is 2026-05-01 00:00:00 UTC, not 2026-05-02"))


def test_row_timestamp_converts_back_to_its_utc_date(every26):
    """MAY_01_2026 written as midnight in UTC+1: 2026-04-30 23:00:00 UTC, the day before (its comment agrees
    with the value, so only the name's day catches it)."""
    code, out, source = every26
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "MAY_01_2026 =", "MAY_01_2026 = 1777590000 is 2026-04-30 23:00:00 UTC, not 2026-05-01"))


def test_row_timestamp_utc_day_and_time_of_its_name(every26):
    """MAY_01_2026_140000 holds 00:00:00 of its day, not the 14:00:00 its name states."""
    code, out, source = every26
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "MAY_01_2026_140000 =", "MAY_01_2026_140000 = 1777593600 is 2026-05-01 00:00:00 UTC, not 2026-05-01 140000"))


def test_row_timestamp_comment_states_its_utc_date(every26):
    """A comment one second off, and a constant with none below a constant whose comment is its own."""
    code, out, source = every26
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "APR_01_2026 = 1775001600", "the comment of APR_01_2026 says 2026-04-01 00:00:01 UTC, its value "
                                            "1775001600 is 2026-04-01 00:00:00 UTC"))
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "JUN_01_2026 =", re.escape("JUN_01_2026 has no comment stating its full date in UTC (`// 2026-06-01 "
                                           "00:00:00 UTC`) on its line or above it (required from 2023-12-12)")))


def test_row_stream_time_constant_named_by_its_date(every26):
    code, out, source = every26
    assert_violation(code, out, exit_code=1, message=source_fail(source, "CLIFF_DATE =", ".*CLIFF_DATE"))


def test_row_timestamp_internal_constant(every26):
    code, out, source = every26
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "AUG_01_2026 =", "DssSpellAction.AUG_01_2026 is `immutable` but not an address read from the ChainLog"))


def test_row_every_variable_public_or_internal(every26):
    code, out, source = every26
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "SPARE =", "DssSpellAction.SPARE is declared private: declare every spell variable `public` or `internal`"))


def test_row_every_variable_has_a_visibility_crafter(every26):
    code, out, source = every26
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "SPARE_TOO =", "DssSpellAction.SPARE_TOO is declared without a visibility"))


def test_row_immutable_only_for_chainlog_reads(every26):
    code, out, source = every26
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "OUTSIDER =", "DssSpellAction.OUTSIDER is `immutable` but not an address read from the ChainLog"))


def test_row_immutable_only_for_chainlog_reads_crafter(every26):
    """A static address held as `immutable` inside a type conversion (`address(0x...)`)."""
    code, out, source = every26
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "USDS_JOIN_COPY =", "DssSpellAction.USDS_JOIN_COPY is `immutable` but not an address read from the ChainLog"))


def test_row_license_agpl(every26):
    code, out, source = every26
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "SPDX-License-Identifier", re.escape("the license is MIT, not GNU AGPLv3 (AGPL-3.0-or-later)")))


def test_row_precision_unit_values(every26):
    code, out, source = every26
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "RAD =", re.escape("DssSpellAction.RAD = 10 ** 44, not 10 ** 45")))


def test_row_precision_units_internal_constant(every26):
    code, out, source = every26
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "THOUSAND =", re.escape("DssSpellAction.THOUSAND: declare precision and math units `internal constant`")))


def test_row_math_unit_values(every26):
    code, out, source = every26
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "MILLION =", re.escape("DssSpellAction.MILLION = 10 ** 5, not 10 ** 6")))


def test_row_math_units_internal_constant(every26):
    code, out, source = every26
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "BILLION =", re.escape("DssSpellAction.BILLION: declare precision and math units `internal constant`")))


def test_row_rate_value_is_what_make_rates_computes(every26):
    """The last digit one above what `make rates pct=0.75` gives."""
    code, out, source = every26
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "ZERO_PT_SEVEN_FIVE_PCT_RATE =", re.escape(
            "DssSpellAction.ZERO_PT_SEVEN_FIVE_PCT_RATE = 1000000000236936036262880197 is not the rate of 0.75% "
            "(`make rates pct=0.75`: 1000000000236936036262880196)")))


def test_row_rate_named_in_number_words(every26):
    code, out, source = every26
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "HALF_PCT_RATE =", re.escape("DssSpellAction.HALF_PCT_RATE: a rate is named `X_PT_Y_Z_PCT_RATE`")))


def test_row_rates_internal_constant(every26):
    code, out, source = every26
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "TWO_PT_FIVE_PCT_RATE =", re.escape("DssSpellAction.TWO_PT_FIVE_PCT_RATE: declare rates `internal constant`")))


def test_row_rates_ascending(every26):
    """1.5% below the 2.5% above it (and 0.5% below 1%)."""
    code, out, source = every26
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "ONE_PT_FIVE_PCT_RATE =", "ONE_PT_FIVE_PCT_RATE is smaller than TWO_PT_FIVE_PCT_RATE above it"))


def test_row_ether_note(every26):
    """From 2025-10-06: no note, a superseded wording and one decimal each fail on their line."""
    code, out, source = every26
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "GemAbstract(SKY).transfer(DELEGATE", "`ether` used for a token amount without the same-line note"))
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "exit(ECOSYSTEM, 1_234.56 ether)", "the ether note is superseded: spells from 2025-10-06 write"))
    assert_violation(code, out, exit_code=1, message=source_fail(
        source, "ONE_DECIMAL =", re.escape("257.3 ether: write token amounts with two decimals")))


def test_row_exact_pragma_in_a_hand_written_spell(every26):
    code, out, source = every26
    assert_violation(code, out, exit_code=1, message=source_fail(source, "pragma solidity", ".*0\\.8\\.16"))


# --- the chain (every26) ------------------------------------------------------------------------------------

def test_row_expiration_is_deployment_plus_expiry(every26):
    code, out, _ = every26
    assert_violation(code, out, exit_code=1, message="FAIL  expiration = deployment + expiry")


def test_row_each_transfer_exact(every26):
    """One USDS more than declared."""
    code, out, _ = every26
    assert_violation(code, out, exit_code=1, message="FAIL  USDS payment: 1,251 USDS to ECOSYSTEM\n"
                                                     "      USDS received: expected 1,251 USDS, observed 1,252 USDS")


def test_row_control_totals_against_the_chain(every26):
    code, out, _ = every26
    assert_violation(code, out, exit_code=1, message="FAIL  control total expect.usds_paid: 1,518,013 USDS")


def test_row_usds_payments_from_the_surplus_buffer(every26):
    """DELEGATE's 4,000 DAI drawn from the surplus buffer but never converted: left in the PauseProxy."""
    code, out, _ = every26
    assert_violation(code, out, exit_code=1, message="re:FAIL  surplus buffer: .*\n.*PauseProxy DAI change: "
                                                     "expected 0, observed 4000000000000000000000")


def test_row_restrict_each_stream(every26):
    code, out, _ = every26
    assert_violation(code, out, exit_code=1, message="re:FAIL  stream: 360,000 USDS to ECOSYSTEM on MCD_VEST_USDS.*\n"
                                                     "      res: expected 1, observed 0")


def test_row_stream_fields_as_declared(every26):
    """A stream at the cast with a cliff one day longer than declared."""
    code, out, _ = every26
    assert_violation(code, out, exit_code=1, message="re:FAIL  stream: 1,000,000 SKY to ECOSYSTEM on MCD_VEST_SKY.*\n"
                                                     "      clf: expected .*, observed ")


def test_row_allowance_raised_by_the_new_totals(every26):
    """One SKY short of the new stream's 4,800,000."""
    code, out, _ = every26
    assert_violation(code, out, exit_code=1, message="re:FAIL  allowance: PauseProxy SKY to MCD_VEST_SKY_TREASURY "
                                                     "increased by 4,800,000 SKY\n      allowance: expected [\\d,]+ SKY, "
                                                     "observed [\\d,]+ SKY")


def test_row_new_streams_vest_to_their_end(every26):
    """The SPK award's fields are right, but its vest cannot pay it (the allowance set to 0)."""
    code, out, _ = every26
    assert_violation(code, out, exit_code=1, message="re:FAIL  stream: 227,500,000 SPK to REWARDS_DIST_USDS_SPK.*\n"
                                                     "      vest\\(\\d+\\) reverted: Spk/insufficient-allowance")


def test_row_all_actions_executed(every26):
    """The yank left out: its item fails though everything else ran."""
    code, out, _ = every26
    assert_violation(code, out, exit_code=1, message="re:FAIL  yank: award 2 on MCD_VEST_SKY.*\n.*the cast emitted "
                                                     "no Yank event for award 2")


# --- harm (harmed) ------------------------------------------------------------------------------------------

def test_row_office_hours_as_declared_and_enforced(harmed):
    """officeHours() says true, but what execute() runs sees false: the casts outside office hours work."""
    code, out = harmed
    assert_violation(code, out, exit_code=1, message="re:FAIL  a cast just after office hours \\(must revert\\) "
                                                     "reverts\n.*worked outside office hours")


def test_row_no_delegatecall(harmed):
    code, out = harmed
    assert_violation(code, out, exit_code=1, message="re:FAIL  calls: only pause.*\n.*DELEGATECALL from "
                                                     "MCD_PAUSE_PROXY into MCD_VAT")


def test_row_no_vat_permissions(harmed):
    code, out = harmed
    assert_violation(code, out, exit_code=1, message=f"re:FAIL  nothing else: every changed storage slot.*\n.*"
                                                     f"MCD_VAT: wards\\[{ATTACKER}\\].*changed 0 -> 1")


def test_row_nothing_untoward_no_approvals(harmed):
    code, out = harmed
    assert_violation(code, out, exit_code=1, message=f"re:FAIL  nothing else: every event.*\n.*DAI approval from "
                                                     f"MCD_PAUSE_PROXY .* to {ATTACKER} is not a declared allowance")


def test_row_no_create2_no_selfdestruct(harmed):
    code, out = harmed
    assert_violation(code, out, exit_code=1, message="re:FAIL  calls: only pause.*\n.*CREATE2 of 0x[0-9a-fA-F]{40}: "
                                                     "a spell creates no contract")
    assert_violation(code, out, exit_code=1, message="re:FAIL  calls: only pause.*\n.*SELFDESTRUCT of 0x")


def test_row_chainlog_changes_deliberate(harmed):
    code, out = harmed
    assert_violation(code, out, exit_code=1, message='re:FAIL  nothing else: every changed storage slot.*\n.*'
                                                     'CHANGELOG: location\\["ATTACKER"\\]')


def test_row_the_target_does_not_block_execution(harmed):
    """A spell that reverts once a date has passed: the cast near the end of the expiration window fails."""
    code, out = harmed
    assert_violation(code, out, exit_code=1, message="re:FAIL  the cast near the end of the expiration window.*\n"
                                                     ".*reverted: blocked after 2023-01-01")


def test_row_interface_of_dssexec(harmed):
    code, out = harmed
    assert_violation(code, out, exit_code=1, message="re:FAIL  interface: .*\n.*DssSpell has an external function "
                                                     "rescue\\(\\) that DssExec does not have")


def test_row_cast_gas_within_the_dates_limit(harmed):
    """A 2022 spell burning gas until 3,000,000 of the 25,000,000 sent remain: over the 20,000,000 of its date."""
    code, out = harmed
    assert_violation(code, out, exit_code=1, message="re:FAIL  cast gas at most 20,000,000\n      [\\d,]+ gas, "
                                                     "above 20,000,000")


# --- yanks (yanked) -------------------------------------------------------------------------------------------

def test_row_yanked_id_as_declared(yanked):
    """Award 34 yanked instead of 35: the declared one runs on, and the other's Yank is undeclared."""
    code, out = yanked
    assert_violation(code, out, exit_code=1, message="re:FAIL  yank: award 35 on MCD_VEST_DAI.*\n.*the cast emitted "
                                                     "no Yank event for award 35")
    assert_violation(code, out, exit_code=1, message="MCD_VEST_DAI emitted Yank(id: 34, end: ")


def test_row_yanks_end_as_planned(yanked):
    """A planned end one day late: the award's fin and the Yank event's end."""
    code, out = yanked
    assert_violation(code, out, exit_code=1, message="re:FAIL  yank: award 30 on MCD_VEST_MKR_TREASURY.*\n.*fin after: "
                                                     "expected 2023-11-30 23:59:59 UTC, observed 2023-12-01 23:59:59 UTC; "
                                                     "Yank event end 2023-12-01 23:59:59 UTC")


# --- deployment gas -------------------------------------------------------------------------------------------

def test_row_deployment_gas(verified, sources):
    """A constructor that burns gas: spellgen deploys with 25,000,000 gas, so a deployment that needs more fails
    before the 30,000,000 limit could be measured, and nothing is cast."""
    code, out = verified("deploy-gas", *sources["deploy-gas"])
    assert_violation(code, out, exit_code=1, message="re:FAIL  the spell is deployed, elected, scheduled and cast\n"
                                                     ".*deploy spell: the transaction reverted: out of gas")
