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
from spellgen.spellfile.amounts import exact_sum, human, is_whole
from spellgen.spellfile.diagnostics import Diagnostics
from spellgen.spellfile.execdoc import (
    EMPTY_KECCAK, SKY_REPO, SKY_REPO_SINCE, DocUrl, description_hash, document_hashes, is_placeholder, parse_url,
    repo_for, resolve,
)
from spellgen.spellfile.execdoc_items import cross_check
from spellgen.spellfile.model import (
    Allowance, CapChange, DaiPayment, MkrToSky, MkrTransfer, SkyTransfer, Spell, Stream, UsdsPayment, Yank,
)
from spellgen.spellfile.protocol import MKR_SKY_RATE, TWENTY_YEARS, UINT128_MAX, VESTS, WAD, Cap, VestKind
from spellgen.spellfile import history
from spellgen.spellfile.history import MKR_CONVERSION_ERA, vest_cap_at
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
                  _chainlog_keys_of_date, _keys_at_date, _keys_read_at_date,
                  _payments, _usds_payments, _sky_transfers, _transfers, _streams, _rates, _allowances, _yanks,
                  _duplicates, _expect):
        check(spell, diags)
    _exec_doc(spell, diags, Path(diags.file).parent if base_dir is None else base_dir)
    if on_twin:
        _twin_date(spell, diags)


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
    address, never the YAML's, so a wrong address must stop here. Keys the spell registers itself (an
    onboarding) are not modelled yet: such a key is refused like a typo until they are."""
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
def _keys_read(action: object, day: str) -> tuple[str, ...]:
    mkr = history.token_key_at("MKR", day)
    if isinstance(action, UsdsPayment):
        return ("USDS", "DAI_USDS")
    if isinstance(action, SkyTransfer):
        return ("SKY",) if action.source == "treasury" else ("SKY", mkr, "MKR_SKY")
    if isinstance(action, MkrToSky):
        return (mkr, "MKR_SKY", "SKY")
    if isinstance(action, MkrTransfer):
        return (mkr,)
    return ()


def _keys_read_at_date(spell: Spell, diags: Diagnostics) -> None:
    """Every token or converter an action reads must be in the chainlog of the spell's date: a
    usds_payment in a 2022 spell would revert on mainnet (there was no USDS), so it is refused here
    rather than by the twin."""
    registered = history.chainlog_at(spell.date)
    for action in spell.actions:
        missing = [key for key in _keys_read(action, spell.date) if key not in registered]
        if missing:
            diags.error(action.loc(), f"{_kind(action)} reads {', '.join(missing)} from the chainlog; "
                                      + "; ".join(history.key_note(key, spell.date) for key in missing))


def _kind(action: object) -> str:
    """The action's YAML name (usds_payment) from its class (UsdsPayment)."""
    return re.sub(r"(?<!^)([A-Z])", r"_\1", type(action).__name__).lower()


def _keys_at_date(spell: Spell, diags: Diagnostics) -> None:
    """Every chainlog key an action names must be registered when a spell of this date is cast:
    the spell reads it, and on mainnet an unknown key reverts (`dss-chain-log/invalid-key`)."""
    registered = history.chainlog_at(spell.date)
    for action in spell.actions:
        key = getattr(action, "vest", None)
        if key is None or key in registered:
            continue
        hint = ""
        successors = [k for k, a in registered.items() if a.lower() == history.chainlog_at("9999-12-31").get(
            key, "").lower()]
        if successors:
            hint = f"; at this date that contract is {successors[0]}"
        diags.error(action.loc("vest"), f"{key} is not in the chainlog of a {spell.date} spell: "
                                        f"{history.key_note(key, spell.date)}{hint}")


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
    if spell.draft:
        diags.warn(spell.loc("draft"), "draft: not for an executive vote (placeholder hashes are allowed); "
                                       "remove `draft` once the executive document is final")


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
    for loc, message in cross_check(spell, data.decode("utf-8", errors="replace"), str(path)):
        diags.warn(loc, message)


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
    """The review checklist's limits: expiry, the compiler of the date, unrestricted streams."""
    if spell.expiry < 86_400 or spell.expiry > EXPIRY_HOUSE:
        diags.error(spell.loc("expiry"), f"expiry {timeutil.human_duration(spell.expiry)} is outside 1 to 30 "
                                         "days; spells expire 30 days after deployment")
    elif spell.expiry != EXPIRY_HOUSE:
        diags.warn(spell.loc("expiry"), f"expiry {timeutil.human_duration(spell.expiry)}: spells expire 30 days "
                                        "after deployment")
    if spell.date >= "2023-01-01" and spell.solc != PRAGMA_SINCE_2023:
        diags.error(spell.loc("solc"), f"spells from 2023 on are written for solc {PRAGMA_SINCE_2023} "
                                       f"(pragma solidity {PRAGMA_SINCE_2023}), not {spell.solc}")
    for stream in spell.of_type(Stream):
        if not stream.restricted and not (stream.comment or "").strip():
            diags.warn(stream.loc("restricted"), "restricted: false lets anyone claim for the recipient; say why "
                                                 "in the action's comment")


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
    seen: dict[str, tuple[str, object]] = {}
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


def _payments(spell: Spell, diags: Diagnostics) -> None:
    for pay in spell.of_type(DaiPayment):
        if pay.exact:
            if pay.wei >= WAD * WAD:
                diags.error(pay.loc("amount"), f"{human(pay.amount)} DAI is too large for a payment")
            if is_whole(pay.amount):
                diags.warn(pay.loc("exact"), "exact: true is for fractional DAI; a whole amount can be paid with "
                                             "sendPaymentFromSurplusBuffer")
            continue
        _whole_payment(pay, "DAI", "sendPaymentFromSurplusBuffer sends whole DAI", diags)


def _whole_payment(pay: DaiPayment | UsdsPayment, token: str, sender: str, diags: Diagnostics) -> None:
    """A surplus-buffer payment moves whole units below 10^18: a fraction must be rounded up, and say so."""
    if not is_whole(pay.amount) and not pay.round_up:
        diags.error(pay.loc("amount"), f"{sender}: round {human(pay.amount)} up to {pay.paid:,} "
                                       "(or set round_up: true to do it and say so in the spell)")
    if pay.paid >= WAD:
        diags.error(pay.loc("amount"), f"{pay.paid:,} {token} is too large: sendPaymentFromSurplusBuffer "
                                       "requires less than 10^18 whole DAI")
    if pay.round_up and is_whole(pay.amount):
        diags.warn(pay.loc("round_up"), "round_up has no effect: the amount is already whole")


def _usds_payments(spell: Spell, diags: Diagnostics) -> None:
    for pay in spell.of_type(UsdsPayment):
        _whole_payment(pay, "USDS", "_transferUsds sends whole USDS (sendPaymentFromSurplusBuffer takes whole DAI)",
                       diags)


def _sky_transfers(spell: Spell, diags: Diagnostics) -> None:
    transfers = spell.of_type(SkyTransfer)
    sources = {t.source for t in transfers}
    if {"mkr", "mkr_direct"} <= sources:
        diags.error(next(t for t in transfers if t.source == "mkr_direct").loc("from"),
                    "a spell converts MKR for SKY transfers one way: either `from: mkr` (into the PauseProxy, "
                    "then transfer) or `from: mkr_direct` (straight to the recipient), not both")
    first, last = MKR_CONVERSION_ERA
    for t in transfers:
        if t.wei > UINT128_MAX:
            diags.error(t.loc("amount"), "the amount is beyond any SKY supply (more than uint128)")
        if t.source == "mkr_direct" and t.wei % MKR_SKY_RATE:
            diags.error(t.loc("amount"), f"from: mkr_direct converts whole MKR wei straight to the recipient: "
                                         f"{human(t.amount)} SKY is not a multiple of {MKR_SKY_RATE:,} wei "
                                         "(transferSky/non-exact-conversion); use `from: mkr`, which rounds up")
        # What the treasury held by date: MKR (converted for SKY transfers) from `first` to `last`.
        if t.source != "treasury" and not first <= spell.date <= last:
            diags.warn(t.loc("from"), f"spells converted MKR for SKY transfers from {first} to {last}; on "
                                      f"{spell.date} the treasury is expected to hold SKY (from: treasury)")
        elif t.source == "treasury" and first <= spell.date <= last:
            diags.warn(t.loc("amount"), f"from {first} to {last} the PauseProxy held MKR, not SKY: spells of "
                                        "that time converted it (from: mkr)")


def _transfers(spell: Spell, diags: Diagnostics) -> None:
    # Which key MKR is read from at the date is the renderer's (spec.history.token_key_at).
    for conversion in spell.of_type(MkrToSky):
        if conversion.wei > UINT128_MAX:
            diags.error(conversion.loc("amount"), "the amount is beyond any MKR supply (more than uint128)")
    for transfer in spell.of_type(MkrTransfer):
        if transfer.wei > UINT128_MAX:
            diags.error(transfer.loc("amount"), "the amount is beyond any MKR supply (more than uint128)")


def _streams(spell: Spell, diags: Diagnostics) -> None:
    now = timeutil.day_start(timeutil.parse_date(spell.date))
    for s in spell.of_type(Stream):
        if s.end <= s.start:
            diags.error(s.loc("end" if "end" in s.locs else "duration"),
                        f"the stream ends ({timeutil.iso(s.end)}) before it starts ({timeutil.iso(s.start)})")
            continue
        if s.cliff is not None and not s.start <= s.cliff <= s.end:
            diags.error(s.loc("cliff"), f"the cliff {timeutil.iso(s.cliff)} is outside the stream's period "
                                        f"{timeutil.iso(s.start)} to {timeutil.iso(s.end)}")
        if s.tau > TWENTY_YEARS:
            diags.error(s.loc("end"), "the stream lasts more than twenty years (DssVest/tau-too-long)")
        if not now - TWENTY_YEARS < s.start < now + TWENTY_YEARS:
            diags.error(s.loc("start"), "the start must lie within twenty years of the spell's date "
                                        "(DssVest/bgn-too-far, DssVest/bgn-too-long-ago)")
        if s.wei > UINT128_MAX:
            diags.error(s.loc("total"), "the total does not fit DssVest's uint128 `tot`")
        if s.manager is not None and s.manager.address == s.to.address:
            diags.warn(s.loc("manager"), "the manager is the recipient: it could yank its own stream")
        if s.end_style == "timestamp" and timeutil.utc(s.end).strftime("%H:%M:%S") not in ("23:59:59", "00:00:00"):
            diags.warn(s.loc("end"), f"the stream ends at {timeutil.iso(s.end)}, neither the start nor the end "
                                     "of a day: is that intended?")


def _rates(spell: Spell, diags: Diagnostics) -> None:
    """`tot / tau <= cap` with Solidity's integer division, using the cap in force at each create."""
    caps: dict[str, Cap | None] = {
        k: spell.vest_caps.get(k) or vest_cap_at(history.current_name(k, spell.date), spell.date) for k in VESTS}
    for action in spell.actions:
        if isinstance(action, CapChange):
            caps[action.vest] = action.cap
        if not isinstance(action, Stream) or action.tau <= 0 or action.wei > UINT128_MAX:
            continue  # an impossible total is reported once, by _streams
        cap = caps[action.vest]
        if cap is None:
            diags.error(action.loc("vest"), f"{action.vest} has no rate cap on {spell.date} (DssVest refuses "
                                            f"every award then); set one first, in this spell or under vest_caps")
            continue
        rate = action.wei // action.tau
        if rate > cap.per_second_wei:
            need = _suggested_cap(action.wei, action.tau, cap.period)
            diags.error(action.loc("total"),
                        f"{human(action.total)} {action.token} over {timeutil.human_duration(action.tau)} is "
                        f"{rate:,} wei/s, above the {action.vest} cap of {human(cap.amount)} {action.token} per "
                        f"{timeutil.human_duration(cap.period)} ({cap.per_second_wei:,} wei/s); raise the cap in "
                        f"this spell first, e.g. to {human(need)} {action.token} per "
                        f"{timeutil.human_duration(cap.period)}")


def _suggested_cap(wei: int, tau: int, period: int) -> Decimal:
    """House rule of thumb: 10 % above the new rate, rounded up to two significant figures."""
    per_period = Decimal(wei) / tau * period * Decimal("1.1") / WAD
    exponent = per_period.adjusted() - 1
    step = Decimal(10) ** exponent
    return (per_period / step).to_integral_value(rounding="ROUND_CEILING") * step


def _allowances(spell: Spell, diags: Diagnostics) -> None:
    allowance_vests = {a.vest for a in spell.of_type(Allowance)}
    for allowance in spell.of_type(Allowance):
        if VESTS[allowance.vest].kind is not VestKind.TRANSFERRABLE:
            diags.error(allowance.loc("vest"), f"{allowance.vest} does not pay from the treasury; "
                                               "only transferrable vests need an allowance")
        elif allowance.mode == "increase" and allowance.amount is None and not any(
                s.vest == allowance.vest for s in spell.of_type(Stream)):
            diags.error(allowance.loc("increase"), f"increase: auto adds the totals of the new streams on "
                                                   f"{allowance.vest}, but this spell creates none")
        if allowance.mode == "owed":
            after = spell.actions[spell.actions.index(allowance) + 1:]
            late = next((y for y in after if isinstance(y, Yank) and y.vest == allowance.vest), None)
            if late is not None:
                diags.error(late.loc("id"), f"this yank on {allowance.vest} comes after its `set: owed` allowance "
                                            f"(line {allowance.loc().line}), which would then count what the "
                                            "yanked award no longer owes: put the allowance after the yank")
    counts = Counter(a.vest for a in spell.of_type(Allowance))
    for vest, count in counts.items():
        if count > 1:
            diags.error(spell.loc(), f"{vest} has {count} allowance actions; write one")
    for s in spell.of_type(Stream):
        if VESTS[s.vest].kind is VestKind.TRANSFERRABLE and s.vest not in allowance_vests:
            diags.warn(s.loc("vest"), f"{s.vest} pays from the PauseProxy's {s.token}: add "
                                      f"{{type: allowance, vest: {s.vest}, increase: auto}} so the stream can pay")
            allowance_vests.add(s.vest)  # one warning per vest is enough


def _yanks(spell: Spell, diags: Diagnostics) -> None:
    now = timeutil.day_start(timeutil.parse_date(spell.date))
    seen: set[tuple[str, int]] = set()
    for yank in spell.of_type(Yank):
        if (yank.vest, yank.id) in seen:
            diags.error(yank.loc("id"), f"award {yank.id} of {yank.vest} is yanked twice")
        seen.add((yank.vest, yank.id))
        if yank.end is not None and yank.end < now:
            diags.warn(yank.loc("end"), f"the planned end {timeutil.iso(yank.end)} is before the spell's date; "
                                        "DssVest will end the award at the cast time instead")


def _duplicates(spell: Spell, diags: Diagnostics) -> None:
    by_owner: dict[tuple[str, str], list[Stream]] = defaultdict(list)
    for s in spell.of_type(Stream):
        for other in by_owner[(s.vest, s.to.address)]:
            if (other.start, other.end, other.total) == (s.start, s.end, s.total):
                diags.error(s.loc(), f"the same stream is declared twice (see line {other.loc().line})")
            elif s.start <= other.end and other.start <= s.end:
                diags.warn(s.loc("start"), f"this stream overlaps another one to {s.to.label} on {s.vest} "
                                           f"(line {other.loc().line})")
        by_owner[(s.vest, s.to.address)].append(s)
    payees: dict[tuple[type, str], object] = {}
    for pay in spell.of_type(DaiPayment) + spell.of_type(UsdsPayment) + spell.of_type(SkyTransfer) \
            + spell.of_type(MkrTransfer):
        key = (type(pay), pay.to.address)
        if key in payees:
            diags.warn(pay.loc("to"), f"{pay.to.label} is paid twice in this spell (line {payees[key].loc().line})")
        payees.setdefault(key, pay)


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
    """The figures an executive document states, computed from the actions."""
    streams: Counter[str] = Counter(s.vest for s in spell.of_type(Stream))
    by_token: dict[str, list[Decimal]] = defaultdict(list)
    for s in spell.of_type(Stream):
        by_token[s.token].append(s.total)
    streamed = {token: exact_sum(totals) for token, totals in by_token.items()}
    return {
        "dai_paid": exact_sum(p.paid_amount for p in spell.of_type(DaiPayment)),
        "usds_paid": exact_sum(Decimal(p.paid) for p in spell.of_type(UsdsPayment)),
        "sky_transferred": exact_sum(t.amount for t in spell.of_type(SkyTransfer)),
        "mkr_transferred": exact_sum(t.amount for t in spell.of_type(MkrTransfer)),
        "streams": dict(streams),
        "streamed": dict(streamed),
    }

