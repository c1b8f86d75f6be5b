"""Who is left out, at a city's scale: counts per unit from the registry tallies (never counting the city's
households), the households in pages, and exports that still hold every left-out household of the filters."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gotong.exports.tests.helpers import xlsx_rows
from gotong.programs import leftout, services
from gotong.registry.models import Household
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in

BUGIS = "21.72.03.1005"
OTHER_VILLAGE = "21.72.01.1001"
URL = reverse("programs:left-out")


def household(code, rw, rt, decile, name):
    house = HouseholdFactory(area=rt_in(code, rw, rt), welfare_decile=decile)
    PersonFactory(household=house, name=name)
    return house


def live_counts(user, code, max_decile=None):
    """Counted the slow way, from the households themselves."""
    everyone = Household.objects.visible_to(user)
    if code:
        everyone = everyone.in_area(code)
    if max_decile is not None:
        everyone = everyone.filter(welfare_decile__lte=max_decile)
    left = leftout.left_out_households(user, area_code=code, max_decile=max_decile)
    return everyone.count(), left.count()


def household_names(html: str) -> list[str]:
    items = html.split("data-households>")[1].split("</ul>")[0].split('<li class="list-group-item px-2 py-2">')[1:]
    return [item.split("<span>")[1].split("<")[0].strip() for item in items]


@pytest.fixture
def city(households, cohort, city_officer):
    """Kampung Bugis (households A–E, B and C reached) and another kelurahan of Tanjungpinang with two households."""
    services.enrol(cohort, person=households["B"][1], enrolled_on=cohort.starts_on, acting_user=city_officer)
    services.enrol(cohort, person=households["C"][1], enrolled_on=cohort.starts_on, acting_user=city_officer)
    household(OTHER_VILLAGE, 1, 1, 1, "Kepala F")
    household(OTHER_VILLAGE, 1, 2, None, "Kepala G")
    return households


@pytest.mark.parametrize("area, decile", [("", None), ("", 3), ("21.72.03", None), (BUGIS, None), (BUGIS, 2)])
def test_counts_per_unit_equal_the_households_counted_one_by_one(city, city_officer, area, decile):
    units = leftout.counts_by_unit(city_officer, area_code=area, max_decile=decile)
    assert units, "the city has households"
    for unit in units:
        assert (unit.households, unit.left_out) == live_counts(city_officer, unit.code, decile), unit.code
    top = units[0]
    assert top.step == 0 and top.code == (area or "21.72")
    # The chosen area, then its units one and two levels down.
    assert {unit.step for unit in units} <= {0, 1, 2}
    assert all(unit.code.startswith(f"{top.code}.") for unit in units[1:])


def test_a_city_shows_its_kecamatan_and_kelurahan_and_a_kelurahan_its_rw_and_rt(city, city_officer):
    codes = [unit.code for unit in leftout.counts_by_unit(city_officer)]
    assert codes == ["21.72", "21.72.01", OTHER_VILLAGE, "21.72.03", BUGIS]
    codes = [unit.code for unit in leftout.counts_by_unit(city_officer, area_code=BUGIS)]
    assert codes == [BUGIS, f"{BUGIS}.006", f"{BUGIS}.006.001", f"{BUGIS}.006.002"]


def get_counted(client, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, params or {})
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in queries]


def test_the_page_never_counts_the_households_and_asks_as_often_for_more(client, city, city_officer, settings):
    settings.GOTONG_PAGE_SIZE = 50
    client.force_login(city_officer)
    small_html, small = get_counted(client)
    for n in range(6):
        household(OTHER_VILLAGE, 2, n + 1, n % 3 + 1, f"Tambahan {n}")
    html, sql = get_counted(client)
    assert len(sql) == len(small)
    # Only reached households are counted (as many as there are enrolments at most), never all of them.
    counting = [q for q in sql if "COUNT(" in q and "registry_household" in q]
    assert counting and all("programs_enrolment" in q for q in counting)
    assert "Daftar (11 rumah tangga)" in html and len(household_names(html)) == 11
    assert "Daftar (5 rumah tangga)" in small_html


def test_pages_keep_the_filters(client, city, city_officer, settings):
    settings.GOTONG_PAGE_SIZE = 2
    client.force_login(city_officer)
    first = client.get(URL, {"max_decile": "5"}).content.decode()
    # F and A (decile 1, by area code), E (2): poorest first, two a page; D and G (decile unknown) are left out
    # by the filter.
    assert household_names(first) == ["Kepala F", "Kepala A"]
    assert 'href="?max_decile=5&amp;setelah=' in first and "Sebelumnya" not in first
    second = client.get(URL, {"max_decile": "5", "page": 2}).content.decode()
    assert household_names(second) == ["Kepala E"] and "Berikutnya" not in second
    assert 'href="?max_decile=5"' in second
    # A unit's name narrows the page to it, keeping the decile.
    assert f'href="?max_decile=5&amp;area={OTHER_VILLAGE}"' in first
    assert household_names(client.get(URL, {"max_decile": "5", "area": OTHER_VILLAGE}).content.decode()) == ["Kepala F"]


def test_exports_hold_every_left_out_household_across_pages(client, city, city_officer, settings):
    settings.GOTONG_PAGE_SIZE = 2
    client.force_login(city_officer)
    shown = []
    for number in (1, 2, 3):
        shown += household_names(client.get(URL, {"page": number}).content.decode())
    assert shown == ["Kepala F", "Kepala A", "Kepala E", "Kepala G", "Kepala D"]
    full_numbers = [h.family_card_number for h in Household.objects.all()]
    for fmt in ("xlsx", "csv"):
        for response in (
            client.get(URL, {"format": fmt, "page": 2}),  # the page's own older link
            client.get(reverse("exports:download", kwargs={"key": "programs.left_out", "fmt": fmt})),
        ):
            if fmt == "xlsx":
                headers, rows = xlsx_rows(response.content)
            else:
                table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
                headers, rows = table[0], table[1:]
            assert headers[:2] == ["No. KK", "Kepala keluarga"]
            assert [row[1] for row in rows] == shown
            text = " ".join(str(cell) for row in rows for cell in row)
            assert not [number for number in full_numbers if number in text]  # masked


def test_a_long_export_is_built_in_the_background(client, city, city_officer, settings):
    settings.GOTONG_EXPORT_MAX_DIRECT_ROWS = 2
    client.force_login(city_officer)
    response = client.get(URL, {"format": "csv"})
    assert response.status_code == 302 and "/ekspor/" in response["Location"]


@pytest.mark.parametrize(
    "persona, status, shown",
    [
        ("city_officer", 200, {"Kepala A", "Kepala D", "Kepala E", "Kepala F", "Kepala G"}),
        ("facilitator", 200, {"Kepala A", "Kepala D", "Kepala E"}),  # Kampung Bugis only
        ("admin_user", 200, {"Kepala A", "Kepala D", "Kepala E", "Kepala F", "Kepala G"}),
        ("other_facilitator", 200, set()),  # Palembang
        ("partner", 403, set()),
    ],
)
def test_each_persona_sees_its_own_area(client, request, city, persona, status, shown):
    client.force_login(request.getfixturevalue(persona))
    response = client.get(URL)
    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert set(household_names(html)) == shown
        assert f"Daftar ({len(shown)} rumah tangga)" in html
