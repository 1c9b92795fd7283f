"""Setup installs from the committed files and never rewrites them, whatever the registry serves."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ANVIL_PLATFORMS = ("darwin-amd64", "darwin-arm64", "linux-amd64", "linux-arm64", "win32-amd64")


def test_the_lock_lists_every_platform_package_of_anvil():
    lock = json.loads((ROOT / "package-lock.json").read_text())
    anvil = json.loads((ROOT / "package.json").read_text())["dependencies"]["@foundry-rs/anvil"]
    for platform in ANVIL_PLATFORMS:
        entry = lock["packages"].get(f"node_modules/@foundry-rs/anvil-{platform}")
        assert entry and entry["version"] == anvil and entry["integrity"].startswith("sha512-"), platform


def test_npm_ci_accepts_the_lock_without_writing_it(tmp_path):
    """`npm ci` refuses a lock that disagrees with package.json; a dry run checks that offline-cheaply."""
    if shutil.which("npm") is None:
        pytest.skip("npm is not on PATH")
    for name in ("package.json", "package-lock.json"):
        shutil.copy(ROOT / name, tmp_path / name)
    before = (tmp_path / "package-lock.json").read_bytes()
    done = subprocess.run(["npm", "ci", "--ignore-scripts", "--dry-run", "--no-audit", "--no-fund"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "package-lock.json").read_bytes() == before


def test_the_makefile_installs_npm_packages_with_npm_ci():
    makefile = (ROOT / "Makefile").read_text()
    assert "NPM_INSTALL ?= npm ci --ignore-scripts" in makefile


def guarded_repo(tmp_path: Path, setup_body: str) -> Path:
    """A git repository with the guard and a fake `make` whose `setup` runs `setup_body`."""
    repo = tmp_path / "repo"
    (repo / "tools").mkdir(parents=True)
    shutil.copy(ROOT / "tools" / "setup-guarded", repo / "tools" / "setup-guarded")
    (repo / "package-lock.json").write_text("{}\n")
    fake_make = tmp_path / "fake-make"
    fake_make.write_text(f"#!/usr/bin/env bash\n{setup_body}\n")
    fake_make.chmod(0o755)
    for command in (["init", "-q"], ["add", "-A"],
                    ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init"]):
        subprocess.run(["git", *command], cwd=repo, check=True)
    return repo


def run_guard(repo: Path, tmp_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(repo / "tools" / "setup-guarded")], cwd=repo, capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "MAKE": str(tmp_path / "fake-make")})


def test_the_guard_fails_when_setup_rewrites_a_tracked_file(tmp_path):
    repo = guarded_repo(tmp_path, 'echo changed > package-lock.json')
    done = run_guard(repo, tmp_path)
    assert done.returncode == 1
    assert "setup changed tracked files" in done.stderr and "package-lock.json" in done.stderr


def test_the_guard_passes_a_setup_that_only_adds_untracked_files(tmp_path):
    repo = guarded_repo(tmp_path, 'mkdir -p node_modules && touch node_modules/x')
    assert run_guard(repo, tmp_path).returncode == 0


def test_the_guard_ignores_the_users_own_edits_made_before_setup(tmp_path):
    repo = guarded_repo(tmp_path, 'true')
    (repo / "package-lock.json").write_text('{"edited": true}\n')
    assert run_guard(repo, tmp_path).returncode == 0
