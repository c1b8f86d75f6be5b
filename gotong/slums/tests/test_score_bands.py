"""The official KOTAKU score bands on the unrounded percentage, checked on a published RT record, and the
migration that re-scores stored assessments."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from gotong.slums.counts import percentages_from_counts
from gotong.slums.criteria import score_for
from gotong.slums.scoring import assess
from gotong.slums.services import record_assessment

# East Java's KOTAKU portal, Rowokangkung RT 04 RW 02, Kab. Lumajang
# (https://kawanku.pkpjatim.id/home/kelurahan/8/483/2611): the wholes and the "volume" of each criterion.
ROWOKANGKUNG_BASES = {
    "verified_area_ha": "4.21", "building_count": 50, "household_count": 55, "road_length_m": "300",
    "drain_length_m": "300",
}  # fmt: skip
ROWOKANGKUNG_COUNTS = {
    "1a": 10, "1b": 0, "1c": 5, "2a": 0, "2b": 150, "3a": 48, "3b": 0, "4a": "0.50", "4b": 300, "4c": 0,
    "5a": 27, "5b": 28, "6a": 55, "6b": 55, "7a": 0, "7b": 50,
}  # fmt: skip


def test_rowokangkung_published_record_scores_50_91_percent_as_1_and_totals_28():
    counted = percentages_from_counts(counts=ROWOKANGKUNG_COUNTS, bases=ROWOKANGKUNG_BASES)
    result = assess(counted.percentages)
    assert counted.percentages["5b"].quantize(Decimal("0.01")) == Decimal("50.91")
    assert result.scores["5b"] == 1
    assert result.scores["5a"] == 1  # 49,09 %
    assert result.scores["3a"] == 5  # 87,27 %
    assert (result.total, result.slum_class) == (28, "light")


@pytest.mark.parametrize(
    ("percent", "score"),
    [("24.99", 0), ("25", 1), ("50.99", 1), ("51", 3), ("75.99", 3), ("76", 5)],
)
def test_band_edges(percent, score):
    assert score_for(Decimal(percent)) == score


def test_the_unrounded_percentage_decides_not_the_stored_two_decimals():
    # 5.099 of 9.999 KK = 50,99509… %, stored as 51,00 %, still scores 1; 101 of 198 = 51,0101… % scores 3.
    assert score_for(Decimal(5_099) * 100 / Decimal(9_999)) == 1
    assert score_for(Decimal(101) * 100 / Decimal(198)) == 3


@pytest.mark.django_db
def test_a_percent_that_rounds_up_to_51_is_stored_rounded_and_scored_1(bugis, city_officer):
    counts = dict.fromkeys(ROWOKANGKUNG_COUNTS, 0) | {"5b": 5_099, "6a": 9_999, "6b": 9_999, "7b": 10}
    bases = dict(ROWOKANGKUNG_BASES, household_count=9_999, building_count=10)
    assessment = record_assessment(
        bugis, assessed_on=datetime.date(2024, 5, 1), counts=counts, bases=bases, affected_area_ha="2",
        acting_user=city_officer,
    )  # fmt: skip
    fivebee = assessment.measurements.get(code="5b")
    assert (fivebee.percent, fivebee.score) == (Decimal("51.00"), 1)
    assert assessment.total == 16


BEFORE = [("slums", "0006_not_slum_area_constraint")]
AFTER = [("slums", "0008_score_bands")]


@pytest.mark.django_db(transaction=True)
def test_migration_rescores_stored_assessments(bugis, latest_schema):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Assessment = old.get_model("slums", "Assessment")
    Measurement = old.get_model("slums", "CriterionMeasurement")
    common = {"location_id": bugis.pk, "area_code": bugis.area_code}
    # Rowokangkung as the old bands stored it: 5b 50,91 % scored 3, total 30.
    counted = Assessment.objects.create(
        assessed_on=datetime.date(2020, 1, 1), affected_area_ha="3.20", total=30, slum_class="light",
        household_count=55, building_count=50, verified_area_ha="4.21", road_length_m=300, drain_length_m=300,
        **common,
    )  # fmt: skip
    old_scores = {"2b": 1, "3a": 5, "4b": 5, "5a": 1, "5b": 3, "6a": 5, "6b": 5, "7b": 5}
    for code, amount in ROWOKANGKUNG_COUNTS.items():
        whole = Decimal(str(ROWOKANGKUNG_BASES[_basis(code)]))
        percent = (Decimal(str(amount)) * 100 / whole).quantize(Decimal("0.01"))
        Measurement.objects.create(
            assessment=counted, code=code, amount=amount, percent=percent, score=old_scores.get(code, 0)
        )
    # Percent-only, total 16 "light" only because 75,5 % scored 5: now 3, total 14, not a slum, 0 ha left.
    percent_only = Assessment.objects.create(
        assessed_on=datetime.date(2021, 1, 1), affected_area_ha="1.50", total=16, slum_class="light", **common
    )
    for code in ROWOKANGKUNG_COUNTS:
        percent, score = {"6a": ("100", 5), "6b": ("100", 5), "7b": ("75.5", 5), "7a": ("25", 1)}.get(code, ("0", 0))
        Measurement.objects.create(assessment=percent_only, code=code, percent=percent, score=score)

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    Assessment = new.get_model("slums", "Assessment")
    Measurement = new.get_model("slums", "CriterionMeasurement")
    row = Assessment.objects.get(pk=counted.pk)
    assert (row.total, row.slum_class, str(row.affected_area_ha)) == (28, "light", "3.20")
    assert Measurement.objects.get(assessment_id=counted.pk, code="5b").score == 1
    row = Assessment.objects.get(pk=percent_only.pk)
    assert (row.total, row.slum_class, row.affected_area_ha) == (14, "none", 0)


def _basis(code):
    from gotong.slums.criteria import basis_of

    return basis_of(code).field
