import pytest

from gotong.slums.services import register_location

CODES = ["1a", "1b", "1c", "2a", "2b", "3a", "3b", "4a", "4b", "4c", "5a", "5b", "6a", "6b", "7a", "7b"]
ALL_ZERO = dict.fromkeys(CODES, 0)


@pytest.fixture
def bugis(areas, city_officer):
    return register_location(
        name="Kampung Bugis",
        decree_number="337 Tahun 2014",
        decree_authority="Walikota Tanjungpinang",
        area_ha="18.92",
        village=areas["21.72.03.1005"],
        acting_user=city_officer,
    )


# Total 20, "kumuh ringan": a slum class, so a remaining slum area above 0 ha is consistent with it.
LIGHT = dict(ALL_ZERO, **{"6a": 100, "6b": 100, "7a": 100, "7b": 100})


@pytest.fixture
def percentages():
    return dict(LIGHT)


@pytest.fixture
def latest_schema():
    """For tests that migrate the database back: leave it at the newest migrations again, so the next test meets
    the schema the code expects (a test stopped at an old migration would lose later tables such as the units)."""
    yield
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
