import datetime
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError

from gotong.slums.models import Assessment, CriterionMeasurement
from gotong.slums.services import baseline_and_latest, record_assessment


def test_record_assessment_stores_scores_class_and_audit(bugis, city_officer, percentages):
    percentages.update({"1a": 60, "2b": "24.996", "7a": 100})
    assessment = record_assessment(
        bugis,
        assessed_on=datetime.date(2014, 12, 31),
        percentages=percentages,
        affected_area_ha="18.92",
        is_baseline=True,
        non_physical={"land_legality": "illegal", "population_density": "high", "potential": "Wisata pesisir"},
        acting_user=city_officer,
    )
    assert (assessment.total, assessment.slum_class) == (23, "light")
    assert assessment.area_code == "21.72.03.1005" and assessment.created_by == city_officer
    assert assessment.land_legality == "illegal" and assessment.strategic_value == ""
    scores = dict(assessment.measurements.values_list("code", "score"))
    assert len(scores) == 16 and scores["1a"] == 3 and scores["7a"] == 5
    # Stored with two decimals, but scored on the unrounded value (KOTAKU practice): 24,996 % → 0, stored 25,00.
    two_b = assessment.measurements.get(code="2b")
    assert (two_b.percent, two_b.score) == (Decimal("25.00"), 0)
    assert LogEntry.objects.get_for_object(assessment).get().actor == city_officer


def test_bad_input_writes_nothing(bugis, city_officer, percentages):
    with pytest.raises(ValidationError) as info:
        record_assessment(
            bugis,
            assessed_on=datetime.date(2018, 1, 1),
            percentages=dict(percentages, **{"3a": 120}),
            affected_area_ha="4.66",
            acting_user=city_officer,
        )
    assert info.value.message_dict == {"3a": ["Kriteria 3a: 120% di luar rentang 0–100%."]}
    with pytest.raises(ValidationError) as info:
        record_assessment(
            bugis,
            assessed_on=datetime.date(2018, 1, 1),
            percentages=percentages,
            affected_area_ha="19",
            acting_user=city_officer,
        )
    assert "affected_area_ha" in info.value.message_dict
    assert not Assessment.objects.exists() and not CriterionMeasurement.objects.exists()


def test_one_baseline_and_one_per_day(bugis, city_officer, percentages):
    kwargs = {"percentages": percentages, "affected_area_ha": 10, "acting_user": city_officer}
    record_assessment(bugis, assessed_on=datetime.date(2014, 1, 1), is_baseline=True, **kwargs)
    with pytest.raises(ValidationError) as info:
        record_assessment(bugis, assessed_on=datetime.date(2015, 1, 1), is_baseline=True, **kwargs)
    assert info.value.message_dict == {"is_baseline": ["Lokasi ini sudah punya data awal (baseline)."]}
    with pytest.raises(ValidationError) as info:
        record_assessment(bugis, assessed_on=datetime.date(2014, 1, 1), **kwargs)
    assert "assessed_on" in info.value.message_dict


def test_baseline_and_latest(bugis, city_officer, percentages):
    assert baseline_and_latest(bugis) == (None, None)
    kwargs = {"percentages": percentages, "acting_user": city_officer}
    later = record_assessment(bugis, assessed_on=datetime.date(2018, 12, 31), affected_area_ha="4.66", **kwargs)
    base = record_assessment(
        bugis, assessed_on=datetime.date(2014, 12, 31), affected_area_ha="18.92", is_baseline=True, **kwargs
    )
    assert baseline_and_latest(bugis) == (base, later)
    record_assessment(bugis, assessed_on=datetime.date(2016, 6, 1), affected_area_ha="10", **kwargs)
    assert baseline_and_latest(bugis) == (base, later)


def test_demo_creates_seven_locations_of_decree_337(areas):
    from gotong.slums.demo import load_slum_demo
    from gotong.slums.models import SlumLocation

    load_slum_demo()
    load_slum_demo()  # idempotent
    locations = SlumLocation.objects.all()
    assert locations.count() == 7
    assert sum(location.area_ha for location in locations) == Decimal("150.41")
    assert {location.name for location in locations} == {
        "Pantai Impian",
        "Lembah Purnama",
        "Sungai Nibung Angus",
        "Tanjung Unggat",
        "Pelantar Sulawesi",
        "Kampung Bugis",
        "Sanggarang",
    }
    assert all(location.area_code.startswith("21.72.") for location in locations)
    bugis = locations.get(name="Kampung Bugis")
    assert bugis.area_code == "21.72.03.1005" and bugis.area_ha == Decimal("18.92")
    base, latest = baseline_and_latest(bugis)
    assert (base.assessed_on.year, base.affected_area_ha, base.slum_class) == (2014, Decimal("18.92"), "medium")
    assert (latest.assessed_on.year, latest.affected_area_ha, latest.slum_class) == (2018, Decimal("4.66"), "light")
