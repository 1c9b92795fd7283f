"""What the cast may call, read from its `callTracer` trace.

Allowed: the caster's CALL of `cast()` on the spell; the spell's CALL of `pause.exec`; the pause's
CALL of `proxy.exec` (and its read of the proxy's owner); the PauseProxy's one DELEGATECALL of the
action's `execute()`; inside it, DELEGATECALLs into DssExecLib and CALLs/STATICCALLs of contracts
that had code before the cast. Everything else fails, with the call path: a CREATE or CREATE2, a
SELFDESTRUCT, a DELEGATECALL or CALLCODE from the spell, its action or the PauseProxy elsewhere, a
call to an address without code (on the twin, naming the mainnet contract it does not model), a
call to a contract the cast created.

Delegatecalls made by contracts that existed before the cast, from their own context (an
upgradeable token's proxy on a fork), are their own behaviour; their effects are in the state diff.

Payments: the Vat's `suck` calls must be exactly one per declared payment from the Vow to the
PauseProxy (for the declared sum), and the join's `exit` calls exactly the declared recipients and
amounts.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Sequence

from eth_abi import decode

from spellgen.cast.named import call_text, names_at
from spellgen.spellfile.address import keccak256, to_checksum
from spellgen.spellfile.protocol import RAY
from spellgen.spellfile.history import DSS_EXEC_LIB
from spellgen.spellfile.expect import Expected


def selector(signature: str) -> str:
    return "0x" + keccak256(signature.encode())[:4].hex()


CAST = selector("cast()")
PAUSE_EXEC = selector("exec(address,bytes32,bytes,uint256)")
PROXY_EXEC = selector("exec(address,bytes)")
EXECUTE = selector("execute()")
OWNER = selector("owner()")
SUCK = selector("suck(address,address,uint256)")
EXIT = selector("exit(address,uint256)")
PRECOMPILES = 0x100  # addresses below this are precompiles (they have no code)
LATEST = "9999-12-31"  # the ChainLog as spellgen knows it last, for a policy without a date

@dataclass
class Frame:
    type: str
    sender: str  # the context (for a DELEGATECALL: whose storage it runs on)
    to: str
    input: str
    value: int
    path: list[str]
    children: list["Frame"] = field(default_factory=list)
    error: str | None = None


def frames(trace: dict) -> Frame:
    def build(raw: dict, path: list[str]) -> Frame:
        to = to_checksum(raw["to"]) if raw.get("to") else ""
        here = path + [f"{raw.get('type', 'CALL')} {to or '(new)'} {raw.get('input', '0x')[:10]}"]
        f = Frame(raw.get("type", "CALL").upper(), to_checksum(raw["from"]), to, raw.get("input", "0x") or "0x",
                  int(str(raw.get("value") or "0x0"), 16), here, error=raw.get("error"))
        f.children = [build(child, here) for child in raw.get("calls") or []]
        return f
    return build(trace, [])


@dataclass
class Policy:
    spell: str
    action: str
    pause: str
    proxy: str
    vat: str
    vow: str
    join: str
    names: dict[str, str]  # address (lower) -> label
    has_code: Callable[[str], bool]  # code before the cast
    twin: bool
    date: str = ""  # the spell's date: a codeless target on the twin is named by that date's ChainLog
    problems: list[str] = field(default_factory=list)
    created: set[str] = field(default_factory=set)
    sucks: list[tuple[str, str, int]] = field(default_factory=list)
    exits: list[tuple[str, int]] = field(default_factory=list)
    execs: int = 0
    # Accounts the PauseProxy may send ETH to (`proxy_transfer` of `ether`: the amount is the state diff's).
    ether_to: frozenset[str] = frozenset()

    def name(self, address: str) -> str:
        """A contract by its chainlog name; an account without one by its checksummed address."""
        return self.names.get(address.lower()) or (to_checksum(address) if len(address) == 42 else address)

    def path(self, f: Frame) -> str:
        return " > ".join(self._step(s) for s in f.path)

    def _step(self, step: str) -> str:
        kind, address, sel = step.split(" ")
        if address == "(new)":
            return f"{kind} {address}"
        return f"{kind} {call_text(address, sel, self.names)}"

    def fail(self, f: Frame, what: str) -> None:
        self.problems.append(f"{what} (call path: {self.path(f)})")

    def check(self, root: Frame) -> list[str]:
        if root.type != "CALL" or root.to.lower() != self.spell.lower() or root.input[:10] != CAST:
            self.fail(root, "the cast transaction is not a call of cast() on the spell")
        self._walk(root, in_action=False)
        if self.execs != 1:
            self.problems.append(f"the PauseProxy delegatecalled the action {self.execs} times, not once")
        return self.problems

    def _walk(self, f: Frame, in_action: bool) -> None:
        for child in f.children:
            self._frame(child, f, in_action)

    def _frame(self, f: Frame, parent: Frame, in_action: bool) -> None:
        t = f.type
        lower = lambda a: a.lower()  # noqa: E731
        ours = {lower(self.spell), lower(self.action), lower(self.proxy)}
        if t in ("CREATE", "CREATE2"):
            self.created.add(lower(f.to))
            self.fail(f, f"{t} of {f.to}: a spell creates no contract")
            self._walk(f, in_action)
            return
        if t == "SELFDESTRUCT":
            self.fail(f, f"SELFDESTRUCT of {self.name(f.sender)}")
            return
        if t == "CALLCODE":
            self.fail(f, f"CALLCODE from {self.name(f.sender)} to {self.name(f.to)}")
        if t == "DELEGATECALL":
            exec_of_action = (lower(f.sender) == lower(self.proxy) and lower(f.to) == lower(self.action)
                              and f.input[:10] == EXECUTE and parent.type == "CALL"
                              and lower(parent.sender) == lower(self.pause) and not in_action)
            into_lib = in_action and lower(f.sender) == lower(self.proxy) and lower(f.to) == DSS_EXEC_LIB.lower()
            if exec_of_action:
                self.execs += 1
                self._walk(f, True)
                return
            if not into_lib and (lower(f.sender) in ours or lower(f.sender) in self.created
                                 or not self.has_code(f.sender)):
                self.fail(f, f"DELEGATECALL from {self.name(f.sender)} into {self.name(f.to)}: only the action "
                             "(from the PauseProxy) and DssExecLib (from the action) may be delegatecalled")
        declared_ether = (in_action and t == "CALL" and lower(f.sender) == lower(self.proxy)
                          and lower(f.to) in self.ether_to and f.input in ("0x", ""))
        if f.to and lower(f.to) in self.created:
            self.fail(f, f"calls {f.to}, a contract the cast itself created")
        elif declared_ether:
            pass  # a declared ETH transfer from the PauseProxy (to an account with or without code)
        elif f.to and int(f.to, 16) >= PRECOMPILES and not self.has_code(f.to):
            # A key of the date's ChainLog without code on the twin is a contract the twin does not model.
            modeled = names_at(self.date or LATEST).get(f.to.lower()) if self.twin else None
            if modeled:
                self.fail(f, f"calls {modeled}, which the twin does not model; verify on a fork")
            else:
                self.fail(f, f"calls {self.name(f.to)}, an address with no code")
        if not in_action and t != "DELEGATECALL":
            self._outside_action(f, parent)
        if t == "CALL" and f.value and not declared_ether:
            self.fail(f, f"sends {f.value} wei of ETH to {self.name(f.to)}")
        if lower(f.to) == lower(self.vat) and f.input[:10] == SUCK and not f.error:
            u, v, rad = decode(["address", "address", "uint256"], bytes.fromhex(f.input[10:]))
            self.sucks.append((to_checksum(u), to_checksum(v), rad))
        if lower(f.to) == lower(self.join) and f.input[:10] == EXIT and lower(f.sender) == lower(self.proxy) \
                and not f.error:
            usr, wad = decode(["address", "uint256"], bytes.fromhex(f.input[10:]))
            self.exits.append((to_checksum(usr), wad))
        self._walk(f, in_action)

    def _outside_action(self, f: Frame, parent: Frame) -> None:
        """Before the action runs, only the governance path: spell -> pause.exec -> proxy.exec."""
        sender = f.sender.lower()
        if sender == self.spell.lower():
            if not (f.to.lower() == self.pause.lower() and f.input[:10] == PAUSE_EXEC):
                self.fail(f, f"the spell itself calls {call_text(f.to, f.input, self.names)}; DssExec.cast only calls "
                             "pause.exec")
        elif sender == self.pause.lower():
            if not (f.to.lower() == self.proxy.lower() and f.input[:10] in (PROXY_EXEC, OWNER)):
                self.fail(f, f"the pause calls {call_text(f.to, f.input, self.names)}")
        elif sender == self.proxy.lower() and f.input[:10] != EXECUTE:
            self.fail(f, f"the PauseProxy calls {call_text(f.to, f.input, self.names)} outside the action")

    def payments(self, e: Expected, computed_sucks: Sequence[tuple[str, int]] = (),
                 computed_exits: Sequence[tuple[str, int]] = ()) -> list[str]:
        """The Vat and join calls a declared payment makes, and no others. `computed_sucks` (to whom, rad)
        and `computed_exits` (to whom, wei): those of amounts computed at the cast, evaluated by verify
        from the state before it (a repaired award's vest sucks to itself)."""
        from spellgen.verify.statediff import rad_text

        out = []
        # A USDS payment draws DAI to the PauseProxy first (then DAI_USDS converts it to the recipient).
        usds = getattr(e, "usds_payments", [])
        want_rad = (sum(p.wei for p in e.payments) + sum(u.wei for u in usds)) * RAY
        want_rad += sum(rad for to, rad in computed_sucks if to.lower() == self.proxy.lower())
        got = [(u, v, rad) for u, v, rad in self.sucks]
        others = Counter((self.vow.lower(), to.lower(), rad) for to, rad in computed_sucks
                         if to.lower() != self.proxy.lower())
        for u, v, rad in list(got):  # a repaired award's vest: its own suck, of what the award owed
            if others[(u.lower(), v.lower(), rad)] > 0:
                others[(u.lower(), v.lower(), rad)] -= 1
                got.remove((u, v, rad))
        # An allocator payment sucks from the Vow to itself (its grab then cancels the sin): its item checks it.
        allocator = bool(getattr(e, "allocator_payments", []))
        stray = [s for s in got if (s[0].lower(), s[1].lower()) != (self.vow.lower(), self.proxy.lower())
                 and not (allocator and s[0].lower() == s[1].lower() == self.vow.lower())]
        got = [s for s in got if (s[0].lower(), s[1].lower()) != (self.vow.lower(), self.vow.lower()) or not allocator]
        for u, v, rad in stray:
            out.append(f"vat.suck({self.name(u)}, {self.name(v)}, {rad_text(rad)}): only a suck from MCD_VOW to "
                       "MCD_PAUSE_PROXY for the declared payments is explained")
        total = sum(rad for u, v, rad in got if (u, v, rad) not in stray)
        if total != want_rad:
            out.append(f"vat.suck from MCD_VOW to MCD_PAUSE_PROXY of {rad_text(total)} in all, but the declared "
                       f"payments sum to {rad_text(want_rad)}")
        want_exits = Counter((p.recipient.lower(), p.wei) for p in e.payments)
        want_exits += Counter((self.proxy.lower(), u.wei) for u in usds)
        want_exits += Counter((to.lower(), wei) for to, wei in computed_exits)
        got_exits = Counter((u.lower(), w) for u, w in self.exits)
        if want_exits != got_exits:
            extra = got_exits - want_exits
            missing = want_exits - got_exits
            parts = [f"exit of {w} wei DAI to {self.name(u)} not declared" for (u, w), n in extra.items()]
            parts += [f"declared payment of {w} wei DAI to {self.name(u)} not exited" for (u, w), n in missing.items()]
            out.append("MCD_JOIN_DAI exits differ from the declared payments: " + "; ".join(parts))
        return out
