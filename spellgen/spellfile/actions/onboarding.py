"""`vest_onboarding`: a DssVest the spell registers itself, then uses under its key in the same spell.

The spell names the new contract by an address constant (`address internal constant MCD_VEST_USDS =
0x...;`), lets a suckable vest suck from the Vat (`DssExecLib.authorize(DssExecLib.vat(), VEST)`) and a
mintable MKR vest mint MKR through MKR's authority (the 2021-09-03 spell's
`DssExecLib.authorize(DssExecLib.getChangelogAddress("GOV_GUARD"), MCD_VEST_MKR)`), registers it
(`DssExecLib.setChangelogAddress`) and bumps the ChainLog's version; the 2022-04-29 form moves the
contract the key named before to another key (`legacy: MCD_VEST_DAI_LEGACY`). The cap, streams and
allowances are the other kinds' actions under the same key.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Callable, ClassVar

from spellgen.spellfile import history
from spellgen.spellfile import solidity as sol
from spellgen.spellfile.actions import common
from spellgen.spellfile.actions.base import (
    Action, Block, BrownieContext, Check, CheckContext, DocClaim, Effects, EventView, Flow, Party, SolidityContext,
    SolidityExtras, StateEffect, StateView, SummaryRow, TokenEvents,
)
from spellgen.spellfile.actions.fields import ADDRESS, VEST
from spellgen.spellfile.address import AddressError, parse_address
from spellgen.spellfile.protocol import VESTS, VestKind
from spellgen.spellfile.style import ONBOARDING_NOTES_FROM

if TYPE_CHECKING:
    from spellgen.spellfile.expect import Expected, Item
    from spellgen.spellfile.model import Spell

VERSION = re.compile(r"^\d{1,3}\.\d{1,3}\.\d{1,3}$")
# MKR's ds-auth authority by its chainlog keys: GOV_GUARD until 2025-05-15, MKR_GUARD from then.
MKR_GUARD_KEYS = ("GOV_GUARD", "MKR_GUARD")
KINDS_OF_VEST = [k.value for k in VestKind]


def key_word(key: str) -> int:
    """A chainlog key as the bytes32 word the ChainLog stores."""
    return int.from_bytes(key.encode().ljust(32, b"\0"), "big")


def short_string_word(text: str) -> int:
    """A Solidity `string` of under 32 bytes as its one storage word: the bytes, then length * 2."""
    raw = text.encode()
    return int.from_bytes(raw.ljust(31, b"\0") + bytes([len(raw) * 2]), "big")


@dataclass
class VestOnboarding(Action):
    vest: str  # the key the spell registers the contract under
    address: str
    token: str
    vest_kind: str  # "suckable", "mintable" or "transferrable"
    legacy: str | None = None  # the key the contract `vest` named before moves to
    version: str | None = None  # the ChainLog's version after the spell

    KIND: ClassVar[str] = "vest_onboarding"
    LABEL: ClassVar[str] = "vest onboarding"
    FIELDS: ClassVar[dict[str, bool]] = {"type": True, "vest": True, "address": True, "token": True, "kind": True,
                                         "legacy": False, "version": False}
    README: ClassVar[str] = "`vest_onboarding`"
    # The version bump's comment, not each registration's: real spells write one comment block over several
    # registrations (the key and address of each, the 2025-06-26 farms), which a block-per-call reading
    # would misjudge; verify reads each key and the version on chain.
    COMMENTED_CALLS: ClassVar[tuple[str, ...]] = ("setChangelogVersion",)
    CHECK_RANK: ClassVar[int] = 10
    EXPLAIN_RANK: ClassVar[int] = 8
    EFFECTS: ClassVar[Effects] = Effects(
        calls=(("DssExecLib", "authorize"), ("DssExecLib", "vat"), ("MCD_VAT", "rely"),
               ("DssExecLib", "getChangelogAddress"), ("GOV_GUARD", "rely"),
               ("DssExecLib", "setChangelogAddress"), ("CHANGELOG", "setAddress"),
               ("DssExecLib", "setChangelogVersion"), ("CHANGELOG", "setVersion")),
        reads=("CHANGELOG.getAddress(key) for `legacy`",
               "CHANGELOG.getAddress(GOV_GUARD) for a mintable MKR vest"),
        branches=(),
        state=(("MCD_VAT", "wards[VEST]"), ("GOV_GUARD", "wards[VEST]"), ("CHANGELOG", "location[key]"),
               ("CHANGELOG", "keys"), ("CHANGELOG", "version")),
        events=(("MCD_VAT", "LogNote rely(VEST)"), ("CHANGELOG", "UpdateAddress(key, VEST)"),
                ("CHANGELOG", "UpdateVersion(version)")),
        # A suckable vest's Vat rely (or a mintable MKR vest's rely on MKR's authority) comes first, a legacy
        # key's move after the key, the version bump (in the spell's last onboarding) last: each form of the
        # default (suckable, no legacy, the bump) is a variant.
        variants=tuple((form, tuple(event for cond, event in (
            ("suckable", ("MCD_VAT", "LogNote rely(VEST)")), ("mintable", ("MKR_AUTHORITY", "LogRely(VEST)")),
            ("", ("CHANGELOG", "UpdateAddress(key, VEST)")), ("legacy", ("CHANGELOG", "UpdateAddress(legacy, old)")),
            ("bump", ("CHANGELOG", "UpdateVersion(version)")))
            if not cond or cond in form.split(", ")))
            for form in ("suckable", "suckable, legacy", "suckable, legacy, bump", "mintable", "mintable, legacy",
                         "mintable, bump", "mintable, legacy, bump", "legacy", "legacy, bump", "bump", "none")),
        used_by=("checks, run by verify/compare.py: the key (and legacy key), the Vat ward or MKR authority "
                 "ward, and the version after",
                 "state_effects, applied by verify/statediff.py: the ChainLog's, the Vat's and MKR's authority's "
                 "storage changes",
                 "token_events, counted by verify/compare.py: the Vat's rely note"))

    @property
    def suckable(self) -> bool:
        return self.vest_kind == VestKind.SUCKABLE.value

    @property
    def mints_mkr(self) -> bool:
        """A mintable MKR vest: its awards mint MKR, which MKR's authority allows its wards."""
        return self.vest_kind == VestKind.MINTABLE.value and self.token == "MKR"
    def event_form(self, spell: Spell, before: Any, cast_time: int) -> str:
        """The forms are named by what they add to the key's UpdateAddress (the default: "suckable, bump")."""
        onboardings = [a for a in spell.actions if isinstance(a, VestOnboarding)]
        bumps = onboardings[-1] is self and any(a.version for a in onboardings)
        form = ", ".join(part for part, on in (("suckable", self.suckable), ("mintable", self.mints_mkr),
                                               ("legacy", bool(self.legacy)), ("bump", bumps)) if on) or "none"
        return "" if form == "suckable, bump" else form

    @classmethod
    def schema(cls, comment: dict) -> tuple[str, dict]:
        return ("Onboard a deployed DssVest: register it under `vest` (and bump the ChainLog's version); a "
                "suckable vest may suck from the Vat. Later actions of the spell use it under that key."), {
            "vest": {**VEST, "description": "The chainlog key the spell registers the contract under."},
            "address": {**ADDRESS, "description": "The deployed contract (the spell names it by this constant)."},
            "token": {"type": "string", "description": "What it pays: DAI, USDS, MKR, SKY or SPK."},
            "kind": {"enum": KINDS_OF_VEST, "description": "How it pays: suckable (out of the surplus buffer), "
                                                           "mintable or transferrable (from the treasury)."},
            "legacy": {**VEST, "description": "When `vest` names another contract before the spell: the key "
                                              "that contract moves to (MCD_VEST_DAI_LEGACY)."},
            "version": {"type": "string", "pattern": r"^\d+\.\d+\.\d+$",
                        "description": "The ChainLog's version after the spell (stated once per spell)."}}

    @classmethod
    def parse(cls, p, node) -> VestOnboarding | None:
        e = node.entries
        vest = p.vest(e["vest"], "the vest key")
        text = p.r.scalar(e["address"], "the vest's address")
        address = None
        if text is not None:
            try:
                address = parse_address(text.strip())
            except AddressError as exc:
                p.r.error(e["address"].loc, f"the vest's address: {exc}")
        token = p.r.choice(e["token"], "the vest's token", sorted({v.token for v in VESTS.values()}))
        kind = p.r.choice(e["kind"], "the vest's kind", KINDS_OF_VEST)
        legacy = p.vest(e["legacy"], "the legacy key") if "legacy" in e else None
        version = None
        if "version" in e:
            version = p.r.scalar(e["version"], "the chainlog version")
            if version is not None and not VERSION.match(version.strip()):
                p.r.error(e["version"].loc, f"the chainlog version must be MAJOR.MINOR.PATCH (1.19.5), got {version!r}")
                return None
        if vest is None or address is None or token is None or kind is None or ("legacy" in e and legacy is None) \
                or ("version" in e and version is None):
            return None
        return cls(vest, address, token, kind, legacy, version.strip() if version else None)

    # -- checks ---------------------------------------------------------------------------------
    def check(self, ctx: CheckContext) -> None:
        day, diags = ctx.spell.date, ctx.diags
        fact = history.vest_deployment(self.address)
        known = VESTS[self.vest]
        if known.token != self.token or known.kind.value != self.vest_kind:
            diags.error(self.loc("kind"), f"{self.vest} is a {known.kind.value} {known.token} vest, not a "
                                          f"{self.vest_kind} {self.token} one")
            return
        if fact is None:
            diags.error(self.loc("address"), f"{self.address} is no DssVest spellgen knows was deployed (the vests "
                                             "of spellgen/spellfile/data/vest_deployments.tsv)")
            return
        if fact.key != self.vest and history.registered_by_spell_of(self.vest, day) is None:
            diags.error(self.loc("address"), f"{self.address} is today's {fact.key}, not {self.vest}")
        if fact.kind != self.vest_kind or fact.token != self.token:
            diags.error(self.loc("kind"), f"{self.address} is a {fact.kind} {fact.token} vest, not a "
                                          f"{self.vest_kind} {self.token} one")
        if not fact.deployed_for(day):
            diags.error(self.loc("address"), f"{self.address} was deployed by {fact.deployed_by} ({fact.source}); "
                                             f"a {day} spell cannot onboard it yet")
        if self.vest_kind == VestKind.MINTABLE.value and not self.mints_mkr:
            diags.error(self.loc("kind"), f"a mintable {self.token} vest needs the right to mint {self.token} "
                                          f"({self.token}'s wards), which spellgen cannot state yet")
            return
        token_key = history.token_key_at(self.token, day)
        if token_key not in history.chainlog_at(day) and self.token not in history.unregistered_tokens(day):
            token_fact = history.token_deployment(self.token)
            deployment = (f"{self.token} was deployed by {token_fact.deployed_by} ({token_fact.source})" if token_fact
                          else f"spellgen knows no deployment of {self.token} before its key")
            diags.error(self.loc("token"), f"a {day} spell finds no {self.token}: the chainlog names no {token_key} "
                                           f"at {day}, and {deployment}")
        if self.mints_mkr and guard_key(day) is None:
            diags.error(self.loc("kind"), f"a mintable MKR vest mints through MKR's authority, which no chainlog key "
                                          f"of {day} names ({' or '.join(MKR_GUARD_KEYS)})")
        self._check_keys(ctx)

    def _check_keys(self, ctx: CheckContext) -> None:
        day, diags = ctx.spell.date, ctx.diags
        registered = history.chainlog_at(day)
        before = registered.get(self.vest)
        if before is not None and before.lower() == self.address.lower():
            diags.error(self.loc("vest"), f"{self.vest} already names {self.address} at {day}; nothing to onboard")
        elif before is not None and self.legacy is None:
            diags.error(self.loc("vest"), f"{self.vest} names {history.contract_name(before)} before this spell; "
                                          "say where that contract moves with `legacy: KEY` (the 2022-04-29 spell "
                                          "moved it to MCD_VEST_DAI_LEGACY)")
        elif before is None and self.legacy is not None:
            diags.error(self.loc("legacy"), f"{self.vest} names nothing at {day}: there is no contract to move to "
                                            f"{self.legacy}")
        if self.legacy is not None:
            if self.legacy == self.vest:
                diags.error(self.loc("legacy"), "the legacy key must differ from the vest's key")
            elif self.legacy in registered:
                diags.error(self.loc("legacy"), f"{self.legacy} already names {registered[self.legacy]} at {day}")
            elif before is not None and (fact := history.vest_deployment(before)) and fact.key != self.legacy:
                diags.error(self.loc("legacy"), f"{history.contract_name(before)} is today's {fact.key}; name it "
                                                f"{fact.key} so every table spellgen keeps agrees")

    @classmethod
    def check_kind(cls, actions: list, ctx: CheckContext) -> None:
        """One onboarding per key; the version stated once (a spell bumps it once) and later than the
        date's. Other actions may name the key before its onboarding: the spell names the contract by its
        address constant (the 2025-01-23 spell approved the SKY vest before registering it)."""
        if not actions:
            return
        seen: set[str] = set()
        for a in actions:
            for key in [k for k in (a.vest, a.legacy) if k is not None]:
                if key in seen:
                    ctx.diags.error(a.loc("vest"), f"{key} is registered twice in this spell")
                seen.add(key)
        versions = [a for a in actions if a.version]
        if not versions:
            ctx.diags.error(actions[0].loc(), "a spell that adds chainlog keys bumps the ChainLog's version: state "
                                              "`version:` (e.g. 1.19.5) on one vest_onboarding action")
        for a in versions[1:]:
            ctx.diags.error(a.loc("version"), f"the chainlog version is stated twice (line {versions[0].loc().line})")
        if versions:
            cls._check_version(versions[0], ctx)

    @staticmethod
    def _check_version(action: VestOnboarding, ctx: CheckContext) -> None:
        assert action.version is not None
        current = history.chainlog_version_at(ctx.spell.date)
        if current and history.version_tuple(action.version) <= history.version_tuple(current):
            ctx.diags.error(action.loc("version"), f"the ChainLog's version is {current} when a {ctx.spell.date} "
                                                   f"spell is cast; {action.version} is not a bump")

    def onboards(self) -> tuple[str, str, str | None]:
        return self.vest, self.address, self.legacy

    # -- Solidity -------------------------------------------------------------------------------
    def solidity(self, ctx: SolidityContext) -> Block:
        noun = f"{self.token} vest"
        steps: list[tuple[str, str]] = []  # (what the line does, the line)
        if self.suckable:
            steps.append((f"Authorize new {noun} ({self.address}) to access the surplus buffer (MCD_VAT)",
                          f"DssExecLib.authorize(DssExecLib.vat(), {self.vest});"))
        guard = guard_key(ctx.spell.date) if self.mints_mkr else None
        if guard:
            steps.append((f"Authorize new {noun} ({self.address}) to mint MKR ({guard})",
                          f'DssExecLib.authorize(DssExecLib.getChangelogAddress("{guard}"), {self.vest});'))
        steps.append((f"Add new {noun} ({self.address}) to chainlog under {self.vest}",
                      f'DssExecLib.setChangelogAddress("{self.vest}", {self.vest});'))
        if self.legacy:
            steps.append((f"Move the previous {noun} to {self.legacy}",
                          f'DssExecLib.setChangelogAddress("{self.legacy}", {self.legacy});'))
        onboardings = [a for a in ctx.spell.actions if isinstance(a, VestOnboarding)]
        version = next((a.version for a in onboardings if a.version), None)
        bumps = onboardings[-1] is self and version is not None
        if bumps:
            steps.append((f"Note: Bump chainlog {self._bump(ctx.spell.date, str(version))} version as new keys "
                          "are being added", f'DssExecLib.setChangelogVersion("{version}");'))
        if ctx.spell.date >= ONBOARDING_NOTES_FROM:  # a comment above each statement
            code = [steps[0][1]]
            for what, line in steps[1:]:
                code += ["", f"// {sol.comment(what)}", line]
            return Block([sol.comment(steps[0][0])], code)
        # Earlier spells wrote one comment above the whole setup.
        what = "Replace vesting in the chainlog" if self.legacy else f"Set up the new {noun} {self.vest}"
        return Block([sol.comment(what + (" and bump version" if bumps else ""))], [line for _, line in steps])

    @staticmethod
    def _bump(day: str, version: str) -> str:
        current = history.chainlog_version_at(day)
        if not current:
            return "patch"
        old, new = history.version_tuple(current), history.version_tuple(version)
        return "major" if new[0] != old[0] else "minor" if new[1] != old[1] else "patch"

    @classmethod
    def extras(cls, actions: list, ctx: SolidityContext) -> SolidityExtras:
        out = SolidityExtras()
        for a in actions:
            out.constants.append(("address", a.vest, a.address))
            if a.legacy:  # the contract the key names until this spell, read when the spell is deployed
                out.values.append(("address", a.legacy, f'DssExecLib.getChangelogAddress("{a.vest}")'))
        return out

    # -- what the chain must show ----------------------------------------------------------------
    def expect(self, spell: Spell, out: Expected) -> None:
        from spellgen.spellfile.expect import Item, Onboarded

        version = next((a.version for a in spell.actions if isinstance(a, VestOnboarding) and a.version), None)
        last = [a for a in spell.actions if isinstance(a, VestOnboarding)][-1] is self
        label = f"vest onboarding: {self.vest} is {self.address}"
        if self.legacy:
            label += f", the contract it named before moved to {self.legacy}"
        out.onboarded.append(Onboarded(Item(label, self.path), self.vest, self.address, self.legacy, self.suckable,
                                       version if last else None, mints=self.mints_mkr))

    @classmethod
    def checks(cls, e: Expected, o: Any) -> list[Check]:
        """Each registration of this kind (a farm init judges its own with `judge`)."""
        out = []
        for ob in getattr(e, "onboarded", []):
            if ob.by == cls.KIND:
                out += cls.judge(ob, o)
        return out

    @classmethod
    def judge(cls, ob: Any, o: Any) -> list[Check]:
        """A registration: the key (and legacy key) after the cast, the Vat ward, the version."""
        out = []
        before, after = o.before.registry, o.after.registry
        problems = common.compare([(ob.key, ob.address.lower(), (after.get(ob.key) or "missing").lower())])
        evidence = f"ChainLog.getAddress({ob.key}): {before.get(ob.key) or 'missing'} -> {after.get(ob.key)}"
        if ob.legacy:
            old = before.get(ob.key)
            got = after.get(ob.legacy)
            evidence += f"; {ob.legacy}: {before.get(ob.legacy) or 'missing'} -> {got or 'missing'}"
            if old is None or (got or "").lower() != old.lower():
                problems.append(f"{ob.legacy}: expected the contract {ob.key} named before ({old}), "
                                f"observed {got or 'missing'}")
        out.append(common.ok(ob.item.label, ob.item.path, evidence, problems))
        if ob.rely:
            ward = o.after.vat_wards.get(ob.address.lower(), 0)
            out.append(common.ok(f"vest onboarding: {ob.key} may suck from the Vat", ob.item.path,
                                 f"MCD_VAT.wards({ob.address}): {o.before.vat_wards.get(ob.address.lower(), 0)} "
                                 f"-> {ward}", common.compare([("wards", 1, ward)])))
        if ob.mints:
            out.append(cls._mint_check(ob, o))
        if ob.version:
            old, new = o.before.chainlog_version, o.after.chainlog_version
            problems = common.compare([("version", ob.version, new)])
            if VERSION.match(old or "") and history.version_tuple(ob.version) <= history.version_tuple(old):
                problems.append(f"{ob.version} is not above the version before the cast, {old}")
            out.append(common.ok(f"vest onboarding: the ChainLog's version bumped to {ob.version}", ob.item.path,
                                 f"ChainLog.version(): {old!r} -> {new!r}", problems))
        return out

    @staticmethod
    def _mint_check(ob: Any, o: Any) -> Check:
        """The vest may mint MKR: a ward of MKR's authority (MCD_GOV.authority(), read on chain) after the
        cast, and not before it (the spell gave the right)."""
        before, after = o.before.mint_wards.get(ob.address.lower(), 0), o.after.mint_wards.get(ob.address.lower(), 0)
        problems = common.compare([("wards", 1, after)])
        if before:
            problems.append(f"{ob.key} was a ward of MKR's authority before the cast: the spell gave it nothing")
        return common.ok(f"vest onboarding: {ob.key} may mint MKR (a ward of MKR's authority, GOV_GUARD)",
                         ob.item.path, f"MKR authority {o.mkr_authority or '(unread)'}.wards({ob.address}): "
                                       f"{before} -> {after}", problems)

    @classmethod
    def state_effects(cls, e: Expected, view: StateView) -> list[StateEffect]:
        effects = []
        added = 0
        for ob in getattr(e, "onboarded", []):
            label = ob.item.label
            new_keys = [(ob.legacy, view.addresses.get(ob.legacy, ""))] if ob.legacy else [(ob.key, ob.address)]
            if ob.legacy:  # the key is listed: only its address changes
                effects.append(StateEffect("CHANGELOG", "location", (key_word(ob.key),), value=int(ob.address, 16),
                                           label=label, offset=1))
            for key, address in new_keys:
                # The key's place is the ChainLog's length before the cast: it differs when the cast is made
                # again with more keys (verify's recasts), so those entries are compared by value, not by slot.
                position = view.chainlog_count + added
                added += 1
                effects += [
                    StateEffect("CHANGELOG", "location", (key_word(key),), value=position, label=label,
                                time_dependent=True),
                    StateEffect("CHANGELOG", "location", (key_word(key),), value=int(address or "0x0", 16),
                                label=label, offset=1),
                    StateEffect("CHANGELOG", "keys", (), value=key_word(key), label=label, element=position,
                                time_dependent=True)]
            if ob.rely:
                effects.append(StateEffect("MCD_VAT", "wards", (ob.address,), value=1, label=label))
            if ob.mints:
                effects.append(StateEffect("MKR_AUTHORITY", "wards", (ob.address,), value=1, label=label))
            if ob.version:
                effects.append(StateEffect("CHANGELOG", "version", (), value=short_string_word(ob.version),
                                           label=f"the ChainLog's version {ob.version}"))
        if added:
            effects.append(StateEffect("CHANGELOG", "keys", (), value=view.chainlog_count + added,
                                       label="the ChainLog's length with the keys the spell registers",
                                       time_dependent=True))
        return effects

    @classmethod
    def token_events(cls, e: Expected, view: EventView) -> TokenEvents:
        vat = view.address_of("MCD_VAT")
        return TokenEvents(relies=tuple((vat, ob.address.lower()) for ob in getattr(e, "onboarded", []) if ob.rely))

    # -- reports ----------------------------------------------------------------------------------
    def summary_row(self, spell: Spell) -> SummaryRow:
        what = f"onboard {self.vest}" + (f" ({self.legacy} keeps the previous one)" if self.legacy else "")
        return SummaryRow(what, self.vest, self.address, self.token)

    def diff_fields(self, spell: Spell) -> dict[str, str]:
        return {"vest": self.vest, "address": self.address, "token": self.token, "kind": self.vest_kind,
                "legacy": self.legacy or "none", "version": self.version or "none"}

    def identity(self) -> tuple:
        return (self.LABEL, self.vest)

    def paid_tokens(self) -> dict[str, Decimal]:
        return {}

    def flow(self) -> Flow | None:
        return None

    def ledger_fields(self, name: Callable[[Party], str]) -> list[str] | None:
        return None

    def doc_line(self, spell: Spell) -> str:
        moved = f"; the previous contract moves to {self.legacy}" if self.legacy else ""
        return f"- Onboard the new {self.token} vest {self.address} as {self.vest}{moved}"

    def doc_claims(self) -> list[DocClaim]:
        return []

    def brownie_tests(self, ctx: BrownieContext) -> list[tuple[Item, str]]:
        out = []
        for ob in [o for o in getattr(ctx.expected, "onboarded", []) if o.item.path == self.path]:
            body = f'    assert cast.after.registry["{ob.key}"].lower() == "{ob.address.lower()}"\n'
            if ob.legacy:
                body += (f'    assert cast.after.registry["{ob.legacy}"] == cast.before.registry["{ob.key}"]  '
                         "# the previous contract keeps its awards under the legacy key\n")
            if ob.rely:
                body += f'    assert cast.after.vat_wards["{ob.address.lower()}"] == 1  # may suck from the Vat\n'
            if ob.mints:
                body += f'    assert cast.after.mint_wards["{ob.address.lower()}"] == 1  # may mint MKR\n'
            if ob.version:
                body += f'    assert cast.after.chainlog_version == "{ob.version}"\n'
            out.append((ob.item, body))
        return out


def guard_key(day: str) -> str | None:
    """The chainlog key naming MKR's authority at `day` (GOV_GUARD, MKR_GUARD from 2025-05-15), if any."""
    registered = history.chainlog_at(day)
    return next((key for key in MKR_GUARD_KEYS if key in registered), None)
