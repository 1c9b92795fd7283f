"""docs/checklist.md stays true: every automated row names a test, that test exists, and it proves the row:
it calls `assert_violation` (tests/violations.py) with the exit code of the command the row names."""
from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOC = ROOT / "docs" / "checklist.md"
CLASSES = ("automated", "partly", "human")


def rows() -> list[dict[str, str]]:
    """The main table's rows: item | source | class | how | test (a `\\|` inside a cell is text)."""
    found = []
    for line in DOC.read_text().splitlines():
        cells = [c.strip().replace("\\|", "|") for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        if len(cells) == 5 and cells[2] in CLASSES:
            found.append(dict(zip(("item", "source", "cls", "how", "test"), cells)))
    return found


def functions_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    return {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef) and node.name.startswith("test_")}


def test_the_doc_has_rows_of_every_class():
    classes = {row["cls"] for row in rows()}
    assert classes == {"automated", "partly", "human"}, classes
    assert len(rows()) >= 30


def test_every_automated_row_names_an_existing_test():
    for row in rows():
        if row["cls"] != "automated":
            continue
        target = row["test"].strip()
        assert target, f"automated row without a test: {row['item']}"
        file_name, _, function = target.partition("::")
        path = ROOT / file_name
        assert path.is_file(), f"{row['item']}: {file_name} does not exist"
        assert function in functions_of(path), f"{row['item']}: {file_name} has no {function}"


def test_every_row_cites_the_checklist_line():
    for row in rows():
        assert re.fullmatch(r"([RC]:\d+(-\d+)?|T)", row["source"].strip()), row


# --- the named test proves the row: it calls assert_violation (tests/violations.py) ----------------

CHECKED_BY = {"check": 2, "verify": 1, "simulate": 1, "build": 1}  # the exit code each command fails with


@functools.lru_cache(maxsize=None)
def _functions(path: Path) -> dict[str, ast.FunctionDef]:
    tree = ast.parse(path.read_text())
    return {node.name: node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}


def _called_names(function: ast.FunctionDef) -> set[str]:
    names = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Call):
            callee = node.func
            names.add(callee.id if isinstance(callee, ast.Name) else callee.attr if isinstance(callee, ast.Attribute) else "")
    return names


def violation_calls(path: Path, name: str) -> list[ast.Call]:
    """The `assert_violation(...)` calls the test `name` makes, itself or through helpers of its own file."""
    functions, seen, found = _functions(path), set(), []
    todo = [name]
    while todo:
        current = todo.pop()
        if current in seen or current not in functions:
            continue
        seen.add(current)
        for node in ast.walk(functions[current]):
            if isinstance(node, ast.Call):
                callee = node.func
                called = callee.id if isinstance(callee, ast.Name) else callee.attr if isinstance(callee, ast.Attribute) else ""
                if called == "assert_violation":
                    found.append(node)
        todo.extend(_called_names(functions[current]) - seen)
    return found


def literal_exit_codes(calls: list[ast.Call]) -> set[int]:
    return {kw.value.value for call in calls for kw in call.keywords
            if kw.arg == "exit_code" and isinstance(kw.value, ast.Constant)}


def commands_named(how: str) -> set[str]:
    """The spellgen commands a row's "how" says fail on the violation (`check`, `verify`, ...)."""
    return {word for word in re.findall(r"`(\w+)[^`]*`", how) if word in CHECKED_BY}


def test_every_automated_row_names_a_test_that_asserts_the_violation():
    unproven = [f"{row['item']}: {row['test']}" for row in rows() if row["cls"] == "automated"
                and not violation_calls(ROOT / row["test"].strip().partition("::")[0], row["test"].strip().partition("::")[2])]
    assert not unproven, "named tests that never call assert_violation (exit code and message):\n" + "\n".join(unproven)


def test_the_exit_code_asserted_is_the_one_of_the_command_the_row_names():
    for row in rows():
        if row["cls"] != "automated":
            continue
        file_name, _, function = row["test"].strip().partition("::")
        codes = literal_exit_codes(violation_calls(ROOT / file_name, function))
        allowed = {CHECKED_BY[command] for command in commands_named(row["how"])}
        if allowed and codes:
            assert codes <= allowed, f"{row['item']}: the test asserts exit {sorted(codes)}, the row's " \
                                     f"commands ({sorted(commands_named(row['how']))}) fail with {sorted(allowed)}"


def test_the_proof_check_finds_calls_through_helpers(tmp_path):
    """The static check above: a direct call, one through a helper of the file, and none."""
    sample = tmp_path / "test_sample.py"
    sample.write_text("from tests.violations import assert_violation\n"
                      "def helper(code, out):\n    assert_violation(code, out, exit_code=2, message='x')\n"
                      "def test_direct():\n    assert_violation(1, 'x', exit_code=1, message='x')\n"
                      "def test_through_helper():\n    helper(2, 'x')\n"
                      "def test_none():\n    assert 1 == 1\n")
    assert literal_exit_codes(violation_calls(sample, "test_direct")) == {1}
    assert literal_exit_codes(violation_calls(sample, "test_through_helper")) == {2}
    assert violation_calls(sample, "test_none") == []
    assert commands_named("`check`: x; `verify --address`: y; `render` writes") == {"check", "verify"}
