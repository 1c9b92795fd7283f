"""One of each thing: one Chain class, one JSON-RPC client, one error root, one run function.

Read from the source (ast), so a second copy fails here even on a path no other test takes.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "spellgen"
ROOT = PACKAGE.parent


def trees() -> dict[str, ast.Module]:
    return {path.relative_to(ROOT).as_posix(): ast.parse(path.read_text()) for path in sorted(PACKAGE.rglob("*.py"))}


def classes_named(name: str) -> list[str]:
    return [f"{where}:{node.lineno}" for where, tree in trees().items() for node in ast.walk(tree)
            if isinstance(node, ast.ClassDef) and node.name == name]


def importers(module: str) -> list[str]:
    found = []
    for where, tree in trees().items():
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n == module or n.startswith(module + ".") for n in names):
                found.append(where)
    return sorted(set(found))


def test_one_chain_class():
    assert [where.split(":")[0] for where in classes_named("Chain")] == ["spellgen/chain/client.py"]


def test_one_json_rpc_client():
    """HTTP to a node goes through spellgen/chain/rpc.py only; spellgen never imports web3 itself (a
    Brownie session's connected provider is reached through Rpc.over_web3)."""
    assert importers("urllib.request") == ["spellgen/chain/rpc.py"]
    assert importers("web3") == []
    assert importers("requests") == []
    posting = sorted({where for where, tree in trees().items() for node in ast.walk(tree)
                      if isinstance(node, ast.Constant) and node.value == "jsonrpc"})
    assert posting == ["spellgen/chain/rpc.py"]


def test_the_run_is_strung_together_in_one_place():
    """Only run.py drives the Simulator; the CLI, the Brownie script and the pytest plugin call run.py."""
    drivers = sorted({where for where, tree in trees().items() for node in ast.walk(tree)
                      if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Simulator"})
    assert drivers == ["spellgen/run.py"]
    script = (ROOT / "scripts/simulate_spell.py").read_text()
    assert "run_spec(" in script and "Simulator" not in script
    plugin = (PACKAGE / "integrations/pytest_plugin.py").read_text()
    assert "cast_spell(" in plugin and "compile_cached" not in plugin and "Simulator(" not in plugin


def test_no_two_test_modules_share_a_file_name():
    """pytest imports test modules by their file name (tests/ has no packages): a second module of the same
    name, e.g. a generated Brownie module beside a verify test, stops the whole run at collection."""
    tests = Path(__file__).resolve().parents[1]
    seen: dict[str, list[str]] = {}
    for module in tests.rglob("test_*.py"):
        seen.setdefault(module.name, []).append(str(module.relative_to(tests)))
    assert {name: paths for name, paths in seen.items() if len(paths) > 1} == {}
