"""Vitamin A, deworming and PMT rules, from the Kemenkes sources cited in `gotong.posyandu.supplements`."""

import datetime
from types import SimpleNamespace

import pytest

from gotong.posyandu import supplements

BIRTH = datetime.date(2025, 1, 15)


@pytest.mark.parametrize(
    ("months", "capsule"),
    [(5, None), (6, "blue"), (11, "blue"), (12, "red"), (59, "red"), (60, None)],
)
def test_capsule_by_age_permenkes_21_2015(months, capsule):
    # Blue 100.000 IU for 6–11 months, red 200.000 IU for 12–59 months.
    assert supplements.capsule_for(months) == capsule


@pytest.mark.parametrize(("months", "mg"), [(11, None), (12, 200), (23, 200), (24, 400), (59, 400), (60, None)])
def test_albendazole_by_age_permenkes_15_2017(months, mg):
    assert supplements.albendazole_mg(months) == mg


@pytest.mark.parametrize(
    ("on", "due"),
    [
        (datetime.date(2025, 8, 10), "blue"),  # 6 months 26 days in August: the blue capsule, once
        (datetime.date(2025, 7, 10), None),  # July is not a vitamin A month
        (datetime.date(2026, 2, 10), "red"),  # 12 months in February: red from now on
        (datetime.date(2026, 8, 10), "red"),  # …and again in August
        (datetime.date(2030, 2, 10), None),  # 60 months: no longer an under-five
    ],
)
def test_vitamin_a_due_in_february_and_august_by_age(on, due):
    assert supplements.vitamin_a_due(BIRTH, on, given_this_round=False) == due
    assert supplements.vitamin_a_due(BIRTH, on, given_this_round=True) is None


def test_an_infant_gets_the_blue_capsule_at_most_once():
    # Any birth date: the rounds six months apart never both fall in 6–11 months (Feb "or" Aug for infants).
    start = datetime.date(2024, 1, 1)
    for offset in range(0, 366, 7):
        birth = start + datetime.timedelta(days=offset)
        rounds = [datetime.date(year, month, 10) for year in (2024, 2025, 2026) for month in (2, 8)]
        blues = [r for r in rounds if supplements.vitamin_a_due(birth, r, given_this_round=False) == "blue"]
        assert len(blues) <= 1, birth


def test_deworming_due_only_in_the_rounds_from_12_months():
    assert supplements.deworming_due(BIRTH, datetime.date(2025, 8, 10), given_this_round=False) is None  # 6 months
    assert supplements.deworming_due(BIRTH, datetime.date(2026, 2, 10), given_this_round=False) == 200
    assert supplements.deworming_due(BIRTH, datetime.date(2027, 2, 10), given_this_round=False) == 400
    assert supplements.deworming_due(BIRTH, datetime.date(2026, 3, 10), given_this_round=False) is None


def test_round_of_a_late_sweep_counts_for_its_half_year():
    assert supplements.round_of(datetime.date(2026, 3, 5)) == datetime.date(2026, 2, 1)
    assert supplements.round_of(datetime.date(2026, 1, 31)) == datetime.date(2026, 2, 1)
    assert supplements.round_of(datetime.date(2026, 9, 1)) == datetime.date(2026, 8, 1)


def _weighing(trend="N", two_t=False, bgm=False, waz_class="normal", whz_class="normal"):
    return SimpleNamespace(trend=trend, two_t=two_t, bgm=bgm, waz_class=waz_class, whz_class=whz_class)


@pytest.mark.parametrize(
    ("weighing", "reasons"),
    [
        (_weighing(), []),
        (_weighing(trend="B"), []),
        (_weighing(trend="T"), ["T"]),
        (_weighing(trend="T", two_t=True), ["2T"]),
        (_weighing(trend="B", bgm=True, waz_class="severely_underweight"), ["BGM", "BB kurang"]),
        (_weighing(whz_class="wasted"), ["gizi kurang/buruk"]),
        (None, []),
    ],
)
def test_falter_reasons_call_for_pmt(weighing, reasons):
    assert supplements.falter_reasons(weighing) == reasons
