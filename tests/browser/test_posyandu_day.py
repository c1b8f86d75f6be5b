"""The posyandu day at the five tables on a 360 px phone: register who came, weigh, read the KMS result, counsel,
give vitamin A, deworming and PMT, with each table's progress in sight."""

import datetime

import pytest

from gotong.organizations.models import Membership, Organization
from gotong.posyandu import services
from gotong.posyandu.models import DayVisit, Deworming, Feeding, VitaminADose
from gotong.registry.tests.factories import HouseholdFactory, PersonFactory, rt_in
from tests.browser.conftest import log_in
from tests.browser.test_accessibility import _violations as _axe_violations


def _violations(page, where):
    from axe_playwright_python.sync_playwright import Axe

    return _axe_violations(page, Axe(), where)


def _last_round_day(today: datetime.date) -> datetime.date:
    """The latest 10 February or 10 August not after today: a vitamin A session."""
    for year in (today.year, today.year - 1):
        for month in (8, 2):
            day = datetime.date(year, month, 10)
            if day <= today:
                return day
    raise AssertionError


@pytest.fixture
def round_day(areas, admin_user):
    from django.utils import timezone

    from gotong.accounts.models import User

    posyandu = Organization.objects.create(name="Posyandu Kenanga", kind="posyandu", area=areas["21.72.03.1005"])
    cadre = User.objects.create_user(username="wati", password="rahasia-123", role="org_staff", first_name="Wati")
    Membership.objects.create(organization=posyandu, user=cadre, role="kader", started_on=datetime.date(2020, 1, 1))
    household = HouseholdFactory(area=rt_in("21.72.03.1005", 1, 1))
    PersonFactory(
        household=household, name="Siti Aminah", sex="P", relationship="kepala", birth_date=datetime.date(1995, 4, 4)
    )
    held_on = _last_round_day(timezone.localdate())
    children = []
    for name, sex, days in (("Nabila Putri", "P", 440), ("Rizky Pratama", "L", 900)):
        person = PersonFactory(
            household=household, name=name, sex=sex, relationship="anak", birth_date=held_on - datetime.timedelta(days)
        )
        children.append(
            services.register_child(
                posyandu=posyandu, person=person, registered_on=person.birth_date, acting_user=admin_user
            )
        )
    session = services.open_session(posyandu=posyandu, held_on=held_on, acting_user=admin_user)
    return session, children


def test_cadre_runs_the_five_tables_on_a_phone(phone, live_server, round_day):
    session, (nabila, _rizky) = round_day
    page = phone
    log_in(page, live_server, "wati")
    page.goto(f"{live_server.url}/posyandu/hari-buka/{session.pk}/")
    tables = page.locator("[data-tables]")
    assert tables.locator("[data-table='1'] [data-progress]").inner_text() == "0/2"

    # Meja 1: Nabila came.
    page.get_by_role("button", name="Hadir Nabila Putri").click()
    assert page.get_by_text("Nabila Putri terdaftar hadir.").is_visible()
    assert tables.locator("[data-table='1'] [data-progress]").inner_text() == "1/2"

    # Meja 2: weigh her (far too light for 14 months: below the red line), then meja 3 reads the KMS.
    tables.locator("[data-table='2']").click()
    page.get_by_role("link", name="Timbang berikutnya: Nabila Putri").click()
    page.get_by_label("Berat badan (kg)").fill("6,2")
    page.get_by_role("button", name="Simpan", exact=True).click()
    page.wait_for_url("**meja=3")
    rows = page.locator("[data-rows]")
    assert rows.get_by_text("Berat badan sangat kurang").is_visible()
    assert rows.get_by_text("Rujuk/PMT: BGM, BB kurang").is_visible()

    # Meja 4: counselling.
    tables.locator("[data-table='4']").click()
    page.get_by_role("link", name="Nabila Putri", exact=True).click()
    page.get_by_label("Catatan penyuluhan").fill("Makan 3x sehari, rujuk ke puskesmas")
    page.get_by_role("button", name="Simpan penyuluhan").click()
    page.wait_for_url("**meja=4")
    assert tables.locator("[data-table='4'] [data-progress]").inner_text() == "1/1"

    # Meja 5: red capsule, albendazole 200 mg and PMT pemulihan.
    tables.locator("[data-table='5']").click()
    page.get_by_role("link", name="Nabila Putri", exact=True).click()
    assert page.get_by_text("Merah 200.000 IU").first.is_visible()
    page.get_by_role("button", name="Vitamin A diberikan").click()
    page.wait_for_url("**meja=5")
    page.get_by_role("link", name="Nabila Putri", exact=True).click()
    page.get_by_role("button", name="Obat cacing diberikan").click()
    page.wait_for_url("**meja=5")
    page.get_by_role("link", name="Nabila Putri", exact=True).click()
    page.get_by_label("Jenis PMT").select_option("pemulihan")
    page.get_by_label("Jumlah hari/porsi").fill("30")
    page.get_by_role("button", name="Simpan PMT").click()
    page.wait_for_url("**meja=5")
    # Vitamin A, deworming and PMT are given; the immunisations the schedule has due are not yet, so meja 5 is
    # not finished for her.
    assert tables.locator("[data-table='5'] [data-progress]").inner_text() == "0/1"
    assert page.get_by_role("link", name="Imunisasi Nabila Putri").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path="test-results/posyandu-day-phone.png", full_page=True)

    # axe (WCAG 2.x A/AA) on the table page, the child's page and the monthly report, at 360 px.
    found = _violations(page, "meja 5")
    page.get_by_role("link", name="Nabila Putri", exact=True).click()
    found += _violations(page, "meja anak")
    page.goto(f"{live_server.url}/posyandu/laporan-bulanan/?bulan={session.month:%Y-%m}")
    assert page.locator("[data-section='vitamin_a']").get_by_text("Posyandu Kenanga").is_visible()
    found += _violations(page, "laporan bulanan")
    page.screenshot(path="test-results/posyandu-monthly-phone.png", full_page=True)
    assert not found, found

    assert DayVisit.objects.get(child=nabila).counselled
    assert VitaminADose.objects.get(child=nabila).capsule == "red"
    assert Deworming.objects.get(child=nabila).dose_mg == 200
    assert Feeding.objects.get(child=nabila).kind == "pemulihan"
