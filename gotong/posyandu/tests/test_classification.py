"""Permenkes 2/2020 class edges and the KBM table."""

import pytest

from gotong.posyandu import kbm
from gotong.posyandu.classification import classify, label


@pytest.mark.parametrize(
    ("indicator", "z", "code"),
    [
        ("waz", -3.01, "severely_underweight"),
        ("waz", -3.0, "underweight"),
        ("waz", -2.01, "underweight"),
        ("waz", -2.0, "normal"),
        ("waz", 1.0, "normal"),
        ("waz", 1.01, "risk_of_overweight"),
        ("haz", -3.01, "severely_stunted"),
        ("haz", -3.0, "stunted"),
        ("haz", -2.0, "normal"),
        ("haz", 3.0, "normal"),
        ("haz", 3.01, "tall"),
        ("whz", -3.01, "severely_wasted"),
        ("whz", -3.0, "wasted"),
        ("whz", -2.0, "normal"),
        ("whz", 1.0, "normal"),
        ("whz", 1.01, "risk_of_overweight"),
        ("whz", 2.0, "risk_of_overweight"),
        ("whz", 2.01, "overweight"),
        ("whz", 3.0, "overweight"),
        ("whz", 3.01, "obese"),
        ("baz", -3.5, "severely_wasted"),
        ("baz", 2.5, "overweight"),
        ("baz", 3.2, "obese"),
    ],
)
def test_class_edges(indicator, z, code):
    assert classify(indicator, z) == code


def test_labels_are_the_regulations_words():
    assert label("whz", "severely_wasted") == "Gizi buruk"
    assert label("haz", "stunted") == "Pendek"
    assert label("waz", "risk_of_overweight") == "Risiko berat badan lebih"
    assert label("waz", None) == "—"


@pytest.mark.parametrize(
    ("months", "grams"),
    [
        (0, None),
        (1, 800),
        (2, 900),
        (3, 800),
        (4, 600),
        (5, 500),
        (6, 400),
        (7, 400),
        (8, 300),
        (10, 300),
        (11, 200),
        (12, 200),
        (59, 200),
    ],
)
def test_kbm_table(months, grams):
    assert kbm.kbm_grams(months) == grams


def test_trend_against_kbm():
    assert kbm.trend(age_months=2, weight_kg="5.90", previous_weight_kg="5.00", weighed_before=True) == "N"
    assert kbm.trend(age_months=2, weight_kg="5.89", previous_weight_kg="5.00", weighed_before=True) == "T"
    assert kbm.trend(age_months=20, weight_kg="10.20", previous_weight_kg="10.00", weighed_before=True) == "N"
    assert kbm.trend(age_months=20, weight_kg="10.10", previous_weight_kg="10.00", weighed_before=True) == "T"
    assert kbm.trend(age_months=20, weight_kg="9.90", previous_weight_kg="10.00", weighed_before=True) == "T"
    assert kbm.trend(age_months=20, weight_kg="10.00", previous_weight_kg=None, weighed_before=True) == "O"
    assert kbm.trend(age_months=20, weight_kg="10.00", previous_weight_kg=None, weighed_before=False) == "B"
    assert kbm.trend(age_months=0, weight_kg="3.60", previous_weight_kg="3.40", weighed_before=True) == "N"
    assert kbm.trend(age_months=0, weight_kg="3.40", previous_weight_kg="3.40", weighed_before=True) == "T"


def test_following_the_growth_line_is_up_even_below_kbm():
    common = {"age_months": 40, "weight_kg": "14.15", "previous_weight_kg": "14.00", "weighed_before": True}
    assert kbm.trend(**common, waz="-1.00", previous_waz="-1.02") == "N"
    assert kbm.trend(**common, waz="-1.10", previous_waz="-1.00") == "N"  # within the tolerance
    assert kbm.trend(**common, waz="-1.11", previous_waz="-1.00") == "T"  # drifting down across the lines
    assert kbm.trend(**common) == "T"  # no z-scores (e.g. oedema): the KBM alone decides
    flat = {**common, "weight_kg": "14.00"}
    assert kbm.trend(**flat, waz="-0.9", previous_waz="-1.0") == "T"
