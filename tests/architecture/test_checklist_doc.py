"""docs/checklist.md stays true: every automated row names a test, and that test exists."""
from __future__ import annotations

import ast
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
