"""`spellgen brownie-test SPEC.yaml -o tests/test_NAME.py`: a readable Brownie test module for one spell.

One test per YAML item, its expected values written out as literals (checksummed addresses,
wei, unix times with their UTC date), computed from the YAML model (spellgen.spellfile.expect), never
from the Solidity. The fixtures (the chain at the spell's date, the spell cast, a snapshot per
test) come from spellgen's pytest plugin, spellgen.integrations.pytest_plugin.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from collections import Counter
from functools import partial
from pathlib import Path
from typing import Any, Callable

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


def _slug(text: str, limit: int = 60) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    return slug[:limit].rstrip("_")


def _wei(value: int) -> str:
    """An integer literal with underscores every three digits."""
    return f"{value:_}"


def _token_amount(value: int) -> str:
    from decimal import Decimal

    from spellgen.spellfile.amounts import human

    return human(Decimal(value) / Decimal(10**18))


def _time(value: int) -> str:
    from spellgen.spellfile.timeutil import iso

    return f"{value}  # {iso(value)}"


def _party(address: str, names: dict[str, str]) -> str:
    name = names.get(address.lower())
    return f'"{address}"' + (f"  # {name}" if name else "")


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
    """The test module's source for `spell` (a checked spellgen.spellfile.model.Spell)."""
    from spellgen.spellfile.expect import expected_from

    expected = expected_from(spell)
    names = _wallet_names(spell)
    this = out.as_posix() if out else "THIS_FILE.py"
    spell_literal = f'HERE / "{_relative(spell_file, out)}"' if spell_file else "None"
    parts = [HEADER.format(spec_name=spec.name, this=this, date=spell.date, spec=_relative(spec, out),
                           spell=spell_literal)]
    tests: list[tuple[Any, Callable[[str], str]]] = []  # (the verify item, its test's source by test name)
    counter: Counter = Counter()
    paid_to = Counter(p.recipient for p in expected.payments)
    sent_to = Counter(t.recipient for t in expected.transfers)
    for award in expected.awards:
        counter[award.vest] += 1
        tests.append((award.item, partial(_stream_test, award=award, nth=counter[award.vest], names=names)))
    for payment in expected.payments:
        total = sum(p.wei for p in expected.payments if p.recipient == payment.recipient)
        tests.append((payment.item, partial(_balance_test, item=payment, attr="dai", token="DAI", total=total,
                                            count=paid_to[payment.recipient], names=names)))
    for transfer in expected.transfers:
        total = sum(t.wei for t in expected.transfers if t.recipient == transfer.recipient)
        tests.append((transfer.item, partial(_balance_test, item=transfer, attr="mkr", token="MKR", total=total,
                                             count=sent_to[transfer.recipient], names=names)))
    for yank in expected.yanks:
        tests.append((yank.item, partial(_yank_test, yank=yank, names=names)))
    for allowance in expected.allowances:
        tests.append((allowance.item, partial(_allowance_test, change=allowance)))
    for cap in expected.caps:
        tests.append((cap.item, partial(_cap_test, cap=cap)))
    tests.sort(key=lambda pair: _position(pair[0].path))
    for number, (item, write) in enumerate(tests, 1):
        parts.append(_naming(write(_name(item, number)), item))
    parts.append(_spell_test(expected))
    return "".join(parts)


def _wallet_names(spell) -> dict[str, str]:
    """address (lower case) -> registry name, from the parties the actions name."""
    found = {}
    for action in spell.actions:
        for attr in ("to", "manager", "recipient"):
            party = getattr(action, attr, None)
            if party is not None and getattr(party, "name", None) and getattr(party, "address", None):
                found[party.address.lower()] = party.name
    return found


def _position(path: str) -> tuple[int, ...]:
    """`sections[1].actions[2]` -> (1, 2): the YAML's order."""
    return tuple(int(n) for n in re.findall(r"\d+", path))


def _name(item, number: int) -> str:
    """`test_2_stream_2_486_400_dai_to_tech_001_on_mcd_vest_dai`: the item's number and label."""
    kind, _, rest = item.label.partition(":")
    return f"test_{number}_{_slug(kind)}_{_slug(rest)}"


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


def _stream_test(name: str, award, nth: int, names: dict[str, str]) -> str:
    label = award.item.label
    return f'''

def {name}(cast):
    """{award.item.path}: {label}"""
    award = cast.new_award("{award.vest}", {nth})  # the cast's new award number {nth} on {award.vest}
    assert award.usr == {_party(award.usr, names)}
    assert award.bgn == {_time(award.bgn)}
    assert award.clf == {_time(award.clf)}
    assert award.fin == {_time(award.fin)}
    assert award.mgr == {_party(award.mgr, names)}
    assert award.res == {award.res}
    assert award.tot == {_wei(award.tot)}  # {_token_amount(award.tot)} {award.token}
    assert award.rxd == 0
    assert cast.vested_at_end("{award.vest}", {nth}) == {_wei(award.tot)}  # all of it, at fin
'''


def _balance_test(name: str, item, attr: str, token: str, total: int, count: int, names: dict[str, str]) -> str:
    note = f"  # this item and {count - 1} more to the same recipient" if count > 1 else ""
    return f'''

def {name}(cast):
    """{item.item.path}: {item.item.label}"""
    recipient = {_party(item.recipient, names)}
    received = cast.after.{attr}[recipient] - cast.before.{attr}[recipient]
    assert received == {_wei(total)}  # {_token_amount(total)} {token}{note}
'''


def _yank_test(name: str, yank, names: dict[str, str]) -> str:
    lines = [f'\n\ndef {name}(cast):',
             f'    """{yank.item.path}: {yank.item.label}"""',
             f'    before = cast.before.awards[("{yank.vest}", {yank.award})]',
             f'    after = cast.after.awards[("{yank.vest}", {yank.award})]']
    if yank.usr:
        lines.append(f"    assert before.usr == {_party(yank.usr, names)}")
    if yank.fin_before is not None:
        lines.append(f"    assert before.fin == {_time(yank.fin_before)}")
    if yank.end is None:
        lines.append("    assert after.fin == min(before.fin, cast.cast_time)  # ended at the cast")
    else:
        lines.append(f"    end = max({yank.end}, cast.cast_time)  # {_time(yank.end).split('# ')[1]}, or the cast if later")
        lines.append("    assert after.fin == min(before.fin, end)")
    return "\n".join(lines) + "\n"


def _allowance_test(name: str, change) -> str:
    if change.mode == "set":
        check = f"    assert cast.after.allowance[\"{change.vest}\"] == {_wei(change.wei)}  # {_token_amount(change.wei)} {change.token}"
    else:
        check = (f"    increase = cast.after.allowance[\"{change.vest}\"] - cast.before.allowance[\"{change.vest}\"]\n"
                 f"    assert increase == {_wei(change.wei)}  # {_token_amount(change.wei)} {change.token}")
    return f'''

def {name}(cast):
    """{change.item.path}: {change.item.label}"""
{check}
'''


def _cap_test(name: str, cap) -> str:
    return f'''

def {name}(cast):
    """{cap.item.path}: {cap.item.label}"""
    assert cast.after.caps["{cap.vest}"] == {_wei(cap.per_second)}  # wei per second
'''
