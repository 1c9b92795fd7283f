"""Judge the action's code, not only its casts: what DssSpellAction could do, read from solc's AST.

A cast shows what the spell did at one time, from one caller, on one chain; harm behind a condition
the casts never meet (a block number, the coinbase, the caster, another contract's code) passes every
cast. This module reads the action's own code instead: `actions()` and `officeHours()` of
DssSpellAction, every internal function and internal library function they reach (inlined, with the
arguments of each call bound to its parameters), in the spell's file and the files it imports from
beside it. DssExecLib's functions are known by what they do (`EXEC_LIB_CALLS`): a call of one is the
calls it makes.

It lists every external call site (its target resolved from constants, immutables and their
initialisers, ChainLog reads and wallet constants; its function and selector; its line) and every
branch whose condition depends on the environment or on a chain read (`block.*`, `tx.*`, `msg.sender`,
`gasleft()`, another account's code, code hash or balance, a call's result, the action's own storage),
following values through local variables, parameters, return values and hashes. `judge` then fails a
state-changing call site no YAML action implies and an environment-dependent branch no action kind
declares (each kind's `EFFECTS`: `calls` and `branches`), named with its line, whether or not a cast
reached it. Inline assembly, a contract creation, a self-destruct, a low-level call, a try/catch, a
call the analysis cannot follow (a function variable, a computed callee, internal code it does not
hold) and an `officeHours()` that depends on anything fail too: what it cannot read, it fails.

Two things are listed rather than failed: a view call (solc makes it a STATICCALL, which cannot change
state; what it returns is judged where a branch uses it) and a `require`/`assert` that tests only what
calls returned (a sanity check: it can only make the cast revert, which the casts show). With
--budget-only only the call sites to the budget's contracts (or to targets it cannot resolve) and the
branches around them are judged, the rest listed.

What it does not prove: a call's arguments (a declared `approve` to another spender passes here; the
casts and the state diff judge values); what a called contract does; and code outside the action
(DssExec, DssAction, DssExecLib are the exec base, compiled from spellgen's own copy or the spells
repository's).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from spellgen.compiler.compile import SPELL_FILE, CompiledSpell, exec_lib_getters
from spellgen.spellfile.actions.base import Branch
from spellgen.spellfile.address import keccak256, to_checksum
from spellgen.spellfile.history import chainlog_at, token_key_at, unregistered_tokens
from spellgen.spellfile.protocol import VESTS

ACTION = "DssSpellAction"
ROOTS = ("actions", "officeHours")  # what DssAction.execute() runs of the action's own code
ENVIRONMENT = {
    "block": ("number", "timestamp", "coinbase", "difficulty", "prevrandao", "chainid", "basefee", "gaslimit",
              "blobbasefee"),
    "tx": ("origin", "gasprice"),
    "msg": ("sender", "value"),
}
ACCOUNT_MEMBERS = ("code", "codehash", "balance")  # another account's state, read without a call
HASHES = ("keccak256", "sha256", "ripemd160", "ecrecover", "addmod", "mulmod", "sha3")
CHANGELOG = "CHANGELOG"
BUILTIN_IDS = 2**31  # solc numbers its global functions (require, type, ...) from 2^32 down
# DssExecLib's functions by the calls they make: (argument index of the target, or a chainlog key; function).
EXEC_LIB_CALLS: dict[str, tuple[tuple[int | str, str], ...]] = {
    "sendPaymentFromSurplusBuffer": (("MCD_VAT", "suck"), ("MCD_JOIN_DAI", "exit")),
    "setValue": ((0, "file"),),
    "setContract": ((0, "file"),),
    "authorize": ((0, "rely"),),
    "deauthorize": ((0, "deny"),),
    "setAuthority": ((0, "setAuthority"),),
    "setChangelogAddress": ((CHANGELOG, "setAddress"),),
    "setChangelogVersion": ((CHANGELOG, "setVersion"),),
    "setChangelogIPFS": ((CHANGELOG, "setIPFS"),),
    "setChangelogSHA256": ((CHANGELOG, "setSha256sum"),),
}
EXEC_LIB_READS = ("getChangelogAddress",)  # besides the ChainLog shortcuts (`dai()`, ...)


@dataclass(frozen=True)
class Value:
    """What the analysis knows of an expression: the account it names (`target`, canonical: an address in
    lower case or a chainlog key; `label`, how people read it) and what it depends on (`taint`: canonical
    source -> how people read it)."""

    target: str = ""
    label: str = ""
    taint: tuple[tuple[str, str], ...] = ()
    fields: tuple[tuple[str, "Value"], ...] = ()  # a struct's members, by name (`p.vest`)

    def tainted(self, *more: "Value", extra: tuple[tuple[str, str], ...] = ()) -> "Value":
        merged = dict(self.taint)
        for v in more:
            merged.update(v.taint)
        merged.update(extra)
        return Value(self.target, self.label, tuple(sorted(merged.items())), self.fields)

    def field(self, name: str) -> "Value | None":
        return dict(self.fields).get(name)

    def with_field(self, name: str, value: "Value") -> "Value":
        return Value(self.target, self.label, self.taint, tuple(sorted({**dict(self.fields), name: value}.items(),
                                                                         key=lambda kv: kv[0])))

    def only_taint(self) -> "Value":
        return Value(taint=self.taint)


@dataclass(frozen=True)
class CallSite:
    where: str  # "line 87" (or "dependencies/X.sol line 12")
    target: str  # canonical
    label: str
    function: str
    selector: str
    text: str  # the call as written
    via: str = ""  # the DssExecLib function that makes it
    guards: tuple[int, ...] = ()  # the environment-dependent branches it runs under (their node ids)
    view: bool = False  # a view or pure function: solc calls it with STATICCALL, which cannot change state

    def describe(self) -> str:
        via = f" (through DssExecLib.{self.via})" if self.via else ""
        sel = f" [{self.selector}]" if self.selector else ""
        return f"{self.where}: {self.label}.{self.function}{sel}{via}: `{self.text}`"


@dataclass(frozen=True)
class BranchSite:
    node: int
    where: str
    form: str
    sources: tuple[tuple[str, str], ...]  # (canonical, label)
    text: str

    def describe(self) -> str:
        on = ", ".join(label for _, label in self.sources)
        return f"{self.where}: branch ({self.form}) on {on}: `{self.text}`"


@dataclass
class CodeScan:
    calls: list[CallSite] = field(default_factory=list)
    branches: list[BranchSite] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # what no declaration allows: assembly, creation, ...
    # Those of `problems` that need not touch the budget's contracts (code not read, a call outside the
    # budget): --budget-only lists them instead of failing them.
    outside_budget: set[str] = field(default_factory=set)
    found: bool = True  # the AST holds a DssSpellAction


class Scanner:
    """Walks the action's code as described in the module's docstring."""

    def __init__(self, asts: dict[str, dict], texts: dict[str, str], day: str):
        self.asts, self.texts, self.day = asts, texts, day
        self.nodes: dict[int, dict] = {}
        self.units: dict[int, str] = {}
        for name, ast in asts.items():
            self.units[int(ast["src"].split(":")[2])] = name
            for node in _walk(ast):
                if "id" in node:
                    self.nodes[node["id"]] = node
        self.chainlog = {k: v.lower() for k, v in chainlog_at(day).items()} if day else {}
        self.keys = {v: k for k, v in sorted(self.chainlog.items(), reverse=True)}  # address -> first key
        self.budget = budget_targets(day) if day else {"this"}
        self.getters = exec_lib_getters()
        self.scan = CodeScan()
        self.guards: list[int] = []
        self.seen_calls: set[tuple] = set()
        self.seen_problems: set[str] = set()
        self.state_values: dict[int, Value] = {}
        self.recording = True
        self.stack: list[int] = []
        self.dispatch: dict[tuple[str, int], dict] = {}

    # -- where -----------------------------------------------------------------------------------------
    def where(self, node: dict) -> str:
        start, _, unit_index = (int(x) for x in node["src"].split(":"))
        unit = self.units.get(unit_index, "")
        text = self.texts.get(unit, "")
        line = text.encode()[:start].count(b"\n") + 1
        return f"line {line}" if unit == SPELL_FILE else f"{unit} line {line}"

    def text(self, node: dict, limit: int = 160) -> str:
        start, length, unit_index = (int(x) for x in node["src"].split(":"))
        raw = self.texts.get(self.units.get(unit_index, ""), "").encode()[start:start + length].decode(errors="replace")
        flat = " ".join(raw.split())
        return flat if len(flat) <= limit else flat[:limit - 3] + "..."

    def problem(self, node: dict, what: str, budget: bool = True) -> None:
        """A finding; `budget` False: one that need not touch the budget's contracts (see CodeScan)."""
        message = f"{self.where(node)}: {what}"
        if self.recording and message not in self.seen_problems:
            self.seen_problems.add(message)
            self.scan.problems.append(message)
            if not budget:
                self.scan.outside_budget.add(message)

    # -- names -----------------------------------------------------------------------------------------
    def canonical(self, key: str) -> str:
        return self.chainlog.get(key, key)

    def key_value(self, key: str, extra: Value = Value()) -> Value:
        return Value(self.canonical(key), key, extra.taint)

    # -- entry -------------------------------------------------------------------------------------------
    def run(self) -> CodeScan:
        action = next((n for n in _walk(self.asts.get(SPELL_FILE) or {})
                       if n.get("nodeType") == "ContractDefinition" and n.get("name") == ACTION), None)
        if action is None:
            self.scan.found = False
            return self.scan
        # The most derived definitions along the action's bases that the analysis holds (a base contract of
        # the spell's own file may define them); DssAction's own are the exec base's.
        for base in action.get("linearizedBaseContracts") or [action["id"]]:
            for fn in (self.nodes.get(base) or {}).get("nodes", []):
                if fn.get("nodeType") == "FunctionDefinition" and fn.get("implemented", True):
                    arity = len((fn.get("parameters") or {}).get("parameters", []))
                    self.dispatch.setdefault((fn.get("name", ""), arity), fn)
        if ("actions", 0) not in self.dispatch:
            self.problem(action, f"{ACTION} defines no actions() the analysis can read")
        for name in ROOTS:
            fn = self.dispatch.get((name, 0))
            if fn is not None:
                returned = self.function(fn, {})
                if fn.get("name") == "officeHours" and returned.taint:
                    self.problem(fn, "officeHours() depends on " + ", ".join(label for _, label in returned.taint)
                                 + " (DssAction.execute() branches on it)")
        return self.scan

    def function(self, fn: dict, bindings: dict[int, Value]) -> Value:
        """Walk a function's modifiers and body with its parameters bound; the union of what it returns."""
        if fn["id"] in self.stack or len(self.stack) > 12:
            self.problem(fn, f"{fn.get('name')} calls itself, or calls nest deeper than 12: the analysis stops there")
            return Value()
        self.stack.append(fn["id"])
        env: dict[int, Value] = dict(bindings)
        returns: list[Value] = []
        for modifier in fn.get("modifiers") or []:
            declaration = self.nodes.get((modifier.get("modifierName") or {}).get("referencedDeclaration", -1))
            for arg in modifier.get("arguments") or []:
                self.expr(arg, env)
            if declaration and declaration.get("nodeType") == "ModifierDefinition" and declaration.get("body"):
                self.statement(declaration["body"], env, returns)
        if fn.get("body"):
            self.statement(fn["body"], env, returns)
        for ret in (fn.get("returnParameters") or {}).get("parameters", []):
            if ret["id"] in env:
                returns.append(env[ret["id"]])
        self.stack.pop()
        return _union(returns)

    # -- statements --------------------------------------------------------------------------------------
    def statement(self, node: dict | None, env: dict[int, Value], returns: list[Value]) -> None:
        if not node:
            return
        kind = node.get("nodeType")
        if kind in ("Block", "UncheckedBlock"):
            for s in node.get("statements", []):
                self.statement(s, env, returns)
        elif kind == "ExpressionStatement":
            self.expr(node["expression"], env)
        elif kind == "VariableDeclarationStatement":
            value = self.expr(node["initialValue"], env) if node.get("initialValue") else Value()
            for declaration in node.get("declarations") or []:
                if declaration:
                    env[declaration["id"]] = value
        elif kind == "IfStatement":
            cond = self.expr(node["condition"], env)
            with self.branch(node, "if", cond, node["condition"]):
                self.statement(node.get("trueBody"), env, returns)
                self.statement(node.get("falseBody"), env, returns)
        elif kind in ("ForStatement", "WhileStatement", "DoWhileStatement"):
            self.statement(node.get("initializationExpression"), env, returns)
            for _ in range(2):  # twice: a value the body changes reaches the condition
                cond = self.expr(node["condition"], env) if node.get("condition") else Value()
                with self.branch(node, "loop", cond, node.get("condition") or node):
                    self.statement(node.get("body"), env, returns)
                    self.statement(node.get("loopExpression"), env, returns)
        elif kind == "Return":
            if node.get("expression"):
                returns.append(self.expr(node["expression"], env))
        elif kind in ("EmitStatement", "RevertStatement"):
            self.expr(node.get("eventCall") or node.get("errorCall"), env)
        elif kind == "InlineAssembly":
            self.problem(node, "inline assembly in the action's code (it can read any account's code, the "
                               "caster, the block: spellgen cannot judge it)")
        elif kind == "TryStatement":
            self.problem(node, "try/catch in the action's code: it branches on whether a call reverts", budget=False)
            self.expr(node["externalCall"], env)
            for clause in node.get("clauses") or []:
                self.statement(clause.get("block"), env, returns)

    def branch(self, node: dict, form: str, cond: Value, shown: dict):
        return _Guard(self, node, form, cond, shown)

    def record_branch(self, node: dict, form: str, cond: Value, shown: dict) -> None:
        if not self.recording:
            return
        for index, known in enumerate(self.scan.branches):  # met again (a loop's second pass, another call)
            if known.node == node["id"]:
                sources = tuple(sorted(dict(known.sources + cond.taint).items()))
                self.scan.branches[index] = BranchSite(known.node, known.where, form, sources, known.text)
                return
        self.scan.branches.append(BranchSite(node["id"], self.where(node), form, cond.taint, self.text(shown, 100)))

    # -- expressions -------------------------------------------------------------------------------------
    def expr(self, node: dict | None, env: dict[int, Value]) -> Value:
        if not node:
            return Value()
        kind = node.get("nodeType")
        method = getattr(self, f"_{kind}", None)
        if method is None:
            return _union(self.expr(child, env) for child in _children(node))
        return method(node, env)

    def _Literal(self, node: dict, env: dict[int, Value]) -> Value:
        value = node.get("value") or ""
        if re.fullmatch(r"0x[0-9a-fA-F]{40}", value):
            key = self.keys.get(value.lower())
            return Value(value.lower(), f"{key} ({to_checksum(value)})" if key else to_checksum(value))
        return Value()

    def _Identifier(self, node: dict, env: dict[int, Value]) -> Value:
        name, ref = node.get("name"), node.get("referencedDeclaration")
        if ref in env:
            return env[ref]
        if name == "now":
            return Value(taint=(("block.timestamp", "block.timestamp"),))
        if name == "this":  # the action's own address called directly, the PauseProxy's in the cast
            return Value("this", "the PauseProxy (this)", (("address(this)", "address(this)"),))
        declaration = self.nodes.get(ref) if isinstance(ref, int) else None
        if declaration and declaration.get("nodeType") == "VariableDeclaration" and declaration.get("stateVariable"):
            return self.state_value(declaration)
        return Value()

    def state_value(self, declaration: dict) -> Value:
        """A constant or immutable by its initialiser (evaluated without recording: it runs when the spell is
        deployed, not cast); any other state variable is the PauseProxy's storage, read at the cast."""
        known = self.state_values.get(declaration["id"])
        if known is not None:
            return known
        name = declaration.get("name", "")
        if declaration.get("constant") or declaration.get("mutability") in ("constant", "immutable"):
            recording, self.recording = self.recording, False
            self.state_values[declaration["id"]] = Value()  # a self-reference reads nothing
            value = self.expr(declaration.get("value"), {})
            self.recording = recording
            if value.target and value.label and value.label != name:  # a wallet constant, an immutable's key
                value = Value(value.target, f"{name} ({value.label})", value.taint)
            else:
                value = Value(value.target, name, value.taint)
        else:
            value = Value(taint=((f"storage:{name}", f"the PauseProxy's storage ({name})"),))
        self.state_values[declaration["id"]] = value
        return value

    def _MemberAccess(self, node: dict, env: dict[int, Value]) -> Value:
        base, member = node.get("expression") or {}, node.get("memberName", "")
        if base.get("nodeType") == "Identifier" and member in ENVIRONMENT.get(base.get("name", ""), ()):
            source = f"{base['name']}.{member}"
            return Value(taint=((source, source),))
        if member in ACCOUNT_MEMBERS and _type(base).startswith("address"):
            owner = self.expr(base, env)
            who = owner.label or "an account"
            return owner.only_taint().tainted(extra=((f"{owner.target or who}.{member}", f"{who}.{member}"),))
        ref = node.get("referencedDeclaration")
        declaration = self.nodes.get(ref) if isinstance(ref, int) else None
        if declaration and declaration.get("nodeType") == "VariableDeclaration" and declaration.get("stateVariable"):
            return self.state_value(declaration)
        owner = self.expr(base, env)
        member_value = owner.field(member)
        return member_value.tainted(owner.only_taint()) if member_value is not None else owner.only_taint()

    def _Assignment(self, node: dict, env: dict[int, Value]) -> Value:
        value = self.expr(node["rightHandSide"], env)
        lhs = node["leftHandSide"]
        ref = lhs.get("referencedDeclaration") if lhs.get("nodeType") == "Identifier" else None
        if ref is not None and not self.nodes.get(ref, {}).get("stateVariable"):  # a local variable or parameter
            old = env.get(ref, Value())
            env[ref] = value if node.get("operator") == "=" else old.tainted(value)
            return value
        struct = lhs.get("expression") or {}
        struct_ref = struct.get("referencedDeclaration") if struct.get("nodeType") == "Identifier" else None
        if lhs.get("nodeType") == "MemberAccess" and struct_ref in env:  # `p.vest = X` on a local struct
            old = env[struct_ref].field(lhs.get("memberName", "")) or Value()
            new = value if node.get("operator") == "=" else old.tainted(value)
            env[struct_ref] = env[struct_ref].with_field(lhs.get("memberName", ""), new)
            return value
        self.expr(lhs, env)
        return value

    def _UnaryOperation(self, node: dict, env: dict[int, Value]) -> Value:
        return self.expr(node["subExpression"], env).only_taint()

    def _BinaryOperation(self, node: dict, env: dict[int, Value]) -> Value:
        left = self.expr(node["leftExpression"], env)
        if node.get("operator") in ("&&", "||") and _has_call(node["rightExpression"]):
            with self.branch(node, node["operator"], left, node["leftExpression"]):
                right = self.expr(node["rightExpression"], env)
        else:
            right = self.expr(node["rightExpression"], env)
        return left.only_taint().tainted(right)

    def _Conditional(self, node: dict, env: dict[int, Value]) -> Value:
        cond = self.expr(node["condition"], env)
        with self.branch(node, "ternary", cond, node["condition"]):
            yes, no = self.expr(node["trueExpression"], env), self.expr(node["falseExpression"], env)
        if yes.target == no.target:
            return yes.tainted(no, cond)
        return Value("", f"{yes.label or '?'} or {no.label or '?'}").tainted(yes, no, cond)

    def _TupleExpression(self, node: dict, env: dict[int, Value]) -> Value:
        parts = [self.expr(c, env) for c in node.get("components") or [] if c]
        if len(parts) == 1:
            return parts[0]
        return _union(parts)

    # -- calls -------------------------------------------------------------------------------------------
    def _FunctionCall(self, node: dict, env: dict[int, Value]) -> Value:
        callee = node["expression"]
        if callee.get("nodeType") == "FunctionCallOptions":
            callee = callee["expression"]
        args = node.get("arguments") or []
        if node.get("kind") == "typeConversion":
            return self.expr(args[0], env) if len(args) == 1 else _union(self.expr(a, env) for a in args)
        if node.get("kind") == "structConstructorCall":
            return self.struct(node, args, env)
        if callee.get("nodeType") == "NewExpression" and _type_id(callee).startswith("t_function_creation"):
            self.problem(node, f"creates a contract (`{self.text(node)}`): a spell creates no contract")
            return _union(self.expr(a, env) for a in args)
        typeid = _type_id(callee)
        if callee.get("nodeType") == "Identifier":
            return self.builtin_or_internal(node, callee, args, env)
        if callee.get("nodeType") != "MemberAccess":
            self.problem(node, f"calls a function chosen at run time (`{self.text(node)}`): the analysis cannot "
                               "tell which", budget=False)
            return _union(self.expr(a, env) for a in [callee, *args])
        base, member = callee.get("expression") or {}, callee.get("memberName", "")
        if base.get("nodeType") == "Identifier" and base.get("name") == "DssExecLib":
            return self.exec_lib(node, member, [self.expr(a, env) for a in args], args)
        if typeid.startswith("t_function_external"):
            return self.external(node, callee, args, env)
        if typeid.startswith("t_function_internal"):
            return self.internal(node, callee, args, env)
        if typeid.startswith("t_function_delegatecall"):  # a public function of a library other than DssExecLib
            values = [self.expr(a, env) for a in args]
            self.call(node, Value("library:" + (base.get("name") or "?"), f"library {base.get('name') or '?'}"),
                      member, _selector(member, callee), values)
            return _union(values).only_taint()
        if typeid.startswith(("t_function_bare", "t_function_send", "t_function_transfer")):
            target = self.expr(base, env)
            self.problem(node, f"a low-level {member} to {target.label or 'an address'} (`{self.text(node)}`)",
                         budget=bool(target.target) and target.target in self.budget or not target.target)
            return _union([target, *(self.expr(a, env) for a in args)]).only_taint()
        return _union([self.expr(base, env).only_taint(), *(self.expr(a, env) for a in args)]).only_taint()

    def struct(self, node: dict, args: list, env: dict[int, Value]) -> Value:
        """A struct built from its members (`Params({vest: MCD_VEST_SKY, ...})` or positionally)."""
        values = [self.expr(a, env) for a in args]
        names = node.get("names") or []
        if not names:
            definition = self.nodes.get((node["expression"]).get("referencedDeclaration", -1)) or {}
            names = [m.get("name", "") for m in definition.get("members", [])]
        result = Value()
        for name, value in zip(names, values):
            result = result.with_field(name, value)
        return result

    def builtin_or_internal(self, node: dict, callee: dict, args: list, env: dict[int, Value]) -> Value:
        name = callee.get("name", "")
        declaration = self.nodes.get(callee.get("referencedDeclaration", -1))
        if declaration and declaration.get("nodeType") == "FunctionDefinition":
            return self.inline(node, declaration, args, env)
        values = [self.expr(a, env) for a in args]
        if declaration and declaration.get("nodeType") == "VariableDeclaration":
            self.problem(node, f"calls through the function variable {name} (`{self.text(node)}`): the analysis "
                               "cannot tell which function runs", budget=False)
        if name == "gasleft":
            return Value(taint=(("gasleft", "gasleft()"),))
        if name == "blockhash":
            return _union(values).only_taint().tainted(extra=(("blockhash", "blockhash()"),))
        if name in ("require", "assert") and values:
            with self.branch(node, name, values[0], args[0]):
                pass
            return Value()
        if name in ("selfdestruct", "suicide"):
            self.problem(node, f"self-destructs (`{self.text(node)}`)")
        if name in HASHES:
            return _union(values).only_taint()
        if 0 <= (callee.get("referencedDeclaration") or -1) < BUILTIN_IDS and not declaration:
            self.problem(node, f"calls {name}, whose code the analysis did not read", budget=False)
        return _union(values).only_taint()

    def internal(self, node: dict, callee: dict, args: list, env: dict[int, Value]) -> Value:
        declaration = self.nodes.get(callee.get("referencedDeclaration", -1))
        if declaration and declaration.get("nodeType") == "FunctionDefinition":
            return self.inline(node, declaration, args, env)
        values = [self.expr(a, env) for a in [callee.get("expression"), *args]]
        self.problem(node, f"calls {self.text(callee)}, internal code the analysis did not read (from the exec "
                           "base or a file not beside the spell)", budget=False)
        return _union(values).only_taint()

    def inline(self, node: dict, declaration: dict, args: list, env: dict[int, Value]) -> Value:
        values = [self.expr(a, env) for a in args]
        callee = node["expression"]
        explicit = callee.get("nodeType") == "MemberAccess"  # `super.f()`, `Base.f()`, `Lib.f()`: that one runs
        if not explicit and (declaration.get("virtual") or declaration.get("overrides")):  # the most derived one runs
            arity = len((declaration.get("parameters") or {}).get("parameters", []))
            declaration = self.dispatch.get((declaration.get("name", ""), arity), declaration)
        params = (declaration.get("parameters") or {}).get("parameters", [])
        if callee.get("nodeType") == "MemberAccess" and len(params) == len(values) + 1:  # `x.f(...)` with `using for`
            values = [self.expr(callee.get("expression"), env), *values]
        bindings = {p["id"]: v for p, v in zip(params, values)}
        return self.function(declaration, bindings)

    def external(self, node: dict, callee: dict, args: list, env: dict[int, Value]) -> Value:
        member = callee.get("memberName", "")
        target = self.expr(callee.get("expression"), env)
        values = [self.expr(a, env) for a in args]
        view = _type_id(callee).startswith(("t_function_external_view", "t_function_external_pure"))
        self.call(node, target, member, _selector(member, callee), values, view=view)
        # A call's result as a source: canonical `TARGET.function()` (the parentheses mark a chain read).
        result = Value().tainted(target, *values,
                                 extra=((f"{target.target or target.label}.{member}()", f"{target.label}.{member}()"),))
        if member == "getAddress" and args and args[0].get("nodeType") == "Literal" and args[0].get("kind") == "string":
            return self.key_value(args[0].get("value") or "", result)  # a ChainLog read by key
        return result

    def exec_lib(self, node: dict, member: str, values: list[Value], args: list) -> Value:
        taint = _union(values).only_taint()
        if member in self.getters and not values:
            return self.key_value(self.getters[member])
        if member in EXEC_LIB_READS:
            literal = args[0] if args else {}
            if literal.get("nodeType") == "Literal" and literal.get("kind") == "string":
                return self.key_value(literal.get("value") or "", taint)
            return Value("", "a ChainLog key computed by the action").tainted(taint)
        made = EXEC_LIB_CALLS.get(member)
        if made is None:
            self.call(node, Value("DssExecLib", "DssExecLib"), member, "", values)
            return taint
        for target, function in made:
            on = values[target] if isinstance(target, int) and target < len(values) else \
                self.key_value(str(target)) if isinstance(target, str) else Value()
            self.call(node, on, function, "", values, via=member)
        return taint

    def call(self, node: dict, target: Value, function: str, selector: str, values: list[Value], via: str = "",
             view: bool = False) -> None:
        if not self.recording:
            return
        key = (node["id"], target.target, target.label, function, via)
        if key in self.seen_calls:
            return
        self.seen_calls.add(key)
        label = target.label or "an address the analysis cannot resolve"
        self.scan.calls.append(CallSite(self.where(node), target.target, label, function, selector,
                                        self.text(node), via, tuple(self.guards), view))


class _Guard:
    """Record a branch when its condition depends on anything, and mark the code under it."""

    def __init__(self, scanner: Scanner, node: dict, form: str, cond: Value, shown: dict):
        self.scanner, self.node, self.form, self.cond, self.shown = scanner, node, form, cond, shown

    def __enter__(self) -> None:
        if self.cond.taint:
            self.scanner.record_branch(self.node, self.form, self.cond, self.shown)
            self.scanner.guards.append(self.node["id"])

    def __exit__(self, *exc: Any) -> None:
        if self.cond.taint:
            self.scanner.guards.pop()


def _walk(node: Any) -> Iterator[dict]:
    if isinstance(node, dict):
        yield node
        for value in node.values():
            if isinstance(value, (dict, list)):
                yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def _children(node: dict) -> Iterator[dict]:
    for key, value in node.items():
        if key in ("typeDescriptions", "typeName", "argumentTypes"):
            continue
        if isinstance(value, dict) and "nodeType" in value:
            yield value
        elif isinstance(value, list):
            yield from (v for v in value if isinstance(v, dict) and "nodeType" in v)


def _has_call(node: dict) -> bool:
    return any(n.get("nodeType") == "FunctionCall" and n.get("kind") == "functionCall" for n in _walk(node))


def _union(values) -> Value:
    return Value().tainted(*list(values))


def _type(node: dict) -> str:
    return (node.get("typeDescriptions") or {}).get("typeString") or ""


def _type_id(node: dict) -> str:
    return (node.get("typeDescriptions") or {}).get("typeIdentifier") or ""


def _selector(member: str, callee: dict) -> str:
    """The 4-byte selector from the function type solc gives the callee (`function (address,uint256) external`)."""
    match = re.match(r"function \((.*?)\)( |$)", _type(callee))
    if not match:
        return ""
    params = []
    for raw in filter(None, (p.strip() for p in _split(match.group(1)))):
        raw = re.sub(r" (memory|calldata|storage)( pointer| ref)?$", "", raw)
        if raw.startswith(("contract ", "address")):
            raw = "address"
        elif raw.startswith("enum "):
            raw = "uint8"
        elif raw.startswith("struct "):
            return ""
        params.append(raw)
    return "0x" + keccak256(f"{member}({','.join(params)})".encode())[:4].hex()


def _split(text: str) -> list[str]:
    out, depth, current = [], 0, ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "," and depth == 0:
            out.append(current)
            current = ""
        else:
            current += ch
    return out + [current]


def scan_code(compiled: CompiledSpell, source: str, day: str) -> CodeScan:
    """The call sites, environment-dependent branches and problems of the compiled spell's action."""
    texts = {SPELL_FILE: source, **compiled.texts}
    return Scanner(compiled.asts, texts, day).run()


# --- judging ----------------------------------------------------------------------------------------------

@dataclass
class Allowed:
    calls: set[tuple[str, str]]
    branches: list[tuple[str, frozenset[str], str]]  # (form, canonical sources, text)


def allowed_by(spell: Any, day: str) -> Allowed:
    """What the spell's YAML actions allow, from their kinds' EFFECTS with VEST and TOKEN bound."""
    chainlog = {k: v.lower() for k, v in chainlog_at(day).items()}
    # A vest the spell onboards: its key names the new contract (the spell calls it by its address
    # constant), and a legacy key the contract the key named before.
    for key, (address, legacy) in spell.onboarded().items():
        if legacy and key in chainlog:
            chainlog[legacy] = chainlog[key]
        chainlog[key] = address.lower()
    for action in spell.actions:  # other contracts it registers (a farm init's), named by address constant
        chainlog.update({key: address.lower() for key, address in action.registers().items()})
    # A token deployed before its key was registered: the spell names it by its address constant.
    for symbol, address in unregistered_tokens(day).items():
        chainlog.setdefault(token_key_at(symbol, day), address.lower())

    def canonical(name: str, names: dict[str, str]) -> str:
        if name == "DssExecLib":
            return name
        key = token_key_at(names.get(name, name), day)
        return chainlog.get(key, key)

    calls: set[tuple[str, str]] = set()
    branches: list[tuple[str, frozenset[str], str]] = []
    for action in spell.actions:
        names = action.effect_names(day)
        effects = type(action).EFFECTS
        calls |= {(canonical(contract, names), function) for contract, function in effects.calls}
        for b in effects.branches:
            if not isinstance(b, Branch):  # a declaration in words allows nothing
                continue
            on = frozenset(f"{canonical(s.rsplit('.', 1)[0], names)}.{s.rsplit('.', 1)[1]}()"
                           if s.split(".")[0] not in ENVIRONMENT else s for s in b.on)
            branches.append((b.form, on, b.text))
    # A section's condition on an earlier spell (`if (!Doable(PREV_SPELL).done())`), stated in the YAML.
    for address in spell.earlier_spells():
        branches.append(("if", frozenset({f"{address.lower()}.done()"}), "a condition on an earlier spell"))
    return Allowed(calls, branches)


def budget_targets(day: str) -> set[str]:
    """The budget's own contracts (--budget-only judges calls to these): the vests, the vests' and the
    payments' tokens, and the PauseProxy itself."""
    chainlog = {k: v.lower() for k, v in chainlog_at(day).items()}
    keys = {k for k in chainlog if k.startswith("MCD_VEST_")} | {v.key for v in VESTS.values()}
    keys |= {token_key_at(symbol, day) for symbol in {v.token for v in VESTS.values()} | {"MKR", "SKY", "DAI", "USDS"}}
    for symbol, address in unregistered_tokens(day).items():  # named by address before its key
        chainlog.setdefault(token_key_at(symbol, day), address.lower())
    return {chainlog.get(k, k) for k in keys} | {"this"}


def judge(scan: CodeScan, spell: Any, budget_only: bool = False) -> list:
    """verify's results of the code analysis (see the module docstring)."""
    from spellgen.verify.compare import Result

    day = spell.date
    if not scan.found:
        return [Result("code: the action's call sites and branches are read", "spell", False, "no AST",
                       f"the source defines no {ACTION} whose code the analysis could read")]
    allowed = allowed_by(spell, day)
    budget = budget_targets(day) if budget_only else set()
    reads = [c for c in scan.calls if c.view]  # judged by the branches that use what they return
    judged_calls = [c for c in scan.calls if not c.view and (not budget_only or c.target in budget or not c.target)]
    listed_calls = [c for c in scan.calls if c not in judged_calls and not c.view]
    bad_calls = [c for c in judged_calls if (c.target, c.function) not in allowed.calls]
    guarding = {g for c in judged_calls for g in c.guards}

    def declared(b: BranchSite) -> bool:
        # Each thing the condition reads, by some declaration of its form: a helper met for two vests
        # (`_owed`) reads each vest's count, each declared by its own action.
        return all(any(form == b.form and source in on for form, on, _ in allowed.branches) for source, _ in b.sources
                   if b.form not in ("require", "assert") or not source.endswith("()"))
    judged_branches = [b for b in scan.branches if not budget_only or b.node in guarding]
    problems = [p for p in scan.problems if not budget_only or p not in scan.outside_budget]
    # The ETH transfers the YAML declares (`proxy_transfer` of `token: ether`): that many low-level calls.
    value_calls = sum(action.value_calls() for action in spell.actions)
    for found in [p for p in problems if ": a low-level call to " in p and "value:" in p][:value_calls]:
        problems.remove(found)
    listed_branches = [b for b in scan.branches if b not in judged_branches]
    bad_branches = [b for b in judged_branches if not declared(b)]
    scope = " to the budget's contracts (--budget-only)" if budget_only else ""
    results = [
        Result(f"code: every call site of the action{scope} is one a YAML action implies", "spell", not bad_calls,
               f"{len(judged_calls)} call site(s) read from the source, whether or not a cast reached them: "
               + "; ".join(f"{c.where}: {c.label}.{c.function}" for c in judged_calls)
               + (f"; and {len(reads)} read(s) (view calls, which cannot change state): "
                  + "; ".join(f"{c.where}: {c.label}.{c.function}" for c in reads) if reads else ""),
               "; ".join(f"{c.describe()} not implied by any YAML action" for c in bad_calls)),
        Result(f"code: no branch on the environment or a chain read{' around a budget call' if budget_only else ''} "
               "that no YAML action declares", "spell", not bad_branches,
               f"{len(judged_branches)} such branch(es): " + "; ".join(b.describe() for b in judged_branches)
               if judged_branches else "none",
               "; ".join(f"{b.describe()}, which no action kind declares" + _guarded(b, scan) for b in bad_branches)),
        Result("code: no inline assembly, contract creation, self-destruct, low-level call or unread code in the "
               "action" + (" that may touch the budget's contracts (--budget-only)" if budget_only else ""), "spell",
               not problems, "none" if not problems else f"{len(problems)} found",
               "; ".join(problems)),
    ]
    if budget_only:
        listed = [p for p in scan.problems if p not in problems]
        results.append(Result(f"outside the budget (--budget-only, for the reviewer): {len(listed_calls)} other call "
                              f"site(s), {len(listed_branches)} other branch(es), {len(listed)} other finding(s) in "
                              "the action's code", "spell", True,
                              "; ".join([c.describe() for c in listed_calls] + [b.describe() for b in listed_branches]
                                        + listed) or "none"))
    return results


def _guarded(branch: BranchSite, scan: CodeScan) -> str:
    under = [f"{c.label}.{c.function}" for c in scan.calls if branch.node in c.guards]
    return f" (it guards {', '.join(under)})" if under else ""


def code_results(compiled: CompiledSpell, source: str, spell: Any, budget_only: bool = False) -> list:
    """The code analysis of a compiled spell as verify's results. An AST it does not understand is a
    failed result naming why, not a crash and not a pass (fail closed)."""
    from spellgen.verify.compare import Result

    try:
        scan = scan_code(compiled, source, spell.date)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError) as exc:
        return [Result("code: the action's call sites and branches are read", "spell", False, "no analysis",
                       f"the code analysis could not read solc's AST ({type(exc).__name__}: {exc}); nothing it "
                       "would judge is proven")]
    return judge(scan, spell, budget_only)
