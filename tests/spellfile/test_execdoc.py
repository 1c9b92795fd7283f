"""The executive document: its URL, its hash as `cast keccak -- "$(wget URL ...)"` computes it,
placeholders and drafts, and the local copy's payments against the actions."""
import dataclasses
from pathlib import Path

import pytest

from spellgen.cli import main as cli
from spellgen.render.spell import render
from spellgen.spellfile.checks import check_spell
from spellgen.spellfile.diagnostics import Diagnostics
from spellgen.spellfile.execdoc import (
    EMPTY_KECCAK, MAKER_REPO, SKY_REPO, UrlError, description_hash, document_hashes, is_placeholder, keccak_hex,
    parse_url,
)
from spellgen.spellfile.execdoc_items import doc_payments
from spellgen.spellfile.parse import load_spell

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests/execdoc"
DOC = (FIXTURE / "exec.md").read_text()
SPELL = (FIXTURE / "spell.yaml").read_text()
DOC_HASH = "0x6762d710891b04bc1a3fb7cbbec7c5e6857706b9b567dd44079624611a94ae2e"
# The raw URLs the cast spells' hash comments name (sky-ecosystem/spells-mainnet and makerdao/spells-mainnet).
SKY_URL = ("https://raw.githubusercontent.com/sky-ecosystem/executive-votes/b8d7190058360e315d762041c135e8080eeadb5e/"
           "2026/executive-vote-2026-01-15-reduce-rewards-guni-offboarding.md")
MAKER_URL = ("https://raw.githubusercontent.com/makerdao/community/8ef80506bda5a3115105ec227733e68b4a63430d/"
             "governance/votes/Executive%20Vote%20-%20December%209%2C%202022.md")
COMMIT = "b8d7190058360e315d762041c135e8080eeadb5e"
SKY_BASE = f"https://raw.githubusercontent.com/{SKY_REPO}/{COMMIT}/"


def test_keccak_is_ethereums_not_sha3():
    # Known values: keccak256("") and `cast keccak hello` (SHA3-256 would give a7ffc6f8... for "").
    assert keccak_hex(b"") == EMPTY_KECCAK
    assert keccak_hex(b"hello") == "0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8"


def test_the_hash_is_of_the_text_without_trailing_newlines():
    # `cast keccak -- "$(wget URL -q -O -)"`: the shell's command substitution drops them.
    hashes = document_hashes(b"text\n\n")
    assert hashes.raw == keccak_hex(b"text\n\n") and hashes.trimmed == keccak_hex(b"text")
    assert hashes.matches(hashes.trimmed.upper().replace("0X", "0x"))
    assert not hashes.matches(hashes.raw) and not hashes.matches(keccak_hex(b"text\n"))


def test_description_hash():
    assert description_hash("2022-12-09 MakerDAO Executive Spell | Hash: 0x" + "ab" * 32) == "0x" + "ab" * 32
    assert description_hash("2022-12-09 MakerDAO Executive Spell") is None


# --- the URL --------------------------------------------------------------------------------------

def test_the_urls_of_both_eras_are_taken_apart():
    sky = parse_url(SKY_URL)
    assert (sky.repo, sky.commit, sky.date) == (SKY_REPO, COMMIT, "2026-01-15")
    maker = parse_url(MAKER_URL)
    assert (maker.repo, maker.date) == (MAKER_REPO, "2022-12-09")
    assert maker.path == "governance/votes/Executive Vote - December 9, 2022.md"
    # Also the forms the repositories used: no slug, an out-of-schedule vote, a lower-case "vote", a padded day.
    assert parse_url(SKY_BASE + "2025/executive-vote-2025-07-24.md").date == "2025-07-24"
    assert parse_url(SKY_BASE + "2025/oos-executive-vote-2025-11-17-solana-bridge-migration.md").date == "2025-11-17"
    maker_base = MAKER_URL.split("governance/")[0]
    assert parse_url(maker_base + "governance/votes/Executive%20vote%20-%20April%2002%2C%202021.md").date == "2021-04-02"


@pytest.mark.parametrize("url, why", [
    (SKY_URL.replace("https", "http", 1), "must start with https://"),
    (SKY_URL.replace("raw.githubusercontent.com", "github.com"), "must be a raw file on raw.githubusercontent.com"),
    (SKY_URL.replace(COMMIT, "master"), "names 'master' where the commit goes"),
    (SKY_URL.replace(COMMIT, COMMIT[:7]), "the full 40-hex-digit commit"),
    (SKY_URL.replace(COMMIT, COMMIT.upper()), "the full 40-hex-digit commit (lowercase)"),
    (SKY_URL.replace("sky-ecosystem/executive-votes", "someone/executive-votes"), "names the repository someone/"),
    (SKY_BASE + "2025/executive-vote-2026-01-15-x.md", "is in the folder 2025 but dated 2026-01-15"),
    (SKY_BASE + "2026/executive-vote-2026-02-30-x.md", "dated 2026-02-30, which is no calendar date"),
    (SKY_BASE + "2026/exec-2026-01-15.md", "is not YYYY/executive-vote-YYYY-MM-DD-<slug>.md"),
    (SKY_BASE + "2026/executive-vote-2026-01-15-x.md?raw=1", "contains '=', '?'"),
    (MAKER_URL.replace("December", "Decembre"), "is not governance/votes/Executive vote - <Month>"),
    (MAKER_URL.replace("%2C", "%2c"), "not percent-encoded once, as GitHub's raw links are: write "),
    (MAKER_URL.replace("%20", " ", 1), "contains ' '"),
    # What could end the comment, the shell word or the line never gets through, encoded or not.
    (SKY_URL[:-3] + "'$(id)'.md", "contains '$', \"'\", '(', ')'"),
    (SKY_URL[:-3] + "*/.md", "contains '*'"),
    (SKY_URL + "\ncontract X {}", "contains '\\n', ' ', '{', '}'"),
    (SKY_URL[:-3] + "%27.md", "is not YYYY/executive-vote"),
    (SKY_URL[:-3] + "%2A%2F.md", "is not percent-encoded once"),
])
def test_bad_urls_are_refused_saying_why(url, why):
    with pytest.raises(UrlError) as caught:
        parse_url(url)
    assert why in str(caught.value)


def spell_file(folder: Path, text: str = SPELL, name: str = "spell.yaml") -> Path:
    """`text` as a spell file in `folder`, next to a copy of the fixture's executive document."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "exec.md").write_text(DOC)
    path = folder / name
    path.write_text(text)
    return path


def edited(*pairs: tuple[str, str], text: str = SPELL) -> str:
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    return text


def diagnose(path: Path, base_dir: Path | None = None) -> list[str]:
    diags = Diagnostics(str(path))
    check_spell(load_spell(path, diags), diags, base_dir=base_dir)
    return [str(d) for d in diags]


COPY_LINE = "  exec_doc: {copy: exec.md}\n"
NO_URL = ("spell.exec_doc.url: a spell for an executive vote names the URL of its executive document, on "
          "raw.githubusercontent.com at a commit; without it the spell has no Hash comment. Write it, or mark the "
          "spell `draft: true`")


def without_the_missing_url(path: Path, problems: list[str], line: int = 8, col: int = 13) -> list[str]:
    """`problems` less the error of a spell for a vote without exec_doc.url (the fixture's document is made
    up, so no URL of it exists), asserted to be there exactly once, at `exec_doc` (or the spell, without it)."""
    missing = f"{path}:{line}:{col}: {NO_URL}"
    assert problems.count(missing) == 1, problems
    return [p for p in problems if p != missing]


def with_url(url: str, day: str = "2026-01-15", text: str = SPELL) -> str:
    """The fixture moved to `day` with `url` and no local copy (its payments are the fixture's)."""
    return edited(("2026-04-09", day), (COPY_LINE, f"  exec_doc: {{url: {url}}}\n"), text=text)


def test_a_url_of_the_spells_date_is_clean(tmp_path):
    assert diagnose(spell_file(tmp_path, with_url(SKY_URL))) == []


def test_a_url_of_another_date_is_an_error_at_the_url(tmp_path):
    path = spell_file(tmp_path, with_url(SKY_URL, day="2026-01-29"))
    assert diagnose(path) == [f"{path}:8:19: spell.exec_doc.url: the executive document's file is dated 2026-01-15 "
                              "but the spell's date is 2026-01-29"]


def test_a_description_of_another_date_than_the_url_is_an_error(tmp_path):
    text = edited(('description: "2026-01-15', 'description: "2026-01-16'), text=with_url(SKY_URL))
    path = spell_file(tmp_path, text)
    # One error, not also the warning that the description's date is not the spell's.
    assert diagnose(path) == [f"{path}:7:16: spell.description: the description is dated 2026-01-16 but the "
                              "executive document's file is dated 2026-01-15"]


def test_the_repository_goes_by_the_date(tmp_path):
    url = SKY_BASE + "2022/executive-vote-2022-12-09-techops.md"
    path = spell_file(tmp_path, with_url(url, day="2022-12-09").replace("  office_hours: true\n",
                                                                         "  office_hours: true\n  solc: 0.8.16\n"))
    problems = [p for p in diagnose(path) if "spell.exec_doc.url" in p]
    assert problems == [f"{path}:8:19: spell.exec_doc.url: the executive documents of 2022-12-09 spells are in "
                        f"{MAKER_REPO}, not {SKY_REPO} ({SKY_REPO} holds them from 2025-05-29)"]


def test_a_bad_url_is_a_located_error_from_check(tmp_path, capsys):
    path = spell_file(tmp_path, with_url(SKY_URL.replace(COMMIT, "main")))
    assert cli.main(["check", str(path)]) == 2
    out = capsys.readouterr().out
    assert f"{path}:8:19: spell.exec_doc.url: the executive document's URL names 'main' where the commit goes" in out


def test_a_plain_string_is_the_url_or_the_copy(tmp_path):
    url = spell_file(tmp_path / "a", with_url(SKY_URL).replace(f"{{url: {SKY_URL}}}", SKY_URL))
    assert load_spell(url).exec_doc.url == SKY_URL and diagnose(url) == []
    copy = spell_file(tmp_path / "b", edited((COPY_LINE, "  exec_doc: exec.md\n")))
    assert load_spell(copy).exec_doc.copy == "exec.md" and diagnose(copy) == [f"{copy}:8:13: {NO_URL}"]


# --- the hash -------------------------------------------------------------------------------------

@pytest.mark.parametrize("digest", ["0" * 64, "1" * 64, "ab" * 32, "deadbeef" * 8, "1234567890abcdef" * 4,
                                    "0123456789abcdef" * 4, "12" * 32])
def test_placeholders(digest):
    assert is_placeholder("0x" + digest)


def test_real_hashes_are_no_placeholders():
    for digest in (DOC_HASH, EMPTY_KECCAK, "0xc1363d6a233492ab13d88e8bb9d9cab0033439f0817e152f0b3a4218989983ef",
                   "0x" + "ab" * 31 + "ac"):
        assert not is_placeholder(digest)


def test_a_placeholder_hash_is_an_error_unless_draft(tmp_path):
    text = edited((DOC_HASH, "0x" + "11" * 32), (COPY_LINE, ""))
    path = spell_file(tmp_path, text)
    assert without_the_missing_url(path, diagnose(path), line=6, col=3) == [
        f"{path}:7:16: spell.description: the description's hash 0x{'11' * 32} is a placeholder, not the hash of "
        "an executive document; set `draft: true` under `spell` until the document is final"]
    draft = spell_file(tmp_path / "draft", edited(("  office_hours: true\n", "  office_hours: true\n  draft: true\n"),
                                                  text=text))
    assert diagnose(draft) == [f"{draft}:9:10: spell.draft: warning: draft: not for an executive vote (placeholder "
                               "hashes are allowed); it names no exec_doc.url, so the spell has no Hash comment; "
                               "remove `draft` once the executive document is final"]


def test_the_hash_of_nothing_is_refused_even_in_a_draft(tmp_path):
    text = edited((DOC_HASH, EMPTY_KECCAK), ("  office_hours: true\n", "  office_hours: true\n  draft: true\n"))
    problems = diagnose(spell_file(tmp_path, text))
    assert len(problems) == 2
    assert "spell.description: the description's hash 0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470 " \
           "is the keccak-256 of nothing" in problems[0]
    assert "spell.draft: warning: draft: not for an executive vote" in problems[1]


# --- the local copy -------------------------------------------------------------------------------

def test_the_fixture_is_clean():
    """Clean but for its URL: a spell for a vote names its document's URL, and this document is made up."""
    assert diagnose(FIXTURE / "spell.yaml") == [f"{FIXTURE / 'spell.yaml'}:8:13: {NO_URL}"]


def test_a_hash_of_another_text_is_an_error_naming_both(tmp_path):
    wrong = keccak_hex(b"another text")
    path = spell_file(tmp_path, edited((DOC_HASH, wrong)))
    assert without_the_missing_url(path, diagnose(path)) == [
        f"{path}:7:16: spell.description: the description's hash {wrong} is not the "
                              f"keccak-256 of the executive document {tmp_path / 'exec.md'}, as `cast keccak -- "
                              f"\"$(wget ...)\"` reads it: {DOC_HASH} (of the file's bytes with their trailing "
                              f"newlines: {keccak_hex(DOC.encode())})"]


def test_the_hash_of_the_raw_bytes_is_refused_saying_so(tmp_path):
    raw = keccak_hex(DOC.encode())
    path = spell_file(tmp_path, edited((DOC_HASH, raw)))
    [problem] = without_the_missing_url(path, diagnose(path))
    assert f"it: {DOC_HASH}; {raw} is the hash of the file's bytes with their trailing newlines" in problem


def test_a_missing_copy_is_an_error_at_copy(tmp_path):
    path = spell_file(tmp_path, edited((COPY_LINE, "  exec_doc: {copy: docs/absent.md}\n")))
    assert without_the_missing_url(path, diagnose(path)) == [
        f"{path}:8:20: spell.exec_doc.copy: cannot read the executive document "
                              f"{tmp_path / 'docs/absent.md'}: No such file or directory"]


def test_the_copy_is_found_next_to_the_yaml_not_in_the_working_directory(tmp_path, monkeypatch):
    spell_file(tmp_path / "spells")
    monkeypatch.chdir(tmp_path)
    assert diagnose(Path("spells/spell.yaml")) == [f"spells/spell.yaml:8:13: {NO_URL}"]
    other = tmp_path / "elsewhere"
    other.mkdir()
    path = tmp_path / "spells/spell.yaml"
    assert "cannot read the executive document" in without_the_missing_url(path, diagnose(path, base_dir=other))[0]


def test_the_documents_payments_are_read_from_its_lines():
    payments = [(p.line, p.describe()) for p in doc_payments(DOC)]
    # Not the summary, the totals, the link to a delegate's voting page, the mint into the surplus
    # buffer, the debt ceiling, nor the Spark proxy spell's own transfer.
    assert payments == [
        (36, "4,000 USDS to 0x78c180cf113fe4845c325f44648b6567bc79d6e0"),
        (37, "4,000 USDS to 0xb6c09680d822f162449cdfb8248a7d3fc26ec9bf"),
        (38, "4,300 USDS to 0xb2b86a130b1ec101e4aed9a88502e08995760307"),
        (42, "2,500,000 SKY to 0x05c73ae49ff0ec654496bf4008d73274a919cb5c"),
        (52, "500,000,000 SKY to 0x675671a8756ddb69f7254afb030865388ef699ee"),  # tot, with its bullet's usr
    ]


def test_amounts_are_exact_and_millions_are_read():
    [pay] = doc_payments("- Transfer **1.1 million USDS** to 0x92e4629a4510AF5819d7D1601464C233599fF5ec.\n")
    assert pay.amount == 1_100_000 and pay.describe().startswith("1,100,000 USDS to 0x92e4")
    big = doc_payments("- Transfer **12,345,678,901.123456789012345678 MKR** to "
                       "0x2dC0420A736D1F40893B9481D8968E4D7424bC0B.\n")[0]
    assert str(big.amount) == "12345678901.123456789012345678"


DRAFT = ("  office_hours: true\n", "  office_hours: true\n  draft: true\n")  # below it, lines move one down


def cross(tmp_path: Path, text: str, draft: bool = True) -> tuple[Path, list[str]]:
    """The document's problems with `text`, as a draft (warnings) or a spell for a vote (errors)."""
    path = spell_file(tmp_path, edited(DRAFT, text=text) if draft else text)
    return path, [p for p in diagnose(path) if "executive document (" in p or "not in the executive document" in p]


def test_an_amount_that_differs_is_a_warning_at_the_action_naming_the_line(tmp_path):
    path, problems = cross(tmp_path, edited(("to: TANGO, amount: 4_300", "to: TANGO, amount: 4_030"),
                                            ("usds_paid: 12_300", "usds_paid: 12_030")))
    doc = tmp_path / "exec.md"
    assert problems == [f"{path}:23:49: sections[0].actions[2].amount: warning: the executive document ({doc}:38) "
                        "gives 4,300 USDS to 0xb2b86a130b1ec101e4aed9a88502e08995760307; this action moves "
                        "4,030 USDS to TANGO"]


def test_a_recipient_that_differs_is_a_warning_at_to(tmp_path):
    path, problems = cross(tmp_path, edited(("BLUE: 0xb6C09680D822F162449cdFB8248a7D3FC26Ec9Bf",
                                             "BLUE: 0x9244F47D70587Fa2329B89B6f503022b63Ad54A5")))
    assert problems == [f"{path}:22:34: sections[0].actions[1].to: warning: the executive document "
                        f"({tmp_path / 'exec.md'}:37) gives 4,000 USDS to 0xb6c09680d822f162449cdfb8248a7d3fc26ec9bf; "
                        "this action pays 4,000 USDS to BLUE (0x9244f47d70587fa2329b89b6f503022b63ad54a5)"]


def test_a_payment_the_yaml_lacks_is_a_warning_at_the_copy(tmp_path):
    path, problems = cross(tmp_path, edited(("  - title: Sky Staking Top-up\n    actions:\n      - type: sky_transfer\n"
                                             "        to: SKY_STAKING\n        amount: 2_500_000\n\n", ""),
                                            ("  sky_transferred: 2_500_000\n", "")))
    assert problems == [f"{path}:8:20: spell.exec_doc.copy: warning: the executive document ({tmp_path / 'exec.md'}:42) "
                        "gives 2,500,000 SKY to 0x05c73ae49ff0ec654496bf4008d73274a919cb5c, which no action of this "
                        "YAML pays, transfers or streams"]


def test_an_action_the_document_lacks_is_a_warning_at_the_action(tmp_path):
    path, problems = cross(tmp_path, edited(("      - {type: usds_payment, to: TANGO, amount: 4_300}\n",
                                             "      - {type: usds_payment, to: TANGO, amount: 4_300}\n"
                                             "      - {type: usds_payment, to: SKY_STAKING, amount: 100}\n"),
                                            ("usds_paid: 12_300", "usds_paid: 12_400")))
    assert problems == [f"{path}:24:9: sections[0].actions[3]: warning: this action (100 USDS to SKY_STAKING) is not "
                        f"in the executive document {tmp_path / 'exec.md'}"]


def test_a_stream_total_that_differs_is_found(tmp_path):
    path, problems = cross(tmp_path, edited(("total: 500_000_000", "total: 50_000_000")))
    assert len(problems) == 1 and "sections[2].actions[0].total: warning" in problems[0]
    assert ":52) gives 500,000,000 SKY to 0x675671a8756ddb69f7254afb030865388ef699ee; this action moves " \
           "50,000,000 SKY to REWARDS_DIST_LSSKY_SKY" in problems[0]


# --- rendering ------------------------------------------------------------------------------------

def test_the_hash_comment_names_the_url(tmp_path):
    source = render(load_spell(spell_file(tmp_path, with_url(SKY_URL))), "spell.yaml")
    assert f"    // Hash: cast keccak -- \"$(wget '{SKY_URL}' -q -O - 2>/dev/null)\"\n" \
           "    string public constant override description =" in source


def test_without_a_url_there_is_no_hash_comment():
    assert "// Hash:" not in render(load_spell(FIXTURE / "spell.yaml"), "spell.yaml")


def test_the_renderer_refuses_a_url_that_skipped_the_parser(tmp_path):
    spell = load_spell(spell_file(tmp_path, with_url(SKY_URL)))
    bad = dataclasses.replace(spell, exec_doc=dataclasses.replace(spell.exec_doc, url=SKY_URL + "*/ x"))
    with pytest.raises(UrlError):
        render(bad, "spell.yaml")


@pytest.mark.parametrize("good", [True, False])
def test_check_command(tmp_path, capsys, good):
    # As a draft: the fixture names no exec_doc.url, which a spell for a vote must.
    path = spell_file(tmp_path, edited(DRAFT) if good else edited(DRAFT, (DOC_HASH, keccak_hex(b"x"))))
    assert cli.main(["check", str(path)]) == (0 if good else 2)
    assert ("is not the keccak-256 of the executive document" in capsys.readouterr().out) is not good
