"""The spell's interface: DssSpell's ABI is exactly DssExec's, the action's exactly DssAction's.

An extra external function (a public `plot`, a `rescue(address)`), a fallback or receive function,
or a payable function is a way for a spell to act outside `cast()`, so each one fails. The expected
interfaces are mainnet's dss-exec-lib DssExec and DssAction (public functions, by signature).
"""
from __future__ import annotations

from spellgen.cast.named import abi_signature as signature

DSS_EXEC = frozenset({
    "action()", "cast()", "description()", "done()", "eta()", "expiration()", "log()", "nextCastTime()",
    "officeHours()", "pause()", "schedule()", "sig()", "tag()",
})
DSS_ACTION = frozenset({"actions()", "description()", "execute()", "nextCastTime(uint256)", "officeHours()"})


def interface_problems(abi: list, expected: frozenset[str], what: str, base: str) -> list[str]:
    functions = {signature(e) for e in abi if e.get("type") == "function"}
    problems = [f"{what} has an external function {sig} that {base} does not have"
                for sig in sorted(functions - expected)]
    problems += [f"{what} lacks {base}'s {sig}" for sig in sorted(expected - functions)]
    for entry in abi:
        if entry.get("type") in ("fallback", "receive"):
            problems.append(f"{what} has a {entry['type']} function, which {base} does not have")
        if entry.get("type") == "function" and entry.get("stateMutability") == "payable":
            problems.append(f"{what}'s {signature(entry)} is payable")
    return problems
