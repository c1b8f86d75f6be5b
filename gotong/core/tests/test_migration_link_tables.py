"""The six many-to-many link tables become explicit through models without moving a row, then get their owner's
province (slums 0012–0014, collaboration 0011–0013, programs 0007–0009, casework 0009–0011)."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from gotong.areas.models import Area
from gotong.core.distribution_check import province_mismatches
from gotong.registry.tests.factories import rt_in

BUGIS = "21.72.03.1005"  # Kampung Bugis, Tanjungpinang (Kepulauan Riau, 21)
BEFORE = [
    ("slums", "0011_province_code_not_null"),
    ("collaboration", "0010_province_code_not_null"),
    ("programs", "0006_province_code_not_null"),
    ("casework", "0008_province_code_not_null"),
]
TABLES = (
    "slums_slumlocation_units",
    "collaboration_agreement_parties",
    "collaboration_forum_members",
    "collaboration_activity_projects",
    "programs_program_partners",
    "casework_case_team",
)


@pytest.fixture
def latest_schema():
    """Leave the database at the newest migrations again, whatever the test did."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


def _world(admin_user, city_officer, facilitator):
    """One record of each owner, each with two links, made by the services."""
    from gotong.casework import services as casework
    from gotong.casework.models import Program as CaseProgram
    from gotong.collaboration import services as collaboration
    from gotong.collaboration.services import forums, targets
    from gotong.organizations.services import create_organization
    from gotong.programs.services import create_program
    from gotong.registry.models import Household, Person
    from gotong.registry.services import save_household, save_person
    from gotong.slums.services import register_location

    village = Area.objects.get(code=BUGIS)
    office, bank, ksm = (
        create_organization(name=name, kind="lainnya", area=village, acting_user=admin_user)
        for name in ("Kantor Lurah Kampung Bugis", "Bank Riau", "KSM Bugis")
    )
    location = register_location(
        name="Kampung Bugis", decree_number="337 Tahun 2014", decree_authority="Walikota Tanjungpinang",
        area_ha="18.92", village=village, units=[rt_in(BUGIS, 6, 2), rt_in(BUGIS, 6, 3)], acting_user=admin_user,
    )  # fmt: skip
    collaboration.create_agreement(
        title="Penataan kawasan", kind="mou", signed_on=datetime.date(2026, 1, 5), area=village,
        parties=[office, bank], acting_user=admin_user,
    )  # fmt: skip
    forums.create_forum(name="Forum kawasan", kind="routine", area=village, members=[office, bank],
                        acting_user=admin_user)  # fmt: skip
    projects = [
        collaboration.create_project(
            name=name,
            kind="jalan_beton",
            area=village,
            volume=100,
            unit="m",
            year=2026,
            budgets={"apbn": 1_000_000},
            acting_user=admin_user,
        )  # fmt: skip
        for name in ("Jalan beton RW 006", "Drainase RW 006")
    ]
    target = targets.save_target(
        title="0 ha kumuh", area=village, location=location, indicator="slum_ha", unit="ha",
        baseline_value=Decimal("18.92"), baseline_year=2024, target_value=Decimal("0"), target_year=2029,
        acting_user=admin_user,
    )  # fmt: skip
    plan = targets.save_action_plan(target=target, title="Rencana", start_year=2025, end_year=2029,
                                    acting_user=admin_user)  # fmt: skip
    targets.add_activity(plan, what="Penataan jalan", projects=projects, acting_user=admin_user)
    create_program(name="Pelatihan menjahit", kind="keterampilan", organization=office, area=village,
                   partners=[bank, ksm], acting_user=admin_user)  # fmt: skip
    household = save_household(
        Household(family_card_number="2172030101000001", address="Jl. Bugis 7", area=rt_in(BUGIS, 6, 2)),
        acting_user=None,
    )
    head = Person(household=household, nik="2172034506850001", name="Raja Ali", sex="L", relationship="kepala",
                  birth_date=datetime.date(1985, 6, 5))  # fmt: skip
    save_person(head, acting_user=None)
    casework.open_case(
        program=CaseProgram.TB, household=household, person=head, summary="TBC", opened_reason="Rujukan puskesmas",
        opened_on=datetime.date(2026, 1, 5), team=[facilitator], acting_user=city_officer,
    )  # fmt: skip


def _rows(table, columns):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns} FROM {table} ORDER BY id")
        return cursor.fetchall()


@pytest.mark.django_db(transaction=True)
def test_link_rows_stay_and_get_their_owners_province(areas, admin_user, city_officer, facilitator, latest_schema):
    _world(admin_user, city_officer, facilitator)
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)  # back to Django's own link tables, without the column
    with connection.cursor() as cursor:
        for table in TABLES:
            columns = [c.name for c in connection.introspection.get_table_description(cursor, table)]
            assert "province_code" not in columns, table
    links = {table: _rows(table, "*") for table in TABLES}
    assert all(links.values()), links

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())

    for table, rows in links.items():
        after = _rows(table, "*")
        assert [row[:3] for row in after] == rows, table  # the same ids and pairs: nothing copied or renumbered
        assert {row[3] for row in after} == {"21"}, table  # the column comes last
    assert province_mismatches() == []
