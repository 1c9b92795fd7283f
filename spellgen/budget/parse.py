"""Read a budget YAML into the model, reporting every shape problem with its line and column.

The typed getters are the spell parser's `Reader`, so amounts, dates, addresses and names are read
(and refused) exactly as in a spell file. Relations between values (periods that overlap, a
schedule off the vesting dates, caps) are `validate.py`'s job.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from spellgen.spellfile import timeutil
from spellgen.spellfile.address import AddressError, parse_address
from spellgen.spellfile.diagnostics import Diagnostics, InputError, Loc
from spellgen.spellfile.parse import Reader, SpellParser
from spellgen.spellfile.protocol import VESTS
from spellgen.spellfile.history import MAINNET
from spellgen.spellfile.solidity import identifier_problem
from spellgen.spellfile.source import YNode, read_file
from spellgen.budget import months
from spellgen.budget.model import (
    GOV_TOKENS, STABLE_TOKENS, Budget, Period, PeriodBudget, PeriodStream, ScheduleBudget, Vesting, Wallet,
)

FORMAT_VERSION = 1
# One optional section per token, named by the token in lower case (`dai`, `usds`, `mkr`, `sky`).
PART_KEYS = {token.lower(): token for token in STABLE_TOKENS + GOV_TOKENS}
# The unit is a core unit (`core_unit: {id, name}`, titles "TechOps Core Unit ...") or, in the Sky era,
# another budgeted body named with its role (`unit: {id, name, role}`, titles "JanSky Facilitator ...").
TOP_KEYS = {"spellgen": False, "core_unit": False, "unit": False, "wallets": True} | {key: False for key in PART_KEYS}
UNIT_KEYS = {"id": True, "name": True}
ROLE_UNIT_KEYS = UNIT_KEYS | {"role": True}
CORE_UNIT_ROLE = "Core Unit"
WALLETS_KEYS = {"auditor": True, "operational": False}
WALLET_KEYS = {"name": True, "address": True}
STABLE_KEYS = {"mip": True, "links": False, "annual_cap": True, "monthly_cap": True, "plan_ahead": False,
            "periods": True}
PERIOD_KEYS = {"start": True, "end": True, "stream": False, "top_up": False}
STREAM_KEYS = {"total": True, "vest": False, "end": False, "cliff": False}
GOV_KEYS = {"mip": True, "links": False, "lock_in_price": False, "price_floor": False, "manual_repricing": False,
            "auto_renewal": False, "vesting_start": True, "vesting_period": True, "cliff": True, "interval": True,
            "annual_cap": True, "total_cap": True, "transfer_within": True, "schedule": True,
            "schedule_total": False}
LOCK_IN_KEYS = {"new": False, "og": False}
VESTING_KEYS = {"date": True, "amount": True}


def vests_of(token: str) -> list[str]:
    """The vests that pay `token`: the choices of a period stream's `vest`."""
    return [k for k, v in VESTS.items() if v.token == token]

DEFAULT_PLAN_AHEAD = "3 months"


class BudgetParser:
    def __init__(self, diags: Diagnostics):
        self.r = Reader(diags)
        self.links_reader = SpellParser(diags)  # links read exactly as in a spell's sections

    # -- values --------------------------------------------------------------------------------
    def day(self, node: YNode, what: str) -> date | None:
        text = self.r.scalar(node, what)
        if text is None:
            return None
        try:
            return timeutil.parse_date(text)
        except timeutil.DateError as exc:
            self.r.error(node.loc, f"{what}: {exc}")
            return None

    def months(self, node: YNode, what: str) -> int | None:
        text = self.r.scalar(node, what)
        if text is None:
            return None
        try:
            return months.parse_months(text)
        except months.MonthsError as exc:
            self.r.error(node.loc, f"{what}: {exc}")
            return None

    def optional(self, e: dict[str, YNode], key: str, read, *args):
        return read(e[key], *args) if key in e else None

    @staticmethod
    def locs(node: YNode) -> dict[str, Loc]:
        return {k: v.loc for k, v in node.entries.items()} | {"": node.loc}

    # -- top level -----------------------------------------------------------------------------
    def budget(self, root: YNode) -> Budget | None:
        if not self.r.mapping(root, TOP_KEYS, "the budget file"):
            return None
        e = root.entries
        if "spellgen" in e:
            self.r.integer(e["spellgen"], "the format version", FORMAT_VERSION, FORMAT_VERSION)
        unit = self.unit(root)
        wallets = self.wallets(e["wallets"]) if "wallets" in e else None
        periodic: dict[str, PeriodBudget] = {}
        scheduled: dict[str, ScheduleBudget] = {}
        for token in STABLE_TOKENS + GOV_TOKENS:
            node = e.get(token.lower())
            if node is None:
                continue
            streamed = token in STABLE_TOKENS or (node.kind == "map" and "periods" in node.entries)
            if streamed:
                if (period_part := self.periodic(node, token)) is not None:
                    periodic[token] = period_part
            elif (schedule_part := self.scheduled(node, token)) is not None:
                scheduled[token] = schedule_part
        if not set(PART_KEYS) & set(e):
            self.r.error(root.loc, f"the budget needs at least one part: {', '.join(f'`{k}`' for k in PART_KEYS)}")
        if unit is None or wallets is None:
            return None
        return Budget(unit[0], unit[1], wallets, periodic, scheduled, unit_role=unit[2], locs=self.locs(root))

    def unit(self, root: YNode) -> tuple[str, str, str] | None:
        """(id, name, role) from `core_unit` or `unit`: exactly one of them."""
        e = root.entries
        if ("core_unit" in e) == ("unit" in e):
            where = root.key_locs["unit"] if "unit" in e else root.loc
            self.r.error(where, "the budget names its unit with exactly one of `core_unit: {id, name}` and "
                                "`unit: {id, name, role}`")
            return None
        key = "core_unit" if "core_unit" in e else "unit"
        node = e[key]
        if not self.r.mapping(node, UNIT_KEYS if key == "core_unit" else ROLE_UNIT_KEYS, f"`{key}`"):
            return None
        f = node.entries
        ident = self.optional(f, "id", self.r.text, "the unit id")
        name = self.optional(f, "name", self.r.text, "the unit name")
        role = self.optional(f, "role", self.title_words, "the unit's role") if key == "unit" else CORE_UNIT_ROLE
        return (ident.strip(), name.strip(), role) if ident and name and role else None

    def title_words(self, node: YNode, what: str) -> str | None:
        """Words for a section title ("Facilitator"): letters, digits, spaces and hyphens only."""
        text = self.r.text(node, what)
        if text is None:
            return None
        if not all(c.isalnum() or c in " -" for c in text.strip()):
            self.r.error(node.loc, f"{what} goes into section titles: letters, digits, spaces and hyphens only")
            return None
        return " ".join(text.split())

    def wallets(self, node: YNode) -> list[Wallet] | None:
        if not self.r.mapping(node, WALLETS_KEYS, "`wallets`"):
            return None
        e = node.entries
        auditor = self.wallet(e["auditor"], "auditor") if "auditor" in e else None
        operational = None
        if "operational" in e and not self.r.is_none(e["operational"]):
            operational = self.wallet(e["operational"], "operational")
            if operational is None:
                return None
        if auditor is None:
            return None
        if operational and (operational.name == auditor.name or operational.address == auditor.address):
            self.r.error(e["operational"].loc, "the operational wallet must differ from the auditor wallet "
                                               "in name and address")
            return None
        return [auditor] + ([operational] if operational else [])

    def wallet(self, node: YNode, role: str) -> Wallet | None:
        if not self.r.mapping(node, WALLET_KEYS, f"the {role} wallet"):
            return None
        e = node.entries
        name = self.optional(e, "name", self.r.scalar, f"the {role} wallet's name")
        if name is not None and (problem := identifier_problem(name, frozenset(MAINNET) | frozenset(VESTS))):
            self.r.error(e["name"].loc, f"the {role} wallet's name {problem}")
            name = None
        address = None
        if "address" in e and (text := self.r.scalar(e["address"], f"the {role} wallet's address")) is not None:
            try:
                address = parse_address(text)
            except AddressError as exc:
                self.r.error(e["address"].loc, str(exc))
        if name is None or address is None:
            return None
        return Wallet(role, name, address, locs=self.locs(node), path=node.path)

    # -- amounts of a part -------------------------------------------------------------------
    def tokens(self, node: YNode, what: str, token: str) -> Decimal | None:
        """An amount of the part's token: `100 DAI` inside `usds:` is refused where it is written."""
        return self.r.amount(node, what, token, mover=f"the `{token.lower()}` part counts")

    # -- period parts (DAI, USDS; MKR, SKY streamed) --------------------------------------------
    def periodic(self, node: YNode, token: str) -> PeriodBudget | None:
        what = f"`{token.lower()}`" if token in STABLE_TOKENS else f"`{token.lower()}` (a part with `periods`)"
        if token in GOV_TOKENS and node.kind == "map" and "schedule" in node.entries:
            # One part, one way of counting: a stream and a transfer of the same vesting would be
            # counted twice, and which of them pays which vesting would be a guess.
            self.r.error(node.key_locs["schedule"], f"a `{token.lower()}` part is streamed (`periods`) or moved by "
                                                    "transfers (`schedule`), not both: keep one of them")
            return None
        if not self.r.mapping(node, STABLE_KEYS, what):
            return None
        e = node.entries
        mip = self.optional(e, "mip", self.r.text, "the MIP")
        links = self.links_reader.links(e["links"]) if "links" in e else []
        annual = self.optional(e, "annual_cap", self.tokens, "the annual cap", token)
        monthly = self.optional(e, "monthly_cap", self.tokens, "the monthly cap", token)
        ahead = self.months(e["plan_ahead"], "plan_ahead") if "plan_ahead" in e \
            else months.parse_months(DEFAULT_PLAN_AHEAD)
        periods = [p for n in self.r.seq(e["periods"], "periods") if (p := self.period(n, token))] \
            if "periods" in e else []
        if mip is None or annual is None or monthly is None or ahead is None:
            return None
        return PeriodBudget(mip.strip(), links, annual, monthly, periods, ahead, token,
                            locs=self.locs(node), path=node.path)

    def period(self, node: YNode, token: str) -> Period | None:
        if not self.r.mapping(node, PERIOD_KEYS, "a budget period"):
            return None
        e = node.entries
        if "top_up" in e and token not in STABLE_TOKENS:
            self.r.error(node.key_locs["top_up"], f"a top-up pays a stablecoin from the surplus buffer; {token} "
                                                  "periods are funded by their `stream`")
            return None
        first = self.optional(e, "start", self.day, "the period's first day")
        last = self.optional(e, "end", self.day, "the period's last day")
        stream = self.stream(e["stream"], token) if "stream" in e else None
        top_up = self.optional(e, "top_up", self.tokens, "the top-up", token)
        if first is None or last is None or ("stream" in e and stream is None) or ("top_up" in e and top_up is None):
            return None
        return Period(first, last, stream, top_up, locs=self.locs(node), path=node.path)

    def stream(self, node: YNode, token: str) -> PeriodStream | None:
        if not self.r.mapping(node, STREAM_KEYS, "the period's stream"):
            return None
        e = node.entries
        total = self.optional(e, "total", self.tokens, "the stream total", token)
        vest = self.optional(e, "vest", self.r.choice, "the vest", vests_of(token))
        end = self.optional(e, "end", self.r.instant, "the stream's end", "end")
        cliff = None
        if "cliff" in e and not self.r.is_none(e["cliff"]):
            cliff = self.r.instant(e["cliff"], "the stream's cliff", "start")
            if cliff is None:
                return None
        if total is None or ("vest" in e and vest is None) or ("end" in e and end is None):
            return None
        return PeriodStream(total, vest, end[0] if end else None, cliff[0] if cliff else None,
                            locs=self.locs(node), path=node.path)

    # -- schedule parts (MKR, SKY moved by transfers) -----------------------------------------
    def scheduled(self, node: YNode, token: str) -> ScheduleBudget | None:
        if not self.r.mapping(node, GOV_KEYS, f"`{token.lower()}`"):
            return None
        e = node.entries
        mip = self.optional(e, "mip", self.r.text, "the MIP")
        links = self.links_reader.links(e["links"]) if "links" in e else []
        start = self.optional(e, "vesting_start", self.day, "the vesting start")
        lengths = {key: self.optional(e, key, self.months, key.replace("_", " "))
                   for key in ("vesting_period", "cliff", "interval", "transfer_within")}
        annual = self.optional(e, "annual_cap", self.tokens, "the annual cap", token)
        total = self.optional(e, "total_cap", self.tokens, "the total cap", token)
        schedule = [v for n in self.r.seq(e["schedule"], "the vesting schedule") if (v := self.vesting(n, token))] \
            if "schedule" in e else []
        stated = self.optional(e, "schedule_total", self.tokens, "the schedule total", token)
        info = self.info(e, token)
        if None in (mip, start, annual, total, *lengths.values()) or ("schedule_total" in e and stated is None):
            return None
        return ScheduleBudget(mip.strip(), links, start, lengths["vesting_period"], lengths["cliff"],
                              lengths["interval"], annual, total, lengths["transfer_within"], schedule, stated, info,
                              token, locs=self.locs(node), path=node.path)

    def vesting(self, node: YNode, token: str) -> Vesting | None:
        if not self.r.mapping(node, VESTING_KEYS, "a vesting"):
            return None
        e = node.entries
        day = self.optional(e, "date", self.day, "the vesting date")
        amount = self.optional(e, "amount", self.tokens, f"the {token} amount", token)
        if day is None or amount is None:
            return None
        return Vesting(day, amount, locs=self.locs(node), path=node.path)

    def info(self, e: dict[str, YNode], token: str) -> dict[str, str]:
        """Facts the MIP states for information (prices, repricing): kept as written, shown in status."""
        info: dict[str, str] = {}
        if "lock_in_price" in e and self.r.mapping(e["lock_in_price"], LOCK_IN_KEYS, "`lock_in_price`"):
            for key, label in (("new", f"{token}/USD lock-in price (new)"), ("og", f"{token}/USD lock-in price (OG)")):
                node = e["lock_in_price"].entries.get(key)
                if node is not None and (text := self.r.text(node, label)) is not None:
                    info[label] = text.strip()
        if "price_floor" in e and (text := self.r.text(e["price_floor"], "the price floor")) is not None:
            info[f"{token} price floor"] = text.strip()
        for key, label in (("manual_repricing", "Manual repricing"), ("auto_renewal", "Auto-renewal")):
            if key in e and (flag := self.r.boolean(e[key], key)) is not None:
                info[label] = "yes" if flag else "no"
        return info


def parse_budget(root: YNode, diags: Diagnostics) -> Budget:
    budget = BudgetParser(diags).budget(root)
    if diags.errors or budget is None:
        raise InputError(diags)
    return budget


def load_budget(path: Path, diags: Diagnostics | None = None) -> Budget:
    """Read and parse a budget file, then check its own consistency; raise InputError on any error."""
    from spellgen.budget.validate import validate_budget

    diags = diags or Diagnostics(str(path))
    budget = parse_budget(read_file(path, diags), diags)
    budget.file = str(path)
    validate_budget(budget, diags)
    if diags.errors:
        raise InputError(diags)
    return budget

