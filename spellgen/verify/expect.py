"""What the chain must show after the cast, computed from the YAML model alone.

Verification compares these values with what is read from the chain. Nothing here looks at the
rendered Solidity: a check that compared the template with itself would prove nothing.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from spellgen.spec.amounts import human, to_wei
from spellgen.spec.model import Allowance, CapChange, DaiPayment, MkrTransfer, Spell, Stream, Yank
from spellgen.spec.protocol import VESTS, WAD
from spellgen.spec.timeutil import human_duration, iso

ZERO = "0x0000000000000000000000000000000000000000"


@dataclass(frozen=True)
class Item:
    """One YAML action as a reviewer names it."""

    label: str  # e.g. "DAI payment: 1,069,250 DAI to TECH_001"
    path: str  # YAML field path, e.g. sections[0].actions[1]


@dataclass(frozen=True)
class NewAward:
    item: Item
    vest: str
    usr: str
    bgn: int
    clf: int
    fin: int
    mgr: str
    res: int
    tot: int  # wei
    token: str


@dataclass(frozen=True)
class Payment:
    item: Item
    recipient: str
    wei: int  # DAI received (whole DAI * WAD)


@dataclass(frozen=True)
class Transfer:
    item: Item
    recipient: str
    wei: int  # MKR received


@dataclass(frozen=True)
class Yanked:
    item: Item
    vest: str
    award: int
    end: int | None  # None: the cast time
    usr: str | None  # expected owner before the cast, when the YAML states it
    fin_before: int | None


@dataclass(frozen=True)
class AllowanceChange:
    item: Item
    vest: str
    token: str
    mode: str  # "increase" or "set"
    wei: int


@dataclass(frozen=True)
class CapSet:
    item: Item
    vest: str
    per_second: int  # wei per second, as Solidity computes amount * WAD / period


@dataclass
class Expected:
    description: str
    office_hours: bool
    expiry: int
    awards: list[NewAward] = field(default_factory=list)
    payments: list[Payment] = field(default_factory=list)
    transfers: list[Transfer] = field(default_factory=list)
    yanks: list[Yanked] = field(default_factory=list)
    allowances: list[AllowanceChange] = field(default_factory=list)
    caps: list[CapSet] = field(default_factory=list)
    new_awards_per_vest: dict[str, int] = field(default_factory=dict)
    date: str = ""  # the spell's target date, YYYY-MM-DD (the limits in force then)

    @property
    def dai_paid(self) -> int:
        return sum(p.wei for p in self.payments)

    @property
    def mkr_transferred(self) -> int:
        return sum(t.wei for t in self.transfers)

    @property
    def vests(self) -> list[str]:
        keys = {a.vest for a in self.awards} | {y.vest for y in self.yanks} | {a.vest for a in self.allowances} \
            | {c.vest for c in self.caps}
        return sorted(keys)


def _label_party(party) -> str:
    return party.name or party.address


def _award(s: Stream) -> NewAward:
    token = VESTS[s.vest].token
    item = Item(f"stream: {human(s.total)} {token} to {_label_party(s.to)} on {s.vest}, "
                f"{iso(s.start)} to {iso(s.end)}", s.path)
    return NewAward(item, s.vest, s.to.address, s.start, s.start + s.eta, s.end,
                    s.manager.address if s.manager else ZERO, 1 if s.restricted else 0, to_wei(s.total), token)


def _allowance(a: Allowance, spell: Spell) -> AllowanceChange:
    token = VESTS[a.vest].token
    if a.amount is not None:
        amount = a.amount
    else:  # increase: auto, the sum of the new streams' totals on that vest
        amount = sum((s.total for s in spell.of_type(Stream) if s.vest == a.vest), Decimal(0))
    verb = "set to" if a.mode == "set" else "increased by"
    item = Item(f"allowance: PauseProxy {token} to {a.vest} {verb} {human(amount)} {token}", a.path)
    return AllowanceChange(item, a.vest, token, a.mode, to_wei(amount))


def expected_from(spell: Spell) -> Expected:
    """Every on-chain consequence the YAML declares, in chain units."""
    out = Expected(spell.description, spell.office_hours, spell.expiry, date=spell.date)
    for action in spell.actions:
        if isinstance(action, Stream):
            out.awards.append(_award(action))
        elif isinstance(action, DaiPayment):
            item = Item(f"DAI payment: {action.paid:,} DAI to {_label_party(action.to)}", action.path)
            out.payments.append(Payment(item, action.to.address, action.paid * WAD))
        elif isinstance(action, MkrTransfer):
            item = Item(f"MKR transfer: {human(action.amount, 2)} MKR to {_label_party(action.to)}", action.path)
            out.transfers.append(Transfer(item, action.to.address, to_wei(action.amount)))
        elif isinstance(action, Yank):
            when = iso(action.end) if action.end is not None else "the cast"
            item = Item(f"yank: award {action.id} on {action.vest}, ending at {when}", action.path)
            out.yanks.append(Yanked(item, action.vest, action.id, action.end,
                                    action.recipient.address if action.recipient else None, action.current_end))
        elif isinstance(action, Allowance):
            out.allowances.append(_allowance(action, spell))
        elif isinstance(action, CapChange):
            token = VESTS[action.vest].token
            item = Item(f"cap: {action.vest} to {human(action.amount)} {token} per "
                        f"{human_duration(action.period)}", action.path)
            out.caps.append(CapSet(item, action.vest, action.cap.per_second_wei))
    out.new_awards_per_vest = dict(Counter(a.vest for a in out.awards))
    return out
