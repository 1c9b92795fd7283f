"""The built wheel works outside the checkout: it renders from any folder, and builds once
`spellgen toolchain install` has put anvil and solc in the user's cache."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

# Under pytest-xdist (make test) every test of the "checkout-build" group runs on one worker, in order:
# pip builds the wheel in the checkout's build/, the folder Brownie compiles the project into.
pytestmark = pytest.mark.xdist_group("checkout-build")

ROOT = Path(__file__).resolve().parents[2]
RENDER_DEPENDENCIES = ("jinja2", "markupsafe", "pyyaml", "pycryptodome")
# `build` compiles through py-solc-x, which brings these.
BUILD_DEPENDENCIES = ("py-solc-x", "requests", "packaging", "charset-normalizer", "idna", "urllib3", "certifi")
EXAMPLE = ROOT / "examples" / "techops-2022-01-28.yaml"


def pinned(names) -> list[str]:
    """The render path's dependencies at the versions requirements.lock pins."""
    lines = (ROOT / "requirements.lock").read_text().splitlines()
    return [line.split(";")[0].strip() for line in lines
            if re.match(r"^([A-Za-z0-9_.-]+)==", line) and line.split("==")[0].lower() in names]


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """A fresh venv holding the wheel and the render and build dependencies, nothing of the checkout."""
    where = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", str(where / "dist"), str(ROOT)], check=True, capture_output=True)
    wheel = next((where / "dist").glob("spellgen-*.whl"))
    env_dir = where / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    *pinned(RENDER_DEPENDENCIES + BUILD_DEPENDENCIES)], check=True, capture_output=True)
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-deps",
                    str(wheel)], check=True, capture_output=True)
    return env_dir


def run(env_dir: Path, *args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in ("SPELLGEN_ROOT", "PYTHONPATH", "SOLCX_BINARY_PATH")}
    return subprocess.run([str(env_dir / "bin" / "spellgen"), *args], cwd=cwd, capture_output=True, text=True,
                          env={**clean, **(env or {})}, timeout=600)


def test_the_wheel_carries_templates_and_contracts(installed):
    site = next((installed / "lib").glob("python*/site-packages"))
    data = site / "spellgen" / "_data"
    assert (data / "templates" / "spell.sol.j2").read_text() == (ROOT / "templates" / "spell.sol.j2").read_text()
    assert (data / "contracts" / "dss-exec-lib" / "DssExec.sol").is_file()
    assert (data / "package-lock.json").read_text() == (ROOT / "package-lock.json").read_text()
    # The twin's compiled contracts (issue 20): shipped, so an installed twin compiles none of them.
    shipped = site / "spellgen" / "twin" / "precompiled.json"
    assert shipped.read_text() == (ROOT / "spellgen" / "twin" / "precompiled.json").read_text()


def test_the_installed_package_checks_renders_and_prints_the_schema_from_any_folder(installed, tmp_path):
    shutil.copy(EXAMPLE, tmp_path / EXAMPLE.name)
    assert run(installed, "check", EXAMPLE.name, cwd=tmp_path).returncode == 0
    rendered = run(installed, "render", EXAMPLE.name, cwd=tmp_path)
    assert rendered.returncode == 0, rendered.stderr
    assert rendered.stdout == (ROOT / "tests" / "golden" / "techops-2022-01-28@0.6.12.sol").read_text()
    schema = run(installed, "schema", cwd=tmp_path)
    assert schema.returncode == 0 and '"$schema"' in schema.stdout


def test_build_works_after_toolchain_install(installed, tmp_path):
    if shutil.which("npm") is None:
        pytest.skip("npm is not on PATH: `spellgen toolchain install` needs it")
    cache = tmp_path / "cache"
    shutil.copy(EXAMPLE, tmp_path / EXAMPLE.name)
    before = run(installed, "build", EXAMPLE.name, "--out", "out", cwd=tmp_path, env={"XDG_CACHE_HOME": str(cache)})
    assert before.returncode == 3 and "spellgen toolchain install" in before.stderr, before.stderr
    install = run(installed, "toolchain", "install", cwd=tmp_path, env={"XDG_CACHE_HOME": str(cache)})
    assert install.returncode == 0, install.stderr
    assert (cache / "spellgen" / ".tools" / "bin" / "anvil").exists()
    built = run(installed, "build", EXAMPLE.name, "--out", "out", cwd=tmp_path, env={"XDG_CACHE_HOME": str(cache)})
    assert built.returncode == 0, built.stderr
    assert (tmp_path / "out" / "DssSpell.sol").is_file()
