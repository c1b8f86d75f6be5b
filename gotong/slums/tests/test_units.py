"""Slum locations linked to their RW/RT units: the free-text parser on the formats met in records and seeds, the
data migration, the service's validation, the form's picker and the location page joined up with projects and
households."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gotong.collaboration.services import create_project
from gotong.registry.tests.factories import HouseholdFactory, rt_in
from gotong.slums.demo import KAMPUNG_BUGIS_UNITS, load_slum_demo
from gotong.slums.models import SlumLocation
from gotong.slums.services import register_location, update_location
from gotong.slums.units import parse_units

BUGIS = "21.72.03.1005"

SEVEN = [(1, 1), (1, 2), (1, 3), (6, 1), (6, 2), (6, 3), (6, 4)]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        (KAMPUNG_BUGIS_UNITS, SEVEN),  # the demo's own text
        ("RW 001: RT 001–003; RW 006: RT 001–004", SEVEN),  # the form's hint
        # Seed 004, as the paper writes it.
        (
            "RW 001 yang terdiri dari RT 001, 002 dan 003, serta RW 006 yang terdiri dari RT 001, 002, 003, dan 004",
            SEVEN,
        ),
        ("RW 03 (RT 01–05)", [(3, 1), (3, 2), (3, 3), (3, 4), (3, 5)]),
        ("RT002-RW006", [(6, 2)]),  # seed 004, tables 2 and 3
        ("RT002-RW006, RT003-RW006, RT004-RW006, RT002-RW002", [(6, 2), (6, 3), (6, 4), (2, 2)]),
        ("RT 002 RW 006", [(6, 2)]),  # seed 004, prose
        ("RT.17 RW.05", [(5, 17)]),  # seed 002, Gang Berdikari, 26 Ilir
        ("RW 02: RT 01 s.d. 04", [(2, 1), (2, 2), (2, 3), (2, 4)]),
        ("RW 05", [(5, None)]),  # the whole RW
        ("rw 4, rw 7", [(4, None), (7, None)]),
        ("RW 01: RT 01-03, RT 02", [(1, 1), (1, 2), (1, 3)]),  # each unit once
        ("RW 4: RT 01–500", [(4, 1)]),  # an implausible range adds nothing
        ("Gang Berdikari, 12 rumah", []),  # numbers without an RT/RW label are no units
        ("", []),
    ],
)
def test_parse_units(text, units):
    assert parse_units(text) == units


@pytest.mark.django_db(transaction=True)
def test_migration_links_the_units_it_can_resolve(areas, latest_schema):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before, after = [("slums", "0006_not_slum_area_constraint")], [("slums", "0007_location_units")]
    # RW 006 with RT 002 and RT 003 exist (households live there); RW 001's RTs were never entered.
    for rt in (2, 3):
        rt_in(BUGIS, 6, rt)
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    Location = old.get_model("slums", "SlumLocation")
    village = old.get_model("areas", "Area").objects.get(code=BUGIS)
    common = {"decree_number": "337", "decree_authority": "Walikota", "area_ha": "1", "area_code": BUGIS}
    bugis = Location.objects.create(name="Bugis", village=village, neighbourhood_units=KAMPUNG_BUGIS_UNITS, **common)
    pelantar = Location.objects.create(name="Pelantar", village=village, neighbourhood_units="RT003-RW006", **common)
    blank = Location.objects.create(name="Tanpa RW", village=village, **common)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(after)
    new = executor.loader.project_state(after).apps.get_model("slums", "SlumLocation")

    def codes(location):
        return sorted(new.objects.get(pk=location.pk).units.values_list("code", flat=True))

    assert codes(bugis) == [f"{BUGIS}.006.002", f"{BUGIS}.006.003"]
    assert codes(pelantar) == [f"{BUGIS}.006.003"]
    assert codes(blank) == []
    assert new.objects.get(pk=bugis.pk).neighbourhood_units == KAMPUNG_BUGIS_UNITS  # kept as the note


@pytest.fixture
def location(areas, city_officer):
    for rw, rt in SEVEN:
        rt_in(BUGIS, rw, rt)
    return register_location(name="Kampung Bugis", decree_number="337 Tahun 2014", decree_authority="Walikota",
                             area_ha="18.92", village=areas[BUGIS], neighbourhood_units="RW 006: RT 002–003",
                             acting_user=city_officer)  # fmt: skip


def test_service_links_the_note_and_checks_the_village(location, areas, city_officer):
    # Without an explicit list, the units the note names are linked.
    assert sorted(location.units.values_list("code", flat=True)) == [f"{BUGIS}.006.002", f"{BUGIS}.006.003"]
    elsewhere = rt_in("21.72.03.1003", 1, 1)
    with pytest.raises(ValidationError) as error:
        update_location(location, units=[elsewhere], acting_user=city_officer)
    assert "bukan RW/RT di" in error.value.message_dict["units"][0]
    with pytest.raises(ValidationError):
        update_location(location, units=[areas[BUGIS]], acting_user=city_officer)  # the village is no RW/RT
    # Moving the location to another village while its units stay behind is refused; nothing is saved.
    with pytest.raises(ValidationError) as error:
        update_location(location, village=areas["21.72.03.1003"], acting_user=city_officer)
    assert "units" in error.value.message_dict
    assert SlumLocation.objects.get(pk=location.pk).village.code == BUGIS
    update_location(location, units=[rt_in(BUGIS, 1, 1).parent], acting_user=city_officer)
    assert list(location.units.values_list("code", flat=True)) == [f"{BUGIS}.001"]


def _form(location, **changes):
    data = {
        "name": location.name,
        "village": location.village.pk,
        "decree_number": location.decree_number,
        "decree_authority": location.decree_authority,
        "area_ha": "18,92",
        "neighbourhood_units": location.neighbourhood_units,
    }
    data.update(changes)
    return data


def test_form_picks_units_of_the_village(location, client, facilitator):
    client.force_login(facilitator)
    url = reverse("slums:location-edit", args=[location.pk])
    page = client.get(url)
    choices = {area.code for area in page.context["form"].fields["units"].queryset}
    assert f"{BUGIS}.006.002" in choices and f"{BUGIS}.006" in choices
    assert all(code.startswith(f"{BUGIS}.") for code in choices)
    rw1 = next(a for a in page.context["form"].fields["units"].queryset if a.code == f"{BUGIS}.001")
    rt1 = next(a for a in page.context["form"].fields["units"].queryset if a.code == f"{BUGIS}.001.001")
    response = client.post(url, _form(location, units=[rw1.pk, rt1.pk]))
    assert response.status_code == 302
    assert sorted(location.units.values_list("code", flat=True)) == [f"{BUGIS}.001", f"{BUGIS}.001.001"]
    # A unit of another village is not a choice: a clear error, and the note typed is kept in the form.
    other = rt_in("21.72.03.1003", 1, 1)
    response = client.post(url, _form(location, units=[other.pk], neighbourhood_units="RW 009"))
    assert response.status_code == 200
    assert response.context["form"].errors["units"]
    assert 'value="RW 009"' in response.content.decode()


def test_new_location_form_lists_units_after_the_village_is_chosen(location, client, city_officer, areas):
    client.force_login(city_officer)
    page = client.get(reverse("slums:location-create"))
    assert not page.context["form"].fields["units"].queryset.exists()
    assert "Pilih kelurahan/desa dulu" in page.content.decode()
    page = client.get(reverse("slums:location-create"), {"village": areas[BUGIS].pk})
    assert page.context["form"].fields["units"].queryset.filter(code=f"{BUGIS}.006.003").exists()


def test_location_page_joins_projects_households_and_assessments(location, client, facilitator, city_officer, areas):
    for _ in range(3):
        HouseholdFactory(area=rt_in(BUGIS, 6, 2))
    HouseholdFactory(area=rt_in(BUGIS, 1, 1))  # in the village, outside the location's units
    create_project(name="Jalan beton RT 002", kind="jalan_beton", area=rt_in(BUGIS, 6, 2), volume="2002.38",
                   unit="m", year=2018, budgets={}, acting_user=city_officer)  # fmt: skip
    create_project(name="Drainase RW 001", kind="drainase", area=rt_in(BUGIS, 1, 1), volume="10", unit="m",
                   year=2018, budgets={}, acting_user=city_officer)  # fmt: skip
    client.force_login(facilitator)
    page = client.get(reverse("slums:detail", args=[location.pk]))
    assert [row["households"] for row in page.context["unit_rows"]] == [3, 0]
    assert page.context["households_total"] == 3
    assert [p.name for p in page.context["projects"]] == ["Jalan beton RT 002"]
    body = page.content.decode()
    assert f"wilayah={BUGIS}.006.002" in body and "Jalan beton RT 002" in body
    assert "Lokasi ini belum pernah dinilai." in body  # the assessments section stays on the page


def test_demo_links_the_seed_units(areas):
    load_slum_demo()
    bugis = SlumLocation.objects.get(name="Kampung Bugis")
    assert bugis.units.count() == 7
    load_slum_demo()  # idempotent
    assert bugis.units.count() == 7
