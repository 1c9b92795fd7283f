"""Where the project's compilers and local chain live, and how to put them in place.

Native solc builds and foundryup cannot be downloaded on our machines, but npm packages can:
`make setup` installs anvil and the solcjs compilers with npm and then calls
`python -m spellgen.compiler.toolchain install-solc` and `... link-anvil` (this module) to build
`.tools/solc/solc-vX.Y.Z` (what py-solc-x looks for) and `.tools/bin/anvil`.

Standard library only, and no import of brownie, web3 or solcx: `prepare_env()` must run
before those are imported, and `make setup` runs this module before they are installed.
"""
from __future__ import annotations

import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from spellgen import resources
from spellgen.errors import ToolError

ROOT_ENV = "SPELLGEN_ROOT"
SOLCX_ENV = "SOLCX_BINARY_PATH"

# package.json aliases such as "solc-0.8.16": "npm:solc@0.8.16" name the compiler versions.
_ALIAS = re.compile(r"^solc-(\d+\.\d+\.\d+)$")
# Same shape as py-solc-x's check of `solc --version` output.
_VERSION_LINE = re.compile(r"(\d+\.\d+\.\d+)(?:-nightly\.\d+\.\d+\.\d+)?\+commit\.\w+")

# (platform.system(), platform.machine()) -> suffix of foundry's per-platform npm package.
_ANVIL_PLATFORMS = {
    ("Linux", "x86_64"): "linux-amd64",
    ("Linux", "aarch64"): "linux-arm64",
    ("Linux", "arm64"): "linux-arm64",
    ("Darwin", "x86_64"): "darwin-amd64",
    ("Darwin", "arm64"): "darwin-arm64",
}


class ToolchainError(ToolError, RuntimeError):
    """A tool that `make setup` should have installed is missing or inconsistent."""


def repo_root() -> Path:
    """Where node_modules/, .tools/ and .cache/ live: the tool home.

    $SPELLGEN_ROOT if set; else the checkout this package runs from (`make setup` installs
    there); else, for an installed wheel, a user cache folder that `spellgen toolchain install`
    fills from the package.json and lock shipped inside the wheel.
    """
    override = os.environ.get(ROOT_ENV)
    if override:
        return Path(override).resolve()
    if resources.is_checkout():
        return resources.CHECKOUT
    return user_tool_home()


def install_hint() -> str:
    """The command that installs the toolchain where this spellgen looks for it."""
    return "`make setup`" if resources.is_checkout() and ROOT_ENV not in os.environ else "`spellgen toolchain install`"


def user_tool_home() -> Path:
    """`$XDG_CACHE_HOME/spellgen` (default `~/.cache/spellgen`): the toolchain of an installed wheel."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base).resolve() / "spellgen"


def cache_dir() -> Path:
    """`.cache/` (or $SPELLGEN_CACHE_DIR): compiled spells and the twin's state, safe to delete.

    The variable lets a benchmark measure a cold start without deleting the user's cache.
    """
    override = os.environ.get("SPELLGEN_CACHE_DIR")
    return Path(override).resolve() if override else repo_root() / ".cache"


def tools_dir() -> Path:
    """`.tools/`: everything `make setup` generates besides .venv and node_modules."""
    return repo_root() / ".tools"


def solc_dir() -> Path:
    """`.tools/solc`: the folder SOLCX_BINARY_PATH points at, holding `solc-vX.Y.Z` entries."""
    return tools_dir() / "solc"


def bin_dir() -> Path:
    """`.tools/bin`: put first on PATH so brownie's `anvil` command finds our anvil."""
    return tools_dir() / "bin"


def solc_versions(root: Path | None = None) -> list[str]:
    """Compiler versions, read from the `solc-X.Y.Z` aliases in package.json.

    package.json is the single list of versions: npm installs them and this function tells
    the Makefile, the facades and the tests which ones exist.
    """
    package_json = (root or resources.data_root()) / "package.json"
    deps = json.loads(package_json.read_text())["dependencies"]
    versions = []
    for name, spec in deps.items():
        match = _ALIAS.match(name)
        if not match:
            continue
        if spec != f"npm:solc@{match.group(1)}":
            wanted = f"npm:solc@{match.group(1)}"
            raise ToolchainError(f"{package_json}: {name!r} must be pinned as {wanted!r}, got {spec!r}")
        versions.append(match.group(1))
    return sorted(versions, key=lambda v: tuple(int(p) for p in v.split(".")))


def solc_path(version: str) -> Path:
    """The `solc-vX.Y.Z` executable for `version`, or an error that says how to get it."""
    path = solc_dir() / f"solc-v{version}"
    if not os.access(path, os.X_OK):
        known = ", ".join(solc_versions()) or "none"
        raise ToolchainError(
            f"solc {version} is not installed at {path} (package.json lists: {known}); run {install_hint()}"
        )
    return path


def anvil_path() -> Path:
    """The real anvil binary behind `.tools/bin/anvil`, so a test can start and kill it directly."""
    link = bin_dir() / "anvil"
    real = link.resolve()
    if not (link.is_symlink() and os.access(real, os.X_OK)):
        raise ToolchainError(f"anvil is missing or broken at {link}; run {install_hint()}")
    return real


def prepare_env() -> None:
    """Point py-solc-x at .tools/solc and put .tools/bin first on PATH.

    Call it before importing solcx or brownie: solcx picks its default compiler at import
    time, and brownie launches `anvil` through PATH. A SOLCX_BINARY_PATH the user already
    set is kept.
    """
    os.environ.setdefault(SOLCX_ENV, str(solc_dir()))
    first = str(bin_dir())
    rest = [p for p in os.environ.get("PATH", "").split(os.pathsep) if p and p != first]
    os.environ["PATH"] = os.pathsep.join([first, *rest])


def reported_solc_version(executable: Path | str) -> str | None:
    """The X.Y.Z that `executable --version` reports, or None if it does not answer like solc."""
    try:
        out = subprocess.run([str(executable), "--version"], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    match = _VERSION_LINE.search(out)
    return match.group(1) if match else None


def find_native_solc(version: str, home: Path | None = None, search_path: str | None = None) -> Path | None:
    """A native solc of exactly `version`, if this machine has one; it beats the slower facade.

    Looks at ~/.solcx/solc-vX.Y.Z (where py-solc-x installs by default), then at a `solc` on
    PATH that reports that version. `home` and `search_path` exist for tests.
    """
    solcx_home = (home or Path.home()) / ".solcx" / f"solc-v{version}"
    if solcx_home.is_file() and os.access(solcx_home, os.X_OK):
        return solcx_home
    on_path = shutil.which("solc", path=search_path if search_path is not None else os.environ.get("PATH"))
    if on_path and reported_solc_version(on_path) == version:
        return Path(on_path)
    return None


def facade_command(version: str, root: Path, node: str) -> list[str]:
    """The command that runs the solcjs package for `version` through tools/solc-facade.cjs."""
    return [node, str(root / "tools" / "solc-facade.cjs"), str(root / "node_modules" / f"solc-{version}")]


def facade_version_text(version: str, root: Path, node: str) -> str:
    """What the facade prints for `--version`, checked to be `version` (catches a wrong npm package)."""
    cmd = [*facade_command(version, root, node), "--version"]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    match = _VERSION_LINE.search(done.stdout)
    if done.returncode != 0 or not match or match.group(1) != version:
        raise ToolchainError(f"{shlex.join(cmd)} did not report solc {version}:\n{done.stdout}{done.stderr}")
    return done.stdout


def facade_script(version: str, root: Path, node: str, version_text: str) -> str:
    """A small sh wrapper around the facade that answers `--version` itself.

    py-solc-x asks `--version` before every compile and brownie asks it about ten times per
    `brownie compile`; loading solcjs for each costs ~0.6 s, so the answer is baked in here.
    """
    lines = "".join(f" {shlex.quote(line)}" for line in version_text.splitlines())
    return (
        "#!/bin/sh\n"
        f"# solc {version} for py-solc-x: solcjs behind a native-solc command line.\n"
        "# Generated by `python -m spellgen.compiler.toolchain install-solc` (make setup); do not edit.\n"
        'if [ "$#" -eq 1 ] && [ "$1" = --version ]; then\n'
        f"  printf '%s\\n'{lines}\n"
        "  exit 0\n"
        "fi\n"
        f'exec {shlex.join(facade_command(version, root, node))} "$@"\n'
    )


def _replace_with_symlink(path: Path, target: Path) -> None:
    """Make `path` a symlink to `target` atomically, leaving it alone if it already is one."""
    if path.is_symlink() and os.readlink(path) == str(target):
        return
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    tmp.symlink_to(target)
    os.replace(tmp, path)


def _replace_with_script(path: Path, text: str) -> None:
    """Write an executable script at `path` atomically, leaving it alone if unchanged."""
    if not path.is_symlink() and path.is_file() and path.read_text() == text:
        return
    tmp = path.with_name(path.name + ".tmp")
    tmp.unlink(missing_ok=True)
    tmp.write_text(text)
    tmp.chmod(0o755)
    os.replace(tmp, path)


def _points_back(candidate: Path, entry: Path) -> bool:
    """True if `candidate` is (a link to) our own `entry`, e.g. ~/.solcx linked into .tools/solc."""
    where = entry.parent.resolve() / entry.name  # entry's own location, not what it links to
    try:
        return candidate.parent.resolve() / candidate.name == where or candidate.resolve(strict=True) == where
    except (OSError, RuntimeError):  # dangling link or a loop through `entry`
        return True


def install_solc(
    dest: Path | None = None, home: Path | None = None, search_path: str | None = None
) -> dict[str, Path | None]:
    """Fill `dest` (default .tools/solc) with one `solc-vX.Y.Z` per package.json version.

    Each entry is a symlink to a native solc of that version when one exists, otherwise a
    facade script. Entries for versions no longer listed are removed. Returns
    {version: native path or None for the facade}.
    """
    root = repo_root()
    dest = dest or solc_dir()
    dest.mkdir(parents=True, exist_ok=True)
    versions = solc_versions(root)
    node = shutil.which("node")
    chosen: dict[str, Path | None] = {}
    for version in versions:
        entry = dest / f"solc-v{version}"
        native = find_native_solc(version, home=home, search_path=search_path)
        if native is not None and not _points_back(native, entry):
            _replace_with_symlink(entry, native)
        else:
            native = None
            if node is None:
                raise ToolchainError("node is not on PATH; it is needed to run the solcjs compilers")
            text = facade_version_text(version, root, node)
            _replace_with_script(entry, facade_script(version, root, node, text))
        chosen[version] = native
    for stale in dest.glob("solc-v*"):
        if stale.name.removeprefix("solc-v") not in versions:
            stale.unlink()
    return chosen


def anvil_binary_in_node_modules(root: Path | None = None) -> Path:
    """The anvil executable npm unpacked for this platform (foundry ships one package per platform)."""
    return foundry_binary_in_node_modules("anvil", root)


def foundry_binary_in_node_modules(tool: str, root: Path | None = None) -> Path:
    """`tool` (anvil or forge) as npm unpacked it for this platform, from `@foundry-rs/<tool>-<platform>`."""
    key = (platform.system(), platform.machine())
    suffix = _ANVIL_PLATFORMS.get(key)
    if suffix is None:
        raise ToolchainError(f"no {tool} npm package known for {key[0]} {key[1]}")
    path = (root or repo_root()) / "node_modules" / "@foundry-rs" / f"{tool}-{suffix}" / "bin" / tool
    if not os.access(path, os.X_OK):
        raise ToolchainError(f"{path} is missing; run {install_hint()} (npm ci of @foundry-rs/{tool})")
    return path


def link_anvil() -> Path:
    """Point .tools/bin/anvil at the real binary, not npm's node wrapper, so killing it kills anvil."""
    return _link_foundry_tool("anvil")


def link_forge() -> Path:
    """Point .tools/bin/forge at the real binary (`spellgen foundry-test`'s tests run it)."""
    return _link_foundry_tool("forge")


def _link_foundry_tool(tool: str) -> Path:
    bin_dir().mkdir(parents=True, exist_ok=True)
    target = foundry_binary_in_node_modules(tool)
    _replace_with_symlink(bin_dir() / tool, target)
    return target


def forge_path() -> Path:
    """The real forge binary behind `.tools/bin/forge`."""
    link = bin_dir() / "forge"
    real = link.resolve()
    if not (link.is_symlink() and os.access(real, os.X_OK)):
        raise ToolchainError(f"forge is missing or broken at {link}; run {install_hint()}")
    return real


# What a tool home needs from the package to install the pinned toolchain.
HOME_FILES = ("package.json", "package-lock.json", "tools/solc-facade.cjs")
NPM_CI = ["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]


def install_toolchain(home: Path | None = None, log=print) -> Path:
    """Put anvil and the solcjs compilers in `home` (default: the tool home) from the pinned lock.

    For an installed wheel: copies package.json, its lock and the solc facade out of the package,
    runs `npm ci` there (the same pins as `make setup`), then builds .tools/ as `make setup` does.
    """
    home = (home or repo_root()).resolve()
    source = resources.data_root()
    home.mkdir(parents=True, exist_ok=True)
    if source.resolve() != home:
        for name in HOME_FILES:
            target = home / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source / name, target)
    npm = shutil.which("npm")
    if npm is None:
        raise ToolchainError("npm is not on PATH; install Node.js 20 or newer (with npm) and run this again")
    log(f"toolchain: npm ci in {home} (anvil, forge, solcjs, from package-lock.json)")
    done = subprocess.run([npm, *NPM_CI[1:]], cwd=home, capture_output=True, text=True)
    if done.returncode != 0:
        raise ToolchainError(f"npm ci failed in {home}:\n{done.stderr.strip() or done.stdout.strip()}")
    previous = os.environ.get(ROOT_ENV)
    os.environ[ROOT_ENV] = str(home)  # solc_dir(), bin_dir() and the facades refer to `home`
    try:
        for version, native in install_solc().items():
            log(f"toolchain: solc {version}: {'native ' + str(native) if native else 'solcjs facade'}")
        log(f"toolchain: anvil {link_anvil()}")
        log(f"toolchain: forge {link_forge()}")
    finally:
        if previous is None:
            os.environ.pop(ROOT_ENV)
        else:
            os.environ[ROOT_ENV] = previous
    return home


def main(argv: list[str] | None = None) -> int:
    """`python -m spellgen.compiler.toolchain install-solc|link-anvil|link-forge|paths`, used by the Makefile."""
    args = sys.argv[1:] if argv is None else argv
    command = args[0] if args else ""
    try:
        if command == "install-solc":
            for version, native in install_solc().items():
                print(f"solc {version}: {'native ' + str(native) if native else 'solcjs facade'}")
        elif command == "link-anvil":
            print(f"anvil: {link_anvil()}")
        elif command == "link-forge":
            print(f"forge: {link_forge()}")
        elif command == "paths":
            print(f"root: {repo_root()}\nsolc: {solc_dir()}\nbin: {bin_dir()}")
        else:
            print("usage: python -m spellgen.compiler.toolchain install-solc|link-anvil|link-forge|paths", file=sys.stderr)
            return 2
    except ToolchainError as err:
        print(f"spellgen.compiler.toolchain: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
