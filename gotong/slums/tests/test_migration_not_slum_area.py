"""Older "Bukan kumuh" assessments with hectares "still slum" are made consistent by migration 0005."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("slums", "0004_assessment_counts")]
AFTER = [("slums", "0006_not_slum_area_constraint")]


@pytest.mark.django_db(transaction=True)
def test_not_slum_rows_get_zero_remaining_area(bugis, latest_schema):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Assessment = old.get_model("slums", "Assessment")
    common = {"location_id": bugis.pk, "area_code": bugis.area_code}
    not_slum = Assessment.objects.create(
        assessed_on=datetime.date(2020, 1, 1), affected_area_ha="3.20", total=13, slum_class="none", **common
    )
    light = Assessment.objects.create(
        assessed_on=datetime.date(2021, 1, 1), affected_area_ha="3.20", total=20, slum_class="light", **common
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps.get_model("slums", "Assessment")
    assert new.objects.get(pk=not_slum.pk).affected_area_ha == 0
    assert str(new.objects.get(pk=light.pk).affected_area_ha) == "3.20"
