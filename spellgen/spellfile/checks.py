"""Checks across values of a parsed spell: what a careful reviewer verifies by hand today.

Each check reads the model and reports to Diagnostics with the YAML location of the field at fault.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from decimal import Decimal
from pathlib import Path

from spellgen.spellfile import timeutil
from spellgen.spellfile.amounts import exact_sum, human
from spellgen.spellfile.diagnostics import Diagnostics, Loc
from spellgen.spellfile.execdoc import (
    EMPTY_KECCAK, SKY_REPO, SKY_REPO_SINCE, DocUrl, description_hash, document_hashes, is_placeholder, parse_url,
    repo_for, resolve,
)
from spellgen.spellfile.execdoc_items import cross_check
from spellgen.spellfile.actions import KINDS, of_kind
from spellgen.spellfile.actions.base import CheckContext
from spellgen.spellfile.model import Action, Spell
from spellgen.spellfile.protocol import VESTS, WAD, Cap
from spellgen.spellfile import history
from spellgen.spellfile.history import vest_cap_at
from spellgen.spellfile.links import link_problems
from spellgen.spellfile.style import house_style

DESCRIPTION = re.compile(r"^(\d{4}-\d{2}-\d{2}) MakerDAO Executive Spell \| Hash: 0x[0-9a-f]{64}$")


def check_spell(spell: Spell, diags: Diagnostics, base_dir: Path | None = None, on_twin: bool = False) -> None:
    """Run every check; problems go to diags (errors make the spell unusable, warnings do not).

    `base_dir` is the YAML's folder, against which `spell.exec_doc.copy` is resolved; by default the
    folder of the file the diagnostics are about (`diags.file`). `on_twin`: the spell is about to be
    cast on the twin, so its date must be one the twin has (_twin_date).
    """
    for check in (_description, _house_rules, _links, _wallets, _wallet_registry, _registry_names, _chainlog_parties,
                  _chainlog_keys_of_date, _keys_at_date, _keys_read_at_date, _actions, _rates, _new_caps, _duplicates,
                  _expect, _conditions):
        check(spell, diags)
    _exec_doc(spell, diags, Path(diags.file).parent if base_dir is None else base_dir)
    if on_twin:
        _twin_date(spell, diags)


MAX_EARLIER_SPELLS = 2  # verify casts every combination of them: 2**n casts


def _conditions(spell: Spell, diags: Diagnostics) -> None:
    """Sections' conditions on earlier spells: one constant name per address and one address per name
    (the spell declares each once), a section with actions, and few enough earlier spells for verify
    to cast every branch."""
    names: dict[str, str] = {}  # name -> address
    addresses: dict[str, str] = {}  # address -> name
    for section in spell.sections:
        c = section.condition
        if c is None:
            continue
        where = section.loc("condition.name") if "condition.name" in section.locs else section.loc("condition")
        if names.get(c.name, c.spell) != c.spell:
            diags.error(where, f"{c.name} names {names[c.name]} in an earlier section's condition, not {c.spell}; "
                               "give each earlier spell its own name")
        elif addresses.get(c.spell, c.name) != c.name:
            diags.error(where, f"the earlier spell {c.spell} is named {addresses[c.spell]} in an earlier section's "
                               f"condition; name it so here too, not {c.name}")
        names.setdefault(c.name, c.spell)
        addresses.setdefault(c.spell, c.name)
        if not section.actions:
            diags.error(section.loc("condition"), "a section with a condition needs actions for it to guard")
        if c.spell in {p.address for p in spell.parties()}:
            diags.error(section.loc("condition.earlier_spell"), f"the earlier spell {c.spell} is also a party "
                                                                "of an action; a spell is never a recipient")
    if len(addresses) > MAX_EARLIER_SPELLS:
        diags.error(spell.sections[-1].loc("condition"), f"conditions on {len(addresses)} earlier spells; verify "
                                                         f"casts every combination, so at most {MAX_EARLIER_SPELLS}")


def _twin_date(spell: Spell, diags: Diagnostics) -> None:
    """The twin begins at history.TWIN_FIRST_DAY: a spell dated earlier can be checked and rendered,
    not cast on it (`simulate` and `verify` ask for this check before they start anything)."""
    if spell.date < history.TWIN_FIRST_DAY:
        diags.error(spell.loc("date"), f"the twin's chain begins on {history.TWIN_FIRST_DAY}; a spell dated "
                                       f"{spell.date} cannot be cast on it (check and render do not need the chain)")


def _chainlog_keys_of_date(spell: Spell, diags: Diagnostics) -> None:
    """A recipient named by chainlog key (`to: {chainlog: KEY, address: 0x..}`) is read from the chainlog
    when the spell is cast: the key must be registered at the spell's date (on mainnet a typo or a later
    key reverts the constructor) and hold the address the YAML states. The twin registers the table's
    address, never the YAML's, so a wrong address must stop here. A recipient's key the spell registers
    itself is refused like a typo: only vests can be onboarded (`vest_onboarding`, _keys_at_date)."""
    registered = history.chainlog_at(spell.date)
    seen: set[str] = set()  # a key given a second address is _chainlog_parties' error
    for action in spell.actions:
        for field in ("to", "manager", "recipient"):
            party = getattr(action, field, None)
            if party is None or party.chainlog is None or party.chainlog in seen:
                continue
            seen.add(party.chainlog)
            key = party.chainlog
            if key not in registered:
                diags.error(party.key_loc or action.loc(field), _unregistered_key(key, spell.date))
            elif registered[key].lower() != party.address.lower():
                other = history.key_named(party.address, spell.date)
                hint = f"; {party.address} is {other} at that date" if other else ""
                diags.error(party.address_loc or action.loc(field),
                            f"the chainlog of a {spell.date} spell holds {registered[key]} under {key}, "
                            f"not {party.address}{hint}")


def _unregistered_key(key: str, day: str) -> str:
    """Why `key` cannot be read by a spell of `day`: registered later or earlier, or a typo."""
    if key in history.known_keys():
        return f"{key} is not in the chainlog of a {day} spell: {history.key_note(key, day)}"
    close = history.closest_keys(key, day)
    hint = f"; closest keys: {', '.join(close)}" if close else ""
    return f"{key} is not a chainlog key at {day}{hint}"


def _registry_names(spell: Spell, diags: Diagnostics) -> None:
    """A wallet under a name the registry of the date does not give its address: a warning naming the
    registry's name, so a reviewer sees a slip (TECH_001 for the registry's SES_WALLET) as well as a
    harmless difference (TECH_001 for TECH_WALLET). A registry name with another address is an error
    (_wallet_registry)."""
    listed = history.wallets_at(spell.date)
    names: dict[str, list[str]] = defaultdict(list)
    for registry_name, address in listed.items():
        names[address.lower()].append(registry_name)
    declared: set[str] = set()  # a second name for one address is _wallets' error
    for name, address in spell.wallets.items():
        registry = sorted(names.get(address.lower(), []))
        first = address.lower() not in declared
        declared.add(address.lower())
        if registry and name not in registry and name not in listed and first:
            diags.warn(spell.loc(f"wallets.{name}"),
                       f"the wallet registry of {spell.date} calls {address} {' and '.join(registry)}, not {name}")


# Chainlog keys an action reads besides its vest (_keys_at_date): the tokens and converters it goes through.
def _keys_read_at_date(spell: Spell, diags: Diagnostics) -> None:
    """Every token or converter an action reads must be in the chainlog of the spell's date: a
    usds_payment in a 2022 spell would revert on mainnet (there was no USDS), so it is refused here
    rather than by the twin."""
    registered = history.chainlog_at(spell.date)
    for action in spell.actions:
        missing = [key for key in action.chainlog_reads(spell.date) if key not in registered]
        if missing:
            diags.error(action.loc(), f"{action.KIND} reads {', '.join(missing)} from the chainlog; "
                                      + "; ".join(history.key_note(key, spell.date) for key in missing))


def _keys_at_date(spell: Spell, diags: Diagnostics) -> None:
    """Every chainlog key an action names must be registered when a spell of this date is cast:
    the spell reads it, and on mainnet an unknown key reverts (`dss-chain-log/invalid-key`)."""
    registered = history.chainlog_at(spell.date)
    onboarded = spell.onboarded()
    registers = set(onboarded) | {legacy for _, legacy in onboarded.values() if legacy}
    for action in spell.actions:
        key = getattr(action, "vest", None)
        if key is None or key in registers:
            continue
        if key in registered:
            _key_changed_by_date(key, registered[key], spell, action, diags)
            continue
        hint = ""
        successors = [k for k, a in registered.items() if a.lower() == history.chainlog_at("9999-12-31").get(
            key, "").lower()]
        if successors:
            hint = f"; at this date that contract is {successors[0]}"
        entry = history.registered_by_spell_of(key, spell.date)
        moved_from = history.key_named(entry.address, spell.date) if entry is not None else None
        if entry is not None and moved_from is not None:  # the contract of another key moves to this one
            hint += (f"; if this is the spell that moves {entry.address} from {moved_from} to {key}, say so with "
                     f"`legacy: {key}` on the `vest_onboarding` of {moved_from}")
        elif entry is not None:
            hint += (f"; if this is the spell that registers {entry.address} under {key}, state it with a "
                     "`vest_onboarding` action")
        diags.error(action.loc("vest"), f"{key} is not in the chainlog of a {spell.date} spell: "
                                        f"{history.key_note(key, spell.date)}{hint}")


def _key_changed_by_date(key: str, before: str, spell: Spell, action: Action, diags: Diagnostics) -> None:
    """A key the spell of its own date points at another contract (MCD_VEST_DAI on 2022-04-29), used
    without stating that onboarding: the YAML would mean the contract the key named before, which that
    spell did not use, so a verified result would be about the wrong contract. Refused, naming both."""
    entry = history.registered_by_spell_of(key, spell.date)
    if entry is None or entry.address.lower() == before.lower():
        return
    diags.error(action.loc("vest"), f"{key} names {history.contract_name(before)} before the {spell.date} spell and "
                                    f"{history.contract_name(entry.address)} after it; say which: a "
                                    f"`vest_onboarding` action (vest: {key}, address: {entry.address}, legacy: the "
                                    "key the previous contract moves to) if this spell registers the new one, or "
                                    "the previous contract's own key")


def _description(spell: Spell, diags: Diagnostics) -> None:
    match = DESCRIPTION.match(spell.description)
    loc = spell.loc("description")
    if not match:
        diags.warn(loc, "the description should read 'YYYY-MM-DD MakerDAO Executive Spell | Hash: 0x<64 hex>'")
    elif match.group(1) != spell.date and not _url_dated(spell):  # else _url_dates says it, as an error
        diags.warn(loc, f"the description is dated {match.group(1)} but the spell's date is {spell.date}")


def _url_dated(spell: Spell) -> bool:
    """True when the document's URL is dated the spell's date (then a description of another date is an error)."""
    return bool(spell.exec_doc and spell.exec_doc.url and parse_url(spell.exec_doc.url).date == spell.date)


def _exec_doc(spell: Spell, diags: Diagnostics, base_dir: Path) -> None:
    """The description's hash, the document's URL and its local copy must agree with each other."""
    claimed = description_hash(spell.description)
    reported = _hash_value(spell, diags, claimed)
    doc = spell.exec_doc
    if doc is not None and doc.url:
        _url_dates(spell, diags, parse_url(doc.url))
    if doc is not None and doc.copy:
        _copy(spell, diags, resolve(doc.copy, base_dir), None if reported else claimed)
    has_url = doc is not None and bool(doc.url)
    if spell.draft:
        # One warning per draft: the missing URL is part of it, not a second line.
        without_url = "" if has_url else "; it names no exec_doc.url, so the spell has no Hash comment"
        diags.warn(spell.loc("draft"), "draft: not for an executive vote (placeholder hashes are allowed)"
                                       f"{without_url}; remove `draft` once the executive document is final")
    elif not has_url:
        # R:27: the `// Hash: cast keccak -- "$(wget URL ...)"` comment is rendered from exec_doc.url.
        where = spell.loc("exec_doc")  # exec_doc when written, else the spell mapping
        diags.error(Loc(where.line, where.col, "spell.exec_doc.url"),
                    "a spell for an executive vote names the URL of its executive document, on "
                    "raw.githubusercontent.com at a commit; without it the spell has no Hash comment. Write it, or "
                    "mark the spell `draft: true`")


def _hash_value(spell: Spell, diags: Diagnostics, claimed: str | None) -> bool:
    """Refuse hashes nobody computed from a document; True when `claimed` was such a hash."""
    if claimed is None:
        return False
    if claimed.lower() == EMPTY_KECCAK:
        diags.error(spell.loc("description"), f"the description's hash {claimed} is the keccak-256 of nothing: "
                                              "what `cast keccak -- \"$(wget URL ...)\"` prints when the download "
                                              "fails; hash the executive document's text")
        return True
    if is_placeholder(claimed):
        if not spell.draft:
            diags.error(spell.loc("description"), f"the description's hash {claimed} is a placeholder, not the "
                                                  "hash of an executive document; set `draft: true` under `spell` "
                                                  "until the document is final")
        return True
    return False


def _url_dates(spell: Spell, diags: Diagnostics, url: DocUrl) -> None:
    loc = spell.loc("exec_doc.url")
    if url.repo != repo_for(spell.date):
        diags.error(loc, f"the executive documents of {spell.date} spells are in {repo_for(spell.date)}, not "
                         f"{url.repo} ({SKY_REPO} holds them from {SKY_REPO_SINCE})")
    if url.date != spell.date:
        diags.error(loc, f"the executive document's file is dated {url.date} but the spell's date is {spell.date}")
        return
    match = DESCRIPTION.match(spell.description)
    if match and match.group(1) != url.date:
        diags.error(spell.loc("description"), f"the description is dated {match.group(1)} but the executive "
                                              f"document's file is dated {url.date}")


def _copy(spell: Spell, diags: Diagnostics, path: Path, claimed: str | None) -> None:
    """The local copy: its hash against the description, its payments against the actions."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        diags.error(spell.loc("exec_doc.copy"), f"cannot read the executive document {path}: {exc.strerror}")
        return
    hashes = document_hashes(data)
    if claimed is not None and not hashes.matches(claimed):
        if claimed.lower() == hashes.raw:
            why = (f"; {claimed} is the hash of the file's bytes with their trailing newlines, which "
                   "`cast keccak -- \"$(wget ...)\"` drops")
        else:
            why = "" if hashes.trimmed == hashes.raw else \
                f" (of the file's bytes with their trailing newlines: {hashes.raw})"
        diags.error(spell.loc("description"), f"the description's hash {claimed} is not the keccak-256 of the "
                                              f"executive document {path}, as `cast keccak -- \"$(wget ...)\"` "
                                              f"reads it: {hashes.trimmed}{why}")
    # The document is what governance votes on: outside a draft, a spell that differs from it is wrong.
    report = diags.warn if spell.draft else diags.error
    for loc, message in cross_check(spell, data.decode("utf-8", errors="replace"), str(path)):
        report(loc, message)


def _wallets(spell: Spell, diags: Diagnostics) -> None:
    seen: dict[str, str] = {}
    for name, address in spell.wallets.items():
        if address.lower() in seen:
            diags.error(spell.loc(f"wallets.{name}"), f"wallets {seen[address.lower()]} and {name} have the same address {address}")
        seen.setdefault(address.lower(), name)
    for action in spell.actions:
        for field in ("to", "manager", "recipient"):
            party = getattr(action, field, None)
            if party is not None and party.name is None and party.chainlog is None \
                    and party.address.lower() in seen:
                diags.warn(action.loc(field), f"{party.address} is the wallet {seen[party.address.lower()]}: "
                                              "use its name so the code and the registry agree")


EXPIRY_HOUSE = 30 * 86_400
PRAGMA_SINCE_2023 = "0.8.16"


def _house_rules(spell: Spell, diags: Diagnostics) -> None:
    """The review checklist's limits: expiry, the compiler of the date (an unrestricted stream's is the stream's)."""
    if spell.expiry < 86_400 or spell.expiry > EXPIRY_HOUSE:
        diags.error(spell.loc("expiry"), f"expiry {timeutil.human_duration(spell.expiry)} is outside 1 to 30 "
                                         "days; spells expire 30 days after deployment")
    elif spell.expiry != EXPIRY_HOUSE:
        # R:21: `block.timestamp + 30 days`. A draft may try another figure; a spell for a vote may not.
        (diags.warn if spell.draft else diags.error)(
            spell.loc("expiry"), f"expiry {timeutil.human_duration(spell.expiry)}: spells expire 30 days after "
                                 "deployment" + ("" if spell.draft else " (a draft, `draft: true`, only warns)"))
    if spell.date >= "2023-01-01" and spell.solc != PRAGMA_SINCE_2023:
        diags.error(spell.loc("solc"), f"spells from 2023 on are written for solc {PRAGMA_SINCE_2023} "
                                       f"(pragma solidity {PRAGMA_SINCE_2023}), not {spell.solc}")


def _links(spell: Spell, diags: Diagnostics) -> None:
    """Each link line against its URL: https, under the key its host implies (spellfile/links.py)."""
    style = house_style(spell.date)
    for section in spell.sections:
        for i, (label, text) in enumerate(section.links):
            for problem in link_problems(label, text, style):
                (diags.error if problem.error else diags.warn)(section.loc(f"links[{i}]"), problem.message)


def _wallet_registry(spell: Spell, diags: Diagnostics) -> None:
    """Wallets against the public registry (addresses_wallets.sol) as of the spell's date.

    A name the registry gives another address is an error: the spell would pay the wrong wallet
    under the right name. An address the registry never listed is a warning naming the closest
    registry names, for the reviewer to confirm it with the executive document.
    """
    listed = history.wallets_at(spell.date)
    known = {w.address.lower() for w in history.wallet_entries()}
    for name, address in spell.wallets.items():
        if name in listed and listed[name].lower() != address.lower():
            diags.error(spell.loc(f"wallets.{name}"), f"the wallet registry lists {name} as {listed[name]} "
                                                      f"on {spell.date}, not {address}")
    warned: set[str] = set()
    for action in spell.actions:
        for field in ("to", "manager"):
            party = getattr(action, field, None)
            if party is None or getattr(party, "chainlog", None) or party.address.lower() in known \
                    or party.address.lower() in warned:
                continue
            warned.add(party.address.lower())
            close = difflib.get_close_matches(party.name or "", sorted(listed), n=3, cutoff=0.5)
            hint = f"; closest registry names: {', '.join(close)}" if close else ""
            diags.warn(action.loc(field), f"{party.address} ({party.name or 'inline'}) is in no entry of the wallet "
                                          f"registry (addresses_wallets.sol){hint}; confirm it against the "
                                          "executive document")


def _chainlog_parties(spell: Spell, diags: Diagnostics) -> None:
    """One chainlog key, one address: the spell reads the key once."""
    seen: dict[str, tuple[str, Loc]] = {}
    for action in spell.actions:
        for field in ("to", "manager", "recipient"):
            party = getattr(action, field, None)
            if party is None or party.chainlog is None:
                continue
            if party.chainlog in seen and seen[party.chainlog][0].lower() != party.address.lower():
                diags.error(action.loc(field), f"the chainlog key {party.chainlog} is given the address "
                                               f"{party.address} here and {seen[party.chainlog][0]} at line "
                                               f"{seen[party.chainlog][1].line}")
            seen.setdefault(party.chainlog, (party.address, action.loc(field)))


def _actions(spell: Spell, diags: Diagnostics) -> None:
    """Each action's own checks, then each kind's checks across its actions (spellfile/actions/)."""
    ctx = CheckContext(spell, diags)
    for action in spell.actions:
        action.check(ctx)
    for kind in KINDS:
        kind.check_kind(of_kind(spell.actions, kind), ctx)


def _rates(spell: Spell, diags: Diagnostics) -> None:
    """`tot / tau <= cap` with Solidity's integer division, using the cap in force at each create."""
    caps: dict[str, Cap | None] = {
        k: spell.vest_caps.get(k) or vest_cap_at(history.current_name(k, spell.date), spell.date) for k in VESTS}
    for key in spell.onboarded():  # a new contract: no cap until the spell files one
        caps[key] = spell.vest_caps.get(key)
    for action in spell.actions:
        if (filed := action.sets_cap(caps)) is not None:
            caps[filed[0]] = filed[1]
        if (award := action.rate()) is None:
            continue  # not an award, or an impossible one (reported once, by the action's own check)
        vest, wei, tau, total = award
        token = VESTS[vest].token
        cap = caps[vest]
        if cap is None:
            diags.error(action.loc("vest"), f"{vest} has no rate cap on {spell.date} (DssVest refuses "
                                            f"every award then); set one first, in this spell or under vest_caps")
            continue
        rate = wei // tau
        if rate > cap.per_second_wei:
            need = _suggested_cap(wei, tau, cap.period)
            diags.error(action.loc("total"),
                        f"{human(total)} {token} over {timeutil.human_duration(tau)} "
                        f"is {rate:,} wei/s, above the {vest} cap of {human(cap.amount)} {token} per "
                        f"{timeutil.human_duration(cap.period)} ({cap.per_second_wei:,} wei/s); raise the cap in "
                        f"this spell first, e.g. to {human(need)} {token} per "
                        f"{timeutil.human_duration(cap.period)}")


def _new_caps(spell: Spell, diags: Diagnostics) -> None:
    """R:248: a cap the spell sets for its new streams is 10 % above the fastest one's rate, rounded up to
    two significant figures (2,446 becomes 2,500). A warning: mainnet's own caps do not always follow it
    (a round figure, room for later streams). A cap with no new stream on its vest after it is not judged."""
    filed: dict[str, tuple[Action, Cap]] = {}
    fastest: dict[str, tuple[int, int]] = {}  # vest -> (wei, tau) of the fastest stream under its new cap
    for action in spell.actions:
        if (setting := action.sets_cap({})) is not None:  # the figure the action writes (raise_only: if filed)
            vest = setting[0]
            _judge_cap(diags, vest, filed.pop(vest, None), fastest.pop(vest, None))
            filed[vest] = (action, setting[1])
        elif (award := action.rate()) is not None and award[0] in filed:
            vest, wei, tau, _ = award
            if vest not in fastest or wei * fastest[vest][1] > fastest[vest][0] * tau:
                fastest[vest] = (wei, tau)
    for vest, entry in filed.items():
        _judge_cap(diags, vest, entry, fastest.get(vest))


def _judge_cap(diags: Diagnostics, vest: str, filed: tuple[Action, Cap] | None,
               fastest: tuple[int, int] | None) -> None:
    if filed is None or fastest is None or filed[1].exact_per_second is not None:
        return
    action, cap = filed
    want = _suggested_cap(fastest[0], fastest[1], cap.period)
    if cap.amount != want:
        token = VESTS[vest].token
        per = timeutil.human_duration(cap.period)
        diags.warn(action.loc("amount"), f"the checklist's new cap is 10 % above the fastest new stream's rate, "
                                         f"rounded up to two significant figures: {human(want)} {token} per {per}, "
                                         f"not {human(cap.amount)} (a warning: mainnet's caps do not always "
                                         "follow it)")


def _suggested_cap(wei: int, tau: int, period: int) -> Decimal:
    """House rule of thumb: 10 % above the new rate, rounded up to two significant figures."""
    per_period = Decimal(wei) / tau * period * Decimal("1.1") / WAD
    exponent = per_period.adjusted() - 1
    step = Decimal(10) ** exponent
    return (per_period / step).to_integral_value(rounding="ROUND_CEILING") * step


def _duplicates(spell: Spell, diags: Diagnostics) -> None:
    """A recipient paid twice in one kind is worth a look (same-kind duplicates of streams are the stream's check)."""
    payees: dict[tuple[str, str], Action] = {}
    for action in spell.actions:
        party = action.payee()
        if party is None:
            continue
        key = (action.KIND, party.address)
        if key in payees:
            diags.warn(action.loc("to"), f"{party.label} is paid twice in this spell (line {payees[key].loc().line})")
        payees.setdefault(key, action)


def _expect(spell: Spell, diags: Diagnostics) -> None:
    expect = spell.expect
    if expect is None:
        return
    totals = control_totals(spell)
    if expect.dai_paid is not None and expect.dai_paid != totals["dai_paid"]:
        diags.error(expect.loc("dai_paid"), f"the executive document says {human(expect.dai_paid)} DAI paid; "
                                            f"the actions pay {human(totals['dai_paid'])} DAI")
    if expect.mkr_transferred is not None and expect.mkr_transferred != totals["mkr_transferred"]:
        diags.error(expect.loc("mkr_transferred"),
                    f"the executive document says {human(expect.mkr_transferred)} MKR transferred; "
                    f"the actions transfer {human(totals['mkr_transferred'])} MKR")
    for name, token, verb in (("usds_paid", "USDS", "pay"), ("sky_transferred", "SKY", "transfer")):
        stated = getattr(expect, name)
        if stated is not None and stated != totals[name]:
            diags.error(expect.loc(name), f"the executive document says {human(stated)} {token} "
                                          f"{'paid' if verb == 'pay' else 'transferred'}; the actions {verb} "
                                          f"{human(totals[name])} {token}")
    for vest, count in expect.streams.items():
        actual = totals["streams"].get(vest, 0)
        if actual != count:
            diags.error(expect.loc(f"streams.{vest}"), f"the executive document says {count} new stream(s) on "
                                                       f"{vest}; the actions create {actual}")
    for token, total in expect.streamed.items():
        actual = totals["streamed"].get(token, Decimal(0))
        if actual != total:
            diags.error(expect.loc(f"streamed.{token}"), f"the executive document says {human(total)} {token} "
                                                         f"streamed; the new streams total {human(actual)} {token}")


def control_totals(spell: Spell) -> dict:
    """The figures an executive document states, computed from the actions (each says what it pays and streams)."""
    paid: dict[str, list[Decimal]] = defaultdict(list)
    by_token: dict[str, list[Decimal]] = defaultdict(list)
    streams: Counter[str] = Counter()
    for action in spell.actions:
        for token, amount in action.paid_tokens().items():
            paid[token].append(amount)
        if (streamed := action.streamed()) is not None:
            by_token[streamed[0]].append(streamed[1])
        if (vest := action.stream_vest()) is not None:
            streams[vest] += 1
    streamed_totals = {token: exact_sum(totals) for token, totals in by_token.items()}
    return {
        "dai_paid": exact_sum(paid["DAI"]),
        "usds_paid": exact_sum(paid["USDS"]),
        "sky_transferred": exact_sum(paid["SKY"]),
        "mkr_transferred": exact_sum(paid["MKR"]),
        "streams": dict(streams),
        "streamed": dict(streamed_totals),
    }
