"""Tracked files name no absolute path of any machine (issue 10): the contracts cite the spec as
the project's protocol notes (shared/spec/maker.md), never by where it sits on one computer."""
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# A path rooted in a machine's home or work directories (not URLs, not /tmp in CI scripts).
MACHINE_PATH = re.compile(r"(?<![\w.~/-])/(?:work|home|Users|root|mnt|srv)/[\w.-]+")


def tracked_files() -> list[Path]:
    out = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    return [ROOT / name for name in out.decode().split("\0") if name]


def test_no_tracked_file_names_a_machine_path():
    offenders = []
    for path in tracked_files():
        try:
            text = path.read_text()
        except (UnicodeDecodeError, FileNotFoundError, IsADirectoryError):
            continue
        offenders += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in MACHINE_PATH.finditer(text)]
    assert offenders == []


def test_the_pattern_catches_what_it_must():
    root = "/"  # split so that this file does not name such a path itself
    assert MACHINE_PATH.search(f"Written from {root}work/shared/spec/maker.md")
    assert MACHINE_PATH.search(f"see {root}home/alice/notes")
    assert not MACHINE_PATH.search("https://example.org/work/x and shared/spec/maker.md and /tmp/base.yaml")


def test_contract_headers_cite_the_spec_relatively():
    for path in sorted((ROOT / "contracts").rglob("*.sol")):
        head = path.read_text()[:1500]
        if "maker.md" in head:
            assert "shared/spec/maker.md" in head, path
