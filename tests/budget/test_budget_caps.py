"""`check --budget`: the spell's amounts for the core unit against the MIP's caps and against the plan."""
from budgetfiles import (
    ACTION_LINE, DAI_SPELL, LEAP, MKR_SPELL, TOPUP, budget_diagnostics, errors, ledger_file, mkr, payment,
    spell_file, stream, warnings,
)

REAL_DAI_ENTRY = ("2022-01-28", payment("1,069,250") + stream("2,486,400", "2022-02-01", "2023-01-31T00:00:00Z",
                                                               vest="MCD_VEST_DAI_LEGACY"))


def test_the_cast_mkr_spell_differs_from_the_six_month_rule():
    found = budget_diagnostics(MKR_SPELL)
    assert errors(found) == []
    [mkr_warning] = [d for d in found if "transfer rule" in d.message]
    assert mkr_warning.path == "sections[0].actions[0].amount" and mkr_warning.severity == "warning"
    assert mkr_warning.message == (
        "MIP40c3-SP54's transfer rule gives 385.96 MKR for a spell on 2022-12-09 (vesting on or before 2023-06-09 "
        "not transferred by earlier spells: 2022-12-08 257.31, 2023-06-08 128.65); this spell transfers 257.31 MKR "
        "to TECH-001")


def test_with_the_dai_spell_in_the_ledger_only_the_mkr_difference_remains(tmp_path):
    ledger = ledger_file(tmp_path, [REAL_DAI_ENTRY])
    found = budget_diagnostics(MKR_SPELL, ledger=ledger)
    assert errors(found) == []
    assert any("gives 385.96 MKR" in m for m in warnings(found))
    assert not any("the plan streams" in m for m in warnings(found))  # the stream is in the ledger
    # What the ledger shows breaking a cap is said, but it is not this spell's error.
    assert any(m.startswith("earlier spells already break a cap: no budget period covers 2022-01") for m in
               warnings(found))


def test_a_spell_already_in_the_ledger_is_not_counted_twice(tmp_path):
    entry = ("2022-12-09", mkr("257.31"))
    ledger = ledger_file(tmp_path, [entry])
    spell = spell_file(tmp_path, "2022-12-09", mkr("257.31"))
    found = budget_diagnostics(spell, ledger=ledger)
    assert any("gives 385.96 MKR" in m and "transfers 257.31 MKR" in m for m in warnings(found))


def test_monthly_cap_overrun_names_cap_amount_and_excess(tmp_path):
    spell = spell_file(tmp_path, "2022-06-01", payment("300,000"))
    [error] = [d for d in budget_diagnostics(spell) if d.severity == "error"]
    assert (error.line, error.path) == (ACTION_LINE + 2, "sections[0].actions[0].amount")
    assert error.message == "the monthly cap of 213,850 DAI for 2022-06 is exceeded: 300,000 DAI, 86,150 DAI over"


def test_monthly_cap_counts_earlier_streams(tmp_path):
    ledger = ledger_file(tmp_path, [REAL_DAI_ENTRY])
    spell = spell_file(tmp_path, "2022-06-01", payment("10,000"))
    [error] = errors(budget_diagnostics(spell, ledger=ledger))
    # The year's stream puts 2,486,400 / (11 + 30/31 months) = 207,758.49 DAI in June 2022.
    assert error == ("the monthly cap of 213,850 DAI for 2022-06 is exceeded: about 217,758.49 DAI, about 3,908.49 "
                     "DAI over; earlier spells account for about 207,758.49 DAI of it")
    within = spell_file(tmp_path, "2022-06-01", payment("6,000"), name="ok.yaml")
    assert errors(budget_diagnostics(within, ledger=ledger)) == []


def test_no_budget_period_no_dai(tmp_path):
    spell = spell_file(tmp_path, "2023-03-01", payment("1"))
    [error] = errors(budget_diagnostics(spell))
    assert error == "no budget period covers 2023-03, so the monthly cap allows no DAI then: 1 DAI is 1 DAI over"


def test_annual_cap_overrun_and_twelve_monthly_ones_in_two_lines(tmp_path):
    spell = spell_file(tmp_path, "2022-01-28", stream("2,566,201", "2022-02-01", "2023-01-31"))
    found = errors(budget_diagnostics(spell))
    assert found == [
        "the annual cap of 2,566,200 DAI for the budget period 2022-02-01 to 2023-01-31 is exceeded: 2,566,201 DAI, "
        "1 DAI over",
        "the monthly cap of 213,850 DAI for 2022-02 is exceeded: about 213,850.08 DAI, about 0.08 DAI over "
        "(and in 11 more months)"]
    exact = spell_file(tmp_path, "2022-01-28", stream("2,566,200", "2022-02-01", "2023-01-31"), name="exact.yaml")
    assert errors(budget_diagnostics(exact)) == []  # 12 x 213,850: every month exactly at its cap


def test_leap_year_allowance_uses_366_days(tmp_path):
    # 2024-01-01 to 2024-03-31: 91 of 366 days of 2,671,800 DAI = 664,300 DAI.
    at_cap = spell_file(tmp_path, "2023-12-15", stream("664,300", "2024-01-01", "2024-03-31"))
    assert errors(budget_diagnostics(at_cap, LEAP)) == []
    # With 365 days the allowance would be 666,124.93 DAI and this would pass.
    above = spell_file(tmp_path, "2023-12-15", stream("665,000", "2024-01-01", "2024-03-31"), name="above.yaml")
    assert errors(budget_diagnostics(above, LEAP)) == [
        "the annual cap of 664,300 DAI (91 of 366 days) for the budget period 2024-01-01 to 2024-03-31 is exceeded: "
        "665,000 DAI, 700 DAI over"]


def test_the_same_months_a_year_earlier_allow_less(tmp_path):
    # 2023-01-01 to 2023-03-31: 90 of 365 days = 658,800 DAI; the 2024 amount is 5,500 DAI too much.
    spell = spell_file(tmp_path, "2022-12-15", stream("664,300", "2023-01-01", "2023-03-31"))
    assert errors(budget_diagnostics(spell, LEAP)) == [
        "the annual cap of 658,800 DAI (90 of 365 days) for the budget period 2023-01-01 to 2023-03-31 is exceeded: "
        "664,300 DAI, 5,500 DAI over"]


def test_a_whole_budget_year_over_29_february(tmp_path):
    # 2027-07-01 to 2028-06-30 has 366 days and the whole annual cap; 29 February 2028 carries its month's share.
    year = spell_file(tmp_path, "2027-06-15", stream("2,671,800", "2027-07-01", "2028-06-30"))
    assert errors(budget_diagnostics(year, LEAP)) == []
    more = spell_file(tmp_path, "2027-06-15", stream("2,671,812", "2027-07-01", "2028-06-30"), name="more.yaml")
    assert errors(budget_diagnostics(more, LEAP)) == [
        "the annual cap of 2,671,800 DAI for the budget period 2027-07-01 to 2028-06-30 is exceeded: 2,671,812 DAI, "
        "12 DAI over",
        "the monthly cap of 222,650 DAI for 2027-07 is exceeded: 222,651 DAI, 1 DAI over (and in 11 more months)"]


def test_operational_wallet_payments_count_too(tmp_path):
    spell = spell_file(tmp_path, "2023-02-01", payment("200,000") + payment("100,000", to="SES_001"))
    assert errors(budget_diagnostics(spell, LEAP)) == [
        "the monthly cap of 222,650 DAI for 2023-02 is exceeded: 300,000 DAI, 77,350 DAI over"]


def test_mkr_annual_cap_overrun(tmp_path):
    # 1,500 MKR pays for the whole schedule (771.91) and 728.09 more, which counts in the year of the
    # latest vesting the spell may pay for: 2023-06-09, vesting year 2.
    spell = spell_file(tmp_path, "2022-12-09", mkr("1,500"))
    found = budget_diagnostics(spell)
    assert errors(found) == ["the annual MKR cap of 686.05 MKR for vesting year 2 (2022-12-09 to 2023-12-08) is "
                             "exceeded: 985.39 MKR, 299.34 MKR over"]


def test_mkr_total_cap_overrun_counts_the_ledger(tmp_path):
    ledger = ledger_file(tmp_path, [("2022-12-09", mkr("385.96")), ("2023-06-09", mkr("385.95"))])
    spell = spell_file(tmp_path, "2024-12-09", mkr("1,300"))
    found = errors(budget_diagnostics(spell, ledger=ledger))
    assert ("the total MKR cap of 2,058.15 MKR for the 3 years of vesting is exceeded: 2,071.91 MKR, 13.76 MKR over; "
            "earlier spells account for 771.91 MKR of it") in found
    assert any(m.startswith("the annual MKR cap of 686.05 MKR for vesting year 3") for m in found)


def test_mkr_to_the_operational_wallet_is_a_warning(tmp_path):
    spell = spell_file(tmp_path, "2023-06-01", mkr("50", to="SES_001"))
    found = budget_diagnostics(spell, LEAP)
    assert errors(found) == []
    assert "the MKR budget moves MKR to the Auditor Wallet (TECH_001), not to SES_001" in warnings(found)


def test_a_budget_that_states_the_top_up_accepts_the_spell_as_cast():
    assert budget_diagnostics(DAI_SPELL, TOPUP) == []


def test_unplanned_payment_and_missing_stream_are_warnings(tmp_path):
    spell = spell_file(tmp_path, "2022-01-28", payment("1,000"))
    found = budget_diagnostics(spell)
    assert errors(found) == ["no budget period covers 2022-01, so the monthly cap allows no DAI then: 1,000 DAI is "
                             "1,000 DAI over"]
    assert warnings(found) == [
        "the plan streams 2,486,400 DAI from 2022-02-01 00:00:00 UTC to 2023-01-31 00:00:00 UTC for the budget period "
        "2022-02-01 to 2023-01-31 (MIP40c3-SP53); this spell does not",
        "this payment of 1,000 DAI is not in the plan of TECH-001's budget for a spell on 2022-01-28 (no top-up of "
        "that amount is due)"]


def test_a_stream_that_differs_from_the_plan(tmp_path):
    spell = spell_file(tmp_path, "2022-01-28", stream("2,400,000", "2022-02-01", "2023-01-31",
                                                      vest="MCD_VEST_DAI_LEGACY"))
    found = budget_diagnostics(spell)
    assert errors(found) == []
    assert ("the plan streams 2,486,400 DAI from 2022-02-01 00:00:00 UTC to 2023-01-31 00:00:00 UTC for the budget "
            "period 2022-02-01 to 2023-01-31; this stream is 2,400,000 DAI from 2022-02-01 00:00:00 UTC to "
            "2023-01-31 23:59:59 UTC") in warnings(found)


def test_payments_to_other_wallets_are_not_the_budgets_business(tmp_path):
    spell = spell_file(tmp_path, "2022-06-01", "- type: dai_payment\n  to: 0x6cD0Ed4Ef58E68efEF55E975803d9F9001DAFed2\n"
                                               "  amount: 5,000,000\n")
    found = budget_diagnostics(spell)
    assert errors(found) == []


def test_a_usds_stream_to_a_budget_without_a_usds_part_is_not_checked_but_said(tmp_path):
    spell = spell_file(tmp_path, "2025-06-01", stream("1,000,000", "2025-06-01", "2025-06-30", vest="MCD_VEST_USDS"))
    found = budget_diagnostics(spell)
    assert errors(found) == []
    assert "the budget of TECH-001 has no USDS part: this USDS is not checked against any cap" in warnings(found)


def test_a_stream_of_a_token_no_part_can_hold_is_not_checked_but_said(tmp_path):
    spell = spell_file(tmp_path, "2025-06-01", stream("1,000", "2025-06-01", "2025-06-30",
                                                      vest="MCD_VEST_SPK_TREASURY"))
    found = budget_diagnostics(spell)
    assert "the budget of TECH-001 covers DAI and MKR; this SPK stream is not checked against any cap" in \
        warnings(found)
