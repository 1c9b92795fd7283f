"""The house style of a spell's date: how the real spells of that time wrote the same statements.

One place decides it, from the spell's date, so the renderer and the checks agree. Each threshold
is the first archived spell (sky-ecosystem/spells-mainnet, `archive/<date>-DssSpell/DssSpell.sol`)
that wrote the fact, after which the spells kept writing it; spells of an earlier date keep the
style of their time (the goldens of tests/golden show both).
"""
from __future__ import annotations

from dataclasses import dataclass

# 2023-11-29: the first spell importing both `VestAbstract` (dss-interfaces/dss/VestAbstract.sol) and
# `GemAbstract` (dss-interfaces/ERC/GemAbstract.sol) for its vest and token calls (GemAbstract alone
# from 2023-05-24); later spells keep them and declare local `...Like` interfaces only for what
# dss-interfaces lacks (DaiUsdsLike, MkrSkyLike), each with just the functions the spell calls.
DSS_INTERFACES_FROM = "2023-11-29"

# 2023-03-29: the first spell from which link lines carry the label of what they link to
# (`// Poll: https://...`, `// Forum: https://...`). Earlier spells wrote the bare URL (`// https://...`),
# a MIP as its portal page (2022-01-28: `// https://mips.makerdao.com/mips/details/MIP40c3SP53`); a
# few of 2022-10-19 to 2023-02-03 mixed both forms, and the 2023-04-28 spell (the Spark D3M alone)
# still wrote its two MIP links bare, but every other spell from 2023-03-29 on labels them.
LABELLED_LINKS_FROM = "2023-03-29"

# 2024-08-12: the first spell after the last one with a non-https link line (2024-07-25,
# `// Forum: http://forum.makerdao.com/...`); the last line that was no link at all is of 2023-08-02
# (`// Poll: N/A`). From then on every link line is `// Label: https://...`.
HTTPS_LINKS_FROM = "2024-08-12"

# 2025-10-06: the first spell with the note `ether is a keyword that represents 10**18, not the ETH
# token` (2025-12-11 writes it on the line of the amount). Earlier spells wrote `ether is a keyword
# helper, only MKR is transferred here` (2022-11-02 to 2024-07-11) next to MKR transfers.
NEW_ETHER_NOTE_FROM = "2025-10-06"

# 2025-06-26: the first spell declaring every token immutable as a bare address
# (`address internal immutable SKY = DssExecLib.getChangelogAddress("SKY");`, DAI `= DssExecLib.dai();`)
# and casting at each call (`GemAbstract(SKY).transfer(...)`, `GemAbstract(DAI).approve(...)`); every
# later spell kept it. Before, the token immutables were `GemAbstract` typed (`GemAbstract internal
# immutable SKY = GemAbstract(...)`, called `SKY.transfer(...)`); 2025-01-09 to 2025-04-30 mixed the two.
ADDRESS_TOKENS_FROM = "2025-06-26"

OLD_ETHER_NOTE = "Note: ether is a keyword helper, only {token} is transferred here"
NEW_ETHER_NOTE = "Note: ether is a keyword that represents 10**18, not the ETH token"


@dataclass(frozen=True)
class HouseStyle:
    """What the date's spells wrote. `ether_note` may name the token moved as `{token}`."""

    dss_interfaces: bool  # VestAbstract, GemAbstract, VatAbstract, DaiJoinAbstract imported, not declared
    called_functions_only: bool  # local `...Like` interfaces declare only the functions the spell calls
    labelled_links: bool  # `// Forum: https://...`; before, the bare `// https://...`
    address_tokens: bool  # token immutables are addresses, cast at each call: `GemAbstract(SKY).transfer(`
    https_links_only: bool  # every link line is an https URL (no references such as `MIP40c3-SP53`)
    ether_note: str

    def note(self, token: str) -> str:
        """The same-line comment after `N ether` moving `token`."""
        return self.ether_note.format(token=token)


def house_style(date: str) -> HouseStyle:
    """The style of a spell dated `date` (YYYY-MM-DD; ISO dates compare as text)."""
    modern_interfaces = date >= DSS_INTERFACES_FROM
    return HouseStyle(
        dss_interfaces=modern_interfaces,
        called_functions_only=modern_interfaces,
        labelled_links=date >= LABELLED_LINKS_FROM,
        address_tokens=date >= ADDRESS_TOKENS_FROM,
        https_links_only=date >= HTTPS_LINKS_FROM,
        ether_note=NEW_ETHER_NOTE if date >= NEW_ETHER_NOTE_FROM else OLD_ETHER_NOTE,
    )


# --- When each source rule of the review checklist applies -------------------------------------------
# A rule judges a spell only from the date it entered the checklist (or, where the checklist's history
# is not at hand, the first archived spell that followed it, after which every spell did): a spell
# written before keeps the rules of its time, so a FAIL on a hand-written spell is one its reviewers
# would have raised too. Each date is the first day the rule applies (ISO dates compare as text).

# R:88: each timestamp constant carries a comment stating its full date in UTC. A comment that is
# there is read at any date (a wrong one is a lie); before this day a constant may have none.
UTC_DATE_COMMENT_FROM = "2023-12-12"
# R:232: `N ether` for a token amount carries a same-line note. Before, the note was optional; from
# NEW_ETHER_NOTE_FROM only the wording of the date (NEW_ETHER_NOTE) is accepted, earlier any of the
# archive's wordings ("ether is a keyword helper, only MKR is transferred here", "`ether` is only a
# keyword helper", ...).
ETHER_NOTE_FROM = "2024-01-25"
# Token amounts written with two decimals (`257.30 ether`, not `257.3 ether`).
TWO_DECIMALS_FROM = "2023-10-25"
# R:69-70, R:78-79, R:84-85: precision and math units and rates `internal constant`. Before, the
# archive's spells declared them `public constant` (2022-08-12: `uint256 public constant WAD`), read-only
# getters the checklist of the time allowed.
UNITS_INTERNAL_FROM = "2022-11-10"
# R:18: the spell targets solc 0.8.16 exactly (`pragma solidity 0.8.16;`). The archive's first spell of
# 2023 is its first with that pragma (every 2022 spell wrote `0.6.12`), and every later one kept it; `check`
# requires the same solc of a YAML from that day.
EXACT_PRAGMA_FROM = "2023-01-01"
EXACT_PRAGMA = "0.8.16"
# R:324 (in the checklist from 2023-04-15): `constant` only for static addresses; an address the ChainLog
# holds is read from it (`immutable` via `DssExecLib.getChangelogAddress(KEY)`).
CHAINLOG_ADDRESSES_READ_FROM = "2023-04-15"
# R:91 and R:53-61 (both in the checklist from 2024-01-25, its restructuring): the timestamps a stream uses
# are `MMM_DD_YYYY` constants; no unused interface, and no static interface for what dss-interfaces has
# (the house style imports them from DSS_INTERFACES_FROM, before this day).
TIMESTAMP_NAMES_FROM = "2024-01-25"
INTERFACE_RULES_FROM = "2024-01-25"


@dataclass(frozen=True)
class SourceRules:
    """Which date-bound source rules judge a spell of a given date."""

    date: str
    utc_date_comment: bool  # a timestamp constant without its UTC comment fails
    ether_note: bool  # `N ether` without a same-line note fails
    ether_note_wording: str  # "" (any note mentioning ether) or the one wording of the date
    two_decimals: bool  # `257.3 ether` fails
    internal_units: bool  # units and rates `public constant` fail
    pragma: str  # the exact `pragma solidity X;` required ("" before EXACT_PRAGMA_FROM)
    chainlog_addresses_read: bool  # an address constant the ChainLog of the date holds fails
    timestamp_names: bool  # a constant used as a stream time not named `MMM_DD_YYYY` fails
    interface_rules: bool  # unused interfaces, and local copies of dss-interfaces ones, fail


def source_rules(date: str) -> SourceRules:
    """The rules a spell dated `date` (YYYY-MM-DD) is read with; "9999-12-31" gives today's."""
    return SourceRules(
        date=date,
        utc_date_comment=date >= UTC_DATE_COMMENT_FROM,
        ether_note=date >= ETHER_NOTE_FROM,
        ether_note_wording=NEW_ETHER_NOTE if date >= NEW_ETHER_NOTE_FROM else "",
        two_decimals=date >= TWO_DECIMALS_FROM,
        internal_units=date >= UNITS_INTERNAL_FROM,
        pragma=EXACT_PRAGMA if date >= EXACT_PRAGMA_FROM else "",
        chainlog_addresses_read=date >= CHAINLOG_ADDRESSES_READ_FROM,
        timestamp_names=date >= TIMESTAMP_NAMES_FROM,
        interface_rules=date >= INTERFACE_RULES_FROM,
    )

# 2025-01-23: the first spell onboarding a vest (MCD_VEST_USDS, MCD_VEST_SKY_TREASURY) with a comment above
# each statement (`// Authorize new USDS vest (0x...) to access the surplus buffer (MCD_VAT)`, `// Add new
# USDS vest (0x...) to chainlog under MCD_VEST_USDS`, `// Note: Bump chainlog patch version as new keys are
# being added`); the onboardings of 2021-09-03, 2021-10-08 and 2022-04-29 wrote one comment above the setup.
ONBOARDING_NOTES_FROM = "2025-01-23"
