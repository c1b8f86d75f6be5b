"""The official table: 16 criteria, score bands and class thresholds of Permen PUPR 14/PRT/M/2018."""

from decimal import Decimal

import pytest

from gotong.slums.criteria import ASPECTS, CRITERIA, CRITERION_CODES, MAX_TOTAL, class_for, score_for
from gotong.slums.scoring import CriteriaError, assess
from gotong.slums.tests.conftest import ALL_ZERO


def test_table_has_seven_aspects_and_sixteen_criteria():
    assert [a.number for a in ASPECTS] == [1, 2, 3, 4, 5, 6, 7]
    assert CRITERION_CODES == (
        "1a",
        "1b",
        "1c",
        "2a",
        "2b",
        "3a",
        "3b",
        "4a",
        "4b",
        "4c",
        "5a",
        "5b",
        "6a",
        "6b",
        "7a",
        "7b",
    )
    assert all(c.code.startswith(str(c.aspect)) and c.name and c.gloss and c.unit for c in CRITERIA)
    assert {c.unit for c in CRITERIA} == {"unit", "ha", "m", "KK"}
    assert MAX_TOTAL == 80


@pytest.mark.parametrize(
    ("percent", "score"),
    [
        ("0", 0),
        ("24.99", 0),
        ("25", 1),
        ("50", 1),
        ("50.01", 1),
        ("50.99", 1),
        ("51", 3),
        ("75", 3),
        ("75.01", 3),
        ("75.99", 3),
        ("76", 5),
        ("100", 5),
    ],
)
def test_score_bands(percent, score):
    assert score_for(Decimal(percent)) == score


@pytest.mark.parametrize(
    ("total", "slum_class"),
    [
        (0, "none"),
        (15, "none"),
        (16, "light"),
        (37, "light"),
        (38, "medium"),
        (59, "medium"),
        (60, "heavy"),
        (80, "heavy"),
    ],
)
def test_class_thresholds(total, slum_class):
    assert class_for(total) == slum_class


def _with_total(total: int) -> dict:
    """Percentages giving `total`: as many 5s as fit, then one 3 or 1, the rest 0."""
    values, remaining = dict(ALL_ZERO), total
    for code in CRITERION_CODES:
        for score, percent in ((5, 100), (3, 60), (1, 30)):
            if remaining >= score:
                values[code], remaining = percent, remaining - score
                break
    assert remaining == 0
    return values


@pytest.mark.parametrize(
    ("total", "slum_class"),
    [(15, "none"), (16, "light"), (37, "light"), (38, "medium"), (59, "medium"), (60, "heavy")],
)
def test_assess_class_boundaries(total, slum_class):
    result = assess(_with_total(total))
    assert (result.total, result.slum_class) == (total, slum_class)


def test_all_zero_is_not_a_slum():
    result = assess(ALL_ZERO)
    assert (result.total, result.slum_class) == (0, "none")
    assert set(result.aspect_scores.values()) == {0}


def test_all_hundred_is_heavy_80():
    result = assess(dict.fromkeys(CRITERION_CODES, 100))
    assert (result.total, result.slum_class) == (80, "heavy")
    assert result.aspect_scores == {1: 15, 2: 10, 3: 10, 4: 15, 5: 10, 6: 10, 7: 10}


def test_accepts_int_float_decimal_and_sums_aspects():
    values = dict(ALL_ZERO, **{"1a": 40, "1b": 51.5, "4c": Decimal("75.00")})
    result = assess(values)
    assert result.scores["1a"] == 1 and result.scores["1b"] == 3 and result.scores["4c"] == 3
    assert result.percentages["1b"] == Decimal("51.5")
    assert result.aspect_scores[1] == 4 and result.aspect_scores[4] == 3 and result.total == 7


def test_missing_criteria_are_listed():
    values = dict(ALL_ZERO)
    del values["3b"], values["7a"]
    with pytest.raises(CriteriaError) as info:
        assess(values)
    assert info.value.message_dict == {"criteria": ["Kriteria belum diisi: 3b, 7a."]}


def test_unknown_codes_are_named():
    with pytest.raises(CriteriaError) as info:
        assess(dict(ALL_ZERO, **{"8a": 10, "1d": 0}))
    message = info.value.message_dict["criteria"][0]
    assert message.startswith("Kode kriteria tidak dikenal: 1d, 8a.")


@pytest.mark.parametrize(("bad", "shown"), [(120, "120"), (-1, "-1"), (100.01, "100,01")])
def test_out_of_range_names_criterion_and_value(bad, shown):
    with pytest.raises(CriteriaError) as info:
        assess(dict(ALL_ZERO, **{"2b": bad}))
    assert info.value.message_dict == {"2b": [f"Kriteria 2b: {shown}% di luar rentang 0–100%."]}  # Indonesian comma


@pytest.mark.parametrize("bad", ["abc", None, True, float("nan")])
def test_non_numbers_are_refused(bad):
    with pytest.raises(CriteriaError) as info:
        assess(dict(ALL_ZERO, **{"5a": bad}))
    assert "Kriteria 5a" in info.value.message_dict["5a"][0] and "bukan angka" in info.value.message_dict["5a"][0]
