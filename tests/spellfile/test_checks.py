"""Every check: its message and the line, column and field it points at."""
import pytest

from spellfiles import FIRST_ACTION_LINE as L, diagnose, spell_text

STREAM = """\
- type: stream
  vest: MCD_VEST_DAI
  to: TECH_WALLET
  total: 120,000
  start: 2023-04-01
  end: 2024-03-31
"""


def only(diags, severity="error"):
    found = [d for d in diags if d.severity == severity]
    assert len(found) == 1, [str(d) for d in diags]
    return found[0]


def test_clean_stream_has_no_problem(tmp_path):
    assert diagnose(tmp_path, spell_text(STREAM)) == []


@pytest.mark.parametrize("actions, line, col, path, message", [
    (STREAM.replace("end: 2024-03-31", "end: 2023-03-01"), L + 5, 8, "sections[0].actions[0].end",
     "ends (2023-03-01 23:59:59 UTC) before it starts"),
    (STREAM + "  cliff: 2024-05-01\n", L + 6, 10, "sections[0].actions[0].cliff", "outside the stream's period"),
    (STREAM.replace("120,000", "0"), L + 3, 10, "sections[0].actions[0].total", "greater than zero"),
    (STREAM.replace("120,000", "20,000,000"), L + 3, 10, "sections[0].actions[0].total",
     "above the MCD_VEST_DAI cap of 1,000,000 DAI per 30 days"),
    (STREAM.replace("TECH_WALLET", "TECH_WALET"), L + 2, 7, "sections[0].actions[0].to",
     "unknown wallet 'TECH_WALET'; did you mean 'TECH_WALLET'?"),
    (STREAM.replace("TECH_WALLET", "0x2dc0420a736d1f40893b9481d8968e4d7424bc0b"), L + 2, 7,
     "sections[0].actions[0].to", "the checksummed form is 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B"),
    (STREAM.replace("MCD_VEST_DAI", "MCD_VEST_DIA"), L + 1, 9, "sections[0].actions[0].vest",
     "did you mean 'MCD_VEST_DAI'?"),
    (STREAM + "  colour: red\n", L + 6, 3, "sections[0].actions[0].colour", "unknown field 'colour'"),
    (STREAM.replace("  start: 2023-04-01\n", ""), L, 3, "sections[0].actions[0]", "needs the field 'start'"),
    (STREAM.replace("start: 2023-04-01", "start: 2023-02-29"), L + 4, 10, "sections[0].actions[0].start",
     "not a real date"),
    (STREAM.replace("end: 2024-03-31", "duration: 12 months"), L + 5, 13, "sections[0].actions[0].duration",
     "months and years vary"),
    ("- type: dai_payment\n  to: TECH_WALLET\n  amount: 348,452.30\n", L + 2, 11, "sections[0].actions[0].amount",
     "round 348,452.30 up to 348,453"),
    ("- type: dai_payment\n  to: TECH_WALLET\n  amount: 1,000,000,000,000,000,000\n", L + 2, 11,
     "sections[0].actions[0].amount", "requires less than 10^18 whole DAI"),
    ("- type: mkr_transfer\n  to: TECH_WALLET\n  amount: 1.0000000000000000001\n", L + 2, 11,
     "sections[0].actions[0].amount", "19 decimals"),
    ("- type: mkr_transfer\n  to: TECH_WALLET\n  amount: 12 DAI\n", L + 2, 11, "sections[0].actions[0].amount",
     "written in DAI but this action moves MKR"),
    ("- type: allowance\n  vest: MCD_VEST_DAI\n  set: 5\n", L + 1, 9, "sections[0].actions[0].vest",
     "only transferrable vests need an allowance"),
    ("- type: yank\n  vest: MCD_VEST_DAI\n  id: 0\n", L + 2, 7, "sections[0].actions[0].id", "at least 1"),
    ("- {type: dai_payment, to: TECH_WALLET, amount: 1}\n- {type: teleport}\n", L + 1, 10,
     "sections[0].actions[1].type", "is not known"),
])
def test_errors(tmp_path, actions, line, col, path, message):
    d = only(diagnose(tmp_path, spell_text(actions)))
    # Actions sit 6 columns in (under `sections[0].actions`); cases give columns within the snippet.
    assert (d.line, d.col - 6, d.path) == (line, col, path), str(d)
    assert message in d.message


def test_rate_uses_integer_division_exactly_at_the_cap(tmp_path):
    # 1,000,000 DAI over 30 days is exactly the MCD_VEST_DAI cap: allowed.
    at_cap = STREAM.replace("120,000", "1,000,000").replace("end: 2024-03-31", "duration: 30 days")
    assert diagnose(tmp_path, spell_text(at_cap)) == []
    above = STREAM.replace("120,000", "1,000,000.000001").replace("end: 2024-03-31", "duration: 30 days")
    assert "rate" in only(diagnose(tmp_path, spell_text(above))).message or "cap" in \
        only(diagnose(tmp_path, spell_text(above))).message


def test_cap_change_in_the_same_spell_lifts_the_rate_check(tmp_path):
    big = STREAM.replace("120,000", "20,000,000")
    # 1,900,000 per 30 days: the stream's rate plus 10 %, two significant figures up (R:248; another figure warns).
    cap = "- type: cap\n  vest: MCD_VEST_DAI\n  amount: 1,900,000\n  per: 30 days\n"
    assert diagnose(tmp_path, spell_text(cap + big)) == []
    # ...but only when it comes before the stream.
    assert "cap" in only(diagnose(tmp_path, spell_text(big + cap))).message


def test_duplicate_wallet_address(tmp_path):
    text = spell_text(STREAM).replace("SES_WALLET: 0x87AcDD9208f73bFc9207e1f6F0fDE906bcA95cc6",
                                      "SES_002: 0x2dC0420A736D1F40893B9481D8968E4D7424bC0B")
    d = only(diagnose(tmp_path, text))
    assert (d.line, d.path) == (8, "wallets.SES_002") and "same address" in d.message


def test_duplicate_yaml_key(tmp_path):
    d = only(diagnose(tmp_path, spell_text(STREAM + "  total: 5\n")))
    assert d.line == L + 6 and f"duplicate key 'total' (first written at line {L + 3})" in d.message


def test_reserved_wallet_name(tmp_path):
    text = spell_text(STREAM).replace("SES_WALLET:", "MCD_VEST_DAI:")
    assert "already uses" in only(diagnose(tmp_path, text)).message


def test_description_format_is_a_warning(tmp_path):
    text = spell_text(STREAM).replace("2023-03-01 MakerDAO Executive Spell", "2023-03-02 MakerDAO Executive Spell")
    d = only(diagnose(tmp_path, text), "warning")
    assert (d.line, d.path) == (4, "spell.description") and "dated 2023-03-02" in d.message


@pytest.mark.parametrize("expect, message", [
    ("expect:\n  dai_paid: 1\n", "says 1 DAI paid; the actions pay 0 DAI"),
    ("expect:\n  streams: {MCD_VEST_DAI: 2}\n", "says 2 new stream(s) on MCD_VEST_DAI; the actions create 1"),
    ("expect:\n  streamed:\n    DAI: 120,001\n", "says 120,001 DAI streamed; the new streams total 120,000 DAI"),
])
def test_control_totals(tmp_path, expect, message):
    assert message in only(diagnose(tmp_path, spell_text(STREAM, expect))).message


def test_control_totals_that_match(tmp_path):
    extra = "expect:\n  streams: {MCD_VEST_DAI: 1}\n  streamed: {DAI: 120000}\n"
    assert diagnose(tmp_path, spell_text(STREAM, extra)) == []


def test_transferrable_stream_without_allowance_is_a_warning(tmp_path):
    mkr = STREAM.replace("MCD_VEST_DAI", "MCD_VEST_MKR_TREASURY").replace("120,000", "100")
    assert "allowance" in only(diagnose(tmp_path, spell_text(mkr)), "warning").message
    with_allowance = mkr + "- {type: allowance, vest: MCD_VEST_MKR_TREASURY, increase: auto}\n"
    assert diagnose(tmp_path, spell_text(with_allowance)) == []


def test_overlapping_streams_warn_and_identical_ones_fail(tmp_path):
    overlap = STREAM + STREAM.replace("2023-04-01", "2023-06-01").replace("2024-03-31", "2024-05-31")
    assert "overlaps" in only(diagnose(tmp_path, spell_text(overlap)), "warning").message
    diags = diagnose(tmp_path, spell_text(STREAM + STREAM))
    assert any("declared twice" in d.message for d in diags)


@pytest.mark.parametrize("text, message", [
    ("", "the file is empty"),
    ("spell: [unclosed\n", "YAML syntax error"),
    ("a: &x 1\nb: *x\n", "anchors and aliases are not supported"),
    ("---\na: 1\n---\nb: 2\n", "only one YAML document"),
])
def test_broken_files(tmp_path, text, message):
    assert message in diagnose(tmp_path, text)[0].message


def test_every_problem_is_reported_at_once(tmp_path):
    actions = STREAM.replace("TECH_WALLET", "NOBODY") + "- type: mkr_transfer\n  to: TECH_WALLET\n  amount: -1\n"
    assert len(diagnose(tmp_path, spell_text(actions))) == 2
