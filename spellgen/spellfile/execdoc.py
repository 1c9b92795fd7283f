"""The executive document: its permanent URL, its hash as spell crafters compute it, placeholders.

A spell's description ends with `Hash: 0x...`, the keccak-256 of the executive document's text as
`cast keccak -- "$(wget 'URL' -q -O - 2>/dev/null)"` reads it. The shell's command substitution
drops trailing newlines, so the hash is that of the document without them; the hash of the raw
bytes (with the final newline) is a different number that no reviewer reproduces. Checked against
the four documents of the example spells at their commits: each description holds the trimmed hash.

Where documents live, by date (public repositories, dates of their first and last documents):
`makerdao/community`, `governance/votes/Executive vote - <Month> <d>, <yyyy>.md`, up to the
2025-05-15 vote; `sky-ecosystem/executive-votes`, `<yyyy>/executive-vote-<yyyy-mm-dd>[-<slug>].md`,
from the 2025-05-29 vote on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import quote, unquote

from spellgen.spellfile.address import keccak256
from spellgen.errors import InvalidInput

_HASH = re.compile(r"Hash:\s*(0x[0-9a-fA-F]{64})\b")

EMPTY_KECCAK = "0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"  # keccak256("")

RAW_HOST = "raw.githubusercontent.com"
SKY_REPO = "sky-ecosystem/executive-votes"
MAKER_REPO = "makerdao/community"
SKY_REPO_SINCE = "2025-05-29"  # the first document in sky-ecosystem/executive-votes
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")

# What may appear in the URL at all: it is pasted into a `//` comment and a single-quoted shell
# word, so quotes, `*/`, `$`, backticks, spaces and line breaks must never get through. Anything
# else a file name needs is percent-encoded (a space is %20, a comma %2C).
_URL_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/:%")
_COMMIT = re.compile(r"^[0-9a-f]{40}$")
_SKY_PATH = re.compile(r"^(?P<folder>\d{4})/(?:oos-)?executive-vote-(?P<date>\d{4}-\d{2}-\d{2})"
                       r"(?:-[A-Za-z0-9]+)*\.md$")
_MAKER_PATH = re.compile(r"^governance/votes/(?:Community )?Executive [Vv]ote - (?P<month>[A-Z][a-z]+) "
                         r"(?P<day>\d{1,2}), (?P<year>\d{4})\.md$")
MAX_URL = 300
# The same shape for editors (JSON Schema); parse_url is the full check (dates, encoding).
URL_PATTERN = (r"^https://raw\.githubusercontent\.com/(sky-ecosystem/executive-votes|makerdao/community)/[0-9a-f]{40}/"
               r"[A-Za-z0-9._~/%-]+\.md$")


@dataclass(frozen=True)
class DocUrl:
    """A permanent raw URL of an executive document, taken apart."""

    url: str
    repo: str  # owner/name
    commit: str  # 40 lowercase hex digits
    path: str  # decoded path inside the repository
    date: str  # YYYY-MM-DD, from the file name


class UrlError(InvalidInput, ValueError):
    pass


def parse_url(url: str) -> DocUrl:
    """Take a raw.githubusercontent.com URL of an executive document apart; UrlError says what is wrong."""
    bad = sorted({c for c in url if c not in _URL_CHARS})
    if bad:
        raise UrlError(f"contains {', '.join(repr(c) for c in bad)}: the URL goes into a Solidity comment "
                       "and a shell command, so it may hold only letters, digits, -._~/: and %-escapes "
                       "(a space is %20, a comma %2C)")
    if len(url) > MAX_URL:
        raise UrlError(f"is {len(url)} characters long; at most {MAX_URL}")
    scheme, sep, rest = url.partition("://")
    if not sep or scheme != "https":
        raise UrlError("must start with https://")
    host, _, path = rest.partition("/")
    if host != RAW_HOST:
        raise UrlError(f"must be a raw file on {RAW_HOST} (the text wget downloads), not on {host or 'no host'}")
    parts = path.split("/", 3)
    if len(parts) < 4:
        raise UrlError(f"must read https://{RAW_HOST}/OWNER/REPO/COMMIT/PATH")
    owner, name, commit, encoded = parts
    if not _COMMIT.match(commit):
        raise UrlError(f"names {commit!r} where the commit goes: use the full 40-hex-digit commit (lowercase) "
                       "of the document's last change; a branch moves and the hash would no longer match")
    try:
        decoded = unquote(encoded, errors="strict")
    except UnicodeDecodeError:
        raise UrlError("the file's path has %-escapes that are not UTF-8") from None
    canonical = quote(decoded, safe="/")
    if canonical != encoded:
        raise UrlError(f"the file's path is not percent-encoded once, as GitHub's raw links are: write {canonical}")
    repo = f"{owner}/{name}"
    if repo not in (SKY_REPO, MAKER_REPO):
        raise UrlError(f"names the repository {repo}; executive documents are in {SKY_REPO} "
                       f"(from {SKY_REPO_SINCE}) or {MAKER_REPO} (before)")
    return DocUrl(url, repo, commit, decoded, _path_date(repo, decoded))


def _path_date(repo: str, path: str) -> str:
    if repo == SKY_REPO:
        match = _SKY_PATH.match(path)
        if not match:
            raise UrlError(f"the file {path!r} is not YYYY/executive-vote-YYYY-MM-DD-<slug>.md")
        day = _iso(match["date"], path)
        if match["folder"] != day[:4]:
            raise UrlError(f"the file {path!r} is in the folder {match['folder']} but dated {day}")
        return day
    match = _MAKER_PATH.match(path)
    if not match or match["month"] not in MONTHS:
        raise UrlError(f"the file {path!r} is not governance/votes/Executive vote - <Month> <d>, <yyyy>.md")
    return _iso(f"{match['year']}-{MONTHS.index(match['month']) + 1:02d}-{int(match['day']):02d}", path)


def _iso(text: str, path: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise UrlError(f"the file {path!r} is dated {text}, which is no calendar date") from None


def repo_for(day: str) -> str:
    """The repository the executive document of a spell dated `day` lives in."""
    return SKY_REPO if day >= SKY_REPO_SINCE else MAKER_REPO


def is_placeholder(digest: str) -> bool:
    """A hash nobody computed: its 64 hex digits repeat a block of at most 16 (0x000..., 0x1111...,
    0xabab..., 0xdeadbeef..., 0x1234567890abcdef...). A keccak output does that with probability
    about 16^-48, so a real hash is never refused."""
    digits = digest.lower().removeprefix("0x")
    return any(digits == (digits[:n] * (64 // n + 1))[:64] for n in range(1, 17))


@dataclass(frozen=True)
class DocHashes:
    raw: str  # keccak-256 of the file's bytes, 0x + 64 lowercase hex digits
    trimmed: str  # the same without trailing newlines: what `cast keccak -- "$(wget ...)"` prints

    def matches(self, claimed: str) -> bool:
        return claimed.lower() == self.trimmed


def keccak_hex(data: bytes) -> str:
    return "0x" + keccak256(data).hex()


def document_hashes(data: bytes) -> DocHashes:
    return DocHashes(keccak_hex(data), keccak_hex(data.rstrip(b"\n")))


def description_hash(description: str) -> str | None:
    """The `Hash: 0x...` a description claims, or None when it states none."""
    match = _HASH.search(description)
    return match.group(1) if match else None


def resolve(copy: str, base_dir: Path) -> Path:
    """A local copy is relative to the YAML's folder (an absolute path stays as it is)."""
    return base_dir / Path(copy)
