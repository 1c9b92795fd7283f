"""Write a plan as a spell YAML (the format `check`, `render` and `simulate` read), citing the MIP.

The text is checked by the spell parser and `check_spell` before anyone sees it: a plan that the
rest of spellgen would refuse is a bug here, reported as such, never a file on disk.
"""
from __future__ import annotations

import json
import re
from decimal import Decimal

from spellgen.spellfile import timeutil
from spellgen.spellfile.amounts import human
from spellgen.spellfile.history import MKR_CONVERSION_ERA
from spellgen.spellfile.checks import check_spell
from spellgen.spellfile.diagnostics import Diagnostics, InputError
from spellgen.spellfile.parse import LINK_LABELS, parse_spell
from spellgen.spellfile.source import parse_text
from spellgen.budget import months
from spellgen.budget.model import Budget, PeriodBudget
from spellgen.budget.plan import Plan, PlannedStream, PlannedTopUp, PlannedTransfer
from spellgen.errors import SpellgenError

HASH = re.compile(r"^0x[0-9a-f]{64}$")
PLACEHOLDER_HASH = "TBD"  # check warns about it until the executive document's hash is filled in


class PlanError(SpellgenError):
    """The plan's spell YAML does not pass the spell checks: a bug in the planner."""


def description(day: str, exec_hash: str | None) -> str:
    return f"{day} MakerDAO Executive Spell | Hash: {exec_hash or PLACEHOLDER_HASH}"


def spell_yaml(plan: Plan, budget: Budget, budget_name: str, ledger_note: str, exec_hash: str | None = None,
               office_hours: bool = True, solc: str = "0.8.16", schema_ref: str | None = None) -> str:
    day = plan.day.isoformat()
    lines = [f"# yaml-language-server: $schema={schema_ref}", "#"] if schema_ref else []
    lines += [
        f"# Planned by `spellgen plan` from {budget_name} for the executive spell of {day}.",
        f"# {ledger_note}.",
        "# Review it, set the executive document's hash in the description, then check, render and simulate it.",
        "spellgen: 1",
        "",
        "spell:",
        f"  date: {day}",
        f"  description: {_quote(description(day, exec_hash))}",
        f"  office_hours: {'true' if office_hours else 'false'}",
        f"  solc: {solc}",
        "  # A plan is a draft until its executive document exists: for the vote, add",
        "  # `exec_doc: {url: ...}` (the document's raw.githubusercontent.com URL at a commit) and remove `draft`.",
        "  draft: true",
        "",
        "wallets:",
        f"  {budget.auditor.name}: {budget.auditor.address}   # {budget.unit_id} Auditor Wallet",
        "",
        "sections:",
    ]
    for part in budget.periodic.values():
        lines += _period_section(plan, budget, part)
    for transfer in plan.transfers:
        if transfer.due:
            lines += _transfer_section(plan, budget, transfer)
    return "\n".join(lines + [""] + _expect(plan)) + "\n"


def _section_head(title: str, links: list[tuple[str, str]]) -> list[str]:
    lines = [f"  - title: {_quote(title)}"]
    keys = {label: key for key, label in LINK_LABELS.items()}
    if links:
        lines.append("    links:")
        grouped: dict[str, list[str]] = {}
        for label, text in links:
            grouped.setdefault(keys[label], []).append(text)
        for key, texts in grouped.items():
            if len(texts) == 1:
                lines.append(f"      {key}: {_quote(texts[0])}")
            else:
                lines += [f"      {key}:"] + [f"        - {_quote(t)}" for t in texts]
    lines.append("    actions:")
    return lines


def _title(budget: Budget, what: str) -> str:
    return f"{budget.unit_name} {budget.unit_role} {what}"  # "TechOps Core Unit DAI budget"


def _period_section(plan: Plan, budget: Budget, part: PeriodBudget) -> list[str]:
    """One section per period part with something due: its top-ups, its streams, then the allowance
    increase its streams on a transferrable vest need (one per vest, the exact sum of their totals)."""
    top_ups = [t for t in plan.top_ups if t.part is part]
    streams = [s for s in plan.streams if s.part is part]
    if not (top_ups or streams):
        return []
    token = part.token
    lines = _section_head(_title(budget, f"{token} budget"), part.links)
    caps = f"caps {human(part.annual_cap)} {token} a year, {human(part.monthly_cap)} {token} a month"
    for top_up in top_ups:
        lines += _top_up(top_up, budget, caps)
    for stream in streams:
        lines += _stream(stream, budget, caps, plan.day)
    allowances: dict[str, Decimal] = {}
    for stream in [s for s in streams if s.needs_allowance]:
        allowances[stream.vest] = allowances.get(stream.vest, Decimal(0)) + stream.total
    for vest, total in allowances.items():
        lines += _allowance(vest, token, total)
    return lines


def _allowance(vest: str, token: str, total: Decimal) -> list[str]:
    return [
        f"      # {vest} pays the PauseProxy's {token}: raise its allowance by exactly what the stream(s)",
        "      # above may pay, on top of what earlier awards still need.",
        "      - type: allowance",
        f"        vest: {vest}",
        f"        increase: {human(total)}",
    ]


def _top_up(top_up: PlannedTopUp, budget: Budget, caps: str) -> list[str]:
    cite = f"{top_up.part.mip} top-up for the budget period {top_up.period.label}"
    return [
        f"      # {cite}, from the surplus buffer", f"      # ({caps}).",
        f"      - type: {top_up.part.payment_type}",
        f"        to: {budget.auditor.name}",
        f"        amount: {human(top_up.amount)}",
        f"        comment: {_quote(cite)}",
    ]


def _stream(stream: PlannedStream, budget: Budget, caps: str, day) -> list[str]:
    cite = f"{stream.part.mip} budget period {stream.period.label}"
    lines = [f"      # {cite}, streamed by DssVest to the Auditor Wallet", f"      # ({caps})."]
    if stream.start < timeutil.day_start(day):
        lines.append(f"      # The period began before the spell: what accrued since {stream.period.first} "
                     "is claimable at once.")
    return lines + [
        "      - type: stream",
        f"        vest: {stream.vest}",
        f"        to: {budget.auditor.name}",
        f"        total: {human(stream.total)}",
        f"        start: {stream.period.first.isoformat()}",
        f"        end: {stream.end_text}",
        f"        cliff: {timeutil.stamp(stream.cliff) if stream.cliff is not None else 'none'}",
        "        manager: none",
        "        restricted: true",
        f"        comment: {_quote(cite)}",
    ]


def _transfer_section(plan: Plan, budget: Budget, transfer: PlannedTransfer) -> list[str]:
    gov, token = transfer.part, transfer.part.token
    lines = _section_head(_title(budget, f"{token} transfer"), gov.links)
    within = months.months_text(gov.horizon_months)
    lines += [
        f"      # {gov.mip}: {token} vesting within {within} of the executive vote moves from the treasury to the",
        f"      # Auditor Wallet in that vote: every vesting on or before {transfer.horizon} that earlier spells",
        "      # have not transferred, from the MIP's vesting schedule:",
    ]
    for part in transfer.due:
        of = f" (of {human(part.vesting.amount)} {token}; earlier spells moved the rest)" if part.partial else ""
        lines.append(f"      #   {part.vesting.date}  {human(part.amount)} {token}{of}")
    vested = ", ".join(f"{p.vesting.date} {human(p.amount)} {token}" for p in transfer.due)
    return lines + [
        f"      - type: {gov.transfer_type}",
        f"        to: {budget.auditor.name}",
        f"        amount: {human(transfer.total)}",
    ] + _sky_source(token, plan) + [
        f"        comment: {_quote(f'{gov.mip} vesting {vested}')}",
    ]


def _sky_source(token: str, plan: Plan) -> list[str]:
    """While the PauseProxy held MKR, not SKY, spells converted MKR for a SKY transfer (`from: mkr`)."""
    first, last = MKR_CONVERSION_ERA
    return ["        from: mkr"] if token == "SKY" and first <= plan.day.isoformat() <= last else []


def _expect(plan: Plan) -> list[str]:
    """The control totals an executive document states: `<token>_paid`, `<token>_transferred`, streams."""
    lines = ["expect:"]
    paid: dict[str, Decimal] = {}
    for t in plan.top_ups:
        paid[t.part.token] = paid.get(t.part.token, Decimal(0)) + t.amount
    lines += [f"  {token.lower()}_paid: {human(total)}" for token, total in paid.items()]
    lines += [f"  {t.part.token.lower()}_transferred: {human(t.total)}" for t in plan.transfers if t.due]
    if plan.streams:
        counts: dict[str, int] = {}
        streamed: dict[str, Decimal] = {}
        for s in plan.streams:
            counts[s.vest] = counts.get(s.vest, 0) + 1
            streamed[s.part.token] = streamed.get(s.part.token, Decimal(0)) + s.total
        lines += ["  streams:"] + [f"    {vest}: {n}" for vest, n in counts.items()]
        lines += ["  streamed:"] + [f"    {token}: {human(total)}" for token, total in streamed.items()]
    return lines


def verified(text: str, name: str) -> Diagnostics:
    """Parse and check the planned YAML like `spellgen check` would; its warnings are returned."""
    diags = Diagnostics(name)
    try:
        check_spell(parse_spell(parse_text(text, diags), diags), diags)
    except InputError:
        pass
    if diags.errors:
        problems = "\n".join(str(d) for d in diags.errors)
        raise PlanError(f"the planned spell does not pass the spell checks:\n{problems}")
    return diags


def _quote(text: str) -> str:
    return json.dumps(text)  # a JSON string is a valid YAML double-quoted scalar
