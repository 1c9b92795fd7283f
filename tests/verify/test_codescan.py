"""Issue 22: the action's code is judged, not only its casts (spellgen/verify/codescan.py).

Harm behind a condition the casts never meet (a date window, the minute, odd blocks, mainnet's height,
the coinbase, the gas left, the caster, another contract's code) is written into rendered spells of
both house styles (2022's DAI era, 2026's SKY era). Each edit is compiled, never cast, and the analysis
must fail it naming the line of the condition and of the call it guards. The rendered examples, the
test spells and the hand-written spells produce no finding. One edit goes through `spellgen verify`.
"""
from __future__ import annotations

import json
import shutil
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from violations import assert_violation, run_cli  # noqa: E402

from spellgen.compiler.compile import SpellRequest, compile_many, compile_spell  # noqa: E402
from spellgen.render.spell import render  # noqa: E402
from spellgen.spellfile.address import keccak256, to_checksum  # noqa: E402
from spellgen.spellfile.parse import load_spell  # noqa: E402
from spellgen.verify.codescan import judge, scan_code  # noqa: E402

# One worker: compiled_all() compiles every hostile edit, example and test spell in one batch (about 20 s),
# which a second worker would otherwise pay again.
pytestmark = pytest.mark.xdist_group("codescan")

ROOT = Path(__file__).resolve().parents[2]
DAI_ERA = ROOT / "examples/techops-2022-12-09.yaml"  # MKR.transfer, `GemLike internal immutable MKR`
SKY_ERA = ROOT / "examples/sky-2026-02-26.yaml"  # USDS payments, SKY streams, `address immutable SKY`
ATTACKER = "0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2"
KEEPER = to_checksum("0x5aa1d5b5c9cc46a9b8f08c3fa6ec02cb4efc08f7")
ZERO_KEEPER = to_checksum("0x0000000000a1d5b5c9cc46a9b8f08c3fa6ec02cb")  # leading zero bytes
JUG = "0x19c0976f590D67707E62397C87829d896Dc0f1F1"  # mainnet MCD_JUG, which the twin does not model
KEEPER_HASH = "0x" + keccak256(bytes.fromhex(KEEPER[2:])).hex()

HOSTILE_LIB = """interface HostileLike {
    function rely(address) external;
}

contract DssSpellAction is DssAction {"""
ANCHOR = "contract DssSpellAction is DssAction {"
STYLES = {  # house style -> (spec, the line harm goes before, how the code names the budget token)
    "dai-era": (DAI_ERA, "        MKR.transfer(TECH_001, 257.31 ether);", "address(MKR)"),
    "sky-era": (SKY_ERA, "        _transferUsds(SPARK_SUBPROXY, 1_387_824 * WAD);", "SKY"),
}


def day_of(spec: Path) -> int:
    return int(datetime.fromisoformat(load_spell(spec).date).replace(tzinfo=timezone.utc).timestamp())


# (name, condition, what the branch's finding names, its form). `{day}` is the spell's date (a timestamp).
CONDITIONS = [
    ("cast 5 to 25 days after the date",
     "block.timestamp > {day} + 5 days && block.timestamp < {day} + 25 days", "block.timestamp", "if"),
    ("unless cast within a minute of the hour", "block.timestamp % 3600 >= 60", "block.timestamp", "if"),
    ("only on odd block numbers", "block.number % 2 == 1", "block.number", "if"),
    ("only above mainnet's height", "block.number > 20_000_000", "block.number", "if"),
    ("only when block.coinbase is set", "block.coinbase != address(0)", "block.coinbase", "if"),
    ("only when gasleft() is below 2**24", "gasleft() < 2**24", "gasleft()", "if"),
    ("only when one keeper casts", f"tx.origin == {KEEPER}", "tx.origin", "if"),
    ("only when a keeper with leading zero bytes casts", f"tx.origin == {ZERO_KEEPER}", "tx.origin", "if"),
    ("only when keccak256(tx.origin) matches", f"keccak256(abi.encodePacked(tx.origin)) == {KEEPER_HASH}",
     "tx.origin", "if"),
    ("only if a contract the twin lacks has code", f"address({JUG}).code.length > 0", f"MCD_JUG ({JUG}).code", "if"),
    ("only for one msg.sender", f"msg.sender == {KEEPER}", "msg.sender", "if"),
    ("only at one chain id", "block.chainid == 1", "block.chainid", "if"),
    ("only under a base fee", "block.basefee < 100 gwei", "block.basefee", "if"),
]


def conditional_harm(style: str, condition: str) -> list[tuple[str, str]]:
    spec, anchor, token = STYLES[style]
    code = f"        if ({condition.format(day=day_of(spec))}) {{ HostileLike({token}).rely({ATTACKER}); }} // HARM"
    return [(ANCHOR, HOSTILE_LIB), (anchor, code + "\n" + anchor)]


def through_a_variable(style: str) -> list[tuple[str, str]]:
    """The condition laundered through locals and a hash, the call in an internal helper."""
    spec, anchor, token = STYLES[style]
    helper = (f"    function _maybe(bytes32 seed) internal {{\n"
              f"        bool go = uint256(seed) % 7 == 3;\n"
              f"        if (go) {{ HostileLike({token}).rely({ATTACKER}); }} // HARM\n    }}\n\n")
    code = "        uint256 height = block.number;\n        _maybe(keccak256(abi.encode(height)));"
    return [(ANCHOR, HOSTILE_LIB + "\n" + helper), (anchor, code + "\n" + anchor)]


def short_circuit(style: str) -> list[tuple[str, str]]:
    spec, anchor, token = STYLES[style]
    helper = (f"    function _grant() internal returns (bool) {{\n"
              f"        HostileLike({token}).rely({ATTACKER});\n        return true;\n    }}\n\n")
    code = "        bool granted = block.coinbase != address(0) && _grant(); // HARM\n        granted;"
    return [(ANCHOR, HOSTILE_LIB + "\n" + helper), (anchor, code + "\n" + anchor)]


def ternary(style: str) -> list[tuple[str, str]]:
    spec, anchor, token = STYLES[style]
    code = (f"        address who = tx.origin == {KEEPER} ? {ATTACKER} : address(this); // HARM\n"
            f"        HostileLike({token}).rely(who);")
    return [(ANCHOR, HOSTILE_LIB), (anchor, code + "\n" + anchor)]


def assembly(style: str) -> list[tuple[str, str]]:
    spec, anchor, _ = STYLES[style]
    code = f"        uint256 size; assembly {{ size := extcodesize({JUG}) }} // HARM\n        size;"
    return [(anchor, code + "\n" + anchor)]


SKY_ANCHOR = STYLES["sky-era"][1]
GRANT = "    function _grant(address who) internal { HostileLike(SKY).rely(who); }\n\n"
OFFICE_HOURS = "    function officeHours() public pure override returns (bool) {\n        return true;\n    }"
# What the analysis cannot follow fails, named: (name, edits of the SKY-era spell, the finding).
UNREADABLE = [
    ("a low-level delegatecall", [(SKY_ANCHOR, f"        (bool ok, ) = SKY.delegatecall(abi.encodeWithSignature("
                                              f"\"rely(address)\", {ATTACKER})); // HARM\n        ok;\n" + SKY_ANCHOR)],
     "a low-level delegatecall to SKY"),
    ("a call through a function variable",
     [(ANCHOR, HOSTILE_LIB + "\n" + GRANT),
      (SKY_ANCHOR, f"        function(address) internal g = _grant;\n        g({ATTACKER}); // HARM\n" + SKY_ANCHOR)],
     "calls through the function variable g"),
    ("an officeHours() that depends on the block",
     [(OFFICE_HOURS, "    function officeHours() public view override returns (bool) {\n"
                     "        return block.number % 2 == 0; // HARM\n    }")],
     "officeHours() depends on block.number"),
    ("try/catch", [(ANCHOR, HOSTILE_LIB), (SKY_ANCHOR, f"        try HostileLike(SKY).rely({ATTACKER}) {{}} catch {{}} // HARM\n"
                                                       + SKY_ANCHOR)],
     "try/catch in the action's code"),
    ("a contract created", [(ANCHOR, "contract Made {}\n\n" + ANCHOR),
                            (SKY_ANCHOR, "        new Made(); // HARM\n" + SKY_ANCHOR)],
     "creates a contract (`new Made()`)"),
]


def unreadable_line(source: str, finding: str) -> int:
    return line_of(source, "// HARM") if "officeHours" not in finding else line_of(source, "function officeHours")


HOSTILE = [(f"{style}: {name}", style, conditional_harm(style, cond), what, form)
           for style in STYLES for name, cond, what, form in CONDITIONS]
HOSTILE += [(f"{style}: {name}", style, make(style), what, form) for style in STYLES
            for name, make, what, form in (("block.number through a local, a hash and a helper's parameter",
                                            through_a_variable, "block.number", "if"),
                                           ("a short-circuit on block.coinbase", short_circuit, "block.coinbase", "&&"),
                                           ("a ternary on tx.origin", ternary, "tx.origin", "ternary"))]


ETH_SPELL = ROOT / "tests/spells/proxy-transfer-2025-08-21.yaml"
# The declared ETH transfer's `call{ value: ... }`, and one more to an outsider that no action declares.
_ETH_CALL = '(bool success,) = payable(SKY_FRONTIER_FOUNDATION).call{ value: address(this).balance - 0.25 ether }("");'
SECOND_VALUE_CALL = [(_ETH_CALL, _ETH_CALL + "\n        (bool sent,) = payable(address(0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2))"
                                 '.call{ value: 1 ether }(""); // HARM\n        require(sent);')]


def mutate(source: str, edits: list[tuple[str, str]]) -> str:
    for old, new in edits:
        assert old in source, f"the mutation target {old!r} is not in the rendered spell"
        source = source.replace(old, new, 1)
    return source


def line_of(source: str, marker: str) -> int:
    return next(n for n, line in enumerate(source.splitlines(), 1) if marker in line)


_compiled: dict = {}


def compiled_all() -> dict:
    """Every hostile edit and every rendered spell compiled in one batch (never cast)."""
    if not _compiled:
        entries: dict[str, tuple] = {}
        for name, style, edits, _, _ in HOSTILE:
            spec = STYLES[style][0]
            entries[name] = (spec, mutate(render(load_spell(spec), spec.name), edits))
        entries["assembly dai-era"] = (DAI_ERA, mutate(render(load_spell(DAI_ERA), DAI_ERA.name), assembly("dai-era")))
        entries["assembly sky-era"] = (SKY_ERA, mutate(render(load_spell(SKY_ERA), SKY_ERA.name), assembly("sky-era")))
        for name, edits, _ in UNREADABLE:
            entries[name] = (SKY_ERA, mutate(render(load_spell(SKY_ERA), SKY_ERA.name), edits))
        entries["second value call"] = (ETH_SPELL, mutate(render(load_spell(ETH_SPELL), ETH_SPELL.name),
                                                           SECOND_VALUE_CALL))
        for spec in sorted([*(ROOT / "examples").glob("*.yaml"), *(ROOT / "tests/spells").glob("*.yaml")]):
            entries[str(spec)] = (spec, render(load_spell(spec), spec.name))
        names = list(entries)
        results = compile_many([SpellRequest(entries[n][1], load_spell(entries[n][0]).solc) for n in names])
        for name, result in zip(names, results):
            _compiled[name] = (entries[name][0], entries[name][1], result)
    return _compiled


def results_of(name: str, budget_only: bool = False) -> tuple[str, list]:
    spec, source, compiled = compiled_all()[name]
    assert not isinstance(compiled, Exception), compiled
    spell = load_spell(spec)
    return source, judge(scan_code(compiled, source, spell.date), spell, budget_only)


@pytest.mark.parametrize("name, style, edits, what, form", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_harm_behind_a_condition_is_caught_and_named(name, style, edits, what, form):
    source, results = results_of(name)
    calls, branches, _ = results
    line = line_of(source, "// HARM")
    assert not branches.passed, branches
    assert f"line {line}: branch ({form}) on " in branches.reason and what in branches.reason, branches.reason
    assert "which no action kind declares" in branches.reason
    rely = line_of(source, ".rely(")
    assert not calls.passed, calls
    assert f"line {rely}: " in calls.reason and ".rely [0x65fae35e]" in calls.reason, calls.reason
    assert "not implied by any YAML action" in calls.reason


@pytest.mark.parametrize("style", STYLES)
def test_inline_assembly_is_a_finding(style):
    source, (calls, branches, problems) = results_of(f"assembly {style}")
    assert calls.passed and branches.passed
    assert not problems.passed
    assert f"line {line_of(source, '// HARM')}: inline assembly in the action's code" in problems.reason


@pytest.mark.parametrize("name, edits, finding", UNREADABLE, ids=[u[0] for u in UNREADABLE])
def test_what_the_analysis_cannot_follow_fails_named(name, edits, finding):
    source, (_, _, problems) = results_of(name)
    assert not problems.passed
    assert f"line {unreadable_line(source, finding)}: {finding}" in problems.reason, problems.reason


def test_a_helper_overridden_in_the_action_is_the_one_read():
    """An internal virtual helper of a base contract: what runs, and is read, is the action's override."""
    base = ("abstract contract Base is DssAction {\n    function _extra() internal virtual {}\n"
            "    function actions() public virtual override { _extra(); }\n}\n\n")
    override = (f"    function _extra() internal override {{\n        if (block.number > 20_000_000) // HARM\n"
                f"            HostileLike(SKY).rely({ATTACKER});\n    }}\n\n")
    source = mutate(render(load_spell(SKY_ERA), SKY_ERA.name), [
        (ANCHOR, HOSTILE_LIB.replace(ANCHOR, base + "contract DssSpellAction is Base {") + "\n" + override),
        ("    function actions() public override {", "    function actions() public override {\n        super.actions();")])
    spell = load_spell(SKY_ERA)
    compiled = compile_spell(source, spell.solc)
    calls, branches, _ = judge(scan_code(compiled, source, spell.date), spell)
    assert f"line {line_of(source, '// HARM')}: branch (if) on block.number" in branches.reason, branches
    assert not calls.passed and "SKY.rely" in calls.reason


def test_the_rendered_spells_have_no_finding():
    """Every examples/*.yaml and tests/spells/*.yaml render: no false failure."""
    specs = [n for n in compiled_all() if n.endswith(".yaml")]
    assert len(specs) >= 15
    for name in specs:
        _, results = results_of(name)
        assert all(r.passed for r in results), (name, [(r.item, r.reason) for r in results if not r.passed])


def test_the_rendered_calls_are_resolved_and_listed():
    """The SKY-era example's call sites, resolved through immutables, DssExecLib and an internal helper."""
    _, (calls, branches, _) = results_of(str(SKY_ERA))
    for site in ("MCD_VAT.suck", "MCD_JOIN_DAI.exit", "DAI (MCD_DAI).approve", "DAI_USDS.daiToUsds",
                 "MCD_VEST_SKY_TREASURY.create", "SKY.approve"):
        assert site in calls.evidence, calls.evidence
    # `set: owed` sums the vest's awards in a loop, a branch its kind declares (every-action-2026 has one).
    _, (_, owed_branches, _) = results_of(str(ROOT / "examples/every-action-2026.yaml"))
    assert "branch (loop) on MCD_VEST_SPK_TREASURY.ids()" in owed_branches.evidence, owed_branches.evidence


def test_the_handwritten_spells_have_no_finding():
    treasury = load_spell(ROOT / "tests/spells/treasury-2023-08-02.yaml")
    path = ROOT / "tests/handwritten/treasury-2023-08-02.sol"
    source = path.read_text()
    compiled = compile_spell(source, treasury.solc, source_dir=path.parent)
    results = judge(scan_code(compiled, source, treasury.date), treasury)
    assert all(r.passed for r in results), [(r.item, r.reason) for r in results if not r.passed]
    # A real-style spell with a helper library beside it and a ChainLog bump (verified --budget-only).
    sky = load_spell(ROOT / "tests/spells/usds-sky-2025-03-01.yaml")
    path = ROOT / "tests/realspells/2025-03-01-DssSpell/DssSpell.sol"
    source = path.read_text()
    compiled = compile_spell(source, sky.solc, source_dir=path.parent)
    results = judge(scan_code(compiled, source, sky.date), sky, budget_only=True)
    assert all(r.passed for r in results), [(r.item, r.reason) for r in results if not r.passed]
    calls = results[0]
    assert "dependencies/budget-tools/BudgetStreams.sol line 24: MCD_VEST_USDS.create" in calls.evidence
    assert "CHANGELOG.setVersion (through DssExecLib.setChangelogVersion)" in results[-1].evidence  # listed
    # Without --budget-only, the ChainLog bump is a call no YAML action implies.
    calls = judge(scan_code(compiled, source, sky.date), sky)[0]
    assert not calls.passed and "line 46: CHANGELOG.setVersion" in calls.reason


def test_budget_only_judges_a_hidden_call_to_the_budget_token(tmp_path):
    sky = load_spell(ROOT / "tests/spells/usds-sky-2025-03-01.yaml")
    folder = tmp_path / "spell"
    shutil.copytree(ROOT / "tests/realspells/2025-03-01-DssSpell", folder)
    source = (folder / "DssSpell.sol").read_text()
    anchor = "    function actions() public override {"
    assert anchor in source
    source = source.replace(anchor, anchor + "\n        if (block.number % 2 == 1) { "
                            f"GemAbstract(DssExecLib.getChangelogAddress(\"SKY\")).transfer({ATTACKER}, 1); }}"
                            f"\n        (bool ok, ) = {JUG}.call(\"\"); // OUTSIDE\n        ok;"
                            "\n        (ok, ) = DssExecLib.getChangelogAddress(\"SKY\").call(\"\"); // INSIDE", 1)
    compiled = compile_spell(source, sky.solc, source_dir=folder)
    calls, branches, problems, listed = judge(scan_code(compiled, source, sky.date), sky, budget_only=True)
    line = line_of(source, "block.number % 2")
    assert not calls.passed and f"line {line}: SKY.transfer" in calls.reason
    assert not branches.passed and f"line {line}: branch (if) on block.number" in branches.reason
    # A low-level call to the budget's token fails; one to a contract outside the budget is listed.
    assert not problems.passed and f"line {line_of(source, '// INSIDE')}: a low-level call to SKY" in problems.reason
    assert "OUTSIDE" not in problems.reason and f"line {line_of(source, '// OUTSIDE')}: a low-level call to MCD_JUG" \
        in listed.evidence


@pytest.fixture
def no_fork_url(monkeypatch):
    monkeypatch.delenv("ETH_RPC_URL", raising=False)


@pytest.mark.parametrize("style", STYLES)
def test_verify_fails_harm_no_cast_reaches(style, tmp_path, capsys, no_fork_url):
    """End to end on the twin: the coinbase is never set on anvil, so the cast passes every other item;
    the code analysis fails the spell, naming the line, in the terminal and in report.json."""
    spec, _, token = STYLES[style]
    source = mutate(render(load_spell(spec), spec.name), conditional_harm(style, "block.coinbase != address(0)"))
    spell_file = tmp_path / "DssSpell.sol"
    spell_file.write_text(source)
    code, out = run_cli(["verify", spec, "--spell", spell_file, "--report-dir", tmp_path / "r"], capsys)
    line = line_of(source, "// HARM")
    assert_violation(code, out, exit_code=1, message=f"line {line}: branch (if) on block.coinbase")
    failed = [row for row in out.splitlines() if row.startswith("FAIL")]
    assert failed and all(row.split("  ")[1].startswith("code: ") for row in failed), failed  # only the analysis
    name = "SKY" if token == "SKY" else "MKR (MCD_GOV)"
    assert f"line {line}: {name}.rely [0x65fae35e]" in out
    report = json.loads((tmp_path / "r" / "report.json").read_text())
    assert any(f"line {line}: branch (if) on block.coinbase" in r["reason"] for r in report["results"]
               if r["status"] == "FAIL")


def test_simulate_reports_the_code_analysis(tmp_path, capsys, no_fork_url):
    code, out = run_cli(["simulate", SKY_ERA, "--report-dir", tmp_path], capsys)
    assert code == 0, out
    assert "PASS  code: every call site of the action is one a YAML action implies" in out
    assert "PASS  code: no branch on the environment or a chain read that no YAML action declares" in out


# The harm corpus of issue 13 (harm_corpus.py, each cast by test_harm.py) read by the analysis alone: what it
# passes is harm in a declared call's arguments (the casts judge amounts and recipients) or outside the
# action's code (an extra entry point, which the interface check fails).
STATICALLY_CLEAN = {"vat.suck to the attacker on a payment spell", "payment split in two (sloppy)",
                    "an extra suck to the PauseProxy", "a public plot in the action", "an extra function in DssSpell",
                    "a receive function in the action"}


def test_the_cast_harm_corpus_is_caught_by_the_code_too():
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from harm_corpus import HARM

    cache: dict = {}
    entries = []
    for name, spec, edits, _, _ in HARM:
        if spec not in cache:
            cache[spec] = (load_spell(spec), render(load_spell(spec), spec.name))
        entries.append((name, cache[spec][0], mutate(cache[spec][1], edits)))
    compiled = compile_many([SpellRequest(source, spell.solc) for _, spell, source in entries])
    clean = set()
    for (name, spell, source), result in zip(entries, compiled):
        assert not isinstance(result, Exception), (name, result)
        failed = [r for r in judge(scan_code(result, source, spell.date), spell) if not r.passed]
        if not failed:
            clean.add(name)
        assert all(r.reason.startswith("line ") for r in failed), (name, [r.reason for r in failed])
    assert clean == STATICALLY_CLEAN


def test_an_ast_the_analysis_cannot_read_fails_closed():
    from dataclasses import replace

    from spellgen.verify.codescan import code_results

    spec, source, compiled = compiled_all()[str(SKY_ERA)]
    spell = load_spell(spec)
    assert all(r.passed for r in code_results(compiled, source, spell))
    broken = replace(compiled, asts={"DssSpell.sol": {"src": "0:10"}})  # no file index
    (result,) = code_results(broken, source, spell)
    assert not result.passed and "the code analysis could not read solc's AST" in result.reason
    missing = replace(compiled, asts={})  # a cache entry without the AST: no action to read
    (result,) = code_results(missing, source, spell)
    assert not result.passed and "defines no DssSpellAction" in result.reason


def test_a_target_passed_in_a_struct_is_resolved():
    """Init libraries take their targets in a struct (`p.vest`): the member is followed to its constant."""
    helper = ("    struct Grant { address token; address who; }\n\n"
              "    function _give(Grant memory g) internal { HostileLike(g.token).rely(g.who); } // HARM\n\n")
    source = mutate(render(load_spell(SKY_ERA), SKY_ERA.name), [
        (ANCHOR, HOSTILE_LIB + "\n" + helper),
        (SKY_ANCHOR, f"        Grant memory g = Grant({{token: address(0), who: {ATTACKER}}});\n"
                     f"        g.token = SKY;\n        _give(g);\n" + SKY_ANCHOR)])
    spell = load_spell(SKY_ERA)
    compiled = compile_spell(source, spell.solc)
    calls = judge(scan_code(compiled, source, spell.date), spell)[0]
    assert f"line {line_of(source, '// HARM')}: SKY.rely [0x65fae35e]" in calls.reason, calls.reason


def test_every_kind_declares_its_code_as_the_analysis_reads_it():
    """Each registered kind's EFFECTS: branches are Branch data, and every contract its calls and
    branches name is bound by the action (VEST, TOKEN, VAULT, DIST, FARM, JOIN), DssExecLib, a token symbol or a ChainLog
    key."""
    from spellgen.spellfile.actions import KINDS
    from spellgen.spellfile.actions.base import Branch
    from spellgen.spellfile.history import known_keys
    from spellgen.verify.codescan import ENVIRONMENT

    # VEST and TOKEN are bound by the actions with a vest or a token, VAULT by an allocator payment, DIST
    # and FARM by a farm's distribute() and vest update, JOIN by a return to the surplus buffer.
    names = {"VEST", "TOKEN", "VAULT", "DIST", "FARM", "JOIN", "DssExecLib", "MKR", "SKY", "DAI", "USDS", "SPK"} | set(known_keys())
    for kind in KINDS:
        effects = kind.EFFECTS
        assert all(isinstance(b, Branch) and b.form in ("if", "require", "assert", "loop", "ternary", "&&", "||")
                   for b in effects.branches), kind.KIND
        contracts = {c for c, _ in effects.calls}
        contracts |= {s.rsplit(".", 1)[0] for b in effects.branches for s in b.on if s.split(".")[0] not in ENVIRONMENT}
        assert contracts <= names, (kind.KIND, contracts - names)


def test_a_declared_eth_transfer_allows_its_one_call_with_value_and_no_other():
    """`proxy_transfer` of `token: ether` renders one `call{ value: ... }`, which the analysis allows (the
    rendered spell passes, above); a second low-level call with value, to an outsider, still fails named."""
    source, results = results_of("second value call")
    problems = next(r for r in results if r.item.startswith("code: no inline assembly"))
    assert not problems.passed
    assert f"line {line_of(source, '// HARM')}: a low-level call to " in problems.reason, problems.reason
    assert f"line {line_of(source, _ETH_CALL[:40])}: " not in problems.reason  # the declared one is allowed
