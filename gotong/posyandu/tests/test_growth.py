"""Z-scores against WHO's published values.

Reference values used here, all from WHO sources rather than from our code:
- LMS rows transcribed from WHO's expanded (day-indexed) tables, and the SD2/SD3 cut-offs computed from them with
  DESIGN.md's formula SDk = M(1+L·S·k)^(1/L) written out independently in this file; the published 1-decimal SD
  columns of the WHO charts (e.g. boys at birth −2 SD 2.5 kg, +2 SD 4.4 kg) are checked too;
- four worked examples printed in the README of WHO's own `anthro` R package (anthro_zscores output).
"""

import math

import pytest

from gotong.posyandu import growth

# (indicator table, sex, index, L, M, S) — WHO Child Growth Standards expanded tables.
WHO_ROWS = [
    ("wfa", "M", 0, 0.3487, 3.3464, 0.14602),  # weight-for-age boys, day 0
    ("wfa", "F", 0, 0.3809, 3.2322, 0.14171),  # weight-for-age girls, day 0
    ("lhfa", "M", 0, 1.0, 49.8842, 0.03795),  # length-for-age boys, day 0
    ("lhfa", "F", 0, 1.0, 49.1477, 0.0379),  # length-for-age girls, day 0
    ("bmi", "M", 0, -0.3053, 13.4069, 0.0956),  # BMI-for-age boys, day 0
    ("wfl", "M", 450, -0.3521, 2.441, 0.09182),  # weight-for-length boys, 45.0 cm
    ("wfh", "M", 650, -0.3521, 7.4327, 0.08217),  # weight-for-height boys, 65.0 cm
]


def sd(L, M, S, k):  # noqa: N803 - WHO's letters
    return M * (1 + L * S * k) ** (1 / L)


@pytest.mark.parametrize(("name", "sex", "index", "L", "M", "S"), WHO_ROWS)
def test_tables_hold_whos_lms_values(name, sex, index, L, M, S):  # noqa: N803
    row = growth.table(name, sex)[index]
    assert (row.l, row.m, row.s) == pytest.approx((L, M, S), abs=1e-6)


def test_published_chart_cut_offs_boys_at_birth():
    # WHO weight-for-age boys 0–5 years, z-score table, month 0: −3 SD 2.1, −2 SD 2.5, median 3.3, +2 SD 4.4, +3 SD 5.0
    row = growth.table("wfa", "M")[0]
    assert [round(row.value_at(k), 1) for k in (-3, -2, 0, 2, 3)] == [2.1, 2.5, 3.3, 4.4, 5.0]
    # Length-for-age girls at birth: −2 SD 45.4, median 49.1, +2 SD 52.9
    row = growth.table("lhfa", "F")[0]
    assert [round(row.value_at(k), 1) for k in (-2, 0, 2)] == [45.4, 49.1, 52.9]


AGE_CASES = [(sex, days) for sex in ("M", "F") for days in (0, 730, 731, 1826)]


@pytest.mark.parametrize(("sex", "days"), AGE_CASES)
def test_weight_for_age_is_0_and_2_at_median_and_sd2(sex, days):
    row = growth.table("wfa", sex)[days]
    for k in (0, 2, -2, 3, -3):
        weight = sd(row.l, row.m, row.s, k)
        assert growth.compute(sex=sex, age_days=days, weight_kg=weight).scores["waz"] == k


@pytest.mark.parametrize(("sex", "days"), AGE_CASES)
def test_length_height_for_age_uses_the_plain_formula(sex, days):
    row = growth.table("lhfa", sex)[days]
    measure = growth.LYING if days < 731 else growth.STANDING
    for k in (0, 2, -2, 4, -4):
        length = row.m * (1 + row.l * row.s * k) ** (1 / row.l)
        z = growth.compute(sex=sex, age_days=days, length_cm=length, measure=measure).scores["haz"]
        assert z == k
    # Beyond ±3 it stays the LMS formula (L = 1: linear in the length), unlike the weight-based scores.
    length = row.m * (1 + row.s * 3.5)
    assert growth.compute(sex=sex, age_days=days, length_cm=length, measure=measure).scores["haz"] == 3.5


@pytest.mark.parametrize(("sex", "days"), AGE_CASES)
def test_bmi_for_age_at_its_sd_points(sex, days):
    row = growth.table("bmi", sex)[days]
    length = 80.0
    for k in (0, 2, -2):
        weight = sd(row.l, row.m, row.s, k) * (length / 100) ** 2
        measure = growth.LYING if days < 731 else growth.STANDING
        result = growth.compute(sex=sex, age_days=days, weight_kg=weight, length_cm=length, measure=measure)
        assert result.scores["baz"] == k


@pytest.mark.parametrize("sex", ["M", "F"])
def test_weight_for_length_before_731_days_and_for_height_from_731(sex):
    wfl, wfh = growth.table("wfl", sex)[800], growth.table("wfh", sex)[800]  # 80.0 cm in both tables
    assert wfl.m != wfh.m
    for k in (0, 2, -2):
        at_730 = growth.compute(
            sex=sex, age_days=730, weight_kg=sd(wfl.l, wfl.m, wfl.s, k), length_cm=80, measure="lying"
        )
        at_731 = growth.compute(
            sex=sex, age_days=731, weight_kg=sd(wfh.l, wfh.m, wfh.s, k), length_cm=80, measure="standing"
        )
        assert at_730.scores["whz"] == k
        assert at_731.scores["whz"] == k
    # 60 cm exists in the length table only: fine at 730 days, out of the height table's range at 731.
    assert growth.compute(sex=sex, age_days=730, weight_kg=6, length_cm=60).scores["whz"] is not None
    late = growth.compute(sex=sex, age_days=731, weight_kg=6, length_cm=60.7, measure="lying")
    assert late.scores["whz"] is None and late.reasons["whz"] == growth.REASON_LENGTH_RANGE


def test_the_0_7_cm_adjustment_by_age_and_position():
    standing_young = growth.compute(sex="M", age_days=730, weight_kg=12, length_cm=80, measure="standing")
    lying_young = growth.compute(sex="M", age_days=730, weight_kg=12, length_cm=80.7, measure="lying")
    assert standing_young.length_used_cm == 80.7
    assert standing_young.scores == lying_young.scores
    lying_old = growth.compute(sex="F", age_days=731, weight_kg=12, length_cm=86, measure="lying")
    standing_old = growth.compute(sex="F", age_days=731, weight_kg=12, length_cm=85.3, measure="standing")
    assert lying_old.length_used_cm == 85.3
    assert lying_old.scores == standing_old.scores


def test_length_rows_are_interpolated_between_tenths():
    rows = growth.table("wfl", "F")
    low, high = rows[802], rows[803]
    mid = growth.length_lms("wfl", "F", 80.25)
    assert mid.m == pytest.approx((low.m + high.m) / 2)
    assert mid.l == pytest.approx((low.l + high.l) / 2)
    assert mid.s == pytest.approx((low.s + high.s) / 2)
    # The exact row is used as it is, also for values like 80.3 that are not exact in binary.
    assert growth.length_lms("wfl", "F", 80.3) == high


def test_restricted_formula_beyond_plus_and_minus_3():
    L, M, S = 0.3487, 3.3464, 0.14602  # noqa: N806 - boys' weight-for-age at birth
    sd3, sd2, sd3n, sd2n = sd(L, M, S, 3), sd(L, M, S, 2), sd(L, M, S, -3), sd(L, M, S, -2)
    heavy = sd3 + 0.5 * (sd3 - sd2)  # half a SD2–SD3 step above +3
    light = sd3n - 0.5 * (sd2n - sd3n)
    assert growth.compute(sex="M", age_days=0, weight_kg=heavy).scores["waz"] == 3.5
    assert growth.compute(sex="M", age_days=0, weight_kg=light).scores["waz"] == -3.5
    # The plain LMS formula would give something else for the same weight.
    plain = ((heavy / M) ** L - 1) / (S * L)
    assert not math.isclose(plain, 3.5, abs_tol=0.01)


# WHO anthro R package README: anthro_zscores(sex, age in days, weight, lenhei), measure imputed by age.
WHO_EXAMPLES = [
    (("M", 1001, 18, 120), {"haz": 7.31, "waz": 2.20, "whz": -2.39, "baz": -3.01}, {"haz"}),
    (("F", 1000, 15, 80), {"haz": -3.50, "waz": 0.95, "whz": 4.13, "baz": 4.66}, set()),
    (("M", 1010, 10, 100), {"haz": 1.62, "waz": -2.76, "whz": -5.19, "baz": -5.61}, {"whz", "baz"}),
    (("M", 1000, 15, 100), {"haz": 1.70, "waz": 0.69, "whz": -0.29, "baz": -0.58}, set()),
]


@pytest.mark.parametrize(("given", "expected", "flagged"), WHO_EXAMPLES)
def test_who_anthro_worked_examples(given, expected, flagged):
    sex, days, weight, lenhei = given
    result = growth.compute(sex=sex, age_days=days, weight_kg=weight, length_cm=lenhei)
    assert result.raw == expected
    for name in expected:
        if name in flagged:  # WHO flags these as implausible: no score, a reason instead
            assert result.scores[name] is None
            assert result.reasons[name] == growth.REASON_IMPLAUSIBLE
        else:
            assert result.scores[name] == expected[name]


@pytest.mark.parametrize(("indicator", "low", "high"), [("waz", -6, 5), ("haz", -6, 6), ("whz", -5, 5), ("baz", -5, 5)])
def test_implausible_limits(indicator, low, high):
    assert growth.IMPLAUSIBLE[indicator] == (low, high)


def test_waz_just_above_5_is_implausible_but_5_is_not():
    row = growth.table("wfa", "F")[400]
    sd3, sd2 = sd(row.l, row.m, row.s, 3), sd(row.l, row.m, row.s, 2)
    at_5 = growth.compute(sex="F", age_days=400, weight_kg=sd3 + 2 * (sd3 - sd2))
    above = growth.compute(sex="F", age_days=400, weight_kg=sd3 + 2.1 * (sd3 - sd2))
    assert at_5.scores["waz"] == 5
    assert above.scores["waz"] is None and above.reasons["waz"] == growth.REASON_IMPLAUSIBLE
    assert above.raw["waz"] == 5.1


def test_oedema_gives_no_weight_based_score():
    result = growth.compute(sex="M", age_days=400, weight_kg=8, length_cm=75, oedema=True)
    for name in ("waz", "whz", "baz"):
        assert result.scores[name] is None
        assert result.reasons[name] == growth.REASON_OEDEMA
    assert result.scores["haz"] is not None


@pytest.mark.parametrize(("days", "scored"), [(0, True), (1826, True), (1827, False), (1856, False)])
def test_scores_only_below_60_months(days, scored):
    median = growth.table("wfa", "F")[min(days, 1826)].m
    result = growth.compute(sex="F", age_days=days, weight_kg=median)
    if scored:
        assert result.scores["waz"] is not None
    else:
        assert all(result.scores[name] is None for name in growth.INDICATORS)
        assert set(result.reasons.values()) == {growth.REASON_AGE}
        assert result.as_json()["waz_reason"] == "age_out_of_range"


def test_missing_height_leaves_height_scores_out():
    result = growth.compute(sex="M", age_days=300, weight_kg=8.5)
    assert result.scores["waz"] is not None
    assert result.reasons == {"haz": "missing_measurement", "whz": "missing_measurement", "baz": "missing_measurement"}


def test_rounding_is_to_two_decimals():
    assert growth.round2(1.005) == 1.0  # 1.005 is 1.00499… in binary
    assert growth.round2(-2.3456) == -2.35
    assert growth.months_to_days(24) == 731
    assert growth.age_in_months(730) == 23
    assert growth.age_in_months(731) == 24


def test_standing_under_9_months_is_a_wrong_position_not_converted_and_flagged():
    # WHO anthro ≥ 1.1.0 (R/z-score.R, c9mo_flag): an 8-month boy (244 days) measured 60 cm standing gets no
    # +0.7 cm: HAZ −4.81, not the −4.50 of 60,7 cm.
    age = growth.months_to_days(8)
    flagged = growth.compute(sex="M", age_days=age, length_cm=60, measure=growth.STANDING)
    assert flagged.scores["haz"] == -4.81 and flagged.length_used_cm == 60
    assert flagged.flags == [growth.FLAG_STANDING_TOO_YOUNG]
    assert flagged.as_json()["flags"] == ["standing_under_9_months"]
    lying = growth.compute(sex="M", age_days=age, length_cm=60.7, measure=growth.LYING)
    assert lying.scores["haz"] == -4.5 and lying.flags == []


def test_standing_from_9_months_is_converted_as_before():
    age = growth.months_to_days(9)  # 274 days: 9,002 months
    standing = growth.compute(sex="M", age_days=age, length_cm=70, measure=growth.STANDING)
    assert standing.length_used_cm == 70.7 and standing.flags == []
    assert growth.standing_too_young(273, growth.STANDING) and not growth.standing_too_young(273, growth.LYING)
