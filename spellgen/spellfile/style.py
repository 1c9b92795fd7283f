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
