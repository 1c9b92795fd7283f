"""Link lines against their URLs: https, the key the host implies, located at the line of the link."""
import pytest

from spellfiles import diagnose
from spellgen.spellfile.links import label_of, link_line, rendered_label
from spellgen.spellfile.style import house_style


def spell(date: str, links: str) -> str:
    return f"""\
spell:
  date: {date}
  description: "{date} MakerDAO Executive Spell | Hash: 0x{'12' * 32}"
  office_hours: false
wallets:
  TECH_WALLET: 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B
sections:
  - title: Budgets
    links:
{links}    actions:
      - {{type: dai_payment, to: TECH_WALLET, amount: 1}}
"""


LINKS_LINE = 10  # the first line under `links:`


def problems(tmp_path, date: str, links: str, severity: str) -> list:
    return [d for d in diagnose(tmp_path, spell(date, links)) if d.severity == severity and ".links" in d.path]


@pytest.mark.parametrize("url, label", [
    ("https://forum.makerdao.com/t/mip40c3-sp53-techops-core-unit-dai-budget", "Forum"),
    ("https://forum.sky.money/t/december-2025-ranked-delegate-compensation/27605", "Forum"),
    ("https://vote.makerdao.com/polling/QmVXj9cW", "Poll"),
    ("https://vote.sky.money/polling/QmYmaVVc", "Poll"),
    ("https://vote.sky.money/executive/template-executive-vote-2026-01-15", "Executive Vote"),
    ("https://mips.makerdao.com/mips/details/MIP40c3SP54", "MIP"),
    ("https://sky-atlas.io/#A.1.5", "Atlas"),
    ("https://sky-atlas.powerhouse.io/A.2.2.1_Atlas_Core_Development", "Atlas"),
    ("HTTPS://WWW.Forum.Sky.Money/t/x", "Forum"),
    ("https://vote.sky.money/address/0x0", None),  # a known host, a path that is neither
    ("https://github.com/sky-ecosystem/spells-mainnet", None),
])
def test_the_label_comes_from_the_host_and_path(url, label):
    assert label_of(url) == label


def test_a_reference_keeps_the_label_of_its_key():
    assert rendered_label("MIP", "MIP40c3-SP53") == "MIP"
    assert rendered_label("Forum", "https://github.com/x") == "Forum"
    assert rendered_label("Poll", "https://vote.sky.money/polling/Qm") == "Poll"


def test_clean_links_have_no_problem(tmp_path):
    links = ("      forum: https://forum.sky.money/t/x/1\n      poll: https://vote.sky.money/polling/QmYmaVVc\n"
             "      atlas: https://sky-atlas.io/#A.1.5\n")
    assert problems(tmp_path, "2026-01-15", links, "error") == problems(tmp_path, "2026-01-15", links, "warning") == []


@pytest.mark.parametrize("date", ["2022-12-09", "2026-01-15"])
def test_an_http_link_is_an_error_at_any_date(tmp_path, date):
    found = problems(tmp_path, date, "      forum: http://forum.makerdao.com/t/x\n", "error")
    assert [(d.line, d.col, d.path) for d in found] == [(LINKS_LINE, 14, "sections[0].links.forum")]
    assert "'http://forum.makerdao.com/t/x' is not an https link" in found[0].message


def test_a_url_under_the_wrong_key_is_an_error_naming_the_right_key(tmp_path):
    links = ("      forum:\n        - https://forum.sky.money/t/a\n        - https://vote.sky.money/polling/QmX\n"
             "      poll: https://vote.sky.money/executive/x\n")
    found = problems(tmp_path, "2026-01-15", links, "error")
    assert [(d.line, d.path) for d in found] == [(LINKS_LINE + 2, "sections[0].links.forum[1]"),
                                                 (LINKS_LINE + 3, "sections[0].links.poll")]
    assert found[0].message == "https://vote.sky.money/polling/QmX links to a poll, not to a forum post: write it " \
                               "under `poll:`"
    assert "links to an executive vote, not to a poll: write it under `executive_vote:`" in found[1].message


def test_an_unknown_host_is_a_warning_only(tmp_path):
    links = "      forum: https://github.com/sky-ecosystem/spells-mainnet/pull/1\n"
    assert problems(tmp_path, "2026-01-15", links, "error") == []
    found = problems(tmp_path, "2026-01-15", links, "warning")
    assert len(found) == 1 and "'github.com' is not a host spellgen knows for Forum links" in found[0].message
    path = problems(tmp_path, "2026-01-15", "      poll: https://vote.sky.money/address/0x0\n", "warning")
    assert "spellgen cannot tell from its path that it is a Poll link (vote.sky.money/polling/...)" in path[0].message


def test_a_reference_instead_of_a_url_warns_from_2024_08_12(tmp_path):
    """Spells wrote `// Poll: N/A` until 2023-08-02; from 2024-08-12 every link line is an https URL.
    Only a warning: a budget plan cites its MIP by name, and a name is no wrong fact."""
    assert problems(tmp_path, "2024-08-09", "      mip: MIP40c3-SP53\n", "warning") == []
    assert problems(tmp_path, "2024-08-12", "      mip: MIP40c3-SP53\n", "error") == []
    found = problems(tmp_path, "2024-08-12", "      mip: MIP40c3-SP53\n", "warning")
    assert [(d.line, d.path) for d in found] == [(LINKS_LINE, "sections[0].links.mip")]
    assert "'MIP40c3-SP53' is not one https URL; spells from 2024-08-12 write each link line" in found[0].message


@pytest.mark.parametrize("label, text, date, line", [
    # The bare form of 2021-23: the URL alone; a MIP by name as its portal page (2022-01-28's form).
    ("Forum", "https://forum.makerdao.com/t/x/1", "2022-01-28", "https://forum.makerdao.com/t/x/1"),
    ("MIP", "MIP40c3-SP53", "2022-01-28", "https://mips.makerdao.com/mips/details/MIP40c3SP53"),
    ("MIP", "MIP106", "2023-03-28", "https://mips.makerdao.com/mips/details/MIP106"),
    ("Poll", "N/A", "2023-03-28", "N/A"),  # no MIP: written as is
    ("MIP", "MIP40c3-SP53 (amended)", "2023-03-28", "MIP40c3-SP53 (amended)"),  # not a bare MIP name
    # Labelled from 2023-03-29: the label the URL implies, else the key's; a name stays a name.
    ("Forum", "https://forum.makerdao.com/t/x/1", "2023-03-29", "Forum: https://forum.makerdao.com/t/x/1"),
    ("MIP", "MIP40c3-SP53", "2023-03-29", "MIP: MIP40c3-SP53"),
    ("Forum", "https://vote.makerdao.com/polling/QmYm", "2023-03-29", "Poll: https://vote.makerdao.com/polling/QmYm"),
])
def test_the_link_line_of_the_date(label, text, date, line):
    assert link_line(label, text, house_style(date)) == line
