"""A section's link lines: what each URL is (a forum post, a poll, an executive vote, a MIP, an Atlas
article), read from its host and path, so the YAML key, the rendered prefix and the URL agree.

Real spells label each line by what it links to (`// Forum: https://forum.sky.money/t/...`); a slip
such as a forum post under `Poll:` or an `http://` link is what a reviewer has to catch by eye.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from spellgen.spellfile.style import HTTPS_LINKS_FROM, HouseStyle


@dataclass(frozen=True)
class LinkRule:
    hosts: tuple[str, ...]
    path: str  # the path must start with this ("" for any)
    label: str


# The hosts governance has used, old and new (forum and portal moved from makerdao.com to sky.money;
# the Atlas from powerhouse.io to sky-atlas.io), as the archived spells of 2023-26 label them.
RULES = (
    LinkRule(("forum.makerdao.com", "forum.sky.money", "forum.skyeco.com"), "", "Forum"),
    LinkRule(("vote.makerdao.com", "vote.sky.money"), "/polling", "Poll"),
    LinkRule(("vote.makerdao.com", "vote.sky.money"), "/executive", "Executive Vote"),
    LinkRule(("snapshot.box", "snapshot.org"), "", "Poll"),
    LinkRule(("mips.makerdao.com",), "", "MIP"),
    LinkRule(("sky-atlas.io", "sky-atlas.powerhouse.io"), "", "Atlas"),
)
NOUNS = {"Forum": "a forum post", "Poll": "a poll", "Executive Vote": "an executive vote", "MIP": "a MIP",
         "Atlas": "the Atlas"}
URL = re.compile(r"^https://\S+$", re.IGNORECASE)
MIP_NAME = re.compile(r"^MIP\d+(?:c\d+)?(?:-SP\d+)?$")  # `MIP40c3-SP53`, `MIP106`
# The MIPs portal page of a MIP, as the bare link lines of 2021-23 spells cite it: the name without
# its hyphen (`MIP40c3-SP53` -> `.../details/MIP40c3SP53`, as the 2022-01-28 spell wrote).
MIP_PAGE = "https://mips.makerdao.com/mips/details/{name}"
_HTTP = re.compile(r"http://\S*", re.IGNORECASE)


def _split(url: str) -> tuple[str, str]:
    """(host without `www.`, path); ("", "") for what urllib cannot read (`https://[`)."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return "", ""
    return (host[4:] if host.startswith("www.") else host), parts.path


def label_of(url: str) -> str | None:
    """The label a URL's host and path imply, or None when spellgen does not know them."""
    host, path = _split(url)
    for rule in RULES:
        if host in rule.hosts and path.startswith(rule.path):
            return rule.label
    return None


@dataclass(frozen=True)
class LinkProblem:
    error: bool  # False: a warning
    message: str


def link_problems(label: str, text: str, style: HouseStyle) -> list[LinkProblem]:
    """What is wrong with `text` written under the key whose label is `label`.

    Errors (a wrong fact): an `http://` URL; a known host under a key it does not fit. Warnings (the
    reviewer decides): a host spellgen does not know (governance has moved hosts before, so a new one
    must not block a spell; the key's label is rendered); from 2024-08-12 a line that is not one https
    URL (spells then wrote only URLs, but a budget plan may cite its MIP by name, `MIP40c3-SP53`).
    Before 2024-08-12 such a reference is the style of the time and passes (before 2023-03-29 a MIP
    name is rendered as its portal page, see `link_line`).
    """
    problems = [LinkProblem(True, f"{found!r} is not an https link; write https://") for found in _HTTP.findall(text)]
    if problems:
        return problems
    if not URL.match(text):
        if style.https_links_only:
            return [LinkProblem(False, f"{text!r} is not one https URL; spells from {HTTPS_LINKS_FROM} write each "
                                      "link line as `// Label: https://...`")]
        return []  # a reference such as `MIP40c3-SP53`, written as is
    implied = label_of(text)
    if implied is None:
        return [LinkProblem(False, _unknown(label, text))]
    if implied != label:
        key = implied.lower().replace(" ", "_")
        return [LinkProblem(True, f"{text} links to {NOUNS[implied]}, not to {NOUNS.get(label, label)}: "
                                  f"write it under `{key}:`")]
    return []


def _unknown(label: str, text: str) -> str:
    host = _split(text)[0]
    rules = [rule for rule in RULES if rule.label == label]
    if any(host in rule.hosts for rule in rules):
        paths = ", ".join(f"{host}{rule.path}/..." for rule in rules if host in rule.hosts)
        return f"{text}: spellgen cannot tell from its path that it is a {label} link ({paths}); check it by hand"
    hosts = ", ".join(sorted({h for rule in rules for h in rule.hosts}))
    return f"{host or text!r} is not a host spellgen knows for {label} links ({hosts}); check the link by hand"


def rendered_label(label: str, text: str) -> str:
    """The prefix of the rendered line: what the URL implies, else the YAML key's label."""
    return (label_of(text) if URL.match(text) else None) or label


def link_line(label: str, text: str, style: HouseStyle) -> str:
    """The text of a link line after `// `, in the style of the date: `Forum: https://...` from
    2023-03-29 (the label the URL implies, else the YAML key's); before, the bare URL, with a MIP
    named under `mip:` written as its portal page, as the spells of 2021-23 cited MIPs."""
    if style.labelled_links:
        return f"{rendered_label(label, text)}: {text}"
    if label == "MIP" and MIP_NAME.match(text):
        return MIP_PAGE.format(name=text.replace("-", ""))
    return text
