"""The data flows one way: no module imports a stage that comes after its own.

Every import is counted, the lazy ones inside functions too (ast, not a run-time trace), so a
stage cannot reach back up the chain even on a path the other tests do not take.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "spellgen"
# Lowest first. The shared utilities (errors, resources, files, progress) sit under every stage.
ORDER = ["errors", "resources", "files", "progress", "spellfile", "budget", "render", "compiler", "chain", "twin", "cast",
         "verify", "review", "run", "integrations", "cli"]
UTILITIES = {"errors", "resources", "files", "progress"}
RENDER_PATH = ["spellfile", "budget", "render", "review"]  # what check, render, diff, schema load
HEAVY = {"brownie", "web3", "solcx", "eth_abi"}


def stage_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        dotted = ".".join(("spellgen", *path.relative_to(PACKAGE).with_suffix("").parts))
        found[dotted.removesuffix(".__init__")] = path
    return found


def imports_of(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_every_stage_is_in_the_order():
    stages = {stage_of(m) for m in modules()} - {""}
    assert stages <= set(ORDER), f"place {sorted(stages - set(ORDER))} in ORDER"


def test_every_stage_package_says_its_job():
    for stage in ORDER:
        init = PACKAGE / stage / "__init__.py"
        module = PACKAGE / f"{stage}.py"
        doc = ast.get_docstring(ast.parse((init if init.exists() else module).read_text()))
        assert doc and len(doc.split()) >= 8, f"spellgen.{stage} needs a docstring saying its one job"


@pytest.mark.parametrize("module", sorted(modules()))
def test_no_import_reaches_back_up_the_chain(module):
    rank = ORDER.index(stage_of(module)) if stage_of(module) else len(ORDER)
    known = modules()
    upward = sorted(name for name in imports_of(known[module])
                    if name in known and stage_of(name) and stage_of(name) not in UTILITIES
                    and ORDER.index(stage_of(name)) > rank)
    assert not upward, f"{module} imports later stages: {upward}"


@pytest.mark.parametrize("module", sorted(m for m in modules() if stage_of(m) in RENDER_PATH))
def test_the_render_path_imports_nothing_heavy_at_module_level(module):
    """Lazy imports inside a function are allowed (the CLI's simulate needs web3); module level is not."""
    tree = ast.parse(modules()[module].read_text())
    top = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module:
            top.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            top.update(alias.name.split(".")[0] for alias in node.names)
    assert not top & HEAVY, f"{module} imports {sorted(top & HEAVY)} at module level"


def test_the_checker_catches_an_upward_import(tmp_path):
    """The rule itself can fail: a spellfile module importing the verifier is reported."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from spellgen.verify.compare import verify\n")
    known = modules()
    upward = [n for n in imports_of(bad) if n in known and ORDER.index(stage_of(n)) > ORDER.index("spellfile")]
    assert upward == ["spellgen.verify.compare"]
