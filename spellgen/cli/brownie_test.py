"""`spellgen brownie-test SPEC.yaml -o tests/test_NAME.py`: a readable Brownie test module for one spell.

One test per item verify checks, its expected values written out as literals (checksummed addresses,
wei, unix times with their UTC date), computed from the YAML model (spellgen.spellfile.expect), never
from the Solidity. The fixtures (the chain at the spell's date, the spell cast, a snapshot per
test) come from spellgen's pytest plugin, spellgen.integrations.pytest_plugin.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from spellgen.errors import ExitCode
from spellgen.spellfile.diagnostics import InputError


def add_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "brownie-test", help="write a Brownie test module for a spell: one test per YAML item",
        description="Write a pytest module for `brownie test`: the spell (rendered from the YAML, or --spell) "
                    "is deployed, elected, scheduled and cast on the twin at the spell's date (or on "
                    "--network mainnet-fork), and each YAML item is one test whose expected values are "
                    "literals computed from the YAML.",
        epilog="examples:\n  spellgen brownie-test examples/techops-2022-01-28.yaml -o tests/test_techops_2022_01_28.py\n"
               "  brownie test tests/test_techops_2022_01_28.py\n"
               "  brownie test tests/test_techops_2022_01_28.py --network mainnet-fork   # needs ETH_RPC_URL",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("spec", metavar="SPEC.yaml")
    parser.add_argument("-o", "--output", metavar="FILE.py", help="where to write the module (default: stdout)")
    parser.add_argument("--spell", metavar="FILE.sol", help="cast this spell source instead of the rendered one")
    parser.set_defaults(func=run)
    return parser


def run(args: argparse.Namespace) -> int:
    from spellgen.spellfile.checks import check_spell
    from spellgen.spellfile.diagnostics import Diagnostics
    from spellgen.spellfile.parse import load_spell

    diags = Diagnostics(args.spec)
    spell = load_spell(Path(args.spec), diags)
    check_spell(spell, diags, base_dir=Path(args.spec).parent)
    if diags.errors:
        raise InputError(diags)
    for diagnostic in diags:
        print(diagnostic, file=sys.stderr)
    out = Path(args.output) if args.output else None
    text = module_text(spell, Path(args.spec), out, Path(args.spell) if args.spell else None)
    if out is None:
        sys.stdout.write(text)
    else:
        from spellgen.files import write_atomic

        write_atomic(out, text)
        print(f"wrote {out}", file=sys.stderr)
    return ExitCode.OK


def _relative(path: Path, out: Path | None) -> str:
    """`path` as the module finds it: relative to the module's folder (or absolute for stdout)."""
    if out is None:
        return Path(path).resolve().as_posix()
    return Path(os.path.relpath(Path(path).resolve(), Path(out).resolve().parent)).as_posix()


HEADER = '''"""Brownie tests of {spec_name}, written by `spellgen brownie-test`: one test per YAML item.

    brownie test {this}                          # on the twin at {date}
    brownie test {this} --network mainnet-fork   # on a fork of $ETH_RPC_URL

The expected values are literals computed from the YAML (spellgen.spellfile.expect), never from the
Solidity. The fixtures come from spellgen's pytest plugin: `cast` is the spell deployed, elected,
scheduled and cast (spellgen's Simulator), with what the chain showed before and after, inside a
snapshot reverted after each test. Add tests of your own with the same fixtures.
"""
from pathlib import Path

HERE = Path(__file__).resolve().parent
pytest_plugins = ["spellgen.integrations.pytest_plugin"]

SPEC = HERE / "{spec}"
SPELL = {spell}  # None: the spell rendered from SPEC; a path: that Solidity file ($SPELLGEN_SPELL overrides)
WAD = 10**18
'''


def module_text(spell, spec: Path, out: Path | None, spell_file: Path | None = None) -> str:
    """The test module's source for `spell` (a checked spellgen.spellfile.model.Spell): a test for every
    item verify checks, each action's written by its kind (spellfile/actions/: `brownie_tests`)."""
    from spellgen.spellfile.expect import expected_from
    from spellgen.spellfile.testplan import numbered_tests

    expected = expected_from(spell)
    this = out.as_posix() if out else "THIS_FILE.py"
    spell_literal = f'HERE / "{_relative(spell_file, out)}"' if spell_file else "None"
    parts = [HEADER.format(spec_name=spec.name, this=this, date=spell.date, spec=_relative(spec, out),
                           spell=spell_literal)]
    for test in numbered_tests(spell, expected):
        parts.append(_naming(_test(test.name, test.item, test.body), test.item))
    parts.append(_spell_test(expected))
    return "".join(parts)


def _test(name: str, item, body: str) -> str:
    return f'\n\ndef {name}(cast):\n    """{item.path}: {item.label}"""\n{body}'


def _naming(test: str, item) -> str:
    """Every assertion of a test names its YAML item, so a failure says which item broke."""
    out = []
    for line in test.split("\n"):
        if line.startswith("    assert "):
            code, sep, comment = line.partition("  # ")
            line = f"{code}, ITEM{sep}{comment}"
        out.append(line)
        if line.startswith('    """'):
            out.append(f"    ITEM = {repr(f'{item.path}: {item.label}')}")
    return "\n".join(out)


def _spell_test(expected) -> str:
    desc = expected.description.replace("\\", "\\\\").replace('"', '\\"')
    return f'''

def test_spell_description_office_hours_and_expiry(cast):
    """The spell: description, office hours and expiration as declared."""
    assert cast.observation.description == "{desc}"
    assert cast.observation.office_hours is {expected.office_hours}
    assert cast.observation.expiration == cast.observation.deployed_at + {expected.expiry}  # {expected.expiry // 86400} days
'''
