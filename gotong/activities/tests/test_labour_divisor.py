"""UMK defaults checked against the governors' decrees, and the labour divisor (173 or 126) chosen per city."""

from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from gotong.activities import services, stats
from gotong.activities.defaults import install_default_rates
from gotong.activities.forms import WageRateForm
from gotong.activities.models import LabourDivisor, WageRate

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("city", "year", "wage", "verified", "decree"),
    [
        ("21.72", 2024, 3_402_492, True, "Nomor 1282 Tahun 2023"),
        ("21.72", 2025, 3_623_654, True, "Nomor 1414 Tahun 2024"),
        ("16.71", 2025, 3_916_635, False, "Sumsel"),
        ("14.71", 2025, 3_675_938, True, "Kpts. 3777/XII/2024"),
    ],
)
def test_default_umk_as_decreed(city, year, wage, verified, decree):
    install_default_rates(WageRate)  # what migration 0002 and the demo install (kept if already there)
    rate = WageRate.objects.get(city_code=city, year=year)
    assert (rate.monthly_wage, rate.verified, rate.labour_divisor) == (wage, verified, 173)
    assert decree in rate.source


def test_a_city_may_value_an_hour_by_the_part_time_divisor(city_officer):
    rate = services.set_wage_rate(
        city_code="21.72", year=2025, monthly_wage=3_623_654, labour_divisor=LabourDivisor.PART_TIME,
        source="Keputusan Gubernur Kepulauan Riau Nomor 1414 Tahun 2024", verified=True, acting_user=city_officer,
    )  # fmt: skip
    # 3.623.654 ÷ 126 × 2 h = 57.518,3… → 57.518; by 173 it would be 41.892.
    assert stats.labour_value(Decimal(2), rate) == 57_518
    rate.labour_divisor = LabourDivisor.OVERTIME_BASIS
    assert stats.labour_value(Decimal(2), rate) == 41_892


def test_only_the_two_divisors_of_the_regulations_are_offered():
    data = {"city_code": "21.72", "year": "2026", "monthly_wage": "3800000", "source": "SK"}
    assert WageRateForm(dict(data, labour_divisor="126")).is_valid()
    odd = WageRateForm(dict(data, labour_divisor="150"))
    assert not odd.is_valid() and "labour_divisor" in odd.errors


@pytest.fixture
def latest_schema_after():
    """This test migrates backwards: the tests after it on this database need the latest schema back."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_migration_corrects_old_defaults_but_not_what_a_city_entered(latest_schema_after):
    before, after = [("activities", "0004_labour_divisor")], [("activities", "0005_verified_wage_defaults")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("activities", "WageRate")
    # The 2024 row as the old default left it; the 2025 row as a city officer corrected it.
    for year, wage, source in ((2024, 3_402_273, "UMK Kota Tanjungpinang 2024"), (2025, 3_700_000, "SK kota")):
        old.objects.update_or_create(
            city_code="21.72", year=year, defaults={"monthly_wage": wage, "source": source, "verified": False}
        )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    new = executor.loader.project_state(after).apps.get_model("activities", "WageRate")
    corrected = new.objects.get(city_code="21.72", year=2024)
    assert (corrected.monthly_wage, corrected.verified) == (3_402_492, True)
    assert new.objects.get(city_code="21.72", year=2025).monthly_wage == 3_700_000
