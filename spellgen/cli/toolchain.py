"""`spellgen toolchain install|paths`: the compilers and the local chain of an installed spellgen.

In a checkout `make setup` does this; an installed wheel has no Makefile, so this command puts
anvil, forge and the solcjs compilers (the same pinned versions and lock) under a user cache folder.
"""
from __future__ import annotations

import argparse
import sys
from spellgen.errors import ExitCode


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "toolchain", help="install or show anvil and solc (for an installed spellgen; a checkout uses make setup)",
        description="An installed spellgen renders without any tool; build, simulate and verify need anvil "
                    "and solc. `install` runs npm ci with the package's pinned lock in the tool home "
                    "($SPELLGEN_ROOT, else the checkout, else ~/.cache/spellgen) and links the tools there.",
        epilog="examples:\n  spellgen toolchain install\n  spellgen toolchain paths",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    actions = parser.add_subparsers(dest="toolchain_command", metavar="ACTION", required=True)
    actions.add_parser("install", help="npm ci anvil, forge and solcjs into the tool home, then link them")
    actions.add_parser("paths", help="print where the tool home, solc and anvil are")
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from spellgen.compiler import toolchain

    try:
        if args.toolchain_command == "install":
            home = toolchain.install_toolchain(log=lambda text: print(text, file=sys.stderr))
            print(f"toolchain installed in {home}")
        else:
            print(f"home: {toolchain.repo_root()}\nsolc: {toolchain.solc_dir()}\nbin: {toolchain.bin_dir()}")
    except toolchain.ToolchainError as exc:
        exc.report(sys.stderr)
        return exc.exit_code
    return ExitCode.OK
