"""Permenkes 2/2020 class edges and the KBM table."""

import pytest

from gotong.posyandu import growth, kbm
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


def test_a_child_losing_0_09_sd_every_month_is_t_every_month():
    """Buku KIA 2023: below the KBM is T. The old "WAZ fell by at most 0.1" tolerance called this child N for ever."""
    # A boy at −1 SD at 12 months whose weight-for-age falls 0,09 SD a month (weights from WHO's own curve).
    weights = ["8.64", "8.76", "8.86", "8.96", "9.05", "9.13", "9.21"]
    trends, zs, previous = [], [], None
    for month, weight in enumerate(weights, start=12):
        zs.append(growth.compute(sex="M", age_days=growth.months_to_days(month), weight_kg=float(weight)).scores["waz"])
        trends.append(
            kbm.trend(age_months=month, weight_kg=weight, previous_weight_kg=previous, weighed_before=bool(previous))
        )
        previous = weight
    assert zs == [-1.0, -1.09, -1.18, -1.27, -1.36, -1.45, -1.54]
    assert trends == ["B"] + ["T"] * 6  # gains of 80–120 g, under the 200 g KBM from 11 months


def test_at_least_the_kbm_is_n_whatever_the_z_score_did():
    common = {"age_months": 40, "previous_weight_kg": "14.00", "weighed_before": True}
    assert kbm.trend(**common, weight_kg="14.20") == "N"  # 200 g, the KBM from 11 months
    assert kbm.trend(**common, weight_kg="14.19") == "T"
    assert kbm.trend(**common, weight_kg="14.00") == "T"  # flat
